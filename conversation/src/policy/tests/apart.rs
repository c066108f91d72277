//! Cabins apart asked for ("una para 4 y otra para 2", "dos cabañas para 6"): a combination
//! with each party in its own cabin, even when one cabin would hold everyone; one cabin when
//! nobody asked for more.

use super::*;

#[test]
fn cabins_apart_are_offered_even_when_one_holds_everyone() {
    for text in [
        "quiero 2 cabañas, una para 4 y otra para 2, del 15 al 17 de diciembre",
        "necesito una cabaña de 4 y otra de 2 del 15 al 17 de diciembre",
        "we need one cabin for 4 and another for 2, dec 15 to 17",
        "preciso de uma pra 4 e outra pra 2 de 15 a 17 de dezembro",
    ] {
        let t = talk(&[text]);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(offer.together, "{text}: {}", said(&t));
        let mut parts: Vec<(&str, Option<u16>)> = offer
            .options
            .iter()
            .map(|o| (o.name.as_str(), o.guests))
            .collect();
        parts.sort_unstable();
        assert_eq!(
            parts,
            vec![("Cabaña Arrayán", Some(2)), ("Cabaña Coihue", Some(4))],
            "{text}"
        );
        assert!(booked(&t).is_none(), "{text}: offered, not held");
    }
    // "Dos cabañas para 6": the cheapest two that hold them.
    let t = talk(&["hola, necesitamos dos cabañas para 6 personas del 15 al 17 de diciembre"]);
    assert!(said(&t).contains("separadas"), "{}", said(&t));
    let offer = t.state.offer.expect("an offer");
    assert!(offer.together && offer.options.len() == 2, "{offer:?}");
}

#[test]
fn one_cabin_when_nobody_asked_for_more() {
    let t = talk(&["hola, somos 6, del 15 al 17 de diciembre"]);
    let offer = t.state.offer.expect("an offer");
    assert!(!offer.together, "{offer:?}");
    assert_eq!(offer.options[0].name, "Cabaña Lenga");
}

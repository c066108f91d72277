//! Groups and calendars (conv55): cabins apart asked for by who goes in each ("una para
//! nosotros 4 y otra aparte para los abuelos"), offered one each even when the one cabin that
//! would hold them all is taken.

use super::*;

#[test]
fn cabins_apart_said_by_who_goes_in_each_are_offered_one_each() {
    let world = World {
        taken: vec![taken(3, "2026-12-15", "2026-12-17")],
        ..World::default()
    };
    for text in [
        "hola, somos 6: nosotros con los 2 chicos y mis suegros. Queremos una cabaña para nosotros 4 y otra aparte para los abuelos, del 15 al 17 de diciembre",
        "we're 6, one cabin for us 4 and another one for my parents, dec 15 to 17",
        "somos 6, uma pra nós 4 e outra pros avós, de 15 a 17 de dezembro",
    ] {
        let t = world.talk(&[text]);
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
}

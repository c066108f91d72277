//! What stop 37 found by hand: a party one cabin would sleep, with that cabin taken on its
//! dates ("somos 6" with the Lenga taken), was offered other dates only, although two cabins
//! together were free on the dates asked; and "preferimos estar todos juntos en una" after
//! cabins offered together was told no one cabin sleeps them, although one does on other
//! dates.

use super::*;

/// The Lenga (the one cabin for 6) taken 10–15 December.
fn lenga_taken() -> World {
    World {
        taken: vec![taken(3, "2026-12-10", "2026-12-15")],
        ..World::default()
    }
}

fn together(t: &Turn) -> Vec<i64> {
    t.effects
        .iter()
        .find_map(|e| match e {
            Effect::BookTogether(parts) => Some(parts.iter().map(|b| b.accommodation_id).collect()),
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn a_party_whose_one_cabin_is_taken_gets_cabins_together_on_its_dates() {
    for (ask, yes, words) in [
        (
            "hola somos 6, del 12 al 14 de diciembre tienen lugar?",
            "dale",
            "ocupada",
        ),
        (
            "somos 5 adultos, del 12 al 14 de diciembre",
            "si, reservalas",
            "ocupada",
        ),
        ("hi! 6 of us, December 12 to 14, anything?", "yes", "taken"),
        (
            "oi, somos 6, de 12 a 14 de dezembro, tem vaga?",
            "sim",
            "ocupad",
        ),
    ] {
        let offered = lenga_taken().talk(&[ask]);
        let text = said(&offered);
        assert!(
            text.contains(words) && text.contains("Lenga") && text.contains("Coihue"),
            "{ask}: {text}"
        );
        // The Lenga alone is said on its nearest free dates: the 15th on.
        assert!(text.contains("15"), "{ask}: {text}");
        let t = lenga_taken().run(&offered.state, yes);
        let mut ids = together(&t);
        ids.sort_unstable();
        assert_eq!(ids, vec![1, 2], "{ask} / {yes}: {}", said(&t));
    }
}

#[test]
fn a_cabin_named_taken_is_offered_on_other_dates_not_with_others() {
    let t = lenga_taken().talk(&["la lenga esta libre del 12 al 14 de diciembre? somos 6"]);
    assert!(
        t.state.offer.as_ref().is_some_and(|o| !o.together),
        "{}",
        said(&t)
    );
}

#[test]
fn all_in_one_after_cabins_together_gets_the_one_cabins_other_dates() {
    let ask = "hola somos 6, del 12 al 14 de diciembre tienen lugar?";
    for text in [
        "no, preferimos estar todos juntos en una",
        "preferimos todos en una sola cabaña",
        "we'd rather all stay in one cabin",
    ] {
        let t = lenga_taken().talk(&[ask, text]);
        let offer = t.state.offer.as_ref();
        assert!(
            offer.is_some_and(
                |o| !o.together && o.options.first().is_some_and(|o| o.name == "Cabaña Lenga")
            ),
            "{text}: {}",
            said(&t)
        );
        let t = lenga_taken().run(&t.state, "dale");
        assert!(
            booked(&t).is_some_and(|b| b.accommodation_id == 3 && b.check_in >= d("2026-12-15")),
            "{text}: {}",
            said(&t)
        );
    }
    // A party no cabin sleeps still hears the largest.
    let t = talk(&["somos 10 del 12 al 14 de diciembre", "todos en una?"]);
    assert!(said(&t).contains("Lenga"), "{}", said(&t));
}

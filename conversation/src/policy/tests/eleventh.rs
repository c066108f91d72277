//! Turns an eleventh, blind set of conversations (English and Portuguese guests) found wrong:
//! a question that only one option on the table answers yes points at that option; a move
//! after a hold to "one with" a feature moves the hold.

use super::*;

#[test]
fn the_one_option_that_has_what_was_asked_is_the_one_pointed_at_after() {
    let w = World::default();
    for (ask, that) in [
        ("¿alguna tiene pileta?", "dale, esa"),
        ("tem alguma com piscina?", "então quero essa"),
        ("is there one with a pool?", "that one please"),
    ] {
        let t = w.run(
            &ConversationState::default(),
            "somos 4 del 15 al 17 de diciembre",
        );
        let offer = t.state.offer.as_ref().expect("an offer");
        assert_eq!(
            offer.options[offer.chosen].accommodation_id, 2,
            "Coihue first"
        );
        let t = w.run(&t.state, ask);
        assert!(said(&t).contains("Lenga"), "{ask}: {}", said(&t));
        let t = w.run(&t.state, that);
        let b = booked(&t).map(|b| b.accommodation_id);
        let focus = t
            .state
            .offer
            .as_ref()
            .map(|o| o.options[o.chosen].accommodation_id);
        assert!(
            b == Some(3) || b.is_none() && focus == Some(3),
            "{ask} / {that}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_move_after_a_hold_to_one_with_a_feature_moves_the_hold() {
    let w = coihue_hold(false);
    for text in [
        "can we switch to one with a pool?",
        "dá pra trocar pra uma com piscina?",
        "can we move to one with a heated pool please",
    ] {
        let t = w.run(&after_hold(), text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { code, to } => Some((code.clone(), to.accommodation_id)),
            _ => None,
        });
        assert_eq!(
            moved,
            Some(("RES261215007".to_owned(), 3)),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_bigger_one_after_a_hold_offers_the_larger_cabins_to_replace_it() {
    // The Arrayán (for 2) held: the Coihue and the Lenga are offered, the hold stays.
    let w = World {
        held: Some(Held {
            code: "RES261215009".into(),
            accommodation_id: 1,
            accommodation: "Cabaña Arrayán".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
            paid: false,
            payment_link: None,
            holds_until: None,
            group: None,
        }),
        taken: vec![taken(1, "2026-12-15", "2026-12-17")],
        ..Default::default()
    };
    let state = ConversationState {
        booked: Some(Booked {
            accommodation: "Cabaña Arrayán".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
        }),
        ..Default::default()
    };
    for text in [
        "is there a bigger one? we'd like more space",
        "tem uma maior?",
        "¿hay una más grande?",
    ] {
        let t = w.run(&state, text);
        let s = said(&t);
        assert!(s.contains("RES261215009"), "{text}: {s}");
        assert!(s.contains("Coihue") && s.contains("Lenga"), "{text}: {s}");
        assert!(
            !t.effects.iter().any(|e| matches!(
                e,
                Effect::Book(_) | Effect::MoveHold { .. } | Effect::ReleaseHold { .. }
            )),
            "{text}: nothing changes yet"
        );
        let offer = t
            .state
            .offer
            .as_ref()
            .expect("the larger ones on the table");
        assert!(offer.options.iter().all(|o| o.accommodation_id != 1));
    }
}

#[test]
fn pointing_at_what_only_a_cabin_not_offered_has_says_which_and_why() {
    // Only the Arrayán (for 2) has the view.
    let mut cabins = cabins();
    cabins[0].description = "Para dos, con hogar a leña y vista a la montaña.".into();
    cabins[1].description = "Dos dormitorios y deck al bosque.".into();
    cabins[2].description = "Tres dormitorios, ideal para familias.".into();
    for (text, word) in [
        ("la que tiene vista a la montaña", "personas"),
        ("¿hay alguna con vista a la montaña?", "personas"),
        ("is there one with a mountain view?", "sleeps"),
        ("tem alguma com vista pra montanha?", "pessoas"),
    ] {
        let t = run_on(
            &cabins,
            &ConversationState::default(),
            "somos 4 del 15 al 17 de diciembre",
        );
        let t = run_on(&cabins, &t.state, text);
        let s = said(&t);
        assert!(s.contains("Arrayán") && s.contains(word), "{text}: {s}");
        assert!(booked(&t).is_none(), "{text}");
    }
}

/// A turn in a world of these cabins, nothing taken.
fn run_on(cabins: &[Accommodation], state: &ConversationState, text: &str) -> Turn {
    let u = understand(text, today(), NAMES);
    let place = place();
    let facts = Facts {
        today: today(),
        place: &place,
        occupancy: Occupancy {
            accommodations: cabins,
            taken: &[],
        },
        held: None,
        others: &[],
        public_base_url: "https://reservas.example",
    };
    turn(state, Incoming::Words(&u), &facts)
}

//! What conv88's blind set (the hard middle and end of a booking in the three languages)
//! found: after a change into taken dates, keeping the hold as it was said in words no list
//! held ("dejamos las fechas que teníamos", "dejá la reserva como estaba") was not understood
//! or read as a no; "no, mejor la Coihue" over an offer of another cabin was read as a plain
//! no, the cabin named ignored.

use super::*;

/// The Lenga held for 6, 15–17 Dec, asked to move to 20–23 Dec where it is taken: the turn
/// after which the guest decides.
fn lenga_asked_into_taken_dates() -> (World, ConversationState) {
    let (mut world, state) = lenga_for_six();
    world.taken.push(taken(3, "2026-12-20", "2026-12-23"));
    let t = world.run(&state, "che al final podemos del 20 al 23 de diciembre?");
    assert!(!moved(&t), "moved into taken dates: {}", said(&t));
    (world, t.state)
}

#[test]
fn keeping_the_hold_after_taken_dates_said_in_any_words_keeps_it() {
    let (world, state) = lenga_asked_into_taken_dates();
    for text in [
        "ah bueno entonces dejamos las fechas que teniamos",
        "no bueno deja la reserva como estaba",
        "bueno mantené las fechas originales",
        "ok then keep the dates we had",
        "fine, leave the booking as it was",
        "ah então deixa as datas que a gente tinha",
    ] {
        let t = world.run(&state, text);
        let s = said(&t);
        assert!(!moved(&t) && !released(&t), "{text}: {s}");
        assert!(s.contains("Lenga"), "{text}: {s}");
        assert!(
            !s.contains("no te entendí") && !s.contains("didn't understand"),
            "{text}: {s}"
        );
        assert!(
            t.state.offer.is_none(),
            "{text}: an offer left on the table"
        );
    }
}

#[test]
fn a_no_naming_another_cabin_over_an_offer_wants_that_cabin() {
    for (first, no) in [
        (
            "la ñire del 15 al 17 de diciembre para 4",
            "no mejor la coihue",
        ),
        (
            "la ñire del 15 al 17 de diciembre para 4",
            "no mejor cambiemos a la coihue asi llevamos al perro",
        ),
        (
            "is the ñire free december 15 to 17 for 4?",
            "no, the coihue instead",
        ),
        (
            "a ñire tem vaga de 15 a 17 de dezembro pra 4?",
            "não, prefiro a coihue",
        ),
    ] {
        let t = talk(&[first, no]);
        let offers_coihue = t
            .state
            .offer
            .as_ref()
            .is_some_and(|o| o.options.iter().any(|o| o.name == "Cabaña Coihue"));
        assert!(offers_coihue || booked(&t).is_some(), "{no}: {}", said(&t));
        let held = held_over(&[first, no, "dale"]).unwrap_or_else(|| panic!("{no}: not held"));
        assert_eq!(held.accommodation_id, 2, "{no}");
    }
    // The cabin named is the one turned down: still a no.
    let t = talk(&["la ñire del 15 al 17 de diciembre para 4", "no, la ñire no"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
}

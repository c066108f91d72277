//! What conv86's blind set (ordinary Argentine exchanges where the guest wanders) found: with
//! a stay held straight from "quisiera reservar para 4 …" (the cheapest cabin that fits, no
//! offer listed), "prefiero la segunda opción" was read as a greeting and asked for dates and
//! people again; the place pointed at now counts among the cabins that fit the held stay, and
//! the hold moves there.

use super::*;

/// The Coihue held unpaid for 4, 15–17 Dec, and the state right after it was placed.
fn coihue_held_for_four() -> (World, ConversationState) {
    let mut world = coihue_hold(false);
    if let Some(h) = world.held.as_mut() {
        h.guests = 4;
    }
    let mut state = after_hold();
    state.guests = Some(4);
    if let Some(b) = state.booked.as_mut() {
        b.guests = 4;
    }
    (world, state)
}

#[test]
fn a_place_pointed_at_after_a_hold_with_no_offer_moves_it_to_that_cabin_that_fits() {
    let (world, state) = coihue_held_for_four();
    for text in [
        "Hola,\nPrefiero la segunda opción.\nDiego",
        "prefiero la segunda opcion",
        "mejor la segunda",
        "Hi, I'd rather take the second option",
        "Oi, prefiro a segunda opção",
        "la ultima mejor",
    ] {
        let t = world.run(&state, text);
        let s = said(&t);
        assert!(moved(&t), "{text}: {s}");
        assert!(s.contains("Cabaña Lenga"), "{text}: {s}");
        assert!(!s.contains("fechas"), "{text}: {s}");
    }
}

#[test]
fn the_first_place_pointed_at_is_the_cabin_already_held() {
    let (world, state) = coihue_held_for_four();
    for text in ["la primera", "the first one", "a primeira"] {
        let t = world.run(&state, text);
        let s = said(&t);
        assert!(!moved(&t) && !released(&t), "{text}: {s}");
        assert!(s.contains("Cabaña Coihue"), "{text}: {s}");
    }
}

#[test]
fn a_place_beyond_the_cabins_that_fit_moves_nothing() {
    let (world, state) = coihue_held_for_four();
    let t = world.run(&state, "la tercera");
    assert!(!moved(&t) && !released(&t), "{}", said(&t));
}

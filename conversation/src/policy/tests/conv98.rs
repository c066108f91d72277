//! What the blind set conv98 found: a cabin pointed at by what it has, outside an offer of the
//! one cabin the guest named, was said to be taken although it was free ("la Ñire, la del
//! jacuzzi" after the Arrayán alone was offered); "borrame la reserva" after a greeting did not
//! cancel; "so 4 again, the one with the jacuzzi" held the cabin for the party said before;
//! probing after it: "la primera no, la segunda" held the first; "sacame la reserva" did not
//! cancel; after main taught "otro finde" as a date, "cancelala, vamos otro finde" moved the
//! hold a week instead of releasing it.

use super::*;

const ARRAYAN_FOR_TWO: &str = "hay lugar en la arrayan del 15 al 17 de diciembre para 2?";

#[test]
fn a_free_cabin_pointed_at_by_what_it_has_outside_the_offer_is_quoted() {
    for text in [
        "no, la que tiene pileta",
        "no perdon, queria decir la lenga, la de la pileta",
        "sorry, I meant the one with the pool",
    ] {
        let t = talk(&[ARRAYAN_FOR_TWO, text]);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert_eq!(
            offer.options.get(offer.chosen).map(|o| o.name.as_str()),
            Some("Cabaña Lenga"),
            "{text}"
        );
        assert!(!said(&t).contains("no está libre"), "{text}: {}", said(&t));
        let held = held_over(&[ARRAYAN_FOR_TWO, text, "dale"]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(3), "{text}");
    }
}

#[test]
fn a_taken_cabin_pointed_at_by_what_it_has_is_still_said_taken() {
    let w = World {
        taken: vec![taken(3, "2026-12-15", "2026-12-17")],
        ..World::default()
    };
    let t = w.talk(&[ARRAYAN_FOR_TWO, "la que tiene pileta"]);
    assert!(said(&t).contains("no está libre"), "{}", said(&t));
    assert!(booked(&t).is_none());
}

#[test]
fn the_booking_erased_after_a_greeting_is_released() {
    let (w, state) = unpaid_hold_of(2, "Cabaña Coihue");
    for text in [
        "hola de nuevo mira surgio un problema asi que borrame la reserva porfa",
        "buenas, eliminá la reserva por favor",
        "hi again, please delete my booking",
    ] {
        assert!(released(&w.run(&state, text)), "{text}");
    }
}

#[test]
fn a_party_said_again_with_a_pick_is_held_for_that_party() {
    for (ask, back) in [
        ("we're 4 from December 15 to 17", "actually make it 2"),
        ("somos 4 del 15 al 17 de diciembre", "mejor somos 2"),
    ] {
        for pick in [
            "so 4 again, the one with the pool",
            "al final somos 4 otra vez, la de la pileta",
        ] {
            let held = held_over(&[ask, back, pick, "dale"]);
            assert_eq!(
                held.map(|b| (b.accommodation_id, b.guests)),
                Some((3, 4)),
                "{ask} / {pick}"
            );
        }
    }
}

#[test]
fn the_first_turned_down_and_the_second_chosen_holds_the_second() {
    let ask = "hola, somos 4 del 15 al 17 de diciembre";
    for text in [
        "la primera no, la segunda",
        "not the first one, the second",
        "a primeira não, a segunda",
    ] {
        let held = held_over(&[ask, text, "dale"]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(3), "{text}");
    }
}

#[test]
fn the_booking_taken_away_is_released() {
    let (w, state) = unpaid_hold_of(2, "Cabaña Coihue");
    assert!(released(&w.run(&state, "sacame la reserva porfa")));
}

#[test]
fn a_cancel_with_another_weekend_some_day_releases_and_moves_nothing() {
    let (w, state) = unpaid_hold_of(2, "Cabaña Coihue");
    for text in [
        "cancelala, vamos otro finde",
        "cancel it please, we'll come another weekend",
    ] {
        let t = w.run(&state, text);
        assert!(released(&t) && !moved(&t), "{text}: {}", said(&t));
    }
}

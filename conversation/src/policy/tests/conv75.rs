//! What conv75's blind set (the hard middle of a booking) found: a switch put to the guest
//! and accepted by ordering it ("pode trocar", "cambiala", "switch it") was not understood; a
//! cancellation taken back right after it ("no no, mejor no, dejala como está", "wait, don't
//! cancel, keep it") was not understood, unpaid or paid; an offered cabin turned down by name
//! ("não curti a Coihue, tem outra?") and a bigger one asked with a feature ("¿algo más
//! grande? con jacuzzi") left a yes after them booking the first proposal; a paid stay's move
//! into nights another guest holds was noted for staff as if it could be made.

use super::*;

fn moved_to(t: &Turn) -> Option<i64> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some(to.accommodation_id),
        _ => None,
    })
}

fn requested_cancel(t: &Turn) -> bool {
    t.effects
        .iter()
        .any(|e| matches!(e, Effect::RequestCancellation { .. }))
}

#[test]
fn a_switch_put_to_the_guest_is_accepted_by_ordering_it() {
    let world = coihue_hold(false);
    let offered = world.run(&after_hold(), "¿no tenés una más grande?");
    assert!(said(&offered).contains("Lenga"), "{}", said(&offered));
    for text in ["pode trocar", "cambiala", "switch it", "sí, pasala nomás"] {
        let t = world.run(&offered.state, text);
        assert_eq!(moved_to(&t), Some(3), "{text}: {}", said(&t));
    }
}

#[test]
fn a_cancellation_taken_back_right_after_it_keeps_the_stay() {
    // Unpaid: released, then held again, the same cabin for the same stay.
    let world = coihue_hold(false);
    let cancelled = world.run(&after_hold(), "cancelala porfa");
    assert!(released(&cancelled), "{}", said(&cancelled));
    for text in [
        "no no, mejor no, dejala como está",
        "uh no, mejor no la canceles",
        "wait no, don't cancel, keep it",
        "não, melhor não, deixa ela, vamos sim",
    ] {
        let t = World::default().run(&cancelled.state, text);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, 2, "{text}");
        assert_eq!(
            (b.check_in, b.check_out),
            (d("2026-12-15"), d("2026-12-17"))
        );
    }
    // "No, gracias" after it takes nothing back.
    let t = World::default().run(&cancelled.state, "no, gracias");
    assert_eq!(booked(&t), None, "{}", said(&t));
    // Paid: the request recorded, then taken back: the stay stands, a person is told.
    let world = coihue_hold(true);
    let asked = world.run(&ConversationState::default(), "quiero cancelar");
    assert!(requested_cancel(&asked), "{}", said(&asked));
    for text in [
        "mejor no, dejala, vamos igual",
        "wait, don't cancel it, keep it",
        "não cancela não, mantém a reserva",
    ] {
        let t = world.run(&asked.state, text);
        assert!(
            !requested_cancel(&t) && !released(&t),
            "{text}: {}",
            said(&t)
        );
        assert!(said(&t).contains("Coihue"), "{text}: {}", said(&t));
        assert!(t.state.needs_human, "{text}");
    }
}

#[test]
fn an_offered_cabin_turned_down_is_not_what_the_yes_after_books() {
    for (turn_down, yes) in [
        ("no me gusta la Arrayán, ¿tenés otra?", "dale"),
        ("não curti a Arrayán, tem outra?", "fechado, reserva"),
        ("I don't like the Arrayán, anything else?", "ok book it"),
    ] {
        let b = held_over(&[ASK_FOR_TWO, turn_down, yes]);
        assert!(
            b.is_some_and(|b| b.accommodation_id != 1),
            "{turn_down}: {b:?}"
        );
    }
    // "¿Alguna otra opción?" alone only looks around: the yes takes the one proposed.
    let b = held_over(&[ASK_FOR_TWO, "¿alguna otra opción?", "dale"]);
    assert_eq!(b.map(|b| b.accommodation_id), Some(1));
}

#[test]
fn a_size_or_price_asked_with_a_feature_points_at_the_option_that_has_it() {
    for (ask, yes) in [
        ("¿y la más barata que tenga pileta?", "dale"),
        ("the cheapest one with a pool?", "sounds good"),
    ] {
        let world = World::default();
        let mut state = ConversationState::default();
        let mut out = String::new();
        for m in [ASK_FOR_TWO, ask] {
            let t = world.run(&state, m);
            out = said(&t);
            state = t.state;
        }
        assert!(out.contains("Lenga"), "{ask}: {out}");
        let t = world.run(&state, yes);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(3),
            "{ask}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_paid_stay_moved_into_taken_nights_is_told_so() {
    let mut world = coihue_hold(true);
    world.taken.push(taken(2, "2026-12-20", "2026-12-22"));
    for (text, word) in [
        ("¿podemos pasarla del 20 al 22 de diciembre?", "ocupada"),
        ("could we move it to December 20 to 22?", "taken"),
        ("dá pra mudar pra 20 a 22 de dezembro?", "ocupada"),
    ] {
        let t = world.run(&after_hold(), text);
        assert!(said(&t).contains(word), "{text}: {}", said(&t));
        assert!(said(&t).contains("Coihue"), "{text}: {}", said(&t));
    }
    // Free nights: noted for the team as before.
    let t = world.run(&after_hold(), "¿podemos pasarla del 26 al 28 de diciembre?");
    assert!(said(&t).contains("equipo"), "{}", said(&t));
}

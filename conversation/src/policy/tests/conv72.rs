//! Turns a seventy-second set of conversations (the bullets one by one, mostly
//! Argentine WhatsApp) and the probes after it found wrong: one end of the stay asked about
//! alone after the check-in times ("¿y la salida?", "e a chegada?", "and departure?") was not
//! understood; an option pointed at by its size in a relative clause ("la que tiene más lugar",
//! "the one with more room", "a que tem mais espaço") was answered as a question about the
//! cabins and the yes after it held the option proposed before; the party settled with
//! "quedamos 4" (no "en") or "we're only 4 now" after a hold left the hold as it was.

use super::*;

/// Where the hold moves, and for how many.
fn moved_to(t: &Turn) -> Option<(i64, u16)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.accommodation_id, to.guests)),
        _ => None,
    })
}

#[test]
fn an_end_of_the_stay_asked_alone_after_the_times_says_its_time() {
    for (first, then, time) in [
        ("a q hora es el check in?", "y la salida?", "10:00"),
        ("a que hora se puede entrar?", "ok, y el egreso?", "10:00"),
        ("hasta que hora es el check out?", "y la entrada?", "14:00"),
        ("what time is check-in?", "and departure?", "10:00"),
        ("what time is checkout?", "what about arrival?", "14:00"),
        ("que horas é o check-in?", "e a saída?", "10:00"),
        ("que horas é o check-out?", "e a chegada?", "14:00"),
    ] {
        let t = talk(&[first, then]);
        let s = said(&t);
        assert!(s.contains(time), "{first} / {then}: {s}");
        assert!(!s.contains("no te entend"), "{then}: {s}");
    }
}

#[test]
fn an_option_pointed_at_by_its_size_is_taken_and_the_yes_after_it_books_it() {
    for messages in [
        &[
            "somos 4 del 15 al 17 de diciembre",
            "la que tiene mas lugar",
            "dale",
        ][..],
        &[
            "somos 4 del 15 al 17 de diciembre",
            "la de mas capacidad",
            "si",
        ],
        &[
            "somos 4 del 15 al 17 de diciembre",
            "eh la que tiene mas camas",
            "dale",
        ],
        &[
            "4 of us, December 15 to 17",
            "the one with more room",
            "yes",
        ],
        &[
            "4 of us, December 15 to 17",
            "the one with the most space",
            "yes",
        ],
        &[
            "somos 4, de 15 a 17 de dezembro",
            "a que tem mais espaço",
            "sim",
        ],
        &[
            "somos 4 del 15 al 17 de diciembre",
            "la que sale mas",
            "dale",
        ],
    ] {
        let held = held_over(messages).map(|b| b.accommodation_id);
        assert_eq!(held, Some(3), "{messages:?}");
    }
    // Smaller: the Coihue of the Coihue and the Lenga (the one proposed stays the pick).
    let held = held_over(&[
        "somos 4 del 15 al 17 de diciembre",
        "la que tiene menos lugar",
        "dale",
    ]);
    assert_eq!(held.map(|b| b.accommodation_id), Some(2));
}

#[test]
fn the_party_settled_with_quedamos_after_a_hold_changes_the_hold() {
    let (world, state) = lenga_for_six();
    for text in [
        "nos vamos a tener que bajar 2, quedamos 4",
        "al final quedamos 4",
        "quedamos cuatro nomas",
        "sorry, we're only 4 now",
        "there are only 4 of us now",
    ] {
        let t = world.run(&state, text);
        assert_eq!(moved_to(&t), Some((3, 4)), "{text}: {}", said(&t));
    }
}

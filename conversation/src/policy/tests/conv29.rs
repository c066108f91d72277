//! What the blind sample of conv29 found: an option pointed at by what it has with a question
//! about the place besides ("me gusta la de la pileta, ¿tiene wifi?") gets the question
//! answered for it; an option pointed at by the room it has ("la que tenga más lugar", even
//! after "cualquiera de las dos") is the largest, but a cabin named off the offer with the room
//! wanted ("sí, pero la Lenga, queremos más espacio") is that cabin.

use super::*;
use crate::nlu::Choice;

const ASK_FOR_FOUR: &str = "hola somos 4 del 15 al 17 de diciembre, q tienen?";

#[test]
fn a_pick_by_what_a_cabin_has_with_a_question_gets_it_answered_for_that_cabin() {
    for (text, answer) in [
        ("me gusta la de la pileta, tiene wifi?", "wifi"),
        ("la d la pileta tiene parrilla?", "parrilla"),
        ("I like the one with the pool, does it have wifi?", "wifi"),
    ] {
        let t = talk(&[ASK_FOR_FOUR, text]);
        let out = said(&t).to_lowercase();
        assert!(out.contains("lenga"), "{text}: {out}");
        assert!(out.contains(answer), "{text}: {out}");
        // A question: the option comes into focus, nothing is held.
        assert!(booked(&t).is_none(), "{text}: {out}");
    }
    // Said as no question (a voice note): held by what it has, the question still answered.
    let t = talk(&[ASK_FOR_FOUR, "eh la de la pileta tiene wifi"]);
    let out = said(&t).to_lowercase();
    assert!(out.contains("wifi"), "{out}");
    assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(3), "{out}");
    // Pointed at and nothing else asked: no answer besides the option.
    let out = said(&talk(&[ASK_FOR_FOUR, "la de la pileta?"])).to_lowercase();
    assert!(out.contains("lenga") && !out.contains("wifi"), "{out}");
}

#[test]
fn the_one_with_more_room_is_the_largest_even_after_either_will_do() {
    for text in [
        "la q tenga mas lugar",
        "cualquiera de las dos, la q tenga mas lugar",
        "la de mas espacio",
    ] {
        let b = booked(&talk(&[ASK_FOR_FOUR, text]));
        assert_eq!(b.map(|b| b.accommodation_id), Some(3), "{text}");
    }
    for text in [
        "la q tenga mas lugar",
        "la de mas espacio",
        "la que tenga mas habitaciones porfa",
        "¿cuál tiene más dormitorios?",
        "buscamos algo con mas cuartos",
    ] {
        assert_eq!(
            understand(text, today(), NAMES).choice,
            Some(Choice::Largest),
            "{text}"
        );
    }
    // The dearest is still the dearest.
    assert_eq!(
        understand("la mas cara", today(), NAMES).choice,
        Some(Choice::Priciest)
    );
}

#[test]
fn a_cabin_named_off_the_offer_with_the_size_wanted_is_that_cabin() {
    // The offer for 2 without the Lenga (taken): the Lenga named with the room wanted is what
    // is asked for (it is said to be taken), not the largest of the others held.
    let world = World {
        taken: vec![taken(3, "2026-12-15", "2026-12-16")],
        ..World::default()
    };
    let t = world.talk(&[ASK_FOR_TWO, "si pero la lenga, queremos mas espacio"]);
    let out = said(&t);
    assert!(out.contains("Lenga"), "{out}");
    assert!(out.contains("ocupada"), "{out}");
    assert!(booked(&t).is_none(), "{out}");
}

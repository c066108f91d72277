//! Turns a tenth, blind set of conversations (Argentine Spanish on a phone: extras, several
//! things at once, corrections) found wrong: a yes with a request about the place books and
//! answers it; a cot, a fireplace, a motorbike are asked about as such.

use super::*;

#[test]
fn a_yes_with_a_request_about_the_place_books_and_answers_it() {
    for (stay, yes, answer) in [
        (
            "somos 2 del 10 al 13 de mayo",
            "si dale pero con cuna para el bebe",
            "cuna",
        ),
        (
            "somos 2 del 10 al 13 de mayo",
            "dale, reservala, y traemos la moto",
            "cochera",
        ),
        (
            "2 people from May 10 to 13",
            "yes please, and we need a crib",
            "crib",
        ),
        (
            "somos 2 de 10 a 13 de maio",
            "sim, pode reservar, precisamos de berço",
            "Berço",
        ),
    ] {
        let t = talk(&[stay, yes]);
        assert!(booked(&t).is_some(), "{yes}: {}", said(&t));
        let s = said(&t).to_lowercase();
        assert!(s.contains(&answer.to_lowercase()), "{yes}: {s}");
        assert!(!said(&t).contains("bienvenid"), "{yes}: {}", said(&t));
    }
    // Asked as a question, it is answered first; nothing is booked.
    let t = talk(&["somos 2 del 10 al 13 de mayo", "tienen cuna para el bebe?"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
    assert!(said(&t).to_lowercase().contains("cuna"), "{}", said(&t));
}

#[test]
fn a_fireplace_and_firewood_are_asked_as_such() {
    for text in [
        "la lenga tiene hogar?",
        "hay leña en la lenga?",
        "tem lareira na Lenga?",
    ] {
        let t = talk(&[text]);
        let s = said(&t).to_lowercase();
        assert!(s.contains("hogar") || s.contains("lareira"), "{text}: {s}");
    }
    let t = talk(&["la coihue tiene hogar a leña?"]);
    assert!(said(&t).contains("Lenga"), "{}", said(&t));
}

//! Turns a blind set of voice notes and short chat replies (conv102) found wrong, and the
//! probes around them: a yes after the fillers a voice note opens with ("eh si", "o sea si")
//! was not read as a yes; time asked to decide ("dejame pensarlo") got "no te entendí"; a
//! cabin named after a nod ("ok what about the Lenga?", "cool, how about the Coihue?") after a
//! question about the place did not ask the same about it.

use super::*;

#[test]
fn a_yes_after_spoken_fillers_takes_the_offer() {
    for yes in [
        "eh si",
        "o sea si",
        "mmm si dale",
        "bueno nada si",
        "eh o sea si",
    ] {
        let held = held_over(&["hola somos 2 del 10 al 12 de diciembre", yes]);
        assert!(held.is_some(), "{yes}");
    }
    // A filler and a conditional "si" that goes on asks, it does not book.
    let t = talk(&[
        "hola somos 2 del 10 al 12 de diciembre",
        "eh si tienen estacionamiento?",
    ]);
    assert!(booked(&t).is_none(), "{}", said(&t));
}

#[test]
fn time_asked_to_decide_books_nothing_and_is_understood() {
    for text in ["dejame pensarlo", "dejame pensar", "mmm dejame ver"] {
        let t = talk(&["hola somos 2 del 10 al 12 de diciembre", text]);
        assert!(booked(&t).is_none(), "{text}");
        let out = said(&t).to_lowercase();
        assert!(!out.contains("no te entend"), "{text}: {out}");
    }
}

#[test]
fn a_cabin_named_after_a_nod_asks_the_same_about_it() {
    for (first, then, yes) in [
        (
            "Does the Arrayán allow dogs?",
            "ok what about the Lenga",
            "yes",
        ),
        (
            "Does the Arrayán allow dogs?",
            "cool, how about the Coihue?",
            "yes",
        ),
        ("A Arrayán aceita cachorro?", "tá certo, e a Lenga?", "sim"),
    ] {
        let t = talk(&[first, then]);
        let out = said(&t).to_lowercase();
        assert!(
            out.starts_with(yes) || out.starts_with(&format!("¡{yes}")),
            "{then}: {out}"
        );
        assert!(booked(&t).is_none(), "{then}: {out}");
    }
}

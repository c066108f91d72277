//! What conv84's blind set (the hard middle and end of a booking in the three languages)
//! found: "al final venimos 4, se prenden unos amigos" after a hold was not understood (the
//! party said with a verb of coming); "somos 5 nomás al final, uno se bajó" moved the hold to
//! one guest (who left read as the party); "no thanks" to an offer and then "actually ok,
//! let's do it" showed the offer again instead of holding it.

use super::*;

#[test]
fn a_party_said_with_a_verb_of_coming_after_a_hold_moves_it_to_that_many() {
    let world = coihue_hold(false);
    for text in [
        "uh al final venimos 4, se prenden unos amigos",
        "al final venimos 3",
        "vendremos 4 al final",
    ] {
        let t = world.run(&after_hold(), text);
        let to = moved_to(&t).unwrap_or_else(|| panic!("{text}: not moved: {}", said(&t)));
        assert!(to.guests >= 3, "{text}: {to:?}");
        assert_eq!(to.accommodation_id, 2, "{text}");
    }
}

#[test]
fn who_left_or_joined_is_not_the_party_a_hold_moves_to() {
    let world = coihue_hold(false);
    for (text, want) in [
        ("somos 3 nomas al final, uno se bajo", 3),
        ("al final somos 4, dos se suman", 4),
        ("no final somos 3, um desistiu", 3),
        ("we're 3 in the end, one dropped out", 3),
    ] {
        let t = world.run(&after_hold(), text);
        let to = moved_to(&t).unwrap_or_else(|| panic!("{text}: not moved: {}", said(&t)));
        assert_eq!(to.guests, want, "{text}");
    }
}

#[test]
fn a_yes_after_the_offer_was_turned_down_takes_it() {
    for (ask, no, yes) in [
        (
            "we are 2, January 10 to 13",
            "no thanks",
            "actually ok, let's do it",
        ),
        (
            "we are 2, January 10 to 13",
            "no thank you",
            "ok fine, book it",
        ),
        (
            "somos 2, del 10 al 13 de enero",
            "mejor no, gracias",
            "bueno dale, reservala igual",
        ),
        (
            "somos 2, del 10 al 13 de enero",
            "no, gracias",
            "bueno sí, dale",
        ),
        (
            "somos 2, de 10 a 13 de janeiro",
            "não, obrigado",
            "pensando bem, pode reservar",
        ),
        (
            "somos 2, de 10 a 13 de janeiro",
            "não, obrigado",
            "mudei de ideia, quero sim",
        ),
        (
            "somos 2, del 10 al 13 de enero",
            "mejor no",
            "pensandolo bien, dale",
        ),
        (
            "we are 2, January 10 to 13",
            "no thanks",
            "on second thought, yes please",
        ),
    ] {
        let b = held_over(&[ask, no, yes]).unwrap_or_else(|| panic!("{yes}: nothing held"));
        assert_eq!(b.accommodation_id, 1, "{yes}");
        assert_eq!(
            (b.check_in, b.check_out),
            (d("2027-01-10"), d("2027-01-13"))
        );
    }
}

#[test]
fn after_the_offer_was_turned_down_a_no_or_a_question_holds_nothing() {
    for (ask, no, then) in [
        ("we are 2, January 10 to 13", "no thanks", "no"),
        (
            "somos 2, del 10 al 13 de enero",
            "mejor no, gracias",
            "tienen wifi?",
        ),
        (
            "somos 2, del 10 al 13 de enero",
            "no, gracias",
            "y del 20 al 23?",
        ),
        // A bare yes after the no is not a mind changed.
        ("somos 2, del 10 al 13 de enero", "no, gracias", "dale"),
        ("we are 2, January 10 to 13", "no thanks", "ok"),
    ] {
        assert!(held_over(&[ask, no, then]).is_none(), "{then}");
    }
}

//! What the fifteenth blind set (cases_conv15.txt) found: a bare "?" or "hola??" after an
//! offer, while the guest waits, gets the offer again instead of a greeting or a menu.

use super::*;

#[test]
fn a_nudge_after_an_offer_says_the_offer_again() {
    for text in [
        "?",
        "hola??",
        "??",
        "hello?",
        "oi?",
        "hola? hay alguien?",
        "y?",
    ] {
        let first = talk(&["somos 2 del 20 al 22 de abril"]);
        assert!(first.state.offer.is_some(), "an offer first");
        let t = run(&first.state, text);
        let s = said(&t);
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(booked(&t).is_none(), "{text}: nothing held");
        assert!(t.state.offer.is_some(), "{text}: the offer stays");
    }
}

#[test]
fn a_nudge_with_nothing_offered_books_nothing() {
    for text in ["?", "hola??"] {
        let t = talk(&["hola", text]);
        assert!(booked(&t).is_none(), "{text}");
        assert!(t.state.offer.is_none(), "{text}");
    }
}

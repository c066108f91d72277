//! What the fifteenth blind set (cases_conv15.txt) found: a bare "?" or "hola??" after an
//! offer, while the guest waits, gets the offer again instead of a greeting or a menu; the
//! price a night asked with the dates is said with the offer.

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

#[test]
fn the_price_a_night_asked_with_the_dates_comes_with_the_offer() {
    for text in [
        "tienen algo pa 2 del 3 al 5 de abril? cuanto sale x noche",
        "hay lugar para 2 del 3 al 5 de abril, y cuál es el precio por noche?",
        "do you have anything for 2 from April 3 to 5? how much per night?",
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains("45.000"), "{text}: {s}");
        assert!(t.state.offer.is_some(), "{text}");
        assert!(booked(&t).is_none(), "{text}");
    }
}

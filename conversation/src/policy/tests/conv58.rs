//! Turns a fifty-eighth, blind set of conversations (English-speaking and Brazilian guests over
//! every bullet) found wrong: a cabin named alone after a question about the place, in an email
//! (which the mail gateway opens with its subject, "Consulta\nAnd the Coihue?"), was not
//! understood; and a party told with its families before the stay ("somos 12, três famílias, de
//! 20 a 23 de fevereiro") was read as three families of twenty.

use super::*;

#[test]
fn a_cabin_named_after_a_question_asks_the_same_in_an_email_too() {
    for (first, then, yes) in [
        (
            "Consulta\nHi,\nIs the Arrayán pet friendly? We have a small terrier.\nThanks,\nJack",
            "Consulta\nAnd the Coihue?\nJack",
            "yes",
        ),
        (
            "Consulta\nA Arrayán aceita cachorro?",
            "Consulta\nE a Lenga?\nAbs, Marcos",
            "sim",
        ),
        (
            "Consulta\n¿La Arrayán acepta perros?",
            "Consulta\nHola, ¿y la Coihue?",
            "sí",
        ),
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

#[test]
fn families_said_before_the_stay_leave_the_party_as_counted() {
    for text in [
        "Oi! somos 12, três famílias, de 20 a 23 de fevereiro",
        "Hi! we're 12, three families, from 20 to 23 Feb",
    ] {
        let t = talk(&[text]);
        let out = said(&t);
        let offer = t.state.offer.as_ref().expect("cabins offered together");
        assert_eq!(offer.guests, 12, "{text}: {out}");
        assert!(offer.together, "{text}: {out}");
        assert!(!out.contains("16"), "{text}: {out}");
    }
}

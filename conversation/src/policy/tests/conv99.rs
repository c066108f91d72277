//! Turns a ninety-ninth, blind set of conversations (groups, questions and calendars) found
//! wrong: a weekend refused with its reason and another one said after it ("este finde no
//! puedo pero el otro finde", "esse fim de semana não dá, mas o outro sim") is the other one,
//! offered, not a range from one to the other, nor held at once on its "sim".

use super::*;

#[test]
fn a_weekend_refused_for_the_other_one_offers_the_other_and_holds_nothing() {
    for text in [
        "este finde no puedo pero el otro finde somos 2",
        "el finde no podemos, el otro si, somos 2",
        "esse fim de semana não dá, mas o outro sim, somos 2",
    ] {
        let t = talk(&[text]);
        assert!(booked(&t).is_none(), "{text}: {:?}", t.effects);
        assert!(said(&t).contains("04/12/2026"), "{text}: {}", said(&t));
        assert!(said(&t).contains("06/12/2026"), "{text}: {}", said(&t));
    }
}

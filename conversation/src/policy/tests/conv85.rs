//! What conv85's blind set (ordinary multi-turn exchanges, one bullet each) found: a party said
//! as the number after a going verb ("queremos ir 2 del 21 al 24 de junio") was not read, so
//! the bot asked how many instead of offering the cabins that fit.

use super::*;

#[test]
fn a_party_said_after_a_going_verb_is_offered_the_cabins_that_fit() {
    for text in [
        "Hola queremos ir 2 del 21 al 24 de junio, que tienen",
        "pensabamos viajar 2 del 21 al 24 de junio",
        "vamos a ir 2 del 21 al 24 de junio, hay lugar?",
        "queremos ir em 2 de 21 a 24 de junho",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(
            !s.contains("cuántas") && !s.contains("quantas"),
            "{text}: {s}"
        );
    }
}

//! Turns a seventh, blind set of conversations (emails, and WhatsApp flows that go where the
//! guest takes them) found wrong: a feature a named cabin lacks and another has.

use super::*;

#[test]
fn a_feature_a_named_cabin_lacks_names_the_cabins_that_have_it() {
    for (text, no, elsewhere) in [
        (
            "hola la arrayan tiene pileta o eso es solo en la otra",
            "No, Cabaña Arrayán no tiene pileta",
            "Cabaña Lenga sí tiene pileta",
        ),
        (
            "la coihue tiene piscina?",
            "No, Cabaña Coihue no tiene pileta",
            "Cabaña Lenga sí tiene pileta",
        ),
        (
            "does the Arrayán have a grill?",
            "No, Cabaña Arrayán doesn't have",
            "Cabaña Coihue and Cabaña Lenga have",
        ),
    ] {
        let t = run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(s.starts_with(no), "{text}: {s}");
        assert!(s.contains(elsewhere), "{text}: {s}");
    }
    // None has it: what there is instead, as before.
    let t = run(&ConversationState::default(), "la arrayan tiene jacuzzi?");
    assert!(said(&t).contains("Lo que sí hay"), "{}", said(&t));
}

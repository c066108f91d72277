//! Turns a twenty-first set of conversations (a generalist sample in Argentine Spanish) found
//! wrong: "¿y a cuál sí?" right after a yes/no answer asks the same question about every cabin.

use super::*;

#[test]
fn which_ones_do_after_a_yes_no_answer_asks_it_of_every_cabin() {
    for (question, follow, yes, no) in [
        (
            "se puede llevar perro a la arrayan?",
            "y a cual si?",
            "Coihue",
            "Arrayán",
        ),
        (
            "la arrayan acepta perros?",
            "cuales si?",
            "Coihue",
            "Arrayán",
        ),
        (
            "la arrayan acepta mascotas",
            "ah y en cuales si",
            "Coihue",
            "Arrayán",
        ),
        (
            "does the arrayan allow dogs?",
            "which ones do?",
            "Coihue",
            "Arrayán",
        ),
        (
            "a arrayan aceita cachorro?",
            "e qual sim?",
            "Coihue",
            "Arrayán",
        ),
        (
            "la arrayan tiene parrilla?",
            "y cual si",
            "Coihue",
            "Arrayán",
        ),
    ] {
        let t = talk(&[question, follow]);
        let s = said(&t);
        assert!(s.contains(yes), "{question} / {follow}: {s}");
        // Not the first answer again ("No, la Arrayán…").
        assert!(!s.starts_with("No"), "{question} / {follow}: {s}");
        assert!(
            s.contains(no) || !s.contains("no "),
            "{question} / {follow}: {s}"
        );
    }
    // With no question answered just before, nothing is read into it.
    let t = talk(&["cual si?"]);
    assert!(booked(&t).is_none() && t.state.last_asked.is_none());
}

//! Turns a twenty-second, blind set of conversations (a generalist sample in English and
//! Portuguese) found wrong: a cabin named alone right after a question about the place
//! ("¿la Ñire acepta perros?" … "¿y la Lenga?", "and the Coihue?", "e a Lenga?", "what about
//! the Lenga?") was not understood; it asks the same question about the cabin named.

use super::*;

#[test]
fn a_cabin_named_after_a_question_about_the_place_asks_the_same_about_it() {
    // The Arrayán takes no pets and has no grill; the Coihue and the Lenga have both.
    for (first, then, yes) in [
        ("¿la Arrayán acepta perros?", "¿y la Lenga?", "sí"),
        ("la arrayan acepta mascotas?", "y la coihue", "sí"),
        ("Does the Arrayán allow dogs?", "and the Lenga?", "yes"),
        (
            "Can I bring my dog to the Arrayán?",
            "what about the Coihue?",
            "yes",
        ),
        ("A Arrayán aceita cachorro?", "e a Lenga?", "sim"),
        ("¿la arrayán tiene parrilla?", "¿y la coihue?", "sí"),
        (
            "does the Arrayán have a grill?",
            "how about the Lenga?",
            "yes",
        ),
        ("a Arrayán tem churrasqueira?", "e a Coihue?", "sim"),
    ] {
        let t = talk(&[first, then]);
        let out = said(&t).to_lowercase();
        assert!(
            out.starts_with(yes) || out.starts_with(&format!("¡{yes}")),
            "{then}: {out}"
        );
        assert!(booked(&t).is_none(), "{then}: {out}");
    }
    // And a no the other way round.
    for (first, then) in [
        ("¿la Lenga acepta perros?", "¿y la Arrayán?"),
        ("does the Lenga have a pool?", "and the Coihue?"),
        ("a Lenga tem piscina?", "e a Coihue?"),
    ] {
        let out = said(&talk(&[first, then])).to_lowercase();
        assert!(
            out.starts_with("no") || out.starts_with("não"),
            "{then}: {out}"
        );
    }
}

#[test]
fn only_a_question_about_the_place_is_remembered_for_the_next_cabin() {
    for text in [
        "tienen lugar del 10 al 12 de diciembre para 2?",
        "cuanto sale la noche en la lenga?",
        "hola",
    ] {
        assert!(talk(&[text]).state.last_asked.is_none(), "{text}");
    }
    assert!(talk(&["¿tienen wifi?"]).state.last_asked.is_some());
    // A stay said with the cabin is a new request, not the same question again.
    let t = talk(&[
        "¿aceptan perros?",
        "y la lenga del 10 al 12 de diciembre para 4?",
    ]);
    assert!(said(&t).contains("Lenga"), "{}", said(&t));
    assert!(said(&t).contains("10/12"), "{}", said(&t));
}

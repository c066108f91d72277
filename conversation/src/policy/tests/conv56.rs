//! Turns a fifty-sixth set of conversations (English-speaking and Brazilian guests asking about
//! named cabins) found wrong: the owner's Spanish description was quoted as written to English
//! and Portuguese guests (what a cabin is like, its bedrooms, a comparison, "does it have X",
//! its photos); "Hi! What is the Ñire cabin like?" got the welcome; a comparison said no
//! price ("which is cheaper, the Lenga or the Coihue?").

use super::*;

const ARRAYAN: &str = "Para dos, con hogar a leña y vista al lago.";
const COIHUE: &str = "Dos dormitorios, parrilla y deck con vista al bosque.";
const LENGA: &str = "Tres dormitorios, ideal para familias o grupos.";

fn owner_wrote() -> World {
    World {
        descriptions: vec![(1, ARRAYAN), (2, COIHUE), (3, LENGA)],
        ..World::default()
    }
}

/// Spanish words of the owner's descriptions that an English or Portuguese guest never reads.
const SPANISH: &[&str] = &[
    "dormitorios",
    "vista al",
    "leña",
    "ideal para",
    "Para dos",
    "con vista",
    "familias",
];

#[test]
fn english_and_portuguese_guests_read_a_cabin_in_their_language() {
    for (text, wanted) in [
        (
            "tell me about the Coihue",
            &["4", "2 bedrooms", "forest"][..],
        ),
        ("what's the Lenga like?", &["6", "3 bedrooms"]),
        (
            "Hi! What is the Arrayán cabin like?",
            &["2", "fireplace", "lake"],
        ),
        ("which is bigger, the Coihue or the Lenga?", &["Lenga", "6"]),
        ("qual a diferença entre a Coihue e a Lenga?", &["4", "6"]),
        (
            "how many bedrooms does the Lenga have?",
            &["3 bedrooms", "6"],
        ),
        ("quantos quartos tem a Coihue?", &["2 quartos", "4"]),
        ("can you send me pics of the arrayan?", &["Arrayán", "2"]),
        ("me fala da coihue? tem fotos?", &["Coihue", "4"]),
        ("does the Coihue have a deck?", &["Yes", "deck"]),
        ("a Lenga tem deck?", &["Não", "Coihue"]),
        ("any cabins with 2 bedrooms?", &["Coihue"]),
    ] {
        let s = said(&owner_wrote().talk(&[text]));
        for w in wanted {
            assert!(s.contains(w), "{text}: {w} in {s}");
        }
        for w in SPANISH {
            assert!(!s.contains(w), "{text}: no {w} in {s}");
        }
    }
}

#[test]
fn spanish_guests_read_the_owners_own_words() {
    for (text, wanted) in [
        ("contame de la Lenga", LENGA.trim_end_matches('.')),
        ("¿cuántos dormitorios tiene la Coihue?", "Dos dormitorios"),
    ] {
        let s = said(&owner_wrote().talk(&[text]));
        assert!(s.contains(wanted), "{text}: {wanted} in {s}");
    }
}

#[test]
fn cabins_compared_say_their_price_a_night() {
    for (text, price) in [
        ("which is cheaper, the Lenga or the Coihue?", "a night"),
        ("whats cheaper, lenga or coihue?", "a night"),
        ("qual é mais barata, a lenga ou a coihue?", "Diária"),
        ("¿cuál es más barata, la Lenga o la Coihue?", "la noche"),
    ] {
        let s = said(&owner_wrote().talk(&[text]));
        // The Coihue's base price (`cabin` prices the second cabin at 90.000 a night).
        assert!(s.contains("90.000") && s.contains(price), "{text}: {s}");
    }
}

//! What the hand probes of stop 34 found: a view asked of a cabin whose description names
//! none is not noted for it, and the cabins that have that view are said.

use super::*;

/// The Arrayán looks out on the lake, the Coihue on the forest; the Lenga's description names
/// no view.
fn lenga_without_a_view() -> World {
    World {
        descriptions: vec![
            (1, "Para dos, con hogar a leña y vista al lago."),
            (2, "Dos dormitorios, parrilla y deck con vista al bosque."),
            (3, "Tres dormitorios, ideal para familias o grupos."),
        ],
        ..World::default()
    }
}

#[test]
fn a_view_asked_of_a_cabin_with_none_written_names_the_cabins_that_have_it() {
    for (text, words) in [
        (
            "la lenga tiene vista al lago?",
            "Para Cabaña Lenga no tengo anotada esa vista",
        ),
        (
            "Does the Lenga have a lake view?",
            "I don't have that view noted for Cabaña Lenga",
        ),
        (
            "a Lenga tem vista para o lago?",
            "Para Cabaña Lenga não tenho essa vista anotada",
        ),
    ] {
        let t = lenga_without_a_view().talk(&[text]);
        let s = said(&t);
        assert!(s.starts_with(words), "{text}: {s}");
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(!s.contains("Cabaña Coihue"), "{text}: {s}");
    }
}

#[test]
fn the_winter_holidays_asked_for_a_cabin_named_keep_it_in_the_question() {
    for (text, words) in [
        (
            "vacaciones de invierno tienen la lenga? somos 6",
            "querés venir a Cabaña Lenga?",
        ),
        (
            "is the Lenga free in the winter holidays?",
            "like to come to Cabaña Lenga?",
        ),
        (
            "a Lenga está livre nas férias de inverno?",
            "quer vir para Cabaña Lenga?",
        ),
    ] {
        let s = said(&World::default().talk(&[text]));
        assert!(s.contains(words), "{text}: {s}");
    }
    let s = said(&World::default().talk(&["vacaciones de invierno tienen algo?"]));
    assert!(s.ends_with("¿Qué días querés venir?"), "{s}");
}

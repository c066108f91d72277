//! What the blind set conv52 (English-speaking and Brazilian guests) found: a stay written as
//! one numeric range without spaces ("3/16-3/19", "3/16-19") is read and offered, and the view
//! a cabin looks out on is said in the guest's language, not in the owner's Spanish words.

use super::{stop30::with_views, *};

#[test]
fn a_numeric_range_without_spaces_is_offered() {
    for (text, dates) in [
        ("hi 2 of us, 3/16-3/19", "Mar 16, 2027"),
        ("2 of us, 3/16-19 please", "Mar 16, 2027"),
        ("we're 2, 12/28-1/2", "Dec 28, 2026"),
        ("oi, somos 2, 16/03-19/03", "16/03/2027"),
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(s.contains(dates), "{text}: {s}");
    }
}

#[test]
fn a_view_is_said_in_the_guests_language() {
    for (text, words, not) in [
        (
            "which cabin has a lake view?",
            "Cabaña Arrayán has a view of the lake",
            "vista",
        ),
        (
            "what's the view like from each cabin?",
            "Cabaña Lenga: a view of the mountains",
            "vista",
        ),
        (
            "is there a cabin with a forest view?",
            "Cabaña Coihue has a view of the forest",
            "bosque",
        ),
        (
            "any cabins with a view of the mountains?",
            "Cabaña Lenga has a view of the mountains",
            "montaña",
        ),
        (
            "tem alguma com vista para o lago?",
            "Cabaña Arrayán tem vista para o lago",
            "vista al",
        ),
        (
            "qual cabana tem vista pro lago?",
            "Cabaña Arrayán tem vista para o lago",
            "vista al",
        ),
        (
            "qual a vista da Lenga?",
            "Cabaña Lenga tem vista para as montanhas",
            "montaña",
        ),
    ] {
        let s = said(&with_views().talk(&[text]));
        assert!(s.contains(words), "{text}: {s}");
        assert!(!s.contains(not), "{text}: {s}");
    }
    // In Spanish the owner's own words stay.
    let s = said(&with_views().talk(&["qué vista tiene la Lenga?"]));
    assert!(s.contains("vista a la montaña"), "{s}");
}

#[test]
fn what_there_is_beside_a_thing_not_noted_is_named_in_the_guests_language() {
    for (text, words, not) in [
        (
            "do you have any cabin with a ping pong table?",
            "grill",
            "Parrilla",
        ),
        (
            "tem algum chalé com mesa de sinuca?",
            "churrasqueira",
            "Parrilla",
        ),
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains(words), "{text}: {s}");
        assert!(!s.contains(not), "{text}: {s}");
    }
}

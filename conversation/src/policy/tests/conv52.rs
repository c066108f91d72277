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

/// The cabins a turn held together, by id, with each one's party.
fn held_together(t: &Turn) -> Vec<(i64, u16)> {
    let mut parts: Vec<(i64, u16)> = t
        .effects
        .iter()
        .find_map(|e| match e {
            Effect::BookTogether(b) => {
                Some(b.iter().map(|b| (b.accommodation_id, b.guests)).collect())
            }
            _ => None,
        })
        .unwrap_or_default();
    parts.sort_unstable();
    parts
}

#[test]
fn cabins_named_each_with_its_party_are_the_ones_quoted_or_held() {
    // Asked to book: those two held together, each with its party (not the Lenga for all six).
    for text in [
        "Quero reservar a Coihue pra 4 e a Arrayán pra 2, de 15 a 17 de dezembro",
        "book the Coihue for 4 and the Arrayán for 2, December 15 to 17",
        "reservame la Coihue para 4 y la Arrayán para 2 del 15 al 17 de diciembre",
    ] {
        let t = talk(&[text]);
        assert_eq!(
            held_together(&t),
            vec![(1, 2), (2, 4)],
            "{text}: {}",
            said(&t)
        );
    }
    // Asked about: those two offered together.
    let t = talk(&["do you have the Lenga for 5 and the Coihue for 3, December 15 to 17?"]);
    let offer = t.state.offer.as_ref().expect("an offer");
    let mut parts: Vec<(&str, Option<u16>)> = offer
        .options
        .iter()
        .map(|o| (o.name.as_str(), o.guests))
        .collect();
    parts.sort_unstable();
    assert_eq!(
        parts,
        vec![("Cabaña Coihue", Some(3)), ("Cabaña Lenga", Some(5))],
        "{}",
        said(&t)
    );
    assert!(booked(&t).is_none() && held_together(&t).is_empty());
    // One of them taken: said so, and cabins apart offered instead, nothing held.
    let world = World {
        taken: vec![taken(1, "2026-12-15", "2026-12-17")],
        ..World::default()
    };
    let t = world.talk(&["book the Coihue for 4 and the Arrayán for 2, December 15 to 17"]);
    let s = said(&t);
    assert!(s.starts_with("Cabaña Arrayán is already taken"), "{s}");
    assert!(s.contains("Instead"), "{s}");
    assert!(held_together(&t).is_empty() && booked(&t).is_none(), "{s}");
}

#[test]
fn a_third_person_after_paying_is_one_more_not_the_third_option() {
    let t = coihue_hold(true).run(
        &after_hold(),
        "we'd like to bring a third person, is that ok?",
    );
    let s = said(&t);
    assert!(s.contains("3 guests fit in the Cabaña Coihue"), "{s}");
    assert!(!s.contains("Payment confirmed"), "{s}");
}

#[test]
fn the_bigger_of_two_cabins_named_is_one_of_them() {
    for text in [
        "Which one is bigger, the Arrayán or the Coihue?",
        "cuál es más grande, la Arrayán o la Coihue?",
        "qual é maior, a Arrayán ou a Coihue?",
        "2 of us, December 15 to 17. Which one is bigger, the Arrayán or the Coihue?",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña Coihue"), "{text}: {s}");
        assert!(!s.contains("Cabaña Lenga"), "{text}: {s}");
    }
}

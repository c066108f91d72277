//! What conv97's blind set (English-speaking and Brazilian guests over every bullet) and the
//! probes after it found: a party of ten told apart in brackets with its children uncounted was
//! summed to eighteen and "vocês conseguem nos receber?" was answered about the keys; a hot
//! tub wished for ("we'd love a hot tub") left the offer leading with a cabin without one; "the
//! one that takes dogs and is bigger" picked the first that takes dogs.

use super::*;

#[test]
fn a_party_of_ten_told_apart_is_offered_cabins_together() {
    let text = "Bom dia,\nSomos dez pessoas (três casais e dois amigos com filhos) e queremos ir \
                de 14 a 17 de dezembro.\nVocês conseguem nos receber?\nAbraço,\nRafael";
    let s = said(&talk(&[text]));
    for cabin in ["Coihue", "Lenga"] {
        assert!(s.contains(cabin), "{s}");
    }
    assert!(s.contains("10 pessoas"), "{s}");
    assert!(!s.contains("chaves"), "{s}");
}

#[test]
fn a_feature_wished_for_leads_the_offer() {
    for (ask, yes) in [
        (
            "We're 4, Dec 14 to 17, and we'd love a pool if you have one",
            "yes",
        ),
        ("we're 4 from Dec 14 to 17, we would love a pool", "yes"),
    ] {
        let held = held_over(&[ask, yes]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(3), "{ask}");
    }
}

#[test]
fn the_one_that_takes_dogs_and_is_bigger_is_the_biggest_that_does() {
    for (ask, pick) in [
        (
            "4 of us and a dog, Dec 14 to 17",
            "the one that takes dogs and is bigger",
        ),
        (
            "somos 4 con un perro, del 14 al 17 de diciembre",
            "la que acepta perros y es mas grande",
        ),
        (
            "somos 4 com um cachorro, de 14 a 17 de dezembro",
            "a que aceita cachorro e é maior",
        ),
    ] {
        let held = held_over(&[ask, pick]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(3), "{pick}");
    }
}

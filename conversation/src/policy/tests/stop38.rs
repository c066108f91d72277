//! What stop 38 found by hand: a cabin that takes pets named over an offer with the pet said as
//! the reason ("mejor la Coihue así llevamos al perro", "let's go with the Coihue so we can
//! bring the dog") was answered as a pets question, and the choice left unheld.

use super::*;

#[test]
fn a_cabin_named_with_the_pet_as_its_reason_is_held() {
    let ask = "hola, 2 personas del 10 al 13 de diciembre";
    for text in [
        "mejor la coihue asi llevamos al perro",
        "la coihue entonces, que vamos con el perro",
        "let's go with the coihue so we can bring the dog",
        "the coihue then since we have a dog",
        "a coihue então, pra levar o cachorro",
    ] {
        let held = held_over(&[ask, text]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(2), "{text}");
    }
}

#[test]
fn a_cabin_that_takes_no_pets_named_with_the_pet_is_not_held() {
    let ask = "hola, 2 personas del 10 al 13 de diciembre";
    for text in [
        "la arrayan entonces, que vamos con el perro",
        "la coihue acepta perros?",
    ] {
        assert!(held_over(&[ask, text]).is_none(), "{text}");
    }
}

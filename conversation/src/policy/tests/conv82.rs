//! What conv82's blind set (English-speaking and Brazilian guests with their own date forms,
//! holidays and parties described) found: a party listed one by one with a child named alone
//! ("me, my partner and our toddler") or a Portuguese relative ("minha sogra") was counted
//! short, so a cabin too small was offered and held; "a choir of 25 singers" was no party; and
//! "we want the cabin with the jacuzzi from 15 to 18 March" was offered and answered as a
//! yes/no question instead of held.

use super::*;

#[test]
fn a_party_listed_one_by_one_is_held_for_all_of_them() {
    for (text, guests) in [
        (
            "hi, me, my partner and our toddler, March 8 to 11, book the Coihue please",
            3,
        ),
        (
            "quero reservar a Lenga de 20 a 23 de março: eu, meu marido, minha sogra e as 3 crianças",
            6,
        ),
        (
            "quiero reservar la Coihue del 8 al 11 de marzo: yo, mi pareja y el nene",
            3,
        ),
    ] {
        let b = held_over(&[text]).unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!(b.guests, guests, "{text}");
    }
}

#[test]
fn a_party_with_a_toddler_is_not_offered_the_cabin_for_two() {
    let world = World::default();
    let t = world.run(
        &ConversationState::default(),
        "hi, me, my partner and our toddler, March 8 to 11, what do you have?",
    );
    let s = said(&t);
    assert!(!s.contains("Arrayán"), "{s}");
    assert!(s.contains("Coihue"), "{s}");
}

#[test]
fn a_cabin_wanted_by_what_it_has_on_dates_is_held() {
    // Only the Lenga has the heated pool here.
    for text in [
        "We are two couples travelling together and we want the cabin with the pool from 15 to 18 March.",
        "queremos la cabaña con pileta del 15 al 18 de marzo, somos 4",
        "queremos a cabana com piscina de 15 a 18 de março, somos 4",
    ] {
        let b = held_over(&[text]).unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!(b.accommodation_id, 3, "{text}");
        assert_eq!(b.guests, 4, "{text}");
        assert_eq!(b.check_in, d("2027-03-15"), "{text}");
    }
}

#[test]
fn a_choir_larger_than_the_place_is_told_so() {
    let world = World::default();
    let t = world.run(
        &ConversationState::default(),
        "Dear team,\nWe are a choir of 25 singers looking for lodging from 10 to 13 May.\nBest regards,\nMargaret",
    );
    let s = said(&t);
    assert!(booked(&t).is_none(), "{s}");
    assert!(!s.contains("How many"), "{s}");
}

//! What conv80's blind set (English-speaking travellers from everywhere and Brazilian guests)
//! found: an offer pointed at by its place with "option" after it ("The first option would
//! suit us well. Please reserve it.") held the first of a month instead; "como faço o
//! pagamento?" after a hold was not understood; a Dutch or German traveller's "prima, we take
//! it" after an offer was not understood.

use super::*;

#[test]
fn an_option_pointed_at_by_its_place_books_it_for_the_dates_offered() {
    for text in [
        "The first option would suit us well. Please reserve it.",
        "the first option please, book it",
        "we'd like the 1st option, go ahead",
    ] {
        let b = held_over(&["somos 4, del 10 al 13 de enero", text])
            .unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!(b.accommodation_id, 2, "{text}");
        assert_eq!(
            (b.check_in, b.check_out),
            (d("2027-01-10"), d("2027-01-13")),
            "{text}"
        );
    }
    let b = held_over(&[
        "somos 4, del 10 al 13 de enero",
        "the second option, book it please",
    ])
    .expect("held");
    assert_eq!(b.accommodation_id, 3);
    assert_eq!(b.check_in, d("2027-01-10"));
}

#[test]
fn how_to_pay_asked_in_portuguese_after_a_hold_is_answered() {
    let world = coihue_hold(false);
    for text in [
        "como faço o pagamento?",
        "como é o pagamento?",
        "how does the payment work?",
    ] {
        let t = world.run(&after_hold(), text);
        let s = said(&t);
        assert!(
            !s.contains("entendi") && !s.contains("didn't"),
            "{text}: {s}"
        );
        assert!(booked(&t).is_none() && !released(&t), "{text}: {s}");
    }
}

#[test]
fn a_travellers_yes_after_an_offer_books_the_one_proposed() {
    for text in ["prima, we take it", "we take it", "ja graag", "I take it"] {
        let b = held_over(&["we are 2, January 10 to 13", text])
            .unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!(b.accommodation_id, 1, "{text}");
        assert_eq!(b.check_in, d("2027-01-10"), "{text}");
    }
}

//! Turns a sixth, blind set of conversations (English, Portuguese, mixed) found wrong: the
//! price a night asked with options on the table, and the price of a cabin described instead
//! of named ("how much for the big one?").

use super::*;

#[test]
fn the_price_a_night_with_options_on_the_table_is_each_ones_price_a_night() {
    for (ask, question, answer) in [
        (
            "Do you have anything for 2 from December 15 to 17?",
            "how much is it per night?",
            "45.000 a night",
        ),
        (
            "tem lugar pra 2 de 15 a 17 de dezembro?",
            "qual o valor da diaria?",
            "45.000 a diária",
        ),
        (ASK_FOR_TWO, "y cuánto sale la noche?", "45.000 la noche"),
    ] {
        let t = talk(&[ask, question]);
        assert!(said(&t).contains(answer), "{question}: {}", said(&t));
        assert!(
            said(&t).contains("Cabaña Coihue"),
            "{question}: {}",
            said(&t)
        );
        assert!(booked(&t).is_none(), "{question}");
        assert!(t.state.offer.is_some(), "{question}: the offer stays");
    }
    // A yes after it still books the option in focus.
    let t = talk(&[
        "Do you have anything for 2 from December 15 to 17?",
        "how much is it per night?",
        "yes",
    ]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(1),
        "{}",
        said(&t)
    );
    // The total is not a night's price.
    let t = talk(&[
        "Do you have anything for 2 from December 15 to 17?",
        "how much is that in total?",
    ]);
    assert!(!said(&t).contains("a night"), "{}", said(&t));
}

#[test]
fn a_cabin_described_instead_of_named_gets_its_own_price() {
    for (text, name, price) in [
        ("how much for the big one?", "Cabaña Lenga", "135.000"),
        ("quanto custa o maior?", "Cabaña Lenga", "135.000"),
        ("cuánto sale la más barata?", "Cabaña Arrayán", "45.000"),
    ] {
        let t = talk(&[text]);
        assert!(said(&t).contains(name), "{text}: {}", said(&t));
        assert!(said(&t).contains(price), "{text}: {}", said(&t));
    }
}

#[test]
fn a_cabin_wanted_without_dates_is_held_once_the_stay_is_known() {
    for (first, then) in [
        ("quero o chalé Lenga", "de 12 a 15 de janeiro, somos 4"),
        ("I want the Lenga", "Jan 12-15, 4 of us"),
    ] {
        let t = talk(&[first]);
        assert!(booked(&t).is_none(), "{first}");
        let t = talk(&[first, then]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(3),
            "{first}: {}",
            said(&t)
        );
    }
}

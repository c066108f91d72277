//! Turns an eighteenth set of conversations (offers pointed at, several intents in one message)
//! found wrong: a cabin turned down by name moves the focus off it, a cheaper one asked for
//! before the dates is named with its price, a cabin wanted on dates with a question besides
//! is held and the question answered, "¿y cuál acepta?" after a pets answer lists those that
//! do, a comparison with no stay says each price a night.

use super::*;

#[test]
fn a_cabin_turned_down_by_name_moves_the_focus_off_it() {
    // Arrayán, Coihue, Lenga on the table: the one after the refused, or the one named.
    for (refusal, id, name) in [
        ("la arrayan no, la otra", 2, "Coihue"),
        ("no quiero la arrayan", 2, "Coihue"),
        ("la Arrayán no me convence", 2, "Coihue"),
        ("la coihue no, mejor la lenga", 3, "Lenga"),
        ("la lenga no", 1, "Arrayán"),
        ("the arrayan no, the other one", 2, "Coihue"),
        ("not the arrayan, the lenga", 3, "Lenga"),
    ] {
        let t = talk(&[ASK_FOR_TWO, refusal]);
        let s = said(&t);
        assert!(s.contains(name), "{refusal}: {s}");
        assert!(booked(&t).is_none(), "{refusal}");
        let t = talk(&[ASK_FOR_TWO, refusal, "si"]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(id),
            "{refusal}"
        );
    }
    // The refused stays on the table: the guest may come back to it.
    let held = held_over(&[
        ASK_FOR_TWO,
        "la arrayan no, la otra",
        "no, al final la arrayan",
        "dale",
    ]);
    assert_eq!(held.map(|b| b.accommodation_id), Some(1));
    // A question about one turns nothing down.
    let held = held_over(&[ASK_FOR_TWO, "y la coihue no? prefiero esa", "dale"]);
    assert_eq!(held.map(|b| b.accommodation_id), Some(2));
}

#[test]
fn a_cheaper_one_asked_for_before_the_dates_is_named_with_its_price() {
    for (first, cheaper) in [
        (
            "cuanto sale la lenga por noche? somos 4",
            "uh es mucho, tenes algo mas barato para 4?",
        ),
        (
            "how much is the Lenga per night? we are 4",
            "anything cheaper for 4?",
        ),
        ("hola somos 4", "cual es la mas barata?"),
        ("somos 4", "hay algo mas barato que la lenga?"),
    ] {
        let t = talk(&[first, cheaper]);
        let s = said(&t);
        assert!(
            s.contains("Coihue") && s.contains("90.000"),
            "{cheaper}: {s}"
        );
        assert!(
            !s.contains("Arrayán"),
            "{cheaper}: the Arrayán sleeps 2: {s}"
        );
        assert!(booked(&t).is_none(), "{cheaper}");
    }
}

#[test]
fn a_cabin_wanted_on_dates_with_a_question_besides_is_held_and_answered() {
    for (text, words) in [
        (
            "quiero reservar la coihue del 10 al 12 de marzo para 4, como pago?",
            "seña",
        ),
        (
            "queremos la Coihue del 10 al 12 de marzo para 3. ¿Tiene parrilla?",
            "arrilla",
        ),
        (
            "quiero la lenga del 10 al 12 de marzo para 6, aceptan perros?",
            "mascota",
        ),
    ] {
        let t = talk(&[text]);
        let b = booked(&t);
        assert!(b.is_some(), "{text}: {}", said(&t));
        assert!(said(&t).contains(words), "{text}: {}", said(&t));
    }
    // "¿Cómo pago?" with nothing named still shows the offer first.
    let t = talk(&["del 10 al 12 de marzo para 4, como pago?"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
}

#[test]
fn which_one_allows_after_a_pets_answer_lists_those_that_do() {
    for follow in ["y cual acepta?", "cuales aceptan?", "ok y cual si acepta"] {
        let t = talk(&["la arrayan acepta perros?", follow]);
        let s = said(&t);
        assert!(s.contains("Coihue") && s.contains("Lenga"), "{follow}: {s}");
    }
}

#[test]
fn a_comparison_with_no_stay_says_each_price_a_night() {
    for (text, night) in [
        ("que diferencia hay entre la coihue y la lenga?", "la noche"),
        (
            "what's the difference between the Coihue and the Lenga?",
            "a night",
        ),
        ("qual a diferença entre a Coihue e a Lenga?", "diária"),
    ] {
        let s = said(&talk(&[text]));
        assert!(
            s.contains(night) && s.contains("90.000") && s.contains("135.000"),
            "{text}: {s}"
        );
    }
}

//! Turns a thirty-fifth, blind set of conversations (English-speaking and Brazilian guests,
//! whole journeys) found wrong, and the probes after it: "can you show me all your cabins with
//! prices?" went to a person (the prices read as a feature to look for); "cancel that and give
//! us the Coihue for the same dates" was refused as a cancellation of a cabin not held; "the
//! big one, how many people does it sleep?" and "which is the biggest?" with nothing on the
//! table listed every cabin (or none); "do you speak English?" got a welcome with no yes;
//! "actually we want the one with the jacuzzi" after a hold was only answered, not moved to;
//! "is it possible to cancel?" cancelled the hold; "qual o prazo de cancelamento?" and "qual o
//! prazo pra pagar o sinal?" were not understood.

use super::*;

fn moved_to(t: &Turn) -> Option<(i64, u16)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.accommodation_id, to.guests)),
        _ => None,
    })
}

#[test]
fn every_cabin_asked_for_with_its_price_gets_the_prices() {
    for (text, night) in [
        ("Hi, can you show me all your cabins with prices?", "night"),
        ("mostrame las cabañas con precios", "noche"),
        ("me mostra as cabanas com preços", "diária"),
    ] {
        let out = said(&talk(&[text]));
        for name in ["Cabaña Arrayán", "Cabaña Coihue", "Cabaña Lenga"] {
            assert!(out.contains(name), "{text}: {out}");
        }
        assert!(out.to_lowercase().contains(night), "{text}: {out}");
    }
}

#[test]
fn the_hold_cancelled_by_a_pronoun_for_another_cabin_moves_there() {
    for (text, to) in [
        (
            "change of plans, cancel that and give us the Lenga for the same dates, we'll be 5",
            (3, 5),
        ),
        ("cancel that one and book the Lenga instead", (3, 2)),
        ("cancelala y reservame la Lenga, somos 6", (3, 6)),
        ("cancelá esa y pasame a la Arrayán mismas fechas", (1, 2)),
        (
            "cancela essa e me passa pra Lenga nas mesmas datas, vamos ser 4",
            (3, 4),
        ),
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert_eq!(moved_to(&t), Some(to), "{text}: {}", said(&t));
    }
}

#[test]
fn a_cancellation_that_names_no_other_place_to_move_to_stays_one() {
    for text in [
        "cancelame la reserva de la coihue porfa",
        "please cancel my booking, we'll book the Lenga next year",
        "cancel it please",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert_eq!(moved_to(&t), None, "{text}: {}", said(&t));
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
    }
}

#[test]
fn the_cabin_described_with_nothing_on_the_table_is_the_one_answered_about() {
    for (text, want, not) in [
        (
            "the big one, how many people does it sleep?",
            "Cabaña Lenga",
            "Cabaña Arrayán",
        ),
        (
            "la más grande para cuántos es?",
            "Cabaña Lenga",
            "Cabaña Coihue",
        ),
        ("cuál es la más grande?", "Cabaña Lenga", "Cabaña Arrayán"),
        (
            "which is your smallest cabin?",
            "Cabaña Arrayán",
            "Cabaña Lenga",
        ),
        ("qual é a maior?", "Cabaña Lenga", "Cabaña Coihue"),
    ] {
        let out = said(&talk(&[text]));
        assert!(out.contains(want), "{text}: {out}");
        assert!(!out.contains(not), "{text}: {out}");
    }
    // The cheapest asked a yes/no of: that one.
    let out = said(&talk(&["a mais barata aceita cachorro?"]));
    assert!(
        out.starts_with("Não") && out.contains("Cabaña Arrayán"),
        "{out}"
    );
}

#[test]
fn a_language_asked_for_is_answered_yes_first_in_it() {
    for (text, yes, lang) in [
        ("do you speak English?", "Yes, of course", Language::En),
        ("Hi! hablas inglés?", "Yes, of course", Language::En),
        ("oi! falam português?", "Sim, claro", Language::Pt),
        ("hi, ¿hablan español?", "¡Sí, claro", Language::Es),
        (
            "Hello, do you speak english? we're looking for a cabin for 2 in January",
            "Yes, of course",
            Language::En,
        ),
    ] {
        let t = talk(&[text]);
        assert!(said(&t).starts_with(yes), "{text}: {}", said(&t));
        assert_eq!(t.state.language, lang, "{text}");
    }
    // "I don't speak Spanish": English, never Spanish asked for.
    let t = talk(&[
        "Hola,\nI don't speak Spanish, sorry. We are 3 and would like to come Jan 8-11.\nThanks,\nMark",
    ]);
    assert_eq!(t.state.language, Language::En, "{}", said(&t));
    assert!(!said(&t).starts_with("¡Sí, claro"), "{}", said(&t));
}

#[test]
fn the_one_wanted_by_what_it_has_after_a_hold_is_where_the_hold_moves() {
    for text in [
        "hmm actually we want the one with the pool",
        "en realidad queremos la de la pileta",
        "na verdade queremos a que tem piscina",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert_eq!(moved_to(&t), Some((3, 2)), "{text}: {}", said(&t));
    }
    // Asked, it stays a question.
    let t = coihue_hold(false).run(&after_hold(), "queremos la que tiene pileta, ¿cuál es?");
    assert_eq!(moved_to(&t), None, "{}", said(&t));
}

#[test]
fn the_deadline_to_cancel_is_the_policy_and_the_deadline_to_pay_the_hold() {
    for text in [
        "qual o prazo de cancelamento?",
        "cual es el plazo para cancelar?",
        "what's the deadline to cancel?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(!released(&t), "{text}: {}", said(&t));
        assert!(said(&t).contains("30"), "{text}: {}", said(&t));
    }
    for text in [
        "qual o prazo pra pagar o sinal?",
        "what's the deadline to pay the deposit?",
    ] {
        let out = said(&coihue_hold(false).run(&after_hold(), text));
        assert!(out.contains("18"), "{text}: {out}");
    }
}

#[test]
fn whether_one_may_cancel_asked_is_the_policy_and_the_hold_stays() {
    for text in [
        "is it possible to cancel and get my money back later if needed?",
        "é possível cancelar depois?",
        "dá pra cancelar?",
        "would it be possible to cancel later?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(!released(&t), "{text}: {}", said(&t));
    }
}

//! What the hand probes of stop 32 found: a yes/no question with only the other choice said
//! ("¿la Coihue tiene pileta? si no, la Lenga") answers it and wants the cabin the answer
//! leaves; a question no table knows beside a stay goes to a person while the stay is
//! answered; English features are said back as the guest called them.

use super::*;

#[test]
fn a_question_with_only_the_other_choice_said_wants_the_cabin_the_answer_leaves() {
    // No: the other one is wanted, and the stay said next is offered with it first.
    for first in [
        "la coihue tiene pileta? si no la lenga",
        "¿La Coihue tiene pileta? Sino, la Lenga.",
        "does the Coihue have a pool? if not the Lenga",
    ] {
        let t = talk(&[first]);
        let s = said(&t);
        assert!(s.starts_with("No"), "{first}: {s}");
        assert!(s.contains("Lenga"), "{first}: {s}");
        assert_eq!(
            t.state.accommodation.as_deref(),
            Some("Cabaña Lenga"),
            "{first}"
        );
        let t = talk(&[first, "del 15 al 17 de diciembre somos 4"]);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert_eq!(
            offer.options[offer.chosen].name,
            "Cabaña Lenga",
            "{}",
            said(&t)
        );
        assert!(booked(&t).is_none());
    }
    // Yes: the one asked about is wanted.
    let t = talk(&["la lenga tiene parrilla? si no la coihue"]);
    let s = said(&t);
    assert!(s.starts_with("¡Sí!"), "{s}");
    assert_eq!(t.state.accommodation.as_deref(), Some("Cabaña Lenga"));
}

#[test]
fn a_question_no_table_knows_beside_a_stay_goes_to_a_person_and_the_stay_is_answered() {
    for (text, team) in [
        (
            "somos 2 del 15 al 17 de diciembre, hay señal de celular?",
            "equipo",
        ),
        (
            "Hi, 2 people December 15 to 17. Is there a grocery store nearby?",
            "team",
        ),
        ("oi, somos 2 de 15 a 17 de dezembro, tem gerador?", "equipe"),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(t.state.offer.is_some(), "{text}: {s}");
        assert!(s.contains("Arrayán"), "{text}: {s}");
        assert!(s.contains(team), "{text}: {s}");
        assert!(t.state.needs_human, "{text}");
    }
    // A question the bot answers stays with the bot.
    let t = talk(&["somos 2 del 15 al 17 de diciembre, hay wifi?"]);
    assert!(!t.state.needs_human, "{}", said(&t));
    assert!(!said(&t).contains("equipo"), "{}", said(&t));
}

#[test]
fn a_grill_asked_as_a_bbq_is_answered_as_a_bbq() {
    let t = talk(&["does the Lenga have a bbq?"]);
    assert!(said(&t).contains("has a BBQ"), "{}", said(&t));
    let t = talk(&["does the Arrayán have a barbecue?"]);
    let s = said(&t);
    assert!(s.starts_with("No"), "{s}");
    assert!(s.contains("barbecue"), "{s}");
}

//! What the first email set (conv24) left and the hand probes of stop 28 found: the same
//! cabin chosen again after asking about it is a yes; its price a night when asked with the
//! pick or with the hold; a yes when it is held names the reservation; a liking said ("nos
//! encanta el jacuzzi") is no question; a hold cancelled with a new stay asked is released and
//! the stay quoted; a cabin picked as no question is held at once, and the yes that may follow
//! is told the code.

use super::*;

const TWO_IN_DECEMBER: &str = "hola somos 2 del 15 al 17 de diciembre, que tienen?";

#[test]
fn the_cabin_asked_about_then_chosen_again_is_held() {
    for (ask, again) in [
        ("y la coihue cuanto sale?", "entonces prefiero la coihue"),
        ("and the Coihue, how much?", "we'll take the Coihue then"),
        ("e a coihue quanto custa?", "fico com a coihue"),
    ] {
        let t = talk(&[TWO_IN_DECEMBER, ask]);
        assert!(booked(&t).is_none(), "{ask}: only in focus");
        let t = talk(&[TWO_IN_DECEMBER, ask, again]);
        let b = booked(&t).expect("held");
        assert_eq!(b.accommodation_id, 2, "{again}");
    }
    // Picked as no question: held at once.
    let t = talk(&[TWO_IN_DECEMBER, "prefiero la coihue"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(2),
        "{}",
        said(&t)
    );
}

#[test]
fn a_price_a_night_asked_with_a_pick_or_a_hold_is_given() {
    let t = talk(&[TWO_IN_DECEMBER, "y la coihue cuanto costaria por noche?"]);
    assert!(
        said(&t).contains("la noche ($ 180.000 en total"),
        "{}",
        said(&t)
    );
    let t = talk(&["Is the Coihue available from Dec 15 to 17 for 3 adults? How much per night?"]);
    assert!(
        said(&t).contains("a night ($ 180.000 in total"),
        "{}",
        said(&t)
    );
}

#[test]
fn a_yes_when_it_is_held_names_the_reservation_without_a_new_code_line() {
    let w = coihue_hold(false);
    for text in ["sí, reservala", "dale, confirmo", "ok perfecto"] {
        let s = said(&w.run(&after_hold(), text));
        assert!(s.contains("(tu reserva RES261215007)"), "{text}: {s}");
        assert!(!s.contains("Código"), "{text}: {s}");
    }
}

#[test]
fn a_liking_is_no_question() {
    let t = talk(&[
        TWO_IN_DECEMBER,
        "y la coihue se puede? nos encanta la parrilla",
    ]);
    let offer = t.state.offer.expect("an offer");
    assert_eq!(offer.options[offer.chosen].name, "Cabaña Coihue");
    // Asked, it is answered.
    let s = said(&talk(&[TWO_IN_DECEMBER, "la coihue tiene parrilla?"]));
    assert!(s.starts_with("¡Sí!"), "{s}");
}

#[test]
fn a_hold_cancelled_with_a_new_stay_asked_is_released_and_the_stay_quoted() {
    let w = coihue_hold(false);
    for text in [
        "cancelá esa reserva, preferimos abril. ¿hay lugar del 6 al 9 de abril para 2?",
        "please cancel that booking; is there anything from April 6 to 9 for 2 instead?",
    ] {
        let t = w.run(&after_hold(), text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::ReleaseHold { .. })),
            "{text}: released"
        );
        let offer = t.state.offer.as_ref().expect("the new stay quoted");
        assert_eq!(offer.check_in, d("2027-04-06"), "{text}");
        assert!(booked(&t).is_none(), "{text}: nothing held yet");
    }
}

#[test]
fn the_yes_after_a_pick_that_held_confirms_it_with_the_code() {
    let w = coihue_hold(false);
    let picked = ConversationState {
        held_without_yes: true,
        ..after_hold()
    };
    for yes in ["dale", "sí, reservala", "esa"] {
        let t = w.run(&picked, yes);
        let s = said(&t);
        assert!(s.contains("Código: RES261215007"), "{yes}: {s}");
        assert!(!t.state.held_without_yes, "{yes}: told once");
        assert!(booked(&t).is_none(), "{yes}: nothing held again");
    }
    // A question first: answered, with the hold's code.
    let s = said(&w.run(&picked, "cómo pago la seña?"));
    assert!(s.contains("código RES261215007"), "{s}");
    // Held after a yes: a second yes is not told the code line again.
    let s = said(&w.run(&after_hold(), "dale"));
    assert!(!s.contains("Código:"), "{s}");
}

#[test]
fn a_cabin_chosen_in_its_own_sentence_beside_a_question_is_held_and_the_question_answered() {
    for (text, answer) in [
        ("la coihue. a que hora es el check in?", "14:00"),
        ("The Coihue! What time is check-in?", "14:00"),
        ("a coihue. aceitam cachorro?", "Coihue"),
    ] {
        let t = talk(&[TWO_IN_DECEMBER, text]);
        assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(2), "{text}");
        assert!(said(&t).contains(answer), "{text}: {}", said(&t));
    }
    // The question about the cabin itself only asks.
    let t = talk(&[TWO_IN_DECEMBER, "la coihue tiene parrilla?"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
}

#[test]
fn another_option_picked_after_a_pick_held_moves_the_hold() {
    // The hold the pick placed, as the next turn's facts show it.
    let world = World {
        held: Some(Held {
            code: "RES261215009".into(),
            accommodation_id: 2,
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
            paid: false,
            payment_link: Some("https://pago.example/RES261215009".into()),
            holds_until: None,
            group: None,
        }),
        ..World::default()
    };
    let first = talk(&[TWO_IN_DECEMBER, "la segunda"]);
    assert_eq!(booked(&first).map(|b| b.accommodation_id), Some(2));
    for change in ["ah no, mejor la primera", "no, better the Arrayán"] {
        let t = world.run(&first.state, change);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { code, to } => Some((code.clone(), to.accommodation_id)),
            _ => None,
        });
        assert_eq!(
            moved,
            Some(("RES261215009".to_owned(), 1)),
            "{change}: {}",
            said(&t)
        );
    }
    // A yes is no other pick: the hold stays, confirmed.
    let t = world.run(&first.state, "dale");
    assert!(
        t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
        "{}",
        said(&t)
    );
}

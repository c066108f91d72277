//! What the first email set (conv24) left and the hand probes of stop 28 found: the same
//! cabin chosen again after asking about it is a yes; its price a night when asked with the
//! pick or with the hold; a yes when it is held names the reservation; a liking said ("nos
//! encanta el jacuzzi") is no question; a hold cancelled with a new stay asked is released and
//! the stay quoted.

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
    // Picked only once: still a question first.
    let t = talk(&[TWO_IN_DECEMBER, "prefiero la coihue"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
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

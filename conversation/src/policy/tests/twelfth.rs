//! What the twelfth blind set (cases_twelfth.txt) found: after a hold, "keep it as it was"
//! drops a change proposed since; the cabin settled on among the options offered instead of a
//! change that could not be made is the change; the same stay asked about again still moves
//! the hold; the guest who is not coming any more cancels.

use super::*;

/// The Coihue held 15–17 Dec for 2, the guest asked to move it to 18–20 and those nights are
/// taken: the other cabins are on the table as a move.
fn move_refused() -> (World, ConversationState) {
    let mut w = coihue_hold(false);
    w.taken.push(taken(2, "2026-12-18", "2026-12-20"));
    let t = w.run(&after_hold(), "la podemos pasar al 18 al 20?");
    let offer = t.state.offer.clone().expect("options on the table");
    assert_eq!(offer.replaces.as_deref(), Some("RES261215007"));
    (w, t.state)
}

#[test]
fn keeping_the_hold_as_it_was_drops_the_change_proposed() {
    for text in [
        "ah bueno entonces dejala como estaba",
        "ok then keep the original dates",
        "no, mejor dejalo así",
        "mantené la reserva que tengo",
        "ok, leave it as it was",
        "tudo bem, deixa como estava",
        "no cambies nada entonces",
    ] {
        let (w, state) = move_refused();
        let t = w.run(&state, text);
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: {:?}",
            t.effects
        );
        assert!(t.state.offer.is_none(), "{text}");
        let s = said(&t);
        assert!(
            s.contains("RES261215007") && s.contains("Cabaña Coihue"),
            "{text}: {s}"
        );
        assert_eq!(t.state.check_in, Some(d("2026-12-15")), "{text}");
        // A yes now accepts nothing new.
        let t = w.run(&t.state, "dale");
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: {:?}",
            t.effects
        );
    }
}

#[test]
fn the_cabin_settled_on_instead_of_a_refused_change_is_the_change() {
    for text in ["the Lenga then", "la lenga entonces", "entonces la lenga"] {
        let (w, state) = move_refused();
        let t = w.run(&state, text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { code, to }
                    if code == "RES261215007" && to.accommodation_id == 3)),
            "{text}: {:?}",
            t.effects
        );
    }
    // Asked about again, the same stay still moves the hold when accepted.
    let (w, state) = move_refused();
    let t = w.run(&state, "y cuál tienen libre esas fechas?");
    assert_eq!(
        t.state.offer.as_ref().and_then(|o| o.replaces.as_deref()),
        Some("RES261215007"),
        "{}",
        said(&t)
    );
    let t = w.run(&t.state, "listo la lenga entonces");
    assert!(
        t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { code, .. } if code == "RES261215007")),
        "{:?}",
        t.effects
    );
}

#[test]
fn not_coming_any_more_cancels_the_hold() {
    for text in [
        "ya no vamos, perdon",
        "al final no viajamos",
        "ya no vamos.",
        "we can't make it anymore, sorry",
        "sorry, we're not coming anymore",
        "não poderemos ir, desculpa",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(
            t.effects.contains(&Effect::ReleaseHold {
                code: "RES261215007".into()
            }),
            "{text}: {:?}",
            t.effects
        );
    }
    // Paid: a request for staff, even with a question about the deposit, which is answered
    // with the policy itself.
    let t = coihue_hold(true).run(&after_hold(), "ya no vamos, me devuelven la seña?");
    assert!(said(&t).contains("30 días"), "{}", said(&t));
    assert!(
        t.effects
            .iter()
            .any(|e| matches!(e, Effect::RequestCancellation { .. })),
        "{:?}",
        t.effects
    );
}

#[test]
fn fewer_people_said_with_only_move_the_hold() {
    for text in ["agora somos só 2", "ahora somos solo 3"] {
        let mut state = after_hold();
        state.guests = Some(4);
        let mut w = coihue_hold(false);
        if let Some(h) = w.held.as_mut() {
            h.guests = 4;
        }
        let t = w.run(&state, text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { to, .. } if to.guests < 4)),
            "{text}: {:?}",
            t.effects
        );
    }
}

#[test]
fn another_stay_besides_the_hold_is_booked_apart_and_either_can_be_cancelled() {
    let w = coihue_hold(false);
    for text in [
        "y también del 20 al 22 de diciembre",
        "also from December 20 to 22",
    ] {
        let t = w.run(&after_hold(), text);
        assert!(
            !t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::ReleaseHold { .. })),
            "{text}: {:?}",
            t.effects
        );
        assert!(
            t.effects.iter().any(|e| matches!(e, Effect::Book(_))),
            "{text}: {:?}",
            t.effects
        );
    }
    // Two holds: the cancellation names which one.
    let mut w = coihue_hold(false);
    let first = w.held.clone().expect("held");
    let mut second = first.clone();
    second.code = "RES261220009".into();
    second.check_in = d("2026-12-20");
    second.check_out = d("2026-12-22");
    w.held = Some(second);
    w.others = vec![first];
    for (text, code) in [
        ("cancelá la primera", "RES261215007"),
        ("cancelá la del 15", "RES261215007"),
        ("cancelá la del 20", "RES261220009"),
        ("cancelá la última", "RES261220009"),
    ] {
        let t = w.run(&ConversationState::default(), text);
        assert!(
            t.effects
                .contains(&Effect::ReleaseHold { code: code.into() }),
            "{text}: {:?}",
            t.effects
        );
    }
}

#[test]
fn a_cabin_for_others_on_the_same_dates_is_held_apart_and_taken_out_by_name() {
    let w = coihue_hold(false);
    let t = w.run(
        &after_hold(),
        "y la arrayan las mismas fechas para mis viejos",
    );
    assert!(
        t.effects.iter().any(|e| matches!(e, Effect::Book(b)
            if b.accommodation_id == 1 && b.guests == 2 && b.check_in == d("2026-12-15"))),
        "{:?}",
        t.effects
    );
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::ReleaseHold { .. }))
    );
    let mut w = coihue_hold(false);
    let coihue = w.held.clone().expect("held");
    let mut arrayan = coihue.clone();
    arrayan.code = "RES261215008".into();
    arrayan.accommodation_id = 1;
    arrayan.accommodation = "Cabaña Arrayán".into();
    w.held = Some(arrayan);
    w.others = vec![coihue];
    for (text, code) in [
        ("al final no vienen, sacá la arrayán", "RES261215008"),
        ("cancelá la coihue", "RES261215007"),
    ] {
        let t = w.run(&after_hold(), text);
        assert!(
            t.effects
                .contains(&Effect::ReleaseHold { code: code.into() }),
            "{text}: {:?}",
            t.effects
        );
    }
}

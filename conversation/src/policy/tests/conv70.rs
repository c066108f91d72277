//! What conv70's blind set (corrections and cancellations in every form) found: a correction
//! taken back right after the hold was moved ("no, dejala como estaba", "leave it as it was")
//! moves it back to the stay it had; one of two holds cancelled by its month ("cancelá la de
//! enero", "cancel the January one", "pode cancelar a de janeiro") is that one, and the month
//! moves no stay.

use super::*;

fn moved(t: &Turn) -> Option<(NaiveDate, NaiveDate)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
        _ => None,
    })
}

fn released_code(t: &Turn) -> Option<String> {
    t.effects.iter().find_map(|e| match e {
        Effect::ReleaseHold { code } => Some(code.clone()),
        _ => None,
    })
}

#[test]
fn a_correction_taken_back_after_the_hold_was_moved_moves_it_back() {
    // Held 14–16 Dec, moved to 15–17 by the last reply.
    let just_moved = ConversationState {
        earlier_stay: Some((d("2026-12-14"), d("2026-12-16"))),
        just_moved: true,
        ..after_hold()
    };
    for text in [
        "no no perdon, dejala como estaba",
        "actually no, leave it as it was, sorry",
        "não, deixa como estava",
    ] {
        let t = coihue_hold(false).run(&just_moved, text);
        assert_eq!(
            moved(&t),
            Some((d("2026-12-14"), d("2026-12-16"))),
            "{text}: {}",
            said(&t)
        );
    }
    // Not moved by the last reply: the hold stays as it is.
    let t = coihue_hold(false).run(&after_hold(), "no, dejala como estaba");
    assert_eq!(moved(&t), None, "{}", said(&t));
}

#[test]
fn one_of_two_holds_cancelled_by_its_month_is_that_one() {
    let mut world = coihue_hold(false);
    world.others = vec![Held {
        code: "RES270110001".into(),
        accommodation_id: 1,
        accommodation: "Cabaña Arrayán".into(),
        check_in: d("2027-01-10"),
        check_out: d("2027-01-12"),
        guests: 2,
        paid: false,
        payment_link: Some("https://pago.example/RES270110001".into()),
        holds_until: Some(d("2026-11-23").and_hms_opt(18, 0, 0).expect("time")),
        group: None,
    }];
    for text in [
        "cancelá la de enero porfa",
        "cancel the January one please",
        "pode cancelar a de janeiro",
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(
            released_code(&t).as_deref(),
            Some("RES270110001"),
            "{text}: {}",
            said(&t)
        );
    }
    for text in ["cancelá la de diciembre", "cancel the December one"] {
        let t = world.run(&after_hold(), text);
        assert_eq!(
            released_code(&t).as_deref(),
            Some("RES261215007"),
            "{text}: {}",
            said(&t)
        );
    }
}

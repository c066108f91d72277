//! What conv31's blind set (corrections and cancellations in depth) found: an arrival moved by
//! days ("llegamos un día antes") moves the check-in alone and a departure moved ("salimos un
//! día antes") the check-out alone, while a move of the booking ("corrámosla un día") moves
//! both; a day denied after the dates said ("del 26 al 28, no del 12") is left behind; a trip
//! called off in words of its own ("olvidate, no va a poder ser") releases an unpaid hold and
//! asks staff to cancel a paid one.

use super::*;

fn moved(t: &Turn) -> Option<(NaiveDate, NaiveDate)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
        _ => None,
    })
}

#[test]
fn one_end_of_a_held_stay_moved_by_days_keeps_the_other() {
    let world = coihue_hold(false);
    // Held 15–17 December.
    for (text, (a, b)) in [
        (
            "che llegamos un dia antes, se puede?",
            ("2026-12-14", "2026-12-17"),
        ),
        (
            "al final llegamos un dia despues",
            ("2026-12-16", "2026-12-17"),
        ),
        ("we'll arrive a day earlier", ("2026-12-14", "2026-12-17")),
        ("vamos chegar um dia antes", ("2026-12-14", "2026-12-17")),
        (
            "ah no, espera, llegamos un dia antes, el 14",
            ("2026-12-14", "2026-12-17"),
        ),
        ("nos vamos un dia despues", ("2026-12-15", "2026-12-18")),
        ("salimos un dia antes", ("2026-12-15", "2026-12-16")),
        (
            "we'll have to leave a day later, on the 18th",
            ("2026-12-15", "2026-12-18"),
        ),
        // The whole booking moved: its nights kept.
        ("corrámosla un día", ("2026-12-16", "2026-12-18")),
        (
            "can we push it one day later?",
            ("2026-12-16", "2026-12-18"),
        ),
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(moved(&t), Some((d(a), d(b))), "{text}: {}", said(&t));
    }
    // An arrival moved past the departure moves the stay (a night is left).
    let t = world.run(&after_hold(), "llegamos dos dias despues");
    assert_eq!(
        moved(&t),
        Some((d("2026-12-17"), d("2026-12-19"))),
        "{}",
        said(&t)
    );
}

#[test]
fn one_end_of_an_offered_stay_moved_by_days_keeps_the_other() {
    for (text, (a, b)) in [
        (
            "ah no, espera, llegamos un dia antes, el 14",
            ("2026-12-14", "2026-12-17"),
        ),
        ("llegamos un dia antes", ("2026-12-14", "2026-12-17")),
        ("nos vamos un dia despues", ("2026-12-15", "2026-12-18")),
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d(a)), Some(d(b))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_day_denied_after_the_new_dates_is_not_the_arrival() {
    let t = coihue_hold(false).run(
        &after_hold(),
        "eh hola si mira cambiamos la fecha o sea vamos del 20 al 22 de diciembre no del 15 perdon",
    );
    assert_eq!(
        moved(&t),
        Some((d("2026-12-20"), d("2026-12-22"))),
        "{}",
        said(&t)
    );
}

#[test]
fn a_trip_called_off_in_words_of_its_own_ends_the_hold() {
    let released = |t: &Turn| {
        t.effects
            .iter()
            .any(|e| matches!(e, Effect::ReleaseHold { .. }))
    };
    let requested = |t: &Turn| {
        t.effects
            .iter()
            .any(|e| matches!(e, Effect::RequestCancellation { .. }))
    };
    for text in [
        "nah olvidate, no va a poder ser",
        "olvidate",
        "al final no se va a poder, perdon",
        "no vamos a poder, disculpa",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(released(&t), "{text}: {}", said(&t));
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(requested(&t), "{text}: {}", said(&t));
        assert!(!released(&t), "{text}: {}", said(&t));
    }
    // What is held stays when the guest keeps it.
    let t = coihue_hold(false).run(&after_hold(), "olvidate, dejala como estaba");
    assert!(!released(&t), "{}", said(&t));
}

//! Turns a sixty-third set of conversations (dates and nights as guests say them) found wrong:
//! an arrival said as a weekday alone ("mejor llegamos el viernes") while a stay that starts
//! within the week is talked about or held was read from today, days before that stay ("del
//! jueves al domingo" said on a Thursday moved to tomorrow), instead of as that day of the
//! stay, the check-out kept.

use super::*;

fn moved(t: &Turn) -> Option<(NaiveDate, NaiveDate)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
        _ => None,
    })
}

// Today is Monday 23 November; the stay, Monday 30 November to Thursday 3 December, starts
// six days after the next Tuesday and five after the next Wednesday.
const ARRIVALS: [(&str, &str); 6] = [
    ("mejor llegamos el martes", "2026-12-01"),
    ("che, al final llegamos el miércoles", "2026-12-02"),
    ("actually we'll arrive on Tuesday", "2026-12-01"),
    ("can we arrive Wednesday instead?", "2026-12-02"),
    ("na verdade chegamos na terça", "2026-12-01"),
    ("melhor chegar na quarta", "2026-12-02"),
];

#[test]
fn a_weekday_arrival_is_the_day_of_the_stay_talked_about() {
    for (text, arrival) in ARRIVALS {
        let t = talk(&["del 30/11 al 3/12, somos 2", text]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d(arrival)), Some(d("2026-12-03"))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_weekday_arrival_moves_a_hold_within_its_week() {
    let world = World {
        taken: vec![taken(2, "2026-11-30", "2026-12-03")],
        held: Some(Held {
            code: "RES261130001".into(),
            accommodation_id: 2,
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-11-30"),
            check_out: d("2026-12-03"),
            guests: 2,
            paid: false,
            payment_link: Some("https://pago.example/RES261130001".into()),
            holds_until: Some(d("2026-11-23").and_hms_opt(18, 0, 0).expect("time")),
            group: None,
        }),
        ..World::default()
    };
    let state = ConversationState {
        check_in: Some(d("2026-11-30")),
        check_out: Some(d("2026-12-03")),
        guests: Some(2),
        booked: Some(Booked {
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-11-30"),
            check_out: d("2026-12-03"),
            guests: 2,
        }),
        ..Default::default()
    };
    for (text, arrival) in ARRIVALS {
        let t = world.run(&state, text);
        assert_eq!(
            moved(&t),
            Some((d(arrival), d("2026-12-03"))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_weekday_arrival_before_a_near_stay_still_counts_from_today() {
    // The next Tuesday is within three days of a stay from Friday 27 November: that one.
    let t = talk(&["del 27/11 al 29/11, somos 2", "mejor llegamos el martes"]);
    assert_eq!(t.state.check_in, Some(d("2026-11-24")), "{}", said(&t));
}

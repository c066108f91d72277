//! Turns an eighth, blind set of conversations (an Argentine phone or dictation voice) found
//! wrong: "esa" answering the cabin proposed, a night taken off a hold, a check-out with its
//! month after an arrival said as a bare day.

use super::*;

#[test]
fn esa_answering_the_cabin_proposed_books_it() {
    for text in ["esa", "esa misma", "dale esa", "ok esa"] {
        // A list with the first proposed: "esa" is that one.
        let t = talk(&[ASK_FOR_TWO, text]);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, 1, "{text}");
        // A cabin asked about, then "¿Te la reservo?" answered "esa": booked.
        let t = talk(&[ASK_FOR_TWO, "y la segunda?", text]);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, 2, "{text}");
    }
    // Another option asked about since: "esa" points at it, and holds it.
    let t = talk(&[ASK_FOR_TWO, "la segunda tiene parrilla?", "esa"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(2),
        "{}",
        said(&t)
    );
}

#[test]
fn a_night_taken_off_a_hold_moves_its_check_out() {
    for text in [
        "sacale un dia",
        "sacale una noche",
        "quitale un día porfa",
        "sacame una noche",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let moved = t.effects.iter().any(|e| {
            matches!(e, Effect::MoveHold { to, .. }
                if to.check_in == d("2026-12-15") && to.check_out == d("2026-12-16"))
        });
        assert!(moved, "{text}: {:?}", t.effects);
    }
}

#[test]
fn a_check_out_with_its_month_after_a_bare_arrival_day_moves_the_arrival_there() {
    // "del doce" is read as the next 12th (December); "al quince de marzo" is months after:
    // the 12th of March.
    for (first, second, from, to) in [
        ("del doce", "al quince de marzo", "2027-03-12", "2027-03-15"),
        (
            "desde el 5",
            "hasta el 8 de abril",
            "2027-04-05",
            "2027-04-08",
        ),
        (
            "llegamos el 28",
            "y nos vamos el 2 de mayo",
            "2027-04-28",
            "2027-05-02",
        ),
    ] {
        let t = talk(&["somos dos", first, second]);
        assert_eq!(
            t.state.check_in,
            Some(d(from)),
            "{first} {second}: {}",
            said(&t)
        );
        assert_eq!(
            t.state.check_out,
            Some(d(to)),
            "{first} {second}: {}",
            said(&t)
        );
    }
    // A check-out days after the arrival keeps the arrival.
    let t = talk(&["somos dos", "del 12 de diciembre", "hasta el 15"]);
    assert_eq!(t.state.check_in, Some(d("2026-12-12")));
    assert_eq!(t.state.check_out, Some(d("2026-12-15")));
}

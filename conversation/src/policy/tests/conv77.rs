//! What conv77's blind set (Spanish-speaking guests who are not Argentine) found: a count of
//! nights corrected after a hold ("Perdona, que no son 3 noches, son 4") was read as a head
//! count and moved the hold to 4 people; "el puente de carnaval" was read as the next long
//! weekend, not carnival; Uruguay's "Semana de Turismo" was not known as Holy Week.

use super::*;

#[test]
fn a_count_of_nights_denied_after_a_hold_lengthens_the_stay() {
    let world = lenga_hold(4);
    let mut state = after_hold();
    if let Some(b) = state.booked.as_mut() {
        b.accommodation = "Cabaña Lenga".into();
        b.guests = 4;
    }
    state.guests = Some(4);
    for text in [
        "Perdona, que no son 2 noches, son 3",
        "no son 2 noches sino 3",
        "sorry, not 2 nights, 3",
        "desculpa, não são 2 noites, são 3",
    ] {
        let t = world.run(&state, text);
        let b = moved_to(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, 3, "{text}");
        assert_eq!(
            (b.check_in, b.check_out),
            (d("2026-12-15"), d("2026-12-18")),
            "{text}"
        );
        assert_eq!(b.guests, 4, "{text}: {}", said(&t));
    }
}

#[test]
fn a_holiday_said_as_its_bridge_is_that_holiday() {
    for text in [
        "¿Qué tenéis para el puente de carnaval? Somos 2",
        "hay lugar el feriado de carnaval? somos 2",
        "tem vaga no feriado de carnaval? somos 2",
    ] {
        let t = talk(&[text]);
        assert_eq!(
            t.state.check_in,
            Some(d("2027-02-05")),
            "{text}: {}",
            said(&t)
        );
        assert_eq!(
            t.state.check_out,
            Some(d("2027-02-09")),
            "{text}: {}",
            said(&t)
        );
    }
    for text in [
        "¿tienen lugar para la Semana de Turismo? Somos 2",
        "para el puente de semana santa, somos 2",
    ] {
        let t = talk(&[text]);
        assert_eq!(
            t.state.check_in,
            Some(d("2027-03-25")),
            "{text}: {}",
            said(&t)
        );
    }
}

//! What conv100's blind set (ordinary bookings through the Argentine calendar) found: a part
//! of a month said with nights ("a principios de marzo, 4 noches", "early March, 3 nights",
//! "no final de março, 2 noites") got "¿Qué día sería la llegada?" with no sign the month was
//! understood; the day of arrival is now asked in that month. "El finde largo del 8 de
//! diciembre" said after the 8th spoke of this December's Christmas long weekend as missing;
//! the month without one is now next year's.

use super::*;

#[test]
fn nights_said_in_a_month_ask_the_day_of_arrival_in_that_month() {
    for (text, month) in [
        ("a principios de marzo, 4 noches, somos 2", "marzo"),
        ("a mediados de abril pa 4, una semana", "abril"),
        ("a fines de febrero 3 noches somos 6", "febrero"),
        ("queremos ir en agosto, 5 noches", "agosto"),
        ("Hi there, early March, 3 nights, 2 adults", "March"),
        ("late July, 2 nights please", "July"),
        ("Oi! No final de março, 2 noites, somos 4", "março"),
        ("em julho, 3 noites", "julho"),
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains(month), "{text}: {s}");
    }
}

#[test]
fn nights_said_without_a_month_still_ask_the_day_of_arrival_alone() {
    let s = said(&talk(&["somos 2, 3 noches"]));
    assert!(s.contains("¿Qué día sería la llegada?"), "{s}");
}

#[test]
fn a_month_without_a_long_weekend_is_next_years_when_this_ones_has_one_left() {
    // 10 December 2026: this December still has Christmas (Friday 25 to Sunday 27), December
    // 2027 has none (the 8th a Wednesday, the 25th a Saturday): "el finde largo del 8 de
    // diciembre" said then speaks of December 2027.
    assert_eq!(
        crate::policy::month_without_long_weekend(12, d("2026-12-10")),
        2027
    );
    // May 2027 has none (the 1st a Saturday, the 25th a Tuesday): this coming May.
    assert_eq!(
        crate::policy::month_without_long_weekend(5, d("2026-12-10")),
        2027
    );
    // November 2027 has none (the 20th a Saturday).
    assert_eq!(
        crate::policy::month_without_long_weekend(11, d("2026-12-10")),
        2027
    );
}

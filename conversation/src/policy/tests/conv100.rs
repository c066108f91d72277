//! What conv100's blind set (ordinary bookings through the Argentine calendar) found: a part
//! of a month said with nights ("a principios de marzo, 4 noches", "early March, 3 nights",
//! "no final de março, 2 noites") got "¿Qué día sería la llegada?" with no sign the month was
//! understood; the day of arrival is now asked in that month.

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

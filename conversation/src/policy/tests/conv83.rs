//! What conv83's blind set (calendars of 2027 and 2028) found at the conversation's level: a
//! year said alone ("actually, the 2028 one") did not move the holiday stay talked about; a
//! check-out said as a day ("nos vamos el 3") of a stay more than a year ahead was lost; days
//! said with their weekdays ("del viernes 19 al domingo 21") after the month was talked about
//! were read in the next month where the 19th is a Friday; and nights counted from a holiday
//! ran from the eve of its long weekend.

use super::*;

#[test]
fn a_year_said_alone_moves_the_holiday_talked_about_to_that_year() {
    let b = held_over(&[
        "anything for 2 over Carnival 2027?",
        "actually, the 2028 one",
        "ok book it",
    ])
    .expect("held");
    assert_eq!(
        (b.check_in, b.check_out),
        (d("2028-02-25"), d("2028-02-29"))
    );
    let b = held_over(&[
        "para semana santa 2027 somos 2",
        "mejor la del 2028",
        "dale",
    ])
    .expect("held");
    assert_eq!(
        (b.check_in, b.check_out),
        (d("2028-04-13"), d("2028-04-16"))
    );
}

#[test]
fn a_check_out_day_of_a_stay_a_year_ahead_falls_after_its_check_in() {
    // Today is 23 November 2026: the next 3rd is 3 December 2026, thirteen months before the
    // 3rd after the check-in.
    for text in [
        "nos vamos el 3 mejor",
        "hasta el 3",
        "we'd rather leave on the 3rd",
    ] {
        let t = talk(&["para fin de año 2027 somos 6", text]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d("2027-12-30")), Some(d("2028-01-03"))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn days_with_their_weekdays_fall_in_the_month_talked_about() {
    let b = held_over(&[
        "che el feriado de noviembre 2027 cae sabado no?",
        "bueno igual vamos del viernes 19 al domingo 21, somos 2",
        "dale",
    ])
    .expect("held");
    assert_eq!(
        (b.check_in, b.check_out),
        (d("2027-11-19"), d("2027-11-21"))
    );
}

#[test]
fn nights_counted_from_a_holiday_start_on_its_day_off() {
    for (text, from, to) in [
        (
            "3 noches desde el feriado del 9 de julio 2027, somos 2",
            "2027-07-09",
            "2027-07-12",
        ),
        (
            "4 noches desde el feriado de san martin del 2027, 2 personas",
            "2027-08-16",
            "2027-08-20",
        ),
        (
            "we'd arrive on Malvinas Day 2027 and stay 2 nights, 2 adults",
            "2027-04-02",
            "2027-04-04",
        ),
    ] {
        let b = held_over(&[text, "si"]).unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!((b.check_in, b.check_out), (d(from), d(to)), "{text}");
    }
}

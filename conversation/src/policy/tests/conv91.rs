//! What conv91's blind set (calendars and holidays of 2027 and 2028) found: nights said right
//! after a month ("el finde largo de junio 3 noches") were read as that month's day, so the bot
//! said the month had no long weekend; an arrival said after a holiday named ("el feriado del
//! 12 de octubre, llegamos el 8, 3 noches") was read as the check-out a month later; "un día
//! antes" moved an arrival the guest had said by its day ("llegamos un día antes, el viernes
//! 5") once more; the days said after "férias de julho" were read in the current month; and a
//! holiday named that ends its long weekend ("el feriado de San Martín, 2 noches", moved to the
//! Monday) started the stay on that Monday.

use super::*;

/// The stay held after the messages, as (check-in, check-out).
fn stay_held(messages: &[&str]) -> Option<(NaiveDate, NaiveDate)> {
    held_over(messages).map(|b| (b.check_in, b.check_out))
}

#[test]
fn nights_said_after_a_month_keep_its_long_weekend() {
    for text in [
        "el finde largo de junio 3 noches para 4",
        "the long weekend in june 3 nights for 4",
        "feriado prolongado de junho 3 noites para 4",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña Coihue"), "{text}: {s}");
        assert!(
            !s.contains("no tiene") && !s.contains("There's no"),
            "{text}: {s}"
        );
        assert_eq!(
            stay_held(&[text, "dale"]),
            Some((d("2027-06-18"), d("2027-06-21"))),
            "{text}"
        );
    }
}

#[test]
fn an_arrival_said_after_a_holiday_named_starts_the_stay() {
    for text in [
        "el feriado de la diversidad cultural llegamos el viernes 8, 3 noches, somos 2",
        "para el feriado del 12 de octubre llegamos el 8, 3 noches, somos 2",
    ] {
        assert_eq!(
            stay_held(&[text, "dale"]),
            Some((d("2027-10-08"), d("2027-10-11"))),
            "{text}"
        );
    }
}

#[test]
fn a_day_before_with_its_day_said_is_that_day() {
    assert_eq!(
        stay_held(&[
            "feriado de carnaval llegamos un dia antes el viernes 5 y son 4 noches. 4 personas",
            "dale",
        ]),
        Some((d("2027-02-05"), d("2027-02-09")))
    );
    // Without its day, a day before the holiday's own arrival.
    assert_eq!(
        stay_held(&["para carnaval llegamos un dia antes, 4 personas", "dale"]),
        Some((d("2027-02-04"), d("2027-02-09")))
    );
}

#[test]
fn days_said_after_the_winter_holidays_are_in_july() {
    for text in [
        "oi! nas férias de julho, de 10 a 15, somos 4",
        "vacaciones de julio del 10 al 15 somos 4",
    ] {
        assert_eq!(
            stay_held(&[text, "dale"]),
            Some((d("2027-07-10"), d("2027-07-15"))),
            "{text}"
        );
    }
}

#[test]
fn a_holiday_named_that_ends_its_long_weekend_is_that_long_weekend() {
    for (text, check_in, check_out) in [
        (
            "el feriado de san martin 2 noches 4 personas",
            "2027-08-14",
            "2027-08-16",
        ),
        (
            "hola! el feriado de guemes dos noches para 4",
            "2027-06-19",
            "2027-06-21",
        ),
        (
            "San Martin Day holiday, 2 nights, 4 people",
            "2027-08-14",
            "2027-08-16",
        ),
        (
            "oi, feriado de 1 de maio de 2028, 2 noites, somos 4",
            "2028-04-29",
            "2028-05-01",
        ),
        // Said to start on it, or a holiday that opens its long weekend: from its day.
        (
            "3 noches desde el feriado de san martin, somos 4",
            "2027-08-16",
            "2027-08-19",
        ),
        (
            "para el feriado del 9 de julio 3 noches, somos 4",
            "2027-07-09",
            "2027-07-12",
        ),
    ] {
        assert_eq!(
            stay_held(&[text, "dale"]),
            Some((d(check_in), d(check_out))),
            "{text}"
        );
    }
}

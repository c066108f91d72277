//! Turns a hundred-and-fourth, blind set of conversations (dates as guests say them) found
//! wrong: a weekend refused with what the guest cannot do ("este finde no llegamos, el otro
//! finde") is the other one, offered; a month said with its year ("January 2028") keeps that
//! year for the days said in a later message.

use super::*;

#[test]
fn a_weekend_the_guest_cannot_reach_gives_way_to_the_other_one() {
    for text in [
        "este finde no llegamos, el otro finde tienen para 2?",
        "este finde no alcanzamos, el otro si, somos 2",
        "esse fim de semana não chegamos, mas o outro sim, somos 2",
    ] {
        let t = talk(&[text]);
        assert!(booked(&t).is_none(), "{text}: {:?}", t.effects);
        assert!(said(&t).contains("04/12/2026"), "{text}: {}", said(&t));
        assert!(said(&t).contains("06/12/2026"), "{text}: {}", said(&t));
    }
}

#[test]
fn days_said_after_a_month_and_its_year_fall_in_that_year() {
    for (month, days, want) in [
        (
            "Hi, we are planning a trip for January 2028, 2 people",
            "from the 10th to the 14th",
            "Jan 10, 2028",
        ),
        (
            "queremos ir en marzo 2028, somos 2",
            "del 10 al 14",
            "10/03/2028",
        ),
        ("vamos em maio de 2028, somos 2", "de 12 a 15", "12/05/2028"),
    ] {
        let t = talk(&[month, days]);
        assert!(said(&t).contains(want), "{month} / {days}: {}", said(&t));
    }
}

//! What conv103's blind set (Brazilian guests on WhatsApp) found: the price a night asked
//! with a cabin's dates ("quanto fica a noite dela?") was answered with the stay's total only;
//! one night more said as the new check-out day ("saio dia 18") after a hold was read as a new
//! one-night stay from that day.

use super::*;

#[test]
fn the_price_a_night_asked_with_the_dates_is_said_before_the_people_are_asked() {
    for text in [
        "vcs tem a Lenga disponivel de 10/01 a 12/01? quanto fica a noite dela?",
        "¿la Lenga del 10 al 12 de enero cuánto sale la noche?",
        "how much is the Lenga per night from January 10 to 12?",
    ] {
        let t = run(&ConversationState::default(), text);
        let reply = said(&t);
        // Its price a night, not only the stay's total (270.000).
        assert!(reply.contains("Lenga"), "{text}: {reply}");
        assert!(reply.contains("135.000"), "{text}: {reply}");
        assert_eq!(booked(&t), None, "{text}");
    }
}

#[test]
fn a_new_departure_day_after_a_hold_moves_its_end() {
    for text in [
        "da pra ficar mais uma noite? saio dia 18",
        "saio dia 18",
        "¿podemos quedarnos una noche más? salgo el 18",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let to = moved_to(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(
            (to.check_in, to.check_out),
            (d("2026-12-15"), d("2026-12-18")),
            "{text}"
        );
    }
}

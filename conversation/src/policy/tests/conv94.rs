//! What conv94's blind set (bookings with the date said through the calendar) found: "the
//! weekend after this one" was read as this weekend, so the bot offered the wrong nights; it is
//! the one after the coming weekend, like "el otro finde", in every language.

use super::*;

#[test]
fn the_weekend_after_this_one_is_offered_a_week_after_the_coming_one() {
    for text in [
        "do you have anything for 2 the weekend after this one?",
        "tienen algo para 2 el finde despues de este?",
        "tem algo pra 2 no fim de semana depois desse?",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(
            s.contains("04/12/2026") || s.contains("Dec 4, 2026"),
            "{text}: {s}"
        );
        assert!(
            s.contains("06/12/2026") || s.contains("Dec 6, 2026"),
            "{text}: {s}"
        );
    }
}

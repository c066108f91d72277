//! What conv96's blind set (a generalist Argentine WhatsApp sample over the bullets)
//! found: "¿a qué hora entramos?" after a hold or after paying got the check-in time and a
//! capacity line besides ("hasta 4 personas"), "entramos" read as "do we fit"; the hour asked
//! before the verb makes it the arrival, as a date after it already did.

use super::*;

#[test]
fn the_hour_they_get_in_asked_about_a_hold_gets_the_times_and_no_capacity() {
    for paid in [false, true] {
        for text in [
            "y a que hora entramos?",
            "desde q hora entran?",
            "me reenvias la direccion y a q hora entramos xfa",
        ] {
            let s = said(&coihue_hold(paid).run(&after_hold(), text));
            assert!(s.contains("14:00"), "{text} (paid {paid}): {s}");
            assert!(!s.contains("hasta 4"), "{text} (paid {paid}): {s}");
        }
    }
}

//! What conv87's blind set (English-speaking and Brazilian guests over every bullet) found: a
//! second thought naming another cabin after a hold ("mudei de ideia, quero a Ñire") was
//! offered back as another stay instead of moving the hold there.

use super::*;

#[test]
fn a_second_thought_naming_another_cabin_moves_the_hold_there() {
    for text in [
        "mudei de ideia, quero a Lenga",
        "changed my mind, I want the Lenga",
        "cambié de idea, quiero la Lenga",
        "pensandolo bien, quiero la Lenga",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let to = moved_to(&t);
        assert_eq!(
            to.map(|b| (b.accommodation_id, b.check_in, b.guests)),
            Some((3, d("2026-12-15"), 2)),
            "{text}: {}",
            said(&t)
        );
    }
    // Another stay asked besides the hold is still a second stay, not a move.
    let t = coihue_hold(false).run(
        &after_hold(),
        "also book the Arrayán for my parents, December 15 to 17, 2 people",
    );
    assert!(!moved(&t), "{}", said(&t));
}

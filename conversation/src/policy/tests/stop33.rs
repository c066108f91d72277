//! Turns probing found wrong in stop 33: a guest holding a cabin for more people than come now
//! who asks for a smaller or cheaper one ("al final somos 3, nos sirve una más chica", "we'll
//! be 3 now, so a smaller cabin would be fine") kept the big cabin, only with fewer people.

use super::*;

/// Where the hold moves, and for how many.
fn moved_to(t: &Turn) -> Option<(i64, u16)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.accommodation_id, to.guests)),
        _ => None,
    })
}

#[test]
fn fewer_people_asking_for_a_smaller_cabin_move_the_hold_to_the_smallest_that_fits() {
    let (world, state) = lenga_for_six();
    for (text, to, guests) in [
        ("al final somos 3, nos sirve una más chica", 2, 3),
        ("we'll be 3 now, so a smaller cabin would be fine", 2, 3),
        ("somos 3 nomás al final, ¿tenés alguna más chica?", 2, 3),
        ("agora somos só 2, pode ser uma cabana menor", 1, 2),
        ("al final somos 2, pasame a la más barata", 1, 2),
    ] {
        let t = world.run(&state, text);
        assert_eq!(moved_to(&t), Some((to, guests)), "{text}: {}", said(&t));
    }
}

#[test]
fn fewer_people_alone_or_a_smaller_cabin_none_of_which_is_free_keep_the_cabin_held() {
    let (mut world, state) = lenga_for_six();
    // Fewer people, nothing asked about the cabin: the Lenga stays, for 3.
    let t = world.run(&state, "al final somos 3");
    assert!(moved_to(&t).is_none_or(|(id, _)| id == 3), "{}", said(&t));
    // The smaller ones taken: nothing smaller to move to.
    world.taken.push(taken(1, "2026-12-15", "2026-12-17"));
    world.taken.push(taken(2, "2026-12-15", "2026-12-17"));
    let t = world.run(&state, "al final somos 3, nos sirve una más chica");
    assert!(moved_to(&t).is_none_or(|(id, _)| id == 3), "{}", said(&t));
}

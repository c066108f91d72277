//! What conv79's blind set (groups and calendars) found: a group held and then made smaller by
//! its whole ("al final somos 10, no vienen los de la cabaña chiquita") was read as that many
//! fewer; a party said whole and then by its parts ("8 of us, two couples and a family of 4")
//! was counted again; a cabin the group named, free but too small for all of them, was said to
//! be taken.

use super::*;

#[test]
fn a_group_made_smaller_by_its_whole_keeps_the_group_for_that_many() {
    // The Coihue (4) and the Lenga (6) held for 10; "al final somos 6, no vienen los de la
    // Coihue": the Lenga for 6, never a cabin for the difference.
    let world = coihue_and_lenga_group(
        "GRP261215001",
        "RES261215003",
        [("RES261215002", 4), ("RES261215003", 6)],
        false,
    );
    for text in [
        "al final somos 6, no vienen los de la Coihue",
        "che al final somos 6, no vienen mis primos",
        "al final seríamos 6, no vienen los chicos",
    ] {
        let t = world.run(&ConversationState::default(), text);
        let all = said(&t);
        assert!(all.contains('6'), "{text}: {all}");
        assert!(!all.contains("para 4 personas,"), "{text}: {all}");
        if let Some(b) = booked(&t) {
            assert_eq!(b.guests, 6, "{text}");
        }
    }
}

#[test]
fn a_party_said_whole_and_by_its_parts_is_the_whole() {
    for text in [
        "hola, somos 8, dos parejas y una familia de 4, del 15 al 17 de diciembre",
        "hi, 8 of us, two couples and a family of 4, december 15 to 17",
    ] {
        let t = talk(&[text]);
        assert_eq!(t.state.guests, Some(8), "{text}: {}", said(&t));
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(offer.together, "{text}: {}", said(&t));
        assert_eq!(offer.guests, 8, "{text}");
    }
}

#[test]
fn a_free_cabin_too_small_for_the_group_is_not_said_taken() {
    for text in [
        "hi, we're 8, december 15 to 17. could we get the Arrayán and the Coihue?",
        "hola, somos 8, del 15 al 17 de diciembre. ¿puede ser la Arrayán o la Coihue?",
    ] {
        let t = talk(&[text]);
        let all = said(&t);
        assert!(
            !all.contains("already taken") && !all.contains("ocupada"),
            "{text}: {all}"
        );
        assert!(
            t.state.offer.as_ref().is_some_and(|o| o.together),
            "{text}: {all}"
        );
    }
    // A cabin named that is taken is still said so.
    let world = World {
        taken: vec![taken(2, "2026-12-15", "2026-12-17")],
        ..Default::default()
    };
    let t = world.run(
        &ConversationState::default(),
        "hola, somos 8, del 15 al 17 de diciembre, ¿está la Coihue?",
    );
    assert!(said(&t).contains("ocupada"), "{}", said(&t));
}

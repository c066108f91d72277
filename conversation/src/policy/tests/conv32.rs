//! What the blind sample of conv32 (groups and calendars) found: a group too large for what is
//! free, with a single cabin left, is told the most it sleeps and offered it (not "no room");
//! a held cabin's party growing past it ("se suman 4, ahora somos 10, ¿hay lugar?") keeps the
//! hold and offers the cabins that take everyone together, replacing it when accepted (not a
//! second stay beside the hold for the newcomers only).

use super::*;

/// The Coihue and the Arrayán taken 10–13 March: the Lenga (6) alone is free.
fn only_the_lenga() -> World {
    World {
        taken: vec![
            taken(1, "2027-03-10", "2027-03-13"),
            taken(2, "2027-03-10", "2027-03-13"),
        ],
        ..World::default()
    }
}

#[test]
fn a_group_with_one_cabin_free_hears_the_most_it_sleeps_and_can_take_it() {
    for (text, yes, words) in [
        (
            "hola! somos 7, del 10 al 13 de marzo",
            "dale",
            ["Lenga", "6 personas"],
        ),
        (
            "somos 9 del 10 al 13 d marzo hay lugar?",
            "si",
            ["Lenga", "6 personas"],
        ),
        (
            "Hi, we're 8 people, March 10 to 13",
            "yes",
            ["Lenga", "6 people"],
        ),
        (
            "Olá, somos 7, de 10 a 13 de março",
            "sim",
            ["Lenga", "6 pessoas"],
        ),
    ] {
        let world = only_the_lenga();
        let first = world.talk(&[text]);
        let out = said(&first);
        for w in words {
            assert!(out.contains(w), "{text}: {out}");
        }
        assert!(booked(&first).is_none(), "{text}: {out}");
        // "Dale": the Lenga held for as many as it sleeps.
        let t = world.run(&first.state, yes);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!((b.accommodation_id, b.guests), (3, 6), "{text}");
        assert_eq!(b.check_in, d("2027-03-10"), "{text}");
    }
}

fn lenga_held_state() -> ConversationState {
    ConversationState {
        check_in: Some(d("2026-12-15")),
        check_out: Some(d("2026-12-17")),
        guests: Some(6),
        booked: Some(Booked {
            accommodation: "Cabaña Lenga".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 6,
        }),
        ..Default::default()
    }
}

#[test]
fn a_held_party_growing_past_its_cabin_is_offered_cabins_together_replacing_the_hold() {
    let world = lenga_hold(6);
    for (text, yes) in [
        (
            "che se suman 4 amigos mas, ahora somos 10. hay lugar?",
            "dale",
        ),
        ("ahora somos 10, entramos?", "dale, sumala"),
        ("se suman 4 mas, tienen lugar?", "si"),
        ("we're 10 now, is there room?", "yes"),
        ("agora somos 10, tem lugar?", "sim"),
    ] {
        let t = world.run(&lenga_held_state(), text);
        let out = said(&t);
        // The hold stays as it was while they decide; the Coihue joins the Lenga.
        assert!(out.contains("RES261215009"), "{text}: {out}");
        assert!(out.contains("Coihue"), "{text}: {out}");
        assert!(
            !t.effects.iter().any(|e| matches!(
                e,
                Effect::Book(_) | Effect::BookTogether(_) | Effect::MoveHold { .. }
            )),
            "{text}: {out}"
        );
        let t = world.run(&t.state, yes);
        let (code, to) = moved_group(&t).unwrap_or_else(|| panic!("{text}: {:?}", t.effects));
        assert_eq!(code, "RES261215009", "{text}");
        let mut parts: Vec<(i64, u16)> =
            to.iter().map(|b| (b.accommodation_id, b.guests)).collect();
        parts.sort_unstable();
        assert_eq!(parts, vec![(2, 4), (3, 6)], "{text}");
    }
}

#[test]
fn a_smaller_party_asked_about_beside_a_hold_is_no_move_of_it() {
    // "¿Y para 2 tienen algo?" beside the Lenga held for 6: another stay asked, the hold
    // untouched.
    let world = lenga_hold(6);
    let t = world.run(
        &lenga_held_state(),
        "y para 2 personas tienen algo esas fechas?",
    );
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::MoveGroup { .. })),
        "{:?}",
        t.effects
    );
}

/// The Lenga and the Coihue held together for 10, 15–17 December.
fn group_hold() -> World {
    coihue_and_lenga_group(
        "GRP261215010",
        "RES261215012",
        [("RES261215011", 4), ("RES261215012", 6)],
        false,
    )
}

#[test]
fn other_cabins_named_after_a_group_hold_are_offered_to_replace_it() {
    // The test property has three cabins: the Arrayán (2), the Coihue (4), the Lenga (6).
    let state = ConversationState {
        check_in: Some(d("2026-12-15")),
        check_out: Some(d("2026-12-17")),
        guests: Some(8),
        ..Default::default()
    };
    let mut held = group_hold();
    if let Some(h) = held.held.as_mut()
        && let Some(g) = h.group.as_mut()
    {
        g.parts[0].guests = 2;
    }
    for (text, yes) in [
        ("mejor la Lenga y la Arrayán", "dale"),
        ("y si vamos a la Lenga y a la Arrayán?", "si"),
        ("could we do the Lenga and the Arrayán instead?", "yes"),
        ("melhor a Lenga e a Arrayán", "sim"),
    ] {
        let t = held.run(&state, text);
        let out = said(&t);
        assert!(
            out.contains("Arrayán") && out.contains("Lenga"),
            "{text}: {out}"
        );
        assert!(
            !t.effects.iter().any(|e| matches!(
                e,
                Effect::Book(_) | Effect::BookTogether(_) | Effect::MoveGroup { .. }
            )),
            "{text}: {out}"
        );
        let t = held.run(&t.state, yes);
        let (code, to) = moved_group(&t).unwrap_or_else(|| panic!("{text}: {:?}", t.effects));
        assert_eq!(code, "RES261215012", "{text}");
        let mut parts: Vec<(i64, u16)> =
            to.iter().map(|b| (b.accommodation_id, b.guests)).collect();
        parts.sort_unstable();
        assert_eq!(parts, vec![(1, 2), (3, 6)], "{text}");
    }
    // The cabins held named again: no new offer, the hold as it is.
    let t = group_hold().run(&state, "dale, la Lenga y la Coihue");
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveGroup { .. } | Effect::BookTogether(_))),
        "{:?}",
        t.effects
    );
}

#[test]
fn how_many_the_place_hosts_is_said_with_each_cabin() {
    for (text, want) in [
        (
            "cual es el maximo de personas que pueden recibir?",
            "hasta 12 personas",
        ),
        ("cuantas personas entran como maximo?", "hasta 12 personas"),
        (
            "what's the max number of guests you can host?",
            "up to 12 people",
        ),
        ("qual o número máximo de pessoas?", "até 12 pessoas"),
    ] {
        let out = said(&talk(&[text]));
        assert!(out.contains(want), "{text}: {out}");
    }
    // One cabin asked about: its own, no total.
    let out = said(&talk(&["para cuantas personas es la Lenga?"]));
    assert!(out.contains("6") && !out.contains("12"), "{out}");
}

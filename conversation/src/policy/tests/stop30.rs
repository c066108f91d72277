//! What the hand probes of stop 30 found: what each cabin looks out on, from the owner's own
//! descriptions (yes or no first when a view is named, the option with it focused); a
//! reservation code none of the guest's holds has, handed to a person rather than guessed.

use super::*;

/// Cabins whose descriptions name their views.
pub(super) fn with_views() -> World {
    World {
        descriptions: vec![
            (1, "Para dos, con hogar a leña y vista al lago."),
            (2, "Dos dormitorios, parrilla y deck con vista al bosque."),
            (3, "Tres dormitorios, jacuzzi y vista a la montaña."),
        ],
        ..World::default()
    }
}

#[test]
fn the_view_of_the_cabin_named_is_its_own() {
    let t = with_views().talk(&["qué vista tiene la Coihue?"]);
    assert!(
        said(&t).contains("Cabaña Coihue tiene vista al bosque"),
        "{}",
        said(&t)
    );
    // A view named that the cabin lacks: a no first, and the one that has it.
    for (text, words) in [
        (
            "la coihue tiene vista al lago?",
            "No, Cabaña Coihue tiene vista al bosque",
        ),
        (
            "does the Coihue have a lake view?",
            "No, Cabaña Coihue has a view of the forest",
        ),
        (
            "o Coihue tem vista para o lago?",
            "Não, Cabaña Coihue tem vista para a floresta",
        ),
    ] {
        let t = with_views().talk(&[text]);
        let s = said(&t);
        assert!(s.starts_with(words), "{text}: {s}");
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
    }
}

#[test]
fn which_cabin_has_a_view_names_it_and_the_best_view_lists_each() {
    for text in [
        "cual tiene vista al lago?",
        "alguna tiene vista al lago?",
        "which one has a view of the lake?",
        "qual cabana tem vista para o lago?",
    ] {
        let t = with_views().talk(&[text]);
        let s = said(&t);
        assert!(s.contains("Cabaña Arrayán"), "{text}: {s}");
        assert!(!s.contains("Cabaña Lenga"), "{text}: {s}");
    }
    for (text, views) in [
        (
            "cual de las cabañas tiene mejor vista?",
            ["vista al lago", "vista al bosque", "vista a la montaña"],
        ),
        (
            "which cabin has the best views?",
            [
                "view of the lake",
                "view of the forest",
                "view of the mountains",
            ],
        ),
    ] {
        let t = with_views().talk(&[text]);
        let s = said(&t);
        for view in views {
            assert!(s.contains(view), "{text}: {s}");
        }
    }
    // No view written anywhere: a person answers, nothing is made up.
    let t = talk(&["qué vista tienen las cabañas?"]);
    assert!(!said(&t).contains("vista al"), "{}", said(&t));
}

#[test]
fn the_one_option_with_the_view_asked_about_is_the_one_that_esa_points_at() {
    let world = with_views();
    let mut state = ConversationState::default();
    for text in [ASK_FOR_TWO, "cual tiene vista a la montaña?"] {
        state = world.run(&state, text).state;
    }
    let t = world.run(&state, "buenísimo, reservame esa");
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(3),
        "{}",
        said(&t)
    );
    // Pointed at by its view, said as no question: held, and no question answered.
    let mut state = ConversationState::default();
    state = world.run(&state, ASK_FOR_TWO).state;
    let t = world.run(&state, "la que tiene vista al lago");
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(1),
        "{}",
        said(&t)
    );
    assert!(!said(&t).contains("tiene vista"), "{}", said(&t));
}

#[test]
fn a_code_none_of_the_guests_holds_has_goes_to_a_person() {
    for text in [
        "hola, sigue en pie mi reserva RES270101099?",
        "ya pagué la seña de la RES270101099",
        "is my booking RES270101099 confirmed?",
        "quiero cambiar las fechas de la reserva RES270101099 al 20 de diciembre",
    ] {
        let t = coihue_hold(false).talk(&[text]);
        let s = said(&t);
        assert!(s.contains("RES270101099"), "{text}: {s}");
        assert!(t.state.needs_human, "{text}: {s}");
        assert!(
            !t.effects.iter().any(|e| matches!(
                e,
                Effect::Book(_) | Effect::MoveHold { .. } | Effect::ReleaseHold { .. }
            )),
            "{text}: nothing held, moved nor released"
        );
    }
    // Its own code: about its own hold.
    let t = coihue_hold(false).talk(&["sigue en pie la reserva RES261215007?"]);
    assert!(!t.state.needs_human, "{}", said(&t));
    assert!(said(&t).contains("Cabaña Coihue"), "{}", said(&t));
    // An old code said on the way to a new stay: the new stay is held.
    let t = talk(&[
        "ya estuvimos en enero (reserva RES260110001), queremos volver del 15 al 17 de diciembre para 2",
    ]);
    assert!(booked(&t).is_some(), "{:?}", t.effects);
    assert!(!t.state.needs_human, "{}", said(&t));
}

#[test]
fn a_number_settled_on_right_after_a_change_of_nights_is_the_nights() {
    let t = talk(&[
        "hola, del 15 al 17 de diciembre para 2",
        "mejor 3 noches",
        "uh no, mi novia dice que 2 nomas jaja, dejalo en 2",
    ]);
    let offer = t.state.offer.as_ref().expect("offer");
    assert_eq!(
        (offer.check_in, offer.check_out, offer.guests),
        (d("2026-12-15"), d("2026-12-17"), 2),
        "{}",
        said(&t)
    );
    // Asked for the people after the nights were said: a number is the people.
    let t = talk(&["hola, llegamos el 15 de diciembre", "3 noches", "cuatro"]);
    assert_eq!(t.state.guests, Some(4), "{}", said(&t));
    assert_eq!(t.state.check_out, Some(d("2026-12-18")), "{}", said(&t));
}

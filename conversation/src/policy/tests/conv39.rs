//! Turns a thirty-ninth, blind set of conversations (several questions and intents in one
//! message) found wrong: a thing only the description has ("deck") asked beside a feature or a
//! price got no answer; "¿cuál es la más barata? ¿y cuál acepta perros?" answered only the pets;
//! "¿tiene wifi? ¿cuánto es la seña?" after a hold got only the hold's price; "nos quedamos con
//! la Coihue" (the one held) after asking the Ñire's price got "si querés ver otras fechas…";
//! "¿tiene jacuzzi? si es así quiero esa" booked nothing, and "si tiene, reservala" booked even
//! on a no; "¿la Lenga está libre del 8 al 11?" asked the people without a yes.

use super::*;

const DECK: &str = "Dos dormitorios, parrilla y deck con vista al bosque.";

fn with_deck() -> World {
    World {
        descriptions: vec![(2, DECK)],
        ..Default::default()
    }
}

#[test]
fn a_thing_the_description_has_asked_beside_a_feature_or_a_price_is_answered() {
    for text in [
        "la coihue tiene deck? y parrilla?",
        "hola! la coihue tiene deck? y parrilla? cuanto sale la noche?",
        "la coihue tiene deck no? y parrilla?",
    ] {
        let t = with_deck().run(&ConversationState::default(), text);
        let out = said(&t).to_lowercase();
        assert!(out.contains("deck"), "{text}: {out}");
        assert!(out.contains("parrilla"), "{text}: {out}");
    }
    let t = with_deck().run(
        &ConversationState::default(),
        "does the Coihue have a deck? and wifi?",
    );
    let out = said(&t).to_lowercase();
    assert!(out.contains("deck") && out.contains("wifi"), "{out}");
}

#[test]
fn the_cheapest_asked_with_another_question_is_answered_too() {
    for (ask, text) in [
        (
            "hay lugar para 4 del 15 al 17 de diciembre?",
            "cual es mas barata? y cual acepta perros?",
        ),
        (
            "anything for 4 from December 15 to 17?",
            "which one is cheapest? and which one takes dogs?",
        ),
    ] {
        let t = talk(&[ask, text]);
        let out = said(&t).to_lowercase();
        assert!(out.contains("coihue"), "{text}: {out}");
        assert!(
            out.contains("económica") || out.contains("affordable"),
            "{text}: {out}"
        );
        assert!(booked(&t).is_none(), "{text}: {out}");
        assert_eq!(out.matches("🐶").count(), 1, "{text}: {out}");
    }
}

#[test]
fn a_question_about_the_place_beside_the_deposit_after_a_hold_is_answered() {
    for text in [
        "ah y tiene wifi? cuanto es la seña?",
        "tiene wifi? y cuanto es la seña?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t).to_lowercase();
        assert!(out.contains("wifi"), "{text}: {out}");
        assert!(out.contains("seña"), "{text}: {out}");
        assert!(booked(&t).is_none() && !released(&t), "{text}: {out}");
    }
}

#[test]
fn staying_with_the_cabin_held_after_asking_about_another_keeps_the_hold() {
    let world = coihue_hold(false);
    let asked = world.run(&after_hold(), "y la lenga cuanto sale?");
    assert!(asked.state.offer.is_some(), "{}", said(&asked));
    for text in [
        "no, esta bien, nos quedamos con la coihue",
        "mejor sigo con la coihue",
        "ok, me quedo con la coihue entonces",
    ] {
        let t = world.run(&asked.state, text);
        let out = said(&t).to_lowercase();
        assert!(out.contains("coihue"), "{text}: {out}");
        assert!(out.contains("res261215007"), "{text}: {out}");
        assert!(!released(&t) && booked(&t).is_none(), "{text}: {out}");
        assert!(t.state.offer.is_none(), "{text}: {out}");
    }
}

#[test]
fn a_choice_on_a_condition_books_only_what_the_answer_allows() {
    const ASK: &str = "hay lugar para 4 del 15 al 17 de diciembre?";
    // Yes: the cabin asked about is held, the answer first.
    for (text, id) in [
        ("la lenga tiene pileta? si tiene, reservala", 3),
        ("la lenga tiene pileta? si es asi quiero esa", 3),
        ("does the Lenga have a pool? if so we'll take it", 3),
        ("a Lenga tem piscina? se tiver, pode reservar", 3),
        // No, and another named: that one.
        (
            "la coihue tiene pileta? si tiene la quiero, sino la lenga",
            3,
        ),
        (
            "la coihue acepta perros? si acepta quiero la coihue, sino la lenga",
            2,
        ),
    ] {
        let t = talk(&[ASK, text]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(id),
            "{text}: {}",
            said(&t)
        );
    }
    // No, and nothing else named: nothing held, the cabin still on the table.
    for text in [
        "la coihue tiene pileta? si tiene, reservala",
        "does the Coihue have a pool? if so book it",
    ] {
        let t = talk(&[ASK, text]);
        let out = said(&t).to_lowercase();
        assert!(booked(&t).is_none(), "{text}: {out}");
        assert!(out.starts_with("no"), "{text}: {out}");
        assert!(
            out.contains("igual") || out.contains("anyway"),
            "{text}: {out}"
        );
        let after = World::default().run(&t.state, "dale");
        assert_eq!(
            booked(&after).map(|b| b.accommodation_id),
            Some(2),
            "{text}"
        );
    }
    // "Vamos con esa": in focus, a yes books it.
    let t = talk(&[ASK, "¿la lenga tiene pileta? Si es así vamos con esa."]);
    assert!(booked(&t).is_none(), "{}", said(&t));
    let after = World::default().run(&t.state, "dale");
    assert_eq!(booked(&after).map(|b| b.accommodation_id), Some(3));
}

#[test]
fn a_cabin_asked_free_on_dates_alone_is_answered_yes_or_no_first() {
    let t = run(
        &ConversationState::default(),
        "la lenga esta libre del 15 al 17 de diciembre?",
    );
    let out = said(&t);
    assert!(out.starts_with("¡Sí! Cabaña Lenga"), "{out}");
    assert!(out.contains("6 personas"), "{out}");
    let world = World {
        taken: vec![taken(2, "2026-12-15", "2026-12-17")],
        ..Default::default()
    };
    for text in [
        "la coihue esta disponible del 15 al 17 de diciembre? y la lenga?",
        "is the Coihue free from December 15 to 17? and the Lenga?",
    ] {
        let t = world.run(&ConversationState::default(), text);
        let out = said(&t).to_lowercase();
        assert!(out.contains("lenga"), "{text}: {out}");
        assert!(
            out.contains("ocupada") || out.contains("taken"),
            "{text}: {out}"
        );
    }
}

#[test]
fn a_condition_said_with_a_stay_or_of_an_option_by_position() {
    // With the stay in the same message: booked on a yes; on a no the question answered once
    // and what is free offered, nothing held.
    let t = talk(&["la lenga tiene parrilla? si tiene reservala del 15 al 17 de diciembre para 6"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(3),
        "{}",
        said(&t)
    );
    let t = talk(&["la coihue tiene pileta? si tiene reservala del 15 al 17 de diciembre para 4"]);
    let out = said(&t);
    assert!(booked(&t).is_none(), "{out}");
    assert!(out.starts_with("No"), "{out}");
    assert_eq!(out.matches("no tiene pileta").count(), 1, "{out}");
    assert!(t.state.offer.is_some(), "{out}");
    // "¿La segunda tiene…? si tiene dale": the second option.
    let t = talk(&[
        "hay lugar para 4 del 15 al 17 de diciembre?",
        "la segunda tiene pileta? si tiene dale",
    ]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(3),
        "{}",
        said(&t)
    );
}

#[test]
fn a_yes_no_question_beside_the_price_of_an_option_is_answered() {
    let t = talk(&[
        "hay lugar para 2 del 15 al 17 de diciembre?",
        "la arrayan tiene wifi? y cuanto sale la noche?",
    ]);
    let out = said(&t).to_lowercase();
    assert!(out.contains("wifi"), "{out}");
    assert!(out.contains("la noche"), "{out}");
    assert!(booked(&t).is_none(), "{out}");
    // After a hold: how to pay and the question beside it.
    let t = coihue_hold(false).run(&after_hold(), "tiene wifi? como pago la seña?");
    let out = said(&t).to_lowercase();
    assert!(
        out.contains("wifi") && out.contains("pago.example"),
        "{out}"
    );
}

#[test]
fn the_cheapest_of_the_cabins_named_together_is_asked_among_them() {
    for (first, then) in [
        (
            "la coihue esta disponible del 15 al 17 de diciembre? y la lenga?",
            "cual sale menos?",
        ),
        (
            "is the Coihue free from December 15 to 17? and the Lenga?",
            "which one costs less?",
        ),
    ] {
        let t = talk(&[first, then]);
        let out = said(&t);
        assert!(out.contains("Coihue"), "{then}: {out}");
        assert!(!out.contains("Arrayán"), "{then}: {out}");
        assert_eq!(t.state.accommodation.as_deref(), Some("Cabaña Coihue"));
    }
}

//! Turns a seventh, blind set of conversations (emails, and WhatsApp flows that go where the
//! guest takes them) found wrong: a feature a named cabin lacks and another has.

use super::*;

#[test]
fn a_feature_a_named_cabin_lacks_names_the_cabins_that_have_it() {
    for (text, no, elsewhere) in [
        (
            "hola la arrayan tiene pileta o eso es solo en la otra",
            "No, Cabaña Arrayán no tiene pileta",
            "Cabaña Lenga sí tiene pileta",
        ),
        (
            "la coihue tiene piscina?",
            "No, Cabaña Coihue no tiene piscina",
            "Cabaña Lenga sí tiene piscina",
        ),
        (
            "does the Arrayán have a grill?",
            "No, Cabaña Arrayán doesn't have",
            "Cabaña Coihue and Cabaña Lenga have",
        ),
    ] {
        let t = run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(s.starts_with(no), "{text}: {s}");
        assert!(s.contains(elsewhere), "{text}: {s}");
    }
    // None has it: what there is instead, as before.
    let t = run(&ConversationState::default(), "la arrayan tiene jacuzzi?");
    assert!(said(&t).contains("Lo que sí hay"), "{}", said(&t));
}

#[test]
fn a_hold_moves_to_a_cabin_named_with_what_it_has() {
    for text in [
        "y mejor cambiame a la lenga q tiene pileta",
        "pasame a la lenga que tiene parrilla",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let moved = t
            .effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { to, .. } if to.accommodation_id == 3));
        assert!(moved, "{text}: {:?}", t.effects);
    }
}

#[test]
fn choosing_by_a_feature_no_option_has_says_so_and_asks_again() {
    // No cabin has it: no, and the options again.
    let t = talk(&[ASK_FOR_TWO, "si dale la que tiene jacuzzi"]);
    let s = said(&t);
    assert!(s.contains("No, no tenemos jacuzzi"), "{s}");
    assert!(
        s.contains("Cabaña Arrayán") && s.contains("¿Cuál preferís?"),
        "{s}"
    );
    assert!(booked(&t).is_none());
    assert!(t.state.offer.is_some(), "the offer stays");
    // The Lenga is free and fits 2 with a pool: it is offered, so the pick is made (and,
    // preferred so, held).
    let t = talk(&[ASK_FOR_TWO, "la que tiene pileta"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(3),
        "{}",
        said(&t)
    );
    assert!(!said(&t).contains("no tenemos"), "{}", said(&t));
    // Taken: said so.
    let world = World {
        taken: vec![taken(3, "2026-12-15", "2026-12-17")],
        ..World::default()
    };
    let t = world.talk(&[ASK_FOR_TWO, "dale la que tiene pileta"]);
    let s = said(&t);
    assert!(
        s.contains("Cabaña Lenga tiene pileta, pero no está libre esas fechas"),
        "{s}"
    );
    assert!(booked(&t).is_none());
}

#[test]
fn what_becomes_of_the_deposit_is_the_policy_as_it_applies() {
    for text in [
        "y la seña que onda?",
        "la plata la pierdo?",
        "que pasa con la seña?",
        "o que acontece com o sinal?",
        "do I lose the deposit?",
        "what happens to my deposit if we cancel?",
    ] {
        let paid = coihue_hold(true).run(&after_hold(), text);
        let s = said(&paid);
        // 22 days before the stay, under a 30-day policy: half the deposit back.
        assert!(s.contains("50"), "{text}: {s}");
        assert!(
            !paid
                .effects
                .iter()
                .any(|e| matches!(e, Effect::RequestCancellation { .. })),
            "{text}: a question cancels nothing"
        );
    }
}

#[test]
fn how_the_cabins_differ_is_answered_side_by_side() {
    for question in [
        "cual es la diferencia entre las dos?",
        "y que diferencias hay?",
        "what's the difference between them?",
        "qual a diferença entre elas?",
    ] {
        let t = talk(&[ASK_FOR_TWO, question]);
        let s = said(&t);
        // Each option, its size, pets and total; what only one has (the Lenga's pool).
        for part in [
            "Cabaña Arrayán",
            "Cabaña Coihue",
            "Cabaña Lenga",
            "6",
            "🐶",
            "$",
        ] {
            assert!(s.contains(part), "{question}: {part} in {s}");
        }
        assert!(
            s.to_lowercase().contains("pileta") || s.contains("pool") || s.contains("piscina"),
            "{question}: {s}"
        );
        assert!(booked(&t).is_none(), "{question}");
        assert!(t.state.offer.is_some(), "{question}: the offer stays");
    }
    // Without an offer: every cabin, no totals (each one's price a night).
    let t = run(
        &ConversationState::default(),
        "que diferencia hay entre las cabañas?",
    );
    let s = said(&t);
    assert!(
        s.contains("Cabaña Arrayán") && s.contains("Cabaña Lenga"),
        "{s}"
    );
    assert!(!s.contains("en total") && s.contains("la noche"), "{s}");
}

#[test]
fn a_holiday_of_a_month_without_a_long_weekend_names_its_days_off() {
    // Today is 2026-11-23: May 2027 has its holidays on Saturday the 1st and Tuesday the 25th,
    // no long weekend.
    for text in [
        "y pal feriado de mayo? somos 4",
        "el finde largo de mayo tenes algo?",
    ] {
        let t = run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(s.contains("no tiene fin de semana largo"), "{text}: {s}");
        assert!(
            s.contains("01/05/2027") && s.contains("25/05/2027"),
            "{text}: {s}"
        );
        assert!(booked(&t).is_none(), "{text}");
    }
    // "Feriado" alone names no stay.
    let u = understand("el feriado trabajo", today(), NAMES);
    assert_eq!((u.check_in, u.no_long_weekend_in), (None, None));
}

#[test]
fn a_hold_moves_to_a_cabin_named_with_its_price_as_the_reason() {
    let t = coihue_hold(false).run(&after_hold(), "y pasame a la arrayan que sale menos");
    let moved = t
        .effects
        .iter()
        .any(|e| matches!(e, Effect::MoveHold { to, .. } if to.accommodation_id == 1));
    assert!(moved, "{:?}", t.effects);
    // Asking its price is a price question still.
    let u = understand("cuanto sale la arrayan?", today(), NAMES);
    assert_eq!(u.intent, crate::nlu::Intent::AskPrice);
}

#[test]
fn the_following_week_is_a_week_after_the_stay_talked_about() {
    // A hold of the Coihue 15–17 Dec: "el finde siguiente" moves it to 22–24 Dec.
    for text in [
        "se puede pasar al finde siguiente?",
        "y la semana siguiente?",
        "mejor el fin de semana que sigue",
        "can we move it to the following weekend?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let to = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
            _ => None,
        });
        assert_eq!(
            to,
            Some((d("2026-12-22"), d("2026-12-24"))),
            "{text}: {}",
            said(&t)
        );
    }
    // An offer on the table: the same days a week later are offered.
    let t = talk(&[ASK_FOR_TWO, "y la semana siguiente?"]);
    assert_eq!(
        t.state.offer.as_ref().map(|o| (o.check_in, o.check_out)),
        Some((d("2026-12-22"), d("2026-12-24"))),
        "{}",
        said(&t)
    );
    // Nothing talked about yet: "el finde siguiente" is a weekend from today.
    let t = run(
        &ConversationState::default(),
        "tenes lugar el finde siguiente para 2?",
    );
    assert!(t.state.offer.is_some(), "{}", said(&t));
}

#[test]
fn which_one_we_recommend_is_the_option_in_focus_and_why() {
    for question in [
        "vos cual me recomendas?",
        "cual nos conviene?",
        "which one would you recommend?",
        "qual você recomenda?",
    ] {
        let t = talk(&[ASK_FOR_TWO, question]);
        let s = said(&t);
        assert!(s.contains("Cabaña Arrayán"), "{question}: {s}");
        assert!(s.contains("90.000"), "{question}: the price: {s}");
        assert!(!s.contains("Buena elección"), "{question}: {s}");
        assert!(booked(&t).is_none(), "{question}");
        // A yes after it books the one recommended.
        let yes = World::default().run(&t.state, "dale");
        assert_eq!(
            booked(&yes).map(|b| b.accommodation_id),
            Some(1),
            "{question}"
        );
    }
    // With a pet: the recommendation takes it (the Coihue, for 4 with pets, leads).
    let t = talk(&[
        "hay lugar para 2 del 15 al 17 de diciembre? vamos con el perro",
        "cual me recomendas?",
    ]);
    assert!(said(&t).contains("acepta mascotas"), "{}", said(&t));
}

#[test]
fn a_yes_naming_a_cabin_not_on_the_table_is_about_that_cabin() {
    // Four people: the Arrayán (for 2) is not offered; "sí, la Arrayán" books nothing else.
    let ask = "hay lugar para 4 del 15 al 17 de diciembre?";
    for yes in ["si la arrayan", "dale, la arrayán", "sí, la arrayan porfa"] {
        let t = talk(&[ask, yes]);
        assert!(booked(&t).is_none(), "{yes}: {}", said(&t));
        assert!(said(&t).contains("Cabaña Arrayán"), "{yes}: {}", said(&t));
        assert!(said(&t).contains("2 personas"), "{yes}: {}", said(&t));
    }
    // Two people, a yes to a cabin that fits but was not the one in focus: that one is held.
    let world = World {
        // The Lenga taken: only the Arrayán and the Coihue are offered.
        taken: vec![taken(3, "2026-12-15", "2026-12-17")],
        ..World::default()
    };
    let t = world.talk(&[ASK_FOR_TWO, "si, la coihue"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(2),
        "{}",
        said(&t)
    );
}

#[test]
fn an_option_pointed_at_by_its_description() {
    // Every cabin here is "junto al lago": no one option is meant, nothing is booked.
    let t = talk(&[ASK_FOR_TWO, "la del lago"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
    // The words are looked for in the owner's description, not denied there.
    let mut a = cabins().remove(0);
    a.description = "Para dos, con hogar a leña y vista al lago. Sin deck.".into();
    assert!(crate::info::describes(&a, "vista al lago"));
    assert!(crate::info::describes(&a, "hogar a lena"));
    assert!(!crate::info::describes(&a, "deck"));
    assert!(!crate::info::describes(&a, "vista a la montana"));
}

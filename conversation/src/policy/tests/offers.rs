//! Offers: what is free and what it costs, named cabins, picks, groups, holidays, a no.

use super::*;

#[test]
fn a_quote_offers_what_is_free_and_remembers_the_offer() {
    let w = World {
        taken: vec![taken(2, "2026-12-14", "2026-12-16")],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "¿tenés lugar para 4 del 15 al 17 de diciembre?",
    );
    let offer = t.state.offer.as_ref().expect("an offer on the table");
    let offered: Vec<i64> = offer.options.iter().map(|o| o.accommodation_id).collect();
    assert_eq!(
        offered,
        vec![3],
        "the Coihue is taken, the Arrayán too small"
    );
    assert!(said(&t).contains("Cabaña Lenga"), "{}", said(&t));
    assert!(!said(&t).contains("Coihue"), "{}", said(&t));
}

#[test]
fn when_nothing_is_free_the_nearest_stays_are_on_the_table() {
    let w = World {
        taken: vec![
            taken(1, "2026-12-10", "2026-12-20"),
            taken(2, "2026-12-10", "2026-12-20"),
            taken(3, "2026-12-10", "2026-12-20"),
        ],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "tenés lugar para 2 del 15 al 17 de diciembre?",
    );
    let offer = t
        .state
        .offer
        .clone()
        .expect("the alternative is on the table");
    assert_eq!(
        (offer.check_in, offer.check_out),
        (d("2026-12-20"), d("2026-12-22"))
    );
    // "La segunda" is the second alternative, with its own dates.
    let t2 = w.run(&t.state, "dale, la segunda");
    let b = booked(&t2).expect("books");
    assert_eq!(
        (b.check_in, b.check_out),
        offer.options[1].stay.expect("own dates")
    );
}

#[test]
fn the_price_of_a_named_cabin_is_that_cabins_price() {
    for text in [
        "¿cuánto sale la noche en la Lenga?",
        "cuanto cuesta la lenga x noche",
        "precio de la cabaña lenga?",
        "q precio tiene la lenga",
        "cuanto sale la lenga",
        "CUANTO SALE LA NOCHE EN LA LENGA??",
    ] {
        let t = run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(
            s.contains("Lenga") && s.contains("$ 135.000"),
            "{text}: {s}"
        );
        assert!(!s.contains("Arrayán"), "{text}: {s}");
    }
    let t = run(
        &ConversationState::default(),
        "How much is a night at the Lenga?",
    );
    assert!(
        said(&t).contains("A night at Cabaña Lenga starts at $ 135.000"),
        "{}",
        said(&t)
    );
    let t = run(
        &ConversationState::default(),
        "quanto custa a diária na Lenga?",
    );
    assert!(
        said(&t).contains("A diária em Cabaña Lenga"),
        "{}",
        said(&t)
    );
}

#[test]
fn a_named_cabin_is_quoted_first_or_said_to_be_taken() {
    let t = run(
        &ConversationState::default(),
        "tienen la coihue libre del 15 al 17 de diciembre para 2?",
    );
    let offer = t.state.offer.expect("offer");
    assert_eq!(offer.options[0].name, "Cabaña Coihue");
    let w = World {
        taken: vec![taken(2, "2026-12-14", "2026-12-18")],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "la coihue esta libre del 15 al 17 de diciembre para 2?",
    );
    assert!(
        said(&t).starts_with("Cabaña Coihue ya está ocupada"),
        "{}",
        said(&t)
    );
    let t = run(
        &ConversationState::default(),
        "la arrayan para 4 del 15 al 17 de diciembre?",
    );
    assert!(
        said(&t).starts_with("Cabaña Arrayán es para hasta 2 personas"),
        "{}",
        said(&t)
    );
    let t = run(
        &ConversationState::default(),
        "cuántas personas entran en la coihue?",
    );
    assert!(
        said(&t).contains("Cabaña Coihue: hasta 4 personas"),
        "{}",
        said(&t)
    );
    assert!(!said(&t).contains("Lenga"), "{}", said(&t));
}

#[test]
fn the_guest_points_at_an_option_and_it_is_held() {
    let offered = run(&ConversationState::default(), ASK_FOR_TWO).state;
    let ids: Vec<i64> = offered
        .offer
        .as_ref()
        .expect("offer")
        .options
        .iter()
        .map(|o| o.accommodation_id)
        .collect();
    assert_eq!(ids, vec![1, 2, 3]);
    let cases: &[(&str, i64)] = &[
        ("prefiero la Coihue", 2),
        ("mejor la coihue", 2),
        ("la coigue", 2),
        ("la segunda", 2),
        ("me quedo con la segunda opción", 2),
        ("la opcion 3", 3),
        ("la ultima", 3),
        ("la más barata", 1),
        ("la mas grande", 3),
        ("la grande", 3),
        ("la que acepta perros", 2),
        ("la que tiene pileta", 3),
        ("la numero dos", 2),
        ("la del medio", 2),
        ("i prefer the second one", 2),
        ("the biggest one", 3),
        ("prefiro a segunda", 2),
        ("a mais barata", 1),
    ];
    // A pick said as no question is the guest's choice: held at once; the yes they may send
    // after it holds nothing more.
    for (text, id) in cases {
        let t = run(&offered, text);
        let b = booked(&t).unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(b.accommodation_id, *id, "{text}");
        assert!(!said(&t).contains("no te entendí"), "{text}: {}", said(&t));
        for yes in ["sí", "dale", "ok", "de una", "yes"] {
            assert!(booked(&run(&t.state, yes)).is_none(), "{text} → {yes}");
        }
    }
    // Asked about, it is only put in focus: the yes books it.
    let t = run(&offered, "y la segunda cuánto sale?");
    assert!(booked(&t).is_none(), "{}", said(&t));
    assert_eq!(
        booked(&run(&t.state, "dale")).map(|b| b.accommodation_id),
        Some(2)
    );
    // A pick with a yes books at once.
    for (text, id) in [
        ("dale, reservame la coihue", 2),
        ("sí, la tercera", 3),
        ("reservame la más barata", 1),
    ] {
        assert_eq!(
            booked(&run(&offered, text)).map(|b| b.accommodation_id),
            Some(id),
            "{text}"
        );
    }
    // Something the offer lacks is not booked.
    let t = run(&offered, "la cuarta");
    assert!(booked(&t).is_none());
}

#[test]
fn a_large_group_gets_cabins_together() {
    for text in [
        "hay lugar para 8 del 15 al 17 de diciembre?",
        "somos 8 amigos, tienen lugar del 15 al 17 de diciembre",
        "tenes lugar pa 8 del 15 al 17 d diciembre",
        "do you have room for 8 people from December 15 to 17?",
        "tienen disponibilidad para 10 personas del 15 al 17/12",
        "somos 2 familias de 4, hay lugar del 15 al 17 de diciembre?",
    ] {
        let t = run(&ConversationState::default(), text);
        let offer = t
            .state
            .offer
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert!(offer.together, "{text}");
        let seats: i32 = offer.options.iter().map(|o| o.capacity).sum();
        assert!(seats >= i32::from(offer.guests), "{text}");
        let t = run(&t.state, "dale");
        let Some(Effect::BookTogether(all)) = t.effects.first() else {
            panic!("{text}: {:?}", t.effects)
        };
        assert_eq!(
            all.iter().map(|b| b.guests).sum::<u16>(),
            offer.guests,
            "{text}"
        );
    }
    let t = run(
        &ConversationState::default(),
        "hay lugar para 20 del 15 al 17 de diciembre?",
    );
    assert!(said(&t).contains("hasta 12 personas"), "{}", said(&t));
}

#[test]
fn yes_books_an_offer_stored_by_the_previous_build() {
    let state: ConversationState = serde_json::from_value(serde_json::json!({
        "offer": {
            "check_in": "2026-12-15",
            "check_out": "2026-12-17",
            "guests": 2,
            "options": [
                {"accommodation_id": 1, "name": "Cabaña Arrayán"},
                {"accommodation_id": 2, "name": "Cabaña Coihue"}
            ]
        }
    }))
    .expect("old state");
    assert_eq!(
        booked(&run(&state, "sí, dale")).map(|b| b.accommodation_id),
        Some(1)
    );
    assert_eq!(
        booked(&run(&state, "dale, reservame la coihue")).map(|b| b.accommodation_id),
        Some(2)
    );
    let _ = Offer::clone(state.offer.as_ref().expect("offer"));
}

#[test]
fn no_to_the_offer_takes_it_off_the_table() {
    let offered = run(&ConversationState::default(), ASK_FOR_TWO).state;
    for text in [
        "no, gracias",
        "no",
        "mejor no",
        "no thanks",
        "não, obrigado",
    ] {
        let t = run(&offered, text);
        assert_eq!(t.state.offer, None, "{text}");
        assert!(booked(&t).is_none(), "{text}");
        assert!(!said(&t).contains("no te entendí"), "{text}: {}", said(&t));
        // A later yes books nothing.
        assert!(booked(&run(&t.state, "dale")).is_none(), "{text}");
    }
}

#[test]
fn a_price_without_dates_is_for_a_cabin_that_fits() {
    let t = run(
        &ConversationState::default(),
        "somos 4, cuánto sale la noche?",
    );
    assert!(
        said(&t).starts_with("La noche en Cabaña Coihue"),
        "{}",
        said(&t)
    );
}

#[test]
fn every_kind_of_question_can_name_a_cabin() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "tenés fotos de la coihue?",
            "Cabaña Coihue",
            &["Lenga", "Arrayán"],
        ),
        ("la lenga acepta perros?", "Cabaña Lenga", &["Arrayán"]),
        (
            "que comodidades tiene la lenga?",
            "Pileta climatizada",
            &["Coihue"],
        ),
        (
            "para cuantas personas es la arrayan?",
            "hasta 2 personas",
            &["Lenga"],
        ),
        (
            "cuánto sale la coihue?",
            "Cabaña Coihue arranca en $ 90.000",
            &["Lenga"],
        ),
        ("is the Lenga pet friendly?", "Cabaña Lenga", &["Arrayán"]),
        ("quanto custa o chalé Coihue?", "Cabaña Coihue", &["Lenga"]),
    ];
    for (text, has, lacks) in cases {
        let s = said(&run(&ConversationState::default(), text));
        assert!(s.contains(has), "{text}: {s}");
        for other in *lacks {
            assert!(!s.contains(other), "{text}: {s}");
        }
    }
    // Availability by name: that cabin first.
    for text in [
        "tienen la lenga libre del 15 al 17 de diciembre para 2?",
        "la lenga esta disponible del 15 al 17/12 pa 2",
        "quiero la cabaña lenga del 15 al 17 de diciembre, somos 2",
        "is the Lenga available December 15 to 17 for 2?",
        "a Lenga está livre de 15 a 17 de dezembro para 2?",
    ] {
        let t = run(&ConversationState::default(), text);
        let first = t
            .state
            .offer
            .as_ref()
            .map(|o| o.options[0].name.clone())
            .or_else(|| booked(&t).map(|b| format!("id {}", b.accommodation_id)));
        assert!(
            matches!(first.as_deref(), Some("Cabaña Lenga" | "id 3")),
            "{text}: {first:?} {}",
            said(&t)
        );
    }
}

#[test]
fn holiday_periods_become_dates_and_the_reply_says_which() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "La quiero para el finde largo de carnaval, somos 2",
            "2027-02-05",
            "2027-02-09",
        ),
        (
            "tienen lugar para semana santa? somos 2",
            "2027-03-25",
            "2027-03-28",
        ),
        (
            "hay lugar para fin de año para 2?",
            "2026-12-30",
            "2027-01-02",
        ),
        (
            "para el finde largo tenés algo? somos 2",
            "2026-12-04",
            "2026-12-08",
        ),
        (
            "hay lugar para carnaval para 2 personas",
            "2027-02-05",
            "2027-02-09",
        ),
        (
            "tenes lugar para año nuevo? somos dos",
            "2026-12-30",
            "2027-01-02",
        ),
        (
            "do you have availability for Easter for 2?",
            "2027-03-25",
            "2027-03-28",
        ),
    ];
    for (text, a, b) in cases {
        let t = run(&ConversationState::default(), text);
        let offer = t
            .state
            .offer
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!((offer.check_in, offer.check_out), (d(a), d(b)), "{text}");
        let s = said(&t);
        assert!(s.contains("tomé") || s.contains("I took"), "{text}: {s}");
    }
    let t = run(
        &ConversationState::default(),
        "tienen lugar para las vacaciones de invierno?",
    );
    assert!(said(&t).contains("¿Qué días querés venir?"), "{}", said(&t));
}

#[test]
fn las_fiestas_ask_christmas_or_new_years_and_the_answer_gives_the_stay() {
    let t = run(
        &ConversationState::default(),
        "para las fiestas hay lugar? somos 2",
    );
    let s = said(&t);
    assert!(t.state.offer.is_none(), "{s}");
    for words in ["Navidad", "Año Nuevo", "24/12/2026", "02/01/2027"] {
        assert!(s.contains(words), "{words}: {s}");
    }
    let t = run(&t.state, "año nuevo, del 30 al 2");
    let offer = t.state.offer.as_ref().expect("an offer");
    assert_eq!(
        (offer.check_in, offer.check_out),
        (d("2026-12-30"), d("2027-01-02"))
    );
    let t = run(&ConversationState::default(), "any room over the holidays?");
    assert!(said(&t).contains("Christmas"), "{}", said(&t));
}

#[test]
fn the_other_of_two_options_is_the_one_not_in_focus() {
    let two = run(
        &ConversationState::default(),
        "tienen lugar para 4 del 15 al 17 de diciembre",
    )
    .state;
    let t = run(&two, "la otra");
    assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(3));
}

#[test]
fn a_group_that_does_not_fit_in_what_is_free_is_offered_the_most_it_can() {
    // The Lenga (6) is taken: Arrayán (2) and Coihue (4) host 6 of the 7 at most.
    let world = World {
        taken: vec![taken(3, "2026-12-15", "2026-12-17")],
        ..Default::default()
    };
    for q in [
        "somos 7, hay lugar del 15 al 17 de diciembre?",
        "we are 7, any room from December 15 to 17?",
    ] {
        let t = world.run(&ConversationState::default(), q);
        let text = said(&t);
        assert!(
            text.contains('6') && text.contains("Cabaña Arrayán") && text.contains("Cabaña Coihue"),
            "{q}: {text}"
        );
        let offer = t.state.offer.clone().expect("the most is on the table");
        assert!(offer.together && offer.guests == 6, "{offer:?}");
        let yes = world.run(&t.state, "dale");
        assert!(
            yes.effects
                .iter()
                .any(|e| matches!(e, Effect::BookTogether(b) if b.len() == 2)),
            "{:?}",
            yes.effects
        );
    }
}

#[test]
fn the_option_for_that_many_people_is_picked() {
    for (pick, id) in [
        ("la de 6", 3),
        ("la de 6 personas", 3),
        ("quiero la para 4", 2),
        ("the one for 6", 3),
        ("a de 6 pessoas", 3),
    ] {
        let t = talk(&["tenés lugar para 3 del 15 al 17 de diciembre?", pick]);
        let b = booked(&t).unwrap_or_else(|| panic!("{pick}: {}", said(&t)));
        assert_eq!(b.accommodation_id, id, "{pick}");
        assert_eq!(b.guests, 3, "{pick}: the party is the same");
    }
}

#[test]
fn a_pet_said_after_the_offer_puts_the_cabins_that_take_pets_first() {
    for pet in [
        "ah y llevamos al perro",
        "ah me olvidaba, vamos con una perrita",
        "we're bringing our dog",
        "vamos levar nosso cachorro",
    ] {
        let t = talk(&[ASK_FOR_TWO, pet]);
        let offer = t.state.offer.as_ref().expect("an offer again");
        assert_eq!(offer.options[0].accommodation_id, 2, "{pet}: {}", said(&t));
        let t = talk(&[ASK_FOR_TWO, pet, "dale"]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(2),
            "{pet}: the yes books a cabin that takes the pet"
        );
    }
    // Asked about a cabin that takes pets: the answer only, the offer stays.
    let t = talk(&[ASK_FOR_TWO, "y la segunda?", "vamos con el perro"]);
    assert_eq!(t.state.offer.as_ref().map(|o| o.chosen), Some(1));
}

#[test]
fn which_is_better_with_nothing_offered_compares_the_cabins_named_or_all() {
    let t = run(
        &ConversationState::default(),
        "la lenga o la coihue, cual es mejor para una pareja?",
    );
    let s = said(&t);
    assert!(s.contains("Coihue") && s.contains("Lenga"), "{s}");
    assert!(!s.contains("Arrayán"), "{s}");
    let t = run(&ConversationState::default(), "cual es mas linda?");
    let s = said(&t);
    for name in ["Arrayán", "Coihue", "Lenga"] {
        assert!(s.contains(name), "{name}: {s}");
    }
    // With dates it is an availability question, answered with an offer.
    let t = run(
        &ConversationState::default(),
        "cual me recomendas para 2 del 15 al 17 de diciembre?",
    );
    assert!(t.state.offer.is_some(), "{}", said(&t));
}

#[test]
fn a_cabin_named_too_small_for_the_party_is_said_so_with_the_ones_that_fit() {
    let t = run(
        &ConversationState::default(),
        "somos 6, la coihue nos sirve?",
    );
    let s = said(&t);
    assert!(s.contains("hasta 4 personas"), "{s}");
    assert!(s.contains("Lenga"), "{s}");
    assert!(!s.contains("Anoto"), "{s}");
    // One that fits is noted.
    let t = run(
        &ConversationState::default(),
        "somos 2, la coihue nos sirve?",
    );
    assert!(!said(&t).contains("hasta 4 personas 😕"), "{}", said(&t));
}

#[test]
fn a_group_asks_for_one_cabin_or_names_the_cabins_it_prefers() {
    let first = "somos 8 del 10 al 13 de diciembre";
    let t = talk(&[first, "no hay forma de estar todos en una?"]);
    let s = said(&t);
    assert!(s.contains("Cabaña Lenga") && s.contains('6'), "{s}");
    assert!(
        t.state.offer.as_ref().is_some_and(|o| o.together),
        "the offer stays: {s}"
    );
    // Asked about: quoted together.
    let t = talk(&[first, "y la coihue con la lenga?"]);
    let offer = t.state.offer.as_ref().expect("an offer");
    let mut names: Vec<&str> = offer.options.iter().map(|o| o.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Cabaña Coihue", "Cabaña Lenga"], "{}", said(&t));
    assert!(offer.together);
    // Named as no question, or with a yes: held together at once (the answer to "¿Te las
    // reservo juntas?"); the cabins on the table named: the yes to them; the party split as
    // the guest says.
    for (text, ids) in [
        ("preferimos la coihue y la lenga", [2, 3]),
        ("mejor la Lenga con la Coihue", [2, 3]),
        ("dale, la coihue y la lenga", [2, 3]),
        ("dale la lenga y el arrayan", [1, 3]),
        ("la lenga y el arrayan", [1, 3]),
        ("ponenos 6 en la lenga y 2 en el arrayan", [1, 3]),
    ] {
        let t = talk(&[first, text]);
        let held: Vec<i64> = t
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::BookTogether(b) => Some(b.iter().map(|b| b.accommodation_id)),
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(held, ids, "{text}: {}", said(&t));
    }
    // Cabins that do not sleep everyone leave the offer as it was.
    let t = talk(&[first, "y la arrayan y la coihue?"]);
    assert!(
        t.state
            .offer
            .as_ref()
            .is_some_and(|o| o.options.iter().any(|o| o.name == "Cabaña Lenga")),
        "{}",
        said(&t)
    );
}

#[test]
fn parties_that_stay_apart_get_one_cabin_each() {
    let t = talk(&["somos dos familias de 4, del 10 al 13 de diciembre"]);
    let offer = t.state.offer.as_ref().expect("an offer");
    let parts: Vec<(&str, Option<u16>)> = offer
        .options
        .iter()
        .map(|o| (o.name.as_str(), o.guests))
        .collect();
    assert_eq!(
        parts,
        [("Cabaña Coihue", Some(4)), ("Cabaña Lenga", Some(4))],
        "{}",
        said(&t)
    );
    // Eight people said plainly: the cheapest cabins that sleep them.
    let t = talk(&["somos 8, del 10 al 13 de diciembre"]);
    let names: Vec<&str> = t
        .state
        .offer
        .as_ref()
        .expect("an offer")
        .options
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["Cabaña Arrayán", "Cabaña Lenga"]);
}

#[test]
fn a_recommendation_for_a_party_before_any_dates_names_the_cabin_then_asks_the_dates() {
    for (text, cabin) in [
        ("cual me recomendas para una pareja?", "Cabaña Arrayán"),
        ("somos 4, cual me recomendas?", "Cabaña Coihue"),
        (
            "which cabin would you recommend for a family of 4 with a dog?",
            "Cabaña Coihue",
        ),
        ("qual vocês recomendam pra 6 pessoas?", "Cabaña Lenga"),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains(cabin), "{text}: {s}");
        assert_eq!(t.state.accommodation.as_deref(), Some(cabin), "{text}");
        assert!(t.state.offer.is_none() && booked(&t).is_none(), "{text}");
    }
    // The dates then: the cabin recommended leads the offer.
    let t = talk(&[
        "cual me recomendas para una pareja?",
        "del 15 al 17 de diciembre",
    ]);
    let offer = t.state.offer.expect("an offer");
    assert_eq!(offer.options[offer.chosen].name, "Cabaña Arrayán");
}

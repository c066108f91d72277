//! Questions about the place: yes or no first, several in one reply, about an offered option.

use super::*;

#[test]
fn yes_no_questions_are_answered_yes_or_no_first() {
    let cases: &[(&str, &str)] = &[
        ("¿Tienen pileta?", "¡Sí!"),
        ("tienen piscina?", "¡Sí!"),
        ("tienen pilet?", "¡Sí!"),
        ("hay wifi?", "¡Sí! Todas las cabañas tienen wifi"),
        ("tiene parrilla la coihue?", "¡Sí!"),
        ("tienen jacuzzi?", "No, no tenemos jacuzzi"),
        (
            "tiene pileta la arrayan?",
            "No, Cabaña Arrayán no tiene pileta",
        ),
        ("hay cochera?", "No, no tenemos cochera"),
        ("se puede fumar?", "No, no se puede fumar"),
        ("aceptan niños?", "¡Sí! Los chicos"),
        ("aceptan perros?", "¡Sí!"),
        ("la arrayan acepta mascotas?", "No"),
        (
            "a qué hora es el check out?",
            "El check-out es hasta las 10:00",
        ),
        (
            "a que hora se puede hacer el check in",
            "El check-in es a partir de las 14:00",
        ),
        ("tienen calefaccion?", "¡Sí!"),
        ("Is there a pool?", "Yes!"),
        ("tem piscina?", "Sim!"),
    ];
    for (text, start) in cases {
        let t = run(&ConversationState::default(), text);
        assert!(said(&t).starts_with(start), "{text}: {}", said(&t));
    }
    let t = run(&ConversationState::default(), "tienen jacuzzi?");
    assert!(said(&t).contains("Lo que sí hay"), "{}", said(&t));
}

#[test]
fn several_questions_in_one_message_get_one_reply() {
    for text in [
        "¿tienen lugar del 3 al 5 de diciembre para 4? vamos con un perro",
        "aceptan perros? queremos ir del 3 al 5 de diciembre, somos 4",
        "hola, somos 4 con un perrito, hay lugar del 3 al 5 de diciembre?",
        "tenes lugar pa 4 del 3 al 5 d diciembre, llevamos a la perra",
        "do you have availability for 4 from December 3 to 5? we travel with our dog",
    ] {
        let t = run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(t.state.offer.is_some(), "{text}: {s}");
        assert!(s.contains("$"), "{text}: prices: {s}");
        assert!(s.contains("🐶"), "{text}: the pets answer: {s}");
        assert!(t.state.pets, "{text}");
    }
    let t = run(
        &ConversationState::default(),
        "tienen fotos? y donde quedan?",
    );
    assert_eq!(t.effects.len(), 1, "one reply: {:?}", t.effects);
    let s = said(&t);
    assert!(s.contains("Ruta 40") && s.contains("junto al lago"), "{s}");
}

#[test]
fn every_yes_no_question_of_a_message_is_answered() {
    let t = run(
        &ConversationState::default(),
        "hola tienen wifi? y cochera?",
    );
    let s = said(&t);
    assert!(
        s.contains("¡Sí! Todas las cabañas tienen wifi") && s.contains("No, no tenemos cochera"),
        "{s}"
    );
}

#[test]
fn a_question_about_an_option_is_answered_for_that_option() {
    let offered = run(&ConversationState::default(), ASK_FOR_TWO).state;
    // A yes that sets the option asked about apart from the one proposed (the Arrayán has
    // no pool): that option comes into focus, offered, so a yes after it books it.
    for (text, start, cabin) in [
        (
            "la lenga tiene pileta?",
            "¡Sí! Cabaña Lenga tiene pileta",
            "Cabaña Lenga",
        ),
        (
            "¿la tercera tiene pileta?",
            "¡Sí! Cabaña Lenga tiene pileta",
            "Cabaña Lenga",
        ),
        ("la coihue acepta perros?", "¡Sí!", "Cabaña Coihue"),
    ] {
        let t = run(&offered, text);
        let s = said(&t);
        assert!(s.starts_with(start), "{text}: {s}");
        assert!(s.contains("¿Te la reservo?"), "{text}: {s}");
        let after = t.state.offer.as_ref().expect("the offer stays");
        assert_eq!(after.options[after.chosen].name, cabin, "{text}");
    }
    for (text, start) in [
        (
            "y la primera tiene parrilla?",
            "No, Cabaña Arrayán no tiene parrilla",
        ),
        // A yes the one proposed shares.
        ("la coihue tiene wifi?", "¡Sí!"),
    ] {
        let t = run(&offered, text);
        assert!(said(&t).starts_with(start), "{text}: {}", said(&t));
        let (before, after) = (offered.offer.as_ref(), t.state.offer.as_ref());
        assert_eq!(
            after.map(|o| (&o.options, o.chosen)),
            before.map(|o| (&o.options, o.chosen)),
            "{text}: the offer stays as it was (a yes accepts the same option)"
        );
    }
    let t = run(&offered, "muchas gracias!");
    assert!(said(&t).starts_with("¡Gracias a vos!"), "{}", said(&t));
}

#[test]
fn a_named_cabin_without_pets_is_a_no_for_it_with_the_ones_that_take_them() {
    for q in [
        "la arrayán acepta mascotas?",
        "la arrayan acepta perros",
        "puedo llevar a mi perro a la Arrayán?",
    ] {
        let t = talk(&[q]);
        let text = said(&t);
        assert!(
            text.starts_with("No, Cabaña Arrayán") && text.contains("Cabaña Coihue"),
            "{q}: {text}"
        );
    }
}

#[test]
fn the_price_of_several_named_cabins_names_each() {
    for q in [
        "cuanto sale la lenga y la coihue?",
        "precio de la coihue y de la lenga",
        "how much are the Lenga and the Coihue?",
    ] {
        let text = said(&talk(&[q]));
        assert!(
            text.contains("Cabaña Lenga: $ 135.000") && text.contains("Cabaña Coihue: $ 90.000"),
            "{q}: {text}"
        );
        assert!(!text.contains("Arrayán"), "{q}: {text}");
    }
}

#[test]
fn whether_a_party_fits_in_the_cabin_named() {
    for (q, start) in [
        ("entramos 5 en la coihue?", "No, Cabaña Coihue"),
        ("cabemos 4 en la arrayan", "No, Cabaña Arrayán"),
        ("entran 4 en la coihue?", "¡Sí! Cabaña Coihue"),
        ("entran 6 en la lenga?", "¡Sí! Cabaña Lenga"),
        ("la lenga es para 6?", "¡Sí! Cabaña Lenga"),
        ("¿la coihue sirve para 5?", "No, Cabaña Coihue"),
    ] {
        let t = talk(&[q]);
        let text = said(&t);
        assert!(text.starts_with(start), "{q}: {text}");
    }
    let text = said(&talk(&["entramos 5 en la coihue?"]));
    assert!(text.contains("Cabaña Lenga"), "{text}");
}

#[test]
fn a_question_asked_with_a_stay_that_misses_a_slot_is_answered_too() {
    // The price (no dates yet) and where the place is.
    let text = said(&talk(&["donde quedan y cuanto sale la lenga?"]));
    assert!(
        text.contains("Ruta 40") && text.contains("Cabaña Lenga"),
        "{text}"
    );
    // Dates without people, and a yes/no question: the answer first, then the question.
    for q in [
        "del 15 al 17 de diciembre, aceptan perros?",
        "tienen lugar del 15 al 17 de diciembre? hay wifi?",
        "do you have room from December 15 to 17? is there wifi?",
    ] {
        let text = said(&talk(&[q]));
        let yes = text.find("¡Sí!").or_else(|| text.find("Yes!"));
        let asks = text
            .find("cuántas personas")
            .or_else(|| text.find("How many people"));
        assert!(
            matches!((yes, asks), (Some(y), Some(a)) if y < a),
            "{q}: {text}"
        );
    }
}

#[test]
fn what_the_owner_wrote_in_the_description_counts_unless_denied() {
    let mut with = cabin(4, "Cabaña Ñire", 4, false, &["WiFi"]);
    with.description = "Dos dormitorios, jacuzzi y vista a la montaña.".into();
    assert!(crate::info::has(&with, crate::nlu::Feature::Jacuzzi));
    with.description = "Dos dormitorios, sin parrilla.".into();
    assert!(!crate::info::has(&with, crate::nlu::Feature::Grill));
    with.description = "Un deck al aire libre.".into();
    assert!(!crate::info::has(
        &with,
        crate::nlu::Feature::AirConditioning
    ));
}

#[test]
fn how_to_pay_is_answered_with_the_deposit_and_the_payment_link() {
    for (text, words) in [
        ("como se paga?", ["30 %", "Mercado Pago", "al llegar"]),
        ("aceptan efectivo?", ["30 %", "Mercado Pago", "al llegar"]),
        (
            "se puede pagar con tarjeta?",
            ["30 %", "Mercado Pago", "al llegar"],
        ),
        ("hay que dejar seña?", ["30 %", "Mercado Pago", "al llegar"]),
        (
            "como es el tema del pago?",
            ["30 %", "Mercado Pago", "al llegar"],
        ),
        (
            "puedo pagar todo al llegar?",
            ["30 %", "Mercado Pago", "al llegar"],
        ),
        ("can I pay by card?", ["30%", "Mercado Pago", "on arrival"]),
        ("do you take cash?", ["30%", "Mercado Pago", "on arrival"]),
        ("aceitam pix?", ["30%", "Mercado Pago", "na chegada"]),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        for w in words {
            assert!(s.contains(w), "{text}: {s}");
        }
        // Not a description of the cabins, nor the menu.
        assert!(
            !s.contains("junto al lago") && !s.contains("no te entendí"),
            "{text}: {s}"
        );
    }
    // The deposit's amount asked without dates: the share, then the price from.
    let s = said(&talk(&["cuanto es la seña?"]));
    assert!(s.contains("30 %") && s.contains("arranca en"), "{s}");
}

#[test]
fn the_minimum_stay_is_one_night_except_in_seasons_that_ask_more() {
    for text in [
        "hay minimo de noches?",
        "cual es la estadia minima?",
        "se puede reservar una sola noche?",
        "is there a minimum stay?",
    ] {
        let s = said(&talk(&[text]));
        assert!(
            s.contains("una sola noche") || s.contains("one night"),
            "{text}: {s}"
        );
    }
    let summer = PriceSeason {
        name: "Verano".into(),
        first_night: d("2027-01-02"),
        last_night: d("2027-02-27"),
        per_night: booking::Money::from_cents(9_000_000),
        min_nights: 3,
    };
    let world = World {
        seasons: vec![(2, summer.clone())],
        ..World::default()
    };
    let s = said(&world.talk(&["hay minimo de noches?"]));
    assert!(
        s.contains("Verano") && s.contains("mínimo 3 noches") && s.contains("Cabaña Coihue"),
        "{s}"
    );
    // About the cabin named, whose season it is: no cabin list needed.
    let s = said(&world.talk(&["la coihue tiene minimo de noches?"]));
    assert!(
        s.contains("mínimo 3 noches") && !s.contains("(Cabaña Coihue)"),
        "{s}"
    );
    // A season already over asks nothing.
    let over = PriceSeason {
        first_night: d("2026-01-02"),
        last_night: d("2026-02-27"),
        ..summer
    };
    let world = World {
        seasons: vec![(2, over)],
        ..World::default()
    };
    let s = said(&world.talk(&["hay minimo de noches?"]));
    assert!(s.contains("una sola noche") && !s.contains("Verano"), "{s}");
}

#[test]
fn prices_are_said_to_be_per_cabin_not_per_person() {
    for text in [
        "el precio es por persona o por cabaña?",
        "cuanto sale por persona?",
        "is the price per person?",
    ] {
        let s = said(&talk(&[text]));
        assert!(
            s.contains("no por persona") || s.contains("not per person"),
            "{text}: {s}"
        );
    }
}

#[test]
fn how_far_is_a_place_question_not_a_price() {
    for text in [
        "a cuanto estan del centro?",
        "a cuanto queda el lago?",
        "estan lejos del centro?",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("Ruta 40 km 2010"), "{text}: {s}");
        assert!(!s.contains("arranca en"), "{text}: {s}");
    }
    // "¿A cuánto está la noche?" is still the price.
    let s = said(&talk(&["a cuanto esta la noche?"]));
    assert!(s.contains("arranca en"), "{s}");
}

#[test]
fn an_earlier_check_in_is_answered_with_the_hour_and_that_it_depends() {
    for text in [
        "podemos entrar mas temprano?",
        "se puede llegar mas temprano?",
        "can we check in early?",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.contains("14:00"), "{text}: {s}");
        assert!(
            s.contains("antes depende") || s.contains("earlier check-in depends"),
            "{text}: {s}"
        );
    }
}

#[test]
fn a_question_no_data_answers_goes_to_a_person_not_to_the_menu() {
    for text in [
        "hay señal de celular?",
        "se puede hacer fuego afuera?",
        "hola, una consulta: tienen generador?",
    ] {
        let t = talk(&[text]);
        assert!(t.state.needs_human, "{text}: {}", said(&t));
        assert!(
            said(&t).contains("alguien del equipo"),
            "{text}: {}",
            said(&t)
        );
    }
    // Words without a question stay a clarification, and nobody is called.
    let t = talk(&["mmm bueno"]);
    assert!(!t.state.needs_human, "{}", said(&t));
    // Small talk asks after nothing: a greeting, nobody called.
    for text in [
        "hola, buen día! ¿cómo están?",
        "hi, how are you?",
        "hola! ¿se puede consultar?",
        "hola ¿hay alguien?",
        "oi, tudo bem? vocês estão atendendo?",
    ] {
        let t = talk(&[text]);
        assert!(!t.state.needs_human, "{text}: {}", said(&t));
        assert!(
            !said(&t).contains("alguien del equipo"),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn how_do_i_pay_books_what_is_offered_and_only_that() {
    // Nothing offered yet: the offer and how paying works; nothing is held.
    for text in [
        "hola 2 personas del 10 al 13 de marzo, como pago?",
        "hi, 2 people march 10-13. how can I pay?",
    ] {
        let t = talk(&[text]);
        assert_eq!(booked(&t), None, "{text}: {}", said(&t));
        assert!(t.state.offer.is_some(), "{text}: {}", said(&t));
        assert!(said(&t).contains("Mercado Pago"), "{text}: {}", said(&t));
    }
    // With an option on the table, "¿cómo te pago?" takes it.
    let t = talk(&["somos 4 del 10 al 13 de marzo", "como te pago?"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(2),
        "{}",
        said(&t)
    );
}

#[test]
fn another_one_asked_for_gets_the_rest_of_the_offer_or_that_it_is_the_only_one() {
    let t = talk(&["somos 2 del 10 al 13 de marzo", "tienen otra?"]);
    let s = said(&t);
    assert!(
        s.contains("Además de Cabaña Arrayán")
            && s.contains("Cabaña Coihue")
            && s.contains("Cabaña Lenga"),
        "{s}"
    );
    assert_eq!(booked(&t), None);
    // The one in focus stays what a yes books.
    let t = talk(&["somos 2 del 10 al 13 de marzo", "any other options?", "yes"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(1),
        "{}",
        said(&t)
    );
    // Only one free for the party: said so.
    let s = said(&talk(&[
        "somos 6 del 10 al 13 de marzo",
        "hay alguna otra?",
    ]));
    assert!(s.contains("es la única"), "{s}");
}

#[test]
fn words_asked_of_a_named_cabin_are_answered_from_what_the_owner_wrote() {
    // The test cabins' descriptions say "…, junto al lago".
    let s = said(&talk(&["la coihue esta junto al lago?"]));
    assert!(s.contains("¡Sí! Cabaña Coihue"), "{s}");
    let s = said(&talk(&["la coihue tiene junto al lago?"]));
    assert!(s.contains("¡Sí! Cabaña Coihue"), "{s}");
    let s = said(&talk(&["la lenga tiene vista a la montaña?"]));
    assert!(s.contains("no lo tengo anotado para Cabaña Lenga"), "{s}");
    // Nothing is booked or pointed at by asking.
    let t = talk(&[
        "somos 2 del 10 al 13 de marzo",
        "la coihue tiene vista a la montaña?",
    ]);
    assert_eq!(
        t.state.offer.as_ref().map(|o| o.chosen),
        Some(0),
        "{}",
        said(&t)
    );
}

#[test]
fn the_biggest_cabin_asked_for_with_nothing_on_the_table_is_that_cabin() {
    for q in [
        "la cabaña más grande está libre del 10 al 13 de enero?",
        "para navidad tienen la cabaña grande libre?",
        "cuanto sale la más grande del 3 al 5 de marzo?",
    ] {
        let text = said(&talk(&[q]));
        assert!(text.contains("Cabaña Lenga"), "{q}: {text}");
        assert!(!text.contains("Cabaña Arrayán"), "{q}: {text}");
    }
}

#[test]
fn which_cabins_have_something_the_owner_wrote_is_answered_with_them() {
    // Every cabin of the test world is "junto al lago"; only the Lenga heats with firewood.
    let text = said(&talk(&["tienen cabañas con calefacción a leña?"]));
    assert!(
        text.starts_with("¡Sí!") && text.contains("Cabaña Lenga"),
        "{text}"
    );
    assert!(!text.contains("Cabaña Arrayán"), "{text}");
    let text = said(&talk(&["tienen alguna con lago?"]));
    assert!(
        text.contains("Cabaña Arrayán") && text.contains("Cabaña Lenga"),
        "{text}"
    );
    // Nothing written says so: a person answers, never the menu.
    let t = talk(&["tienen cabañas con cancha de paddle?"]);
    assert!(t.state.needs_human, "{}", said(&t));
}

#[test]
fn a_cabin_pointed_at_by_what_it_has_is_the_one_asked_about() {
    let text = said(&talk(&["hola, la de la pileta para cuantos es?"]));
    assert!(text.contains("Cabaña Lenga: hasta 6"), "{text}");
    assert!(!text.contains("Cabaña Arrayán"), "{text}");
}

#[test]
fn a_kitchen_or_linen_not_listed_is_not_noted_rather_than_no() {
    for q in [
        "tienen cocina?",
        "tienen ropa de cama?",
        "does it have a kitchen?",
    ] {
        let text = said(&talk(&[q]));
        assert!(
            !text.starts_with("No,") && !text.starts_with("No, "),
            "{q}: {text}"
        );
        assert!(
            text.contains("anotado") || text.contains("noted"),
            "{q}: {text}"
        );
    }
    // What the list names is a yes; what no cabin has among the notable ones, a no.
    assert!(said(&talk(&["tienen jacuzzi?"])).starts_with("No"));
}

#[test]
fn who_is_there_is_answered_as_a_person_would() {
    for q in [
        "sos un bot?",
        "are you a bot?",
        "você é um robô?",
        "¿hablo con un contestador automático?",
    ] {
        let t = talk(&[q]);
        let s = said(&t);
        assert!(s.contains("🤖"), "{q}: {s}");
        assert!(!t.state.needs_human, "{q}");
    }
    assert!(
        talk(&["quiero hablar con una persona, no con un bot"])
            .state
            .needs_human
    );
    // Someone there? The welcome, never the menu.
    let s = said(&talk(&["hay alguien ahí?"]));
    assert!(s.starts_with("¡Hola!"), "{s}");
    // How to reach the place: a person answers.
    for q in ["cuál es el mail de ustedes?", "me pasás un teléfono?"] {
        assert!(talk(&[q]).state.needs_human, "{q}");
    }
}

#[test]
fn a_discount_asked_goes_to_a_person_and_the_rest_is_answered() {
    let t = talk(&["hola, tienen descuento por estadía larga? somos 2, del 1 al 11 de diciembre"]);
    let s = said(&t);
    assert!(t.state.needs_human, "{s}");
    assert!(
        s.contains("descuento") && s.contains("Cabaña Arrayán"),
        "{s}"
    );
    assert!(
        !talk(&["hola, somos 2, del 1 al 3 de diciembre"])
            .state
            .needs_human
    );
}

#[test]
fn a_honeymoon_is_for_two() {
    let t = talk(&["nos casamos y buscamos algo para la luna de miel, del 10 al 13 de diciembre"]);
    assert_eq!(t.state.guests, Some(2), "{}", said(&t));
}

#[test]
fn the_nicest_cabin_asked_with_nothing_offered_shows_them_side_by_side() {
    let s = said(&talk(&["buenas! cuál es la cabaña más linda?"]));
    assert!(
        s.contains("Cabaña Arrayán") && s.contains("Cabaña Lenga"),
        "{s}"
    );
}

#[test]
fn an_arrival_before_the_check_in_hour_is_not_as_a_rule_and_may_be() {
    for (q, start) in [
        (
            "¿puedo llegar a las 10?",
            "Normalmente a esa hora todavía no",
        ),
        (
            "is it possible to check in early, like 10am?",
            "Usually not that early",
        ),
    ] {
        let s = said(&talk(&[q]));
        assert!(s.starts_with(start), "{q}: {s}");
    }
    assert!(said(&talk(&["¿puedo llegar a las 22?"])).starts_with("¡Sí!"));
}

#[test]
fn the_price_of_each_cabin_asked_names_each() {
    for q in [
        "hola, ¿me podrían decir el precio por noche de cada cabaña?",
        "how much is each cabin per night?",
    ] {
        let s = said(&talk(&[q]));
        assert!(
            s.contains("Cabaña Arrayán")
                && s.contains("Cabaña Coihue")
                && s.contains("Cabaña Lenga"),
            "{q}: {s}"
        );
    }
}

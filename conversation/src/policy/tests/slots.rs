//! Slots for the conversation's life: remembered, asked for, corrected before a hold; languages.

use super::*;

#[test]
fn messages_without_words_are_answered_kindly_and_change_nothing() {
    let state = ConversationState {
        guests: Some(3),
        ..Default::default()
    };
    let located = texts::location(Language::Es, place().address.as_deref());
    for (incoming, text) in [
        (
            Wordless::Media("sticker"),
            texts::sticker_answer(Language::Es),
        ),
        (Wordless::Media("image"), texts::UNSUPPORTED_MESSAGE),
        (Wordless::Media("contacts"), texts::UNSUPPORTED_MESSAGE),
        (Wordless::Media("location"), located.as_str()),
        (
            Wordless::Media("request_welcome"),
            texts::welcome(Language::Es),
        ),
        (Wordless::Email, texts::EMAIL_WITHOUT_WORDS),
    ] {
        let t = World::default().turn(&state, Incoming::Wordless(incoming));
        assert_eq!(t.state, state);
        assert_eq!(t.effects, vec![Effect::Say(Say::Text(text.into()))]);
    }
    assert!(located.contains("Ruta 40 km 2010"), "{located}");
}

#[test]
fn the_dates_in_question_are_the_new_ones_or_the_remembered_ones() {
    let remembered = ConversationState {
        check_in: Some(d("2026-12-01")),
        check_out: Some(d("2026-12-03")),
        ..Default::default()
    };
    let new = understand("del 15 al 17 de diciembre", today(), NAMES);
    let stay = crate::dates_in_question(&remembered, &new, today()).expect("a stay");
    assert_eq!(stay.check_in(), d("2026-12-15"));
    let none = understand("somos 4", today(), NAMES);
    let stay = crate::dates_in_question(&remembered, &none, today()).expect("a stay");
    assert_eq!(stay.check_in(), d("2026-12-01"));
    assert!(crate::dates_in_question(&ConversationState::default(), &none, today()).is_none());
    let longer = understand("al final son 4 noches", today(), NAMES);
    let stay = crate::dates_in_question(&remembered, &longer, today()).expect("a stay");
    assert_eq!(stay.check_out(), d("2026-12-05"));
}

#[test]
fn a_missing_slot_is_asked_for_and_the_answer_completes_the_request() {
    let t = talk(&["hay disponibilidad del 15 al 17 de diciembre?", "somos 4"]);
    let offer = t.state.offer.expect("offer");
    assert_eq!((offer.guests, offer.check_in), (4, d("2026-12-15")));
    let t = talk(&[
        "quiero reservar para 2 personas",
        "del 20 al 23 de diciembre",
    ]);
    assert!(booked(&t).is_some(), "{:?}", t.effects);
}

#[test]
fn dates_in_the_past_or_reversed_are_refused_kindly() {
    let t = run(
        &ConversationState::default(),
        "tenés lugar para 2 del 10/11/2026 al 12/11/2026?",
    );
    assert!(said(&t).contains("ya pasó"), "{}", said(&t));
    assert_eq!(t.state.check_in, None);
}

#[test]
fn vague_messages_get_a_clarifying_question_and_greetings_a_welcome() {
    assert_eq!(
        said(&run(&ConversationState::default(), "asdf qwerty")),
        texts::CLARIFY
    );
    assert_eq!(
        said(&run(&ConversationState::default(), "hola!")),
        texts::WELCOME
    );
    let t = run(
        &ConversationState::default(),
        "quiero hablar con una persona",
    );
    assert!(t.state.needs_human);
}

#[test]
fn a_correction_before_the_hold_recomputes_the_offer() {
    let offered = run(&ConversationState::default(), ASK_FOR_TWO).state;
    for (text, dates, guests) in [
        (
            "perdón, me equivoqué, es del 16 al 18",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
        ("perdon era del 16 al 18", ("2026-12-16", "2026-12-18"), 2),
        (
            "mejor del 16 al 18 de diciembre",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
        (
            "sorry, actually from the 16th to the 18th",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
        ("al final somos 4", ("2026-12-15", "2026-12-17"), 4),
        ("en realidad somos 4", ("2026-12-15", "2026-12-17"), 4),
        ("al final son 3 noches", ("2026-12-15", "2026-12-18"), 2),
        ("perdón, hasta el 18", ("2026-12-15", "2026-12-18"), 2),
        (
            "desculpa, na verdade somos 4",
            ("2026-12-15", "2026-12-17"),
            4,
        ),
    ] {
        let t = run(&offered, text);
        let offer = t
            .state
            .offer
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: {}", said(&t)));
        assert_eq!(
            (offer.check_in, offer.check_out, offer.guests),
            (d(dates.0), d(dates.1), guests),
            "{text}"
        );
        if guests == 4 {
            assert!(
                offer.options.iter().all(|o| o.accommodation_id != 1),
                "{text}: the Arrayán is for 2"
            );
        }
        assert!(booked(&t).is_none(), "{text}");
    }
}

#[test]
fn slots_are_remembered_for_the_conversation() {
    for first in [
        "Hola, somos 4",
        "hola! somos 4 personas",
        "buenas, seriamos 4 adultos",
        "holaa somos cuatro",
        "Hi, we are 4",
    ] {
        let t = talk(&[first, "tienen lugar del 15 al 17 de diciembre?"]);
        let offer = t
            .state
            .offer
            .as_ref()
            .unwrap_or_else(|| panic!("{first}: {}", said(&t)));
        assert_eq!(offer.guests, 4, "{first}");
    }
    // Asking about pets in between forgets nothing.
    let t = talk(&["somos 4, aceptan perros?", "y del 15 al 17 de diciembre?"]);
    assert_eq!(t.state.offer.expect("offer").guests, 4);
    // Slots outlive the hold.
    let t = talk(&[ASK_FOR_TWO, "dale"]);
    assert_eq!(
        (t.state.guests, t.state.check_in),
        (Some(2), Some(d("2026-12-15")))
    );
    assert!(t.state.booked.is_some());
}

#[test]
fn follow_ups_keep_what_the_guest_was_after() {
    let t = talk(&["hola cuanto sale la noche en la lenga", "y en la coihue?"]);
    assert!(
        said(&t).starts_with("La noche en Cabaña Coihue"),
        "{}",
        said(&t)
    );
    let t = run(
        &ConversationState::default(),
        "hola, que dias son el finde largo de carnaval?",
    );
    let s = said(&t);
    assert!(
        s.contains("05/02/2027") && s.contains("¿Para cuántas personas"),
        "{s}"
    );
    let t = run(
        &ConversationState::default(),
        "Hi! Do you have a cabin for 2 from 3/1 to 3/4?",
    );
    let offer = t.state.offer.expect("offer");
    assert_eq!(
        (offer.check_in, offer.check_out),
        (d("2027-03-01"), d("2027-03-04"))
    );
}

#[test]
fn guests_are_answered_in_their_language_and_it_is_kept() {
    let t = run(
        &ConversationState::default(),
        "Do you have availability for 2 people from April 15 to 17?",
    );
    assert_eq!(t.state.language, Language::En);
    let s = said(&t);
    assert!(
        s.starts_with("Yes! 🙌 For 2 guests, from Apr 15, 2027 to Apr 17, 2027"),
        "{s}"
    );
    let t = run(&t.state, "ok");
    assert_eq!(t.state.language, Language::En);
    assert!(booked(&t).is_some());
    let t = run(
        &ConversationState::default(),
        "Olá! Vocês têm vaga de 5 a 9 de janeiro para 2 pessoas?",
    );
    assert_eq!(t.state.language, Language::Pt);
    assert!(
        said(&t).starts_with("Sim! 🙌 Para 2 pessoas, de 05/01/2027 a 09/01/2027"),
        "{}",
        said(&t)
    );
    for (text, lang) in [
        ("Hi!", Language::En),
        ("hello, how much for 2 nights?", Language::En),
        ("oi, tudo bem?", Language::Pt),
        ("hola!", Language::Es),
    ] {
        assert_eq!(
            run(&ConversationState::default(), text).state.language,
            lang,
            "{text}"
        );
    }
    let t = run(&ConversationState::default(), "Hi!");
    assert_eq!(said(&t), texts::welcome(Language::En));
    // One polite Spanish word keeps an English conversation English; a Spanish message switches.
    let english = t.state;
    assert_eq!(run(&english, "ok gracias").state.language, Language::En);
    assert_eq!(
        run(
            &english,
            "perdón, hablo español: tienen lugar del 15 al 17 de diciembre?"
        )
        .state
        .language,
        Language::Es
    );
}

#[test]
fn every_question_for_a_missing_slot_says_what_was_understood() {
    let t = run(
        &ConversationState::default(),
        "hay lugar del 15 al 17 de diciembre?",
    );
    assert!(
        said(&t).starts_with("¡Perfecto, del 15/12/2026 al 17/12/2026!"),
        "{}",
        said(&t)
    );
    let t = run(&ConversationState::default(), "hola, somos 3");
    assert!(said(&t).starts_with("¡Genial, 3 personas!"), "{}", said(&t));
    let t = run(
        &ConversationState::default(),
        "tenés lugar para el 20 de diciembre?",
    );
    assert!(
        said(&t).starts_with("¡Genial, llegando el 20/12/2026!"),
        "{}",
        said(&t)
    );
    // The cabin picked leads the offer recomputed after a correction.
    let offered = run(&ConversationState::default(), ASK_FOR_TWO).state;
    let picked = run(&offered, "la tercera").state;
    let t = run(&picked, "al final somos 3");
    assert_eq!(
        t.state.offer.expect("offer").options[0].name,
        "Cabaña Lenga"
    );
}

#[test]
fn bare_days_are_read_in_the_month_of_the_stay_being_talked_about() {
    // Today is 23/11/2026: "del 17 al 19" alone would be next December.
    for (first, fix, check_in, check_out) in [
        (
            "tenés lugar del 16 al 18 de marzo para 2?",
            "perdón, me equivoqué, es del 17 al 19",
            "2027-03-17",
            "2027-03-19",
        ),
        (
            "hay lugar del 16 al 18 de abril para 2",
            "perdon es del veintiuno al veinticuatro",
            "2027-04-21",
            "2027-04-24",
        ),
        (
            "hay lugar para 2 del 28 al 30 de marzo?",
            "no, mejor del 2 al 4",
            "2027-04-02",
            "2027-04-04",
        ),
        (
            "Somos 2 y queremos ir en marzo",
            "del 16 al 18",
            "2027-03-16",
            "2027-03-18",
        ),
        (
            "do you have room for 2 from March 10 to 12?",
            "sorry, from the 11th to the 13th",
            "2027-03-11",
            "2027-03-13",
        ),
    ] {
        let t = talk(&[first, fix]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d(check_in)), Some(d(check_out))),
            "{first} → {fix}: {}",
            said(&t)
        );
    }
    // A month said alone moves the stay to the same days of that month.
    for fix in [
        "me confundí, es en abril no en marzo",
        "perdon, era en abril",
        "sorry, I meant April",
    ] {
        let t = talk(&["tenés lugar del 16 al 18 de marzo para 2?", fix]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d("2027-04-16")), Some(d("2027-04-18"))),
            "{fix}: {}",
            said(&t)
        );
    }
    // Without a stay or a month in mind, bare days are the next ones from today.
    let t = talk(&["del 16 al 18 para 2"]);
    assert_eq!(t.state.check_in, Some(d("2026-12-16")));
}

#[test]
fn a_bare_number_answers_what_was_just_asked() {
    for (first, answer) in [
        ("del 5 al 8 de mayo", "2"),
        ("tienen lugar del 5 al 8 de mayo?", "dos"),
        ("hay lugar del 5 al 8 de mayo", "2 nomas"),
    ] {
        let t = talk(&[first, answer]);
        assert_eq!(t.state.guests, Some(2), "{first} → {answer}: {}", said(&t));
        assert!(t.state.offer.is_some(), "{answer}: {}", said(&t));
    }
    let t = talk(&["llegamos el 5 de mayo, somos 2", "3"]);
    assert_eq!(t.state.check_out, Some(d("2027-05-08")), "{}", said(&t));
}

#[test]
fn a_pick_with_thanks_is_a_pick() {
    for pick in [
        "Prefiero la Coihue, gracias",
        "la coihue gracias!",
        "la segunda, gracias",
    ] {
        let t = talk(&["tenés lugar para 2 del 16 al 18 de marzo?", pick]);
        assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(2), "{pick}");
    }
}

#[test]
fn people_or_dates_alone_go_on_with_what_was_asked_before() {
    // After a price question, "¿y para 4?" is the price for 4.
    for (first, then) in [
        ("cuanto sale para 2 personas?", "y para 4?"),
        ("precio x noche para 2", "y si somos 4?"),
        ("how much for 2 people?", "and for 4?"),
    ] {
        let t = talk(&[first, then]);
        assert!(
            said(&t).contains("Cabaña Coihue") && said(&t).contains("$"),
            "{first} / {then}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_bare_number_said_as_a_correction_is_the_people() {
    for fix in [
        "ah no perdon, 5",
        "al final 5",
        "sorry, 5",
        "perdón, eran 5",
    ] {
        let t = talk(&["hay lugar del 15 al 17 de diciembre para 4?", fix]);
        let offer = t.state.offer.as_ref().expect("an offer for the new party");
        assert_eq!(offer.guests, 5, "{fix}: {}", said(&t));
    }
}

#[test]
fn a_cabin_named_before_is_said_back_with_the_dates() {
    let text = said(&talk(&[
        "hola, cuánto sale la Coihue?",
        "y para el 10 al 12 de enero está libre?",
    ]));
    assert!(
        text.contains("Cabaña Coihue") && text.contains("10/01"),
        "{text}"
    );
}

#[test]
fn the_party_told_as_a_count_and_children_answers_how_many() {
    let t = talk(&[
        "hola, tienen algo para el 10 de enero?",
        "3 noches",
        "2 y un bebé",
    ]);
    assert_eq!(t.state.guests, Some(3));
    assert!(t.state.offer.is_some(), "{}", said(&t));
}

#[test]
fn a_guest_who_asks_for_another_language_gets_the_offer_again_in_it() {
    let t = talk(&[
        "hola, tienen para 2 del 10 al 12 de diciembre?",
        "sorry, do you speak English?",
    ]);
    assert_eq!(t.state.language, crate::Language::En);
    let s = said(&t);
    assert!(s.starts_with("Yes!") && s.contains("Cabaña Arrayán"), "{s}");
    let t = talk(&["hi, 2 people Dec 10 to 12", "¿hablan español?"]);
    assert_eq!(t.state.language, crate::Language::Es);
    assert!(said(&t).starts_with("¡Sí!"), "{}", said(&t));
}

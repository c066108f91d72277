//! Tables for the turn function: state in, a message in (read by `nlu`), facts in; the new
//! state and the effects out. Each behaviour is checked in several phrasings (typos, voseo, no
//! accents, speech-to-text, English and Portuguese).

use booking::{
    Accommodation,
    availability::{Occupancy, Taken},
};
use chrono::{NaiveDate, NaiveTime};

use super::turn;
use crate::{
    Booking, Effect, Facts, Held, Incoming, Language, Place, Say, Turn, Wordless,
    nlu::understand,
    state::{Booked, ConversationState, Offer},
    texts,
};

const NAMES: &[&str] = &["Cabaña Arrayán", "Cabaña Coihue", "Cabaña Lenga"];

fn today() -> NaiveDate {
    d("2026-11-23")
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn cabin(id: i64, name: &str, capacity: i32, pets: bool, amenities: &[&str]) -> Accommodation {
    Accommodation {
        id,
        property_id: 1,
        name: name.into(),
        description: format!("{name}, junto al lago"),
        capacity,
        base_cents: 4_500_000 * id,
        weekend_bp: 10_000,
        deposit_bp: 3_000,
        photos: vec![],
        amenities: amenities.iter().map(|a| (*a).to_owned()).collect(),
        pets_allowed: pets,
    }
}

fn cabins() -> Vec<Accommodation> {
    vec![
        cabin(1, "Cabaña Arrayán", 2, false, &["WiFi"]),
        cabin(2, "Cabaña Coihue", 4, true, &["WiFi", "Parrilla"]),
        cabin(
            3,
            "Cabaña Lenga",
            6,
            true,
            &[
                "WiFi",
                "Parrilla",
                "Pileta climatizada",
                "Calefacción a leña",
            ],
        ),
    ]
}

fn place() -> Place {
    Place {
        address: Some("Ruta 40 km 2010".into()),
        check_in_time: NaiveTime::from_hms_opt(14, 0, 0).expect("time"),
        check_out_time: NaiveTime::from_hms_opt(10, 0, 0).expect("time"),
    }
}

/// The world a turn runs in.
#[derive(Default)]
struct World {
    taken: Vec<Taken>,
    held: Option<Held>,
    policy: Option<&'static str>,
}

impl World {
    fn run(&self, state: &ConversationState, text: &str) -> Turn {
        let all = cabins();
        let place = place();
        let facts = Facts {
            today: today(),
            place: &place,
            occupancy: Occupancy {
                accommodations: &all,
                taken: &self.taken,
            },
            held: self.held.as_ref(),
            cancellation_policy: self.policy,
        };
        let u = understand(text, today(), NAMES);
        turn(state, Incoming::Words(&u), &facts)
    }

    /// A conversation: each message on the state the previous one left.
    fn talk(&self, messages: &[&str]) -> Turn {
        let mut state = ConversationState::default();
        let mut last = None;
        for m in messages {
            let t = self.run(&state, m);
            state = t.state.clone();
            last = Some(t);
        }
        last.expect("at least one message")
    }
}

fn run(state: &ConversationState, text: &str) -> Turn {
    World::default().run(state, text)
}

fn talk(messages: &[&str]) -> Turn {
    World::default().talk(messages)
}

fn said(t: &Turn) -> String {
    t.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Say(Say::Text(t)) => Some(t.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn booked(t: &Turn) -> Option<Booking> {
    t.effects.iter().find_map(|e| match e {
        Effect::Book(b) => Some(*b),
        _ => None,
    })
}

fn taken(id: i64, from: &str, to: &str) -> Taken {
    Taken {
        accommodation_id: id,
        check_in: d(from),
        check_out: d(to),
    }
}

/// An unpaid hold of the Coihue, 15–17 Dec, for 2.
fn coihue_hold(paid: bool) -> World {
    World {
        taken: vec![taken(2, "2026-12-15", "2026-12-17")],
        held: Some(Held {
            code: "RES261215007".into(),
            accommodation_id: 2,
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
            paid,
            payment_link: Some("https://pago.example/RES261215007".into()),
        }),
        policy: Some("hasta 7 días antes devolvemos la seña completa."),
    }
}

fn after_hold() -> ConversationState {
    ConversationState {
        check_in: Some(d("2026-12-15")),
        check_out: Some(d("2026-12-17")),
        guests: Some(2),
        booked: Some(Booked {
            accommodation: "Cabaña Coihue".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
        }),
        ..Default::default()
    }
}

const ASK_FOR_TWO: &str = "hay lugar para 2 del 15 al 17 de diciembre?";

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
fn messages_without_words_are_answered_kindly_and_change_nothing() {
    let all = cabins();
    let place = place();
    let facts = Facts {
        today: today(),
        place: &place,
        occupancy: Occupancy {
            accommodations: &all,
            taken: &[],
        },
        held: None,
        cancellation_policy: None,
    };
    let state = ConversationState {
        guests: Some(3),
        ..Default::default()
    };
    for (incoming, text) in [
        (Wordless::Media("sticker"), texts::UNSUPPORTED_MESSAGE),
        (Wordless::Email, texts::EMAIL_WITHOUT_WORDS),
    ] {
        let t = turn(&state, Incoming::Wordless(incoming), &facts);
        assert_eq!(t.state, state);
        assert_eq!(t.effects, vec![Effect::Say(Say::Text(text.into()))]);
    }
}

#[test]
fn the_dates_in_question_are_the_new_ones_or_the_remembered_ones() {
    let remembered = ConversationState {
        check_in: Some(d("2026-12-01")),
        check_out: Some(d("2026-12-03")),
        ..Default::default()
    };
    let new = understand("del 15 al 17 de diciembre", today(), NAMES);
    let stay = super::dates_in_question(&remembered, &new).expect("a stay");
    assert_eq!(stay.check_in(), d("2026-12-15"));
    let none = understand("somos 4", today(), NAMES);
    let stay = super::dates_in_question(&remembered, &none).expect("a stay");
    assert_eq!(stay.check_in(), d("2026-12-01"));
    assert!(super::dates_in_question(&ConversationState::default(), &none).is_none());
    let longer = understand("al final son 4 noches", today(), NAMES);
    let stay = super::dates_in_question(&remembered, &longer).expect("a stay");
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

// ── Named accommodations in every intent ────────────────────────────────────────────────

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

// ── Offers the guest can point at ───────────────────────────────────────────────────────

#[test]
fn the_guest_points_at_an_option_and_yes_books_that_one() {
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
        ("i prefer the second one", 2),
        ("the biggest one", 3),
        ("prefiro a segunda", 2),
        ("a mais barata", 1),
    ];
    for (text, id) in cases {
        let t = run(&offered, text);
        let offer = t.state.offer.as_ref().expect("still on the table");
        assert_eq!(offer.options[offer.chosen].accommodation_id, *id, "{text}");
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: a pick books nothing"
        );
        assert!(!said(&t).contains("no te entendí"), "{text}: {}", said(&t));
        for yes in ["sí", "dale", "ok", "de una", "yes"] {
            let b = booked(&run(&t.state, yes)).expect("books");
            assert_eq!(b.accommodation_id, *id, "{text} → {yes}");
        }
    }
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

// ── Corrections ─────────────────────────────────────────────────────────────────────────

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
fn after_the_hold_a_correction_moves_it_and_a_yes_does_not_start_over() {
    let w = coihue_hold(false);
    for (text, dates, guests) in [
        (
            "perdón, me equivoqué, es del 16 al 18",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
        (
            "perdon me confundi, del 16 al 18",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
        ("es del 16 al 18, perdón", ("2026-12-16", "2026-12-18"), 2),
        ("al final somos 4", ("2026-12-15", "2026-12-17"), 4),
        ("somos 3 al final", ("2026-12-15", "2026-12-17"), 3),
        ("mejor 3 noches", ("2026-12-15", "2026-12-18"), 2),
        ("¿la podemos pasar al 16?", ("2026-12-16", "2026-12-18"), 2),
        (
            "al final nos quedamos hasta el 19",
            ("2026-12-15", "2026-12-19"),
            2,
        ),
        ("cambiala para el 16 porfa", ("2026-12-16", "2026-12-18"), 2),
        (
            "sorry, actually it's from December 16 to 18",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
    ] {
        let t = w.run(&after_hold(), text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { code, to } => Some((code.clone(), *to)),
            _ => None,
        });
        assert_eq!(
            moved,
            Some((
                "RES261215007".to_owned(),
                Booking {
                    accommodation_id: 2,
                    check_in: d(dates.0),
                    check_out: d(dates.1),
                    guests,
                }
            )),
            "{text}: {}",
            said(&t)
        );
        assert!(!said(&t).contains("¿Para cuántas"), "{text}");
    }
    for yes in ["dale", "sí", "ok", "perfecto", "de una", "genial, dale"] {
        let t = w.run(&after_hold(), yes);
        let s = said(&t);
        assert!(
            s.contains("¡Ya la tenés reservada!") && s.contains("https://pago.example"),
            "{yes}: {s}"
        );
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{yes}"
        );
    }
}

#[test]
fn a_correction_to_taken_dates_keeps_the_hold_and_offers_the_nearest() {
    let mut w = coihue_hold(false);
    w.taken.push(taken(2, "2026-12-17", "2026-12-25"));
    let t = w.run(&after_hold(), "perdón, me equivoqué, es del 18 al 20");
    let s = said(&t);
    assert!(s.contains("sigue guardada"), "{s}");
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::ReleaseHold { .. }))
    );
    let offer = t.state.offer.clone().expect("options on the table");
    assert_eq!(offer.replaces.as_deref(), Some("RES261215007"));
    let t = w.run(&t.state, "dale");
    assert!(
        t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { code, .. } if code == "RES261215007")),
        "{:?}",
        t.effects
    );
    // More people than the held cabin takes: the others, as a move.
    let t = coihue_hold(false).run(&after_hold(), "al final somos 6");
    assert!(said(&t).contains("Cabaña Lenga"), "{}", said(&t));
    assert_eq!(
        t.state.offer.expect("offer").replaces.as_deref(),
        Some("RES261215007")
    );
}

#[test]
fn a_paid_reservation_is_changed_by_staff() {
    let t = coihue_hold(true).run(&after_hold(), "perdón, es del 16 al 18");
    assert!(t.state.needs_human);
    assert!(said(&t).contains("ya está confirmada"), "{}", said(&t));
    assert!(t.effects.iter().all(|e| matches!(e, Effect::Say(_))));
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

// ── Cancel what the guest holds ─────────────────────────────────────────────────────────

#[test]
fn cancelling_an_unpaid_hold_releases_it_at_once() {
    for text in [
        "Mejor cancelala",
        "cancelala porfa",
        "quiero cancelar la reserva",
        "anulala",
        "ya no la necesitamos, cancelá",
        "no vamos a poder ir",
        "cancel it please",
        "pode cancelar",
        "bajala",
        "borrala porfa",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(
            t.effects.contains(&Effect::ReleaseHold {
                code: "RES261215007".into()
            }),
            "{text}: {:?}",
            t.effects
        );
        assert!(!said(&t).contains("código"), "{text}: {}", said(&t));
        assert!(t.state.booked.is_none(), "{text}");
    }
}

#[test]
fn cancelling_a_paid_reservation_asks_staff_with_the_policy() {
    for text in [
        "cancelala",
        "quiero cancelar",
        "no vamos a ir, cancelen por favor",
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(
            t.effects.contains(&Effect::RequestCancellation {
                code: "RES261215007".into()
            }),
            "{text}"
        );
        assert!(said(&t).contains("hasta 7 días antes"), "{}", said(&t));
        assert!(t.state.needs_human);
    }
    // Without a hold in sight, the code is asked for.
    let t = run(&ConversationState::default(), "quiero cancelar");
    assert!(said(&t).contains("código"), "{}", said(&t));
}

// ── Groups larger than any one cabin ────────────────────────────────────────────────────

#[test]
fn a_large_group_gets_cabins_together() {
    for text in [
        "hay lugar para 8 del 15 al 17 de diciembre?",
        "somos 8 amigos, tienen lugar del 15 al 17 de diciembre",
        "tenes lugar pa 8 del 15 al 17 d diciembre",
        "do you have room for 8 people from December 15 to 17?",
        "tienen disponibilidad para 10 personas del 15 al 17/12",
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

// ── Yes/no questions ────────────────────────────────────────────────────────────────────

#[test]
fn yes_no_questions_are_answered_yes_or_no_first() {
    let cases: &[(&str, &str)] = &[
        ("¿Tienen pileta?", "¡Sí!"),
        ("tienen piscina?", "¡Sí!"),
        ("hay wifi?", "¡Sí! Tenemos wifi"),
        ("tiene parrilla la coihue?", "¡Sí!"),
        ("tienen jacuzzi?", "No, no tenemos hidromasaje"),
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

// ── Several intents in one message ──────────────────────────────────────────────────────

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

// ── Holidays ────────────────────────────────────────────────────────────────────────────

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

// ── Languages ───────────────────────────────────────────────────────────────────────────

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
}

// ── Old stored offers still work ────────────────────────────────────────────────────────

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
fn every_yes_no_question_of_a_message_is_answered() {
    let t = run(
        &ConversationState::default(),
        "hola tienen wifi? y cochera?",
    );
    let s = said(&t);
    assert!(
        s.contains("¡Sí! Tenemos wifi") && s.contains("No, no tenemos cochera"),
        "{s}"
    );
}

#[test]
fn a_correction_to_a_weekend_moves_the_hold() {
    let mut w = coihue_hold(false);
    w.held = w.held.map(|h| Held {
        check_in: d("2026-11-27"),
        check_out: d("2026-11-29"),
        ..h
    });
    w.taken = vec![taken(2, "2026-11-27", "2026-11-29")];
    let state = ConversationState {
        check_in: Some(d("2026-11-27")),
        check_out: Some(d("2026-11-29")),
        ..after_hold()
    };
    for text in [
        "ay perdon me confundi, es el otro finde",
        "perdón, mejor el finde del 4 de diciembre",
    ] {
        let t = w.run(&state, text);
        assert!(
            t.effects.iter().any(
                |e| matches!(e, Effect::MoveHold { to, .. } if to.check_in == d("2026-12-04"))
            ),
            "{text}: {:?}",
            t.effects
        );
    }
    // Too many people for the held cabin: said so, the hold stays.
    let t = coihue_hold(false).run(&after_hold(), "perdón somos 5");
    assert!(
        said(&t).starts_with("Cabaña Coihue es para hasta 4 personas"),
        "{}",
        said(&t)
    );
}

#[test]
fn a_question_about_an_option_is_answered_for_that_option() {
    let offered = run(&ConversationState::default(), ASK_FOR_TWO).state;
    for (text, start) in [
        ("la lenga tiene pileta?", "¡Sí! Cabaña Lenga tiene pileta"),
        (
            "¿la tercera tiene pileta?",
            "¡Sí! Cabaña Lenga tiene pileta",
        ),
        (
            "y la primera tiene parrilla?",
            "No, Cabaña Arrayán no tiene parrilla",
        ),
        ("la coihue acepta perros?", "¡Sí!"),
    ] {
        let t = run(&offered, text);
        assert!(said(&t).starts_with(start), "{text}: {}", said(&t));
        assert_eq!(
            t.state.offer, offered.offer,
            "{text}: the offer stays as it was"
        );
    }
    let t = run(&offered, "muchas gracias!");
    assert!(said(&t).starts_with("¡Gracias a vos!"), "{}", said(&t));
}

#[test]
fn after_a_hold_bare_new_values_correct_it_and_an_explicit_question_is_another_stay() {
    let w = coihue_hold(false);
    for text in ["somos 3", "es del 16 al 18", "del 16 al 18 entonces"] {
        let t = w.run(&after_hold(), text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { .. })),
            "{text}: {:?}",
            t.effects
        );
    }
    let t = w.run(&after_hold(), "¿y tienen lugar del 20 al 22 de diciembre?");
    assert!(t.state.offer.is_some(), "{}", said(&t));
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { .. }))
    );
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

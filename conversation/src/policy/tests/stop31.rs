//! What the hand probes of stop 31 found: days said after the winter holidays were asked about
//! are days of the holidays' month; a pet asked about for a held cabin that takes none gets a
//! "no" in every language; parking and the jacuzzi are named as guests name them.

use chrono::Datelike;

use super::*;

#[test]
fn days_said_after_the_winter_holidays_were_asked_about_are_of_july() {
    for (first, days) in [
        (
            "para las vacaciones de invierno tienen algo? somos 4",
            "del 19 al 24",
        ),
        (
            "hola! hay lugar en vacaciones de invierno? somos 2",
            "del 20 al 23",
        ),
        (
            "do you have anything for the winter holidays? we're 2",
            "from the 20th to the 23rd",
        ),
    ] {
        let t = talk(&[first, days]);
        let s = said(&t);
        assert_eq!(t.state.check_in.map(|d| d.month()), Some(7), "{days}: {s}");
        assert_eq!(t.state.check_out.map(|d| d.month()), Some(7), "{days}: {s}");
    }
    // Said with their month, the month said wins.
    let t = talk(&[
        "para las vacaciones de invierno tienen algo? somos 4",
        "mejor del 3 al 5 de agosto",
    ]);
    assert_eq!(t.state.check_in.map(|d| d.month()), Some(8), "{}", said(&t));
}

#[test]
fn a_pet_asked_about_for_a_held_cabin_that_takes_none_is_a_no_in_every_language() {
    // The Arrayán (id 1) takes no pets.
    let (w, state) = unpaid_hold_of(1, "Cabaña Arrayán");
    for (text, no, lang) in [
        ("can we bring our cat?", "Oh no,", Language::En),
        ("podemos levar nosso cachorro?", "não", Language::Pt),
        ("podemos llevar al perro?", "no se admiten", Language::Es),
    ] {
        let mut state = state.clone();
        state.language = lang;
        let s = said(&w.run(&state, text));
        assert!(s.contains(no), "{text}: {s}");
        assert!(s.contains("RES261215007"), "{text}: {s}");
    }
}

#[test]
fn parking_and_the_jacuzzi_are_named_as_guests_name_them() {
    let w = World {
        descriptions: vec![
            (2, "Dos dormitorios y estacionamiento techado."),
            (3, "Tres dormitorios y jacuzzi."),
        ],
        ..World::default()
    };
    // The word the guest used is the one said back, yes or no.
    for (text, word) in [
        ("la coihue tiene estacionamiento?", "estacionamiento"),
        ("la coihue tiene cochera?", "cochera"),
        ("hay garage?", "garage"),
        ("la lenga tiene jacuzzi?", "jacuzzi"),
        ("la lenga tiene hidromasaje?", "hidromasaje"),
        ("la arrayan tiene hidromasaje?", "hidromasaje"),
        ("tienen piscina?", "piscina"),
        ("tienen pileta?", "pileta"),
    ] {
        let s = said(&w.talk(&[text]));
        assert!(s.contains(word), "{text}: {s}");
    }
    // Not a plain synonym: as the owner names it.
    let s = said(&w.talk(&["hay asador?"]));
    assert!(s.contains("parrilla"), "{s}");
    // Other languages keep their own names.
    let s = said(&w.talk(&["does the Lenga have a jacuzzi?"]));
    assert!(s.contains("jacuzzi"), "{s}");
}

#[test]
fn the_cheapest_or_biggest_that_takes_pets_is_a_pick_among_those_that_do() {
    for (pick, cabin) in [
        ("la más barata que acepta perros", 2),
        ("la mas barata de las que aceptan mascotas entonces", 2),
        ("the cheapest one that takes dogs then", 2),
        ("the biggest one that takes dogs", 3),
        ("a mais barata que aceita cachorro", 2),
    ] {
        let t = talk(&["somos 2 del 10 al 13 de mayo", pick]);
        let b = booked(&t);
        assert_eq!(
            b.map(|b| b.accommodation_id),
            Some(cabin),
            "{pick}: {}",
            said(&t)
        );
    }
    // Asked as a question, it is answered, not held.
    let t = talk(&[
        "somos 2 del 10 al 13 de mayo",
        "la más barata acepta perros?",
    ]);
    assert!(booked(&t).is_none(), "{}", said(&t));
}

#[test]
fn a_favour_asked_goes_to_a_person_and_a_relation_is_no_name() {
    for text in [
        "me podes hacer factura a nombre de mi empresa?",
        "¿hacen factura A?",
        "nos podrias guardar las valijas hasta la tarde?",
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(t.state.needs_human, "{text}: {s}");
        assert!(!s.contains("Gracias, Mi"), "{text}: {s}");
    }
}

#[test]
fn cancel_it_and_make_me_another_cabin_moves_the_hold() {
    // The Lenga (id 3) held, the Coihue free.
    let (w, state) = unpaid_hold_of(3, "Cabaña Lenga");
    for text in [
        "uh no, cancelala y haceme la coihue para 4 las mismas fechas",
        "cancelala y armame la coihue",
        "mejor cancelá esa y anotame en la coihue",
    ] {
        let t = w.run(&state, text);
        let moved = t
            .effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { to, .. } if to.accommodation_id == 2));
        assert!(moved, "{text}: {}", said(&t));
    }
}

#[test]
fn whether_the_party_fits_in_the_cabin_offered_or_held_is_a_yes_or_no() {
    for (text, yes) in [
        ("entramos todos?", "¡Sí! Cabaña Lenga es para hasta 6"),
        ("can we all fit in one?", "Yes! Cabaña Lenga sleeps up to 6"),
        ("do we all fit?", "Yes! Cabaña Lenga sleeps up to 6"),
        ("cabemos todos?", "Sim! Cabaña Lenga é para até 6"),
    ] {
        // The offer made, in the language the question is asked in.
        let mut start = talk(&["somos 6 del 10 al 13 de mayo"]).state;
        start.language = if yes.starts_with("Yes") {
            Language::En
        } else if yes.starts_with("Sim") {
            Language::Pt
        } else {
            Language::Es
        };
        let s = said(&run(&start, text));
        assert!(s.starts_with(yes), "{text}: {s}");
    }
    // With the cabin held, about it.
    let s = said(&coihue_hold(false).run(&after_hold(), "entramos todos?"));
    assert!(s.starts_with("¡Sí! Cabaña Coihue"), "{s}");
}

#[test]
fn the_view_asked_with_several_offered_is_of_the_one_proposed() {
    let w = super::stop30::with_views();
    // For 4: the Coihue proposed, the Lenga besides; the Arrayán (lake) is too small.
    let t = w.talk(&["somos 4 del 10 al 13 de mayo", "tiene vista al lago?"]);
    let s = said(&t);
    assert!(s.starts_with("No, Cabaña Coihue"), "{s}");
    assert!(booked(&t).is_none(), "{s}");
}

#[test]
fn the_next_one_after_a_weekend_talked_about_is_a_week_later() {
    let first = talk(&["tenés lugar este finde para 2?"]).state;
    let (i, o) = (first.check_in.unwrap(), first.check_out.unwrap());
    let week = chrono::Duration::days(7);
    for text in [
        "y el que viene?",
        "y el siguiente?",
        "y el finde que viene?",
        "and the next one?",
    ] {
        let t = run(&first, text);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(i + week), Some(o + week)),
            "{text}: {}",
            said(&t)
        );
    }
    // With nothing talked about, "el finde que viene" is read from today, as before.
    let t = talk(&["tenés lugar el finde que viene para 2?"]);
    assert!(
        t.state.check_in.is_some_and(|d| d <= i + week),
        "{}",
        said(&t)
    );
}

#[test]
fn a_cheaper_or_another_cabin_asked_with_a_hold_is_offered_to_replace_it() {
    // The Lenga (id 3) held for 2; the Arrayán and Coihue are cheaper.
    let (w, state) = unpaid_hold_of(3, "Cabaña Lenga");
    for text in [
        "hay algo mas barato?",
        "can we switch to a cheaper one?",
        "tenes otra mas barata?",
        "what else do you have for those dates?",
        "qué otra tenés?",
        "actually what do you have for those dates?",
        "tenés disponibilidad esas fechas?",
    ] {
        let t = w.run(&state, text);
        let s = said(&t);
        assert!(s.contains("RES261215007"), "{text}: {s}");
        assert!(s.contains("Cabaña Coihue"), "{text}: {s}");
        assert!(
            !s.contains("ocupada") && !s.contains("taken"),
            "{text}: {s}"
        );
        let offer = t.state.offer.as_ref().expect("an offer");
        assert_eq!(offer.replaces.as_deref(), Some("RES261215007"), "{text}");
        assert!(
            !offer.options.iter().any(|o| o.accommodation_id == 3),
            "{text}"
        );
        // Accepting moves the hold; nothing is held twice.
        let t = w.run(&t.state, "dale la coihue");
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { to, .. } if to.accommodation_id == 2)),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_stay_asked_for_the_one_cabin_with_a_feature_says_it_has_it() {
    // Only the Lenga has a pool (its amenities).
    for (text, yes) in [
        (
            "somos 2 del 14 al 16 de diciembre, preferimos una con pileta",
            "¡Sí! Cabaña Lenga",
        ),
        (
            "2 of us, Dec 14 to 16, we'd prefer a cabin with a pool",
            "Yes! Cabaña Lenga",
        ),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains("Cabaña Lenga") && s.contains(yes), "{text}: {s}");
        assert!(booked(&t).is_none(), "{text}: {s}");
    }
    // Asked to book, it is held: no yes line needed.
    let t = talk(&["reservame la de la pileta del 14 al 16 de diciembre para 2"]);
    assert!(
        booked(&t).is_some_and(|b| b.accommodation_id == 3),
        "{}",
        said(&t)
    );
}

#[test]
fn a_name_given_with_a_booking_is_thanked_by_it() {
    let t = talk(&[
        "somos 2 del 14 al 16 de diciembre",
        "genial reservá la coihue a nombre de Martín Rodríguez",
    ]);
    let s = said(&t);
    assert!(s.starts_with("¡Gracias, Martín Rodríguez!"), "{s}");
    assert!(booked(&t).is_some_and(|b| b.accommodation_id == 2), "{s}");
    // Said alone, the name is its own answer, once.
    let s = said(&talk(&["me llamo Ana"]));
    assert_eq!(s.matches("Ana").count(), 1, "{s}");
}

#[test]
fn the_price_of_an_unpaid_group_is_every_cabins_with_its_one_link() {
    let w = coihue_and_lenga_group(
        "GRP261202001",
        "RES261202003",
        [("RES261202002", 4), ("RES261202003", 5)],
        false,
    );
    // Each cabin's own total for its stay, added up.
    let total: i64 = cabins()
        .iter()
        .filter(|a| a.id == 2 || a.id == 3)
        .map(|a| {
            let stay = booking::StayDates::new(d("2026-12-15"), d("2026-12-17")).unwrap();
            a.quote(&stay).total.cents()
        })
        .sum();
    let total = booking::Money::from_cents(total).to_string();
    for text in [
        "cuanto es la seña en total?",
        "how much is it in total?",
        "qual o valor total?",
    ] {
        let s = said(&w.run(&ConversationState::default(), text));
        assert!(s.contains("GRP261202001"), "{text}: {s}");
        assert!(
            s.contains("Cabaña Coihue") && s.contains("Cabaña Lenga"),
            "{text}: {s}"
        );
        assert!(s.contains(&total), "{text}: {total} in {s}");
        assert!(
            s.contains("https://pago.example/GRP261202001"),
            "{text}: {s}"
        );
    }
}

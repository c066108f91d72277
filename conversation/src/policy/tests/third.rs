//! Turns a third set of conversations found wrong: a month alone asks for the days, a named
//! cabin is said back while a slot is missing, "esa no" keeps the offer, a long weekend in a
//! month without one is told, yes/no questions without a cue word are answered.

use super::*;

#[test]
fn a_month_alone_asks_for_the_days_and_keeps_the_month() {
    let t = talk(&["queriamos ir en junio con la familia"]);
    assert_eq!(t.state.month, Some(6));
    assert!(said(&t).contains("fechas"), "{}", said(&t));
    let t = talk(&["queriamos ir en junio con la familia", "del ocho al once"]);
    assert_eq!(t.state.check_in, Some(d("2027-06-08")));
}

#[test]
fn a_cabin_named_while_a_slot_is_missing_is_said_back() {
    for (text, name) in [
        (
            "me encanto la coihue, esta libre en enero?",
            "Cabaña Coihue",
        ),
        (
            "hello, can I book the Arrayan for January 2nd to 5th?",
            "Cabaña Arrayán",
        ),
        ("a Lenga tem lugar de 3 a 6 de janeiro?", "Cabaña Lenga"),
    ] {
        let t = talk(&[text]);
        assert!(said(&t).contains(name), "{text}: {}", said(&t));
        assert!(booked(&t).is_none(), "{text}");
    }
}

#[test]
fn not_this_one_keeps_the_offer_and_asks_which() {
    let t = talk(&[ASK_FOR_TWO, "no, esa no"]);
    let offer = t.state.offer.as_ref().expect("the offer stays");
    assert_eq!(offer.chosen, 0);
    let s = said(&t);
    assert!(
        s.contains("Coihue") && s.contains("Lenga") && !s.contains("Arrayán"),
        "{s}"
    );
    let held = held_over(&[ASK_FOR_TWO, "no, esa no", "la lenga entonces", "dale"]);
    assert_eq!(held.map(|b| b.accommodation_id), Some(3));
    // The option turned down leaves the table: a yes never books it.
    let t = talk(&[ASK_FOR_TWO, "not that one", "yes"]);
    assert_ne!(booked(&t).map(|b| b.accommodation_id), Some(1));
}

#[test]
fn a_long_weekend_in_a_month_without_one_is_told() {
    for (text, words) in [
        ("para el finde largo de mayo tienen lugar? somos 2", "mayo"),
        ("any room for the long weekend in May?", "May"),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains(words) && booked(&t).is_none(), "{text}: {s}");
        assert_eq!(t.state.month, Some(5), "{text}");
    }
}

#[test]
fn yes_no_questions_without_a_cue_word_are_answered() {
    for (text, start) in [
        ("hay lugar para estacionar el auto?", "No"),
        ("se admiten niños?", "¡Sí!"),
        ("los nenes pueden ir?", "¡Sí!"),
        ("Can we bring our kids?", "Yes!"),
    ] {
        let t = run(&ConversationState::default(), text);
        assert!(said(&t).starts_with(start), "{text}: {}", said(&t));
    }
}

#[test]
fn an_hour_asked_for_check_in_or_out_is_answered_yes_or_no_first() {
    for (text, start) in [
        ("puedo llegar tarde? tipo 22hs", "¡Sí!"),
        ("se puede hacer el check in a las 11?", "No"),
        ("podemos llegar a las 23:30?", "¡Sí!"),
        ("podemos salir a las 12?", "No"),
        ("can we check in at 10pm?", "Yes!"),
        ("posso fazer check-in às 20h?", "Sim!"),
        // Not a yes/no question: the times alone.
        (
            "a que hora es el check in?",
            "El check-in es a partir de las 14:00",
        ),
    ] {
        let t = run(&ConversationState::default(), text);
        assert!(said(&t).starts_with(start), "{text}: {}", said(&t));
    }
}

#[test]
fn a_group_larger_than_any_cabin_hears_so_before_the_dates_are_asked() {
    let t = talk(&["tienen cabañas para 8 personas?"]);
    let s = said(&t);
    assert!(
        s.contains("juntas") && s.contains('6') && s.contains("fechas"),
        "{s}"
    );
    let t = talk(&["somos 30, tienen lugar?"]);
    assert!(said(&t).contains("hasta 12 personas"), "{}", said(&t));
}

#[test]
fn a_guest_who_puts_the_decision_off_books_nothing() {
    for text in [
        "bueno dale, lo pienso y te confirmo",
        "ok gracias, lo consulto con mi señora y te aviso",
        "great, let me think about it",
        "ótimo, vou pensar",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
        assert!(t.state.offer.is_some(), "{text}: the offer stays");
    }
    // An order to book still books.
    let t = talk(&[ASK_FOR_TWO, "dale reservala y te aviso cuando pago"]);
    assert!(booked(&t).is_some());
}

#[test]
fn the_option_asked_about_is_the_one_a_yes_books() {
    let t = talk(&[ASK_FOR_TWO, "la segunda tiene parrilla?", "ok esa"]);
    assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(2));
}

#[test]
fn a_price_asked_with_dates_and_no_people_is_given_before_they_are_asked() {
    // The cabin named: its total for the stay.
    let t = talk(&["How much is the Lenga for 2 nights from January 3?"]);
    let s = said(&t);
    assert!(
        s.contains("Cabaña Lenga") && s.contains("$") && s.contains("How many people"),
        "{s}"
    );
    // None named: where it starts, and for how many that is.
    let t = talk(&["cuanto sale del 3 al 5 de enero?"]);
    let s = said(&t);
    assert!(
        s.contains("arranca en $") && s.contains("Cabaña Arrayán") && s.contains("personas"),
        "{s}"
    );
    assert!(booked(&t).is_none());
}

#[test]
fn a_stay_moved_by_days_or_to_a_weekday_keeps_its_sense() {
    let world = coihue_hold(false);
    // Held 15–17 December (Tuesday to Thursday).
    for (text, (a, b)) in [
        // The arrival alone moves when the guest speaks of arriving.
        (
            "al final llegamos un dia despues",
            ("2026-12-16", "2026-12-17"),
        ),
        (
            "can we push it one day later?",
            ("2026-12-16", "2026-12-18"),
        ),
        ("la podemos adelantar un dia?", ("2026-12-14", "2026-12-16")),
        (
            "nos quedamos hasta el domingo",
            ("2026-12-15", "2026-12-20"),
        ),
        ("nos quedamos 2 dias mas", ("2026-12-15", "2026-12-19")),
    ] {
        let t = world.run(&after_hold(), text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
            _ => None,
        });
        assert_eq!(moved, Some((d(a), d(b))), "{text}: {}", said(&t));
    }
    // A question about cancelling moves nothing.
    let t = world.run(
        &after_hold(),
        "si cancelo 2 dias antes me devuelven la seña?",
    );
    assert!(
        t.effects
            .iter()
            .all(|e| !matches!(e, Effect::MoveHold { .. }))
    );
}

#[test]
fn several_cabins_named_are_the_ones_quoted() {
    let t = talk(&["cuanto salen la arrayan y la lenga del 15 al 17 de diciembre para 2?"]);
    let offer = t.state.offer.expect("an offer");
    let names: Vec<&str> = offer.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Cabaña Arrayán", "Cabaña Lenga"]);
}

#[test]
fn after_a_hold_what_to_pay_and_the_code_are_told() {
    let world = coihue_hold(false);
    let t = world.run(&after_hold(), "hay que pagar todo ahora?");
    let s = said(&t);
    assert!(
        s.contains("seña") && s.contains("https://pago.example"),
        "{s}"
    );
    for text in [
        "cual es el codigo de mi reserva?",
        "what's my booking code?",
    ] {
        let t = world.run(&after_hold(), text);
        assert!(said(&t).contains("RES261215007"), "{text}: {}", said(&t));
        assert!(booked(&t).is_none());
    }
}

#[test]
fn a_group_with_a_pet_is_offered_cabins_that_take_it_and_a_wish_leads_the_offer() {
    // 7 people and a dog: the combination has a cabin that takes the dog.
    let t = talk(&["somos 7 y llevamos al perro, del 15 al 17 de diciembre"]);
    let offer = t.state.offer.expect("a combination");
    assert!(offer.together);
    assert!(offer.options.iter().any(|o| o.pets_allowed), "{offer:?}");
    // "Que sea la que tiene pileta": the Lenga (the only one with a pool) leads.
    let t = talk(&[
        "necesito una cabaña para 2 del 15 al 17 de diciembre, que sea la que tiene pileta",
    ]);
    let offer = t.state.offer.expect("an offer");
    assert_eq!(offer.options[offer.chosen].name, "Cabaña Lenga");
    // "Solo esa noche": one night.
    let t = talk(&["tienen lugar para 2 el 15 de diciembre?", "solo esa noche"]);
    assert_eq!(t.state.check_out, Some(d("2026-12-16")));
}

#[test]
fn after_paying_the_voucher_and_the_balance_are_told_again() {
    let world = coihue_hold(true);
    for text in [
        "me pasas de nuevo el comprobante?",
        "cuanto me queda por pagar?",
        "can you send me the voucher again?",
    ] {
        let t = world.run(&after_hold(), text);
        let s = said(&t);
        assert!(
            s.contains("RES261215007") && s.contains("Ruta 40"),
            "{text}: {s}"
        );
        assert!(s.contains("Saldo") || s.contains("Balance"), "{text}: {s}");
        assert!(
            t.state.offer.is_none() && booked(&t).is_none(),
            "{text}: no new offer"
        );
    }
}

#[test]
fn a_week_later_moves_the_stay_on_the_table() {
    for text in ["y una semana despues?", "what about a week later?"] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d("2026-12-22")), Some(d("2026-12-24"))),
            "{text}: {}",
            said(&t)
        );
        assert!(t.state.offer.is_some(), "{text}");
    }
}

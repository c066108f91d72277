//! Holds: corrections move them, a yes does not start over, cancellations release them or go to staff.

use super::*;

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
        ("no era el 15, era el 16", ("2026-12-16", "2026-12-18"), 2),
        ("en vez del 15, el 16", ("2026-12-16", "2026-12-18"), 2),
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
        "cancelenla porfa",
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
        // 22 days before the stay, under "the whole deposit up to 30 days before, half after,
        // the rest as credit for 6 months".
        assert!(
            t.effects.contains(&Effect::RequestCancellation {
                code: "RES261215007".into(),
                refund: booking::Refund {
                    days_left: 22,
                    share: booking::Share::Part(50),
                    credit_months: Some(6),
                },
            }),
            "{text}: {:?}",
            t.effects
        );
        assert!(
            said(&t).contains("Como faltan 22 días para tu llegada, te devolvemos el 50 % de la seña, y el resto lo podés usar para otra fecha dentro de los 6 meses."),
            "{}",
            said(&t)
        );
        assert!(t.state.needs_human);
        assert!(
            !t.effects
                .iter()
                .any(|e| matches!(e, Effect::ReleaseHold { .. })),
            "{text}"
        );
    }
    // Far enough ahead, the whole deposit, said in the guest's language.
    let mut w = coihue_hold(true);
    w.policy = booking::CancellationPolicy::new(10, 0, 0).expect("policy");
    let mut english = after_hold();
    english.language = crate::Language::En;
    let t = w.run(&english, "please cancel the booking");
    assert!(
        said(&t).contains("As you arrive in 22 days, we give you the whole deposit back."),
        "{}",
        said(&t)
    );
    // Without a hold in sight, the code is asked for.
    let t = run(&ConversationState::default(), "quiero cancelar");
    assert!(said(&t).contains("código"), "{}", said(&t));
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
fn after_a_hold_bare_new_values_correct_it_and_an_explicit_question_is_another_stay() {
    let w = coihue_hold(false);
    for text in ["somos 3", "es del 16 al 18", "del 16 al 18 entonces"] {
        let t = w.run(&after_hold(), text);
        assert!(moved(&t), "{text}: {:?}", t.effects);
    }
    let t = w.run(&after_hold(), "¿y tienen lugar del 20 al 22 de diciembre?");
    assert!(t.state.offer.is_some(), "{}", said(&t));
    assert!(!moved(&t));
}

#[test]
fn a_hold_is_corrected_even_after_the_conversation_forgot_its_stay() {
    let forgotten = ConversationState::default();
    let w = coihue_hold(false);
    for (text, dates, guests) in [
        ("al final somos 4", ("2026-12-15", "2026-12-17"), 4),
        ("perdón, hasta el 18", ("2026-12-15", "2026-12-18"), 2),
        (
            "me equivoqué, es del 16 al 18",
            ("2026-12-16", "2026-12-18"),
            2,
        ),
    ] {
        let t = w.run(&forgotten, text);
        let to = moved_to(&t);
        assert_eq!(
            to.map(|b| (b.check_in, b.check_out, b.guests)),
            Some((d(dates.0), d(dates.1), guests)),
            "{text}: {}",
            said(&t)
        );
    }
    // Booking another stay is not a correction.
    let t = w.run(
        &after_hold(),
        "quiero reservar otra cabaña del 20 al 22 de diciembre",
    );
    assert!(!moved(&t), "{:?}", t.effects);
}

#[test]
fn a_fresh_question_does_not_take_the_held_dates() {
    let t = coihue_hold(false).run(&ConversationState::default(), "hola, ¿tenés lugar?");
    assert!(
        said(&t).contains("Decime el día de llegada"),
        "{}",
        said(&t)
    );
}

#[test]
fn naming_another_cabin_after_a_hold_moves_it_there() {
    for text in [
        "cambiamos de idea, preferimos la lenga",
        "mejor la lenga",
        "perdón, la quería en la Lenga",
        "al final la lenga",
        "actually we prefer the Lenga",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let to = moved_to(&t);
        assert_eq!(
            to.map(|b| (b.accommodation_id, b.check_in, b.guests)),
            Some((3, d("2026-12-15"), 2)),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn the_price_after_a_hold_is_the_holds_own() {
    // Coihue: $ 90.000 a night in these tables, 2 nights, 30 % deposit.
    for q in [
        "cuanto es la seña?",
        "cuánto tengo que pagar de seña?",
        "y cuanto sale en total?",
        "how much is the deposit?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), q);
        let text = said(&t);
        assert!(
            text.contains("Cabaña Coihue")
                && text.contains("$ 54.000")
                && text.contains("https://pago.example/RES261215007"),
            "{q}: {text}"
        );
        assert!(t.state.offer.is_none(), "{q}: no new offer");
    }
}

#[test]
fn nights_added_or_taken_change_the_holds_length() {
    // The hold: Coihue 15–17 Dec (2 nights).
    for (q, out) in [
        ("quiero agregar una noche mas", "2026-12-18"),
        ("nos quedamos una noche más", "2026-12-18"),
        ("dos noches mas", "2026-12-19"),
        ("one more night please", "2026-12-18"),
        ("mais uma noite", "2026-12-18"),
        ("una noche menos", "2026-12-16"),
    ] {
        let t = coihue_hold(false).run(&after_hold(), q);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some(to.check_out),
            _ => None,
        });
        assert_eq!(moved, Some(d(out)), "{q}: {}", said(&t));
    }
}

#[test]
fn a_question_about_cancelling_answers_the_policy_and_cancels_nothing() {
    for (text, lang) in [
        ("¿se puede cancelar?", crate::Language::Es),
        ("se puede cancelar la reserva?", crate::Language::Es),
        ("puedo cancelar?", crate::Language::Es),
        ("si cancelo me devuelven la seña?", crate::Language::Es),
        ("cual es la politica de cancelacion", crate::Language::Es),
        ("politica de cancelasion?", crate::Language::Es),
        ("what's your cancellation policy?", crate::Language::En),
        ("can I cancel?", crate::Language::En),
        ("posso cancelar?", crate::Language::Pt),
        ("qual a politica de cancelamento?", crate::Language::Pt),
    ] {
        for paid in [false, true] {
            let t = coihue_hold(paid).run(&after_hold(), text);
            assert!(
                t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
                "{text}: {:?}",
                t.effects
            );
            assert!(t.state.booked.is_some(), "{text}: the hold is kept in mind");
            let words = said(&t);
            let (policy, yours) = match (paid, t.state.language) {
                (_, crate::Language::En) => (
                    "If you cancel up to 30 days before you arrive",
                    if paid {
                        "As you arrive in 22 days"
                    } else {
                        "costs you nothing"
                    },
                ),
                (_, crate::Language::Pt) => (
                    "Se cancelar até 30 dias antes da chegada",
                    if paid {
                        "faltam 22 dias"
                    } else {
                        "não custa nada"
                    },
                ),
                _ => (
                    "Si cancelás hasta 30 días antes de tu llegada",
                    if paid {
                        "Como faltan 22 días"
                    } else {
                        "no pagás nada"
                    },
                ),
            };
            assert_eq!(t.state.language, lang, "{text}");
            assert!(words.contains(policy), "{text}: {words}");
            assert!(words.contains(yours), "{text}: {words}");
            assert!(words.contains("RES261215007"), "{text}: {words}");
        }
    }
    // Without a reservation: the policy alone.
    let t = run(&ConversationState::default(), "¿se puede cancelar?");
    assert!(
        said(&t).starts_with("Si cancelás hasta 15 días antes de tu llegada, te devolvemos la seña completa. Si cancelás después, la seña no se devuelve."),
        "{}",
        said(&t)
    );
    // Asking us to cancel still cancels.
    for text in [
        "¿la pueden cancelar?",
        "pode cancelar",
        "me la podés cancelar?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::ReleaseHold { .. })),
            "{text}: {:?}",
            t.effects
        );
    }
}

#[test]
fn people_added_or_taken_change_the_holds_party() {
    // The hold: Coihue 15–17 Dec for 2.
    for (q, guests) in [
        ("se suma una persona más", 3),
        ("al final viene uno mas", 3),
        ("can we add one more person?", 3),
        ("mais uma pessoa", 3),
        ("se suman 2 amigos más", 4),
        ("somos uno menos", 1),
    ] {
        let t = coihue_hold(false).run(&after_hold(), q);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some(to.guests),
            _ => None,
        });
        assert_eq!(moved, Some(guests), "{q}: {}", said(&t));
    }
    // Before a hold, the offer is made again for the new party.
    let t = talk(&[ASK_FOR_TWO, "ah, se suma una persona más"]);
    assert_eq!(t.state.offer.as_ref().map(|o| o.guests), Some(3));
}

/// A group of 9 held in the Coihue (4) and the Lenga (5), 15–17 Dec, under GRP261202001.
fn group_hold() -> World {
    coihue_and_lenga_group(
        "GRP261202001",
        "RES261202002",
        [("RES261202002", 4), ("RES261202003", 5)],
        false,
    )
}

fn after_group_hold() -> ConversationState {
    ConversationState {
        guests: Some(9),
        booked: Some(Booked {
            accommodation: "Cabaña Coihue y Cabaña Lenga".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 9,
        }),
        ..after_hold()
    }
}

#[test]
fn fewer_people_in_a_group_keep_its_cabins_together() {
    let w = group_hold();
    for text in [
        "al final somos 8",
        "perdon, somos 8 nomas",
        "we are 8 now",
        "agora somos 8",
    ] {
        let t = w.run(&after_group_hold(), text);
        let (code, to) = moved_group(&t).unwrap_or_else(|| panic!("{text}: {:?}", t.effects));
        assert_eq!(code, "RES261202002", "{text}");
        let cabins: Vec<i64> = to.iter().map(|b| b.accommodation_id).collect();
        assert_eq!(cabins, vec![2, 3], "{text}");
        assert_eq!(to.iter().map(|b| b.guests).sum::<u16>(), 8, "{text}");
        assert!(to.iter().all(|b| b.check_in == d("2026-12-15")), "{text}");
    }
}

#[test]
fn a_group_corrected_to_other_dates_moves_every_cabin() {
    let w = group_hold();
    for text in [
        "perdón, me equivoqué, es del 16 al 18",
        "mejor del 16 al 18 de diciembre",
        "sorry, it's December 16 to 18",
    ] {
        let t = w.run(&after_group_hold(), text);
        let (_, to) = moved_group(&t).unwrap_or_else(|| panic!("{text}: {:?}", t.effects));
        assert_eq!(to.len(), 2, "{text}");
        assert!(
            to.iter()
                .all(|b| b.check_in == d("2026-12-16") && b.check_out == d("2026-12-18")),
            "{text}: {to:?}"
        );
        assert_eq!(to.iter().map(|b| b.guests).sum::<u16>(), 9, "{text}");
    }
}

#[test]
fn a_group_small_enough_for_one_cabin_moves_to_that_cabin_alone() {
    let t = group_hold().run(&after_group_hold(), "al final somos 5");
    assert!(moved_group(&t).is_none(), "{:?}", t.effects);
    let to = moved_to(&t).unwrap_or_else(|| panic!("{:?}", t.effects));
    assert_eq!((to.accommodation_id, to.guests), (3, 5));
    assert!(said(&t).contains("GRP261202001"), "{}", said(&t));
}

#[test]
fn a_group_whose_new_dates_are_taken_keeps_its_holds_and_hears_what_is_free() {
    let mut w = group_hold();
    w.taken.push(taken(3, "2026-12-20", "2026-12-23"));
    let t = w.run(&after_group_hold(), "mejor del 20 al 22");
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveGroup { .. } | Effect::MoveHold { .. })),
        "{:?}",
        t.effects
    );
    assert!(said(&t).contains("GRP261202001"), "{}", said(&t));
}

#[test]
fn cancelling_a_group_names_the_group_code() {
    let t = group_hold().run(&after_group_hold(), "mejor cancelala");
    assert!(said(&t).contains("GRP261202001"), "{}", said(&t));
    assert!(
        t.effects
            .iter()
            .any(|e| matches!(e, Effect::ReleaseHold { code } if code == "RES261202002")),
        "{:?}",
        t.effects
    );
}

#[test]
fn what_a_guest_asks_about_the_hold_they_have_is_answered_about_it() {
    let w = coihue_hold(false);
    for (text, words) in [
        (
            "hasta cuando tengo para pagar?",
            &["18:00", "https://pago.example/RES261215007"][..],
        ),
        ("cuanto tiempo tengo para pagar la seña?", &["18:00"][..]),
        (
            "how long do I have to pay?",
            &["18:00", "pay the deposit"][..],
        ),
        (
            "sigue en pie la reserva?",
            &["sigue en pie", "Cabaña Coihue", "18:00"][..],
        ),
        ("quedo reservada?", &["sigue en pie"][..]),
        (
            "no me llego el link",
            &["https://pago.example/RES261215007"][..],
        ),
        (
            "el link no anda",
            &["https://pago.example/RES261215007"][..],
        ),
        (
            "não recebi o link",
            &["https://pago.example/RES261215007", "sinal"][..],
        ),
        ("ya pague", &["Mercado Pago", "comprobante"][..]),
        ("listo, ya te transferí la seña", &["comprobante"][..]),
        ("I've paid", &["voucher"][..]),
    ] {
        let t = w.run(&after_hold(), text);
        let s = said(&t);
        for word in words {
            assert!(s.contains(word), "{text}: {s}");
        }
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: {:?}",
            t.effects
        );
    }
    // Paid: the voucher says it stands, with no deadline.
    let t = coihue_hold(true).run(&after_hold(), "sigue en pie la reserva?");
    assert!(
        said(&t).contains("RES261215007") && !said(&t).contains("18:00"),
        "{}",
        said(&t)
    );
}

#[test]
fn a_pet_said_after_holding_a_cabin_without_pets_keeps_it_and_offers_those_with() {
    // The Arrayán (id 1) takes no pets.
    let (w, state) = unpaid_hold_of(1, "Cabaña Arrayán");
    for text in [
        "uy me olvidé, vamos con el perro",
        "ah, llevamos a nuestra perrita",
        "oh, we're bringing our dog",
    ] {
        let t = w.run(&state, text);
        let s = said(&t);
        assert!(
            s.contains("Cabaña Arrayán") && s.contains("RES261215007"),
            "{text}: {s}"
        );
        assert!(
            s.contains("Cabaña Coihue") || s.contains("Coihue"),
            "{text}: {s}"
        );
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(offer.options.iter().all(|o| o.pets_allowed), "{text}: {s}");
        assert!(
            !t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::ReleaseHold { .. })),
            "{text}: the hold stays"
        );
    }
    // The held cabin takes pets: nothing to change.
    let t = coihue_hold(false).run(&after_hold(), "uy me olvidé, vamos con el perro");
    assert!(t.state.offer.is_none(), "{}", said(&t));
}

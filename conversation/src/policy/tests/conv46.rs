//! Turns a forty-sixth, blind set of conversations (the hard middle of a booking) and the
//! probing around it found wrong: companions said by who they are ("vamos con los 2 nenes",
//! "we're bringing our 2 kids") were not understood, and a member dropping out ("one of us
//! can't make it") cancelled the whole hold; "¿podemos sacarle una noche?" left one night;
//! "en vez de la Coihue, la Lenga" and "the Lenga instead of the Coihue" offered the cabin
//! given up; "mejor la Lenga, la de la pileta" was answered as a question; "dale, esas fechas"
//! after the nearest free dates were proposed took the other cabin offered instead; the
//! balance and the address asked together after paying got only the balance.

use super::*;

/// Where a turn moved the hold: cabin, dates and party.
fn moved(t: &Turn) -> Option<(i64, NaiveDate, NaiveDate, u16)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => {
            Some((to.accommodation_id, to.check_in, to.check_out, to.guests))
        }
        _ => None,
    })
}

#[test]
fn companions_who_come_along_grow_the_held_party() {
    let world = coihue_hold(false);
    for text in [
        "vienen tambien mis dos hijas",
        "ah me olvide, vamos con los 2 nenes",
        "sorry, forgot to mention we're bringing our 2 kids",
        "esqueci de falar, vamos com nossos 2 filhos",
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(moved(&t).map(|m| m.3), Some(4), "{text}: {}", said(&t));
    }
}

#[test]
fn a_member_who_drops_out_shrinks_the_held_party_and_cancels_nothing() {
    let world = lenga_hold(4);
    let mut state = after_hold();
    state.guests = Some(4);
    if let Some(b) = state.booked.as_mut() {
        b.accommodation = "Cabaña Lenga".into();
        b.guests = 4;
    }
    for (text, guests) in [
        ("uno de nosotros no va a poder ir", 3),
        ("mi cuñado al final no puede venir", 3),
        ("one of us can't make it, so it's 3 now", 3),
        ("my sister is not coming anymore", 3),
        ("um de nós não vai poder ir", 3),
        ("se nos bajó una pareja", 2),
    ] {
        let t = world.run(&state, text);
        assert!(!released(&t), "{text}: {}", said(&t));
        assert_eq!(moved(&t).map(|m| m.3), Some(guests), "{text}: {}", said(&t));
    }
}

#[test]
fn a_night_taken_or_added_with_the_verb_and_its_pronoun_moves_the_check_out() {
    let world = coihue_hold(false);
    for (text, out) in [
        ("podemos sacarle una noche?", "2026-12-16"),
        ("can we drop a night?", "2026-12-16"),
        ("podemos agregarle una noche?", "2026-12-18"),
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(
            moved(&t).map(|m| (m.1, m.2)),
            Some((d("2026-12-15"), d(out))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_cabin_named_instead_of_the_held_one_moves_the_hold_to_it() {
    let world = coihue_hold(false);
    for text in [
        "en vez de la coihue, la lenga",
        "podria ser la lenga en lugar de la coihue?",
        "could we have the Lenga instead of the Coihue?",
        "em vez da Coihue, pode ser a Lenga?",
        "che y si mejor la lenga? la de la pileta",
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(moved(&t).map(|m| m.0), Some(3), "{text}: {}", said(&t));
    }
}

#[test]
fn those_dates_after_the_nearest_free_ones_were_proposed_move_the_hold_to_them() {
    let mut world = coihue_hold(false);
    world.taken.push(taken(2, "2026-12-22", "2026-12-24"));
    let refused = world.run(&after_hold(), "perdon, me equivoque, era del 22 al 24");
    assert!(moved(&refused).is_none(), "{}", said(&refused));
    let (i, o) = refused
        .state
        .free_instead
        .expect("the nearest free dates proposed");
    assert!(said(&refused).contains(&texts::day(Language::Es, i)));
    for text in [
        "dale, esas fechas",
        "bueno dale, pasala a esas",
        "ok, let's do those dates then",
        "pode ser, muda pra essas datas",
    ] {
        let t = world.run(&refused.state, text);
        assert_eq!(
            moved(&t).map(|m| (m.0, m.1, m.2)),
            Some((2, i, o)),
            "{text}: {}",
            said(&t)
        );
    }
    // Another cabin asked for on the dates asked is no yes to the ones proposed.
    let t = world.run(&refused.state, "y otra cabaña para esas fechas?");
    assert_ne!(moved(&t).map(|m| (m.1, m.2)), Some((i, o)), "{}", said(&t));
}

#[test]
fn the_balance_and_the_address_asked_together_after_paying_get_the_voucher() {
    let world = coihue_hold(true);
    for text in [
        "cuanto es el saldo? y la direccion?",
        "qual é o saldo restante? e o endereço?",
        "how much do we still owe, and what's the address?",
    ] {
        let t = world.run(&after_hold(), text);
        assert!(said(&t).contains("Ruta 40"), "{text}: {}", said(&t));
    }
}

#[test]
fn one_cabin_of_a_group_cancelled_by_name_with_the_other_named_keeps_the_other() {
    let world = coihue_and_lenga_group(
        "GRP261215001",
        "RES261215002",
        [("RES261215001", 4), ("RES261215002", 6)],
        false,
    );
    let t = world.run(
        &after_hold(),
        "cancela la coihue nomas, nos arreglamos en la lenga, somos 6",
    );
    assert!(!released(&t), "{}", said(&t));
    assert_eq!(moved(&t).map(|m| (m.0, m.3)), Some((3, 6)), "{}", said(&t));
}

#[test]
fn a_wrong_month_denied_in_an_offer_moves_the_stay_to_the_month_said() {
    let t = talk(&[
        "hola, para 4 del 6 al 9 de abril tienen?",
        "uh perdon, no es abril, es mayo",
    ]);
    assert_eq!(
        (t.state.check_in, t.state.check_out),
        (Some(d("2027-05-06")), Some(d("2027-05-09"))),
        "{}",
        said(&t)
    );
}

#[test]
fn one_more_asked_for_or_joining_grows_the_held_party() {
    let world = coihue_hold(false);
    for text in [
        "y se puede sumar uno mas?",
        "turns out my parents are joining us",
    ] {
        let t = world.run(&after_hold(), text);
        assert!(moved(&t).is_some_and(|m| m.3 > 2), "{text}: {}", said(&t));
    }
}

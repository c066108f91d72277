//! What the hand probes of stop 35 found: a guest who says they paid with nothing held in the
//! conversation (booked by phone, from another number, paid by transfer) was greeted as if new;
//! now a person is asked to check the payment and the guest is told so, with the code asked.

use super::*;

#[test]
fn paid_with_nothing_held_here_goes_to_a_person() {
    for (text, words) in [
        (
            "hola, pagué la seña recién",
            "No encuentro una reserva tuya",
        ),
        (
            "ya transferí la seña, te mando el comprobante",
            "alguien del equipo",
        ),
        (
            "hi, I just paid the deposit",
            "I can't find a booking of yours",
        ),
        (
            "oi, já fiz o pagamento do sinal",
            "Não encontro uma reserva sua",
        ),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains(words), "{text}: {s}");
        assert!(s.contains("RES"), "{text}: {s}");
        assert!(t.state.needs_human, "{text}: {s}");
        assert!(booked(&t).is_none(), "{text}: {s}");
    }
    // With a hold, the payment is waited for as before: no person asked.
    let t = coihue_hold(false).talk(&["ya pagué"]);
    assert!(!said(&t).contains("No encuentro"), "{}", said(&t));
}

/// With a hold of the Coihue, "¿alguna tiene pileta?" is answered "the one held has none, the
/// Lenga has"; "esa entonces", "ok that one then", "então essa", "dale, cambiame a esa" next move the hold
/// to the one that has it. Asked of something the held cabin has, "esa" stays the one held.
#[test]
fn that_one_after_a_no_for_the_hold_is_the_cabin_that_has_it() {
    let w = coihue_hold(false);
    for (question, then) in [
        ("alguna tiene pileta?", "esa entonces"),
        ("alguna tiene pileta?", "dale, cambiame a esa"),
        ("does any of them have a pool?", "ok that one then"),
        ("does any of them have a pool?", "switch me to that one"),
        ("alguma tem piscina?", "então essa"),
    ] {
        let asked = w.run(&ConversationState::default(), question);
        assert!(
            said(&asked).contains("Cabaña Lenga"),
            "{question}: {}",
            said(&asked)
        );
        let t = w.run(&asked.state, then);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { to, .. } if to.accommodation_id == 3)),
            "{then}: {}",
            said(&t)
        );
    }
    let asked = w.run(&ConversationState::default(), "tiene parrilla?");
    let t = w.run(&asked.state, "dale esa");
    assert!(!moved(&t), "{}", said(&t));
}

/// "¿Tiene pileta?" of the option proposed (the Arrayán), which has none, while the Lenga alone
/// of those offered has one: no for the Arrayán, the Lenga offered, and a yes books the Lenga;
/// a yes said "anyway" ("igual está bien", "ok anyway", "mesmo assim") takes the Arrayán.
/// "Esa", "essa", "that one" asked about is the one proposed.
#[test]
fn a_no_for_the_option_proposed_offers_the_one_that_has_it() {
    for (stay, question, yes, wanted) in [
        ("del 15 al 17 de enero para 2", "tiene pileta?", "dale", 3),
        (
            "del 15 al 17 de enero para 2",
            "tiene pileta?",
            "bueno, igual está bien, dale reservala",
            1,
        ),
        (
            "January 15 to 17 for 2",
            "does it have a pool?",
            "sounds good, book it",
            3,
        ),
        (
            "January 15 to 17 for 2",
            "does it have a pool?",
            "ok anyway, book it",
            1,
        ),
        (
            "de 15 a 17 de janeiro para 2",
            "essa tem piscina?",
            "mesmo assim, pode reservar",
            1,
        ),
        (
            "de 15 a 17 de janeiro para 2",
            "ela tem piscina?",
            "fechado, pode reservar",
            3,
        ),
        (
            "del 15 al 17 de enero para 2",
            "esa tiene pileta?",
            "de una",
            3,
        ),
        (
            "January 15 to 17 for 2",
            "does that one have a pool?",
            "yes",
            3,
        ),
    ] {
        let asked = talk(&[stay, question]);
        let s = said(&asked);
        assert!(s.contains("Cabaña Lenga"), "{question}: {s}");
        let t = World::default().run(&asked.state, yes);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(wanted),
            "{yes}: {}",
            said(&t)
        );
    }
}

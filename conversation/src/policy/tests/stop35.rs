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
    assert!(
        !t.effects
            .iter()
            .any(|e| matches!(e, Effect::MoveHold { .. })),
        "{}",
        said(&t)
    );
}

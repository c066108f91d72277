//! Turns a thirty-eighth, blind set of conversations (a generalist Argentine sample, half
//! WhatsApp and half email) found wrong: a paid guest who "tiene que suspender el viaje" and
//! asks how to cancel and whether the deposit comes back got the policy and no cancellation
//! request; "¿tiene jacuzzi?" with several cabins on the table was answered about the one that
//! has it, not the one proposed. Besides, found while fixing: "cancelar el saldo" (paying the
//! balance off, as Argentines say) asked by a paid guest became a cancellation request.

use super::*;

fn requested(t: &Turn) -> bool {
    t.effects
        .iter()
        .any(|e| matches!(e, Effect::RequestCancellation { .. }))
}

#[test]
fn a_paid_stay_that_has_to_be_called_off_is_a_cancellation_request() {
    for text in [
        "Buenas tardes,\nPor un tema de salud de mi mamá tenemos que suspender el viaje. ¿Cómo hago para cancelar? ¿Me devuelven la seña?\nSaludos,\nLaura",
        "vamos a tener que suspender el viaje, me devuelven la seña?",
        "necesito suspender la reserva, que pasa con la seña?",
        "tuvimos que suspender el viaje, devuelven la plata?",
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(requested(&t), "{text}: {}", said(&t));
    }
    // Supposed, not said: the policy, and the stay stays.
    let t = coihue_hold(true).run(
        &after_hold(),
        "si tenemos que suspender el viaje, me devuelven la seña?",
    );
    assert!(!requested(&t), "{}", said(&t));
}

#[test]
fn a_balance_cancelled_is_a_question_about_paying_it() {
    for text in [
        "hay que cancelar el saldo en efectivo?",
        "el saldo se cancela al llegar o antes?",
        "como cancelo el saldo?",
        "el resto lo cancelamos en efectivo al llegar o hay que transferir antes?",
        "lo que falta lo cancelamos por transferencia?",
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(!requested(&t), "{text}: {}", said(&t));
        assert!(!released(&t), "{text}: {}", said(&t));
        let out = said(&t).to_lowercase();
        assert!(
            out.contains("pagar") || out.contains("saldo"),
            "{text}: {out}"
        );
    }
}

#[test]
fn a_yes_no_question_with_several_on_the_table_is_about_the_one_proposed() {
    // The Arrayán (WiFi only) is proposed; the Coihue and the Lenga have a grill.
    for text in ["tiene parrilla?", "y tiene parrilla?", "che tiene parrilla"] {
        let t = talk(&[ASK_FOR_TWO, text]);
        let out = said(&t);
        assert!(out.starts_with("No"), "{text}: {out}");
        assert!(out.contains("Arrayán"), "{text}: {out}");
        assert!(
            out.contains("Coihue") || out.contains("Lenga"),
            "{text}: {out}"
        );
        // A yes still books the one proposed.
        let t = World::default().run(&t.state, "bueno igual esta bien, dale");
        assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(1), "{text}");
    }
    let out = said(&talk(&[ASK_FOR_TWO, "tiene wifi?"]));
    assert!(out.starts_with("¡Sí") && out.contains("Arrayán"), "{out}");
    // Of the place, or of any: the one that has it.
    for text in [
        "alguna tiene pileta?",
        "tienen pileta?",
        "cual tiene pileta?",
    ] {
        let out = said(&talk(&[ASK_FOR_TWO, text]));
        assert!(!out.starts_with("No"), "{text}: {out}");
        assert!(out.contains("Lenga"), "{text}: {out}");
    }
}

#[test]
fn nights_given_up_for_others_change_the_stay_before_and_after_a_hold() {
    // Before: the offer is recomputed for the new nights, for as many people.
    let t = talk(&[ASK_FOR_TWO, "y si en vez de 2 noches son 3?"]);
    assert_eq!(t.state.check_out, Some(d("2026-12-18")), "{}", said(&t));
    assert_eq!(t.state.guests, Some(2), "{}", said(&t));
    // After: the hold is moved to the new nights.
    for text in [
        "en vez de 2 noches que sean 3",
        "perdon, en lugar de 2 noches nos quedamos 3",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let moved = t.effects.iter().any(|e| {
            matches!(e, Effect::MoveHold { to, .. } if to.check_out == d("2026-12-18") && to.guests == 2)
        });
        assert!(moved, "{text}: {:?}", t.effects);
    }
}

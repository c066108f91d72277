//! Turns a twenty-fifth, blind set of conversations (what guests do after a hold and after
//! paying) found wrong: how and how much of the balance is left ("¿y el resto cómo lo
//! pago?"); the voucher asked again with another question; whether the hold stands and until
//! when in other words ("si no pago hoy, ¿se cae?", "still on hold? until when?", "ainda está
//! de pé? até quando?"); a second stay after the first (paid or not: "queremos volver en
//! julio", "outra reserva", another cabin on the same dates); the hold kept as it was after a
//! move to taken dates ("dejá la que tenía"); a move said with a verb ("pasala del 9 al 11");
//! no cabin the pet cannot stay in offered instead of a hold with a pet.

use super::*;

#[test]
fn the_balance_asked_after_a_hold_says_how_much_and_when() {
    // The Coihue, 2 nights at $ 90.000: $ 180.000, deposit $ 54.000, balance $ 126.000.
    for text in [
        "¿y el resto cómo lo pago?",
        "cuánto me falta pagar?",
        "el saldo lo pago al llegar?",
        "how do I pay the rest?",
        "what's left to pay?",
        "quanto falta pagar e como pago o resto?",
        "o saldo eu pago como?",
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("126.000"), "{text}: {out}");
        assert!(!out.contains("no te entendí"), "{text}: {out}");
        // Unpaid: the deposit first, through its link, and the rest on arrival.
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("126.000"), "{text}: {out}");
        assert!(out.contains("https://pago.example"), "{text}: {out}");
    }
    // "El resto de las cabañas" is no balance.
    for text in [
        "¿y el resto de las cabañas cuánto salen?",
        "como es el resto del lugar?",
    ] {
        assert!(!understand(text, today(), NAMES).asks_balance, "{text}");
    }
}

#[test]
fn the_voucher_asked_with_another_question_is_sent_and_the_question_answered() {
    for (text, also) in [
        (
            "Could you send me the booking details again? And what time is check-in?",
            "14:00",
        ),
        ("me reenviás el comprobante? y tienen wifi?", "wifi"),
        ("me manda o comprovante de novo? tem wifi?", "wi-fi"),
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("RES261215007"), "{text}: {out}");
        assert!(out.contains("Coihue"), "{text}: {out}");
        assert!(out.to_lowercase().contains(also), "{text}: {out}");
    }
}

#[test]
fn whether_the_hold_stands_and_until_when_in_other_words() {
    for text in [
        "si no pago hoy, ¿se cae la reserva?",
        "y si no llego a pagar hoy la pierdo?",
        "Is my booking still on hold? Until when?",
        "what if I don't pay today?",
        "a reserva ainda está de pé? até quando?",
        "se eu não pagar hoje, perco a reserva?",
        "¿sigue guardada la reserva?",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("18:00"), "{text}: {out}");
        assert!(out.contains("Coihue"), "{text}: {out}");
    }
    // A question about the place is no question about the hold.
    for text in ["¿todavía está libre la Lenga?", "se cae la señal del wifi?"] {
        assert_eq!(understand(text, today(), NAMES).about_hold, None, "{text}");
    }
}

#[test]
fn a_second_stay_after_a_paid_one_is_another_booking_not_a_change() {
    for text in [
        "¡genial! y queremos volver en enero, del 12 al 15, los dos",
        "We'd love to come back in January too, Jan 12 to 15, 2 people",
        "e quero fazer outra reserva em janeiro, de 12 a 15, pra 2",
        "queremos otra estadía del 12 al 15 de enero para 2",
    ] {
        let t = coihue_hold(true).run(&after_hold(), text);
        assert!(!t.state.needs_human, "{text}: {}", said(&t));
        assert!(!moved(&t), "{text}: {}", said(&t));
        let out = said(&t);
        assert!(
            out.contains("12/01/2027") || out.contains("Jan 12, 2027") || booked(&t).is_some(),
            "{text}: {out}"
        );
    }
    // A change of a paid stay still goes to a person.
    let t = coihue_hold(true).run(&after_hold(), "perdón, me equivoqué, es del 16 al 18");
    assert!(t.state.needs_human, "{}", said(&t));
}

#[test]
fn another_cabin_on_the_same_dates_besides_the_hold_is_booked() {
    for text in [
        "y además quiero otra reserva para mis viejos: la Arrayán del 15 al 17 de diciembre, son 2",
        "also book the Arrayán for my parents, December 15 to 17, 2 people",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let b = booked(&t);
        assert_eq!(
            b.map(|b| b.accommodation_id),
            Some(1),
            "{text}: {}",
            said(&t)
        );
        assert!(!moved(&t), "{text}: {}", said(&t));
    }
}

#[test]
fn the_hold_kept_as_it_was_after_a_move_to_taken_dates() {
    let world = World {
        taken: vec![
            taken(2, "2026-12-15", "2026-12-17"),
            taken(2, "2026-12-20", "2026-12-22"),
            taken(3, "2026-12-20", "2026-12-22"),
            taken(1, "2026-12-20", "2026-12-22"),
        ],
        ..coihue_hold(false)
    };
    let t = world.run(&after_hold(), "uy no, me equivoqué, era del 20 al 22");
    assert!(!moved(&t), "{}", said(&t));
    for text in [
        "bueno, dejá la que tenía entonces",
        "ok, seguimos con la anterior",
        "ah bueno, no la cambies",
        "ok keep what I had",
        "fine, keep the booking as is",
        "então fica a que eu tinha",
    ] {
        let k = world.run(&t.state, text);
        let out = said(&k);
        assert!(out.contains("Coihue"), "{text}: {out}");
        assert!(!moved(&k), "{text}: {out}");
        assert!(k.state.offer.is_none(), "{text}: {out}");
    }
}

#[test]
fn a_move_said_with_a_verb_moves_the_hold() {
    for text in [
        "pasala del 20 al 22 de diciembre porfa, y mandame el link para pagar",
        "movela al 20 al 22 de diciembre",
        "can you move the booking to December 20 to 22?",
        "muda para 20 a 22 de dezembro",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        assert!(moved(&t), "{text}: {}", said(&t));
    }
}

#[test]
fn no_cabin_without_pets_is_offered_instead_of_a_hold_with_a_pet() {
    // The Coihue held with a dog; on the new dates the Coihue and the Lenga (the cabins that
    // take pets) are taken, the Arrayán is free but takes none.
    let world = World {
        taken: vec![
            taken(2, "2026-12-15", "2026-12-17"),
            taken(2, "2026-12-20", "2026-12-22"),
            taken(3, "2026-12-20", "2026-12-22"),
        ],
        ..coihue_hold(false)
    };
    let state = ConversationState {
        pets: true,
        ..after_hold()
    };
    let t = world.run(&state, "perdón, es del 20 al 22 de diciembre");
    let out = said(&t);
    assert!(!moved(&t), "{out}");
    assert!(!out.contains("Arrayán"), "{out}");
    assert!(t.state.offer.is_none(), "{out}");
}

//! Turns a twenty-sixth, blind set of conversations (a second generalist sample in English and
//! Brazilian Portuguese, longer conversations) found wrong: the voucher asked again with a
//! thanks; "fecha a Coihue" (Portuguese "book it"); the total or the daily rate asked after a
//! hold or an offer; a pick said with a price question; which dates an offer is for; a cabin
//! cancelled for another one ("cancel the Coihue and book the Lenga instead"); the hold's code
//! said again with "it's already on hold"; the cabin named when a hold is released; the night's
//! price of a cabin held straight away when asked.

use super::*;

/// The Coihue for 2, 15–17 Dec, offered with the Arrayán and the Lenga.
fn offered_for_two(lang: &str) -> ConversationState {
    let ask = match lang {
        "en" => "do you have anything for 2 from December 15 to 17?",
        "pt" => "tem vaga pra 2 de 15 a 17 de dezembro?",
        _ => ASK_FOR_TWO,
    };
    let t = run(&ConversationState::default(), ask);
    assert!(t.state.offer.is_some(), "{ask}: {}", said(&t));
    t.state
}

#[test]
fn the_voucher_asked_again_with_thanks_is_sent() {
    let world = coihue_hold(true);
    for text in [
        "thanks! could you send me the voucher again? I lost it",
        "Thank you for the confirmation. Could you resend the voucher with the reservation code?",
        "obrigado!! me manda o voucher de novo pfv",
        "Recebi a confirmação, obrigada. Poderiam me enviar o comprovante novamente?",
        "gracias! ¿me pasás el comprobante de nuevo?",
    ] {
        let t = world.run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("RES261215007"), "{text}: {out}");
        assert!(out.contains("Coihue"), "{text}: {out}");
    }
}

#[test]
fn fecha_books_in_portuguese() {
    let offered = offered_for_two("pt");
    for (text, id) in [
        ("blz, fecha a coihue entao", 2),
        ("fecha a Lenga pra gente", 3),
        ("pode fechar a coihue", 2),
        ("blz, fecha", 1),
    ] {
        let b = booked(&run(&offered, text));
        assert_eq!(b.map(|b| b.accommodation_id), Some(id), "{text}");
    }
}

#[test]
fn the_total_asked_after_a_hold_is_answered_not_the_hold_again() {
    let world = coihue_hold(false);
    for text in [
        "cool, what's the total now?",
        "qual o total?",
        "¿cuál es el total?",
    ] {
        let t = world.run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("$"), "{text}: {out}");
        assert!(!out.contains("already"), "{text}: {out}");
        assert!(booked(&t).is_none(), "{text}");
    }
}

#[test]
fn a_pick_with_a_price_question_books_and_says_the_night() {
    // The Coihue is $ 90.000 a night in these tables.
    for (lang, text) in [
        ("en", "ok the one that takes dogs then, how much per night?"),
        ("pt", "beleza, a que aceita cachorro então, qual a diária?"),
    ] {
        let t = run(&offered_for_two(lang), text);
        assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(2), "{text}");
        assert!(said(&t).contains("90.000"), "{text}: {}", said(&t));
    }
}

#[test]
fn which_dates_an_offer_is_for() {
    for (lang, text, date) in [
        ("en", "which dates would that be exactly?", "Dec 15"),
        ("pt", "quais datas seriam?", "15/12"),
        ("es", "¿qué fechas serían?", "15/12"),
    ] {
        let t = run(&offered_for_two(lang), text);
        let out = said(&t);
        assert!(out.contains(date), "{text}: {out}");
        assert!(booked(&t).is_none(), "{text}");
    }
}

#[test]
fn a_cabin_cancelled_for_another_moves_the_hold() {
    let world = coihue_hold(false);
    for text in [
        "hmm actually cancel the Coihue and book the Arrayán instead, same dates",
        "cancelá la Coihue y reservame la Arrayán",
        "cancela a Coihue e reserva a Arrayán no lugar",
    ] {
        let t = world.run(&after_hold(), text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some(to.accommodation_id),
            _ => None,
        });
        assert_eq!(moved, Some(1), "{text}: {}", said(&t));
    }
}

#[test]
fn already_on_hold_says_its_code() {
    let world = coihue_hold(false);
    for text in ["yes", "sim", "sí"] {
        let out = said(&world.run(&after_hold(), text));
        assert!(out.contains("RES261215007"), "{text}: {out}");
        // Nothing new was held: no "Código:" line.
        assert!(!out.contains("Código:"), "{text}: {out}");
    }
}

#[test]
fn a_released_hold_names_its_cabin() {
    let world = coihue_hold(false);
    for text in [
        "please cancel the booking",
        "cancela por favor",
        "cancelala",
    ] {
        let t = world.run(&after_hold(), text);
        assert!(
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::ReleaseHold { .. })),
            "{text}"
        );
        assert!(said(&t).contains("Coihue"), "{text}: {}", said(&t));
    }
}

#[test]
fn a_cabin_held_at_once_with_its_night_asked_says_the_night() {
    let t = talk(&[
        "How much is the Lenga per night, and do you allow dogs? If so we'd like it for 5 people from Dec 15 to 17",
    ]);
    assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(3));
    // The Lenga is $ 135.000 a night in these tables.
    assert!(said(&t).contains("135.000"), "{}", said(&t));
}

#[test]
fn a_portuguese_pet_question_is_answered_in_portuguese() {
    let out = said(&talk(&["a Arrayán aceita pet?"]));
    assert!(out.starts_with("Não"), "{out}");
}

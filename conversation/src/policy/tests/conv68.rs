//! Turns a sixty-eighth set of conversations (Brazilian guests as they write on WhatsApp) found
//! wrong: a cabin asked about and then wanted with a pronoun ("quero ela de 3 a 6", "fico com
//! ela", "quiero esa") was offered again with the others instead of held, and the deposit asked
//! with its words in another order ("quanto preciso pagar de sinal?", "¿y la seña cuánto es?")
//! got the price list without the deposit.

use super::*;

#[test]
fn a_cabin_asked_about_and_then_wanted_with_a_pronoun_is_held() {
    for (question, want) in [
        (
            "a Coihue tem churrasqueira?",
            "quero ela de 3 a 6 de fevereiro pra 3",
        ),
        (
            "a Coihue aceita cachorro?",
            "ótimo, fico com ela de 3 a 6 de fevereiro, somos 3",
        ),
        (
            "a Coihue tem wifi?",
            "blz, vou querer essa de 3 a 6 de fevereiro pra 3",
        ),
        (
            "la Coihue tiene parrilla?",
            "quiero esa, del 3 al 6 de febrero para 3",
        ),
    ] {
        let held = held_over(&[question, want]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(2), "{want}");
        assert_eq!(held.map(|b| b.guests), Some(3), "{want}");
    }
}

#[test]
fn the_deposit_asked_in_any_order_is_answered() {
    for (text, deposit) in [
        ("Oi, quanto preciso pagar de sinal pra reservar?", "30%"),
        ("qual o valor do sinal?", "30%"),
        ("y la seña cuanto es?", "30 %"),
        ("the deposit, how much is it?", "30"),
    ] {
        let t = talk(&[text]);
        assert!(said(&t).contains(deposit), "{text}: {}", said(&t));
    }
}

//! Ways of paying: a yes or a no to the way asked about from how the property takes the
//! balance, the deposit always through Mercado Pago, and what is left to pay once it is in.

use super::*;

fn takes(cash: bool, transfer: bool, card: bool) -> World {
    World {
        balance: BalanceMethods {
            cash,
            transfer,
            card,
        },
        ..World::default()
    }
}

fn with_hold(paid: bool, cash: bool, transfer: bool, card: bool) -> World {
    World {
        balance: BalanceMethods {
            cash,
            transfer,
            card,
        },
        ..coihue_hold(paid)
    }
}

#[test]
fn a_way_of_paying_is_answered_yes_or_no_from_what_the_property_takes() {
    let cash_and_transfer = takes(true, true, false);
    let cash_only = takes(true, false, false);
    for (world, text, first, words) in [
        (
            &cash_and_transfer,
            "¿aceptan tarjeta?",
            "¡Sí!",
            vec!["tarjeta", "Mercado Pago"],
        ),
        (
            &cash_and_transfer,
            "se puede pagar con transferencia?",
            "¡Sí!",
            vec!["transferencia"],
        ),
        (
            &cash_and_transfer,
            "el resto se puede en efectivo?",
            "¡Sí!",
            vec!["efectivo"],
        ),
        (
            &cash_only,
            "se puede pagar con transferencia?",
            "Por transferencia no",
            vec!["al llegar, en efectivo"],
        ),
        (
            &cash_only,
            "do you accept bank transfer?",
            "Not by bank transfer",
            vec!["on arrival, in cash"],
        ),
        (&cash_only, "do you take cash?", "Yes!", vec!["in cash"]),
        (
            &cash_only,
            "vocês aceitam dinheiro?",
            "Sim!",
            vec!["em dinheiro"],
        ),
        (
            &cash_only,
            "aceitam cartão de crédito?",
            "Sim!",
            vec!["Mercado Pago"],
        ),
        (
            &cash_only,
            "puedo pagar con mercado pago?",
            "¡Sí!",
            vec!["Mercado Pago"],
        ),
    ] {
        let t = world.run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(s.starts_with(first), "{text}: {s}");
        for w in words {
            assert!(s.contains(w), "{text}: {w}: {s}");
        }
        assert!(booked(&t).is_none(), "{text}");
    }
}

#[test]
fn a_way_the_property_has_not_said_gets_no_yes_or_no_but_the_team() {
    let w = World::default();
    for text in ["se puede pagar con transferencia?", "aceptan efectivo?"] {
        let s = said(&w.run(&ConversationState::default(), text));
        assert!(
            !s.starts_with("¡Sí!") && !s.contains(" no, perdón"),
            "{text}: {s}"
        );
        assert!(
            s.contains("al llegar") && s.contains("equipo"),
            "{text}: {s}"
        );
    }
}

#[test]
fn the_deposit_is_only_paid_through_mercado_pago() {
    let w = with_hold(false, true, true, false);
    for text in [
        "la seña la puedo pagar por transferencia?",
        "can I pay the deposit in cash?",
        "o sinal pode ser em dinheiro?",
    ] {
        let t = w.run(&after_hold(), text);
        let s = said(&t);
        assert!(
            !s.starts_with("¡Sí!") && !s.starts_with("Yes") && !s.starts_with("Sim"),
            "{text}: {s}"
        );
        assert!(
            s.contains("Mercado Pago") && s.contains("https://pago.example"),
            "{text}: {s}"
        );
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: {s}"
        );
    }
}

#[test]
fn once_paid_the_balance_and_how_it_is_paid() {
    let w = with_hold(true, false, true, false);
    for (text, words) in [
        (
            "y el resto cuando lo pago?",
            vec!["Coihue", "al llegar, por transferencia"],
        ),
        (
            "el saldo lo puedo pagar en efectivo?",
            vec!["En efectivo no", "por transferencia"],
        ),
        (
            "el saldo se puede transferir?",
            vec!["¡Sí!", "transferencia"],
        ),
        (
            "how do I pay the balance?",
            vec!["on arrival, by bank transfer"],
        ),
        (
            "como eu pago o restante?",
            vec!["na chegada, por transferência"],
        ),
    ] {
        let t = w.run(&after_hold(), text);
        let s = said(&t);
        for word in words {
            assert!(s.contains(word), "{text}: {word}: {s}");
        }
        assert!(
            !s.contains("https://pago.example"),
            "{text}: no deposit left: {s}"
        );
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: {s}"
        );
    }
}

//! What the blind set conv78 (paying and after it) found: the balance's amount was left out
//! when a guest with a hold asked what is left to pay together with a way to pay it ("how much
//! is left on arrival? can we pay it by card?"), and "how do I get there" said with
//! "hacer"/"fazer" ("como faço pra chegar aí?", "¿cómo hago para llegar?") or as "how do we
//! get to the cabins?" was not understood.

use super::*;

/// An unpaid hold of the Coihue (180.000 in all, a 54.000 deposit) whose balance the property
/// takes in cash or by card.
fn coihue_hold_cash_or_card() -> World {
    let mut w = coihue_hold(false);
    w.balance = BalanceMethods {
        cash: true,
        transfer: false,
        card: true,
    };
    w
}

#[test]
fn the_balance_asked_with_a_way_to_pay_it_says_its_amount() {
    let w = coihue_hold_cash_or_card();
    for (text, way) in [
        (
            "How much is the deposit and what is left to pay on arrival? Can we pay the balance by card?",
            "card",
        ),
        (
            "what's left to pay when we arrive? can we pay it by card?",
            "card",
        ),
        (
            "cuánto me queda por pagar cuando llegue? lo puedo pagar en efectivo?",
            "efectivo",
        ),
        ("y el saldo cuánto es? se puede con tarjeta?", "tarjeta"),
        (
            "quanto fica o saldo na chegada? posso pagar no cartão?",
            "cartão",
        ),
    ] {
        let t = w.run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("126.000"), "{text}: {out}");
        assert!(out.to_lowercase().contains(way), "{text}: {out}");
        assert!(out.contains("54.000"), "{text}: {out}");
        assert!(booked(&t).is_none() && !released(&t), "{text}: {out}");
    }
    // A way to pay asked alone is answered with the deposit to pay, not the balance.
    for text in ["se puede pagar con tarjeta?", "can I pay by card?"] {
        let out = said(&w.run(&after_hold(), text));
        assert!(out.contains("54.000"), "{text}: {out}");
        assert!(!out.contains("126.000"), "{text}: {out}");
    }
}

#[test]
fn how_to_get_there_said_with_make_or_as_directions_gets_the_address() {
    let w = coihue_hold(true);
    for text in [
        "como faço pra chegar aí?",
        "como fazemos para chegar na cabana?",
        "¿cómo hago para llegar?",
        "cómo hacemos para llegar desde Bariloche?",
        "how do we get to the cabins?",
        "how to get there from the airport?",
        "could you send us directions?",
        "what's the best way to get to you from the airport?",
        "qual a melhor forma de chegar até vocês?",
    ] {
        let t = w.run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("Ruta 40"), "{text}: {out}");
        assert!(booked(&t).is_none() && !released(&t), "{text}: {out}");
    }
}

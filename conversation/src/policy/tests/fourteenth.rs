//! The fourteenth set's long conversations: how to pay once a hold waits for its deposit,
//! "ya pagué" naming the hold, "¿qué tienen?" after the dates.

use super::*;

#[test]
fn how_to_pay_with_a_hold_answers_how_and_gives_the_holds_own_link() {
    let w = coihue_hold(false);
    for (text, words) in [
        (
            "y como pago la seña?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
        (
            "como se paga?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
        (
            "se puede pagar con transferencia?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
        (
            "aceptan tarjeta?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
        (
            "how do I pay the deposit?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
        (
            "can I pay by card?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
        (
            "como eu pago o sinal?",
            ["Mercado Pago", "Coihue", "https://pago.example"],
        ),
    ] {
        let t = w.run(&after_hold(), text);
        let s = said(&t);
        for word in words {
            assert!(s.contains(word), "{text}: {s}");
        }
        // Nothing held again or moved.
        assert!(
            t.effects.iter().all(|e| matches!(e, Effect::Say(_))),
            "{text}: {s}"
        );
    }
    // Paid: no deposit left to pay; not this answer.
    let s = said(&coihue_hold(true).run(&after_hold(), "y como pago la seña?"));
    assert!(!s.contains("https://pago.example"), "{s}");
}

#[test]
fn i_paid_before_the_payment_arrives_names_the_hold() {
    let w = coihue_hold(false);
    for (text, words) in [
        ("ya pague", ["RES261215007", "Coihue", "Mercado Pago"]),
        (
            "listo, ya transferi la seña",
            ["RES261215007", "Coihue", "Mercado Pago"],
        ),
        ("I already paid", ["RES261215007", "Coihue", "Mercado Pago"]),
        ("já paguei", ["RES261215007", "Coihue", "Mercado Pago"]),
    ] {
        let s = said(&w.run(&after_hold(), text));
        for word in words {
            assert!(s.contains(word), "{text}: {s}");
        }
    }
}

#[test]
fn what_do_you_have_after_the_dates_asks_for_the_people_not_for_staff() {
    for (first, then, word) in [
        ("para el 14 al 17 de diciembre", "que tienen?", "personas"),
        ("del 14 al 17 de diciembre", "que opciones hay?", "personas"),
        ("del 14 al 17 de diciembre", "y que me ofrecen", "personas"),
        ("from December 14 to 17", "what do you have?", "people"),
        ("de 14 a 17 de dezembro", "o que vocês têm?", "pessoas"),
    ] {
        let t = talk(&[first, then]);
        let s = said(&t);
        assert!(s.contains(word), "{then}: {s}");
        assert!(
            !s.contains("equipo") && !s.contains("team") && !s.contains("equipe"),
            "{then}: {s}"
        );
    }
    // With the people said, the cabins for the stay.
    let s = said(&talk(&[
        "somos 2, del 14 al 17 de diciembre",
        "que tienen?",
    ]));
    assert!(s.contains("Arrayán"), "{s}");
}

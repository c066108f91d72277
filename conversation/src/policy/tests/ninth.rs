//! Turns a ninth, blind set of conversations (offers and what guests do with them) found wrong:
//! a move after a hold to a cabin pointed at by what it has.

use super::*;

#[test]
fn a_move_after_a_hold_to_the_cabin_that_has_it_moves_the_hold() {
    let w = coihue_hold(false);
    for text in [
        "che mejor la de la pileta",
        "mejor pasame a la de la pileta",
        "cambiame a la que tiene pileta climatizada",
        "mejor la que acepta perros",
    ] {
        let t = w.run(&after_hold(), text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { code, to } => Some((code.clone(), to.accommodation_id)),
            _ => None,
        });
        assert_eq!(
            moved,
            Some(("RES261215007".to_owned(), 3)),
            "{text}: {}",
            said(&t)
        );
    }
    // A question about it is answered; the hold stays.
    for text in ["¿la lenga tiene pileta?", "cual tiene pileta?"] {
        let t = w.run(&after_hold(), text);
        assert!(!moved(&t), "{text}: {}", said(&t));
    }
}

#[test]
fn a_bare_yes_with_nothing_on_the_table_asks_for_the_stay() {
    for (first, yes, asks) in [
        ("hola", "sí", "¿Para qué fechas"),
        ("hola", "dale", "¿Para qué fechas"),
        ("hi", "yes", "dates"),
        ("oi", "pode ser", "datas"),
    ] {
        let t = talk(&[first, yes]);
        assert!(booked(&t).is_none(), "{yes}");
        assert!(said(&t).contains(asks), "{first} / {yes}: {}", said(&t));
    }
}

#[test]
fn a_move_in_english_and_portuguese_or_to_the_snug_one_moves_the_hold() {
    // An Arrayán hold for 2: the Coihue (for 4) and the Lenga (for 6) take pets; the Coihue is
    // the one sized for the party.
    let w = World {
        held: Some(Held {
            code: "RES261215008".into(),
            accommodation_id: 1,
            accommodation: "Cabaña Arrayán".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
            paid: false,
            payment_link: Some("https://pago.example/RES261215008".into()),
            holds_until: Some(d("2026-11-23").and_hms_opt(18, 0, 0).expect("time")),
            group: None,
        }),
        ..World::default()
    };
    let state = ConversationState {
        booked: Some(Booked {
            accommodation: "Cabaña Arrayán".into(),
            check_in: d("2026-12-15"),
            check_out: d("2026-12-17"),
            guests: 2,
        }),
        ..after_hold()
    };
    for (text, to) in [
        ("can we switch to the pet friendly one?", 2),
        ("melhor o que aceita cachorro", 2),
        ("pasame a la que acepta mascotas", 2),
        ("actually the one with the pool instead", 3),
        ("pode trocar para o que tem piscina?", 3),
    ] {
        let t = w.run(&state, text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some(to.accommodation_id),
            _ => None,
        });
        assert_eq!(moved, Some(to), "{text}: {}", said(&t));
    }
}

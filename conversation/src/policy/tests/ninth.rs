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
        assert!(
            !t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { .. })),
            "{text}: {}",
            said(&t)
        );
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

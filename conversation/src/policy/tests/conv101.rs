//! What conv101's blind set (emails and long messages over every bullet) found: two cabins
//! compared by name in a message that also gives the stay and the party ("What's the
//! difference between the Ñire and the Coihue? We're 4 and we'd come June 14-17") got the
//! offer with its prices but not what sets the cabins apart.

use super::*;

#[test]
fn a_comparison_asked_with_the_stay_is_answered_after_the_offer() {
    for (text, apart, pool) in [
        (
            "Hello,\nWhat's the difference between the Lenga and the Coihue? We're 4 and we'd come June 14-17.\nLiam",
            "Here's the difference",
            "pool",
        ),
        (
            "Buenas, que diferencia hay entre la Lenga y la Coihue? somos 4, del 14 al 17 de junio",
            "Te cuento la diferencia",
            "pileta",
        ),
        (
            "Oi, qual a diferença entre a Lenga e a Coihue? Somos 4, de 14 a 17 de junho",
            "Te conto a diferença",
            "piscina",
        ),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains(apart), "{text}: {s}");
        assert!(s.to_lowercase().contains(pool), "{text}: {s}");
        assert!(
            s.contains("Cabaña Coihue") && s.contains("Cabaña Lenga"),
            "{text}: {s}"
        );
        assert!(booked(&t).is_none(), "{text}: {s}");
    }
}

#[test]
fn a_cabin_booked_with_the_stay_is_held_without_a_comparison() {
    let t = talk(&[
        "que diferencia hay con la Coihue? reservame la Lenga del 14 al 17 de junio para 4",
    ]);
    let s = said(&t);
    assert!(!s.contains("Te cuento la diferencia"), "{s}");
    assert!(booked(&t).is_some(), "{s}");
}

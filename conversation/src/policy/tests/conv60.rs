//! Turns a sixtieth set of conversations (availability when things are taken) found wrong:
//! two cabins named at once ("¿la Coihue o la Lenga?") with one or both taken were answered
//! with what was free and no word of the ones taken; a guest with a dog whose pet-friendly
//! cabins were all taken was offered one that takes no pets; "¿qué otras fechas tenés cerca?"
//! listed the cabins again instead of the dates; "la Coihue y la Arrayán juntas" after other
//! dates were offered booked the first of those; "la Coihue y la Arrayán, somos 2 parejas"
//! offered the one cabin that sleeps all four.

use super::*;

fn coihue_taken() -> World {
    World {
        taken: vec![taken(2, "2027-03-10", "2027-03-13")],
        ..World::default()
    }
}

#[test]
fn of_two_cabins_named_the_one_taken_is_said_taken() {
    for (text, taken_word) in [
        (
            "¿la Coihue o la Lenga están libres del 10 al 13 de marzo? somos 4",
            "ocupada",
        ),
        (
            "la coihue y la lenga tienen lugar del 10 al 13 de marzo pa 4?",
            "ocupada",
        ),
        (
            "is either the Coihue or the Lenga free March 10 to 13? we're 4",
            "taken",
        ),
        (
            "a Coihue ou a Lenga estão livres de 10 a 13 de março? somos 4",
            "ocupad",
        ),
    ] {
        let t = coihue_taken().talk(&[text]);
        let s = said(&t);
        assert!(
            s.contains("Coihue") && s.contains(taken_word),
            "{text}: {s}"
        );
        assert!(s.contains("Lenga"), "{text}: {s}");
        assert_eq!(booked(&t), None, "{text}");
    }
}

#[test]
fn both_cabins_named_taken_are_said_taken_together() {
    let world = World {
        taken: vec![
            taken(2, "2027-03-10", "2027-03-13"),
            taken(3, "2027-03-10", "2027-03-13"),
        ],
        ..World::default()
    };
    let s = said(&world.talk(&["¿la Coihue o la Lenga del 10 al 13 de marzo? somos 2"]));
    assert!(s.contains("ya están ocupadas"), "{s}");
    let s = said(&world.talk(&["either the Coihue or the Lenga, March 10 to 13, 2 of us?"]));
    assert!(s.contains("are already taken"), "{s}");
}

#[test]
fn a_pet_is_never_offered_a_cabin_that_takes_none() {
    let world = World {
        taken: vec![
            taken(2, "2027-03-10", "2027-03-13"),
            taken(3, "2027-03-10", "2027-03-13"),
        ],
        ..World::default()
    };
    for text in [
        "somos 2 con un perro, tienen del 10 al 13 de marzo?",
        "we're 2 with our dog, anything March 10 to 13?",
        "somos 2 com um cachorro, tem vaga de 10 a 13 de março?",
    ] {
        let t = world.talk(&[text]);
        let s = said(&t);
        assert!(!s.contains("Arrayán"), "{text}: {s}");
        // The nearest dates of the cabins that take the pet.
        assert!(s.contains("Coihue") || s.contains("Lenga"), "{text}: {s}");
        assert_eq!(booked(&t), None, "{text}");
    }
}

#[test]
fn other_dates_near_are_the_nearest_free_dates() {
    let world = World {
        taken: vec![taken(3, "2027-05-20", "2027-05-23")],
        ..World::default()
    };
    for ask in [
        "uh, y que otras fechas tenes cerca?",
        "any other dates close to those?",
    ] {
        let s = said(&world.talk(&["la lenga esta libre del 20 al 23 de mayo? somos 6", ask]));
        assert!(
            s.contains("23/05/2027") || s.contains("May 23"),
            "{ask}: {s}"
        );
        assert!(
            s.contains("26/05/2027") || s.contains("May 26"),
            "{ask}: {s}"
        );
    }
}

fn together_held(t: &Turn) -> Vec<(i64, u16)> {
    t.effects
        .iter()
        .find_map(|e| match e {
            Effect::BookTogether(all) => {
                Some(all.iter().map(|b| (b.accommodation_id, b.guests)).collect())
            }
            _ => None,
        })
        .unwrap_or_default()
}

#[test]
fn two_cabins_named_together_after_other_dates_are_held_together() {
    let world = World {
        taken: vec![taken(3, "2027-03-12", "2027-03-15")],
        ..World::default()
    };
    for pick in [
        "nos sirve la coihue y la arrayan juntas",
        "ok, book both the Coihue and the Arrayán",
    ] {
        let t = world.talk(&[
            "hola somos 6 adultos del 12 al 15 de marzo, hay lugar?",
            pick,
        ]);
        let mut held = together_held(&t);
        held.sort_unstable();
        assert_eq!(held, vec![(1, 2), (2, 4)], "{pick}: {}", said(&t));
    }
}

#[test]
fn two_couples_naming_two_cabins_get_one_each() {
    let t = talk(&[
        "queremos la Coihue y la Arrayán del 3 al 6 de junio, somos 2 parejas",
        "si dale las dos",
    ]);
    let mut held = together_held(&t);
    held.sort_unstable();
    assert_eq!(held, vec![(1, 2), (2, 2)], "{}", said(&t));
}

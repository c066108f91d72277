//! What probing by hand found (`cases_probes.txt` in the fleet's table): a cabin that takes no
//! pets asked to be booked in the message that asks whether it takes them ("¿la Arrayán acepta
//! perros? queremos reservar") was held although the answer was no.

use super::*;

#[test]
fn a_cabin_asked_to_be_booked_with_a_pet_it_refuses_is_not_held_and_a_yes_takes_one_that_does() {
    for (ask, yes) in [
        ("¿la arrayán acepta perros? queremos reservar", "dale"),
        ("does the Arrayán allow dogs? we'd like to book it", "yes"),
        ("a arrayán aceita cachorro? queremos reservar", "sim"),
    ] {
        let first = "somos 2 del 10 al 13 de marzo";
        let asked = talk(&[first, ask]);
        assert_eq!(booked(&asked), None, "{ask}: {}", said(&asked));
        assert!(said(&asked).contains("Coihue"), "{ask}: {}", said(&asked));
        let held = held_over(&[first, ask, yes]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(2), "{ask}");
    }
    // The pet left at home in the same message: the cabin asked for is held.
    let left = talk(&[
        "somos 2 del 10 al 13 de marzo",
        "¿aceptan mascotas? tenemos una gatita",
        "ah bueno la dejamos con mi vieja. reservame la arrayán entonces",
    ]);
    assert_eq!(
        booked(&left).map(|b| b.accommodation_id),
        Some(1),
        "{}",
        said(&left)
    );
}

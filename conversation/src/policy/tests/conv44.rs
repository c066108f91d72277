//! Turns a forty-fourth, blind set of conversations (a generalist Argentine sample, half
//! WhatsApp and half formal email) found wrong: "¿y estaría libre del 20 al 24?" of a cabin
//! named before, and "¿y del 14 al 16?" after a "no" about one, got only "¿para cuántas
//! personas?", no yes first; a pick by its price ("la de 70 lucas") was not understood; "les
//! escribo para reservar la Lenga del 8 al 12… ¿podrían confirmarme el total y la seña?" and
//! "ok, entonces la Lenga del 12 al 15, somos 4 con 2 perros" were only offered; "¿y cuánto
//! queda la seña ahora?" after a hold got "no lo tengo anotado"; "el perro se queda con mi
//! hermana, así que reservame la Ñire" held it for 2, the guest and the sister.

use super::*;

#[test]
fn whether_the_cabin_named_before_is_free_is_a_yes_or_a_no_first() {
    for text in [
        "y esta libre del 20 al 24 de abril?",
        "Buenísimo. ¿Y estaría libre del 20 al 24 de abril?",
        "y esta disponible del 20 al 24 de abril?",
    ] {
        let t = talk(&["cuanto sale la lenga?", text]);
        let out = said(&t);
        assert!(
            out.starts_with("¡Sí!") && out.contains("Lenga"),
            "{text}: {out}"
        );
        let world = World {
            taken: vec![taken(3, "2027-04-20", "2027-04-24")],
            ..World::default()
        };
        let t = world.talk(&["cuanto sale la lenga?", text]);
        let out = said(&t);
        assert!(
            out.starts_with("No,") && out.contains("Lenga"),
            "{text}: {out}"
        );
    }
    // After a no, other days of the same cabin.
    let world = World {
        taken: vec![taken(3, "2027-04-12", "2027-04-14")],
        ..World::default()
    };
    for text in ["y del 14 al 16?", "¿Y del 14 al 16?\nInés"] {
        let t = world.talk(&["esta libre la lenga del 12 al 14 de abril?", text]);
        let out = said(&t);
        assert!(
            out.starts_with("¡Sí!") && out.contains("Lenga"),
            "{text}: {out}"
        );
    }
}

#[test]
fn an_option_pointed_at_by_its_price_is_held() {
    // For 2 from 10 to 13 March: the Arrayán ($ 45.000 a night), the Coihue ($ 90.000 a
    // night, $ 270.000 in all) and the Lenga.
    for text in [
        "la de 90 lucas",
        "me quedo con la de 90 mil",
        "la de $90.000",
        "la que sale 270 mil",
    ] {
        let b = held_over(&["somos 2 del 10 al 13 de marzo", text]);
        assert_eq!(b.map(|b| b.accommodation_id), Some(2), "{text}");
    }
}

#[test]
fn a_booking_written_to_or_concluded_on_is_held_with_its_questions() {
    for text in [
        "Estimados:\nLes escribo para reservar la cabaña Coihue del 10 al 13 de marzo para cuatro personas. ¿Podrían confirmarme el valor total y el monto de la seña?\nAlicia",
        "Me comunico con ustedes para reservar la Coihue del 10 al 13 de marzo para 4 personas. ¿Cuál sería la seña?",
    ] {
        let t = run(&ConversationState::default(), text);
        assert_eq!(
            booked(&t).map(|b| (b.accommodation_id, b.guests)),
            Some((2, 4)),
            "{text}: {}",
            said(&t)
        );
    }
    for text in [
        "ok, entonces la lenga del 12 al 15 de abril, somos 4 con 2 perros",
        "bueno entonces la lenga del 12 al 15 de abril para 4 con los perros",
    ] {
        let b = held_over(&["la lenga acepta mascotas?", text]);
        assert_eq!(b.map(|b| b.accommodation_id), Some(3), "{text}");
    }
    let t = talk(&[
        "la lenga acepta mascotas?",
        "¿entonces la lenga del 12 al 15 de abril está libre?",
    ]);
    assert!(booked(&t).is_none(), "{}", said(&t));
}

#[test]
fn what_the_deposit_comes_to_after_a_hold_is_told() {
    let world = coihue_hold(false);
    for text in [
        "y cuanto queda la seña ahora?",
        "cuanto queda la seña?",
        "y la seña cuanto queda?",
    ] {
        let t = world.run(&after_hold(), text);
        let out = said(&t);
        assert!(
            out.contains("seña") && out.contains("Coihue"),
            "{text}: {out}"
        );
        assert!(!out.contains("anotado"), "{text}: {out}");
    }
}

#[test]
fn who_stays_behind_is_no_guest() {
    for text in [
        "Genial. Al final el perro se queda con mi hermana, así que reservame la Coihue.",
        "el perro lo dejamos con mi vieja, reservame la coihue",
    ] {
        let b = held_over(&["somos 4, del 10 al 13 de marzo", text]);
        assert_eq!(
            b.map(|b| (b.accommodation_id, b.guests)),
            Some((2, 4)),
            "{text}"
        );
    }
}

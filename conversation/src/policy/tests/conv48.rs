//! Turns a forty-eighth, blind set of conversations (a generalist sample in Argentine Spanish,
//! English and Portuguese, with guests who wander) found wrong: "¿puedo cancelar después si al
//! final no vamos?" right after a hold cancelled it (the "no vamos" read as said, not
//! supposed); "ah ok. ¿y pasan a buscar por el aeropuerto?" with an offer on the table held
//! it (the "ok" read as a yes) and the question was not passed to a person; "bueno entonces la
//! Lenga del 12 al 15, somos 5 con el perro" after asking which cabins take dogs was only
//! offered (fixed on main meanwhile, kept here as a table). Probing around them: an "ok" right after a question was passed to a person held
//! the offer still on the table.

use super::*;

#[test]
fn not_coming_supposed_after_an_if_asks_about_the_policy_and_keeps_the_hold() {
    let world = coihue_hold(false);
    for text in [
        "puedo cancelar despues si al final no vamos?",
        "y si al final no vamos, me devuelven la plata?",
        "si finalmente no viajamos que pasa?",
        "se puede cancelar si al final no vamos?",
    ] {
        let t = world.run(&after_hold(), text);
        assert!(!released(&t), "{text}: {}", said(&t));
        assert!(said(&t).contains("seña"), "{text}: {}", said(&t));
    }
    // Said, not supposed: the hold goes.
    for text in ["al final no vamos, perdon", "ya no vamos"] {
        let t = world.run(&after_hold(), text);
        assert!(released(&t), "{text}: {}", said(&t));
    }
}

#[test]
fn an_ok_and_a_question_no_table_knows_passes_it_on_and_holds_nothing() {
    let offered = talk(&["tienen para 4 del 3 al 6 de mayo?"]);
    assert!(offered.state.offer.is_some());
    for text in [
        "ah ok. y pasan a buscar por el aeropuerto?",
        "ok. y hacen traslados desde el aeropuerto?",
        "genial, y alquilan bicis?",
        "perfect, and do you rent kayaks?",
        "ok e vocês alugam caiaque?",
    ] {
        let t = run(&offered.state, text);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
        assert!(t.state.needs_human, "{text}: {}", said(&t));
        // The "ok" after it takes note; the offer is made again, nothing held.
        let ok = run(&t.state, "ok");
        assert!(booked(&ok).is_none(), "{text} / ok: {}", said(&ok));
        assert!(said(&ok).contains("Coihue"), "{text} / ok: {}", said(&ok));
        // A yes that says so still books.
        let yes = run(&ok.state, "dale");
        assert_eq!(
            booked(&yes).map(|b| b.accommodation_id),
            Some(2),
            "{text} / dale: {}",
            said(&yes)
        );
    }
    // A plain "ok" to the offer itself still takes it.
    let ok = run(&offered.state, "ok");
    assert_eq!(booked(&ok).map(|b| b.accommodation_id), Some(2));
}

#[test]
fn a_cabin_settled_on_with_then_and_its_dates_is_held() {
    let asked = talk(&["la arrayan acepta mascotas?", "y la lenga?"]);
    for (text, id) in [
        (
            "bueno entonces la lenga del 12 al 15 de abril, somos 5 con el perro",
            3,
        ),
        (
            "ok entonces la coihue del 3 al 6 de mayo, somos 3 y el perro",
            2,
        ),
        ("ok then the Lenga from May 2 to 5 for 6, with our dog", 3),
        ("então a Coihue de 3 a 6 de maio pra 4 com o cachorro", 2),
    ] {
        let t = run(&asked.state, text);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(id),
            "{text}: {}",
            said(&t)
        );
    }
    // Asked, not settled: no hold.
    for text in [
        "entonces la lenga del 12 al 15 de abril esta libre?",
        "entonces la lenga del 12 al 15 de abril cuanto sale",
    ] {
        let t = run(&asked.state, text);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
    }
}

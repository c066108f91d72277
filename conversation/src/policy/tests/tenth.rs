//! Turns a tenth, blind set of conversations (Argentine Spanish on a phone: extras, several
//! things at once, corrections) found wrong: a yes with a request about the place books and
//! answers it; a cot, a fireplace, a motorbike are asked about as such.

use super::*;

#[test]
fn a_yes_with_a_request_about_the_place_books_and_answers_it() {
    for (stay, yes, answer) in [
        (
            "somos 2 del 10 al 13 de mayo",
            "si dale pero con cuna para el bebe",
            "cuna",
        ),
        (
            "somos 2 del 10 al 13 de mayo",
            "dale, reservala, y traemos la moto",
            "estacionamiento",
        ),
        (
            "2 people from May 10 to 13",
            "yes please, and we need a crib",
            "crib",
        ),
        (
            "somos 2 de 10 a 13 de maio",
            "sim, pode reservar, precisamos de berço",
            "Berço",
        ),
    ] {
        let t = talk(&[stay, yes]);
        assert!(booked(&t).is_some(), "{yes}: {}", said(&t));
        let s = said(&t).to_lowercase();
        assert!(s.contains(&answer.to_lowercase()), "{yes}: {s}");
        assert!(!said(&t).contains("bienvenid"), "{yes}: {}", said(&t));
    }
    // Asked as a question, it is answered first; nothing is booked.
    let t = talk(&["somos 2 del 10 al 13 de mayo", "tienen cuna para el bebe?"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
    assert!(said(&t).to_lowercase().contains("cuna"), "{}", said(&t));
}

#[test]
fn a_fireplace_and_firewood_are_asked_as_such() {
    for text in [
        "la lenga tiene hogar?",
        "hay leña en la lenga?",
        "tem lareira na Lenga?",
    ] {
        let t = talk(&[text]);
        let s = said(&t).to_lowercase();
        assert!(s.contains("hogar") || s.contains("lareira"), "{text}: {s}");
    }
    let t = talk(&["la coihue tiene hogar a leña?"]);
    assert!(said(&t).contains("Lenga"), "{}", said(&t));
}

#[test]
fn a_month_without_days_gets_its_free_nights_cabin_by_cabin() {
    let w = World {
        taken: vec![taken(1, "2027-03-01", "2027-03-20")],
        ..World::default()
    };
    for (text, want) in [
        ("que tenes libre en marzo para 2?", "20/03/2027"),
        (
            "hola que dias tenes libres en marzo somos dos",
            "20/03/2027",
        ),
        ("any availability in March for 2 people?", "Mar 20, 2027"),
        ("vocês têm algo livre em março para 2?", "20/03/2027"),
    ] {
        let t = w.talk(&[text]);
        let s = said(&t);
        assert!(
            s.contains("Cabaña Arrayán") && s.contains(want),
            "{text}: {s}"
        );
        assert!(booked(&t).is_none(), "{text}");
    }
    // The cabin named, alone; and the people said make the cabins that fit.
    let t = w.talk(&["la coihue la tenes libre en abril?"]);
    assert!(said(&t).contains("Cabaña Coihue"), "{}", said(&t));
    assert!(!said(&t).contains("Cabaña Lenga"), "{}", said(&t));
    let t = w.talk(&["que tenes libre en marzo? somos 6"]);
    assert!(
        said(&t).contains("Cabaña Lenga") && !said(&t).contains("Cabaña Arrayán"),
        "{}",
        said(&t)
    );
    // Bare days said next fall in that month.
    let t = w.talk(&["que tenes libre en abril? somos 4", "del 20 al 23"]);
    assert!(said(&t).contains("20/04/2027"), "{}", said(&t));
    // Every night taken: said so.
    let full = World {
        taken: vec![taken(1, "2027-03-01", "2027-04-01")],
        ..World::default()
    };
    let t = full.talk(&["el arrayan lo tenes libre en marzo?"]);
    assert!(said(&t).contains("no nos queda lugar"), "{}", said(&t));
}

#[test]
fn the_holidays_unsaid_which_ask_christmas_or_new_years_with_what_is_free() {
    let w = World {
        taken: vec![taken(3, "2026-12-30", "2027-01-02")],
        ..World::default()
    };
    for (text, words) in [
        (
            "hola para las fiestas tenes algo? somos 6",
            &[
                "Navidad",
                "24/12/2026",
                "30/12/2026",
                "Cabaña Lenga",
                "ya no nos queda lugar",
            ][..],
        ),
        (
            "do you have anything over the holiday season? we are 6",
            &["Christmas", "New Year's", "Cabaña Lenga"][..],
        ),
        (
            "vocês têm algo para as festas?",
            &["Natal", "Réveillon"][..],
        ),
    ] {
        let t = w.talk(&[text]);
        assert!(booked(&t).is_none(), "{text}");
        for word in words {
            assert!(said(&t).contains(word), "{text}: {}", said(&t));
        }
    }
    // "Fiestas de fin de año" is New Year's itself.
    let t = w.talk(&["para las fiestas de fin de año somos 2"]);
    assert!(said(&t).contains("30/12/2026"), "{}", said(&t));
    assert!(!said(&t).contains("Navidad"), "{}", said(&t));
}

#[test]
fn a_cabin_pointed_at_by_what_it_has_is_named_with_nothing_on_the_table() {
    // Only the Lenga has a pool here.
    for text in [
        "la de la pileta cuanto sale la noche?",
        "la que tiene pileta cuanto cuesta?",
        "how much is the one with the pool per night?",
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.contains("Cabaña Lenga"), "{text}: {s}");
        assert!(!s.contains("Cabaña Arrayán"), "{text}: {s}");
    }
    // Several have it: the price of each of them.
    for text in [
        "cuanto sale la q acepta perros",
        "how much is the pet friendly one?",
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(
            s.contains("Cabaña Coihue") && s.contains("Cabaña Lenga"),
            "{text}: {s}"
        );
        assert!(!s.contains("Cabaña Arrayán"), "{text}: {s}");
    }
}

#[test]
fn a_pronoun_after_a_question_about_a_named_option_books_that_one() {
    let stay = "somos 2 del 10 al 13 de mayo";
    for (yes, want) in [
        ("si reservala", 3),
        ("dale, reservámela", 3),
        ("ok la quiero", 3),
        ("ok book it", 3),
        // The Lenga alone has the pool: it is offered with the answer, and a bare yes
        // accepts it.
        ("dale", 3),
    ] {
        let t = talk(&[stay, "la lenga tiene pileta?", yes]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(want),
            "{yes}: {}",
            said(&t)
        );
    }
    // A feature that led to an option names none: the pronoun books the one proposed.
    let t = talk(&[stay, "se puede hacer asado?", "bueno dale reservamela"]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(1),
        "{}",
        said(&t)
    );
}

#[test]
fn a_named_cabin_taken_on_the_dates_is_said_before_the_people_are_asked() {
    let w = World {
        taken: vec![taken(1, "2027-03-20", "2027-04-05")],
        ..World::default()
    };
    for text in [
        "para semana santa tenes el arrayan?",
        "el arrayan esta libre del 25 al 28 de marzo?",
        "is the Arrayán free from March 25 to 28?",
    ] {
        let t = w.talk(&[text]);
        let s = said(&t);
        assert!(s.contains("ocupad") || s.contains("taken"), "{text}: {s}");
        assert!(booked(&t).is_none(), "{text}");
    }
    // Free: noted, and the people asked.
    let t = talk(&["el arrayan esta libre del 25 al 28 de marzo?"]);
    assert!(!said(&t).contains("ocupad"), "{}", said(&t));
}

#[test]
fn next_week_without_days_gets_its_free_nights_and_a_month_is_shown_again_for_the_people() {
    // Today is Monday 23 November 2026: next week is 30 November to 6 December.
    let w = World {
        taken: vec![taken(2, "2026-11-30", "2026-12-03")],
        ..World::default()
    };
    for text in [
        "alguna fecha libre la semana que viene? somos 4",
        "tenes disponible la proxima semana para 4",
        "anything free next week for 4 people?",
    ] {
        let t = w.talk(&[text]);
        let s = said(&t);
        assert!(
            s.contains("Cabaña Coihue") && s.contains("03/12/2026") || s.contains("Dec 3, 2026"),
            "{text}: {s}"
        );
        assert!(!s.contains("Cabaña Arrayán"), "{text}: {s}");
    }
    let t = w.talk(&["queremos ir en marzo", "somos 6"]);
    let s = said(&t);
    assert!(s.contains("marzo") && s.contains("Cabaña Lenga"), "{s}");
    assert!(!s.contains("Cabaña Arrayán"), "{s}");
}

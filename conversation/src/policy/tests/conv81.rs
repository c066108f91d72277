//! What conv81's blind set (a ninth generalist sample in Argentine Spanish) found, reading the
//! replies it passed: an email signed "Horacio" was answered the check-in times on every turn,
//! because the name is one letter from "horario". And what probing after it found: "¿cuáles
//! aceptan mascotas?" … "¿y cuál es la más barata de esas?" priced the cheapest of the whole
//! place (the Arrayán, which takes no pets), and a Portuguese "é" was read as "and", so "e
//! qual é a mais barata?" asked about a thing called "qual"; a switch said with its reason
//! after a hold ("mejor la Ñire, es la del jacuzzi ¿no?") moved nothing; a booking asked as a
//! question with the pet coming along ("¿me reservás la Coihue…? vamos con el perro") was only
//! offered.

use super::*;

#[test]
fn an_email_signed_with_a_name_like_horario_gets_no_check_in_times() {
    let t = talk(&[
        "Estimados,\nQuisiéramos pasar unos días del 10 al 13 de marzo, somos seis.\nSaludos,\nHoracio Medina",
    ]);
    let s = said(&t);
    assert!(s.contains("Lenga"), "{s}");
    assert!(!s.contains("14:00") && !s.contains("check-in"), "{s}");
    let b = held_over(&[
        "Estimados,\nQuisiéramos pasar unos días del 10 al 13 de marzo, somos seis.\nSaludos,\nHoracio Medina",
        "Estimados,\nPerfecto, por favor resérvenla.\nHoracio",
    ])
    .expect("the Lenga held");
    assert_eq!(b.accommodation_id, 3);
    assert_eq!(
        (b.check_in, b.check_out),
        (d("2027-03-10"), d("2027-03-13"))
    );
}

#[test]
fn the_cheapest_of_the_cabins_a_question_was_just_answered_about() {
    // "¿Cuáles aceptan mascotas?" names the Coihue and the Lenga: "¿y cuál es la más barata
    // de esas?" asks among them, not the whole place (the Arrayán takes no pets).
    for (first, then) in [
        (
            "hola, cuales aceptan mascotas?",
            "y cual es mas barata de esas?",
        ),
        (
            "la ñire acepta perros?",
            "y cual es la mas barata de las que si?",
        ),
        ("which cabins allow dogs?", "which one is cheaper?"),
        ("quais cabanas aceitam cachorro?", "e qual é a mais barata?"),
    ] {
        let s = said(&talk(&[first, then]));
        assert!(s.contains("Coihue"), "{then}: {s}");
        assert!(!s.contains("Arrayán"), "{then}: {s}");
        assert!(
            !s.contains("anotado") && !s.contains("no tengo"),
            "{then}: {s}"
        );
    }
    // Asked with nothing answered before, or after a question every cabin says yes to: the
    // cheapest of the place.
    for messages in [
        &["cual es la mas barata?"][..],
        &["tienen wifi?", "cual es la mas barata?"][..],
    ] {
        let s = said(&talk(messages));
        assert!(s.contains("Arrayán"), "{messages:?}: {s}");
    }
}

#[test]
fn a_switch_said_with_its_reason_moves_the_hold_and_answers_the_reason() {
    // The Coihue held; "mejor la Lenga, tiene pileta ¿no?": the Lenga has one, so the hold
    // moves and the yes comes with it.
    let world = coihue_hold(false);
    for text in [
        "che mejor la lenga, es la de la pileta no?",
        "mejor pasame a la lenga, tiene pileta no?",
        "actually I'd rather have the Lenga, it has the pool right?",
    ] {
        let t = world.run(&after_hold(), text);
        let s = said(&t);
        assert!(moved(&t), "{text}: {s}");
        let lower = s.to_lowercase();
        assert!(
            s.contains("Lenga") && (lower.contains("pileta") || lower.contains("pool")),
            "{text}: {s}"
        );
    }
    // A question alone about another cabin moves nothing; neither does a switch whose reason
    // the cabin lacks ("mejor la Arrayán, acepta perros ¿no?": it does not).
    for text in [
        "la lenga tiene pileta?",
        "mejor la arrayan, acepta perros no?",
    ] {
        let t = world.run(&after_hold(), text);
        assert!(!moved(&t), "{text}: {}", said(&t));
    }
}

#[test]
fn a_booking_asked_as_a_question_with_the_pet_coming_along_is_held() {
    for text in [
        "hola, me reservas la coihue del 10 al 13 de enero para 4? vamos con el perro",
        "can you book the Coihue for us, January 10 to 13? 4 people, we're bringing our dog",
    ] {
        let b = held_over(&[text]).unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!(b.accommodation_id, 2, "{text}");
        assert_eq!(
            (b.check_in, b.check_out),
            (d("2027-01-10"), d("2027-01-13")),
            "{text}"
        );
    }
    // Whether the pet may come, asked with the stay: answered, nothing held.
    let text = "la coihue del 10 al 13 de enero acepta perros? somos 4";
    assert!(held_over(&[text]).is_none(), "{text}");
}

#[test]
fn two_cabins_asked_the_same_yes_no_each_get_their_answer() {
    // The Lenga has a heated pool in this world, the Coihue none.
    for text in [
        "hola, la coihue tiene pileta? y la lenga?",
        "la coihue y la lenga tienen pileta?",
    ] {
        let s = said(&talk(&[text]));
        assert!(s.starts_with("No"), "{text}: {s}");
        assert!(s.contains("Coihue") && s.contains("Lenga"), "{text}: {s}");
    }
}

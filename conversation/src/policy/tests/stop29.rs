//! What the hand probes of stop 29 found: a party said after a cabin's price a night that the
//! cabin cannot hold is told so, with the cabin that fits and its price; whether children or a
//! baby pay is the price basis.

use super::*;

#[test]
fn a_party_too_large_for_the_cabin_priced_gets_the_one_that_fits_and_its_price() {
    for (ask, party, fits) in [
        (
            "hola, precio de la coihue por noche?",
            "y para 6 personas?",
            "Para 6 te queda bien Cabaña Lenga",
        ),
        (
            "how much is the Coihue per night?",
            "and for 6 people?",
            "For 6, Cabaña Lenga would work",
        ),
        (
            "quanto custa a diária do Coihue?",
            "e para 6 pessoas?",
            "Para 6, Cabaña Lenga serve",
        ),
    ] {
        let t = talk(&[ask, party]);
        let s = said(&t);
        assert!(s.contains(fits), "{party}: {s}");
        assert!(
            s.contains("135.000") || s.contains("135,000"),
            "{party}: {s}"
        );
        assert!(booked(&t).is_none(), "{party}: nothing held");
    }
    // A party the cabin holds: its price, as before.
    let t = talk(&["hola, precio de la coihue por noche?", "y para 3 personas?"]);
    let s = said(&t);
    assert!(s.contains("Cabaña Coihue") && s.contains("90.000"), "{s}");
    assert!(!s.contains("Lenga"), "{s}");
}

#[test]
fn whether_a_baby_pays_is_answered_with_the_price_basis() {
    for (first, text, words) in [
        (
            "buenas! somos 3 adultos y un bebé",
            "el bebé paga?",
            "no por persona",
        ),
        (
            "hi! we are 3 adults and a baby",
            "do kids pay?",
            "not per person",
        ),
        (
            "olá! somos 3 adultos e um bebê",
            "criança paga?",
            "não por pessoa",
        ),
    ] {
        let t = talk(&[first, text]);
        assert!(said(&t).contains(words), "{text}: {}", said(&t));
    }
}

#[test]
fn the_rooms_asked_about_are_the_one_cabin_offered_or_held() {
    // Only the Lenga fits 5: "¿cuántas habitaciones tiene?" is about it.
    let t = talk(&[
        "hola, del 10 al 13 de marzo para 5",
        "cuantas habitaciones tiene?",
    ]);
    let s = said(&t);
    assert!(
        s.contains("Cabaña Lenga: Cabaña Lenga, junto al lago"),
        "{s}"
    );
    assert!(!s.contains("Cabaña Coihue"), "{s}");
    // Several offered and none pointed at: each one's.
    let t = talk(&[
        "hola, del 10 al 13 de marzo para 2",
        "cuantas camas tienen?",
    ]);
    let s = said(&t);
    assert!(
        s.contains("Cabaña Arrayán") && s.contains("Cabaña Lenga"),
        "{s}"
    );
    // Held: that one.
    let t = coihue_hold(false).run(&after_hold(), "how many bedrooms does it have?");
    let s = said(&t);
    assert!(
        s.contains("Cabaña Coihue") && s.contains("Sleeps up to 4") && !s.contains("Cabaña Lenga"),
        "{s}"
    );
}

#[test]
fn a_deposit_asked_to_be_paid_by_hand_is_a_no_said_once() {
    for (text, no, link) in [
        (
            "¿puedo pagar la seña por transferencia?",
            "No, la seña se paga solo",
            "link de Mercado Pago",
        ),
        (
            "can I pay the deposit by bank transfer?",
            "No, the deposit is paid only",
            "Mercado Pago link",
        ),
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let s = said(&t);
        assert!(s.starts_with(no), "{text}: {s}");
        let first = s.split('\n').next().unwrap_or_default();
        assert_eq!(first.matches(link).count(), 1, "{text}: {first}");
    }
}

#[test]
fn which_option_is_bigger_asked_is_answered_with_the_sizes_not_chosen() {
    for (offer, ask, size) in [
        (
            "hola del 9 al 12 de enero para 4",
            "la lenga es mas grande?",
            "Cabaña Lenga es para hasta 6 personas (Cabaña Coihue, hasta 4)",
        ),
        (
            "hola del 9 al 12 de enero para 4",
            "cual es mas grande?",
            "Cabaña Lenga es para hasta 6 personas",
        ),
        (
            "hi, Jan 9 to 12 for 4 people",
            "is the Lenga bigger?",
            "Cabaña Lenga sleeps up to 6 (Cabaña Coihue, up to 4)",
        ),
    ] {
        let t = talk(&[offer, ask]);
        let s = said(&t);
        assert!(s.contains(size), "{ask}: {s}");
        assert!(
            !s.contains("Buena elección") && !s.contains("Good choice"),
            "{ask}: {s}"
        );
        assert!(booked(&t).is_none(), "{ask}: a question holds nothing");
    }
}

#[test]
fn a_cabin_priced_for_dates_before_the_people_says_its_deposit_too() {
    for (text, deposit) in [
        (
            "hola consulta, cuanto sale la seña para la coihue del 2 al 5 de marzo?",
            "(seña $ 81.000)",
        ),
        (
            "how much is the Coihue from March 2 to 5?",
            "(deposit $ 81.000)",
        ),
    ] {
        let t = talk(&[text]);
        assert!(said(&t).contains(deposit), "{text}: {}", said(&t));
    }
}

#[test]
fn a_sauna_or_a_gym_not_listed_is_a_no_with_what_there_is() {
    for (text, no) in [
        ("hay sauna?", "No, no tenemos sauna"),
        ("tienen gimnasio?", "No, no tenemos gimnasio"),
        ("is there a spa?", "No, we don't have a sauna"),
        ("tem academia?", "Não"),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(s.starts_with(no) && s.contains("WiFi"), "{text}: {s}");
    }
}

#[test]
fn the_earlier_dates_asked_back_are_quoted_again_or_the_hold_moved_back() {
    for (first, second, back) in [
        (
            "hola del 10 al 13 de febrero para 4",
            "y del 17 al 20?",
            "mejor la primera fecha",
        ),
        (
            "hi, Feb 10 to 13 for 4",
            "what about Feb 17 to 20?",
            "actually the first dates are better",
        ),
        (
            "oi, de 10 a 13 de fevereiro para 4",
            "e de 17 a 20?",
            "melhor as primeiras datas",
        ),
    ] {
        let t = talk(&[first, second, back]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d("2027-02-10")), Some(d("2027-02-13"))),
            "{back}: {}",
            said(&t)
        );
        assert!(booked(&t).is_none(), "{back}: quoted, not held");
    }
}

#[test]
fn a_name_given_is_thanked_by_it_with_the_hold_waiting_again() {
    let t = coihue_hold(false).run(&after_hold(), "a nombre de Juan Pérez");
    let s = said(&t);
    assert!(s.starts_with("¡Gracias, Juan Pérez!"), "{s}");
    assert!(
        s.contains("RES261215007") && s.contains("https://pago.example/RES261215007"),
        "{s}"
    );
    assert!(!s.contains("no te entendí"), "{s}");
    // Nothing held: what they need is asked.
    let t = talk(&["my name is John Smith"]);
    assert!(said(&t).starts_with("Thanks, John Smith!"), "{}", said(&t));
    // A stay said with the name is answered as a stay.
    let t = talk(&["hola, me llamo Ana, del 10 al 13 de marzo para 2"]);
    assert!(said(&t).contains("Cabaña Arrayán"), "{}", said(&t));
}

#[test]
fn a_question_asked_with_a_long_weekend_there_is_not_is_answered_too() {
    let t = talk(&[
        "la arrayán está disponible para el finde largo de mayo? somos una pareja, y tiene wifi?",
    ]);
    let s = said(&t);
    assert!(s.contains("no tiene fin de semana largo"), "{s}");
    assert!(s.contains("Cabaña Arrayán tiene wifi"), "{s}");
}

#[test]
fn an_option_asked_about_is_not_praised_as_chosen() {
    let t = talk(&[
        "hola del 10 al 13 de febrero para 2",
        "y la coihue cuanto sale esas fechas?",
    ]);
    let s = said(&t);
    assert!(s.starts_with("Cabaña Coihue para 2 personas"), "{s}");
    assert!(!s.contains("Buena elección"), "{s}");
    // Said as a choice, it is one.
    let t = talk(&[
        "hola del 10 al 13 de febrero para 2",
        "la coihue me gusta más",
    ]);
    assert!(!said(&t).contains("no te entendí"), "{}", said(&t));
}

//! Turns a seventy-fourth set of conversations (ordinary whole conversations from the first
//! hello to the voucher or a polite no, in Argentine Spanish, English and Brazilian
//! Portuguese) found wrong: a polite no that leaves the stay for later ("por ahora lo vamos a
//! dejar, quizás más adelante") was read as a yes and held; a check-out day said alone after
//! the check-in ("del 3 de febrero" … "al 7") was read as seven nights; a party told apart in
//! brackets ("somos 6 (4 grandes y 2 nenes)") was counted twice; a booking verb with a pronoun
//! after questions about one cabin ("bárbaro, la queremos del 26 al 29, somos 2") offered every
//! cabin instead of holding that one; a stay wished for with nothing said ("Looking for a
//! cabin") was not understood. Probed after: "por el momento no vamos a reservar" was held too,
//! and "we'd like to go ahead" was no yes.

use super::*;

#[test]
fn a_polite_no_left_for_later_holds_nothing() {
    for text in [
        "Muchas gracias por la respuesta. Por ahora lo vamos a dejar, quizás más adelante.",
        "ok gracias, quizás más adelante",
        "perfecto, será en otra oportunidad",
        "genial gracias! otra vez será",
        "Perfect, thanks, maybe next time!",
        "Ok thanks, maybe some other time",
        "Thanks, we will leave it for now",
        "Obrigado pela resposta, mas vamos ficar para uma próxima vez.",
        "Beleza, quem sabe mais pra frente",
        "Muchas gracias, por el momento no vamos a reservar.",
        "Obrigada pelo retorno, por enquanto não vamos reservar.",
        "Thank you for your reply. We have decided not to go ahead for now.",
    ] {
        let t = talk(&["hola, tienen para 2 del 10 al 13 de marzo?", text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
    }
    // The go-ahead "adelante" still books.
    for text in ["sí, adelante", "adelante, reservala"] {
        let t = talk(&["hola, tienen para 2 del 10 al 13 de marzo?", text]);
        assert!(booked(&t).is_some(), "{text}: {}", said(&t));
    }
}

#[test]
fn coming_back_after_putting_it_off_books_what_was_offered() {
    for text in [
        "hi again, we'd like to go ahead",
        "holaa ya está, la reservamos!",
        "oi de novo! ela topou, pode reservar",
    ] {
        let b = held_over(&[
            "hola, tienen para 2 del 10 al 13 de marzo?",
            "lo consulto con mi pareja y te aviso",
            text,
        ])
        .unwrap_or_else(|| panic!("{text}: nothing held"));
        assert_eq!(b.accommodation_id, 1, "{text}");
        assert_eq!(b.check_in, d("2027-03-10"), "{text}");
    }
}

#[test]
fn a_check_out_day_said_alone_after_the_check_in_is_that_day() {
    for messages in [
        ["buenas! del 3 de febrero", "al 7", "para dos personas"],
        ["hola, llegamos el 3 de febrero", "hasta el 7", "somos 2"],
        ["hi, from february 3rd", "to the 7th", "2 people"],
        ["oi, de 3 de fevereiro", "até o dia 7", "2 pessoas"],
    ] {
        let t = World::default().talk(&messages);
        assert_eq!(t.state.check_in, Some(d("2027-02-03")), "{messages:?}");
        assert_eq!(t.state.check_out, Some(d("2027-02-07")), "{messages:?}");
    }
}

#[test]
fn a_party_told_apart_in_brackets_is_counted_once() {
    for text in [
        "Hola! somos 6 (4 grandes y 2 nenes), del 2 al 6 de febrero hay lugar?",
        "somos 6, 4 grandes y 2 chicos, del 2 al 6 de febrero",
        "we're 6 (4 grown-ups and 2 kids), February 2 to 6",
        "somos 6 (4 adultos e 2 crianças), de 2 a 6 de fevereiro",
    ] {
        let t = talk(&[text]);
        assert_eq!(t.state.guests, Some(6), "{text}: {}", said(&t));
        let s = said(&t);
        assert!(s.contains("Lenga"), "{text}: {s}");
        assert!(
            !s.contains("Arrayán"),
            "{text}: no second cabin for 2 more: {s}"
        );
    }
}

#[test]
fn a_pronoun_booking_after_questions_about_one_cabin_holds_it() {
    for messages in [
        [
            "Hola, cuánto sale la noche en la Coihue?",
            "y acepta perros?",
            "bárbaro, la queremos del 26 al 29 de abril, somos 2",
        ],
        [
            "Hi, how much is the Coihue per night?",
            "does it allow dogs?",
            "great, book it for April 26 to 29, we're 2",
        ],
        [
            "Oi, quanto custa a diária da Coihue?",
            "aceita cachorro?",
            "ótimo, quero ela de 26 a 29 de abril, somos 2",
        ],
    ] {
        let b = held_over(&messages).unwrap_or_else(|| panic!("{messages:?}: nothing held"));
        assert_eq!(b.accommodation_id, 2, "{messages:?}");
        assert_eq!(b.check_in, d("2027-04-26"), "{messages:?}");
        assert_eq!(b.guests, 2, "{messages:?}");
    }
}

#[test]
fn a_stay_wished_for_with_nothing_said_asks_for_the_dates() {
    for text in [
        "Looking for a cabin",
        "we are looking for a cabin",
        "estou procurando um chalé",
        "procuramos hospedagem",
    ] {
        let t = run(&ConversationState::default(), text);
        let s = said(&t);
        assert!(
            !s.contains("didn't quite get") && !s.contains("entendi"),
            "{text}: {s}"
        );
    }
}

//! What the hand probes of stop 32 found: a yes/no question with only the other choice said
//! ("¿la Coihue tiene pileta? si no, la Lenga") answers it and wants the cabin the answer
//! leaves; a question no table knows beside a stay goes to a person while the stay is
//! answered; English features are said back as the guest called them, and the amenities owners
//! write in Spanish named in the guest's language; "is that ok?" asks after no thing; "¿y la más
//! grande?" after a question asks it again of the one described; "¿cuándo está libre?" about a
//! taken cabin (named, or the held one whose move was refused) gets its own nearest free stays;
//! a voucher asked for again is sent under "here it is again", not the payment's news; "un finde
//! en marzo" then "el del 12" is that day's weekend; "quería consultar por la Ñire" describes it;
//! "¿tienen cabañas para 5?" names the ones that sleep them; "¿cuántos entran en ella?", "cabem
//! nela?", "aceita cachorro?" ask of the cabin talked about; two couples who want separate
//! cabins get one each.

use chrono::NaiveDate;

use super::*;

#[test]
fn a_question_with_only_the_other_choice_said_wants_the_cabin_the_answer_leaves() {
    // No: the other one is wanted, and the stay said next is offered with it first.
    for first in [
        "la coihue tiene pileta? si no la lenga",
        "¿La Coihue tiene pileta? Sino, la Lenga.",
        "does the Coihue have a pool? if not the Lenga",
    ] {
        let t = talk(&[first]);
        let s = said(&t);
        assert!(s.starts_with("No"), "{first}: {s}");
        assert!(s.contains("Lenga"), "{first}: {s}");
        assert_eq!(
            t.state.accommodation.as_deref(),
            Some("Cabaña Lenga"),
            "{first}"
        );
        let t = talk(&[first, "del 15 al 17 de diciembre somos 4"]);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert_eq!(
            offer.options[offer.chosen].name,
            "Cabaña Lenga",
            "{}",
            said(&t)
        );
        assert!(booked(&t).is_none());
    }
    // Yes: the one asked about is wanted.
    let t = talk(&["la lenga tiene parrilla? si no la coihue"]);
    let s = said(&t);
    assert!(s.starts_with("¡Sí!"), "{s}");
    assert_eq!(t.state.accommodation.as_deref(), Some("Cabaña Lenga"));
}

#[test]
fn a_question_no_table_knows_beside_a_stay_goes_to_a_person_and_the_stay_is_answered() {
    for (text, team) in [
        (
            "somos 2 del 15 al 17 de diciembre, hay señal de celular?",
            "equipo",
        ),
        (
            "Hi, 2 people December 15 to 17. Is there a grocery store nearby?",
            "team",
        ),
        ("oi, somos 2 de 15 a 17 de dezembro, tem gerador?", "equipe"),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(t.state.offer.is_some(), "{text}: {s}");
        assert!(s.contains("Arrayán"), "{text}: {s}");
        assert!(s.contains(team), "{text}: {s}");
        assert!(t.state.needs_human, "{text}");
    }
    // A question the bot answers stays with the bot.
    let t = talk(&["somos 2 del 15 al 17 de diciembre, hay wifi?"]);
    assert!(!t.state.needs_human, "{}", said(&t));
    assert!(!said(&t).contains("equipo"), "{}", said(&t));
}

#[test]
fn a_grill_asked_as_a_bbq_is_answered_as_a_bbq() {
    let t = talk(&["does the Lenga have a bbq?"]);
    assert!(said(&t).contains("has a BBQ"), "{}", said(&t));
    let t = talk(&["does the Arrayán have a barbecue?"]);
    let s = said(&t);
    assert!(s.starts_with("No"), "{s}");
    assert!(s.contains("barbecue"), "{s}");
}

#[test]
fn is_that_ok_after_a_pick_and_a_pet_asks_after_no_thing() {
    for last in [
        "the coihue then. we'd also bring our dog, is that ok?",
        "la coihue entonces. vamos con el perro, está bien eso?",
    ] {
        let t = talk(&[ASK_FOR_TWO, last]);
        let s = said(&t);
        assert!(
            !s.contains("noted") && !s.contains("anotado"),
            "{last}: {s}"
        );
        assert!(booked(&t).is_some(), "{last}: {s}");
    }
}

#[test]
fn amenities_owners_write_in_spanish_are_named_in_the_guests_language() {
    // No cabin has air conditioning: what there is instead, in the guest's words.
    let s = said(&talk(&["is there air conditioning?"]));
    assert!(s.contains("grill"), "{s}");
    assert!(!s.contains("Parrilla"), "{s}");
    let s = said(&talk(&["tem ar-condicionado?"]));
    assert!(s.contains("churrasqueira"), "{s}");
    let s = said(&talk(&["hay aire acondicionado?"]));
    assert!(s.contains("Parrilla"), "{s}");
}

#[test]
fn the_largest_or_cheapest_said_after_a_question_is_asked_the_same() {
    // After a price: the price of the one described.
    for (first, then, name) in [
        (
            "cuanto sale la arrayan?",
            "y la mas grande?",
            "Cabaña Lenga",
        ),
        (
            "how much is the coihue per night?",
            "and the cheapest one?",
            "Cabaña Arrayán",
        ),
        ("quanto custa a arrayan?", "e a maior?", "Cabaña Lenga"),
    ] {
        let t = talk(&[first, then]);
        let s = said(&t);
        assert!(s.contains(name), "{then}: {s}");
        assert!(s.contains("$"), "{then}: {s}");
    }
    // After a yes/no question: the same question.
    let s = said(&talk(&["la coihue acepta perros?", "y la mas chica?"]));
    assert!(s.starts_with("No, Cabaña Arrayán"), "{s}");
    // Asked alone, which one is the largest: how many it sleeps.
    let s = said(&talk(&["cual es la mas grande?"]));
    assert!(s.contains("Lenga") && s.contains('6'), "{s}");
}

#[test]
fn when_a_taken_cabin_is_free_is_its_own_nearest_free_stays() {
    // The Arrayán is taken 20–23 Dec; asked for 21–23, "when is it free?" gives its own dates.
    let w = World {
        taken: vec![taken(1, "2026-12-20", "2026-12-23")],
        ..World::default()
    };
    for then in [
        "y la arrayan cuando esta libre?",
        "when is the arrayan free?",
        "quando fica livre a arrayan?",
    ] {
        let t = w.talk(&["hay lugar para 2 del 21 al 23 de diciembre?", then]);
        let s = said(&t);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(
            offer.options.iter().all(|o| o.name == "Cabaña Arrayán"),
            "{then}: {s}"
        );
        let clear =
            |(i, out): (NaiveDate, NaiveDate)| out <= d("2026-12-20") || i >= d("2026-12-23");
        assert!(
            offer.options.iter().all(|o| o.stay.is_some_and(clear)),
            "{then}: {s}"
        );
        assert!(booked(&t).is_none(), "{then}: {s}");
    }
}

#[test]
fn when_it_is_free_after_a_refused_move_is_the_held_cabins_nearest_stays() {
    // The Coihue is held 15–17 Dec and taken by another guest 18–21 Dec.
    let mut w = coihue_hold(false);
    w.taken.push(taken(2, "2026-12-18", "2026-12-21"));
    let state = after_hold();
    let t = w.run(&state, "perdón, era del 18 al 20");
    assert!(said(&t).contains("Coihue"), "{}", said(&t));
    for then in [
        "y cuando la tenes libre?",
        "what's the closest you have?",
        "lo mas cercano que tengas",
    ] {
        let t = w.run(&t.state, then);
        let s = said(&t);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(
            offer.options.iter().all(|o| o.name == "Cabaña Coihue"),
            "{then}: {s}"
        );
        assert_eq!(
            offer.replaces.as_deref(),
            Some("RES261215007"),
            "{then}: {s}"
        );
    }
}

#[test]
fn a_feature_asked_with_a_stay_and_another_question_is_still_answered() {
    let t = talk(&["2 of us, Dec 15-17. Any cabin with a pool? what time is check-out?"]);
    let s = said(&t);
    assert!(s.contains("pool"), "{s}");
    assert!(s.contains("10:00"), "{s}");
    assert!(t.state.offer.is_some(), "{s}");
}

#[test]
fn a_voucher_asked_for_again_is_sent_again_without_the_payments_news() {
    let w = coihue_hold(true);
    for (text, again) in [
        (
            "me reenviás el comprobante? lo borré sin querer",
            "de nuevo",
        ),
        ("could you send me the voucher again?", "again"),
        ("pode mandar o comprovante de novo?", "de novo"),
    ] {
        let t = w.run(&after_hold(), text);
        let s = said(&t);
        assert!(
            s.contains(again) && s.contains("RES261215007"),
            "{text}: {s}"
        );
        assert!(
            !s.contains("Pago confirmado") && !s.contains("Payment confirmed"),
            "{s}"
        );
        assert!(!s.contains("Pagamento confirmado"), "{s}");
    }
}

#[test]
fn a_weekend_wanted_then_a_bare_day_is_that_days_weekend() {
    // March 2027: the 12th is a Friday, the 13th a Saturday, the 14th a Sunday.
    for (first, day) in [
        (
            "queremos escaparnos un finde en marzo, somos 2",
            "el del 12",
        ),
        ("un fin de semana de marzo para 2", "el del 13"),
        ("a weekend in March for 2 people", "the 14th"),
        ("queremos um fim de semana em março, somos 2", "o do dia 13"),
    ] {
        let t = talk(&[first, day]);
        assert_eq!(
            t.state.check_in,
            Some(d("2027-03-12")),
            "{day}: {}",
            said(&t)
        );
        assert_eq!(
            t.state.check_out,
            Some(d("2027-03-14")),
            "{day}: {}",
            said(&t)
        );
    }
    // Both days said: as said.
    let t = talk(&["un finde de marzo, somos 2", "del 12 al 15"]);
    assert_eq!(t.state.check_out, Some(d("2027-03-15")), "{}", said(&t));
    // A weekday: an arrival.
    let t = talk(&["un finde de marzo, somos 2", "el 10"]);
    assert_eq!(t.state.check_in, Some(d("2027-03-10")), "{}", said(&t));
}

#[test]
fn a_cabin_consulted_about_is_described_and_cabins_for_a_party_are_named() {
    for text in [
        "hola! quería consultar por la cabaña coihue",
        "hola, una consulta sobre la coihue",
        "quería preguntar por la coihue",
    ] {
        let s = said(&talk(&[text]));
        assert!(
            s.contains("Cabaña Coihue") && s.contains('4'),
            "{text}: {s}"
        );
    }
    for (text, yes) in [
        (
            "hola, tienen cabañas para 5 personas?",
            "¡Sí! Para 5 personas",
        ),
        ("do you have a cabin for 5?", "Yes! For 5 guests"),
        ("tem chalé para 5 pessoas?", "Sim! Para 5 pessoas"),
    ] {
        let t = talk(&[text]);
        let s = said(&t);
        assert!(
            s.starts_with(yes) && s.contains("Cabaña Lenga"),
            "{text}: {s}"
        );
        assert!(!s.contains("Cabaña Coihue"), "{text}: {s}");
    }
    // Said, not asked: no list.
    let s = said(&talk(&["somos 5"]));
    assert!(!s.contains("Lenga"), "{s}");
}

#[test]
fn the_cabin_talked_about_is_asked_of_by_a_pronoun_in_every_language() {
    for (first, then) in [
        ("me pasás fotos de la arrayán?", "¿cuántos entran en ella?"),
        (
            "can I see photos of the Arrayán?",
            "how many people fit in it?",
        ),
        ("tem fotos da arrayán?", "quantas pessoas cabem nela?"),
    ] {
        let s = said(&talk(&[first, then]));
        assert!(s.contains("Arrayán") && s.contains('2'), "{then}: {s}");
        assert!(!s.contains("Lenga"), "{then}: {s}");
    }
    let s = said(&talk(&["tem fotos da arrayán?", "aceita cachorro?"]));
    assert!(s.starts_with("Não, Cabaña Arrayán"), "{s}");
}

#[test]
fn couples_who_want_separate_cabins_get_one_each() {
    for messages in [
        &[
            "somos 2 parejas, del 15 al 17 de diciembre",
            "preferimos dos cabañas separadas",
        ][..],
        &["Hi, 2 couples, December 15-17, ideally separate cabins"][..],
    ] {
        let t = talk(messages);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(offer.together, "{}", said(&t));
        assert_eq!(offer.options.len(), 2, "{}", said(&t));
        assert!(booked(&t).is_none());
    }
}

//! Turns a thirty-sixth, blind set of conversations (Argentine guests changing their mind over
//! long conversations) found wrong: a price question after an offer ("joya, ¿cuánto sería en
//! total?") booked it; a range said after a loose weekend or week ("era el finde siguiente, del
//! 19 al 21", "la semana del 20 está bien pero del 20 al 22") lost to the loose phrase; "mejor
//! el de agosto" after a long weekend moved the same days, not to August's long weekend; a hold
//! with a pet moved to a cabin that takes none; the cabin held named again ("dejamos la
//! Lenga") was searched for and found taken by the guest's own hold.

use super::*;

#[test]
fn a_price_question_after_an_offer_does_not_book_it() {
    for text in [
        "joya, cuanto seria en total?",
        "genial, cuánto sale la seña?",
        "perfecto, que incluye?",
    ] {
        let t = talk(&[ASK_FOR_TWO, text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
    }
    // A yes still books.
    assert!(booked(&talk(&[ASK_FOR_TWO, "joya, dale"])).is_some());
}

#[test]
fn a_range_said_after_a_loose_weekend_or_week_is_the_stay() {
    for text in [
        "no no perdon, al final la semana del 20 esta bien pero 2 noches nomas, del 20 al 22",
        "ay no, me confundi, era el finde siguiente, del 20 al 22",
    ] {
        let t = talk(&["hay lugar para 4 del 27 al 30 de enero?", text]);
        assert_eq!(
            (t.state.check_in, t.state.check_out),
            (Some(d("2027-01-20")), Some(d("2027-01-22"))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn another_month_after_a_long_weekend_is_that_months_long_weekend() {
    let t = talk(&[
        "hola, para el finde largo de octubre somos 4, q tienen?",
        "mm mejor el de agosto",
    ]);
    assert_eq!(
        (t.state.check_in, t.state.check_out),
        (Some(d("2027-08-13")), Some(d("2027-08-16"))),
        "{}",
        said(&t)
    );
    // Dates that are no long weekend move to the same days, as before.
    let t = talk(&["hay lugar para 4 del 4 al 7 de octubre?", "mejor en agosto"]);
    assert_eq!(t.state.check_in, Some(d("2027-08-04")), "{}", said(&t));
}

#[test]
fn a_hold_with_a_pet_is_not_moved_to_a_cabin_that_takes_none() {
    let state = ConversationState {
        pets: true,
        ..after_hold()
    };
    for text in [
        "pasame a la arrayan",
        "che y la arrayan? la quiero por el hogar",
    ] {
        let t = coihue_hold(false).run(&state, text);
        assert!(
            !t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::Book(_))),
            "{text}: {:?}",
            t.effects
        );
        let out = said(&t);
        assert!(
            out.contains("mascotas") && out.contains("RES261215007"),
            "{text}: {out}"
        );
    }
}

#[test]
fn the_cabin_held_named_again_keeps_the_hold() {
    for text in [
        "uh bueno entonces dejamos la coihue",
        "nos quedamos con la coihue",
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("RES261215007"), "{text}: {out}");
        assert!(!out.contains("ocupada"), "{text}: {out}");
        assert!(
            !t.effects
                .iter()
                .any(|e| matches!(e, Effect::MoveHold { .. } | Effect::Book(_))),
            "{text}: {:?}",
            t.effects
        );
    }
}

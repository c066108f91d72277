//! Turns a fourth, blind set of conversations found wrong: a guest coming with a pet is offered
//! only the cabins that take it, "¿la lenga no está libre?" offers the Lenga, two names in one
//! message book the one named after the change of mind, a head count changed twice keeps the
//! last.

use super::*;

#[test]
fn a_guest_with_a_pet_is_offered_only_the_cabins_that_take_it() {
    for text in [
        "tienen lugar del 3 al 5 de enero pa 2? vamos con el perro",
        "Hello! Do you allow dogs and is there anything for 2 people from January 18 to 20?",
        "vocês têm vaga de 5 a 8 de janeiro pra 2? levamos nosso cachorro",
    ] {
        let t = talk(&[text]);
        let offer = t.state.offer.as_ref().expect("an offer");
        assert!(
            offer.options.iter().all(|o| o.accommodation_id != 1),
            "{text}: {}",
            said(&t)
        );
        assert_eq!(offer.options[0].accommodation_id, 2, "{text}");
    }
    // Without a pet every free cabin that fits is offered.
    let t = talk(&[ASK_FOR_TWO]);
    let offer = t.state.offer.as_ref().expect("an offer");
    assert!(offer.options.iter().any(|o| o.accommodation_id == 1));
}

#[test]
fn a_cabin_asked_about_after_an_offer_is_offered_and_booked() {
    let t = talk(&[ASK_FOR_TWO, "y la lenga no esta libre?"]);
    assert!(said(&t).contains("Lenga"), "{}", said(&t));
    let t = talk(&[
        ASK_FOR_TWO,
        "y la lenga no esta libre?",
        "bueno dale la lenga",
    ]);
    assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(3));
}

#[test]
fn the_last_change_of_mind_wins() {
    let t = talk(&[ASK_FOR_TWO, "la coihue... no, mejor la lenga", "dale"]);
    assert_eq!(booked(&t).map(|b| b.accommodation_id), Some(3));
    let t = talk(&[ASK_FOR_TWO, "mmm y para 4? o mejor 3... no, somos 2 nomas"]);
    assert_eq!(t.state.guests, Some(2), "{}", said(&t));
}

#[test]
fn a_later_arrival_keeps_the_check_out_an_earlier_one_the_nights() {
    // The hold is the Coihue, 15–17 Dec.
    for (text, dates) in [
        (
            "sorry, we can only arrive on the 16th",
            ("2026-12-16", "2026-12-17"),
        ),
        ("recién podemos llegar el 16", ("2026-12-16", "2026-12-17")),
        ("podemos llegar el 14?", ("2026-12-14", "2026-12-16")),
    ] {
        let t = coihue_hold(false).run(&after_hold(), text);
        let moved = t.effects.iter().find_map(|e| match e {
            Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
            _ => None,
        });
        assert_eq!(
            moved,
            Some((d(dates.0), d(dates.1))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn a_weekend_said_alone_after_a_month_is_a_weekend_of_that_month() {
    let t = talk(&["hola quiero ir en mayo somos tres", "finde?"]);
    assert_eq!(t.state.check_in, Some(d("2027-05-07")), "{}", said(&t));
    assert_eq!(t.state.check_out, Some(d("2027-05-09")));
    let t = talk(&["hola quiero ir en mayo somos tres", "finde?", "el del 14"]);
    assert_eq!(t.state.check_in, Some(d("2027-05-14")), "{}", said(&t));
    assert_eq!(t.state.check_out, Some(d("2027-05-16")));
    // Without a month named, "el finde" is the coming one.
    let coming = talk(&["finde?"]).state.check_in;
    assert!(coming.is_some());
    let t = talk(&["somos tres", "finde?"]);
    assert_eq!(t.state.check_in, coming, "{}", said(&t));
}

#[test]
fn a_bare_number_after_the_people_is_the_nights() {
    let t = talk(&["somos 4", "2"]);
    assert_eq!(t.state.nights, Some(2), "{}", said(&t));
    assert_eq!(t.state.guests, Some(4));
    assert!(said(&t).contains("2 noches"), "{}", said(&t));
    let t = talk(&["somos 4", "2", "del 10 de enero"]);
    assert_eq!(
        (t.state.check_in, t.state.check_out),
        (Some(d("2027-01-10")), Some(d("2027-01-12")))
    );
    // A correction stays about the people.
    let t = talk(&["somos 4", "ah no, perdón, 5"]);
    assert_eq!(t.state.guests, Some(5), "{}", said(&t));
    assert_eq!(t.state.nights, None);
}

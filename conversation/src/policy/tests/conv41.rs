//! Turns a forty-first, blind set of conversations (Argentine groups and calendars) found
//! wrong: "entonces dejamos la que teníamos" after the new dates came out taken, before any
//! hold, was not understood (and a later yes booked an alternative); a hold was not moved to a
//! holiday said instead of another ("en vez de carnaval, el finde largo de julio"), nor to "el
//! que viene" said of "este finde", nor by "corrémosla una semana"; "llegamos el 16, no el 15"
//! took the 15th as the check-out.

use super::*;

fn moved(t: &Turn) -> Option<(NaiveDate, NaiveDate)> {
    t.effects.iter().find_map(|e| match e {
        Effect::MoveHold { to, .. } => Some((to.check_in, to.check_out)),
        _ => None,
    })
}

#[test]
fn going_back_to_the_dates_before_ones_that_came_out_taken_offers_them_again() {
    let world = World {
        taken: vec![taken(3, "2027-02-12", "2027-02-15")],
        ..World::default()
    };
    for back in [
        "ah que macana, entonces dejamos la que teniamos",
        "bueno dejemos lo que habiamos dicho",
        "uh, entonces las fechas de antes",
        "ok entonces nos quedamos con las del principio",
    ] {
        // "nos quedamos con …" may book at once; the yes after it only confirms.
        let mut state = ConversationState::default();
        let mut last = None;
        for m in [
            "hola! la lenga del 5 al 8 de febrero para 6",
            "perdon, es del 12 al 15 de febrero",
            back,
            "dale",
        ] {
            let t = world.run(&state, m);
            last = booked(&t).or(last);
            state = t.state;
        }
        assert_eq!(
            last.map(|b| (b.accommodation_id, b.check_in, b.check_out)),
            Some((3, d("2027-02-05"), d("2027-02-08"))),
            "{back}"
        );
    }
}

#[test]
fn a_holiday_said_instead_of_another_moves_the_hold() {
    let world = coihue_hold(false);
    for text in [
        "ah no pará en vez de diciembre el finde largo de julio",
        "en vez de estas fechas, el finde largo de julio",
        "mejor el finde largo de julio",
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(
            moved(&t),
            Some((d("2027-07-08"), d("2027-07-11"))),
            "{text}: {}",
            said(&t)
        );
    }
}

#[test]
fn the_weekend_after_the_one_said_is_a_week_later() {
    // Today is a Monday: "este finde" is 27–29 November; the one after it, 4–6 December.
    for text in [
        "uh no, no es este finde, es el que viene",
        "no este finde sino el siguiente",
        "perdon, este finde no, el otro",
    ] {
        let b = held_over(&["este finde para 2", text, "dale"]);
        assert_eq!(
            b.map(|b| (b.check_in, b.check_out)),
            Some((d("2026-12-04"), d("2026-12-06"))),
            "{text}"
        );
    }
}

#[test]
fn a_hold_pushed_a_week_or_a_day_moves_whole() {
    let world = coihue_hold(false);
    for (text, to) in [
        ("corrémosla una semana", ("2026-12-22", "2026-12-24")),
        (
            "la podemos correr una semana para adelante?",
            ("2026-12-22", "2026-12-24"),
        ),
        ("pasala un dia para atras", ("2026-12-14", "2026-12-16")),
        (
            "llegamos un dia despues, pero nos vamos el mismo dia",
            ("2026-12-16", "2026-12-17"),
        ),
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(moved(&t), Some((d(to.0), d(to.1))), "{text}: {}", said(&t));
    }
}

#[test]
fn an_arrival_corrected_against_the_day_it_is_not_keeps_the_departure() {
    let world = coihue_hold(false);
    for text in [
        "Perdón, me equivoqué: llegamos el 16, no el 15. La salida sigue siendo el 17.",
        "llegamos el 16, no el 15, nos vamos el 17",
    ] {
        let t = world.run(&after_hold(), text);
        assert_eq!(
            moved(&t),
            Some((d("2026-12-16"), d("2026-12-17"))),
            "{text}: {}",
            said(&t)
        );
    }
}

//! What the whole journeys of conv28 found: the voucher asked as "the confirmation" or as
//! "what else do I need to do?", the parking asked by the car ("¿hay dónde dejarlo?"), a
//! greeting's "¿cómo va?" is no yes, the price a night asked again with a hold, prices asked
//! with nothing known list every cabin, a hold moved to an offered cabin when the held one is
//! cancelled for it, a late arrival at an hour, a cabin chosen "con el perro".

use super::*;
use crate::nlu::{Feature, Intent};

#[test]
fn the_confirmation_or_what_is_left_to_do_asked_once_paid_is_the_voucher() {
    let world = coihue_hold(true);
    for text in [
        "me reenviás la confirmación?",
        "mandame la confirmación de nuevo porfa",
        "can you resend the confirmation?",
        "me manda a confirmação de novo?",
        "qué más necesito hacer?",
        "what else do we need to do?",
        "o que mais preciso fazer?",
    ] {
        let t = world.run(&after_hold(), text);
        let out = said(&t);
        assert!(out.contains("RES261215007"), "{text}: {out}");
        assert!(out.contains("Coihue"), "{text}: {out}");
    }
    // Unpaid: what is left is paying the deposit, with its link.
    let t = coihue_hold(false).run(&after_hold(), "qué más tengo que hacer?");
    assert!(said(&t).contains("pago.example"), "{}", said(&t));
}

#[test]
fn the_car_said_with_where_to_leave_it_asks_the_parking() {
    for text in [
        "llegamos en auto, hay donde dejarlo?",
        "vamos con la camioneta, ¿dónde la dejamos?",
        "we're driving, where can we leave the car?",
        "vamos de carro, onde deixamos?",
    ] {
        let u = understand(text, today(), NAMES);
        assert!(u.features.contains(&Feature::Parking), "{text}: {u:?}");
    }
}

#[test]
fn how_is_it_going_is_a_greeting_not_a_yes() {
    let t = talk(&[ASK_FOR_TWO, "hola! cómo va?"]);
    assert!(booked(&t).is_none(), "{}", said(&t));
    for text in ["hola! cómo va?", "qué tal va todo?"] {
        assert!(!understand(text, today(), NAMES).affirmative, "{text}");
    }
}

#[test]
fn the_price_a_night_asked_again_with_a_hold_is_said_with_the_hold() {
    let world = coihue_hold(false);
    for (text, night) in [
        ("perdón, cuánto era por noche?", "la noche"),
        ("sorry, how much was it per night?", "a night"),
    ] {
        let out = said(&world.run(&after_hold(), text));
        assert!(out.contains(night), "{text}: {out}");
        assert!(out.contains("pago.example"), "{text}: {out}");
    }
}

#[test]
fn prices_asked_with_nothing_known_list_every_cabin() {
    for text in [
        "Hola! quería saber precios",
        "what are your prices?",
        "quais são os preços?",
    ] {
        let out = said(&talk(&[text]));
        for name in ["Arrayán", "Coihue", "Lenga"] {
            assert!(out.contains(name), "{text}: {out}");
        }
    }
}

#[test]
fn the_held_cabin_cancelled_for_one_offered_moves_the_hold() {
    let world = coihue_hold(false);
    let asked = world.run(&after_hold(), "cuánto sale la Arrayán?");
    assert!(asked.state.offer.is_some(), "{}", said(&asked));
    for text in [
        "cancelá la Coihue y pasame a la Arrayán",
        "cancel the Coihue and switch me to the Arrayán",
        "cancela a Coihue e troca para a Arrayán",
    ] {
        let t = world.run(&asked.state, text);
        assert!(booked(&t).is_none(), "{text}: a second hold");
        assert!(
            t.effects.iter().any(|e| matches!(
                e,
                Effect::MoveHold { code, to } if code == "RES261215007" && to.accommodation_id == 1
            )),
            "{text}: {:?}",
            t.effects
        );
    }
}

#[test]
fn an_arrival_at_an_hour_asks_the_check_in() {
    for text in [
        "¿Podemos llegar después de las 21?",
        "can we arrive after 9pm?",
        "podemos chegar depois das 21h?",
    ] {
        let out = said(&coihue_hold(true).run(&after_hold(), text));
        assert!(out.contains("14:00"), "{text}: {out}");
    }
    // A day of arrival is no hour.
    let u = understand("llegamos el 15 de marzo", today(), NAMES);
    assert!(!u.features.contains(&Feature::CheckIn), "{u:?}");
}

#[test]
fn a_cabin_chosen_with_the_dog_is_picked_not_asked_about() {
    let t = talk(&[
        "hola, somos 2 con un perro, del 15 al 17 de diciembre",
        "entonces la Lenga con el perro",
    ]);
    // A pick said as no question is held at once, as any pick is (stop 38).
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(3),
        "{}",
        said(&t)
    );
    // Asked, it is a question.
    let u = understand("¿la Lenga acepta perros?", today(), NAMES);
    assert_eq!(u.intent, Intent::AskInfo);
}

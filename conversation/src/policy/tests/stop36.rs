//! What the hand probes of stop 36 found: a hold taken back with thanks ("mejor no, gracias")
//! or with a shrug ("never mind", "deixa pra lá") stayed held, and so did one taken back after
//! an "ok" that only heard the hold again; "never mind" after an offer was not understood; a
//! yes/no question about an option other than the one proposed ("¿la Ñire tiene jacuzzi?",
//! the Coihue proposed) was answered, and the "dale" after it booked the Coihue; "la diferencia
//! la pagamos al llegar?" compared the cabins. Found by the whole fleet table: "así quedamos 4 y
//! 4" (parties apart) was read as a party of 4.

use super::*;

const ASK: &str = "hola, tienen para 2 del 15 al 17 de diciembre?";

#[test]
fn a_hold_taken_back_with_thanks_or_a_shrug_is_released() {
    let placed = talk(&[ASK, "dale"]);
    assert!(booked(&placed).is_some(), "{}", said(&placed));
    for text in [
        "mejor no, gracias",
        "mmm mejor no, gracias igual",
        "never mind",
        "actually never mind",
        "nah, never mind, thanks",
        "deixa pra lá",
        "não, melhor não, obrigado",
    ] {
        let t = coihue_hold(false).run(&placed.state, text);
        assert!(released(&t), "{text}: {}", said(&t));
    }
    // A bare thanks-no may answer something else; a shrug with what to keep keeps it.
    for text in [
        "no, gracias",
        "no thanks",
        "never mind, keep the original dates",
    ] {
        let t = coihue_hold(false).run(&placed.state, text);
        assert!(!released(&t), "{text}: {}", said(&t));
    }
}

#[test]
fn an_ok_that_hears_the_hold_again_still_lets_it_be_taken_back() {
    let placed = talk(&[ASK, "dale"]);
    let again = coihue_hold(false).run(&placed.state, "ok");
    assert!(again.state.just_held, "{}", said(&again));
    let t = coihue_hold(false).run(&again.state, "mejor no, gracias");
    assert!(released(&t), "{}", said(&t));
    // A question in between leaves the hold for good: a no later is no cancellation.
    let asked = coihue_hold(false).run(&placed.state, "a qué hora es el check in?");
    let t = coihue_hold(false).run(&asked.state, "mejor no, gracias");
    assert!(!released(&t), "{}", said(&t));
}

#[test]
fn never_mind_after_an_offer_is_a_polite_no() {
    const EN: &str = "hi, do you have something for 2 from December 15 to 17?";
    const PT: &str = "oi, tem algo pra 2 de 15 a 17 de dezembro?";
    for (ask, text, words) in [
        (EN, "never mind", "No problem"),
        (PT, "deixa pra lá, obrigado", "Tudo bem"),
        (EN, "nvm", "No problem"),
    ] {
        let t = talk(&[ask, text]);
        assert!(booked(&t).is_none(), "{text}: {}", said(&t));
        assert!(said(&t).contains(words), "{text}: {}", said(&t));
    }
    // "Never mind, what about …?" asks on: no call-off.
    let u = understand("never mind, what about the Lenga?", today(), NAMES);
    assert_ne!(u.intent, crate::nlu::Intent::Cancel, "{u:?}");
}

#[test]
fn a_yes_that_sets_an_option_apart_offers_it_so_the_next_yes_books_it() {
    // The Lenga alone of the offer has a pool (the Arrayán is proposed): offered with the yes.
    for (ask, text, yes) in [
        (
            "somos 2 del 10 al 13 de mayo",
            "la lenga tiene pileta?",
            "dale",
        ),
        (
            "we're 2 from May 10 to 13",
            "does the lenga have a pool?",
            "great, go ahead",
        ),
        (
            "somos 2 de 10 a 13 de maio",
            "a lenga tem piscina?",
            "fechado",
        ),
    ] {
        let t = talk(&[ask, text, yes]);
        assert_eq!(
            booked(&t).map(|b| b.accommodation_id),
            Some(3),
            "{text}: {}",
            said(&t)
        );
    }
    // A yes both share (every cabin has WiFi): the one proposed stays, and a yes books it.
    let t = talk(&[
        "somos 2 del 10 al 13 de mayo",
        "la lenga tiene wifi?",
        "dale",
    ]);
    assert_eq!(
        booked(&t).map(|b| b.accommodation_id),
        Some(1),
        "{}",
        said(&t)
    );
}

#[test]
fn a_difference_paid_is_the_balance_not_a_comparison() {
    for text in [
        "la diferencia la pagamos al llegar?",
        "la diferencia se paga allá?",
        "can we pay the difference on arrival?",
    ] {
        let u = understand(text, today(), NAMES);
        assert!(!u.compares, "{text}: {u:?}");
    }
    for text in [
        "cuál es la diferencia entre la coihue y la lenga?",
        "what's the difference?",
    ] {
        assert!(understand(text, today(), NAMES).compares, "{text}");
    }
    let t = talk(&[
        "quiero reservar la coihue del 15 al 17 de diciembre para 2",
        "la diferencia se paga allá?",
    ]);
    assert!(said(&t).contains("al llegar"), "{}", said(&t));
}

#[test]
fn parties_said_apart_after_the_settling_verb_are_no_whole_party() {
    let u = understand(
        "mejor la Coihue y la Lenga, así quedamos 4 y 4",
        today(),
        NAMES,
    );
    assert_eq!(u.guests, None, "{u:?}");
    assert_eq!(u.accommodations, ["Cabaña Coihue", "Cabaña Lenga"], "{u:?}");
    // The verb straight before one count still settles the party.
    assert_eq!(
        understand("al final quedamos 4", today(), NAMES).guests,
        Some(4)
    );
}

//! What conv95's blind set (a generalist sample over every bullet, mostly Argentine WhatsApp)
//! found: a pick by price or size said with the stay ("la más barata de las dos entonces,
//! somos 4 del 3 al 6 de mayo") was ignored, so the offer led with the cabin asked about
//! before and a yes held that one.

use super::*;

#[test]
fn the_cheapest_said_with_the_stay_leads_the_offer_and_a_yes_holds_it() {
    for (asked, pick, yes) in [
        (
            "cuanto sale la lenga x noche",
            "mmm la mas barata de las dos entonces somos 4 del 3 al 6 de mayo",
            "si",
        ),
        (
            "how much is the Lenga per night?",
            "the cheapest one then, 4 of us from May 3 to May 6",
            "yes",
        ),
        (
            "quanto custa a diaria da lenga?",
            "a mais barata entao, somos 4 de 3 a 6 de maio",
            "sim",
        ),
    ] {
        let held = held_over(&[asked, pick, yes]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(2), "{pick}");
    }
}

#[test]
fn the_biggest_said_with_the_stay_leads_the_offer() {
    for (asked, pick) in [
        (
            "y la coihue cuanto sale",
            "bueno la mas grande entonces, somos 3 del 3 al 6 de mayo",
        ),
        (
            "what's the price of the Coihue?",
            "the biggest one then, 3 of us from May 3 to May 6",
        ),
    ] {
        let held = held_over(&[asked, pick, "dale"]);
        assert_eq!(held.map(|b| b.accommodation_id), Some(3), "{pick}");
    }
}

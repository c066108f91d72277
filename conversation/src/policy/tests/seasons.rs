//! Seasons: their prices in quotes, and a stay shorter than the minimum of the season of its
//! first night answered with the minimum, the season's name and the shortest stay it accepts.

use booking::Money;

use super::*;

/// "Verano": the nights of 20 Dec 2026 to 10 Jan 2027, $ 100.000 a night, at least 3 nights.
fn summer(min_nights: u32) -> PriceSeason {
    PriceSeason {
        name: "Verano".into(),
        first_night: d("2026-12-20"),
        last_night: d("2027-01-10"),
        per_night: Money::from_cents(10_000_000),
        min_nights,
    }
}

/// Every cabin with the summer season.
fn summer_everywhere() -> World {
    World {
        seasons: (1..=3).map(|id| (id, summer(3))).collect(),
        ..Default::default()
    }
}

#[test]
fn a_stay_inside_a_season_is_quoted_at_the_season_s_price() {
    let t = summer_everywhere().run(
        &ConversationState::default(),
        "hola, tenés lugar para 2 del 28 al 31 de diciembre?",
    );
    let offer = t.state.offer.as_ref().expect("an offer");
    // Three nights at $ 100.000, whatever the cabin's base price.
    assert!(
        offer.options.iter().all(|o| o.total_cents == 30_000_000),
        "{offer:?}"
    );
    assert!(said(&t).contains("300.000"), "{}", said(&t));
    assert!(!said(&t).contains("mínima"), "{}", said(&t));
}

#[test]
fn a_stay_across_the_season_s_start_pays_each_night_its_price() {
    // 18 and 19 Dec at the Arrayán's $ 45.000, 20 Dec in the season; the first night is
    // before the season, so its minimum does not apply to a three-night stay... nor to two.
    let w = World {
        seasons: vec![(1, summer(5))],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "hola, tenés lugar para 2 del 18 al 21 de diciembre?",
    );
    let offer = t.state.offer.as_ref().expect("an offer");
    let arrayan = offer
        .options
        .iter()
        .find(|o| o.accommodation_id == 1)
        .expect("the Arrayán is offered");
    assert_eq!(arrayan.total_cents, 2 * 4_500_000 + 10_000_000);
}

#[test]
fn a_stay_shorter_than_the_minimum_names_it_and_offers_the_shortest_stay() {
    for (text, lang_words) in [
        (
            "hola, tenés lugar para 2 del 28 al 30 de diciembre?",
            ["mínima es de 3 noches", "Verano", "dale"],
        ),
        (
            "hi, do you have room for 2 from December 28 to 30?",
            ["minimum stay is 3 nights", "Verano", "yes"],
        ),
        (
            "olá, tem lugar para 2 de 28 a 30 de dezembro?",
            ["mínima é de 3 noites", "Verano", "sim"],
        ),
    ] {
        let w = summer_everywhere();
        let t = w.run(&ConversationState::default(), text);
        let out = said(&t);
        for word in lang_words {
            assert!(out.contains(word), "{text}: {out}");
        }
        let offer = t
            .state
            .offer
            .clone()
            .expect("the shortest stay on the table");
        assert_eq!(
            (offer.check_in, offer.check_out),
            (d("2026-12-28"), d("2026-12-31")),
            "{text}"
        );
        assert_eq!(offer.options[0].total_cents, 30_000_000);
        assert!(booked(&t).is_none(), "nothing booked before a yes");
        // A yes books the three nights.
        let yes = if text.starts_with("hi") {
            "yes"
        } else if text.starts_with("olá") {
            "sim"
        } else {
            "dale"
        };
        let t2 = w.run(&t.state, yes);
        let b = booked(&t2).expect("books the shortest stay");
        assert_eq!(
            (b.check_in, b.check_out),
            (d("2026-12-28"), d("2026-12-31")),
            "{text}"
        );
    }
}

#[test]
fn a_stay_of_the_minimum_or_more_is_accepted_and_a_cabin_without_the_season_is_offered() {
    // Exactly the minimum: offered as asked.
    let t = summer_everywhere().run(
        &ConversationState::default(),
        "para 2 del 28 al 31 de diciembre",
    );
    let offer = t.state.offer.as_ref().expect("an offer");
    assert_eq!(
        (offer.check_in, offer.check_out),
        (d("2026-12-28"), d("2026-12-31"))
    );
    // Only the Arrayán has the season: two nights are offered in the cabins without it.
    let w = World {
        seasons: vec![(1, summer(3))],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "para 2 del 28 al 30 de diciembre",
    );
    let offer = t.state.offer.as_ref().expect("an offer");
    let ids: Vec<i64> = offer.options.iter().map(|o| o.accommodation_id).collect();
    assert_eq!(ids, vec![2, 3], "{}", said(&t));
    assert_eq!(
        (offer.check_in, offer.check_out),
        (d("2026-12-28"), d("2026-12-30"))
    );
}

#[test]
fn a_named_cabin_too_short_for_its_season_names_its_minimum() {
    let w = World {
        seasons: vec![(3, summer(4))],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "quiero la Lenga para 4 del 28 al 30 de diciembre",
    );
    let out = said(&t);
    assert!(out.contains("mínima es de 4 noches"), "{out}");
    let offer = t.state.offer.as_ref().expect("an offer");
    assert_eq!(offer.options[0].accommodation_id, 3);
    assert_eq!(
        (offer.check_in, offer.check_out),
        (d("2026-12-28"), d("2027-01-01"))
    );
}

#[test]
fn when_the_shortest_stay_is_not_free_the_guest_is_asked_for_more_nights() {
    let w = World {
        seasons: vec![(1, summer(3))],
        taken: vec![
            taken(1, "2026-12-30", "2027-01-02"),
            taken(2, "2026-12-20", "2027-01-10"),
            taken(3, "2026-12-20", "2027-01-10"),
        ],
        ..Default::default()
    };
    let t = w.run(
        &ConversationState::default(),
        "tenés lugar para 2 del 28 al 30 de diciembre?",
    );
    let out = said(&t);
    assert!(out.contains("mínima es de 3 noches"), "{out}");
    assert!(out.contains("¿Podés quedarte 3 noches o más?"), "{out}");
    assert!(t.state.offer.is_none(), "nothing to say yes to");
    assert!(booked(&t).is_none());
}

#[test]
fn a_hold_moved_to_fewer_nights_than_its_season_asks_is_offered_the_shortest_stay() {
    // The Coihue's hold of 15–17 Dec; from the 16th the Coihue is in a season of 3 nights.
    let mut w = coihue_hold(false);
    w.seasons = vec![(
        2,
        PriceSeason {
            first_night: d("2026-12-16"),
            ..summer(3)
        },
    )];
    let t = w.run(&after_hold(), "no era el 15, era el 16");
    assert!(!moved(&t), "not moved onto two nights: {}", said(&t));
    let out = said(&t);
    assert!(out.contains("mínima es de 3 noches"), "{out}");
    let offer = t
        .state
        .offer
        .clone()
        .expect("the shortest stay on the table");
    assert_eq!(
        (offer.check_in, offer.check_out, offer.replaces.as_deref()),
        (d("2026-12-16"), d("2026-12-19"), Some("RES261215007"))
    );
    // A yes moves the hold to those three nights.
    let t2 = w.run(&t.state, "dale");
    let to = t2.effects.iter().find_map(|e| match e {
        Effect::MoveHold { code, to } => Some((code.clone(), to.check_in, to.check_out)),
        _ => None,
    });
    assert_eq!(
        to,
        Some(("RES261215007".to_owned(), d("2026-12-16"), d("2026-12-19"))),
        "{}",
        said(&t2)
    );
}

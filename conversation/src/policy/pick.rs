//! Which option on the table the guest points at: by name, position, price, size, pets or a
//! feature ("la segunda", "la más barata", "la de 70 lucas", "la que tiene jacuzzi"), and what
//! pointing does
//! (the option comes into focus; with a yes it is booked).
//!
//! Reads the offer and the message only; it never quotes or holds.

use super::step::Step;
use crate::{
    Facts,
    nlu::{Choice, Understanding},
    state::Offer,
};

/// Option `i` of `offer` picked: it is the one in focus and, as the cabin wanted, leads any
/// offer recomputed after a correction; booked when the guest also agreed, else shown.
pub(super) fn choose(
    offer: &mut Offer,
    wanted: &mut Option<String>,
    i: usize,
    agrees: bool,
) -> Step {
    offer.chosen = i;
    // "¿Hay alguna con jacuzzi?" after a question about another option: the one now in focus
    // is the one "esa", "that one" points at.
    if offer.asked.is_some_and(|a| a != i) {
        offer.asked = None;
    }
    *wanted = offer.options.get(i).map(|o| o.name.clone());
    if agrees {
        Step::BookOffer
    } else {
        Step::Pick(i)
    }
}

/// The one option on the table that has the one feature (or the view) a question asks
/// about, when no cabin is named; `None` when none or several have it.
pub(super) fn only_one_has(offer: &Offer, u: &Understanding, facts: &Facts<'_>) -> Option<usize> {
    let feature = match u.features[..] {
        [f] => Some(f),
        [] if u.scenery.is_some() => None,
        _ => return None,
    };
    let has = |a: &booking::Accommodation| match feature {
        Some(f) => crate::info::has(a, f),
        None => u.scenery.is_some_and(|v| crate::info::has_view(a, v)),
    };
    if u.accommodation.is_some() || u.features.iter().any(|f| !f.of_the_cabin()) {
        return None;
    }
    let having: Vec<usize> = offer
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            facts
                .accommodation_by_id(o.accommodation_id)
                .is_some_and(has)
        })
        .map(|(i, _)| i)
        .collect();
    match having[..] {
        [i] => Some(i),
        _ => None,
    }
}

/// Which option the message points at: `Some(Some(i))` found, `Some(None)` pointed at
/// something the offer lacks, `None` no pick at all.
pub(super) fn pick(offer: &Offer, u: &Understanding, facts: &Facts<'_>) -> Option<Option<usize>> {
    let options = &offer.options;
    if let Some(name) = &u.accommodation
        && let Some(i) = options.iter().position(|o| &o.name == name)
    {
        return Some(Some(i));
    }
    // "Sí, pero la Lenga, queremos más espacio" with the Lenga not offered: the size said is
    // why the guest names it; it points at no option on the table.
    if u.accommodation.is_some()
        && matches!(
            u.choice,
            Some(Choice::Largest | Choice::Smallest | Choice::Cheapest | Choice::Priciest)
        )
    {
        return None;
    }
    // "La más barata que acepta perros", "the cheapest, we have a dog": among those that take
    // pets. "¿Algo más grande? con jacuzzi si puede ser", "the cheapest with a fireplace",
    // "a maior com churrasqueira": among those that have what is asked with it, when any does.
    let has_all = |o: &crate::state::OfferOption| {
        facts
            .accommodation_by_id(o.accommodation_id)
            .is_some_and(|a| u.features.iter().all(|f| crate::info::has(a, *f)))
    };
    let wanted = !u.features.is_empty() && options.iter().any(has_all);
    let ranked_by = |choice: Choice| {
        let candidates = options
            .iter()
            .enumerate()
            .filter(|(_, o)| !u.pets || o.pets_allowed)
            .filter(|(_, o)| !wanted || has_all(o));
        ranked(
            choice,
            candidates,
            |(_, o)| o.total_cents,
            |(_, o)| o.capacity,
        )
        .map(|(i, _)| i)
    };
    let found = match u.choice? {
        Choice::Position(n) => n.checked_sub(1).filter(|i| *i < options.len()),
        // "Esa": the option last asked about, else the one in focus.
        Choice::ThatOne => Some(offer.asked.unwrap_or(offer.chosen)).filter(|i| *i < options.len()),
        Choice::Last => options.len().checked_sub(1),
        Choice::Middle => (options.len() == 3).then_some(1),
        Choice::Other => (options.len() == 2).then_some(1 - offer.chosen.min(1)),
        by @ (Choice::Cheapest | Choice::Priciest | Choice::Largest | Choice::Smallest) => {
            ranked_by(by)
        }
        Choice::PetFriendly => options.iter().position(|o| o.pets_allowed),
        // The one for exactly that many, else the smallest that takes them.
        Choice::Sleeps(n) => options
            .iter()
            .position(|o| o.capacity == i32::from(n))
            .or_else(|| {
                options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.capacity >= i32::from(n))
                    .min_by_key(|(i, o)| (o.capacity, *i))
                    .map(|(i, _)| i)
            }),
        Choice::Priced(pesos) => priced(options, i64::from(pesos) * 100, facts),
        Choice::Having(f) => options.iter().position(|o| {
            facts
                .accommodations()
                .iter()
                .any(|a| a.id == o.accommodation_id && crate::info::has(a, f))
        }),
    };
    Some(found)
}

/// The one of `candidates` a pick by price or size points at ("la más barata", "the biggest"),
/// the first of them on a tie; `None` for any other pick. Offers rank their options by it, and
/// a pick said with a stay ranks the free cabins by it, so both read "la más barata" alike.
pub(super) fn ranked<T>(
    choice: Choice,
    candidates: impl Iterator<Item = T>,
    price: impl Fn(&T) -> i64,
    capacity: impl Fn(&T) -> i32,
) -> Option<T> {
    let key = |t: &T| match choice {
        Choice::Cheapest | Choice::Priciest => Some(price(t)),
        Choice::Largest | Choice::Smallest => Some(i64::from(capacity(t))),
        _ => None,
    };
    let highest = matches!(choice, Choice::Priciest | Choice::Largest);
    let keyed = candidates
        .enumerate()
        .map(|(order, t)| Some((key(&t)?, order, t)))
        .collect::<Option<Vec<_>>>()?;
    let best = if highest {
        keyed
            .into_iter()
            .max_by_key(|(k, order, _)| (*k, std::cmp::Reverse(*order)))
    } else {
        keyed.into_iter().min_by_key(|(k, order, _)| (*k, *order))
    };
    best.map(|(_, _, t)| t)
}

/// The option a sum said points at ("la de 70 lucas", "la de $210.000"): the one whose price
/// a night or total is that sum, else the one nearest to it within a tenth (a total rounded,
/// "la de 200 mil" for $ 204.000); none when two are as near.
fn priced(options: &[crate::state::OfferOption], cents: i64, facts: &Facts<'_>) -> Option<usize> {
    let night = |o: &crate::state::OfferOption| {
        facts
            .accommodation_by_id(o.accommodation_id)
            .map(|a| a.tariff().base_per_night.cents())
    };
    let distance = |o: &crate::state::OfferOption| {
        [Some(o.total_cents), night(o)]
            .into_iter()
            .flatten()
            .map(|c| (c - cents).abs())
            .min()
            .unwrap_or(i64::MAX)
    };
    let mut near: Vec<(i64, usize)> = options
        .iter()
        .enumerate()
        .map(|(i, o)| (distance(o), i))
        .filter(|(d, _)| *d * 10 <= cents)
        .collect();
    near.sort_unstable();
    match near[..] {
        [(d, i), (e, _), ..] if d < e => Some(i),
        [(_, i)] => Some(i),
        _ => None,
    }
}

//! What the guest is doing now, read against what is on the table and what they hold.
//!
//! The stages run in order and the first that has a step decides; each is a module:
//! 1. `overrides`: what the bot is ("¿sos un bot?"); a person, or a cancellation; a code none
//!    of the guest's holds has; "mejor no" right after a hold; whether a party fits in the
//!    cabin named ("¿entramos 5 en la Coihue?"); a pet said after an offer whose option in
//!    focus takes none: the offer again, the cabins that take pets first (after a hold: the
//!    hold kept, the cabins that take pets offered to replace it);
//! 2. `if_so`: a choice on the answer to a question in the same message ("¿tiene parrilla? si
//!    tiene, reservala"): the question answered, the option the answer allows booked;
//!    then `cabin_price`: a group's question about one cabin's price ("¿cuánto sale la
//!    Coihue?" from 8, "the biggest cabin?" from 18), answered for that cabin;
//! 3. `together`: cabins offered together: those the group names instead;
//! 4. `resume`: a language asked for, "¿todos en una?", a nudge: what is on the table again;
//! 5. `described`: questions answered from what the owner wrote, options pointed at by it;
//! 6. `advice`: other options, a recommendation, the cabins side by side; a yes with a request;
//! 7. `paying`: a guest with a hold asking about the voucher, the balance, how to pay; then
//!    `later_trip`: another cabin's price asked, no stay said, by a guest whose stay is paid:
//!    its price a night, the dates and people asked anew;
//! 8. `questions`: a question about the place without new dates or people is answered (a
//!    question with them is answered together with the quote); thanks;
//! 9. `offer`: with an offer on the table and no new dates or people: a pick said as no
//!    question ("la Coihue", "la segunda", "la más barata", "la del jacuzzi", also with
//!    thanks) holds that option at once; one asked about only focuses it; a yes accepts the
//!    option in focus, and only that;
//! 10. `hold`: with a hold: new dates or people correct it (moved if unpaid, handed to staff if
//!     paid), unless the guest plainly asks about another stay; a yes says it is already held;
//!     a price question ("¿cuánto es la seña?") gets the hold's own total, deposit and link;
//! 11. `stay`: a greeting; winter holidays (which days?); a long weekend in a month without
//!     one; a month asked about; then a stay: ask for the missing slot, or quote.
//!
//! A stage only reads the facts and the message and writes the conversation's state; it never
//! carries a step out (that is `act`).

mod advice;
mod cabin_price;
mod described;
mod hold;
mod if_so;
mod later_trip;
mod offer;
mod overrides;
mod paying;
mod questions;
mod resume;
mod stay;
mod together;

use booking::{Guests, StayDates};

use super::Heard;
pub(crate) use super::step::Step;
use crate::{
    Facts, Held,
    nlu::{Choice, InfoTopic, Intent, Understanding},
    state::{ConversationState, Offer, Want},
};
pub(crate) use if_so::narrowed_to;

/// Confidence from which an availability or price question is an explicit one (a keyword),
/// not one inferred from bare dates or people (see `nlu::confidence`).
pub(super) const EXPLICIT_QUESTION: f32 = 0.85;

/// The guest's hold this message is about: the one in the facts, unless the message names
/// another code.
pub(crate) fn held<'a>(facts: &Facts<'a>, u: &Understanding) -> Option<&'a Held> {
    facts
        .held
        .filter(|h| u.reservation_code.as_ref().is_none_or(|c| h.is_called(c)))
}

/// The hold a cancellation is about when the guest holds several: the one named by code, by
/// its arrival ("la del 8"), by its month ("la de marzo"), by its cabin ("la del Arrayán") or
/// by its place in time ("la primera", "la última"); else the latest.
pub(crate) fn cancel_target<'a>(facts: &Facts<'a>, u: &Understanding) -> Option<&'a Held> {
    use chrono::Datelike;
    if facts.others.is_empty() {
        return held(facts, u);
    }
    let mut all: Vec<&'a Held> = facts.holds().collect();
    if let Some(code) = &u.reservation_code {
        return all.into_iter().find(|h| h.is_called(code));
    }
    let one = |hits: Vec<&'a Held>| match hits[..] {
        [h] => Some(h),
        _ => None,
    };
    if let Some(date) = u.check_in
        && let Some(h) = one(all
            .iter()
            .copied()
            .filter(|h| h.check_in == date || h.check_in.day() == date.day())
            .collect())
    {
        return Some(h);
    }
    // "Cancelá la de marzo", "cancel the February one", "a de janeiro": the hold in that month.
    if u.check_in.is_none()
        && let Some(month) = u.month
        && let Some(h) = one(all
            .iter()
            .copied()
            .filter(|h| h.check_in.month() == month)
            .collect())
    {
        return Some(h);
    }
    if let Some(name) = &u.accommodation
        && let Some(h) = one(all
            .iter()
            .copied()
            .filter(|h| h.cabins().contains(&name.as_str()))
            .collect())
    {
        return Some(h);
    }
    all.sort_by_key(|h| h.check_in);
    let by_place = match u.choice {
        Some(Choice::Position(n)) => n.checked_sub(1).and_then(|i| all.get(i).copied()),
        Some(Choice::Last) => all.last().copied(),
        _ => None,
    };
    by_place.or_else(|| held(facts, u))
}

/// How many the cabins named sleep together.
pub(super) fn capacity_of(facts: &Facts<'_>, names: &[String]) -> i32 {
    facts
        .accommodations()
        .iter()
        .filter(|a| names.contains(&a.name))
        .map(|a| a.capacity)
        .sum()
}

/// The offer's stay and party quoted again (what is free now, for what the guest said since).
pub(super) fn offer_again(offer: &Offer, facts: &Facts<'_>) -> Option<Step> {
    let stay = StayDates::from_today(offer.check_in, offer.check_out, facts.today).ok()?;
    let guests = Guests::new(offer.guests).ok()?;
    Some(Step::Quote {
        stay,
        guests,
        want: Want::Availability,
    })
}

/// "La más barata que acepta perros", "the biggest one that takes dogs": a pick by price or
/// size among the options that take pets, the pets no question of their own.
fn ranks_pet_friendly(u: &Understanding) -> bool {
    u.pets
        && u.topics == [InfoTopic::Pets]
        && matches!(
            u.choice,
            Some(Choice::Cheapest | Choice::Priciest | Choice::Largest | Choice::Smallest)
        )
}

/// "Mejor la Coihue así llevamos al perro", "the Coihue then, we're bringing the dog", "a
/// Coihue então, pra levar o cachorro": a cabin that takes pets named with the pet said as the
/// reason, no question, points at it as "la que acepta perros" does.
fn pet_along(u: &Understanding, facts: &Facts<'_>) -> bool {
    u.pets
        && u.topics == [InfoTopic::Pets]
        && !u.question
        && u.accommodation
            .as_deref()
            .and_then(|name| facts.accommodation(name))
            .is_some_and(|a| a.pets_allowed)
}

/// A yes, or a message that asks to book.
fn agrees(u: &Understanding) -> bool {
    u.affirmative || u.intent == Intent::Book
}

/// A stage: a step when it applies, else `None` and the next stage reads the message.
type Stage = fn(
    &ConversationState,
    &mut ConversationState,
    &Understanding,
    &Heard,
    &Facts<'_>,
) -> Option<Step>;

/// In order; the first with a step decides, else the stay asked for (`stay::stay_request`).
const STAGES: [Stage; 14] = [
    overrides::overrides,
    if_so::if_so,
    cabin_price::cabin_price,
    together::together,
    resume::resume,
    described::described,
    advice::advice,
    advice::yes_with_request,
    paying::paying,
    later_trip::later_trip,
    questions::questions,
    offer::offer,
    hold::hold,
    stay::calendar,
];

pub(crate) fn plan(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Step {
    STAGES
        .iter()
        .find_map(|stage| stage(prev, s, u, heard, facts))
        .unwrap_or_else(|| stay::stay_request(prev, s, u, heard, facts))
}

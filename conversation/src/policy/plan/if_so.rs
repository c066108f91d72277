//! Stage 2: a choice made on the answer to a question in the same message ("¿la Lenga tiene
//! parrilla? si tiene, reservala", "¿la Ñire acepta perros? si acepta la Ñire, sino la
//! Coihue"): the question answered for the cabin asked about, and the option the answer
//! allows booked (none when it is no and no other was named).

use booking::{Guests, StayDates};

use super::{Heard, Step};
use crate::policy::pick::{choose, pick};
use crate::{
    Facts, info,
    nlu::Understanding,
    state::{ConversationState, Want},
};

pub(super) fn if_so(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    let cond = u.if_so.as_ref()?;
    if heard.new_stay() {
        return either_with_a_stay(prev, s, u, heard, facts).or_else(|| with_a_stay(s, u, facts));
    }
    let Some(offer) = s.offer.as_mut().filter(|o| !o.together) else {
        return before_an_offer(s, u, facts);
    };
    // The cabin asked about: named, pointed at ("¿la segunda tiene…?"), else the one in focus.
    let subject = cond
        .subject
        .clone()
        .or_else(|| {
            pick(offer, u, facts)
                .flatten()
                .and_then(|i| offer.options.get(i))
                .map(|o| o.name.clone())
        })
        .or_else(|| offer.options.get(offer.chosen).map(|o| o.name.clone()))?;
    let yes = answer(u, facts, &subject)?;
    let wanted = if yes {
        Some(subject.clone())
    } else {
        cond.otherwise.clone()
    };
    let then = wanted
        .and_then(|name| offer.options.iter().position(|o| o.name == name))
        .map(|i| Box::new(choose(offer, &mut s.accommodation, i, cond.books)));
    if then.is_some() {
        return Some(Step::IfSo {
            subject,
            then,
            still: false,
        });
    }
    // A no, and no other cabin named: nothing booked; the cabin asked about, when offered, is
    // in focus so a yes still books it.
    s.accommodation = Some(subject.clone());
    let still = match offer.options.iter().position(|o| o.name == subject) {
        Some(i) => {
            offer.chosen = i;
            true
        }
        None => false,
    };
    Some(Step::IfSo {
        subject,
        then: None,
        still,
    })
}

/// "¿La Ñire acepta mascotas? si no, reservame la Coihue del 3 al 6 de mayo para 2", "does
/// the Ñire allow pets? if not, book the Coihue…", "a Ñire aceita pet? se não, reserva a
/// Coihue…": two cabins and a stay. The question is answered for the cabin asked about, and the
/// stay is read again for the cabin the answer leaves wanted (the one asked about on a yes, the
/// other on a no), so the usual stages book or offer it.
fn either_with_a_stay(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    let cond = u.if_so.as_ref()?;
    let subject = cond.subject.clone()?;
    let otherwise = cond.otherwise.clone()?;
    let wanted = if answer(u, facts, &subject)? {
        subject.clone()
    } else {
        otherwise
    };
    let read = narrowed_to(u, &wanted);
    s.accommodation = Some(wanted);
    // One cabin wanted now, not the two named to choose between.
    s.named.clear();
    let then = super::plan(prev, s, &read, heard, facts);
    Some(Step::IfSo {
        subject,
        then: Some(Box::new(then)),
        still: false,
    })
}

/// The message read as asking for `wanted` alone, its condition settled: what the stay said
/// with a choice on an answer is carried out with (`either_with_a_stay`).
pub(crate) fn narrowed_to(u: &Understanding, wanted: &str) -> Understanding {
    let mut read = u.clone();
    read.if_so = None;
    read.accommodation = Some(wanted.to_owned());
    read.accommodations = vec![wanted.to_owned()];
    read
}

/// "¿La Lenga tiene pileta? si tiene, reservala del 3 al 5 para 6": on a yes the stay is
/// booked as asked (the usual stages); on a no nothing is held, the question is answered and
/// what is free for the stay offered.
fn with_a_stay(s: &mut ConversationState, u: &Understanding, facts: &Facts<'_>) -> Option<Step> {
    let cond = u.if_so.as_ref()?;
    let subject = cond.subject.clone().or_else(|| u.accommodation.clone())?;
    if answer(u, facts, &subject)? {
        return None;
    }
    let stay = StayDates::from_today(s.check_in?, s.check_out?, facts.today).ok();
    let guests = s.guests.and_then(|g| Guests::new(g).ok());
    s.wants = Some(Want::Availability);
    let then = stay.zip(guests).map(|(stay, guests)| {
        Box::new(Step::Quote {
            stay,
            guests,
            want: Want::Availability,
        })
    });
    Some(Step::IfSo {
        subject,
        then,
        still: false,
    })
}

/// "¿La Lenga tiene jacuzzi? si no, la Ñire" before anything was offered: the question
/// answered for the cabin asked about, and the one the answer leaves wanted is the cabin the
/// stay is asked for next. A booking said on a yes ("si tiene, reservala") is left to the
/// stages that ask for its dates.
fn before_an_offer(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Option<Step> {
    let cond = u.if_so.as_ref().filter(|c| !c.books)?;
    let subject = cond.subject.clone()?;
    let yes = answer(u, facts, &subject)?;
    s.accommodation = if yes {
        Some(subject.clone())
    } else {
        cond.otherwise.clone().or(Some(subject.clone()))
    };
    Some(Step::IfSo {
        subject,
        then: None,
        still: false,
    })
}

/// Whether the cabin `name` has everything the message asks of it; `None` when it asks
/// nothing a yes or no answers.
fn answer(u: &Understanding, facts: &Facts<'_>, name: &str) -> Option<bool> {
    let a = facts.accommodation(name)?;
    let words = u.also_described.as_deref().or(u
        .asked_of
        .as_ref()
        .filter(|(n, _)| n == name)
        .map(|(_, w)| w.as_str()));
    if u.features.is_empty() && words.is_none() && u.scenery.is_none() {
        return None;
    }
    Some(
        u.features.iter().all(|f| info::has(a, *f))
            && words.is_none_or(|w| info::has_words(a, w))
            && u.scenery.is_none_or(|v| info::has_view(a, v)),
    )
}

//! Stage 4: questions answered from what the owner wrote of each cabin ("¿la Arrayán tiene
//! vista al lago?", "¿hay alguna con dos dormitorios?") and options pointed at by it ("la que
//! tiene vista al lago").

use super::{Heard, Step, held};
use crate::policy::pick::choose;
use crate::{
    Facts,
    nlu::{Choice, Understanding},
    state::ConversationState,
};

/// A cabin asked about, or pointed at, by the words of its description.
pub(super) fn described(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    let agrees = super::agrees(u);
    // "¿La Arrayán tiene vista al lago?": answered from what the owner wrote of it.
    // "¿La Lenga es más grande?" with options offered compares them (see `Step::Pick`).
    let compares = s.offer.is_some()
        && matches!(
            u.choice,
            Some(Choice::Largest | Choice::Smallest | Choice::Cheapest | Choice::Priciest)
        );
    if let Some((name, words)) = &u.asked_of
        && !heard.new_stay()
        && !compares
    {
        return Some(Step::HasDescribed {
            name: name.clone(),
            words: words.clone(),
        });
    }
    // "¿La Coihue tiene parrilla?" … "¿y deck?", "¿tiene vista al lago?": asked of the cabin
    // talked about (or held), from what the owner wrote of it.
    if let Some(words) = &u.asked_words
        && !heard.new_stay()
        && s.offer.is_none()
        && let Some(name) = prev.accommodation.clone().or_else(|| {
            held(facts, u)
                .filter(|h| h.group.is_none())
                .map(|h| h.accommodation.clone())
        })
    {
        return Some(Step::HasDescribed {
            name,
            words: words.clone(),
        });
    }
    // "¿Tienen cabañas con dos dormitorios?", "¿hay alguna con vista al lago?" with nothing on
    // the table: the cabins that have it, from what the owner wrote.
    if let Some(words) = &u.described
        && !heard.new_stay()
        && s.offer.is_none()
        && u.accommodation.is_none()
        && u.choice.is_none()
    {
        return Some(Step::WhichHave(words.clone()));
    }
    // "Sí, la que tiene vista al lago": the one option whose description says so.
    if let Some(words) = &u.described
        && !heard.new_stay()
        && let Some(offer) = s.offer.as_mut()
    {
        let hits: Vec<usize> = offer
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                facts
                    .accommodations()
                    .iter()
                    .any(|a| a.id == o.accommodation_id && crate::info::describes(a, words))
            })
            .map(|(i, _)| i)
            .collect();
        if let [i] = hits[..] {
            // "La que tiene vista a la montaña", said as no question to a fresh offer: the
            // choice it asked for, held (as a cabin preferred by name is).
            let chooses = !u.question
                && !u.defers
                && !u.declines
                && !u.compares
                && !offer.together
                && offer.replaces.is_none();
            return Some(choose(offer, &mut s.accommodation, i, agrees || chooses));
        }
        // "Is there one with a lake view?" when only a cabin not offered has it: say which,
        // and why it is not among them.
        if hits.is_empty()
            && u.choice.is_none()
            && u.accommodation.is_none()
            && let Some(other) = facts.accommodations().iter().find(|a| {
                crate::info::describes(a, words)
                    && !offer.options.iter().any(|o| o.accommodation_id == a.id)
            })
        {
            return Some(Step::NoneOfferedDescribed(other.name.clone()));
        }
        // "¿Tienen microondas?" asked with options offered, and no option pointed at: which
        // cabins have it, or that none has it noted (the offer stays on the table).
        if hits.is_empty() && u.question && u.choice.is_none() && u.accommodation.is_none() {
            return Some(Step::WhichHave(words.clone()));
        }
    }
    None
}

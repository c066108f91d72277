//! Stage 3: what is on the table again: a language asked for, "¿todos en una?", a nudge.

use super::{Heard, Step, held, offer_again};
use crate::{
    Facts,
    nlu::{Intent, Understanding},
    state::{ConversationState, Want},
};

/// The offer (or the welcome) again, or the largest cabin when asked for one.
pub(super) fn resume(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    // "Do you speak English?": yes, and what is on the table again in it (else the welcome).
    if u.language_asked.is_some()
        && !heard.new_stay()
        && !u.affirmative
        && matches!(
            u.intent,
            Intent::Unknown | Intent::AskInfo | Intent::Greeting
        )
    {
        return Some(
            match prev.offer.as_ref().and_then(|o| offer_again(o, facts)) {
                Some(step) => step,
                None => Step::Greet,
            },
        );
    }
    // "¿Todos en una?" with cabins offered together: no single one sleeps them all; or, when
    // one would and none is free on the dates ("preferimos estar todos juntos en una"), the
    // nearest dates of the one named, else of the smallest that sleeps them.
    if u.all_in_one
        && !heard.new_stay()
        && let Some(offer) = s.offer.as_ref().filter(|o| o.together)
    {
        let one = u
            .accommodation
            .as_deref()
            .and_then(|n| facts.accommodation(n))
            .filter(|a| a.fits(offer.guests))
            .or_else(|| {
                crate::policy::quote::sleeping_alone(facts.accommodations(), offer.guests, s.pets)
                    .min_by_key(|a| a.capacity)
            });
        let Some(one) = one else {
            return Some(Step::LargestIs);
        };
        let (stay, guests) = (
            booking::StayDates::from_today(offer.check_in, offer.check_out, facts.today).ok()?,
            booking::Guests::new(offer.guests).ok()?,
        );
        s.accommodation = Some(one.name.clone());
        return Some(Step::Quote {
            stay,
            guests,
            want: Want::Availability,
        });
    }
    // "?", "hola??" after an offer with no answer yet: the offer again.
    if u.nudge
        && s.booked.is_none()
        && held(facts, u).is_none()
        && let Some(offer) = &prev.offer
        && let Some(step) = offer_again(offer, facts)
    {
        return Some(step);
    }
    // "¿Hay alguien ahí?" with nothing going on: the welcome, which says someone is.
    if u.nudge && !heard.new_stay() && prev.offer.is_none() && held(facts, u).is_none() {
        return Some(Step::Greet);
    }
    None
}

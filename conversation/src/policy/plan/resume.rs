//! Stage 3: what is on the table again: a language asked for, "¿todos en una?", a nudge.

use super::{Heard, Step, held, offer_again};
use crate::{
    Facts,
    nlu::{Intent, Understanding},
    state::ConversationState,
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
    // "¿Todos en una?" with cabins offered together: no single one sleeps them all.
    if u.all_in_one && !heard.new_stay() && s.offer.as_ref().is_some_and(|o| o.together) {
        return Some(Step::LargestIs);
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

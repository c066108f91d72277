//! Stage 2: a choice made on the answer to a question in the same message ("¿la Lenga tiene
//! parrilla? si tiene, reservala", "¿la Ñire acepta perros? si acepta la Ñire, sino la
//! Coihue"): the question answered for the cabin asked about, and the option the answer
//! allows booked (none when it is no and no other was named).

use super::{Heard, Step};
use crate::policy::pick::choose;
use crate::{Facts, info, nlu::Understanding, state::ConversationState};

pub(super) fn if_so(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    let cond = u.if_so.as_ref()?;
    if heard.new_stay() {
        return None;
    }
    let offer = s.offer.as_mut().filter(|o| !o.together)?;
    let subject = cond
        .subject
        .clone()
        .or_else(|| offer.options.get(offer.chosen).map(|o| o.name.clone()))?;
    let a = facts.accommodations().iter().find(|a| a.name == subject)?;
    let words = u.also_described.as_deref().or(u
        .asked_of
        .as_ref()
        .filter(|(name, _)| *name == subject)
        .map(|(_, w)| w.as_str()));
    if u.features.is_empty() && words.is_none() && u.scenery.is_none() {
        return None;
    }
    let yes = u.features.iter().all(|f| info::has(a, *f))
        && words.is_none_or(|w| info::has_words(a, w))
        && u.scenery.is_none_or(|v| info::has_view(a, v));
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

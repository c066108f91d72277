//! Stage 5: the guest weighing the cabins before deciding: other options, a recommendation,
//! the cabins side by side; and a yes with a request about the place.

use super::{Heard, Step};
use crate::{
    Facts,
    nlu::{Feature, InfoTopic, Understanding},
    state::ConversationState,
};

/// Other options, a recommendation or a comparison.
pub(super) fn advice(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    _facts: &Facts<'_>,
) -> Option<Step> {
    // "¿Tenés otra?": what else the offer has, or that it is all there is.
    if u.asks_other
        && !heard.new_stay()
        && u.accommodation.is_none()
        && u.choice.is_none()
        && s.offer
            .as_ref()
            .is_some_and(|o| !o.together && !o.options.is_empty())
    {
        return Some(Step::OtherOptions);
    }
    // "¿Vos cuál me recomendás?": the option in focus and why (a question about pets or a
    // feature with it is answered as such).
    if u.asks_recommendation
        && !heard.new_stay()
        && u.topics.is_empty()
        && u.feature.is_none()
        && s.offer
            .as_ref()
            .is_some_and(|o| !o.together && !o.options.is_empty())
    {
        return Some(Step::Recommend);
    }
    // "¿La Ñire o la Coihue, cuál es mejor para una pareja?", "¿cuál es más linda?" with
    // nothing offered yet and no dates: the cabins side by side (the ones named, or all when
    // nothing else was said).
    if u.asks_recommendation
        && s.offer.is_none()
        && u.check_in.is_none()
        && u.topics.is_empty()
        && u.feature.is_none()
        && (u.accommodations.len() > 1 || (u.accommodations.is_empty() && u.guests.is_none()))
    {
        return Some(Step::Compare {
            named: u.accommodations.clone(),
        });
    }
    // "¿Cuál me recomendás para una pareja?", "which one would you recommend for 4?" with
    // nothing offered and no dates: the cabin for them, then the dates.
    if u.asks_recommendation
        && s.offer.is_none()
        && u.check_in.is_none()
        && s.check_in.is_none()
        && u.topics.iter().all(|t| *t == InfoTopic::Pets)
        && u.feature.is_none_or(|f| f == Feature::Pets)
        && u.accommodations.is_empty()
        && let Some(guests) = u.guests.or(s.guests)
    {
        return Some(Step::RecommendFor(guests));
    }
    // "¿Cuál es la diferencia?": the cabins side by side, before the guest decides.
    // Cabins named ("¿qué diferencia hay entre la Coihue y la Lenga?") are the ones compared.
    if u.compares && !heard.new_stay() && u.accommodations.len() != 1 && u.feature.is_none() {
        return Some(Step::Compare {
            named: u.accommodations.clone(),
        });
    }
    None
}

/// "Sí dale, pero con cuna para el bebé": the option in focus booked, the request answered.
pub(super) fn yes_with_request(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    _facts: &Facts<'_>,
) -> Option<Step> {
    // "Sí dale, pero con cuna para el bebé": a yes to the option in focus with a request about
    // the place, said as no question: the option is booked and the request answered with it.
    if u.plain_yes
        && (!u.features.is_empty() || !u.topics.is_empty())
        && !heard.new_stay()
        && u.accommodation.is_none()
        && u.choice.is_none()
        && u.described.is_none()
        && !u.declines
        && s.offer
            .as_ref()
            .is_some_and(|o| !o.together && o.options.get(o.chosen).is_some())
    {
        return Some(Step::BookOffer);
    }
    None
}

//! A price asked of another cabin by a guest whose stay is already paid, with no stay said
//! ("¡gracias! ¿y la Lenga cuánto sale? para la próxima vamos con toda la familia"): the paid
//! stay is settled and only a person may change it, so its dates and party are not what the
//! question is about. The cabin's price a night is the answer, the dates and people asked anew
//! (never a quote of the paid stay's nights for a cabin the guest did not ask to book).

use super::{Heard, Step, held};
use crate::{
    Facts,
    nlu::{Intent, Understanding},
    state::{ConversationState, Want},
};

/// The nightly price of the cabin named, the paid stay's slots set aside.
pub(super) fn later_trip(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    if u.intent != Intent::AskPrice
        || heard.new_stay()
        || u.check_in.is_some()
        || u.guests.is_some()
        || u.nights.is_some()
        || u.month.is_some()
        || u.period.is_some()
        || u.same_dates
        || u.accommodations.len() > 1
        || s.offer.is_some()
    {
        return None;
    }
    let name = u.accommodation.as_deref()?;
    held(facts, u).filter(|h| h.paid && !h.cabins().contains(&name))?;
    s.check_in = None;
    s.check_out = None;
    s.nights = None;
    s.guests = None;
    s.parties.clear();
    s.wants = Some(Want::Price);
    Some(Step::AskDates)
}

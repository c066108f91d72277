//! A group's question about one cabin's price: "¿cuánto sale la Coihue?" from a party of 8
//! with two cabins offered together, "could you tell me the price of the biggest cabin?" after
//! 18 people were told the place sleeps 16. The cabin asked about is priced for the stay talked
//! about and how many it sleeps said, whatever is on the table (it stays).

use super::{Heard, Step};
use crate::{
    Facts,
    nlu::{Choice, Intent, Understanding},
    state::ConversationState,
};

/// The cabin asked about, priced for the stay, when the party said is more than it sleeps.
pub(super) fn cabin_price(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    if u.intent != Intent::AskPrice
        || heard.new_stay()
        || u.accommodations.len() > 1
        || u.affirmative
        || u.per_night
    {
        return None;
    }
    let all = facts.accommodations();
    let price = |a: &&booking::Accommodation| a.tariff().base_per_night;
    // "The biggest cabin", "a mais barata": among all the cabins, with none offered apart.
    let apart_offered = s.offer.as_ref().is_some_and(|o| !o.together);
    let by_attribute = || match u.choice {
        _ if apart_offered => None,
        Some(Choice::Largest) => all.iter().rev().max_by_key(|a| a.capacity),
        Some(Choice::Smallest) => all.iter().min_by_key(|a| a.capacity),
        Some(Choice::Cheapest) => all.iter().min_by_key(price),
        Some(Choice::Priciest) => all.iter().rev().max_by_key(price),
        _ => None,
    };
    let cabin = match &u.accommodation {
        Some(name) => all.iter().find(|a| &a.name == name),
        None => by_attribute(),
    }?;
    let party = s.guests?;
    if cabin.fits(party) || s.check_in.is_none() || s.check_out.is_none() {
        return None;
    }
    Some(Step::CabinPrice(cabin.name.clone()))
}

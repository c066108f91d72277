//! Stage 8: with an offer on the table and no new stay: the option pointed at (by name,
//! position or attribute) chosen or held, turned down, or the yes that accepts the one in
//! focus, and only that.

use super::{Heard, Step, held, offer_again};
use crate::policy::pick::{choose, pick};
use crate::{
    Facts,
    nlu::{Choice, Feature, Intent, Understanding},
    state::{ConversationState, Offer},
};

/// What the guest does with the offer on the table.
pub(super) fn offer(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    let agrees = super::agrees(u);
    if let Some(offer) = s.offer.as_mut()
        && !heard.new_stay()
    {
        // "La coihue no, la otra", "no quiero la lenga": the cabin turned down by name is no
        // longer in focus (it stays on the table: the guest may come back to it). The rest of
        // the message points among the others ("la ñire", "la más grande"); else, and for "la
        // otra", the one in focus, or, when that is the refused, the next in the offer's order.
        if !offer.together
            && offer.options.len() > 1
            && let Some(k) = offer
                .options
                .iter()
                .position(|o| u.turned_down.contains(&o.name))
        {
            let next = if offer.chosen == k {
                (k + 1) % offer.options.len()
            } else {
                offer.chosen
            };
            return Some(match pick(offer, u, facts) {
                Some(Some(i)) if i != k && u.choice != Some(Choice::Other) => {
                    choose(offer, &mut s.accommodation, i, agrees)
                }
                _ => choose(offer, &mut s.accommodation, next, false),
            });
        }
        // "Cancelá la Ñire y pasame a la Arrayán" with the Ñire held and the Arrayán offered
        // for the same stay (asked its price): the hold moves to the one picked, it is not a
        // second hold.
        if offer.replaces.is_none()
            && !offer.together
            && !u.also
            && let Some(h) = held(facts, u)
            && !h.paid
            && h.group.is_none()
            && u.turned_down.contains(&h.accommodation)
            && offer.check_in == h.check_in
            && offer.check_out == h.check_out
        {
            offer.replaces = Some(h.code.clone());
        }
        match pick(offer, u, facts) {
            Some(Some(i)) => {
                // "Esa" answering "¿Te reservo la Coihue?" with nothing else asked about since:
                // the option proposed, accepted (a second "¿Te la reservo?" would ask again).
                // "The Coihue then" to the options offered instead of a hold that cannot
                // change as asked: the guest already booked, so the one settled on is the
                // change.
                // "Entonces prefiero la Coihue" right after the Coihue was asked about and put
                // in focus: the same cabin chosen again, said as no question, is a yes.
                let again = i == offer.chosen
                    && offer.focused
                    && !offer.together
                    && !u.question
                    && u.features.is_empty()
                    && u.topics.is_empty();
                // "La Coihue", "la segunda", "me quedo con la más barata": a pick said as no
                // question is the guest's choice, held at once.
                // "La que acepta perros", "la del jacuzzi": a feature that points, not asks.
                let points = matches!(u.choice, Some(Choice::Having(_) | Choice::PetFriendly))
                    || super::ranks_pet_friendly(u)
                    || super::pet_along(u, facts);
                let plain = u.features.is_empty()
                    && u.topics.is_empty()
                    && !matches!(u.intent, Intent::AskPrice | Intent::AskInfo);
                // "La coihue. ¿A qué hora es el check-in?": chosen, and the question answered.
                let picked = !offer.together
                    && (!u.question || u.named_apart)
                    && (plain || points || u.named_apart)
                    && !u.per_night
                    && !u.compares
                    && !u.asks_recommendation;
                let held_by_pick = picked && !agrees && offer.replaces.is_none();
                if held_by_pick {
                    let mut from = offer.clone();
                    from.chosen = i;
                    s.picked_from = Some(from);
                }
                // "¿La Ñire acepta perros? queremos reservar" with the Ñire taking none: the
                // pet rules it out; nothing is held, the offer is made again with the cabins
                // that take pets, saying why the one asked for is not among them.
                if agrees
                    && s.pets
                    && !u.no_pets
                    && !offer.together
                    && offer.replaces.is_none()
                    && let Some(o) = offer.options.get(i).filter(|o| !o.pets_allowed)
                    && let Some(step) = offer_again(offer, facts)
                {
                    s.accommodation = Some(o.name.clone());
                    return Some(step);
                }
                let agrees = agrees
                    || again
                    || picked
                    || (u.settles && offer.replaces.is_some())
                    // "¿Cuánto sale esa?", "how much is that one?": asked about, not taken.
                    || (u.choice == Some(Choice::ThatOne)
                        && !matches!(u.intent, Intent::AskPrice | Intent::AskInfo)
                        && i == offer.chosen
                        && offer.asked.is_none_or(|a| a == i)
                        && !offer.together);
                return Some(choose(offer, &mut s.accommodation, i, agrees));
            }
            // "No, perdón, quería decir la Ñire, la del jacuzzi" to an offer of the Arrayán
            // alone: a cabin named outside the offer is asked about for the stay (below), as
            // the name alone is.
            Some(None) if wants_another_cabin(u) && !offer.together => {}
            Some(None) => {
                if let Some(Choice::Having(f)) = u.choice
                    && let Some(name) = free_elsewhere_having(offer, s.pets, f, facts)
                    && let Some(step) = offer_again(offer, facts)
                {
                    s.accommodation = Some(name);
                    return Some(step);
                }
                return Some(match u.choice {
                    Some(Choice::Having(f)) => Step::NoneOfferedHas(f),
                    _ => Step::NotInOffer,
                });
            }
            // "Esa no": the option in focus leaves the table; of two, the other is now in
            // focus; of more, which one?
            None if u.not_this_one && offer.options.len() > 1 && !offer.together => {
                offer
                    .options
                    .remove(offer.chosen.min(offer.options.len() - 1));
                offer.chosen = 0;
                if offer.options.len() == 1 {
                    s.accommodation = offer.options.first().map(|o| o.name.clone());
                    return Some(Step::Pick(0));
                }
                s.accommodation = None;
                return Some(Step::WhichInstead);
            }
            // "Sí, la Arrayán" when the Arrayán is not on the table: a yes to that cabin, not
            // to the option in focus (below, it is asked about for the stay).
            // "Sí, reservala" after a question about another option ("¿la Ñire tiene
            // cochera?"): the pronoun points at the option asked about, as "esa" does.
            None if agrees && u.accommodation.is_none() && u.refers_back => {
                // Only a cabin the guest named ("¿la Ñire tiene…?"), not one a feature led to.
                let named = offer.asked.filter(|i| {
                    !offer.together
                        && offer
                            .options
                            .get(*i)
                            .is_some_and(|o| s.accommodation.as_deref() == Some(o.name.as_str()))
                });
                if let Some(i) = named {
                    return Some(choose(offer, &mut s.accommodation, i, true));
                }
                return Some(Step::BookOffer);
            }
            // "¿Pasan a buscar por el aeropuerto?" (passed to a person) … "ok": the guest takes
            // note that the question went on; the offer is made again, not held on a mild word.
            None if u.mild_yes && prev.handed_off && u.accommodation.is_none() => {
                if let Some(step) = offer_again(offer, facts) {
                    return Some(step);
                }
            }
            None if agrees && u.accommodation.is_none() => return Some(Step::BookOffer),
            // "Which dates would that be?", "quais datas seriam?": the offer again, its dates
            // in it.
            None if u.asks_dates && u.check_in.is_none() => {
                if let Some(step) = offer_again(offer, facts) {
                    return Some(step);
                }
            }
            // "How much is it per night?": the offer's prices a night, not its totals again.
            None if u.per_night && !offer.together && offer.replaces.is_none() => {
                return Some(Step::NightPrices);
            }
            // "No, mejor la Coihue", "no, the Coihue instead", "não, prefiro a Coihue": a no
            // that names another cabin than those offered wants that one, it is no plain no
            // (below, it is asked about for the stay).
            None if u.declines
                && matches!(u.intent, Intent::Unknown | Intent::Greeting)
                && !wants_another_cabin(u) =>
            {
                return Some(Step::Decline);
            }
            None => {}
        }
    }
    None
}

/// A cabin named that the guest does not turn down: the one they want instead of what is
/// offered.
fn wants_another_cabin(u: &Understanding) -> bool {
    u.accommodation
        .as_ref()
        .is_some_and(|name| !u.turned_down.contains(name))
}

/// "La del jacuzzi" to an offer of the one cabin the guest named (the Arrayán), when the cabin
/// that has it is not on the table only because it was not asked about: it fits the party and
/// its pets and is free for the offer's stay, so it is quoted (in focus, a yes books it) rather
/// than said to be taken.
fn free_elsewhere_having(
    offer: &Offer,
    pets: bool,
    f: Feature,
    facts: &Facts<'_>,
) -> Option<String> {
    if offer.together || offer.replaces.is_some() {
        return None;
    }
    let stay = booking::StayDates::from_today(offer.check_in, offer.check_out, facts.today).ok()?;
    facts
        .accommodations()
        .iter()
        .find(|a| {
            crate::info::has(a, f)
                && !offer.options.iter().any(|o| o.accommodation_id == a.id)
                && a.fits(offer.guests)
                && a.takes_pets_if(pets)
                && facts.occupancy.is_free(a.id, &stay)
        })
        .map(|a| a.name.clone())
}

//! Stage 1: what overrides everything else the message says: what the bot is, a person, a
//! cancellation, a reservation code none of the guest's holds has, a hold taken back, the
//! change since the hold dropped, "lo pienso", whether a party fits in the cabin named, a pet
//! said after an offer or a hold of a cabin that takes none, and a pet left at home after the
//! offer was narrowed for it.

use super::{Heard, Step, held, offer_again};
use crate::texts::Instead;
use crate::{
    Facts,
    nlu::{Choice, InfoTopic, Intent, Understanding},
    state::ConversationState,
};

/// The first of these that applies.
pub(super) fn overrides(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    // "¿Sos un bot?": what the bot is, and that a person is a message away (not "quiero
    // hablar con una persona", which asks for one).
    if u.asks_bot && !heard.new_stay() {
        return Some(Step::WhoIAm);
    }
    // "Mejor no, dejala, vamos igual", "wait, don't cancel it" right after the request to cancel
    // a paid stay was recorded: the stay stands as it was, and a person is told the request is
    // taken back.
    if prev.cancel_requested
        && u.withdraws_cancel
        && u.check_in.is_none()
        && u.guests.is_none()
        && let Some(h) = held(facts, u).filter(|h| h.paid)
    {
        s.needs_human = true;
        s.offer = None;
        s.accommodation = Some(h.accommodation.clone());
        return Some(Step::KeepHold);
    }
    match u.intent {
        Intent::Human => {
            s.needs_human = true;
            return Some(Step::Human);
        }
        // "Cancelá esa y hacé del 5 al 7 de mayo", "me equivoqué de mes, cancelala y reservá
        // del 5 al 7 de mayo": a whole other stay said (not asked about) with the cancellation
        // of the one unpaid hold: the hold moves there (below), nothing is left without a place.
        Intent::Cancel
            if heard.new_stay()
                && !u.question
                && u.check_in.is_some()
                && (u.check_out.is_some() || u.nights.is_some())
                && facts.others.is_empty()
                && held(facts, u).is_some_and(|h| !h.paid && h.group.is_none()) => {}
        Intent::Cancel => return Some(Step::Cancel),
        _ => {}
    }
    // "¿Sigue en pie la RES…?", "cambiá las fechas de la RES… al 20" with a code none of this
    // guest's holds has: no hold is guessed nor a new stay begun; a person looks it up. (Not
    // "ya estuvimos en enero, RES…, queremos volver del 3 al 5": a new stay is asked for.)
    if let Some(code) = &u.reservation_code
        && !facts.holds().any(|h| h.is_called(code))
        && (!heard.new_stay() || u.correction || u.about_hold.is_some())
    {
        s.needs_human = true;
        return Some(Step::CodeNotFound(code.clone()));
    }
    // "Mejor no", "no no, pará" right after the hold was placed (not "no, gracias", nor "no me
    // llegó el link"): the guest takes it back.
    if prev.just_held
        && u.takes_back
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
        && u.check_in.is_none()
        && u.guests.is_none()
        && u.accommodation.is_none()
        && prev.offer.is_none()
    {
        return Some(Step::Cancel);
    }
    // "¿Hay una más grande?", "can we switch to a cheaper one?", "what else do you have for
    // those dates?" with an unpaid hold: others for its stay, offered to replace it.
    let instead = match u.choice {
        Some(Choice::Largest) if u.intent == Intent::Unknown => Some(Instead::Bigger),
        Some(Choice::Cheapest)
            if matches!(
                u.intent,
                Intent::Unknown | Intent::CheckAvailability | Intent::AskPrice
            ) =>
        {
            Some(Instead::Cheaper)
        }
        None if u.asks_other && u.intent != Intent::Book => Some(Instead::Other),
        _ => None,
    };
    if let Some(instead) = instead
        && prev.offer.is_none()
        && u.accommodation.is_none()
        && u.check_in.is_none()
        && u.guests.is_none()
        && held(facts, u).is_some_and(|h| !h.paid && h.group.is_none())
    {
        return Some(Step::Instead(instead));
    }
    // "Ah bueno, entonces dejala como estaba", "ok then keep the original dates": the change
    // proposed since the hold is dropped (a yes in it accepts nothing); the hold stays.
    if u.keeps_as_is
        && u.check_in.is_none()
        && u.guests.is_none()
        && u.accommodation.is_none()
        && let Some(h) = held(facts, u)
    {
        s.offer = None;
        s.check_in = Some(h.check_in);
        s.check_out = Some(h.check_out);
        s.guests = Some(h.guests);
        s.accommodation = Some(h.accommodation.clone());
        return Some(Step::KeepHold);
    }
    // "No, está bien, nos quedamos con la Coihue" with the Coihue held and another cabin
    // offered since (asked its price): the offer leaves the table, the hold stays.
    if let Some(h) = held(facts, u)
        && let Some(offer) = prev.offer.as_ref()
        && h.group.is_none()
        && u.accommodation.as_deref() == Some(h.accommodation.as_str())
        && !u.question
        && !u.also
        && !u.turned_down.contains(&h.accommodation)
        && u.check_in.is_none()
        && u.guests.is_none()
        && u.intent != Intent::Cancel
        && !offer.options.iter().any(|o| o.name == h.accommodation)
    {
        s.offer = None;
        s.accommodation = Some(h.accommodation.clone());
        return Some(Step::KeepHold);
    }
    // "Dale, lo pienso y te aviso": the offer stays on the table, nothing is booked.
    if u.defers && u.intent != Intent::Book && u.check_in.is_none() && !u.affirmative {
        return Some(Step::TakeYourTime);
    }

    // "¿La Ñire cuánto sale?" … "¿y para 4 entra?", "¿entramos 4?": still the Ñire, when no
    // offer or hold is there to point at.
    let in_context = (s.offer.is_none() && held(facts, u).is_none())
        .then_some(prev.accommodation.as_ref())
        .flatten();
    if u.topics.contains(&InfoTopic::Capacity)
        && u.check_in.is_none()
        && let (Some(guests), Some(name)) = (u.guests, u.accommodation.as_ref().or(in_context))
    {
        return Some(Step::Fits {
            name: name.clone(),
            guests,
        });
    }
    // "¿Entramos todos?", "can we all fit in one?" with one cabin offered or held: whether the
    // party said fits in it, yes or no first.
    if u.topics == [InfoTopic::Capacity]
        && u.check_in.is_none()
        && u.guests.is_none()
        && u.accommodation.is_none()
        && u.accommodations.is_empty()
        && !heard.new_stay()
        && let Some(guests) = s.guests
        && let Some(name) = s
            .offer
            .as_ref()
            .filter(|o| !o.together)
            .and_then(|o| o.options.get(o.chosen))
            .map(|o| o.name.clone())
            .or_else(|| {
                held(facts, u)
                    .filter(|h| h.group.is_none() && s.offer.is_none())
                    .map(|h| h.accommodation.clone())
            })
    {
        return Some(Step::Fits { name, guests });
    }
    // A pet said after an offer whose option in focus takes none ("ah, y llevamos al perro"):
    // the offer is made again, the cabins that take pets first, so a yes books one of them.
    if heard.new_pets
        && !heard.new_stay()
        && u.choice.is_none()
        && u.accommodation.is_none()
        && let Some(offer) = &s.offer
        && !offer.together
        && offer.replaces.is_none()
        && offer
            .options
            .get(offer.chosen)
            .is_some_and(|o| !o.pets_allowed)
        && let Some(step) = offer_again(offer, facts)
    {
        return Some(step);
    }
    // The pet left at home after the offer was narrowed for it ("¿se puede llevar un gato?" …
    // "ah bueno, entonces no lo llevamos"): the offer is made again with every cabin that
    // sleeps the party, so the one that takes no pets can be picked again.
    if prev.pets
        && u.no_pets
        && !s.pets
        && !heard.new_stay()
        && !super::agrees(u)
        && u.choice.is_none()
        && u.accommodation.is_none()
        && let Some(offer) = &s.offer
        && !offer.together
        && offer.replaces.is_none()
        && offer.options.iter().all(|o| o.pets_allowed)
        && facts
            .accommodations()
            .iter()
            .any(|a| !a.pets_allowed && a.capacity >= i32::from(offer.guests))
        && let Some(step) = offer_again(offer, facts)
    {
        return Some(step);
    }
    // The same after a hold ("reservá la Arrayán" … "uy, vamos con el perro"): the hold stays,
    // the cabins that take pets are offered to replace it.
    if heard.new_pets
        && !heard.new_stay()
        && u.choice.is_none()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| {
            !h.paid
                && h.group.is_none()
                && facts
                    .accommodations()
                    .iter()
                    .any(|a| a.id == h.accommodation_id && !a.pets_allowed)
        })
    {
        return Some(Step::PetsForHold);
    }
    None
}

//! Stage 7: a question about the place or an option answered (not picked), and thanks.

use super::{Heard, Step, held};
use crate::policy::pick::{choose, only_one_has, pick};
use crate::{
    Facts,
    nlu::{AboutHold, Choice, Feature, InfoTopic, Intent, Understanding},
    state::{ConversationState, Offer},
};

/// A question about the place, or thanks.
pub(super) fn questions(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    // A question about an option ("¿la segunda tiene parrilla?") is answered, not picked.
    // "La que acepta perros" points; it does not ask.
    let asks_about_the_place = u.intent == Intent::AskInfo
        && (u.info_topic.is_some() || u.feature.is_some())
        && !(u.named_apart && s.offer.is_some())
        && !(s.offer.is_some()
            && matches!(u.choice, Some(Choice::PetFriendly | Choice::Having(_))))
        && !(s.offer.is_some() && !u.question && super::ranks_pet_friendly(u))
        && !(s.offer.is_some() && super::pet_along(u, facts))
        // "¿Se acreditó la seña?", "¿les llegó el pago?" from a guest who holds a stay: about
        // their own payment (the hold's stage), not how paying works.
        && !(u.about_hold == Some(AboutHold::Paid)
            && u.topics == [InfoTopic::Payment]
            && held(facts, u).is_some())
        // "Actually the one with the jacuzzi" after "yes" held the option proposed: the hold
        // moves to the option of that offer that has it.
        && !(matches!(u.choice, Some(Choice::PetFriendly | Choice::Having(_)))
            && super::hold::moves_the_hold(s, u, heard, facts).is_some());
    if asks_about_the_place && !heard.new_stay() {
        // "¿La segunda tiene parrilla?": the option asked about is remembered, so "esa" after
        // the answer points at it (a bare yes still accepts the option in focus).
        // "¿Alguna tiene jacuzzi?", "tem alguma com banheira?": when only one option has what
        // is asked about, the answer names it, and "esa" after it points at it too.
        let pointed = s.offer.as_ref().and_then(|o| pick(o, u, facts).flatten());
        let picked = pointed.or_else(|| s.offer.as_ref().and_then(|o| only_one_has(o, u, facts)));
        // "La segunda, ¿tiene parrilla?", "the one with the jacuzzi, does it have parking?": the
        // option pointed at before the question is answered for and comes into focus, offered,
        // so the yes after the answer books it (not the one proposed before).
        // "¿La Ñire tiene jacuzzi?" with the Coihue proposed: a yes that sets the one asked
        // about apart from the one proposed (which has none) does the same. A yes both share
        // ("¿la Lenga tiene parrilla?", every cabin has one) leaves the one proposed in focus.
        if let (Some(i), Some(offer)) = (pointed, s.offer.as_mut())
            && i != offer.chosen
            && !offer.together
            && (u.pointed_first || sets_apart(offer, i, u, facts))
        {
            offer.asked = Some(i);
            choose(offer, &mut s.accommodation, i, false);
            return Some(Step::OnlyOneHas {
                topics: u.topics.clone(),
                features: u.features.clone(),
                option: i,
            });
        }
        if let (Some(i), Some(offer)) = (picked, s.offer.as_mut()) {
            offer.asked = Some(i);
            // "¿No hay algo más grande? con jacuzzi si puede ser", "the cheapest with a
            // fireplace?": the option a size or a price points at is offered with the answer
            // ("¿te la reservo?"), so the yes after it books that one, not the one proposed
            // before.
            if pointed.is_some()
                && matches!(
                    u.choice,
                    Some(Choice::Largest | Choice::Smallest | Choice::Cheapest | Choice::Priciest)
                )
                && i != offer.chosen
                && !offer.together
            {
                choose(offer, &mut s.accommodation, i, false);
            }
            // "¿Cuál tiene jacuzzi?" … "sí": the one that has it, not the one proposed before,
            // is what a yes then accepts.
            if pointed.is_none() && i != offer.chosen && !offer.together {
                let proposed = of_the_proposed(offer, u);
                choose(offer, &mut s.accommodation, i, false);
                return Some(match proposed {
                    None => Step::OnlyOneHas {
                        topics: u.topics.clone(),
                        features: u.features.clone(),
                        option: i,
                    },
                    // "¿Tiene hogar?" of the one proposed, which has none, when another option
                    // alone has it: no for the one proposed, and the one that has it offered, so
                    // the yes after it books that one ("sounds good, book it").
                    Some(proposed) => Step::NoButThatOne {
                        topics: u.topics.clone(),
                        features: u.features.clone(),
                        proposed,
                        option: i,
                    },
                });
            }
        }
        // "Is there a fireplace?", "¿hay hogar a leña?", "tem lareira?" with options offered,
        // none of which has it: no for those offered, and which cabin has it and why it is not
        // among them (never a bare yes about a cabin that does not fit the stay).
        if picked.is_none()
            && let Some(offer) = s.offer.as_ref()
            && let Some(f) = lacked_by_the_offer(offer, u, facts)
        {
            return Some(Step::NoneOfferedHasAsked(f));
        }
        let named = s
            .offer
            .as_ref()
            .filter(|_| pointed.is_none())
            .and_then(|o| of_the_proposed(o, u))
            .or_else(|| {
                s.offer
                    .as_ref()
                    .and_then(|o| picked.and_then(|i| o.options.get(i)))
                    .map(|o| o.name.clone())
            })
            .or_else(|| u.accommodation.clone())
            // One cabin offered: "¿cuántas habitaciones tiene?" asks about it.
            .or_else(|| {
                s.offer
                    .as_ref()
                    .filter(|o| o.options.len() == 1 && !o.together)
                    .map(|o| o.options[0].name.clone())
            })
            // "¿La Ñire tiene jacuzzi?" … "¿y acepta perros?": still the Ñire. "¿Cuánto sale la
            // Ñire?" … "¿tenés fotos?": the photos of the Ñire.
            .or_else(|| {
                let photos = u.topics == [InfoTopic::Photos];
                ((u.follows_on || photos) && s.offer.is_none() && prev.accommodation.is_some())
                    .then(|| s.accommodation.clone())
                    .flatten()
            })
            // "¿Puedo llevar a mi perro?", "¿tiene parrilla?" from a guest who holds one cabin
            // (paid or not) with nothing else on the table: a yes or no about that cabin.
            .or_else(|| {
                let yes_no = u.topics.contains(&InfoTopic::Pets)
                    || u.topics.contains(&InfoTopic::Rooms)
                    || u.topics.contains(&InfoTopic::View)
                    || !u.features.is_empty();
                held(facts, u)
                    .filter(|h| yes_no && s.offer.is_none() && h.group.is_none())
                    .map(|h| h.accommodation.clone())
            });
        // "¿Cuál es la que tiene jacuzzi?" with nothing offered or held: when one cabin alone
        // has it, the answer names it, and "¿cuánto sale la noche?" next asks about it.
        if named.is_none()
            && u.asks_which
            && s.offer.is_none()
            && held(facts, u).is_none()
            && let [feature] = u.features[..]
            && let [one] = facts
                .accommodations()
                .iter()
                .filter(|a| crate::info::has(a, feature))
                .collect::<Vec<_>>()[..]
        {
            s.accommodation = Some(one.name.clone());
        }
        return Some(Step::Info {
            topics: u.topics.clone(),
            features: u.features.clone(),
            named,
        });
    }
    // "Prefiero la Ñire, gracias" picks; it is not only thanks. "Thanks! Could you send me the
    // voucher again?" asks for it. "Ya pagué la seña, ¿me confirman? Gracias" is about the hold.
    if u.thanks
        && !u.declines
        && u.about_hold.is_none()
        && !u.asks_voucher
        && !u.asks_code
        && u.choice.is_none()
        && u.accommodation.is_none()
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
        && !heard.new_stay()
    {
        return Some(Step::Thanks);
    }
    None
}

/// Option `i` of `offer` has every cabin feature the question asks about and the option
/// proposed lacks one of them: the answer is a yes for `i` alone of the two.
fn sets_apart(offer: &Offer, i: usize, u: &Understanding, facts: &Facts<'_>) -> bool {
    let cabin = |at: usize| {
        offer
            .options
            .get(at)
            .and_then(|o| facts.accommodation_by_id(o.accommodation_id))
    };
    let (Some(asked), Some(proposed)) = (cabin(i), cabin(offer.chosen)) else {
        return false;
    };
    !u.features.is_empty()
        && u.features.iter().all(|f| f.of_the_cabin())
        && u.features.iter().all(|f| crate::info::has(asked, *f))
        && u.features.iter().any(|f| !crate::info::has(proposed, *f))
}

/// The one feature a question asks about, with no cabin named, that no option of `offer` has
/// and some other cabin has; `None` otherwise (the times, children and smoking are the
/// place's, pets have their own line).
fn lacked_by_the_offer(offer: &Offer, u: &Understanding, facts: &Facts<'_>) -> Option<Feature> {
    let [f] = u.features[..] else {
        return None;
    };
    let cabin_feature = f.of_the_cabin() && f != Feature::Pets;
    let only_it = u.topics.iter().all(|t| *t == InfoTopic::Amenities);
    if offer.together
        || !cabin_feature
        || !only_it
        || u.accommodation.is_some()
        || !u.accommodations.is_empty()
        || u.choice.is_some()
    {
        return None;
    }
    let all = facts.accommodations();
    let offered =
        |a: &&booking::Accommodation| offer.options.iter().any(|o| o.accommodation_id == a.id);
    let has = |a: &&booking::Accommodation| crate::info::has(a, f);
    let none_offered = !all.iter().filter(offered).any(|a| has(&a));
    let elsewhere = all.iter().any(|a| !offered(&a) && has(&a));
    (none_offered && elsewhere).then_some(f)
}

/// "¿Tiene jacuzzi?" with several options on the table and one proposed ("¿Te reservo la
/// Arrayán?"): a yes or no about the one proposed ("No, la Arrayán no; la Ñire sí"); not a
/// question of the place ("¿tienen…?", "¿alguna tiene…?") nor about times, children or
/// smoking, which are the property's.
fn of_the_proposed(offer: &Offer, u: &Understanding) -> Option<String> {
    let cabin_feature = !u.features.is_empty() && u.features.iter().all(|f| f.of_the_cabin());
    // "¿Tiene vista al lago?", "¿cuántos dormitorios tiene?": the cabin's own view and rooms.
    let cabin_topic = u.features.is_empty()
        && !u.topics.is_empty()
        && u.topics
            .iter()
            .all(|t| matches!(t, InfoTopic::View | InfoTopic::Rooms));
    (u.of_it
        && (cabin_feature || cabin_topic)
        && u.accommodation.is_none()
        && offer.options.len() > 1
        && !offer.together)
        .then(|| offer.options.get(offer.chosen))
        .flatten()
        .map(|o| o.name.clone())
}

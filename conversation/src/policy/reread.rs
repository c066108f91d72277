//! The message read again against the conversation, before the slots take it: the cabin it
//! points at when it names none ("la más grande", "la del jacuzzi", "la segunda" after a hold
//! placed with no offer listed), the question it repeats
//! ("¿y la Lenga?", "¿y a cuál sí?"), the code it answers, the cabin it books again, the
//! companion named in passing who is one of the party said before, the cabin picked by size or
//! price once the pet that narrowed the offer stays home.
//!
//! Each function returns the message as the policy should read it, or the message itself; none
//! decides what to do or reply.

use std::borrow::Cow;

use booking::Accommodation;

use super::plan;
use crate::{Facts, nlu::Understanding, state::ConversationState};

/// "¿La Ñire acepta perros?" … "¿y la Lenga?", "and the Ñire?", "e a Lenga?", "what about the
/// Coihue?": a cabin named alone right after a question about the place asks the same about it.
pub(super) fn asked_again<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    match &prev.last_asked {
        Some(asked)
            if u.follows_on
                && u.accommodations.len() == 1
                && u.topics.is_empty()
                && u.features.is_empty()
                && u.info_topic.is_none()
                && u.feature.is_none()
                && u.check_in.is_none()
                && u.guests.is_none()
                && u.choice.is_none()
                && matches!(
                    u.intent,
                    Intent::Unknown | Intent::Greeting | Intent::AskInfo
                ) =>
        {
            Cow::Owned(asking(u, asked))
        }
        _ => Cow::Borrowed(u),
    }
}

/// "¿Y a cuál sí?" right after a question was answered ("¿se puede llevar perro a la Ñire?"):
/// the same question about every cabin, none named.
pub(super) fn which_ones_do<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    match &prev.last_asked {
        Some(asked) if u.which_yes && u.accommodation.is_none() && u.check_in.is_none() => {
            let mut read = asking(u, asked);
            read.follows_on = false;
            // The "sí" in "¿cuál sí?" accepts nothing.
            read.affirmative = false;
            read.plain_yes = false;
            // The "it" of "which one has it?" is the thing asked before, no new unknown one.
            read.unknown_question = false;
            read.of_it = false;
            read.asked_words = None;
            read.described = None;
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "Bueno, al final sí vamos, ¿me la volvés a reservar?" after cancelling a hold, with nothing
/// else on the table: the cabin cancelled, for the stay talked about.
pub(super) fn booked_again<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    // "No no, mejor no, dejala como está", "wait, don't cancel, keep it" right after the hold
    // was released: the cancellation taken back, the same cabin held again.
    let taken_back = prev.just_released
        && u.withdraws_cancel
        && u.accommodations.is_empty()
        && u.accommodation.is_none()
        && u.check_in.is_none()
        && u.guests.is_none()
        && matches!(
            u.intent,
            Intent::Unknown | Intent::Greeting | Intent::Book | Intent::Cancel
        );
    match &prev.cancelled {
        Some(name)
            if taken_back
                || u.refers_back
                    && u.intent == Intent::Book
                    && u.accommodation.is_none()
                    && prev.accommodation.is_none()
                    && prev.offer.is_none() =>
        {
            let mut read = u.clone();
            if taken_back {
                read.intent = Intent::Book;
                read.affirmative = true;
                read.declines = false;
                read.keeps_as_is = false;
                read.takes_back = false;
                read.correction = false;
            }
            read.accommodation = Some(name.clone());
            read.accommodations = vec![name.clone()];
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "¿Cuánto sale la de jacuzzi?" … "¿para cuántos es?" … "bárbaro, la queremos del 26 al 29,
/// somos 2", "book it for May 3 to 6", "quero ela de 3 a 6": a booking verb with a pronoun, when
/// no offer is on the table and nothing was held, wants the one cabin talked about.
pub(super) fn wanted_the_one_talked_about<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    match &prev.accommodation {
        Some(name)
            if u.refers_back
                && u.intent == Intent::Book
                && u.accommodation.is_none()
                && u.accommodations.is_empty()
                && prev.offer.is_none()
                && prev.booked.is_none()
                && prev.cancelled.is_none() =>
        {
            let mut read = u.clone();
            read.accommodation = Some(name.clone());
            read.accommodations = vec![name.clone()];
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "Es la RES270101001" right after the guest was asked for the code of the reservation they
/// want to cancel: the cancellation, with its code.
pub(super) fn code_asked_for<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    if prev.asked_code
        && u.reservation_code.is_some()
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
    {
        let mut read = u.clone();
        read.intent = Intent::Cancel;
        return Cow::Owned(read);
    }
    Cow::Borrowed(u)
}

/// The one cabin "la más grande" or "la más cara" points at when no offer is on the table and
/// the guest asks about a stay (not with a hold: then it is a move, read elsewhere).
/// "¿Cuál es la más grande?", "which is your smallest cabin?", "qual é a maior?": a question
/// of size and nothing else (with options on the table, `Step::Pick` compares them).
fn which_size(u: &Understanding) -> bool {
    use crate::nlu::{Choice, Intent};
    // "¿Cuál es la cabaña más grande que tienen?": "tienen" asks which one, not whether free.
    (u.intent == Intent::Unknown || u.intent == Intent::CheckAvailability && u.which_one)
        && u.question
        && matches!(u.choice, Some(Choice::Largest | Choice::Smallest))
        && u.check_in.is_none()
        && u.guests.is_none()
}

/// "¿Y la más grande?", "and the cheapest one?" right after a price or a question about the
/// place was answered: the same question, asked of the one described.
fn follows_a_question(prev: &ConversationState, u: &Understanding) -> bool {
    u.follows_on
        && u.intent == crate::nlu::Intent::Unknown
        && u.topics.is_empty()
        && u.features.is_empty()
        && u.check_in.is_none()
        && u.guests.is_none()
        && (prev.wants == Some(crate::state::Want::Price) && prev.offer.is_none()
            || prev.last_asked.is_some())
}

fn biggest_asked<'f>(
    prev: &ConversationState,
    u: &Understanding,
    facts: &'f Facts<'_>,
) -> Option<&'f Accommodation> {
    use crate::nlu::{Choice, Intent};
    // "The big one, how many people does it sleep?", "¿la más barata acepta perros?": a
    // question about the one described (the smallest and the cheapest of those that take the
    // party said); a price or a stay asks only of the largest or the dearest (the cheapest
    // for the party is the quote's).
    let asks_of_it = u.intent == Intent::AskInfo
        && (!u.topics.is_empty() || !u.features.is_empty())
        || which_size(u)
        || follows_a_question(prev, u);
    let fits = |a: &Accommodation| prev.guests.is_none_or(|g| a.fits(g));
    let key = |a: &Accommodation| match u.choice {
        Some(Choice::Largest) => Some(i64::from(a.capacity)),
        Some(Choice::Priciest) => Some(a.base_cents),
        Some(Choice::Smallest) if asks_of_it && fits(a) => Some(-i64::from(a.capacity)),
        Some(Choice::Cheapest) if asks_of_it && fits(a) => Some(-a.base_cents),
        _ => None,
    };
    if prev.offer.is_some()
        || u.accommodation.is_some()
        || !(asks_of_it
            || matches!(
                u.intent,
                Intent::AskPrice | Intent::CheckAvailability | Intent::Book
            ))
        || plan::held(facts, u).is_some()
    {
        return None;
    }
    // "Which one is bigger, the Coihue or the Ñire?": among the cabins named, not the place.
    let all: Vec<&Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| u.accommodations.len() < 2 || u.accommodations.contains(&a.name))
        .collect();
    let top = all.iter().copied().filter_map(key).max()?;
    match all
        .into_iter()
        .filter(|a| key(a) == Some(top))
        .collect::<Vec<_>>()[..]
    {
        [one] => Some(one),
        _ => None,
    }
}

/// "Mejor la del jacuzzi", "pasame a la que acepta perros" with a hold and no offer on the
/// table: the other cabin of the place that has it and takes the party (the one sized for it, of
/// several) is the cabin named.
pub(super) fn pointed_at_the_place<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    facts: &Facts<'_>,
) -> Cow<'a, Understanding> {
    use crate::nlu::{Choice, Intent};
    // "¿La cabaña más grande está libre en Navidad?" with nothing on the table: the largest
    // (or the dearest) cabin of the place, when one is.
    if let Some(one) = biggest_asked(prev, u, facts) {
        let mut read = naming(u, &[one]);
        // "¿Cuál es la más grande?": how many it sleeps answers it (after a question, "¿y la
        // más grande?" asks that question again).
        if which_size(u) && !follows_a_question(prev, u) {
            read.intent = Intent::AskInfo;
            read.topics = vec![crate::nlu::InfoTopic::Capacity];
            read.info_topic = Some(crate::nlu::InfoTopic::Capacity);
        }
        return Cow::Owned(read);
    }
    let feature = match u.choice {
        Some(Choice::Having(f)) => f,
        Some(Choice::PetFriendly) => crate::nlu::Feature::Pets,
        // "¿Alguna tiene jacuzzi?" answered "la Coihue (held) no, la Ñire sí", then "esa
        // entonces", "ok that one then": the one that has it, as "la del jacuzzi" reads.
        Some(Choice::ThatOne) if !u.question => match lacked_by_the_hold(prev, u, facts) {
            Some(f) => f,
            None => return Cow::Borrowed(u),
        },
        _ => return Cow::Borrowed(u),
    };
    // "¿La del jacuzzi cuánto sale?", "la que acepta perros, ¿está libre del 3 al 5?" with
    // nothing on the table: the one cabin of the place that has it is the cabin named.
    // "¿La del jacuzzi para cuántos es?": a question about it, not about the feature.
    let asks_of_it = u.intent == Intent::AskInfo
        && u.topics
            .iter()
            .any(|t| !matches!(t, crate::nlu::InfoTopic::Amenities));
    if prev.offer.is_none()
        && u.accommodation.is_none()
        && (asks_of_it
            || matches!(
                u.intent,
                Intent::AskPrice | Intent::CheckAvailability | Intent::Book
            ))
        && plan::held(facts, u).is_none()
    {
        let having: Vec<&Accommodation> = facts
            .accommodations()
            .iter()
            .filter(|a| crate::info::has(a, feature))
            .collect();
        if let [_] = having.as_slice() {
            let mut read = naming(u, &having);
            // "Preferimos una con hogar, del 14 al 18": offered with a yes that it has it (a
            // booking asked for, or a question about it, needs no such line).
            // ("…any cabin with a fireplace? what time is check-out?": a question with the stay.)
            let stay_asked = u.check_in.is_some()
                && matches!(
                    u.intent,
                    Intent::AskPrice | Intent::CheckAvailability | Intent::AskInfo
                )
                && feature != crate::nlu::Feature::Pets;
            if !stay_asked {
                read.features.retain(|f| *f != feature);
            }
            read.feature = read.features.first().copied();
            // What it has only pointed at it; it was not asked about.
            read.topics
                .retain(|t| *t != crate::nlu::InfoTopic::Amenities);
            read.info_topic = read.topics.first().copied();
            return Cow::Owned(read);
        }
        // "¿Cuánto sale la que acepta perros?" when several do: the price of each of them.
        if having.len() > 1 && u.intent == Intent::AskPrice && u.check_in.is_none() {
            let mut read = naming(u, &having);
            read.features.retain(|f| *f != feature);
            read.feature = read.features.first().copied();
            read.topics.retain(|t| {
                !matches!(
                    t,
                    crate::nlu::InfoTopic::Amenities | crate::nlu::InfoTopic::Pets
                )
            });
            read.info_topic = read.topics.first().copied();
            return Cow::Owned(read);
        }
        return Cow::Borrowed(u);
    }
    let Some(held) = plan::held(facts, u).filter(|h| !h.paid && h.group.is_none()) else {
        return Cow::Borrowed(u);
    };
    // "Dale, cambiame a esa" reads as a yes; pointed at that one, it is the pick.
    let yes_to_that_one = u.choice == Some(Choice::ThatOne) && u.intent == Intent::Book;
    if prev.offer.is_some()
        || u.accommodation.is_some()
        || (u.intent != Intent::Unknown && !yes_to_that_one)
    {
        return Cow::Borrowed(u);
    }
    let fits: Vec<&Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| {
            a.id != held.accommodation_id
                && a.capacity >= i32::from(held.guests)
                && crate::info::has(a, feature)
        })
        .collect();
    // Of several ("la que acepta perros" for 4: the Coihue for 4 and the Lenga for 6), the one
    // sized for the party.
    let snug = fits.iter().map(|a| a.capacity).min();
    let fits: Vec<&Accommodation> = fits
        .into_iter()
        .filter(|a| Some(a.capacity) == snug)
        .collect();
    match fits.as_slice() {
        [_] => Cow::Owned(naming(u, &fits)),
        _ => Cow::Borrowed(u),
    }
}

/// "No, la Arrayán no tiene jacuzzi; la Ñire sí… ¿te la reservo?", then "bueno, igual está
/// bien, dale", "ok anyway, book it", "mesmo assim, pode reservar": the yes is for the one
/// doubted, named so.
pub(super) fn the_one_doubted<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    match &prev.doubted {
        Some(name)
            if u.anyway
                && (u.affirmative || u.intent == Intent::Book)
                && u.accommodation.is_none()
                && u.accommodations.is_empty()
                && !u.question =>
        {
            let mut read = u.clone();
            read.accommodation = Some(name.clone());
            read.accommodations = vec![name.clone()];
            read.choice = None;
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "¿Te reservo la Arrayán?" … "no, gracias" … "bueno, dale, reservala igual", "actually ok,
/// let's do it", "pensando bem, pode reservar": a yes of second thoughts right after the offer
/// was turned down, with no new stay, people or cabin off it, takes the offer back to the
/// table, where the yes accepts it. A bare "dale" after the no is not enough.
pub(super) fn the_offer_declined_taken(
    prev: &ConversationState,
    u: &Understanding,
) -> Option<crate::state::Offer> {
    let offer = prev.declined.as_ref()?;
    let off_it = u
        .accommodation
        .as_ref()
        .is_some_and(|name| !offer.options.iter().any(|o| &o.name == name));
    let agrees = u.affirmative || u.intent == crate::nlu::Intent::Book;
    let anew = u.check_in.is_some() || u.guests.is_some() || u.nights.is_some();
    let again = u.thinks_again || u.anyway || u.correction;
    (agrees && again && !u.question && !u.declines && !anew && !off_it).then(|| offer.clone())
}

/// What the last question asked for that the cabin held (unpaid, alone) lacks and another
/// cabin has: the answer said which has it, so "esa" points there.
fn lacked_by_the_hold(
    prev: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Option<crate::nlu::Feature> {
    if prev.offer.is_some() {
        return None;
    }
    let held = plan::held(facts, u).filter(|h| !h.paid && h.group.is_none())?;
    let own = facts.accommodation_by_id(held.accommodation_id)?;
    prev.last_asked
        .as_ref()?
        .features
        .iter()
        .copied()
        .find(|f| {
            !crate::info::has(own, *f)
                && facts
                    .accommodations()
                    .iter()
                    .any(|a| a.id != own.id && crate::info::has(a, *f))
        })
}

/// `u` read as naming `cabins` (the one cabin named when there is one), the pick that pointed
/// at them spent.
fn naming(u: &Understanding, cabins: &[&Accommodation]) -> Understanding {
    let mut read = u.clone();
    read.accommodations = cabins.iter().map(|a| a.name.clone()).collect();
    if let [one] = cabins {
        read.accommodation = Some(one.name.clone());
    }
    read.choice = None;
    read
}

/// `u` read as the question asked last (`asked`), about what `u` names.
fn asking(u: &Understanding, asked: &crate::state::Asked) -> Understanding {
    let mut read = u.clone();
    read.intent = crate::nlu::Intent::AskInfo;
    read.topics = asked.topics.clone();
    read.info_topic = asked.topics.first().copied();
    read.features = asked.features.clone();
    read.feature = asked.features.first().copied();
    read
}

/// "Al final somos 3, nos sirve una más chica", "we'll be 3 now, so a smaller cabin is fine":
/// with a stay held (unpaid, one cabin) and no offer on the table, fewer people and the
/// smallest asked for name the smallest free cabin that sleeps them on the held dates (the
/// cheapest of those) when it is smaller than the one held, and the cheapest asked for the
/// cheapest that sleeps them when it costs less; the hold moves there.
pub(super) fn smaller_for_fewer<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    facts: &Facts<'_>,
) -> Cow<'a, Understanding> {
    use crate::nlu::Choice;
    use booking::{Guests, StayDates, availability::Occupancy};
    let (Some(guests), Some(Choice::Smallest | Choice::Cheapest)) = (u.guests, u.choice) else {
        return Cow::Borrowed(u);
    };
    let Some(h) = plan::held(facts, u).filter(|h| !h.paid && h.group.is_none()) else {
        return Cow::Borrowed(u);
    };
    if u.accommodation.is_some()
        || prev.offer.is_some()
        || u.check_in.is_some_and(|i| i != h.check_in)
        || guests >= h.guests
    {
        return Cow::Borrowed(u);
    }
    let (Ok(stay), Ok(party)) = (StayDates::new(h.check_in, h.check_out), Guests::new(guests))
    else {
        return Cow::Borrowed(u);
    };
    let taken = h.others_taken(facts.occupancy.taken);
    let occupancy = Occupancy {
        accommodations: facts.occupancy.accommodations,
        taken: &taken,
    };
    let Some(held_cabin) = facts.accommodation_by_id(h.accommodation_id) else {
        return Cow::Borrowed(u);
    };
    let cheapest = u.choice == Some(Choice::Cheapest);
    let smaller = occupancy
        .free(&stay, party)
        .into_iter()
        .filter(|a| a.min_nights(&stay).is_ok())
        .filter(|a| match cheapest {
            true => a.base_cents < held_cabin.base_cents,
            false => a.capacity < held_cabin.capacity,
        })
        .min_by_key(|a| match cheapest {
            true => (a.base_cents, i64::from(a.capacity)),
            false => (i64::from(a.capacity), a.base_cents),
        });
    match smaller {
        Some(a) => Cow::Owned(naming(u, &[a])),
        None => Cow::Borrowed(u),
    }
}

/// "Prefiero la segunda opción", "I'd rather take the second one", "prefiro a segunda opção"
/// with one stay held (unpaid, one cabin) and no offer on the table, as when "quisiera
/// reservar para 4 del 4 al 7" held the first cabin that fits at once: the place pointed at is
/// among the cabins free for the held stay that sleep the party (and take its pet), listed as
/// an offer lists them, the one held first among them; that cabin is the one named, so the
/// hold moves there. Nothing else said: a stay, people or a cabin make it a request of its own.
pub(super) fn position_among_the_fits<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    facts: &Facts<'_>,
) -> Cow<'a, Understanding> {
    use crate::nlu::{Choice, Intent};
    let only_pointing = prev.offer.is_none()
        && facts.others.is_empty()
        && u.accommodation.is_none()
        && u.accommodations.is_empty()
        && u.check_in.is_none()
        && u.guests.is_none()
        && !u.question
        && !u.declines
        && matches!(u.intent, Intent::Unknown | Intent::Greeting | Intent::Book);
    if !only_pointing {
        return Cow::Borrowed(u);
    }
    let Some(h) = plan::held(facts, u).filter(|h| !h.paid && h.group.is_none()) else {
        return Cow::Borrowed(u);
    };
    let fits = fits_the_held_stay(prev, h, facts);
    let pointed = match u.choice {
        Some(Choice::Position(n)) => n.checked_sub(1).and_then(|i| fits.get(i)),
        Some(Choice::Last) if fits.len() > 1 => fits.last(),
        _ => None,
    };
    match pointed {
        Some(a) => Cow::Owned(naming(u, &[*a])),
        None => Cow::Borrowed(u),
    }
}

/// The cabins free for the stay held (the hold itself not in the way) that sleep its party and
/// take its pet when one comes, cheapest first as an offer lists them.
fn fits_the_held_stay<'f>(
    prev: &ConversationState,
    h: &crate::Held,
    facts: &Facts<'f>,
) -> Vec<&'f Accommodation> {
    use booking::{Guests, StayDates, availability::Occupancy};
    let (Ok(stay), Ok(party)) = (
        StayDates::new(h.check_in, h.check_out),
        Guests::new(h.guests),
    ) else {
        return Vec::new();
    };
    let taken = h.others_taken(facts.occupancy.taken);
    let occupancy = Occupancy {
        accommodations: facts.occupancy.accommodations,
        taken: &taken,
    };
    let free: Vec<i64> = occupancy
        .free(&stay, party)
        .into_iter()
        .filter(|a| a.min_nights(&stay).is_ok())
        .filter(|a| a.takes_pets_if(prev.pets))
        .map(|a| a.id)
        .collect();
    facts
        .occupancy
        .accommodations
        .iter()
        .filter(|a| free.contains(&a.id))
        .collect()
}

/// "Somos 4" … "la Coihue, ¿tiene calefacción? Vamos con mi vieja que es friolenta": a
/// companion named in passing is one of the party said before, not a new party of two.
pub(super) fn companion_within_party<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
) -> Cow<'a, Understanding> {
    match (u.guests, prev.guests) {
        (Some(two), Some(known)) if u.by_companion && known > two => {
            let mut read = u.clone();
            read.guests = None;
            read.by_companion = false;
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "¿Se puede llevar un gato?" … "ah bueno, entonces no lo llevamos, reservame la de dos", "we
/// won't bring her then, the cheapest one": the offer on the table was narrowed to the cabins
/// that take pets; with the pet left at home, a pick by size or price points among every cabin
/// free for the offer's stay that sleeps the party (the one for exactly that many, else the
/// smallest or the cheapest), named.
pub(super) fn pick_without_the_pet<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    facts: &Facts<'_>,
) -> Cow<'a, Understanding> {
    use crate::nlu::Choice;
    use booking::{Guests, StayDates};
    let Some(offer) = prev
        .offer
        .as_ref()
        .filter(|o| !o.together && o.replaces.is_none())
    else {
        return Cow::Borrowed(u);
    };
    if !(prev.pets && u.no_pets && !u.pets) || u.accommodation.is_some() {
        return Cow::Borrowed(u);
    }
    let Some(choice) = u
        .choice
        .filter(|c| matches!(c, Choice::Sleeps(_) | Choice::Smallest | Choice::Cheapest))
    else {
        return Cow::Borrowed(u);
    };
    let (Ok(stay), Ok(party)) = (
        StayDates::from_today(offer.check_in, offer.check_out, facts.today),
        Guests::new(offer.guests),
    ) else {
        return Cow::Borrowed(u);
    };
    let free: Vec<&Accommodation> = facts
        .occupancy
        .free(&stay, party)
        .into_iter()
        .filter(|a| a.min_nights(&stay).is_ok())
        .collect();
    let one = match choice {
        Choice::Sleeps(n) => free
            .iter()
            .find(|a| a.capacity == i32::from(n))
            .or_else(|| {
                free.iter()
                    .filter(|a| a.capacity >= i32::from(n))
                    .min_by_key(|a| (a.capacity, a.base_cents))
            }),
        Choice::Smallest => free.iter().min_by_key(|a| (a.capacity, a.base_cents)),
        _ => free.iter().min_by_key(|a| (a.base_cents, a.capacity)),
    };
    match one {
        Some(a) => Cow::Owned(naming(u, &[a])),
        None => Cow::Borrowed(u),
    }
}

/// "Mejor la Ñire, tiene jacuzzi ¿no?", "I'd rather have the Ñire, it has the jacuzzi
/// right?", "melhor a Ñire, ela tem jacuzzi né?" with another cabin held: the switch said
/// with the reason it is made, checked. When the cabin named has what is asked, the message is
/// the switch (the answer goes with it); when it lacks it, the question stands alone and
/// nothing moves.
pub(super) fn switch_with_its_reason<'a>(
    u: &'a Understanding,
    facts: &Facts<'_>,
) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    let Some(held) = facts.held.filter(|h| h.group.is_none()) else {
        return Cow::Borrowed(u);
    };
    let Some(wanted) = u.accommodation.as_deref() else {
        return Cow::Borrowed(u);
    };
    let asks_of_it = u.intent == Intent::AskInfo
        && u.correction
        && !u.features.is_empty()
        && u.features.iter().all(|f| f.of_the_cabin())
        && u.topics
            .iter()
            .all(|t| *t == crate::nlu::InfoTopic::Amenities || *t == crate::nlu::InfoTopic::Pets)
        && u.check_in.is_none()
        && u.guests.is_none();
    let Some(cabin) = facts
        .accommodation(wanted)
        .filter(|a| a.name != held.accommodation)
    else {
        return Cow::Borrowed(u);
    };
    if !asks_of_it || !u.features.iter().all(|f| crate::info::has(cabin, *f)) {
        return Cow::Borrowed(u);
    }
    let mut read = u.clone();
    read.intent = Intent::Unknown;
    read.question = false;
    Cow::Owned(read)
}

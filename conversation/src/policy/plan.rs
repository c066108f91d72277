//! What the guest is doing now, read against what is on the table and what they hold.
//!
//! In order, the first that applies:
//! 1. what the bot is ("¿sos un bot?"); a person, or a cancellation; whether a party fits in the
//!    cabin named ("¿entramos 5 en la Coihue?"); a pet said after an offer whose option in focus
//!    takes none: the offer again, the cabins that take pets first (after a hold: the hold kept,
//!    the cabins that take pets offered to replace it); a language asked for; cabins offered
//!    together: those the group names instead, or the largest when asked for one;
//! 2. with an offer on the table and no new dates or people: a pick said as no question ("la
//!    Coihue", "la segunda", "la más barata", "la del jacuzzi", also with thanks) holds that
//!    option at once; one asked about only focuses it; a yes accepts the option in focus, and
//!    only that; cabins named for a group ("la Lenga y el Arrayán", "5 en la Lenga y 2 en el
//!    Arrayán") are held together, the party split as said;
//! 3. with a hold: new dates or people correct it (moved if unpaid, handed to staff if paid),
//!    unless the guest plainly asks about another stay; a yes says it is already held; a
//!    price question ("¿cuánto es la seña?") gets the hold's own total, deposit and link;
//! 4. a question about the place without new dates or people is answered (a question with them
//!    is answered together with the quote);
//! 5. a greeting; winter holidays (which days?); a long weekend in a month without one;
//! 6. a stay: ask for the missing slot, or quote.

use booking::{Guests, StayDates};

use super::Heard;
use super::pick::{choose, only_one_has, pick};
pub(crate) use super::step::Step;
use crate::{
    Facts, Held,
    nlu::{
        AboutHold, CONFIDENCE_THRESHOLD, Choice, Feature, InfoTopic, Intent, Period, Understanding,
    },
    state::{ConversationState, Offer, Want},
};

/// Confidence from which an availability or price question is an explicit one (a keyword),
/// not one inferred from bare dates or people (see `nlu::confidence`).
const EXPLICIT_QUESTION: f32 = 0.85;

/// The guest's hold this message is about: the one in the facts, unless the message names
/// another code.
pub(crate) fn held<'a>(facts: &Facts<'a>, u: &Understanding) -> Option<&'a Held> {
    facts
        .held
        .filter(|h| u.reservation_code.as_ref().is_none_or(|c| h.is_called(c)))
}

/// The hold a cancellation is about when the guest holds several: the one named by code, by
/// its arrival ("la del 8"), by its cabin ("la del Arrayán") or by its place in time ("la
/// primera", "la última"); else the latest.
pub(crate) fn cancel_target<'a>(facts: &Facts<'a>, u: &Understanding) -> Option<&'a Held> {
    use chrono::Datelike;
    if facts.others.is_empty() {
        return held(facts, u);
    }
    let mut all: Vec<&'a Held> = facts.holds().collect();
    if let Some(code) = &u.reservation_code {
        return all.into_iter().find(|h| h.is_called(code));
    }
    let one = |hits: Vec<&'a Held>| match hits[..] {
        [h] => Some(h),
        _ => None,
    };
    if let Some(date) = u.check_in
        && let Some(h) = one(all
            .iter()
            .copied()
            .filter(|h| h.check_in == date || h.check_in.day() == date.day())
            .collect())
    {
        return Some(h);
    }
    if let Some(name) = &u.accommodation
        && let Some(h) = one(all
            .iter()
            .copied()
            .filter(|h| h.cabins().contains(&name.as_str()))
            .collect())
    {
        return Some(h);
    }
    all.sort_by_key(|h| h.check_in);
    let by_place = match u.choice {
        Some(Choice::Position(n)) => n.checked_sub(1).and_then(|i| all.get(i).copied()),
        Some(Choice::Last) => all.last().copied(),
        _ => None,
    };
    by_place.or_else(|| held(facts, u))
}

/// How many the cabins named sleep together.
fn capacity_of(facts: &Facts<'_>, names: &[String]) -> i32 {
    facts
        .accommodations()
        .iter()
        .filter(|a| names.contains(&a.name))
        .map(|a| a.capacity)
        .sum()
}

/// The offer's stay and party quoted again (what is free now, for what the guest said since).
fn offer_again(offer: &Offer, facts: &Facts<'_>) -> Option<Step> {
    let stay = StayDates::from_today(offer.check_in, offer.check_out, facts.today).ok()?;
    let guests = Guests::new(offer.guests).ok()?;
    Some(Step::Quote {
        stay,
        guests,
        want: Want::Availability,
    })
}

pub(crate) fn plan(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Step {
    // "¿Sos un bot?": what the bot is, and that a person is a message away (not "quiero
    // hablar con una persona", which asks for one).
    if u.asks_bot && !heard.new_stay() {
        return Step::WhoIAm;
    }
    match u.intent {
        Intent::Human => {
            s.needs_human = true;
            return Step::Human;
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
        Intent::Cancel => return Step::Cancel,
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
        return Step::CodeNotFound(code.clone());
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
        return Step::Cancel;
    }
    if u.choice == Some(Choice::Largest)
        && u.intent == Intent::Unknown
        && prev.offer.is_none()
        && u.accommodation.is_none()
        && u.check_in.is_none()
        && held(facts, u).is_some_and(|h| !h.paid && h.group.is_none())
    {
        return Step::Bigger;
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
        return Step::KeepHold;
    }
    // "Dale, lo pienso y te aviso": the offer stays on the table, nothing is booked.
    if u.defers && u.intent != Intent::Book && u.check_in.is_none() && !u.affirmative {
        return Step::TakeYourTime;
    }
    let agrees = u.affirmative || u.intent == Intent::Book;

    // "¿La Ñire cuánto sale?" … "¿y para 4 entra?", "¿entramos 4?": still the Ñire, when no
    // offer or hold is there to point at.
    let in_context = (s.offer.is_none() && held(facts, u).is_none())
        .then_some(prev.accommodation.as_ref())
        .flatten();
    if u.topics.contains(&InfoTopic::Capacity)
        && u.check_in.is_none()
        && let (Some(guests), Some(name)) = (u.guests, u.accommodation.as_ref().or(in_context))
    {
        return Step::Fits {
            name: name.clone(),
            guests,
        };
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
        return step;
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
        return Step::PetsForHold;
    }
    // "Preferimos la Coihue y la Ñire" with cabins offered together: those, when they sleep
    // everyone (else what is on the table stays and the question is answered as asked).
    if u.accommodations.len() > 1
        && !heard.new_stay()
        && !u.compares
        && let Some(offer) = s.offer.as_ref().filter(|o| o.together)
    {
        let sleeps: i32 = capacity_of(facts, &u.accommodations);
        // The cabins on the table named again ("dale la Lenga y el Arrayán"): the yes below.
        let same = offer.options.len() == u.accommodations.len()
            && offer
                .options
                .iter()
                .all(|o| u.accommodations.contains(&o.name));
        // "5 en la Lenga y 2 en el Arrayán": the party split as the guest says, when it adds
        // up to it.
        let split: Vec<u16> = u.placed.iter().map(|(_, n)| *n).collect();
        let split_said = !split.is_empty()
            && split.iter().sum::<u16>() == offer.guests
            && u.placed.iter().any(|(name, n)| {
                !offer
                    .options
                    .iter()
                    .any(|o| &o.name == name && o.guests == Some(*n))
            });
        if split_said {
            s.parties = split;
        }
        // Said as no question ("la Lenga y la Coihue", "ponenos 5 en la Lenga y 2 en el
        // Arrayán"): the answer to "¿Te las reservo juntas?", a yes.
        let chooses = u.affirmative || (!u.question && !u.defers && !u.declines);
        if sleeps >= i32::from(offer.guests) && (!same || split_said) {
            return Step::TogetherIn {
                names: u.accommodations.clone(),
                book: chooses,
            };
        }
        if same && chooses {
            return Step::BookOffer;
        }
    }
    // "Mejor la Lenga y la Ñire" after the cabins were held (a group, or one cabin): the same
    // stay and party quoted over the cabins named, an offer whose acceptance replaces the hold.
    if u.accommodations.len() > 1
        && !heard.new_stay()
        && !u.compares
        && !u.also
        && s.offer.is_none()
        && let Some(h) = held(facts, u).filter(|h| !h.paid)
    {
        let held_cabins = h.cabins();
        let party: u16 = match &h.group {
            Some(g) => g.parts.iter().map(|p| p.guests).sum(),
            None => h.guests,
        };
        let sleeps: i32 = capacity_of(facts, &u.accommodations);
        let same = held_cabins.len() == u.accommodations.len()
            && held_cabins
                .iter()
                .all(|c| u.accommodations.iter().any(|n| n == c));
        if !same && sleeps >= i32::from(party) {
            s.offer = Some(crate::state::Offer {
                check_in: h.check_in,
                check_out: h.check_out,
                guests: party,
                options: Vec::new(),
                chosen: 0,
                together: true,
                replaces: Some(h.code.clone()),
                asked: None,
                focused: false,
            });
            return Step::TogetherIn {
                names: u.accommodations.clone(),
                book: u.affirmative || (!u.question && !u.defers && !u.declines),
            };
        }
    }
    // "Do you speak English?": yes, and what is on the table again in it (else the welcome).
    if u.language_asked.is_some()
        && !heard.new_stay()
        && !u.affirmative
        && matches!(
            u.intent,
            Intent::Unknown | Intent::AskInfo | Intent::Greeting
        )
    {
        return match prev.offer.as_ref().and_then(|o| offer_again(o, facts)) {
            Some(step) => step,
            None => Step::Greet,
        };
    }
    // "¿Todos en una?" with cabins offered together: no single one sleeps them all.
    if u.all_in_one && !heard.new_stay() && s.offer.as_ref().is_some_and(|o| o.together) {
        return Step::LargestIs;
    }
    // "?", "hola??" after an offer with no answer yet: the offer again.
    if u.nudge
        && s.booked.is_none()
        && held(facts, u).is_none()
        && let Some(offer) = &prev.offer
        && let Some(step) = offer_again(offer, facts)
    {
        return step;
    }
    // "¿Hay alguien ahí?" with nothing going on: the welcome, which says someone is.
    if u.nudge && !heard.new_stay() && prev.offer.is_none() && held(facts, u).is_none() {
        return Step::Greet;
    }
    // "¿La Arrayán tiene vista al lago?": answered from what the owner wrote of it.
    // "¿La Lenga es más grande?" with options offered compares them (see `Step::Pick`).
    let compares = s.offer.is_some()
        && matches!(
            u.choice,
            Some(Choice::Largest | Choice::Smallest | Choice::Cheapest | Choice::Priciest)
        );
    if let Some((name, words)) = &u.asked_of
        && !heard.new_stay()
        && !compares
    {
        return Step::HasDescribed {
            name: name.clone(),
            words: words.clone(),
        };
    }
    // "¿La Coihue tiene parrilla?" … "¿y deck?", "¿tiene vista al lago?": asked of the cabin
    // talked about (or held), from what the owner wrote of it.
    if let Some(words) = &u.asked_words
        && !heard.new_stay()
        && s.offer.is_none()
        && let Some(name) = prev.accommodation.clone().or_else(|| {
            held(facts, u)
                .filter(|h| h.group.is_none())
                .map(|h| h.accommodation.clone())
        })
    {
        return Step::HasDescribed {
            name,
            words: words.clone(),
        };
    }
    // "¿Tienen cabañas con dos dormitorios?", "¿hay alguna con vista al lago?" with nothing on
    // the table: the cabins that have it, from what the owner wrote.
    if let Some(words) = &u.described
        && !heard.new_stay()
        && s.offer.is_none()
        && u.accommodation.is_none()
        && u.choice.is_none()
    {
        return Step::WhichHave(words.clone());
    }
    // "Sí, la que tiene vista al lago": the one option whose description says so.
    if let Some(words) = &u.described
        && !heard.new_stay()
        && let Some(offer) = s.offer.as_mut()
    {
        let hits: Vec<usize> = offer
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                facts
                    .accommodations()
                    .iter()
                    .any(|a| a.id == o.accommodation_id && crate::info::describes(a, words))
            })
            .map(|(i, _)| i)
            .collect();
        if let [i] = hits[..] {
            // "La que tiene vista a la montaña", said as no question to a fresh offer: the
            // choice it asked for, held (as a cabin preferred by name is).
            let chooses = !u.question
                && !u.defers
                && !u.declines
                && !u.compares
                && !offer.together
                && offer.replaces.is_none();
            return choose(offer, &mut s.accommodation, i, agrees || chooses);
        }
        // "Is there one with a lake view?" when only a cabin not offered has it: say which,
        // and why it is not among them.
        if hits.is_empty()
            && u.choice.is_none()
            && u.accommodation.is_none()
            && let Some(other) = facts.accommodations().iter().find(|a| {
                crate::info::describes(a, words)
                    && !offer.options.iter().any(|o| o.accommodation_id == a.id)
            })
        {
            return Step::NoneOfferedDescribed(other.name.clone());
        }
        // "¿Tienen microondas?" asked with options offered, and no option pointed at: which
        // cabins have it, or that none has it noted (the offer stays on the table).
        if hits.is_empty() && u.question && u.choice.is_none() && u.accommodation.is_none() {
            return Step::WhichHave(words.clone());
        }
    }
    // "¿Tenés otra?": what else the offer has, or that it is all there is.
    if u.asks_other
        && !heard.new_stay()
        && u.accommodation.is_none()
        && u.choice.is_none()
        && s.offer
            .as_ref()
            .is_some_and(|o| !o.together && !o.options.is_empty())
    {
        return Step::OtherOptions;
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
        return Step::Recommend;
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
        return Step::Compare {
            named: u.accommodations.clone(),
        };
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
        return Step::RecommendFor(guests);
    }
    // "¿Cuál es la diferencia?": the cabins side by side, before the guest decides.
    // Cabins named ("¿qué diferencia hay entre la Coihue y la Lenga?") are the ones compared.
    if u.compares && !heard.new_stay() && u.accommodations.len() != 1 && u.feature.is_none() {
        return Step::Compare {
            named: u.accommodations.clone(),
        };
    }
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
        return Step::BookOffer;
    }
    // "Could you send me the booking details again? And what time is check-in?" once paid: the
    // voucher, and whatever else it asks that the voucher does not say.
    if u.asks_voucher
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| h.paid)
    {
        return Step::Voucher;
    }
    // "¿Y el resto cómo lo pago?", "how do I pay the balance?" with a hold waiting for its
    // deposit: what is left after it and when it is paid, from the hold's own prices (a way of
    // paying named is answered below, with how paying works).
    if u.asks_balance
        && u.pay_methods.is_empty()
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| !h.paid)
    {
        return Step::Balance;
    }
    // "¿Cómo pago la seña?", "¿se puede con transferencia?" once a hold waits for its deposit:
    // how paying works, with the hold's own deposit and link (not the general answer).
    if u.topics.contains(&InfoTopic::Payment)
        && u.features.is_empty()
        && !heard.new_stay()
        && u.accommodation.is_none()
        && u.about_hold.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| !h.paid)
    {
        return Step::PayingHeld;
    }
    // "¿Me mandás de nuevo los datos de la reserva?", "resend the booking confirmation", "pode
    // me mandar os dados da reserva? e o endereço?" once paid: the voucher again, which says
    // the address, the times and what is left to pay too (a "genial" with it is no new yes).
    if u.asks_voucher
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && u.topics.iter().all(|t| {
            matches!(
                t,
                InfoTopic::Location | InfoTopic::CheckInTime | InfoTopic::Payment
            )
        })
        && held(facts, u).is_some_and(|h| h.paid)
    {
        return Step::Voucher;
    }
    // "¿El resto cuándo lo pago?", "el saldo, ¿en efectivo?" once the deposit is in: that
    // reservation's balance and how it is taken ("¿cuánto me queda por pagar?" and the
    // voucher asked again get the whole voucher).
    if u.topics.contains(&InfoTopic::Payment)
        && !u.asks_voucher
        && u.features.is_empty()
        && !heard.new_stay()
        && u.accommodation.is_none()
        && u.about_hold.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| h.paid)
    {
        return Step::BalanceDue;
    }
    // "What's left to pay?", "what time is check-in? and how much is left to pay?" once paid:
    // the voucher (it says the balance), and what else the message asks.
    if u.asks_balance
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| h.paid)
    {
        return Step::Balance;
    }
    // A question about an option ("¿la segunda tiene parrilla?") is answered, not picked.
    // "La que acepta perros" points; it does not ask.
    let asks_about_the_place = u.intent == Intent::AskInfo
        && (u.info_topic.is_some() || u.feature.is_some())
        && !(u.named_apart && s.offer.is_some())
        && !(s.offer.is_some()
            && matches!(u.choice, Some(Choice::PetFriendly | Choice::Having(_))));
    if asks_about_the_place && !heard.new_stay() {
        // "¿La segunda tiene parrilla?": the option asked about is remembered, so "esa" after
        // the answer points at it (a bare yes still accepts the option in focus).
        // "¿Alguna tiene jacuzzi?", "tem alguma com banheira?": when only one option has what
        // is asked about, the answer names it, and "esa" after it points at it too.
        let picked = s.offer.as_ref().and_then(|o| {
            pick(o, u, facts)
                .flatten()
                .or_else(|| only_one_has(o, u, facts))
        });
        if let (Some(i), Some(offer)) = (picked, s.offer.as_mut()) {
            offer.asked = Some(i);
        }
        let named = s
            .offer
            .as_ref()
            .and_then(|o| picked.and_then(|i| o.options.get(i)))
            .map(|o| o.name.clone())
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
        return Step::Info {
            topics: u.topics.clone(),
            features: u.features.clone(),
            named,
        };
    }
    // "Prefiero la Ñire, gracias" picks; it is not only thanks. "Thanks! Could you send me the
    // voucher again?" asks for it.
    if u.thanks
        && !u.declines
        && !u.asks_voucher
        && !u.asks_code
        && u.choice.is_none()
        && u.accommodation.is_none()
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
        && !heard.new_stay()
    {
        return Step::Thanks;
    }

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
            return match pick(offer, u, facts) {
                Some(Some(i)) if i != k && u.choice != Some(Choice::Other) => {
                    choose(offer, &mut s.accommodation, i, agrees)
                }
                _ => choose(offer, &mut s.accommodation, next, false),
            };
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
                let points = matches!(u.choice, Some(Choice::Having(_) | Choice::PetFriendly));
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
                let agrees = agrees
                    || again
                    || picked
                    || (u.settles && offer.replaces.is_some())
                    || (u.choice == Some(Choice::ThatOne)
                        && i == offer.chosen
                        && offer.asked.is_none_or(|a| a == i)
                        && !offer.together);
                return choose(offer, &mut s.accommodation, i, agrees);
            }
            Some(None) => {
                return match u.choice {
                    Some(Choice::Having(f)) => Step::NoneOfferedHas(f),
                    _ => Step::NotInOffer,
                };
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
                    return Step::Pick(0);
                }
                s.accommodation = None;
                return Step::WhichInstead;
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
                    return choose(offer, &mut s.accommodation, i, true);
                }
                return Step::BookOffer;
            }
            None if agrees && u.accommodation.is_none() => return Step::BookOffer,
            // "Which dates would that be?", "quais datas seriam?": the offer again, its dates
            // in it.
            None if u.asks_dates && u.check_in.is_none() => {
                if let Some(step) = offer_again(offer, facts) {
                    return step;
                }
            }
            // "How much is it per night?": the offer's prices a night, not its totals again.
            None if u.per_night && !offer.together && offer.replaces.is_none() => {
                return Step::NightPrices;
            }
            None if u.declines && matches!(u.intent, Intent::Unknown | Intent::Greeting) => {
                return Step::Decline;
            }
            None => {}
        }
    }

    let holding = held(facts, u);
    // "La segunda" held it; "ah no, mejor la primera": the hold moves to that option.
    if s.offer.is_none()
        && !u.question
        && !heard.new_stay()
        && (u.accommodation.is_some() || u.choice.is_some_and(|c| c != Choice::ThatOne))
        && let (Some(from), Some(h)) = (s.picked_from.clone(), holding)
        && !h.paid
        && h.group.is_none()
        && let Some(Some(i)) = pick(&from, u, facts)
        && from
            .options
            .get(i)
            .is_some_and(|o| o.accommodation_id != h.accommodation_id)
    {
        let mut offer = from;
        offer.replaces = Some(h.code.clone());
        offer.chosen = i;
        s.offer = Some(offer);
        return Step::BookOffer;
    }
    // "¿Cuál es el código de mi reserva?"
    if u.asks_code
        && !(u.asks_voucher && holding.is_some_and(|h| h.paid))
        && let Some(h) = holding
    {
        return Step::HeldCode(h.shown_code().to_owned());
    }
    // "¿Hasta cuándo tengo?", "ya pagué", "no me llegó el link", "¿sigue en pie?": about the
    // hold itself. A paid one is confirmed: its voucher says it all.
    if let (Some(about), Some(h)) = (u.about_hold, holding)
        && !heard.new_stay()
    {
        return match (about, h.paid) {
            (_, true) => Step::Voucher,
            (AboutHold::Paid, false) => Step::PaymentPending,
            (AboutHold::Deadline | AboutHold::Status, false) => Step::HoldStanding,
            (AboutHold::LinkMissing, false) => Step::HeldPrice,
        };
    }
    if holding.is_some() || s.booked.is_some() {
        // Only an explicit question (not a stay read from bare dates or people) asks about
        // another stay; anything else with new values corrects the hold.
        let explicit = u.confidence >= EXPLICIT_QUESTION;
        let asks = match u.intent {
            Intent::CheckAvailability | Intent::AskPrice => true,
            // "Quiero reservar otra para el finde" (not "dale, pero del 16 al 18").
            Intent::Book => !u.affirmative,
            _ => false,
        };
        // "Y también del 22 al 24", "y la Arrayán las mismas fechas para mis viejos": another
        // stay besides the one held.
        let also = u.also && (u.check_in.is_some() || u.same_dates) && !u.correction;
        // "Cancelá la Coihue y reservame la Arrayán": the cabin held given up for another,
        // a move of the hold, not a second stay.
        let gives_up_held = holding.is_some_and(|h| u.turned_down.contains(&h.accommodation));
        // "Se suman 4 amigos, ahora somos 10, ¿hay lugar?": the party held grows, asked with
        // nothing of another stay in it (no dates, no cabin): the hold's own party changes.
        let party_grows = heard.new_guests
            && !heard.new_dates
            && holding.is_some_and(|h| s.guests.is_some_and(|g| g > h.guests))
            && u.check_in.is_none()
            && u.accommodation.is_none()
            && u.accommodations.is_empty()
            && !u.same_dates;
        let asks_another_stay =
            (asks && explicit && !party_grows || also) && !u.correction && !gives_up_held;
        // "Preferimos la Lenga" after the Coihue was held: the hold moves to the Lenga.
        let other_cabin = holding.and_then(|h| {
            u.accommodation
                .as_deref()
                .and_then(|n| facts.accommodations().iter().find(|a| a.name == n))
                .filter(|a| a.id != h.accommodation_id)
                .map(|a| a.id)
        });
        if (heard.new_stay() || other_cabin.is_some()) && !asks_another_stay {
            match holding {
                Some(h) if h.paid => {
                    s.needs_human = true;
                    return Step::PaidChange;
                }
                Some(h) => {
                    let stay = StayDates::from_today(
                        s.check_in.unwrap_or(h.check_in),
                        s.check_out.unwrap_or(h.check_out),
                        facts.today,
                    );
                    let guests = Guests::new(s.guests.unwrap_or(h.guests));
                    return match (stay, guests) {
                        (Ok(stay), Ok(guests)) => Step::Move {
                            stay,
                            guests,
                            to_cabin: other_cabin,
                        },
                        (Err(e), _) | (_, Err(e)) => {
                            s.check_in = Some(h.check_in);
                            s.check_out = Some(h.check_out);
                            Step::Invalid(e)
                        }
                    };
                }
                // Asked for but not in the facts yet: a new offer the guest can accept.
                None => {}
            }
        } else if let Some(h) = holding
            && !h.paid
            && !heard.new_stay()
            && !heard.new_guests
            && u.check_in.is_none()
            && matches!(u.intent, Intent::Unknown | Intent::Book)
            && u.topics.is_empty()
            && u.accommodation
                .as_deref()
                .is_some_and(|n| h.accommodation == n)
        {
            // "Bueno, entonces dejamos la Lenga" after asking about another cabin: the one
            // held stays as it is (no search that finds it taken by the guest's own hold).
            s.offer = None;
            return Step::AlreadyHeld;
        } else if (agrees || (s.held_without_yes && u.choice == Some(Choice::ThatOne)))
            && !heard.new_stay()
            && s.offer.is_none()
            && !(asks_another_stay && other_cabin.is_some())
            // "Cool, what's the total now?": the price asked, below.
            && u.intent != Intent::AskPrice
        {
            return Step::AlreadyHeld;
        } else if (u.intent == Intent::AskPrice || u.asks_voucher)
            && !heard.new_stay()
            && u.check_in.is_none()
            && u.accommodation.is_none()
            && s.offer.is_none()
        {
            // Paid: the voucher again (with the balance); unpaid: what it costs and the link.
            return match holding {
                Some(h) if h.paid => Step::Voucher,
                _ => Step::HeldPrice,
            };
        }
    }

    // "Hola, quería info": nothing asked in particular yet; what every first answer asks.
    if u.general_info && !heard.new_stay() && s.offer.is_none() && s.booked.is_none() {
        return Step::Greet;
    }
    // Questions without a known topic ("¿hay señal?", "¿tienen generador?"): a person.
    if (u.intent == Intent::AskInfo || u.unknown_question && u.period.is_none())
        && !heard.new_stay()
    {
        s.needs_human = true;
        return Step::Unanswered;
    }
    if u.intent == Intent::Greeting && !heard.new_stay() {
        return Step::Greet;
    }
    if let Some(p) = u.period
        && matches!(p.period, Period::WinterHolidays | Period::Festive)
        && u.check_in.is_none()
    {
        s.wants = s.wants.or(Some(Want::Availability));
        return Step::WhichDays(p);
    }
    if let Some(month) = u.no_long_weekend_in
        && u.check_in.is_none()
    {
        s.wants = s.wants.or(Some(Want::Availability));
        return Step::NoLongWeekend(month);
    }
    // "¿Qué tenés libre en marzo?", "la Coihue, ¿la tenés libre en abril?": a month without
    // days and no stay talked about yet: which nights of it are free, then which days.
    // "Queremos ir en marzo" … "somos 4": the month again, for them.
    let span = if u.next_week {
        Some(crate::texts::Span::NextWeek)
    } else {
        u.month
            .or(s.month.filter(|_| heard.new_guests && u.nights.is_none()))
            .map(crate::texts::Span::Month)
    };
    if let Some(span) = span
        && u.check_in.is_none()
        && u.nights.is_none()
        && s.check_in.is_none()
        && s.offer.is_none()
        && u.period.is_none()
        && u.intent != Intent::AskPrice
        && crate::policy::span_nights(span, facts.today).is_some()
    {
        s.wants = s.wants.or(Some(Want::Availability));
        return Step::FreeIn(span);
    }
    stay_request(prev, s, u, heard, facts)
}

/// Availability, price or booking: ask for what is missing, else quote.
fn stay_request(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Step {
    if heard.new_stay() {
        s.offer = None;
    }
    // Naming a cabin is enough to ask about it for the stay on the table.
    // A month or nights alone ("queríamos ir en junio", "queremos 2 noches") are a stay being
    // asked about: its days come next.
    let new_slot = heard.new_stay()
        || u.guests.is_some()
        || u.check_in.is_some()
        || u.month.is_some()
        || u.nights.is_some()
        || u.accommodation.is_some() && (s.check_in.is_some() || prev.wants.is_some());
    // A question about the place the bot cannot answer goes to a person, who sees it.
    if u.unknown_question && !new_slot && !u.affirmative && u.period.is_none() {
        s.needs_human = true;
        return Step::Unanswered;
    }
    // "Reservame el Arrayán del 8 al 10" … "y también del 22 al 24": another one booked, as the
    // first was (not a question about it).
    let books_another = u.also
        && (u.check_in.is_some() || u.same_dates)
        && (matches!(u.intent, Intent::Book | Intent::Unknown)
            || u.intent == Intent::CheckAvailability && u.confidence < EXPLICIT_QUESTION)
        && (s.booked.is_some() || held(facts, u).is_some());
    if let Some(name) = &u.name_given
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
        && !new_slot
    {
        return Step::NameNoted(name.clone());
    }
    let want = match u.intent {
        _ if books_another => Some(Want::Book),
        // A guest who asked to book and now gives the dates still wants to book.
        Intent::CheckAvailability if prev.wants == Some(Want::Book) => Some(Want::Book),
        // Only people or dates, no question word ("¿y para 4?" after a price): what the guest
        // asked before goes on.
        Intent::CheckAvailability if u.confidence < EXPLICIT_QUESTION => {
            prev.wants.or(Some(Want::Availability))
        }
        Intent::CheckAvailability => Some(Want::Availability),
        Intent::AskPrice => Some(Want::Price),
        // Booking again after a hold that is not in the facts yet would hold twice: offer.
        Intent::Book if s.booked.is_some() => Some(Want::Availability),
        // "¿Cómo pago?" with nothing offered yet asks how paying works: the offer first.
        // "Quiero reservar la Lenga del 17 al 20 para 6, ¿cómo pago?" asks for that cabin on
        // those dates: held, and how paying works said with it.
        Intent::Book
            if u.topics.contains(&InfoTopic::Payment)
                && prev.offer.is_none()
                && !(u.accommodation.is_some() && u.check_in.is_some()) =>
        {
            Some(Want::Availability)
        }
        // A bare yes with nothing on the table accepts nothing: show what there is, or, with no
        // stay asked about yet ("hola" … "sí"), ask for it.
        Intent::Book if u.affirmative && !new_slot => Some(Want::Availability),
        // "Great. 4 people, Jan 15-18?", "ok, para 2 del 1 al 4", "tá bom, então de 22 a 25
        // para 4": a mild word acknowledging the last answer, with nothing offered or asked to
        // book yet, then a stay: a question about it, never a blind hold.
        Intent::Book
            if u.mild_yes
                && prev.offer.is_none()
                && prev.wants != Some(Want::Book)
                && s.booked.is_none()
                && facts.held.is_none() =>
        {
            prev.wants.or(Some(Want::Availability))
        }
        Intent::Book => Some(Want::Book),
        Intent::Greeting if !new_slot => return Step::Greet,
        // A message that only fills a slot (or asks about the place with one) continues what
        // the guest wanted before.
        _ => prev.wants.or(new_slot.then_some(Want::Availability)),
    };
    let fills_a_slot = new_slot || u.affirmative;
    let Some(want) = want else {
        return Step::Clarify;
    };
    if u.confidence < CONFIDENCE_THRESHOLD && !fills_a_slot {
        return Step::Clarify;
    }
    s.wants = Some(want);
    // Dates assumed from a holiday are offered, never booked blind.
    let want = if u.period.is_some() && want == Want::Book {
        Want::Availability
    } else {
        want
    };

    let (Some(check_in), Some(check_out)) = (s.check_in, s.check_out) else {
        return Step::AskDates;
    };
    let stay = match StayDates::from_today(check_in, check_out, facts.today) {
        Ok(stay) => stay,
        Err(e) => {
            s.check_in = None;
            s.check_out = None;
            return Step::Invalid(e);
        }
    };
    let Some(guests) = s.guests else {
        return Step::AskGuests;
    };
    match Guests::new(guests) {
        Ok(guests) => Step::Quote { stay, guests, want },
        Err(e) => {
            s.guests = None;
            Step::Invalid(e)
        }
    }
}

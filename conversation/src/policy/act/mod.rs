//! Carries a step out against the facts: the effects of a turn, in the guest's language.
//!
//! `carry_out` maps each step to its effects; the longer ones live by what they concern:
//! `missing` (asking for the people or the dates, the days of a period or a month), `offers`
//! (quotes, options in focus, recommendations, comparisons), `held` (what the guest holds:
//! price, voucher, balance, changes once paid, cancelling) and `answers` (questions about the
//! place, answered after the step's own reply). `act` puts a step's reply and the answers to
//! what else the message asks in one turn. Nothing here stores or sends: the effects do.

use booking::StayDates;

mod answers;
mod held;
mod missing;
mod offers;

use super::{holds, plan::Step, quote, say};
use crate::{
    Effect, Facts,
    nlu::{Choice, InfoTopic, PayMethod, Understanding},
    state::ConversationState,
    texts,
};
use answers::{Questions, answers, asked_besides, asked_of_pointed};

pub(crate) fn act(
    step: Step,
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    // A question about the place asked with a stay that still misses a slot ("¿dónde quedan
    // y cuánto sale la Lenga?", "del 3 al 5, ¿aceptan perros?") is answered in the same reply.
    // The answer comes first, then what is still missing.
    if matches!(step, Step::AskDates | Step::AskGuests | Step::FreeIn(_)) {
        let named = u.accommodation.as_deref().or(s.accommodation.as_deref());
        let asked = Questions::of(u);
        let mut effects = answers(s, (named, &u.accommodations), facts, asked, None);
        effects.extend(carry_out(step, s, u, facts));
        return effects;
    }
    // "Sí dale, pero con cuna": the booking, then the request about the place answered for
    // the cabin booked.
    // "The one with the jacuzzi then, how much per night?": the booking, then the night's
    // price of the cabin booked.
    let night = u.per_night || u.night_price_too;
    // "La del jacuzzi", "la que tiene vista al lago": what the cabin has is how it was picked,
    // no question to answer.
    let picked_by_it =
        !u.question && (matches!(u.choice, Some(Choice::Having(_))) || u.described.is_some());
    // "Eh la de la pileta tiene wifi" (a voice note, no question mark): held by what it has,
    // and what else it asks answered for it.
    if matches!(step, Step::BookOffer)
        && picked_by_it
        && !night
        && let Some(name) = s
            .offer
            .as_ref()
            .and_then(|o| o.options.get(o.chosen))
            .map(|o| o.name.clone())
    {
        let mut effects = carry_out(step, s, u, facts);
        effects.extend(asked_of_pointed(s, u, facts, &name));
        return effects;
    }
    if matches!(step, Step::BookOffer)
        && ((!picked_by_it && (!u.features.is_empty() || !u.topics.is_empty())) || night)
    {
        let name = s
            .offer
            .as_ref()
            .and_then(|o| o.options.get(o.chosen))
            .map(|o| o.name.clone());
        let price = if night {
            quote::chosen_night_price(s, facts)
        } else {
            Vec::new()
        };
        let mut effects = carry_out(step, s, u, facts);
        effects.extend(price);
        let asked = Questions::of(u);
        effects.extend(answers(s, (name.as_deref(), &[]), facts, asked, None));
        return effects;
    }
    // "¿Cuál es la más barata? ¿y cuál acepta perros?" with options offered: the one asked for
    // by price or size first (in focus, not held), then the rest answered.
    if matches!(step, Step::Info { .. })
        && u.question
        && matches!(
            u.choice,
            Some(Choice::Cheapest | Choice::Priciest | Choice::Largest | Choice::Smallest)
        )
        && let Some(i) = s
            .offer
            .as_ref()
            .filter(|o| !o.together)
            .and_then(|o| o.asked)
    {
        let mut effects = offers::pick(s, u, facts, i);
        // The option's own pets line already answers the pets question.
        let step = match step {
            Step::Info {
                mut topics,
                mut features,
                named,
            } if s.pets => {
                topics.retain(|t| *t != crate::nlu::InfoTopic::Pets);
                features.retain(|f| *f != crate::nlu::Feature::Pets);
                Step::Info {
                    topics,
                    features,
                    named,
                }
            }
            other => other,
        };
        let nothing_else = matches!(&step, Step::Info { topics, features, .. }
            if topics.is_empty() && features.is_empty());
        // "The cheaper one, does it have a grill?": the option's own answer already said it;
        // nothing is said twice.
        if !nothing_else {
            let rest: Vec<Effect> = carry_out(step, s, u, facts)
                .into_iter()
                .filter(|e| !effects.contains(e))
                .collect();
            effects.extend(rest);
        }
        return effects;
    }
    // "Buenísimo, ¿cuánto es la seña?" after "la Coihue" held it: the confirmation first.
    let confirmed = if matches!(step, Step::AlreadyHeld) {
        None
    } else {
        holds::yes_to_unasked_hold(s, u, facts)
    };
    let mut effects: Vec<Effect> = confirmed.into_iter().collect();
    effects.extend(carry_out(step, s, u, facts));
    effects
}

fn carry_out(
    step: Step,
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    match step {
        Step::Greet => vec![say(texts::welcome(lang))],
        Step::NameNoted(name) => {
            let unpaid = crate::policy::plan::held(facts, u).is_some_and(|h| !h.paid);
            let mut out = vec![say(texts::name_noted(lang, &name, !unpaid))];
            if unpaid {
                out.extend(holds::held_price(s, u, facts));
            }
            out
        }
        Step::AskGuests => missing::ask_guests(s, u, facts),
        Step::AskDates => missing::ask_dates(s, u, facts),
        Step::Clarify => vec![say(texts::clarify(lang))],
        Step::Human => vec![say(texts::human(lang))],
        Step::Unanswered => {
            let going_on = s.offer.is_some()
                || s.booked.is_some()
                || crate::policy::plan::held(facts, u).is_some();
            // "¿Me hacés factura?", "a receipt please": what a person makes out, and how.
            if u.asks_papers {
                vec![say(texts::invoice(lang).to_owned())]
            } else {
                vec![say(texts::unanswered_with(lang, going_on))]
            }
        }
        Step::HoldStanding => holds::standing(s, u, facts),
        Step::OtherOptions => quote::other_options(s, u, facts),
        Step::HasDescribed { name, words } => answers::has_described(s, facts, name, words),
        Step::IfSo {
            subject,
            then,
            still,
        } => {
            let mut out = answers(s, (Some(&subject), &[]), facts, Questions::of(u), None);
            if let Some(then) = then {
                // "…? si no, reservame la Coihue del 3 al 6": the stay is for the one cabin the
                // answer leaves wanted, not for both named.
                let read = u
                    .if_so
                    .as_ref()
                    .and_then(|c| c.otherwise.as_ref())
                    .and(s.accommodation.clone())
                    .map(|wanted| crate::policy::plan::narrowed_to(u, &wanted));
                // The stay quoted answers the same questions again: each said once.
                for e in carry_out(*then, s, read.as_ref().unwrap_or(u), facts) {
                    if !out.contains(&e) {
                        out.push(e);
                    }
                }
            } else if still {
                out.push(say(texts::if_not_still(lang, &subject)));
            }
            out
        }
        Step::PetsForHold => holds::pets_for_hold(s, u, facts),
        Step::WhoIAm => vec![say(texts::who_i_am(lang).to_owned())],
        Step::TogetherIn { names, book } => quote::together_in(s, facts, &names, book),
        Step::LargestIs => match accommodations.iter().max_by_key(|a| a.capacity) {
            Some(a) => vec![say(texts::largest_is(lang, &a.name, a.capacity))],
            None => vec![say(texts::clarify(lang))],
        },
        Step::WhichHave(words) => answers::which_have(s, facts, words),
        Step::PaidNothingHeld => vec![say(texts::paid_nothing_held(lang).to_owned())],
        Step::PaymentPending => {
            let h = crate::policy::plan::held(facts, u);
            let name = h.map(|h| texts::list(lang, &h.cabins()));
            let held = h.zip(name.as_deref()).map(|(h, n)| (h.shown_code(), n));
            // "Ya te transferí", "fiz um Pix", "I paid cash to your colleague": a payment outside
            // the link, which a person checks.
            let by_hand = u
                .pay_methods
                .iter()
                .any(|w| matches!(w, PayMethod::Transfer | PayMethod::Cash))
                && !u.pay_methods.contains(&PayMethod::MercadoPago);
            if by_hand {
                vec![say(texts::paid_by_hand(lang, held))]
            } else {
                vec![say(texts::payment_pending(lang, held))]
            }
        }
        // "Somos 40": more than any group the system takes: what the place can do for it (the
        // most the whole place sleeps), not the system's limit.
        Step::Invalid(booking::StayError::Guests(_))
            if u.guests.map(i32::from).unwrap_or(0) > facts.occupancy.largest_party()
                && facts.occupancy.largest_party() > 0 =>
        {
            let g = u.guests.map(i32::from).unwrap_or(0);
            vec![quote::too_large(s, &facts.occupancy, g)]
        }
        Step::Invalid(e) => vec![say(texts::invalid_in(lang, &e))],
        Step::WhichDays(p) if p.period == crate::nlu::Period::Festive => {
            missing::festive_which(s, facts)
        }
        Step::WhichDays(p) => vec![say(texts::which_days_of(
            lang,
            &p,
            s.accommodation.as_deref(),
        ))],
        Step::FreeIn(span) => missing::free_in(s, facts, span),
        Step::NoLongWeekend(month) => missing::no_long_weekend(s, u, facts, month),
        Step::Info {
            topics,
            features,
            named,
        } => answers::info(s, u, facts, topics, features, named),
        Step::OnlyOneHas {
            topics,
            features,
            option,
        } => {
            let named = s
                .offer
                .as_ref()
                .and_then(|o| o.options.get(option))
                .map(|o| o.name.clone());
            let mut effects = answers::info(s, u, facts, topics, features, named);
            effects.extend(quote::focus_as(s, facts, option, quote::Lead::Asked));
            effects
        }
        Step::NoButThatOne {
            topics,
            features,
            proposed,
            option,
        } => {
            let mut effects = answers::info(s, u, facts, topics, features, Some(proposed.clone()));
            effects.extend(quote::focus_as(s, facts, option, quote::Lead::Asked));
            s.doubted = Some(proposed);
            effects
        }
        Step::CabinPrice(name) => offers::cabin_price(s, facts, &name),
        Step::Thanks => vec![say(texts::you_are_welcome(lang))],
        Step::Instead(instead) => match crate::policy::plan::held(facts, u) {
            Some(h) => holds::offer_instead(s, facts, h, instead),
            None => vec![say(texts::clarify(lang))],
        },
        Step::TakeYourTime => vec![say(texts::take_your_time(lang))],
        Step::Fits { name, guests } => {
            let Some(a) = facts.accommodation(&name) else {
                return vec![say(texts::clarify(lang))];
            };
            let others: Vec<&str> = accommodations
                .iter()
                .filter(|o| o.id != a.id && o.fits(guests))
                .map(|o| o.name.as_str())
                .collect();
            vec![say(texts::fits(lang, &a.name, a.capacity, guests, &others))]
        }
        Step::Quote { stay, guests, want } => offers::quote_stay(s, u, facts, stay, guests, want),
        Step::Pick(i) => offers::pick(s, u, facts, i),
        Step::RecommendFor(guests) => offers::recommend_for(s, facts, guests),
        Step::Recommend => offers::recommend(s, facts),
        Step::NotInOffer => {
            let names: Vec<&str> = s
                .offer
                .iter()
                .flat_map(|o| o.options.iter().map(|x| x.name.as_str()))
                .collect();
            vec![say(texts::not_in_offer(lang, &names))]
        }
        Step::NoneOfferedDescribed(name) => offers::none_offered_described(s, facts, name),
        Step::NoneOfferedHas(f) => offers::none_offered_has(s, facts, f, false),
        Step::NoneOfferedHasAsked(f) => offers::none_offered_has(s, facts, f, true),
        Step::Compare { named } => offers::compare(s, facts, named),
        Step::WhichInstead => {
            let names: Vec<&str> = s
                .offer
                .iter()
                .flat_map(|o| o.options.iter().map(|x| x.name.as_str()))
                .collect();
            vec![say(texts::which_instead(lang, &names))]
        }
        Step::NightPrices => quote::night_prices(s, facts),
        Step::BookOffer => holds::accept(s),
        Step::Decline => {
            s.declined = s.offer.take();
            s.wants = None;
            vec![say(texts::offer_declined(lang))]
        }
        // "¿Tiene wifi? ¿cómo pago la seña?" with a hold: the hold and its link, and the rest
        // of the message answered.
        Step::AlreadyHeld => {
            let mut out = holds::already_held(s, u, facts);
            out.extend(asked_besides(s, u, facts, &[InfoTopic::Payment]));
            out
        }
        Step::KeepHold => match facts
            .held
            .and_then(|h| stay_of(h.check_in, h.check_out).map(|st| (h, st)))
        {
            Some((h, stay)) => vec![say(texts::hold_kept(
                lang,
                h.shown_code(),
                &texts::list(lang, &h.cabins()),
                &stay,
            ))],
            None => vec![say(texts::clarify(lang))],
        },
        Step::CodeNotFound(code) => vec![say(texts::code_not_found(lang, &code))],
        Step::HeldCode(code) => match facts
            .held
            .and_then(|h| stay_of(h.check_in, h.check_out).map(|st| (h, st)))
        {
            Some((h, stay)) => vec![say(texts::held_code(
                lang,
                &code,
                &texts::list(lang, &h.cabins()),
                &stay,
            ))],
            None => vec![say(texts::clarify(lang))],
        },
        Step::HeldPrice => held::held_price(s, u, facts),
        Step::PayingHeld => {
            let mut out = holds::paying_held(s, u, facts);
            out.extend(asked_besides(s, u, facts, &[InfoTopic::Payment]));
            out
        }
        Step::BalanceDue => holds::balance_due(s, u, facts),
        Step::Voucher => held::voucher(s, u, facts),
        Step::Balance => held::balance(s, u, facts),
        Step::Move {
            stay,
            guests,
            to_cabin,
        } => holds::move_hold(s, u, facts, stay, guests, to_cabin),
        Step::PaidChange => held::paid_change(s, u, facts),
        Step::Cancel => held::cancel(s, u, facts),
    }
}

/// The stay the slots hold, if complete.
/// What the guest asked of the cabin they switch to ("mejor la Ñire, tiene jacuzzi ¿no?"),
/// answered for it: said before the move.
pub(crate) fn answered_for(
    s: &ConversationState,
    u: &Understanding,
    cabin: &str,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    answers(s, (Some(cabin), &[]), facts, Questions::of(u), None)
}

pub(crate) fn stay_of_state(s: &ConversationState) -> Option<StayDates> {
    stay_of(s.check_in?, s.check_out?)
}

/// The stay of a hold, as a `StayDates` (holds are valid stays).
pub(crate) fn stay_of(
    check_in: chrono::NaiveDate,
    check_out: chrono::NaiveDate,
) -> Option<StayDates> {
    StayDates::new(check_in, check_out).ok()
}

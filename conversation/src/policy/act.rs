//! Carries a step out against the facts: the effects of a turn, in the guest's language.

use booking::StayDates;
use chrono::Datelike;

use super::{holds, plan::Step, quote, say};
use crate::{
    Booking, Effect, Facts, info,
    nlu::{AskedTime, Choice, Feature, InfoTopic, PayMethod, Scenery, Understanding},
    state::{ConversationState, Want},
    texts,
};

/// Features that can set a cabin apart in a comparison.
const APART: &[Feature] = &[
    Feature::Jacuzzi,
    Feature::Pool,
    Feature::Grill,
    Feature::Heating,
    Feature::AirConditioning,
    Feature::Parking,
    Feature::Wifi,
    Feature::Kitchen,
    Feature::Tv,
    Feature::Breakfast,
];

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

/// The runs of free nights of a cabin from `first` to `last` (both nights included), each as
/// its check-in and check-out.
fn free_stretches(
    facts: &Facts<'_>,
    id: i64,
    first: chrono::NaiveDate,
    last: chrono::NaiveDate,
) -> Vec<(chrono::NaiveDate, chrono::NaiveDate)> {
    let mut out: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = Vec::new();
    let mut night = first;
    while night <= last {
        let Some(next) = night.succ_opt() else { break };
        let free = StayDates::new(night, next).is_ok_and(|n| facts.occupancy.is_free(id, &n));
        if free {
            match out.last_mut() {
                Some((_, out_day)) if *out_day == night => *out_day = next,
                _ => out.push((night, next)),
            }
        }
        night = next;
    }
    out
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
            let unpaid = super::plan::held(facts, u).is_some_and(|h| !h.paid);
            let mut out = vec![say(texts::name_noted(lang, &name, !unpaid))];
            if unpaid {
                out.extend(holds::held_price(s, u, facts));
            }
            out
        }
        Step::AskGuests => {
            let mut out = Vec::new();
            // A price asked with the dates: the price for them (the cabin named, else from the
            // cheapest) before the people are asked, who decide which cabins fit.
            let priced = match (s.wants, stay_of_state(s)) {
                (Some(Want::Price), Some(stay)) => {
                    let named = s
                        .accommodation
                        .as_deref()
                        .and_then(|n| accommodations.iter().find(|a| a.name == n));
                    named
                        .map(|a| (a, true))
                        .or_else(|| accommodations.first().map(|a| (a, false)))
                        .map(|(a, named)| {
                            let line = texts::offer_line(a, &stay);
                            texts::stay_price(lang, &stay, &line, (!named).then_some(a.capacity))
                        })
                }
                _ => None,
            };
            // "¿Para Semana Santa tenés el Arrayán?" when it is taken: said now, before the
            // people are asked (who decide what else fits).
            let named_taken = match (s.accommodation.as_deref(), stay_of_state(s)) {
                (Some(n), Some(stay)) => accommodations
                    .iter()
                    .find(|a| a.name == n && !facts.occupancy.is_free(a.id, &stay))
                    .map(|a| texts::named_not_free(lang, &a.name).trim_end().to_owned()),
                _ => None,
            };
            if let Some(text) = &named_taken {
                // The dates a holiday was read as first, then that the cabin is taken then.
                if let (Some(p), Some(stay)) = (&u.period, stay_of_state(s)) {
                    out.push(say(texts::period_assumed(lang, p, &stay)));
                }
                out.push(say(text.clone()));
            } else if let Some(text) = &priced {
                out.push(say(text.clone()));
            } else if let Some(name) = &u.accommodation {
                out.push(say(texts::noted_cabin(lang, name)));
            }
            if let (Some(p), Some(stay), None) = (&u.period, stay_of_state(s), &named_taken) {
                out.push(say(texts::period_assumed(lang, p, &stay)));
            }
            out.push(say(match (&u.period, stay_of_state(s)) {
                (None, Some(stay))
                    if priced.is_none() && (u.check_in.is_some() || u.nights.is_some()) =>
                {
                    // The cabin named before, not in this message (that one was just noted).
                    let earlier = s
                        .accommodation
                        .as_deref()
                        .filter(|_| u.accommodation.is_none());
                    texts::ask_guests_for(lang, &stay, earlier)
                }
                _ => texts::ask_guests(lang).to_owned(),
            }));
            out
        }
        Step::AskDates => {
            let named = s
                .accommodation
                .as_deref()
                .and_then(|n| accommodations.iter().find(|a| a.name == n));
            // Described instead of named, with nothing on the table ("how much for the big
            // one?", "¿y la más barata?"): the one of the place that fits the description.
            // "¿Tenés algo más barato para 4?": among those that fit the people said.
            let described = if s.offer.is_none() {
                let price = |a: &&booking::Accommodation| a.tariff().base_per_night;
                let fit = || {
                    accommodations
                        .iter()
                        .filter(|a| s.guests.is_none_or(|g| a.fits(g)))
                };
                match u.choice {
                    Some(Choice::Largest) => accommodations.iter().rev().max_by_key(|a| a.capacity),
                    Some(Choice::Smallest) => fit().min_by_key(|a| a.capacity),
                    Some(Choice::Cheapest) => fit().min_by_key(price),
                    Some(Choice::Priciest) => fit().rev().max_by_key(price),
                    _ => None,
                }
            } else {
                None
            };
            // Unnamed: the cheapest that fits the people said.
            let fitting = accommodations
                .iter()
                .find(|a| s.guests.is_none_or(|g| a.fits(g)));
            // "¿El precio por noche de cada cabaña?": each one that fits the people said.
            // "Hola, quería saber precios", "what are your prices?": no cabin named or
            // described yet, so each one's price a night (of those that fit the people said).
            let general = s.wants == Some(Want::Price)
                && u.accommodations.is_empty()
                && named.is_none()
                && described.is_none()
                && u.choice.is_none()
                && s.guests.is_none();
            let every: Vec<String> = if (u.each_cabin || general) && u.accommodations.is_empty() {
                accommodations
                    .iter()
                    .filter(|a| s.guests.is_none_or(|g| a.fits(g)))
                    .map(|a| a.name.clone())
                    .collect()
            } else {
                u.accommodations.clone()
            };
            let several: Vec<(&str, booking::Money)> = every
                .iter()
                .filter_map(|n| accommodations.iter().find(|a| a.name == *n))
                .map(|a| (a.name.as_str(), a.tariff().base_per_night))
                .collect();
            if s.wants == Some(Want::Price) && several.len() > 1 {
                return vec![say(texts::prices_for(lang, &several, s.guests))];
            }
            // "¿Cuánto sale la Ñire?" … "¿y para 6?": too small for the party said, so which
            // fit, and the price a night of the first of them.
            if s.wants == Some(Want::Price)
                && described.is_none()
                && let (Some(a), Some(g)) = (named, s.guests)
                && !a.fits(g)
                && let Some(fit) = fitting
            {
                let others: Vec<&str> = accommodations
                    .iter()
                    .filter(|o| o.id != a.id && o.fits(g))
                    .map(|o| o.name.as_str())
                    .collect();
                return vec![say(format!(
                    "{} {}",
                    texts::fits(lang, &a.name, a.capacity, g, &others),
                    texts::price_for(lang, &fit.name, fit.tariff().base_per_night, s.guests)
                ))];
            }
            match (
                s.wants,
                // "¿Algo más barato?" after the Lenga's price: the one described, not the Lenga.
                described.or(named).or(fitting).or(accommodations.first()),
            ) {
                // "¿Cuánto me sale 3 noches en la Arrayán?": those nights, from the price of a
                // weekday night (more when the cabin charges more on weekends).
                (Some(Want::Price), Some(a)) if s.nights.is_some_and(|n| n > 1) => {
                    let nights = s.nights.unwrap_or(1);
                    let tariff = a.tariff();
                    vec![say(texts::price_of_nights(
                        lang,
                        &a.name,
                        nights,
                        booking::Money::from_cents(
                            tariff.base_per_night.cents() * i64::from(nights),
                        ),
                        tariff.weekend_multiplier_bp > 10_000,
                        s.guests,
                    ))]
                }
                (Some(Want::Price), Some(a)) => vec![say(texts::price_for(
                    lang,
                    &a.name,
                    a.tariff().base_per_night,
                    s.guests,
                ))],
                _ => {
                    let mut out = Vec::new();
                    // "¿Algo más barato que la Lenga?": the one described is the answer, not
                    // the one named.
                    let named = u
                        .accommodation
                        .as_ref()
                        .and_then(|n| accommodations.iter().find(|a| a.name == *n))
                        .filter(|_| described.is_none());
                    match (named, s.guests) {
                        // "Somos 6, ¿la Ñire nos sirve?": too small for the party, said with
                        // the cabins that fit, not noted as wanted.
                        (Some(a), Some(g)) if !a.fits(g) => {
                            let others: Vec<&str> = accommodations
                                .iter()
                                .filter(|o| o.id != a.id && o.fits(g))
                                .map(|o| o.name.as_str())
                                .collect();
                            out.push(say(texts::fits(lang, &a.name, a.capacity, g, &others)));
                        }
                        (Some(a), _) => out.push(say(texts::noted_cabin(lang, &a.name))),
                        // "¿Algo más barato para 4?" with no dates yet: the one that answers it,
                        // its size and price a night, before the dates are asked.
                        (None, _) => {
                            if let Some(a) = described {
                                out.push(say(texts::suggested_cabin(
                                    lang,
                                    &a.name,
                                    a.capacity,
                                    a.tariff().base_per_night,
                                )));
                            }
                        }
                    }
                    // "¿Tienen cabaña para 8?": larger than any one cabin, said before the dates
                    // are asked (several together, or the most the place hosts).
                    if let Some(g) = u.guests.map(i32::from)
                        && g > facts.occupancy.largest_single()
                    {
                        let most = facts.occupancy.largest_party();
                        if g > most {
                            return vec![quote::too_large(s, &facts.occupancy, g)];
                        }
                        let largest = facts.occupancy.largest_single();
                        out.push(say(texts::group_ahead(lang, largest)));
                    }
                    out.push(say(match (s.check_in, s.nights) {
                        (Some(check_in), _) => texts::ask_nights(lang, check_in),
                        // "2" (nights) just said: the day of arrival is what is missing.
                        (None, Some(n)) if u.nights.is_some() || u.bare_number.is_some() => {
                            texts::ask_arrival_for_nights(lang, n)
                        }
                        (None, _) => texts::ask_dates_for(lang, u.guests),
                    }));
                    out
                }
            }
        }
        Step::Clarify => vec![say(texts::clarify(lang))],
        Step::Human => vec![say(texts::human(lang))],
        Step::Unanswered => vec![say(texts::unanswered(lang))],
        Step::HoldStanding => holds::standing(s, u, facts),
        Step::OtherOptions => quote::other_options(s, facts),
        Step::HasDescribed { name, words } => {
            match accommodations.iter().find(|a| a.name == name) {
                // "¿La Coihue tiene vista al lago?" when the owner wrote it of other cabins and
                // not of this one: no, and which have it.
                Some(a) if !info::has_words(a, &words) => {
                    let others: Vec<&str> = accommodations
                        .iter()
                        .filter(|o| o.name != a.name && info::has_words(o, &words))
                        .map(|o| o.name.as_str())
                        .collect();
                    if others.is_empty() {
                        vec![say(texts::has_described(
                            lang,
                            &a.name,
                            false,
                            &a.description,
                        ))]
                    } else {
                        vec![say(texts::has_described_elsewhere(
                            lang,
                            &a.name,
                            &a.description,
                            &texts::list(lang, &others),
                        ))]
                    }
                }
                Some(a) => vec![say(texts::has_described(
                    lang,
                    &a.name,
                    true,
                    &a.description,
                ))],
                None => vec![say(texts::clarify(lang))],
            }
        }
        Step::PetsForHold => holds::pets_for_hold(s, u, facts),
        Step::WhoIAm => vec![say(texts::who_i_am(lang).to_owned())],
        Step::TogetherIn { names, book } => quote::together_in(s, facts, &names, book),
        Step::LargestIs => match accommodations.iter().max_by_key(|a| a.capacity) {
            Some(a) => vec![say(texts::largest_is(lang, &a.name, a.capacity))],
            None => vec![say(texts::clarify(lang))],
        },
        Step::WhichHave(words) => {
            let having: Vec<&booking::Accommodation> = accommodations
                .iter()
                .filter(|a| info::has_words(a, &words))
                .collect();
            if having.is_empty() {
                s.needs_human = true;
                // What there is, so a "no" can be read in it; the team confirms the rest.
                let have = info::what_there_is(accommodations);
                if have.is_empty() {
                    vec![say(texts::unanswered(lang))]
                } else {
                    vec![say(texts::none_noted(
                        lang,
                        &words,
                        &texts::list(lang, &have),
                    ))]
                }
            } else {
                let lines: Vec<(&str, &str)> = having
                    .iter()
                    .map(|a| (a.name.as_str(), a.description.as_str()))
                    .collect();
                vec![say(texts::which_have(lang, &lines))]
            }
        }
        Step::PaymentPending => {
            let h = super::plan::held(facts, u);
            let name = h.map(|h| texts::list(lang, &h.cabins()));
            vec![say(texts::payment_pending(
                lang,
                h.zip(name.as_deref()).map(|(h, n)| (h.shown_code(), n)),
            ))]
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
            let Some((christmas, year_end)) = super::festive_stays(facts.today) else {
                return vec![say(texts::ask_dates(lang).to_owned())];
            };
            let free = |stay: &StayDates| -> Option<Vec<&str>> {
                let guests = booking::Guests::new(s.guests?).ok()?;
                Some(
                    facts
                        .occupancy
                        .free(stay, guests)
                        .into_iter()
                        .filter(|a| !s.pets || a.pets_allowed)
                        .map(|a| a.name.as_str())
                        .collect(),
                )
            };
            let (fc, fy) = (free(&christmas), free(&year_end));
            vec![say(texts::festive_which(
                lang,
                (&christmas, fc.as_deref()),
                (&year_end, fy.as_deref()),
            ))]
        }
        Step::WhichDays(p) => vec![say(texts::which_days_of(lang, &p))],
        Step::FreeIn(span) => {
            let Some((first, last)) = super::span_nights(span, facts.today) else {
                return vec![say(texts::ask_dates(lang).to_owned())];
            };
            let named = s.accommodation.as_deref();
            let lines: Vec<(String, Vec<(chrono::NaiveDate, chrono::NaiveDate)>)> = accommodations
                .iter()
                .filter(|a| named.is_none_or(|n| a.name == n))
                .filter(|a| named.is_some() || s.guests.is_none_or(|g| a.fits(g)))
                .filter(|a| named.is_some() || !s.pets || a.pets_allowed)
                .map(|a| (a.name.clone(), free_stretches(facts, a.id, first, last)))
                .collect();
            vec![say(texts::span_free(
                lang,
                span,
                (first, last),
                &lines,
                s.guests,
            ))]
        }
        Step::NoLongWeekend(month) => {
            // The days off of the next such month, from today.
            let today = facts.today;
            let year = if month >= today.month() {
                today.year()
            } else {
                today.year() + 1
            };
            let days: Vec<chrono::NaiveDate> = booking::holidays::national_holidays(year)
                .into_iter()
                .map(|h| h.date)
                .filter(|d| d.month() == month && *d >= today)
                .collect();
            let mut out = vec![say(texts::no_long_weekend_in(lang, month, &days))];
            // "…y tiene hogar?": the questions about the place asked with it.
            let named = u.accommodation.as_deref().or(s.accommodation.as_deref());
            out.extend(answers(
                s,
                (named, &u.accommodations),
                facts,
                Questions::of(u),
                None,
            ));
            out
        }
        Step::Info {
            topics,
            features,
            named,
        } => {
            let asked = Questions {
                topics: &topics[..],
                features: &features[..],
                ..Questions::of(u)
            };
            let out = answers(s, (named.as_deref(), &u.accommodations), facts, asked, None);
            if out.is_empty() {
                vec![say(texts::clarify(lang))]
            } else {
                out
            }
        }
        Step::Thanks => vec![say(texts::you_are_welcome(lang))],
        Step::Bigger => match super::plan::held(facts, u) {
            Some(h) => holds::offer_bigger(s, facts, h),
            None => vec![say(texts::clarify(lang))],
        },
        Step::TakeYourTime => vec![say(texts::take_your_time(lang))],
        Step::Fits { name, guests } => {
            let Some(a) = accommodations.iter().find(|a| a.name == name) else {
                return vec![say(texts::clarify(lang))];
            };
            let others: Vec<&str> = accommodations
                .iter()
                .filter(|o| o.id != a.id && o.fits(guests))
                .map(|o| o.name.as_str())
                .collect();
            vec![say(texts::fits(lang, &a.name, a.capacity, guests, &others))]
        }
        Step::Quote { stay, guests, want } => {
            let mut effects = Vec::new();
            if let Some(p) = &u.period
                && u.check_in == Some(stay.check_in())
            {
                effects.push(say(texts::period_assumed(lang, p, &stay)));
            }
            // The same stay asked about again ("¿y cuál tienen libre esas fechas?") while a move
            // of the hold to it is on the table: accepting still moves the hold.
            let replacing = s
                .offer
                .as_ref()
                .filter(|o| {
                    o.check_in == stay.check_in()
                        && o.check_out == stay.check_out()
                        && o.guests == guests.get()
                })
                .and_then(|o| o.replaces.as_deref())
                .and_then(|code| facts.held.filter(|h| h.is_called(code) && !h.paid));
            // A question about the one cabin named in this message is answered about it.
            let scope = quote::Scope {
                replacing,
                named_only: u.accommodation.is_some() && u.accommodations.len() == 1,
                several: &u.accommodations,
                prefer: match u.choice {
                    Some(Choice::Having(f)) => Some(f),
                    // "From March 1st to 4th, con jacuzzi if possible", "¿tienen lugar…?
                    // ¿alguna tiene hogar?": what the cabin has, asked with the stay, leads.
                    _ => u.features.iter().copied().find(|f| {
                        !matches!(
                            f,
                            Feature::CheckIn
                                | Feature::CheckOut
                                | Feature::Kids
                                | Feature::Smoking
                                | Feature::Pets
                                | Feature::Crib
                        )
                    }),
                },
            };
            let offered = quote::quote(s, facts, (stay, guests), want, scope, &mut effects);
            if u.night_price_too
                && s.offer
                    .as_ref()
                    .is_some_and(|o| !o.together && o.replaces.is_none())
            {
                effects.extend(quote::night_prices_asking(s, facts, false));
            }
            // "Is the Coihue free May 10–13 for 3? How much per night?", "how much is the
            // Lenga per night? we'd like it for 5 from the 24th": held at once, and its price
            // a night said with it.
            if u.per_night || u.night_price_too {
                let booked: Vec<Booking> = effects
                    .iter()
                    .filter_map(|e| match e {
                        Effect::Book(b) => Some(*b),
                        _ => None,
                    })
                    .collect();
                if let [b] = booked[..] {
                    effects.extend(quote::night_price_of_hold(
                        s,
                        facts,
                        (b.accommodation_id, b.check_in, b.check_out),
                    ));
                }
            }
            let asked = Questions::of(u);
            let extra = answers(
                s,
                (u.accommodation.as_deref(), &u.accommodations),
                facts,
                asked,
                Some(&offered),
            );
            effects.extend(extra);
            effects
        }
        Step::Pick(i) => {
            // "¿La Lenga es más grande?", "¿cuál es la más barata?": asked, not chosen.
            let lead = match u.choice {
                Some(Choice::Largest | Choice::Smallest) if u.question => quote::Lead::Sizes,
                Some(Choice::Cheapest) if u.question => quote::Lead::Cheapest,
                // "¿Y la Coihue cuánto sale?": asked about, not yet chosen.
                _ if u.question => quote::Lead::Asked,
                _ => quote::Lead::Chosen,
            };
            let mut out = quote::focus_as(s, facts, i, lead);
            if u.per_night {
                out.extend(quote::night_price_of(s, facts, i));
            }
            let name = s
                .offer
                .as_ref()
                .and_then(|o| o.options.get(i))
                .map(|o| o.name.clone());
            if let Some(name) = name {
                out.extend(asked_of_pointed(s, u, facts, &name));
            }
            out
        }
        Step::RecommendFor(guests) => {
            let pets = s.pets;
            let Some(a) = accommodations
                .iter()
                .find(|a| a.fits(guests) && (!pets || a.pets_allowed))
            else {
                return vec![say(texts::ask_dates_for(lang, Some(guests)))];
            };
            s.accommodation = Some(a.name.clone());
            vec![say(texts::recommended_for(
                lang,
                (&a.name, &a.description),
                guests,
                pets,
            ))]
        }
        Step::Recommend => {
            let Some(offer) = s.offer.as_ref() else {
                return vec![say(texts::clarify(lang))];
            };
            let i = offer.chosen.min(offer.options.len().saturating_sub(1));
            let Some(o) = offer.options.get(i) else {
                return vec![say(texts::clarify(lang))];
            };
            let guests = o.guests.unwrap_or(offer.guests);
            let cheapest = offer.options.iter().all(|x| x.total_cents >= o.total_cents);
            let why = texts::Why {
                fits_exactly: (o.capacity == i32::from(guests)).then_some(guests),
                cheapest: cheapest && offer.options.len() > 1,
                pets: s.pets && o.pets_allowed,
            };
            quote::focus_as(s, facts, i, quote::Lead::Advice(why))
        }
        Step::NotInOffer => {
            let names: Vec<&str> = s
                .offer
                .iter()
                .flat_map(|o| o.options.iter().map(|x| x.name.as_str()))
                .collect();
            vec![say(texts::not_in_offer(lang, &names))]
        }
        Step::NoneOfferedDescribed(name) => {
            let elsewhere = accommodations
                .iter()
                .find(|a| a.name == name)
                .map(|a| not_offered(s, a));
            vec![say(texts::none_offered_described(
                lang,
                elsewhere,
                &offered_names(s),
            ))]
        }
        Step::NoneOfferedHas(f) => {
            let elsewhere = accommodations
                .iter()
                .find(|a| info::has(a, f))
                .map(|a| not_offered(s, a));
            vec![say(texts::none_offered_has(
                lang,
                f,
                elsewhere,
                &offered_names(s),
            ))]
        }
        Step::Compare { named } => {
            let mut offered: Vec<(i64, Option<i64>)> = match &s.offer {
                Some(o) if !o.together => o
                    .options
                    .iter()
                    .map(|x| (x.accommodation_id, Some(x.total_cents)))
                    .collect(),
                _ => accommodations.iter().map(|a| (a.id, None)).collect(),
            };
            if !named.is_empty() {
                offered = accommodations
                    .iter()
                    .filter(|a| named.contains(&a.name))
                    .map(|a| {
                        let total = offered.iter().find(|(id, _)| *id == a.id);
                        (a.id, total.and_then(|(_, t)| *t))
                    })
                    .collect();
            }
            let compared: Vec<(&booking::Accommodation, Option<i64>)> = offered
                .iter()
                .filter_map(|(id, total)| {
                    accommodations
                        .iter()
                        .find(|a| a.id == *id)
                        .map(|a| (a, *total))
                })
                .collect();
            let fold = |x: &str| x.to_lowercase();
            let everywhere = |am: &str| {
                compared
                    .iter()
                    .all(|(a, _)| a.amenities.iter().any(|b| fold(b) == fold(am)))
            };
            let shared: Vec<&str> = compared
                .first()
                .map(|(a, _)| {
                    a.amenities
                        .iter()
                        .map(String::as_str)
                        .filter(|am| everywhere(am))
                        .collect()
                })
                .unwrap_or_default();
            let rows: Vec<texts::Compared<'_>> = compared
                .iter()
                .map(|(a, total)| texts::Compared {
                    name: &a.name,
                    capacity: a.capacity,
                    pets: a.pets_allowed,
                    // What sets it apart, amenity or description ("jacuzzi y vista…").
                    extras: APART
                        .iter()
                        .filter(|f| {
                            info::has(a, **f) && !compared.iter().all(|(o, _)| info::has(o, **f))
                        })
                        .map(|f| texts::feature_name(lang, *f))
                        .collect(),
                    total: total.map(booking::Money::from_cents),
                    per_night: a.tariff().base_per_night,
                })
                .collect();
            vec![say(texts::comparison(
                lang,
                &rows,
                &shared,
                s.offer.is_some(),
            ))]
        }
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
            s.offer = None;
            s.wants = None;
            vec![say(texts::offer_declined(lang))]
        }
        Step::AlreadyHeld => holds::already_held(s, u, facts),
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
        Step::HeldPrice => {
            // "Perdón, ¿cuánto era por noche?" with a hold: its price a night first, then the
            // hold's total, deposit and link.
            let mut out = Vec::new();
            if u.per_night
                && let Some(h) = super::plan::held(facts, u)
                && h.group.is_none()
            {
                out.extend(quote::night_price_of_hold(
                    s,
                    facts,
                    (h.accommodation_id, h.check_in, h.check_out),
                ));
            }
            out.extend(holds::held_price(s, u, facts));
            out
        }
        Step::PayingHeld => holds::paying_held(s, u, facts),
        Step::BalanceDue => holds::balance_due(s, u, facts),
        Step::Voucher => {
            let mut out = holds::voucher(s, u, facts);
            // What else the message asks, but what the voucher already says (times, address,
            // the balance).
            if u.asks_voucher {
                out.extend(asked_besides(
                    s,
                    u,
                    facts,
                    &[
                        InfoTopic::CheckInTime,
                        InfoTopic::Location,
                        InfoTopic::Payment,
                    ],
                ));
            }
            out
        }
        Step::Balance => {
            let mut out = holds::balance(s, u, facts);
            // "What time is check-in? and how much is left to pay?": the rest answered too.
            out.extend(asked_besides(s, u, facts, &[InfoTopic::Payment]));
            out
        }
        Step::Move {
            stay,
            guests,
            to_cabin,
        } => holds::move_hold(s, u, facts, stay, guests, to_cabin),
        Step::PaidChange => {
            let mut out = holds::paid_change(s, u, facts);
            // "Se suma un bebé, ¿hay cuna?": the change goes to staff, the question is answered
            // now (not how many fit nor the policy: the change's own answer says those).
            out.extend(asked_besides(
                s,
                u,
                facts,
                &[InfoTopic::Capacity, InfoTopic::Cancellation],
            ));
            out
        }
        Step::Cancel => {
            let mut out = holds::cancel(s, u, facts);
            // "Cancelá esa reserva, ¿hay lugar del 6 al 9 de abril para las mismas 3?": the
            // hold released, then the stay asked quoted (nothing held until the guest picks).
            let released = out.iter().any(|e| matches!(e, Effect::ReleaseHold { .. }));
            if released
                && u.check_in.is_some()
                && let Some(stay) = stay_of_state(s)
                && let Some(guests) = s.guests.and_then(|g| booking::Guests::new(g).ok())
            {
                quote::quote(
                    s,
                    facts,
                    (stay, guests),
                    Want::Availability,
                    quote::Scope::default(),
                    &mut out,
                );
            }
            out
        }
    }
}

/// The names of the options on the table.
fn offered_names(s: &ConversationState) -> Vec<&str> {
    s.offer
        .iter()
        .flat_map(|o| o.options.iter().map(|x| x.name.as_str()))
        .collect()
}

/// A cabin that has what the guest wants, and why it is not on the table: pets, size, or its
/// nights.
fn not_offered<'a>(
    s: &ConversationState,
    a: &'a booking::Accommodation,
) -> (&'a str, texts::NotOffered) {
    let guests = s.offer.as_ref().map_or(0, |o| o.guests);
    let why = if s.pets && !a.pets_allowed {
        texts::NotOffered::Pets
    } else if !a.fits(guests) {
        texts::NotOffered::Small(a.capacity)
    } else {
        texts::NotOffered::Taken
    };
    (a.name.as_str(), why)
}

/// What a message asks about the place: topics, yes/no features, the time asked about
/// ("¿se puede entrar a las 11?"), the ways of paying named.
#[derive(Clone, Copy)]
struct Questions<'a> {
    topics: &'a [InfoTopic],
    features: &'a [Feature],
    time: Option<AskedTime>,
    ways: &'a [PayMethod],
    /// The ways are asked for the deposit, not the balance.
    deposit: bool,
    /// The view asked about ("¿cuál tiene vista al lago?").
    scenery: Option<Scenery>,
}

impl<'a> Questions<'a> {
    fn of(u: &'a Understanding) -> Self {
        Questions {
            topics: &u.topics,
            features: &u.features,
            time: u.asked_time,
            ways: &u.pay_methods,
            deposit: u.pays_deposit,
            scenery: u.scenery,
        }
    }
}

/// The answers to what the message asks about the place besides what a hold's own answer
/// already says (`said`: those topics, and the check-in and check-out times with them).
fn asked_besides(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    said: &[InfoTopic],
) -> Vec<Effect> {
    let times_said = said.contains(&InfoTopic::CheckInTime);
    let topics: Vec<InfoTopic> = u
        .topics
        .iter()
        .copied()
        .filter(|t| !said.contains(t))
        .collect();
    let features: Vec<Feature> = u
        .features
        .iter()
        .copied()
        .filter(|f| !(times_said && matches!(f, Feature::CheckIn | Feature::CheckOut)))
        .collect();
    if topics.is_empty() && features.is_empty() {
        return Vec::new();
    }
    let asked = Questions {
        topics: &topics,
        features: &features,
        ..Questions::of(u)
    };
    answers(s, (None, &u.accommodations), facts, asked, None)
}

/// "Me gusta la del jacuzzi, ¿tiene wifi?", "la que acepta perros, ¿tiene parrilla?": an
/// option pointed at by what it has, with a question about the place besides, answered for
/// that cabin `name` (what pointed at it is no question).
fn asked_of_pointed(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    name: &str,
) -> Vec<Effect> {
    let by = match u.choice {
        Some(Choice::Having(f)) => f,
        Some(Choice::PetFriendly) => Feature::Pets,
        _ => return Vec::new(),
    };
    let features: Vec<Feature> = u.features.iter().copied().filter(|f| *f != by).collect();
    if features.is_empty()
        && u.topics
            .iter()
            .all(|t| matches!(t, InfoTopic::Amenities | InfoTopic::Pets))
    {
        return Vec::new();
    }
    let topics: Vec<InfoTopic> = u
        .topics
        .iter()
        .copied()
        .filter(|t| !(by == Feature::Pets && *t == InfoTopic::Pets))
        .filter(|t| !features.is_empty() || *t != InfoTopic::Amenities)
        .collect();
    let asked = Questions {
        topics: &topics,
        features: &features,
        ..Questions::of(u)
    };
    answers(s, (Some(name), &[]), facts, asked, None)
}

/// Answers to the questions about the place a message asks, for the cabins it names (or the
/// ones just offered, when a quote came first). A yes/no question is answered first.
fn answers(
    s: &ConversationState,
    (named, several): (Option<&str>, &[String]),
    facts: &Facts<'_>,
    asked: Questions<'_>,
    offered: Option<&[i64]>,
) -> Vec<Effect> {
    let Questions {
        topics,
        features,
        time: asked,
        ways,
        deposit,
        scenery,
    } = asked;
    let lang = s.language;
    // "¿Qué diferencia hay entre la Coihue y la Ñire?": the cabins named, not all of them.
    let compared: Vec<booking::Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| several.len() > 1 && several.contains(&a.name))
        .cloned()
        .collect();
    let all = if compared.len() > 1 {
        &compared[..]
    } else {
        facts.accommodations()
    };
    let answer = |t: InfoTopic| -> Vec<Effect> {
        let said = if t == InfoTopic::View {
            info::views(lang, (all, named), scenery)
        } else if t == InfoTopic::Payment {
            vec![info::payment(
                lang,
                facts.place,
                (all, named),
                (ways, deposit),
            )]
        } else {
            info::answer(
                lang,
                t,
                facts.place,
                (all, named),
                (facts.public_base_url, facts.today),
            )
        };
        said.into_iter().map(Effect::Say).collect()
    };
    let yes_no = |f: Feature| {
        info::yes_no_at(lang, f, facts.place, (all, named), asked)
            .into_iter()
            .map(Effect::Say)
    };
    let mut out: Vec<Effect> = Vec::new();
    if let Some(offered) = offered {
        // After a quote: the pets line for the cabins offered; other topics as usual.
        let shown: Vec<&booking::Accommodation> =
            all.iter().filter(|a| offered.contains(&a.id)).collect();
        let pets_asked = s.pets || topics.contains(&InfoTopic::Pets);
        if pets_asked && !shown.is_empty() {
            let (yes, no) = info::pets_split(&shown);
            // None of those offered takes the pet: which others do, for as many people.
            let others: Vec<&str> = facts
                .accommodations()
                .iter()
                .filter(|a| {
                    a.pets_allowed && !offered.contains(&a.id) && s.guests.is_none_or(|g| a.fits(g))
                })
                .map(|a| a.name.as_str())
                .collect();
            if yes.is_empty() && !others.is_empty() {
                let no = texts::list(lang, &no);
                out.push(say(texts::pets_named_no(lang, &no, &others)));
            } else {
                out.push(say(texts::pets_for_offer(lang, &yes, &no)));
            }
        }
        for f in features.iter().filter(|f| **f != Feature::Pets) {
            out.extend(yes_no(*f));
        }
        for t in topics {
            if matches!(t, InfoTopic::Pets) || covered(features, *t) {
                continue;
            }
            out.extend(answer(*t));
        }
        return out;
    }
    for f in features {
        out.extend(yes_no(*f));
    }
    for t in topics {
        if covered(features, *t) {
            continue;
        }
        // Cabins asked about by name: what each one is, not only the amenities all share.
        let described: Vec<booking::Accommodation> = if compared.len() > 1 {
            compared.clone()
        } else {
            all.iter()
                .filter(|a| named == Some(a.name.as_str()))
                .cloned()
                .collect()
        };
        if *t == InfoTopic::Amenities && !described.is_empty() {
            out.push(Effect::Say(info::compared(lang, &described)));
            continue;
        }
        if *t == InfoTopic::Cancellation {
            out.push(say(holds::policy(s, facts)));
            continue;
        }
        out.extend(answer(*t));
    }
    out
}

/// A topic a yes/no answer already covers ("¿tienen pileta?" needs no amenities list).
fn covered(features: &[Feature], t: InfoTopic) -> bool {
    features.iter().any(|f| match f {
        Feature::Pets => t == InfoTopic::Pets,
        Feature::CheckIn | Feature::CheckOut => t == InfoTopic::CheckInTime,
        Feature::Kids => t == InfoTopic::Kids,
        Feature::Smoking => t == InfoTopic::Smoking,
        _ => t == InfoTopic::Amenities,
    })
}

/// The stay the slots hold, if complete.
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

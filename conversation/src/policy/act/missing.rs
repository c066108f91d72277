//! What the guest has yet to say: how many they are, which dates, which days of a holiday
//! period or a month, each asked after what the message already tells (a price, a cabin
//! taken, a group larger than any cabin).

use booking::StayDates;
use chrono::Datelike;

use super::{Questions, answers, stay_of_state};
use crate::policy::{quote, say};
use crate::{
    Effect, Facts,
    nlu::{Choice, Understanding},
    state::{ConversationState, Want},
    texts,
};

/// The runs of free nights of a cabin from `first` to `last` (both nights included), each as
/// its check-in and check-out.
pub(super) fn free_stretches(
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

/// How many they are, after the price or the taken cabin the dates already tell.
pub(super) fn ask_guests(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    let mut out = Vec::new();
    // A price asked with the dates: the price for them (the cabin named, else from the
    // cheapest) before the people are asked, who decide which cabins fit; its price a night
    // too when that is what was asked ("quanto fica a noite dela?").
    let mut night_price = Vec::new();
    let priced = match (s.wants, stay_of_state(s)) {
        (Some(Want::Price), Some(stay)) => {
            let named = s
                .accommodation
                .as_deref()
                .and_then(|n| facts.accommodation(n));
            named
                .map(|a| (a, true))
                .or_else(|| accommodations.first().map(|a| (a, false)))
                .map(|(a, named)| {
                    if named && (u.per_night || u.night_price_too) {
                        night_price = quote::night_price_of_hold(
                            s,
                            facts,
                            (a.id, stay.check_in(), stay.check_out()),
                        );
                    }
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
            .map(|a| {
                // "¿Está libre la Coihue del 13 al 16?": a no first, as any yes/no question;
                // so too "¿y del 12 al 14?" of the cabin named before.
                if u.question
                    && (u.accommodation.as_deref() == Some(n) || asks_of_cabin_before(s, u))
                {
                    texts::named_free(lang, &[], &[a.name.as_str()])
                } else {
                    texts::named_not_free(lang, &a.name).trim_end().to_owned()
                }
            }),
        _ => None,
    };
    if let Some(text) = &named_taken {
        // The dates a holiday was read as first, then that the cabin is taken then.
        if let (Some(p), Some(stay)) = (&u.period, stay_of_state(s)) {
            out.push(say(texts::period_assumed(lang, p, &stay)));
        }
        out.push(say(text.clone()));
    } else if let Some(text) = &priced {
        // The price a night says the stay's total too: said once.
        if night_price.is_empty() {
            out.push(say(text.clone()));
        } else {
            out.append(&mut night_price);
        }
    } else if let Some(text) = named_free(s, u, facts) {
        // "¿La Lenga está libre del 8 al 11?", "¿la Coihue está disponible? ¿y la Ñire?": yes
        // or no for each cabin named, before the people are asked.
        out.push(say(text));
    } else if let Some(name) = &u.accommodation {
        out.push(say(texts::noted_cabin(lang, name)));
    }
    if let (Some(p), Some(stay), None) = (&u.period, stay_of_state(s), &named_taken) {
        out.push(say(texts::period_assumed(lang, p, &stay)));
    }
    out.push(say(match (&u.period, stay_of_state(s)) {
        (None, Some(stay)) if priced.is_none() && (u.check_in.is_some() || u.nights.is_some()) => {
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

/// "¿Y estaría libre del 20 al 24?", "¿y del 14 al 16?": whether the cabin named earlier is
/// free is asked, though this message names none. A yes/no question like any other, so
/// answered yes or no first.
fn asks_of_cabin_before(s: &ConversationState, u: &Understanding) -> bool {
    u.question
        && u.intent == crate::nlu::Intent::CheckAvailability
        && u.accommodations.is_empty()
        && s.accommodation.is_some()
}

/// Whether each cabin this message names (else the one named before, when this one asks
/// whether it is free) is free for the stay the slots hold.
fn named_free(s: &ConversationState, u: &Understanding, facts: &Facts<'_>) -> Option<String> {
    let stay = stay_of_state(s)?;
    let before = asks_of_cabin_before(s, u)
        .then(|| s.accommodation.clone())
        .flatten();
    let named: Vec<&booking::Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| u.accommodations.contains(&a.name) || before.as_deref() == Some(&a.name))
        .collect();
    if named.is_empty() {
        return None;
    }
    let (free, taken): (Vec<_>, Vec<_>) = named
        .into_iter()
        .partition(|a| facts.occupancy.is_free(a.id, &stay));
    let free: Vec<(&str, i32)> = free.iter().map(|a| (a.name.as_str(), a.capacity)).collect();
    let taken: Vec<&str> = taken.iter().map(|a| a.name.as_str()).collect();
    Some(texts::named_free(s.language, &free, &taken))
}

/// Which dates, after the price or the cabin the message asked about.
pub(super) fn ask_dates(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    let named = s
        .accommodation
        .as_deref()
        .and_then(|n| facts.accommodation(n));
    // Described instead of named, with nothing on the table ("how much for the big
    // one?", "¿y la más barata?"): the one of the place that fits the description.
    // "¿Tenés algo más barato para 4?": among those that fit the people said.
    // "¿Qué diferencia hay entre la Coihue y la Ñire?" … "¿y cuál sale menos?": among the
    // cabins just compared, not the whole place.
    let compared = |a: &&booking::Accommodation| s.named.len() < 2 || s.named.contains(&a.name);
    let described = if s.offer.is_none() {
        let price = |a: &&booking::Accommodation| a.tariff().base_per_night;
        let fit = || {
            accommodations
                .iter()
                .filter(|a| s.guests.is_none_or(|g| a.fits(g)))
                .filter(compared)
        };
        match u.choice {
            Some(Choice::Largest) => accommodations
                .iter()
                .filter(compared)
                .rev()
                .max_by_key(|a| a.capacity),
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
        .filter_map(|n| facts.accommodation(n))
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
        // "Somos 6, ¿cuánto la Lenga?" … "¿y la Arrayán?": the cabin named now, its price
        // asked, is priced first and the party's size is a warning after it.
        if named_now_for_the_party_said_before(u, &a.name) {
            return vec![say(format!(
                "{} {}",
                texts::price_for(lang, &a.name, a.tariff().base_per_night, s.guests),
                texts::mind_too_small(lang, &a.name, a.capacity, g, &others)
            ))];
        }
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
                booking::Money::from_cents(tariff.base_per_night.cents() * i64::from(nights)),
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
                .and_then(|n| facts.accommodation(n))
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
            } else if let Some(g) = u
                .guests
                .filter(|_| u.question && named.is_none() && described.is_none() && out.is_empty())
            {
                // "¿Tienen cabañas para 5?": the ones that sleep them (and take the pet).
                let fit: Vec<(&str, i32)> = accommodations
                    .iter()
                    .filter(|a| a.fits(g) && a.takes_pets_if(s.pets))
                    .map(|a| (a.name.as_str(), a.capacity))
                    .collect();
                if !fit.is_empty() {
                    out.push(say(texts::sleeping(lang, g, &fit)));
                }
            }
            out.push(say(match (s.check_in, s.nights) {
                (Some(check_in), _) => texts::ask_nights(lang, check_in),
                // "2" (nights) just said: the day of arrival is what is missing.
                (None, Some(n)) if u.nights.is_some() || u.bare_number.is_some() => {
                    texts::ask_arrival_for_nights(lang, n, s.month)
                }
                (None, _) => texts::ask_dates_for(lang, u.guests),
            }));
            out
        }
    }
}

/// "Para las fiestas": Christmas or New Year, and what is free for each.
pub(super) fn festive_which(s: &ConversationState, facts: &Facts<'_>) -> Vec<Effect> {
    let lang = s.language;
    let Some((christmas, year_end)) = crate::policy::festive_stays(facts.today) else {
        return vec![say(texts::ask_dates(lang).to_owned())];
    };
    let free = |stay: &StayDates| -> Option<Vec<&str>> {
        let guests = booking::Guests::new(s.guests?).ok()?;
        Some(
            facts
                .occupancy
                .free(stay, guests)
                .into_iter()
                .filter(|a| a.takes_pets_if(s.pets))
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

/// The free nights of a month (or next week), cabin by cabin.
pub(super) fn free_in(s: &ConversationState, facts: &Facts<'_>, span: texts::Span) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    let Some((first, last)) = crate::policy::span_nights(span, facts.today) else {
        return vec![say(texts::ask_dates(lang).to_owned())];
    };
    let named = s.accommodation.as_deref();
    let lines: Vec<(String, Vec<(chrono::NaiveDate, chrono::NaiveDate)>)> = accommodations
        .iter()
        .filter(|a| named.is_none_or(|n| a.name == n))
        .filter(|a| named.is_some() || s.guests.is_none_or(|g| a.fits(g)))
        .filter(|a| named.is_some() || a.takes_pets_if(s.pets))
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

/// No long weekend in that month: its days off, and what else was asked.
pub(super) fn no_long_weekend(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    month: u32,
) -> Vec<Effect> {
    let lang = s.language;
    // The days off of the next such month without a long weekend, from today ("el finde
    // largo del 8 de diciembre" after the 8th: next year's December, not this one's
    // Christmas long weekend).
    let today = facts.today;
    let year = crate::policy::month_without_long_weekend(month, today);
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

/// "¿Y la Arrayán?" with the party said in an earlier message: the cabin is named in this one
/// and the party is not, so what is asked is that cabin, not whether the party fits it.
fn named_now_for_the_party_said_before(u: &Understanding, name: &str) -> bool {
    u.accommodation.as_deref() == Some(name) && u.guests.is_none()
}

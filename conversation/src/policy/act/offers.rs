//! Carrying out what concerns the options: a stay quoted, an option in focus or chosen, a
//! recommendation, a comparison, what no option has.

use booking::StayDates;

use super::{Questions, answers, asked_of_pointed};
use crate::policy::{quote, say};
use crate::{
    Booking, Effect, Facts, info,
    nlu::{Choice, Feature, Understanding},
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

/// The names of the options on the table.
pub(super) fn offered_names(s: &ConversationState) -> Vec<&str> {
    s.offer
        .iter()
        .flat_map(|o| o.options.iter().map(|x| x.name.as_str()))
        .collect()
}

/// A cabin that has what the guest wants, and why it is not on the table: pets, size, or its
/// nights.
pub(super) fn not_offered<'a>(
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

/// The stay quoted, held when asked to book, and what else the message asks.
pub(super) fn quote_stay(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    stay: StayDates,
    guests: booking::Guests,
    want: Want,
) -> Vec<Effect> {
    let lang = s.language;
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
    // "When is it free then?" after a move of the hold was refused: "it" is the held cabin.
    if u.asks_when_free
        && u.accommodation.is_none()
        && let Some(h) = replacing.filter(|h| h.group.is_none())
        && let Some(a) = facts.accommodation_by_id(h.accommodation_id)
    {
        s.accommodation = Some(a.name.clone());
    }
    if let Some(name) = ranked_with_stay(s, u, facts, &stay, guests) {
        s.accommodation = Some(name);
    }
    // A question about the one cabin named in this message is answered about it; so is a
    // correction of the stay or party asked for the cabin named before ("la Coihue del 2 al
    // 5" … "perdón, mejor 2 noches"): what changed is the stay, not the cabin asked about.
    let scope = quote::Scope {
        replacing,
        named_only: (u.accommodation.is_some() && u.accommodations.len() == 1)
            || (u.correction && s.accommodation.is_some() && u.accommodations.is_empty()),
        several: &u.accommodations,
        when_free: u.asks_when_free,
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
    effects.extend(compared_with_stay(s, u, facts, &effects));
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

/// "What's the difference between the Ñire and the Coihue? We're 4, June 14–17", "¿qué
/// diferencia hay? somos 4 del 3 al 6": a comparison asked with the stay is answered after the
/// offer (the cabins named, else those offered), unless something was held at once.
fn compared_with_stay(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    so_far: &[Effect],
) -> Vec<Effect> {
    let offered = s
        .offer
        .as_ref()
        .is_some_and(|o| !o.together && !o.options.is_empty());
    let held = so_far.iter().any(|e| matches!(e, Effect::Book(_)));
    if !u.compares || u.accommodations.len() == 1 || !offered || held {
        return Vec::new();
    }
    compare(s, facts, u.accommodations.clone())
}

/// "La más barata de las dos entonces, somos 4 del 3 al 6 de mayo", "the biggest one, May 3
/// to 6 for 4", "a mais barata, de 3 a 6 de maio": a pick by price or size said with the stay,
/// no cabin named in it, is the free cabin for the party that it points at; it leads the
/// offer (held when asked to book) instead of the cabin asked about before.
fn ranked_with_stay(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    stay: &StayDates,
    guests: booking::Guests,
) -> Option<String> {
    if u.question || u.accommodation.is_some() {
        return None;
    }
    let free = facts
        .occupancy
        .free(stay, guests)
        .into_iter()
        .filter(|a| a.takes_pets_if(s.pets));
    let total = |a: &&booking::Accommodation| a.quote(stay).total.cents();
    let cabin = crate::policy::pick::ranked(u.choice?, free, total, |a| a.capacity)?;
    Some(cabin.name.clone())
}

/// An option put in focus (asked about) or chosen.
pub(super) fn pick(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    i: usize,
) -> Vec<Effect> {
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
        let pointed = asked_of_pointed(s, u, facts, &name);
        if pointed.is_empty() && u.question {
            out.extend(super::answers::yes_no_of(s, u, facts, &name));
        }
        out.extend(pointed);
    }
    out
}

/// The cabin for a party, before any dates.
pub(super) fn recommend_for(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    guests: u16,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    let pets = s.pets;
    let Some(a) = accommodations
        .iter()
        .find(|a| a.fits(guests) && a.takes_pets_if(pets))
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

/// The option in focus recommended, and why.
pub(super) fn recommend(s: &mut ConversationState, facts: &Facts<'_>) -> Vec<Effect> {
    let lang = s.language;
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

/// Only a cabin not offered has what was described: which, and why it is not offered.
pub(super) fn none_offered_described(
    s: &ConversationState,
    facts: &Facts<'_>,
    name: String,
) -> Vec<Effect> {
    let lang = s.language;
    let elsewhere = facts.accommodation(&name).map(|a| not_offered(s, a));
    vec![say(texts::none_offered_described(
        lang,
        elsewhere,
        &offered_names(s),
    ))]
}

/// No option offered has the feature: which cabin does, and why it is not offered; `asked`:
/// the guest asked whether there is one (answered no first), rather than pointing at it.
pub(super) fn none_offered_has(
    s: &ConversationState,
    facts: &Facts<'_>,
    f: Feature,
    asked: bool,
) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
    let elsewhere = accommodations
        .iter()
        .find(|a| info::has(a, f))
        .map(|a| not_offered(s, a));
    vec![say(texts::none_offered_has(
        lang,
        (f, asked),
        elsewhere,
        &offered_names(s),
    ))]
}

/// The cabins side by side (those named, the options offered, or all).
pub(super) fn compare(s: &ConversationState, facts: &Facts<'_>, named: Vec<String>) -> Vec<Effect> {
    let lang = s.language;
    let accommodations = facts.accommodations();
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
        .filter_map(|(id, total)| facts.accommodation_by_id(*id).map(|a| (a, *total)))
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
                .filter(|f| info::has(a, **f) && !compared.iter().all(|(o, _)| info::has(o, **f)))
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

/// "¿Cuánto sale la Coihue?" from a party larger than it: how many it sleeps, and its price for
/// the stay talked about (or that it is taken then); what is on the table stays.
pub(super) fn cabin_price(s: &ConversationState, facts: &Facts<'_>, name: &str) -> Vec<Effect> {
    let lang = s.language;
    let stay = s
        .check_in
        .zip(s.check_out)
        .and_then(|(i, o)| StayDates::new(i, o).ok());
    let (Some(a), Some(stay)) = (facts.accommodation(name), stay) else {
        return vec![say(texts::clarify(lang))];
    };
    let free = booking::Guests::new(1).ok().is_some_and(|one| {
        facts
            .occupancy
            .free(&stay, one)
            .iter()
            .any(|f| f.id == a.id)
    });
    let sleeps = texts::named_too_small(lang, &a.name, a.capacity);
    let price = if free {
        texts::stay_price(lang, &stay, &texts::offer_line(a, &stay), None)
    } else {
        texts::named_not_free(lang, &a.name)
    };
    vec![say(format!("{sleeps}{price}").trim_end().to_owned())]
}

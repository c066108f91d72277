//! Quotes: what is free for a stay and what it costs, as an offer the guest can point at (by
//! name, position or attribute); the named cabin first, only pet-friendly cabins when a pet
//! comes (a cabin named that takes none is never held for it); a combination of cabins for a
//! group larger than any one, or when every cabin that would sleep the party alone is taken
//! (that cabin's nearest free dates said after); the nearest free dates when nothing is free;
//! the property's
//! maximum when the group is larger than all of it. A cabin whose season asks for more nights
//! than the stay has is not offered for it; when that leaves nothing, the guest is told the
//! season's minimum and offered the shortest stay it accepts from the same day (`min_nights`).

use booking::{
    Accommodation, Guests, StayDates,
    availability::{Occupancy, Taken, split_guests},
    seasons::TooShort,
};

use super::{holds, say};
use crate::{
    Booking, Effect, Facts, Held,
    nlu::Feature,
    state::{ConversationState, Offer, OfferOption, Want},
    texts::{self, OfferLine},
};

/// Options shown at most.
const MAX_OPTIONS: usize = 3;

/// How a quote picks what it shows.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Scope<'a> {
    /// The guest's unpaid hold, whose own nights do not count as taken and which an accepted
    /// offer moves.
    pub(crate) replacing: Option<&'a Held>,
    /// The guest asked about the cabin they named in this message ("¿cuánto sale la Ñire del 2
    /// al 5?"): when it is free, it alone is quoted.
    pub(crate) named_only: bool,
    /// A feature the guest wants the cabin to have ("que sea la que tiene jacuzzi"): those
    /// that have it lead the offer.
    pub(crate) prefer: Option<Feature>,
    /// Several cabins named in this message ("¿cuánto salen la Coihue y la Lenga…?"): the
    /// free ones among them are what is quoted.
    pub(crate) several: &'a [String],
    /// The guest asks when the cabin named (or in focus) is free ("¿cuándo está libre la
    /// Arrayán?"): taken on the stay, its own nearest free stays are offered, not the others.
    pub(crate) when_free: bool,
}

/// Quotes the stay into `effects` and puts the offer on the table; with `Want::Book` and a free
/// cabin, books it at once. Returns the ids of the cabins offered.
pub(crate) fn quote(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    (stay, guests): (StayDates, Guests),
    want: Want,
    scope: Scope<'_>,
    effects: &mut Vec<Effect>,
) -> Vec<i64> {
    let replacing = scope.replacing;
    let lang = s.language;
    let taken: Vec<Taken> = match replacing {
        Some(h) => h.others_taken(facts.occupancy.taken),
        None => facts.occupancy.taken.to_vec(),
    };
    let occupancy = Occupancy {
        accommodations: facts.occupancy.accommodations,
        taken: &taken,
    };
    let (mut free, too_short): (Vec<&Accommodation>, Vec<&Accommodation>) = occupancy
        .free(&stay, guests)
        .into_iter()
        .partition(|a| a.min_nights(&stay).is_ok());
    // The cabin the guest named, free but too short a stay for its season: its minimum first.
    let named_short = s
        .accommodation
        .as_deref()
        .is_some_and(|n| too_short.iter().any(|a| a.name == n));
    if (free.is_empty() || named_short)
        && let Some(ids) = min_nights(
            s,
            &occupancy,
            (&stay, &too_short),
            guests,
            replacing,
            effects,
        )
    {
        return ids;
    }
    // Coming with a pet: only the cabins that take it are offered. A cabin the guest named
    // that takes none is neither held nor offered ("quiero la Ñire… vamos con el perro"): they
    // hear why, and what does take the pet is on the table instead, so a yes books one of those.
    // None free takes it (named or not): no cabin is held or offered without room for the pet,
    // and what does take it is offered on the nearest other dates.
    let mut no_pets_named = false;
    let mut pets_elsewhere = false;
    if s.pets {
        let named = s.accommodation.as_deref();
        no_pets_named = free
            .iter()
            .any(|a| named == Some(a.name.as_str()) && !a.pets_allowed);
        if free.iter().any(|a| a.pets_allowed) {
            free.retain(|a| a.pets_allowed);
        } else if !free.is_empty() {
            pets_elsewhere = true;
            free.clear();
        }
    }
    // "Que sea la que tiene jacuzzi": the cabins that have it first.
    if let Some(f) = scope.prefer
        && free.iter().any(|a| crate::info::has(a, f))
    {
        free.sort_by_key(|a| !crate::info::has(a, f));
    }
    let named = s
        .accommodation
        .as_deref()
        .and_then(|n| occupancy.accommodations.iter().find(|a| a.name == n));
    let named_free = named.filter(|n| free.iter().any(|a| a.id == n.id));
    let mut prefix = String::new();
    if let Some(n) = named
        && named_free.is_none()
    {
        prefix = if no_pets_named {
            texts::named_no_pets(lang, &n.name)
        } else if n.fits(guests.get()) {
            texts::named_not_free(lang, &n.name)
        } else {
            texts::named_too_small(lang, &n.name, n.capacity)
        };
    }
    // "¿La Ñire o la Coihue?", "la Ñire y la Arrayán, ¿están libres?": the ones named that fit
    // but are taken are said so before what is offered instead.
    if prefix.is_empty() {
        let several_taken = named_taken(scope.several, occupancy.accommodations, &free, guests);
        if !several_taken.is_empty() {
            prefix = texts::several_not_free(lang, &several_taken);
        }
    }
    let replaces = replacing.map(|h| h.code.clone());
    if scope.when_free
        && let Some(n) = named.filter(|n| named_free.is_none() && n.fits(guests.get()))
    {
        let near: Vec<(StayDates, &Accommodation)> =
            free_near(n, &taken, (&stay, guests), facts.today, MAX_OPTIONS)
                .into_iter()
                .map(|at| (at, n))
                .collect();
        if !near.is_empty() {
            return offer_dated(s, &near, guests, replaces, effects, |lines| {
                texts::free_near(lang, &n.name, lines)
            });
        }
    }

    // "Una para 4 y otra para 2", "dos cabañas para 6": cabins apart, when they are free.
    let apart_free = s.apart
        && if s.parties.len() > 1 && s.parties.iter().sum::<u16>() == guests.get() {
            occupancy.combination_for(&stay, &s.parties).is_some()
        } else {
            occupancy.combination(&stay, guests).is_some()
        };
    if let Some(first) = free.first().copied()
        && !apart_free
    {
        if want == Want::Book && prefix.is_empty() && replaces.is_none() {
            let chosen = named_free.unwrap_or(first);
            effects.push(holds::book(s, chosen, &stay, guests.get()));
            return vec![chosen.id];
        }
        let mut ordered: Vec<&Accommodation> = named_free.into_iter().collect();
        let others = if scope.named_only && named_free.is_some() {
            0
        } else {
            MAX_OPTIONS - ordered.len()
        };
        ordered.extend(
            free.iter()
                .copied()
                .filter(|a| Some(a.id) != named_free.map(|n| n.id))
                .take(others),
        );
        let named_ones: Vec<&Accommodation> = scope
            .several
            .iter()
            .filter_map(|n| free.iter().copied().find(|a| a.name == *n))
            .collect();
        if scope.several.len() > 1 && !named_ones.is_empty() {
            ordered = named_ones;
        }
        let lines: Vec<OfferLine<'_>> = ordered
            .iter()
            .map(|a| texts::offer_line(a, &stay))
            .collect();
        s.offer = Some(Offer {
            check_in: stay.check_in(),
            check_out: stay.check_out(),
            guests: guests.get(),
            options: ordered
                .iter()
                .map(|a| option(a, &stay, None, None))
                .collect(),
            chosen: 0,
            together: false,
            replaces,
            asked: None,
            focused: false,
        });
        effects.push(say(if prefix.is_empty() {
            texts::offer(lang, &stay, guests.get(), &lines)
        } else {
            prefix + &texts::offer_instead(lang, &stay, guests.get(), &lines)
        }));
        return ordered.iter().map(|a| a.id).collect();
    }

    // No one cabin that fits the party is free, though one would ("somos 6" with the Lenga
    // taken): the cabins together on the dates asked, the one cabin on other dates said after.
    // A cabin named ("¿la Lenga está libre…?") is what the guest wants: its other dates.
    let none_alone = free.is_empty()
        && named.is_none()
        && !pets_elsewhere
        && !s.apart
        && i32::from(guests.get()) <= occupancy.largest_single()
        && occupancy
            .combination(&stay, guests)
            .is_some_and(|set| !s.pets || set.iter().any(|a| a.pets_allowed));
    if i32::from(guests.get()) > occupancy.largest_single() || apart_free || none_alone {
        // Parties that stay apart ("dos familias de 4"): one cabin each, when free.
        let apart = (s.parties.iter().sum::<u16>() == guests.get())
            .then(|| occupancy.combination_for(&stay, &s.parties))
            .flatten();
        let cheapest = match &apart {
            Some(pairs) => Some(pairs.iter().map(|(a, _)| *a).collect()),
            None => occupancy.combination(&stay, guests),
        };
        // A pet comes and the cheapest combination has no cabin that takes it: the cheapest
        // that has one (pet-friendly cabins only), when there is one.
        let pet_friendly: Vec<Accommodation> = occupancy
            .accommodations
            .iter()
            .filter(|a| a.pets_allowed)
            .cloned()
            .collect();
        let with_pets = Occupancy {
            accommodations: &pet_friendly,
            taken: &taken,
        };
        let no_room_for_the_pet = s.pets
            && cheapest
                .as_ref()
                .is_some_and(|set| set.iter().all(|a| !a.pets_allowed));
        let combination = no_room_for_the_pet
            .then(|| with_pets.combination(&stay, guests))
            .flatten()
            .or(cheapest);
        if let Some(set) = combination {
            let book_now = want == Want::Book && replaces.is_none();
            let split = match &apart {
                Some(pairs) if pairs.iter().map(|(a, _)| a.id).eq(set.iter().map(|a| a.id)) => {
                    pairs.iter().map(|(_, g)| *g).collect()
                }
                _ => split_guests(&set, guests.get()),
            };
            let parts: Vec<(OfferLine<'_>, u16)> = set
                .iter()
                .zip(&split)
                .map(|(a, g)| (texts::offer_line(a, &stay), *g))
                .collect();
            s.offer = Some(Offer {
                check_in: stay.check_in(),
                check_out: stay.check_out(),
                guests: guests.get(),
                options: set
                    .iter()
                    .zip(&split)
                    .map(|(a, g)| option(a, &stay, None, Some(*g)))
                    .collect(),
                chosen: 0,
                together: true,
                replaces,
                asked: None,
                focused: false,
            });
            // "Somos 8 del 3 al 5, reservame": the group asked to book, so the cabins are held
            // together at once, as one cabin would be.
            if book_now {
                effects.extend(holds::accept(s));
            } else {
                // "The Coihue for 4 and the Arrayán for 2" with the Arrayán taken: said first.
                // A cabin named that is free but too small for the whole group is no taken one
                // ("8 of us… the Arrayán, the Coihue…"): the cabins together are the answer.
                let taken = match named {
                    Some(n) if named_free.is_none() && no_pets_named => {
                        texts::named_no_pets(lang, &n.name)
                    }
                    Some(n) if named_free.is_none() && !occupancy.is_free(n.id, &stay) => {
                        texts::named_not_free(lang, &n.name)
                    }
                    _ => String::new(),
                };
                effects.push(say(if taken.is_empty() && none_alone {
                    let alone: Vec<(StayDates, &Accommodation)> = occupancy
                        .alternatives(&stay, guests, facts.today, 1)
                        .into_iter()
                        .filter(|(_, a)| a.takes_pets_if(s.pets))
                        .collect();
                    let alone: Option<(StayDates, OfferLine<'_>)> =
                        alone.first().map(|(at, a)| (*at, texts::offer_line(a, at)));
                    let taken: Vec<&str> =
                        sleeping_alone(occupancy.accommodations, guests.get(), s.pets)
                            .map(|a| a.name.as_str())
                            .collect();
                    texts::combination_none_alone(
                        lang,
                        (&stay, guests.get()),
                        &taken,
                        &parts,
                        alone,
                    )
                } else if taken.is_empty() {
                    texts::combination(
                        lang,
                        &stay,
                        guests.get(),
                        &parts,
                        s.apart,
                        u16::try_from(occupancy.largest_single()).unwrap_or(u16::MAX),
                    )
                } else {
                    taken + &texts::combination_instead(lang, &stay, guests.get(), &parts)
                }));
            }
            return set.iter().map(|a| a.id).collect();
        }
        if i32::from(guests.get()) > occupancy.largest_party() {
            effects.push(too_large(s, &occupancy, i32::from(guests.get())));
            return Vec::new();
        }
        // Not everyone fits in what is free on these dates: the most the free cabins host.
        if let Some(ids) = group_max(s, &occupancy, &stay, guests, effects) {
            return ids;
        }
    }

    let pet_friendly: Vec<Accommodation> = occupancy
        .accommodations
        .iter()
        .filter(|a| a.pets_allowed || !pets_elsewhere)
        .cloned()
        .collect();
    let alternatives: Vec<(StayDates, &Accommodation)> = Occupancy {
        accommodations: &pet_friendly,
        taken: &taken,
    }
    .alternatives(&stay, guests, facts.today, MAX_OPTIONS);
    if alternatives.is_empty() {
        effects.push(say(prefix + texts::no_room(lang)));
        return Vec::new();
    }
    offer_dated(s, &alternatives, guests, replaces, effects, |lines| {
        prefix + &texts::alternatives(lang, &stay, guests.get(), lines)
    })
}

/// The cabins that sleep a party of `guests` on their own, and its pet when one comes.
pub(crate) fn sleeping_alone(
    accommodations: &[Accommodation],
    guests: u16,
    pets: bool,
) -> impl Iterator<Item = &Accommodation> {
    accommodations
        .iter()
        .filter(move |a| a.fits(guests) && a.takes_pets_if(pets))
}

/// The nearest stays of the same nights (at most `max`, a week either way) on which `cabin`
/// alone is free for the party, given `taken`, each one its season accepts.
pub(crate) fn free_near(
    cabin: &Accommodation,
    taken: &[Taken],
    (stay, guests): (&StayDates, Guests),
    today: chrono::NaiveDate,
    max: usize,
) -> Vec<StayDates> {
    Occupancy {
        accommodations: std::slice::from_ref(cabin),
        taken,
    }
    .alternatives(stay, guests, today, max)
    .into_iter()
    .map(|(at, _)| at)
    .filter(|at| cabin.min_nights(at).is_ok())
    .collect()
}

/// Stays on other dates put on the table, each option with its own, the first accepted by a
/// yes; `say_them` words them. Returns the ids of the cabins offered.
fn offer_dated(
    s: &mut ConversationState,
    options: &[(StayDates, &Accommodation)],
    guests: Guests,
    replaces: Option<String>,
    effects: &mut Vec<Effect>,
    say_them: impl FnOnce(&[(StayDates, OfferLine<'_>)]) -> String,
) -> Vec<i64> {
    let (first_stay, _) = options[0];
    s.offer = Some(Offer {
        check_in: first_stay.check_in(),
        check_out: first_stay.check_out(),
        guests: guests.get(),
        options: options
            .iter()
            .map(|(st, a)| option(a, st, Some(st), None))
            .collect(),
        chosen: 0,
        together: false,
        replaces,
        asked: None,
        focused: false,
    });
    let lines: Vec<(StayDates, OfferLine<'_>)> = options
        .iter()
        .map(|(st, a)| (*st, texts::offer_line(a, st)))
        .collect();
    effects.push(say(say_them(&lines)));
    options.iter().map(|(_, a)| a.id).collect()
}

/// Every cabin free for the stay asks for more nights (its season's minimum): say so, naming
/// the season and the minimum, and put the shortest stay it accepts from the same check-in on
/// the table when one of them is free for it (the named cabin first); else ask for more
/// nights. `None` when no cabin was refused for its minimum.
fn min_nights(
    s: &mut ConversationState,
    occupancy: &Occupancy<'_>,
    (stay, too_short): (&StayDates, &[&Accommodation]),
    guests: Guests,
    replacing: Option<&Held>,
    effects: &mut Vec<Effect>,
) -> Option<Vec<i64>> {
    let lang = s.language;
    let mut refused: Vec<(&Accommodation, TooShort<'_>)> = too_short
        .iter()
        .filter_map(|a| a.min_nights(stay).err().map(|t| (*a, t)))
        .collect();
    let named = s.accommodation.as_deref();
    refused.sort_by_key(|(a, _)| Some(a.name.as_str()) != named);
    let (_, first) = refused.first()?;
    // The first refused cabin (the named one, else the cheapest) free for its shortest stay.
    let offered = refused.iter().find(|(a, t)| {
        occupancy
            .free(&t.shortest, guests)
            .iter()
            .any(|f| f.id == a.id)
    });
    let Some((a, t)) = offered else {
        effects.push(say(texts::min_nights_ask(
            lang,
            &first.season.name,
            first.season.min_nights,
        )));
        return Some(Vec::new());
    };
    s.offer = Some(Offer {
        check_in: t.shortest.check_in(),
        check_out: t.shortest.check_out(),
        guests: guests.get(),
        options: vec![option(a, &t.shortest, Some(&t.shortest), None)],
        chosen: 0,
        together: false,
        replaces: replacing.map(|h| h.code.clone()),
        asked: None,
        focused: false,
    });
    effects.push(say(texts::min_nights_offer(
        lang,
        &t.season.name,
        t.season.min_nights,
        &t.shortest,
        &texts::offer_line(a, &t.shortest),
    )));
    Some(vec![a.id])
}

/// The largest party the free cabins of these dates host together (up to
/// `booking::availability::MAX_COMBINED` of them, the largest first), offered as one request
/// for as many as fit; one cabin free is offered alone, for as many as it sleeps. `None` when
/// no cabin is free.
fn group_max(
    s: &mut ConversationState,
    occupancy: &Occupancy<'_>,
    stay: &StayDates,
    guests: Guests,
    effects: &mut Vec<Effect>,
) -> Option<Vec<i64>> {
    let lang = s.language;
    let mut free = occupancy.free(stay, Guests::new(1).ok()?);
    free.sort_by_key(|a| std::cmp::Reverse(a.capacity));
    free.truncate(booking::availability::MAX_COMBINED);
    if free.is_empty() {
        return None;
    }
    let together = free.len() > 1;
    // Listed as the property lists them (cheapest first).
    free.sort_by_key(|a| {
        occupancy
            .accommodations
            .iter()
            .position(|o| o.id == a.id)
            .unwrap_or(usize::MAX)
    });
    let people: Vec<u16> = free
        .iter()
        .map(|a| u16::try_from(a.capacity.max(0)).unwrap_or(0))
        .collect();
    let max: u16 = people.iter().sum();
    if max == 0 || max >= guests.get() {
        return None;
    }
    let parts: Vec<(OfferLine<'_>, u16)> = free
        .iter()
        .zip(&people)
        .map(|(a, g)| (texts::offer_line(a, stay), *g))
        .collect();
    s.offer = Some(Offer {
        check_in: stay.check_in(),
        check_out: stay.check_out(),
        guests: max,
        options: free
            .iter()
            .zip(&people)
            .map(|(a, g)| option(a, stay, None, Some(*g)))
            .collect(),
        chosen: 0,
        together,
        replaces: None,
        asked: None,
        focused: false,
    });
    effects.push(say(texts::group_max(lang, stay, guests.get(), max, &parts)));
    Some(free.iter().map(|a| a.id).collect())
}

/// "Preferimos la Coihue y la Ñire" with cabins offered together: the same stay and party,
/// quoted over those cabins only (free ones; what is taken is said as for any stay).
pub(crate) fn together_in(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    names: &[String],
    book: bool,
) -> Vec<Effect> {
    let lang = s.language;
    let Some(offer) = s.offer.clone() else {
        return vec![say(texts::clarify(lang))];
    };
    let (Ok(stay), Ok(guests)) = (
        StayDates::new(offer.check_in, offer.check_out),
        Guests::new(offer.guests),
    ) else {
        return vec![say(texts::clarify(lang))];
    };
    let chosen: Vec<Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| names.contains(&a.name))
        .cloned()
        .collect();
    let only = Facts {
        occupancy: Occupancy {
            accommodations: &chosen,
            taken: facts.occupancy.taken,
        },
        ..*facts
    };
    let scope = Scope {
        replacing: offer
            .replaces
            .and_then(|code| facts.holds().find(|h| h.is_called(&code))),
        ..Scope::default()
    };
    let mut effects = Vec::new();
    let want = if book { Want::Book } else { Want::Availability };
    quote(s, &only, (stay, guests), want, scope, &mut effects);
    effects
}

/// A party larger than the most cabins one request takes: more than the whole place sleeps is
/// said so (with what it sleeps); fewer is an event a person arranges (`needs_human`).
pub(crate) fn too_large(
    s: &mut ConversationState,
    occupancy: &Occupancy<'_>,
    guests: i32,
) -> Effect {
    let whole: i32 = occupancy.accommodations.iter().map(|a| a.capacity).sum();
    if guests > whole {
        say(texts::too_many(
            s.language,
            whole,
            occupancy.largest_party(),
        ))
    } else {
        s.needs_human = true;
        say(texts::group_for_a_person(
            s.language,
            occupancy.largest_party(),
        ))
    }
}

fn option(
    a: &Accommodation,
    stay: &StayDates,
    own: Option<&StayDates>,
    guests: Option<u16>,
) -> OfferOption {
    OfferOption {
        accommodation_id: a.id,
        name: a.name.clone(),
        total_cents: a.quote(stay).total.cents(),
        capacity: a.capacity,
        pets_allowed: a.pets_allowed,
        stay: own.map(|s| (s.check_in(), s.check_out())),
        guests,
    }
}

/// What goes before the option pointed at.
pub(crate) enum Lead {
    /// "¡Buena elección!".
    Chosen,
    /// A recommendation of the option and why.
    Advice(texts::Why),
    /// "¿La Lenga es más grande?", "¿cuál es la más grande?": how many each option sleeps.
    Sizes,
    /// "¿No hay algo más económico?": it is the cheapest there is for those dates.
    Cheapest,
    /// A question that pointed at it by its price: no opener, the price follows.
    Asked,
}

/// The guest pointed at option `i`: say it, priced, and that a yes books it, after `lead`.
pub(crate) fn focus_as(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    i: usize,
    lead: Lead,
) -> Vec<Effect> {
    let lang = s.language;
    if let Some(offer) = s.offer.as_mut() {
        offer.focused = true;
    }
    let Some(offer) = s.offer.as_ref() else {
        return vec![say(texts::clarify(lang))];
    };
    let Some(o) = offer.options.get(i) else {
        return vec![say(texts::clarify(lang))];
    };
    let (check_in, check_out) = o.dates(offer);
    let (Ok(stay), Some(a)) = (
        StayDates::new(check_in, check_out),
        facts.accommodation_by_id(o.accommodation_id),
    ) else {
        return vec![say(texts::clarify(lang))];
    };
    let line = texts::offer_line(a, &stay);
    let guests = o.guests.unwrap_or(offer.guests);
    let focus_line = || texts::focus_line(lang, &line, &stay, guests);
    let mut out = vec![say(match lead {
        Lead::Advice(why) => format!("{} {}", texts::recommend(lang, &a.name, why), focus_line()),
        Lead::Chosen => texts::focus(lang, &line, &stay, guests),
        Lead::Asked => focus_line(),
        Lead::Cheapest => format!("{} {}", texts::cheapest_is(lang, &a.name), focus_line()),
        Lead::Sizes => {
            let others: Vec<(&str, i32)> = offer
                .options
                .iter()
                .filter(|other| other.accommodation_id != a.id)
                .map(|other| (other.name.as_str(), other.capacity))
                .collect();
            format!(
                "{} {}",
                texts::sizes(lang, (&a.name, a.capacity), &others),
                focus_line()
            )
        }
    })];
    if s.pets {
        let (yes, no) = crate::info::pets_split(&[a]);
        out.push(say(texts::pets_for_offer(lang, &yes, &no)));
    }
    out
}

/// A booking of one accommodation for a stay.
pub(crate) fn booking(
    accommodation_id: i64,
    (check_in, check_out): (chrono::NaiveDate, chrono::NaiveDate),
    guests: u16,
) -> Booking {
    Booking {
        accommodation_id,
        check_in,
        check_out,
        guests,
    }
}

/// "How much is it per night?" with options on the table: each option's price a night (from
/// its base price when the stay has dearer nights), with its total for the stay; a yes still
/// books the option in focus.
pub(crate) fn night_prices(s: &ConversationState, facts: &Facts<'_>) -> Vec<Effect> {
    night_prices_asking(s, facts, true)
}

/// The offer's prices a night; with its question again when `ask`.
pub(crate) fn night_prices_asking(
    s: &ConversationState,
    facts: &Facts<'_>,
    ask: bool,
) -> Vec<Effect> {
    night_prices_of(s, facts, ask, None)
}

/// "¿Y la Coihue cuánto costaría por noche?": the price a night of option `i` alone, after its
/// focus.
pub(crate) fn night_price_of(s: &ConversationState, facts: &Facts<'_>, i: usize) -> Vec<Effect> {
    night_prices_of(s, facts, false, Some(i))
}

/// The price a night of a cabin held or asked about for a stay (the stay, its total):
/// `accommodation_id` for `check_in` to `check_out`.
pub(crate) fn night_price_of_hold(
    s: &ConversationState,
    facts: &Facts<'_>,
    (accommodation_id, check_in, check_out): (i64, chrono::NaiveDate, chrono::NaiveDate),
) -> Vec<Effect> {
    let Some(a) = facts.accommodation_by_id(accommodation_id) else {
        return Vec::new();
    };
    let Ok(stay) = StayDates::new(check_in, check_out) else {
        return Vec::new();
    };
    let row = night_row(&a.name, a, a.quote(&stay).total, stay.nights());
    vec![say(texts::night_prices(s.language, &[row], ""))]
}

/// A cabin's line of prices a night: its weekday price, and whether `nights` at it make exactly
/// `total` (else "from", the weekends or a season costing more).
fn night_row<'a>(
    name: &'a str,
    a: &Accommodation,
    total: booking::Money,
    nights: i64,
) -> texts::NightPrice<'a> {
    let per_night = a.tariff().base_per_night;
    texts::NightPrice {
        name,
        per_night,
        exact: per_night.cents() * nights == total.cents(),
        total,
        nights,
    }
}

/// The price a night of the option in focus alone (said with its booking); nothing without an
/// offer.
pub(crate) fn chosen_night_price(s: &ConversationState, facts: &Facts<'_>) -> Vec<Effect> {
    match s.offer.as_ref() {
        Some(o) => night_prices_of(s, facts, false, Some(o.chosen)),
        None => Vec::new(),
    }
}

fn night_prices_of(
    s: &ConversationState,
    facts: &Facts<'_>,
    ask: bool,
    only: Option<usize>,
) -> Vec<Effect> {
    let lang = s.language;
    let Some(offer) = s.offer.as_ref() else {
        return vec![say(texts::clarify(lang))];
    };
    let rows: Vec<texts::NightPrice<'_>> = offer
        .options
        .iter()
        .enumerate()
        .filter(|(k, _)| only.is_none_or(|i| i == *k))
        .filter_map(|(_, o)| {
            let a = facts.accommodation_by_id(o.accommodation_id)?;
            let (check_in, check_out) = o.dates(offer);
            let nights = (check_out - check_in).num_days();
            let total = booking::Money::from_cents(o.total_cents);
            Some(night_row(&o.name, a, total, nights))
        })
        .collect();
    let chosen = offer
        .options
        .get(offer.chosen)
        .map_or("", |o| o.name.as_str());
    let chosen = if ask { chosen } else { "" };
    vec![say(texts::night_prices(lang, &rows, chosen))]
}

/// Of the several cabins named in one message (two or more), those big enough for the party
/// that are not free for the stay.
fn named_taken<'a>(
    several: &[String],
    accommodations: &'a [Accommodation],
    free: &[&Accommodation],
    guests: Guests,
) -> Vec<&'a str> {
    if several.len() < 2 {
        return Vec::new();
    }
    accommodations
        .iter()
        .filter(|a| several.contains(&a.name))
        .filter(|a| a.fits(guests.get()) && !free.iter().any(|f| f.id == a.id))
        .map(|a| a.name.as_str())
        .collect()
}

/// "¿Tenés otra?", "não curti a Coihue, tem outra?": the options besides the one in focus (and
/// besides those turned down), priced; with the one in focus turned down, the first of them
/// proposed now (a yes next takes it, not the one passed over); or, when it is the only one,
/// that it is all there is for those dates.
pub(crate) fn other_options(
    s: &mut ConversationState,
    u: &crate::nlu::Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let Some(offer) = s.offer.as_mut() else {
        return vec![say(texts::clarify(lang))];
    };
    let chosen = offer
        .options
        .get(offer.chosen)
        .map_or(String::new(), |o| o.name.clone());
    let kept: Vec<usize> = (0..offer.options.len())
        .filter(|i| *i != offer.chosen && !u.turned_down.contains(&offer.options[*i].name))
        .collect();
    // Only when the one proposed was turned down does another take its place ("¿alguna otra
    // opción?" alone only looks around: a yes still takes the one proposed).
    let passed_over = u.turned_down.contains(&chosen);
    let proposed = kept
        .first()
        .filter(|_| passed_over)
        .map(|&i| offer.options[i].name.clone());
    let offer = &*offer;
    let others: Vec<(&booking::Accommodation, StayDates)> = kept
        .iter()
        .map(|&i| &offer.options[i])
        .filter_map(|o| {
            let (check_in, check_out) = o.dates(offer);
            let a = facts.accommodation_by_id(o.accommodation_id)?;
            Some((a, StayDates::new(check_in, check_out).ok()?))
        })
        .collect();
    let lines: Vec<texts::OfferLine<'_>> = others
        .iter()
        .map(|(a, stay)| texts::offer_line(a, stay))
        .collect();
    let text = texts::other_options(lang, &chosen, &lines, proposed.as_deref());
    if let Some(i) = kept.first().copied().filter(|_| passed_over)
        && let Some(offer) = s.offer.as_mut()
    {
        offer.chosen = i;
        offer.asked = None;
        offer.focused = false;
    }
    vec![say(text)]
}

//! Holds: booking what the guest accepted, saying it is already held, moving an unpaid hold to
//! corrected dates or people (or offering the nearest free dates, keeping the old hold until
//! the guest decides), and cancelling: an unpaid hold is released at once, a paid reservation
//! becomes a request for staff with the property's policy stated.

use booking::{
    Accommodation, Guests, StayDates,
    availability::{Occupancy, split_guests},
};

use super::{act::stay_of, plan::held, quote, say};
use crate::{
    Effect, Facts, Held,
    nlu::Understanding,
    state::{Booked, ConversationState, Want},
    texts,
};

/// Books one accommodation and remembers it (the slots stay: the guest may still correct them).
pub(crate) fn book(
    s: &mut ConversationState,
    a: &Accommodation,
    stay: &StayDates,
    guests: u16,
) -> Effect {
    remember_booked(s, &a.name, stay, guests);
    Effect::Book(quote::booking(
        a.id,
        (stay.check_in(), stay.check_out()),
        guests,
    ))
}

fn remember_booked(s: &mut ConversationState, name: &str, stay: &StayDates, guests: u16) {
    s.booked = Some(Booked {
        accommodation: name.to_owned(),
        check_in: stay.check_in(),
        check_out: stay.check_out(),
        guests,
    });
    s.check_in = Some(stay.check_in());
    s.check_out = Some(stay.check_out());
    s.guests = Some(guests);
    s.offer = None;
    s.wants = None;
}

/// "Sí, dale": the option in focus, and only that (all of a combination; a move of the hold
/// the offer replaces).
pub(crate) fn accept(s: &mut ConversationState) -> Vec<Effect> {
    let lang = s.language;
    let Some(offer) = s.offer.clone() else {
        return vec![say(texts::clarify(lang))];
    };
    if offer.together {
        let bookings: Vec<crate::Booking> = offer
            .options
            .iter()
            .map(|o| {
                quote::booking(
                    o.accommodation_id,
                    o.dates(&offer),
                    o.guests.unwrap_or(offer.guests),
                )
            })
            .collect();
        let names: Vec<&str> = offer.options.iter().map(|o| o.name.as_str()).collect();
        if let Some(stay) = stay_of(offer.check_in, offer.check_out) {
            remember_booked(s, &texts::list(lang, &names), &stay, offer.guests);
        }
        return vec![match offer.replaces {
            Some(code) => Effect::MoveGroup { code, to: bookings },
            None => Effect::BookTogether(bookings),
        }];
    }
    let Some(option) = offer.options.get(offer.chosen).or(offer.options.first()) else {
        return vec![say(texts::no_room(lang))];
    };
    let dates = option.dates(&offer);
    let Some(stay) = stay_of(dates.0, dates.1) else {
        return vec![say(texts::clarify(lang))];
    };
    let to = quote::booking(option.accommodation_id, dates, offer.guests);
    let name = option.name.clone();
    remember_booked(s, &name, &stay, offer.guests);
    match offer.replaces {
        Some(code) => {
            vec![
                say(texts::moving_hold(lang, &code, &name, &stay, offer.guests)),
                Effect::MoveHold { code, to },
            ]
        }
        None => vec![Effect::Book(to)],
    }
}

/// A yes after the hold: it is already held; how to confirm it.
pub(crate) fn already_held(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    match yes_to_unasked_hold(s, u, facts) {
        Some(confirmed) => vec![confirmed],
        None => held_again(s, u, facts),
    }
}

/// The first yes after a hold placed with no yes ("la Coihue" held it at once): the
/// confirmation the guest thought it needed, with the code. `None` otherwise.
pub(crate) fn yes_to_unasked_hold(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Option<Effect> {
    // "Genial! ¿A qué distancia están?" acknowledges; the question is what it says.
    let yes = (u.affirmative && !u.question) || u.choice == Some(crate::nlu::Choice::ThatOne);
    if !(s.held_without_yes && yes) {
        return None;
    }
    let h = held(facts, u).filter(|h| !h.paid)?;
    let stay = stay_of(h.check_in, h.check_out)?;
    s.held_without_yes = false;
    let lang = s.language;
    Some(say(texts::pick_confirmed(
        lang,
        &texts::list(lang, &h.cabins()),
        &stay,
        h.shown_code(),
        h.payment_link.as_deref(),
    )))
}

/// A yes, or a question answered by the hold, when it is already held.
fn held_again(s: &ConversationState, u: &Understanding, facts: &Facts<'_>) -> Vec<Effect> {
    let lang = s.language;
    if let Some(h) = held(facts, u)
        && let Some(stay) = stay_of(h.check_in, h.check_out)
    {
        if h.paid {
            return vec![say(texts::payment_confirmed_in(lang, h.shown_code()))];
        }
        return vec![say(texts::already_held(
            lang,
            &texts::list(lang, &h.cabins()),
            &stay,
            Some(h.shown_code()),
            h.payment_link.as_deref(),
        ))];
    }
    match s
        .booked
        .as_ref()
        .and_then(|b| stay_of(b.check_in, b.check_out).map(|st| (b, st)))
    {
        Some((b, stay)) => vec![say(texts::already_held(
            lang,
            &b.accommodation,
            &stay,
            None,
            None,
        ))],
        None => vec![say(texts::clarify(lang))],
    }
}

/// A paid reservation's voucher, sent again (code, cabin, dates, guests, address, times,
/// deposit paid and balance), a group's with every cabin and its code; one whose cabin is not
/// known: the confirmation.
pub(crate) fn voucher(s: &ConversationState, u: &Understanding, facts: &Facts<'_>) -> Vec<Effect> {
    let lang = s.language;
    let Some(h) = held(facts, u) else {
        return vec![say(texts::clarify(lang))];
    };
    if let Some(g) = &h.group
        && let Some(text) = group_voucher(lang, g, facts)
    {
        return vec![say(text)];
    }
    let cabin = facts.accommodation_by_id(h.accommodation_id);
    match (cabin, stay_of(h.check_in, h.check_out), &h.group) {
        (Some(a), Some(stay), None) => {
            let q = a.quote(&stay);
            let v = texts::Voucher {
                code: &h.code,
                accommodation: &h.accommodation,
                check_in: h.check_in,
                check_out: h.check_out,
                guests: h.guests,
                address: facts.place.address.as_deref(),
                check_in_time: facts.place.check_in_time,
                check_out_time: facts.place.check_out_time,
                total: q.total,
                deposit_paid: q.deposit,
                balance_ways: facts.place.balance,
            };
            vec![say(texts::sent_again(lang, &texts::voucher_text(lang, &v)))]
        }
        _ => vec![say(texts::payment_confirmed_in(lang, h.shown_code()))],
    }
}

/// A paid group's voucher, sent again: every cabin with its code and guests, the dates, the
/// address and times, the deposits paid and the balance; `None` when a cabin or the stay is
/// not known.
fn group_voucher(lang: crate::Language, g: &crate::HeldGroup, facts: &Facts<'_>) -> Option<String> {
    let first = g.parts.first()?;
    let stay = stay_of(first.check_in, first.check_out)?;
    let (total, deposit) = quote_of(
        g.parts
            .iter()
            .map(|p| (p.accommodation_id, p.check_in, p.check_out)),
        facts,
    )?;
    let cabins: Vec<texts::GroupCabin<'_>> = g
        .parts
        .iter()
        .map(|p| texts::GroupCabin {
            code: &p.code,
            accommodation: &p.accommodation,
            guests: p.guests,
        })
        .collect();
    Some(texts::sent_again(
        lang,
        &texts::group_voucher_text(
            lang,
            &texts::GroupVoucher {
                code: &g.code,
                cabins: &cabins,
                check_in: stay.check_in(),
                check_out: stay.check_out(),
                address: facts.place.address.as_deref(),
                check_in_time: facts.place.check_in_time,
                check_out_time: facts.place.check_out_time,
                total,
                deposit_paid: deposit,
                balance_ways: facts.place.balance,
            },
        ),
    ))
}

/// What cabins held together cost: the sum of each one's total and deposit for its own stay
/// (`accommodation_id`, check-in, check-out); `None` when one of them is not known.
fn quote_of(
    parts: impl Iterator<Item = (i64, chrono::NaiveDate, chrono::NaiveDate)>,
    facts: &Facts<'_>,
) -> Option<(booking::Money, booking::Money)> {
    let (mut total, mut deposit) = (0, 0);
    for (id, check_in, check_out) in parts {
        let a = facts.accommodation_by_id(id)?;
        let q = a.quote(&stay_of(check_in, check_out)?);
        total += q.total.cents();
        deposit += q.deposit.cents();
    }
    Some((
        booking::Money::from_cents(total),
        booking::Money::from_cents(deposit),
    ))
}

/// What the guest's hold costs: its group's cabins together, or its one cabin.
fn held_quote(h: &Held, facts: &Facts<'_>) -> Option<(booking::Money, booking::Money)> {
    match &h.group {
        Some(g) => quote_of(
            g.parts
                .iter()
                .map(|p| (p.accommodation_id, p.check_in, p.check_out)),
            facts,
        ),
        None => quote_of(
            std::iter::once((h.accommodation_id, h.check_in, h.check_out)),
            facts,
        ),
    }
}

/// "¿Y el resto cómo lo pago?": once paid, the voucher (it says the balance and when it is
/// paid); before, the hold's total (its group's, every cabin of it), the deposit to pay first
/// through the link, and the balance, paid on arrival.
pub(crate) fn balance(s: &ConversationState, u: &Understanding, facts: &Facts<'_>) -> Vec<Effect> {
    let lang = s.language;
    let Some(h) = held(facts, u) else {
        return vec![say(texts::clarify(lang))];
    };
    if h.paid {
        return voucher(s, u, facts);
    }
    let Some((total, deposit)) = held_quote(h, facts) else {
        return held_price(s, u, facts);
    };
    vec![say(texts::balance(
        lang,
        (h.shown_code(), &texts::list(lang, &h.cabins())),
        (total, deposit),
        h.payment_link.as_deref(),
        facts.place.balance,
    ))]
}

/// What the hold costs (total and deposit) and where its deposit is paid; a clarifying
/// question when the hold's cabin is not known.
/// "¿Sigue en pie?", "¿hasta cuándo tengo?": the hold, until when it is kept, its link.
pub(crate) fn standing(s: &ConversationState, u: &Understanding, facts: &Facts<'_>) -> Vec<Effect> {
    let lang = s.language;
    let Some((h, stay)) =
        held(facts, u).and_then(|h| stay_of(h.check_in, h.check_out).map(|st| (h, st)))
    else {
        return held_price(s, u, facts);
    };
    vec![say(texts::hold_standing(
        lang,
        u.about_hold == Some(crate::nlu::AboutHold::Status),
        &texts::list(lang, &h.cabins()),
        &stay,
        h.holds_until,
        h.payment_link.as_deref(),
    ))]
}

pub(crate) fn held_price(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let (id, name, stay, (link, code)) = match held(facts, u) {
        Some(h) => (
            Some(h.accommodation_id),
            h.accommodation.clone(),
            stay_of(h.check_in, h.check_out),
            (h.payment_link.as_deref(), Some(h.shown_code())),
        ),
        None => match &s.booked {
            Some(b) => (
                None,
                b.accommodation.clone(),
                stay_of(b.check_in, b.check_out),
                (None, None),
            ),
            None => return vec![say(texts::clarify(lang))],
        },
    };
    // Cabins held together: every part's total and deposit, paid with the group's one link.
    if let Some(h) = held(facts, u).filter(|h| h.group.is_some())
        && let (Some(stay), Some(quote)) = (stay_of(h.check_in, h.check_out), held_quote(h, facts))
    {
        let names = texts::list(lang, &h.cabins());
        return vec![say(texts::held_price(
            lang,
            (&names, code),
            &stay,
            quote,
            link,
        ))];
    }
    let cabin = facts
        .accommodations()
        .iter()
        .find(|a| Some(a.id) == id || a.name == name);
    match (cabin, stay) {
        (Some(a), Some(stay)) => {
            let q = a.quote(&stay);
            vec![say(texts::held_price(
                lang,
                (&name, code),
                &stay,
                (q.total, q.deposit),
                link,
            ))]
        }
        _ => held_again(s, u, facts),
    }
}

/// "¿Cómo pago la seña?", "¿se puede con transferencia?" with an unpaid hold: how paying
/// works, then the hold's own total, deposit and link.
pub(crate) fn paying_held(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let how = if texts::deposit_by_hand_asked(&u.pay_methods, u.pays_deposit) {
        texts::the_rest(lang, facts.place.balance)
    } else {
        texts::paying_the_hold(lang, facts.place.balance)
    };
    let said = match texts::ways_asked(lang, &u.pay_methods, facts.place.balance, u.pays_deposit) {
        Some(lead) => format!("{lead} {how}"),
        None => how,
    };
    let mut out = vec![say(said)];
    // "How much is left to pay on arrival? Can we pay it by card?": the way answered, then
    // the hold's total, deposit and link with the balance's amount (not only the deposit).
    if u.asks_balance {
        out.extend(balance(s, u, facts));
    } else {
        out.extend(held_price(s, u, facts));
    }
    out
}

/// "¿El resto cuándo lo pago?", "¿el saldo lo pago en efectivo?" once the deposit is paid:
/// the balance of the guest's reservation and how it is taken, a yes or no first to the way
/// asked about.
pub(crate) fn balance_due(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let ways = facts.place.balance;
    let Some(h) = held(facts, u) else {
        return vec![say(texts::clarify(lang))];
    };
    let Some((total, deposit)) = held_quote(h, facts) else {
        return vec![say(texts::how_to_pay(lang, None, ways))];
    };
    let balance = booking::Money::from_cents((total.cents() - deposit.cents()).max(0));
    let due = texts::balance_due(lang, &texts::list(lang, &h.cabins()), balance, ways);
    let asked = if h.paid {
        texts::balance_ways_asked(lang, &u.pay_methods, ways)
    } else {
        texts::ways_asked(lang, &u.pay_methods, ways, u.pays_deposit)
    };
    vec![say(match asked {
        Some(lead) => format!("{lead} {due}"),
        None => due,
    })]
}

/// New dates, people or cabin (`to_cabin`) for the unpaid hold: moved when the cabin is free
/// and fits (the hold's own nights do not count), else the nearest free options, keeping the
/// hold until the guest decides.
pub(crate) fn move_hold(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    stay: StayDates,
    guests: Guests,
    to_cabin: Option<i64>,
) -> Vec<Effect> {
    let lang = s.language;
    let Some(h) = held(facts, u) else {
        return vec![say(texts::clarify(lang))];
    };
    if h.group.is_some() && to_cabin.is_none() {
        return move_group(s, facts, h, stay, guests);
    }
    let target = to_cabin.unwrap_or(h.accommodation_id);
    let cabin = facts.accommodation_by_id(target);
    let own_nights_free = facts
        .occupancy
        .taken
        .iter()
        .filter(|t| !h.owns(t))
        .all(|t| {
            t.accommodation_id != target
                || !(t.check_in < stay.check_out() && stay.check_in() < t.check_out)
        });
    // The party's pet goes with the hold: a cabin that takes none is no place to move it.
    let pets_ok = |a: &Accommodation| a.takes_pets_if(s.pets);
    if let Some(a) = cabin
        && a.fits(guests.get())
        && own_nights_free
        && pets_ok(a)
    {
        if a.min_nights(&stay).is_err() {
            // Too short for the season of its first night: the quote names the minimum and
            // offers the shortest stay it accepts, which a yes moves the hold to.
            s.accommodation = Some(a.name.clone());
            let mut effects = Vec::new();
            quote::quote(
                s,
                facts,
                (stay, guests),
                Want::Availability,
                quote::Scope {
                    replacing: Some(h),
                    ..quote::Scope::default()
                },
                &mut effects,
            );
            return effects;
        }
        let to = quote::booking(a.id, (stay.check_in(), stay.check_out()), guests.get());
        remember_booked(s, &a.name, &stay, guests.get());
        return vec![
            say(texts::moving_hold(
                lang,
                h.shown_code(),
                &a.name,
                &stay,
                guests.get(),
            )),
            Effect::MoveHold {
                code: h.code.clone(),
                to,
            },
        ];
    }
    let why = match cabin {
        Some(a) if !a.fits(guests.get()) => {
            texts::move_too_small(lang, &a.name, a.capacity, &h.code)
        }
        Some(a) if !pets_ok(a) => texts::move_no_pets(lang, &a.name, &h.code),
        Some(a) => {
            let taken = texts::move_taken(lang, &a.name, &h.code, &stay);
            // The same cabin's nearest free stay of those nights, besides the other cabins
            // free on the dates asked (the offer that follows).
            match own_nearest_free(facts, h, a, &stay, guests) {
                Some(at) => {
                    s.free_instead = Some((at.check_in(), at.check_out()));
                    format!("{taken} {}", texts::free_at_instead(lang, &a.name, &at))
                }
                None => taken,
            }
        }
        None => texts::move_taken(lang, &h.accommodation, &h.code, &stay),
    };
    keep_and_offer(s, facts, h, (stay, guests), why)
}

/// The nearest stay of the same nights on which `cabin` is free for the party (the hold's own
/// nights do not count), a week either way at most.
fn own_nearest_free(
    facts: &Facts<'_>,
    h: &Held,
    cabin: &Accommodation,
    stay: &StayDates,
    guests: Guests,
) -> Option<StayDates> {
    let taken = h.others_taken(facts.occupancy.taken);
    quote::free_near(cabin, &taken, (stay, guests), facts.today, 1)
        .into_iter()
        .next()
}

/// A pet said after holding a cabin that takes none: the hold stays as it was, and the cabins
/// that take pets, free on its dates and for its party, are offered to replace it.
pub(crate) fn pets_for_hold(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    let Some(h) = held(facts, u) else {
        return vec![say(texts::clarify(lang))];
    };
    let (Ok(stay), Ok(guests)) = (
        StayDates::new(h.check_in, h.check_out),
        Guests::new(h.guests),
    ) else {
        return vec![say(texts::clarify(lang))];
    };
    s.pets = true;
    // "¿Tiene pileta? ¿y se pueden llevar mascotas?": the other yes/no questions of the message
    // answered first, about the cabin held.
    let others: Vec<Effect> = u
        .features
        .iter()
        .filter(|f| **f != crate::nlu::Feature::Pets)
        .flat_map(|f| {
            crate::info::yes_no(
                lang,
                *f,
                facts.place,
                facts.accommodations(),
                Some(&h.accommodation),
            )
        })
        .map(Effect::Say)
        .collect();
    let why = texts::held_takes_no_pets(lang, &h.accommodation, h.shown_code());
    let mut out = others;
    out.extend(keep_and_offer(s, facts, h, (stay, guests), why));
    out
}

/// "Is there a bigger one?" about the unpaid hold `h`: it stays as it was, and the cabins larger
/// than its own that are free on its dates are offered for its party, an offer whose acceptance
/// replaces it. Its cabin the largest: said so, nothing else changes.
pub(crate) fn offer_instead(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    h: &Held,
    instead: texts::Instead,
) -> Vec<Effect> {
    let lang = s.language;
    let Some(own) = facts.accommodation_by_id(h.accommodation_id) else {
        return vec![say(texts::clarify(lang))];
    };
    let price = |a: &Accommodation| a.tariff().base_per_night;
    let others: Vec<Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| a.id != own.id)
        .filter(|a| match instead {
            texts::Instead::Bigger => a.capacity > own.capacity,
            texts::Instead::Cheaper => price(a) < price(own),
            texts::Instead::Other => true,
        })
        .cloned()
        .collect();
    let (Ok(stay), Ok(guests)) = (
        StayDates::new(h.check_in, h.check_out),
        Guests::new(h.guests),
    ) else {
        return vec![say(texts::clarify(lang))];
    };
    if others.is_empty() {
        return vec![say(texts::none_instead(
            lang,
            instead,
            &h.accommodation,
            &h.code,
        ))];
    }
    let only_others = Facts {
        occupancy: Occupancy {
            accommodations: &others,
            taken: facts.occupancy.taken,
        },
        ..*facts
    };
    let why = texts::kept_instead(lang, instead, &h.accommodation, &h.code);
    keep_and_offer(s, &only_others, h, (stay, guests), why)
}

/// The hold (or group) `h` stays as it was: say `why`, then what is free for the new stay,
/// an offer whose acceptance replaces `h`.
fn keep_and_offer(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    h: &Held,
    wanted: (StayDates, Guests),
    why: String,
) -> Vec<Effect> {
    let mut effects = vec![say(why)];
    // The old hold stays: keep its dates in mind for "dale" on the new offer only.
    s.accommodation = None;
    // Coming with a pet and no cabin that takes one is free then: no cabin the pet cannot
    // stay in is offered instead (what was said of the hold's own cabin stands).
    let taken = h.others_taken(facts.occupancy.taken);
    let occupancy = Occupancy {
        accommodations: facts.occupancy.accommodations,
        taken: &taken,
    };
    if s.pets
        && i32::from(wanted.1.get()) <= occupancy.largest_single()
        && !occupancy
            .free(&wanted.0, wanted.1)
            .iter()
            .any(|a| a.pets_allowed)
    {
        return effects;
    }
    let scope = quote::Scope {
        replacing: Some(h),
        ..quote::Scope::default()
    };
    quote::quote(s, facts, wanted, Want::Availability, scope, &mut effects);
    effects
}

/// New dates or people for an unpaid group hold: the group's own cabins when they are free
/// on the new dates and hold everyone (the ones no longer needed left out), else the cheapest
/// free cabin or combination that fits; the whole group is released and the new request held
/// in one transaction. When nothing fits, the nearest free options, keeping the group until
/// the guest decides (an accepted option then replaces the whole group).
fn move_group(
    s: &mut ConversationState,
    facts: &Facts<'_>,
    h: &Held,
    stay: StayDates,
    guests: Guests,
) -> Vec<Effect> {
    let lang = s.language;
    let taken = h.others_taken(facts.occupancy.taken);
    let occupancy = Occupancy {
        accommodations: facts.occupancy.accommodations,
        taken: &taken,
    };
    let Some(set) = group_cabins(h, &occupancy, &stay, guests) else {
        let why = texts::move_taken(lang, &texts::list(lang, &h.cabins()), h.shown_code(), &stay);
        return keep_and_offer(s, facts, h, (stay, guests), why);
    };
    let split = split_guests(&set, guests.get());
    let names: Vec<&str> = set.iter().map(|a| a.name.as_str()).collect();
    let name = texts::list(lang, &names);
    remember_booked(s, &name, &stay, guests.get());
    let dates = (stay.check_in(), stay.check_out());
    if let [one] = set[..] {
        return vec![
            say(texts::moving_hold(
                lang,
                h.shown_code(),
                &name,
                &stay,
                guests.get(),
            )),
            Effect::MoveHold {
                code: h.code.clone(),
                to: quote::booking(one.id, dates, guests.get()),
            },
        ];
    }
    let to = set
        .iter()
        .zip(&split)
        .map(|(a, g)| quote::booking(a.id, dates, *g))
        .collect();
    // Said by the handler once the new group is held (or that it could not be).
    vec![Effect::MoveGroup {
        code: h.code.clone(),
        to,
    }]
}

/// The cabins a corrected group goes to: its own when free and large enough (dropping the
/// smallest while the rest still hold everyone), else one free cabin that fits, else the
/// cheapest free combination. `None` when nothing free holds them.
fn group_cabins<'a>(
    h: &Held,
    occupancy: &Occupancy<'a>,
    stay: &StayDates,
    guests: Guests,
) -> Option<Vec<&'a Accommodation>> {
    let own: Vec<&'a Accommodation> = occupancy
        .accommodations
        .iter()
        .filter(|a| {
            h.group
                .as_ref()
                .is_some_and(|g| g.parts.iter().any(|p| p.accommodation_id == a.id))
        })
        .collect();
    let capacity = |set: &[&Accommodation]| set.iter().map(|a| a.capacity).sum::<i32>();
    let need = i32::from(guests.get());
    let own_free = !own.is_empty() && own.iter().all(|a| occupancy.is_free(a.id, stay));
    if own_free && capacity(&own) >= need {
        let mut set = own;
        while set.len() > 1 {
            let smallest = set
                .iter()
                .enumerate()
                .min_by_key(|(_, a)| a.capacity)
                .map(|(i, _)| i)?;
            let without: Vec<&'a Accommodation> = set
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != smallest)
                .map(|(_, a)| *a)
                .collect();
            if capacity(&without) < need {
                break;
            }
            set = without;
        }
        return Some(set);
    }
    if let Some(one) = occupancy.free(stay, guests).first() {
        return Some(vec![*one]);
    }
    occupancy.combination(stay, guests)
}

/// A change to a paid reservation goes to staff.
pub(crate) fn paid_change(
    s: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let h = held(facts, u);
    let code = h.map_or("", |h| h.shown_code());
    let asked = h.and_then(|h| change_asked(s, h, u, facts));
    // "¿Podemos pasarla del 15 al 18?", "could we switch to the Lenga?" when the cabin is taken
    // then by another guest: said now, the stay standing as it is (nothing for staff to try).
    if let (Some(h), Some(asked)) = (h, asked)
        && let Some((cabin, from, to)) = change_taken(h, asked, facts)
    {
        return vec![say(texts::paid_change_taken(
            s.language, code, cabin, from, to,
        ))];
    }
    vec![say(texts::paid_change_requested(s.language, code, asked))]
}

/// The cabin, check-in and check-out a paid stay's change asks for, when another guest holds
/// that cabin on those nights (the stay's own nights do not count).
fn change_taken<'a>(
    h: &'a Held,
    asked: texts::ChangeAsked<'a>,
    facts: &Facts<'_>,
) -> Option<(&'a str, chrono::NaiveDate, chrono::NaiveDate)> {
    let (cabin, from, to) = match asked {
        texts::ChangeAsked::Dates { from, to } => (h.accommodation.as_str(), from, to),
        texts::ChangeAsked::Cabin(name) => (name, h.check_in, h.check_out),
        texts::ChangeAsked::Guests { .. } => return None,
    };
    let a = facts.accommodation(cabin)?;
    let stay = StayDates::new(from, to).ok()?;
    let taken = h.others_taken(facts.occupancy.taken);
    let occupancy = Occupancy {
        accommodations: facts.occupancy.accommodations,
        taken: &taken,
    };
    (!occupancy.is_free(a.id, &stay)).then_some((cabin, from, to))
}

/// What a guest with a paid stay asks to change, said back to them before staff make it:
/// other dates, another cabin, or another number of guests (and whether the cabin takes them).
/// Nothing for a group's stay or when nothing new was said.
fn change_asked<'a>(
    s: &ConversationState,
    h: &'a Held,
    u: &'a Understanding,
    facts: &'a Facts<'_>,
) -> Option<texts::ChangeAsked<'a>> {
    if h.group.is_some() {
        return None;
    }
    // The stay as the guest now wants it (the slots read this message against the one held:
    // "hasta el 11", "llegamos el 6", "una noche más").
    let said_dates = u.check_in.is_some()
        || u.check_out.is_some()
        || u.nights.is_some()
        || u.until.is_some()
        || u.extra_nights.is_some()
        || u.shift_days.is_some();
    let (from, to) = (
        s.check_in.unwrap_or(h.check_in),
        s.check_out.unwrap_or(h.check_out),
    );
    if said_dates && (from, to) != (h.check_in, h.check_out) && from < to {
        return Some(texts::ChangeAsked::Dates { from, to });
    }
    if let Some(name) = &u.accommodation
        && *name != h.accommodation
    {
        return Some(texts::ChangeAsked::Cabin(name));
    }
    let guests = u.guests.or_else(|| {
        u.extra_guests
            .and_then(|x| u16::try_from(i32::from(h.guests) + x).ok())
    })?;
    let capacity = facts.accommodation_by_id(h.accommodation_id)?.capacity;
    (guests != h.guests && guests > 0).then_some(texts::ChangeAsked::Guests {
        cabin: &h.accommodation,
        guests,
        capacity,
    })
}

/// Cancel what the guest holds: released at once when unpaid, a request for staff when paid.
pub(crate) fn cancel(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let lang = s.language;
    // "Cancelá la de la Lenga" when what the guest holds is the Arrayán: nothing is cancelled;
    // they are told what they do hold and how to cancel it.
    if let Some(name) = &u.accommodation
        && u.reservation_code.is_none()
        && let Some(h) = super::plan::cancel_target(facts, u)
        && !facts.holds().any(|h| h.cabins().contains(&name.as_str()))
    {
        return vec![say(texts::cancel_not_held(
            lang,
            name,
            &h.cabins().join(" + "),
            h.shown_code(),
            h.check_in,
            h.check_out,
        ))];
    }
    // "Cancelá la Coihue, vamos a ser 6", "cancela a Coihue, vamos ser só 6" with the Coihue
    // one cabin of an unpaid group: only that cabin is let go, the rest stays held.
    if let Some(name) = &u.accommodation
        && u.reservation_code.is_none()
        && let Some(h) = super::plan::cancel_target(facts, u)
        && !h.paid
        && let Some(effects) = release_group_part(s, u, facts, h, name)
    {
        return effects;
    }
    if let Some(h) = super::plan::cancel_target(facts, u) {
        s.offer = None;
        s.booked = None;
        s.wants = None;
        // The cabin goes with the booking: a search after it ("¿tenés lugar para 2 del 17 al
        // 19?") starts from every cabin, not from the one just cancelled.
        if u.accommodation.is_none() {
            s.accommodation = None;
        }
        if !h.paid && h.group.is_none() {
            s.cancelled = Some(h.accommodation.clone());
        }
        if h.paid {
            s.needs_human = true;
            let refund = facts.place.cancellation.applied(h.check_in, facts.today);
            // The policy itself, then what it gives back on the day ("Ya no vamos, ¿me
            // devuelven la seña?" is answered by the same words).
            return vec![
                say(texts::cancellation_requested(
                    lang,
                    h.shown_code(),
                    &facts.place.cancellation,
                    &refund,
                )),
                Effect::RequestCancellation {
                    code: h.code.clone(),
                    refund,
                },
            ];
        }
        return vec![
            say(texts::hold_released(
                lang,
                h.shown_code(),
                &texts::list(lang, &h.cabins()),
            )),
            Effect::ReleaseHold {
                code: h.code.clone(),
            },
        ];
    }
    if let Some(code) = &u.reservation_code {
        s.needs_human = true;
        return vec![say(texts::cancel_received(lang, code))];
    }
    if s.booked.take().is_some() {
        s.needs_human = true;
        s.offer = None;
        return vec![say(texts::cancel_pending_hold(lang))];
    }
    if s.offer.take().is_some() {
        s.wants = None;
        return vec![say(texts::offer_dropped(lang))];
    }
    s.needs_human = true;
    s.asked_code = true;
    vec![say(texts::ask_code(lang))]
}

/// The unpaid group `h` without its cabin `name`: the rest held again as they were (one cabin
/// left holds the people the guest now says, when it fits them). `None` when `name` is not one
/// of several cabins of the group.
fn release_group_part(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
    h: &Held,
    name: &str,
) -> Option<Vec<Effect>> {
    let g = h.group.as_ref().filter(|g| g.parts.len() > 1)?;
    let released = g.parts.iter().find(|p| p.accommodation == name)?;
    let rest: Vec<&crate::HeldPart> = g.parts.iter().filter(|p| p.code != released.code).collect();
    let lang = s.language;
    let kept: Vec<&str> = rest.iter().map(|p| p.accommodation.as_str()).collect();
    let kept = texts::list(lang, &kept);
    s.offer = None;
    s.wants = None;
    let say_it = say(texts::group_part_released(
        lang,
        h.shown_code(),
        name,
        &kept,
    ));
    if let [one] = rest[..] {
        let capacity = facts
            .accommodation_by_id(one.accommodation_id)
            .map_or(0, |a| a.capacity);
        let guests = u
            .guests
            .filter(|n| i32::from(*n) <= capacity)
            .unwrap_or(one.guests);
        if let Some(stay) = stay_of(one.check_in, one.check_out) {
            remember_booked(s, &one.accommodation, &stay, guests);
        }
        s.accommodation = Some(one.accommodation.clone());
        return Some(vec![
            say_it,
            Effect::MoveHold {
                code: h.code.clone(),
                to: quote::booking(one.accommodation_id, (one.check_in, one.check_out), guests),
            },
        ]);
    }
    let to = rest
        .iter()
        .map(|p| quote::booking(p.accommodation_id, (p.check_in, p.check_out), p.guests))
        .collect();
    Some(vec![
        say_it,
        Effect::MoveGroup {
            code: h.code.clone(),
            to,
        },
    ])
}

/// "¿Se puede cancelar?": the property's policy, applied to the guest's own reservation when
/// they hold one. A question: nothing is cancelled or released.
pub(crate) fn policy(s: &ConversationState, facts: &Facts<'_>) -> String {
    let policy = &facts.place.cancellation;
    let refund = facts.held.map(|h| {
        let refund = h.paid.then(|| policy.applied(h.check_in, facts.today));
        (h.shown_code(), refund)
    });
    texts::cancellation_policy(
        s.language,
        policy,
        refund.as_ref().map(|(code, r)| (*code, r.as_ref())),
    )
}

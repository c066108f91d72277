//! Stage 2: cabins named together for a group ("la Lenga y el Arrayán", "5 en la Lenga y 2 en
//! el Arrayán"), with cabins offered together or after a hold.

use super::{Heard, Step, capacity_of, held};
use crate::{Facts, nlu::Understanding, state::ConversationState};

/// Cabins named for a group, against the offer or the hold.
pub(super) fn together(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    // "Quero a Coihue pra 4 e a Arrayán pra 2, de 3 a 6 de maio", "book the Lenga for 6 and
    // the Ñire for 3": cabins named each with its party, asked for with nothing held: those
    // cabins quoted together, the party split as said (not one other cabin for everyone).
    let split: Vec<u16> = u.placed.iter().map(|(_, n)| *n).collect();
    if split.len() > 1
        && !u.compares
        && s.offer.as_ref().is_none_or(|o| !o.together)
        && held(facts, u).is_none()
        && let (Some(check_in), Some(check_out)) = (s.check_in, s.check_out)
        && let Ok(stay) = booking::StayDates::new(check_in, check_out)
    {
        let guests: u16 = split.iter().sum();
        // One of them taken then: that one named as taken, and the party quoted apart over
        // what is free (an offer, not a hold of cabins the guest did not name).
        let taken = u.placed.iter().find(|(name, _)| {
            !facts
                .accommodations()
                .iter()
                .any(|a| &a.name == name && facts.occupancy.is_free(a.id, &stay))
        });
        if let Some((name, _)) = taken {
            s.guests = Some(guests);
            s.parties = split;
            s.apart = true;
            s.accommodation = Some(name.clone());
            return Some(Step::Quote {
                stay: booking::StayDates::from_today(check_in, check_out, facts.today).ok()?,
                guests: booking::Guests::new(guests).ok()?,
                want: crate::state::Want::Availability,
            });
        }
        s.guests = Some(guests);
        s.parties = split;
        s.apart = true;
        s.offer = Some(to_quote_together(check_in, check_out, guests, None));
        return Some(Step::TogetherIn {
            names: u.placed.iter().map(|(name, _)| name.clone()).collect(),
            book: super::agrees(u),
        });
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
            return Some(Step::TogetherIn {
                names: u.accommodations.clone(),
                book: chooses,
            });
        }
        if same && chooses {
            return Some(Step::BookOffer);
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
            s.offer = Some(to_quote_together(
                h.check_in,
                h.check_out,
                party,
                Some(h.code.clone()),
            ));
            return Some(Step::TogetherIn {
                names: u.accommodations.clone(),
                book: u.affirmative || (!u.question && !u.defers && !u.declines),
            });
        }
    }
    // "La Coihue y la Arrayán juntas", "dale las dos" (the two named before): both cabins,
    // quoted (or held) together for the party when together they sleep it, whatever single
    // cabin or other dates were on the table.
    let both: Vec<String> = if u.accommodations.len() > 1 {
        u.accommodations.clone()
    } else {
        s.named.clone()
    };
    if u.both_named
        && both.len() > 1
        && !u.compares
        && s.offer.as_ref().is_none_or(|o| !o.together)
        && held(facts, u).is_none()
        && let (Some(check_in), Some(check_out), Some(guests)) = (s.check_in, s.check_out, s.guests)
        && capacity_of(facts, &both) >= i32::from(guests)
    {
        s.apart = true;
        s.offer = Some(to_quote_together(check_in, check_out, guests, None));
        return Some(Step::TogetherIn {
            names: both,
            book: u.affirmative || u.intent == crate::nlu::Intent::Book && !u.question && !u.defers,
        });
    }
    // "Reservame la Arrayán y la Coihue del 8 al 10, somos 6" with nothing offered or held:
    // the cabins named, quoted (or held) together for the party when none of them alone sleeps
    // it and together they do; not the one other cabin that would.
    if u.accommodations.len() > 1
        && !u.compares
        && !u.also
        && s.offer.is_none()
        && held(facts, u).is_none()
        && let (Some(check_in), Some(check_out), Some(guests)) = (s.check_in, s.check_out, s.guests)
        && let Some(largest) = facts
            .accommodations()
            .iter()
            .filter(|a| u.accommodations.contains(&a.name))
            .map(|a| a.capacity)
            .max()
        && (largest < i32::from(guests) || party_for_each(facts, u))
        && capacity_of(facts, &u.accommodations) >= i32::from(guests)
    {
        // A party for each cabin: apart, as said (else the one that sleeps them all wins).
        s.apart |= party_for_each(facts, u);
        s.offer = Some(to_quote_together(check_in, check_out, guests, None));
        return Some(Step::TogetherIn {
            names: u.accommodations.clone(),
            book: u.intent == crate::nlu::Intent::Book && !u.question && !u.defers,
        });
    }
    None
}

/// "La Ñire y la Arrayán, somos 2 parejas": as many parties as cabins named, each cabin big
/// enough for one of them: a cabin each, though one alone would sleep them all.
fn party_for_each(facts: &Facts<'_>, u: &Understanding) -> bool {
    let named: Vec<i32> = facts
        .accommodations()
        .iter()
        .filter(|a| u.accommodations.contains(&a.name))
        .map(|a| a.capacity)
        .collect();
    u.parties.len() == named.len()
        && u.parties
            .iter()
            .all(|p| named.iter().all(|cap| *cap >= i32::from(*p)))
}

/// The cabins named to be quoted (or held) together for the stay, their options filled in by
/// the act of [`Step::TogetherIn`]; `replaces`: the hold they take the place of.
fn to_quote_together(
    check_in: chrono::NaiveDate,
    check_out: chrono::NaiveDate,
    guests: u16,
    replaces: Option<String>,
) -> crate::state::Offer {
    crate::state::Offer {
        check_in,
        check_out,
        guests,
        options: Vec::new(),
        chosen: 0,
        together: true,
        replaces,
        asked: None,
        focused: false,
    }
}

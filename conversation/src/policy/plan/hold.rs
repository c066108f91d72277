//! Stage 9: with a hold (or a booking): a pick that moves it, its code, questions about the
//! hold itself, corrections (moved if unpaid, handed to staff if paid), a yes to what is held.

use booking::{Guests, StayDates};

use super::{EXPLICIT_QUESTION, Heard, Step, held};
use crate::policy::pick::pick;
use crate::{
    Facts,
    nlu::{AboutHold, Choice, Intent, Understanding},
    state::ConversationState,
};

/// The offer an unpaid hold of one cabin was taken from, and the other option of it the message
/// points at (by name, position, price, size or what it has: "ah no, mejor la primera", "la
/// más cara", "actually the one with the jacuzzi"), said as no question.
pub(super) fn moves_the_hold(
    s: &ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<(crate::state::Offer, usize)> {
    if s.offer.is_some()
        || u.question
        || heard.new_stay()
        || !(u.accommodation.is_some() || u.choice.is_some_and(|c| c != Choice::ThatOne))
    {
        return None;
    }
    let from = s.picked_from.clone()?;
    let h = held(facts, u).filter(|h| !h.paid && h.group.is_none())?;
    let i = pick(&from, u, facts)??;
    from.options
        .get(i)
        .is_some_and(|o| o.accommodation_id != h.accommodation_id)
        .then_some((from, i))
}

/// What the guest does with what they hold.
pub(super) fn hold(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    let agrees = super::agrees(u);
    let holding = held(facts, u);
    // "La segunda" held it; "ah no, mejor la primera": the hold moves to that option.
    if let Some((mut offer, i)) = moves_the_hold(s, u, heard, facts)
        && let Some(h) = holding
    {
        offer.replaces = Some(h.code.clone());
        offer.chosen = i;
        s.offer = Some(offer);
        return Some(Step::BookOffer);
    }
    // "No, la otra" with more than one other option of that offer: which of them (the hold
    // kept until the guest says).
    if s.offer.is_none()
        && !u.question
        && !heard.new_stay()
        && u.choice == Some(Choice::Other)
        && u.accommodation.is_none()
        && let (Some(mut offer), Some(h)) = (s.picked_from.clone(), holding)
        && !h.paid
        && h.group.is_none()
    {
        offer
            .options
            .retain(|o| o.accommodation_id != h.accommodation_id);
        if offer.options.len() > 1 {
            offer.replaces = Some(h.code.clone());
            offer.chosen = 0;
            offer.asked = None;
            offer.focused = false;
            s.offer = Some(offer);
            s.accommodation = None;
            return Some(Step::WhichInstead);
        }
    }
    // "¿Cuál es el código de mi reserva?"
    if u.asks_code
        && !(u.asks_voucher && holding.is_some_and(|h| h.paid))
        && let Some(h) = holding
    {
        return Some(Step::HeldCode(h.shown_code().to_owned()));
    }
    // "¿Hasta cuándo tengo?", "ya pagué", "no me llegó el link", "¿sigue en pie?": about the
    // hold itself. A paid one is confirmed: its voucher says it all.
    if let (Some(about), Some(h)) = (u.about_hold, holding)
        && !heard.new_stay()
    {
        return Some(match (about, h.paid) {
            (_, true) => Step::Voucher,
            (AboutHold::Paid, false) => Step::PaymentPending,
            (AboutHold::Deadline | AboutHold::Status, false) => Step::HoldStanding,
            (AboutHold::LinkMissing, false) => Step::HeldPrice,
        });
    }
    // "Ya pagué", "I just paid" with nothing held in this conversation (booked by phone, from
    // another number, paid by transfer): no payment to wait for here; a person checks it.
    if u.about_hold == Some(AboutHold::Paid)
        && holding.is_none()
        && s.booked.is_none()
        && !heard.new_stay()
        && u.reservation_code.is_none()
    {
        s.needs_human = true;
        return Some(Step::PaidNothingHeld);
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
        // "Cambié de idea, quiero la Ñire", "mudei de ideia, quero a Ñire", "changed my mind, I
        // want the Ñire": a second thought naming another cabin gives up the one held too.
        let gives_up_held = holding.is_some_and(|h| {
            u.turned_down.contains(&h.accommodation)
                || u.thinks_again
                    && u.accommodation
                        .as_deref()
                        .is_some_and(|n| n != h.accommodation)
        });
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
        // "What do you have for those dates?", "¿tenés disponibilidad esas fechas?" for the very
        // stay held: the other cabins, offered to replace it (its own is no "taken").
        if u.intent == Intent::CheckAvailability
            && u.topics.is_empty()
            && u.features.is_empty()
            && u.choice.is_none()
            && !also
            && !heard.new_guests
            && let Some(h) = holding
            && u.check_in.is_none_or(|i| i == h.check_in)
            && !h.paid
            && h.group.is_none()
            && u.accommodation.is_none()
            && u.accommodations.is_empty()
            && s.offer.is_none()
            && s.check_in == Some(h.check_in)
            && s.check_out == Some(h.check_out)
            && s.guests.is_none_or(|g| g == h.guests)
        {
            return Some(Step::Instead(crate::texts::Instead::Other));
        }
        // "Preferimos la Lenga" after the Coihue was held: the hold moves to the Lenga.
        let other_cabin = holding.and_then(|h| {
            u.accommodation
                .as_deref()
                .and_then(|n| facts.accommodation(n))
                .filter(|a| a.id != h.accommodation_id)
                .map(|a| a.id)
        });
        if (heard.new_stay() || other_cabin.is_some()) && !asks_another_stay {
            match holding {
                Some(h) if h.paid => {
                    s.needs_human = true;
                    return Some(Step::PaidChange);
                }
                Some(h) => {
                    let stay = StayDates::from_today(
                        s.check_in.unwrap_or(h.check_in),
                        s.check_out.unwrap_or(h.check_out),
                        facts.today,
                    );
                    let guests = Guests::new(s.guests.unwrap_or(h.guests));
                    return Some(match (stay, guests) {
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
                    });
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
            return Some(Step::AlreadyHeld);
        } else if (agrees || (s.held_without_yes && u.choice == Some(Choice::ThatOne)))
            && !heard.new_stay()
            && s.offer.is_none()
            && !(asks_another_stay && other_cabin.is_some())
            // "Cool, what's the total now?": the price asked, below.
            && u.intent != Intent::AskPrice
        {
            return Some(Step::AlreadyHeld);
        } else if (u.intent == Intent::AskPrice || u.asks_voucher)
            && !heard.new_stay()
            && u.check_in.is_none()
            && u.accommodation.is_none()
            && s.offer.is_none()
        {
            // Paid: the voucher again (with the balance); unpaid: what it costs and the link.
            return Some(match holding {
                Some(h) if h.paid => Step::Voucher,
                _ => Step::HeldPrice,
            });
        }
    }
    None
}

//! Carrying out what concerns what the guest holds: its price and link, the voucher, the
//! balance, a change to a paid booking, a cancellation — each with what else the message asks.

use super::{asked_besides, stay_of_state};
use crate::policy::{holds, quote};
use crate::{
    Effect, Facts,
    nlu::{InfoTopic, Understanding},
    state::{ConversationState, Want},
};

/// What the hold costs, its deposit and link (its price a night first when asked).
pub(super) fn held_price(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    // "Perdón, ¿cuánto era por noche?" with a hold: its price a night first, then the
    // hold's total, deposit and link.
    let mut out = Vec::new();
    if u.per_night
        && let Some(h) = crate::policy::plan::held(facts, u)
        && h.group.is_none()
    {
        out.extend(quote::night_price_of_hold(
            s,
            facts,
            (h.accommodation_id, h.check_in, h.check_out),
        ));
    }
    out.extend(holds::held_price(s, u, facts));
    // "¿Tiene wifi? ¿cuánto es la seña?": what else the message asks, answered too.
    out.extend(asked_besides(s, u, facts, &[InfoTopic::Payment]));
    out
}

/// The voucher again, and what else the message asks that it does not say.
pub(super) fn voucher(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let mut out = holds::voucher(s, u, facts);
    // What else the message asks, but what the voucher already says (times, address,
    // the balance). The price asked once paid is the voucher too, and what else it asks
    // ("¿en qué moneda están los precios?") answered besides.
    if u.asks_voucher || u.intent == crate::nlu::Intent::AskPrice {
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

/// What is left to pay, and what else the message asks.
pub(super) fn balance(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
    let mut out = holds::balance(s, u, facts);
    // "What time is check-in? and how much is left to pay?": the rest answered too.
    out.extend(asked_besides(s, u, facts, &[InfoTopic::Payment]));
    out
}

/// A change to a paid booking for staff, and what else the message asks.
pub(super) fn paid_change(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
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

/// A cancellation, and the stay asked with it quoted.
pub(super) fn cancel(
    s: &mut ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> Vec<Effect> {
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

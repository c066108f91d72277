//! Stage 6: a guest with a hold asking about paying: the voucher, the balance, how the deposit
//! is paid; without one, the balance asked about is how paying works.

use super::{Heard, Step, held};
use crate::{
    Facts,
    nlu::{InfoTopic, Understanding},
    state::ConversationState,
};

/// About paying what the guest holds.
pub(super) fn paying(
    _prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    // "Could you send me the booking details again? And what time is check-in?" once paid: the
    // voucher, and whatever else it asks that the voucher does not say.
    if u.asks_voucher
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| h.paid)
    {
        return Some(Step::Voucher);
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
        return Some(Step::Balance);
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
        return Some(Step::PayingHeld);
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
        return Some(Step::Voucher);
    }
    // "¿El resto cuándo lo pago?", "el saldo, ¿en efectivo?" once the deposit is in: that
    // reservation's balance and how it is taken ("¿cuánto me queda por pagar?" and the
    // voucher asked again get the whole voucher).
    // "¿Cuánto es el saldo? ¿y la dirección?": with the address or the times asked besides,
    // the voucher, which says them all.
    let paid = || held(facts, u).is_some_and(|h| h.paid);
    let voucher_says = |t: &InfoTopic| {
        matches!(
            t,
            InfoTopic::Location | InfoTopic::CheckInTime | InfoTopic::Payment
        )
    };
    let more_than_paying = u.topics.iter().any(|t| *t != InfoTopic::Payment);
    if u.topics.contains(&InfoTopic::Payment)
        && more_than_paying
        && u.topics.iter().all(voucher_says)
        && u.features.is_empty()
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && paid()
    {
        return Some(Step::Voucher);
    }
    if u.topics.contains(&InfoTopic::Payment)
        && !more_than_paying
        && !u.asks_voucher
        && u.features.is_empty()
        && !heard.new_stay()
        && u.accommodation.is_none()
        && u.about_hold.is_none()
        && s.offer.is_none()
        && paid()
    {
        return Some(Step::BalanceDue);
    }
    // "What's left to pay?", "what time is check-in? and how much is left to pay?" once paid:
    // the voucher (it says the balance), and what else the message asks.
    if u.asks_balance
        && !heard.new_stay()
        && u.accommodation.is_none()
        && s.offer.is_none()
        && held(facts, u).is_some_and(|h| h.paid)
    {
        return Some(Step::Balance);
    }
    // "When do I pay the rest?", "¿cuándo pago el resto?" with nothing held in this
    // conversation: how paying works (the deposit to book, the rest on arrival), not the
    // welcome nor a person.
    if u.asks_balance
        && u.pay_methods.is_empty()
        && !heard.new_stay()
        && u.accommodation.is_none()
        && held(facts, u).is_none()
    {
        return Some(Step::Info {
            topics: vec![InfoTopic::Payment],
            features: Vec::new(),
            named: None,
        });
    }
    None
}

//! From what a decision says to what the outbox stores: the conversation's effects (words,
//! photos, a booking) become replies on the guest's channel and follow-up jobs, each under a
//! key unique to its cause. The one place these keys are made.
//!
//! A move of a hold is a `PreReserve` of the new stay whose idempotency key names the hold it
//! replaces (`move:<code>:<message id>`, read back by [`replaced_hold`]): the new hold is
//! placed and the old one released in that job's one transaction, and when the new nights are
//! taken the old hold stays and the guest is told what is free.

use conversation::{Booking, Say};
use jobs::{
    Job, JobError,
    domain::IdempotencyKey,
    effects::{Effect, FollowUp},
    payloads::{Channel, PreReserve, ReplyBody},
};
use store::outbox::NewEffect;

/// The message a turn answers.
pub struct Answering<'a> {
    pub channel: &'a Channel,
    /// The provider's id of the guest's message: a booking it causes is keyed by it.
    pub message_id: &'a str,
    pub received_at_ms: i64,
    /// It was a voice note (its reply's latency is measured as audio).
    pub voice: bool,
}

pub fn body(say: Say) -> ReplyBody {
    match say {
        Say::Text(text) => ReplyBody::Text { text },
        Say::Image { link, caption } => ReplyBody::Image { link, caption },
    }
}

/// A conversation's effects, keyed `<cause>:reply:<n>` and `<cause>:book`.
pub fn of_turn(
    cause: &str,
    to: &Answering<'_>,
    effects: Vec<conversation::Effect>,
) -> Result<Vec<NewEffect>, JobError> {
    let mut out = Vec::with_capacity(effects.len());
    let mut replies = 0;
    for effect in effects {
        match effect {
            conversation::Effect::Say(say) => {
                let reply = Effect::reply(to.channel, body(say));
                out.push(
                    NewEffect::new(format!("{cause}:reply:{replies}"), reply)
                        .answering(to.received_at_ms, to.voice),
                );
                replies += 1;
            }
            conversation::Effect::Book(booking) => {
                out.push(NewEffect::new(format!("{cause}:book"), book(to, booking)?));
            }
            // A group in several cabins: its holds were placed together by the handler (all or
            // none, see [`group_hold_cause`]); one `PreReserve` per cabin sends its payment
            // link, keyed by the message and the cabin's place in the group.
            conversation::Effect::BookTogether(bookings) => {
                for (n, booking) in bookings.into_iter().enumerate() {
                    let id = group_member(to.message_id, n);
                    let answering = Answering {
                        message_id: &id,
                        ..*to
                    };
                    out.push(NewEffect::new(
                        format!("{cause}:book:{n}"),
                        book(&answering, booking)?,
                    ));
                }
            }
            conversation::Effect::MoveHold { code, to: booking } => {
                let key = format!("{code}:{}", to.message_id);
                out.push(NewEffect::new(
                    format!("{cause}:move"),
                    enqueue_hold(to, "move", &key, booking)?,
                ));
            }
            // Released by the handler in the turn's own transaction.
            conversation::Effect::ReleaseHold { .. } => {}
            // The conversation is marked for staff, who cancel under the property's policy.
            conversation::Effect::RequestCancellation { code } => {
                tracing::info!(%code, "guest asked to cancel a paid reservation; left to staff");
            }
        }
    }
    Ok(out)
}

fn book(to: &Answering<'_>, b: Booking) -> Result<Effect, JobError> {
    enqueue_hold(to, "book", to.message_id, b)
}

fn group_member(message_id: &str, n: usize) -> String {
    format!("{message_id}:{n}")
}

/// The cause a group's `n`th hold is placed under: the effect key its `PreReserve` will run
/// with, so that job finds the hold already placed and only sends its payment link.
pub fn group_hold_cause(message_id: &str, n: usize) -> Result<String, JobError> {
    let key = IdempotencyKey::namespaced("book", &group_member(message_id, n))
        .map_err(|e| JobError::permanent(e.to_string()))?;
    Ok(format!("{}:{}", PreReserve::QUEUE, key.as_str()))
}

/// The hold a `PreReserve` replaces, from its effect key (`<queue>:move:<code>:<message id>`).
pub fn replaced_hold(effect_key: &str) -> Option<&str> {
    let (_, rest) = effect_key.split_once(":move:")?;
    rest.split_once(':')
        .map(|(code, _)| code)
        .filter(|code| code.starts_with("RES"))
}

fn enqueue_hold(
    to: &Answering<'_>,
    namespace: &str,
    id: &str,
    b: Booking,
) -> Result<Effect, JobError> {
    let key = IdempotencyKey::namespaced(namespace, id)
        .map_err(|e| JobError::permanent(e.to_string()))?;
    Ok(Effect::enqueue(
        key,
        FollowUp::PreReserve(PreReserve {
            channel: to.channel.clone(),
            cause_message_id: to.message_id.to_owned(),
            accommodation_id: b.accommodation_id,
            check_in: b.check_in,
            check_out: b.check_out,
            guests: b.guests,
            guest_name: None,
            received_at_ms: to.received_at_ms,
        }),
    ))
}

/// One text to a guest, under `key`.
pub fn text(key: impl Into<String>, channel: &Channel, text: impl Into<String>) -> NewEffect {
    NewEffect::new(key, Effect::text(channel, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_names_the_hold_it_replaces_and_a_booking_none() {
        assert_eq!(
            replaced_hold("pre_reserve:move:RES261215007:wamid.HBgL123"),
            Some("RES261215007")
        );
        assert_eq!(replaced_hold("pre_reserve:book:wamid.HBgL123"), None);
        assert_eq!(replaced_hold("pre_reserve:book:wamid.move:x"), None);
        assert_eq!(replaced_hold("pre_reserve:job:42"), None);
    }
}

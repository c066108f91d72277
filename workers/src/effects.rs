//! From what a decision says to what the outbox stores: the conversation's effects (words,
//! photos, a booking) become replies on the guest's channel and follow-up jobs, each under a
//! key unique to its cause. The one place these keys are made.

use conversation::{Booking, Say};
use jobs::{
    JobError,
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
        }
    }
    Ok(out)
}

fn book(to: &Answering<'_>, b: Booking) -> Result<Effect, JobError> {
    let key = IdempotencyKey::namespaced("book", to.message_id)
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

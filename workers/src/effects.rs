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
    payloads::{Channel, PreReserve, ReplyBody, SpokenIn},
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
    /// Its text replies are also spoken, in this language (`spoken::speak_in` decided).
    pub speak: Option<SpokenIn>,
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
                let reply = Effect::reply(to.channel, body(say)).spoken(to.speak);
                out.push(
                    NewEffect::new(format!("{cause}:reply:{replies}"), reply)
                        .answering(to.received_at_ms, to.voice),
                );
                replies += 1;
            }
            conversation::Effect::Book(booking) => {
                out.push(NewEffect::new(format!("{cause}:book"), book(to, booking)?));
            }
            // A group in several cabins: its holds were placed together by the handler, as one
            // request under one code (all or none, see [`group_cause`]); one `PreReserve` keyed
            // `group:<message id>` sends the one payment link for all their deposits. It carries
            // the first cabin's booking only because the payload needs one: the job finds the
            // group by its effect key. A group moved is held the same way (the old one released
            // by the handler in the same transaction).
            conversation::Effect::BookTogether(bookings)
            | conversation::Effect::MoveGroup { to: bookings, .. } => {
                if let Some(first) = bookings.into_iter().next() {
                    out.push(NewEffect::new(
                        format!("{cause}:book"),
                        enqueue_hold(to, GROUP, to.message_id, first)?,
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
            // Both written by the handler in the turn's own transaction: the hold released, the
            // request recorded for staff.
            conversation::Effect::ReleaseHold { .. }
            | conversation::Effect::RequestCancellation { .. } => {}
        }
    }
    Ok(out)
}

fn book(to: &Answering<'_>, b: Booking) -> Result<Effect, JobError> {
    enqueue_hold(to, "book", to.message_id, b)
}

/// The namespace of a group's `PreReserve` key (`group:<message id>`).
const GROUP: &str = "group";

/// The effect key a group's `PreReserve` runs with (`pre_reserve:group:<message id>`): the
/// handler places the group's holds under it, and that job finds them by it and only sends the
/// one payment link.
pub fn group_cause(message_id: &str) -> Result<String, JobError> {
    let key = IdempotencyKey::namespaced(GROUP, message_id)
        .map_err(|e| JobError::permanent(e.to_string()))?;
    Ok(format!("{}:{}", PreReserve::QUEUE, key.as_str()))
}

/// The cause each hold of a group is placed under (`<group cause>:<n>`), unique as every
/// hold's is.
pub fn group_hold_cause(group_cause: &str, n: usize) -> String {
    format!("{group_cause}:{n}")
}

/// Whether a `PreReserve` sends a group's payment link (its effect key is a [`group_cause`]).
pub fn is_group(effect_key: &str) -> bool {
    effect_key.contains(":group:")
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
    fn a_group_is_one_job_keyed_by_the_message() {
        let cause = group_cause("wamid.HBgL123").unwrap();
        assert_eq!(cause, "pre_reserve:group:wamid.HBgL123");
        assert!(is_group(&cause));
        assert!(!is_group("pre_reserve:book:wamid.HBgL123"));
        assert!(!is_group("pre_reserve:move:RES261215007:wamid.HBgL123"));
        assert_eq!(
            group_hold_cause(&cause, 1),
            "pre_reserve:group:wamid.HBgL123:1"
        );
        let channel = Channel::email("reservas@lago.test", "ana@correo.test");
        let to = Answering {
            channel: &channel,
            message_id: "wamid.HBgL123",
            received_at_ms: 0,
            voice: false,
            speak: None,
        };
        let booking = |id| Booking {
            accommodation_id: id,
            check_in: "2026-12-15".parse().unwrap(),
            check_out: "2026-12-17".parse().unwrap(),
            guests: 4,
        };
        let out = of_turn(
            "parse_intent:wa:x",
            &to,
            vec![conversation::Effect::BookTogether(vec![
                booking(1),
                booking(2),
            ])],
        )
        .unwrap();
        assert_eq!(out.len(), 1, "one job, one link");
        assert_eq!(out[0].key, "parse_intent:wa:x:book");
        match &out[0].effect {
            Effect::Enqueue { key, .. } => assert_eq!(key.as_str(), "group:wamid.HBgL123"),
            other => panic!("{other:?}"),
        }
    }

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

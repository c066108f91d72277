//! Effects: what a job causes beyond its own state, as typed values. A handler writes them to
//! the transactional outbox (`store::outbox`) in the transaction that caused them; the relay
//! turns each into an enqueue after the commit. Field names are stored: add, never rename.

use serde::{Deserialize, Serialize};

use crate::{
    domain::IdempotencyKey,
    payloads::{Channel, ConfirmPayment, ParseIntent, PreReserve, ReplyBody, SyncIcal},
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum Effect {
    /// A message to a guest on their channel, sent by `send_reply` at most once.
    Reply { channel: Channel, body: ReplyBody },
    /// A job to enqueue under its idempotency key.
    Enqueue { key: IdempotencyKey, job: FollowUp },
}

/// The jobs a job can cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "queue", content = "payload", rename_all = "snake_case")]
pub enum FollowUp {
    ParseIntent(ParseIntent),
    PreReserve(PreReserve),
    ConfirmPayment(ConfirmPayment),
    SyncIcal(SyncIcal),
}

impl Effect {
    pub fn reply(channel: &Channel, body: ReplyBody) -> Effect {
        Effect::Reply {
            channel: channel.clone(),
            body,
        }
    }

    pub fn text(channel: &Channel, text: impl Into<String>) -> Effect {
        Effect::reply(channel, ReplyBody::Text { text: text.into() })
    }

    pub fn enqueue(key: IdempotencyKey, job: FollowUp) -> Effect {
        Effect::Enqueue { key, job }
    }
}

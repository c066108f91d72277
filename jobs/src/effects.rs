//! Effects: what a job causes beyond its own state, as typed values. A handler writes them to
//! the transactional outbox (`store::outbox`) in the transaction that caused them; the relay
//! turns each into an enqueue after the commit. Field names are stored: add, never rename.

use serde::{Deserialize, Serialize};

use crate::{
    EnqueueOptions, JobError, NewJob,
    domain::IdempotencyKey,
    payloads::{
        Channel, ConfirmPayment, ParseIntent, PreReserve, RefundDeposit, ReplyBody, ReplyToSend,
        SendReply, SpokenIn, SyncIcal,
    },
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum Effect {
    /// A message to a guest on their channel, sent by `send_reply` at most once; `speak`: also
    /// as a voice note in that language (WhatsApp text replies only; absent in older rows).
    Reply {
        channel: Channel,
        body: ReplyBody,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        speak: Option<SpokenIn>,
    },
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
    RefundDeposit(RefundDeposit),
}

impl Effect {
    pub fn reply(channel: &Channel, body: ReplyBody) -> Effect {
        Effect::Reply {
            channel: channel.clone(),
            body,
            speak: None,
        }
    }

    /// This reply, also spoken as a voice note in `language` (a text reply only: nothing else
    /// has words to say).
    pub fn spoken(self, language: Option<SpokenIn>) -> Effect {
        match self {
            Effect::Reply {
                channel,
                body: body @ ReplyBody::Text { .. },
                ..
            } => Effect::Reply {
                channel,
                body,
                speak: language,
            },
            other => other,
        }
    }

    pub fn text(channel: &Channel, text: impl Into<String>) -> Effect {
        Effect::reply(channel, ReplyBody::Text { text: text.into() })
    }

    pub fn enqueue(key: IdempotencyKey, job: FollowUp) -> Effect {
        Effect::Enqueue { key, job }
    }
}

/// An outbox row the relay must hand to the queue (`store::outbox` reads and writes them; the
/// workers' relay and the console's answers hand them over).
#[derive(Debug, Clone)]
pub struct Unrelayed {
    pub id: i64,
    pub effect_key: String,
    pub effect: Effect,
    pub traceparent: Option<String>,
    pub request_id: Option<String>,
    /// For a reply: when the message it answers arrived (ms).
    pub answers_received_at_ms: Option<i64>,
    /// For a reply: the message it answers was a voice note.
    pub answers_voice: bool,
}

impl Unrelayed {
    /// The one place an effect becomes a job: keyed (a reply by `reply:<effect key>`, a
    /// follow-up by the key its handler chose), carrying its cause's trace and request id, so
    /// relaying a row twice enqueues nothing the second time.
    pub fn to_job(&self) -> Result<NewJob, JobError> {
        let options = |key: IdempotencyKey| EnqueueOptions {
            idempotency_key: Some(key),
            traceparent: self.traceparent.clone(),
            request_id: self.request_id.clone(),
            delay: None,
        };
        let bad =
            |e: &dyn std::fmt::Display| JobError::permanent(format!("{}: {e}", self.effect_key));
        let job = match &self.effect {
            Effect::Reply {
                channel,
                body,
                speak,
            } => {
                let key =
                    IdempotencyKey::namespaced("reply", &self.effect_key).map_err(|e| bad(&e))?;
                let send = SendReply {
                    cause_key: self.effect_key.clone(),
                    reply: Some(ReplyToSend {
                        outbox_id: self.id,
                        channel: channel.clone(),
                        body: body.clone(),
                        answers_received_at_ms: self.answers_received_at_ms,
                        answers_voice: self.answers_voice,
                        speak: *speak,
                    }),
                };
                NewJob::new(&send, options(key))
            }
            Effect::Enqueue { key, job } => {
                let options = options(key.clone());
                match job {
                    FollowUp::ParseIntent(j) => NewJob::new(j, options),
                    FollowUp::PreReserve(j) => NewJob::new(j, options),
                    FollowUp::ConfirmPayment(j) => NewJob::new(j, options),
                    FollowUp::SyncIcal(j) => NewJob::new(j, options),
                    FollowUp::RefundDeposit(j) => NewJob::new(j, options),
                }
            }
        };
        job.map_err(|e| bad(&e))
    }
}

//! Sending a reply at most once: a *sending mark* taken before the provider is called, and a
//! *delivery record* of what the provider accepted, written by the worker as soon as the
//! provider answers 2xx and by the ingress when the provider's status webhook (WhatsApp's
//! `statuses`, Mailgun's events) names the reply. A run that finds a sending mark never sends
//! blindly: a delivery record means the guest has it; without one it waits for the mark to
//! lapse (`REPLY_RECONCILE_SECS`) before it sends again.
//!
//! Keys (kept seven days; the tag is the one the sender gives the provider, `r<outbox row id>`,
//! see [`reply_tag`]): `P:delivered:<tag>` (string: the provider's message id) and
//! `P:sending:<tag>` (string: when a run took the send, ms).
//!
//! They live in Redis, beside the jobs, with the same durability (AOF), so the send costs no
//! PostgreSQL commit: the reply's row is marked sent afterwards, in batches. The row has the
//! last word on "sent"; these are the witnesses that survive a worker dying or the database
//! blinking between the provider's answer and the row's mark. An error reaching Redis is
//! "unknown", never "not sent".

use std::time::Duration;

use std::sync::LazyLock;

use redis::Script;

use crate::{QueueError, backend::RedisConnection};

use super::CoordinationError;
use crate::RedisQueue;

/// How long a record is kept: far longer than any reply waits to be reconciled.
pub const KEPT: Duration = Duration::from_secs(7 * 24 * 3600);

/// The Mailgun variable (`v:fleet-reply` when sending, `user-variables` in its events) that
/// carries a reply's tag.
pub const EMAIL_TAG_VARIABLE: &str = "fleet-reply";

/// The tag a reply carries to the provider (WhatsApp's `biz_opaque_callback_data`, a Mailgun
/// `v:` variable) so its status webhooks name it.
pub fn reply_tag(outbox_id: i64) -> String {
    format!("r{outbox_id}")
}

/// The tag of a reply's voice note (`v<outbox row id>`), sent beside its text: its own sending
/// mark and delivery record, so the note and the text are each sent at most once, and a status
/// webhook about the note never counts as the text's delivery ([`parse_reply_tag`] ignores it).
pub fn voice_tag(outbox_id: i64) -> String {
    format!("v{outbox_id}")
}

/// A tag as a provider's status webhook gives it back, when it is one of ours.
pub fn parse_reply_tag(tag: &str) -> Option<i64> {
    let digits = tag.strip_prefix('r')?;
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

static BEGIN_SEND: LazyLock<Script> = LazyLock::new(|| Script::new(include_str!("begin_send.lua")));

/// What a run may do with a reply it is about to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendTurn {
    /// A provider already has it (this provider message id): record it, do not send.
    Accepted(String),
    /// Another run took the send this long ago and may be sending now: wait.
    Held(Duration),
    /// This run sends it; `resumed` when an earlier run's mark had lapsed without an outcome.
    Taken { resumed: bool },
}

/// The sending marks and delivery records of one fleet; cheap to build and to clone.
#[derive(Clone)]
pub struct Deliveries {
    /// Its connection and prefix `P`, and the confirmation of a sending mark by replicas
    /// (`REDIS_WAIT_REPLICAS`).
    queue: RedisQueue,
}

impl std::fmt::Debug for Deliveries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deliveries")
            .field("prefix", &self.queue.prefix())
            .finish_non_exhaustive()
    }
}

impl Deliveries {
    pub fn new(queue: &RedisQueue) -> Self {
        Deliveries {
            queue: queue.clone(),
        }
    }

    fn conn(&self) -> RedisConnection {
        self.queue.conn()
    }

    fn delivered_key(&self, outbox_id: i64) -> String {
        format!("{}:delivered:{}", self.queue.prefix(), reply_tag(outbox_id))
    }

    fn sending_key(&self, outbox_id: i64) -> String {
        format!("{}:sending:{}", self.queue.prefix(), reply_tag(outbox_id))
    }

    /// With `REDIS_WAIT_REPLICAS`: that many replicas have the mark just taken.
    async fn confirm_replicated(&self) -> Result<(), CoordinationError> {
        match self.queue.confirm_replicated("sending_mark").await {
            Ok(()) => Ok(()),
            Err(QueueError::NotReplicated {
                wanted,
                acknowledged,
            }) => Err(CoordinationError::NotReplicated {
                wanted,
                acknowledged,
            }),
            Err(QueueError::Redis(e)) => Err(CoordinationError::Redis(e)),
            Err(other) => Err(CoordinationError::Redis(redis::RedisError::from((
                redis::ErrorKind::Io,
                "replication confirmation failed",
                other.to_string(),
            )))),
        }
    }

    /// Takes the send of row `outbox_id`'s reply, unless a provider has it or another run took
    /// it less than `hold` ago.
    pub async fn begin_send(
        &self,
        outbox_id: i64,
        hold: Duration,
    ) -> Result<SendTurn, CoordinationError> {
        self.begin(
            self.delivered_key(outbox_id),
            self.sending_key(outbox_id),
            hold,
        )
        .await
    }

    /// [`Deliveries::begin_send`] of row `outbox_id`'s voice note ([`voice_tag`]).
    pub async fn begin_voice(
        &self,
        outbox_id: i64,
        hold: Duration,
    ) -> Result<SendTurn, CoordinationError> {
        let tag = voice_tag(outbox_id);
        self.begin(
            format!("{}:delivered:{tag}", self.queue.prefix()),
            format!("{}:sending:{tag}", self.queue.prefix()),
            hold,
        )
        .await
    }

    /// [`Deliveries::release`] of row `outbox_id`'s voice note.
    pub async fn release_voice(&self, outbox_id: i64) -> Result<(), CoordinationError> {
        redis::cmd("DEL")
            .arg(format!(
                "{}:sending:{}",
                self.queue.prefix(),
                voice_tag(outbox_id)
            ))
            .query_async::<()>(&mut self.conn())
            .await?;
        Ok(())
    }

    /// [`Deliveries::record`] of row `outbox_id`'s voice note.
    pub async fn record_voice(
        &self,
        outbox_id: i64,
        provider_message_id: &str,
    ) -> Result<(), CoordinationError> {
        redis::cmd("SET")
            .arg(format!(
                "{}:delivered:{}",
                self.queue.prefix(),
                voice_tag(outbox_id)
            ))
            .arg(provider_message_id)
            .arg("EX")
            .arg(KEPT.as_secs())
            .query_async::<()>(&mut self.conn())
            .await?;
        Ok(())
    }

    async fn begin(
        &self,
        delivered: String,
        sending: String,
        hold: Duration,
    ) -> Result<SendTurn, CoordinationError> {
        let now_ms = chrono::Utc::now().timestamp_millis();
        let sending_key = sending.clone();
        let (what, value): (String, String) = BEGIN_SEND
            .key(delivered)
            .key(sending)
            .arg(now_ms)
            .arg(hold.as_millis() as u64)
            .arg(KEPT.as_secs())
            .invoke_async(&mut self.conn())
            .await?;
        Ok(match what.as_str() {
            "accepted" => SendTurn::Accepted(value),
            "held" => SendTurn::Held(Duration::from_millis(value.parse().unwrap_or(0))),
            _ => {
                // The mark must outlive a failover: a run after it that found no mark would
                // send the reply again. Unconfirmed, it is taken back (nothing was sent), so the
                // retry takes the send at once instead of waiting for the mark to lapse.
                if let Err(e) = self.confirm_replicated().await {
                    let _ = redis::cmd("DEL")
                        .arg(&sending_key)
                        .query_async::<()>(&mut self.conn())
                        .await;
                    return Err(e);
                }
                SendTurn::Taken {
                    resumed: !value.is_empty(),
                }
            }
        })
    }

    /// The provider refused the send (it never had the message): the next run may send at once.
    pub async fn release(&self, outbox_id: i64) -> Result<(), CoordinationError> {
        redis::cmd("DEL")
            .arg(self.sending_key(outbox_id))
            .query_async::<()>(&mut self.conn())
            .await?;
        Ok(())
    }

    /// The provider accepted the reply of row `outbox_id` as `provider_message_id`.
    pub async fn record(
        &self,
        outbox_id: i64,
        provider_message_id: &str,
    ) -> Result<(), CoordinationError> {
        redis::cmd("SET")
            .arg(self.delivered_key(outbox_id))
            .arg(provider_message_id)
            .arg("EX")
            .arg(KEPT.as_secs())
            .query_async::<()>(&mut self.conn())
            .await?;
        Ok(())
    }

    /// The provider's message id of row `outbox_id`'s reply, when a provider accepted it.
    pub async fn accepted(&self, outbox_id: i64) -> Result<Option<String>, CoordinationError> {
        Ok(redis::cmd("GET")
            .arg(self.delivered_key(outbox_id))
            .query_async(&mut self.conn())
            .await?)
    }

    /// [`Deliveries::accepted`] of many rows in one round trip, in their order.
    pub async fn accepted_many(
        &self,
        outbox_ids: &[i64],
    ) -> Result<Vec<Option<String>>, CoordinationError> {
        if outbox_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut cmd = redis::cmd("MGET");
        for id in outbox_ids {
            cmd.arg(self.delivered_key(*id));
        }
        Ok(cmd.query_async(&mut self.conn()).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_foreign_ones_are_refused() {
        assert_eq!(parse_reply_tag(&reply_tag(42)), Some(42));
        for foreign in [
            "",
            "r",
            "42",
            "rx1",
            "r-1",
            "r1 ",
            "r12345678901234567890",
            "R1",
        ] {
            assert_eq!(parse_reply_tag(foreign), None, "{foreign:?}");
        }
        // A voice note's status is never taken for its text's delivery.
        assert_eq!(parse_reply_tag(&voice_tag(42)), None);
    }
}

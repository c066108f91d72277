//! What the providers accepted: a record per reply the fleet sent, written by the worker as soon
//! as the provider answers 2xx and by the ingress when the provider's status webhook (WhatsApp's
//! `statuses`, Mailgun's events) names the reply. A worker that finds a reply marked "sending"
//! looks here before it would send again: a record means the guest has it.
//!
//! Keys: `P:delivered:<tag>` (string: the provider's message id, kept seven days), where the
//! tag is the one the sender gave the provider (`r<outbox row id>`, see [`reply_tag`]).
//!
//! The database has the last word on a reply (its outbox row); this is the witness that
//! survives a worker dying or the database blinking between the provider's answer and the row's
//! update. It must never be read as "not sent" when Redis cannot be reached: callers treat an
//! error as "unknown".

use std::time::Duration;

use redis::aio::ConnectionManager;

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

/// A tag as a provider's status webhook gives it back, when it is one of ours.
pub fn parse_reply_tag(tag: &str) -> Option<i64> {
    let digits = tag.strip_prefix('r')?;
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The delivery records of one fleet; cheap to build and to clone.
#[derive(Clone)]
pub struct Deliveries {
    conn: ConnectionManager,
    /// `P:delivered`.
    base: String,
}

impl std::fmt::Debug for Deliveries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deliveries")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl Deliveries {
    pub fn new(queue: &RedisQueue) -> Self {
        Deliveries {
            conn: queue.conn(),
            base: format!("{}:delivered", queue.prefix()),
        }
    }

    /// The provider accepted the reply of row `outbox_id` as `provider_message_id`.
    pub async fn record(
        &self,
        outbox_id: i64,
        provider_message_id: &str,
    ) -> Result<(), CoordinationError> {
        redis::cmd("SET")
            .arg(format!("{}:{}", self.base, reply_tag(outbox_id)))
            .arg(provider_message_id)
            .arg("EX")
            .arg(KEPT.as_secs())
            .query_async::<()>(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    /// The provider's message id of row `outbox_id`'s reply, when a provider accepted it.
    pub async fn accepted(&self, outbox_id: i64) -> Result<Option<String>, CoordinationError> {
        Ok(redis::cmd("GET")
            .arg(format!("{}:{}", self.base, reply_tag(outbox_id)))
            .query_async(&mut self.conn.clone())
            .await?)
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
    }
}

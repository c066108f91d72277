//! A list that keeps only its newest entries (the sandbox's outbox of "sent" messages, its fake
//! payment links and payments).
//!
//! Keys: `P:<name>` (list, newest first, at most `cap` entries; no expiry).
//!
//! This module must never grow a list past its cap, and is no queue: nothing takes entries out
//! to work on them, and nothing here is read by the queue protocol.

use crate::backend::RedisConnection;

use super::CoordinationError;
use crate::RedisQueue;

/// One capped list; cheap to build and to clone.
#[derive(Clone)]
pub struct CappedList {
    conn: RedisConnection,
    key: String,
    /// At least 1.
    cap: usize,
}

impl std::fmt::Debug for CappedList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CappedList")
            .field("key", &self.key)
            .field("cap", &self.cap)
            .finish_non_exhaustive()
    }
}

impl CappedList {
    /// The list `name` under the queue's prefix (its key is `P:<name>`), keeping the newest
    /// `cap` entries (at least one).
    pub fn new(queue: &RedisQueue, name: &str, cap: usize) -> Self {
        CappedList {
            conn: queue.conn(),
            key: format!("{}:{name}", queue.prefix()),
            cap: cap.max(1),
        }
    }

    /// Adds `value` as the newest entry and drops what falls past the cap, in one round trip.
    pub async fn push(&self, value: &str) -> Result<(), CoordinationError> {
        redis::pipe()
            .cmd("LPUSH")
            .arg(&self.key)
            .arg(value)
            .ignore()
            .cmd("LTRIM")
            .arg(&self.key)
            .arg(0)
            .arg(self.cap as i64 - 1)
            .ignore()
            .query_async::<()>(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    /// Every entry, newest first (at most the cap; empty when the list does not exist).
    pub async fn entries(&self) -> Result<Vec<String>, CoordinationError> {
        Ok(redis::cmd("LRANGE")
            .arg(&self.key)
            .arg(0)
            .arg(self.cap as i64 - 1)
            .query_async(&mut self.conn.clone())
            .await?)
    }
}

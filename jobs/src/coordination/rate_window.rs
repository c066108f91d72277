//! A counter per subject in fixed time windows shared by every process: how many times
//! something happened in the current window (the ingress's per-IP rate limit).
//!
//! Keys: `P:<name>:<subject>:<window number>` (string: the count; `EX` = one window and a
//! second, so a window's counter is gone soon after it closes).
//!
//! This module counts; it must never decide what to refuse (the caller compares with its
//! limit) nor block: a caller that cannot reach Redis decides for itself whether to let the
//! event through.

use std::time::Duration;

use redis::aio::ConnectionManager;

use super::CoordinationError;
use crate::RedisQueue;

/// Fixed windows of one length under one name; cheap to build and to clone.
#[derive(Clone)]
pub struct RateWindow {
    conn: ConnectionManager,
    /// `P:<name>`.
    base: String,
    /// Whole seconds, at least 1.
    secs: u64,
}

impl std::fmt::Debug for RateWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateWindow")
            .field("base", &self.base)
            .field("secs", &self.secs)
            .finish_non_exhaustive()
    }
}

impl RateWindow {
    /// Windows of `window` (whole seconds, at least one) under `name` (say `rl`).
    pub fn new(queue: &RedisQueue, name: &str, window: Duration) -> Self {
        RateWindow {
            conn: queue.conn(),
            base: format!("{}:{name}", queue.prefix()),
            secs: window.as_secs().max(1),
        }
    }

    /// Counts one event of `subject` (say an IP address) in the current window and returns the
    /// count so far in it, this one included. Windows follow this host's clock (UTC seconds).
    pub async fn count(&self, subject: &str) -> Result<u64, CoordinationError> {
        let slot = chrono::Utc::now().timestamp() as u64 / self.secs;
        let key = format!("{}:{subject}:{slot}", self.base);
        let (n,): (u64,) = redis::pipe()
            .cmd("INCR")
            .arg(&key)
            .cmd("EXPIRE")
            .arg(&key)
            .arg(self.secs + 1)
            .ignore()
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(n)
    }
}

//! A counter per subject over a sliding window shared by every process: about how many times
//! something happened in the last window (the ingress's rate limits).
//!
//! The window slides by weighing two fixed windows: the count so far in the current one, plus
//! the previous one's count scaled by how much of it still lies inside the last window. It is
//! the usual approximation (exact when events are spread evenly), one round trip per count and
//! two small keys per subject, with none of a log's memory per event.
//!
//! Keys: `P:<name>:<subject>:<window number>` (string: the count; `EX` = two windows and a
//! second, so the previous window is there to weigh and gone soon after).
//!
//! This module counts; it must never decide what to refuse (the caller compares with its
//! limit) nor block: a caller that cannot reach Redis decides for itself whether to let the
//! event through.

use std::time::Duration;

use crate::backend::RedisConnection;

use super::CoordinationError;
use crate::RedisQueue;

/// Sliding windows of one length under one name; cheap to build and to clone.
#[derive(Clone)]
pub struct RateWindow {
    conn: RedisConnection,
    /// `P:<name>`.
    base: String,
    /// Milliseconds, at least 1000.
    window_ms: u64,
}

impl std::fmt::Debug for RateWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateWindow")
            .field("base", &self.base)
            .field("window_ms", &self.window_ms)
            .finish_non_exhaustive()
    }
}

impl RateWindow {
    /// Windows of `window` (at least a second) under `name` (say `rl`).
    pub fn new(queue: &RedisQueue, name: &str, window: Duration) -> Self {
        RateWindow {
            conn: queue.conn(),
            base: format!("{}:{name}", queue.prefix()),
            window_ms: (window.as_millis() as u64).max(1000),
        }
    }

    /// Counts one event of `subject` (say an IP address) and returns about how many happened
    /// in the last window, this one included. Windows follow this host's clock.
    pub async fn count(&self, subject: &str) -> Result<u64, CoordinationError> {
        let now_ms = chrono::Utc::now().timestamp_millis().max(0) as u64;
        let slot = now_ms / self.window_ms;
        let current = format!("{}:{subject}:{slot}", self.base);
        let previous = format!("{}:{subject}:{}", self.base, slot.saturating_sub(1));
        let (now, before): (u64, Option<u64>) = redis::pipe()
            .cmd("INCR")
            .arg(&current)
            .cmd("EXPIRE")
            .arg(&current)
            .arg(2 * self.window_ms / 1000 + 1)
            .ignore()
            .cmd("GET")
            .arg(&previous)
            .query_async(&mut self.conn.clone())
            .await?;
        Ok(sliding(
            now,
            before.unwrap_or(0),
            now_ms % self.window_ms,
            self.window_ms,
        ))
    }
}

/// The events of the last window: all of the current window's, and the share of the previous
/// window's that the last window still covers.
fn sliding(current: u64, previous: u64, into_current_ms: u64, window_ms: u64) -> u64 {
    let still_covered = (window_ms - into_current_ms.min(window_ms)) as f64 / window_ms as f64;
    current + (previous as f64 * still_covered) as u64
}

#[cfg(test)]
mod tests {
    use super::sliding;

    #[test]
    fn the_previous_window_fades_as_the_current_one_fills() {
        assert_eq!(sliding(10, 100, 0, 60_000), 110, "a window just begun");
        assert_eq!(sliding(10, 100, 30_000, 60_000), 60, "half way");
        assert_eq!(
            sliding(10, 100, 59_999, 60_000),
            10,
            "the previous one almost gone"
        );
        assert_eq!(
            sliding(0, 600, 6_000, 60_000),
            540,
            "no burst at a window's edge"
        );
    }
}

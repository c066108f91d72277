//! The fleet's own Redis queue backend.
//!
//! [`RedisQueue`] speaks the protocol (keys, Lua scripts, states) written down in
//! ARCHITECTURE.md; [`QueueBackend`] adapts it to apalis' worker runtime, and [`AckLayer`]
//! records each run's outcome. Every state change of a job is one Lua script (a plain enqueue:
//! one `LPUSH` of inline entries; a keyed one: `push_keyed.lua`, its idempotency keys and the
//! same `LPUSH`), so a crash between two Redis calls never leaves a job half-moved, and a key is
//! never recorded without its job in ready nor the job pushed without its key.
//!
//! This module must never hold a job only in memory: a job is always in exactly one of
//! ready, scheduled, a worker's in-flight list, or dead letters.

mod adapter;
mod client;
mod entry;
mod heartbeat;
mod ledger;
mod retrying;
mod scripts;

use std::time::Duration;

pub use adapter::{AckLayer, AckService, QueueBackend};
pub use client::{Claimed, DeadLetter, Enqueued, NewJob, QueueDepth, RedisQueue};
pub use heartbeat::Heartbeat;

/// Errors of the queue layer.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("job payload could not be encoded: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("unexpected reply from a queue script: {0}")]
    Protocol(String),
    #[error("queue backend is shut down")]
    Closed,
}

impl QueueError {
    /// Whether the same call may succeed if tried again: the connection dropped or timed out, or
    /// Redis is loading. A script error or an odd reply stays what it is.
    pub fn is_transient(&self) -> bool {
        match self {
            QueueError::Redis(e) => {
                e.is_io_error()
                    || e.is_timeout()
                    || e.is_connection_dropped()
                    || e.is_connection_refusal()
                    || !matches!(e.retry_method(), redis::RetryMethod::NoRetry)
            }
            QueueError::Encode(_) | QueueError::Protocol(_) | QueueError::Closed => false,
        }
    }
}

/// Settings of the queue, all from the environment in the binaries.
#[derive(Debug, Clone)]
pub struct RedisQueueConfig {
    pub url: String,
    /// Every key starts with this, so several fleets (or tests) share one Redis.
    pub prefix: String,
    /// How long a duplicate of an accepted delivery is recognised (default 48 h).
    pub idempotency_ttl: Duration,
    /// A worker that has not renewed its lease for this long is presumed dead and its jobs
    /// are run again elsewhere.
    pub lease: Duration,
    /// How long an idle fetch blocks on Redis before it looks at the schedule again.
    pub block: Duration,
    /// How many due retries one claim promotes at most (keeps each script call short).
    pub promote_limit: usize,
    /// How often a worker squares its in-flight list with the jobs it actually holds, besides
    /// right after a claim or an outcome failed: the longest a job can wait in a live worker's
    /// in-flight list unknown to it.
    pub reconcile_every: Duration,
}

impl RedisQueueConfig {
    pub fn new(url: impl Into<String>, prefix: impl Into<String>) -> Self {
        RedisQueueConfig {
            url: url.into(),
            prefix: prefix.into(),
            idempotency_ttl: Duration::from_secs(48 * 3600),
            lease: Duration::from_secs(15),
            block: Duration::from_secs(1),
            promote_limit: 500,
            reconcile_every: Duration::from_secs(5),
        }
    }
}

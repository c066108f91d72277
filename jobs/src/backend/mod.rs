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
mod connection;
mod entry;
mod heartbeat;
mod ledger;
mod replication;
mod retrying;
mod scripts;

use std::time::Duration;

pub use adapter::{AckLayer, AckService, QueueBackend};
pub use client::{Claimed, DeadLetter, Enqueued, NewJob, QueueDepth, RedisQueue};
pub use connection::{RedisConnection, RedisTopology, SentinelSettings};

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
    /// A push reached the primary but fewer replicas than asked confirmed it in time: it may be
    /// lost if the primary fails now, so it is not acknowledged (the sender tries again; its
    /// idempotency key makes the second push a duplicate if the first survived).
    #[error("only {acknowledged} of {wanted} Redis replicas confirmed the push in time")]
    NotReplicated { wanted: u32, acknowledged: u32 },
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
            QueueError::NotReplicated { .. } => true,
            QueueError::Encode(_) | QueueError::Protocol(_) | QueueError::Closed => false,
        }
    }
}

/// Settings of the queue, all from the environment in the binaries.
#[derive(Debug, Clone)]
pub struct RedisQueueConfig {
    /// Where Redis is: one server, a cluster, or a primary watched by Sentinel.
    pub topology: RedisTopology,
    /// The fleet's name in Redis: every key starts with it in braces (`{fleet}:...`), one hash
    /// tag, so several fleets (or tests) share one Redis and a fleet's keys share one cluster
    /// slot.
    pub prefix: String,
    /// Writes that promise something outside wait for this many replicas to confirm them
    /// (`WAIT`) before they count as done: a push the ingress acknowledges to a provider (when
    /// [`RedisQueueConfig::pushes_wait`]), a reply's sending mark before the provider is called
    /// (`coordination::Deliveries`). `None` (the default): done when the primary has it.
    pub replica_wait: Option<ReplicaWait>,
    /// Whether pushes wait for [`RedisQueueConfig::replica_wait`] (the ingress: yes; workers:
    /// no, see ARCHITECTURE.md "Redis beyond one node").
    pub pushes_wait: bool,
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

/// How many replicas must confirm a push, and how long to wait for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplicaWait {
    pub replicas: u32,
    pub timeout: Duration,
}

impl RedisQueueConfig {
    /// A queue on `url` (one server, or several comma-separated cluster nodes).
    pub fn new(url: impl Into<String>, prefix: impl Into<String>) -> Self {
        RedisQueueConfig {
            topology: RedisTopology::from_url(&url.into()),
            prefix: prefix.into(),
            replica_wait: None,
            pushes_wait: true,
            idempotency_ttl: Duration::from_secs(48 * 3600),
            lease: Duration::from_secs(15),
            block: Duration::from_secs(1),
            promote_limit: 500,
            reconcile_every: Duration::from_secs(5),
        }
    }

    /// The Redis settings every binary shares, read through `var` (the environment in the
    /// binaries): `REDIS_URL` (one URL, or cluster nodes comma-separated), `REDIS_SENTINELS` and
    /// `REDIS_SENTINEL_MASTER` (Sentinel instead), `FLEET_REDIS_PREFIX`, and
    /// `REDIS_WAIT_REPLICAS` / `REDIS_WAIT_TIMEOUT_MS` (pushes confirmed by replicas). A value
    /// that is not a number is refused, naming the variable.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self, InvalidSetting> {
        let url = var("REDIS_URL").unwrap_or_else(|| "redis://127.0.0.1:6379".into());
        let prefix = var("FLEET_REDIS_PREFIX").unwrap_or_else(|| "fleet".into());
        let mut cfg = RedisQueueConfig::new("", prefix);
        cfg.topology = RedisTopology::from_settings(
            &url,
            var("REDIS_SENTINELS").as_deref(),
            var("REDIS_SENTINEL_MASTER").as_deref(),
        );
        let number = |name: &'static str, default: u64| -> Result<u64, InvalidSetting> {
            match var(name) {
                None => Ok(default),
                Some(v) if v.trim().is_empty() => Ok(default),
                Some(v) => v.trim().parse().map_err(|_| InvalidSetting {
                    name,
                    reason: format!("{v:?} is not a whole number"),
                }),
            }
        };
        let replicas = number("REDIS_WAIT_REPLICAS", 0)?;
        let timeout_ms = number("REDIS_WAIT_TIMEOUT_MS", 500)?;
        if replicas > 0 {
            if timeout_ms == 0 {
                // WAIT with 0 blocks forever: a dead replica would stop every push.
                return Err(InvalidSetting {
                    name: "REDIS_WAIT_TIMEOUT_MS",
                    reason: "must be more than 0 when REDIS_WAIT_REPLICAS is set".into(),
                });
            }
            cfg.replica_wait = Some(ReplicaWait {
                replicas: u32::try_from(replicas).unwrap_or(u32::MAX),
                timeout: Duration::from_millis(timeout_ms),
            });
        }
        Ok(cfg)
    }
}

/// A Redis setting that cannot be used, and why.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{name}: {reason}")]
pub struct InvalidSetting {
    pub name: &'static str,
    pub reason: String,
}

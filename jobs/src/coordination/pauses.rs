//! A pause per external dependency, shared by every worker: when a provider says "too many
//! requests, come back in N seconds", every process holds its calls to it for N seconds, not
//! just the one that was told.
//!
//! Keys: `P:pause:<dependency>` (a string whose time to live is the pause; a longer pause
//! extends it, a shorter one never shortens it).
//!
//! This module keeps the pause; it must never decide what a caller does while paused, and a
//! caller that cannot reach Redis goes on as if no pause were set (the provider will say again).

use std::time::Duration;

use crate::backend::RedisConnection;

use super::CoordinationError;
use crate::RedisQueue;

/// The pauses of one fleet; cheap to build and to clone.
#[derive(Clone)]
pub struct Pauses {
    conn: RedisConnection,
    /// `P:pause`.
    base: String,
}

impl std::fmt::Debug for Pauses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pauses")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl Pauses {
    pub fn new(queue: &RedisQueue) -> Self {
        Pauses {
            conn: queue.conn(),
            base: format!("{}:pause", queue.prefix()),
        }
    }

    /// Holds calls to `dependency` for `pause` from now (at least a millisecond), unless a
    /// longer pause is already set.
    pub async fn pause(&self, dependency: &str, pause: Duration) -> Result<(), CoordinationError> {
        let key = format!("{}:{dependency}", self.base);
        let ms = pause.as_millis().max(1) as u64;
        redis::pipe()
            .cmd("SET")
            .arg(&key)
            .arg(1)
            .arg("PX")
            .arg(ms)
            .arg("NX")
            .ignore()
            .cmd("PEXPIRE")
            .arg(&key)
            .arg(ms)
            .arg("GT")
            .ignore()
            .query_async::<()>(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    /// How much of a pause of `dependency` is left, if any.
    pub async fn remaining(&self, dependency: &str) -> Result<Option<Duration>, CoordinationError> {
        let ttl: i64 = redis::cmd("PTTL")
            .arg(format!("{}:{dependency}", self.base))
            .query_async(&mut self.conn.clone())
            .await?;
        Ok((ttl > 0).then(|| Duration::from_millis(ttl as u64)))
    }
}

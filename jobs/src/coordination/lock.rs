//! A short-lived lock held in Redis, to spare a resource races that its real guard (the
//! database) would refuse anyway.
//!
//! Keys: `P:lock:<name>` (string: the holder's random token, `PX` = the lock's time to live).
//!
//! This module must never be what makes an effect happen once: a lock expires while its holder
//! may still run (a pause, a slow query), so two holders can overlap. Callers use it to reduce
//! contention only.

use std::{sync::LazyLock, time::Duration};

use redis::Script;

use crate::backend::RedisConnection;

use super::CoordinationError;
use crate::RedisQueue;

/// Deletes the lock only while it still holds our token (it may have expired and been taken).
static UNLOCK: LazyLock<Script> = LazyLock::new(|| Script::new(include_str!("unlock.lua")));

/// Takes locks under the queue's prefix; cheap to build and to clone.
#[derive(Clone)]
pub struct Locks {
    conn: RedisConnection,
    prefix: String,
}

impl std::fmt::Debug for Locks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locks")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

/// A lock this process holds until [`Lock::release`] or its time to live, whichever comes first.
#[must_use = "a lock is held until released or expired"]
pub struct Lock {
    conn: RedisConnection,
    key: String,
    token: String,
}

impl std::fmt::Debug for Lock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lock").field("key", &self.key).finish()
    }
}

impl Locks {
    pub fn new(queue: &RedisQueue) -> Self {
        Locks {
            conn: queue.conn(),
            prefix: queue.prefix().to_owned(),
        }
    }

    /// Tries to take the lock `name` for `ttl`, waiting up to `wait` for it (retrying every
    /// 5–15 ms). `None` if another holder kept it that long.
    pub async fn acquire(
        &self,
        name: &str,
        ttl: Duration,
        wait: Duration,
    ) -> Result<Option<Lock>, CoordinationError> {
        let key = format!("{}:lock:{name}", self.prefix);
        let token = uuid::Uuid::new_v4().simple().to_string();
        let deadline = tokio::time::Instant::now() + wait;
        let mut conn = self.conn.clone();
        loop {
            let taken: Option<String> = redis::cmd("SET")
                .arg(&key)
                .arg(&token)
                .arg("NX")
                .arg("PX")
                .arg(ttl.as_millis().max(1) as u64)
                .query_async(&mut conn)
                .await?;
            if taken.is_some() {
                return Ok(Some(Lock { conn, key, token }));
            }
            if tokio::time::Instant::now() >= deadline {
                return Ok(None);
            }
            tokio::time::sleep(Duration::from_millis(5 + rand::random_range(0..10))).await;
        }
    }
}

impl Lock {
    /// Gives the lock up. `false` when it had already expired (and perhaps been taken by
    /// someone else, whose lock is left alone).
    pub async fn release(mut self) -> Result<bool, CoordinationError> {
        let n: i64 = UNLOCK
            .key(&self.key)
            .arg(&self.token)
            .invoke_async(&mut self.conn)
            .await?;
        Ok(n == 1)
    }
}

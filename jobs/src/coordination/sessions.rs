//! Staff console sessions, kept server-side beside the jobs: an opaque id (the cookie) maps to
//! a small JSON object (who signed in, the form token) that expires on its own.
//!
//! Keys: `P:session:<id>` (a string: the JSON; its time to live is the session's).
//!
//! This module stores what it is given; it must never make session ids (the console's session
//! middleware does, from the operating system's random source) nor decide who is signed in.

use std::time::Duration;

use crate::backend::RedisConnection;

use super::CoordinationError;
use crate::RedisQueue;

/// The sessions of one fleet; cheap to build and to clone.
#[derive(Clone)]
pub struct Sessions {
    conn: RedisConnection,
    /// `P:session`.
    base: String,
}

impl std::fmt::Debug for Sessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sessions")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl Sessions {
    pub fn new(queue: &RedisQueue) -> Self {
        Sessions {
            conn: queue.conn(),
            base: format!("{}:session", queue.prefix()),
        }
    }

    fn key(&self, id: &str) -> String {
        format!("{}:{id}", self.base)
    }

    /// The session's JSON, unless it expired or never existed.
    pub async fn load(&self, id: &str) -> Result<Option<String>, CoordinationError> {
        Ok(redis::cmd("GET")
            .arg(self.key(id))
            .query_async(&mut self.conn.clone())
            .await?)
    }

    /// Stores the session's JSON for `ttl` (at least a second) from now.
    pub async fn store(
        &self,
        id: &str,
        json: &str,
        ttl: Duration,
    ) -> Result<(), CoordinationError> {
        redis::cmd("SET")
            .arg(self.key(id))
            .arg(json)
            .arg("EX")
            .arg(ttl.as_secs().max(1))
            .query_async::<()>(&mut self.conn.clone())
            .await?;
        Ok(())
    }

    pub async fn remove(&self, id: &str) -> Result<(), CoordinationError> {
        redis::cmd("DEL")
            .arg(self.key(id))
            .query_async::<()>(&mut self.conn.clone())
            .await?;
        Ok(())
    }
}

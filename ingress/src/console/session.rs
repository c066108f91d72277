//! Console sessions: poem's `ServerSession` middleware (its ids are 32 bytes from the OS's
//! random source; a session is renewed — a new id, the old one deleted — at sign-in, so an id
//! planted before sign-in is worthless), stored in Redis beside the jobs
//! (`jobs::coordination::Sessions`, `P:session:<id>`, expiring with the session) rather than in
//! poem's `RedisStorage`, which would bring a second Redis client and ignore the fleet's key
//! prefix.
//!
//! The cookie: `fleet_console`, path `/admin`, `HttpOnly`, `SameSite=Lax` (a link from an email
//! into the console keeps the session; a cross-site form post does not carry it), `Secure` unless
//! `CONSOLE_COOKIE_SECURE=0`, `Max-Age` = the session's length.
//!
//! What a session holds ([`Keys`]): the account id, when it signed in, the form token. Never a
//! password or a hash.

use std::{collections::BTreeMap, time::Duration};

use jobs::coordination::Sessions;
use poem::{
    session::{CookieConfig, SessionStorage},
    web::cookie::SameSite,
};
use serde_json::Value;

use crate::config::ConsoleConfig;

pub const COOKIE: &str = "fleet_console";

/// The names of what a session holds.
pub struct Keys;

impl Keys {
    /// The signed-in account's id.
    pub const ACCOUNT: &'static str = "account";
    /// When it signed in (Unix seconds).
    pub const SIGNED_IN_AT: &'static str = "signed_in_at";
    /// The form token every POST must carry.
    pub const CSRF: &'static str = "csrf";
}

pub fn cookie_config(config: &ConsoleConfig) -> CookieConfig {
    CookieConfig::new()
        .name(COOKIE)
        .path("/admin")
        .http_only(true)
        .secure(config.cookie_secure)
        .same_site(SameSite::Lax)
        .max_age(config.session_ttl)
}

/// poem's session storage over the fleet's Redis.
#[derive(Clone)]
pub struct RedisStorage {
    sessions: Sessions,
}

impl RedisStorage {
    pub fn new(queue: &jobs::RedisQueue) -> Self {
        RedisStorage {
            sessions: Sessions::new(queue),
        }
    }
}

/// A cookie value that could be one of our ids (43 characters of URL-safe base64); anything
/// else is never looked up.
fn plausible(id: &str) -> bool {
    (20..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn unavailable(e: impl std::fmt::Display) -> poem::Error {
    tracing::warn!(error = %e, "console sessions unavailable");
    poem::Error::from_status(poem::http::StatusCode::SERVICE_UNAVAILABLE)
}

impl SessionStorage for RedisStorage {
    async fn load_session<'a>(
        &'a self,
        session_id: &'a str,
    ) -> poem::Result<Option<BTreeMap<String, Value>>> {
        if !plausible(session_id) {
            return Ok(None);
        }
        let Some(json) = self.sessions.load(session_id).await.map_err(unavailable)? else {
            return Ok(None);
        };
        // An unreadable session is no session: the visitor signs in again.
        Ok(serde_json::from_str(&json).ok())
    }

    async fn update_session<'a>(
        &'a self,
        session_id: &'a str,
        entries: &'a BTreeMap<String, Value>,
        expires: Option<Duration>,
    ) -> poem::Result<()> {
        let json = serde_json::to_string(entries).map_err(unavailable)?;
        self.sessions
            .store(
                session_id,
                &json,
                expires.unwrap_or(Duration::from_secs(3600)),
            )
            .await
            .map_err(unavailable)
    }

    async fn remove_session<'a>(&'a self, session_id: &'a str) -> poem::Result<()> {
        self.sessions.remove(session_id).await.map_err(unavailable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plausible_ids_reach_redis() {
        assert!(plausible("Zk3l0sdf-_93jfkslLKJDF0923jlskdjf0923jslkdjf"));
        assert!(!plausible("short"));
        assert!(!plausible("has:colon-and-more-characters-to-be-long"));
        assert!(!plausible(&"a".repeat(65)));
    }
}

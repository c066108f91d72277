//! The workers' short cache of each property's feature flags (`store::flags`), shared by every
//! handler of the process through [`crate::state::AppState::flags`].
//!
//! Why a cache: the flags are read on the per-message path (every `ParseIntent` turn, every
//! voice note), and they change a few times a year; one primary-key lookup per message is
//! cheap, but it is a round trip on the path a guest waits on, for an answer that is almost
//! always the same. Why only a few seconds (`FLAG_CACHE_SECONDS`, default 5): a change is
//! made by a person who then watches for its effect (an owner who switches the bot off
//! expects the next guest message to go unanswered), and every worker process holds its own
//! cache with no invalidation message, so the TTL is the whole promise: a change reaches
//! every worker within it. 5 s keeps that promise within a human's "right away" while a busy
//! property's messages read the table once per 5 s per process instead of once each.
//!
//! One entry per property a process has seen (a fleet serves tens or hundreds), never evicted
//! but refreshed after the TTL. It must never be the source of truth (a miss or an expired entry reads the table), never
//! outlive its TTL, and never hold its lock across an await.

use std::{collections::HashMap, sync::Mutex, time::Duration};

use sqlx::PgExecutor;
use store::{StoreError, flags::PropertyFlags};
use tokio::time::Instant;

/// Default of `FLAG_CACHE_SECONDS`.
pub const DEFAULT_TTL: Duration = Duration::from_secs(5);

/// Each property's flags as last read, for at most `ttl`.
#[derive(Debug)]
pub struct FlagCache {
    ttl: Duration,
    read: Mutex<HashMap<i64, (Instant, PropertyFlags)>>,
}

impl FlagCache {
    /// A cache whose entries live `ttl` (zero: every read goes to the table).
    pub fn new(ttl: Duration) -> FlagCache {
        FlagCache {
            ttl,
            read: Mutex::new(HashMap::new()),
        }
    }

    /// The property's flags: cached when read less than the TTL ago, else read through `db`
    /// (the job's transaction, so a turn never waits for a second connection) and kept.
    pub async fn get(
        &self,
        db: impl PgExecutor<'_>,
        property_id: i64,
    ) -> Result<PropertyFlags, StoreError> {
        if let Some(flags) = self.fresh(property_id, Instant::now()) {
            return Ok(flags);
        }
        let flags = store::flags::load(db, property_id).await?;
        self.keep(property_id, flags, Instant::now());
        Ok(flags)
    }

    /// The cached flags of a property at `now`, when read less than the TTL before.
    fn fresh(&self, property_id: i64, now: Instant) -> Option<PropertyFlags> {
        let read = self.read.lock().unwrap_or_else(|p| p.into_inner());
        read.get(&property_id)
            .filter(|(at, _)| now.saturating_duration_since(*at) < self.ttl)
            .map(|(_, flags)| *flags)
    }

    /// Remembers what was read at `at`.
    fn keep(&self, property_id: i64, flags: PropertyFlags, at: Instant) {
        if self.ttl.is_zero() {
            return;
        }
        let mut read = self.read.lock().unwrap_or_else(|p| p.into_inner());
        read.insert(property_id, (at, flags));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::flags::Change;

    #[test]
    fn an_entry_lives_exactly_the_ttl() {
        let cache = FlagCache::new(Duration::from_secs(5));
        let t0 = Instant::now();
        assert_eq!(cache.fresh(1, t0), None);
        let off = PropertyFlags::default().with(Change::AutoReplies(false));
        cache.keep(1, off, t0);
        assert_eq!(cache.fresh(1, t0), Some(off));
        assert_eq!(cache.fresh(2, t0), None, "another property");
        let ms = |n| t0 + Duration::from_millis(n);
        assert_eq!(cache.fresh(1, ms(4_999)), Some(off));
        assert_eq!(cache.fresh(1, ms(5_000)), None, "expired at the TTL");
        // Read again: fresh for another TTL.
        cache.keep(1, PropertyFlags::default(), ms(5_000));
        assert_eq!(cache.fresh(1, ms(9_999)), Some(PropertyFlags::default()));
    }

    #[test]
    fn a_zero_ttl_keeps_nothing() {
        let cache = FlagCache::new(Duration::ZERO);
        let now = Instant::now();
        cache.keep(1, PropertyFlags::default(), now);
        assert_eq!(cache.fresh(1, now), None);
    }
}

//! Small pieces of shared state that other parts of the fleet keep in the queue's Redis: a
//! short-lived lock ([`Locks`]), a sliding-window counter ([`RateWindow`]), a list that keeps
//! only its newest entries ([`CappedList`]), a pause per throttled provider ([`Pauses`]), the
//! record of what the providers accepted ([`Deliveries`]) and the staff console's sessions
//! ([`Sessions`]).
//!
//! Each is a handle built from a [`RedisQueue`](crate::RedisQueue): the same multiplexed
//! connection and the same key prefix, so a fleet (or a test) on its own prefix never sees
//! another's. Each owns one key namespace under the prefix, written in its docs.
//!
//! This module must never read or write a key of the queue protocol (`P:q:…`, `P:job:…`,
//! `P:workers`): jobs change state only through the scripts of [`backend`](crate::backend).
//! Nothing here is a correctness guarantee for a job: a lock may lapse, a window may be lost
//! with Redis; the database and the queue protocol have the last word.

mod capped_list;
pub mod deliveries;
mod lock;
mod pauses;
mod rate_window;
mod sessions;

pub use capped_list::CappedList;
pub use deliveries::Deliveries;
pub use lock::{Lock, Locks};
pub use pauses::Pauses;
pub use rate_window::RateWindow;
pub use sessions::Sessions;

/// Errors of the coordination handles: only Redis can fail them.
#[derive(Debug, thiserror::Error)]
pub enum CoordinationError {
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    /// The write reached the primary but fewer replicas than asked confirmed it in time: a
    /// failover now could lose it, so it does not count as done.
    #[error("only {acknowledged} of {wanted} Redis replicas confirmed the write in time")]
    NotReplicated { wanted: u32, acknowledged: u32 },
}

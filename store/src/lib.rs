//! PostgreSQL, the fleet's source of truth: the pool, the migrations, and one store module per
//! area of the one schema. Every SQL statement of the workers lives here.
//!
//! # Layout
//! - [`pool`]: connecting, creating the database, migrating (`migrations/`).
//! - [`idempotency`]: a job's idempotency record, the first write of its transaction.
//! - [`outbox`]: the transactional outbox: effects (replies to guests, follow-up jobs) written
//!   in the transaction that caused them, relayed after commit, swept after a crash.
//! - [`properties`], [`availability`]: properties, accommodations and the nights taken.
//! - [`holds`], [`reservations`], [`payments`]: placing, confirming and expiring stays.
//! - [`conversations`]: guests' conversations, their state and messages.
//! - [`ical`]: imported feeds, their events and overbooking conflicts.
//!
//! A store function takes a connection (usually the job's transaction) and does what its name
//! says; it never decides (decisions are the pure crates' job), never calls a provider and
//! never commits a transaction it was handed.

pub mod availability;
pub mod conversations;
pub mod holds;
pub mod ical;
pub mod idempotency;
pub mod outbox;
pub mod payments;
pub mod pool;
pub mod properties;
pub mod reservations;

pub use pool::{MIGRATOR, connect, create_if_missing, migrate, ping};

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value this build cannot read (a bug or a schema drift, not worth retrying).
    #[error("stored value unreadable: {0}")]
    Corrupt(String),
}

impl From<StoreError> for jobs::JobError {
    fn from(e: StoreError) -> Self {
        match e {
            // A database failure is worth retrying: the connection, a deadlock, a failover.
            StoreError::Database(_) => jobs::JobError::transient(e.to_string()),
            StoreError::Corrupt(_) => jobs::JobError::permanent(e.to_string()),
        }
    }
}

/// A connection or a transaction: every store function takes one.
pub type Conn = sqlx::PgConnection;

//! PostgreSQL, the fleet's source of truth: the pool, the migrations, and one store module per
//! area of the one schema. Every SQL statement of the workers lives here.
//!
//! # Layout
//! - [`pool`]: connecting, creating the database, migrating (`migrations/`).
//! - [`idempotency`]: a job's idempotency record, the first write of its transaction.
//! - [`outbox`]: the transactional outbox: effects (replies to guests, follow-up jobs) written
//!   in the transaction that caused them, relayed after commit, swept after a crash.
//! - [`properties`], [`availability`]: properties, accommodations (each with its seasons) and
//!   the nights taken.
//! - [`holds`], [`reservations`], [`payments`]: placing, confirming and expiring stays.
//! - [`conversations`]: guests' conversations, their state and messages.
//! - [`turns`]: a conversation turn's reads in one statement and its writes in another.
//! - [`ical`]: imported feeds, their events and overbooking conflicts.
//! - [`flags`]: feature flags per property (spoken replies, email, auto-replies, the PMS).
//! - [`photos`]: cabin photos uploaded from the console, served by their unguessable token.
//! - [`retention`]: deleting history past its age, in small batches.
//! - [`statuses`]: what the providers say became of our replies (sent, delivered, failed).
//! - [`dead_letters`]: the dead-letter watcher's place in each queue, and whose property a dead
//!   job was about.
//! - [`staff`], [`console`]: the staff console's accounts and audit log, and what its pages read
//!   and write (always filtered by the signed-in account's property).
//!
//! A store function takes a connection (usually the job's transaction) and does what its name
//! says; it never decides (decisions are the pure crates' job), never calls a provider and
//! never commits a transaction it was handed.

pub mod availability;
pub mod console;
pub mod conversations;
pub mod dead_letters;
pub mod flags;
pub mod holds;
pub mod ical;
pub mod idempotency;
pub mod outbox;
pub mod payments;
pub mod photos;
pub mod pms;
pub mod pool;
pub mod properties;
pub mod reservations;
pub mod retention;
pub mod staff;
pub mod statuses;
pub mod turns;

pub use pool::{MIGRATOR, ServerLimits, connect, create_if_missing, migrate, ping};

/// What can go wrong in a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value this build cannot read (a bug or a schema drift, not worth retrying).
    #[error("stored value unreadable: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// The database cannot be reached or takes no more connections (stopped, restarting,
    /// failing over, full): nothing this job did is at fault, and it should wait for the
    /// database rather than use up its attempts.
    pub fn is_unreachable(&self) -> bool {
        match self {
            StoreError::Database(e) => unreachable(e),
            StoreError::Corrupt(_) => false,
        }
    }
}

/// How long a job waits for an unreachable database before it looks again.
pub const UNREACHABLE_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

fn unreachable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        // A connection cut mid-message reads as a protocol error.
        | sqlx::Error::Protocol(_)
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_) => true,
        // Class 08: connection exceptions; 57P01-03: shut down or starting up; 53300: too many
        // connections; 53400: a configured limit.
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            code.starts_with("08")
                || matches!(&*code, "57P01" | "57P02" | "57P03" | "53300" | "53400")
        }),
        _ => false,
    }
}

impl From<StoreError> for jobs::JobError {
    fn from(e: StoreError) -> Self {
        if e.is_unreachable() {
            return jobs::JobError::DependencyOpen {
                dependency: "postgres".into(),
                retry_after: UNREACHABLE_WAIT,
            };
        }
        match e {
            // Worth retrying: a deadlock, a serialization failure, a statement timeout.
            StoreError::Database(_) => jobs::JobError::transient(e.to_string()),
            StoreError::Corrupt(_) => jobs::JobError::permanent(e.to_string()),
        }
    }
}

/// A connection or a transaction: every store function takes one.
pub type Conn = sqlx::PgConnection;

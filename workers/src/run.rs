//! A running job's effects: the shape every handler has.
//!
//! ```text
//! let run = Run::of(&job.meta);
//! if let Some(tx) = run.begin(db)? {       // its idempotency record; None: an earlier run
//!     load (store) → decide (a pure function) → write the new state (store)
//!     run.commit(tx, &effects)?;           // effects into the outbox, same transaction
//! }
//! outbox::flush(&state, &run)?;            // hand them to the queue
//! ```
//!
//! A conversation turn opens with `begin_unrecorded` instead and its first statement writes
//! `run.record()` (one round trip fewer where a guest waits); finding it there, it ends with
//! `run.replay(tx)` and goes on to the flush.
//!
//! It never decides, loads or sends anything: it records, commits and remembers what it wrote.

use std::sync::Mutex;

use jobs::{JobError, JobMeta};
use store::outbox::{Cause, NewEffect, Unrelayed};

/// A running job as its effects know it: the key they are recorded under, and the trace they
/// continue.
pub struct Run {
    key: String,
    queue: &'static str,
    job_id: String,
    traceparent: Option<String>,
    request_id: Option<String>,
    /// What this run committed to the outbox, for the relay.
    written: Mutex<Written>,
}

/// What the relay must hand over after this run.
#[derive(Default)]
enum Written {
    /// This run committed nothing: whatever is unrelayed of its cause is in the outbox.
    #[default]
    Nothing,
    /// This run committed these rows, and they are all there is to relay.
    Rows(Vec<Unrelayed>),
    /// An earlier run committed effects: they may still wait in the outbox.
    Replayed,
}

impl Run {
    pub fn of(meta: &JobMeta) -> Run {
        Run {
            key: meta.effect_key(),
            queue: meta.queue.as_str(),
            job_id: meta.id.clone(),
            // The job's own span when tracing exports one, else the trace it came with.
            traceparent: jobs::telemetry::traceparent_of(&tracing::Span::current())
                .or_else(|| meta.traceparent.clone()),
            request_id: meta.request_id.clone(),
            written: Mutex::new(Written::Nothing),
        }
    }

    /// The job's effect key: its idempotency record, and the cause of its outbox rows.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Opens the job's transaction with its idempotency record, or `None` when an earlier run
    /// committed its effects.
    pub async fn begin(
        &self,
        db: &sqlx::PgPool,
    ) -> Result<Option<sqlx::Transaction<'static, sqlx::Postgres>>, JobError> {
        let tx = store::idempotency::begin(db, self.record()).await?;
        if tx.is_none() {
            self.replayed();
        }
        Ok(tx)
    }

    /// Opens the job's transaction for a handler whose first statement takes the idempotency
    /// record itself (a conversation turn: `store::turns::open`), one round trip fewer on the
    /// path a guest waits on. The handler must hand the statement [`Run::record`] and, when it
    /// finds the record was already there, end with [`Run::replay`].
    pub async fn begin_unrecorded(
        &self,
        db: &sqlx::PgPool,
    ) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, JobError> {
        db.begin()
            .await
            .map_err(|e| store::StoreError::from(e).into())
    }

    /// The idempotency record this run's effects are committed under.
    pub fn record(&self) -> store::idempotency::Record<'_> {
        store::idempotency::Record {
            key: &self.key,
            queue: self.queue,
            job_id: &self.job_id,
        }
    }

    /// An earlier run committed this job's effects: nothing of this transaction stays, and the
    /// relay reads what that run left in the outbox.
    pub async fn replay(
        &self,
        tx: sqlx::Transaction<'static, sqlx::Postgres>,
    ) -> Result<(), JobError> {
        tx.rollback().await.map_err(store::StoreError::from)?;
        tracing::info!(key = %self.key, "effects already committed by an earlier run; nothing to do");
        self.replayed();
        Ok(())
    }

    /// Marks this run as a replay of a committed one (the relay will read the outbox).
    fn replayed(&self) {
        *self.written.lock().unwrap_or_else(|e| e.into_inner()) = Written::Replayed;
    }

    /// The rows this run committed, when they are all the relay must hand over; `None` when
    /// the relay must read the outbox (a replay, or nothing committed by this run).
    pub fn take_written(&self) -> Option<Vec<Unrelayed>> {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        match std::mem::take(&mut *written) {
            Written::Rows(rows) => Some(rows),
            other => {
                *written = other;
                None
            }
        }
    }

    /// Writes the job's effects in its transaction and commits: state and effects together.
    pub async fn commit(
        &self,
        mut tx: sqlx::Transaction<'static, sqlx::Postgres>,
        effects: &[NewEffect],
    ) -> Result<(), JobError> {
        let rows = store::outbox::write(&mut tx, self.cause(), effects).await?;
        self.committed(tx, rows).await
    }

    /// Closes a conversation turn: the conversation's new state and the turn's effects in one
    /// statement, then the commit.
    pub async fn commit_turn(
        &self,
        mut tx: sqlx::Transaction<'static, sqlx::Postgres>,
        conversation_id: i64,
        state: &conversation::state::ConversationState,
        effects: &[NewEffect],
    ) -> Result<(), JobError> {
        let rows =
            store::turns::close(&mut tx, conversation_id, state, self.cause(), effects).await?;
        self.committed(tx, rows).await
    }

    fn cause(&self) -> Cause<'_> {
        Cause {
            key: &self.key,
            traceparent: self.traceparent.as_deref(),
            request_id: self.request_id.as_deref(),
        }
    }

    /// Commits and remembers the rows written, for the relay.
    async fn committed(
        &self,
        tx: sqlx::Transaction<'static, sqlx::Postgres>,
        rows: Vec<Unrelayed>,
    ) -> Result<(), JobError> {
        tx.commit().await.map_err(store::StoreError::from)?;
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *written {
            Written::Nothing => *written = Written::Rows(rows),
            Written::Rows(earlier) => earlier.extend(rows),
            Written::Replayed => {}
        }
        drop(written);
        if crate::config::crash_after_commit() == Some(self.queue) {
            // Fault injection for the tests that prove the sweeper (never set in production):
            // the process dies between its commit and its flush, as a SIGKILL or OOM would.
            tracing::error!(
                queue = self.queue,
                "FLEET_TEST_CRASH_AFTER_COMMIT: dying after commit"
            );
            std::process::abort();
        }
        Ok(())
    }
}

//! The contract between a job type and the worker runtime, and the shape every handler has:
//!
//! ```text
//! run = Run::of(meta); tx = run.begin()   (None: an earlier run committed; skip to flush)
//! load (store modules) → decide (a pure function) → write the new state (store modules)
//! run.commit(tx, effects)                 (effects into the outbox, same transaction)
//! outbox::flush(state, &run)              (hand them to the queue)
//! ```

use std::{
    future::Future,
    marker::PhantomData,
    task::{Context, Poll},
};

use apalis_core::task::Task;
use futures::{FutureExt, future::BoxFuture};
use jobs::{Envelope, Job, JobError, JobMeta};
use std::sync::Mutex;

use store::outbox::{Cause, NewEffect, Unrelayed};

use crate::state::State;

/// Implemented once per job type, in `handlers/`.
pub trait Handle: Job {
    fn handle(
        state: State,
        job: Envelope<Self>,
    ) -> impl Future<Output = Result<(), JobError>> + Send;
}

/// The tower service apalis drives for a job type.
pub struct JobService<J> {
    state: State,
    _job: PhantomData<fn(J)>,
}

impl<J> JobService<J> {
    pub fn new(state: State) -> Self {
        JobService {
            state,
            _job: PhantomData,
        }
    }
}

impl<J> Clone for JobService<J> {
    fn clone(&self) -> Self {
        JobService::new(self.state.clone())
    }
}

impl<J: Handle> tower::Service<Task<Envelope<J>>> for JobService<J> {
    type Response = ();
    type Error = JobError;
    type Future = BoxFuture<'static, Result<(), JobError>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, task: Task<Envelope<J>>) -> Self::Future {
        let envelope = task.args;
        let span = tracing::info_span!(
            "job",
            queue = %J::QUEUE,
            job_id = %envelope.meta.id,
            attempt = envelope.meta.attempt,
            request_id = envelope.meta.request_id.as_deref().unwrap_or(""),
            trace_id = trace_id(envelope.meta.traceparent.as_deref()),
        );
        if let Some(traceparent) = &envelope.meta.traceparent {
            jobs::telemetry::continue_trace(&span, traceparent);
        }
        tracing::Instrument::instrument(J::handle(self.state.clone(), envelope), span).boxed()
    }
}

/// The trace id of a W3C `traceparent` (`00-<trace id>-<span id>-<flags>`).
pub fn trace_id(traceparent: Option<&str>) -> &str {
    traceparent.and_then(|t| t.split('-').nth(1)).unwrap_or("")
}

/// A running job as its effects know it: the key they are recorded under, and the trace they
/// continue.
pub struct Run {
    key: String,
    queue: &'static str,
    job_id: String,
    traceparent: Option<String>,
    request_id: Option<String>,
    /// What this run wrote to the outbox, while it is the only thing to relay: `None` until
    /// a commit, and for good once `begin` found an earlier run's record (then the relay reads
    /// every unrelayed row of this cause instead).
    written: Mutex<Written>,
}

#[derive(Default)]
enum Written {
    #[default]
    Nothing,
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
        let record = store::idempotency::Record {
            key: &self.key,
            queue: self.queue,
            job_id: &self.job_id,
        };
        let tx = store::idempotency::begin(db, record).await?;
        if tx.is_none() {
            self.replayed();
        }
        Ok(tx)
    }

    /// Marks this run as a replay of a committed one (the relay will read the outbox).
    pub fn replayed(&self) {
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
        let cause = Cause {
            key: &self.key,
            traceparent: self.traceparent.as_deref(),
            request_id: self.request_id.as_deref(),
        };
        let rows = store::outbox::write(&mut tx, cause, effects).await?;
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

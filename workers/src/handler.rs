//! The contract between a job type and the worker runtime: the [`Handle`] trait and the tower
//! service apalis drives. The shape every handler has is [`crate::run`]'s.

use std::{
    future::Future,
    marker::PhantomData,
    task::{Context, Poll},
};

use apalis_core::task::Task;
use futures::{FutureExt, future::BoxFuture};
use jobs::{Envelope, Job, JobError};

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

//! The adapter between the queue protocol and apalis' worker runtime.
//!
//! [`QueueBackend`] is what a `WorkerBuilder` polls: it claims as many jobs as the worker has
//! free slots, blocking on Redis when there are none (no polling loop). [`AckLayer`] wraps the
//! handler: when it returns Ok the slot is free at once and the ack is stored in the background,
//! in batches; a failure (retry with backoff, or dead letter) is stored before the slot frees,
//! so the worker's next claim already sees the retry's due time. The job stays in the worker's
//! ledger (and so under its lease) until its outcome is stored, and a graceful stop waits for
//! every outcome before it releases anything, so a stop never leaves an unrecorded run.
//! Retries happen only through the schedule zset: the job's own policy is the only one.
//!
//! Claims and outcomes are retried on connection blips ([`retrying`]); what still fails is
//! squared by the worker's reconciler ([`ledger`](super::ledger)), so no job stays in a live
//! worker's in-flight list with nobody running it.

use std::{
    collections::VecDeque,
    marker::PhantomData,
    panic::AssertUnwindSafe,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    task::{Context, Poll},
    time::{Duration, Instant},
};

use super::RedisConnection;
use apalis_core::{
    backend::{Backend, BackendConfig},
    error::BoxDynError,
    task::{Task, builder::TaskBuilder, task_id::RandomId},
    worker::context::WorkerContext,
};
use futures::{FutureExt, future::BoxFuture};
use tokio::{sync::mpsc, task::JoinHandle};
use tower::{Layer, Service};

use super::{
    Claimed, QueueError, RedisQueue,
    ledger::{Ledger, spawn_reconciler},
    retrying::{Persistence, retrying},
};
use crate::{
    envelope::{Envelope, JobMeta},
    queue::{Job, QueueName},
    retry::{Disposition, JobError, RetryPolicy},
};

type FetchResult = (Option<RedisConnection>, Result<Vec<Claimed>, QueueError>);

/// An apalis backend over one queue of the fleet's Redis protocol.
pub struct QueueBackend<J: Job> {
    queue: RedisQueue,
    name: QueueName,
    wid: Arc<str>,
    slots: usize,
    outstanding: Arc<AtomicUsize>,
    ledger: Arc<Ledger>,
    reconciler: JoinHandle<()>,
    buffer: VecDeque<Claimed>,
    conn: Option<RedisConnection>,
    fetch: Option<BoxFuture<'static, FetchResult>>,
    close: Option<BoxFuture<'static, Result<u64, QueueError>>>,
    failed_last: bool,
    layer: AckLayer,
    _job: PhantomData<fn() -> J>,
}

impl<J: Job> std::fmt::Debug for QueueBackend<J> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueueBackend")
            .field("queue", &self.name)
            .field("worker", &self.wid)
            .finish_non_exhaustive()
    }
}

impl<J: Job> QueueBackend<J> {
    /// A backend for a worker that runs at most `slots` jobs at once. Must be created inside the
    /// Tokio runtime (it starts the worker's acknowledgement task).
    pub fn new(queue: RedisQueue, slots: usize) -> Self {
        let name = J::QUEUE;
        let wid: Arc<str> =
            format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple()).into();
        queue.remember_member(name, &wid);
        let outstanding = Arc::new(AtomicUsize::new(0));
        let ledger = Arc::new(Ledger::default());
        let reconciler = spawn_reconciler(queue.clone(), name, wid.clone(), ledger.clone());
        let acks = spawn_ack_batcher(queue.clone(), name, wid.clone(), ledger.clone());
        let layer = AckLayer {
            queue: queue.clone(),
            name,
            wid: wid.clone(),
            policy: J::retry_policy(),
            outstanding: outstanding.clone(),
            ledger: ledger.clone(),
            acks,
        };
        QueueBackend {
            queue,
            name,
            wid,
            slots: slots.max(1),
            outstanding,
            ledger,
            reconciler,
            buffer: VecDeque::new(),
            conn: None,
            fetch: None,
            close: None,
            failed_last: false,
            layer,
            _job: PhantomData,
        }
    }

    /// Replaces the job type's backoff (attempt limits stay those stored with each job).
    pub fn with_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.layer.policy = policy;
        self
    }

    pub fn worker_id(&self) -> &str {
        &self.wid
    }

    fn start_fetch(&mut self) {
        let free = self
            .slots
            .saturating_sub(self.outstanding.load(Ordering::Acquire))
            .max(1);
        let worker = FetchingWorker {
            queue: self.queue.clone(),
            name: self.name,
            wid: self.wid.clone(),
            ledger: self.ledger.clone(),
        };
        let conn = self.conn.take();
        let pause = self.failed_last;
        self.fetch = Some(
            async move {
                if pause {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                worker.fetch_batch(free, conn).await
            }
            .boxed(),
        );
    }

    fn decode(&self, claimed: Claimed) -> Option<Task<Envelope<J>>> {
        match serde_json::from_str::<J>(&claimed.payload) {
            Ok(payload) => Some(
                TaskBuilder::new(Envelope {
                    meta: claimed.meta,
                    payload,
                })
                .build(),
            ),
            Err(e) => {
                // Nothing can ever run this payload: dead-letter it with the reason.
                self.outstanding.fetch_sub(1, Ordering::AcqRel);
                tracing::error!(queue = %self.name, job_id = %claimed.meta.id, error = %e, "undecodable job payload");
                let error = JobError::permanent(format!("undecodable payload: {e}"));
                let layer = self.layer.clone();
                tokio::spawn(async move { layer.record_failure(&claimed.meta, error).await });
                None
            }
        }
    }
}

/// What a fetch needs of its worker (owned, so the fetch future is `'static`).
struct FetchingWorker {
    queue: RedisQueue,
    name: QueueName,
    wid: Arc<str>,
    ledger: Arc<Ledger>,
}

impl FetchingWorker {
    /// Claims up to `n` jobs; when none is ready, blocks until one is (or the next scheduled
    /// one falls due) and claims then.
    async fn fetch_batch(self, n: usize, conn: Option<RedisConnection>) -> FetchResult {
        let next_due = match self.claim_held(n).await {
            Ok((claimed, _)) if !claimed.is_empty() => return (conn, Ok(claimed)),
            Ok((_, next_due)) => next_due,
            Err(e) => return (conn, Err(e)),
        };
        let mut conn = match conn {
            Some(c) => c,
            None => match self.queue.blocking_connection().await {
                Ok(c) => c,
                Err(e) => return (None, Err(e)),
            },
        };
        let wait = self.block_for(next_due);
        match self
            .queue
            .wait_ready(&mut conn, self.name, &self.wid, wait)
            .await
        {
            Ok(None) => (Some(conn), Ok(Vec::new())),
            // The job is in our fetched list: this claim (or, if it fails, the next) takes it.
            Ok(Some(_)) => (Some(conn), self.claim_held(n).await.map(|(c, _)| c)),
            // The connection may be broken: open a new one next time. A job the BLMOVE moved
            // before the error waits in our fetched list for the next claim.
            Err(e) => (None, Err(e)),
        }
    }

    /// How long an idle fetch may block: until the next scheduled job is due, at most `block`.
    fn block_for(&self, next_due: Option<i64>) -> Duration {
        let block = self.queue.config().block;
        match next_due {
            Some(due) => {
                let now = chrono::Utc::now().timestamp_millis();
                Duration::from_millis((due - now).clamp(10, block.as_millis() as i64) as u64)
            }
            None => block,
        }
    }

    /// Claims (retrying blips) and enters the jobs in the ledger within the same turn, so the
    /// reconciler never sees them unheld. A failed try may still have moved jobs: the ledger is
    /// told, and the reconciler gives them back.
    async fn claim_held(&self, n: usize) -> Result<(Vec<Claimed>, Option<i64>), QueueError> {
        retrying("claim", Persistence::CLAIM, || async {
            let _turn = self.ledger.turn().await;
            let answer = self.queue.claim(self.name, &self.wid, n).await;
            match &answer {
                Ok((claimed, _)) => self.ledger.hold(claimed.iter().map(|c| c.meta.id.as_str())),
                Err(_) => self.ledger.suspect(),
            }
            answer
        })
        .await
    }
}

impl<J: Job> Backend for QueueBackend<J> {
    type Task = Task<Envelope<J>>;
    type Error = QueueError;

    fn poll_ready(
        &mut self,
        _: &mut Context<'_>,
        _: &WorkerContext,
    ) -> Poll<Result<(), QueueError>> {
        Poll::Ready(Ok(()))
    }

    fn poll_next(
        &mut self,
        cx: &mut Context<'_>,
        _: &WorkerContext,
    ) -> Poll<Option<Result<Self::Task, QueueError>>> {
        loop {
            if let Some(claimed) = self.buffer.pop_front() {
                if let Some(task) = self.decode(claimed) {
                    return Poll::Ready(Some(Ok(task)));
                }
                continue;
            }
            if self.fetch.is_none() {
                self.start_fetch();
            }
            let Some(fetch) = self.fetch.as_mut() else {
                continue;
            };
            let (conn, result) = futures::ready!(fetch.poll_unpin(cx));
            self.fetch = None;
            self.conn = conn;
            match result {
                Ok(claimed) => {
                    self.failed_last = false;
                    self.outstanding.fetch_add(claimed.len(), Ordering::AcqRel);
                    self.buffer.extend(claimed);
                }
                Err(e) => {
                    // Redis is away: keep the worker alive and try again shortly.
                    tracing::warn!(queue = %self.name, error = %e, "fetch failed; retrying");
                    self.failed_last = true;
                }
            }
        }
    }

    fn poll_close(
        &mut self,
        cx: &mut Context<'_>,
        _: &WorkerContext,
    ) -> Poll<Result<(), QueueError>> {
        // A fetch already sent may still move a job into our in-flight list: let it land first.
        if let Some(fetch) = self.fetch.as_mut() {
            let (_, _) = futures::ready!(fetch.poll_unpin(cx));
            self.fetch = None;
        }
        if self.close.is_none() {
            // The release below hands back all the reconciler would, and more.
            self.reconciler.abort();
            self.buffer.clear();
            let (queue, name, wid) = (self.queue.clone(), self.name, self.wid.clone());
            let ledger = self.ledger.clone();
            self.close = Some(
                async move {
                    // Runs have finished; their outcomes may still be on their way.
                    ledger.all_settled().await;
                    let unrecorded = ledger.release_all();
                    retrying("release", Persistence::OUTCOME, || {
                        queue.release_with_unrecorded(name, &wid, &unrecorded)
                    })
                    .await
                }
                .boxed(),
            );
        }
        let Some(close) = self.close.as_mut() else {
            return Poll::Ready(Ok(()));
        };
        let released = futures::ready!(close.poll_unpin(cx))?;
        if released > 0 {
            tracing::info!(queue = %self.name, released, "handed back claimed jobs that had not started");
        }
        Poll::Ready(Ok(()))
    }
}

impl<J: Job> Drop for QueueBackend<J> {
    fn drop(&mut self) {
        self.reconciler.abort();
        // Without a graceful close, stop renewing the lease: recover then returns our jobs.
        self.queue.forget_member(self.name, &self.wid);
    }
}

impl<J: Job> BackendConfig for QueueBackend<J> {
    type Args = Envelope<J>;
    type Id = RandomId;
    type Kind = apalis_core::backend::finalize::Ephemeral;
    type Config = ();
    type Layer = AckLayer;

    fn config(&self) -> &Self::Config {
        &()
    }

    fn middleware(&mut self, _: &mut WorkerContext) -> Self::Layer {
        self.layer.clone()
    }
}

/// Records each run's outcome in Redis; see the module docs.
#[derive(Clone)]
pub struct AckLayer {
    queue: RedisQueue,
    name: QueueName,
    wid: Arc<str>,
    policy: RetryPolicy,
    outstanding: Arc<AtomicUsize>,
    ledger: Arc<Ledger>,
    acks: mpsc::UnboundedSender<String>,
}

impl std::fmt::Debug for AckLayer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AckLayer")
            .field("queue", &self.name)
            .finish_non_exhaustive()
    }
}

impl<S> Layer<S> for AckLayer {
    type Service = AckService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        AckService {
            inner,
            ctx: self.clone(),
        }
    }
}

/// See [`AckLayer`].
#[derive(Clone, Debug)]
pub struct AckService<S> {
    inner: S,
    ctx: AckLayer,
}

impl<S, J> Service<Task<Envelope<J>>> for AckService<S>
where
    S: Service<Task<Envelope<J>>>,
    S::Future: Send + 'static,
    S::Error: Into<BoxDynError>,
    J: Job,
{
    type Response = ();
    type Error = BoxDynError;
    type Future = BoxFuture<'static, Result<(), BoxDynError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, task: Task<Envelope<J>>) -> Self::Future {
        let meta = task.args.meta.clone();
        let run = AssertUnwindSafe(self.inner.call(task)).catch_unwind();
        let ctx = self.ctx.clone();
        async move {
            let wait_ms = chrono::Utc::now().timestamp_millis() - meta.enqueued_at_ms;
            let started = Instant::now();
            let result = match run.await {
                Ok(Ok(_)) => Ok(()),
                Ok(Err(e)) => Err(classify(e.into())),
                Err(_) => Err(JobError::transient("the handler panicked")),
            };
            let q = ctx.name.as_str();
            metrics::histogram!("fleet_job_wait_seconds", "queue" => q)
                .record(wait_ms.max(0) as f64 / 1000.0);
            metrics::histogram!("fleet_job_duration_seconds", "queue" => q)
                .record(started.elapsed().as_secs_f64());
            match result {
                Ok(()) => ctx.dispatch_ack(meta.id),
                Err(error) => ctx.record_failure(&meta, error).await,
            }
            ctx.outstanding.fetch_sub(1, Ordering::AcqRel);
            Ok(())
        }
        .boxed()
    }
}

fn classify(error: BoxDynError) -> JobError {
    match error.downcast::<JobError>() {
        Ok(job_error) => *job_error,
        Err(other) if other.is::<tower::timeout::error::Elapsed>() => {
            JobError::transient("the job ran past its timeout")
        }
        Err(other) => JobError::transient(other.to_string()),
    }
}

impl AckLayer {
    /// Hands a success to the ack batcher; the job stays held until its batch is stored.
    fn dispatch_ack(&self, id: String) {
        self.ledger.recording();
        if let Err(unsent) = self.acks.send(id) {
            self.ledger.settle(&unsent.0, false);
        }
    }

    /// Stores a failure (retrying blips) and settles the job in the ledger.
    async fn record_failure(&self, meta: &JobMeta, error: JobError) {
        self.ledger.recording();
        let stored = self.store_failure(meta, error).await;
        if let Err(e) = &stored {
            tracing::error!(
                queue = %self.name, job_id = %meta.id, error = %e,
                "could not record a job's failure; it goes back to ready"
            );
        }
        self.ledger.settle(&meta.id, stored.is_ok());
    }

    /// Schedules the retry or dead-letters the job, as its policy says (retrying blips).
    async fn store_failure(&self, meta: &JobMeta, error: JobError) -> Result<(), QueueError> {
        let q = self.name.as_str();
        let (delay, refund, outcome) =
            match self
                .policy
                .disposition(&error, meta.attempt, meta.max_attempts)
            {
                Disposition::RetryAfter(d) => (Some(d), false, "retried"),
                Disposition::WaitAfter(d) => (Some(d), true, "deferred"),
                Disposition::Dead => (None, false, "dead"),
                Disposition::Superseded => {
                    tracing::warn!(
                        queue = q, job_id = %meta.id, attempt = meta.attempt, error = %error,
                        "periodic job failed; the next tick does its work"
                    );
                    metrics::counter!("fleet_jobs_total", "queue" => q, "outcome" => "superseded")
                        .increment(1);
                    let ids = [meta.id.clone()];
                    retrying("ack", Persistence::OUTCOME, || {
                        self.queue.ack(self.name, &self.wid, &ids)
                    })
                    .await?;
                    return Ok(());
                }
            };
        tracing::warn!(
            queue = q, job_id = %meta.id, attempt = meta.attempt, max_attempts = meta.max_attempts,
            outcome, retry_in_ms = delay.map(|d| d.as_millis() as u64), error = %error,
            "job run failed"
        );
        metrics::counter!("fleet_jobs_total", "queue" => q, "outcome" => outcome).increment(1);
        let error = error.to_string();
        retrying("fail", Persistence::OUTCOME, || {
            self.queue
                .fail(self.name, &self.wid, &meta.id, delay, refund, &error)
        })
        .await?;
        Ok(())
    }
}

/// Collects acknowledgements and sends them in batches: at high throughput one script call
/// acknowledges hundreds of jobs; at low throughput each ack goes out at once. Each job is
/// settled in the ledger once its batch is stored (or given up).
fn spawn_ack_batcher(
    queue: RedisQueue,
    name: QueueName,
    wid: Arc<str>,
    ledger: Arc<Ledger>,
) -> mpsc::UnboundedSender<String> {
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    tokio::spawn(async move {
        let mut batch = Vec::with_capacity(512);
        while rx.recv_many(&mut batch, 512).await > 0 {
            let stored = retrying("ack", Persistence::OUTCOME, || {
                queue.ack(name, &wid, &batch)
            })
            .await
            .is_ok();
            if stored {
                metrics::counter!("fleet_jobs_total", "queue" => name.as_str(), "outcome" => "completed")
                    .increment(batch.len() as u64);
            } else {
                tracing::error!(queue = %name, jobs = batch.len(), "could not record acks; the jobs go back to ready");
            }
            for id in batch.drain(..) {
                ledger.settle(&id, stored);
            }
        }
    });
    tx
}

//! The fleet's queue under an apalis worker, wired as `workers/src/runtime.rs` wires it:
//! `WorkerBuilder` + `QueueBackend` + `.concurrency(slots)` + the process's `Heartbeat`, with a
//! no-op handler, so what is measured is the queue and the runtime, not the work.
//!
//! - [`drain`]: processed/s of a backlog enqueued beforehand (plain jobs, or every job with an
//!   idempotency key as production enqueues them), from worker start until the queue's depth
//!   (pending + running) reads 0; every job must have run exactly once, nothing may be left in
//!   dead letters or retries, and only the stats key (and, for keyed jobs, their idempotency
//!   keys, which live out their TTL) may remain under the prefix.
//! - [`pickup`]: how long a job pushed to an idle worker waits before its handler starts.
//!
//! `parallel` adds apalis' `.parallelize(tokio::spawn)` (each handler call in a task of its
//! own); production does not use it today, so both are measured.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use apalis::prelude::{ParallelizeExt, WorkerBuilder, WorkerBuilderExt};
use apalis_core::{error::WorkerError, task::Task};
use jobs::{
    EnqueueOptions, Envelope, JobError, QueueName, RedisQueue, RedisQueueConfig,
    backend::{Heartbeat, QueueBackend},
    payloads::ExpireHolds,
};
use tokio::{
    sync::{mpsc, watch},
    task::JoinHandle,
};

use super::enqueue::{self, Keying};
use crate::{
    logs::Warnings,
    scratch,
    stats::{self, Summary},
    sys::{CpuSpan, CpuUsage},
};

/// What the no-op handler saw.
#[derive(Debug)]
pub(super) struct Recorder {
    runs: AtomicU64,
    duplicates: AtomicU64,
    /// One flag per job (its `tick_ms` is its index): proves each ran exactly once.
    seen: Vec<AtomicBool>,
    starts: Option<mpsc::UnboundedSender<Instant>>,
}

impl Recorder {
    pub(super) fn new(jobs: usize, starts: Option<mpsc::UnboundedSender<Instant>>) -> Arc<Self> {
        Arc::new(Recorder {
            runs: AtomicU64::new(0),
            duplicates: AtomicU64::new(0),
            seen: (0..jobs).map(|_| AtomicBool::new(false)).collect(),
            starts,
        })
    }

    fn record(&self, tick: i64) {
        let now = Instant::now();
        self.runs.fetch_add(1, Ordering::Relaxed);
        if let Some(flag) = usize::try_from(tick).ok().and_then(|i| self.seen.get(i))
            && flag.swap(true, Ordering::Relaxed)
        {
            self.duplicates.fetch_add(1, Ordering::Relaxed);
        }
        if let Some(tx) = &self.starts {
            let _ = tx.send(now);
        }
    }

    pub(super) fn duplicates(&self) -> u64 {
        self.duplicates.load(Ordering::Relaxed)
    }

    pub(super) fn missing(&self) -> u64 {
        self.seen
            .iter()
            .filter(|f| !f.load(Ordering::Relaxed))
            .count() as u64
    }
}

/// A worker process stand-in: apalis worker + the fleet's backend + the lease keeper.
pub(super) struct BenchWorker {
    stop: watch::Sender<bool>,
    task: JoinHandle<Result<(), WorkerError>>,
    heartbeat: Heartbeat,
}

pub(super) fn start_worker(
    queue: &RedisQueue,
    slots: usize,
    parallel: bool,
    recorder: Arc<Recorder>,
) -> BenchWorker {
    let backend = QueueBackend::<ExpireHolds>::new(queue.clone(), slots);
    let name = format!("bench-{}", backend.worker_id());
    let service = tower::service_fn(move |task: Task<Envelope<ExpireHolds>>| {
        recorder.record(task.args.payload.tick_ms);
        std::future::ready(Ok::<(), JobError>(()))
    });
    let (stop, stopped) = watch::channel(false);
    let builder = WorkerBuilder::new(name).backend(backend).concurrency(slots);
    let task = if parallel {
        let worker = builder.parallelize(tokio::spawn).build(service);
        tokio::spawn(worker.run_until(until(stopped)))
    } else {
        tokio::spawn(builder.build(service).run_until(until(stopped)))
    };
    // As in production: the lease keeper starts once the worker exists.
    let heartbeat = Heartbeat::spawn(queue.clone());
    BenchWorker {
        stop,
        task,
        heartbeat,
    }
}

async fn until(mut stopped: watch::Receiver<bool>) -> Result<(), std::io::Error> {
    let _ = stopped.wait_for(|s| *s).await;
    Ok(())
}

impl BenchWorker {
    /// Graceful stop; the worker's own error, if it ended with one.
    pub(super) async fn stop(self) -> Result<(), String> {
        let _ = self.stop.send(true);
        let result = match tokio::time::timeout(Duration::from_secs(30), self.task).await {
            Err(_) => Err("worker did not stop within 30 s".to_owned()),
            Ok(Err(join)) => Err(format!("worker task failed: {join}")),
            Ok(Ok(Err(e))) => Err(format!("worker ended with an error: {e}")),
            Ok(Ok(Ok(()))) => Ok(()),
        };
        self.heartbeat.stop();
        result
    }
}

async fn fresh_queue(redis_url: &str, what: &str) -> anyhow::Result<RedisQueue> {
    // The production defaults (lease 15 s, fetch block 1 s, promote limit 500).
    let cfg = RedisQueueConfig::new(redis_url, scratch::prefix(what));
    Ok(RedisQueue::connect(cfg).await?)
}

/// One drained backlog.
#[derive(Debug, Clone)]
pub struct Drain {
    pub jobs: usize,
    pub keying: Keying,
    pub elapsed: Duration,
    pub runs: u64,
    pub duplicates: u64,
    pub missing: u64,
    pub dead: u64,
    pub scheduled: u64,
    pub warnings: u64,
    pub worker_error: Option<String>,
    /// Keys under the prefix once the worker stopped, before clean-up, but idempotency keys.
    pub keys_left: Vec<String>,
    /// Idempotency keys under the prefix once the worker stopped (one per keyed job).
    pub idempotency_keys_left: usize,
    pub stats_key: String,
    pub cpu: CpuUsage,
}

impl Drain {
    pub fn per_sec(&self) -> f64 {
        stats::rate(self.jobs as u64, self.elapsed)
    }

    /// Everything that makes the run unclean, counted.
    pub fn errors(&self) -> u64 {
        self.duplicates
            + self.missing
            + self.dead
            + self.scheduled
            + self.warnings
            + u64::from(self.worker_error.is_some())
    }

    /// Only the stats key is left, and one idempotency key per job when the jobs were keyed.
    pub fn left_as_expected(&self) -> bool {
        let keys = match self.keying {
            Keying::Plain => 0,
            Keying::Keyed => self.jobs,
        };
        self.keys_left == [self.stats_key.clone()] && self.idempotency_keys_left == keys
    }
}

/// Enqueues `jobs` no-op jobs, then runs one worker with `slots` until the queue is empty.
pub async fn drain(
    redis_url: &str,
    jobs: usize,
    slots: usize,
    parallel: bool,
    keying: Keying,
    warnings: &Warnings,
) -> anyhow::Result<Drain> {
    let queue = fresh_queue(redis_url, "drain").await?;
    let mut conn = scratch::connect(redis_url).await?;
    let result = drain_on(&queue, &mut conn, jobs, slots, parallel, keying, warnings).await;
    queue.purge().await?;
    result
}

async fn drain_on(
    queue: &RedisQueue,
    conn: &mut redis::aio::MultiplexedConnection,
    jobs: usize,
    slots: usize,
    parallel: bool,
    keying: Keying,
    warnings: &Warnings,
) -> anyhow::Result<Drain> {
    let q = QueueName::ExpireHolds;
    enqueue::push_bulk(queue, jobs, keying).await?;
    let pending = queue.depth(&[q]).await?[0].1.pending;
    anyhow::ensure!(
        pending == jobs as u64,
        "expected {jobs} pending, found {pending}"
    );
    let recorder = Recorder::new(jobs, None);
    let warned_before = warnings.count();
    // Generous: a stalled worker must fail the run, not hang it.
    let limit = Duration::from_secs(120) + Duration::from_millis(jobs as u64);
    let span = CpuSpan::start(conn).await;
    let started = Instant::now();
    let worker = start_worker(queue, slots, parallel, recorder.clone());
    let mut stalled = None;
    loop {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let d = queue.depth(&[q]).await?[0].1;
        if d.pending + d.running == 0 {
            break;
        }
        if worker.task.is_finished() {
            stalled = Some(format!("worker ended early with {} pending", d.pending));
            break;
        }
        if started.elapsed() > limit {
            stalled = Some(format!("not drained after {limit:?}: {d:?}"));
            break;
        }
    }
    let elapsed = started.elapsed();
    let cpu = span.finish(conn).await;
    let stopped = worker.stop().await;
    let depth = queue.depth(&[q]).await?[0].1;
    let idempotency = format!("{}:idem:", queue.prefix());
    let (idempotency_keys, keys_left): (Vec<String>, Vec<String>) =
        scratch::keys_under(conn, queue.prefix())
            .await?
            .into_iter()
            .partition(|k| k.starts_with(&idempotency));
    let worker_error = match (stalled, stopped) {
        (Some(s), _) => Some(s),
        (None, Err(e)) => Some(e),
        (None, Ok(())) => None,
    };
    Ok(Drain {
        jobs,
        keying,
        elapsed,
        runs: recorder.runs.load(Ordering::Relaxed),
        duplicates: recorder.duplicates.load(Ordering::Relaxed),
        missing: recorder.missing(),
        dead: depth.dead,
        scheduled: depth.scheduled,
        warnings: warnings.count() - warned_before,
        worker_error,
        keys_left,
        idempotency_keys_left: idempotency_keys.len(),
        stats_key: format!("{}:q:{q}:stats", queue.prefix()),
        cpu,
    })
}

/// Pickup latency: the worker idles for `idle`, then one job is pushed; the time from just before
/// the push call until its handler starts. `samples` times, one job at a time.
pub async fn pickup(
    redis_url: &str,
    samples: usize,
    slots: usize,
    idle: Duration,
) -> anyhow::Result<Summary> {
    let queue = fresh_queue(redis_url, "pickup").await?;
    let result = pickup_on(&queue, samples, slots, idle).await;
    queue.purge().await?;
    result
}

async fn pickup_on(
    queue: &RedisQueue,
    samples: usize,
    slots: usize,
    idle: Duration,
) -> anyhow::Result<Summary> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let recorder = Recorder::new(samples, Some(tx));
    let worker = start_worker(queue, slots, false, recorder);
    let mut latencies = Vec::with_capacity(samples);
    let mut failure = None;
    for i in 0..samples {
        tokio::time::sleep(idle).await;
        let pushed = Instant::now();
        if let Err(e) = queue
            .enqueue(
                &ExpireHolds { tick_ms: i as i64 },
                EnqueueOptions::default(),
            )
            .await
        {
            failure = Some(format!("enqueue failed: {e}"));
            break;
        }
        match tokio::time::timeout(Duration::from_secs(60), rx.recv()).await {
            Ok(Some(started)) => latencies.push(started.saturating_duration_since(pushed)),
            _ => {
                failure = Some(format!("job {i} did not start within 60 s"));
                break;
            }
        }
    }
    let stopped = worker.stop().await;
    if let Some(f) = failure {
        anyhow::bail!(f);
    }
    if let Err(e) = stopped {
        anyhow::bail!(e);
    }
    stats::summarize(latencies).ok_or_else(|| anyhow::anyhow!("no pickup samples"))
}

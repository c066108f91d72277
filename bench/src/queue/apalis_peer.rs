//! The peer: raw apalis-redis 1.0.0, tuned as well as it goes, on the same payload and worker
//! runtime as the fleet. Settings and why:
//! - `batch_size(100)`: 100 jobs per fetch (the default 10 is slower).
//! - `lock_tasks(false)`: the default locks each job with an `LREM` over the whole active list,
//!   a cost proportional to the backlog (408 jobs/s at 100k in `notes/apalis-redis.md`).
//! - `emit_events(false)`: nothing subscribes here (`RedisStorage::new` polls), so the PUBLISH per
//!   push and per result is pure cost.
//! - `persist_results` stays on: it is the acknowledgement that takes a finished job out of the
//!   worker's in-flight set; without it every job would be re-run when the worker is next
//!   presumed dead.
//!
//! Every push lands in `{q}:scheduled` (a zset, even "run now"), and each fetch promotes all
//! due jobs in one Lua call that fails from ~8,000 due jobs (`too many results to unpack`). The
//! jobs are therefore pre-promoted before the clock starts, by the same moves the fetch script
//! makes (`RPUSH {q}:active` + `ZREM {q}:scheduled`), in chunks of 5,000 (below that limit).
//! With the backlog already in `{q}:active` the fetch promotes nothing, so one round of the
//! whole backlog works and no 7,000-job rounds are needed.
//!
//! The clock runs from worker start until `{q}:done` holds every job (each result recorded,
//! comparable to the fleet's "depth reads 0", which also waits for the acknowledgements).

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use apalis::prelude::{ParallelizeExt, TaskSink, WorkerBuilder, WorkerBuilderExt};
use apalis_core::error::BoxDynError;
use apalis_redis::{Config, RedisStorage};
use jobs::payloads::ExpireHolds;
use redis::aio::MultiplexedConnection;
use tokio::sync::watch;

use crate::{
    logs::Warnings,
    scratch, stats,
    sys::{CpuSpan, CpuUsage},
};

const PROMOTE_CHUNK: usize = 5_000;

/// Registration adds every queue to this global zset (outside any prefix); removed at clean-up.
const QUEUES_LIST: &str = scratch::APALIS_QUEUES_LIST;

#[derive(Debug, Clone)]
pub struct PeerRun {
    pub jobs: usize,
    pub parallel: bool,
    pub enqueue_per_s: f64,
    pub processed_per_s: f64,
    /// Until the handler had run every job (results not yet all recorded).
    pub handled_per_s: Option<f64>,
    pub warnings: u64,
    pub cpu: CpuUsage,
}

/// The moves apalis-redis' `fetch_next.lua` makes for due jobs, in chunks it can unpack.
const PROMOTE: &str = r"
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #ids > 0 then
  redis.call('RPUSH', KEYS[2], unpack(ids))
  redis.call('ZREM', KEYS[1], unpack(ids))
end
return #ids
";

pub async fn run(
    redis_url: &str,
    jobs: usize,
    slots: usize,
    parallel: bool,
    warnings: &Warnings,
) -> anyhow::Result<PeerRun> {
    let prefix = scratch::prefix("apalis");
    let config = Config::default()
        .queue(format!("{prefix}:expire_holds"))
        .batch_size(100)
        .lock_tasks(false)
        .emit_events(false);
    let mut conn = scratch::connect(redis_url).await?;
    let result = run_on(
        redis_url, &mut conn, &config, jobs, slots, parallel, warnings,
    )
    .await;
    scratch::remove_under(&mut conn, &prefix).await?;
    let _: i64 = redis::cmd("ZREM")
        .arg(QUEUES_LIST)
        .arg(config.workers_set())
        .query_async(&mut conn)
        .await?;
    result
}

async fn run_on(
    redis_url: &str,
    conn: &mut MultiplexedConnection,
    config: &Config,
    jobs: usize,
    slots: usize,
    parallel: bool,
    warnings: &Warnings,
) -> anyhow::Result<PeerRun> {
    let manager = apalis_redis::connect(redis_url).await?;
    let mut storage = RedisStorage::<ExpireHolds>::new(manager).with_config(config.clone());

    let started = Instant::now();
    for start in (0..jobs).step_by(1000) {
        let chunk = (start..(start + 1000).min(jobs))
            .map(|i| ExpireHolds { tick_ms: i as i64 })
            .collect();
        storage
            .push_bulk(chunk)
            .await
            .map_err(|e| anyhow::anyhow!("apalis-redis push_bulk: {e}"))?;
    }
    let enqueue_per_s = stats::rate(jobs as u64, started.elapsed());

    let promoted = promote(conn, config).await?;
    anyhow::ensure!(
        promoted == jobs as u64,
        "pre-promoted {promoted} of {jobs} jobs"
    );

    let handled = Arc::new(AtomicU64::new(0));
    let seen = handled.clone();
    let handler = move |_job: ExpireHolds| {
        let seen = seen.clone();
        async move {
            seen.fetch_add(1, Ordering::Relaxed);
            Ok::<(), BoxDynError>(())
        }
    };
    // Worker names must be unique per start (a stopped worker is never deregistered).
    let name = format!("bench-apalis-{}", uuid::Uuid::new_v4().simple());
    let (stop, mut stopped) = watch::channel(false);
    let until = async move {
        let _ = stopped.wait_for(|s| *s).await;
        Ok::<(), std::io::Error>(())
    };
    let warned_before = warnings.count();
    let span = CpuSpan::start(conn).await;
    let started = Instant::now();
    let builder = WorkerBuilder::new(name).backend(storage).concurrency(slots);
    let task = if parallel {
        tokio::spawn(
            builder
                .parallelize(tokio::spawn)
                .build(handler)
                .run_until(until),
        )
    } else {
        tokio::spawn(builder.build(handler).run_until(until))
    };

    let done_set = config.done_jobs_set();
    let limit = Duration::from_secs(120) + Duration::from_millis(jobs as u64);
    let mut handled_at = None;
    let outcome = loop {
        tokio::time::sleep(Duration::from_millis(5)).await;
        if handled_at.is_none() && handled.load(Ordering::Relaxed) >= jobs as u64 {
            handled_at = Some(started.elapsed());
        }
        let done: u64 = redis::cmd("SCARD").arg(&done_set).query_async(conn).await?;
        if done >= jobs as u64 {
            break Ok(started.elapsed());
        }
        if task.is_finished() {
            break Err(format!(
                "apalis-redis worker ended early after {done} of {jobs} jobs"
            ));
        }
        if started.elapsed() > limit {
            break Err(format!(
                "apalis-redis did {done} of {jobs} jobs in {limit:?}"
            ));
        }
    };
    let cpu = span.finish(conn).await;
    let _ = stop.send(true);
    let stopped = tokio::time::timeout(Duration::from_secs(30), task).await;
    let elapsed = outcome.map_err(anyhow::Error::msg)?;
    match stopped {
        Ok(Ok(Ok(()))) => {}
        Ok(Ok(Err(e))) => anyhow::bail!("apalis-redis worker ended with an error: {e}"),
        Ok(Err(e)) => anyhow::bail!("apalis-redis worker task failed: {e}"),
        Err(_) => anyhow::bail!("apalis-redis worker did not stop within 30 s"),
    }
    Ok(PeerRun {
        jobs,
        parallel,
        enqueue_per_s,
        processed_per_s: stats::rate(jobs as u64, elapsed),
        handled_per_s: handled_at.map(|t| stats::rate(jobs as u64, t)),
        warnings: warnings.count() - warned_before,
        cpu,
    })
}

/// Moves every scheduled job to the active list; returns how many moved.
async fn promote(conn: &mut MultiplexedConnection, config: &Config) -> anyhow::Result<u64> {
    let script = redis::Script::new(PROMOTE);
    let mut total = 0;
    loop {
        let moved: u64 = script
            .key(config.scheduled_jobs_set())
            .key(config.active_jobs_list())
            .arg(PROMOTE_CHUNK)
            .invoke_async(conn)
            .await?;
        if moved == 0 {
            return Ok(total);
        }
        total += moved;
    }
}

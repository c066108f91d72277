//! Enqueue rates of the fleet's own API (`RedisQueue`): bulk `push_many` of 1000-job chunks,
//! and single `enqueue` calls, one caller after another and from many callers at once (they
//! share one multiplexed connection, as the ingress's requests do). The payload is the smallest
//! real job, `ExpireHolds`, so the figure is the queue's cost, not serialisation.

use std::time::{Duration, Instant};

use jobs::{EnqueueOptions, RedisQueue, backend::NewJob, payloads::ExpireHolds};

use crate::stats;

pub const CHUNK: usize = 1000;

pub fn tick_job(tick_ms: i64) -> anyhow::Result<NewJob> {
    Ok(NewJob::new(
        &ExpireHolds { tick_ms },
        EnqueueOptions::default(),
    )?)
}

/// Pushes jobs `0..n` in chunks of [`CHUNK`]; returns how long it took. Encoding happens inside
/// the clock, as it does for a caller.
pub async fn push_bulk(queue: &RedisQueue, n: usize) -> anyhow::Result<Duration> {
    let started = Instant::now();
    for start in (0..n).step_by(CHUNK) {
        let jobs = (start..(start + CHUNK).min(n))
            .map(|i| tick_job(i as i64))
            .collect::<anyhow::Result<Vec<_>>>()?;
        queue.push_many(jobs).await?;
    }
    Ok(started.elapsed())
}

/// Jobs/s of `n` sequential `enqueue` calls.
pub async fn single_sequential(queue: &RedisQueue, n: usize) -> anyhow::Result<f64> {
    let started = Instant::now();
    for i in 0..n {
        queue
            .enqueue(
                &ExpireHolds { tick_ms: i as i64 },
                EnqueueOptions::default(),
            )
            .await?;
    }
    Ok(stats::rate(n as u64, started.elapsed()))
}

/// Jobs/s of `n` `enqueue` calls made by `callers` concurrent tasks.
pub async fn single_concurrent(
    queue: &RedisQueue,
    n: usize,
    callers: usize,
) -> anyhow::Result<f64> {
    let per_caller = n.div_ceil(callers);
    let started = Instant::now();
    let tasks: Vec<_> = (0..callers)
        .map(|c| {
            let queue = queue.clone();
            let range = (c * per_caller)..((c + 1) * per_caller).min(n);
            tokio::spawn(async move {
                let mut done = 0u64;
                for i in range {
                    queue
                        .enqueue(
                            &ExpireHolds { tick_ms: i as i64 },
                            EnqueueOptions::default(),
                        )
                        .await?;
                    done += 1;
                }
                Ok::<u64, jobs::QueueError>(done)
            })
        })
        .collect();
    let mut done = 0;
    for t in tasks {
        done += t.await??;
    }
    Ok(stats::rate(done, started.elapsed()))
}

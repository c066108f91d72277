//! Enqueue rates of the fleet's own API (`RedisQueue`): bulk `push_many` of 1000-job chunks,
//! and single `enqueue` calls, one caller after another and from many callers at once (they
//! share one multiplexed connection, as the ingress's requests do). The payload is the smallest
//! real job, `ExpireHolds`, so the figure is the queue's cost, not serialisation.
//!
//! Each figure comes plain and [`Keying::Keyed`]: every job with its own idempotency key, as
//! production enqueues every job (the ingress keys each delivery by the provider's message id,
//! the workers key each follow-up by its cause).

use std::time::{Duration, Instant};

use jobs::{
    EnqueueOptions, RedisQueue, backend::NewJob, domain::IdempotencyKey, payloads::ExpireHolds,
};

use crate::stats;

pub const CHUNK: usize = 1000;

/// Whether each job carries an idempotency key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keying {
    Plain,
    /// A key of its own per job, shaped like a WhatsApp message id (`wa:wamid.` + 44 characters).
    Keyed,
}

impl Keying {
    pub fn options(self, tick_ms: i64) -> anyhow::Result<EnqueueOptions> {
        Ok(match self {
            Keying::Plain => EnqueueOptions::default(),
            Keying::Keyed => EnqueueOptions::keyed(IdempotencyKey::namespaced(
                "wa",
                &format!("wamid.HBgNNTQ5MTE1NTU1MTIzNBUCABIYFjNF{tick_ms:012}"),
            )?),
        })
    }
}

pub fn tick_job(tick_ms: i64, keying: Keying) -> anyhow::Result<NewJob> {
    Ok(NewJob::new(
        &ExpireHolds { tick_ms },
        keying.options(tick_ms)?,
    )?)
}

/// Pushes jobs `0..n` in chunks of [`CHUNK`]; returns how long it took. Encoding happens inside
/// the clock, as it does for a caller. Every job must be enqueued (a keyed one must not be
/// taken for a duplicate).
pub async fn push_bulk(queue: &RedisQueue, n: usize, keying: Keying) -> anyhow::Result<Duration> {
    let started = Instant::now();
    for start in (0..n).step_by(CHUNK) {
        let jobs = (start..(start + CHUNK).min(n))
            .map(|i| tick_job(i as i64, keying))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let out = queue.push_many(jobs).await?;
        anyhow::ensure!(
            out.iter().all(|e| !e.duplicate),
            "a job of the bulk push was taken for a duplicate"
        );
    }
    Ok(started.elapsed())
}

/// Jobs/s of `n` sequential `enqueue` calls.
pub async fn single_sequential(
    queue: &RedisQueue,
    n: usize,
    keying: Keying,
) -> anyhow::Result<f64> {
    let started = Instant::now();
    for i in 0..n {
        let options = keying.options(i as i64)?;
        queue
            .enqueue(&ExpireHolds { tick_ms: i as i64 }, options)
            .await?;
    }
    Ok(stats::rate(n as u64, started.elapsed()))
}

/// Jobs/s of `n` `enqueue` calls made by `callers` concurrent tasks.
pub async fn single_concurrent(
    queue: &RedisQueue,
    n: usize,
    callers: usize,
    keying: Keying,
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
                    let options = keying.options(i as i64)?;
                    queue
                        .enqueue(&ExpireHolds { tick_ms: i as i64 }, options)
                        .await?;
                    done += 1;
                }
                anyhow::Ok(done)
            })
        })
        .collect();
    let mut done = 0;
    for t in tasks {
        done += t.await??;
    }
    Ok(stats::rate(done, started.elapsed()))
}

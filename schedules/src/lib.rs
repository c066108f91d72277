//! Cron schedules that enqueue tick jobs (`ExpireHolds`, `SyncIcal`).
//!
//! Every worker replica runs them. apalis-cron gives each replica the same tick timestamps, and
//! each tick is enqueued with the idempotency key `tick:<queue>:<timestamp>`, so N replicas
//! produce exactly one job per tick, and a replica that is down costs nothing.
//!
//! This crate must never run the tick's work itself: it only enqueues, so the work gets the
//! queue's retries, leases and dead letters like any other job.

use std::{future::Future, str::FromStr};

use apalis_cron::CronScheduler;
use futures::StreamExt;
use jobs::{
    EnqueueOptions, Job, RedisQueue,
    domain::IdempotencyKey,
    payloads::{ExpireHolds, SyncIcal},
};

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("invalid cron expression for {name} (`{expr}`): {reason}")]
    BadExpression {
        name: &'static str,
        expr: String,
        reason: String,
    },
}

/// One schedule: a cron expression (with seconds) and the job each tick enqueues.
pub struct Schedule {
    name: &'static str,
    cron: cron::Schedule,
    make: fn(tick_ms: i64) -> Result<jobs::backend::NewJob, jobs::QueueError>,
}

impl Schedule {
    fn parse(
        name: &'static str,
        expr: &str,
        make: fn(i64) -> Result<jobs::backend::NewJob, jobs::QueueError>,
    ) -> Result<Self, ScheduleError> {
        let cron = cron::Schedule::from_str(expr).map_err(|e| ScheduleError::BadExpression {
            name,
            expr: expr.to_owned(),
            reason: e.to_string(),
        })?;
        Ok(Schedule { name, cron, make })
    }

    /// `ExpireHolds` ticks (default every minute: `0 * * * * *`).
    pub fn expire_holds(expr: &str) -> Result<Self, ScheduleError> {
        Self::parse("expire_holds", expr, |tick_ms| {
            tick_job(&ExpireHolds { tick_ms }, tick_ms)
        })
    }

    /// `SyncIcal` fan-out ticks (default every 5 minutes: `0 */5 * * * *`).
    pub fn sync_ical(expr: &str) -> Result<Self, ScheduleError> {
        Self::parse("sync_ical", expr, |tick_ms| {
            tick_job(
                &SyncIcal {
                    feed_id: None,
                    tick_ms,
                },
                tick_ms,
            )
        })
    }
}

fn tick_job<J: Job>(job: &J, tick_ms: i64) -> Result<jobs::backend::NewJob, jobs::QueueError> {
    let key = IdempotencyKey::namespaced("tick", &format!("{}:{tick_ms}", J::QUEUE))
        .map_err(|e| jobs::QueueError::Protocol(e.to_string()))?;
    jobs::backend::NewJob::new(job, EnqueueOptions::keyed(key))
}

/// Runs every schedule until `shutdown` completes.
pub async fn run(queue: RedisQueue, schedules: Vec<Schedule>, shutdown: impl Future<Output = ()>) {
    let tasks = futures::future::join_all(schedules.into_iter().map(|s| run_one(queue.clone(), s)));
    tokio::select! {
        _ = tasks => {}
        _ = shutdown => {}
    }
}

async fn run_one(queue: RedisQueue, schedule: Schedule) {
    let name = schedule.name;
    let mut ticks = Box::pin(
        CronScheduler::new(schedule.cron)
            .with_timezone(chrono::Utc)
            .into_stream(),
    );
    while let Some(tick) = ticks.next().await {
        let tick_ms = match tick {
            Ok(t) => (t.get_timestamp() as i64) * 1000,
            Err(e) => {
                tracing::warn!(schedule = name, error = %e, "cron tick failed");
                continue;
            }
        };
        let enqueue = async {
            let job = (schedule.make)(tick_ms)?;
            queue.push_many(vec![job]).await
        };
        match enqueue.await {
            Ok(r) if r.first().is_some_and(|e| e.duplicate) => {
                tracing::debug!(
                    schedule = name,
                    tick_ms,
                    "tick already enqueued by another replica"
                )
            }
            Ok(_) => tracing::info!(schedule = name, tick_ms, "tick enqueued"),
            // A missed tick is covered by the next one (both jobs sweep everything due).
            Err(e) => {
                tracing::warn!(schedule = name, tick_ms, error = %e, "could not enqueue tick")
            }
        }
    }
}

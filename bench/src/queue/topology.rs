//! `fleet-bench topology`: the queue on Redis beyond one node (issue 15), each deployment
//! against the plain case in the same run, on servers the benchmark starts for itself
//! (testkit's `redis_nodes`: no persistence, loopback, killed when the run ends):
//!
//! - a. a local Redis Cluster of three primaries against one plain Redis with the same
//!   settings: processed/s of a keyed backlog drained at c=64 (with the bulk push rate that
//!   built it), and push latency of single keyed `enqueue` calls from 64 concurrent callers.
//!   Every key of a fleet shares its prefix's hash tag, so one fleet's traffic lands on one of
//!   the three primaries: the cluster's figure is one node's plus the cluster client's cost.
//! - b. a primary with one replica behind three sentinels, the queue finding it through them:
//!   push latency at a fixed offered rate (open loop, from each push's scheduled time, so a
//!   stall is not hidden), `replica_wait` one replica against off.
//!
//! Rounds are interleaved (plain, cluster, plain, …; off, wait, off, …), each figure is the
//! median round, so the comparison is between runs a few seconds apart. This module never
//! touches a Redis it did not start.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use jobs::{
    QueueName, RedisQueue, RedisQueueConfig,
    backend::{RedisTopology, ReplicaWait},
    payloads::ExpireHolds,
};
use testkit::redis_nodes::{LocalCluster, LocalRedis, LocalSentinels};
use tokio::sync::mpsc;

use super::{
    Rounds,
    enqueue::{self, Keying},
    fleet::{Recorder, start_worker},
};
use crate::{
    report::{Report, fmt_number},
    stats::{self, Summary, ms},
    sys::wait_quiet,
};

#[derive(Debug, clap::Args)]
pub struct TopologyArgs {
    /// Keyed jobs per backlog drain (a.).
    #[arg(long, default_value_t = 50_000)]
    jobs: usize,
    /// Single `enqueue` calls per push-latency run (a.).
    #[arg(long, default_value_t = 20_000)]
    pushes: usize,
    /// Concurrent callers of the push-latency run (a.) and worker slots of the drain.
    #[arg(long, default_value_t = 64)]
    callers: usize,
    /// Offered pushes per second (b.).
    #[arg(long, default_value_t = 2_000)]
    rate: u64,
    /// Seconds at the offered rate, per run (b.).
    #[arg(long, default_value_t = 10)]
    rate_secs: u64,
    /// `replica_wait`'s timeout (b.), as `REDIS_WAIT_TIMEOUT_MS`.
    #[arg(long, default_value_t = 500)]
    wait_timeout_ms: u64,
    /// Interleaved rounds of each comparison; each figure is the median round.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Also print the figures as JSON after the table.
    #[arg(long)]
    json: bool,
}

/// One backlog drained: how fast it went in and out.
#[derive(Debug, Clone)]
struct Drained {
    pushed_per_s: f64,
    processed_per_s: f64,
}

/// One push-latency run.
#[derive(Debug, Clone)]
struct Pushes {
    per_s: f64,
    latency: Summary,
}

/// One run at a fixed offered rate.
#[derive(Debug, Clone)]
struct Paced {
    /// From each push's scheduled time to its answer (acknowledged or refused).
    latency: Summary,
    refused: u64,
    first_refusal: Option<String>,
}

pub async fn run(args: TopologyArgs) -> anyhow::Result<()> {
    let rounds = args.rounds.max(1);
    progress("starting one Redis and a three-primary cluster");
    let single = LocalRedis::start()?;
    let cluster = LocalCluster::start()?;
    let (mut drained_single, mut drained_cluster) = (Rounds::new(), Rounds::new());
    let (mut pushes_single, mut pushes_cluster) = (Rounds::new(), Rounds::new());
    for round in 1..=rounds {
        for (name, url, drained, pushes) in [
            (
                "one Redis",
                single.url(),
                &mut drained_single,
                &mut pushes_single,
            ),
            (
                "cluster",
                cluster.url(),
                &mut drained_cluster,
                &mut pushes_cluster,
            ),
        ] {
            let quiet = wait_quiet(0.25, Duration::from_secs(20)).await;
            progress(&format!(
                "a. round {round}/{rounds}, {name}: {} keyed jobs drained at c={} [{}]",
                args.jobs,
                args.callers,
                quiet.describe()
            ));
            drained.push(flat(drain(&url, args.jobs, args.callers).await));
            progress(&format!(
                "a. round {round}/{rounds}, {name}: {} keyed enqueue calls from {} callers",
                args.pushes, args.callers
            ));
            pushes.push(flat(push_latency(&url, args.pushes, args.callers).await));
        }
    }
    drop((single, cluster));

    progress("starting a primary, its replica and three sentinels");
    let group = LocalSentinels::start("bench")?;
    let wait = ReplicaWait {
        replicas: 1,
        timeout: Duration::from_millis(args.wait_timeout_ms),
    };
    let (mut paced_off, mut paced_wait) = (Rounds::new(), Rounds::new());
    for round in 1..=rounds {
        for (name, replica_wait, paced) in [
            ("replica_wait off", None, &mut paced_off),
            ("replica_wait 1", Some(wait), &mut paced_wait),
        ] {
            let quiet = wait_quiet(0.25, Duration::from_secs(20)).await;
            progress(&format!(
                "b. round {round}/{rounds}, {name}: {}/s for {} s through Sentinel [{}]",
                args.rate,
                args.rate_secs,
                quiet.describe()
            ));
            paced.push(flat(
                at_rate(&group, replica_wait, args.rate, args.rate_secs).await,
            ));
        }
    }
    drop(group);

    let report = judge(
        &args,
        &[&drained_single, &drained_cluster],
        &[&pushes_single, &pushes_cluster],
        &[&paced_off, &paced_wait],
    );
    println!("{}", report.render());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    }
    Ok(())
}

fn progress(step: &str) {
    eprintln!(
        "[fleet-bench topology {}] {step}",
        chrono::Utc::now().format("%H:%M:%S")
    );
}

fn flat<T>(r: anyhow::Result<T>) -> Result<T, String> {
    r.map_err(|e| format!("{e:#}"))
}

/// A queue handle on a prefix of its own (the servers are the run's own; the prefix only keeps
/// one measurement's keys apart from the last one's).
async fn queue_on(
    topology: RedisTopology,
    wait: Option<ReplicaWait>,
) -> anyhow::Result<RedisQueue> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let mut cfg = RedisQueueConfig::new("", format!("bench-{}", &id[..12]));
    cfg.topology = topology;
    cfg.replica_wait = wait;
    Ok(RedisQueue::connect(cfg).await?)
}

/// `jobs` keyed jobs pushed in bulk, then drained by one worker with `slots` slots; every job
/// must run exactly once.
async fn drain(url: &str, jobs: usize, slots: usize) -> anyhow::Result<Drained> {
    let queue = queue_on(RedisTopology::from_url(url), None).await?;
    let pushed = enqueue::push_bulk(&queue, jobs, Keying::Keyed).await?;
    let recorder = Recorder::new(jobs, None);
    let started = Instant::now();
    let worker = start_worker(&queue, slots, false, recorder.clone());
    let limit = Duration::from_secs(120);
    let mut stalled = None;
    loop {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let d = queue.depth(&[QueueName::ExpireHolds]).await?[0].1;
        if d.pending + d.running == 0 {
            break;
        }
        if started.elapsed() > limit {
            stalled = Some(format!("not drained after {limit:?}: {d:?}"));
            break;
        }
    }
    let elapsed = started.elapsed();
    let stopped = worker.stop().await;
    queue.purge().await?;
    if let Some(why) = stalled {
        anyhow::bail!(why);
    }
    stopped.map_err(anyhow::Error::msg)?;
    let (missing, duplicates) = (recorder.missing(), recorder.duplicates());
    anyhow::ensure!(
        missing == 0 && duplicates == 0,
        "{missing} jobs never ran, {duplicates} ran twice"
    );
    Ok(Drained {
        pushed_per_s: stats::rate(jobs as u64, pushed),
        processed_per_s: stats::rate(jobs as u64, elapsed),
    })
}

/// `n` single keyed `enqueue` calls from `callers` concurrent tasks on one queue handle (as the
/// ingress's requests share one); each call's latency.
async fn push_latency(url: &str, n: usize, callers: usize) -> anyhow::Result<Pushes> {
    let queue = queue_on(RedisTopology::from_url(url), None).await?;
    let per_caller = n.div_ceil(callers.max(1));
    let started = Instant::now();
    let tasks: Vec<_> = (0..callers.max(1))
        .map(|c| {
            let queue = queue.clone();
            let range = (c * per_caller)..((c + 1) * per_caller).min(n);
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(range.len());
                for i in range {
                    let options = Keying::Keyed.options(i as i64)?;
                    let sent = Instant::now();
                    queue
                        .enqueue(&ExpireHolds { tick_ms: i as i64 }, options)
                        .await?;
                    latencies.push(sent.elapsed());
                }
                anyhow::Ok(latencies)
            })
        })
        .collect();
    let mut latencies = Vec::with_capacity(n);
    for t in tasks {
        latencies.extend(t.await??);
    }
    let elapsed = started.elapsed();
    queue.purge().await?;
    Ok(Pushes {
        per_s: stats::rate(latencies.len() as u64, elapsed),
        latency: stats::summarize(latencies).ok_or_else(|| anyhow::anyhow!("no pushes"))?,
    })
}

/// `rate` keyed pushes per second for `secs` through the group's sentinels, on a schedule that
/// does not wait for answers; latency from each push's scheduled time.
async fn at_rate(
    group: &LocalSentinels,
    wait: Option<ReplicaWait>,
    rate: u64,
    secs: u64,
) -> anyhow::Result<Paced> {
    let topology = group.topology();
    let queue = queue_on(topology, wait).await?;
    let total = rate.saturating_mul(secs).max(1);
    let interval = Duration::from_secs_f64(1.0 / rate.max(1) as f64);
    let (tx, mut rx) = mpsc::unbounded_channel::<(Duration, Option<String>)>();
    let collector = tokio::spawn(async move {
        let mut latencies = Vec::new();
        let (mut refused, mut first_refusal) = (0, None);
        while let Some((latency, error)) = rx.recv().await {
            latencies.push(latency);
            if let Some(e) = error {
                refused += 1;
                first_refusal.get_or_insert(e);
            }
        }
        (latencies, refused, first_refusal)
    });
    // The schedule runs on a thread of its own, as the ingress's open loop does: tokio's timer
    // wakes at 1 ms granularity, which would bunch pushes.
    let runtime = tokio::runtime::Handle::current();
    let origin = Instant::now() + Duration::from_millis(20);
    let queue = Arc::new(queue);
    let shared = queue.clone();
    let dispatcher = std::thread::spawn(move || {
        for i in 0..total {
            let due = origin + interval.mul_f64(i as f64);
            let now = Instant::now();
            if due > now {
                std::thread::sleep(due - now);
            }
            let (queue, tx) = (shared.clone(), tx.clone());
            runtime.spawn(async move {
                let result = match Keying::Keyed.options(i as i64) {
                    Ok(options) => queue
                        .enqueue(&ExpireHolds { tick_ms: i as i64 }, options)
                        .await
                        .map(|_| ())
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                let _ = tx.send((Instant::now().saturating_duration_since(due), result.err()));
            });
        }
    });
    tokio::task::spawn_blocking(move || dispatcher.join())
        .await?
        .map_err(|_| anyhow::anyhow!("the dispatcher panicked"))?;
    let (latencies, refused, first_refusal) = collector.await?;
    queue.purge().await?;
    Ok(Paced {
        latency: stats::summarize(latencies).ok_or_else(|| anyhow::anyhow!("no pushes"))?,
        refused,
        first_refusal,
    })
}

fn latency_text(s: &Summary) -> String {
    format!(
        "p50 {:.2}, p99 {:.2}, max {:.2} ms",
        ms(s.p50),
        ms(s.p99),
        ms(s.max)
    )
}

fn judge(
    args: &TopologyArgs,
    drained: &[&Rounds<Drained>; 2],
    pushes: &[&Rounds<Pushes>; 2],
    paced: &[&Rounds<Paced>; 2],
) -> Report {
    let mut r = Report::new(format!(
        "fleet-bench topology  {}  rounds={}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        args.rounds.max(1)
    ));
    r.section(format!(
        "a. one Redis against a three-primary Redis Cluster (local, no persistence), medians of {} rounds",
        args.rounds.max(1)
    ));
    let mut processed = Vec::new();
    for ((name, key), (d, p)) in [("one Redis", "single"), ("cluster", "cluster")]
        .into_iter()
        .zip(drained.iter().zip(pushes.iter()))
    {
        let median = d.median(|d| d.processed_per_s);
        r.maybe(
            &format!("{key}_processed_per_s"),
            &format!(
                "{name}: processed/s, {} keyed jobs at c={}",
                args.jobs, args.callers
            ),
            median
                .as_ref()
                .map(|d| d.processed_per_s)
                .map_err(Clone::clone),
            "jobs/s",
        );
        r.maybe(
            &format!("{key}_bulk_push_per_s"),
            &format!("{name}: bulk push_many of the backlog"),
            median
                .as_ref()
                .map(|d| d.pushed_per_s)
                .map_err(Clone::clone),
            "jobs/s",
        );
        processed.push(median.map(|d| d.processed_per_s));
        if let Some(spread) = d.spread(|d| d.processed_per_s, "/s") {
            r.note(format!("{name} processed/s: {spread}"));
        }
        if let Some(spread) = p.spread(|p| ms(p.latency.p99), "ms") {
            r.note(format!("{name} single enqueue p99: {spread}"));
        }
        let push = p.median(|p| ms(p.latency.p99));
        match &push {
            Ok(p) => {
                r.number(
                    &format!("{key}_push_p99_ms"),
                    &format!("{name}: single keyed enqueue p99, {} callers", args.callers),
                    ms(p.latency.p99),
                    "ms",
                );
                r.text(
                    &format!("{key}_push_latency"),
                    &format!("{name}: single keyed enqueue latency"),
                    latency_text(&p.latency),
                );
                r.number(
                    &format!("{key}_push_per_s"),
                    &format!("{name}: single keyed enqueue calls/s"),
                    p.per_s,
                    "/s",
                );
            }
            Err(why) => r.missing(&format!("{key}_push_p99_ms"), name, why.clone()),
        }
    }
    if let [Ok(single), Ok(cluster)] = processed.as_slice()
        && *single > 0.0
    {
        r.number(
            "cluster_over_single_processed",
            "cluster ÷ one Redis, processed/s",
            cluster / single,
            "×",
        );
    }

    r.section(format!(
        "b. {}/s keyed pushes for {} s, open loop, through Sentinel to a primary with one replica",
        fmt_number(args.rate as f64),
        args.rate_secs
    ));
    for ((name, key), p) in [
        ("replica_wait off", "wait_off"),
        (
            &*format!("replica_wait 1 replica, {} ms", args.wait_timeout_ms),
            "wait_1",
        ),
    ]
    .into_iter()
    .zip(paced.iter())
    {
        if let Some(spread) = p.spread(|p| ms(p.latency.p99), "ms") {
            r.note(format!("{name}: push p99 {spread}"));
        }
        match p.median(|p| ms(p.latency.p99)) {
            Ok(m) => {
                r.number(
                    &format!("{key}_push_p99_ms"),
                    &format!("{name}: push p99 (from its scheduled time)"),
                    ms(m.latency.p99),
                    "ms",
                );
                r.text(
                    &format!("{key}_push_latency"),
                    &format!("{name}: push latency"),
                    latency_text(&m.latency),
                );
                r.number(
                    &format!("{key}_refused"),
                    &format!("{name}: pushes refused"),
                    m.refused as f64,
                    "",
                );
                if let Some(e) = &m.first_refusal {
                    r.note(format!("{name}: first refusal: {e}"));
                }
            }
            Err(why) => r.missing(&format!("{key}_push_p99_ms"), name, why),
        }
    }
    r.note(
        "Every key of a fleet carries its prefix's hash tag: one fleet's queue traffic lands on one \
         primary of the cluster; what spreads over the primaries is fleets, not one fleet's queues.",
    );
    r
}

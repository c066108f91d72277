//! `fleet-bench queue`: every queue figure of the issue in one run, peers included, so that the
//! targets are judged as ratios measured minutes apart on the same Redis and the same cores.
//!
//! Order of the run (each step cleans up its own keys before the next starts):
//! a. LPUSH ceiling ([`lpush`]); b. fleet enqueue ([`enqueue`]); c./e. fleet processing of a
//! pre-enqueued backlog at concurrency 64 and 1, without and with `.parallelize` ([`fleet`]);
//! d. pickup latency ([`fleet::pickup`]); f. raw apalis-redis ([`apalis_peer`]); g. BullMQ
//! ([`bullmq`]). Then the ratios and the targets.
//!
//! Enqueue, processing at c=64 and BullMQ are measured twice: plain jobs, and keyed ones (every
//! job with an idempotency key, as production enqueues every job; BullMQ with a `jobId` per
//! job), so the figures of the path production takes stand beside the plain ones.
//!
//! [`topology`] holds `fleet-bench topology`: the queue on a Redis Cluster and behind Sentinel
//! (with and without `replica_wait`), each against the plain case, on servers of its own.

mod apalis_peer;
mod bullmq;
mod enqueue;
mod fleet;
mod lpush;
mod sidekiq;
pub mod topology;

use std::{path::PathBuf, time::Duration};

use jobs::{RedisQueue, RedisQueueConfig};

use self::enqueue::Keying;
use crate::{
    logs::Warnings,
    report::{Report, fmt_number},
    scratch,
    stats::{self, ms},
    sys::{CpuSpan, CpuUsage, Quiet, wait_quiet},
};

#[derive(Debug, clap::Args)]
pub struct QueueArgs {
    /// Jobs per throughput run (bulk enqueue, processing at c=64, the backlog, the peers).
    #[arg(long, default_value_t = 100_000)]
    jobs: usize,
    /// Jobs for the concurrency-1 runs (fleet and BullMQ); default: --jobs.
    #[arg(long)]
    jobs_c1: Option<usize>,
    /// Calls for each single-`enqueue` figure (sequential, and 64 concurrent callers).
    #[arg(long, default_value_t = 20_000)]
    single_jobs: usize,
    /// Pickup latency samples.
    #[arg(long, default_value_t = 200)]
    pickup_samples: usize,
    /// Worker slots for the pickup measurement (WORKER_CONCURRENCY's default).
    #[arg(long, default_value_t = 16)]
    pickup_slots: usize,
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    pub redis_url: String,
    /// The BullMQ peer script (copied to a temporary directory before `npm install`).
    #[arg(long, default_value = "../shared/bench/bullmq")]
    bullmq_dir: PathBuf,
    /// Leave BullMQ out (it needs node, npm and the npm registry).
    #[arg(long)]
    skip_bullmq: bool,
    /// Leave raw apalis-redis out.
    #[arg(long)]
    skip_apalis: bool,
    /// Rounds of the comparison group (LPUSH ceiling, bulk enqueue, fleet c=64, apalis-redis,
    /// BullMQ c=64), interleaved; each figure is the median round. On a shared machine, other
    /// work lands in some rounds and not others; the median and the spread show it.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Before each step, wait until other processes use less than this share of one core...
    #[arg(long, default_value_t = 0.25)]
    quiet_threshold: f64,
    /// ...but no longer than this many seconds (0: do not wait).
    #[arg(long, default_value_t = 20)]
    quiet_wait_secs: u64,
    /// Also print the figures as JSON after the table.
    #[arg(long)]
    json: bool,
}

const HIGH: usize = 64;

/// The same measurement repeated; the median round stands for all (see `--rounds`).
#[derive(Debug, Clone)]
struct Rounds<T> {
    runs: Vec<Result<T, String>>,
}

impl<T: Clone> Rounds<T> {
    fn new() -> Self {
        Rounds { runs: Vec::new() }
    }

    fn push(&mut self, run: Result<T, String>) {
        self.runs.push(run);
    }

    /// Each round's rate, `None` for a failed round.
    fn rates(&self, rate: impl Fn(&T) -> f64) -> Vec<Option<f64>> {
        self.runs
            .iter()
            .map(|r| r.as_ref().ok().map(&rate))
            .collect()
    }

    fn ok(&self) -> impl Iterator<Item = &T> {
        self.runs.iter().filter_map(|r| r.as_ref().ok())
    }

    /// The median successful round by `rate` (the upper one of an even count), or why none
    /// succeeded.
    fn median(&self, rate: impl Fn(&T) -> f64) -> Result<T, String> {
        let mut ok: Vec<&T> = self.ok().collect();
        if ok.is_empty() {
            return Err(self
                .runs
                .iter()
                .find_map(|r| r.as_ref().err().cloned())
                .unwrap_or_else(|| "not run".into()));
        }
        ok.sort_by(|a, b| rate(a).total_cmp(&rate(b)));
        Ok(ok[ok.len() / 2].clone())
    }

    /// `min - max over n rounds`, when there was more than one round.
    fn spread(&self, rate: impl Fn(&T) -> f64, unit: &str) -> Option<String> {
        if self.runs.len() < 2 {
            return None;
        }
        let rates: Vec<f64> = self.ok().map(rate).collect();
        let failed = self.runs.len() - rates.len();
        let min = rates.iter().copied().fold(f64::INFINITY, f64::min);
        let max = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let range = if rates.is_empty() {
            "none succeeded".to_owned()
        } else {
            format!("{} - {} {unit}", fmt_number(min), fmt_number(max))
        };
        Some(format!(
            "{range} over {} rounds{}",
            self.runs.len(),
            if failed > 0 {
                format!(" ({failed} failed)")
            } else {
                String::new()
            }
        ))
    }
}

type Bulk = (f64, Duration, CpuUsage);

/// Everything measured, before it is judged.
struct Measured {
    lpush: Rounds<lpush::Ceiling>,
    bulk: Rounds<Bulk>,
    bulk_keyed: Rounds<Bulk>,
    single: Singles,
    c64: Rounds<fleet::Drain>,
    c64_par: Rounds<fleet::Drain>,
    c64_keyed: Rounds<fleet::Drain>,
    c1: Result<fleet::Drain, String>,
    c1_par: Result<fleet::Drain, String>,
    pickup: Result<stats::Summary, String>,
    apalis: Rounds<apalis_peer::PeerRun>,
    apalis_par: Rounds<apalis_peer::PeerRun>,
    bull64: Rounds<bullmq::BullRun>,
    bull64_keyed: Rounds<bullmq::BullRun>,
    bull1: Result<bullmq::BullRun, String>,
    /// How busy the rest of the machine was as each step started.
    gates: Vec<(String, Quiet)>,
}

/// Single `enqueue` calls: one caller, 64 callers; plain and keyed.
struct Singles {
    seq: Rate,
    c64: Rate,
    seq_keyed: Rate,
    c64_keyed: Rate,
}

fn lpush_rate(c: &lpush::Ceiling) -> f64 {
    c.pipelined.clone().unwrap_or(0.0)
}

/// The median round of each repeated figure, with the single ones: what the table shows.
struct View<'a> {
    lpush: lpush::Ceiling,
    bulk: Result<Bulk, String>,
    bulk_keyed: Result<Bulk, String>,
    single: &'a Singles,
    c64: Result<fleet::Drain, String>,
    c64_par: Result<fleet::Drain, String>,
    c64_keyed: Result<fleet::Drain, String>,
    c1: &'a Result<fleet::Drain, String>,
    c1_par: &'a Result<fleet::Drain, String>,
    pickup: &'a Result<stats::Summary, String>,
    apalis: Vec<Result<apalis_peer::PeerRun, String>>,
    bull64: Result<bullmq::BullRun, String>,
    bull64_keyed: Result<bullmq::BullRun, String>,
    bull1: &'a Result<bullmq::BullRun, String>,
    gates: &'a [(String, Quiet)],
}

impl Measured {
    fn view(&self) -> View<'_> {
        let peer = |p: &apalis_peer::PeerRun| p.processed_per_s;
        let lpush = self
            .lpush
            .median(lpush_rate)
            .unwrap_or_else(|why| lpush::Ceiling {
                pipelined: Err(why.clone()),
                unpipelined: Err(why),
            });
        View {
            lpush,
            bulk: self.bulk.median(|b| b.0),
            bulk_keyed: self.bulk_keyed.median(|b| b.0),
            single: &self.single,
            c64: self.c64.median(fleet::Drain::per_sec),
            c64_par: self.c64_par.median(fleet::Drain::per_sec),
            c64_keyed: self.c64_keyed.median(fleet::Drain::per_sec),
            c1: &self.c1,
            c1_par: &self.c1_par,
            pickup: &self.pickup,
            apalis: if self.apalis.runs.is_empty() {
                Vec::new()
            } else {
                vec![self.apalis.median(peer), self.apalis_par.median(peer)]
            },
            bull64: self.bull64.median(|b| b.process_per_s),
            bull64_keyed: self.bull64_keyed.median(|b| b.process_per_s),
            bull1: &self.bull1,
            gates: &self.gates,
        }
    }
}

/// Waits for a quiet machine before a step, and remembers how quiet it was.
struct Gate<'a> {
    args: &'a QueueArgs,
    seen: Vec<(String, Quiet)>,
}

impl Gate<'_> {
    async fn before(&mut self, step: &str) {
        let quiet = if self.args.quiet_wait_secs == 0 {
            Quiet {
                waited: Duration::ZERO,
                others: None,
                reached: true,
            }
        } else {
            wait_quiet(
                self.args.quiet_threshold,
                Duration::from_secs(self.args.quiet_wait_secs),
            )
            .await
        };
        progress(&format!("{step} [{}]", quiet.describe()));
        self.seen.push((step.to_owned(), quiet));
    }
}

fn progress(step: &str) {
    eprintln!(
        "[fleet-bench queue {}] {step}",
        chrono::Utc::now().format("%H:%M:%S")
    );
}

fn flat<T>(r: anyhow::Result<T>) -> Result<T, String> {
    r.map_err(|e| format!("{e:#}"))
}

pub async fn run(args: QueueArgs, warnings: Warnings) -> anyhow::Result<()> {
    let mut probe = scratch::connect(&args.redis_url).await?;
    let _: String = redis::cmd("PING").query_async(&mut probe).await?;
    let all = measure(&args, &warnings).await;
    let report = judge(&args, &all.view(), &all);
    println!("{}", report.render());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    }
    Ok(())
}

async fn measure(args: &QueueArgs, warnings: &Warnings) -> Measured {
    let url = args.redis_url.as_str();
    let jobs = args.jobs;
    let jobs_c1 = args.jobs_c1.unwrap_or(jobs);
    let mut gate = Gate {
        args,
        seen: Vec::new(),
    };
    let bull = if args.skip_bullmq {
        Err("skipped (--skip-bullmq)".to_owned())
    } else {
        progress("g. BullMQ: copy and npm install (once)");
        bullmq::install(&args.bullmq_dir).await
    };

    let mut lpush = Rounds::new();
    let (mut bulk, mut bulk_keyed) = (Rounds::new(), Rounds::new());
    let (mut c64, mut c64_par, mut c64_keyed) = (Rounds::new(), Rounds::new(), Rounds::new());
    let (mut apalis, mut apalis_par) = (Rounds::new(), Rounds::new());
    let (mut bull64, mut bull64_keyed) = (Rounds::new(), Rounds::new());
    let rounds = args.rounds.max(1);
    for round in 1..=rounds {
        let tag = format!("round {round}/{rounds}");
        gate.before(&format!(
            "a. {tag}: redis-benchmark LPUSH ceiling (-P 16, then -P 1)"
        ))
        .await;
        lpush.push(Ok(lpush::measure(url).await));

        gate.before(&format!("b. {tag}: bulk enqueue of {jobs} jobs"))
            .await;
        bulk.push(bulk_figure(url, jobs, Keying::Plain).await);
        gate.before(&format!(
            "b. {tag}: bulk enqueue of {jobs} keyed jobs (a key each)"
        ))
        .await;
        bulk_keyed.push(bulk_figure(url, jobs, Keying::Keyed).await);

        for (parallel, keying) in [
            (false, Keying::Plain),
            (true, Keying::Plain),
            (false, Keying::Keyed),
        ] {
            let how = if parallel { " with .parallelize" } else { "" };
            let keyed = if keying == Keying::Keyed {
                " keyed"
            } else {
                ""
            };
            gate.before(&format!(
                "c. {tag}: fleet drains {jobs}{keyed} jobs at concurrency {HIGH}{how}"
            ))
            .await;
            let run = flat(fleet::drain(url, jobs, HIGH, parallel, keying, warnings).await);
            match (parallel, keying) {
                (_, Keying::Keyed) => c64_keyed.push(run),
                (true, _) => c64_par.push(run),
                (false, _) => c64.push(run),
            }
        }

        if !args.skip_apalis {
            for parallel in [false, true] {
                let how = if parallel { " with .parallelize" } else { "" };
                gate.before(&format!(
                    "f. {tag}: raw apalis-redis 1.0.0, {jobs} jobs at concurrency {HIGH}{how}"
                ))
                .await;
                let run = flat(apalis_peer::run(url, jobs, HIGH, parallel, warnings).await);
                if parallel {
                    apalis_par.push(run)
                } else {
                    apalis.push(run)
                }
            }
        }

        match &bull {
            Ok(installed) => {
                gate.before(&format!(
                    "g. {tag}: BullMQ bench.mjs {jobs} jobs at concurrency {HIGH}"
                ))
                .await;
                bull64.push(bullmq::run(installed, jobs, HIGH, false, url).await);
                gate.before(&format!(
                    "g. {tag}: BullMQ bench-keyed.mjs {jobs} jobs (a jobId each) at concurrency {HIGH}"
                ))
                .await;
                bull64_keyed.push(bullmq::run(installed, jobs, HIGH, true, url).await);
            }
            Err(why) => {
                bull64.push(Err(why.clone()));
                bull64_keyed.push(Err(why.clone()));
            }
        }
    }

    gate.before(&format!(
        "b. single enqueue, {} calls each way, plain then keyed",
        args.single_jobs
    ))
    .await;
    let single = single_figures(url, args.single_jobs).await;

    let mut c1_runs = Vec::new();
    for parallel in [false, true] {
        let how = if parallel { " with .parallelize" } else { "" };
        gate.before(&format!(
            "c. fleet drains {jobs_c1} jobs at concurrency 1{how}"
        ))
        .await;
        c1_runs.push(flat(
            fleet::drain(url, jobs_c1, 1, parallel, Keying::Plain, warnings).await,
        ));
    }
    let mut c1_runs = c1_runs.into_iter();
    let mut next = || c1_runs.next().unwrap_or_else(|| Err("not run".into()));
    let (c1, c1_par) = (next(), next());

    let bull1 = match &bull {
        Ok(installed) => {
            gate.before(&format!(
                "g. BullMQ bench.mjs {jobs_c1} jobs at concurrency 1"
            ))
            .await;
            bullmq::run(installed, jobs_c1, 1, false, url).await
        }
        Err(why) => Err(why.clone()),
    };
    drop(bull);

    gate.before(&format!(
        "d. pickup latency, {} samples after 300 ms idle",
        args.pickup_samples
    ))
    .await;
    let pickup = flat(
        fleet::pickup(
            url,
            args.pickup_samples,
            args.pickup_slots,
            Duration::from_millis(300),
        )
        .await,
    );

    Measured {
        lpush,
        bulk,
        bulk_keyed,
        single,
        c64,
        c64_par,
        c64_keyed,
        c1,
        c1_par,
        pickup,
        apalis,
        apalis_par,
        bull64,
        bull64_keyed,
        bull1,
        gates: gate.seen,
    }
}

type Rate = Result<f64, String>;

/// Bulk enqueue/s with where Redis' and this process's time went.
async fn bulk_figure(url: &str, jobs: usize, keying: Keying) -> Result<Bulk, String> {
    let run = async {
        let queue =
            RedisQueue::connect(RedisQueueConfig::new(url, scratch::prefix("enqueue"))).await?;
        let mut conn = scratch::connect(url).await?;
        let span = CpuSpan::start(&mut conn).await;
        let took = enqueue::push_bulk(&queue, jobs, keying).await;
        let cpu = span.finish(&mut conn).await;
        queue.purge().await?;
        let took = took?;
        anyhow::Ok((stats::rate(jobs as u64, took), took, cpu))
    };
    flat(run.await)
}

async fn single_figures(url: &str, single: usize) -> Singles {
    let queue =
        match RedisQueue::connect(RedisQueueConfig::new(url, scratch::prefix("enqueue"))).await {
            Ok(q) => q,
            Err(e) => {
                let why = || Err(format!("connect: {e}"));
                return Singles {
                    seq: why(),
                    c64: why(),
                    seq_keyed: why(),
                    c64_keyed: why(),
                };
            }
        };
    let mut rates = Vec::new();
    for keying in [Keying::Plain, Keying::Keyed] {
        rates.push(flat(
            enqueue::single_sequential(&queue, single, keying).await,
        ));
        let _ = queue.purge().await;
        rates.push(flat(
            enqueue::single_concurrent(&queue, single, HIGH, keying).await,
        ));
        let _ = queue.purge().await;
    }
    let mut rates = rates.into_iter();
    let mut next = || rates.next().unwrap_or_else(|| Err("not run".into()));
    Singles {
        seq: next(),
        c64: next(),
        seq_keyed: next(),
        c64_keyed: next(),
    }
}

fn judge(args: &QueueArgs, m: &View<'_>, all: &Measured) -> Report {
    let mut r = Report::new(format!(
        "fleet-bench queue  {}  jobs={}  redis={}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        args.jobs,
        args.redis_url
    ));

    r.section("a. Redis LPUSH ceiling (redis-benchmark, 200,000 requests, 3-byte value)");
    r.maybe(
        "lpush_p16_per_s",
        "LPUSH pipelined -P 16",
        m.lpush.pipelined.clone(),
        "req/s",
    );
    r.maybe(
        "lpush_p1_per_s",
        "LPUSH -P 1 (reference)",
        m.lpush.unpipelined.clone(),
        "req/s",
    );

    r.section("b. Fleet enqueue (RedisQueue, ExpireHolds no-op jobs)");
    r.maybe(
        "bulk_enqueue_per_s",
        "push_many, chunks of 1000",
        m.bulk.clone().map(|b| b.0),
        "jobs/s",
    );
    if let Ok((_, elapsed, cpu)) = &m.bulk {
        cost_rows(
            &mut r,
            "bulk_enqueue",
            "push_many",
            args.jobs,
            *elapsed,
            cpu,
        );
    }
    r.maybe(
        "bulk_enqueue_keyed_per_s",
        "push_many keyed (a key per job), chunks of 1000",
        m.bulk_keyed.clone().map(|b| b.0),
        "jobs/s",
    );
    if let Ok((_, elapsed, cpu)) = &m.bulk_keyed {
        cost_rows(
            &mut r,
            "bulk_enqueue_keyed",
            "push_many keyed",
            args.jobs,
            *elapsed,
            cpu,
        );
    }
    r.maybe(
        "single_enqueue_seq_per_s",
        "enqueue, 1 caller (sequential)",
        m.single.seq.clone(),
        "jobs/s",
    );
    r.maybe(
        "single_enqueue_c64_per_s",
        "enqueue, 64 concurrent callers",
        m.single.c64.clone(),
        "jobs/s",
    );
    r.maybe(
        "single_enqueue_keyed_seq_per_s",
        "enqueue keyed, 1 caller (sequential)",
        m.single.seq_keyed.clone(),
        "jobs/s",
    );
    r.maybe(
        "single_enqueue_keyed_c64_per_s",
        "enqueue keyed, 64 concurrent callers",
        m.single.c64_keyed.clone(),
        "jobs/s",
    );

    r.section("c. Fleet processed/s (apalis worker + QueueBackend, no-op handler, backlog enqueued first)");
    drain_rows(&mut r, "c64", "c=64 (production wiring)", &m.c64);
    drain_rows(
        &mut r,
        "c64_parallelize",
        "c=64 + .parallelize(tokio::spawn)",
        &m.c64_par,
    );
    drain_rows(
        &mut r,
        "c64_keyed",
        "c=64 keyed (production wiring, a key per job)",
        &m.c64_keyed,
    );
    drain_rows(&mut r, "c1", "c=1 (production wiring)", m.c1);
    drain_rows(
        &mut r,
        "c1_parallelize",
        "c=1 + .parallelize(tokio::spawn)",
        m.c1_par,
    );
    if let Ok(d) = &m.c64 {
        cost_rows(&mut r, "fleet_c64", "c=64", d.jobs, d.elapsed, &d.cpu);
        r.number(
            "fleet_c64_jobs_per_claim",
            "  c=64: jobs per claim script (claims counted by their ZRANGEBYSCORE)",
            d.jobs as f64
                / d.cpu
                    .redis
                    .as_ref()
                    .map_or(0, |u| u.calls_of("zrangebyscore"))
                    .max(1) as f64,
            "",
        );
    }
    if let Ok(d) = &m.c64_keyed {
        cost_rows(
            &mut r,
            "fleet_c64_keyed",
            "c=64 keyed",
            d.jobs,
            d.elapsed,
            &d.cpu,
        );
    }
    if let Ok(d) = &m.c1 {
        cost_rows(&mut r, "fleet_c1", "c=1", d.jobs, d.elapsed, &d.cpu);
    }

    r.section(format!(
        "d. Pickup latency (idle {} slots worker, 300 ms idle, push one job, until its handler starts)",
        args.pickup_slots
    ));
    match &m.pickup {
        Ok(s) => {
            r.number("pickup_samples", "samples", s.n as f64, "");
            r.number("pickup_p50_ms", "p50", ms(s.p50), "ms");
            r.number("pickup_p90_ms", "p90", ms(s.p90), "ms");
            r.number("pickup_p99_ms", "p99", ms(s.p99), "ms");
            r.number("pickup_max_ms", "max", ms(s.max), "ms");
        }
        Err(why) => r.missing("pickup_p99_ms", "pickup", why.clone()),
    }

    r.section(format!(
        "e. {}-job backlog at c=64",
        fmt_number(args.jobs as f64)
    ));
    match &m.c64 {
        Ok(d) => {
            r.number("backlog_runs", "handler runs", d.runs as f64, "");
            r.number(
                "backlog_errors",
                "errors seen (see note)",
                d.errors() as f64,
                "",
            );
            r.text(
                "backlog_keys_left",
                "keys left under the prefix",
                d.keys_left.join(", "),
            );
        }
        Err(why) => r.missing("backlog_errors", "backlog", why.clone()),
    }
    match &m.c64_keyed {
        Ok(d) => {
            r.number(
                "backlog_keyed_errors",
                "keyed: errors seen",
                d.errors() as f64,
                "",
            );
            r.text(
                "backlog_keyed_keys_left",
                "keyed: keys left under the prefix",
                format!(
                    "{} + {} idempotency keys (they live out their TTL)",
                    d.keys_left.join(", "),
                    fmt_number(d.idempotency_keys_left as f64)
                ),
            );
        }
        Err(why) => r.missing("backlog_keyed_errors", "keyed backlog", why.clone()),
    }

    r.section("f. Raw apalis-redis 1.0.0 (batch 100, lock_tasks off, pre-promoted, c=64)");
    let apalis_best = apalis_rows(&mut r, args, &m.apalis);

    r.section("g. BullMQ (bench.mjs, same Redis)");
    match &m.bull64 {
        Ok(b) => {
            r.number(
                "bullmq_enqueue_per_s",
                "addBulk enqueue",
                b.enqueue_per_s,
                "jobs/s",
            );
            r.number(
                "bullmq_c64_per_s",
                &format!("processed c={}", b.concurrency),
                b.process_per_s,
                "jobs/s",
            );
        }
        Err(why) => r.missing("bullmq_c64_per_s", "processed c=64", why.clone()),
    }
    match &m.bull64_keyed {
        Ok(b) => {
            r.number(
                "bullmq_keyed_enqueue_per_s",
                "addBulk enqueue, a jobId per job",
                b.enqueue_per_s,
                "jobs/s",
            );
            r.number(
                "bullmq_keyed_c64_per_s",
                &format!("processed c={}, a jobId per job", b.concurrency),
                b.process_per_s,
                "jobs/s",
            );
        }
        Err(why) => r.missing(
            "bullmq_keyed_c64_per_s",
            "processed c=64, a jobId per job",
            why.clone(),
        ),
    }
    match &m.bull1 {
        Ok(b) => r.number(
            "bullmq_c1_per_s",
            &format!("processed c=1 ({} jobs)", b.jobs),
            b.process_per_s,
            "jobs/s",
        ),
        Err(why) => r.missing("bullmq_c1_per_s", "processed c=1", why.clone()),
    }

    r.section(format!(
        "Machine: other processes' CPU as each step started (waits up to {} s for < {:.0}% of a core)",
        args.quiet_wait_secs,
        args.quiet_threshold * 100.0
    ));
    for (i, (step, quiet)) in m.gates.iter().enumerate() {
        r.text(&format!("gate_{i}"), step, quiet.describe());
    }

    ratios_and_targets(&mut r, m, all, apalis_best);
    spreads(&mut r, all);
    notes(&mut r, m);
    r
}

fn drain_rows(r: &mut Report, key: &str, label: &str, d: &Result<fleet::Drain, String>) {
    match d {
        Ok(d) => {
            let mut l = format!("{label}, {} jobs", fmt_number(d.jobs as f64));
            if d.errors() > 0 {
                l.push_str(&format!(" [{} errors]", d.errors()));
            }
            r.number(&format!("fleet_{key}_per_s"), &l, d.per_sec(), "jobs/s");
        }
        Err(why) => r.missing(&format!("fleet_{key}_per_s"), label, why.clone()),
    }
}

/// Where the work of one measured span went: Redis and this process, per job, and how much of
/// the machine other work took meanwhile.
fn cost_rows(
    r: &mut Report,
    key: &str,
    label: &str,
    jobs: usize,
    elapsed: Duration,
    cpu: &CpuUsage,
) {
    let per_job = |d: Duration| d.as_secs_f64() * 1e6 / jobs.max(1) as f64;
    if let Some(redis) = &cpu.redis {
        r.number(
            &format!("{key}_redis_cpu_us_per_job"),
            &format!("  {label}: Redis CPU per job"),
            per_job(redis.cpu),
            "us",
        );
        r.text(
            &format!("{key}_redis_top"),
            &format!("  {label}: Redis time by command, per job"),
            redis.top(6, jobs as u64),
        );
    }
    if let Some(this) = cpu.this_process {
        r.number(
            &format!("{key}_process_cpu_us_per_job"),
            &format!("  {label}: benchmark process CPU per job"),
            per_job(this),
            "us",
        );
    }
    if let Some(others) = cpu.others() {
        r.number(
            &format!("{key}_others_cpu_pct"),
            &format!("  {label}: other processes' CPU meanwhile"),
            others.as_secs_f64() / elapsed.as_secs_f64().max(1e-9) * 100.0,
            "% of a core",
        );
    }
}

/// The peer's rows; returns its best processed/s (its best configuration is the one compared).
fn apalis_rows(
    r: &mut Report,
    args: &QueueArgs,
    runs: &[Result<apalis_peer::PeerRun, String>],
) -> Result<f64, String> {
    if args.skip_apalis {
        r.missing(
            "apalis_c64_per_s",
            "processed c=64",
            "skipped (--skip-apalis)",
        );
        return Err("skipped".into());
    }
    let mut best: Result<f64, String> = Err("no run succeeded".into());
    for (i, run) in runs.iter().enumerate() {
        // Runs come without .parallelize first, then with it.
        let parallel = run.as_ref().map_or(i > 0, |p| p.parallel);
        let suffix = if parallel { "_parallelize" } else { "" };
        let label = if parallel {
            "processed c=64 + .parallelize"
        } else {
            "processed c=64"
        };
        match run {
            Ok(p) => {
                if !parallel {
                    r.number(
                        "apalis_enqueue_per_s",
                        "push_bulk of 1000",
                        p.enqueue_per_s,
                        "jobs/s",
                    );
                }
                let mut l = format!("{label}, {} jobs, one round", fmt_number(p.jobs as f64));
                if p.warnings > 0 {
                    l.push_str(&format!(" [{} warnings]", p.warnings));
                }
                r.number(
                    &format!("apalis_c64{suffix}_per_s"),
                    &l,
                    p.processed_per_s,
                    "jobs/s",
                );
                let elapsed = Duration::from_secs_f64(p.jobs as f64 / p.processed_per_s.max(1e-9));
                cost_rows(
                    r,
                    &format!("apalis_c64{suffix}"),
                    "c=64",
                    p.jobs,
                    elapsed,
                    &p.cpu,
                );
                if let Some(h) = p.handled_per_s {
                    r.number(
                        &format!("apalis_c64{suffix}_handled_per_s"),
                        "  (until every handler ran, results not all recorded)",
                        h,
                        "jobs/s",
                    );
                }
                if best.as_ref().map_or(true, |b| p.processed_per_s > *b) {
                    best = Ok(p.processed_per_s);
                }
            }
            Err(why) => r.missing(&format!("apalis_c64{suffix}_per_s"), label, why.clone()),
        }
    }
    best
}

/// The median of the per-round ratios `a[i] / b[i]` (rounds where both were measured), and the
/// ratios themselves as text; `fallback` (why there is none) when no round has both.
fn paired(
    a: &[Option<f64>],
    b: &[Option<f64>],
    fallback: Result<f64, String>,
) -> (Result<f64, String>, String) {
    let mut each: Vec<f64> = a
        .iter()
        .zip(b)
        .filter_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) if *b > 0.0 => Some(a / b),
            _ => None,
        })
        .collect();
    let text = each
        .iter()
        .map(|v| format!("{v:.2}"))
        .collect::<Vec<_>>()
        .join(", ");
    if each.is_empty() {
        return (fallback, "none".into());
    }
    each.sort_by(f64::total_cmp);
    let mid = each.len() / 2;
    let median = if each.len() % 2 == 1 {
        each[mid]
    } else {
        (each[mid - 1] + each[mid]) / 2.0
    };
    (Ok(median), text)
}

fn ratio(a: &Result<f64, String>, b: &Result<f64, String>) -> Result<f64, String> {
    match (a, b) {
        (Ok(a), Ok(b)) if *b > 0.0 => Ok(a / b),
        (Err(e), _) | (_, Err(e)) => Err(e.clone()),
        _ => Err("division by zero".into()),
    }
}

fn ratios_and_targets(
    r: &mut Report,
    m: &View<'_>,
    all: &Measured,
    apalis_best: Result<f64, String>,
) {
    let fleet64 = m
        .c64
        .as_ref()
        .map(fleet::Drain::per_sec)
        .map_err(Clone::clone);
    let fleet1 =
        m.c1.as_ref()
            .map(fleet::Drain::per_sec)
            .map_err(Clone::clone);
    let bull64 = m
        .bull64
        .as_ref()
        .map(|b| b.process_per_s)
        .map_err(Clone::clone);
    let bull1 = m
        .bull1
        .as_ref()
        .map(|b| b.process_per_s)
        .map_err(Clone::clone);
    // Each round's peers ran minutes apart under the same conditions: the ratio of each round
    // is taken first, then their median, so load that lands in one round cancels out.
    let fleet_rounds = all.c64.rates(fleet::Drain::per_sec);
    let bull_rounds = all.bull64.rates(|b| b.process_per_s);
    let peer = |p: &apalis_peer::PeerRun| p.processed_per_s;
    let apalis_rounds: Vec<Option<f64>> = all
        .apalis
        .rates(peer)
        .into_iter()
        .zip(
            all.apalis_par
                .rates(peer)
                .into_iter()
                .chain(std::iter::repeat(None)),
        )
        .map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        })
        .collect();
    let bulk_rounds = all.bulk.rates(|b| b.0);
    let lpush_rounds = all.lpush.rates(lpush_rate);
    let (vs_bull, vs_bull_each) = paired(&fleet_rounds, &bull_rounds, ratio(&fleet64, &bull64));
    let (vs_apalis, vs_apalis_each) =
        paired(&fleet_rounds, &apalis_rounds, ratio(&fleet64, &apalis_best));
    let bulk = m.bulk.as_ref().map(|b| b.0).map_err(Clone::clone);
    let (vs_lpush, vs_lpush_each) = paired(
        &bulk_rounds,
        &lpush_rounds,
        ratio(&bulk, &m.lpush.pipelined),
    );

    r.section("Ratios (median of the per-round ratios; each round's figures are paired)");
    r.maybe(
        "ratio_fleet_c64_vs_bullmq",
        "fleet c=64 / BullMQ c=64",
        vs_bull.clone(),
        "x",
    );
    r.text(
        "ratio_fleet_c64_vs_bullmq_rounds",
        "  per round",
        vs_bull_each,
    );
    r.maybe(
        "ratio_fleet_c64_vs_apalis",
        "fleet c=64 / raw apalis-redis (its better configuration)",
        vs_apalis.clone(),
        "x",
    );
    r.text(
        "ratio_fleet_c64_vs_apalis_rounds",
        "  per round",
        vs_apalis_each,
    );
    r.maybe(
        "ratio_fleet_bulk_vs_lpush",
        "fleet bulk enqueue / LPUSH -P 16",
        vs_lpush.clone(),
        "x",
    );
    r.text(
        "ratio_fleet_bulk_vs_lpush_rounds",
        "  per round",
        vs_lpush_each,
    );
    r.maybe(
        "ratio_fleet_c1_vs_bullmq",
        "fleet c=1 / BullMQ c=1 (reference, one round)",
        ratio(&fleet1, &bull1),
        "x",
    );

    // Keyed: the path production takes (every job with an idempotency key; BullMQ with a jobId).
    let keyed_rounds = all.c64_keyed.rates(fleet::Drain::per_sec);
    let bull_keyed_rounds = all.bull64_keyed.rates(|b| b.process_per_s);
    let bulk_keyed_rounds = all.bulk_keyed.rates(|b| b.0);
    let bull_keyed_enqueue_rounds = all.bull64_keyed.rates(|b| b.enqueue_per_s);
    let fleet64_keyed = m
        .c64_keyed
        .as_ref()
        .map(fleet::Drain::per_sec)
        .map_err(Clone::clone);
    let bull64_keyed = m
        .bull64_keyed
        .as_ref()
        .map(|b| b.process_per_s)
        .map_err(Clone::clone);
    let bulk_keyed = m.bulk_keyed.as_ref().map(|b| b.0).map_err(Clone::clone);
    let bull_keyed_enqueue = m
        .bull64_keyed
        .as_ref()
        .map(|b| b.enqueue_per_s)
        .map_err(Clone::clone);
    let (keyed_vs_bull, keyed_vs_bull_each) = paired(
        &keyed_rounds,
        &bull_keyed_rounds,
        ratio(&fleet64_keyed, &bull64_keyed),
    );
    let (keyed_bulk_vs_bull, keyed_bulk_vs_bull_each) = paired(
        &bulk_keyed_rounds,
        &bull_keyed_enqueue_rounds,
        ratio(&bulk_keyed, &bull_keyed_enqueue),
    );
    let (keyed_bulk_vs_lpush, keyed_bulk_vs_lpush_each) = paired(
        &bulk_keyed_rounds,
        &lpush_rounds,
        ratio(&bulk_keyed, &m.lpush.pipelined),
    );
    let (keyed_vs_plain, keyed_vs_plain_each) = paired(
        &keyed_rounds,
        &fleet_rounds,
        ratio(&fleet64_keyed, &fleet64),
    );
    for (key, label, value, each) in [
        (
            "ratio_fleet_keyed_c64_vs_bullmq_keyed",
            "fleet keyed c=64 / BullMQ c=64 with a jobId per job",
            &keyed_vs_bull,
            keyed_vs_bull_each,
        ),
        (
            "ratio_fleet_keyed_c64_vs_fleet_c64",
            "fleet keyed c=64 / fleet plain c=64",
            &keyed_vs_plain,
            keyed_vs_plain_each,
        ),
        (
            "ratio_fleet_keyed_bulk_vs_bullmq_keyed",
            "fleet keyed bulk enqueue / BullMQ addBulk with jobIds",
            &keyed_bulk_vs_bull,
            keyed_bulk_vs_bull_each,
        ),
        (
            "ratio_fleet_keyed_bulk_vs_lpush",
            "fleet keyed bulk enqueue / LPUSH -P 16",
            &keyed_bulk_vs_lpush,
            keyed_bulk_vs_lpush_each,
        ),
    ] {
        r.maybe(key, label, value.clone(), "x");
        r.text(&format!("{key}_rounds"), "  per round", each);
    }

    let verdict =
        |x: &Result<f64, String>, ok: &dyn Fn(f64) -> bool| x.as_ref().ok().map(|v| ok(*v));
    let shown = |x: &Result<f64, String>, unit: &str| match x {
        Ok(v) => format!("{}{unit}", fmt_number(*v)),
        Err(e) => format!("not measured: {e}"),
    };
    r.check(
        "processed/s at c=64 >= 4x BullMQ",
        verdict(&vs_bull, &|v| v >= 4.0),
        shown(&vs_bull, "x"),
    );
    r.check(
        "keyed processed/s at c=64 >= 4x BullMQ with a jobId per job",
        verdict(&keyed_vs_bull, &|v| v >= 4.0),
        shown(&keyed_vs_bull, "x"),
    );
    r.check(
        "processed/s at c=64 >= raw apalis-redis",
        verdict(&vs_apalis, &|v| v >= 1.0),
        shown(&vs_apalis, "x"),
    );
    r.check(
        "bulk enqueue >= 50% of the LPUSH -P 16 ceiling",
        verdict(&vs_lpush, &|v| v >= 0.5),
        shown(&vs_lpush.clone().map(|v| v * 100.0), "%"),
    );
    let p99 = m.pickup.as_ref().map(|s| ms(s.p99)).map_err(Clone::clone);
    r.check(
        "pickup p99 < 10 ms",
        verdict(&p99, &|v| v < 10.0),
        shown(&p99, " ms"),
    );
    backlog_check(r, all);
}

/// Every c=64 drain (each round's backlog, without and with .parallelize) must be clean.
fn backlog_check(r: &mut Report, all: &Measured) {
    let drains: Vec<&Result<fleet::Drain, String>> = all
        .c64
        .runs
        .iter()
        .chain(all.c64_par.runs.iter())
        .chain(all.c64_keyed.runs.iter())
        .collect();
    let Some(jobs) = drains.iter().find_map(|d| d.as_ref().ok().map(|d| d.jobs)) else {
        let why = drains
            .iter()
            .find_map(|d| d.as_ref().err().cloned())
            .unwrap_or_else(|| "not run".into());
        r.check("backlog drains with 0 errors", None, why);
        return;
    };
    let mut clean = true;
    let mut details = Vec::new();
    for d in &drains {
        match d {
            Ok(d) => {
                clean &= d.errors() == 0 && d.left_as_expected();
                details.push(format!(
                    "{}{} errors (runs {}, duplicates {}, missing {}, dead {}, retrying {}, warnings {}, worker {}), {} key(s) left{}",
                    if d.keying == Keying::Keyed { "keyed: " } else { "" },
                    d.errors(),
                    d.runs,
                    d.duplicates,
                    d.missing,
                    d.dead,
                    d.scheduled,
                    d.warnings,
                    d.worker_error.as_deref().unwrap_or("stopped cleanly"),
                    d.keys_left.len(),
                    if d.keying == Keying::Keyed {
                        format!(" + {} idempotency keys", d.idempotency_keys_left)
                    } else {
                        String::new()
                    }
                ));
            }
            Err(why) => {
                clean = false;
                details.push(format!("failed: {why}"));
            }
        }
    }
    r.check(
        format!(
            "{}-job backlog drains with 0 errors ({} drains at c=64, keyed ones included)",
            fmt_number(jobs as f64),
            drains.len()
        ),
        Some(clean),
        details.join("; "),
    );
}

/// How much each repeated figure moved between rounds.
fn spreads(r: &mut Report, all: &Measured) {
    if all.c64.runs.len() < 2 {
        return;
    }
    r.section(format!(
        "Spread over the {} rounds (the table shows each figure's median round)",
        all.c64.runs.len()
    ));
    let peer = |p: &apalis_peer::PeerRun| p.processed_per_s;
    let rows = [
        (
            "spread_lpush_p16",
            "LPUSH -P 16",
            all.lpush.spread(lpush_rate, "req/s"),
        ),
        (
            "spread_bulk",
            "fleet bulk enqueue",
            all.bulk.spread(|b| b.0, "jobs/s"),
        ),
        (
            "spread_bulk_keyed",
            "fleet bulk enqueue keyed",
            all.bulk_keyed.spread(|b| b.0, "jobs/s"),
        ),
        (
            "spread_fleet_c64",
            "fleet c=64",
            all.c64.spread(fleet::Drain::per_sec, "jobs/s"),
        ),
        (
            "spread_fleet_c64_parallelize",
            "fleet c=64 + .parallelize",
            all.c64_par.spread(fleet::Drain::per_sec, "jobs/s"),
        ),
        (
            "spread_fleet_c64_keyed",
            "fleet c=64 keyed",
            all.c64_keyed.spread(fleet::Drain::per_sec, "jobs/s"),
        ),
        (
            "spread_apalis_c64",
            "apalis-redis c=64",
            all.apalis.spread(peer, "jobs/s"),
        ),
        (
            "spread_apalis_c64_parallelize",
            "apalis-redis c=64 + .parallelize",
            all.apalis_par.spread(peer, "jobs/s"),
        ),
        (
            "spread_bullmq_c64",
            "BullMQ c=64",
            all.bull64.spread(|b| b.process_per_s, "jobs/s"),
        ),
        (
            "spread_bullmq_c64_keyed",
            "BullMQ c=64, a jobId per job",
            all.bull64_keyed.spread(|b| b.process_per_s, "jobs/s"),
        ),
    ];
    for (key, label, spread) in rows {
        if let Some(text) = spread {
            r.text(key, label, text);
        }
    }
}

fn notes(r: &mut Report, m: &View<'_>) {
    r.note("Processed/s: clock from worker start until depth (pending + running, one Redis read every 5 ms) is 0, i.e. every job acknowledged. Production wiring = workers/src/runtime.rs (no .parallelize).");
    if let (Ok(a), Ok(b)) = (&m.c64, &m.c64_par) {
        let change = (b.per_sec() / a.per_sec() - 1.0) * 100.0;
        r.note(format!(
            ".parallelize(tokio::spawn) at c=64 changes processed/s by {change:+.0}% ({} vs {} jobs/s).",
            fmt_number(b.per_sec()),
            fmt_number(a.per_sec())
        ));
    }
    r.note("Errors seen = duplicate runs + jobs never run + dead letters + retries pending + WARN/ERROR log events during the drain + a worker that ended with an error or did not stop.");
    r.note("The LPUSH ceiling is `redis-benchmark -n 200000 -P 16 -q LPUSH <bench key> xxx`: `-t lpush`'s command and 3-byte value, on a key under the benchmark's prefix instead of the shared key `mylist`.");
    r.note("raw apalis-redis: push_bulk lands every job in {q}:scheduled; they are moved to {q}:active before the clock (chunks of 5,000, below its ~8,000 unpack limit), so the whole backlog runs in one round; its clock stops when {q}:done holds every job. Best of with/without .parallelize is compared.");
    r.note("BullMQ: bench.mjs's own clock (Worker creation to the last 'completed' event), removeOnComplete, on the same Redis.");
    r.note("Keyed: every fleet job carries its own idempotency key (`wa:wamid.` + 44 characters), as production enqueues every job; each is recorded for the idempotency TTL (48 h) and a second enqueue of it within that time enqueues nothing. BullMQ's keyed peer is bench.mjs with a `jobId` per job (its deduplication, which with removeOnComplete lasts only until the job completes). The LPUSH ceiling has no target for keyed jobs: recording a key is a write of its own.");
    r.note("Redis CPU and command counts include anything else using the same Redis during the run; 'other processes' CPU meanwhile' is the machine's busy time minus this process and Redis.");
    r.note("Production also wraps handlers in .timeout(job_timeout) and the workers' JobService; the no-op service here measures the queue and the runtime only.");
    if m.gates.iter().any(|(_, q)| !q.reached) {
        r.note("Some steps started on a BUSY machine (see Machine): those figures, and ratios using them, carry that noise; the spread across rounds shows how much.");
    }
}

/// `fleet-bench sidekiq`: the fleet's keyed drain at concurrency 64 (one process) and Sidekiq
/// (one process per core), taking turns on the same Redis.
#[derive(Debug, clap::Args)]
pub struct SidekiqArgs {
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    pub redis_url: String,
    #[arg(long, default_value_t = 100_000)]
    jobs: usize,
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Sidekiq processes (default: one per core).
    #[arg(long)]
    processes: Option<usize>,
    /// Each Sidekiq process's concurrency (10 measured best here; see bench/README.md).
    #[arg(long, default_value_t = 10)]
    concurrency: usize,
    /// The Redis database Sidekiq runs in (it has no key prefix); must be empty.
    #[arg(long, default_value_t = 7)]
    sidekiq_db: u8,
    #[arg(long)]
    json: bool,
}

pub async fn versus_sidekiq(args: SidekiqArgs, warnings: Warnings) -> anyhow::Result<()> {
    let url = args.redis_url.as_str();
    let processes = args
        .processes
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let installed = sidekiq::ensure_installed().await;
    let (mut fleet_runs, mut peer_runs) = (Rounds::new(), Rounds::new());
    for round in 1..=args.rounds.max(1) {
        let quiet = wait_quiet(0.25, Duration::from_secs(30)).await;
        progress(&format!(
            "round {round}: fleet drains {} keyed jobs at concurrency {HIGH} ({})",
            args.jobs,
            quiet.describe()
        ));
        fleet_runs.push(flat(
            fleet::drain(url, args.jobs, HIGH, false, Keying::Keyed, &warnings).await,
        ));
        let quiet = wait_quiet(0.25, Duration::from_secs(30)).await;
        progress(&format!(
            "round {round}: Sidekiq, {processes} processes at concurrency {} ({})",
            args.concurrency,
            quiet.describe()
        ));
        peer_runs.push(match &installed {
            Ok(()) => {
                sidekiq::run(url, args.sidekiq_db, args.jobs, processes, args.concurrency).await
            }
            Err(why) => Err(why.clone()),
        });
    }
    let mut r = Report::new("fleet vs Sidekiq");
    r.section(format!(
        "{} no-op jobs, medians of {} rounds taking turns",
        fmt_number(args.jobs as f64),
        args.rounds
    ));
    let fleet = fleet_runs.median(|d| d.per_sec());
    let peer = peer_runs.median(|p| p.per_sec());
    match &fleet {
        Ok(d) => {
            r.number(
                "fleet_keyed_c64_per_s",
                "fleet, keyed, one process at c=64: processed/s",
                d.per_sec(),
                "/s",
            );
            if let Some(cpu) = d.cpu.this_process {
                r.number(
                    "fleet_cpu_us",
                    "fleet: CPU per job (worker process)",
                    cpu.as_secs_f64() * 1e6 / d.jobs as f64,
                    "µs",
                );
            }
        }
        Err(why) => r.missing("fleet_keyed_c64_per_s", "fleet processed/s", why.clone()),
    }
    match &peer {
        Ok(p) => {
            r.number(
                "sidekiq_per_s",
                &format!(
                    "Sidekiq, {processes} processes at c={}: processed/s",
                    args.concurrency
                ),
                p.per_sec(),
                "/s",
            );
            r.number(
                "sidekiq_enqueue_per_s",
                "Sidekiq push_bulk enqueue/s",
                crate::stats::rate(p.jobs as u64, p.enqueue),
                "/s",
            );
            r.number(
                "sidekiq_cpu_us",
                "Sidekiq: CPU per job (its processes)",
                p.peer_cpu.as_secs_f64() * 1e6 / p.jobs as f64,
                "µs",
            );
            if let Some(redis) = &p.cpu.redis {
                r.number(
                    "sidekiq_redis_cpu_us",
                    "Sidekiq: Redis CPU per job",
                    redis.cpu.as_secs_f64() * 1e6 / p.jobs as f64,
                    "µs",
                );
            }
        }
        Err(why) => r.missing("sidekiq_per_s", "Sidekiq processed/s", why.clone()),
    }
    let ratio = ratio(
        &fleet.as_ref().map(|d| d.per_sec()).map_err(Clone::clone),
        &peer.as_ref().map(|p| p.per_sec()).map_err(Clone::clone),
    );
    r.check(
        "keyed processed/s ≥ 3× Sidekiq with one process per core",
        ratio.as_ref().ok().map(|x| *x >= 3.0),
        ratio.map_or_else(|e| e, |x| format!("{x:.2}×")),
    );
    if let Some(spread) = fleet_runs.spread(|d| d.per_sec(), "/s") {
        r.note(format!("fleet rounds: {spread}"));
    }
    if let Some(spread) = peer_runs.spread(|p| p.per_sec(), "/s") {
        r.note(format!("Sidekiq rounds: {spread}"));
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r.to_json())?);
    } else {
        println!("{}", r.render());
    }
    Ok(())
}

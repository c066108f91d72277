//! `fleet-bench ingress`: signed WhatsApp text deliveries against the ingress, as the issue
//! asks: (a) the peak of accepted deliveries per second (closed loop at 32 and 64 connections),
//! checked against the number of `parse_intent` jobs actually in Redis, and (b) latency at a
//! fixed offered rate (open loop). The load generator shares the cores with the ingress and
//! Redis, so each run also says how the CPU was split between them.

mod load;
mod server;

use std::{path::PathBuf, sync::Arc, time::Duration};

use jobs::{QueueName, RedisQueue, RedisQueueConfig};
use redis::aio::MultiplexedConnection;
use testkit::deliveries::TextDeliveries;

use crate::{
    logs::Warnings,
    report::{Report, fmt_number},
    scratch,
    stats::ms,
    sys,
};

/// The business number the deliveries are sent to (pywa's text fixture's: the ingress routes
/// nothing by it, the workers do).
const PHONE_NUMBER_ID: &str = "1122334455667";
/// What every delivery says (pywa's text fixture).
const TEXT: &str = "Hola, tienen lugar para 2 personas del 10 al 12 de marzo?";

#[derive(Debug, clap::Args)]
pub struct IngressArgs {
    /// Seconds of each run (each peak run and the fixed-rate run).
    #[arg(long, default_value_t = 10)]
    duration_secs: u64,
    /// Connection counts of the peak (closed-loop) runs.
    #[arg(long, value_delimiter = ',', default_value = "32,64")]
    connections: Vec<usize>,
    /// Offered rate of the open-loop run, deliveries per second.
    #[arg(long, default_value_t = 2_000)]
    rate: u64,
    /// Run this ingress binary (e.g. target/release/ingress) as a separate process instead of
    /// building the ingress in this process.
    #[arg(long)]
    pub ingress_bin: Option<PathBuf>,
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    pub redis_url: String,
    /// Before each run, wait until other processes use less than this share of one core...
    #[arg(long, default_value_t = 0.25)]
    quiet_threshold: f64,
    /// ...but no longer than this many seconds (0: do not wait).
    #[arg(long, default_value_t = 60)]
    quiet_wait_secs: u64,
    /// Also print the figures as JSON after the table.
    #[arg(long)]
    json: bool,
}

/// Where the CPU went during one run, as shares of one core.
#[derive(Debug, Clone, Default)]
struct CpuSplit {
    /// This process: the load generator, and the ingress too when it runs in-process.
    load_generator: Option<f64>,
    ingress: Option<f64>,
    redis: Option<f64>,
    /// Everything else on the machine (another engineer's build, ...).
    others: Option<f64>,
    redis_usage: Option<sys::RedisUsage>,
}

struct Run {
    label: String,
    key: String,
    outcome: load::Outcome,
    queued: u64,
    cpu: CpuSplit,
    /// How busy the rest of the machine was as the run started.
    quiet: sys::Quiet,
}

impl Run {
    fn queue_matches(&self) -> bool {
        self.queued == self.outcome.accepted + self.outcome.warmup_accepted
    }
}

fn progress(step: &str) {
    eprintln!(
        "[fleet-bench ingress {}] {step}",
        chrono::Utc::now().format("%H:%M:%S")
    );
}

pub async fn run(args: IngressArgs, warnings: Warnings) -> anyhow::Result<()> {
    let prefix = scratch::prefix("ingress");
    let secret = uuid::Uuid::new_v4().simple().to_string();
    let server = match &args.ingress_bin {
        Some(bin) => server::process(bin, &args.redis_url, &prefix, &secret).await?,
        None => server::in_process(&args.redis_url, &prefix, &secret).await?,
    };
    progress(&format!(
        "ingress up at {} ({})",
        server.base,
        server.mode()
    ));
    let queue = RedisQueue::connect(RedisQueueConfig::new(&args.redis_url, &prefix)).await?;
    let mut conn = scratch::connect(&args.redis_url).await?;
    let deliveries = Arc::new(TextDeliveries::new(&secret, PHONE_NUMBER_ID, TEXT));
    let warned_before = warnings.count();

    let result = measure(&args, &server, &queue, &mut conn, deliveries).await;
    let mode = server.mode();
    let in_process = server.pid.is_none();
    server.stop().await;
    queue.purge().await?;
    let left = scratch::keys_under(&mut conn, &prefix).await?;
    let runs = result?;

    let report = judge(
        &args,
        mode,
        in_process,
        &runs,
        warnings.count() - warned_before,
        left,
    );
    println!("{}", report.render());
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    }
    Ok(())
}

async fn measure(
    args: &IngressArgs,
    server: &server::Server,
    queue: &RedisQueue,
    conn: &mut MultiplexedConnection,
    deliveries: Arc<TextDeliveries>,
) -> anyhow::Result<Vec<Run>> {
    let duration = Duration::from_secs(args.duration_secs);
    let mut runs = Vec::new();
    for &n in &args.connections {
        queue.purge().await?;
        let quiet = gate(args).await;
        progress(&format!(
            "a. peak: closed loop, {n} connections, {duration:?} [{}]",
            quiet.describe()
        ));
        let span = Span::start(server, conn).await;
        let outcome = load::closed_loop(&server.base, deliveries.clone(), n, duration).await?;
        let cpu = span.finish(server, conn, outcome.elapsed).await;
        runs.push(Run {
            label: format!("{n} connections"),
            key: format!("peak_c{n}"),
            queued: parse_intents(queue).await?,
            outcome,
            cpu,
            quiet,
        });
    }
    queue.purge().await?;
    let quiet = gate(args).await;
    progress(&format!(
        "b. open loop at {}/s for {duration:?} [{}]",
        args.rate,
        quiet.describe()
    ));
    let span = Span::start(server, conn).await;
    let outcome = load::open_loop(&server.base, deliveries, args.rate, duration).await?;
    let cpu = span.finish(server, conn, outcome.elapsed).await;
    runs.push(Run {
        label: format!("{}/s offered", args.rate),
        key: format!("open_{}", args.rate),
        queued: parse_intents(queue).await?,
        outcome,
        cpu,
        quiet,
    });
    Ok(runs)
}

async fn gate(args: &IngressArgs) -> sys::Quiet {
    if args.quiet_wait_secs == 0 {
        return sys::Quiet {
            waited: Duration::ZERO,
            others: None,
            reached: true,
        };
    }
    sys::wait_quiet(
        args.quiet_threshold,
        Duration::from_secs(args.quiet_wait_secs),
    )
    .await
}

async fn parse_intents(queue: &RedisQueue) -> anyhow::Result<u64> {
    let d = queue.depth(&[QueueName::ParseIntent]).await?;
    Ok(d.first()
        .map_or(0, |(_, d)| d.pending + d.running + d.scheduled))
}

/// CPU readings around one run.
struct Span {
    common: sys::CpuSpan,
    ingress: Option<Duration>,
}

impl Span {
    async fn start(server: &server::Server, conn: &mut MultiplexedConnection) -> Self {
        Span {
            common: sys::CpuSpan::start(conn).await,
            ingress: server.pid.and_then(sys::process_cpu),
        }
    }

    async fn finish(
        self,
        server: &server::Server,
        conn: &mut MultiplexedConnection,
        wall: Duration,
    ) -> CpuSplit {
        let ingress = match (self.ingress, server.pid.and_then(sys::process_cpu)) {
            (Some(a), Some(b)) => Some(b.saturating_sub(a)),
            _ => None,
        };
        let used = self.common.finish(conn).await;
        let share = |d: Option<Duration>| {
            d.filter(|_| !wall.is_zero())
                .map(|d| d.as_secs_f64() / wall.as_secs_f64())
        };
        CpuSplit {
            load_generator: share(used.this_process),
            ingress: share(ingress),
            redis: share(used.redis.as_ref().map(|r| r.cpu)),
            others: share(
                used.others()
                    .map(|o| o.saturating_sub(ingress.unwrap_or_default())),
            ),
            redis_usage: used.redis,
        }
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "?".to_owned(), |v| format!("{:.0}%", v * 100.0))
}

fn cpu_text(cpu: &CpuSplit, in_process: bool) -> String {
    let mine = if in_process {
        format!("ingress + load generator {}", pct(cpu.load_generator))
    } else {
        format!(
            "load generator {}, ingress {}",
            pct(cpu.load_generator),
            pct(cpu.ingress)
        )
    };
    format!(
        "{mine}, redis {}, other processes {} (of one core; 2 cores in all)",
        pct(cpu.redis),
        pct(cpu.others)
    )
}

fn run_rows(r: &mut Report, run: &Run, in_process: bool) {
    let o = &run.outcome;
    let k = &run.key;
    r.number(
        &format!("{k}_accepted_per_s"),
        &format!("{}: accepted (200) per second", run.label),
        o.accepted_per_sec(),
        "req/s",
    );
    r.number(
        &format!("{k}_accepted"),
        "  accepted (200)",
        o.accepted as f64,
        "",
    );
    r.number(
        &format!("{k}_non_200"),
        "  non-200 answers",
        o.refused as f64,
        "",
    );
    if !o.refusals.is_empty() {
        let kinds: Vec<String> = o
            .refusals
            .iter()
            .map(|(s, n)| format!("{s} x{n}"))
            .collect();
        r.text(
            &format!("{k}_non_200_kinds"),
            "  non-200 statuses",
            kinds.join(", "),
        );
    }
    r.number(
        &format!("{k}_transport_errors"),
        "  transport errors",
        o.transport_errors as f64,
        "",
    );
    if let Some(l) = &o.latency {
        r.number(&format!("{k}_p50_ms"), "  latency p50", ms(l.p50), "ms");
        r.number(&format!("{k}_p90_ms"), "  latency p90", ms(l.p90), "ms");
        r.number(&format!("{k}_p99_ms"), "  latency p99", ms(l.p99), "ms");
        r.number(&format!("{k}_max_ms"), "  latency max", ms(l.max), "ms");
    }
    r.text(
        &format!("{k}_queue_check"),
        "  parse_intent jobs in Redis = 200s",
        if run.queue_matches() {
            format!("yes ({})", run.queued)
        } else {
            format!(
                "NO: {} jobs for {} 200s",
                run.queued,
                o.accepted + o.warmup_accepted
            )
        },
    );
    r.text(&format!("{k}_cpu"), "  CPU", cpu_text(&run.cpu, in_process));
    r.text(
        &format!("{k}_machine_at_start"),
        "  machine as the run started",
        run.quiet.describe(),
    );
    if let Some(redis) = &run.cpu.redis_usage {
        let requests = (o.accepted + o.refused).max(1);
        r.number(
            &format!("{k}_redis_cpu_us_per_req"),
            "  Redis CPU per request",
            redis.cpu.as_secs_f64() * 1e6 / requests as f64,
            "us",
        );
        r.text(
            &format!("{k}_redis_top"),
            "  Redis time by command, per request",
            redis.top(6, requests),
        );
    }
}

fn judge(
    args: &IngressArgs,
    mode: &str,
    in_process: bool,
    runs: &[Run],
    warnings: u64,
    left: Vec<String>,
) -> Report {
    let mut r = Report::new(format!(
        "fleet-bench ingress  {}  {} s per run  redis={}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        args.duration_secs,
        args.redis_url
    ));
    let (open, peaks) = runs
        .split_last()
        .map_or((None, &runs[..0]), |(o, p)| (Some(o), p));

    r.section("a. Peak: closed loop, signed WhatsApp text deliveries over keep-alive connections");
    for run in peaks {
        run_rows(&mut r, run, in_process);
    }
    r.section(format!(
        "b. Fixed offered rate {}/s, open loop (latency from each request's scheduled send time)",
        args.rate
    ));
    if let Some(run) = open {
        run_rows(&mut r, run, in_process);
        if let Some(l) = &run.outcome.service_latency {
            r.number(
                &format!("{}_service_p50_ms", run.key),
                "  latency from actual send, p50",
                ms(l.p50),
                "ms",
            );
            r.number(
                &format!("{}_service_p99_ms", run.key),
                "  latency from actual send, p99",
                ms(l.p99),
                "ms",
            );
            r.number(
                &format!("{}_service_max_ms", run.key),
                "  latency from actual send, max",
                ms(l.max),
                "ms",
            );
        }
        if let Some(lag) = &run.outcome.dispatch_lag {
            r.number(
                &format!("{}_dispatch_lag_p99_ms", run.key),
                "  send behind schedule, p99",
                ms(lag.p99),
                "ms",
            );
            r.number(
                &format!("{}_dispatch_lag_max_ms", run.key),
                "  send behind schedule, max",
                ms(lag.max),
                "ms",
            );
        }
    }
    r.section("Run");
    r.text("mode", "ingress", mode);
    r.number(
        "warnings_logged",
        "WARN/ERROR log events (in this process)",
        warnings as f64,
        "",
    );
    r.text(
        "keys_left",
        "keys left under the prefix after clean-up",
        if left.is_empty() {
            "none".to_owned()
        } else {
            left.join(", ")
        },
    );

    let best = peaks.iter().max_by(|a, b| {
        a.outcome
            .accepted_per_sec()
            .total_cmp(&b.outcome.accepted_per_sec())
    });
    match best {
        Some(b) => r.check(
            "peak >= 10,000 accepted/s",
            Some(b.outcome.accepted_per_sec() >= 10_000.0),
            format!(
                "best {} req/s at {}",
                fmt_number(b.outcome.accepted_per_sec()),
                b.label
            ),
        ),
        None => r.check("peak >= 10,000 accepted/s", None, "no peak run"),
    }
    match open.and_then(|o| o.outcome.latency.map(|l| (o, l))) {
        Some((o, l)) => r.check(
            format!("p99 < 10 ms at {}/s", args.rate),
            Some(ms(l.p99) < 10.0 && o.outcome.errors() == 0),
            format!(
                "p99 {:.2} ms, {} errors of {} requests",
                ms(l.p99),
                o.outcome.errors(),
                l.n
            ),
        ),
        None => r.check(
            format!("p99 < 10 ms at {}/s", args.rate),
            None,
            "no open-loop run",
        ),
    }
    r.check(
        "every 200 is a job in Redis (each run)",
        Some(runs.iter().all(Run::queue_matches)),
        runs.iter()
            .map(|run| {
                format!(
                    "{}: {} jobs / {} 200s",
                    run.label,
                    run.queued,
                    run.outcome.accepted + run.outcome.warmup_accepted
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    );

    if runs.iter().any(|run| !run.quiet.reached) {
        r.note("At least one run started on a BUSY machine (see 'machine as the run started'): its figures are pessimistic.");
    }
    r.note(format!("Ingress: {mode}; the load generator is reqwest (hyper) in this process, on the same 2 cores."));
    r.note(format!(
        "The rate limiter runs (one Redis round trip per request) with a limit of {}/min so that it never refuses.",
        fmt_number(server::RATE_LIMIT_PER_MINUTE as f64)
    ));
    r.note("Closed-loop counts include only requests sent inside the window; the queue check also counts each connection's one warm-up request.");
    if let Some(b) = best
        && let (Some(lg), Some(ing)) = (b.cpu.load_generator, b.cpu.ingress)
    {
        r.note(format!(
            "At the peak the load generator used {:.0}% of a core and the ingress {:.0}%{}.",
            lg * 100.0,
            ing * 100.0,
            if lg > ing { ": the client is the larger consumer, so the peak is bounded by the shared cores, not by the ingress alone" } else { "" }
        ));
    }
    r
}

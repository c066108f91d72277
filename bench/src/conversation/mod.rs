//! `fleet-bench conversation`: the booking conversation's figures, end to end through real
//! processes: the in-process ingress, release `worker` processes, PostgreSQL and Redis, with the
//! Graph API faked by a small local server that notes when each reply arrives.
//!
//! - Text reply latency: a guest asks for availability ("¿Tenés lugar para 2 del … al …?") and
//!   the clock runs from the webhook being sent until the fake Graph API receives the answer;
//!   p50/p95/p99 at 50 new conversations per second and at `--saturation-rate` (open loop, so a
//!   slow reply never delays the next guest), the replies per second sustained at saturation,
//!   and the CPU each message cost, by process (the benchmark with its in-process ingress, the
//!   worker, PostgreSQL, Redis). With `--seed-rows N` every step runs on an empty database and
//!   on one holding a busy year (`Fleet::seed_history`), taking turns.
//! - Hold storm: thousands of `PreReserve` for overlapping stays on three cabins across two
//!   worker processes: holds placed per second and the number of overlapping live stays (0).

mod graph;
mod storm;
mod text;

use std::{
    path::{Path, PathBuf},
    process::Child,
};

use clap::Args;
use testkit::harness::{Fleet, worker_command};

use crate::{report::Report, scratch};

#[derive(Debug, Args)]
pub struct ConversationArgs {
    #[arg(long, env = "REDIS_URL", default_value = "redis://127.0.0.1:6379")]
    pub redis_url: String,
    /// A server-level PostgreSQL URL; the benchmark makes (and drops) its own databases.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "postgres://postgres:postgres@127.0.0.1:5432/postgres"
    )]
    pub database_url: String,
    /// The `worker` binary (default: next to this one, so build both with `--release`).
    #[arg(long)]
    pub worker_bin: Option<PathBuf>,
    /// Seconds of load at each rate.
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
    /// The offered rate of the saturation step (new conversations per second).
    #[arg(long, default_value_t = 1500)]
    pub saturation_rate: u32,
    /// Also measure on a database seeded with this many messages (and as many replies and job
    /// records, and the conversations, properties and stays around them); 0: empty only.
    #[arg(long, default_value_t = 0)]
    pub seed_rows: u64,
    /// PreReserve jobs in the storm (0: no storm).
    #[arg(long, default_value_t = 2000)]
    pub storm_jobs: usize,
    #[arg(long)]
    pub json: bool,
}

pub async fn run(args: ConversationArgs) -> anyhow::Result<()> {
    let worker_bin = match &args.worker_bin {
        Some(p) => p.clone(),
        None => std::env::current_exe()?.with_file_name("worker"),
    };
    anyhow::ensure!(
        worker_bin.exists(),
        "no worker binary at {}: build it with --release",
        worker_bin.display()
    );
    let mut report = Report::new("booking conversation");
    report.section("text reply latency (webhook sent → reply at the Graph API)");
    let databases: Vec<u64> = if args.seed_rows > 0 {
        vec![0, args.seed_rows]
    } else {
        vec![0]
    };
    for rate in [50u32, args.saturation_rate] {
        for &seeded in &databases {
            text::measure(&args, &worker_bin, rate, seeded, &mut report).await?;
        }
    }
    if args.storm_jobs > 0 {
        report.section("hold storm (two worker processes, three cabins)");
        storm::measure(&args, &worker_bin, &mut report).await?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        println!("{}", report.render());
    }
    Ok(())
}

/// A fleet of the benchmark's own: a fresh, migrated database with the demo property, and a
/// Redis prefix (remembered, so an interrupted run still removes it); dropped, and the prefix
/// purged, by `Fleet::drop_db`.
pub async fn fleet(args: &ConversationArgs, what: &str) -> anyhow::Result<Fleet> {
    let prefix = scratch::prefix(what);
    let db_name = format!("bench_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
    let fleet = Fleet::create(&args.database_url, &args.redis_url, &db_name, &prefix).await?;
    workers::cli::demo::seed(&fleet.db).await?;
    Ok(fleet)
}

/// Starts a worker process for the benchmark's fleet, serving `queues`, with the fake Graph API
/// (which also makes Mercado Pago's payment links) at `graph`.
pub fn spawn_worker(bin: &Path, fleet: &Fleet, graph: &str, queues: &str) -> anyhow::Result<Child> {
    let mut env = fleet.base_env();
    for (k, v) in [
        ("WHATSAPP_API_BASE", graph),
        ("WHATSAPP_ACCESS_TOKEN", "bench"),
        ("MERCADOPAGO_API_BASE", graph),
        ("MERCADOPAGO_ACCESS_TOKEN", "bench"),
        ("WORKER_CONCURRENCY", "32"),
    ] {
        env.push((k.to_owned(), v.to_owned()));
    }
    Ok(worker_command(bin, &env, &[("WORKER_QUEUES", queues)]).spawn()?)
}

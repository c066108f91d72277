//! `fleet-bench conversation`: the booking conversation's figures, end to end through real
//! processes: the in-process ingress, release `worker` processes, PostgreSQL and Redis, with the
//! Graph API faked by a small local server that notes when each reply arrives.
//!
//! - Text reply latency: a guest asks for availability ("¿Tenés lugar para 2 del … al …?") and
//!   the clock runs from the webhook being sent until the fake Graph API receives the answer;
//!   p50/p95/p99 at 50 and at 500 new conversations per second (open loop, so a slow reply
//!   never delays the next guest).
//! - Hold storm: thousands of `PreReserve` for overlapping stays on three cabins across two
//!   worker processes: holds placed per second and the number of overlapping live stays (0).

mod graph;
mod storm;
mod text;

use std::{path::PathBuf, process::Child};

use clap::Args;

use crate::report::Report;

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
    /// PreReserve jobs in the storm.
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
    for rate in [50u32, 500] {
        text::measure(&args, &worker_bin, rate, &mut report).await?;
    }
    report.section("hold storm (two worker processes, three cabins)");
    storm::measure(&args, &worker_bin, &mut report).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        println!("{}", report.render());
    }
    Ok(())
}

/// A fresh, migrated database with the demo property; dropped by [`Db::drop_db`].
pub struct Db {
    pub name: String,
    pub url: String,
    pub pool: sqlx::PgPool,
    admin: String,
}

impl Db {
    pub async fn fresh(admin: &str) -> anyhow::Result<Db> {
        use sqlx::Connection;
        let name = format!("bench_{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
        let mut conn = sqlx::PgConnection::connect(admin).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await?;
        let base = admin.rsplit_once('/').map_or(admin, |(b, _)| b);
        let url = format!("{base}/{name}");
        let pool = sqlx::PgPool::connect(&url).await?;
        store::migrate(&pool).await?;
        workers::cli::demo::seed(&pool).await?;
        Ok(Db {
            name,
            url,
            pool,
            admin: admin.to_owned(),
        })
    }

    pub async fn drop_db(self) {
        use sqlx::Connection;
        self.pool.close().await;
        if let Ok(mut conn) = sqlx::PgConnection::connect(&self.admin).await {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            )))
            .execute(&mut conn)
            .await;
        }
    }
}

/// Starts a worker process for the benchmark's database, prefix and fake Graph API.
pub fn spawn_worker(
    bin: &PathBuf,
    db: &Db,
    redis: &str,
    prefix: &str,
    graph: &str,
    queues: &str,
) -> anyhow::Result<Child> {
    Ok(std::process::Command::new(bin)
        .env("DATABASE_URL", &db.url)
        .env("REDIS_URL", redis)
        .env("FLEET_REDIS_PREFIX", prefix)
        .env("WHATSAPP_API_BASE", graph)
        .env("WHATSAPP_ACCESS_TOKEN", "bench")
        .env("MERCADOPAGO_API_BASE", graph)
        .env("MERCADOPAGO_ACCESS_TOKEN", "bench")
        .env("WORKER_METRICS_ADDR", "off")
        .env("SCHEDULES_ENABLED", "false")
        .env("WORKER_QUEUES", queues)
        .env("WORKER_CONCURRENCY", "32")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .spawn()?)
}

/// Stops worker processes gracefully.
pub fn stop(children: &mut [Child]) {
    for c in children.iter() {
        let _ = std::process::Command::new("kill")
            .arg("-TERM")
            .arg(c.id().to_string())
            .status();
    }
    for c in children.iter_mut() {
        let _ = c.wait();
    }
}

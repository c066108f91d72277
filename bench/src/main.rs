//! `fleet-bench`: the figures the project's issue asks for, measured in one run each, with
//! the peers measured in the same run on the same Redis so that each figure can be given as a
//! ratio rather than as an absolute time that depends on the machine.
//!
//! # Layout
//! - [`queue`]: `fleet-bench queue`: the LPUSH ceiling (redis-benchmark), the fleet's enqueue,
//!   processing and pickup figures, the 100k backlog, raw apalis-redis 1.0.0 and BullMQ.
//! - [`queue`] also holds `fleet-bench sidekiq`: the keyed drain against Sidekiq.
//! - [`conversation`]: `fleet-bench conversation`: webhook-to-reply latency of text messages at
//!   50/s and at saturation through worker processes, CPU per message by process, on an empty
//!   and a seeded database, and the hold storm.
//! - [`webhooks`]: `fleet-bench ingress`: signed WhatsApp deliveries against the ingress, closed
//!   loop (peak accepted/s) and open loop at a fixed rate (latency without coordinated omission).
//! - [`console`]: `fleet-bench console`: the staff console's pages rendered for a property with a
//!   year of reservations and 5,000 conversations, p50/p95/max per page.
//! - [`spoken`]: `fleet-bench spoken`: what a spoken reply adds to the guest's wait (synthesis,
//!   encoding, upload to a fake Graph API), p50/p95/max.
//! - [`pms`]: `fleet-bench pms`: the QloApps PMS adapter's added latency per turn against its
//!   loopback fake, with and without the availability cache (p50/p95/p99).
//! - [`queue::topology`]: `fleet-bench topology`: the queue on a local Redis Cluster against one
//!   Redis, and push latency through Sentinel with `replica_wait` against off.
//! - [`report`]: one table (and the same figures as JSON) with PASS/FAIL beside each target.
//! - [`stats`], [`sys`], [`scratch`], [`logs`]: percentiles, CPU and Redis counters, the
//!   benchmark's own Redis prefixes, and the count of warnings the code under test logged.
//!
//! The benchmark never touches a key outside the prefixes it makes (`bench-<uuid>-...`), and
//! removes them before it exits, so it can run against a Redis that others use.

mod console;
mod conversation;
mod logs;
mod pms;
mod queue;
mod report;
mod scratch;
mod spoken;
mod stats;
mod sys;
mod webhooks;

use clap::{Parser, Subcommand};
use futures::FutureExt;

#[derive(Debug, Parser)]
#[command(
    name = "fleet-bench",
    about = "Queue and ingress benchmarks of the booking fleet, with their peers in the same run"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Queue figures: LPUSH ceiling, enqueue/s, processed/s, pickup latency, 100k backlog,
    /// raw apalis-redis 1.0.0 and BullMQ on the same Redis.
    Queue(queue::QueueArgs),
    /// Ingress figures: peak accepted webhooks/s and latency at a fixed offered rate.
    Ingress(webhooks::IngressArgs),
    /// Booking conversation figures: text reply latency at 50/s and at saturation, CPU per
    /// message by process, on an empty and a seeded database; the hold storm.
    Conversation(conversation::ConversationArgs),
    /// The fleet's keyed drain against Sidekiq (one process per core), taking turns.
    Sidekiq(queue::SidekiqArgs),
    /// Staff console page render times with a year of reservations and 5,000 conversations.
    Console(console::ConsoleArgs),
    /// Spoken replies' added latency: synthesis, encoding and upload to a fake Graph API.
    Spoken(spoken::SpokenArgs),
    /// What the QloApps PMS adapter adds to a turn, with and without its availability cache.
    Pms(pms::PmsArgs),
    /// The queue on a local three-primary Redis Cluster against one Redis, and push latency at a
    /// fixed rate through Sentinel with `replica_wait` against off (servers of its own).
    Topology(queue::topology::TopologyArgs),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let (url, run) = match cli.command {
        // No Redis: nothing to clean up after a signal.
        Command::Spoken(args) => return spoken::run(args).await,
        // Its Redis servers are its own: dropping the run kills them and removes their folders,
        // so a signal only has to drop it.
        Command::Topology(args) => {
            let _warnings = logs::init(false);
            let finished = tokio::select! {
                result = queue::topology::run(args) => Some(result),
                () = jobs::signal::shutdown_signal() => None,
            };
            return finished.unwrap_or_else(|| std::process::exit(130));
        }
        Command::Queue(args) => {
            let warnings = logs::init(false);
            (args.redis_url.clone(), queue::run(args, warnings).boxed())
        }
        Command::Sidekiq(args) => {
            let warnings = logs::init(false);
            (
                args.redis_url.clone(),
                queue::versus_sidekiq(args, warnings).boxed(),
            )
        }
        Command::Conversation(args) => {
            let _warnings = logs::init(false);
            (args.redis_url.clone(), conversation::run(args).boxed())
        }
        Command::Console(args) => {
            // The ingress runs in this process and logs every request as production does.
            let _warnings = logs::init(true);
            (args.redis_url.clone(), console::run(args).boxed())
        }
        Command::Pms(args) => {
            let _warnings = logs::init(false);
            (args.redis_url.clone(), pms::run(args).boxed())
        }
        Command::Ingress(args) => {
            // In-process, the ingress logs every request as production does (JSON at INFO);
            // the lines go nowhere, but their cost is paid as in production.
            let warnings = logs::init(args.ingress_bin.is_none());
            (
                args.redis_url.clone(),
                webhooks::run(args, warnings).boxed(),
            )
        }
    };
    tokio::select! {
        result = run => result,
        () = jobs::signal::shutdown_signal() => {
            // The measurement in flight is dropped (its child processes are killed with it);
            // what it made in Redis and on disk goes too.
            scratch::clean_up_after_signal(&url).await;
            std::process::exit(130);
        }
    }
}

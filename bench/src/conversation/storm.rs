//! Holds placed per second when thousands of guests ask for overlapping stays at once.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use chrono::{Duration as Days, Utc};
use jobs::{
    EnqueueOptions, QueueName,
    backend::NewJob,
    domain::{IdempotencyKey, PhoneNumber},
    payloads::{Channel, PreReserve},
};

use testkit::harness::terminate;

use super::{ConversationArgs, fleet, graph, spawn_worker};
use crate::{report::Report, stats};

pub async fn measure(
    args: &ConversationArgs,
    worker_bin: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    let fleet = fleet(args, "storm").await?;
    let queue = &fleet.queue;
    let (graph_url, _) = graph::start().await?;
    let cabins: Vec<i64> = sqlx::query_scalar("SELECT id FROM accommodations ORDER BY id")
        .fetch_all(&fleet.db)
        .await?;
    let mut workers = Vec::new();
    for _ in 0..2 {
        workers.push(spawn_worker(
            worker_bin,
            &fleet,
            &graph_url,
            "pre_reserve,send_reply",
        )?);
    }
    tokio::time::sleep(Duration::from_millis(700)).await;

    let base = (Utc::now() + Days::days(30)).date_naive();
    let jobs: Vec<NewJob> = (0..args.storm_jobs)
        .map(|n| {
            let check_in = base + Days::days((n as i64 * 13) % 60);
            let job = PreReserve {
                channel: Channel::Whatsapp {
                    phone_number_id: workers::cli::demo::DEMO_PHONE_NUMBER_ID.into(),
                    from: PhoneNumber::parse(format!("5491160{n:06}")).expect("valid"),
                },
                cause_message_id: format!("wamid.storm.{n}"),
                accommodation_id: cabins[n % cabins.len()],
                check_in,
                check_out: check_in + Days::days(1 + (n as i64 % 4)),
                guests: 2,
                guest_name: None,
                received_at_ms: Utc::now().timestamp_millis(),
            };
            let key = IdempotencyKey::namespaced("book", &format!("storm.{n}")).expect("key");
            NewJob::new(&job, EnqueueOptions::keyed(key)).expect("encodes")
        })
        .collect();
    let started = Instant::now();
    for chunk in jobs.chunks(500) {
        queue.push_many(chunk.to_vec()).await?;
    }
    loop {
        let d = queue.depth(&[QueueName::PreReserve]).await?[0].1;
        if d.pending + d.running + d.scheduled == 0 || started.elapsed() > Duration::from_secs(300)
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let elapsed = started.elapsed();
    terminate(&mut workers);

    let holds: i64 =
        sqlx::query_scalar("SELECT count(*) FROM reservations WHERE status = 'pre_reserved'")
            .fetch_one(&fleet.db)
            .await?;
    let overlaps: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM reservations a JOIN reservations b ON a.accommodation_id = b.accommodation_id AND a.id < b.id
         WHERE a.status IN ('pre_reserved','confirmed') AND b.status IN ('pre_reserved','confirmed') AND a.period && b.period",
    )
    .fetch_one(&fleet.db)
    .await?;
    let answered: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'pre_reserve:%'",
    )
    .fetch_one(&fleet.db)
    .await?;
    let dead = queue.depth(&[QueueName::PreReserve]).await?[0].1.dead;
    report.number("storm_jobs", "PreReserve jobs", args.storm_jobs as f64, "");
    report.number(
        "storm_seconds",
        "time until all were decided",
        elapsed.as_secs_f64(),
        "s",
    );
    report.number(
        "storm_decided_per_s",
        "requests decided per second (held or refused)",
        stats::rate(args.storm_jobs as u64, elapsed),
        "/s",
    );
    report.number("storm_holds", "holds placed", holds as f64, "");
    report.number(
        "storm_holds_per_s",
        "holds placed per second",
        stats::rate(holds as u64, elapsed),
        "/s",
    );
    report.number(
        "storm_answered",
        "guests answered (hold or kind no)",
        answered as f64,
        "",
    );
    report.number(
        "storm_overlaps",
        "overlapping live stays",
        overlaps as f64,
        "",
    );
    report.check(
        "no overlap in the storm",
        Some(overlaps == 0 && dead == 0),
        format!("{overlaps} overlaps, {dead} dead letters"),
    );
    fleet.drop_db().await;
    Ok(())
}

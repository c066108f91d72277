//! Text reply latency at a fixed rate of new conversations.

use std::{
    path::Path,
    time::{Duration, Instant},
};

use chrono::{Datelike, Duration as Days, Utc};
use testkit::{
    Guest,
    harness::{spawn_ingress, terminate},
    secrets::WA_SECRET,
};
use workers::cli::demo::DEMO_PHONE_NUMBER_ID;

use super::{ConversationArgs, fleet, graph, spawn_worker};
use crate::{report::Report, stats, sys};

pub async fn measure(
    args: &ConversationArgs,
    worker_bin: &Path,
    rate: u32,
    seeded: u64,
    report: &mut Report,
) -> anyhow::Result<()> {
    let fleet = fleet(args, "conversation").await?;
    if seeded > 0 {
        fleet.seed_history(seeded).await?;
        // The seeding's own writes and the analyze settle before the clock starts.
        sqlx::query("CHECKPOINT").execute(&fleet.db).await.ok();
    }
    let (graph_url, arrivals) = graph::start().await?;
    // The ingress as the providers see it: no database, the kit's secrets.
    let ingress = spawn_ingress(None, &fleet.redis_url, &fleet.prefix, |_| {}).await?;
    let mut workers = vec![spawn_worker(
        worker_bin,
        &fleet,
        &graph_url,
        "parse_intent,send_reply",
    )?];
    tokio::time::sleep(Duration::from_millis(700)).await;
    let quiet = sys::wait_quiet(0.25, Duration::from_secs(20)).await;
    let mut redis = redis::Client::open(fleet.redis_url.as_str())?
        .get_multiplexed_async_connection()
        .await?;
    let cpu = sys::CpuSpan::start(&mut redis).await;
    let worker_cpu_before: Duration = workers
        .iter()
        .filter_map(|w| sys::process_cpu(w.id()))
        .sum();
    let postgres_before = sys::postgres_cpu();

    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .build()?;
    let question = question();
    let run = uuid::Uuid::new_v4().as_u128() as u32 % 10_000;
    let total = (rate as u64 * args.seconds) as usize;
    let period = Duration::from_secs_f64(1.0 / rate as f64);
    let start = tokio::time::Instant::now() + Duration::from_millis(100);
    let mut sent: Vec<(String, Instant)> = Vec::with_capacity(total);
    let mut tasks = Vec::with_capacity(total);
    for i in 0..total {
        let at = start + period.mul_f64(i as f64);
        tokio::time::sleep_until(at).await;
        let phone = format!("5491{run:04}{i:06}");
        let guest = Guest::whatsapp(&ingress.url, DEMO_PHONE_NUMBER_ID, &phone, WA_SECRET)
            .with_http(http.clone());
        // The clock starts at the scheduled send time (no coordinated omission).
        sent.push((guest.reply_address(), at.into_std()));
        let question = question.clone();
        tasks.push(tokio::spawn(async move { guest.say(&question).await }));
    }
    let mut refused = 0;
    for t in tasks {
        if !matches!(t.await, Ok(Ok(_))) {
            refused += 1;
        }
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while arrivals.lock().map(|m| m.len()).unwrap_or(0) < total - refused
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (latencies, last): (Vec<Duration>, Option<Instant>) = {
        let map = arrivals.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
        let latencies = sent
            .iter()
            .filter_map(|(to, at)| map.get(to).map(|got| got.saturating_duration_since(*at)))
            .collect();
        (latencies, map.values().max().copied())
    };
    let used = cpu.finish(&mut redis).await;
    let worker_cpu = workers
        .iter()
        .filter_map(|w| sys::process_cpu(w.id()))
        .sum::<Duration>()
        .saturating_sub(worker_cpu_before);
    let postgres_cpu = sys::postgres_cpu_since(&postgres_before);
    let answered = latencies.len();
    let database = if seeded > 0 {
        format!("{} messages", crate::report::fmt_number(seeded as f64))
    } else {
        "empty".to_owned()
    };
    let key = format!(
        "text_{rate}_{}",
        if seeded > 0 { "seeded" } else { "empty" }
    );
    report.text(
        &format!("{key}_database"),
        &format!("{rate}/s: database"),
        format!("{database} ({})", quiet.describe()),
    );
    report.number(
        &format!("{key}_offered"),
        &format!("{rate}/s: conversations started"),
        total as f64,
        "",
    );
    report.number(
        &format!("{key}_answered"),
        &format!("{rate}/s: answered"),
        answered as f64,
        "",
    );
    if let (Some(first), Some(last)) = (sent.first().map(|s| s.1), last) {
        report.number(
            &format!("{key}_sustained"),
            &format!("{rate}/s: replies per second sustained (answered / first send → last reply)"),
            stats::rate(answered as u64, last.saturating_duration_since(first)),
            "/s",
        );
    }
    if answered > 0 {
        let per = |d: Option<Duration>| d.map(|d| stats::ms(d) / answered as f64);
        let bench = used.this_process;
        let redis_cpu = used.redis.as_ref().map(|r| r.cpu);
        let total = [bench, Some(worker_cpu), Some(postgres_cpu), redis_cpu]
            .into_iter()
            .sum::<Option<Duration>>();
        for (name, d) in [
            ("total", total),
            ("ingress_and_load", bench),
            ("worker", Some(worker_cpu)),
            ("postgres", Some(postgres_cpu)),
            ("redis", redis_cpu),
        ] {
            report.maybe(
                &format!("{key}_cpu_{name}_ms"),
                &format!("{rate}/s: CPU per message, {}", name.replace('_', " ")),
                per(d).ok_or_else(|| "not readable here".to_owned()),
                "ms",
            );
        }
    }
    let p = percentiles(latencies);
    for (name, v) in [("p50", p.0), ("p95", p.1), ("p99", p.2), ("max", p.3)] {
        report.number(
            &format!("{key}_{name}_ms"),
            &format!("{rate}/s: reply latency {name}"),
            stats::ms(v),
            "ms",
        );
    }
    if rate == 50 {
        report.check(
            format!("text reply p95 < 15 ms at 50/s ({database})"),
            Some(p.1 < Duration::from_millis(15) && answered == total),
            format!("{:.1} ms", stats::ms(p.1)),
        );
    }
    terminate(&mut workers);
    ingress.stop().await;
    fleet.drop_db().await;
    Ok(())
}

/// Nearest-rank p50, p95, p99 and max.
fn percentiles(mut v: Vec<Duration>) -> (Duration, Duration, Duration, Duration) {
    if v.is_empty() {
        return Default::default();
    }
    v.sort_unstable();
    let at = |p: f64| v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (at(0.50), at(0.95), at(0.99), v[v.len() - 1])
}

fn question() -> String {
    let check_in = (Utc::now() + Days::days(40)).date_naive();
    let check_out = check_in + Days::days(2);
    format!(
        "¿Tenés lugar para 2 del {}/{} al {}/{}?",
        check_in.day(),
        check_in.month(),
        check_out.day(),
        check_out.month()
    )
}

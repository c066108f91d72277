//! Text reply latency at a fixed rate of new conversations.

use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use chrono::{Datelike, Duration as Days, Utc};
use jobs::{RedisQueue, RedisQueueConfig, domain::PhoneNumber};

use super::{ConversationArgs, Db, graph, spawn_worker, stop};
use crate::{report::Report, scratch, stats};

const SECRET: &str = "bench-app-secret";

pub async fn measure(
    args: &ConversationArgs,
    worker_bin: &PathBuf,
    rate: u32,
    report: &mut Report,
) -> anyhow::Result<()> {
    let db = Db::fresh(&args.database_url).await?;
    let prefix = scratch::prefix("conversation");
    let (graph_url, arrivals) = graph::start().await?;
    let ingress_url = start_ingress(&args.redis_url, &prefix).await?;
    let mut workers = vec![spawn_worker(
        worker_bin,
        &db,
        &args.redis_url,
        &prefix,
        &graph_url,
        "parse_intent,send_reply",
    )?];
    tokio::time::sleep(Duration::from_millis(700)).await;

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
        let sendable = PhoneNumber::parse(&phone)?.whatsapp_sendable();
        // The clock starts at the scheduled send time (no coordinated omission).
        sent.push((sendable, at.into_std()));
        let (http, url, body) = (
            http.clone(),
            ingress_url.clone(),
            delivery(&phone, i, &question),
        );
        tasks.push(tokio::spawn(async move { send(&http, &url, body).await }));
    }
    let mut refused = 0;
    for t in tasks {
        if !matches!(t.await, Ok(Ok(()))) {
            refused += 1;
        }
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while arrivals.lock().map(|m| m.len()).unwrap_or(0) < total - refused
        && Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let latencies: Vec<Duration> = {
        let map = arrivals.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
        sent.iter()
            .filter_map(|(to, at)| map.get(to).map(|got| got.saturating_duration_since(*at)))
            .collect()
    };
    let answered = latencies.len();
    let key = format!("text_{rate}");
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
            "text reply p95 < 100 ms at 50/s",
            Some(p.1 < Duration::from_millis(100) && answered == total),
            format!("{:.1} ms", stats::ms(p.1)),
        );
    }
    stop(&mut workers);
    let _ = RedisQueue::connect(RedisQueueConfig::new(args.redis_url.clone(), prefix))
        .await?
        .purge()
        .await;
    db.drop_db().await;
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

fn delivery(phone: &str, i: usize, text: &str) -> String {
    serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "bench", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "5492972000000", "phone_number_id": workers::cli::demo::DEMO_PHONE_NUMBER_ID },
            "contacts": [{ "profile": { "name": "Huésped" }, "wa_id": phone }],
            "messages": [{ "from": phone, "id": format!("wamid.bench.{phone}.{i}"), "timestamp": "1764000000", "type": "text", "text": { "body": text } }]
        }}]}]
    })
    .to_string()
}

async fn send(http: &reqwest::Client, url: &str, body: String) -> anyhow::Result<()> {
    let sig = ingress::signature::whatsapp::header_for(SECRET.as_bytes(), body.as_bytes());
    let resp = http
        .post(url)
        .header("x-hub-signature-256", sig)
        .body(body)
        .send()
        .await?;
    anyhow::ensure!(
        resp.status().is_success(),
        "ingress answered {}",
        resp.status()
    );
    Ok(())
}

async fn start_ingress(redis_url: &str, prefix: &str) -> anyhow::Result<String> {
    let cfg = ingress::config::IngressConfig {
        addr: "127.0.0.1:0".parse()?,
        database_url: None,
        queue: RedisQueueConfig::new(redis_url, prefix),
        whatsapp_app_secret: Some(secrecy::SecretString::from(SECRET)),
        whatsapp_verify_token: None,
        mercadopago_webhook_secret: None,
        mailgun_signing_key: None,
        admin_token: None,
        max_body_bytes: 1 << 20,
        max_email_bytes: 1 << 20,
        rate_limit_per_minute: u64::MAX / 2,
        trust_forwarded_for: false,
        ready_timeout: Duration::from_secs(2),
        sandbox: false,
        ical_export_secret: None,
        ical_max_sync_age: Duration::from_secs(1200),
    };
    let app = ingress::startup::Application::build(cfg).await?;
    let url = format!("http://127.0.0.1:{}/webhooks/whatsapp", app.port());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    Ok(url)
}

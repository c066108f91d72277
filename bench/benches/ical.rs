//! Calendar sync and export, measured: `cargo bench -p bench --bench ical`.
//!
//! 500 feeds × 100 events served by a local HTTP fake (wiremock), synced through the real code
//! path (`handlers::sync_ical::sync::sync_feed`, what the `SyncIcal` handler runs) against a fresh PostgreSQL
//! database, 16 at a time (a worker's default concurrency): the first full import, a re-sync
//! answered by 304s, and a re-sync of the same bytes without validators. Then the export of an
//! accommodation with a year of reservations, over HTTP from the real ingress: p50/p99.
//! Needs PostgreSQL and Redis (`DATABASE_URL` server URL, `REDIS_URL`), like the tests.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark that cannot set up stops

use std::{
    collections::HashMap,
    time::{Duration, Instant},
};

use channels::ical::{FetchConfig, Fetcher};
use chrono::{Duration as Days, NaiveDate};
use futures::StreamExt;
use jobs::{JobMeta, QueueName};
use sqlx::{Connection, PgConnection, PgPool, postgres::PgPoolOptions};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate, matchers::method};
use workers::{
    handlers::sync_ical::sync::{SyncOutcome, SyncSettings, sync_feed},
    notices::NoticeConfig,
    run::Run,
};

const FEEDS: usize = 500;
const EVENTS: usize = 100;
const CONCURRENCY: usize = 16;
const EXPORT_REQUESTS: usize = 2000;

/// Serves `/feed/<n>.ics` with an ETag; a matching `If-None-Match` gets a 304.
struct Channel(HashMap<String, (String, String)>);

impl Respond for Channel {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let Some((body, etag)) = self.0.get(request.url.path()) else {
            return ResponseTemplate::new(404);
        };
        let inm = request
            .headers
            .get("if-none-match")
            .and_then(|v| v.to_str().ok());
        if inm == Some(etag.as_str()) {
            return ResponseTemplate::new(304);
        }
        ResponseTemplate::new(200)
            .insert_header("etag", etag.as_str())
            .set_body_string(body.clone())
    }
}

fn feed_body(n: usize, first: NaiveDate) -> String {
    let mut s = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN\r\n",
    );
    for i in 0..EVENTS {
        let start = first + Days::days(3 * i as i64);
        let end = start + Days::days(2);
        s.push_str(&format!(
            "BEGIN:VEVENT\r\nDTSTAMP:20261123T120000Z\r\nDTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\nUID:1418fb94e984-{n:04}{i:04}@airbnb.com\r\nSUMMARY:Reserved\r\nEND:VEVENT\r\n",
            start.format("%Y%m%d"),
            end.format("%Y%m%d")
        ));
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

fn admin_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_db(url: &str, db: &str) -> String {
    let start = url.find("://").map_or(0, |i| i + 3);
    match url[start..].find('/') {
        Some(i) => format!("{}/{db}", &url[..start + i]),
        None => format!("{url}/{db}"),
    }
}

fn meta(key: String) -> JobMeta {
    JobMeta {
        id: uuid::Uuid::new_v4().to_string(),
        queue: QueueName::SyncIcal,
        idempotency_key: Some(key),
        traceparent: None,
        request_id: None,
        enqueued_at_ms: 0,
        attempt: 1,
        max_attempts: 4,
    }
}

/// Syncs every feed once, `CONCURRENCY` at a time; wall time and outcomes by kind.
async fn pass(
    db: &PgPool,
    fetcher: &Fetcher,
    feeds: &[i64],
    name: &str,
) -> (Duration, HashMap<String, usize>) {
    let started = Instant::now();
    let outcomes: Vec<SyncOutcome> = futures::stream::iter(feeds.iter().copied())
        .map(|feed| async move {
            let run = Run::of(&meta(format!("bench:{name}:{feed}")));
            let notices = NoticeConfig::default();
            let settings = SyncSettings {
                notices: &notices,
                empty_feed_grace: std::time::Duration::from_secs(24 * 3600),
                now: chrono::Utc::now(),
            };
            sync_feed(db, fetcher, &settings, &run, feed)
                .await
                .expect("sync")
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let elapsed = started.elapsed();
    let mut kinds = HashMap::new();
    for o in outcomes {
        let kind = match o {
            SyncOutcome::Applied(_) => "applied".to_owned(),
            SyncOutcome::NotModified => "not_modified".to_owned(),
            other => format!("{other:?}"),
        };
        *kinds.entry(kind).or_insert(0) += 1;
    }
    (elapsed, kinds)
}

async fn seed(db: &PgPool, accommodations: usize) -> Vec<i64> {
    let property: i64 =
        sqlx::query_scalar("INSERT INTO properties (name) VALUES ('Bench') RETURNING id")
            .fetch_one(db)
            .await
            .unwrap();
    sqlx::query_scalar(
        "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night)
         SELECT $1, 'Cabaña ' || g, 4, 50000 FROM generate_series(1, $2) g RETURNING id",
    )
    .bind(property)
    .bind(accommodations as i32)
    .fetch_all(db)
    .await
    .unwrap()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

async fn export_latency(
    db_url: &str,
    db: &PgPool,
    accommodation: i64,
) -> (usize, Duration, Duration, Duration) {
    // A year of stays: 3 nights each, one free night between them.
    let first = chrono::Utc::now().date_naive();
    let mut n = 0;
    let mut day = first;
    while day < first + Days::days(365) {
        sqlx::query(
            "INSERT INTO reservations (code, accommodation_id, check_in, check_out, status, channel_source)
             VALUES ($1, $2, $3, $4, 'confirmed', 'whatsapp')",
        )
        .bind(format!("RES{n:09}"))
        .bind(accommodation)
        .bind(day)
        .bind(day + Days::days(3))
        .execute(db)
        .await
        .unwrap();
        n += 1;
        day += Days::days(4);
    }
    let secret = "bench-secret-0123456789abcdef0123456789";
    let redis = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into());
    let prefix = format!("bench-{}", uuid::Uuid::new_v4().simple());
    let ingress = testkit::harness::spawn_ingress(Some(db_url), &redis, &prefix, |cfg| {
        cfg.ical_export_secret = Some(secrecy::SecretString::from(secret));
        cfg.rate_limit_per_minute = 1_000_000;
    })
    .await
    .unwrap();
    let url = calendar::token::url(&ingress.url, secret.as_bytes(), accommodation);
    let http = reqwest::Client::new();
    for _ in 0..50 {
        http.get(&url).send().await.unwrap().bytes().await.unwrap(); // warm-up
    }
    let mut times = Vec::with_capacity(EXPORT_REQUESTS);
    for _ in 0..EXPORT_REQUESTS {
        let started = Instant::now();
        let resp = http.get(&url).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        resp.bytes().await.unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    (
        n,
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1],
    )
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` asks; there are no sub-benchmarks to list
    }
    let name = format!("fleet_bench_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(&admin_url())
        .await
        .expect("PostgreSQL (DATABASE_URL)");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let db_url = with_db(&admin_url(), &name);
    let db = PgPoolOptions::new()
        .max_connections(CONCURRENCY as u32 + 4)
        .connect(&db_url)
        .await
        .unwrap();
    store::migrate(&db).await.unwrap();

    let cabins = seed(&db, FEEDS + 1).await;
    let first = chrono::Utc::now().date_naive() + Days::days(1);
    let mut bodies = HashMap::new();
    for n in 0..FEEDS {
        bodies.insert(
            format!("/feed/{n}.ics"),
            (feed_body(n, first), format!("\"v{n}\"")),
        );
    }
    let bytes: usize = bodies.values().map(|(b, _)| b.len()).sum();
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(Channel(bodies))
        .mount(&server)
        .await;
    let mut feeds = Vec::new();
    for (n, cabin) in cabins.iter().take(FEEDS).enumerate() {
        feeds.push(
            sqlx::query_scalar::<_, i64>("INSERT INTO ical_feeds (accommodation_id, channel, url) VALUES ($1, 'airbnb', $2) RETURNING id")
                .bind(cabin)
                .bind(format!("{}/feed/{n}.ics", server.uri()))
                .fetch_one(&db)
                .await
                .unwrap(),
        );
    }
    let fetcher = Fetcher::new(FetchConfig::default());
    println!(
        "ical bench: {FEEDS} feeds x {EVENTS} events ({:.1} MB of iCal), {CONCURRENCY} syncs at a time",
        bytes as f64 / 1e6
    );

    let (t, kinds) = pass(&db, &fetcher, &feeds, "full").await;
    let blocks: i64 = sqlx::query_scalar("SELECT count(*) FROM reservations WHERE channel_source = 'ical_import' AND status = 'confirmed'")
        .fetch_one(&db)
        .await
        .unwrap();
    println!(
        "full sync:                 {:>8.2} s  ({:.1} feeds/s, {blocks} blocks stored) {kinds:?}",
        t.as_secs_f64(),
        FEEDS as f64 / t.as_secs_f64()
    );

    let (t, kinds) = pass(&db, &fetcher, &feeds, "304").await;
    println!(
        "re-sync, unchanged (304):  {:>8.2} s  ({:.1} feeds/s) {kinds:?}",
        t.as_secs_f64(),
        FEEDS as f64 / t.as_secs_f64()
    );

    sqlx::query("UPDATE ical_feeds SET etag = NULL")
        .execute(&db)
        .await
        .unwrap();
    let (t, kinds) = pass(&db, &fetcher, &feeds, "same").await;
    println!(
        "re-sync, same bytes (200): {:>8.2} s  ({:.1} feeds/s) {kinds:?}",
        t.as_secs_f64(),
        FEEDS as f64 / t.as_secs_f64()
    );

    let (stays, p50, p99, max) = export_latency(&db_url, &db, cabins[FEEDS]).await;
    println!(
        "export, {stays} stays over a year, {EXPORT_REQUESTS} GETs over HTTP: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        p50.as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );

    db.close().await;
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await;
}

//! Calendar sync against real PostgreSQL and Redis, channels faked with wiremock over HTTP.
//! Most tests run the `SyncIcal` code path in-process (`handlers::sync_ical::sync::sync_feed`, the function the
//! handler calls) for precise outcomes; the hold test runs a real worker process and
//! `fleetctl ical sync`, and the export tests the real ingress.

use std::time::Duration;

use channels::ical::{FetchConfig, Fetcher};
use chrono::NaiveDate;
use jobs::{JobMeta, QueueName};
use sqlx::PgPool;
use store::ical::import::Applied;
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{body_string_contains, header, method, path},
};
use workers::{
    handlers::sync_ical::sync::{SyncOutcome, SyncSettings, sync_feed},
    notices::NoticeConfig,
    run::Run,
};

use crate::support::*;

const SECRET: &str = "test-ical-export-secret-0123456789";

fn fixtures_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/ical")
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn fetcher() -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout: Duration::from_millis(500),
        ..FetchConfig::default()
    })
}

/// A property with `n` cabins; their ids.
async fn cabins(db: &PgPool, n: usize) -> Vec<i64> {
    let property: i64 = sqlx::query_scalar(
        "INSERT INTO properties (name, whatsapp_phone_number_id) VALUES ('Cabañas del Lago', '106540352242922') RETURNING id",
    )
    .fetch_one(db)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        ids.push(
            sqlx::query_scalar("INSERT INTO accommodations (property_id, name, capacity, base_price_per_night) VALUES ($1, $2, 4, 50000) RETURNING id")
                .bind(property)
                .bind(format!("Cabaña {i}"))
                .fetch_one(db)
                .await
                .unwrap(),
        );
    }
    ids
}

async fn add_feed(db: &PgPool, accommodation: i64, url: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO ical_feeds (accommodation_id, channel, url) VALUES ($1, 'airbnb', $2) RETURNING id",
    )
    .bind(accommodation)
    .bind(url)
    .fetch_one(db)
    .await
    .unwrap()
}

/// "Now" for in-process syncs: recurring events in the fixtures' expectations
/// (`calendar/tests/data/ical/`) are expanded from 2026-01-01 in Buenos Aires.
fn fixtures_now() -> chrono::DateTime<chrono::Utc> {
    "2026-01-01T15:00:00Z".parse().unwrap()
}

/// One run of a SyncIcal job for the feed (a fresh idempotency key, like a new tick), with the
/// default empty-feed grace (24 h).
async fn sync(db: &PgPool, fetcher: &Fetcher, feed: i64) -> SyncOutcome {
    sync_with_grace(db, fetcher, feed, Duration::from_secs(24 * 3600)).await
}

async fn sync_with_grace(
    db: &PgPool,
    fetcher: &Fetcher,
    feed: i64,
    empty_feed_grace: Duration,
) -> SyncOutcome {
    let meta = JobMeta {
        id: uuid::Uuid::new_v4().to_string(),
        queue: QueueName::SyncIcal,
        idempotency_key: Some(format!("test:{}", uuid::Uuid::new_v4())),
        traceparent: None,
        request_id: None,
        enqueued_at_ms: 0,
        attempt: 1,
        max_attempts: 4,
    };
    let notices = NoticeConfig::default();
    let settings = SyncSettings {
        notices: &notices,
        empty_feed_grace,
        now: fixtures_now(),
    };
    sync_feed(db, fetcher, &settings, &Run::of(&meta), feed)
        .await
        .unwrap()
}

fn applied(outcome: SyncOutcome) -> Applied {
    match outcome {
        SyncOutcome::Applied(a) => a,
        other => panic!("expected an import, got {other:?}"),
    }
}

/// The feed's live blocks: (uid, check-in, check-out).
async fn live(db: &PgPool, feed: i64) -> Vec<(String, NaiveDate, NaiveDate)> {
    sqlx::query_as(
        "SELECT external_uid, check_in, check_out FROM reservations
         WHERE ical_feed_id = $1 AND status = 'confirmed' AND channel_source = 'ical_import' ORDER BY check_in, external_uid",
    )
    .bind(feed)
    .fetch_all(db)
    .await
    .unwrap()
}

/// Everything about the accommodation's reservations that a sync could change.
async fn snapshot(db: &PgPool) -> Vec<(i64, String, String, NaiveDate, NaiveDate, String)> {
    sqlx::query_as(
        "SELECT id, code, status::text, check_in, check_out, updated_at::text FROM reservations ORDER BY id",
    )
    .fetch_all(db)
    .await
    .unwrap()
}

async fn serve(server: &MockServer, at: &str, body: impl Into<Vec<u8>>) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(body.into()))
        .mount(server)
        .await;
}

fn event(uid: &str, start: &str, end: &str, extra: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261123T120000Z\r\nDTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\nSUMMARY:Reserved\r\n{extra}END:VEVENT\r\n"
    )
}

fn calendar(events: &[String]) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN\r\n{}END:VCALENDAR\r\n",
        events.concat()
    )
}

#[tokio::test]
async fn every_fixture_imports_to_its_expected_blocks_and_no_night_is_lost() {
    let fleet = Fleet::new().await;
    let server = MockServer::start().await;
    let fetcher = fetcher();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../calendar/tests/data/ical");
    let mut names: Vec<_> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 16);
    let ids = cabins(&fleet.db, names.len()).await;
    for (fixture, cabin) in names.iter().zip(ids) {
        let stem = fixture.file_stem().unwrap().to_str().unwrap().to_owned();
        let at = format!("/feeds/{cabin}.ics");
        serve(&server, &at, std::fs::read(fixture).unwrap()).await;
        let feed = add_feed(&fleet.db, cabin, &format!("{}{at}", server.uri())).await;
        let outcome = applied(sync(&fleet.db, &fetcher, feed).await);

        let expected: Vec<serde_json::Value> =
            std::fs::read_to_string(data.join(format!("{stem}.expected.jsonl")))
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .filter(|v: &serde_json::Value| v["status"] == "confirmed")
                .collect();
        let stored: Vec<(String, NaiveDate, NaiveDate, String, String)> = sqlx::query_as(
            "SELECT uid, check_in, check_out, summary, placement FROM ical_events WHERE ical_feed_id = $1 ORDER BY check_in, check_out, uid",
        )
        .bind(feed)
        .fetch_all(&fleet.db)
        .await
        .unwrap();
        let got: Vec<serde_json::Value> = stored
            .iter()
            .map(|(uid, s, e, summary, _)| serde_json::json!({"uid": uid, "start": s, "end": e, "status": "confirmed", "summary": summary}))
            .collect();
        assert_eq!(got, expected, "{stem}");
        assert_eq!(outcome.conflicts, 0, "{stem}");
        assert!(
            outcome.inserted >= expected.len() - outcome.covered,
            "{stem}: {outcome:?}"
        );
        // Every night some event of the feed covers is held by a live block (overlapping events
        // in one feed, like the merged listings of 03, are `covered`, not lost).
        let uncovered: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM ical_events e, generate_series(e.check_in, e.check_out - 1, interval '1 day') AS night
             WHERE e.ical_feed_id = $1 AND NOT EXISTS (
                SELECT 1 FROM reservations r WHERE r.accommodation_id = $2 AND r.status = 'confirmed' AND r.period @> night::date)",
        )
        .bind(feed)
        .bind(cabin)
        .fetch_one(&fleet.db)
        .await
        .unwrap();
        assert_eq!(uncovered, 0, "{stem}: nights not held");
        // Syncing it again writes nothing (covered events are re-checked, not re-cut).
        let before = snapshot(&fleet.db).await;
        let again = sync(&fleet.db, &fetcher, feed).await;
        let expected_again = if outcome.covered == 0 {
            SyncOutcome::NotModified
        } else {
            SyncOutcome::Applied(Applied {
                unchanged: expected.len() - outcome.covered,
                covered: outcome.covered,
                ..Applied::default()
            })
        };
        assert_eq!(again, expected_again, "{stem}");
        assert_eq!(
            snapshot(&fleet.db).await,
            before,
            "{stem}: a re-sync changed reservations"
        );
    }
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_resync_of_an_unchanged_feed_changes_nothing_and_uses_304() {
    let fleet = Fleet::new().await;
    let cabin = cabins(&fleet.db, 1).await[0];
    let server = MockServer::start().await;
    let body = calendar(&[
        event("a@airbnb.com", "20261210", "20261213", ""),
        event("b@airbnb.com", "20261220", "20261222", ""),
    ]);
    // A channel with validators: the second fetch carries If-None-Match and gets a 304.
    Mock::given(method("GET"))
        .and(path("/etag.ics"))
        .and(header("if-none-match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .expect(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/etag.ics"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("etag", "\"v1\"")
                .set_body_string(body.clone()),
        )
        .expect(1)
        .mount(&server)
        .await;
    // A channel without validators that sends the same bytes (DTSTAMP and all) again.
    serve(
        &server,
        "/plain.ics",
        body.replace("a@", "c@").replace("b@", "e@"),
    )
    .await;
    let fetcher = fetcher();
    let with_etag = add_feed(&fleet.db, cabin, &format!("{}/etag.ics", server.uri())).await;
    let cabin2: i64 = sqlx::query_scalar("INSERT INTO accommodations (property_id, name, capacity, base_price_per_night) SELECT property_id, 'Cabaña B', 2, 1 FROM accommodations WHERE id = $1 RETURNING id")
        .bind(cabin)
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    let plain = add_feed(&fleet.db, cabin2, &format!("{}/plain.ics", server.uri())).await;

    assert_eq!(
        applied(sync(&fleet.db, &fetcher, with_etag).await).inserted,
        2
    );
    assert_eq!(applied(sync(&fleet.db, &fetcher, plain).await).inserted, 2);
    let before = snapshot(&fleet.db).await;
    let synced_before: Vec<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT last_synced_at FROM ical_feeds ORDER BY id")
            .fetch_all(&fleet.db)
            .await
            .unwrap();

    assert_eq!(
        sync(&fleet.db, &fetcher, with_etag).await,
        SyncOutcome::NotModified
    );
    assert_eq!(
        sync(&fleet.db, &fetcher, plain).await,
        SyncOutcome::NotModified
    );
    assert_eq!(
        snapshot(&fleet.db).await,
        before,
        "an unchanged feed changed a reservation"
    );
    let synced_after: Vec<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("SELECT last_synced_at FROM ical_feeds ORDER BY id")
            .fetch_all(&fleet.db)
            .await
            .unwrap();
    assert!(
        synced_after.iter().zip(&synced_before).all(|(a, b)| a > b),
        "the sync age restarts"
    );
    server.verify().await;
    fleet.drop_db().await;
}

#[tokio::test]
async fn moved_removed_and_cancelled_events_are_followed() {
    let fleet = Fleet::new().await;
    let cabin = cabins(&fleet.db, 1).await[0];
    let server = MockServer::start().await;
    let fetcher = fetcher();
    let dir = fixtures_dir();
    let before = std::fs::read(dir.join(
        "07a_bookingcom_real_hourly_BEFORE_merge__simonesugliano-booking-calendar_berta.ics",
    ))
    .unwrap();
    let after = std::fs::read(dir.join("07b_bookingcom_real_hourly_AFTER_merge_same-UID-DTEND-extended__simonesugliano-booking-calendar_berta.ics")).unwrap();
    serve(&server, "/v1.ics", before).await;
    serve(&server, "/v2.ics", after).await;
    let url = |v: &str| format!("{}/{v}.ics", server.uri());
    let feed = add_feed(&fleet.db, cabin, &url("v1")).await;
    assert_eq!(applied(sync(&fleet.db, &fetcher, feed).await).inserted, 2);
    let id_of = |uid: &'static str| {
        let db = fleet.db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT id FROM reservations WHERE external_uid = $1 AND status = 'confirmed'",
            )
            .bind(uid)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    let merged = "8052e1ba483e767ce2d5288f61e0a7b6@booking.com";
    let first_id = id_of(merged).await;

    // Booking.com grew the same UID's end (nights sold next to it) and added a block.
    point_feed_at(&fleet.db, feed, &url("v2")).await;
    let a = applied(sync(&fleet.db, &fetcher, feed).await);
    assert_eq!(
        (a.moved, a.inserted, a.cancelled, a.unchanged),
        (1, 1, 0, 1),
        "{a:?}"
    );
    assert_eq!(
        id_of(merged).await,
        first_id,
        "moved in place, not re-created"
    );
    assert_eq!(
        live(&fleet.db, feed).await,
        [
            (merged.to_owned(), d("2025-12-01"), d("2025-12-06")),
            (
                "a03a285024500d8d5c425b673b406700@booking.com".to_owned(),
                d("2025-12-09"),
                d("2025-12-13")
            ),
            (
                "057f0532f2c9e70ce13456044460f175@booking.com".to_owned(),
                d("2026-02-01"),
                d("2027-06-01")
            ),
        ]
    );

    // One event vanished, one says STATUS:CANCELLED: both release their nights.
    let v3 = calendar(&[
        event(merged, "20251201", "20251206", "STATUS:CANCELLED\r\n"),
        event(
            "057f0532f2c9e70ce13456044460f175@booking.com",
            "20260201",
            "20270601",
            "",
        ),
    ]);
    serve(&server, "/v3.ics", v3).await;
    point_feed_at(&fleet.db, feed, &url("v3")).await;
    let a = applied(sync(&fleet.db, &fetcher, feed).await);
    assert_eq!((a.cancelled, a.unchanged), (2, 1), "{a:?}");
    assert_eq!(live(&fleet.db, feed).await.len(), 1);
    let status: String = sqlx::query_scalar("SELECT status::text FROM reservations WHERE id = $1")
        .bind(first_id)
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    assert_eq!(
        status, "cancelled",
        "the block is kept as history, cancelled"
    );
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_feed_answering_500_timing_out_or_sending_garbage_leaves_its_blocks() {
    let fleet = Fleet::new().await;
    let cabin = cabins(&fleet.db, 1).await[0];
    let server = MockServer::start().await;
    let fetcher = fetcher();
    let good = calendar(&[
        event("a@airbnb.com", "20261210", "20261213", ""),
        event("b@airbnb.com", "20261220", "20261222", ""),
    ]);
    serve(&server, "/good.ics", good.clone()).await;
    Mock::given(method("GET"))
        .and(path("/500.ics"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/slow.ics"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(good.clone())
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    serve(
        &server,
        "/garbage.ics",
        "<html><body>Service Unavailable</body></html>",
    )
    .await;
    serve(&server, "/empty.ics", "").await;
    serve(&server, "/cut.ics", good[..good.len() - 40].to_owned()).await;
    let feed = add_feed(&fleet.db, cabin, &format!("{}/good.ics", server.uri())).await;
    assert_eq!(applied(sync(&fleet.db, &fetcher, feed).await).inserted, 2);
    let before = snapshot(&fleet.db).await;
    let synced: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT last_synced_at FROM ical_feeds WHERE id = $1")
            .bind(feed)
            .fetch_one(&fleet.db)
            .await
            .unwrap();

    for (at, kind) in [
        ("/500.ics", "http_5xx"),
        ("/slow.ics", "timeout"),
        ("/garbage.ics", "not_a_calendar"),
        ("/empty.ics", "empty"),
        ("/cut.ics", "truncated"),
    ] {
        point_feed_at(&fleet.db, feed, &format!("{}{at}", server.uri())).await;
        assert_eq!(
            sync(&fleet.db, &fetcher, feed).await,
            SyncOutcome::Failed { kind },
            "{at}"
        );
        assert_eq!(snapshot(&fleet.db).await, before, "{at} touched the blocks");
        let (error_kind, last_synced): (Option<String>, chrono::DateTime<chrono::Utc>) =
            sqlx::query_as("SELECT last_error_kind, last_synced_at FROM ical_feeds WHERE id = $1")
                .bind(feed)
                .fetch_one(&fleet.db)
                .await
                .unwrap();
        assert_eq!(error_kind.as_deref(), Some(kind));
        assert_eq!(last_synced, synced, "a failure must not look fresh");
    }
    fleet.drop_db().await;
}

async fn point_feed_at(db: &PgPool, feed: i64, url: &str) {
    sqlx::query("UPDATE ical_feeds SET url = $2 WHERE id = $1")
        .bind(feed)
        .bind(url)
        .execute(db)
        .await
        .unwrap();
}

/// (last_error_kind, empty_since is set) of a feed.
async fn feed_state(db: &PgPool, feed: i64) -> (Option<String>, bool) {
    sqlx::query_as("SELECT last_error_kind, empty_since IS NOT NULL FROM ical_feeds WHERE id = $1")
        .bind(feed)
        .fetch_one(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_feed_that_comes_back_empty_keeps_its_nights_until_empty_for_the_grace() {
    let fleet = Fleet::new().await;
    let ids = cabins(&fleet.db, 2).await;
    let server = MockServer::start().await;
    let fetcher = fetcher();
    let grace = Duration::from_secs(2);
    serve(
        &server,
        "/full.ics",
        calendar(&[
            event("a@booking.com", "20261210", "20261213", ""),
            event("b@booking.com", "20261220", "20261222", ""),
        ]),
    )
    .await;
    serve(&server, "/empty.ics", calendar(&[])).await;
    let feed = add_feed(&fleet.db, ids[0], &format!("{}/full.ics", server.uri())).await;
    assert_eq!(
        applied(sync_with_grace(&fleet.db, &fetcher, feed, grace).await).inserted,
        2
    );
    let nights = live(&fleet.db, feed).await;
    point_feed_at(&fleet.db, feed, &format!("{}/empty.ics", server.uri())).await;

    // Empty, twice within the grace: held from the first empty answer, nights kept, staff told.
    let SyncOutcome::EmptyHeld { since } = sync_with_grace(&fleet.db, &fetcher, feed, grace).await
    else {
        panic!("an empty answer of a feed with events must be held");
    };
    assert_eq!(live(&fleet.db, feed).await, nights);
    assert_eq!(
        feed_state(&fleet.db, feed).await,
        (Some("empty_feed_held".to_owned()), true)
    );
    assert_eq!(
        sync_with_grace(&fleet.db, &fetcher, feed, grace).await,
        SyncOutcome::EmptyHeld { since }
    );
    assert_eq!(live(&fleet.db, feed).await, nights);

    // Empty for longer than the grace: the channel really is empty, the nights are freed.
    tokio::time::sleep(grace + Duration::from_millis(200)).await;
    let freed = applied(sync_with_grace(&fleet.db, &fetcher, feed, grace).await);
    assert_eq!(freed.cancelled, 2, "{freed:?}");
    assert!(live(&fleet.db, feed).await.is_empty());
    assert_eq!(feed_state(&fleet.db, feed).await, (None, false));

    // A feed that never had events is applied empty at once (nothing to protect).
    let new = add_feed(&fleet.db, ids[1], &format!("{}/empty.ics", server.uri())).await;
    applied(sync_with_grace(&fleet.db, &fetcher, new, grace).await);
    assert_eq!(feed_state(&fleet.db, new).await, (None, false));
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_dead_channel_opens_its_own_breaker_and_never_slows_the_others() {
    let fleet = Fleet::new().await;
    let ids = cabins(&fleet.db, 2).await;
    let dead = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .expect(5)
        .mount(&dead)
        .await;
    let alive = MockServer::start().await;
    serve(
        &alive,
        "/a.ics",
        calendar(&[event("a@x", "20261210", "20261213", "")]),
    )
    .await;
    let fetcher = fetcher();
    let dead_feed = add_feed(&fleet.db, ids[0], &format!("{}/d.ics", dead.uri())).await;
    let alive_feed = add_feed(&fleet.db, ids[1], &format!("{}/a.ics", alive.uri())).await;
    for _ in 0..5 {
        assert_eq!(
            sync(&fleet.db, &fetcher, dead_feed).await,
            SyncOutcome::Failed { kind: "http_5xx" }
        );
    }
    let started = std::time::Instant::now();
    assert_eq!(
        sync(&fleet.db, &fetcher, dead_feed).await,
        SyncOutcome::Failed {
            kind: "circuit_open"
        }
    );
    assert!(
        started.elapsed() < Duration::from_millis(200),
        "an open breaker fails fast"
    );
    assert_eq!(
        applied(sync(&fleet.db, &fetcher, alive_feed).await).inserted,
        1
    );
    dead.verify().await; // the 6th sync never reached the dead host
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_channel_booking_over_our_confirmed_stay_is_kept_as_a_conflict() {
    let fleet = Fleet::new().await;
    let cabin = fleet.seed_hold("RES261215001").await;
    sqlx::query("UPDATE reservations SET status = 'confirmed', expires_at = NULL")
        .execute(&fleet.db)
        .await
        .unwrap();
    let server = MockServer::start().await;
    // Our stay is 15→17 December; Airbnb sold 16→19.
    serve(
        &server,
        "/a.ics",
        calendar(&[event("hm-1@airbnb.com", "20261216", "20261219", "")]),
    )
    .await;
    let fetcher = fetcher();
    let feed = add_feed(&fleet.db, cabin, &format!("{}/a.ics", server.uri())).await;
    let property = property_of(&fleet, cabin).await;
    account(
        &fleet,
        property,
        "duena@lago.test",
        store::staff::Role::Owner,
    )
    .await;

    let a = applied(sync(&fleet.db, &fetcher, feed).await);
    assert_eq!((a.conflicts, a.inserted), (1, 0), "{a:?}");
    // The owner is told, once, by email, without the feed's secret URL.
    let notices: Vec<serde_json::Value> = sqlx::query_scalar(
        "SELECT effect FROM outbox WHERE effect_key LIKE 'ical:conflict:%:notice:%'",
    )
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let notice = notices[0].to_string();
    assert!(
        notice.contains("duena@lago.test")
            && notice.contains("Conflicto de calendario: RES261215001")
            && notice.contains("/admin/reservations/RES261215001")
            && !notice.contains("a.ics"),
        "{notice}"
    );
    let ours: String =
        sqlx::query_scalar("SELECT status::text FROM reservations WHERE code = 'RES261215001'")
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    assert_eq!(ours, "confirmed", "our guest's stay is kept");
    let kept: (String, NaiveDate, NaiveDate) = sqlx::query_as(
        "SELECT placement, check_in, check_out FROM ical_events WHERE ical_feed_id = $1",
    )
    .bind(feed)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    assert_eq!(
        kept,
        ("conflict".to_owned(), d("2026-12-16"), d("2026-12-19")),
        "the channel's booking is kept too"
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM overbooking_conflicts WHERE resolved_at IS NULL"
        )
        .await,
        1
    );

    // Re-syncs do not record it again.
    sync(&fleet.db, &fetcher, feed).await;
    sync(&fleet.db, &fetcher, feed).await;
    assert_eq!(
        count(&fleet.db, "SELECT count(*) FROM overbooking_conflicts").await,
        1
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM outbox WHERE effect_key LIKE 'ical:conflict:%:notice:%'"
        )
        .await,
        1,
        "told once"
    );

    // Staff see it.
    let (ok, out) = fleet.fleetctl(FLEETCTL, &["ical", "conflicts"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("RES261215001")
            && out.contains("hm-1@airbnb.com")
            && out.contains("2026-12-16 → 2026-12-19"),
        "{out}"
    );

    // Staff move our guest elsewhere: the next sync (feed unchanged) places the block.
    sqlx::query("UPDATE reservations SET status = 'cancelled' WHERE code = 'RES261215001'")
        .execute(&fleet.db)
        .await
        .unwrap();
    let a = applied(sync(&fleet.db, &fetcher, feed).await);
    assert_eq!(a.inserted, 1, "{a:?}");
    assert_eq!(
        live(&fleet.db, feed).await,
        [(
            "hm-1@airbnb.com".to_owned(),
            d("2026-12-16"),
            d("2026-12-19")
        )]
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM overbooking_conflicts WHERE resolved_at IS NULL"
        )
        .await,
        0
    );
    fleet.drop_db().await;
}

/// Through a real worker process and `fleetctl ical sync`: the channel's booking wins over an
/// unpaid hold, and the guest hears it kindly, once.
#[tokio::test]
async fn a_channel_booking_over_our_hold_cancels_it_and_tells_the_guest() {
    let fleet = Fleet::new().await;
    let cabin = fleet.seed_hold("RES261215002").await; // 15→17 December, pre_reserved
    let channel = MockServer::start().await;
    serve(
        &channel,
        "/a.ics",
        calendar(&[event("hm-2@airbnb.com", "20261216", "20261218", "")]),
    )
    .await;
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/106540352242922/messages"))
        .and(body_string_contains("RES261215002"))
        .and(body_string_contains("no vamos a poder mantenerla"))
        .respond_with(graph_ok())
        .expect(1)
        .mount(&graph)
        .await;
    let feed = add_feed(&fleet.db, cabin, &format!("{}/a.ics", channel.uri())).await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "sync_ical,send_reply")],
    )]);

    let (ok, out) = fleet.fleetctl(FLEETCTL, &["ical", "sync", &feed.to_string()]);
    assert!(ok, "{out}");
    assert!(
        eventually(Duration::from_secs(20), || async {
            count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE cause_key = 'ical:hold:RES261215002:cancelled' AND status = 'sent'").await == 1
        })
        .await,
        "the guest was not told"
    );
    let hold: String =
        sqlx::query_scalar("SELECT status::text FROM reservations WHERE code = 'RES261215002'")
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    assert_eq!(hold, "cancelled");
    assert_eq!(
        live(&fleet.db, feed).await,
        [(
            "hm-2@airbnb.com".to_owned(),
            d("2026-12-16"),
            d("2026-12-18")
        )]
    );
    // A second sync now finds nothing to do and tells no one again.
    let (ok, out) = fleet.fleetctl(FLEETCTL, &["ical", "sync", &feed.to_string()]);
    assert!(ok, "{out}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    graph.verify().await;
    fleet.drop_db().await;
}

/// The ingress with the export on, and calendars stale after `max_age_secs`.
async fn ingress(fleet: &Fleet, max_age_secs: u64) -> String {
    fleet
        .spawn_ingress_with(|cfg| {
            cfg.ical_export_secret = Some(secrecy::SecretString::from(SECRET));
            cfg.ical_max_sync_age = Duration::from_secs(max_age_secs);
        })
        .await
}

async fn reserve(
    db: &PgPool,
    cabin: i64,
    code: &str,
    from: &str,
    to: &str,
    status: &str,
    source: &str,
) {
    sqlx::query(
        "INSERT INTO reservations (code, accommodation_id, check_in, check_out, status, channel_source, expires_at)
         VALUES ($1, $2, $3::date, $4::date, $5::reservation_status, $6, CASE WHEN $5 = 'pre_reserved' THEN now() + interval '1 hour' END)",
    )
    .bind(code)
    .bind(cabin)
    .bind(from)
    .bind(to)
    .bind(status)
    .bind(source)
    .execute(db)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_export_needs_the_right_token_and_serves_a_calendar_with_an_etag() {
    let fleet = Fleet::new().await;
    let ids = cabins(&fleet.db, 1).await;
    reserve(
        &fleet.db,
        ids[0],
        "RES261201001",
        "2026-12-01",
        "2026-12-04",
        "confirmed",
        "whatsapp",
    )
    .await;
    let base = ingress(&fleet, 1200).await;
    let http = reqwest::Client::new();
    let (ok, url) = {
        let out = std::process::Command::new(FLEETCTL)
            .args(["ical", "url", &ids[0].to_string()])
            .env("ICAL_EXPORT_SECRET", SECRET)
            .env("PUBLIC_BASE_URL", &base)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        )
    };
    assert!(
        ok && url.starts_with(&format!("{base}/ical/{}/", ids[0])),
        "{url}"
    );

    let right = http.get(&url).send().await.unwrap();
    assert_eq!(right.status(), 200);
    assert_eq!(
        right.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let etag = right.headers()["etag"].to_str().unwrap().to_owned();
    let body = right.text().await.unwrap();
    assert!(
        body.contains("UID:RES261201001@booking-fleet\r\n")
            && body.contains("DTEND;VALUE=DATE:20261204\r\n"),
        "{body}"
    );

    let again = http
        .get(&url)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    let token = url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_owned();
    let mut wrong = token.clone().into_bytes();
    wrong[0] = if wrong[0] == b'0' { b'1' } else { b'0' };
    let wrong = String::from_utf8(wrong).unwrap();
    let unknown_token = calendar::token::token(SECRET.as_bytes(), 999_999);
    let mut answers = Vec::new();
    for path in [
        format!("/ical/{}/{wrong}.ics", ids[0]),     // wrong token
        format!("/ical/999999/{unknown_token}.ics"), // right token, unknown accommodation
        format!("/ical/{}/{token}.ics", ids[0] + 1), // someone else's id with this token
        format!("/ical/{}/{token}", ids[0]),         // no .ics
    ] {
        let r = http.get(format!("{base}{path}")).send().await.unwrap();
        answers.push((
            r.status().as_u16(),
            r.headers().get("content-type").cloned(),
            r.text().await.unwrap(),
        ));
    }
    assert_eq!(answers[0].0, 404);
    assert!(
        answers.iter().all(|a| *a == answers[0]),
        "404s differ: {answers:?}"
    );
    fleet.drop_db().await;
}

#[tokio::test]
async fn round_trip_our_export_blocks_another_cabin_and_never_loops_into_its_own() {
    let fleet = Fleet::new().await;
    let ids = cabins(&fleet.db, 2).await;
    let (a, b) = (ids[0], ids[1]);
    reserve(
        &fleet.db,
        a,
        "RES261201001",
        "2026-12-01",
        "2026-12-04",
        "confirmed",
        "whatsapp",
    )
    .await;
    reserve(
        &fleet.db,
        a,
        "RES261210001",
        "2026-12-10",
        "2026-12-12",
        "pre_reserved",
        "whatsapp",
    )
    .await;
    reserve(
        &fleet.db,
        a,
        "RES261220001",
        "2026-12-20",
        "2026-12-27",
        "confirmed",
        "staff",
    )
    .await;
    reserve(
        &fleet.db,
        a,
        "RES261215001",
        "2026-12-15",
        "2026-12-16",
        "cancelled",
        "whatsapp",
    )
    .await;
    let base = ingress(&fleet, 1200).await;
    let export = calendar::token::url(&base, SECRET.as_bytes(), a);
    let fetcher = fetcher();

    // A's calendar imported into B (e.g. two listings of one cabin): the same nights.
    let into_b = add_feed(&fleet.db, b, &export).await;
    assert_eq!(applied(sync(&fleet.db, &fetcher, into_b).await).inserted, 3);
    let nights_a: Vec<(NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT check_in, check_out FROM reservations WHERE accommodation_id = $1 AND status IN ('pre_reserved', 'confirmed') ORDER BY check_in",
    )
    .bind(a)
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    let nights_b: Vec<(NaiveDate, NaiveDate)> = live(&fleet.db, into_b)
        .await
        .into_iter()
        .map(|(_, s, e)| (s, e))
        .collect();
    assert_eq!(nights_b, nights_a);

    // A's own calendar fed back into A: nothing imported, nothing conflicts, no loop.
    let into_a = add_feed(&fleet.db, a, &export).await;
    let own = applied(sync(&fleet.db, &fetcher, into_a).await);
    assert_eq!(
        (
            own.inserted,
            own.conflicts,
            own.holds_cancelled,
            own.own_skipped
        ),
        (0, 0, 0, 3),
        "{own:?}"
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM ical_events WHERE placement <> 'blocked'"
        )
        .await,
        0
    );

    // And B's export does not re-export A's blocks it imported.
    let b_export = reqwest::get(calendar::token::url(&base, SECRET.as_bytes(), b))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!b_export.contains("BEGIN:VEVENT"), "{b_export}");
    fleet.drop_db().await;
}

#[tokio::test]
async fn sync_age_is_in_metrics_and_a_stale_calendar_degrades_readiness() {
    let fleet = Fleet::new().await;
    let ids = cabins(&fleet.db, 2).await;
    add_feed(&fleet.db, ids[0], "http://127.0.0.1:9/a.ics").await;
    let stale = add_feed(&fleet.db, ids[1], "http://127.0.0.1:9/b.ics").await;
    sqlx::query("UPDATE ical_feeds SET last_synced_at = now() - interval '10 seconds'")
        .execute(&fleet.db)
        .await
        .unwrap();
    let base = ingress(&fleet, 600).await;

    let ready: serde_json::Value = reqwest::get(format!("{base}/health/ready"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["status"], "ready", "{ready}");

    sqlx::query("UPDATE ical_feeds SET last_synced_at = now() - interval '2 hours' WHERE id = $1")
        .bind(stale)
        .execute(&fleet.db)
        .await
        .unwrap();
    let resp = reqwest::get(format!("{base}/health/ready")).await.unwrap();
    assert_eq!(
        resp.status(),
        200,
        "stale calendars alert, they do not pull the ingress"
    );
    let ready: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(ready["status"], "degraded", "{ready}");
    assert!(
        ready["ical"]["oldest_sync_age_seconds"].as_f64().unwrap() >= 7200.0,
        "{ready}"
    );

    let metrics = reqwest::get(format!("{base}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let line = |id: i64| {
        metrics
            .lines()
            .find(|l| {
                l.starts_with(&format!(
                    "ical_last_sync_age_seconds{{accommodation_id=\"{id}\"}}"
                ))
            })
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse::<f64>().ok())
    };
    assert!(line(ids[0]).unwrap() < 600.0, "{metrics}");
    assert!(line(ids[1]).unwrap() >= 7200.0, "{metrics}");
    fleet.drop_db().await;
}

#[tokio::test]
async fn fleetctl_ical_parse_prints_the_expected_blocks_of_a_real_feed() {
    let fixture = fixtures_dir().join("11_apple_STATUS_CANCELLED_TENTATIVE_folded__node-ical.ics");
    let out = std::process::Command::new(FLEETCTL)
        .args(["ical", "parse"])
        .arg(&fixture)
        .output()
        .unwrap();
    assert!(out.status.success());
    let expected = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "../calendar/tests/data/ical/11_apple_STATUS_CANCELLED_TENTATIVE_folded__node-ical.expected.jsonl",
    ))
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let garbage = std::env::temp_dir().join(format!("garbage-{}.ics", uuid::Uuid::new_v4()));
    std::fs::write(&garbage, "<html>nope</html>").unwrap();
    let out = std::process::Command::new(FLEETCTL)
        .args(["ical", "parse"])
        .arg(&garbage)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_file(garbage);
}

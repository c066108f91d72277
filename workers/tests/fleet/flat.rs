//! Flat as the data grows: on a database holding a busy year (hundreds of thousands of
//! messages, replies, idempotency records, reservations and conversations of other guests and
//! properties), a guest's conversation turn (ingress, `parse_intent` with its availability and
//! pricing, `send_reply`) reads none of those tables whole: every lookup it makes goes through
//! an index. Checked on the server's own counters (`pg_stat_user_tables`), so it is the path
//! production takes, not a copy of its SQL.

use std::time::Duration;

use crate::{console, support::*};

/// The tables that grow with the years (and, for cabin photos, with the properties: every
/// turn reads its cabins' photo names).
const GROWING: [&str; 7] = [
    "properties",
    "conversations",
    "inbound_messages",
    "outbox",
    "idempotency_records",
    "reservations",
    "cabin_photos",
];

async fn scans(fleet: &Fleet) -> Vec<(String, i64, i64)> {
    sqlx::query_as(
        "SELECT relname::text, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables ORDER BY relname",
    )
    .fetch_all(&fleet.db)
    .await
    .unwrap()
}

/// Five photos for every cabin (thousands of properties'), so reading the photos of one cabin
/// or one property whole-table would show.
async fn seed_photos(fleet: &Fleet) {
    sqlx::query(
        "INSERT INTO cabin_photos (accommodation_id, token, content_type, width, height, bytes, position)
         SELECT a.id, md5(a.id || '-' || g) || md5(g || '-' || a.id), 'image/png', 320, 240,
                '\\x89504e47'::bytea, g
         FROM accommodations a, generate_series(1, 5) g",
    )
    .execute(&fleet.db)
    .await
    .unwrap();
    sqlx::query("ANALYZE cabin_photos")
        .execute(&fleet.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_conversation_turn_reads_no_growing_table_whole_on_a_year_of_data() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000109999").await;
    fleet.seed_history(200_000).await.unwrap();
    seed_photos(&fleet).await;
    let graph = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(graph_ok())
        .mount(&graph)
        .await;
    let mp = mercadopago_fake().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let webhooks = testkit::Webhooks::new(fleet.spawn_ingress().await);
    // Let the seeding's and the worker's start-up reads settle into the counters first: a
    // backend publishes its counters within about ten seconds of going idle.
    tokio::time::sleep(Duration::from_secs(11)).await;
    let before = scans(&fleet).await;

    let turns = [
        "Hola! ¿Tenés lugar para 2 del 10 al 12 de marzo?",
        "¿Cuánto sale?",
        "dale",
    ];
    for (i, text) in turns.iter().enumerate() {
        let body = deliveries::whatsapp(
            "106540352242922",
            "5491166660000",
            vec![deliveries::whatsapp_text(
                "5491166660000",
                &format!("wamid.FLAT{i}"),
                text,
            )],
        )
        .to_string();
        assert_eq!(
            webhooks
                .whatsapp_signed(WA_SECRET, body)
                .await
                .unwrap()
                .status(),
            200
        );
        // Watched at the fake (a query of ours on the outbox would scan it itself).
        assert!(
            eventually(Duration::from_secs(15), || async {
                graph.received_requests().await.unwrap_or_default().len() > i
            })
            .await,
            "turn {i} was not answered"
        );
    }
    // A backend publishes its counters when idle, within about ten seconds: wait until the
    // turn's index lookups show.
    let index_lookups = |s: &[(String, i64, i64)], table: &str| {
        s.iter().find(|(t, _, _)| t == table).map_or(0, |r| r.2)
    };
    assert!(
        eventually(Duration::from_secs(20), || async {
            index_lookups(&scans(&fleet).await, "outbox") > index_lookups(&before, "outbox")
                && index_lookups(&scans(&fleet).await, "inbound_messages")
                    >= index_lookups(&before, "inbound_messages")
        })
        .await
    );
    tokio::time::sleep(Duration::from_secs(11)).await;
    assert_no_growing_table_read_whole(&before, &scans(&fleet).await, "the per-message path");
    fleet.drop_db().await;
}

/// The staff console's pages, on the same busy year, read none of the growing tables whole
/// either: what a page shows is found by index, so it takes as long next year as today (the
/// times themselves are `fleet-bench console`'s).
#[tokio::test]
async fn the_console_pages_read_no_growing_table_whole_on_a_year_of_data() {
    let fleet = Fleet::new().await;
    fleet.seed_history(200_000).await.unwrap();
    let property = console::property(&fleet).await;
    let cabin = console::cabin_of(&fleet, property).await;
    for (code, days, status) in [
        ("RESFLAT0001", 20, "confirmed"),
        ("RESFLAT0002", 30, "pre_reserved"),
        ("RESFLAT0003", -40, "confirmed"),
        ("RESFLAT0004", 50, "cancelled"),
    ] {
        console::reservation(
            &fleet,
            cabin,
            code,
            "Flora Flat",
            "5491166660001",
            days,
            10_000,
            status,
        )
        .await;
    }
    let talk = console::conversation(&fleet, property, "5491166660001", "¿tienen lugar?").await;
    seed_photos(&fleet).await;
    console::add_staff(&fleet, property, "ana@lago.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut http = console::Http::new(&base);
    http.sign_in("ana@lago.test").await;
    tokio::time::sleep(Duration::from_secs(11)).await;
    let before = scans(&fleet).await;

    let month = chrono::Utc::now().format("%Y-%m").to_string();
    for page in [
        "/admin".to_owned(),
        "/admin/inbox".to_owned(),
        format!("/admin/inbox/{talk}"),
        "/admin/reservations".to_owned(),
        "/admin/reservations?q=Flora".to_owned(),
        "/admin/reservations/RESFLAT0001".to_owned(),
        "/admin/calendar".to_owned(),
        format!("/admin/calendar?month={month}"),
        "/admin/payments".to_owned(),
        "/admin/setup".to_owned(),
    ] {
        let shown = http.get(&page).await;
        assert_eq!(shown.status, 200, "{page}: {}", shown.body);
    }
    tokio::time::sleep(Duration::from_secs(11)).await;
    assert_no_growing_table_read_whole(&before, &scans(&fleet).await, "the console's pages");
    fleet.drop_db().await;
}

fn assert_no_growing_table_read_whole(
    before: &[(String, i64, i64)],
    after: &[(String, i64, i64)],
    path: &str,
) {
    for table in GROWING {
        let seq =
            |s: &[(String, i64, i64)]| s.iter().find(|(t, _, _)| t == table).map_or(0, |r| r.1);
        assert_eq!(
            seq(after) - seq(before),
            0,
            "{table} was read whole on {path} ({before:?} → {after:?})"
        );
    }
}

//! The workers' copy of each property's cabins (`workers::catalog`): a real worker process that
//! answered a guest keeps the cabins it read and reads them again only when the property's
//! catalog version moved, so what an owner changes (a cabin's price, a season, a new cabin, a
//! cabin taken off) is what the very next guest message is answered with, and a message after
//! no change is answered from the copy (the worker's own `fleet_catalog_reads_total` says so).

use chrono::{Duration, NaiveDate};

use crate::support::*;

const PHONE_NUMBER_ID: &str = "106540352242922";

/// The text messages to the guest at `phone` (sent without the mobile 9 Argentine wa_ids
/// carry: the last ten digits match).
async fn texts_to(graph: &wiremock::MockServer, phone: &str) -> Vec<String> {
    let local = &phone[phone.len() - 10..];
    sent_json(graph)
        .await
        .iter()
        .filter(|m| m["to"].as_str().is_some_and(|to| to.ends_with(local)))
        .filter_map(|m| m["text"]["body"].as_str().map(str::to_owned))
        .collect()
}

/// What a new guest at `phone` is answered to `text`.
async fn ask(base: &str, graph: &wiremock::MockServer, phone: &str, text: &str) -> String {
    Guest::whatsapp(base, PHONE_NUMBER_ID, phone, WA_SECRET)
        .say(text)
        .await
        .unwrap();
    let answered = eventually(std::time::Duration::from_secs(15), || async {
        !texts_to(graph, phone).await.is_empty()
    })
    .await;
    assert!(answered, "{phone} was not answered {text:?}");
    texts_to(graph, phone).await.join("\n")
}

/// The worker's catalog reads so far: (from its copy, from the database).
async fn catalog_reads(metrics_port: u16) -> (u64, u64) {
    let page = reqwest::get(format!("http://127.0.0.1:{metrics_port}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let read = |from: &str| {
        page.lines()
            .find(|l| {
                l.starts_with("fleet_catalog_reads_total{")
                    && l.contains(&format!("from=\"{from}\""))
            })
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|n| n.parse::<f64>().ok())
            .map_or(0, |n| n as u64)
    };
    (read("copy"), read("database"))
}

async fn set(fleet: &Fleet, sql: &str, cabin: i64) {
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(cabin)
        .execute(&fleet.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_next_message_after_an_owner_changes_the_cabins_is_answered_with_the_change() {
    let fleet = Fleet::new().await;
    let coihue = fleet.seed_property().await; // Cabaña Coihue, for 4, $ 50.000 a night
    let property = property_of(&fleet, coihue).await;
    let graph = graph_accepting_all().await;
    let base = fleet.spawn_ingress().await;
    let metrics = testkit::servers::free_port();
    let _worker = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &fleet.worker_env("http://127.0.0.1:9", &graph.uri()),
        &[
            ("WORKER_QUEUES", "parse_intent,send_reply"),
            ("WORKER_METRICS_ADDR", &format!("127.0.0.1:{metrics}")),
        ],
    )]);
    let price = "¿cuánto sale la noche en la Coihue?";

    let first = ask(&base, &graph, "5491166000701", price).await;
    assert!(first.contains("50.000"), "{first}");
    let again = ask(&base, &graph, "5491166000702", price).await;
    assert!(again.contains("50.000"), "{again}");
    let (copy, database) = catalog_reads(metrics).await;
    assert_eq!(database, 1, "read once, then from the copy");
    assert!(copy >= 1, "the second guest was answered from the copy");

    // The owner raises the price: the next guest is quoted the new one.
    set(
        &fleet,
        "UPDATE accommodations SET base_price_per_night = 65000 WHERE id = $1",
        coihue,
    )
    .await;
    let raised = ask(&base, &graph, "5491166000703", price).await;
    assert!(
        raised.contains("65.000") && !raised.contains("50.000"),
        "{raised}"
    );

    // A season: nights inside it are quoted at its price.
    let today = today_at(&fleet, property).await;
    let (first_night, last_night) = (today + Duration::days(40), today + Duration::days(60));
    sqlx::query(
        "INSERT INTO seasons (accommodation_id, name, starts_on, ends_on, price_per_night)
         VALUES ($1, 'Temporada alta', $2, $3, 90000)",
    )
    .bind(coihue)
    .bind(first_night)
    .bind(last_night)
    .execute(&fleet.db)
    .await
    .unwrap();
    let day = |d: NaiveDate| d.format("%d/%m").to_string();
    let check_in = first_night + Duration::days(5);
    let stay = format!(
        "hola! tenés lugar del {} al {} para 2?",
        day(check_in),
        day(check_in + Duration::days(2))
    );
    let in_season = ask(&base, &graph, "5491166000704", &stay).await;
    assert!(
        in_season.contains("180.000"),
        "two nights at the season's price: {in_season}"
    );

    // A new cabin is offered at once, and one taken off is offered no more.
    let lenga: i64 = sqlx::query_scalar(
        "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night)
         VALUES ($1, 'Cabaña Lenga', 6, 85000) RETURNING id",
    )
    .bind(property)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let lenga_price = ask(
        &base,
        &graph,
        "5491166000705",
        "cuanto sale la lenga por noche?",
    )
    .await;
    assert!(lenga_price.contains("85.000"), "{lenga_price}");
    set(
        &fleet,
        "UPDATE accommodations SET active = false WHERE id = $1",
        lenga,
    )
    .await;
    let six = ask(
        &base,
        &graph,
        "5491166000706",
        &format!(
            "hola, tenés lugar para 6 del {} al {}?",
            day(today + Duration::days(10)),
            day(today + Duration::days(12))
        ),
    )
    .await;
    assert!(!six.contains("Lenga") && !six.contains("85.000"), "{six}");

    let (_, database) = catalog_reads(metrics).await;
    assert_eq!(
        database, 5,
        "read again after each of the four changes, and only then"
    );
}

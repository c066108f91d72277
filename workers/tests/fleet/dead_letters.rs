//! Retries and dead letters with the real ConfirmPayment handler against a fake Mercado Pago.

use std::time::Duration;

use jobs::QueueName::ConfirmPayment;
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{method, path},
};

use crate::support::*;

#[tokio::test]
async fn mercadopago_failing_twice_then_answering_confirms_on_the_third_run() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101010").await;
    let mp = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/8001"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .mount(&mp)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/8001"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(approved_payment(8001, "RES000101010")),
        )
        .mount(&mp)
        .await;
    let graph = MockServer::start().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "confirm_payment")],
    )]);
    enqueue_payment(&fleet.queue, "8001").await;
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(&fleet.db, "SELECT count(*) FROM reservations WHERE code = 'RES000101010' AND status = 'confirmed'").await == 1
        })
        .await
    );
    assert_eq!(mp.received_requests().await.unwrap().len(), 3);
    assert!(
        eventually(Duration::from_secs(3), || async {
            fleet.depth(ConfirmPayment).await == Default::default()
        })
        .await
    );
    fleet.drop_db().await;
}

/// A payment MP refuses to show us (403: the token lacks the permission) is a permanent
/// failure: dead letter at once, shown by `fleetctl dlq list`; once the cause is fixed,
/// `fleetctl dlq retry` re-drives it. (A payment MP does not know, 404, is no failure at all:
/// see `booking::a_notification_for_a_payment_mercado_pago_does_not_know_…`.)
#[tokio::test]
async fn a_permanent_failure_is_dead_lettered_at_once_and_fleetctl_redrives_it() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101011").await;
    let mp = MockServer::start().await;
    let missing = Mock::given(method("GET"))
        .and(path("/v1/payments/8002"))
        .respond_with(ResponseTemplate::new(403).set_body_string(
            r#"{"message":"At least one policy returned UNAUTHORIZED.","status":403}"#,
        ))
        .mount_as_scoped(&mp)
        .await;
    let graph = MockServer::start().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "confirm_payment")],
    )]);
    enqueue_payment(&fleet.queue, "8002").await;
    assert!(
        eventually(Duration::from_secs(10), || async {
            fleet.depth(ConfirmPayment).await.dead == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        mp.received_requests().await.unwrap().len(),
        1,
        "a permanent failure is not retried"
    );

    let (ok, listing) = fleet.fleetctl(FLEETCTL, &["dlq", "list", "confirm_payment"]);
    assert!(ok, "{listing}");
    assert!(
        listing.contains("attempts 1/9") && listing.contains("403"),
        "{listing}"
    );
    let (ok, json) = fleet.fleetctl(FLEETCTL, &["dlq", "list", "confirm_payment", "--json"]);
    assert!(ok);
    let letter: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(letter["idempotency_key"], "mp:8002:1");

    drop(missing);
    Mock::given(method("GET"))
        .and(path("/v1/payments/8002"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(approved_payment(8002, "RES000101011")),
        )
        .mount(&mp)
        .await;
    let (ok, out) = fleet.fleetctl(FLEETCTL, &["dlq", "retry", "confirm_payment", "--all"]);
    assert!(ok, "{out}");
    assert!(out.contains("re-drove 1"), "{out}");
    assert!(
        eventually(Duration::from_secs(10), || async {
            count(&fleet.db, "SELECT count(*) FROM reservations WHERE code = 'RES000101011' AND status = 'confirmed'").await == 1
        })
        .await
    );
    let (_, queues) = fleet.fleetctl(FLEETCTL, &["queues", "--json"]);
    let depth: serde_json::Value = serde_json::from_str(queues.trim()).unwrap();
    assert_eq!(depth["confirm_payment"]["dead"], 0);
    fleet.drop_db().await;
}

/// A dependency that keeps failing: every retry is used, then the job is a dead letter.
#[tokio::test]
async fn exhausted_retries_end_in_the_dead_letters() {
    let fleet = Fleet::new().await;
    let mp = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&mp)
        .await;
    let graph = MockServer::start().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "confirm_payment"),
            ("FLEET_RETRY_BASE_MS", "20"),
            // Retries only: the breaker (tested on its own) would defer the job instead.
            ("BREAKER_FAILURE_THRESHOLD", "100"),
        ],
    )]);
    enqueue_payment(&fleet.queue, "8003").await;
    assert!(
        eventually(Duration::from_secs(30), || async {
            fleet.depth(ConfirmPayment).await.dead == 1
        })
        .await
    );
    let runs = mp.received_requests().await.unwrap().len();
    assert_eq!(runs, 9, "ConfirmPayment allows 8 retries: 9 runs");
    let letter = &fleet.queue.dead_letters(ConfirmPayment, 1).await.unwrap()[0];
    assert_eq!(letter.attempts, 9);
    assert!(letter.last_error.contains("500"), "{}", letter.last_error);

    // Staff read it and discard it: it never runs.
    let (ok, out) = fleet.fleetctl(FLEETCTL, &["dlq", "purge", "confirm_payment", "nope"]);
    assert!(!ok && out.contains("no dead letter nope"), "{out}");
    let (ok, out) = fleet.fleetctl(FLEETCTL, &["dlq", "purge", "confirm_payment", &letter.id]);
    assert!(ok && out.contains("purged 1"), "{out}");
    assert_eq!(fleet.depth(ConfirmPayment).await.dead, 0);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        mp.received_requests().await.unwrap().len(),
        9,
        "a purged letter never runs"
    );
    fleet.drop_db().await;
}

//! The booking conversation against real worker processes, with the Graph API and Mercado Pago
//! faked over HTTP.

use std::{collections::HashSet, time::Duration};

use chrono::{Duration as Days, NaiveDate, Utc};
use jobs::{
    EnqueueOptions, QueueName,
    backend::NewJob,
    domain::{IdempotencyKey, PhoneNumber},
    payloads::{Channel, ExpireHolds, PreReserve},
};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{body_string_contains, method, path},
};

use crate::support::*;

/// Graph API fake that accepts every message; MP fake that makes payment links.
async fn fakes() -> (MockServer, MockServer) {
    (graph_accepting_all().await, mercadopago_fake().await)
}

fn pre_reserve(cabin: i64, check_in: NaiveDate, nights: i64, n: usize) -> NewJob {
    let job = PreReserve {
        channel: Channel::Whatsapp {
            phone_number_id: "106540352242922".into(),
            from: PhoneNumber::parse(format!("54911{:08}", n)).unwrap(),
        },
        cause_message_id: format!("wamid.storm.{n}"),
        accommodation_id: cabin,
        check_in,
        check_out: check_in + Days::days(nights),
        guests: 2,
        guest_name: None,
        received_at_ms: Utc::now().timestamp_millis(),
    };
    let key = IdempotencyKey::namespaced("book", &format!("wamid.storm.{n}")).unwrap();
    NewJob::new(&job, EnqueueOptions::keyed(key)).unwrap()
}

/// 200 concurrent holds for overlapping stays on a few cabins, across two worker processes:
/// no overlap in the database, every loser told kindly, back-to-back stays accepted.
#[tokio::test]
async fn a_storm_of_overlapping_holds_never_double_books() {
    let fleet = Fleet::new().await;
    let first_cabin = fleet.seed_hold("RES000101100").await;
    sqlx::query("UPDATE reservations SET status = 'cancelled'")
        .execute(&fleet.db)
        .await
        .unwrap();
    let property = property_of(&fleet, first_cabin).await;
    let mut cabins = vec![first_cabin];
    for name in ["Cabaña Lenga", "Cabaña Radal"] {
        let id: i64 = sqlx::query_scalar("INSERT INTO accommodations (property_id, name, capacity, base_price_per_night) VALUES ($1, $2, 4, 70000) RETURNING id")
            .bind(property)
            .bind(name)
            .fetch_one(&fleet.db)
            .await
            .unwrap();
        cabins.push(id);
    }
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let only = [
        ("WORKER_QUEUES", "pre_reserve,send_reply"),
        ("WORKER_CONCURRENCY", "16"),
    ];
    let _workers = Reaper(vec![
        fleet.spawn_worker(WORKER, &env, &only),
        fleet.spawn_worker(WORKER, &env, &only),
    ]);

    let base: NaiveDate = (Utc::now() + Days::days(30)).date_naive();
    let mut jobs = Vec::new();
    for n in 0..196 {
        let cabin = cabins[n % cabins.len()];
        jobs.push(pre_reserve(
            cabin,
            base + Days::days((n as i64 * 7) % 10),
            1 + (n as i64 % 3),
            n,
        ));
    }
    // Two back-to-back stays on a cabin nobody else asks for in that week.
    let far = base + Days::days(40);
    jobs.push(pre_reserve(cabins[0], far, 2, 196));
    jobs.push(pre_reserve(cabins[0], far + Days::days(2), 2, 197));
    jobs.push(pre_reserve(cabins[0], far + Days::days(4), 1, 198));
    fleet.queue.push_many(jobs).await.unwrap();
    // Every guest's answer is a row written with the hold's decision; counting rows (not queue
    // depths, which miss a job between its fetch and its claim) says when all are decided.
    let db = &fleet.db;
    let answered = |n: i64| async move {
        count(
            db,
            "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'pre_reserve:%'",
        )
        .await
            >= n
    };
    assert!(
        eventually(Duration::from_secs(90), || answered(199)).await,
        "the storm did not finish: not every guest got an answer"
    );
    // Asked once the back-to-back stays are held (concurrent jobs finish in any order, so
    // asking earlier would make the winner a matter of luck): it overlaps the first two.
    fleet
        .queue
        .push_many(vec![pre_reserve(cabins[0], far + Days::days(1), 2, 199)])
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(30), || answered(200)).await,
        "the late overlapping hold was not answered"
    );
    let storm_is_over = || async {
        let d = fleet.depth(QueueName::PreReserve).await;
        d.pending + d.running + d.scheduled == 0
    };
    assert!(
        eventually(Duration::from_secs(30), storm_is_over).await,
        "jobs left after every answer"
    );
    let dead = fleet
        .queue
        .dead_letters(QueueName::PreReserve, 3)
        .await
        .unwrap();
    assert!(dead.is_empty(), "dead letters: {dead:?}");
    let overlaps = count(
        &fleet.db,
        "SELECT count(*) FROM reservations a JOIN reservations b ON a.accommodation_id = b.accommodation_id AND a.id < b.id
         WHERE a.status IN ('pre_reserved','confirmed') AND b.status IN ('pre_reserved','confirmed') AND a.period && b.period",
    )
    .await;
    assert_eq!(overlaps, 0);
    let holds = count(
        &fleet.db,
        "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'",
    )
    .await;
    let replies = count(
        &fleet.db,
        "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'pre_reserve:%'",
    )
    .await;
    let kind_noes = count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'pre_reserve:%' AND body->>'text' LIKE 'Uy,%'").await;
    assert_eq!(replies, 200, "every guest gets an answer");
    assert_eq!(
        holds + kind_noes,
        200,
        "every loser is told kindly ({holds} holds, {kind_noes} kind noes)"
    );
    assert!(holds >= 20 && kind_noes > 0, "{holds} holds");
    let far_codes: Vec<(NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT check_in, check_out FROM reservations WHERE accommodation_id = $1 AND check_in >= $2 AND status = 'pre_reserved' ORDER BY check_in",
    )
    .bind(cabins[0])
    .bind(far)
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    assert_eq!(
        far_codes,
        vec![
            (far, far + Days::days(2)),
            (far + Days::days(2), far + Days::days(4)),
            (far + Days::days(4), far + Days::days(5))
        ],
        "back-to-back stays are all accepted; the overlapping one is not"
    );
    let codes: HashSet<String> = sqlx::query_scalar("SELECT code FROM reservations")
        .fetch_all(&fleet.db)
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert!(
        codes.iter().all(|c| c.starts_with("RES") && c.len() >= 12),
        "{codes:?}"
    );
    fleet.drop_db().await;
}

/// The same notification five times at once, plus other notifications of the same payment:
/// one confirmation and one "¡Pago confirmado!" message.
#[tokio::test]
async fn one_payment_confirms_once_however_often_it_is_notified() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101200").await;
    let (_, mp) = fakes().await;
    let graph = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/555"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(approved_payment(555, "RES000101200")),
        )
        .mount(&mp)
        .await;
    let confirmed = Mock::given(method("POST"))
        .and(body_string_contains("Pago confirmado"))
        .respond_with(graph_ok())
        .expect(1)
        .mount_as_scoped(&graph)
        .await;
    Mock::given(method("POST"))
        .respond_with(graph_ok())
        .mount(&graph)
        .await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![
        fleet.spawn_worker(
            WORKER,
            &env,
            &[("WORKER_QUEUES", "confirm_payment,send_reply")],
        ),
        fleet.spawn_worker(
            WORKER,
            &env,
            &[("WORKER_QUEUES", "confirm_payment,send_reply")],
        ),
    ]);

    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491155551234");
    // One notification, delivered five times at once (Mercado Pago retries).
    let notification = guest.pay_notification("555").unwrap();
    let sends = (0..5).map(|_| guest.webhooks().payment_notification(&notification));
    for r in futures::future::join_all(sends).await {
        assert_eq!(r.unwrap().status(), 200);
    }
    // Other notifications of the same payment (created, updated again) are separate jobs.
    enqueue_payment(&fleet.queue, "555").await;
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'payment:555:%' AND status = 'sent'").await == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE code = 'RES000101200' AND status = 'confirmed'"
        )
        .await,
        1
    );
    assert_eq!(count(&fleet.db, "SELECT count(*) FROM payments").await, 1);
    assert!(
        mp.received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|r| r.url.path() == "/v1/payments/555")
            .count()
            >= 2
    );
    drop(confirmed);
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_rejected_payment_confirms_nothing_and_the_guest_is_told() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101300").await;
    let (graph, mp) = fakes().await;
    let mut rejected = approved_payment(777, "RES000101300");
    rejected["status"] = "rejected".into();
    rejected["status_detail"] = "cc_rejected_insufficient_amount".into();
    Mock::given(method("GET"))
        .and(path("/v1/payments/777"))
        .respond_with(ResponseTemplate::new(200).set_body_json(rejected))
        .mount(&mp)
        .await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "confirm_payment,send_reply")],
    )]);
    enqueue_payment(&fleet.queue, "777").await;
    assert!(
        eventually(Duration::from_secs(10), || async {
            count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE cause_key = 'payment:777:rejected' AND status = 'sent'").await == 1
        })
        .await
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'confirmed'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM payments WHERE status = 'rejected'"
        )
        .await,
        1
    );
    fleet.drop_db().await;
}

/// Mercado Pago's test notifications name payments it does not know (its API answers 404): the
/// job is done at once, nothing is recorded or retried, and no dead letter pages anyone.
#[tokio::test]
async fn a_notification_for_a_payment_mercado_pago_does_not_know_is_done_without_a_dead_letter() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101301").await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "confirm_payment,send_reply")],
    )]);
    enqueue_payment(&fleet.queue, "123456").await;
    assert!(
        eventually(Duration::from_secs(10), || async {
            count(
                &fleet.db,
                "SELECT count(*) FROM idempotency_records WHERE idempotency_key LIKE '%123456%'",
            )
            .await
                == 1
        })
        .await,
        "the job is done"
    );
    let d = fleet.depth(QueueName::ConfirmPayment).await;
    assert_eq!((d.dead, d.scheduled), (0, 0), "{d:?}");
    assert_eq!(count(&fleet.db, "SELECT count(*) FROM payments").await, 0);
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'"
        )
        .await,
        1
    );
    fleet.drop_db().await;
}

/// Hold expiry with the clock injected through the tick: before its time nothing happens; after
/// it the hold expires, frees its nights, and the guest is told once.
#[tokio::test]
async fn holds_expire_at_their_time_and_the_guest_is_told_once() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101400").await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "expire_holds,send_reply")],
    )]);
    let now = Utc::now().timestamp_millis();
    let tick = |ms: i64| {
        NewJob::new(
            &ExpireHolds { tick_ms: ms },
            EnqueueOptions::keyed(IdempotencyKey::namespaced("tick", &ms.to_string()).unwrap()),
        )
        .unwrap()
    };

    fleet
        .queue
        .push_many(vec![tick(now + 29 * 60_000)])
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(5), || async {
            count(&fleet.db, "SELECT count(*) FROM idempotency_records").await == 1
        })
        .await
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'"
        )
        .await,
        1,
        "expired early"
    );

    fleet
        .queue
        .push_many(vec![tick(now + 31 * 60_000), tick(now + 32 * 60_000)])
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(10), || async {
            count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE cause_key = 'hold:RES000101400:expired' AND status = 'sent'").await == 1
        })
        .await
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'expired'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&fleet.db, "SELECT count(*) FROM outbound_messages").await,
        1
    );
    fleet.drop_db().await;
}

/// A guest who wrote in English hears about their hold in English when it expires (the
/// language is the conversation's, whichever job speaks).
#[tokio::test]
async fn an_english_guest_is_told_in_english_that_the_hold_expired() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101401").await;
    sqlx::query(
        "INSERT INTO conversations (property_id, channel, guest_address, state)
         SELECT id, 'whatsapp', '5491155551234', '{\"language\": \"en\"}' FROM properties",
    )
    .execute(&fleet.db)
    .await
    .unwrap();
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "expire_holds,send_reply")],
    )]);
    let at = Utc::now().timestamp_millis() + 31 * 60_000;
    fleet
        .queue
        .push_many(vec![
            NewJob::new(
                &ExpireHolds { tick_ms: at },
                EnqueueOptions::keyed(IdempotencyKey::namespaced("tick", &at.to_string()).unwrap()),
            )
            .unwrap(),
        ])
        .await
        .unwrap();
    let texts = sent_texts_when(&graph, 1).await;
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(
        texts[0].contains("RES000101401") && texts[0].contains("expired"),
        "{texts:?}"
    );
    fleet.drop_db().await;
}

/// The Mercado Pago breaker opens after the threshold and stops calling until its cool-down;
/// then one probe goes through. 429 with Retry-After is honoured.
#[tokio::test]
async fn the_breaker_stops_calls_until_its_cool_down_and_retry_after_is_honoured() {
    let fleet = Fleet::new().await;
    let mp = MockServer::start().await;
    // Down for four calls (the threshold, then the first probe), then answering (404: no such
    // payment, which closes the breaker and dead-letters that job).
    Mock::given(method("GET"))
        .and(path("/v1/payments/900"))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(4)
        .mount(&mp)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/900"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&mp)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/901"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "2"))
        .up_to_n_times(1)
        .mount(&mp)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/901"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&mp)
        .await;
    let graph = MockServer::start().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "confirm_payment"),
            ("BREAKER_FAILURE_THRESHOLD", "3"),
            ("BREAKER_COOL_DOWN_SECS", "3"),
            ("FLEET_RETRY_BASE_MS", "50"),
        ],
    )]);
    enqueue_payment(&fleet.queue, "900").await;
    let calls = || async {
        mp.received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|r| r.url.path() == "/v1/payments/900")
            .count()
    };
    assert!(eventually(Duration::from_secs(5), || async { calls().await == 3 }).await);
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert_eq!(calls().await, 3, "no call while the breaker is open");
    let d = fleet.depth(QueueName::ConfirmPayment).await;
    assert_eq!(d.dead, 0, "waiting for the breaker burns no attempt");
    assert!(
        eventually(Duration::from_secs(5), || async { calls().await >= 4 }).await,
        "half-open lets a call through after the cool-down"
    );
    assert!(
        eventually(Duration::from_secs(10), || async { calls().await == 5 }).await,
        "the failed probe reopened it; the next probe after another cool-down"
    );

    let asked = std::time::Instant::now();
    enqueue_payment(&fleet.queue, "901").await;
    let calls_901 = || async {
        mp.received_requests()
            .await
            .unwrap()
            .iter()
            .filter(|r| r.url.path() == "/v1/payments/901")
            .count()
    };
    assert!(eventually(Duration::from_secs(10), || async { calls_901().await == 2 }).await);
    assert!(
        asked.elapsed() >= Duration::from_secs(2),
        "the retry came before Retry-After"
    );
    fleet.drop_db().await;
}

/// greeting → availability → "dale" → payment link → payment webhook → confirmation.
#[tokio::test]
async fn the_whole_conversation_ends_confirmed() {
    let fleet = Fleet::new().await;
    fleet.seed_property().await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491166667777");

    let check_in = (Utc::now() + Days::days(45)).date_naive();
    let ask = format!(
        "¿Tenés lugar para 2 del {} al {}?",
        check_in.format("%d/%m"),
        (check_in + Days::days(2)).format("%d/%m")
    );
    let replies = say_and_wait(&guest, &graph, "Hola!", 1).await;
    assert!(replies[0].contains("Contame qué fechas"), "{replies:?}");
    let replies = say_and_wait(&guest, &graph, &ask, 2).await;
    assert!(
        replies[1].contains("Cabaña Coihue") && replies[1].contains("$ 100.000"),
        "{replies:?}"
    );
    let replies = say_and_wait(&guest, &graph, "dale, reservá", 3).await;
    assert!(
        replies[2].contains("Código: RES") && replies[2].contains("mercadopago.com.ar"),
        "{replies:?}"
    );
    let code: String =
        sqlx::query_scalar("SELECT code FROM reservations WHERE status = 'pre_reserved'")
            .fetch_one(&fleet.db)
            .await
            .unwrap();

    Mock::given(method("GET"))
        .and(path("/v1/payments/4242"))
        .respond_with(ResponseTemplate::new(200).set_body_json(approved_payment(4242, &code)))
        .mount(&mp)
        .await;
    let resp = guest
        .webhooks()
        .payment_notification(&guest.pay_notification("4242").unwrap())
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let replies = sent_texts_when(&graph, 4).await;
    assert!(
        replies[3].contains("¡Pago confirmado!") && replies[3].contains(&code),
        "{replies:?}"
    );
    // The confirmation is a voucher: cabin, dates and nights, times, deposit paid, balance.
    let stay = format!("Entrada: {} desde las 14:00", check_in.format("%d/%m/%Y"));
    for part in [
        "Cabaña Coihue",
        &stay,
        "(2 noches)",
        "Huéspedes: 2",
        "Seña pagada",
        "Saldo a pagar",
    ] {
        assert!(replies[3].contains(part), "{part}: {replies:?}");
    }
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'confirmed'"
        )
        .await,
        1
    );
    fleet.drop_db().await;
}

/// A hold corrected and then given up: new dates move it (the new one held and the old one
/// released in one transaction, with a new payment link), "cancelala" releases it at once.
#[tokio::test]
async fn a_hold_is_moved_when_the_guest_corrects_the_dates_and_released_when_they_cancel() {
    let fleet = Fleet::new().await;
    fleet.seed_property().await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491166668888");

    let check_in = (Utc::now() + Days::days(45)).date_naive();
    let day = |d: NaiveDate| d.format("%d/%m").to_string();
    let ask = format!(
        "¿Tenés lugar para 2 del {} al {}?",
        day(check_in),
        day(check_in + Days::days(2))
    );
    let replies = say_and_wait(&guest, &graph, &ask, 1).await;
    assert!(replies[0].contains("Cabaña Coihue"), "{replies:?}");
    let replies = say_and_wait(&guest, &graph, "dale", 2).await;
    assert!(replies[1].contains("Código: RES"), "{replies:?}");
    let first: String =
        sqlx::query_scalar("SELECT code FROM reservations WHERE status = 'pre_reserved'")
            .fetch_one(&fleet.db)
            .await
            .unwrap();

    let fix = format!(
        "perdón, me equivoqué, es del {} al {}",
        day(check_in + Days::days(1)),
        day(check_in + Days::days(3))
    );
    // "Lo cambio" and then the new hold with its payment link.
    let replies = say_and_wait(&guest, &graph, &fix, 4).await;
    assert!(replies[2].contains("lo cambio"), "{replies:?}");
    assert!(
        replies[3].contains("Código: RES") && replies[3].contains("mercadopago.com.ar"),
        "{replies:?}"
    );
    let live: Vec<(String, NaiveDate)> =
        sqlx::query_as("SELECT code, check_in FROM reservations WHERE status = 'pre_reserved'")
            .fetch_all(&fleet.db)
            .await
            .unwrap();
    assert_eq!(live.len(), 1, "{live:?}");
    assert_ne!(live[0].0, first);
    assert_eq!(live[0].1, check_in + Days::days(1));

    let replies = say_and_wait(&guest, &graph, "mejor cancelala", 5).await;
    assert!(replies[4].contains("cancelé tu reserva"), "{replies:?}");
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'"
        )
        .await,
        0
    );
    fleet.drop_db().await;
}

/// A guest of 8 offered Coihue and Lenga together, who says "dale": both held as one request.
async fn group_held(fleet: &Fleet, graph: &MockServer, guest: &Guest) -> (String, NaiveDate) {
    let check_in = (Utc::now() + Days::days(50)).date_naive();
    let ask = format!(
        "¿Tenés lugar para 8 del {} al {}?",
        check_in.format("%d/%m"),
        (check_in + Days::days(2)).format("%d/%m")
    );
    let replies = say_and_wait(guest, graph, &ask, 1).await;
    assert!(
        replies[0].contains("juntas") && replies[0].contains("Cabaña Lenga"),
        "{replies:?}"
    );
    say_and_wait(guest, graph, "dale", 2).await;
    let group: String = sqlx::query_scalar("SELECT code FROM reservation_groups")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    (group, check_in)
}

async fn seed_two_cabins(fleet: &Fleet) {
    let coihue = fleet.seed_property().await;
    sqlx::query(
        "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night)
         SELECT property_id, 'Cabaña Lenga', 6, 60000 FROM accommodations WHERE id = $1",
    )
    .bind(coihue)
    .execute(&fleet.db)
    .await
    .unwrap();
}

/// A group larger than any cabin: offered two cabins together; "dale" holds both in one
/// transaction as one request with one code, and ONE message carries ONE payment link for the
/// sum of the deposits. One payment (notified three times) confirms both at once, and the one
/// voucher lists every cabin. A later "cancelala" is a request for staff, recorded for both
/// cabins with the property's policy applied; both stay confirmed.
#[tokio::test]
async fn a_group_gets_one_payment_link_and_one_payment_confirms_every_cabin() {
    let fleet = Fleet::new().await;
    seed_two_cabins(&fleet).await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491166669999");

    let (group, check_in) = group_held(&fleet, &graph, &guest).await;
    assert!(group.starts_with("GRP"), "{group}");
    // Nothing more comes: one message for the group.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let replies = sent_texts_when(&graph, 2).await;
    assert_eq!(replies.len(), 2, "{replies:?}");
    let hold = &replies[1];
    let held: Vec<(String, String, i32, f64, Option<String>)> = sqlx::query_as(
        "SELECT r.code, a.name, r.guests, r.deposit_amount::float8, r.payment_link FROM reservations r
         JOIN accommodations a ON a.id = r.accommodation_id
         JOIN reservation_groups g ON g.id = r.group_id
         WHERE r.status = 'pre_reserved' AND g.code = $1 ORDER BY a.name",
    )
    .bind(&group)
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    assert_eq!(
        held.iter().map(|h| (h.1.as_str(), h.2)).collect::<Vec<_>>(),
        vec![("Cabaña Coihue", 4), ("Cabaña Lenga", 4)]
    );
    let link = format!("pref_id=pref-{group}");
    assert!(
        hold.contains(&format!("Código del grupo: {group}")) && hold.contains(&link),
        "{hold}"
    );
    for (code, name, ..) in &held {
        assert!(
            hold.contains(code) && hold.contains(name.as_str()),
            "{hold}"
        );
    }
    assert_eq!(hold.matches("mercadopago.com.ar").count(), 1, "{hold}");
    // One preference, referencing the group, for the sum of the deposits; every hold keeps it.
    let deposits: f64 = held.iter().map(|h| h.3).sum();
    assert_eq!(
        testkit::fakes::preferences(&mp).await,
        vec![(group.clone(), deposits)]
    );
    assert!(
        held.iter()
            .all(|h| h.4.as_deref().is_some_and(|l| l.contains(&link)))
    );

    let mut paid = approved_payment(4343, &group);
    paid["transaction_amount"] = deposits.into();
    Mock::given(method("GET"))
        .and(path("/v1/payments/4343"))
        .respond_with(ResponseTemplate::new(200).set_body_json(paid))
        .mount(&mp)
        .await;
    let notification = guest.pay_notification("4343").unwrap();
    for _ in 0..3 {
        let resp = guest
            .webhooks()
            .payment_notification(&notification)
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
    }
    enqueue_payment(&fleet.queue, "4343").await;
    let replies = sent_texts_when(&graph, 3).await;
    let voucher = &replies[2];
    for part in [
        "¡Pago confirmado!",
        &format!("Código del grupo: {group}"),
        &held[0].0,
        &held[1].0,
        "Cabaña Coihue",
        "Cabaña Lenga",
        &format!("Entrada: {} desde las 14:00", check_in.format("%d/%m/%Y")),
        "(2 noches)",
        "Huéspedes: 8 en total",
        "Seña pagada",
        "Saldo a pagar",
    ] {
        assert!(voucher.contains(part), "{part}: {voucher}");
    }
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'confirmed' AND group_id IS NOT NULL"
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM payments WHERE reservation_group_id IS NOT NULL AND reservation_id IS NULL"
        )
        .await,
        1
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'payment:4343:%'"
        )
        .await,
        1,
        "one voucher however often the payment is notified"
    );

    // Cancelling the paid group: a request for staff, for both cabins, with the policy of the
    // property (10 days: 50 days ahead gives the whole deposit back); nothing is cancelled.
    let property: i64 = sqlx::query_scalar("SELECT min(id) FROM properties")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    account(
        &fleet,
        property,
        "duena@lago.test",
        store::staff::Role::Owner,
    )
    .await;
    // Days are counted from the property's own today (Buenos Aires), not from UTC's.
    let days_ahead = (check_in
        - store::console::property_today(&fleet.db, property)
            .await
            .unwrap())
    .num_days() as i32;
    let replies = say_and_wait(&guest, &graph, "quiero cancelar la reserva", 4).await;
    assert!(
        replies[3].contains(&format!(
            "Como faltan {days_ahead} días para tu llegada, te devolvemos la seña completa."
        )),
        "{replies:?}"
    );
    let requests: Vec<(String, i32, i32)> = sqlx::query_as(
        "SELECT r.status::text, c.refund_percent, c.days_before_check_in FROM cancellation_requests c
         JOIN reservations r ON r.id = c.reservation_id ORDER BY r.id",
    )
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    assert_eq!(
        requests,
        vec![
            ("confirmed".to_owned(), 100, days_ahead),
            ("confirmed".to_owned(), 100, days_ahead)
        ]
    );
    let listed = store::reservations::cancellation_requests(&fleet.db)
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["group"], group.as_str());
    // The owner is told once, with the policy applied (the request also asks for a person: one
    // notice, not two).
    let notices: Vec<serde_json::Value> =
        sqlx::query_scalar("SELECT effect FROM outbox WHERE effect_key LIKE '%:notice:%'")
            .fetch_all(&fleet.db)
            .await
            .unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    let notice = notices[0].to_string();
    assert!(
        notice.contains("Pedido de cancelación")
            && notice.contains("duena@lago.test")
            && notice.contains("devolver el 100 % de la seña"),
        "{notice}"
    );
    fleet.drop_db().await;
}

/// A group's holds expire together and the guest is told once, by the group's code; a question
/// about cancelling before that answers the policy and releases nothing.
#[tokio::test]
async fn a_group_expires_whole_and_a_question_about_cancelling_cancels_nothing() {
    let fleet = Fleet::new().await;
    seed_two_cabins(&fleet).await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491166669998");
    let (group, _) = group_held(&fleet, &graph, &guest).await;

    let replies = say_and_wait(&guest, &graph, "se puede cancelar?", 3).await;
    assert!(
        replies[2].contains("Si cancelás hasta 10 días antes de tu llegada")
            && replies[2].contains("no pagás nada"),
        "{replies:?}"
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'pre_reserved'"
        )
        .await,
        2,
        "a question releases nothing"
    );

    let tick = Utc::now().timestamp_millis() + 24 * 3_600_000;
    fleet
        .queue
        .push_many(vec![
            NewJob::new(
                &ExpireHolds { tick_ms: tick },
                EnqueueOptions::keyed(
                    IdempotencyKey::namespaced("tick", &tick.to_string()).unwrap(),
                ),
            )
            .unwrap(),
        ])
        .await
        .unwrap();
    let replies = sent_texts_when(&graph, 4).await;
    assert!(replies[3].contains(&group), "{replies:?}");
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM reservations WHERE status = 'expired' AND group_id IS NOT NULL"
        )
        .await,
        2
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM outbound_messages WHERE cause_key LIKE 'hold:%:expired'"
        )
        .await,
        1
    );
    fleet.drop_db().await;
}

/// Payments that arrive after their hold expired: confirmed when the nights are still free;
/// when someone else booked them meanwhile, kept expired, marked for refund, listed for staff,
/// and the guest is told kindly.
#[tokio::test]
async fn a_late_payment_confirms_free_nights_and_is_refunded_when_they_were_taken() {
    let fleet = Fleet::new().await;
    let cabin = fleet.seed_hold("RES000101600").await;
    sqlx::query(
        "UPDATE reservations SET status = 'expired', expires_at = now() - interval '1 hour'",
    )
    .execute(&fleet.db)
    .await
    .unwrap();
    for (code, status, phone, check_in, check_out) in [
        (
            "RES000101601",
            "expired",
            "5491155551234",
            "2027-01-10",
            "2027-01-12",
        ),
        (
            "RES000101602",
            "confirmed",
            "5491177778888",
            "2027-01-11",
            "2027-01-13",
        ),
    ] {
        sqlx::query(
            "INSERT INTO reservations (code, accommodation_id, guest_phone, check_in, check_out, guests, total_amount, deposit_amount, status, channel_source, expires_at)
             VALUES ($1, $2, $3, $4::date, $5::date, 2, 100000, 30000, $6::reservation_status, 'whatsapp', now() - interval '1 hour')",
        )
        .bind(code)
        .bind(cabin)
        .bind(phone)
        .bind(check_in)
        .bind(check_out)
        .bind(status)
        .execute(&fleet.db)
        .await
        .unwrap();
    }
    let (graph, mp) = fakes().await;
    for (id, code) in [(901, "RES000101600"), (902, "RES000101601")] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/payments/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(approved_payment(id, code)))
            .mount(&mp)
            .await;
    }
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "confirm_payment,send_reply")],
    )]);
    enqueue_payment(&fleet.queue, "901").await;
    enqueue_payment(&fleet.queue, "902").await;
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(&fleet.db, "SELECT count(*) FROM outbound_messages WHERE cause_key IN ('payment:901:confirmed', 'payment:902:refund') AND status = 'sent'").await == 2
        })
        .await,
        "both guests are answered"
    );
    let states: Vec<(String, String, bool)> =
        sqlx::query_as("SELECT code, status::text, needs_refund FROM reservations ORDER BY code")
            .fetch_all(&fleet.db)
            .await
            .unwrap();
    assert_eq!(
        states,
        vec![
            ("RES000101600".into(), "confirmed".into(), false),
            ("RES000101601".into(), "expired".into(), true),
            ("RES000101602".into(), "confirmed".into(), false),
        ]
    );
    let texts = sent_texts(&graph).await;
    assert!(
        texts
            .iter()
            .any(|t| t.contains("RES000101601") && t.contains("devolver el dinero")),
        "{texts:?}"
    );

    // Staff see what they must pay back; nobody else does.
    let url = fleet.spawn_ingress().await;
    let http = reqwest::Client::new();
    let anonymous = http
        .get(format!("{url}/admin/refunds"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let staff: serde_json::Value = http
        .get(format!("{url}/admin/refunds"))
        .bearer_auth(STAFF_TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let refunds = staff["refunds"].as_array().unwrap();
    assert_eq!(refunds.len(), 1, "{staff}");
    assert_eq!(refunds[0]["code"], "RES000101601");
    assert_eq!(refunds[0]["payments"], serde_json::json!(["902"]));
    assert_eq!(refunds[0]["paid"].as_f64(), Some(30000.0));
    fleet.drop_db().await;
}

/// "tenés fotos?" gets each cabin's main photo as a WhatsApp image; a property without photos
/// gets words instead.
#[tokio::test]
async fn photos_are_sent_as_images_and_a_property_without_them_gets_words() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101700").await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "parse_intent,send_reply")],
    )]);
    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491166660001");
    let replies = say_and_wait(&guest, &graph, "tenés fotos?", 1).await;
    assert_eq!(replies.len(), 1, "{replies:?}");
    let images = || async {
        sent_json(&graph)
            .await
            .into_iter()
            .filter(|v| v["type"] == "image")
            .collect::<Vec<_>>()
    };
    assert!(
        images().await.is_empty(),
        "no photos yet: words, not images"
    );

    sqlx::query("UPDATE accommodations SET photos = ARRAY['https://fotos.test/coihue-1.jpg', 'https://fotos.test/coihue-2.jpg']")
        .execute(&fleet.db)
        .await
        .unwrap();
    let other = whatsapp_guest(&url, "5491166660002");
    say_and_wait(&other, &graph, "me mandás fotos de la cabaña?", 1).await;
    assert!(
        eventually(Duration::from_secs(10), || async {
            images().await.len() == 1
        })
        .await,
        "one image: the cabin's main photo"
    );
    let image = images().await.remove(0);
    assert_eq!(image["image"]["link"], "https://fotos.test/coihue-1.jpg");
    assert_eq!(image["to"], "541166660002");
    fleet.drop_db().await;
}

/// A guest writing to the property's WhatsApp number, who pays with Mercado Pago.
fn whatsapp_guest(url: &str, phone: &str) -> Guest {
    Guest::whatsapp(url, "106540352242922", phone, WA_SECRET).with_mercadopago_secret(MP_SECRET)
}

/// Says `text`, then reads the replies off the Graph API fake once there are `total`.
async fn say_and_wait(guest: &Guest, graph: &MockServer, text: &str, total: usize) -> Vec<String> {
    guest.say(text).await.unwrap();
    sent_texts_when(graph, total).await
}

/// A group's correction, decided on the nights the turn read, lands on nights another booking
/// took meanwhile: the move is all or none. `place_group_replacing` leaves the old group held
/// and places nothing new when any new cabin is taken; when every new cabin is free it releases
/// the whole old group and holds the new one under a new code, in the caller's transaction.
#[tokio::test]
async fn a_group_moved_onto_nights_taken_meanwhile_keeps_its_holds() {
    let fleet = Fleet::new().await;
    seed_two_cabins(&fleet).await;
    let (graph, mp) = fakes().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = whatsapp_guest(&url, "5491166669997");
    let (group, check_in) = group_held(&fleet, &graph, &guest).await;
    let member: String = sqlx::query_scalar(
        "SELECT r.code FROM reservations r JOIN reservation_groups g ON g.id = r.group_id
         WHERE g.code = $1 ORDER BY r.id LIMIT 1",
    )
    .bind(&group)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM accommodations ORDER BY id")
        .fetch_all(&fleet.db)
        .await
        .unwrap();
    let mut cabins = Vec::new();
    for id in &ids {
        cabins.push(
            store::availability::by_id(&fleet.db, *id)
                .await
                .unwrap()
                .unwrap(),
        );
    }
    let moved_in = check_in + Days::days(7);
    // Someone else confirmed the Lenga's first new night meanwhile.
    sqlx::query(
        "INSERT INTO reservations (code, accommodation_id, check_in, check_out, guests, total_amount, deposit_amount, status, channel_source)
         VALUES ('RES000000901', $1, $2, $3, 2, 100000, 30000, 'confirmed', 'whatsapp')",
    )
    .bind(ids[1])
    .bind(moved_in)
    .bind(moved_in + Days::days(1))
    .execute(&fleet.db)
    .await
    .unwrap();
    let requests =
        |from: NaiveDate, causes: &'static [&'static str]| -> Vec<store::holds::HoldRequest<'_>> {
            cabins
                .iter()
                .zip(causes)
                .map(|(a, cause)| store::holds::HoldRequest {
                    accommodation: a,
                    stay: booking::StayDates::new(from, from + Days::days(2)).unwrap(),
                    guests: booking::Guests::new(4).unwrap(),
                    guest_name: None,
                    guest_phone: Some("5491166669997"),
                    guest_email: None,
                    channel_source: "whatsapp",
                    expires_at: Utc::now() + Days::minutes(30),
                    cause,
                })
                .collect()
        };
    let live = |db: sqlx::PgPool| async move {
        sqlx::query_as::<_, (String, NaiveDate)>(
            "SELECT coalesce(g.code, ''), r.check_in FROM reservations r
             LEFT JOIN reservation_groups g ON g.id = r.group_id
             WHERE r.status = 'pre_reserved' ORDER BY r.id",
        )
        .fetch_all(&db)
        .await
        .unwrap()
    };

    let mut tx = fleet.db.begin().await.unwrap();
    let taken = store::holds::place_group_replacing(
        &mut tx,
        &member,
        "test:move:1",
        &requests(moved_in, &["test:move:1:0", "test:move:1:1"]),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert!(taken.is_none(), "a taken cabin places nothing");
    assert_eq!(
        live(fleet.db.clone()).await,
        vec![(group.clone(), check_in), (group.clone(), check_in)],
        "the old group is kept whole"
    );

    let free_in = check_in + Days::days(14);
    let mut tx = fleet.db.begin().await.unwrap();
    let moved = store::holds::place_group_replacing(
        &mut tx,
        &member,
        "test:move:2",
        &requests(free_in, &["test:move:2:0", "test:move:2:1"]),
    )
    .await
    .unwrap()
    .expect("free nights: moved");
    tx.commit().await.unwrap();
    assert_ne!(moved.code, group);
    assert_eq!(
        live(fleet.db.clone()).await,
        vec![(moved.code.clone(), free_in), (moved.code.clone(), free_in)],
        "the whole old group released, the new one held"
    );
    fleet.drop_db().await;
}

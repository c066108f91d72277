//! Deposits given back through Mercado Pago (faked over HTTP) from the console's payments page,
//! against the real ingress and a worker process: once per reservation however often the
//! button is pressed, the guest told once; staff accounts cannot; and Mercado Pago's own
//! reports of a refund or a chargeback mark the stay, tell the owner and put the guest's
//! conversation in the inbox.

use std::time::Duration;

use jobs::{
    EnqueueOptions,
    domain::IdempotencyKey,
    payloads::{ConfirmPayment, PaymentSource},
};
use reqwest::StatusCode;
use serde_json::json;
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{header, method, path},
};

use crate::{
    console::{Http, add_staff, audit_actions, cabin_of, other_property, property, reservation},
    support::*,
};

/// Carla's stay of `cabin` (`code`, `phone`), cancelled a month ahead with the whole deposit
/// (30.000) due back by a resolved request, paid through Mercado Pago payment `payment_id`.
pub(crate) async fn cancelled_with_deposit_due(
    fleet: &Fleet,
    cabin: i64,
    code: &str,
    phone: &str,
    payment_id: &str,
) {
    let carla = reservation(
        fleet,
        cabin,
        code,
        "Carla Lejos",
        phone,
        30,
        30_000,
        "cancelled",
    )
    .await;
    sqlx::query(
        "INSERT INTO cancellation_requests (reservation_id, days_before_check_in, refund_percent, cause_key, resolved_at, refund_cents)
         VALUES ($1, 30, 100, 'console:cancel:' || $2, now(), 3000000)",
    )
    .bind(carla)
    .bind(code)
    .execute(&fleet.db)
    .await
    .unwrap();
    paid(fleet, payment_id, code, 30_000.0).await;
}

/// The approved payment 9001 of `code` for `amount`, recorded as the confirmation records it.
pub(crate) async fn paid(fleet: &Fleet, provider_id: &str, code: &str, amount: f64) {
    sqlx::query(
        "INSERT INTO payments (provider_payment_id, reservation_id, external_reference, status, amount, currency)
         SELECT $1, id, code, 'approved', $3, 'ARS' FROM reservations WHERE code = $2",
    )
    .bind(provider_id)
    .bind(code)
    .bind(amount)
    .execute(&fleet.db)
    .await
    .unwrap();
}

/// Mercado Pago reports `payment` with `status` (a `payment.updated` notification).
async fn reported(fleet: &Fleet, mp: &MockServer, payment: u64, code: &str, status: &str) {
    let mut doc = approved_payment(payment, code);
    doc["status"] = json!(status);
    Mock::given(method("GET"))
        .and(path(format!("/v1/payments/{payment}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(doc))
        .mount(mp)
        .await;
    let job = ConfirmPayment {
        source: PaymentSource::Webhook {
            payment_id: payment.to_string(),
        },
        received_at_ms: 0,
    };
    let key = IdempotencyKey::namespaced("mp", &format!("{payment}:{status}")).unwrap();
    fleet
        .queue
        .enqueue(&job, EnqueueOptions::keyed(key))
        .await
        .unwrap();
}

/// Waits (up to 10 s) until `sql` counts `want`, and fails saying what it counts otherwise.
pub(crate) async fn reaches(fleet: &Fleet, sql: &'static str, want: i64) {
    eventually(Duration::from_secs(10), || async {
        count(&fleet.db, sql).await == want
    })
    .await;
    assert_eq!(count(&fleet.db, sql).await, want, "{sql}");
}

#[tokio::test]
async fn an_owner_gives_a_deposit_back_once_and_reversals_reach_the_inbox() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let cabin = cabin_of(&fleet, property).await;
    // Carla cancelled 30 days ahead: the whole deposit (30.000) is due back.
    cancelled_with_deposit_due(&fleet, cabin, "RES2000001", "5492944222001", "9001").await;
    // Diego's stay is confirmed and paid; his bank will charge it back.
    reservation(
        &fleet,
        cabin,
        "RES2000002",
        "Diego Disputa",
        "5492944222002",
        60,
        20_000,
        "confirmed",
    )
    .await;
    paid(&fleet, "9002", "RES2000002", 20_000.0).await;
    sqlx::query(
        "INSERT INTO conversations (property_id, channel, guest_address, state)
         VALUES ($1, 'whatsapp', '5492944222002', '{}')",
    )
    .bind(property)
    .execute(&fleet.db)
    .await
    .unwrap();
    let (other, _) = other_property(&fleet).await;

    let mp = mercadopago_fake().await;
    let refunds = Mock::given(method("POST"))
        .and(path("/v1/payments/9001/refunds"))
        .and(header("x-idempotency-key", "refund-RES2000001"))
        .respond_with(ResponseTemplate::new(201).set_body_json(
            json!({ "id": 555001, "payment_id": 9001, "amount": 30000.0, "status": "approved" }),
        ))
        .expect(1)
        .mount_as_scoped(&mp)
        .await;
    let graph = graph_accepting_all().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;

    // Staff neither see the page nor can give money back.
    let mut staff = Http::new(&base);
    let staff_token = staff.sign_in("ana@lago.test").await;
    assert_eq!(
        staff.get("/admin/payments").await.status,
        StatusCode::NOT_FOUND
    );
    let refused = staff
        .post(
            "/admin/payments/RES2000001/refund",
            &[("csrf", &staff_token)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    let page = owner.get("/admin/payments").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("RES2000001") && page.body.contains("Devolver por Mercado Pago"),
        "{}",
        page.body
    );
    // Without the form token: refused, nothing asked of Mercado Pago.
    let forged = owner.post("/admin/payments/RES2000001/refund", &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // Another property's code is nothing to give back here.
    let theirs = owner
        .post(
            &format!("/admin/payments/RES{other}9/refund"),
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(
        theirs.location.as_deref(),
        Some("/admin/payments?aviso=nada")
    );

    // Pressed twice: one refund at Mercado Pago, one row, one message to the guest.
    for _ in 0..2 {
        let pressed = owner
            .post("/admin/payments/RES2000001/refund", &[("csrf", &token)])
            .await;
        assert_eq!(pressed.status, StatusCode::SEE_OTHER, "{}", pressed.body);
    }
    reaches(&fleet, "SELECT count(*) FROM refunds WHERE code = 'RES2000001' AND amount = 30000 AND provider_refund_id = '555001'", 1).await;
    let told = sent_texts_when(&graph, 1).await;
    assert!(
        told[0].contains("Te devolvimos $ 30.000") && told[0].contains("RES2000001"),
        "{told:?}"
    );
    drop(refunds);
    let after = owner.get("/admin/payments").await.body;
    assert!(
        after.contains("No hay señas para devolver") && after.contains("Devolvimos la seña"),
        "{after}"
    );
    // Mercado Pago's report of our own refund changes nothing for staff.
    reported(&fleet, &mp, 9001, "RES2000001", "refunded").await;
    reaches(
        &fleet,
        "SELECT count(*) FROM reservations WHERE code = 'RES2000001' AND payment_reversal = 'refunded'",
        1,
    )
    .await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM outbox WHERE effect_key LIKE '%:notice:%'"
        )
        .await,
        0
    );

    // A chargeback: the stay is marked (still confirmed), the owner told once, the guest's
    // conversation waits for a person.
    reported(&fleet, &mp, 9002, "RES2000002", "charged_back").await;
    reported(&fleet, &mp, 9002, "RES2000002", "charged_back").await;
    reaches(
        &fleet,
        "SELECT count(*) FROM reservations WHERE code = 'RES2000002' AND payment_reversal = 'charged_back' AND status = 'confirmed'",
        1,
    )
    .await;
    reaches(
        &fleet,
        "SELECT count(*) FROM outbox WHERE effect_key LIKE '%charged_back:notice:%' AND effect::text LIKE '%Contracargo: RES2000002%'",
        1,
    )
    .await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM conversations WHERE guest_address = '5492944222002' AND (state->>'needs_human')::boolean"
        )
        .await,
        1
    );
    let listed = owner.get("/admin/payments").await.body;
    assert!(listed.contains("Contracargo del banco"), "{listed}");
    assert!(
        audit_actions(&fleet).await.iter().any(|a| a == "refund"),
        "the refund is audited"
    );
    fleet.drop_db().await;
}

use ingress::signature::mercadopago::REPLAY_WINDOW_MS;
use jobs::QueueName::ConfirmPayment;
use testkit::deliveries::mercadopago_signature;

use crate::helpers::*;

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

async fn post(
    app: &TestApp,
    query: &str,
    body: Vec<u8>,
    signature: Option<String>,
    request_id: &str,
) -> reqwest::Response {
    app.webhooks
        .mercadopago(query, body, signature.as_deref(), request_id)
        .await
        .unwrap()
}

const PAYMENT: &str = "webhooks/mercadopago/mp_doc_webhook_payment_created.json";

#[tokio::test]
async fn a_signed_payment_notification_becomes_one_confirm_job() {
    let app = spawn_app().await;
    let sig = mercadopago_signature(
        MP_SECRET.as_bytes(),
        Some("999999999"),
        Some("req-1"),
        now_ms(),
    );
    let resp = post(
        &app,
        "data.id=999999999&type=payment",
        fixture(PAYMENT),
        Some(sig.clone()),
        "req-1",
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(app.depth(ConfirmPayment).await.pending, 1);
    let resp = post(
        &app,
        "data.id=999999999&type=payment",
        fixture(PAYMENT),
        Some(sig),
        "req-1",
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        app.depth(ConfirmPayment).await.pending,
        1,
        "a retried notification is a duplicate"
    );
}

/// Each refusal of the signature table: 401, and nothing enqueued.
#[tokio::test]
async fn bad_mercadopago_signatures_are_refused_and_enqueue_nothing() {
    let app = spawn_app().await;
    let now = now_ms();
    let good = |id: &str, rid: &str, ts: i64| {
        mercadopago_signature(MP_SECRET.as_bytes(), Some(id), Some(rid), ts)
    };
    let cases: Vec<(&str, &str, Option<String>, &str)> = vec![
        (
            "wrong secret",
            "data.id=999999999",
            Some(mercadopago_signature(
                b"not-the-secret",
                Some("999999999"),
                Some("r"),
                now,
            )),
            "r",
        ),
        (
            "other payment id in the query",
            "data.id=111",
            Some(good("999999999", "r", now)),
            "r",
        ),
        (
            "other request id",
            "data.id=999999999",
            Some(good("999999999", "r", now)),
            "r2",
        ),
        ("header missing", "data.id=999999999", None, "r"),
        (
            "header malformed",
            "data.id=999999999",
            Some("ts=abc,v1=zz".into()),
            "r",
        ),
        (
            "v1 missing",
            "data.id=999999999",
            Some(format!("ts={now}")),
            "r",
        ),
        (
            "timestamp too old",
            "data.id=999999999",
            Some(good("999999999", "r", now - REPLAY_WINDOW_MS - 5_000)),
            "r",
        ),
        (
            "timestamp in the future",
            "data.id=999999999",
            Some(good("999999999", "r", now + REPLAY_WINDOW_MS + 5_000)),
            "r",
        ),
    ];
    for (what, query, sig, rid) in cases {
        let resp = post(
            &app,
            &format!("{query}&type=payment"),
            fixture(PAYMENT),
            sig,
            rid,
        )
        .await;
        assert_eq!(resp.status(), 401, "{what}");
        let body = resp.text().await.unwrap();
        assert!(!body.contains(MP_SECRET), "{what}: the secret leaked");
    }
    assert_eq!(app.total_jobs().await, 0);
}

/// The real order notification from MP's docs: signed, but not a payment: accepted, nothing queued.
#[tokio::test]
async fn a_signed_notification_that_is_not_a_payment_is_acknowledged_without_a_job() {
    let app = spawn_app().await;
    let body = fixture("webhooks/mercadopago/mp_doc_order_processed_qr.json");
    let id = "ORD01JQ4S4KY8HWQ6NA5PXB65B3D3";
    let sig = mercadopago_signature(MP_SECRET.as_bytes(), Some(id), Some("r"), now_ms());
    let resp = post(
        &app,
        &format!("data.id={id}&type=order"),
        body,
        Some(sig),
        "r",
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(app.total_jobs().await, 0);
}

#[tokio::test]
async fn a_signed_body_that_is_not_json_is_a_bad_request() {
    let app = spawn_app().await;
    let sig = mercadopago_signature(MP_SECRET.as_bytes(), Some("1"), Some("r"), now_ms());
    let resp = post(
        &app,
        "data.id=1&type=payment",
        b"{not json".to_vec(),
        Some(sig),
        "r",
    )
    .await;
    assert_eq!(resp.status(), 400);
    assert_eq!(app.total_jobs().await, 0);
}

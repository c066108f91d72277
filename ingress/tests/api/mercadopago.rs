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

/// Real notifications from MP's documentation that are not about a payment (the QR `order`,
/// and Point's payment-intent notifications, which carry no `type` at all): signed, accepted
/// (200), nothing queued, and so nothing the guest is told.
#[tokio::test]
async fn a_signed_notification_that_is_not_a_payment_is_acknowledged_without_a_job() {
    let order = "ORD01JQ4S4KY8HWQ6NA5PXB65B3D3";
    let cases = [
        (
            fixture("webhooks/mercadopago/mp_doc_order_processed_qr.json"),
            format!("data.id={order}&type=order"),
            Some(order),
        ),
        (
            testkit::fixtures::read("mercadopago/mp_doc_point_integration_finished.json"),
            String::new(),
            None,
        ),
        (
            testkit::fixtures::read("mercadopago/mp_doc_point_integration_canceled.json"),
            String::new(),
            None,
        ),
    ];
    for (n, (body, query, id)) in cases.into_iter().enumerate() {
        let app = spawn_app().await;
        let request_id = format!("r{n}");
        let sig = mercadopago_signature(MP_SECRET.as_bytes(), id, Some(&request_id), now_ms());
        let resp = post(&app, &query, body, Some(sig), &request_id).await;
        assert_eq!(resp.status(), 200, "case {n}");
        assert_eq!(app.total_jobs().await, 0, "case {n}");
    }
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

/// Every notification shape Mercado Pago sends (Webhooks and IPN, as its documentation shows
/// them; ids made up): what each gets and whether it becomes a payment check. Only a refused
/// signature is refused: Mercado Pago retries anything else it is refused for days.
#[tokio::test]
async fn every_notification_shape_is_acknowledged_and_only_payments_are_checked() {
    struct Shape {
        what: &'static str,
        query: &'static str,
        body: String,
        /// The `data.id` signed (from the query), `None` when the query has none.
        signed_id: Option<&'static str>,
        status: u16,
        jobs: u64,
    }
    let shapes = [
        Shape {
            what: "merchant_order without data.id",
            query: "topic=merchant_order",
            body: r#"{"action":"merchant_order.updated","type":"merchant_order","data":{}}"#.into(),
            signed_id: None,
            status: 200,
            jobs: 0,
        },
        Shape {
            what: "merchant_order IPN resource",
            query: "",
            body: r#"{"resource":"https://api.mercadolibre.com/merchant_orders/9876543210","topic":"merchant_order"}"#.into(),
            signed_id: None,
            status: 200,
            jobs: 0,
        },
        Shape {
            what: "chargebacks",
            query: "data.id=40001&type=chargebacks",
            body: r#"{"action":"chargeback.created","type":"chargebacks","data":{"id":"40001"},"id":"771"}"#.into(),
            signed_id: Some("40001"),
            status: 200,
            jobs: 0,
        },
        Shape {
            what: "point_integration_wh",
            query: "",
            body: r#"{"type":"point_integration_wh","action":"state_FINISHED","state":"FINISHED","payment_intent_id":"abc"}"#.into(),
            signed_id: None,
            status: 200,
            jobs: 0,
        },
        Shape {
            what: "payment naming no payment",
            query: "type=payment",
            body: r#"{"type":"payment","action":"payment.created","data":{}}"#.into(),
            signed_id: None,
            status: 200,
            jobs: 0,
        },
        Shape {
            what: "the panel's test notification (a made-up payment)",
            query: "data.id=123456&type=payment",
            body: r#"{"action":"payment.updated","api_version":"v1","data":{"id":"123456"},"date_created":"2021-11-01T02:02:02Z","id":"123456","live_mode":false,"type":"payment","user_id":2025701502}"#.into(),
            signed_id: Some("123456"),
            status: 200,
            jobs: 1,
        },
        Shape {
            what: "signed IPN shape: topic and id in the query, resource in the body",
            query: "topic=payment&id=555666777",
            body: r#"{"resource":"https://api.mercadolibre.com/collections/notifications/555666777","topic":"payment"}"#.into(),
            signed_id: None,
            status: 200,
            jobs: 1,
        },
        Shape {
            what: "signed bare IPN ping: an empty body",
            query: "topic=payment&id=555666888",
            body: String::new(),
            signed_id: None,
            status: 200,
            jobs: 1,
        },
        Shape {
            what: "chargebacks as the documentation shows them (a 64-bit data.id as a number)",
            query: "data.id=217000061307271000&type=topic_chargebacks_wh",
            body: String::from_utf8(testkit::fixtures::read("mercadopago/mp_doc_chargebacks_topic_chargebacks_wh.json")).unwrap(),
            signed_id: Some("217000061307271000"),
            status: 200,
            jobs: 0,
        },
        Shape {
            what: "merchant_order IPN as the documentation shows it, signed",
            query: "topic=merchant_order&id=1234567890",
            body: String::from_utf8(testkit::fixtures::read("mercadopago/mp_doc_ipn_merchant_order.json")).unwrap(),
            signed_id: None,
            status: 200,
            jobs: 0,
        },
    ];
    for (n, shape) in shapes.iter().enumerate() {
        let app = spawn_app().await;
        let request_id = format!("req-shape-{n}");
        let sig = mercadopago_signature(
            MP_SECRET.as_bytes(),
            shape.signed_id,
            Some(&request_id),
            now_ms(),
        );
        let resp = post(
            &app,
            shape.query,
            shape.body.as_bytes().to_vec(),
            Some(sig),
            &request_id,
        )
        .await;
        assert_eq!(resp.status(), shape.status, "{}", shape.what);
        assert_eq!(
            app.depth(ConfirmPayment).await.pending,
            shape.jobs,
            "{}",
            shape.what
        );
    }
}

/// The old IPN scheme carries no signature: refused (401), nothing checked.
#[tokio::test]
async fn an_unsigned_ipn_notification_is_refused() {
    let app = spawn_app().await;
    let resp = post(&app, "topic=payment&id=555666777", Vec::new(), None, "r").await;
    assert_eq!(resp.status(), 401);
    assert_eq!(app.total_jobs().await, 0);
}

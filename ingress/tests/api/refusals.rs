//! Bad input gets a clear answer and nothing is enqueued.

use crate::helpers::*;

#[tokio::test]
async fn whatsapp_signature_table() {
    let app = spawn_app().await;
    let body = fixture("webhooks/whatsapp/pywa_message_text.json");
    let good = deliveries::whatsapp_signature(WA_SECRET, &body);
    let mut one_byte_changed = body.clone();
    let i = one_byte_changed.iter().position(|b| *b == b'B').unwrap();
    one_byte_changed[i] = b'C';
    let cases: Vec<(&str, Vec<u8>, Option<String>)> = vec![
        (
            "wrong secret",
            body.clone(),
            Some(deliveries::whatsapp_signature("other", &body)),
        ),
        (
            "body changed by one byte",
            one_byte_changed,
            Some(good.clone()),
        ),
        ("header missing", body.clone(), None),
        (
            "header without sha256=",
            body.clone(),
            Some(good.trim_start_matches("sha256=").to_owned()),
        ),
        ("header not hex", body.clone(), Some("sha256=nothex".into())),
        (
            "header truncated",
            body.clone(),
            Some(good[..40].to_owned()),
        ),
    ];
    for (what, body, sig) in cases {
        let resp = app.post_whatsapp(body, sig).await;
        assert_eq!(resp.status(), 401, "{what}");
    }
    assert_eq!(app.total_jobs().await, 0);
    // And the valid one is accepted by the same app.
    assert_eq!(app.post_whatsapp(body, Some(good)).await.status(), 200);
}

/// Meta's own published text example is not valid JSON: signed, it is a 400, never a panic.
#[tokio::test]
async fn a_signed_body_that_is_not_json_is_a_bad_request() {
    let app = spawn_app().await;
    let resp = app
        .post_signed_whatsapp(fixture("webhooks/whatsapp/meta_doc_text_message.json"))
        .await;
    assert_eq!(resp.status(), 400);
    let resp = app.post_signed_whatsapp(b"[1,2,3]".to_vec()).await;
    assert_eq!(resp.status(), 400);
    assert_eq!(app.total_jobs().await, 0);
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let app = spawn_with(|c| c.max_body_bytes = 1024).await;
    let big = text_delivery("wamid.BIG", &"a".repeat(4096));
    let resp = app.post_signed_whatsapp(big).await;
    assert_eq!(resp.status(), 413);
    assert_eq!(app.total_jobs().await, 0);
}

fn delivery_for(number_id: &str, wamid: &str) -> Vec<u8> {
    deliveries::whatsapp(
        number_id,
        PHONE,
        vec![deliveries::whatsapp_text(PHONE, wamid, "hola")],
    )
    .to_string()
    .into_bytes()
}

#[tokio::test]
async fn signed_webhooks_are_budgeted_per_property_never_per_address() {
    // The per-address limit is 1: Meta delivers every property's messages from a few
    // addresses, so it must not apply to signed webhooks.
    let app = spawn_with(|c| {
        c.rate_limit_per_minute = 1;
        c.webhook_rate_limit_per_minute = 5;
    })
    .await;
    let mut busy = Vec::new();
    for i in 0..8 {
        let resp = app
            .post_signed_whatsapp(delivery_for(NUMBER_ID, &format!("wamid.RL{i}")))
            .await;
        busy.push(resp.status().as_u16());
    }
    assert_eq!(busy, [200, 200, 200, 200, 200, 429, 429, 429], "{busy:?}");
    let quiet = app
        .post_signed_whatsapp(delivery_for("999000111222333", "wamid.OTHER"))
        .await;
    assert_eq!(
        quiet.status(),
        200,
        "a busy property never throttles another one"
    );
    assert_eq!(app.total_jobs().await, 6);
    for path in ["/health/live", "/health/ready", "/metrics"] {
        for _ in 0..5 {
            let status = app.http.get(app.url(path)).send().await.unwrap().status();
            assert_eq!(status, 200, "{path} is never limited");
        }
    }
}

#[tokio::test]
async fn unsigned_webhooks_are_limited_hard_per_address_before_their_body_is_read() {
    let app = spawn_with(|c| c.unsigned_rate_limit_per_minute = 3).await;
    let mut statuses = Vec::new();
    for i in 0..8 {
        let body = text_delivery(&format!("wamid.FORGED{i}"), "hola");
        let forged = if i % 2 == 0 {
            None
        } else {
            Some("sha256=".to_owned() + &"0".repeat(64))
        };
        statuses.push(app.post_whatsapp(body, forged).await.status().as_u16());
    }
    assert_eq!(
        statuses,
        [401, 401, 401, 401, 429, 429, 429, 429],
        "the fourth failure puts the address over: refused at once from then on"
    );
    let signed = app
        .post_signed_whatsapp(text_delivery("wamid.LATER", "hola"))
        .await;
    assert_eq!(
        signed.status(),
        429,
        "for the rest of the window, whatever it sends"
    );
    assert_eq!(app.total_jobs().await, 0, "nothing was accepted");
}

#[tokio::test]
async fn staff_endpoints_are_limited_per_address() {
    let app = spawn_with(|c| c.rate_limit_per_minute = 3).await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let resp = app
            .http
            .get(app.url("/admin/refunds"))
            .send()
            .await
            .unwrap();
        statuses.push(resp.status().as_u16());
    }
    assert_eq!(statuses, [401, 401, 401, 429, 429], "{statuses:?}");
}

#[tokio::test]
async fn unknown_routes_are_404_and_wrong_methods_405() {
    let app = spawn_app().await;
    assert_eq!(
        app.http
            .get(app.url("/wp-login.php"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        app.http
            .post(app.url("/webhooks/unknown"))
            .body("{}")
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        app.http
            .delete(app.url("/webhooks/whatsapp"))
            .send()
            .await
            .unwrap()
            .status(),
        405
    );
    assert_eq!(app.total_jobs().await, 0);
}

#[tokio::test]
async fn metrics_show_queue_depth_and_refusals() {
    let app = spawn_app().await;
    app.post_signed_whatsapp(text_delivery("wamid.M1", "hola"))
        .await;
    app.post_whatsapp(text_delivery("wamid.M2", "hola"), None)
        .await;
    let text = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains("fleet_queue_jobs{queue=\"parse_intent\",state=\"pending\"} 1"),
        "{text}"
    );
    assert!(
        text.contains(
            "fleet_webhook_rejected_total{provider=\"whatsapp\",reason=\"missing_signature\"}"
        ),
        "{text}"
    );
    assert!(
        text.contains("fleet_ingress_requests_total{route=\"/webhooks/whatsapp\",status=\"401\"}"),
        "{text}"
    );
}

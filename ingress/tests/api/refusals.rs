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

#[tokio::test]
async fn over_the_rate_limit_is_429_but_health_stays_open() {
    let app = spawn_with(|c| c.rate_limit_per_minute = 5).await;
    let mut statuses = Vec::new();
    for i in 0..8 {
        let resp = app
            .post_signed_whatsapp(text_delivery(&format!("wamid.RL{i}"), "hola"))
            .await;
        statuses.push(resp.status().as_u16());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        5,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 429).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(app.total_jobs().await, 5);
    for _ in 0..10 {
        assert_eq!(
            app.http
                .get(app.url("/health/live"))
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
    }
    assert_eq!(
        app.http
            .get(app.url("/metrics"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
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

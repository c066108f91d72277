//! Nothing accepted is lost: with Redis away the ingress answers 503 (so the provider retries)
//! and accepts nothing; once Redis is back, the retried delivery is enqueued exactly once.

use std::time::Duration;

use jobs::QueueName::ParseIntent;

use crate::helpers::*;

#[tokio::test]
async fn redis_down_means_503_and_the_retry_after_recovery_is_enqueued_once() {
    let proxy = RedisProxy::start().await;
    let app = spawn_on(proxy.url(), |_| {}).await;
    let body = text_delivery("wamid.OUTAGE", "¿tenés lugar?");

    proxy.stop();
    for _ in 0..3 {
        let resp = app.post_signed_whatsapp(body.clone()).await;
        assert_eq!(resp.status(), 503);
        assert!(resp.headers().contains_key("retry-after"));
    }
    let ready = app.http.get(app.url("/health/ready")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    assert_eq!(
        app.total_jobs().await,
        0,
        "nothing may be accepted while Redis is away"
    );

    proxy.restore();
    let mut accepted = 0;
    for _ in 0..50 {
        // The provider keeps retrying until it gets a 2xx.
        if app.post_signed_whatsapp(body.clone()).await.status() == 200 {
            accepted += 1;
            if accepted == 3 {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(accepted, 3, "the ingress did not recover");
    assert_eq!(app.depth(ParseIntent).await.pending, 1);
    assert_eq!(app.total_jobs().await, 1);
}

#[tokio::test]
async fn readiness_means_webhooks_can_be_accepted_and_reports_postgres_without_failing() {
    // No DATABASE_URL in this app, and one whose PostgreSQL is unreachable (nothing listens on
    // port 9): both accept webhooks with Redis alone, so both are ready, and say what is missing.
    let without = spawn_app().await;
    let unreachable = spawn_on(redis_url(), |c| {
        c.database_url = Some("postgres://postgres@127.0.0.1:9/none".to_owned().into());
        c.ready_timeout = Duration::from_millis(500);
    })
    .await;
    for app in [&without, &unreachable] {
        let resp = app.http.get(app.url("/health/ready")).send().await.unwrap();
        assert_eq!(
            resp.status(),
            200,
            "a database failover must not pull the ingress"
        );
        let body: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(body["status"], "degraded", "{body}");
        assert_eq!(body["redis"]["ok"], true);
        assert!(body["redis"]["latency_ms"].as_f64().is_some());
        assert_eq!(body["postgres"]["ok"], false);
        let accepted = app
            .post_signed_whatsapp(text_delivery("wamid.READY", "hola"))
            .await;
        assert_eq!(accepted.status(), 200, "and it does accept webhooks");
    }
}

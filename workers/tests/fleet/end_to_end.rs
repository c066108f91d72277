//! The spine end to end: a signed WhatsApp delivery into the real ingress, a worker process,
//! and the reply arriving at the (fake) Graph API.

use std::time::Duration;

use wiremock::{
    Mock, MockServer,
    matchers::{body_string_contains, header, method, path},
};

use crate::support::*;

#[tokio::test]
async fn a_text_message_is_answered_through_the_graph_api_once() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101020").await;
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/106540352242922/messages"))
        .and(header("authorization", "Bearer TEST-wa-token"))
        .and(body_string_contains("\"to\":\"541155551234\""))
        .and(body_string_contains("Decime el día de llegada"))
        .respond_with(graph_ok())
        .expect(1)
        .mount(&graph)
        .await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "parse_intent,send_reply")],
    )]);

    let webhooks = testkit::Webhooks::new(fleet.spawn_ingress().await);

    let body = deliveries::whatsapp(
        "106540352242922",
        "5491155551234",
        vec![deliveries::whatsapp_text(
            "5491155551234",
            "wamid.E2E1",
            "hola, ¿tenés lugar?",
        )],
    )
    .to_string();
    for _ in 0..3 {
        // Meta redelivers the same bytes: the guest still gets one answer.
        let resp = webhooks
            .whatsapp_signed(WA_SECRET, body.clone())
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
    }
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(
                &fleet.db,
                "SELECT count(*) FROM outbound_messages WHERE status = 'sent'",
            )
            .await
                == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    graph.verify().await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM inbound_messages WHERE provider_message_id = 'wamid.E2E1'"
        )
        .await,
        1
    );
    let (conv_property,): (Option<i64>,) = sqlx::query_as("SELECT property_id FROM conversations")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    assert!(
        conv_property.is_some(),
        "the conversation is routed to the property of the business number"
    );
    fleet.drop_db().await;
}

/// A photo without a caption and a sticker carry no words: each is a turn of the conversation
/// that gets one answer, through the same outbox as every reply: the photo a kind request to
/// write, the sticker a friendly word.
#[tokio::test]
async fn a_message_without_words_gets_one_kind_request_to_write() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101021").await;
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/106540352242922/messages"))
        .and(body_string_contains("sticker"))
        .respond_with(graph_ok())
        .expect(1)
        .mount(&graph)
        .await;
    Mock::given(method("POST"))
        .and(path("/106540352242922/messages"))
        .and(body_string_contains("solo puedo leer texto"))
        .respond_with(graph_ok())
        .expect(1)
        .mount(&graph)
        .await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "parse_intent,send_reply")],
    )]);
    let ingress = fleet.spawn_ingress().await;
    let guest = Guest::whatsapp(&ingress, "106540352242922", "5491155551234", WA_SECRET);
    let photo = deliveries::whatsapp_message(
        "5491155551234",
        "wamid.PHOTO1",
        "image",
        serde_json::json!({ "id": "media-1", "mime_type": "image/jpeg" }),
    );
    let sticker = deliveries::whatsapp_message(
        "5491155551234",
        "wamid.STICKER1",
        "sticker",
        serde_json::json!({ "id": "media-2", "mime_type": "image/webp", "animated": false }),
    );
    for _ in 0..2 {
        // Meta redelivers: still one answer each.
        guest
            .deliver(vec![photo.clone(), sticker.clone()])
            .await
            .unwrap();
    }
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(
                &fleet.db,
                "SELECT count(*) FROM outbound_messages WHERE status = 'sent'",
            )
            .await
                == 2
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    graph.verify().await;
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM inbound_messages WHERE kind IN ('image', 'sticker')"
        )
        .await,
        2
    );
    fleet.drop_db().await;
}

//! The providers' delivery statuses: a status that names one of our replies (by the tag the
//! sender gave it) is kept as the reply's delivery record, so a worker that died before it
//! heard the provider's answer does not send again. Anything else is counted and answered 200;
//! a forged status is refused and records nothing.

use jobs::coordination::Deliveries;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn every_real_status_payload_is_answered_and_only_our_tags_are_kept() {
    let app = spawn_app().await;
    let deliveries = Deliveries::new(&app.queue);
    for file in [
        "meta_doc_status_sent.json",
        "meta_doc_status_sent_v24_minimal.json",
        "meta_doc_status_failed.json",
        "pywa_status_delivered.json",
        "pywa_status_read.json",
        "pywa_status_failed.json",
    ] {
        let resp = app
            .post_signed_whatsapp(fixture(&format!("webhooks/whatsapp/{file}")))
            .await;
        assert_eq!(resp.status(), 200, "{file}");
    }
    // pywa's test file: one delivery per status, one of them tagged "some data" by its sender.
    let all: serde_json::Value = serde_json::from_slice(&fixture(
        "webhooks/whatsapp/pywa_tests_message_status_all.json",
    ))
    .unwrap();
    for (name, delivery) in all.as_object().unwrap() {
        let resp = app
            .post_signed_whatsapp(delivery.to_string().into_bytes())
            .await;
        assert_eq!(resp.status(), 200, "pywa {name}");
    }
    assert_eq!(app.total_jobs().await, 0, "statuses are no jobs");

    for (status, row) in [("sent", 41), ("delivered", 42), ("failed", 43)] {
        let body = deliveries::whatsapp_status(
            NUMBER_ID,
            PHONE,
            &format!("wamid.OURS{row}"),
            status,
            Some(&format!("r{row}")),
        );
        let resp = app
            .post_signed_whatsapp(body.to_string().into_bytes())
            .await;
        assert_eq!(resp.status(), 200);
        assert_eq!(
            deliveries.accepted(row).await.unwrap().as_deref(),
            Some(format!("wamid.OURS{row}").as_str()),
            "a {status} status means Meta has the reply"
        );
    }
    // Someone else's tag ("some data" in the real payload above), and no tag: nothing kept.
    assert_eq!(deliveries.accepted(0).await.unwrap(), None);

    let forged = deliveries::whatsapp_status(NUMBER_ID, PHONE, "wamid.F", "sent", Some("r77"));
    let resp = app
        .post_whatsapp(
            forged.to_string().into_bytes(),
            Some(deliveries::whatsapp_signature("not-the-secret", b"x")),
        )
        .await;
    assert_eq!(resp.status(), 401);
    assert_eq!(deliveries.accepted(77).await.unwrap(), None);
}

#[tokio::test]
async fn mailgun_events_of_our_replies_are_kept_and_forged_ones_refused() {
    let app = spawn_app().await;
    let deliveries = Deliveries::new(&app.queue);
    let post = |body: serde_json::Value| {
        app.http
            .post(app.url("/webhooks/mailgun/events"))
            .json(&body)
            .send()
    };

    let ours = deliveries::mailgun_event(
        MAILGUN_KEY,
        "accepted",
        "<20261202.1@mg.lago.test>",
        json!({ "fleet-reply": "r9" }),
    );
    assert_eq!(post(ours).await.unwrap().status(), 200);
    assert_eq!(
        deliveries.accepted(9).await.unwrap().as_deref(),
        Some("<20261202.1@mg.lago.test>")
    );

    let someone_elses = deliveries::mailgun_event(
        MAILGUN_KEY,
        "delivered",
        "<x@y>",
        json!({ "campaign": "r10" }),
    );
    assert_eq!(post(someone_elses).await.unwrap().status(), 200);
    assert_eq!(deliveries.accepted(10).await.unwrap(), None);

    let forged = deliveries::mailgun_event(
        "not-the-key",
        "delivered",
        "<x@y>",
        json!({ "fleet-reply": "r11" }),
    );
    assert_eq!(post(forged).await.unwrap().status(), 401);
    assert_eq!(deliveries.accepted(11).await.unwrap(), None);

    let garbage = app
        .http
        .post(app.url("/webhooks/mailgun/events"))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 401, "unreadable means unsigned");
}

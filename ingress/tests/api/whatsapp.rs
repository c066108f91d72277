use jobs::QueueName::{self, *};

use crate::helpers::*;

/// What each real payload becomes: one job per message on the right queue, or none.
#[tokio::test]
async fn every_real_whatsapp_payload_becomes_the_expected_job() {
    let cases: &[(&str, Option<QueueName>)] = &[
        (
            "whatsapp/meta_doc_audio_voice_note.json",
            Some(TranscribeAudio),
        ),
        ("whatsapp/meta_doc_image.json", Some(ParseIntent)),
        (
            "whatsapp/meta_doc_text_ctwa_ad_referral.json",
            Some(ParseIntent),
        ),
        (
            "whatsapp/meta_doc_text_product_inquiry.json",
            Some(ParseIntent),
        ),
        ("whatsapp/pywa_message_audio.json", Some(TranscribeAudio)),
        ("whatsapp/pywa_message_voice.json", Some(TranscribeAudio)),
        ("whatsapp/pywa_message_image.json", Some(ParseIntent)),
        (
            "whatsapp/pywa_message_media_with_url.json",
            Some(ParseIntent),
        ),
        ("whatsapp/pywa_message_text.json", Some(ParseIntent)),
        ("whatsapp/meta_doc_status_failed.json", None),
        ("whatsapp/meta_doc_status_sent.json", None),
        ("whatsapp/meta_doc_status_sent_v24_minimal.json", None),
        ("whatsapp/pywa_status_delivered.json", None),
        ("whatsapp/pywa_status_failed.json", None),
        ("whatsapp/pywa_status_read.json", None),
    ];
    for (file, expected) in cases {
        let app = spawn_app().await;
        let resp = app
            .post_signed_whatsapp(fixture(&format!("webhooks/{file}")))
            .await;
        assert_eq!(resp.status(), 200, "{file}");
        match expected {
            Some(q) => {
                assert_eq!(app.depth(*q).await.pending, 1, "{file} → {q}");
                assert_eq!(app.total_jobs().await, 1, "{file}: exactly one job");
            }
            None => assert_eq!(
                app.total_jobs().await,
                0,
                "{file}: statuses are counted, not queued"
            ),
        }
    }
}

/// Each case of a fixture file and the queue its job goes to (none: no job).
type Routes = &'static [(&'static str, Option<QueueName>)];

/// Every message kind WhatsApp sends, as pywa's fixtures (`testkit/fixtures/whatsapp/`) hold
/// them, posted as they are: 200 and the job each becomes. Words (text, captions, button and
/// list replies, an edit's new text) and messages without words (stickers, pins, contacts, a
/// flow's reply…) are conversation turns; audio is transcribed first; reactions, system notices
/// and deleted messages get no job. What the guest is then told: the fleet's `whatsapp_kinds`.
#[tokio::test]
async fn every_message_type_is_routed() {
    let table: &[(&str, Routes)] = &[
        (
            "whatsapp/pywa_message.json",
            &[
                ("text", Some(ParseIntent)),
                ("image", Some(ParseIntent)),
                ("media_with_url", Some(ParseIntent)),
                ("video", Some(ParseIntent)),
                ("document", Some(ParseIntent)),
                ("audio", Some(TranscribeAudio)),
                ("voice", Some(TranscribeAudio)),
                ("static_sticker", Some(ParseIntent)),
                ("animated_sticker", Some(ParseIntent)),
                ("reaction", None),
                ("unreaction_empty", None),
                ("unreaction_no_emoji", None),
                ("current_location", Some(ParseIntent)),
                ("chosen_location", Some(ParseIntent)),
                ("contacts", Some(ParseIntent)),
                ("order", Some(ParseIntent)),
                ("unsupported", Some(ParseIntent)),
                ("unsupported_with_type", Some(ParseIntent)),
                ("reply", Some(ParseIntent)),
                ("forwarded", Some(ParseIntent)),
                ("forwarded_many_times", Some(ParseIntent)),
                ("interactive_message_with_err", Some(ParseIntent)),
                ("referral", Some(ParseIntent)),
            ],
        ),
        (
            "whatsapp/pywa_callback_button.json",
            &[
                ("button", Some(ParseIntent)),
                ("quick_reply", Some(ParseIntent)),
                ("quick_reply_without_context", Some(ParseIntent)),
            ],
        ),
        (
            "whatsapp/pywa_callback_selection.json",
            &[
                ("callback", Some(ParseIntent)),
                ("description", Some(ParseIntent)),
            ],
        ),
        (
            "whatsapp/pywa_flow_completion.json",
            &[
                ("completion", Some(ParseIntent)),
                ("without_flow_token", Some(ParseIntent)),
            ],
        ),
        (
            "whatsapp/pywa_system.json",
            &[("phone_number_change", None), ("identity_change", None)],
        ),
        (
            "whatsapp/pywa_edited_message.json",
            &[("image", Some(ParseIntent))],
        ),
        ("whatsapp/pywa_deleted_message.json", &[("revoke", None)]),
    ];
    for (file, cases) in table {
        let deliveries = testkit::fixtures::whatsapp_deliveries(file);
        let mut named: Vec<&str> = deliveries.iter().map(|(k, _)| k.as_str()).collect();
        let mut listed: Vec<&str> = cases.iter().map(|(k, _)| *k).collect();
        named.sort();
        listed.sort();
        assert_eq!(
            named, listed,
            "{file}: every case in the file is in the table"
        );
        for (kind, expected) in cases.iter() {
            let delivery = &deliveries.iter().find(|(k, _)| k == kind).unwrap().1;
            let app = spawn_app().await;
            let resp = app
                .post_signed_whatsapp(serde_json::to_vec(delivery).unwrap())
                .await;
            assert_eq!(resp.status(), 200, "{file} {kind}");
            match expected {
                Some(q) => assert_eq!(
                    (app.depth(*q).await.pending, app.total_jobs().await),
                    (1, 1),
                    "{file} {kind} → {q}"
                ),
                None => assert_eq!(app.total_jobs().await, 0, "{file} {kind}"),
            }
        }
    }
}

#[tokio::test]
async fn the_same_delivery_ten_times_at_once_is_one_job() {
    let app = spawn_app().await;
    let body = text_delivery("wamid.SAME", "hola");
    let sends = (0..10).map(|_| app.post_signed_whatsapp(body.clone()));
    for resp in futures::future::join_all(sends).await {
        assert_eq!(resp.status(), 200);
    }
    assert_eq!(app.depth(ParseIntent).await.pending, 1);
    assert_eq!(app.total_jobs().await, 1);
}

#[tokio::test]
async fn a_delivery_of_several_messages_makes_one_job_each() {
    let app = spawn_app().await;
    let d = deliveries::whatsapp(
        NUMBER_ID,
        PHONE,
        vec![
            deliveries::whatsapp_text(PHONE, "wamid.A", "hola"),
            deliveries::whatsapp_text(PHONE, "wamid.B", "hola"),
            deliveries::whatsapp_voice(PHONE, "wamid.C", "media-1", None),
        ],
    );
    let resp = app
        .post_signed_whatsapp(serde_json::to_vec(&d).unwrap())
        .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(app.depth(ParseIntent).await.pending, 2);
    assert_eq!(app.depth(TranscribeAudio).await.pending, 1);
}

#[tokio::test]
async fn the_verification_handshake_echoes_the_challenge_only_for_our_token() {
    let app = spawn_app().await;
    let ok = app
        .http
        .get(app.url(&format!("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={WA_VERIFY}&hub.challenge=1158201444")))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.text().await.unwrap(), "1158201444");
    for query in [
        "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
        "hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1",
        "hub.mode=subscribe&hub.challenge=1",
        "",
    ] {
        let resp = app
            .http
            .get(app.url(&format!("/webhooks/whatsapp?{query}")))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 403, "{query}");
    }
}

#[tokio::test]
async fn a_request_id_is_echoed_or_made() {
    let app = spawn_app().await;
    let given = app
        .http
        .get(app.url("/health/live"))
        .header("x-request-id", "req-42")
        .send()
        .await
        .unwrap();
    assert_eq!(given.headers()["x-request-id"], "req-42");
    let made = app.http.get(app.url("/health/live")).send().await.unwrap();
    assert_eq!(made.headers()["x-request-id"].len(), 36);
}

/// A catalogue order carries the guest's note in `order.text` (Meta's reference:
/// "text-message-sent-along-with-the-order"): those are the guest's words; an order without a
/// note is a turn without words, answered by its kind.
#[tokio::test]
async fn the_note_sent_with_an_order_is_the_guests_words() {
    let deliveries = testkit::fixtures::whatsapp_deliveries("whatsapp/pywa_message.json");
    let order = &deliveries.iter().find(|(k, _)| k == "order").unwrap().1;
    for (note, words) in [
        (
            "¿Tienen lugar del 3 al 5 para 4?",
            Some("¿Tienen lugar del 3 al 5 para 4?"),
        ),
        ("", None),
    ] {
        // A turn without words carries its kind instead.
        let mut delivery = order.clone();
        delivery["entry"][0]["changes"][0]["value"]["messages"][0]["order"]["text"] = note.into();
        let app = spawn_app().await;
        let resp = app
            .post_signed_whatsapp(serde_json::to_vec(&delivery).unwrap())
            .await;
        assert_eq!(resp.status(), 200);
        let (claimed, _) = app.queue.claim(ParseIntent, "order-test", 1).await.unwrap();
        assert_eq!(claimed.len(), 1, "{note:?}");
        let job: serde_json::Value = serde_json::from_str(&claimed[0].payload).unwrap();
        assert_eq!(
            job["text"].as_str(),
            Some(words.unwrap_or("")),
            "{note:?}: {job}"
        );
        assert_eq!(
            job["wordless"]["kind"].as_str(),
            words.is_none().then_some("order"),
            "{note:?}: {job}"
        );
    }
}

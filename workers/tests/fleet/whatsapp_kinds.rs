//! Every WhatsApp message kind a guest can send, through the real ingress and a worker, with the
//! Graph API faked: what the guest is told, or that nothing is sent. Hand-built cases for the
//! issue's own examples, and a table over every real delivery in `testkit/fixtures/whatsapp/`
//! (pywa's, with its source), whose jobs the ingress's `every_message_type_is_routed` checks.

use std::time::Duration;

use serde_json::{Value, json};
use testkit::deliveries::{whatsapp_message, whatsapp_text};
use wiremock::MockServer;

use crate::support::*;

const NUMBER_ID: &str = "106540352242922";

/// What a message should get.
enum Expect {
    /// One reply containing all of these.
    Reply(&'static [&'static str]),
    /// The kind request to write (a message without words the bot can use).
    AskToWrite,
    /// No reply at all.
    Nothing,
}

struct Case {
    what: &'static str,
    /// The delivery's messages, from this case's own guest.
    messages: fn(&str) -> Vec<Value>,
    expect: Expect,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            what: "a photo with a caption: the caption is the guest's words",
            messages: |from| {
                vec![whatsapp_message(
                    from,
                    &format!("wamid.{from}.1"),
                    "image",
                    json!({ "mime_type": "image/jpeg", "sha256": "4654+8g=", "id": "65463453",
                            "caption": "¿tienen lugar para 2 del 15 al 17 de marzo?" }),
                )]
            },
            expect: Expect::Reply(&["Cabaña Coihue", "15/03"]),
        },
        Case {
            what: "a document with a caption",
            messages: |from| {
                vec![whatsapp_message(
                    from,
                    &format!("wamid.{from}.1"),
                    "document",
                    json!({ "caption": "cuanto sale la noche para 2 personas?", "filename": "captura.pdf",
                            "mime_type": "application/pdf", "id": "1234567890987654321" }),
                )]
            },
            expect: Expect::Reply(&["$"]),
        },
        Case {
            what: "a sticker: a friendly word",
            messages: |from| {
                vec![whatsapp_message(
                    from,
                    &format!("wamid.{from}.1"),
                    "sticker",
                    json!({ "mime_type": "image/webp", "id": "1234567890987654321", "animated": false }),
                )]
            },
            expect: Expect::Reply(&["sticker"]),
        },
        Case {
            what: "a location pin: where we are",
            messages: |from| {
                vec![whatsapp_message(
                    from,
                    &format!("wamid.{from}.1"),
                    "location",
                    json!({ "latitude": -41.1335, "longitude": -71.3103 }),
                )]
            },
            expect: Expect::Reply(&["📍"]),
        },
        Case {
            what: "a system notice (number changed): nothing, not even to the old number",
            messages: |from| {
                vec![json!({
                    "from": from, "id": format!("wamid.{from}.1"), "timestamp": "1697043379", "type": "system",
                    "system": { "body": "User A changed from 5491100000000 to 5491100000001",
                                "new_wa_id": "5491100000001", "type": "user_changed_number" }
                })]
            },
            expect: Expect::Nothing,
        },
        Case {
            what: "a deleted message: nothing",
            messages: |from| {
                vec![json!({
                    "from": from, "id": format!("wamid.{from}.1"), "timestamp": "1697043379", "type": "revoke",
                    "revoke": { "original_message_id": format!("wamid.{from}.0") }
                })]
            },
            expect: Expect::Nothing,
        },
        Case {
            what: "an edited message: its new words are answered",
            messages: |from| {
                vec![json!({
                    "from": from, "id": format!("wamid.{from}.1"), "timestamp": "1697043379", "type": "edit",
                    "edit": { "original_message_id": format!("wamid.{from}.0"),
                              "message": { "type": "text", "text": { "body": "tienen lugar para 2 del 15 al 17 de marzo?" } } }
                })]
            },
            expect: Expect::Reply(&["Cabaña Coihue", "15/03"]),
        },
        Case {
            what: "a delivery where one message has no id: the other is still answered",
            messages: |from| {
                vec![
                    json!({ "from": from, "timestamp": "1697043379", "type": "text", "text": { "body": "hola" } }),
                    whatsapp_text(
                        from,
                        &format!("wamid.{from}.2"),
                        "cuanto sale la noche para 2?",
                    ),
                ]
            },
            expect: Expect::Reply(&["$"]),
        },
    ]
}

/// The seeded property with a worker and the ingress, the Graph API faked:
/// (the fleet, the fake, the worker, the ingress's URL).
async fn answering_fleet() -> (Fleet, MockServer, Reaper, String) {
    let fleet = Fleet::new().await;
    fleet.seed_property().await;
    let graph = graph_accepting_all().await;
    let mp = mercadopago_fake().await;
    let env = fleet.worker_env(&mp.uri(), &graph.uri());
    let worker = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    (fleet, graph, worker, url)
}

#[tokio::test]
async fn every_message_kind_gets_its_answer_or_none() {
    let (fleet, graph, _w, url) = answering_fleet().await;

    let mut replies = 0;
    for (n, case) in cases().into_iter().enumerate() {
        let from = format!("54911777000{n:02}");
        let guest = Guest::whatsapp(&url, NUMBER_ID, &from, WA_SECRET);
        guest
            .deliver((case.messages)(&from))
            .await
            .unwrap_or_else(|e| {
                panic!("{}: the delivery was refused: {e:?}", case.what);
            });
        told(&graph, &guest, &mut replies, case.what, &case.expect).await;
    }
    fleet.drop_db().await;
}

/// Checks that `guest`'s last delivery was told what `expect` says, `replies` being how many
/// replies the Graph fake had before it (counted on).
async fn told(graph: &MockServer, guest: &Guest, replies: &mut usize, what: &str, expect: &Expect) {
    match expect {
        Expect::Reply(_) | Expect::AskToWrite => {
            *replies += 1;
            let sent = sent_texts_when(graph, *replies).await;
            let got = sent.get(*replies - 1).cloned().unwrap_or_default();
            if let Expect::Reply(words) = expect {
                for w in *words {
                    assert!(got.contains(w), "{what}: {got:?} lacks {w:?}");
                }
            }
            assert_eq!(
                got.contains("solo puedo leer texto"),
                matches!(expect, Expect::AskToWrite),
                "{what}: {got:?}"
            );
        }
        Expect::Nothing => {
            // The next words of the same guest get the next reply: nothing came between.
            tokio::time::sleep(Duration::from_millis(500)).await;
            guest.say("hola").await.unwrap();
            *replies += 1;
            let sent = sent_texts_when(graph, *replies).await;
            assert_eq!(sent.len(), *replies, "{what}: {sent:?}");
            assert!(
                sent[*replies - 1].contains("Hola") || sent[*replies - 1].contains("hola"),
                "{what}: {:?}",
                sent[*replies - 1]
            );
        }
    }
}

/// The real deliveries of `testkit/fixtures/whatsapp/` (pywa's, see its SOURCES.txt), each
/// from a guest of its own, through the ingress and a worker: what each guest is told, or that
/// nothing is sent. Audio and voice notes are left to `audio.rs` (they need a transcription).
/// Which job each becomes: the ingress's `every_message_type_is_routed`, over the same files.
#[tokio::test]
async fn every_real_message_kind_is_told_the_right_thing() {
    use Expect::*;
    const WORDS: Expect = Reply(&[]);
    let table: &[(&str, &[(&str, Expect)])] = &[
        (
            "whatsapp/pywa_message.json",
            &[
                ("text", WORDS),
                ("image", AskToWrite),
                ("media_with_url", AskToWrite),
                ("video", WORDS),
                ("document", WORDS),
                ("static_sticker", Reply(&["sticker"])),
                ("animated_sticker", Reply(&["sticker"])),
                ("reaction", Nothing),
                ("unreaction_empty", Nothing),
                ("unreaction_no_emoji", Nothing),
                ("current_location", Reply(&["📍"])),
                ("chosen_location", Reply(&["📍"])),
                ("contacts", AskToWrite),
                ("order", AskToWrite),
                ("unsupported", AskToWrite),
                ("unsupported_with_type", AskToWrite),
                ("reply", WORDS),
                ("forwarded", WORDS),
                ("forwarded_many_times", WORDS),
                ("interactive_message_with_err", AskToWrite),
                ("referral", WORDS),
            ],
        ),
        (
            "whatsapp/pywa_callback_button.json",
            &[
                ("button", WORDS),
                ("quick_reply", WORDS),
                ("quick_reply_without_context", WORDS),
            ],
        ),
        (
            "whatsapp/pywa_callback_selection.json",
            &[("callback", WORDS), ("description", WORDS)],
        ),
        (
            // The bot sends no WhatsApp Flows, so a flow's reply has nothing it could answer.
            "whatsapp/pywa_flow_completion.json",
            &[
                ("completion", AskToWrite),
                ("without_flow_token", AskToWrite),
            ],
        ),
        (
            "whatsapp/pywa_system.json",
            &[
                ("phone_number_change", Nothing),
                ("identity_change", Nothing),
            ],
        ),
        ("whatsapp/pywa_edited_message.json", &[("image", WORDS)]),
        ("whatsapp/pywa_deleted_message.json", &[("revoke", Nothing)]),
    ];
    let (fleet, graph, _w, url) = answering_fleet().await;
    let mut replies = 0;
    let mut n = 0;
    for (file, cases) in table {
        let deliveries = testkit::fixtures::whatsapp_deliveries(file);
        for (kind, expect) in cases.iter() {
            n += 1;
            let what = format!("{file} {kind}");
            let delivery = &deliveries.iter().find(|(k, _)| k == kind).expect(&what).1;
            let from = format!("54911888000{n:02}");
            let messages = as_from(delivery, &from);
            let guest = Guest::whatsapp(&url, NUMBER_ID, &from, WA_SECRET);
            guest
                .deliver(messages)
                .await
                .unwrap_or_else(|e| panic!("{what}: the delivery was refused: {e:?}"));
            told(&graph, &guest, &mut replies, &what, expect).await;
        }
    }
    fleet.drop_db().await;
}

/// A fixture delivery's messages as sent by `from`: its sender and message ids replaced (a
/// message without a sender keeps none), the rest as it is.
fn as_from(delivery: &Value, from: &str) -> Vec<Value> {
    let mut messages: Vec<Value> = delivery["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| e["changes"].as_array().cloned().unwrap_or_default())
        .flat_map(|c| {
            c["value"]["messages"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    assert!(!messages.is_empty(), "a delivery without messages");
    for (i, m) in messages.iter_mut().enumerate() {
        if m.get("from").is_some() {
            m["from"] = json!(from);
        }
        m["id"] = json!(format!("wamid.{from}.{i}"));
    }
    messages
}

/// Meta says a reply could not be delivered: the status is kept once however often Meta repeats
/// it, with its error, and the console shows that reply as not delivered.
#[tokio::test]
async fn a_reply_whatsapp_could_not_deliver_is_kept_and_shown_to_staff() {
    let (fleet, graph, _w, url) = answering_fleet().await;
    let guest = Guest::whatsapp(&url, NUMBER_ID, "5491177700099", WA_SECRET);
    guest.say("hola").await.unwrap();
    sent_texts_when(&graph, 1).await;
    // The reply is marked sent with the id the Graph API gave it ("wamid.OUT").
    let sent = || async {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM outbox WHERE kind = 'reply' AND provider_message_id = 'wamid.OUT'",
        )
        .fetch_one(&fleet.db)
        .await
        .unwrap()
            == 1
    };
    assert!(eventually(Duration::from_secs(10), sent).await);

    let mut failed = testkit::deliveries::whatsapp_status(
        NUMBER_ID,
        "5491177700099",
        "wamid.OUT",
        "failed",
        None,
    );
    failed["entry"][0]["changes"][0]["value"]["statuses"][0]["errors"] = json!([{
        "code": 131047, "title": "Re-engagement message",
        "message": "Re-engagement message", "error_data": { "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number." }
    }]);
    for _ in 0..2 {
        guest
            .webhooks()
            .whatsapp_signed(WA_SECRET, failed.to_string())
            .await
            .unwrap();
    }
    let kept: Vec<(String, serde_json::Value)> = sqlx::query_as(
        "SELECT status, errors FROM message_statuses WHERE provider_message_id = 'wamid.OUT'",
    )
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0].0, "failed");
    assert_eq!(kept[0].1[0]["code"], 131047);

    let (property, conversation): (i64, i64) = sqlx::query_as(
        "SELECT property_id, id FROM conversations WHERE guest_address = '5491177700099'",
    )
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let shown = store::console::conversation(&fleet.db, property, conversation)
        .await
        .unwrap()
        .unwrap();
    assert!(
        shown
            .messages
            .iter()
            .any(|m| m.status.as_deref() == Some("failed")),
        "{:?}",
        shown.messages
    );
    fleet.drop_db().await;
}

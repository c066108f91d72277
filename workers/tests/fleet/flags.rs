//! Feature flags per property (`store::flags`, `workers::flags`): changed with the real
//! `fleetctl` and the console over HTTP, read by real worker processes through their short
//! cache. A change reaches every worker within `FLAG_CACHE_SECONDS`; with `auto_replies` off
//! guests' messages are recorded and none is answered; with `email_channel` off email is
//! recorded, not answered, while WhatsApp still is; staff still answer from the console; every
//! change is audited; a wrong flag or
//! value, a staff account, a forged form and a browser without a session change nothing.

use std::{process::Child, time::Duration};

use reqwest::StatusCode;
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{method, path},
};

use crate::{
    console::{Http, PHONE_NUMBER_ID, add_staff, audit_rows, graph_fake, nonce_of, property},
    support::*,
};

/// The workers' flag cache in these tests (`FLAG_CACHE_SECONDS`).
const TTL: Duration = Duration::from_secs(1);
/// Longer than [`TTL`], with room for a turn in flight.
const AFTER_TTL: Duration = Duration::from_millis(1_400);
/// Longer than a worker's blocking fetch (`FLEET_FETCH_BLOCK_MS` 300): a worker stopped this
/// long ago takes no more jobs.
const FETCH_SETTLES: Duration = Duration::from_millis(700);

fn fleetctl_flags(fleet: &Fleet, args: &[&str]) -> (bool, String) {
    let mut all = vec!["flags"];
    all.extend_from_slice(args);
    fleet.fleetctl(FLEETCTL, &all)
}

/// `fleetctl flags set --property <id> <changes>`, which must succeed.
fn set(fleet: &Fleet, property: i64, changes: &[&str]) {
    let id = property.to_string();
    let mut args = vec!["set", "--property", id.as_str()];
    args.extend_from_slice(changes);
    let (ok, out) = fleetctl_flags(fleet, &args);
    assert!(ok, "fleetctl flags set {changes:?}: {out}");
}

/// The Graph API's messages to `phone` (sent without the mobile 9 Argentine wa_ids carry: the
/// last ten digits match).
async fn answers_to(graph: &MockServer, phone: &str) -> usize {
    let local = &phone[phone.len() - 10..];
    sent_json(graph)
        .await
        .iter()
        .filter(|m| m["to"].as_str().is_some_and(|to| to.ends_with(local)))
        .count()
}

/// The messages recorded from the guest at `address` (a phone or an email address).
async fn recorded_from(fleet: &Fleet, address: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT count(*) FROM inbound_messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE c.guest_address = $1",
    )
    .bind(address)
    .fetch_one(&fleet.db)
    .await
    .unwrap()
}

/// Lets only `workers[awake]` take jobs: every other one is stopped (SIGSTOP), and once their
/// blocking fetches have ended, only the awake one can claim what arrives next.
async fn only(workers: &[Child], awake: usize) {
    for (n, w) in workers.iter().enumerate() {
        signal(w, if n == awake { "CONT" } else { "STOP" });
    }
    tokio::time::sleep(FETCH_SETTLES).await;
}

/// A new guest writes through the worker `awake`; answers whether they got an answer (waiting
/// for one when `expect_answer`, else checking that none comes once the message is recorded).
async fn guest_through(
    workers: &[Child],
    awake: usize,
    base: &str,
    graph: &MockServer,
    fleet: &Fleet,
    phone: &str,
    expect_answer: bool,
) -> bool {
    only(workers, awake).await;
    let guest = Guest::whatsapp(base, PHONE_NUMBER_ID, phone, WA_SECRET);
    guest
        .say("hola, ¿tienen lugar para el finde?")
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(15), || async {
            recorded_from(fleet, phone).await == 1
        })
        .await,
        "{phone}'s message was not recorded"
    );
    if expect_answer {
        eventually(Duration::from_secs(15), || async {
            answers_to(graph, phone).await > 0
        })
        .await
    } else {
        // The turn that recorded the message committed no reply; give a wrong one time to show.
        tokio::time::sleep(Duration::from_millis(500)).await;
        answers_to(graph, phone).await > 0
    }
}

#[tokio::test]
async fn switching_auto_replies_off_reaches_every_worker_within_the_cache_time() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    let graph = graph_fake().await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let ttl = TTL.as_secs_f64().to_string();
    let extra = [
        ("WORKER_QUEUES", "parse_intent,send_reply"),
        ("FLAG_CACHE_SECONDS", ttl.as_str()),
        // A stopped worker keeps its lease: nothing of it is recovered meanwhile.
        ("FLEET_LEASE_MS", "60000"),
    ];
    let mut workers = Reaper(vec![
        fleet.spawn_worker(WORKER, &env, &extra),
        fleet.spawn_worker(WORKER, &env, &extra),
    ]);
    add_staff(&fleet, property, "duena@lago.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;

    // Each worker answers a guest, and so holds the flags (on) in its cache.
    for (n, phone) in ["5492944000001", "5492944000002"].iter().enumerate() {
        assert!(
            guest_through(&workers.0, n, &base, &graph, &fleet, phone, true).await,
            "worker {n} did not answer while the bot is on"
        );
    }

    set(&fleet, property, &["auto_replies=off"]);
    tokio::time::sleep(AFTER_TTL).await;
    for (n, phone) in ["5492944000003", "5492944000004"].iter().enumerate() {
        assert!(
            !guest_through(&workers.0, n, &base, &graph, &fleet, phone, false).await,
            "worker {n} answered after auto_replies went off"
        );
    }
    // The conversation is left for staff: its state is untouched, no notice, nothing queued.
    let state: serde_json::Value =
        sqlx::query_scalar("SELECT state FROM conversations WHERE guest_address = $1")
            .bind("5492944000003")
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    assert_eq!(state, serde_json::json!({}));
    // Staff still answer from the console (taking the guest, as always), through the awake
    // worker.
    let c: i64 = sqlx::query_scalar("SELECT id FROM conversations WHERE guest_address = $1")
        .bind("5492944000003")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    let mut http = Http::new(&base);
    let token = http.sign_in("duena@lago.test").await;
    let take = http
        .post(
            &format!("/admin/inbox/{c}/take"),
            &[("csrf", token.as_str())],
        )
        .await;
    assert_eq!(take.status, StatusCode::SEE_OTHER, "{}", take.body);
    let nonce = nonce_of(&http.get(&format!("/admin/inbox/{c}")).await.body);
    let said = "Hola, te escribimos desde la recepción";
    let reply = http
        .post(
            &format!("/admin/inbox/{c}/reply"),
            &[("csrf", token.as_str()), ("nonce", &nonce), ("text", said)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(
        eventually(Duration::from_secs(15), || async {
            sent_texts(&graph).await.iter().any(|t| t == said)
        })
        .await,
        "staff's answer was not sent with the bot off"
    );
    assert_eq!(answers_to(&graph, "5492944000003").await, 1);

    set(&fleet, property, &["auto_replies=on"]);
    tokio::time::sleep(AFTER_TTL).await;
    for (n, phone) in ["5492944000005", "5492944000006"].iter().enumerate() {
        assert!(
            guest_through(&workers.0, n, &base, &graph, &fleet, phone, true).await,
            "worker {n} did not answer after auto_replies went back on"
        );
    }
    for w in &workers.0 {
        signal(w, "CONT");
    }
    terminate(&mut workers.0);
    fleet.drop_db().await;
}

#[tokio::test]
async fn with_email_channel_off_email_is_recorded_and_not_answered() {
    const GUEST: &str = "ana.perez@gmail.com";
    const WA_GUEST: &str = "5492944000011";
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    let mailgun = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/lago.test/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({ "id": "<out@lago.test>", "message": "Queued. Thank you." }),
        ))
        .mount(&mailgun)
        .await;
    let graph = graph_fake().await;
    let mut env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    env.push(("MAILGUN_API_BASE".into(), mailgun.uri()));
    env.push(("MAILGUN_API_KEY".into(), "TEST-mailgun-key".into()));
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "parse_intent,send_reply"),
            ("FLAG_CACHE_SECONDS", "0.2"),
        ],
    )]);
    let base = fleet.spawn_ingress().await;
    let guest = Guest::email(&base, "reservas@lago.test", GUEST, MAILGUN_KEY).named("Ana Pérez");

    set(&fleet, property, &["email_channel=off"]);
    tokio::time::sleep(Duration::from_millis(400)).await;
    guest
        .write(
            "<f1@mail.gmail.com>",
            "Consulta",
            "Hola! ¿tienen lugar en enero?",
        )
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(15), || async {
            recorded_from(&fleet, GUEST).await == 1
        })
        .await,
        "the email was not recorded"
    );
    // WhatsApp is still answered meanwhile, by the same worker, after the email's turn.
    Guest::whatsapp(&base, PHONE_NUMBER_ID, WA_GUEST, WA_SECRET)
        .say("hola")
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(15), || async {
            answers_to(&graph, WA_GUEST).await > 0
        })
        .await,
        "WhatsApp went unanswered with only email off"
    );
    assert!(sent_forms(&mailgun).await.is_empty(), "email answered");

    set(&fleet, property, &["email_channel=on"]);
    tokio::time::sleep(Duration::from_millis(400)).await;
    guest
        .write(
            "<f2@mail.gmail.com>",
            "Re: Consulta",
            "¿Y para dos personas?",
        )
        .await
        .unwrap();
    let sent = sent_forms_when(&mailgun, 1).await;
    assert_eq!(
        sent.len(),
        1,
        "the email after email_channel=on went unanswered"
    );
    assert!(
        sent[0]
            .iter()
            .any(|(k, v)| k == "h:In-Reply-To" && v == "<f2@mail.gmail.com>"),
        "{sent:?}"
    );
    assert_eq!(recorded_from(&fleet, GUEST).await, 2);
    fleet.drop_db().await;
}

#[tokio::test]
async fn with_auto_replies_off_an_unusable_voice_note_gets_no_kind_reply() {
    const GUEST: &str = "5492944000021";
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    let graph = graph_fake().await;
    // A "voice note" the Graph API serves as a picture: refused before any listening.
    let jpeg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".repeat(50);
    for id in ["media-1", "media-2", "media-3"] {
        let info = serde_json::json!({
            "messaging_product": "whatsapp",
            "url": format!("{}/files/{id}", graph.uri()),
            "mime_type": "image/jpeg",
            "sha256": "0",
            "id": id,
        });
        Mock::given(method("GET"))
            .and(path(format!("/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(info))
            .mount(&graph)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("/files/{id}")))
            .respond_with(ResponseTemplate::new(200).set_body_bytes(jpeg.clone()))
            .mount(&graph)
            .await;
    }
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let model = std::env::var("WHISPER_MODEL").unwrap_or_default();
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "transcribe_audio,parse_intent,send_reply"),
            ("WHISPER_MODEL", &model),
            ("FLAG_CACHE_SECONDS", "0.2"),
        ],
    )]);
    let base = fleet.spawn_ingress().await;
    let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, GUEST, WA_SECRET);
    let note = |n: u32| {
        deliveries::whatsapp_voice(
            GUEST,
            &format!("wamid.NOTE{n}"),
            &format!("media-{n}"),
            None,
        )
    };

    set(&fleet, property, &["auto_replies=off"]);
    guest.deliver(vec![note(1)]).await.unwrap();
    assert!(
        eventually(Duration::from_secs(30), || async {
            recorded_from(&fleet, GUEST).await == 1
        })
        .await,
        "the note was not recorded"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        answers_to(&graph, GUEST).await,
        0,
        "answered with the bot off"
    );

    set(&fleet, property, &["auto_replies=on"]);
    tokio::time::sleep(Duration::from_millis(400)).await;
    guest.deliver(vec![note(2)]).await.unwrap();
    assert!(
        eventually(Duration::from_secs(30), || async {
            answers_to(&graph, GUEST).await == 1
        })
        .await,
        "no kind reply with the bot on"
    );

    // The bot on, but staff took this guest over: recorded, no kind reply either.
    sqlx::query("UPDATE conversations SET taken_over_until = now() + interval '1 hour'")
        .execute(&fleet.db)
        .await
        .unwrap();
    guest.deliver(vec![note(3)]).await.unwrap();
    assert!(
        eventually(Duration::from_secs(30), || async {
            recorded_from(&fleet, GUEST).await == 3
        })
        .await,
        "the third note was not recorded"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        answers_to(&graph, GUEST).await,
        1,
        "answered a guest staff took over"
    );
    fleet.drop_db().await;
}

/// The property's flags row as stored (`None`: no row, the defaults).
async fn stored(fleet: &Fleet, property: i64) -> Option<(bool, bool, bool, String)> {
    sqlx::query_as(
        "SELECT voice_replies, email_channel, auto_replies, pms FROM property_flags
         WHERE property_id = $1",
    )
    .bind(property)
    .fetch_optional(&fleet.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn fleetctl_sets_flags_with_an_audit_row_and_refuses_wrong_ones_changing_nothing() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    let id = property.to_string();

    // Wrong flags and values, and a property that is not there: refused, nothing written.
    for (args, says) in [
        (
            vec!["set", "--property", &id, "autoreplies=off"],
            "there is no flag \"autoreplies\"",
        ),
        (
            vec!["set", "--property", &id, "auto_replies=no"],
            "auto_replies is on or off",
        ),
        (
            vec!["set", "--property", &id, "pms=opera"],
            "pms is fleet or qloapps",
        ),
        (
            vec!["set", "--property", &id, "auto_replies"],
            "is not flag=value",
        ),
        // One wrong change among good ones: none is made.
        (
            vec!["set", "--property", &id, "voice_replies=on", "pms=mews"],
            "pms is fleet or qloapps",
        ),
        (
            vec!["set", "--property", "999999", "auto_replies=off"],
            "there is no property",
        ),
        (
            vec!["show", "--property", "Hotel Inexistente"],
            "there is no property",
        ),
    ] {
        let (ok, out) = fleetctl_flags(&fleet, &args);
        assert!(!ok, "{args:?} succeeded: {out}");
        assert!(out.contains(says), "{args:?}: {out}");
    }
    assert_eq!(stored(&fleet, property).await, None);
    assert!(audit_rows(&fleet, "flag_set").await.is_empty());

    // The defaults, by the property's name.
    let (ok, out) = fleetctl_flags(&fleet, &["show", "--property", "Cabañas del Lago"]);
    assert!(ok, "{out}");
    for line in [
        "voice_replies=off",
        "email_channel=on",
        "auto_replies=on",
        "pms=fleet",
    ] {
        assert!(out.lines().any(|l| l == line), "{line} in {out}");
    }

    let (ok, out) = fleetctl_flags(
        &fleet,
        &[
            "set",
            "--property",
            &id,
            "auto_replies=off",
            "pms=qloapps",
            "email_channel=on",
        ],
    );
    assert!(ok, "{out}");
    assert!(out.contains("auto_replies: on -> off"), "{out}");
    assert!(out.contains("email_channel: already on"), "{out}");
    assert_eq!(
        stored(&fleet, property).await,
        Some((false, true, false, "qloapps".into()))
    );
    assert_eq!(
        audit_rows(&fleet, "flag_set").await,
        vec![
            (
                None,
                "flag:auto_replies".into(),
                serde_json::json!({ "flag": "auto_replies", "old": "on", "new": "off", "by": "fleetctl" })
            ),
            (
                None,
                "flag:pms".into(),
                serde_json::json!({ "flag": "pms", "old": "fleet", "new": "qloapps", "by": "fleetctl" })
            ),
        ],
        "one row per flag that changed, none for the one already on"
    );
    let (ok, out) = fleetctl_flags(&fleet, &["show", "--property", &id]);
    assert!(
        ok && out.contains("auto_replies=off") && out.contains("pms=qloapps"),
        "{out}"
    );
    fleet.drop_db().await;
}

/// The console's flags form: the bot off, email on, the fleet's own PMS.
fn form(token: &str) -> Vec<(&str, &str)> {
    vec![("csrf", token), ("email_channel", "si"), ("pms", "fleet")]
}

#[tokio::test]
async fn an_owner_changes_flags_in_the_console_and_staff_cannot() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let owner_id: i64 = sqlx::query_scalar("SELECT id FROM staff_accounts WHERE email = $1")
        .bind("duena@lago.test")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    const SAVE: &str = "/admin/setup/flags";

    // No session: the login, nothing done.
    let mut nobody = Http::new(&base);
    let answer = nobody.post(SAVE, &form("x")).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.location.as_deref(), Some("/admin/login"));

    // Staff: the 404 of a page that does not exist (in Spanish), nothing done.
    let mut staff = Http::new(&base);
    let token = staff.sign_in("ana@lago.test").await;
    let refused = staff.post(SAVE, &form(&token)).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(
        refused.body.contains("Esa página no existe."),
        "{}",
        refused.body
    );
    assert_eq!(
        staff.get("/admin/setup").await.status,
        StatusCode::NOT_FOUND
    );

    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    // A forged form and a PMS that does not exist: nothing done.
    assert_eq!(
        owner.post(SAVE, &form("")).await.status,
        StatusCode::FORBIDDEN
    );
    let wrong = owner
        .post(
            SAVE,
            &[("csrf", &token), ("auto_replies", "si"), ("pms", "mews")],
        )
        .await;
    assert_eq!(
        wrong.location.as_deref(),
        Some("/admin/setup?aviso=opciones-sistema#flags")
    );
    assert_eq!(stored(&fleet, property).await, None);
    assert!(audit_rows(&fleet, "flag_set").await.is_empty());

    // The page shows the defaults; the owner switches the bot off (email stays on).
    let page = owner.get("/admin/setup").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("action=\"/admin/setup/flags\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("name=\"auto_replies\" value=\"si\" checked"),
        "the bot is on by default"
    );
    let saved = owner.post(SAVE, &form(&token)).await;
    assert_eq!(
        saved.location.as_deref(),
        Some("/admin/setup?aviso=opciones-guardadas#flags")
    );
    assert_eq!(
        stored(&fleet, property).await,
        Some((false, true, false, "fleet".into()))
    );
    assert_eq!(
        audit_rows(&fleet, "flag_set").await,
        vec![(
            Some(owner_id),
            "flag:auto_replies".into(),
            serde_json::json!({ "flag": "auto_replies", "old": "on", "new": "off" })
        )]
    );
    let page = owner.get("/admin/setup?aviso=opciones-guardadas").await;
    assert!(page.body.contains("Opciones guardadas"), "{}", page.body);
    assert!(
        !page
            .body
            .contains("name=\"auto_replies\" value=\"si\" checked"),
        "the page shows the bot off"
    );
    // The same form again changes nothing, and says so.
    let again = owner.post(SAVE, &form(&token)).await;
    assert_eq!(
        again.location.as_deref(),
        Some("/admin/setup?aviso=opciones-iguales#flags")
    );
    assert_eq!(audit_rows(&fleet, "flag_set").await.len(), 1);
    fleet.drop_db().await;
}

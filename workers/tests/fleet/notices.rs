//! Owner notices through the real worker processes: a guest asking for a person and a paid
//! booking reach every active owner by email (a fake Mailgun), once each, with a link into the
//! console; staff-role accounts get none, and the guest never sees one.

use std::time::Duration;

use jobs::{
    EnqueueOptions,
    domain::IdempotencyKey,
    payloads::{ConfirmPayment, PaymentSource},
};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{method, path},
};

use crate::support::*;

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

#[tokio::test]
async fn owners_hear_once_of_a_guest_asking_for_a_person_and_of_a_paid_booking() {
    let fleet = Fleet::new().await;
    let cabin = fleet.seed_hold("RES000101300").await;
    let property = property_of(&fleet, cabin).await;
    use store::staff::Role;
    account(&fleet, property, "duena@lago.test", Role::Owner).await;
    account(&fleet, property, "equipo@lago.test", Role::Staff).await;

    let mailgun = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/lago.test/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({ "id": "<notice@lago.test>", "message": "Queued. Thank you." }),
        ))
        .mount(&mailgun)
        .await;
    let graph = graph_accepting_all().await;
    let mp = mercadopago_fake().await;
    Mock::given(method("GET"))
        .and(path("/v1/payments/777"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(approved_payment(777, "RES000101300")),
        )
        .mount(&mp)
        .await;
    let mut env = fleet.worker_env(&mp.uri(), &graph.uri());
    env.push(("MAILGUN_API_BASE".into(), mailgun.uri()));
    env.push(("MAILGUN_API_KEY".into(), "TEST-mailgun-key".into()));
    env.push((
        "PUBLIC_BASE_URL".into(),
        "https://consola.lago.test/".into(),
    ));
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = Guest::whatsapp(&url, "106540352242922", "5491166660001", WA_SECRET);

    guest
        .say("hola, quiero hablar con una persona <b>urgente</b>")
        .await
        .unwrap();
    let replies = sent_texts_when(&graph, 1).await;
    assert!(!replies[0].contains("/admin/"), "{replies:?}");
    let sent = sent_forms_when(&mailgun, 1).await;
    let notice = &sent[0];
    assert_eq!(field(notice, "to"), "duena@lago.test");
    assert_eq!(
        field(notice, "from"),
        "Cabañas del Lago <reservas@lago.test>"
    );
    assert_eq!(
        field(notice, "subject"),
        "Un huésped pide hablar con una persona (5491166660001)"
    );
    let text = field(notice, "text");
    assert!(
        text.contains("https://consola.lago.test/admin/inbox/")
            && text.contains("«hola, quiero hablar con una persona <b>urgente</b>»"),
        "{text}"
    );

    // Asking again while the first request is open tells the owner nothing new.
    guest
        .say("sigo esperando, necesito hablar con alguien")
        .await
        .unwrap();
    sent_texts_when(&graph, 2).await;

    // One payment, its job run three times (three notifications under three keys): one
    // confirmation to the guest, one notice to the owner.
    for n in 1..=3 {
        let job = ConfirmPayment {
            source: PaymentSource::Webhook {
                payment_id: "777".into(),
            },
            received_at_ms: 0,
        };
        let key = IdempotencyKey::namespaced("mp", &format!("777:{n}")).unwrap();
        fleet
            .queue
            .enqueue(&job, EnqueueOptions::keyed(key))
            .await
            .unwrap();
    }
    let sent = sent_forms_when(&mailgun, 2).await;
    let paid = &sent[1];
    assert_eq!(field(paid, "to"), "duena@lago.test");
    assert_eq!(field(paid, "subject"), "Reserva pagada: RES000101300");
    assert!(
        field(paid, "text").contains("https://consola.lago.test/admin/reservations/RES000101300"),
        "{}",
        field(paid, "text")
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sent = sent_forms_when(&mailgun, 2).await;
    assert_eq!(
        sent.len(),
        2,
        "each notice once, to the owner only: {sent:?}"
    );
    let to_guest = sent_texts_when(&graph, 3).await;
    assert_eq!(
        to_guest
            .iter()
            .filter(|t| t.contains("Pago confirmado"))
            .count(),
        1,
        "{to_guest:?}"
    );
    fleet.drop_db().await;
}

/// A job that used up its attempts reaches the owners of the property it was about, by email
/// and (from the property's business number, as the configured template) on the WhatsApp
/// number an owner gave on their account page; once, however many rounds the watchers make.
/// Another property's owner hears nothing of it, and a dead owner notice is never told.
#[tokio::test]
async fn a_dead_job_is_told_once_to_its_property_owners_by_email_and_whatsapp() {
    use jobs::{QueueName, payloads::SendReply};

    use crate::console::{Http, add_staff, other_property};

    let fleet = Fleet::new().await;
    let cabin = fleet.seed_hold("RES000101301").await;
    let property = property_of(&fleet, cabin).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    let (other, _) = other_property(&fleet).await;
    add_staff(&fleet, other, "otro@refugio.test", "owner");

    // The owner gives her WhatsApp number on her own account page (as people type it).
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    let wrong = owner
        .post(
            "/admin/account",
            &[("csrf", &token), ("whatsapp", "294-abc")],
        )
        .await;
    assert_eq!(
        wrong.location.as_deref(),
        Some("/admin/account?aviso=whatsapp")
    );
    let page = owner.get("/admin/account?aviso=whatsapp").await;
    assert!(page.body.contains("No se guardó nada"), "{}", page.body);
    let saved = owner
        .post(
            "/admin/account",
            &[("csrf", &token), ("whatsapp", "+54 9 294 412-3456")],
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some("/admin/account?aviso=guardado")
    );
    let page = owner.get("/admin/account").await;
    assert!(
        page.body.contains("value=\"+5492944123456\""),
        "{}",
        page.body
    );

    // A staff confirmation of the hold that died, and a dead owner notice.
    let die = |queue: QueueName| {
        let q = fleet.queue.clone();
        async move {
            let (claimed, _) = q.claim(queue, "notices-test", 1).await.unwrap();
            let id = claimed[0].meta.id.clone();
            let error = "Mercado Pago answered 403 <b>x</b>";
            let died = q.fail(queue, "notices-test", &id, None, false, error);
            assert!(died.await.unwrap());
        }
    };
    let confirm = ConfirmPayment {
        source: PaymentSource::Staff {
            reservation_code: "RES000101301".into(),
        },
        received_at_ms: 0,
    };
    fleet
        .queue
        .enqueue(&confirm, EnqueueOptions::default())
        .await
        .unwrap();
    die(QueueName::ConfirmPayment).await;
    let notice_job = SendReply {
        cause_key: "paid:RES000101301:notice:0".into(),
        reply: None,
    };
    fleet
        .queue
        .enqueue(&notice_job, EnqueueOptions::default())
        .await
        .unwrap();
    die(QueueName::SendReply).await;

    let mailgun = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/lago.test/messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({ "id": "<notice@lago.test>", "message": "Queued. Thank you." }),
        ))
        .mount(&mailgun)
        .await;
    let graph = graph_accepting_all().await;
    let mut env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    env.push(("MAILGUN_API_BASE".into(), mailgun.uri()));
    env.push(("MAILGUN_API_KEY".into(), "TEST-mailgun-key".into()));
    env.push(("PUBLIC_BASE_URL".into(), "https://consola.lago.test".into()));
    env.push(("DEAD_LETTER_NOTICE_EVERY_SECS".into(), "1".into()));
    env.push((
        "WHATSAPP_NOTICE_TEMPLATE".into(),
        "aviso_propietario".into(),
    ));
    // Two workers, so two watchers look at the same letters.
    let _w = Reaper(vec![
        fleet.spawn_worker(WORKER, &env, &[]),
        fleet.spawn_worker(WORKER, &env, &[]),
    ]);

    let sent = sent_forms_when(&mailgun, 1).await;
    assert_eq!(field(&sent[0], "to"), "duena@lago.test");
    assert_eq!(
        field(&sent[0], "subject"),
        "Un trabajo quedó sin hacer (confirmar un pago)"
    );
    let text = field(&sent[0], "text");
    assert!(text.contains("falló 1 vez y quedó apartado"), "{text}");
    assert!(
        text.contains("Mercado Pago answered 403 <b>x</b>")
            && text.ends_with("https://consola.lago.test/admin/queues"),
        "{text}"
    );
    assert!(
        testkit::eventually(Duration::from_secs(20), || async {
            !testkit::fakes::sent_json(&graph).await.is_empty()
        })
        .await,
        "no WhatsApp notice"
    );
    let to_whatsapp = testkit::fakes::sent_json(&graph).await;
    let template = &to_whatsapp[0];
    assert_eq!(template["to"], "542944123456", "{template}");
    assert_eq!(template["type"], "template", "{template}");
    assert_eq!(template["template"]["name"], "aviso_propietario");
    assert_eq!(template["template"]["language"]["code"], "es_AR");
    let parameter = template["template"]["components"][0]["parameters"][0]["text"]
        .as_str()
        .unwrap();
    assert_eq!(
        parameter,
        "Un trabajo quedó sin hacer (confirmar un pago). https://consola.lago.test/admin/queues"
    );

    // Several more rounds of both watchers: nothing more, to anyone.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let sent = sent_forms_when(&mailgun, 1).await;
    assert_eq!(sent.len(), 1, "once, to her only: {sent:?}");
    assert_eq!(testkit::fakes::sent_json(&graph).await.len(), 1);
    let watched: i64 =
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE effect_key LIKE 'dead:%'")
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    assert_eq!(watched, 2, "one email and one WhatsApp row");
    fleet.drop_db().await;
}

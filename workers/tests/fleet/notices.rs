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

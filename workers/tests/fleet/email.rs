//! A guest who writes by email: signed Mailgun posts into the real ingress, worker processes,
//! and replies arriving at a fake Mailgun messages API, in the guest's thread, from the
//! property's address. Payment confirmation reaches the guest by email too.

use std::time::Duration;

use chrono::{Duration as Days, Utc};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{header, method, path},
};

use crate::support::*;

const GUEST: &str = "ana.perez@gmail.com";

#[tokio::test]
async fn an_email_guest_books_pays_and_is_answered_in_the_same_thread() {
    let fleet = Fleet::new().await;
    fleet.seed_property().await;
    let mailgun = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v3/lago.test/messages"))
        .and(header(
            "authorization",
            "Basic YXBpOlRFU1QtbWFpbGd1bi1rZXk=",
        )) // api:TEST-mailgun-key
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({ "id": "<out@lago.test>", "message": "Queued. Thank you." }),
        ))
        .mount(&mailgun)
        .await;
    let mp = mercadopago_fake().await;
    let mut env = fleet.worker_env(&mp.uri(), "http://127.0.0.1:9");
    env.push(("MAILGUN_API_BASE".into(), mailgun.uri()));
    env.push(("MAILGUN_API_KEY".into(), "TEST-mailgun-key".into()));
    let _w = Reaper(vec![fleet.spawn_worker(WORKER, &env, &[])]);
    let url = fleet.spawn_ingress().await;
    let guest = Guest::email(&url, "reservas@lago.test", GUEST, MAILGUN_KEY).named("Ana Pérez");

    let check_in = (Utc::now() + Days::days(45)).date_naive();
    let ask = format!(
        "Hola! ¿tienen lugar para 2 del {} al {}?\n\nSaludos, Ana",
        check_in.format("%d/%m"),
        (check_in + Days::days(2)).format("%d/%m")
    );
    guest
        .write("<m1@mail.gmail.com>", "Consulta diciembre", &ask)
        .await
        .unwrap();
    let sent = sent_forms_when(&mailgun, 1).await;
    let first = &sent[0];
    assert_eq!(field(first, "to"), GUEST);
    assert_eq!(
        field(first, "from"),
        "Cabañas del Lago <reservas@lago.test>"
    );
    assert_eq!(field(first, "subject"), "Re: Consulta diciembre");
    assert_eq!(field(first, "h:In-Reply-To"), "<m1@mail.gmail.com>");
    assert!(
        field(first, "text").contains("Cabaña Coihue"),
        "{}",
        field(first, "text")
    );

    guest
        .write(
            "<m2@mail.gmail.com>",
            "Re: Consulta diciembre",
            "dale, reservá",
        )
        .await
        .unwrap();
    let sent = sent_forms_when(&mailgun, 2).await;
    let hold = field(&sent[1], "text");
    assert!(
        hold.contains("Código: RES") && hold.contains("mercadopago.com.ar"),
        "{hold}"
    );
    assert_eq!(field(&sent[1], "h:In-Reply-To"), "<m2@mail.gmail.com>");
    let (code, guest_email): (String, Option<String>) =
        sqlx::query_as("SELECT code, guest_email FROM reservations WHERE status = 'pre_reserved'")
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    assert_eq!(guest_email.as_deref(), Some(GUEST));

    Mock::given(method("GET"))
        .and(path("/v1/payments/5151"))
        .respond_with(ResponseTemplate::new(200).set_body_json(approved_payment(5151, &code)))
        .mount(&mp)
        .await;
    enqueue_payment(&fleet.queue, "5151").await;
    let sent = sent_forms_when(&mailgun, 3).await;
    let confirmed = field(&sent[2], "text");
    assert!(
        confirmed.contains("¡Pago confirmado!") && confirmed.contains(&code),
        "{confirmed}"
    );
    assert_eq!(field(&sent[2], "to"), GUEST);

    // Mailgun retries a post it thinks failed: the guest is not answered twice.
    guest
        .write("<m1@mail.gmail.com>", "Consulta diciembre", &ask)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(sent_forms_when(&mailgun, 3).await.len(), 3);
    fleet.drop_db().await;
}

fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

//! (feature `fleet`) The providers' APIs as the workers call them, faked with wiremock: the
//! Graph API's answer to a send, Mercado Pago's payment links and payments, and what a fake
//! received. Each test mounts its own matchers; these are the answers and readers they share.

use std::time::Duration;

use serde_json::{Value, json};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{method, path},
};

use crate::eventually;

/// How long the `*_when` readers wait for what a test expects to arrive.
const ARRIVAL: Duration = Duration::from_secs(15);

/// The Graph API's answer to a sent message.
pub fn graph_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "messaging_product": "whatsapp", "contacts": [{"input": "541155551234", "wa_id": "5491155551234"}],
        "messages": [{"id": "wamid.OUT"}]
    }))
}

/// The Graph API's answer to a media upload (`POST /{phone-number-id}/media`).
pub fn media_uploaded() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "id": "1037543291543636" }))
}

/// A file uploaded to the fake Graph API's media endpoint, as its multipart form gave it.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The form's `type` field.
    pub mime: String,
    pub messaging_product: String,
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

/// The media files the fake Graph API received (`POST …/media`), oldest first.
pub async fn uploads(graph: &MockServer) -> Vec<Upload> {
    graph
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path().ends_with("/media"))
        .filter_map(|r| {
            let ct = r.headers.get("content-type")?.to_str().ok()?;
            let parts = ingress::routes::sandbox::form_parts(ct, &r.body)?;
            let text = |name: &str| {
                parts
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
                    .unwrap_or_default()
            };
            let file = parts.iter().find(|p| p.name == "file")?;
            Some(Upload {
                mime: text("type"),
                messaging_product: text("messaging_product"),
                file_name: file.file_name.clone(),
                bytes: file.bytes.clone(),
            })
        })
        .collect()
}

/// The audio messages the fake Graph API received: their media ids, oldest first.
pub async fn sent_audio(graph: &MockServer) -> Vec<String> {
    sent_json(graph)
        .await
        .iter()
        .filter(|v| v["type"] == "audio")
        .filter_map(|v| v["audio"]["id"].as_str().map(str::to_owned))
        .collect()
}

/// Mercado Pago's `GET /v1/payments/{id}` of an approved deposit for reservation `code`.
pub fn approved_payment(id: u64, code: &str) -> Value {
    json!({
        "id": id, "status": "approved", "status_detail": "accredited", "external_reference": code,
        "transaction_amount": 30000, "currency_id": "ARS", "date_approved": "2026-11-23T12:00:00.000-03:00"
    })
}

/// A Mercado Pago fake that makes payment links (payments are mounted by each test): the link
/// of a preference names what it pays for (`pref_id=pref-<external_reference>`), so a test can
/// tell one link from another.
pub async fn mercadopago_fake() -> MockServer {
    let mp = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/checkout/preferences"))
        .respond_with(|req: &wiremock::Request| {
            let body: Value = serde_json::from_slice(&req.body).unwrap_or_default();
            let id = format!(
                "pref-{}",
                body["external_reference"].as_str().unwrap_or("unknown")
            );
            ResponseTemplate::new(201).set_body_json(json!({
                "id": id,
                "init_point": format!("https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id={id}")
            }))
        })
        .mount(&mp)
        .await;
    mp
}

/// The preferences (payment links) Mercado Pago was asked to make: external reference and
/// amount, oldest first.
pub async fn preferences(mp: &MockServer) -> Vec<(String, f64)> {
    mp.received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.method.as_str() == "POST" && r.url.path() == "/checkout/preferences")
        .filter_map(|r| serde_json::from_slice::<Value>(&r.body).ok())
        .map(|b| {
            (
                b["external_reference"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                b["items"][0]["unit_price"].as_f64().unwrap_or_default(),
            )
        })
        .collect()
}

/// The JSON bodies a fake provider received, oldest first.
pub async fn sent_json(server: &MockServer) -> Vec<Value> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|r| serde_json::from_slice(&r.body).ok())
        .collect()
}

/// The text messages the fake Graph API received, oldest first.
pub async fn sent_texts(graph: &MockServer) -> Vec<String> {
    sent_json(graph)
        .await
        .iter()
        .filter_map(|v| v["text"]["body"].as_str().map(str::to_owned))
        .collect()
}

/// [`sent_texts`] once there are at least `n` (or all there are after 15 s).
pub async fn sent_texts_when(graph: &MockServer, n: usize) -> Vec<String> {
    eventually(ARRIVAL, || async { sent_texts(graph).await.len() >= n }).await;
    sent_texts(graph).await
}

/// The forms (urlencoded posts, as Mailgun's messages API gets them) a fake received, oldest
/// first.
pub async fn sent_forms(server: &MockServer) -> Vec<Vec<(String, String)>> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| form_urlencoded::parse(&r.body).into_owned().collect())
        .collect()
}

/// [`sent_forms`] once there are at least `n` (or all there are after 15 s).
pub async fn sent_forms_when(server: &MockServer, n: usize) -> Vec<Vec<(String, String)>> {
    eventually(ARRIVAL, || async { sent_forms(server).await.len() >= n }).await;
    sent_forms(server).await
}

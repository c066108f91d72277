//! What providers post to the ingress, and how they sign it.

use serde_json::{Value, json};

/// A fresh WhatsApp message id.
pub fn wamid() -> String {
    format!("wamid.kit.{}", uuid::Uuid::new_v4().simple())
}

/// A WhatsApp Cloud API delivery of `messages` from `from` to the business number
/// `phone_number_id` (the `entry[].changes[].value` envelope Meta posts).
pub fn whatsapp(phone_number_id: &str, from: &str, messages: Vec<Value>) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "kit", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "5492972000000", "phone_number_id": phone_number_id },
            "contacts": [{ "profile": { "name": "Huésped" }, "wa_id": from }],
            "messages": messages
        }}]}]
    })
}

/// One WhatsApp message of `kind` with its kind's object (`{"body": …}` for text).
pub fn whatsapp_message(from: &str, id: &str, kind: &str, content: Value) -> Value {
    let mut m = json!({
        "from": from, "id": id, "timestamp": chrono::Utc::now().timestamp().to_string(), "type": kind,
    });
    m[kind] = content;
    m
}

pub fn whatsapp_text(from: &str, id: &str, text: &str) -> Value {
    whatsapp_message(from, id, "text", json!({ "body": text }))
}

/// A voice note whose media the Graph API serves as `media_id` (and, when Meta includes it,
/// at `url`).
pub fn whatsapp_voice(from: &str, id: &str, media_id: &str, url: Option<&str>) -> Value {
    let mut audio = json!({ "id": media_id, "mime_type": "audio/ogg; codecs=opus", "voice": true });
    if let Some(url) = url {
        audio["url"] = json!(url);
    }
    whatsapp_message(from, id, "audio", audio)
}

/// `X-Hub-Signature-256` of a body, as Meta signs it.
pub fn whatsapp_signature(app_secret: &str, body: &[u8]) -> String {
    signatures::whatsapp::header_for(app_secret.as_bytes(), body)
}

/// An email as a Mailgun route posts it (`forward()`), signed with the webhook signing key.
pub struct Email<'a> {
    pub to: &'a str,
    pub from: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub message_id: &'a str,
}

impl Email<'_> {
    /// The form fields, `timestamp`, `token` and `signature` included.
    pub fn form(&self, signing_key: &str) -> Vec<(&'static str, String)> {
        let timestamp = chrono::Utc::now().timestamp().to_string();
        let token = uuid::Uuid::new_v4().simple().to_string();
        let signature =
            signatures::mailgun::signature_for(signing_key.as_bytes(), &timestamp, &token);
        vec![
            ("recipient", self.to.to_owned()),
            ("sender", self.from.to_owned()),
            ("from", format!("Huésped <{}>", self.from)),
            ("subject", self.subject.to_owned()),
            ("body-plain", self.text.to_owned()),
            ("stripped-text", self.text.to_owned()),
            ("Message-Id", self.message_id.to_owned()),
            ("timestamp", timestamp),
            ("token", token),
            ("signature", signature),
        ]
    }
}

/// A Mercado Pago payment notification: its body, and its `x-signature` / `x-request-id`.
pub fn mercadopago_payment(secret: &str, payment_id: &str) -> (Value, String, String) {
    let request_id = uuid::Uuid::new_v4().to_string();
    let signature = signatures::mercadopago::header_for(
        secret.as_bytes(),
        Some(payment_id),
        Some(&request_id),
        chrono::Utc::now().timestamp_millis(),
    );
    let body = json!({
        "id": rand::random_range(1_000_000_000u64..9_999_999_999), "live_mode": false, "type": "payment",
        "date_created": chrono::Utc::now().to_rfc3339(), "action": "payment.created", "api_version": "v1",
        "data": { "id": payment_id },
    });
    (body, signature, request_id)
}

//! What providers post to the ingress, and how they sign it: the one place a test, a benchmark
//! or a tool builds a WhatsApp delivery, a Mailgun route post or a Mercado Pago notification.
//!
//! Builders only: nothing here sends anything (see [`crate::webhooks`] and [`crate::Guest`]).

use std::sync::atomic::{AtomicU64, Ordering};

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

/// A status delivery as Meta sends it for a message the business sent: `status` (`sent`,
/// `delivered`, `read`, `failed`) of `wamid`, carrying back the sender's
/// `biz_opaque_callback_data` when it gave one.
pub fn whatsapp_status(
    phone_number_id: &str,
    recipient: &str,
    wamid: &str,
    status: &str,
    callback: Option<&str>,
) -> Value {
    let mut s = json!({
        "id": wamid, "status": status, "timestamp": chrono::Utc::now().timestamp().to_string(),
        "recipient_id": recipient,
        "conversation": { "id": "kit-conversation", "origin": { "type": "service" } },
        "pricing": { "billable": false, "pricing_model": "PMP", "category": "service" },
    });
    if let Some(callback) = callback {
        s["biz_opaque_callback_data"] = json!(callback);
    }
    json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "kit", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "5492972000000", "phone_number_id": phone_number_id },
            "statuses": [s]
        }}]}]
    })
}

/// `X-Hub-Signature-256` of a body, as Meta signs it.
pub fn whatsapp_signature(app_secret: impl AsRef<[u8]>, body: &[u8]) -> String {
    signatures::whatsapp::header_for(app_secret.as_ref(), body)
}

/// Text deliveries with ids of their own, signed, made as fast as a load generator needs: the
/// body is rendered once by [`whatsapp`] and only its sender and id are filled in each time.
#[derive(Debug)]
pub struct TextDeliveries {
    secret: Vec<u8>,
    template: String,
    tag: String,
    next: AtomicU64,
}

const FROM: &str = "{{FROM}}";
const ID: &str = "{{WAMID}}";

impl TextDeliveries {
    /// Deliveries of `text` to `phone_number_id`, signed with `app_secret`; ids are unique within
    /// this value and, by a random tag, across runs.
    pub fn new(app_secret: &str, phone_number_id: &str, text: &str) -> Self {
        let mut message = whatsapp_text(FROM, ID, text);
        // A fixed timestamp keeps the template free of anything that changes.
        message["timestamp"] = json!("1764000000");
        let id = uuid::Uuid::new_v4().simple().to_string();
        TextDeliveries {
            secret: app_secret.as_bytes().to_vec(),
            template: whatsapp(phone_number_id, FROM, vec![message]).to_string(),
            tag: id[..10].to_owned(),
            next: AtomicU64::new(0),
        }
    }

    /// The next delivery: its body and its `X-Hub-Signature-256` header. Senders are Argentine
    /// mobiles as WhatsApp delivers them (549 + 10 digits), ids `wamid.bench.<tag>.<n>`.
    pub fn next(&self) -> (String, String) {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let from = format!("54911{:08}", n % 100_000_000);
        let wamid = format!("wamid.bench.{}.{n}", self.tag);
        let body = self.template.replace(FROM, &from).replace(ID, &wamid);
        let header = whatsapp_signature(&self.secret, body.as_bytes());
        (body, header)
    }
}

/// An email as a Mailgun route posts it (`forward()`): the fields a guest's email fills in.
#[derive(Debug, Clone)]
pub struct Email {
    /// `recipient`: the property's address (or several, comma-separated).
    pub to: String,
    /// `sender`: the guest's address.
    pub from: String,
    /// The display name in the `from` header.
    pub name: String,
    pub subject: String,
    /// `body-plain`.
    pub text: String,
    /// `stripped-text` when it differs from the body (Mailgun strips quotes and signatures).
    pub stripped: Option<String>,
    pub message_id: String,
    /// Further fields, after the others (`message-headers`, …).
    pub extra: Vec<(&'static str, String)>,
}

impl Email {
    pub fn new(to: &str, from: &str, subject: &str, text: &str, message_id: &str) -> Email {
        Email {
            to: to.to_owned(),
            from: from.to_owned(),
            name: "Huésped".to_owned(),
            subject: subject.to_owned(),
            text: text.to_owned(),
            stripped: None,
            message_id: message_id.to_owned(),
            extra: Vec::new(),
        }
    }

    pub fn named(mut self, name: &str) -> Email {
        self.name = name.to_owned();
        self
    }

    pub fn stripped(mut self, text: &str) -> Email {
        self.stripped = Some(text.to_owned());
        self
    }

    pub fn with(mut self, field: &'static str, value: &str) -> Email {
        self.extra.push((field, value.to_owned()));
        self
    }

    /// The route's fields, unsigned, in the order Mailgun posts them.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        let mut fields = vec![
            ("recipient", self.to.clone()),
            ("sender", self.from.clone()),
            ("from", format!("{} <{}>", self.name, self.from)),
            ("subject", self.subject.clone()),
            ("body-plain", self.text.clone()),
            (
                "stripped-text",
                self.stripped.clone().unwrap_or_else(|| self.text.clone()),
            ),
            ("Message-Id", self.message_id.clone()),
        ];
        fields.extend(self.extra.iter().cloned());
        fields
    }

    /// The fields signed now with the webhook signing key (`timestamp`, `token`, `signature`).
    pub fn form(&self, signing_key: &str) -> Vec<(String, String)> {
        mailgun_signed_now(&self.fields(), signing_key)
    }
}

/// Mailgun's webhook `signature` of a timestamp and token.
pub fn mailgun_signature(signing_key: impl AsRef<[u8]>, timestamp: &str, token: &str) -> String {
    signatures::mailgun::signature_for(signing_key.as_ref(), timestamp, token)
}

/// `fields` followed by `timestamp`, `token` and their `signature`.
pub fn mailgun_signed<K: AsRef<str>, V: AsRef<str>>(
    fields: &[(K, V)],
    signing_key: impl AsRef<[u8]>,
    timestamp: i64,
    token: &str,
) -> Vec<(String, String)> {
    let ts = timestamp.to_string();
    let signature = mailgun_signature(signing_key, &ts, token);
    let mut form: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
        .collect();
    form.push(("timestamp".into(), ts));
    form.push(("token".into(), token.to_owned()));
    form.push(("signature".into(), signature));
    form
}

/// [`mailgun_signed`] now, with a fresh token.
pub fn mailgun_signed_now<K: AsRef<str>, V: AsRef<str>>(
    fields: &[(K, V)],
    signing_key: impl AsRef<[u8]>,
) -> Vec<(String, String)> {
    let token = uuid::Uuid::new_v4().simple().to_string();
    mailgun_signed(fields, signing_key, chrono::Utc::now().timestamp(), &token)
}

/// A Mailgun event webhook (JSON, signed now) for the message `message_id`, with the message's
/// user variables.
pub fn mailgun_event(
    signing_key: impl AsRef<[u8]>,
    event: &str,
    message_id: &str,
    variables: Value,
) -> Value {
    let timestamp = chrono::Utc::now().timestamp().to_string();
    let token = uuid::Uuid::new_v4().simple().to_string();
    let signature = mailgun_signature(signing_key, &timestamp, &token);
    json!({
        "signature": { "timestamp": timestamp, "token": token, "signature": signature },
        "event-data": {
            "id": uuid::Uuid::new_v4().simple().to_string(),
            "event": event,
            "timestamp": chrono::Utc::now().timestamp() as f64,
            "recipient": "huesped@correo.example",
            "message": { "headers": { "message-id": message_id.trim_matches(['<', '>']) } },
            "user-variables": variables,
        }
    })
}

/// A Mailgun route post signed at `timestamp`, urlencoded.
pub fn mailgun_form<K: AsRef<str>, V: AsRef<str>>(
    fields: &[(K, V)],
    signing_key: impl AsRef<[u8]>,
    timestamp: i64,
    token: &str,
) -> String {
    urlencoded(&mailgun_signed(fields, signing_key, timestamp, token))
}

pub fn urlencoded<K: AsRef<str>, V: AsRef<str>>(fields: &[(K, V)]) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        form.append_pair(k.as_ref(), v.as_ref());
    }
    form.finish()
}

/// A file attached to an email.
#[derive(Debug, Clone, Copy)]
pub struct Attachment<'a> {
    pub filename: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

/// Mailgun's multipart post (what it sends when the email has attachments), signed now: its
/// content type and body.
pub fn mailgun_multipart<K: AsRef<str>, V: AsRef<str>>(
    fields: &[(K, V)],
    signing_key: impl AsRef<[u8]>,
    attachments: &[Attachment<'_>],
) -> (String, Vec<u8>) {
    let boundary = "----mailgun-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in mailgun_signed_now(fields, signing_key) {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"attachment-count\"\r\n\r\n{}\r\n",
            attachments.len()
        )
        .as_bytes(),
    );
    for (i, a) in attachments.iter().enumerate() {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"attachment-{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                i + 1,
                a.filename,
                a.mime
            )
            .as_bytes(),
        );
        body.extend_from_slice(a.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Mercado Pago's `x-signature` over a notification's data id and request id at `ts_ms`.
pub fn mercadopago_signature(
    secret: impl AsRef<[u8]>,
    data_id: Option<&str>,
    request_id: Option<&str>,
    ts_ms: i64,
) -> String {
    signatures::mercadopago::header_for(secret.as_ref(), data_id, request_id, ts_ms)
}

/// One Mercado Pago notification of a payment, signed: post it as often as Mercado Pago would
/// retry it (each retry is the same notification, hence one job).
#[derive(Debug, Clone)]
pub struct PaymentNotification {
    pub payment_id: String,
    pub body: Value,
    /// `x-signature`.
    pub signature: String,
    /// `x-request-id`.
    pub request_id: String,
}

impl PaymentNotification {
    /// The query string Mercado Pago puts on the webhook URL.
    pub fn query(&self) -> String {
        format!("data.id={}&type=payment", self.payment_id)
    }
}

/// A fresh notification (its own id and request id) that `payment_id` was created.
pub fn mercadopago_payment(secret: &str, payment_id: &str) -> PaymentNotification {
    let request_id = uuid::Uuid::new_v4().to_string();
    let signature = mercadopago_signature(
        secret,
        Some(payment_id),
        Some(&request_id),
        chrono::Utc::now().timestamp_millis(),
    );
    let body = json!({
        "id": rand::random_range(1_000_000_000u64..9_999_999_999), "live_mode": false, "type": "payment",
        "date_created": chrono::Utc::now().to_rfc3339(), "action": "payment.created", "api_version": "v1",
        "data": { "id": payment_id },
    });
    PaymentNotification {
        payment_id: payment_id.to_owned(),
        body,
        signature,
        request_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_delivery_is_valid_json_with_its_own_id_and_a_good_signature() {
        let d = TextDeliveries::new("s3cret", "1122334455667", "hola");
        let (a, sig) = d.next();
        let (b, _) = d.next();
        assert_ne!(a, b);
        let v: serde_json::Value = serde_json::from_str(&a).expect("json");
        let msg = &v["entry"][0]["changes"][0]["value"]["messages"][0];
        assert_eq!(msg["from"], "5491100000000");
        assert!(
            msg["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("wamid.bench."))
        );
        assert_eq!(
            signatures::whatsapp::verify(b"s3cret", a.as_bytes(), Some(&sig)),
            Ok(())
        );
    }

    #[test]
    fn an_email_form_is_signed_after_its_fields() {
        let email = Email::new("p@x.test", "g@x.test", "Hola", "texto", "<1@x>")
            .named("Ana")
            .with("message-headers", "[]");
        let form = email.form("key");
        let names: Vec<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "recipient",
                "sender",
                "from",
                "subject",
                "body-plain",
                "stripped-text",
                "Message-Id",
                "message-headers",
                "timestamp",
                "token",
                "signature"
            ]
        );
        assert_eq!(form[2].1, "Ana <g@x.test>");
    }
}

//! Email replies through Mailgun's messages API (`POST /v3/{domain}/messages`), the same
//! provider whose inbound routes deliver guests' emails to the ingress. HTTP rather than SMTP
//! so that sending has the same answers as the other providers: a message id on success, 429
//! with `Retry-After` when throttled, 5xx when down, all behind the email breaker.

use jobs::payloads::{EmailThread, ReplyBody};
use secrecy::{ExposeSecret, SecretString};

use super::{ChannelError, check_status, guard::Guard, transport};

const DEP: &str = "email";

/// One reply to send: from the property's address, to the guest.
pub struct Outgoing<'a> {
    pub from_name: &'a str,
    pub from_address: &'a str,
    pub to: &'a str,
    pub thread: Option<&'a EmailThread>,
    pub body: &'a ReplyBody,
    /// Goes out as the Mailgun variable `v:fleet-reply`: Mailgun's event webhooks for this
    /// message carry it back (see `jobs::coordination::deliveries`).
    pub tag: Option<&'a str>,
}

#[derive(Clone)]
pub struct Email {
    http: reqwest::Client,
    base: String,
    api_key: SecretString,
    guard: Guard,
}

impl Email {
    pub fn new(base: impl Into<String>, api_key: SecretString, guard: Guard) -> Self {
        Email {
            http: super::http_client(),
            base: base.into().trim_end_matches('/').to_owned(),
            api_key,
            guard,
        }
    }

    /// Sends one email; returns Mailgun's message id.
    pub async fn send(&self, message: &Outgoing<'_>) -> Result<String, ChannelError> {
        self.guard.call(self.send_unguarded(message)).await
    }

    async fn send_unguarded(&self, message: &Outgoing<'_>) -> Result<String, ChannelError> {
        let domain = sending_domain(message.from_address).ok_or(ChannelError::Permanent {
            dependency: DEP,
            message: "the property's email address has no domain".into(),
        })?;
        let response = self
            .http
            .post(format!("{}/v3/{domain}/messages", self.base))
            .basic_auth("api", Some(self.api_key.expose_secret()))
            .form(&form(message))
            .send()
            .await
            .map_err(|e| transport(DEP, e))?;
        let response = check_status(DEP, response).await?;
        // 2xx: Mailgun has the message. An answer we cannot read does not make it unsent.
        let answer: serde_json::Value = response.json().await.unwrap_or_else(|e| {
            tracing::warn!(error = %e.without_url(), "Mailgun accepted a message with an unreadable answer");
            serde_json::Value::Null
        });
        Ok(answer["id"].as_str().unwrap_or_default().to_owned())
    }
}

/// The form field of the reply's tag: `v:` + `jobs::coordination::deliveries::EMAIL_TAG_VARIABLE`.
const TAG_FIELD: &str = "v:fleet-reply";

/// The domain Mailgun sends from: the part of the property's address after the `@`.
fn sending_domain(address: &str) -> Option<&str> {
    address
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim())
        .filter(|d| !d.is_empty() && !d.contains('/'))
}

/// The form fields of Mailgun's messages API; `h:` fields become headers of the email.
fn form(message: &Outgoing<'_>) -> Vec<(&'static str, String)> {
    let mut fields = vec![
        (
            "from",
            format!(
                "{} <{}>",
                message.from_name.replace(['<', '>', '"'], ""),
                message.from_address
            ),
        ),
        ("to", message.to.to_owned()),
        (
            "subject",
            match message.body {
                ReplyBody::Notice { subject, .. } => subject.clone(),
                _ => subject(message.thread),
            },
        ),
        ("text", text(message.body)),
    ];
    if let Some(thread) = message.thread {
        fields.push(("h:In-Reply-To", thread.message_id.clone()));
        fields.push(("h:References", thread.message_id.clone()));
    }
    if let Some(tag) = message.tag {
        fields.push((TAG_FIELD, tag.to_owned()));
    }
    fields
}

/// "Re: <the guest's subject>", so mail clients keep the conversation together.
fn subject(thread: Option<&EmailThread>) -> String {
    match thread.map(|t| t.subject.trim()).filter(|s| !s.is_empty()) {
        Some(s) if s.to_lowercase().starts_with("re:") => s.to_owned(),
        Some(s) => format!("Re: {s}"),
        None => "Tu consulta".to_owned(),
    }
}

/// Email has no image message: the photo goes as a link under its caption.
fn text(body: &ReplyBody) -> String {
    match body {
        ReplyBody::Text { text } => text.clone(),
        ReplyBody::Image { link, caption } if caption.trim().is_empty() => link.clone(),
        ReplyBody::Image { link, caption } => format!("{caption}\n\n{link}"),
        ReplyBody::Notice { text, .. } => text.clone(),
        ReplyBody::Template { parameters, .. } => parameters.join("\n\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobs::coordination::deliveries::EMAIL_TAG_VARIABLE;

    fn thread(subject: &str) -> EmailThread {
        EmailThread {
            message_id: "<abc@mail.gmail.com>".into(),
            subject: subject.into(),
        }
    }

    #[test]
    fn replies_answer_in_the_guests_thread() {
        let t = thread("Consulta diciembre");
        let body = ReplyBody::Text {
            text: "¡Hola!".into(),
        };
        let fields = form(&Outgoing {
            from_name: "Cabañas <Lago>",
            from_address: "reservas@cabanas.com.ar",
            to: "ana@example.com",
            thread: Some(&t),
            body: &body,
            tag: Some("r7"),
        });
        let get = |k: &str| {
            fields
                .iter()
                .find(|(f, _)| *f == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("from"), Some("Cabañas Lago <reservas@cabanas.com.ar>"));
        assert_eq!(get("subject"), Some("Re: Consulta diciembre"));
        assert_eq!(get("h:In-Reply-To"), Some("<abc@mail.gmail.com>"));
        assert_eq!(get("text"), Some("¡Hola!"));
        assert_eq!(get(&format!("v:{EMAIL_TAG_VARIABLE}")), Some("r7"));
    }

    #[test]
    fn a_subject_is_never_doubled_or_empty() {
        assert_eq!(subject(Some(&thread("RE: hola"))), "RE: hola");
        assert_eq!(subject(Some(&thread("  "))), "Tu consulta");
        assert_eq!(subject(None), "Tu consulta");
    }

    #[test]
    fn the_domain_comes_from_the_property_address() {
        assert_eq!(
            sending_domain("reservas@cabanas.com.ar"),
            Some("cabanas.com.ar")
        );
        assert_eq!(sending_domain("reservas"), None);
        assert_eq!(sending_domain("x@"), None);
    }

    #[test]
    fn a_photo_goes_as_a_link_under_its_caption() {
        let body = ReplyBody::Image {
            link: "https://x/y.jpg".into(),
            caption: "La cabaña".into(),
        };
        assert_eq!(text(&body), "La cabaña\n\nhttps://x/y.jpg");
    }
}

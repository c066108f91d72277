//! Turning a verified inbound email (a Mailgun route post) into jobs. The form is read with a
//! size cap, attachments are skipped without being kept, and only the guest's own words go on:
//! Mailgun's `stripped-text` (the quoted thread and signature removed) or the plain body. Each
//! property address the email was sent to gets its own job, keyed by the email's `Message-Id`,
//! so Mailgun's retries enqueue nothing new. Automatic mail (auto-replies, bounces, lists) gets
//! no answer: two robots answering each other would never stop. Forwarded and quoted parts,
//! signatures and inline-image placeholders are left out of the words ([`words`]); an HTML-only
//! email Mailgun could not make a text of is read from its HTML ([`html`]).

mod html;
mod words;

use std::collections::HashMap;

use jobs::{
    backend::NewJob,
    domain::IdempotencyKey,
    payloads::{Channel, EmailThread, ParseIntent, Wordless},
};
use sha2::{Digest, Sha256};

use crate::{
    error::IngressError,
    middleware::RequestContext,
    signature::{mailgun::Signed, read_body},
};

/// More than any guest writes; the rest of a long thread is not read.
const MAX_WORDS_CHARS: usize = 2000;

/// The text fields of the posted form, by lower-case name.
#[derive(Debug, Default)]
pub struct Form {
    fields: HashMap<String, String>,
    pub attachments: usize,
}

impl Form {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    pub fn signed(&self) -> Signed<'_> {
        Signed {
            timestamp: self.get("timestamp"),
            token: self.get("token"),
            signature: self.get("signature"),
        }
    }

    fn insert(&mut self, name: &str, value: String) {
        self.fields.insert(name.to_ascii_lowercase(), value);
    }
}

/// Reads the form Mailgun posts: urlencoded, or multipart when the email has attachments.
pub async fn read_form(
    content_type: Option<&str>,
    body: poem::Body,
    max_bytes: usize,
) -> Result<Form, IngressError> {
    let content_type = content_type.unwrap_or_default();
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/x-www-form-urlencoded" => read_urlencoded(body, max_bytes).await,
        "multipart/form-data" => read_multipart(content_type, body, max_bytes).await,
        _ => Err(IngressError::UnsupportedMediaType(
            "an inbound email must be posted as a form",
        )),
    }
}

async fn read_urlencoded(body: poem::Body, max_bytes: usize) -> Result<Form, IngressError> {
    let bytes = read_body(body, max_bytes).await?;
    let mut form = Form::default();
    for (name, value) in form_urlencoded::parse(&bytes) {
        form.insert(&name, value.into_owned());
    }
    Ok(form)
}

async fn read_multipart(
    content_type: &str,
    body: poem::Body,
    max_bytes: usize,
) -> Result<Form, IngressError> {
    let boundary = multer::parse_boundary(content_type)
        .map_err(|_| IngressError::BadRequest("multipart form without a boundary"))?;
    let limits = multer::Constraints::new()
        .size_limit(multer::SizeLimit::new().whole_stream(max_bytes as u64));
    let mut multipart =
        multer::Multipart::with_constraints(body.into_bytes_stream(), boundary, limits);
    let mut form = Form::default();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        if field.file_name().is_some() {
            // An attachment: skipped (the next field drains it), only counted.
            form.attachments += 1;
            continue;
        }
        let value = field.text().await.map_err(multipart_error)?;
        form.insert(&name, value);
    }
    Ok(form)
}

fn multipart_error(e: multer::Error) -> IngressError {
    match e {
        multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
            IngressError::TooLarge
        }
        _ => IngressError::BadRequest("malformed multipart form"),
    }
}

/// What the fleet needs of one email.
#[derive(Debug, Clone, PartialEq)]
pub struct InboundEmail {
    /// The property addresses it was sent to (the envelope recipients of the route).
    pub recipients: Vec<String>,
    /// The guest's address, from the `From` header (else the envelope sender).
    pub from: String,
    pub subject: String,
    pub message_id: String,
    /// The guest's words: subject (unless it is a reply's) and the body without quotes.
    pub words: String,
    pub automatic: bool,
}

impl InboundEmail {
    pub fn from_form(form: &Form) -> Result<Self, IngressError> {
        let from = form
            .get("from")
            .and_then(address_in)
            .or_else(|| form.get("sender").and_then(address_in))
            .ok_or(IngressError::BadRequest("the email has no sender address"))?;
        let mut recipients: Vec<String> = form
            .get("recipient")
            .unwrap_or_default()
            .split(',')
            .filter_map(address_in)
            .collect();
        recipients.sort();
        recipients.dedup();
        if recipients.is_empty() {
            return Err(IngressError::BadRequest(
                "the email has no recipient address",
            ));
        }
        let headers = headers_of(form);
        let subject = form.get("subject").unwrap_or_default().trim().to_owned();
        // An HTML-only email whose text version Mailgun could not make: the HTML's text.
        let from_html;
        let body = match ["stripped-text", "body-plain"]
            .iter()
            .find_map(|f| form.get(f).filter(|t| !t.trim().is_empty()))
        {
            Some(text) => text,
            None => {
                from_html = ["stripped-html", "body-html"]
                    .iter()
                    .find_map(|f| form.get(f).filter(|t| !t.trim().is_empty()))
                    .map(html::text_of)
                    .unwrap_or_default();
                &from_html
            }
        };
        let message_id = form
            .get("message-id")
            .map(str::to_owned)
            .or_else(|| header(&headers, "message-id"))
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| content_id(&from, &subject, form.get("body-plain")));
        Ok(InboundEmail {
            automatic: is_automatic(&headers, &from),
            words: guest_words(&subject, body),
            recipients,
            from,
            subject,
            message_id,
        })
    }

    /// One job per property address: its words to understand, or, when it has none, a kind
    /// request to write them.
    pub fn plan(
        &self,
        ctx: &RequestContext,
        received_at_ms: i64,
    ) -> Result<Vec<NewJob>, IngressError> {
        if self.automatic {
            return Ok(Vec::new());
        }
        self.recipients
            .iter()
            .filter(|to| **to != self.from)
            .map(|to| self.job_for(to, ctx, received_at_ms))
            .collect()
    }

    fn job_for(
        &self,
        to: &str,
        ctx: &RequestContext,
        received_at_ms: i64,
    ) -> Result<NewJob, IngressError> {
        let message_id = self.job_message_id(to);
        let key = IdempotencyKey::namespaced("email", &message_id).map_err(|_| unencodable())?;
        let channel = Channel::Email {
            to: to.to_owned(),
            from: self.from.clone(),
            thread: Some(EmailThread {
                message_id: self.message_id.clone(),
                subject: self.subject.clone(),
            }),
        };
        let options = ctx.enqueue_options(key);
        // No words (only attachments, or empty): the conversation asks kindly to write.
        let job = ParseIntent {
            channel,
            message_id,
            text: self.words.clone(),
            received_at_ms,
            transcript_confidence: None,
            wordless: self.words.is_empty().then_some(Wordless::Email),
        };
        NewJob::new(&job, options).map_err(|_| unencodable())
    }

    /// The id of this email as received at one address: `Message-Id`s are long and free-form,
    /// and one email sent to two properties is two conversations.
    fn job_message_id(&self, to: &str) -> String {
        let digest = Sha256::digest(format!("{}\n{to}", self.message_id));
        format!("mail.{}", &hex::encode(digest)[..40])
    }
}

fn unencodable() -> IngressError {
    IngressError::BadRequest("email could not be encoded")
}

/// `Ana Pérez <ana@example.com>` or `ana@example.com` → `ana@example.com` (lower case).
pub fn address_in(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let inner = match (raw.rfind('<'), raw.rfind('>')) {
        (Some(open), Some(close)) if open < close => &raw[open + 1..close],
        _ => raw,
    };
    let address = inner.trim().to_lowercase();
    let (local, domain) = address.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.contains('@')
        && !address.chars().any(|c| c.is_whitespace() || c == ',');
    plausible.then_some(address)
}

/// Mailgun's `message-headers`: a JSON list of `[name, value]` pairs, in order.
fn headers_of(form: &Form) -> Vec<(String, String)> {
    form.get("message-headers")
        .and_then(|raw| serde_json::from_str::<Vec<(String, String)>>(raw).ok())
        .unwrap_or_default()
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

/// Auto-replies, bounces and mailing lists (RFC 3834 and the usual conventions).
fn is_automatic(headers: &[(String, String)], from: &str) -> bool {
    let auto_submitted =
        header(headers, "auto-submitted").is_some_and(|v| !v.trim().eq_ignore_ascii_case("no"));
    let bulk = header(headers, "precedence").is_some_and(|v| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "bulk" | "junk" | "list" | "auto_reply"
        )
    });
    let robot_header = ["x-autoreply", "x-autorespond", "list-id"]
        .iter()
        .any(|h| header(headers, h).is_some());
    let local = from.split('@').next().unwrap_or_default();
    let robot_sender = matches!(
        local,
        "mailer-daemon" | "postmaster" | "no-reply" | "noreply"
    );
    auto_submitted || bulk || robot_header || robot_sender
}

/// Without a `Message-Id` (rare), the same email must still get the same id on every retry.
fn content_id(from: &str, subject: &str, body: Option<&str>) -> String {
    let digest = Sha256::digest(format!("{from}\n{subject}\n{}", body.unwrap_or_default()));
    format!("<{}@no-message-id>", &hex::encode(digest)[..32])
}

/// The subject often says it all ("Consulta 15 al 17 de diciembre"); a reply's subject
/// ("Re: Tu consulta") is only ours echoed back.
fn guest_words(subject: &str, body: &str) -> String {
    let body = words::own_words(body);
    let lower = subject.to_lowercase();
    let is_reply = ["re:", "rv:", "res:", "fw:", "fwd:", "tr:"]
        .iter()
        .any(|p| lower.starts_with(p));
    let body = body.trim();
    let words = if subject.is_empty() || is_reply || body.contains(subject) {
        body.to_owned()
    } else if body.is_empty() {
        subject.to_owned()
    } else {
        format!("{subject}\n{body}")
    };
    words.chars().take(MAX_WORDS_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Form {
        let mut f = Form::default();
        for (k, v) in pairs {
            f.insert(k, (*v).to_owned());
        }
        f
    }

    const GUEST: &[(&str, &str)] = &[
        ("recipient", "reservas@cabanas.com.ar"),
        ("sender", "bounce+abc@gmail.com"),
        ("from", "Ana Pérez <Ana.Perez@Gmail.com>"),
        ("subject", "Consulta diciembre"),
        (
            "body-plain",
            "Hola! tenés lugar para 2 del 15 al 17?\n\n> mensaje anterior",
        ),
        ("stripped-text", "Hola! tenés lugar para 2 del 15 al 17?"),
        ("Message-Id", "<CAF=abc@mail.gmail.com>"),
    ];

    #[test]
    fn a_guests_email_gives_their_words_address_and_thread() {
        let email = InboundEmail::from_form(&form(GUEST)).unwrap();
        assert_eq!(email.from, "ana.perez@gmail.com");
        assert_eq!(email.recipients, vec!["reservas@cabanas.com.ar"]);
        assert_eq!(email.message_id, "<CAF=abc@mail.gmail.com>");
        assert_eq!(
            email.words,
            "Consulta diciembre\nHola! tenés lugar para 2 del 15 al 17?"
        );
        assert!(!email.automatic);
    }

    #[test]
    fn a_replys_subject_is_not_read_and_quotes_are_left_out() {
        assert_eq!(
            guest_words("Re: Tu consulta", " dale, reservá "),
            "dale, reservá"
        );
        assert_eq!(guest_words("del 15 al 17", ""), "del 15 al 17");
        assert_eq!(guest_words("", ""), "");
        assert_eq!(
            guest_words("x", &"a".repeat(5000)).chars().count(),
            MAX_WORDS_CHARS
        );
    }

    #[test]
    fn addresses_are_found_in_either_form() {
        assert_eq!(address_in("Ana <ana@x.com>").as_deref(), Some("ana@x.com"));
        assert_eq!(address_in(" ANA@X.COM ").as_deref(), Some("ana@x.com"));
        for bad in ["", "ana", "ana@", "@x.com", "ana@localhost", "a b@x.com"] {
            assert_eq!(address_in(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_emails_say_what_is_missing() {
        let no_from: Vec<_> = GUEST
            .iter()
            .copied()
            .filter(|(k, _)| *k != "from" && *k != "sender")
            .collect();
        assert!(matches!(
            InboundEmail::from_form(&form(&no_from)),
            Err(IngressError::BadRequest("the email has no sender address"))
        ));
        let no_to: Vec<_> = GUEST
            .iter()
            .copied()
            .filter(|(k, _)| *k != "recipient")
            .collect();
        assert!(matches!(
            InboundEmail::from_form(&form(&no_to)),
            Err(IngressError::BadRequest(
                "the email has no recipient address"
            ))
        ));
    }

    #[test]
    fn robots_get_no_answer() {
        let cases = [
            ("message-headers", r#"[["Auto-Submitted", "auto-replied"]]"#),
            ("message-headers", r#"[["Precedence", "bulk"]]"#),
            ("message-headers", r#"[["List-Id", "<x.lists>"]]"#),
            ("from", "MAILER-DAEMON@gmail.com"),
        ];
        for (k, v) in cases {
            let mut f = form(GUEST);
            f.insert(k, v.to_owned());
            let email = InboundEmail::from_form(&f).unwrap();
            assert!(email.automatic, "{k}: {v}");
        }
        let mut f = form(GUEST);
        f.insert(
            "message-headers",
            r#"[["Auto-Submitted", "no"]]"#.to_owned(),
        );
        assert!(!InboundEmail::from_form(&f).unwrap().automatic);
    }

    #[test]
    fn without_a_message_id_the_same_email_keeps_the_same_id() {
        let pairs: Vec<_> = GUEST
            .iter()
            .copied()
            .filter(|(k, _)| *k != "Message-Id")
            .collect();
        let a = InboundEmail::from_form(&form(&pairs)).unwrap();
        let b = InboundEmail::from_form(&form(&pairs)).unwrap();
        assert_eq!(a.message_id, b.message_id);
        assert!(a.message_id.ends_with("@no-message-id>"));
    }
}

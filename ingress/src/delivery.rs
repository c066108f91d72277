//! Turning a verified WhatsApp delivery into jobs: every message becomes its own job, keyed by
//! its `wamid` so a redelivery enqueues nothing new. Words go to `parse_intent`: text, button
//! and list answers, the caption of a photo, video or document, the note sent with a catalogue
//! order, and the new text of an edited
//! message. Audio goes to `transcribe_audio`. Reactions, system notices (a number or identity
//! changed) and deleted messages need no answer and are only counted. Anything else (a sticker,
//! a location pin, a photo without words…) is a turn without words that the conversation
//! answers by its kind (a message Meta passes on with `errors`, type `unsupported`, is one,
//! its errors logged). Status updates are counted by status (failed ones logged with their
//! error).
//!
//! A delivery is read message by message: one that cannot be read (no `id`, a field of the
//! wrong type) is skipped and counted, and the others still become jobs, so Meta's retry of a
//! delivery never fails the same way again for the message that was fine.

use jobs::{
    QueueError,
    backend::NewJob,
    domain::{IdempotencyKey, PhoneNumber},
    payloads::{Channel, ParseIntent, TranscribeAudio, Wordless},
};
use serde::Deserialize;

use crate::middleware::RequestContext;

#[derive(Debug, Deserialize)]
pub struct Delivery {
    pub object: String,
    #[serde(default)]
    pub entry: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
pub struct Entry {
    #[serde(default)]
    pub changes: Vec<Change>,
}

#[derive(Debug, Deserialize)]
pub struct Change {
    #[serde(default)]
    pub value: ChangeValue,
}

#[derive(Debug, Default, Deserialize)]
pub struct ChangeValue {
    pub metadata: Option<Metadata>,
    /// Read one by one ([`Message`], [`Status`]): one unreadable entry costs only itself.
    #[serde(default)]
    pub messages: Vec<serde_json::Value>,
    #[serde(default)]
    pub statuses: Vec<serde_json::Value>,
    /// Errors Meta reports for the whole change (a webhook it could not deliver as usual).
    #[serde(default)]
    pub errors: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub struct Metadata {
    pub phone_number_id: String,
}

#[derive(Debug, Deserialize)]
pub struct Message {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub id: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub text: Option<Text>,
    pub audio: Option<Media>,
    pub voice: Option<Media>,
    pub button: Option<Button>,
    pub interactive: Option<serde_json::Value>,
    pub image: Option<Captioned>,
    pub video: Option<Captioned>,
    pub document: Option<Captioned>,
    /// An order from the business's catalogue: the note the guest wrote with it is theirs.
    pub order: Option<OrderNote>,
    /// An edited message: its new content (a text, or a caption), under `edit`.
    pub edit: Option<serde_json::Value>,
    /// Why Meta could not pass the message on as it was (an `unsupported` one: code 131051).
    /// Any JSON: a message is never refused for the shape of its errors.
    #[serde(default)]
    pub errors: Option<serde_json::Value>,
}

/// A photo, video or document: only its caption matters here (the guest's words).
#[derive(Debug, Deserialize)]
pub struct Captioned {
    #[serde(default)]
    pub caption: Option<String>,
}

/// A catalogue order: only the words sent along with it matter here (`order.text`).
#[derive(Debug, Deserialize)]
pub struct OrderNote {
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Text {
    pub body: String,
}

#[derive(Debug, Deserialize)]
pub struct Button {
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct Media {
    pub id: String,
    #[serde(default)]
    pub mime_type: String,
    pub url: Option<String>,
}

/// The fate of a message the fleet sent: `sent`, `delivered`, `read` or `failed`.
#[derive(Debug, Deserialize)]
pub struct Status {
    /// The `wamid` of the message.
    #[serde(default)]
    pub id: String,
    pub status: String,
    #[serde(default)]
    pub errors: Vec<serde_json::Value>,
    /// The tag the sender gave the message (see `jobs::coordination::deliveries`).
    #[serde(default)]
    pub biz_opaque_callback_data: Option<String>,
    #[serde(default)]
    pub recipient_id: Option<String>,
    /// Unix seconds, as a string.
    #[serde(default)]
    pub timestamp: Option<String>,
}

impl Delivery {
    /// The WhatsApp number (a property) the delivery is for: the first one it names.
    pub fn property(&self) -> Option<&str> {
        self.entry
            .iter()
            .flat_map(|e| &e.changes)
            .find_map(|c| c.value.metadata.as_ref())
            .map(|m| m.phone_number_id.as_str())
    }
}

/// What one delivery asks of the fleet.
#[derive(Debug, Default)]
pub struct Plan {
    pub jobs: Vec<NewJob>,
    pub statuses: Vec<String>,
    /// Replies of ours that Meta has (any status: even `failed` was accepted, and sending it
    /// again cannot help): outbox row and `wamid`.
    pub accepted: Vec<(i64, String)>,
    /// Messages that get no job (reactions) or could not be attributed (no sender).
    pub skipped: Vec<&'static str>,
    /// Every status report, to keep (`store::statuses`).
    pub reports: Vec<store::statuses::StatusReport>,
}

pub fn plan(
    delivery: &Delivery,
    ctx: &RequestContext,
    received_at_ms: i64,
) -> Result<Plan, QueueError> {
    let mut plan = Plan::default();
    if delivery.object != "whatsapp_business_account" {
        plan.skipped.push("not_whatsapp_business");
        return Ok(plan);
    }
    for value in delivery
        .entry
        .iter()
        .flat_map(|e| &e.changes)
        .map(|c| &c.value)
    {
        if !value.errors.is_empty() {
            tracing::warn!(errors = %serde_json::Value::Array(value.errors.clone()), "WhatsApp reports errors for a change");
            plan.skipped.push("change_errors");
        }
        for raw in &value.statuses {
            let Ok(s) = serde_json::from_value::<Status>(raw.clone()) else {
                plan.skipped.push("unreadable_status");
                continue;
            };
            if s.status == "failed" {
                tracing::warn!(errors = %serde_json::Value::Array(s.errors.clone()), "WhatsApp reports a message failed");
            }
            if !s.id.is_empty() && !s.status.is_empty() {
                plan.reports.push(store::statuses::StatusReport {
                    provider_message_id: s.id.clone(),
                    status: s.status.clone(),
                    recipient: s.recipient_id.clone(),
                    errors: serde_json::Value::Array(s.errors.clone()),
                    occurred_at: s.timestamp.as_deref().and_then(|t| t.parse().ok()),
                });
            }
            plan.statuses.push(s.status.clone());
            if let Some(row) = s
                .biz_opaque_callback_data
                .as_deref()
                .and_then(jobs::coordination::deliveries::parse_reply_tag)
            {
                plan.accepted.push((row, s.id.clone()));
            }
        }
        let Some(meta) = &value.metadata else {
            if !value.messages.is_empty() {
                plan.skipped.push("no_metadata");
            }
            continue;
        };
        for raw in &value.messages {
            let m = match serde_json::from_value::<Message>(raw.clone()) {
                Ok(m) if !m.id.trim().is_empty() => m,
                Ok(_) => {
                    plan.skipped.push("no_id");
                    continue;
                }
                Err(_) => {
                    plan.skipped.push("unreadable");
                    continue;
                }
            };
            if let Some(errors) = &m.errors {
                tracing::info!(kind = %m.kind, %errors, "WhatsApp passed a message on with errors");
            }
            if let Some(reason) = needs_no_answer(&m.kind) {
                plan.skipped.push(reason);
                continue;
            }
            match job_for(&m, &meta.phone_number_id, ctx, received_at_ms)? {
                Some(job) => plan.jobs.push(job),
                None => plan.skipped.push(if m.kind == "edit" {
                    "edit_without_words"
                } else {
                    "no_sender"
                }),
            }
        }
    }
    Ok(plan)
}

/// Kinds that get no job, with the reason they are counted under: a reaction, a system notice
/// (the guest's number or identity changed: answering would even go to the old number), a
/// deleted message.
fn needs_no_answer(kind: &str) -> Option<&'static str> {
    match kind {
        "reaction" => Some("reaction"),
        "system" => Some("system"),
        "revoke" | "revoked" | "deleted" => Some("deleted"),
        _ => None,
    }
}

fn job_for(
    m: &Message,
    phone_number_id: &str,
    ctx: &RequestContext,
    received_at_ms: i64,
) -> Result<Option<NewJob>, QueueError> {
    let Ok(from) = PhoneNumber::parse(&m.from) else {
        return Ok(None);
    };
    let Ok(key) = IdempotencyKey::namespaced("wa", &m.id) else {
        return Ok(None);
    };
    let options = ctx.enqueue_options(key);
    let channel = Channel::Whatsapp {
        phone_number_id: phone_number_id.to_owned(),
        from,
    };
    if let Some(text) = text_of(m) {
        let job = ParseIntent {
            channel,
            message_id: m.id.clone(),
            text,
            received_at_ms,
            transcript_confidence: None,
            wordless: None,
        };
        return NewJob::new(&job, options).map(Some);
    }
    // An edit without words to read changes nothing: no answer.
    if m.kind == "edit" {
        return Ok(None);
    }
    if let Some(media) = m.audio.as_ref().or(m.voice.as_ref()) {
        let job = TranscribeAudio {
            channel,
            message_id: m.id.clone(),
            media_id: media.id.clone(),
            mime_type: media.mime_type.clone(),
            media_url: media.url.clone(),
            received_at_ms,
        };
        return NewJob::new(&job, options).map(Some);
    }
    // No words to read: the conversation answers the kind (a photo, a sticker…).
    let job = ParseIntent {
        channel,
        message_id: m.id.clone(),
        text: String::new(),
        received_at_ms,
        transcript_confidence: None,
        wordless: Some(Wordless::Media {
            kind: m.kind.clone(),
        }),
    };
    NewJob::new(&job, options).map(Some)
}

/// The guest's words in a message: a text, a quick-reply button, an interactive list/button
/// answer, the caption under a photo, video or document, the note sent with a catalogue order,
/// or an edited message's new text.
fn text_of(m: &Message) -> Option<String> {
    let caption = |c: &Option<Captioned>| c.as_ref().and_then(|c| c.caption.clone());
    match m.kind.as_str() {
        "text" => m.text.as_ref().map(|t| t.body.clone()),
        "button" => m.button.as_ref().map(|b| b.text.clone()),
        "interactive" => m.interactive.as_ref().and_then(|i| {
            ["button_reply", "list_reply"]
                .iter()
                .find_map(|k| i.get(k)?.get("title")?.as_str().map(str::to_owned))
        }),
        "image" => caption(&m.image),
        "video" => caption(&m.video),
        "document" => caption(&m.document),
        "order" => m.order.as_ref().and_then(|o| o.text.clone()),
        "edit" => m.edit.as_ref().and_then(edited_words),
        _ => None,
    }
    .filter(|t| !t.trim().is_empty())
}

/// The new words of an edited message, wherever its `edit` object carries them (a text's body
/// or a caption, directly or under `message`).
fn edited_words(edit: &serde_json::Value) -> Option<String> {
    let at = |v: &serde_json::Value| {
        v.pointer("/text/body")
            .or_else(|| v.pointer("/body"))
            .or_else(|| v.pointer("/caption"))
            .or_else(|| {
                ["image", "video", "document"]
                    .iter()
                    .find_map(|k| v.get(k)?.get("caption"))
            })
            .and_then(|w| w.as_str())
            .map(str::to_owned)
    };
    edit.get("message").and_then(at).or_else(|| at(edit))
}

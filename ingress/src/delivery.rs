//! Turning a verified WhatsApp delivery into jobs: every message becomes its own job, keyed by
//! its `wamid` so a redelivery enqueues nothing new. Text (and button/list answers) goes to
//! `parse_intent`, audio to `transcribe_audio`, reactions are only counted, anything else gets a
//! polite reply. Status updates are counted by status (failed ones logged with their error).

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
    #[serde(default)]
    pub messages: Vec<Message>,
    #[serde(default)]
    pub statuses: Vec<Status>,
}

#[derive(Debug, Deserialize)]
pub struct Metadata {
    pub phone_number_id: String,
}

#[derive(Debug, Deserialize)]
pub struct Message {
    #[serde(default)]
    pub from: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub text: Option<Text>,
    pub audio: Option<Media>,
    pub voice: Option<Media>,
    pub button: Option<Button>,
    pub interactive: Option<serde_json::Value>,
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
        for s in &value.statuses {
            if s.status == "failed" {
                tracing::warn!(errors = %serde_json::Value::Array(s.errors.clone()), "WhatsApp reports a message failed");
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
        for m in &value.messages {
            match job_for(m, &meta.phone_number_id, ctx, received_at_ms)? {
                Some(job) => plan.jobs.push(job),
                None => plan.skipped.push(if m.kind == "reaction" {
                    "reaction"
                } else {
                    "no_sender"
                }),
            }
        }
    }
    Ok(plan)
}

fn job_for(
    m: &Message,
    phone_number_id: &str,
    ctx: &RequestContext,
    received_at_ms: i64,
) -> Result<Option<NewJob>, QueueError> {
    if m.kind == "reaction" {
        return Ok(None);
    }
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

/// The words of a text message, a quick-reply button or an interactive list/button answer.
fn text_of(m: &Message) -> Option<String> {
    match m.kind.as_str() {
        "text" => m.text.as_ref().map(|t| t.body.clone()),
        "button" => m.button.as_ref().map(|b| b.text.clone()),
        "interactive" => m.interactive.as_ref().and_then(|i| {
            ["button_reply", "list_reply"]
                .iter()
                .find_map(|k| i.get(k)?.get("title")?.as_str().map(str::to_owned))
        }),
        _ => None,
    }
    .filter(|t| !t.trim().is_empty())
}

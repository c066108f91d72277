//! The typed jobs. Field names are the wire format: add fields with `#[serde(default)]`, never
//! rename, so jobs already queued still decode after a deploy.

use std::time::Duration;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    domain::PhoneNumber,
    queue::{Job, QueueName},
    retry::{RetryPolicy, WhenExhausted},
};

/// Where a guest wrote from, and so which property the conversation belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "channel", rename_all = "snake_case")]
pub enum Channel {
    /// `phone_number_id` is the business number the guest wrote to (routes to a property).
    Whatsapp {
        phone_number_id: String,
        from: PhoneNumber,
    },
    /// `to` is the property's address the guest wrote to, `from` the guest's address.
    Email {
        to: String,
        from: String,
        /// The email this conversation turn answers, so replies stay in the guest's thread.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        thread: Option<EmailThread>,
    },
}

impl Channel {
    /// The channel's name as stored (`conversations.channel`, `outbox.channel`).
    pub fn name(&self) -> &'static str {
        match self {
            Channel::Whatsapp { .. } => "whatsapp",
            Channel::Email { .. } => "email",
        }
    }

    /// The guest's address on this channel: a phone number, or an email address (lowercased,
    /// so one guest is one conversation however they capitalise it).
    pub fn guest_address(&self) -> String {
        match self {
            Channel::Whatsapp { from, .. } => from.expose().to_owned(),
            Channel::Email { from, .. } => from.to_lowercase(),
        }
    }

    /// Where the guest wrote to: the property's WhatsApp number id or email address. It picks
    /// the property and is the sender of every reply.
    pub fn route(&self) -> &str {
        match self {
            Channel::Whatsapp {
                phone_number_id, ..
            } => phone_number_id,
            Channel::Email { to, .. } => to,
        }
    }

    /// The route as people read it, for logs and errors.
    pub fn describe_route(&self) -> String {
        match self {
            Channel::Whatsapp {
                phone_number_id, ..
            } => format!("WhatsApp number id {phone_number_id}"),
            Channel::Email { to, .. } => format!("address {to}"),
        }
    }

    /// An email conversation outside any thread (e.g. a reminder the property starts).
    pub fn email(to: impl Into<String>, from: impl Into<String>) -> Channel {
        Channel::Email {
            to: to.into(),
            from: from.into(),
            thread: None,
        }
    }
}

/// What an email reply needs to land in the guest's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailThread {
    /// The guest's `Message-ID`, with its angle brackets.
    pub message_id: String,
    pub subject: String,
}

/// A WhatsApp voice note or audio file to transcribe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranscribeAudio {
    pub channel: Channel,
    pub message_id: String,
    pub media_id: String,
    pub mime_type: String,
    #[serde(default)]
    pub media_url: Option<String>,
    pub received_at_ms: i64,
}

impl Job for TranscribeAudio {
    const QUEUE: QueueName = QueueName::TranscribeAudio;
    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            retries: 3,
            base_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(60),
            when_exhausted: WhenExhausted::DeadLetter,
        }
    }
}

/// A guest's words (typed, emailed or transcribed) to understand and answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParseIntent {
    pub channel: Channel,
    pub message_id: String,
    pub text: String,
    pub received_at_ms: i64,
    /// Set when the text is a transcript: the speech model's confidence in it.
    #[serde(default)]
    pub transcript_confidence: Option<f32>,
    /// Set when the guest sent something without words we can read (a photo, a sticker, an
    /// email with only attachments): `text` is empty and the conversation answers the kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wordless: Option<Wordless>,
}

/// A message with no words to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "wordless", rename_all = "snake_case")]
pub enum Wordless {
    /// A WhatsApp message of a kind we do not read (`kind` as Meta names it: image, sticker…).
    Media { kind: String },
    /// An email with no text (only attachments, or empty).
    Email,
}

impl Job for ParseIntent {
    const QUEUE: QueueName = QueueName::ParseIntent;
}

/// Place a hold on an accommodation for the dates the guest asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreReserve {
    pub channel: Channel,
    /// The message that asked for the booking: one hold per cause.
    pub cause_message_id: String,
    pub accommodation_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
    #[serde(default)]
    pub guest_name: Option<String>,
    pub received_at_ms: i64,
}

impl Job for PreReserve {
    const QUEUE: QueueName = QueueName::PreReserve;
}

/// Who asked for a payment to be checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum PaymentSource {
    /// A Mercado Pago notification: the payment is read from the MP API, never from the webhook.
    Webhook { payment_id: String },
    /// Staff confirmed a reservation by hand (paid in cash, by transfer...).
    Staff { reservation_code: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmPayment {
    #[serde(flatten)]
    pub source: PaymentSource,
    pub received_at_ms: i64,
}

impl Job for ConfirmPayment {
    const QUEUE: QueueName = QueueName::ConfirmPayment;
    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            retries: 8,
            base_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(600),
            when_exhausted: WhenExhausted::DeadLetter,
        }
    }
}

/// Give a guest's deposit back through Mercado Pago's refunds API: once per reservation or
/// group (`code`), keyed `refund:<code>`, and sent to Mercado Pago under the idempotency key
/// `refund-<code>`, so neither a second press nor a retry after an unrecorded success refunds
/// twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundDeposit {
    /// The reservation's or the group's code (`RES…`, `GRP…`).
    pub code: String,
    /// What to give back, in cents; more than was paid gives back what was paid.
    pub amount_cents: i64,
    /// The console account that asked for it.
    #[serde(default)]
    pub requested_by: Option<i64>,
}

impl Job for RefundDeposit {
    const QUEUE: QueueName = QueueName::RefundDeposit;
    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            retries: 8,
            base_delay: Duration::from_secs(5),
            max_delay: Duration::from_secs(900),
            when_exhausted: WhenExhausted::DeadLetter,
        }
    }
}

/// Import external calendars: one feed, or (from the schedule) a fan-out to every feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncIcal {
    #[serde(default)]
    pub feed_id: Option<i64>,
    pub tick_ms: i64,
}

impl Job for SyncIcal {
    const QUEUE: QueueName = QueueName::SyncIcal;
    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            retries: 3,
            base_delay: Duration::from_secs(5),
            max_delay: Duration::from_secs(60),
            when_exhausted: WhenExhausted::Superseded,
        }
    }
}

/// Expire unpaid holds whose time ran out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpireHolds {
    pub tick_ms: i64,
}

impl Job for ExpireHolds {
    const QUEUE: QueueName = QueueName::ExpireHolds;
    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            retries: 2,
            base_delay: Duration::from_secs(5),
            max_delay: Duration::from_secs(30),
            when_exhausted: WhenExhausted::Superseded,
        }
    }
}

/// What a reply says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReplyBody {
    Text {
        text: String,
    },
    Image {
        link: String,
        caption: String,
    },
    /// A notice to the people who run the property (an owner's email): its own subject, never
    /// sent to a guest.
    Notice {
        subject: String,
        text: String,
    },
    /// A WhatsApp message template approved by Meta, with its body's parameters in order: the
    /// only message WhatsApp delivers to someone who has not written in the last 24 hours (an
    /// owner's notice). Email has no templates: it gets the parameters as lines.
    Template {
        name: String,
        language: String,
        parameters: Vec<String>,
    },
}

/// Send one reply from the outbox (its row keyed by `cause_key`, the effect's key), at most
/// once: the delivery records in Redis and the row's "sent" mark say whether it went out, so a
/// replayed job never sends twice and a failed send retries without redoing the work behind
/// it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SendReply {
    pub cause_key: String,
    /// The reply as its outbox row holds it, carried by the job so the sender reads nothing
    /// from PostgreSQL; absent on a job that does not carry it (the sender reads the row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<ReplyToSend>,
}

/// A reply as the outbox row holds it, for the sender.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplyToSend {
    /// The outbox row's id: the tag the provider is given, and the row marked sent.
    pub outbox_id: i64,
    pub channel: Channel,
    pub body: ReplyBody,
    /// When the message it answers arrived (ms), for the guest's wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers_received_at_ms: Option<i64>,
    /// The message it answers was a voice note.
    #[serde(default)]
    pub answers_voice: bool,
    /// Also send it as a voice note spoken in this language (decided with the turn: a voice
    /// note's answer, at a property with spoken replies on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speak: Option<SpokenIn>,
}

/// The language a reply is spoken in, when it is also sent as a voice note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpokenIn {
    Es,
    En,
    Pt,
}

impl Job for SendReply {
    const QUEUE: QueueName = QueueName::SendReply;
    fn retry_policy() -> RetryPolicy {
        RetryPolicy {
            retries: 8,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(300),
            when_exhausted: WhenExhausted::DeadLetter,
        }
    }
}

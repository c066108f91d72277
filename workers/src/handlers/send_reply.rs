//! `SendReply`: sends one stored reply, at most once. The row's status is the truth: a replayed
//! job finds it `sent` and stops; a failed send retries this job alone, not the work behind it.

use jobs::{
    Envelope, JobError,
    domain::PhoneNumber,
    payloads::{EmailThread, ReplyBody, SendReply},
};

use super::replies;
use crate::channels::email::Outgoing;
use crate::{handler::Handle, idempotency::db_error, state::State};

#[derive(sqlx::FromRow)]
struct StoredReply {
    id: i64,
    status: String,
    channel: String,
    recipient: String,
    sender_id: Option<String>,
    body: serde_json::Value,
    email_thread: Option<serde_json::Value>,
}

impl Handle for SendReply {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let p = &job.payload;
        if let Some(message) = &p.message {
            let mut conn = state.db.acquire().await.map_err(db_error)?;
            let at = Some(message.inbound_received_at_ms);
            replies::write(&mut conn, &p.cause_key, &message.channel, &message.body, at).await?;
        }
        let reply: Option<StoredReply> = sqlx::query_as(
            "SELECT id, status, channel, recipient, sender_id, body, email_thread FROM outbound_messages WHERE cause_key = $1",
        )
        .bind(&p.cause_key)
        .fetch_optional(&state.db)
        .await
        .map_err(db_error)?;
        let Some(reply) = reply else {
            return Err(JobError::permanent(format!(
                "no stored reply for cause {}",
                p.cause_key
            )));
        };
        if reply.status == "sent" {
            return Ok(());
        }
        match send(&state, &reply).await {
            Ok(provider_id) => mark_sent(&state, &reply, &provider_id, &p.cause_key).await,
            Err(e) => {
                sqlx::query("UPDATE outbound_messages SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
                    .bind(reply.id)
                    .bind(e.to_string())
                    .execute(&state.db)
                    .await
                    .map_err(db_error)?;
                Err(e)
            }
        }
    }
}

async fn send(state: &State, reply: &StoredReply) -> Result<String, JobError> {
    let body: ReplyBody = serde_json::from_value(reply.body.clone())
        .map_err(|e| JobError::permanent(e.to_string()))?;
    match (reply.channel.as_str(), &reply.sender_id) {
        ("whatsapp", Some(phone_number_id)) => {
            let to = PhoneNumber::parse(&reply.recipient)
                .map_err(|e| JobError::permanent(e.to_string()))?;
            Ok(state.whatsapp.send(phone_number_id, &to, &body).await?)
        }
        ("email", Some(property_address)) => {
            send_email(state, reply, property_address, &body).await
        }
        (channel, _) => Err(JobError::permanent(format!(
            "no sender for channel {channel}"
        ))),
    }
}

/// Sends from the property's address, under its name, in the guest's thread.
async fn send_email(
    state: &State,
    reply: &StoredReply,
    property_address: &str,
    body: &ReplyBody,
) -> Result<String, JobError> {
    let thread: Option<EmailThread> = reply
        .email_thread
        .clone()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| JobError::permanent(e.to_string()))?;
    let from_name: Option<String> =
        sqlx::query_scalar("SELECT name FROM properties WHERE lower(email_address) = lower($1)")
            .bind(property_address)
            .fetch_optional(&state.db)
            .await
            .map_err(db_error)?;
    let message = Outgoing {
        from_name: from_name.as_deref().unwrap_or_default(),
        from_address: property_address,
        to: &reply.recipient,
        thread: thread.as_ref(),
        body,
    };
    Ok(state.email.send(&message).await?)
}

/// Records the send and observes webhook-to-reply latency for replies that answer a message.
async fn mark_sent(
    state: &State,
    reply: &StoredReply,
    provider_id: &str,
    cause_key: &str,
) -> Result<(), JobError> {
    let latency: Option<f64> = sqlx::query_scalar(
        "UPDATE outbound_messages SET status = 'sent', provider_message_id = $2, sent_at = now(), attempts = attempts + 1
         WHERE id = $1 RETURNING extract(epoch FROM (sent_at - inbound_received_at))::float8",
    )
    .bind(reply.id)
    .bind(provider_id)
    .fetch_one(&state.db)
    .await
    .map_err(db_error)?;
    if let Some(seconds) = latency {
        // A transcript's answer is caused by `parse_intent:wa:<wamid>:transcript`: still a
        // voice note's reply, measured from the note's webhook.
        let kind =
            if cause_key.starts_with("transcribe_audio") || cause_key.contains(":transcript:") {
                "audio"
            } else {
                "text"
            };
        metrics::histogram!("fleet_reply_latency_seconds", "kind" => kind).record(seconds);
    }
    Ok(())
}

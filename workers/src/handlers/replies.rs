//! Replies are rows before they are messages: written in the handler's transaction (keyed by
//! their cause), then handed to `send_reply`. A replayed handler finds its replies already
//! written and only hands them over again; `send_reply` sends each row at most once.

use jobs::{
    JobError,
    domain::IdempotencyKey,
    payloads::{Channel, ReplyBody, SendReply},
};
use sqlx::PgConnection;

use crate::{idempotency::db_error, state::AppState};

/// Writes one reply in the handler's transaction. `cause_key` must be unique per reply.
pub async fn write(
    conn: &mut PgConnection,
    cause_key: &str,
    channel: &Channel,
    body: &ReplyBody,
    inbound_received_at_ms: Option<i64>,
) -> Result<(), JobError> {
    let (channel_name, recipient, sender, thread) = match channel {
        Channel::Whatsapp {
            phone_number_id,
            from,
        } => (
            "whatsapp",
            from.expose().to_owned(),
            Some(phone_number_id.clone()),
            None,
        ),
        Channel::Email { to, from, thread } => {
            ("email", from.clone(), Some(to.clone()), thread.as_ref())
        }
    };
    let thread = thread
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| JobError::permanent(e.to_string()))?;
    sqlx::query(
        "INSERT INTO outbound_messages (cause_key, channel, recipient, sender_id, kind, body, inbound_received_at, email_thread)
         VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7::float8 / 1000), $8)
         ON CONFLICT (cause_key) DO NOTHING",
    )
    .bind(cause_key)
    .bind(channel_name)
    .bind(recipient)
    .bind(sender)
    .bind(match body {
        ReplyBody::Text { .. } => "text",
        ReplyBody::Image { .. } => "image",
    })
    .bind(serde_json::to_value(body).map_err(|e| JobError::permanent(e.to_string()))?)
    .bind(inbound_received_at_ms.map(|ms| ms as f64))
    .bind(thread)
    .execute(conn)
    .await
    .map_err(db_error)?;
    Ok(())
}

/// Hands every unsent reply caused by `cause_prefix` to the send queue (deduplicated by key).
pub async fn dispatch(state: &AppState, cause_prefix: &str) -> Result<(), JobError> {
    let keys: Vec<String> = sqlx::query_scalar(
        "SELECT cause_key FROM outbound_messages WHERE cause_key LIKE $1 || '%' AND status = 'pending'",
    )
    .bind(cause_prefix)
    .fetch_all(&state.db)
    .await
    .map_err(db_error)?;
    for cause_key in keys {
        let key = IdempotencyKey::namespaced("reply", &cause_key)
            .map_err(|e| JobError::permanent(e.to_string()))?;
        state
            .queue
            .enqueue(
                &SendReply {
                    cause_key,
                    message: None,
                },
                crate::handler::follow_up(key),
            )
            .await
            .map_err(|e| JobError::transient(e.to_string()))?;
    }
    Ok(())
}

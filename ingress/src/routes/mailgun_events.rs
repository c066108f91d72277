//! `POST /webhooks/mailgun/events`: Mailgun's event webhooks (`accepted`, `delivered`,
//! `failed`…) for the replies the fleet sent by email. An event that names one of our replies
//! (the `fleet-reply` variable the sender set) is kept as its delivery record, so a worker that
//! died between Mailgun's answer and its own record does not send the email again. Other events
//! are counted and answered 200 (Mailgun retries anything else).
//!
//! The signature (`timestamp`, `token`, `signature`, Mailgun's webhook signing key) is inside
//! the JSON body, so the body is read (capped) before it is verified; nothing in it is used
//! unless it verifies.

use std::sync::Arc;

use poem::{Body, handler, web::Data};
use serde::Deserialize;

use crate::{
    error::IngressError,
    routes::record_accepted,
    signature::{SignatureError, mailgun, read_body, refused, verify_mailgun},
    state::AppState,
};

#[derive(Debug, Deserialize)]
struct EventPost {
    #[serde(default)]
    signature: SignatureFields,
    #[serde(rename = "event-data", default)]
    event_data: EventData,
}

#[derive(Debug, Default, Deserialize)]
struct SignatureFields {
    timestamp: Option<String>,
    token: Option<String>,
    signature: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct EventData {
    #[serde(default)]
    event: String,
    #[serde(default)]
    message: Option<EventMessage>,
    #[serde(rename = "user-variables", default)]
    user_variables: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
struct EventMessage {
    #[serde(default)]
    headers: serde_json::Map<String, serde_json::Value>,
}

#[handler]
pub async fn receive(
    body: Body,
    Data(state): Data<&Arc<AppState>>,
) -> Result<&'static str, IngressError> {
    let bytes = read_body(body, state.config.max_body_bytes).await?;
    let post: EventPost = serde_json::from_slice(&bytes)
        .map_err(|_| refused(mailgun::NAME, SignatureError::Malformed))?;
    verify_mailgun(
        state,
        mailgun::Signed {
            timestamp: post.signature.timestamp.as_deref(),
            token: post.signature.token.as_deref(),
            signature: post.signature.signature.as_deref(),
        },
    )?;
    crate::limits::webhook_budget(state, "mailgun-events", "").await?;
    let event = post.event_data.event.as_str();
    metrics::counter!("fleet_mailgun_events_total", "event" => event_label(event)).increment(1);
    let reply = post
        .event_data
        .user_variables
        .get(jobs::coordination::deliveries::EMAIL_TAG_VARIABLE)
        .and_then(|v| v.as_str())
        .and_then(jobs::coordination::deliveries::parse_reply_tag);
    if let Some(row) = reply {
        let message_id = post
            .event_data
            .message
            .as_ref()
            .and_then(|m| m.headers.get("message-id"))
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        // Mailgun's message ids are answered bracketed by the send API.
        let message_id = format!("<{}>", message_id.trim_matches(['<', '>']));
        record_accepted(state, "email", &[(row, message_id)]).await?;
    }
    Ok("ok")
}

/// Mailgun's event names, bounded for the metric's label.
fn event_label(event: &str) -> &'static str {
    match event {
        "accepted" => "accepted",
        "delivered" => "delivered",
        "failed" => "failed",
        "opened" => "opened",
        "clicked" => "clicked",
        "complained" => "complained",
        "unsubscribed" => "unsubscribed",
        _ => "other",
    }
}

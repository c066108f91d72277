//! `GET /webhooks/whatsapp` (Meta's verification handshake) and `POST /webhooks/whatsapp`.

use std::sync::Arc;

use poem::{
    handler,
    web::{Data, Query},
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use crate::{
    delivery::{Delivery, plan},
    error::IngressError,
    middleware::RequestContext,
    routes::enqueue,
    signature::{VerifiedWebhook, Whatsapp},
    state::AppState,
};

#[derive(Debug, Deserialize)]
pub struct Handshake {
    #[serde(rename = "hub.mode")]
    mode: Option<String>,
    #[serde(rename = "hub.verify_token")]
    verify_token: Option<String>,
    #[serde(rename = "hub.challenge")]
    challenge: Option<String>,
}

#[handler]
pub fn verify(
    Query(h): Query<Handshake>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<String, IngressError> {
    let expected = state
        .config
        .whatsapp_verify_token
        .as_ref()
        .ok_or(IngressError::Forbidden)?;
    let token_ok = h
        .verify_token
        .as_deref()
        .is_some_and(|t| bool::from(t.as_bytes().ct_eq(expected.expose_secret().as_bytes())));
    match (h.mode.as_deref(), token_ok, h.challenge) {
        (Some("subscribe"), true, Some(challenge)) => Ok(challenge),
        _ => Err(IngressError::Forbidden),
    }
}

#[handler]
pub async fn receive(
    webhook: VerifiedWebhook<Whatsapp>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<&'static str, IngressError> {
    let delivery: Delivery = serde_json::from_slice(&webhook.body)
        .map_err(|_| IngressError::BadRequest("body is not a WhatsApp delivery"))?;
    crate::limits::webhook_budget(state, "whatsapp", delivery.property().unwrap_or_default())
        .await?;
    let received_at_ms = chrono::Utc::now().timestamp_millis();
    let plan = plan(&delivery, ctx, received_at_ms)
        .map_err(|_| IngressError::BadRequest("message could not be encoded"))?;
    for status in &plan.statuses {
        metrics::counter!("fleet_whatsapp_statuses_total", "status" => status.clone()).increment(1);
    }
    for reason in &plan.skipped {
        metrics::counter!("fleet_whatsapp_messages_skipped_total", "reason" => *reason)
            .increment(1);
    }
    super::record_accepted(state, "whatsapp", &plan.accepted).await?;
    enqueue(state, "whatsapp", plan.jobs).await?;
    Ok("EVENT_RECEIVED")
}

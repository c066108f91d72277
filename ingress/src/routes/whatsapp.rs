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
    keep_statuses(state, &plan.reports).await;
    Ok("EVENT_RECEIVED")
}

/// Keeps the status reports for staff (a reply that failed shows in the console). Best effort:
/// the messages of the delivery are already safe in Redis and PostgreSQL may be away, so a
/// report that cannot be kept is counted and logged, never a refusal of the delivery.
async fn keep_statuses(state: &AppState, reports: &[store::statuses::StatusReport]) {
    if reports.is_empty() {
        return;
    }
    let kept = match &state.db {
        Some(db) => store::statuses::record(db, reports).await,
        None => return,
    };
    match kept {
        Ok(_) => {
            let failed = reports.iter().filter(|r| r.status == "failed").count();
            if failed > 0 {
                metrics::counter!("fleet_whatsapp_replies_failed_total").increment(failed as u64);
            }
        }
        Err(e) => {
            metrics::counter!("fleet_whatsapp_statuses_unrecorded_total")
                .increment(reports.len() as u64);
            tracing::warn!(error = %e, count = reports.len(), "WhatsApp statuses not kept");
        }
    }
}

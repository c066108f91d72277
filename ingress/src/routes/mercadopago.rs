//! `POST /webhooks/mercadopago`: payment notifications become `ConfirmPayment` jobs. The body
//! only says *which* payment changed; the worker reads the payment itself from the MP API.

use std::sync::Arc;

use jobs::{
    backend::NewJob,
    domain::IdempotencyKey,
    payloads::{ConfirmPayment, PaymentSource},
};
use poem::{handler, web::Data};
use serde::Deserialize;

use crate::{
    error::IngressError,
    middleware::RequestContext,
    routes::enqueue,
    signature::{MercadoPago, VerifiedWebhook, mercadopago::query_data_id},
    state::AppState,
};

#[derive(Debug, Deserialize)]
struct Notification {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    action: String,
    /// The notification's own id: the same on every retry of one notification.
    #[serde(default)]
    id: Option<serde_json::Value>,
    data: Option<NotificationData>,
}

#[derive(Debug, Deserialize)]
struct NotificationData {
    id: serde_json::Value,
}

fn id_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[handler]
pub async fn receive(
    webhook: VerifiedWebhook<MercadoPago>,
    req: &poem::Request,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<&'static str, IngressError> {
    // Notifications name a payment, not a property: one budget for the provider.
    crate::limits::webhook_budget(state, "mercadopago", "").await?;
    let n: Notification = serde_json::from_slice(&webhook.body)
        .map_err(|_| IngressError::BadRequest("body is not a Mercado Pago notification"))?;
    if n.kind != "payment" {
        metrics::counter!("fleet_webhook_ignored_total", "provider" => "mercadopago", "type" => n.kind.clone()).increment(1);
        return Ok("OK");
    }
    let payment_id = n
        .data
        .as_ref()
        .and_then(|d| id_text(&d.id))
        .or_else(|| query_data_id(req.uri().query()))
        .ok_or(IngressError::BadRequest("notification names no payment"))?;
    // One job per notification (retries of it are duplicates); several notifications of one
    // payment may each run: confirming is itself once per payment.
    let notification =
        n.id.as_ref()
            .and_then(id_text)
            .unwrap_or_else(|| n.action.clone());
    let key = IdempotencyKey::namespaced("mp", &format!("{payment_id}:{notification}"))
        .map_err(|_| IngressError::BadRequest("payment id is not usable"))?;
    let job = ConfirmPayment {
        source: PaymentSource::Webhook { payment_id },
        received_at_ms: chrono::Utc::now().timestamp_millis(),
    };
    let options = ctx.enqueue_options(key);
    let job = NewJob::new(&job, options)
        .map_err(|_| IngressError::BadRequest("notification could not be encoded"))?;
    enqueue(state, "mercadopago", vec![job]).await?;
    Ok("OK")
}

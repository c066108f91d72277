//! `POST /webhooks/mercadopago`: payment notifications become `ConfirmPayment` jobs. The body
//! only says *which* payment changed; the worker reads the payment itself from the MP API.
//!
//! Every notification must carry Mercado Pago's `x-signature` (401 otherwise, counted): an
//! unsigned IPN (`?topic=payment&id=…`, the pre-Webhooks scheme) is refused, with a log line
//! saying to configure Webhooks instead. A signed one in the IPN shape (`topic`, `id`,
//! `resource`) is read like a Webhooks one. Topics other than `payment` (`merchant_order`,
//! `chargebacks`, `point_integration_wh`, `order`…) and payment notifications that name no
//! payment are acknowledged (200) and counted, never refused: Mercado Pago retries a refused
//! notification for days. A chargeback reaches us as its payment's own `payment.updated`.

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

/// A notification as Mercado Pago sends it: Webhooks (`type` + `data.id`, signed), or the older
/// IPN shape (`topic` + `id`/`resource`) when it passed the same signature. Every field is
/// optional: a shape without what we need is acknowledged and counted, never refused (Mercado
/// Pago retries a refused notification for days).
#[derive(Debug, Default, Deserialize)]
struct Notification {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    action: String,
    /// The notification's own id: the same on every retry of one notification.
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    data: Option<NotificationData>,
    /// IPN: the payment's id or its API URL.
    #[serde(default)]
    resource: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct NotificationData {
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// What a notification is about: `payment`, `merchant_order`, `chargebacks`, … from the body's
/// `type` or `topic`, else the query's.
fn topic_of(n: &Notification, query: Option<&str>) -> String {
    n.kind
        .clone()
        .or_else(|| n.topic.clone())
        .or_else(|| query_value(query, "type"))
        .or_else(|| query_value(query, "topic"))
        .unwrap_or_default()
}

fn query_value(query: Option<&str>, name: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name && !v.is_empty()).then(|| v.to_owned())
    })
}

/// The payment a payment notification names: `data.id` (body or query), or IPN's `id` (query)
/// or `resource` (an id or a URL ending in it).
fn payment_id_of(n: &Notification, query: Option<&str>) -> Option<String> {
    n.data
        .as_ref()
        .and_then(|d| d.id.as_ref())
        .and_then(id_text)
        .or_else(|| query_data_id(query))
        .or_else(|| query_value(query, "id"))
        .or_else(|| {
            n.resource
                .as_deref()
                .and_then(|r| r.rsplit('/').next())
                .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_owned)
        })
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
    let query = req.uri().query();
    // An empty body is a bare IPN ping (`?topic=payment&id=…`): the query says it all.
    let n: Notification = if webhook.body.iter().all(u8::is_ascii_whitespace) {
        Notification::default()
    } else {
        serde_json::from_slice(&webhook.body)
            .map_err(|_| IngressError::BadRequest("body is not a Mercado Pago notification"))?
    };
    let topic = topic_of(&n, query);
    if topic != "payment" {
        // merchant_order, chargebacks (the payment's own notification carries the reversal),
        // point_integration_wh, order, …: acknowledged and counted.
        let counted = if topic.is_empty() {
            "none".to_owned()
        } else {
            topic
        };
        metrics::counter!("fleet_webhook_ignored_total", "provider" => "mercadopago", "type" => counted).increment(1);
        return Ok("OK");
    }
    let Some(payment_id) = payment_id_of(&n, query) else {
        metrics::counter!("fleet_webhook_ignored_total", "provider" => "mercadopago", "type" => "payment_without_id").increment(1);
        tracing::warn!("payment notification naming no payment; acknowledged and ignored");
        return Ok("OK");
    };
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

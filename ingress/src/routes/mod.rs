//! One file per route group.

pub mod admin;
pub mod email;
pub mod health;
pub mod ical;
pub mod mailgun_events;
pub mod mercadopago;
pub mod photos;
pub mod sandbox;
pub mod whatsapp;

use jobs::backend::NewJob;

use crate::{error::IngressError, state::AppState};

/// Stores the jobs in Redis before the provider gets its 2xx. If Redis cannot take them the
/// answer is 503 and the provider delivers again later; the retried delivery is deduplicated
/// by its idempotency keys, so nothing is lost and nothing doubles.
pub async fn enqueue(
    state: &AppState,
    provider: &'static str,
    jobs: Vec<NewJob>,
) -> Result<(), IngressError> {
    if jobs.is_empty() {
        return Ok(());
    }
    let results = state.queue.push_many(jobs).await.map_err(|e| {
        tracing::error!(provider, error = %e, "could not store jobs; answering 503 so the provider retries");
        IngressError::Unavailable
    })?;
    let duplicates = results.iter().filter(|r| r.duplicate).count() as u64;
    if duplicates > 0 {
        metrics::counter!("fleet_webhook_duplicates_total", "provider" => provider)
            .increment(duplicates);
    }
    Ok(())
}

/// Keeps what a provider's status webhook says it accepted (outbox row, provider message id),
/// so a worker that died before it heard the provider's answer does not send the reply again.
/// If Redis cannot take it the answer is 503 and the provider sends the status again.
pub async fn record_accepted(
    state: &AppState,
    provider: &'static str,
    accepted: &[(i64, String)],
) -> Result<(), IngressError> {
    for (row, provider_id) in accepted {
        state
            .deliveries
            .record(*row, provider_id)
            .await
            .map_err(|e| {
                tracing::error!(provider, error = %e, "could not keep a delivery status; answering 503 so the provider retries");
                IngressError::Unavailable
            })?;
    }
    if !accepted.is_empty() {
        metrics::counter!("fleet_delivery_statuses_recorded_total", "provider" => provider)
            .increment(accepted.len() as u64);
    }
    Ok(())
}

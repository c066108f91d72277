//! What the providers say became of the replies we sent (WhatsApp's `sent`, `delivered`,
//! `read`, `failed` with Meta's errors), one row per message and status however often Meta
//! repeats it: the console shows a reply that failed, and staff see why.
//!
//! It never decides whether to send again (`send_reply` and the delivery records in Redis do).

use sqlx::PgExecutor;

use crate::StoreError;

/// One status report of one message.
#[derive(Debug, Clone)]
pub struct StatusReport {
    /// The provider's id of our message (a `wamid`).
    pub provider_message_id: String,
    pub status: String,
    pub recipient: Option<String>,
    /// The provider's errors, as it sent them (`[]` when none).
    pub errors: serde_json::Value,
    /// When the provider says it happened (Unix seconds).
    pub occurred_at: Option<i64>,
}

/// Records `reports` (a repeated one changes nothing); answers how many were new.
pub async fn record(db: impl PgExecutor<'_>, reports: &[StatusReport]) -> Result<u64, StoreError> {
    if reports.is_empty() {
        return Ok(0);
    }
    let ids: Vec<&str> = reports
        .iter()
        .map(|r| r.provider_message_id.as_str())
        .collect();
    let statuses: Vec<&str> = reports.iter().map(|r| r.status.as_str()).collect();
    let recipients: Vec<Option<&str>> = reports.iter().map(|r| r.recipient.as_deref()).collect();
    let errors: Vec<&serde_json::Value> = reports.iter().map(|r| &r.errors).collect();
    let at: Vec<Option<i64>> = reports.iter().map(|r| r.occurred_at).collect();
    let done = sqlx::query(
        "INSERT INTO message_statuses (provider_message_id, status, recipient, errors, occurred_at)
         SELECT id, status, recipient, errors, to_timestamp(at)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::bigint[])
              AS r(id, status, recipient, errors, at)
         ON CONFLICT (provider_message_id, status) DO NOTHING",
    )
    .bind(&ids)
    .bind(&statuses)
    .bind(&recipients)
    .bind(&errors)
    .bind(&at)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

//! `ExpireHolds`: unpaid holds past their time become `expired`, which frees their nights, and
//! the guest is told kindly. "Now" is the tick's own time: the clock is in the job, so a run
//! replayed later decides the same, and tests inject the time they need. The Redis lock of a
//! hold is held only while it is placed, so nothing else needs releasing here.

use jobs::{
    Envelope, JobError,
    payloads::{ExpireHolds, ReplyBody},
};

use super::{confirm_payment::guest_channel, replies};
use crate::{handler::Handle, idempotency, idempotency::db_error, state::State};
use jobs::texts;

impl Handle for ExpireHolds {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let Some(mut tx) = idempotency::begin(&state.db, &job.meta).await? else {
            return replies::dispatch(&state, "hold:").await;
        };
        let expired: Vec<(i64, String)> = sqlx::query_as(
            "UPDATE reservations SET status = 'expired', updated_at = now()
             WHERE status = 'pre_reserved' AND expires_at <= to_timestamp($1::float8 / 1000) RETURNING id, code",
        )
        .bind(job.payload.tick_ms as f64)
        .fetch_all(&mut *tx)
        .await
        .map_err(db_error)?;
        for (id, code) in &expired {
            if let Some(channel) = guest_channel(&mut tx, *id).await? {
                let body = ReplyBody::Text {
                    text: texts::hold_expired(code),
                };
                replies::write(
                    &mut tx,
                    &format!("hold:{code}:expired"),
                    &channel,
                    &body,
                    None,
                )
                .await?;
            }
            metrics::counter!("reservations_total", "channel_source" => "whatsapp", "status" => "expired").increment(1);
        }
        idempotency::commit(tx).await?;
        if !expired.is_empty() {
            tracing::info!(count = expired.len(), "holds expired");
        }
        replies::dispatch(&state, "hold:").await
    }
}

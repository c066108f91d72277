//! `SyncIcal`: the schedule's tick fans out one job per active feed (deduplicated per tick), so
//! one slow channel never holds up the others; each feed's job imports it (`crate::ical`).
//! Replies its import caused (a hold that lost its nights) are handed to `send_reply` after
//! the commit, and again on a replay.

use jobs::{Envelope, JobError, domain::IdempotencyKey, payloads::SyncIcal};

use crate::{
    handler::Handle, handlers::replies, ical::sync::sync_feed, idempotency::db_error, state::State,
};

impl Handle for SyncIcal {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        match job.payload.feed_id {
            None => fan_out(&state, job.payload.tick_ms).await,
            Some(feed_id) => {
                sync_feed(&state.db, &state.ical, &job.meta, feed_id).await?;
                replies::dispatch(&state, "ical:hold:").await
            }
        }
    }
}

async fn fan_out(state: &State, tick_ms: i64) -> Result<(), JobError> {
    let feeds: Vec<i64> = sqlx::query_scalar("SELECT id FROM ical_feeds WHERE active ORDER BY id")
        .fetch_all(&state.db)
        .await
        .map_err(db_error)?;
    for feed_id in feeds {
        let key = IdempotencyKey::namespaced("tick", &format!("{tick_ms}:feed:{feed_id}"))
            .map_err(|e| JobError::permanent(e.to_string()))?;
        state
            .queue
            .enqueue(
                &SyncIcal {
                    feed_id: Some(feed_id),
                    tick_ms,
                },
                crate::handler::follow_up(key),
            )
            .await
            .map_err(|e| JobError::transient(e.to_string()))?;
    }
    Ok(())
}

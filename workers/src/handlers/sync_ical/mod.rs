//! `SyncIcal`: the schedule's tick fans out one job per active feed (keyed per tick and feed),
//! so one slow channel never holds up the others; each feed's job imports it ([`sync`]). The
//! guests of holds a channel's booking won over are told, through the outbox.

pub mod sync;

use jobs::{
    Envelope, JobError,
    domain::IdempotencyKey,
    effects::{Effect, FollowUp},
    payloads::SyncIcal,
};
use store::{ical::feeds, outbox::NewEffect};

use crate::{handler::Handle, outbox, run::Run, state::State};

impl Handle for SyncIcal {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        match job.payload.feed_id {
            None => fan_out(&state, &run, job.payload.tick_ms).await?,
            Some(feed_id) => {
                let settings = sync::SyncSettings {
                    notices: &state.config.notices,
                    empty_feed_grace: state.config.ical_empty_feed_grace,
                    now: chrono::Utc::now(),
                };
                sync::sync_feed(&state.db, &state.ical, &settings, &run, feed_id).await?;
            }
        }
        outbox::flush(&state, &run).await
    }
}

/// One keyed `SyncIcal` per active feed, written with the tick's record.
async fn fan_out(state: &State, run: &Run, tick_ms: i64) -> Result<(), JobError> {
    let Some(mut tx) = run.begin(&state.db).await? else {
        return Ok(());
    };
    let feeds = feeds::active_ids(&mut *tx).await?;
    let effects = feeds
        .into_iter()
        .map(|feed_id| {
            let key = IdempotencyKey::namespaced("tick", &format!("{tick_ms}:feed:{feed_id}"))
                .map_err(|e| JobError::permanent(e.to_string()))?;
            let job = FollowUp::SyncIcal(SyncIcal {
                feed_id: Some(feed_id),
                tick_ms,
            });
            Ok(NewEffect::new(
                format!("{}:feed:{feed_id}", run.key()),
                Effect::enqueue(key, job),
            ))
        })
        .collect::<Result<Vec<_>, JobError>>()?;
    run.commit(tx, &effects).await
}

//! `ExpireHolds`: unpaid holds past their time become `expired`, which frees their nights, and
//! the guest is told kindly, in their conversation's language; a group's holds expire together
//! and its guest is told once. "Now" is the tick's own time: the clock is in the job, so a run
//! replayed later decides the same, and tests inject the time they need. The Redis lock of a
//! hold is held only while it is placed, so nothing else needs releasing here. Each tick also
//! tells QloApps of the bookings it made that were released here (`pms::tell_releases`).

use chrono::DateTime;
use conversation::texts;
use jobs::{Envelope, JobError, payloads::ExpireHolds};
use store::{conversations, reservations};

use crate::{effects, handler::Handle, outbox, run::Run, state::State};

impl Handle for ExpireHolds {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        if let Some(mut tx) = run.begin(&state.db).await? {
            let at = DateTime::from_timestamp_millis(job.payload.tick_ms)
                .ok_or_else(|| JobError::permanent("tick time out of range"))?;
            let expired = reservations::expire_due(&mut tx, at).await?;
            let mut effects: Vec<store::outbox::NewEffect> = Vec::with_capacity(expired.len());
            for hold in &expired {
                let channel = reservations::guest_channel(&mut *tx, hold.id).await?;
                let source = channel.as_ref().map_or("staff", |c| c.name());
                metrics::counter!("reservations_total", "channel_source" => source, "status" => "expired")
                    .increment(1);
                // A group expires whole and is told once, by its code.
                let code = hold.group_code.as_deref().unwrap_or(&hold.code);
                let key = format!("hold:{code}:expired");
                if let Some(channel) = channel
                    && !effects.iter().any(|e| e.key == key)
                {
                    let language = conversations::language_of_reservation(&mut tx, hold.id).await?;
                    effects.push(effects::text(
                        key,
                        &channel,
                        texts::hold_expired_in(language, code),
                    ));
                }
            }
            run.commit(tx, &effects).await?;
            if !expired.is_empty() {
                tracing::info!(count = expired.len(), "holds expired");
            }
        }
        // Releases made here since the last tick, told to QloApps (a tick replayed tells what
        // is left): QloApps out of reach only delays it to the next tick.
        match crate::pms::tell_releases(state.qloapps.as_ref(), &state.flags, &state.db).await {
            Ok(0) => {}
            Ok(told) => tracing::info!(told, "released bookings cancelled in QloApps"),
            Err(e) => tracing::warn!(error = %e, "QloApps not told of released bookings yet"),
        }
        outbox::flush(&state, &run).await
    }
}

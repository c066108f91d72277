//! `TranscribeAudio`: a voice note. Downloads it from the Graph API, transcribes it, and hands
//! the words to `ParseIntent` (keyed `wa:<wamid>:transcript`), so the conversation goes on as
//! if the guest had typed them. A note that cannot be used (not audio, too big, unreadable,
//! silent, unclear) gets a kind reply asking the guest to write, and the job is done: bad
//! audio is never retried, only failures of our own or of the Graph API are.
//!
//! The slow part (download and seconds of inference) runs before the job's transaction, so no
//! database connection or conversation lock is held meanwhile; a run that finds the job's
//! record already committed skips it and only finishes the hand-over.

use std::time::Instant;

use jobs::{
    EnqueueOptions, Envelope, JobError, JobMeta,
    domain::IdempotencyKey,
    payloads::{ParseIntent, ReplyBody, TranscribeAudio},
};
use serde_json::json;

use super::{
    parse_intent::{open_conversation, record_message},
    replies,
};
use crate::{
    audio::{Heard, Refusal},
    channels::{ChannelError, media::MediaError},
    conversation::texts,
    handler::Handle,
    idempotency::{self, db_error},
    state::State,
};

impl Handle for TranscribeAudio {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let cause = job.meta.effect_key();
        if idempotency::outcome(&state.db, &job.meta).await?.is_none() {
            let heard = listen(&state, &job.payload).await?;
            settle(&state, &job, &heard).await?;
        }
        replies::dispatch(&state, &cause).await?;
        hand_over_transcript(&state, &job).await
    }
}

/// Downloads and transcribes the note. `Err` only for what a retry can mend.
async fn listen(state: &State, p: &TranscribeAudio) -> Result<Heard, JobError> {
    let started = Instant::now();
    let max_bytes = state.speech.config().max_media_bytes;
    let download = state
        .whatsapp
        .download_media(&p.media_id, p.media_url.as_deref(), &p.mime_type, max_bytes)
        .await;
    let media = match download {
        Ok(media) => media,
        Err(MediaError::NotAudio(mime)) => {
            tracing::info!(%mime, "media sent as audio is not audio");
            return Ok(refused(Refusal::NotAudio));
        }
        Err(MediaError::TooLarge { bytes, max }) => {
            tracing::info!(bytes, max, "voice note over the size limit");
            return Ok(refused(Refusal::TooLarge));
        }
        Err(MediaError::Channel(e @ ChannelError::Permanent { .. })) => {
            // The Graph API refused this media for good (gone, not ours): the guest can resend.
            tracing::warn!(error = %e, "voice note could not be downloaded");
            return Ok(refused(Refusal::Unreadable));
        }
        Err(MediaError::Channel(e)) => return Err(e.into()),
    };
    let downloaded_ms = started.elapsed().as_millis() as u64;
    let heard = state
        .speech
        .listen(media.bytes)
        .await
        .map_err(|e| JobError::transient(e.to_string()))?;
    let outcome = match &heard {
        Heard::Words(t) => {
            metrics::histogram!("fleet_transcription_seconds").record(t.elapsed_seconds as f64);
            metrics::histogram!("fleet_transcript_confidence").record(t.confidence as f64);
            tracing::info!(
                downloaded_ms,
                audio_seconds = t.audio_seconds,
                transcription_seconds = t.elapsed_seconds,
                confidence = t.confidence,
                "voice note transcribed"
            );
            "transcribed"
        }
        Heard::Refused(why) => why.as_str(),
    };
    metrics::counter!("fleet_audio_notes_total", "outcome" => outcome).increment(1);
    Ok(heard)
}

fn refused(why: Refusal) -> Heard {
    metrics::counter!("fleet_audio_notes_total", "outcome" => why.as_str()).increment(1);
    Heard::Refused(why)
}

/// Records the note in the conversation and, in the same transaction, either the transcript
/// to hand over or the kind reply.
async fn settle(
    state: &State,
    job: &Envelope<TranscribeAudio>,
    heard: &Heard,
) -> Result<(), JobError> {
    let Some(mut tx) = idempotency::begin(&state.db, &job.meta).await? else {
        return Ok(());
    };
    let p = &job.payload;
    let property = super::property::for_channel(&mut tx, &p.channel)
        .await
        .map_err(db_error)?
        .ok_or_else(|| JobError::permanent("no property answers at this number"))?;
    let (conversation, _) = open_conversation(&mut tx, property.id, &p.channel).await?;
    match heard {
        Heard::Words(t) => {
            record_message(&mut tx, conversation, &p.message_id, "audio", &t.text).await?;
            let outcome = json!({ "transcript": t.text, "confidence": t.confidence });
            idempotency::set_outcome(&mut tx, &job.meta, &outcome).await?;
        }
        Heard::Refused(why) => {
            record_message(&mut tx, conversation, &p.message_id, "audio", &p.media_id).await?;
            let body = ReplyBody::Text {
                text: texts::audio_refusal(*why).to_owned(),
            };
            let cause = job.meta.effect_key();
            replies::write(
                &mut tx,
                &format!("{cause}:reply"),
                &p.channel,
                &body,
                Some(p.received_at_ms),
            )
            .await?;
        }
    }
    idempotency::commit(tx).await
}

/// Enqueues `ParseIntent` with the committed transcript (also on a replay after the commit).
async fn hand_over_transcript(
    state: &State,
    job: &Envelope<TranscribeAudio>,
) -> Result<(), JobError> {
    let Some(outcome) = idempotency::outcome(&state.db, &job.meta).await? else {
        return Ok(());
    };
    let Some(text) = outcome.get("transcript").and_then(|t| t.as_str()) else {
        return Ok(());
    };
    let confidence = outcome
        .get("confidence")
        .and_then(serde_json::Value::as_f64)
        .map(|c| c as f32);
    let p = &job.payload;
    let next = ParseIntent {
        channel: p.channel.clone(),
        message_id: p.message_id.clone(),
        text: text.to_owned(),
        received_at_ms: p.received_at_ms,
        transcript_confidence: confidence,
    };
    state
        .queue
        .enqueue(&next, follow_up_options(&job.meta, &p.message_id)?)
        .await
        .map_err(|e| JobError::transient(e.to_string()))?;
    Ok(())
}

fn follow_up_options(meta: &JobMeta, message_id: &str) -> Result<EnqueueOptions, JobError> {
    let key = IdempotencyKey::namespaced("wa", &format!("{message_id}:transcript"))
        .map_err(|e| JobError::permanent(e.to_string()))?;
    Ok(EnqueueOptions {
        idempotency_key: Some(key),
        traceparent: meta.traceparent.clone(),
        request_id: meta.request_id.clone(),
        delay: None,
    })
}

//! `TranscribeAudio`: a voice note. Downloads it from the Graph API, transcribes it, and hands
//! the words to `ParseIntent` (keyed `wa:<wamid>:transcript`), so the conversation goes on as
//! if the guest had typed them. A note that cannot be used (not audio, too big, unreadable,
//! silent, unclear) gets a kind reply asking the guest to write (unless the property switched
//! the bot's replies off, or staff took the guest over: then it is only recorded), and the job is done: bad audio is never
//! retried, only failures of our own or of the Graph API are.
//!
//! The slow part (download and seconds of inference) runs before the job's transaction, so no
//! database connection or conversation lock is held meanwhile; a run that finds the job's
//! record already committed skips it and only finishes the hand-over.

use std::time::Instant;

use channels::{ChannelError, media::MediaError};
use jobs::{
    Envelope, JobError,
    domain::IdempotencyKey,
    effects::{Effect, FollowUp},
    payloads::{ParseIntent, TranscribeAudio},
};
use store::{conversations, outbox::NewEffect, properties};
use voice::{Heard, Refusal};

use crate::{effects, handler::Handle, outbox, run::Run, state::State};

impl Handle for TranscribeAudio {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        if !store::idempotency::is_done(&state.db, run.key()).await? {
            let heard = listen(&state, &job.payload).await?;
            settle(&state, &run, &job.payload, &heard).await?;
        }
        outbox::flush(&state, &run).await
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
/// to hand to `parse_intent` or the kind reply.
async fn settle(
    state: &State,
    run: &Run,
    p: &TranscribeAudio,
    heard: &Heard,
) -> Result<(), JobError> {
    let Some(mut tx) = run.begin(&state.db).await? else {
        return Ok(());
    };
    let property = properties::for_channel(&mut *tx, &p.channel)
        .await?
        .ok_or_else(|| JobError::permanent("no property answers at this number"))?;
    let (body, effects) = match heard {
        Heard::Words(t) => {
            let key = IdempotencyKey::namespaced("wa", &format!("{}:transcript", p.message_id))
                .map_err(|e| JobError::permanent(e.to_string()))?;
            let words = ParseIntent {
                channel: p.channel.clone(),
                message_id: p.message_id.clone(),
                text: t.text.clone(),
                received_at_ms: p.received_at_ms,
                transcript_confidence: Some(t.confidence),
                wordless: None,
            };
            let effect = Effect::enqueue(key, FollowUp::ParseIntent(words));
            let effects = vec![NewEffect::new(format!("{}:transcript", run.key()), effect)];
            (t.text.as_str(), effects)
        }
        Heard::Refused(why) => {
            let answering = effects::Answering {
                channel: &p.channel,
                message_id: &p.message_id,
                received_at_ms: p.received_at_ms,
                voice: true,
                // The request to write instead is read, not heard: it asks for text.
                speak: None,
            };
            let said = conversation::unusable_note(*why);
            (
                p.media_id.as_str(),
                effects::of_turn(run.key(), &answering, said)?,
            )
        }
    };
    let inbound = conversations::Inbound {
        message_id: &p.message_id,
        kind: "audio",
        body,
    };
    let opened = conversations::open(&mut tx, property.id, &p.channel, inbound).await?;
    let answering = matches!(heard, Heard::Words(_))
        || (!opened.taken_over && state.flags.get(&mut *tx, property.id).await?.auto_replies);
    // With the bot's replies off, or staff answering this guest, an unusable note is only
    // recorded: no kind reply.
    run.commit(tx, if answering { &effects } else { &[] }).await
}

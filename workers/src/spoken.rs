//! Spoken replies: a guest who sent a voice note, at a property with `voice_replies` on, gets
//! the answer as a voice note too, the text alongside.
//!
//! - [`speak_in`] decides, once per turn, in `parse_intent`, from the property's flags as the
//!   turn read them (the worker's short cache, `crate::flags`). The
//!   decision travels in the reply (`Effect::Reply::speak`, then `ReplyToSend::speak`), so the
//!   sender reads nothing and a replay speaks as the turn decided.
//! - [`send_note`], from `send_reply`, after the text's sending mark is taken and before the
//!   text goes: synthesis and encoding (`voice::tts`, on the blocking pool), `POST
//!   /{phone-number-id}/media`, then the audio message, under the note's own sending mark and
//!   delivery record (`v<row>`, `jobs::coordination::deliveries::voice_tag`).
//!
//! Guarantees: the text is never held back or lost by the note (every failure here is logged,
//! counted in `fleet_spoken_replies_total{outcome}` and passed over; the text is sent after it
//! whatever happened); each of the two is sent at most once. A note whose earlier send got no
//! answer (or whose mark another run holds) is never sent again: the guest has the text, and
//! a second voice note would be worse than none.
//!
//! It never sends the text and never writes to PostgreSQL.

use std::time::{Duration, Instant};

use conversation::Language;
use jobs::{
    coordination::deliveries::{SendTurn, voice_tag},
    domain::PhoneNumber,
    payloads::{Channel, SpokenIn},
};
use store::flags::PropertyFlags;
use voice::tts::{self, NOTE_MIME, Voice};

use crate::state::State;

/// Whether this turn's text replies are also spoken, and in which language: only an answer to a
/// voice note on WhatsApp, at a property with `voice_replies` on.
pub fn speak_in(
    flags: &PropertyFlags,
    channel: &Channel,
    answers_voice: bool,
    language: Language,
) -> Option<SpokenIn> {
    let spoken_channel = matches!(channel, Channel::Whatsapp { .. });
    (answers_voice && spoken_channel && flags.voice_replies).then_some(spoken(language))
}

fn spoken(language: Language) -> SpokenIn {
    match language {
        Language::Es => SpokenIn::Es,
        Language::En => SpokenIn::En,
        Language::Pt => SpokenIn::Pt,
    }
}

fn language(spoken: SpokenIn) -> Language {
    match spoken {
        SpokenIn::Es => Language::Es,
        SpokenIn::En => Language::En,
        SpokenIn::Pt => Language::Pt,
    }
}

/// What became of a reply's voice note (`fleet_spoken_replies_total{outcome}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// An earlier run sent it.
    AlreadySent,
    /// An earlier run may have sent it (no answer, or its mark is still held): not sent again.
    NotRepeated,
    SynthesisFailed,
    UploadFailed,
    SendFailed,
    /// The send got no answer: WhatsApp may have it; the mark stays.
    Unanswered,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Sent => "sent",
            Outcome::AlreadySent => "already_sent",
            Outcome::NotRepeated => "not_repeated",
            Outcome::SynthesisFailed => "synthesis_failed",
            Outcome::UploadFailed => "upload_failed",
            Outcome::SendFailed => "send_failed",
            Outcome::Unanswered => "unanswered",
        }
    }
}

/// Sends row `outbox_id`'s text as a voice note, at most once; never fails (the text follows).
pub async fn send_note(
    state: &State,
    outbox_id: i64,
    phone_number_id: &str,
    to: &PhoneNumber,
    text: &str,
    speak: SpokenIn,
) -> Outcome {
    let outcome = send_note_once(state, outbox_id, phone_number_id, to, text, speak).await;
    metrics::counter!("fleet_spoken_replies_total", "outcome" => outcome.as_str()).increment(1);
    outcome
}

async fn send_note_once(
    state: &State,
    outbox_id: i64,
    phone_number_id: &str,
    to: &PhoneNumber,
    text: &str,
    speak: SpokenIn,
) -> Outcome {
    let tag = voice_tag(outbox_id);
    match state
        .deliveries
        .begin_voice(outbox_id, state.config.reply_reconcile_after)
        .await
    {
        Ok(SendTurn::Taken { resumed: false }) => {}
        Ok(SendTurn::Accepted(_)) => return Outcome::AlreadySent,
        Ok(SendTurn::Held(_) | SendTurn::Taken { resumed: true }) => {
            tracing::warn!(
                reply = outbox_id,
                "a voice note an earlier run was sending is not sent again"
            );
            return Outcome::NotRepeated;
        }
        Err(e) => {
            // Unknown whether an earlier run sent it: the text goes alone.
            tracing::warn!(reply = outbox_id, error = %e, "voice note skipped: its mark could not be read");
            return Outcome::NotRepeated;
        }
    }
    let release = || async {
        if let Err(e) = state.deliveries.release_voice(outbox_id).await {
            tracing::warn!(reply = outbox_id, error = %e, "could not release a voice note's mark");
        }
    };

    let started = Instant::now();
    let voice = Voice::for_language(language(speak));
    let words = text.to_owned();
    let note = match tokio::task::spawn_blocking(move || tts::note(&words, voice)).await {
        Ok(Ok(note)) => note,
        Ok(Err(e)) => {
            tracing::warn!(reply = outbox_id, error = %e, "a reply could not be spoken; the text goes alone");
            release().await;
            return Outcome::SynthesisFailed;
        }
        Err(e) => {
            tracing::warn!(reply = outbox_id, error = %e, "speaking a reply panicked; the text goes alone");
            release().await;
            return Outcome::SynthesisFailed;
        }
    };
    stage("synthesis", note.synthesis);
    stage("encoding", note.encoding);

    let uploading = Instant::now();
    let media_id = match state
        .whatsapp
        .upload_media(phone_number_id, note.ogg, NOTE_MIME, "reply.ogg")
        .await
    {
        Ok(id) => id,
        Err(e) => {
            tracing::warn!(reply = outbox_id, error = %e, "a voice note could not be uploaded; the text goes alone");
            release().await;
            return Outcome::UploadFailed;
        }
    };
    stage("upload", uploading.elapsed());

    let sending = Instant::now();
    match state
        .whatsapp
        .send_audio(phone_number_id, to, &media_id, Some(&tag))
        .await
    {
        Ok(wamid) => {
            stage("send", sending.elapsed());
            stage("total", started.elapsed());
            record(state, outbox_id, &wamid).await;
            Outcome::Sent
        }
        Err(e @ channels::ChannelError::Unanswered { .. }) => {
            tracing::warn!(reply = outbox_id, error = %e, "a voice note's send got no answer; it is not sent again");
            Outcome::Unanswered
        }
        Err(e) => {
            tracing::warn!(reply = outbox_id, error = %e, "a voice note was refused; the text goes alone");
            release().await;
            Outcome::SendFailed
        }
    }
}

fn stage(name: &'static str, took: Duration) {
    metrics::histogram!("fleet_spoken_reply_seconds", "stage" => name).record(took.as_secs_f64());
}

/// Keeps the note's delivery record (a few tries: it is what stops a later run sending it
/// again; without it a later run finds the mark and still does not send).
async fn record(state: &State, outbox_id: i64, wamid: &str) {
    let mut pause = Duration::from_millis(50);
    for _ in 0..5 {
        match state.deliveries.record_voice(outbox_id, wamid).await {
            Ok(()) => return,
            Err(e) => {
                tracing::warn!(reply = outbox_id, error = %e, "keeping a voice note's delivery record; trying again");
                tokio::time::sleep(pause).await;
                pause *= 2;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_round_trip() {
        for l in [Language::Es, Language::En, Language::Pt] {
            assert_eq!(language(spoken(l)), l);
        }
    }
}

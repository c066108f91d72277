//! Voice notes: from the bytes WhatsApp hands over to words the conversation can use.
//!
//! - [`decode`]: Ogg/Opus → 16 kHz mono, in process (libopus), with hard limits; the format
//!   sniffed from the bytes.
//! - [`forwarded`]: MP3 and M4A/AAC files forwarded from other apps (symphonia), through
//!   [`resample`] to 16 kHz.
//! - [`stt`]: whisper.cpp transcription and its confidence.
//! - [`Speech`]: the process's one model, loaded once (lazily, or ahead of the first note when
//!   the worker serves `transcribe_audio`), run on threads of its own (the model's slots, one per
//!   note allowed at once) so the async runtime that serves text conversations is never stalled
//!   by seconds of inference.
//! - [`tts`]: spoken replies: a reply's words as a WhatsApp voice note (espeak-ng, Ogg/Opus).
//! - [`synth`]: guests' notes made with espeak-ng for tests and the benchmark; word error rate.
//!
//! It never talks to the network and never writes to the database: the handler does both.

pub mod decode;
pub mod forwarded;
pub mod resample;
pub mod stt;
pub mod synth;
pub mod tts;

use std::{path::PathBuf, sync::Arc};

use tokio::sync::OnceCell;

use decode::DecodeError;
use stt::{SttError, Transcriber, Transcript};

pub use conversation::Refusal;

/// Voice notes: the speech model and the limits of what is transcribed.
#[derive(Debug, Clone)]
pub struct AudioConfig {
    /// The ggml Whisper model (`WHISPER_MODEL`, made by `scripts/whisper-model.sh`). Unset: voice
    /// notes are answered with a kind request to write.
    pub model: Option<PathBuf>,
    /// Threads of one transcription (`WHISPER_THREADS`, default: the machine's cores).
    pub threads: usize,
    /// Transcripts less sure than this (mean token probability, 0..1) are not acted upon; the
    /// guest is asked to write instead (`WHISPER_MIN_CONFIDENCE`).
    pub min_confidence: f32,
    /// Largest media file downloaded (WhatsApp's own audio limit is 16 MB).
    pub max_media_bytes: u64,
    /// Longest voice note transcribed (`AUDIO_MAX_SECONDS`).
    pub max_seconds: u32,
    /// How much of Whisper's 30 s window to encode (`WHISPER_AUDIO_WINDOW`: full or fit).
    pub window: stt::AudioWindow,
    /// whisper.cpp's flash attention (`WHISPER_FLASH_ATTN`); see ARCHITECTURE.md, "Voice notes".
    pub flash_attn: bool,
}

impl AudioConfig {
    /// The model's settings, with `slots` notes transcribed at once.
    pub fn stt_settings(&self, slots: usize) -> stt::Settings {
        stt::Settings {
            threads: self.threads,
            window: self.window,
            flash_attn: self.flash_attn,
            slots,
        }
    }
}

/// Measured on synthesised Spanish notes and noise: see ARCHITECTURE.md, "Voice notes".
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// What listening to a note gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    Words(Transcript),
    Refused(Refusal),
}

/// The process's speech model and the rules for acting on what it hears.
pub struct Speech {
    config: AudioConfig,
    /// Notes transcribed at once: the audio queue's concurrency.
    slots: usize,
    model: OnceCell<Arc<Transcriber>>,
}

impl Speech {
    pub fn new(config: AudioConfig, slots: usize) -> Self {
        Speech {
            config,
            slots,
            model: OnceCell::new(),
        }
    }

    pub fn config(&self) -> &AudioConfig {
        &self.config
    }

    /// The loaded model, loading it on first use. `Ok(None)`: no model is configured.
    pub async fn model(&self) -> Result<Option<Arc<Transcriber>>, SttError> {
        let Some(path) = self.config.model.clone() else {
            return Ok(None);
        };
        let settings = self.config.stt_settings(self.slots);
        let model = self
            .model
            .get_or_try_init(|| async move {
                let started = std::time::Instant::now();
                let loaded =
                    tokio::task::spawn_blocking(move || Transcriber::load(&path, settings))
                        .await
                        .map_err(|e| {
                            SttError::Inference(format!("model loader panicked: {e}"))
                        })??;
                tracing::info!(
                    seconds = started.elapsed().as_secs_f32(),
                    threads = settings.threads,
                    slots = settings.slots,
                    "speech model loaded"
                );
                Ok::<_, SttError>(Arc::new(loaded))
            })
            .await?;
        Ok(Some(model.clone()))
    }

    /// Decodes and transcribes a downloaded note, and decides whether its words can be used.
    /// Errors are only the worker's own failures (model missing on disk, inference crash);
    /// anything wrong with the note itself is a [`Refusal`].
    pub async fn listen(&self, bytes: Vec<u8>) -> Result<Heard, SttError> {
        let Some(model) = self.model().await? else {
            return Ok(Heard::Refused(Refusal::NoModel));
        };
        let max_seconds = self.config.max_seconds;
        let min_confidence = self.config.min_confidence;
        tokio::task::spawn_blocking(move || {
            let pcm = match decode::to_pcm(&bytes, max_seconds) {
                Ok(pcm) => pcm,
                Err(DecodeError::TooLong { .. }) => return Ok(Heard::Refused(Refusal::TooLong)),
                Err(e) => {
                    tracing::info!(reason = %e, "voice note unreadable");
                    return Ok(Heard::Refused(Refusal::Unreadable));
                }
            };
            if decode::sound_activity(&pcm) < MIN_SOUND_ACTIVITY {
                return Ok(Heard::Refused(Refusal::Silent));
            }
            let transcript = model.transcribe(pcm)?;
            Ok(judge(transcript, min_confidence))
        })
        .await
        .map_err(|e| SttError::Inference(format!("transcription panicked: {e}")))?
    }
}

/// Less than this share of 30 ms frames with sound: a silent note.
pub const MIN_SOUND_ACTIVITY: f32 = 0.05;

/// The confidence rule: words are used only when the model is sure enough of them and thinks
/// there is speech at all.
pub fn judge(transcript: Transcript, min_confidence: f32) -> Heard {
    let words = transcript.text.chars().any(char::is_alphanumeric);
    if !words || transcript.confidence < min_confidence {
        tracing::info!(
            confidence = transcript.confidence,
            no_speech = transcript.no_speech,
            "voice note unclear"
        );
        return Heard::Refused(Refusal::Unclear);
    }
    Heard::Words(transcript)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, confidence: f32) -> Transcript {
        Transcript {
            text: text.into(),
            confidence,
            no_speech: 0.0,
            audio_seconds: 3.0,
            elapsed_seconds: 1.0,
        }
    }

    #[test]
    fn words_are_used_only_above_the_confidence_threshold() {
        assert!(matches!(judge(t("hola", 0.9), 0.5), Heard::Words(_)));
        assert_eq!(judge(t("hola", 0.3), 0.5), Heard::Refused(Refusal::Unclear));
        assert_eq!(
            judge(t(" ... ", 0.99), 0.5),
            Heard::Refused(Refusal::Unclear)
        );
    }
}

//! Speech to text with whisper.cpp (through whisper-rs): greedy decoding in Spanish, and a
//! confidence the handler can act on.
//!
//! The model is loaded once per process ([`Transcriber::load`]); each transcription gets its
//! own decoding state, so one loaded model can serve several notes at once. Everything here
//! blocks for seconds: callers run it on a blocking thread, never on the async runtime.

use std::{path::Path, sync::Once, time::Instant};

use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

#[derive(Debug, thiserror::Error)]
pub enum SttError {
    #[error("speech model {path}: {reason}")]
    Model { path: String, reason: String },
    #[error("speech recognition failed: {0}")]
    Inference(String),
}

/// What was heard.
#[derive(Debug, Clone, PartialEq)]
pub struct Transcript {
    pub text: String,
    /// Mean probability of the words' tokens (0..1): how sure the model was of what it wrote.
    pub confidence: f32,
    /// The model's own estimate that the audio holds no speech (0..1), first segment.
    pub no_speech: f32,
    /// Seconds of audio heard and seconds spent.
    pub audio_seconds: f32,
    pub elapsed_seconds: f32,
}

/// How much of Whisper's 30 s window the encoder computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudioWindow {
    /// All of it, as the model was trained (its cost does not depend on the note's length).
    Full,
    /// The note's length plus a margin (whisper.cpp's `audio_ctx`): the encoder's cost shrinks
    /// with short notes, at some risk to the transcript.
    Fit,
}

impl std::str::FromStr for AudioWindow {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "full" => Ok(AudioWindow::Full),
            "fit" => Ok(AudioWindow::Fit),
            other => Err(format!("{other:?}: expected full or fit")),
        }
    }
}

impl AudioWindow {
    /// whisper.cpp's `audio_ctx` for a note of `samples` (0 = the full 1500 frames of 30 s).
    fn audio_ctx(self, samples: usize) -> i32 {
        const FRAMES_PER_SECOND: usize = 50;
        const FULL: usize = 1500;
        match self {
            AudioWindow::Full => 0,
            AudioWindow::Fit => {
                let frames =
                    (samples * FRAMES_PER_SECOND).div_ceil(super::decode::SAMPLE_RATE as usize);
                let ctx = (frames + 128).next_multiple_of(64);
                if ctx >= FULL { 0 } else { ctx as i32 }
            }
        }
    }
}

/// A loaded Whisper model.
pub struct Transcriber {
    ctx: WhisperContext,
    threads: usize,
    window: AudioWindow,
}

impl Transcriber {
    /// Loads a ggml model (made by `scripts/whisper-model.sh`). Takes a second or so.
    pub fn load(
        path: &Path,
        threads: usize,
        window: AudioWindow,
        flash_attn: bool,
    ) -> Result<Self, SttError> {
        static LOGS: Once = Once::new();
        // whisper.cpp's chatter goes to `tracing` (target whisper_rs) instead of stderr.
        LOGS.call_once(whisper_rs::install_logging_hooks);
        let model_error = |reason: String| SttError::Model {
            path: path.display().to_string(),
            reason,
        };
        if !path.is_file() {
            return Err(model_error(
                "file not found (run scripts/whisper-model.sh)".into(),
            ));
        }
        let mut params = WhisperContextParameters::default();
        params.flash_attn(flash_attn);
        let ctx = WhisperContext::new_with_params(path, params)
            .map_err(|e| model_error(e.to_string()))?;
        Ok(Transcriber {
            ctx,
            threads: threads.max(1),
            window,
        })
    }

    /// Transcribes 16 kHz mono samples as Spanish.
    pub fn transcribe(&self, pcm: &[f32]) -> Result<Transcript, SttError> {
        let started = Instant::now();
        let mut state = self
            .ctx
            .create_state()
            .map_err(|e| SttError::Inference(e.to_string()))?;
        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
        params.set_language(Some("es"));
        params.set_n_threads(self.threads as i32);
        // One note, no history; no timestamps (fewer tokens to decode); no temperature
        // fallback: a note the model is unsure of is answered by asking the guest to write,
        // which is faster and kinder than a second, hotter guess.
        params.set_no_context(true);
        params.set_no_timestamps(true);
        params.set_temperature(0.0);
        params.set_temperature_inc(0.0);
        params.set_suppress_blank(true);
        params.set_audio_ctx(self.window.audio_ctx(pcm.len()));
        params.set_print_special(false);
        params.set_print_progress(false);
        params.set_print_realtime(false);
        params.set_print_timestamps(false);
        state
            .full(params, pcm)
            .map_err(|e| SttError::Inference(e.to_string()))?;

        let eot = self.ctx.token_eot();
        let mut text = String::new();
        let mut probabilities = Vec::new();
        let mut no_speech = None;
        for segment in state.as_iter() {
            no_speech.get_or_insert(segment.no_speech_probability());
            text.push_str(
                &segment
                    .to_str_lossy()
                    .map_err(|e| SttError::Inference(e.to_string()))?,
            );
            for i in 0..segment.n_tokens() {
                if let Some(token) = segment.get_token(i) {
                    // Special tokens (end of text, language, timestamps) say nothing of the words.
                    if token.token_id() < eot {
                        probabilities.push(token.token_probability());
                    }
                }
            }
        }
        let confidence = if probabilities.is_empty() {
            0.0
        } else {
            probabilities.iter().sum::<f32>() / probabilities.len() as f32
        };
        Ok(Transcript {
            text: text.trim().to_owned(),
            confidence,
            no_speech: no_speech.unwrap_or(1.0),
            audio_seconds: pcm.len() as f32 / super::decode::SAMPLE_RATE as f32,
            elapsed_seconds: started.elapsed().as_secs_f32(),
        })
    }
}

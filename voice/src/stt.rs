//! Speech to text with whisper.cpp (through whisper-rs): greedy decoding in Spanish, and a
//! confidence the handler can act on.
//!
//! The model is loaded once per process ([`Transcriber::load`]) and served by a fixed number of
//! slots: threads that each own one whisper.cpp decoding state for the life of the process.
//! A state holds tens of megabytes of compute buffers; making one per note cost 15–30 ms and
//! its first page faults, reusing it costs nothing, and whisper-rs' states cannot move between
//! threads, hence threads of our own rather than tokio's blocking pool. The slots also bound how
//! many notes run at once, whoever calls. [`Transcriber::transcribe`] blocks for seconds:
//! callers run it on a blocking thread, never on the async runtime.

use std::{
    panic::{self, AssertUnwindSafe},
    path::Path,
    sync::{Arc, Mutex, Once, PoisonError, mpsc},
    time::Instant,
};

use whisper_rs::{
    FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters, WhisperState,
};

#[derive(Debug, thiserror::Error)]
pub enum SttError {
    #[error("speech model {path}: {reason}")]
    Model { path: String, reason: String },
    #[error("speech recognition failed: {0}")]
    Inference(String),
    #[error("speech recognition stopped: no transcription slot is running")]
    NoSlot,
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
    /// The note's length plus [`FIT_MARGIN_FRAMES`] (whisper.cpp's `audio_ctx`): the encoder's
    /// cost shrinks with short notes, at some risk to the transcript.
    Fit,
}

/// Encoder frames (20 ms each) past the note's end in the `fit` window. Over the benchmark's ten
/// notes a margin of 64 (1.3 s) had the word error rate of 128 and 256 and was 5 % faster on a
/// 20 s note than 128; 0 and 32 were worse, and with flash attention looped (README).
pub const FIT_MARGIN_FRAMES: usize = 64;

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
                let ctx = (frames + FIT_MARGIN_FRAMES).next_multiple_of(64);
                if ctx >= FULL { 0 } else { ctx as i32 }
            }
        }
    }
}

/// How a loaded model transcribes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Threads of one transcription (whisper.cpp splits each matrix product across them).
    pub threads: usize,
    pub window: AudioWindow,
    pub flash_attn: bool,
    /// Notes transcribed at once, each with its own decoding state.
    pub slots: usize,
}

/// A loaded Whisper model and its slots.
pub struct Transcriber {
    notes: mpsc::Sender<Note>,
}

/// A note handed to a slot, and where its transcript goes back.
struct Note {
    pcm: Vec<f32>,
    reply: mpsc::SyncSender<Result<Transcript, SttError>>,
}

impl Transcriber {
    /// Loads a ggml model (made by `scripts/whisper-model.sh`) and starts its slots, each with
    /// its state allocated. Takes a second or so.
    pub fn load(path: &Path, settings: Settings) -> Result<Self, SttError> {
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
        params.flash_attn(settings.flash_attn);
        let ctx = Arc::new(
            WhisperContext::new_with_params(path, params)
                .map_err(|e| model_error(e.to_string()))?,
        );
        let settings = Settings {
            threads: settings.threads.max(1),
            slots: settings.slots.max(1),
            ..settings
        };
        let (notes, queue) = mpsc::channel();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..settings.slots {
            let (ready, started) = mpsc::sync_channel(1);
            let slot = Slot {
                ctx: ctx.clone(),
                settings,
            };
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("whisper-slot-{i}"))
                .spawn(move || slot.serve(&queue, &ready))
                .map_err(|e| model_error(format!("starting a transcription thread: {e}")))?;
            started
                .recv()
                .map_err(|_| SttError::NoSlot)?
                .map_err(model_error)?;
        }
        Ok(Transcriber { notes })
    }

    /// Transcribes 16 kHz mono samples as Spanish, in the first free slot (waiting for one).
    pub fn transcribe(&self, pcm: Vec<f32>) -> Result<Transcript, SttError> {
        let (reply, transcript) = mpsc::sync_channel(1);
        self.notes
            .send(Note { pcm, reply })
            .map_err(|_| SttError::NoSlot)?;
        transcript.recv().map_err(|_| SttError::NoSlot)?
    }
}

/// One slot's share of the model: the context is shared, the state is its own.
struct Slot {
    ctx: Arc<WhisperContext>,
    settings: Settings,
}

impl Slot {
    /// Runs on the slot's thread until the [`Transcriber`] is dropped. `ready` says whether the
    /// state could be made.
    fn serve(
        self,
        queue: &Mutex<mpsc::Receiver<Note>>,
        ready: &mpsc::SyncSender<Result<(), String>>,
    ) {
        let mut state = match self.new_state() {
            Ok(state) => {
                let _ = ready.send(Ok(()));
                state
            }
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
        loop {
            // The lock is held only while waiting: the slot that takes a note lets the next
            // idle slot wait for the one after.
            let note = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
            let Ok(note) = note else { return };
            // A panic fails this note, not the slot: the state it may have left half-written
            // is replaced before the next note.
            let run =
                panic::catch_unwind(AssertUnwindSafe(|| self.transcribe(&mut state, &note.pcm)));
            let result = match run {
                Ok(result) => result,
                Err(_) => {
                    match self.new_state() {
                        Ok(fresh) => state = fresh,
                        Err(e) => tracing::error!(error = %e, "transcription slot kept its state"),
                    }
                    Err(SttError::Inference("transcription panicked".into()))
                }
            };
            let _ = note.reply.send(result);
        }
    }

    fn new_state(&self) -> Result<WhisperState, String> {
        self.ctx
            .create_state()
            .map_err(|e| format!("allocating a decoding state: {e}"))
    }

    fn transcribe(&self, state: &mut WhisperState, pcm: &[f32]) -> Result<Transcript, SttError> {
        let started = Instant::now();
        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 1 });
        params.set_language(Some("es"));
        params.set_n_threads(self.settings.threads as i32);
        // One note, no history; no timestamps (fewer tokens to decode); no temperature
        // fallback: a note the model is unsure of is answered by asking the guest to write,
        // which is faster and kinder than a second, hotter guess.
        params.set_no_context(true);
        params.set_no_timestamps(true);
        params.set_temperature(0.0);
        params.set_temperature_inc(0.0);
        params.set_suppress_blank(true);
        params.set_audio_ctx(self.settings.window.audio_ctx(pcm.len()));
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

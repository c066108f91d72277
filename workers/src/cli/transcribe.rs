//! `fleetctl transcribe FILE`: what the workers would hear in a voice note (Ogg/Opus, MP3,
//! M4A), with the model and settings a worker uses (`WHISPER_MODEL`, `WHISPER_THREADS`,
//! `WHISPER_MIN_CONFIDENCE`). For operators checking a model or a note a guest complained about.

use std::path::Path;

use anyhow::Context as _;
use serde_json::json;

use voice::{self as audio, Heard, decode, stt::Transcriber, synth};

use crate::config::audio_from_env;

/// `say`: instead of a file, a note spoken by espeak-ng (to check a model or a build).
pub fn run(file: Option<&Path>, say: Option<&str>, json_out: bool) -> anyhow::Result<String> {
    let config = audio_from_env()?;
    let model_path = config
        .model
        .clone()
        .context("WHISPER_MODEL must name the model file (scripts/whisper-model.sh makes it)")?;
    let bytes = match (file, say) {
        (Some(file), _) => {
            std::fs::read(file).with_context(|| format!("reading {}", file.display()))?
        }
        (None, Some(text)) => synth::encode_ogg_opus(&synth::speak(text, "es-419")?),
        (None, None) => anyhow::bail!("give a FILE or --say TEXT"),
    };
    let pcm = decode::to_pcm(&bytes, config.max_seconds)
        .context("decoding the note (Ogg/Opus, MP3 or M4A expected)")?;
    let activity = decode::sound_activity(&pcm);
    let model = Transcriber::load(&model_path, config.stt_settings(1))?;
    let transcript = model.transcribe(pcm)?;
    let verdict = match audio::judge(transcript.clone(), config.min_confidence) {
        Heard::Words(_) if activity >= audio::MIN_SOUND_ACTIVITY => "use",
        _ => "ask to write",
    };
    if json_out {
        return Ok(json!({
            "text": transcript.text,
            "confidence": transcript.confidence,
            "no_speech": transcript.no_speech,
            "sound_activity": activity,
            "audio_seconds": transcript.audio_seconds,
            "elapsed_seconds": transcript.elapsed_seconds,
            "verdict": verdict,
        })
        .to_string());
    }
    Ok(format!(
        "{}\nconfidence {:.3} (threshold {:.2}: {verdict}), {:.1} s of audio in {:.2} s (RTF {:.3})",
        transcript.text,
        transcript.confidence,
        config.min_confidence,
        transcript.audio_seconds,
        transcript.elapsed_seconds,
        transcript.elapsed_seconds / transcript.audio_seconds.max(0.01),
    ))
}

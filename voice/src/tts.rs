//! Spoken replies: a reply's words as a WhatsApp voice note. espeak-ng (a system package:
//! `scripts/lib.sh` installs it, the Docker image carries it) speaks the text, our resampler
//! brings it to 16 kHz mono, and libopus encodes it as WhatsApp records notes (Ogg/Opus, mono,
//! 20 ms frames, ~24 kbit/s): the one format WhatsApp plays as a voice note.
//!
//! Why espeak-ng and not an MBROLA voice: measured with the fleet's own whisper on the replies'
//! own sentences (README, "Spoken replies"), Debian's Spanish MBROLA voices were not clearly
//! better, and their databases are licensed for non-commercial use only (Debian's non-free).
//!
//! The voice follows the conversation's language ([`Voice::for_language`]). The text goes to
//! espeak-ng on its standard input, never as an argument, so a reply that starts with `-` is
//! words, not an option; links are not read aloud (the text message alongside carries them).
//!
//! It never talks to the network, never decides whether to speak (the workers do, by the
//! property's flag), and a failure here must never cost the guest the text reply: every error is
//! an [`TtsError`] for the caller to count and pass over.

use std::{
    io::{self, Write},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use ogg::writing::{PacketWriteEndInfo, PacketWriter};
use opus::{Application, Bitrate, Channels, Encoder};

use super::{decode::SAMPLE_RATE, resample::resample};

/// 20 ms at 16 kHz, WhatsApp's frame size.
const FRAME: usize = SAMPLE_RATE as usize / 50;
const SERIAL: u32 = 0x5A5A_0001;

/// The longest text spoken (characters): a reply is a few sentences; past this the note would
/// be minutes long, and the text alongside says it all anyway.
pub const MAX_SPOKEN_CHARS: usize = 1200;

/// How long espeak-ng may take (it speaks a few sentences in tens of milliseconds).
const SPEAK_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum TtsError {
    #[error("espeak-ng could not be started: {0} (apt install espeak-ng)")]
    Missing(io::Error),
    #[error("espeak-ng failed: {0}")]
    Failed(String),
    #[error("espeak-ng took longer than {0:?}")]
    TimedOut(Duration),
    #[error("espeak-ng's output: {0}")]
    BadOutput(String),
    #[error("nothing to say")]
    Empty,
    #[error("Opus encoder: {0}")]
    Encoder(String),
}

/// The espeak-ng voice a reply is spoken with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voice(&'static str);

impl Voice {
    /// Latin American Spanish (the nearest espeak-ng has to Argentina's), American English,
    /// Brazilian Portuguese (the neighbours who write from Brazil).
    pub fn for_language(language: conversation::Language) -> Voice {
        match language {
            conversation::Language::Es => Voice("es-419"),
            conversation::Language::En => Voice("en-us"),
            conversation::Language::Pt => Voice("pt-br"),
        }
    }

    /// Any espeak-ng voice by name (`es-419`, `mb-es2`, …): for comparisons and tests.
    pub fn named(name: &'static str) -> Voice {
        Voice(name)
    }

    pub fn name(self) -> &'static str {
        self.0
    }
}

/// A finished voice note and what it cost.
#[derive(Debug, Clone)]
pub struct Note {
    /// Ogg/Opus bytes, `audio/ogg; codecs=opus`.
    pub ogg: Vec<u8>,
    pub seconds: f32,
    pub synthesis: Duration,
    pub encoding: Duration,
}

/// The MIME type of a [`Note`], as WhatsApp's media upload wants it.
pub const NOTE_MIME: &str = "audio/ogg";

/// Speaks `text` in `voice` and encodes it as a WhatsApp voice note. Blocking (a child process
/// and the encoder): callers on an async runtime run it on the blocking pool.
pub fn note(text: &str, voice: Voice) -> Result<Note, TtsError> {
    let said = spoken_text(text);
    if said.is_empty() {
        return Err(TtsError::Empty);
    }
    let started = Instant::now();
    let pcm = speak(&said, voice)?;
    let synthesis = started.elapsed();
    let started = Instant::now();
    let ogg = encode_ogg_opus(&pcm)?;
    Ok(Note {
        ogg,
        seconds: pcm.len() as f32 / SAMPLE_RATE as f32,
        synthesis,
        encoding: started.elapsed(),
    })
}

/// What is read aloud of a reply: links, emoji and symbols left out (espeak-ng would read a
/// link letter by letter, name an emoji, and say "dólar" for the peso's `$`), whitespace
/// collapsed, cut at [`MAX_SPOKEN_CHARS`] on a word boundary.
pub fn spoken_text(text: &str) -> String {
    let mut out = String::new();
    let said = |c: char| c.is_alphanumeric() || ".,;:¿?¡!()'\"-%/".contains(c);
    for word in text.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            continue;
        }
        let word: String = word.chars().filter(|&c| said(c)).collect();
        if word.is_empty() {
            continue;
        }
        if out.chars().count() + word.chars().count() + 1 > MAX_SPOKEN_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Speaks `text` with espeak-ng and returns 16 kHz mono samples.
pub fn speak(text: &str, voice: Voice) -> Result<Vec<f32>, TtsError> {
    let mut child = Command::new("espeak-ng")
        // A little slower than espeak's default, with short gaps between words: its Spanish
        // is robotic enough that Whisper base mishears it at full speed.
        .args(["-v", voice.name(), "-s", "130", "-g", "3", "--stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(TtsError::Missing)?;
    let mut stdin = child.stdin.take().expect("stdin was piped");
    // Written from a thread of its own: espeak-ng streams its WAV while it reads, so a long
    // text written here while nobody reads its output could block both.
    let text = text.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    let out = wait_with_timeout(child, SPEAK_TIMEOUT)?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(TtsError::Failed(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ));
    }
    let (rate, samples) = parse_wav(&out.stdout).map_err(|e| TtsError::BadOutput(e.to_string()))?;
    if samples.is_empty() {
        return Err(TtsError::Empty);
    }
    Ok(resample(&samples, rate, SAMPLE_RATE))
}

/// `wait_with_output`, but a child that hangs is killed after `limit`.
fn wait_with_timeout(
    child: std::process::Child,
    limit: Duration,
) -> Result<std::process::Output, TtsError> {
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out.map_err(|e| TtsError::Failed(e.to_string())),
        Err(_) => {
            // Our own child, by its id: the waiting thread then sees it end.
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            Err(TtsError::TimedOut(limit))
        }
    }
}

/// 16-bit mono PCM WAV (what espeak-ng writes) → (rate, samples). espeak-ng streams, so the
/// data chunk's length may be a placeholder: the data runs to the end of the file.
pub(crate) fn parse_wav(wav: &[u8]) -> io::Result<(u32, Vec<f32>)> {
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, format!("WAV: {what}"));
    if wav.len() < 44 || &wav[..4] != b"RIFF" || &wav[8..12] != b"WAVE" {
        return Err(bad("not RIFF/WAVE"));
    }
    let mut pos = 12;
    let mut rate = None;
    while pos + 8 <= wav.len() {
        let id = &wav[pos..pos + 4];
        let len = u32::from_le_bytes([wav[pos + 4], wav[pos + 5], wav[pos + 6], wav[pos + 7]]);
        let body = pos + 8;
        if id == b"fmt " && body + 16 <= wav.len() {
            let channels = u16::from_le_bytes([wav[body + 2], wav[body + 3]]);
            let bits = u16::from_le_bytes([wav[body + 14], wav[body + 15]]);
            if channels != 1 || bits != 16 {
                return Err(bad("expected 16-bit mono"));
            }
            rate = Some(u32::from_le_bytes([
                wav[body + 4],
                wav[body + 5],
                wav[body + 6],
                wav[body + 7],
            ]));
        } else if id == b"data" {
            let rate = rate.ok_or_else(|| bad("data before fmt"))?;
            let samples = wav[body..]
                .chunks_exact(2)
                .map(|b| i16::from_le_bytes([b[0], b[1]]) as f32 / 32_768.0)
                .collect();
            return Ok((rate, samples));
        }
        pos = body + len as usize + (len as usize & 1);
    }
    Err(bad("no data chunk"))
}

/// Encodes 16 kHz mono samples as an Ogg/Opus voice note (RFC 7845).
pub fn encode_ogg_opus(pcm: &[f32]) -> Result<Vec<u8>, TtsError> {
    let bad = |e: opus::Error| TtsError::Encoder(e.to_string());
    let mut encoder = Encoder::new(SAMPLE_RATE, Channels::Mono, Application::Voip).map_err(bad)?;
    encoder.set_bitrate(Bitrate::Bits(24_000)).map_err(bad)?;
    let lookahead = encoder.get_lookahead().unwrap_or(0).max(0) as u64;
    let pre_skip = lookahead * 3; // in 48 kHz samples

    let mut writer = PacketWriter::new(Vec::new());
    let mut head = b"OpusHead".to_vec();
    head.push(1); // version
    head.push(1); // channels
    head.extend_from_slice(&(pre_skip as u16).to_le_bytes());
    head.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    head.extend_from_slice(&0i16.to_le_bytes()); // output gain
    head.push(0); // mapping family: mono/stereo
    write(&mut writer, head, PacketWriteEndInfo::EndPage, 0);
    let mut tags = b"OpusTags".to_vec();
    let vendor = b"booking-fleet";
    tags.extend_from_slice(&(vendor.len() as u32).to_le_bytes());
    tags.extend_from_slice(vendor);
    tags.extend_from_slice(&0u32.to_le_bytes());
    write(&mut writer, tags, PacketWriteEndInfo::EndPage, 0);

    // The encoder's delay is flushed with as many trailing zeros as it looks ahead.
    let mut padded = pcm.to_vec();
    padded.extend(std::iter::repeat_n(0.0, lookahead as usize));
    let frames: Vec<&[f32]> = padded.chunks(FRAME).collect();
    let mut buf = [0f32; FRAME];
    for (i, chunk) in frames.iter().enumerate() {
        buf.fill(0.0);
        buf[..chunk.len()].copy_from_slice(chunk);
        let packet = encoder.encode_vec_float(&buf, 4000).map_err(bad)?;
        let last = i + 1 == frames.len();
        let granule = if last {
            pre_skip + pcm.len() as u64 * 3
        } else {
            (i as u64 + 1) * FRAME as u64 * 3
        };
        let end = if last {
            PacketWriteEndInfo::EndStream
        } else if (i + 1) % 50 == 0 {
            PacketWriteEndInfo::EndPage
        } else {
            PacketWriteEndInfo::NormalPacket
        };
        write(&mut writer, packet, end, granule);
    }
    Ok(writer.into_inner())
}

fn write(writer: &mut PacketWriter<'_, Vec<u8>>, data: Vec<u8>, end: PacketWriteEndInfo, gp: u64) {
    writer
        .write_packet(data, SERIAL, end, gp)
        .expect("writing to memory cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_not_read_aloud_and_long_text_is_cut_on_a_word() {
        assert_eq!(
            spoken_text("Pagá la seña acá:\nhttps://mp.com/x?y=1 y listo. www.x.com"),
            "Pagá la seña acá: y listo."
        );
        let long = "palabra ".repeat(400);
        let cut = spoken_text(&long);
        assert!(cut.chars().count() <= MAX_SPOKEN_CHARS);
        assert!(cut.ends_with("palabra"));
        assert_eq!(spoken_text("  https://x.y  "), "");
        assert_eq!(
            spoken_text("¡Listo! 🙌 Total: $ 90.000 • seña $27.000 😊"),
            "¡Listo! Total: 90.000 seña 27.000"
        );
    }

    #[test]
    fn each_language_has_its_voice() {
        use conversation::Language;
        assert_eq!(Voice::for_language(Language::Es).name(), "es-419");
        assert_eq!(Voice::for_language(Language::En).name(), "en-us");
        assert_eq!(Voice::for_language(Language::Pt).name(), "pt-br");
    }

    /// Needs espeak-ng (scripts/lib.sh installs it): a reply becomes a note our own decoder reads
    /// back as speech of about the right length; a text that starts with a dash is words.
    #[test]
    fn a_reply_becomes_an_ogg_opus_note_the_decoder_reads() {
        let note = note("-Hola, tenemos la cabaña libre.", Voice::named("es-419")).unwrap();
        assert_eq!(&note.ogg[..4], b"OggS");
        assert!(note.seconds > 1.0 && note.seconds < 6.0, "{}", note.seconds);
        let pcm = crate::decode::ogg_opus_to_pcm(&note.ogg, 60).unwrap();
        let decoded = pcm.len() as f32 / SAMPLE_RATE as f32;
        assert!(
            (decoded - note.seconds).abs() < 0.1,
            "{decoded} vs {}",
            note.seconds
        );
        assert!(matches!(
            note_or_err("https://only.a/link"),
            Err(TtsError::Empty)
        ));
    }

    fn note_or_err(text: &str) -> Result<Note, TtsError> {
        note(text, Voice::named("es-419"))
    }
}

//! Voice notes made on the spot, for the tests and the benchmark: Spanish speech from
//! `espeak-ng` (a system package: scripts/lib.sh installs it), resampled to 16 kHz and encoded
//! as WhatsApp records notes (Ogg/Opus, mono, 20 ms frames, ~24 kbit/s); and how transcripts
//! are scored (word error rate). Never used on the production path.

use std::{io, process::Command};

use ogg::writing::{PacketWriteEndInfo, PacketWriter};
use opus::{Application, Bitrate, Channels, Encoder};

use super::{decode::SAMPLE_RATE, resample::resample};

/// 20 ms at 16 kHz, WhatsApp's frame size.
const FRAME: usize = SAMPLE_RATE as usize / 50;
const SERIAL: u32 = 0x5A5A_0001;

/// Speaks `text` with espeak-ng (`voice` e.g. `es-419`) and returns 16 kHz mono samples.
pub fn speak(text: &str, voice: &str) -> io::Result<Vec<f32>> {
    let out = Command::new("espeak-ng")
        // A little slower than espeak's default, with short gaps between words: its Spanish
        // is robotic enough that Whisper base mishears it at full speed.
        .args(["-v", voice, "-s", "130", "-g", "3", "--stdout", text])
        .output()
        .map_err(|e| io::Error::new(e.kind(), format!("espeak-ng: {e} (apt install espeak-ng)")))?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "espeak-ng failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    let (rate, samples) = parse_wav(&out.stdout)?;
    Ok(resample(&samples, rate, SAMPLE_RATE))
}

/// 16-bit mono PCM WAV (what espeak-ng writes) → (rate, samples). espeak-ng streams, so the
/// data chunk's length may be a placeholder: the data runs to the end of the file.
fn parse_wav(wav: &[u8]) -> io::Result<(u32, Vec<f32>)> {
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
pub fn encode_ogg_opus(pcm: &[f32]) -> Vec<u8> {
    let mut encoder = Encoder::new(SAMPLE_RATE, Channels::Mono, Application::Voip)
        .expect("an Opus encoder for 16 kHz mono");
    encoder
        .set_bitrate(Bitrate::Bits(24_000))
        .expect("a valid bitrate");
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
    let vendor = b"booking-fleet synth";
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
        let packet = encoder
            .encode_vec_float(&buf, 4000)
            .expect("Opus encodes a full frame");
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
    writer.into_inner()
}

fn write(writer: &mut PacketWriter<'_, Vec<u8>>, data: Vec<u8>, end: PacketWriteEndInfo, gp: u64) {
    writer
        .write_packet(data, SERIAL, end, gp)
        .expect("writing to memory cannot fail");
}

/// Writes 16 kHz mono samples as a 16-bit WAV (for the benchmark's peer, faster-whisper).
pub fn wav_bytes(pcm: &[f32]) -> Vec<u8> {
    let data_len = (pcm.len() * 2) as u32;
    let mut w = Vec::with_capacity(44 + data_len as usize);
    w.extend_from_slice(b"RIFF");
    w.extend_from_slice(&(36 + data_len).to_le_bytes());
    w.extend_from_slice(b"WAVEfmt ");
    w.extend_from_slice(&16u32.to_le_bytes());
    w.extend_from_slice(&1u16.to_le_bytes()); // PCM
    w.extend_from_slice(&1u16.to_le_bytes()); // mono
    w.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    w.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes());
    w.extend_from_slice(&2u16.to_le_bytes());
    w.extend_from_slice(&16u16.to_le_bytes());
    w.extend_from_slice(b"data");
    w.extend_from_slice(&data_len.to_le_bytes());
    for s in pcm {
        let v = (s.clamp(-1.0, 1.0) * 32_767.0) as i16;
        w.extend_from_slice(&v.to_le_bytes());
    }
    w
}

/// Lower case, no accents or punctuation, single spaces: the words two transcripts compare on.
pub fn normalise(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' | 'ö' => 'o',
            'ú' | 'ü' => 'u',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Word error rate of `hypothesis` against `reference` (substitutions + deletions + insertions
/// over the reference's words), after [`normalise`].
pub fn word_error_rate(reference: &str, hypothesis: &str) -> f32 {
    let r = normalise(reference);
    let h = normalise(hypothesis);
    let r: Vec<&str> = r.split(' ').filter(|w| !w.is_empty()).collect();
    let h: Vec<&str> = h.split(' ').filter(|w| !w.is_empty()).collect();
    if r.is_empty() {
        return if h.is_empty() { 0.0 } else { 1.0 };
    }
    let mut prev: Vec<usize> = (0..=h.len()).collect();
    for (i, rw) in r.iter().enumerate() {
        let mut row = vec![i + 1; h.len() + 1];
        for (j, hw) in h.iter().enumerate() {
            let substitution = prev[j] + usize::from(rw != hw);
            row[j + 1] = substitution.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        prev = row;
    }
    prev[h.len()] as f32 / r.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_error_rate_counts_edits_over_reference_words() {
        assert_eq!(
            word_error_rate("Hola, ¿cómo estás?", "hola como estas"),
            0.0
        );
        assert_eq!(
            word_error_rate("una cabaña para dos", "una cabaña por dos"),
            0.25
        );
        assert_eq!(word_error_rate("para dos", "para dos personas"), 0.5);
        assert_eq!(word_error_rate("para dos", ""), 1.0);
    }

    #[test]
    fn wav_round_trips() {
        let pcm = vec![0.0, 0.5, -0.5, 0.25];
        let (rate, back) = parse_wav(&wav_bytes(&pcm)).unwrap();
        assert_eq!(rate, 16_000);
        for (a, b) in pcm.iter().zip(&back) {
            assert!((a - b).abs() < 1e-3);
        }
    }
}

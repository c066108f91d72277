//! Voice notes made on the spot, for the tests and the benchmark (the guest's side): speech
//! from `espeak-ng` through the production path's [`tts`] (any voice by name), WAV for
//! faster-whisper; and how transcripts are scored (word error rate). The spoken replies
//! themselves are [`tts`].

use std::io;

use super::{decode::SAMPLE_RATE, tts};

/// Speaks `text` with espeak-ng (`voice` e.g. `es-419`) and returns 16 kHz mono samples: the
/// production path's [`tts::speak`], for any voice by name.
pub fn speak(text: &str, voice: &'static str) -> io::Result<Vec<f32>> {
    tts::speak(text, tts::Voice::named(voice)).map_err(io::Error::other)
}

/// Encodes 16 kHz mono samples as an Ogg/Opus voice note (RFC 7845): [`tts::encode_ogg_opus`].
pub fn encode_ogg_opus(pcm: &[f32]) -> Vec<u8> {
    tts::encode_ogg_opus(pcm).expect("Opus encodes 16 kHz mono")
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
        let (rate, back) = tts::parse_wav(&wav_bytes(&pcm)).unwrap();
        assert_eq!(rate, 16_000);
        for (a, b) in pcm.iter().zip(&back) {
            assert!((a - b).abs() < 1e-3);
        }
    }
}

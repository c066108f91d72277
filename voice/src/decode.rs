//! OGG/Opus (what WhatsApp records voice notes as) → 16 kHz mono `f32`, in process, and
//! [`to_pcm`], which tells the formats a guest can send apart by their first bytes (never by the
//! MIME type the sender claims) and hands MP3 and M4A/AAC to [`super::forwarded`].
//!
//! libopus decodes straight to 16 kHz: its decoder resamples internally (Opus is coded
//! band-limited, so asking for 16 kHz output is exact, not a crude decimation), and a decoder
//! opened for one channel downmixes stereo streams. The container is read with `ogg`; the
//! `OpusHead` header says how many leading samples are encoder delay (pre-skip) to drop.
//!
//! It must never trust the input: anything that is not a complete Ogg/Opus stream is a
//! [`DecodeError`], never a panic, and the length is capped while decoding, so a huge note
//! costs no more than the cap.

use std::io::Cursor;

use ogg::reading::{OggReadError, PacketReader};
use opus::{Channels, Decoder};

/// The rate Whisper listens at.
pub const SAMPLE_RATE: u32 = 16_000;
/// Opus' timestamps (granule positions, pre-skip) count 48 kHz samples.
const OPUS_RATE_RATIO: usize = (48_000 / SAMPLE_RATE) as usize;
/// Largest Opus frame: 120 ms.
const MAX_FRAME: usize = SAMPLE_RATE as usize * 120 / 1000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// None of the formats we read (Ogg/Opus, MP3, M4A/AAC), nor one we know and refuse.
    #[error("not an audio format we read")]
    UnknownFormat,
    /// A format we recognise but do not decode (AMR: no maintained decoder in Rust).
    #[error("{0} is not decoded")]
    Unsupported(&'static str),
    /// Not an Ogg file at all (another format, an image, garbage).
    #[error("not an Ogg stream")]
    NotOgg,
    /// An Ogg file that carries something else (Vorbis, FLAC, video).
    #[error("the Ogg stream is not Opus")]
    NotOpus,
    /// The stream stops before its end (a cut download or upload).
    #[error("the Ogg stream is truncated")]
    Truncated,
    #[error("corrupt Opus data: {0}")]
    Corrupt(String),
    #[error("the note is longer than {max_seconds} s")]
    TooLong { max_seconds: u32 },
}

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    OggOpus,
    /// MP3, or AAC in ADTS frames (both start with an ID3 tag or a frame sync).
    Mpeg,
    /// An ISO media file: M4A (AAC), also what iPhones record.
    Mp4,
    Amr,
    Unknown,
}

impl Format {
    pub fn sniff(bytes: &[u8]) -> Format {
        match bytes {
            [b'O', b'g', b'g', b'S', ..] => Format::OggOpus,
            [b'I', b'D', b'3', ..] => Format::Mpeg,
            // 11-bit frame sync; the layer bits are 00 for ADTS AAC, anything else for MPEG audio.
            [0xFF, b, ..] if b & 0xE0 == 0xE0 => Format::Mpeg,
            [_, _, _, _, b'f', b't', b'y', b'p', ..] => Format::Mp4,
            [b'#', b'!', b'A', b'M', b'R', ..] => Format::Amr,
            _ => Format::Unknown,
        }
    }
}

/// Decodes a note in any format we read to 16 kHz mono samples in -1..1.
pub fn to_pcm(bytes: &[u8], max_seconds: u32) -> Result<Vec<f32>, DecodeError> {
    match Format::sniff(bytes) {
        Format::OggOpus => ogg_opus_to_pcm(bytes, max_seconds),
        Format::Mpeg | Format::Mp4 => super::forwarded::to_pcm(bytes, max_seconds),
        Format::Amr => Err(DecodeError::Unsupported("AMR")),
        Format::Unknown => Err(DecodeError::UnknownFormat),
    }
}

/// Decodes a whole Ogg/Opus file to 16 kHz mono samples in -1..1.
pub fn ogg_opus_to_pcm(bytes: &[u8], max_seconds: u32) -> Result<Vec<f32>, DecodeError> {
    if !bytes.starts_with(b"OggS") {
        return Err(DecodeError::NotOgg);
    }
    let mut reader = PacketReader::new(Cursor::new(bytes));
    let head = next_packet(&mut reader)?.ok_or(DecodeError::Truncated)?;
    let pre_skip = opus_head_pre_skip(&head.data)?;
    let max_samples = max_seconds as usize * SAMPLE_RATE as usize;

    let mut decoder = Decoder::new(SAMPLE_RATE, Channels::Mono)
        .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let mut pcm = Vec::with_capacity(SAMPLE_RATE as usize * 30);
    let mut frame = [0f32; MAX_FRAME];
    let mut ended = head.last_in_stream();
    let mut tags_seen = false;
    while !ended {
        let Some(packet) = next_packet(&mut reader)? else {
            return Err(DecodeError::Truncated);
        };
        ended = packet.last_in_stream();
        if !tags_seen {
            // The second packet is the comment header (`OpusTags`), not audio.
            tags_seen = true;
            continue;
        }
        let n = decoder
            .decode_float(&packet.data, &mut frame, false)
            .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        pcm.extend_from_slice(&frame[..n]);
        if pcm.len() > max_samples + pre_skip {
            return Err(DecodeError::TooLong { max_seconds });
        }
    }
    pcm.drain(..pre_skip.min(pcm.len()));
    Ok(pcm)
}

fn next_packet(
    reader: &mut PacketReader<Cursor<&[u8]>>,
) -> Result<Option<ogg::Packet>, DecodeError> {
    reader.read_packet().map_err(|e| match e {
        OggReadError::ReadError(_) => DecodeError::Truncated,
        OggReadError::NoCapturePatternFound | OggReadError::InvalidStreamStructVer(_) => {
            DecodeError::NotOgg
        }
        other => DecodeError::Corrupt(other.to_string()),
    })
}

/// Reads the `OpusHead` identification header (RFC 7845 §5.1); returns the pre-skip in 16 kHz
/// samples.
fn opus_head_pre_skip(head: &[u8]) -> Result<usize, DecodeError> {
    if head.len() < 19 || !head.starts_with(b"OpusHead") {
        return Err(DecodeError::NotOpus);
    }
    let pre_skip_48k = u16::from_le_bytes([head[10], head[11]]) as usize;
    Ok(pre_skip_48k / OPUS_RATE_RATIO)
}

/// Share of 30 ms frames that carry sound above a whisper's loudness (-45 dBFS RMS). A note of
/// silence (or a pocket recording) is answered without spending seconds of model time on it,
/// and without the phantom sentences Whisper is known to invent from silence.
pub fn sound_activity(pcm: &[f32]) -> f32 {
    const FRAME: usize = SAMPLE_RATE as usize * 30 / 1000;
    const THRESHOLD_RMS: f32 = 0.005_6; // -45 dBFS
    let frames = pcm.chunks(FRAME).filter(|f| f.len() == FRAME);
    let (mut total, mut loud) = (0usize, 0usize);
    for f in frames {
        total += 1;
        let rms = (f.iter().map(|x| x * x).sum::<f32>() / FRAME as f32).sqrt();
        if rms > THRESHOLD_RMS {
            loud += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        loud as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;

    fn tone(seconds: f32) -> Vec<f32> {
        (0..(seconds * SAMPLE_RATE as f32) as usize)
            .map(|i| 0.3 * (i as f32 * 440.0 * std::f32::consts::TAU / SAMPLE_RATE as f32).sin())
            .collect()
    }

    #[test]
    fn round_trips_a_note_of_the_right_length() {
        let ogg = synth::encode_ogg_opus(&tone(2.0));
        let pcm = ogg_opus_to_pcm(&ogg, 60).unwrap();
        let len = pcm.len() as i64;
        assert!(
            (len - 32_000).abs() <= 320,
            "2 s in, {len} samples out (one frame of padding at most)"
        );
        assert!(sound_activity(&pcm) > 0.9);
    }

    #[test]
    fn refuses_what_is_not_a_complete_ogg_opus_stream() {
        let ogg = synth::encode_ogg_opus(&tone(2.0));
        assert_eq!(
            ogg_opus_to_pcm(b"\xFF\xD8\xFF\xE0\x00\x10JFIF", 60),
            Err(DecodeError::NotOgg)
        );
        assert_eq!(ogg_opus_to_pcm(&[], 60), Err(DecodeError::NotOgg));
        assert_eq!(
            ogg_opus_to_pcm(&ogg[..ogg.len() / 2], 60),
            Err(DecodeError::Truncated)
        );
        assert_eq!(
            ogg_opus_to_pcm(&ogg, 1),
            Err(DecodeError::TooLong { max_seconds: 1 })
        );
        let mut vorbis = ogg.clone();
        // Same container, another codec in the first packet.
        let at = vorbis.windows(8).position(|w| w == b"OpusHead").unwrap();
        vorbis[at..at + 8].copy_from_slice(b"\x01vorbis\x00");
        assert!(matches!(
            ogg_opus_to_pcm(&vorbis, 60),
            Err(DecodeError::NotOpus | DecodeError::Corrupt(_) | DecodeError::NotOgg)
        ));
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/data/audio/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn forwarded_mp3_and_m4a_files_decode_to_16_khz_speech_of_their_length() {
        // Both are 3.5 s of espeak-ng speech (tests/data/audio/README.md).
        for name in ["precio.mp3", "precio.m4a"] {
            let bytes = fixture(name);
            let pcm = to_pcm(&bytes, 60).unwrap_or_else(|e| panic!("{name}: {e}"));
            let seconds = pcm.len() as f32 / SAMPLE_RATE as f32;
            assert!((3.4..3.7).contains(&seconds), "{name}: {seconds} s");
            assert!(
                sound_activity(&pcm) > 0.5,
                "{name}: {}",
                sound_activity(&pcm)
            );
            assert!(
                pcm.iter().all(|x| x.is_finite() && x.abs() <= 1.5),
                "{name}"
            );
            assert_eq!(
                to_pcm(&bytes, 2),
                Err(DecodeError::TooLong { max_seconds: 2 }),
                "{name}"
            );
        }
    }

    #[test]
    fn formats_are_told_apart_by_their_bytes_and_the_unreadable_refused() {
        let ogg = synth::encode_ogg_opus(&tone(1.0));
        assert_eq!(Format::sniff(&ogg), Format::OggOpus);
        assert_eq!(Format::sniff(&fixture("precio.mp3")), Format::Mpeg);
        assert_eq!(Format::sniff(&fixture("precio.m4a")), Format::Mp4);
        assert_eq!(Format::sniff(b"#!AMR\n\x3c"), Format::Amr);
        assert_eq!(
            to_pcm(b"#!AMR\n\x3c\x00", 60),
            Err(DecodeError::Unsupported("AMR"))
        );
        assert_eq!(
            to_pcm(b"\xFF\xD8\xFF\xE0\x00\x10JFIF", 60),
            Err(DecodeError::UnknownFormat)
        );
        assert_eq!(to_pcm(&[], 60), Err(DecodeError::UnknownFormat));
        // A frame sync followed by garbage, an MP4 header with nothing after it, an M4A cut in
        // half (its media data runs past the end): errors, not panics, not audio.
        let mut junk = vec![0xFF, 0xFB];
        junk.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
        assert!(to_pcm(&junk, 60).is_err());
        let m4a = fixture("precio.m4a");
        assert!(to_pcm(&m4a[..40], 60).is_err());
        let cut = to_pcm(&m4a[..m4a.len() / 2], 60);
        assert!(cut.is_err(), "{:?}", cut.map(|pcm| pcm.len()));
    }

    #[test]
    fn silence_has_no_sound_activity() {
        assert_eq!(sound_activity(&vec![0.0; 32_000]), 0.0);
        assert_eq!(sound_activity(&[]), 0.0);
    }
}

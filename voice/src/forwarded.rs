//! MP3 and M4A/AAC → 16 kHz mono `f32`, in process: the files guests forward into the chat from
//! other apps (a voice memo, a recording), which WhatsApp delivers as `audio/mpeg` or
//! `audio/mp4`. WhatsApp's own voice notes are Ogg/Opus and never come here.
//!
//! symphonia (pure Rust, only its MP3, AAC and MP4 parts compiled in) demuxes and decodes;
//! channels are averaged to mono and [`super::resample`] brings the rate to 16 kHz. Like the
//! Opus path it trusts nothing: what symphonia cannot read is a [`DecodeError`], the length is
//! capped while decoding. An MP3 has no length of its own to check a cut file against, so a
//! truncated one is heard up to where it stops; a truncated MP4's boxes run past the end of the
//! file and it is refused.

use std::io::Cursor;

use symphonia::core::{
    audio::SampleBuffer,
    codecs::{CODEC_TYPE_NULL, DecoderOptions},
    errors::Error as SymphoniaError,
    formats::FormatOptions,
    io::MediaSourceStream,
    meta::MetadataOptions,
    probe::Hint,
};

use super::{
    decode::{DecodeError, SAMPLE_RATE},
    resample::resample,
};

/// Decodes a whole MP3, MP4 (M4A) or ADTS AAC file to 16 kHz mono samples.
pub fn to_pcm(bytes: &[u8], max_seconds: u32) -> Result<Vec<f32>, DecodeError> {
    let source = MediaSourceStream::new(Box::new(Cursor::new(bytes.to_vec())), Default::default());
    let probed = symphonia::default::get_probe()
        .format(
            &Hint::new(),
            source,
            &FormatOptions::default(),
            &MetadataOptions::default(),
        )
        .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let mut format = probed.format;
    let track = format
        .tracks()
        .iter()
        .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
        .ok_or(DecodeError::Unsupported("a file without an audio track"))?;
    let track_id = track.id;
    let rate = track
        .codec_params
        .sample_rate
        .ok_or(DecodeError::Corrupt("no sample rate".into()))?;
    let mut decoder = symphonia::default::get_codecs()
        .make(&track.codec_params, &DecoderOptions::default())
        .map_err(|_| DecodeError::Unsupported("this codec"))?;

    let max_samples = max_seconds as usize * rate as usize;
    let mut mono = Vec::new();
    // Made at the first frame and again only when a frame needs more room or another layout.
    let mut samples: Option<(usize, SampleBuffer<f32>)> = None;
    let mut bad_packets = 0usize;
    loop {
        let packet = match format.next_packet() {
            Ok(packet) => packet,
            Err(SymphoniaError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                break;
            }
            Err(SymphoniaError::ResetRequired) => break,
            Err(e) => return Err(DecodeError::Corrupt(e.to_string())),
        };
        if packet.track_id() != track_id {
            continue;
        }
        match decoder.decode(&packet) {
            Ok(decoded) => {
                let spec = *decoded.spec();
                let channels = spec.channels.count();
                let room = decoded.capacity() * channels;
                if !matches!(&samples, Some((n, b)) if *n == channels && b.capacity() >= room) {
                    samples = None;
                }
                let (_, buffer) = samples.get_or_insert_with(|| {
                    (channels, SampleBuffer::new(decoded.capacity() as u64, spec))
                });
                buffer.copy_interleaved_ref(decoded);
                average_channels(buffer.samples(), channels, &mut mono);
            }
            // A damaged frame is skipped, as players do; a file of nothing but is refused below.
            Err(SymphoniaError::DecodeError(_)) => bad_packets += 1,
            Err(e) => return Err(DecodeError::Corrupt(e.to_string())),
        }
        if mono.len() > max_samples {
            return Err(DecodeError::TooLong { max_seconds });
        }
    }
    if mono.is_empty() {
        return Err(DecodeError::Corrupt(format!(
            "no audio decoded ({bad_packets} damaged packets)"
        )));
    }
    Ok(resample(&mono, rate, SAMPLE_RATE))
}

fn average_channels(interleaved: &[f32], channels: usize, into: &mut Vec<f32>) {
    let channels = channels.max(1);
    into.extend(
        interleaved
            .chunks_exact(channels)
            .map(|frame| frame.iter().sum::<f32>() / channels as f32),
    );
}

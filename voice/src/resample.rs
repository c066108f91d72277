//! Sample-rate conversion to Whisper's 16 kHz for audio that does not arrive at it (MP3 and AAC
//! files are usually 44.1 or 48 kHz; libopus resamples Opus itself).
//!
//! Band-limited interpolation with a Hann-windowed sinc, polyphase: the rates of real files
//! are in small integer ratios (16000:44100 = 160:441), so the filter for each of the `up`
//! fractional positions is computed once and every output sample is one dot product. The
//! cut-off sits just under the lower of the two Nyquist frequencies, so nothing above 8 kHz folds
//! back into the speech band.

/// Zero crossings of the sinc on each side of a sample, at the cut-off's period.
const ZERO_CROSSINGS: f64 = 16.0;
/// Cut-off as a share of the lower Nyquist frequency.
const CUTOFF: f64 = 0.95;
/// More fractional positions than this (a pathological rate pair) are rounded to this grid.
const MAX_PHASES: u64 = 4096;

/// `input` sampled at `from` Hz, resampled to `to` Hz.
pub fn resample(input: &[f32], from: u32, to: u32) -> Vec<f32> {
    if from == to || input.is_empty() || from == 0 || to == 0 {
        return input.to_vec();
    }
    let g = gcd(from as u64, to as u64);
    let (mut up, mut down) = (to as u64 / g, from as u64 / g);
    if up > MAX_PHASES {
        down = (down * MAX_PHASES).div_ceil(up);
        up = MAX_PHASES;
    }
    let filter = Polyphase::new(up as usize, (to as f64 / from as f64).min(1.0) * CUTOFF);
    let n_out = (input.len() as u64 * up / down) as usize;
    (0..n_out as u64)
        .map(|n| {
            let position = n * down;
            filter.at(input, (position / up) as usize, (position % up) as usize)
        })
        .collect()
}

/// The windowed-sinc filter for each fractional position.
struct Polyphase {
    /// Input samples each side of the position.
    half: usize,
    /// `taps[phase]`: weights of the samples `i - half + 1 ..= i + half` around position
    /// `i + phase / up`.
    taps: Vec<Vec<f32>>,
}

impl Polyphase {
    fn new(up: usize, cutoff: f64) -> Self {
        let half = (ZERO_CROSSINGS / cutoff).ceil() as usize;
        let taps = (0..up)
            .map(|phase| {
                let frac = phase as f64 / up as f64;
                (0..2 * half)
                    .map(|j| {
                        let x = (j as f64 - half as f64 + 1.0) - frac;
                        (cutoff * sinc(cutoff * x) * hann(x / half as f64)) as f32
                    })
                    .collect()
            })
            .collect();
        Polyphase { half, taps }
    }

    fn at(&self, input: &[f32], i: usize, phase: usize) -> f32 {
        let taps = &self.taps[phase];
        let first = i as isize - self.half as isize + 1;
        if let Ok(start) = usize::try_from(first)
            && let Some(window) = input.get(start..start + taps.len())
        {
            return window.iter().zip(taps).map(|(x, w)| x * w).sum();
        }
        // Near the ends: the samples outside the input count as silence.
        taps.iter()
            .enumerate()
            .filter_map(|(j, w)| {
                let k = usize::try_from(first + j as isize).ok()?;
                input.get(k).map(|x| x * w)
            })
            .sum()
    }
}

fn sinc(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else {
        let px = std::f64::consts::PI * x;
        px.sin() / px
    }
}

/// Hann window over -1..1 (zero at both ends and beyond).
fn hann(u: f64) -> f64 {
    if u.abs() >= 1.0 {
        return 0.0;
    }
    0.5 * (1.0 + (std::f64::consts::PI * u).cos())
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(hz: f32, rate: u32, seconds: f32) -> Vec<f32> {
        (0..(seconds * rate as f32) as usize)
            .map(|i| 0.3 * (i as f32 * hz * std::f32::consts::TAU / rate as f32).sin())
            .collect()
    }

    fn rms(x: &[f32]) -> f32 {
        (x.iter().map(|v| v * v).sum::<f32>() / x.len() as f32).sqrt()
    }

    /// Correlation of `x` with a 16 kHz sine of `hz` at its best phase (1 = the same tone).
    fn likeness(x: &[f32], hz: f32) -> f32 {
        let w = hz * std::f32::consts::TAU / 16_000.0;
        let (s, c) = x.iter().enumerate().fold((0.0, 0.0), |(s, c), (i, v)| {
            (s + v * (w * i as f32).sin(), c + v * (w * i as f32).cos())
        });
        2.0 * (s * s + c * c).sqrt() / x.len() as f32 / (rms(x) * std::f32::consts::SQRT_2)
    }

    #[test]
    fn a_tone_keeps_its_pitch_length_and_loudness_from_44_1_and_48_khz() {
        for rate in [44_100, 48_000, 22_050, 8_000] {
            let out = resample(&tone(1_000.0, rate, 2.0), rate, 16_000);
            assert!(
                (out.len() as i64 - 32_000).abs() <= 1,
                "{rate}: {}",
                out.len()
            );
            // Edges aside (the filter sees zeros past the ends).
            let body = &out[400..out.len() - 400];
            assert!(
                (rms(body) - 0.3 / 2f32.sqrt()).abs() < 0.01,
                "{rate}: rms {}",
                rms(body)
            );
            assert!(
                likeness(body, 1_000.0) > 0.99,
                "{rate}: {}",
                likeness(body, 1_000.0)
            );
        }
    }

    #[test]
    fn what_16_khz_cannot_hold_is_filtered_out_not_folded_back() {
        // 12 kHz at 44.1 kHz would alias to 4 kHz, right in the speech band.
        let out = resample(&tone(12_000.0, 44_100, 1.0), 44_100, 16_000);
        let body = &out[400..out.len() - 400];
        assert!(rms(body) < 0.003, "rms {}", rms(body));
    }

    #[test]
    fn the_same_rate_and_nothing_are_returned_as_they_are() {
        let x = tone(440.0, 16_000, 0.1);
        assert_eq!(resample(&x, 16_000, 16_000), x);
        assert!(resample(&[], 44_100, 16_000).is_empty());
    }
}

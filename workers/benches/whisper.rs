//! Voice-note transcription benchmark (not a test: it prints numbers, it asserts nothing).
//!
//! Our path (Ogg/Opus decode + whisper.cpp, the model `scripts/whisper-model.sh` makes) beside
//! faster-whisper on the same CTranslate2 weights, the same audio and the same settings (greedy,
//! Spanish, int8/q8_0, `WHISPER_THREADS` threads, default 2), in one run:
//! real-time factor on a ~5 s and a ~20 s note, and word error rate on a set of synthesised
//! booking sentences.
//!
//!     WHISPER_MODEL=$(scripts/whisper-model.sh) cargo bench -p workers --bench whisper --profile dev
//!
//! (`--profile dev`: the same build the tests use, with whisper.cpp optimised in it.)
//! The webhook-to-reply latency is measured through the real processes by the fleet test
//! `audio_latency` (`cargo test -p workers --test fleet audio_latency -- --ignored --nocapture`).

#![allow(clippy::unwrap_used)]

use std::{path::PathBuf, process::Command, time::Instant};

use workers::audio::{
    decode,
    stt::{AudioWindow, Transcriber},
    synth::{self, word_error_rate},
};

const SHORT: &str = "Hola, quería saber si tienen una cabaña libre para el próximo fin de semana.";
const LONG: &str = "Hola, buenas tardes. Somos una familia de cuatro, dos adultos y dos chicos. \
    Queremos ir del quince al veinte de enero y nos gustaría saber si tienen una cabaña con \
    parrilla. ¿Aceptan mascotas?";
const SET: &[&str] = &[
    "Hola, ¿tienen lugar para dos personas este fin de semana?",
    "Quiero reservar la cabaña del lago del diez al doce de marzo.",
    "¿Cuánto sale la noche para cuatro personas?",
    "¿Aceptan mascotas? Tenemos un perro chiquito.",
    "Somos dos adultos y dos chicos, llegamos el viernes.",
    "¿A qué hora es el ingreso y a qué hora hay que dejar la cabaña?",
    "Me gustaría cancelar mi reserva, por favor.",
    "¿Tienen fotos de la cabaña grande?",
];
const RUNS: usize = 3;

struct Clip {
    reference: String,
    pcm: Vec<f32>,
    wav: PathBuf,
}

fn main() {
    let model = std::env::var("WHISPER_MODEL")
        .ok()
        .filter(|m| std::path::Path::new(m).is_file())
        .expect(
            "WHISPER_MODEL must name the ggml model (WHISPER_MODEL=$(scripts/whisper-model.sh))",
        );
    let ct2 = std::env::var("WHISPER_CT2_DIR").unwrap_or_else(|_| {
        let dir = std::path::Path::new(&model).parent().unwrap().join("ct2");
        dir.display().to_string()
    });
    let threads: usize = std::env::var("WHISPER_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(2);
    let dir = std::env::temp_dir().join(format!("whisper-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    let clips: Vec<Clip> = [SHORT, LONG]
        .iter()
        .chain(SET)
        .enumerate()
        .map(|(i, text)| {
            // Through the real codec: spoken, encoded as WhatsApp does, decoded by our decoder.
            let ogg = synth::encode_ogg_opus(&synth::speak(text, "es-419").unwrap());
            let started = Instant::now();
            let pcm = decode::ogg_opus_to_pcm(&ogg, 300).unwrap();
            if i < 2 {
                println!(
                    "decode: {:.1} s note ({} bytes Ogg/Opus) in {:.1} ms",
                    pcm.len() as f32 / 16_000.0,
                    ogg.len(),
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
            let wav = dir.join(format!("clip{i}.wav"));
            std::fs::write(&wav, synth::wav_bytes(&pcm)).unwrap();
            Clip {
                reference: text.to_string(),
                pcm,
                wav,
            }
        })
        .collect();

    let started = Instant::now();
    let mut ours = Vec::new();
    for (window, flash) in [
        (AudioWindow::Full, false),
        (AudioWindow::Fit, false),
        (AudioWindow::Fit, true),
    ] {
        let transcriber = Transcriber::load(model.as_ref(), threads, window, flash).unwrap();
        if window == AudioWindow::Full {
            println!(
                "whisper.cpp {}: model {model} loaded in {:.2} s, {threads} threads",
                whisper_rs::WHISPER_CPP_VERSION,
                started.elapsed().as_secs_f32()
            );
        }
        transcriber.transcribe(&clips[0].pcm).unwrap(); // warm-up
        ours.push(((window, flash), run_ours(&transcriber, &clips)));
    }
    let peer = faster_whisper(&ct2, threads, &clips);

    println!("\n| clip | audio s | engine | seconds (median of {RUNS}) | RTF |");
    println!("|---|---|---|---|---|");
    for (i, name) in ["~5 s", "~20 s"].iter().enumerate() {
        let secs = clips[i].pcm.len() as f32 / 16_000.0;
        for ((window, flash), results) in &ours {
            let s = results[i].1;
            let attention = if *flash { ", flash attention" } else { "" };
            println!(
                "| {name} | {secs:.1} | whisper-rs q8_0, window {window:?}{attention} | {s:.2} | {:.3} |",
                s / secs
            );
        }
        let s = peer[i].1;
        println!(
            "| {name} | {secs:.1} | faster-whisper int8 | {s:.2} | {:.3} |",
            s / secs
        );
    }
    println!(
        "\n| reference | whisper-rs Full (conf.) | whisper-rs Fit (conf.) | whisper-rs Fit + flash (conf.) | faster-whisper |"
    );
    println!("|---|---|---|---|---|");
    let mut wer = [0.0f32; 4];
    for (i, c) in clips.iter().enumerate() {
        let (full, fit, flash) = (&ours[0].1[i], &ours[1].1[i], &ours[2].1[i]);
        let w = [
            word_error_rate(&c.reference, &full.0),
            word_error_rate(&c.reference, &fit.0),
            word_error_rate(&c.reference, &flash.0),
            word_error_rate(&c.reference, &peer[i].0),
        ];
        for (total, one) in wer.iter_mut().zip(w) {
            *total += one;
        }
        println!(
            "| {} | {} ({:.2}, WER {:.2}) | {} ({:.2}, WER {:.2}) | {} ({:.2}, WER {:.2}) | {} (WER {:.2}) |",
            c.reference,
            full.0,
            full.2,
            w[0],
            fit.0,
            fit.2,
            w[1],
            flash.0,
            flash.2,
            w[2],
            peer[i].0,
            w[3]
        );
    }
    let n = clips.len() as f32;
    println!(
        "\nmean WER over {} notes: whisper-rs Full {:.3}, Fit {:.3}, Fit + flash {:.3}, faster-whisper {:.3}",
        clips.len(),
        wer[0] / n,
        wer[1] / n,
        wer[2] / n,
        wer[3] / n
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// (text, median seconds, confidence) per clip: the two timed clips `RUNS` times, the others once.
fn run_ours(transcriber: &Transcriber, clips: &[Clip]) -> Vec<(String, f32, f32)> {
    clips
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let runs = if i < 2 { RUNS } else { 1 };
            let mut times = Vec::new();
            let mut last = None;
            for _ in 0..runs {
                let t = transcriber.transcribe(&c.pcm).unwrap();
                times.push(t.elapsed_seconds);
                last = Some(t);
            }
            let t = last.unwrap();
            (t.text, median(&mut times), t.confidence)
        })
        .collect()
}

/// (text, median seconds) per clip from scripts/bench_faster_whisper.py.
fn faster_whisper(ct2: &str, threads: usize, clips: &[Clip]) -> Vec<(String, f32)> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scripts/bench_faster_whisper.py"
    );
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(ct2).args([
        "--threads",
        &threads.to_string(),
        "--runs",
        &RUNS.to_string(),
    ]);
    let out = cmd.args(clips.iter().map(|c| &c.wav)).output().unwrap();
    assert!(
        out.status.success(),
        "faster-whisper failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["text"].as_str().unwrap_or_default().to_owned(),
                v["seconds"].as_f64().unwrap_or_default() as f32,
            )
        })
        .collect()
}

fn median(v: &mut [f32]) -> f32 {
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

//! Voice-note transcription benchmark (not a test: it prints numbers, it asserts nothing).
//!
//! Our path (Ogg/Opus decode + whisper.cpp, the model `scripts/whisper-model.sh` makes) beside
//! faster-whisper on the same CTranslate2 weights, the same audio and the same settings (greedy,
//! Spanish, int8/q8_0, `WHISPER_THREADS` threads, default 2), in one run:
//! real-time factor on a ~5 s and a ~20 s note, and word error rate on a set of synthesised
//! booking sentences. The engines take turns note by note, round after round, so a busy moment
//! of the machine falls on both alike.
//!
//!     WHISPER_MODEL=$(scripts/whisper-model.sh) cargo bench -p voice --bench whisper --profile dev
//!
//! (`--profile dev`: the same build the tests use, with whisper.cpp optimised in it.)
//! The webhook-to-reply latency is measured through the real processes by the fleet test
//! `audio_latency` (`cargo test -p workers --test fleet audio_latency -- --ignored --nocapture`).

#![allow(clippy::unwrap_used)]

use std::{
    io::{BufRead, BufReader, Write},
    path::PathBuf,
    process::{Child, ChildStdin, ChildStdout, Command, Stdio},
    time::Instant,
};

use voice::{
    decode,
    stt::{AudioWindow, Settings, Transcriber},
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
/// Timed rounds over the two timed notes (the first two clips); the others run once.
const ROUNDS: usize = 5;
const TIMED: usize = 2;

struct Clip {
    reference: String,
    pcm: Vec<f32>,
    wav: PathBuf,
}

/// What one engine made of one note.
struct Heard {
    text: String,
    seconds: f32,
    confidence: Option<f32>,
}

/// A speech engine under test.
enum Engine {
    Ours {
        name: String,
        transcriber: Transcriber,
    },
    Peer(FasterWhisper),
}

impl Engine {
    fn name(&self) -> &str {
        match self {
            Engine::Ours { name, .. } => name,
            Engine::Peer(_) => "faster-whisper int8",
        }
    }

    fn hear(&mut self, clip: &Clip) -> Heard {
        match self {
            Engine::Ours { transcriber, .. } => {
                let t = transcriber.transcribe(clip.pcm.clone()).unwrap();
                Heard {
                    text: t.text,
                    seconds: t.elapsed_seconds,
                    confidence: Some(t.confidence),
                }
            }
            Engine::Peer(peer) => peer.hear(clip),
        }
    }
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
    let clips = make_clips(&dir);

    let started = Instant::now();
    let mut engines = Vec::new();
    for (window, flash_attn) in [
        (AudioWindow::Fit, false),
        (AudioWindow::Full, false),
        (AudioWindow::Fit, true),
    ] {
        let settings = Settings {
            threads,
            window,
            flash_attn,
            slots: 1,
        };
        let transcriber = Transcriber::load(model.as_ref(), settings).unwrap();
        transcriber.transcribe(clips[0].pcm.clone()).unwrap(); // warm-up
        let attention = if flash_attn { ", flash attention" } else { "" };
        engines.push(Engine::Ours {
            name: format!("whisper-rs q8_0, window {window:?}{attention}"),
            transcriber,
        });
    }
    println!(
        "whisper.cpp {}: model {model} loaded thrice in {:.2} s, {threads} threads\nbuild: {}",
        whisper_rs::WHISPER_CPP_VERSION,
        started.elapsed().as_secs_f32(),
        whisper_rs::print_system_info().trim()
    );
    engines.push(Engine::Peer(FasterWhisper::start(&ct2, threads, &clips[0])));

    // heard[engine][clip]: the timed clips' every round, the others' one run.
    let mut heard: Vec<Vec<Vec<Heard>>> = engines
        .iter()
        .map(|_| clips.iter().map(|_| Vec::new()).collect())
        .collect();
    for _ in 0..ROUNDS {
        for (c, clip) in clips.iter().enumerate().take(TIMED) {
            for (e, engine) in engines.iter_mut().enumerate() {
                heard[e][c].push(engine.hear(clip));
            }
        }
    }
    for (c, clip) in clips.iter().enumerate().skip(TIMED) {
        for (e, engine) in engines.iter_mut().enumerate() {
            heard[e][c].push(engine.hear(clip));
        }
    }

    print_speed(&engines, &clips, &heard);
    print_accuracy(&engines, &clips, &heard);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The notes, through the real codec: spoken, encoded as WhatsApp does, decoded by our decoder
/// (and written as WAV for the peer).
fn make_clips(dir: &std::path::Path) -> Vec<Clip> {
    [SHORT, LONG]
        .iter()
        .chain(SET)
        .enumerate()
        .map(|(i, text)| {
            let ogg = synth::encode_ogg_opus(&synth::speak(text, "es-419").unwrap());
            let started = Instant::now();
            let pcm = decode::ogg_opus_to_pcm(&ogg, 300).unwrap();
            if i < TIMED {
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
        .collect()
}

fn print_speed(engines: &[Engine], clips: &[Clip], heard: &[Vec<Vec<Heard>>]) {
    println!("\n| clip | audio s | engine | seconds, median of {ROUNDS} (min–max) | RTF |");
    println!("|---|---|---|---|---|");
    for (c, name) in ["~5 s", "~20 s"].iter().enumerate() {
        let secs = clips[c].pcm.len() as f32 / 16_000.0;
        for (e, engine) in engines.iter().enumerate() {
            let mut times: Vec<f32> = heard[e][c].iter().map(|h| h.seconds).collect();
            times.sort_by(f32::total_cmp);
            let median = times[times.len() / 2];
            println!(
                "| {name} | {secs:.1} | {} | {median:.2} ({:.2}–{:.2}) | {:.3} |",
                engine.name(),
                times[0],
                times[times.len() - 1],
                median / secs
            );
        }
    }
}

fn print_accuracy(engines: &[Engine], clips: &[Clip], heard: &[Vec<Vec<Heard>>]) {
    let names: Vec<&str> = engines.iter().map(Engine::name).collect();
    println!("\n| reference | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(engines.len()));
    let mut wer = vec![0.0f32; engines.len()];
    for (c, clip) in clips.iter().enumerate() {
        let cells: Vec<String> = (0..engines.len())
            .map(|e| {
                let h = heard[e][c].last().unwrap();
                let w = word_error_rate(&clip.reference, &h.text);
                wer[e] += w;
                match h.confidence {
                    Some(conf) => format!("{} (conf. {conf:.2}, WER {w:.2})", h.text),
                    None => format!("{} (WER {w:.2})", h.text),
                }
            })
            .collect();
        println!("| {} | {} |", clip.reference, cells.join(" | "));
    }
    let n = clips.len() as f32;
    let means: Vec<String> = names
        .iter()
        .zip(&wer)
        .map(|(name, w)| format!("{name} {:.3}", w / n))
        .collect();
    println!(
        "\nmean WER over {} notes: {}",
        clips.len(),
        means.join(", ")
    );
}

/// scripts/bench_faster_whisper.py, kept running: one WAV path in, one JSON line out.
struct FasterWhisper {
    _child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl FasterWhisper {
    fn start(ct2: &str, threads: usize, warm_up: &Clip) -> Self {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scripts/bench_faster_whisper.py"
        );
        let mut child = Command::new("python3")
            .arg(script)
            .arg(ct2)
            .args(["--threads", &threads.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 with faster-whisper (pip install faster-whisper==1.2.1)");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut peer = FasterWhisper {
            _child: child,
            stdin,
            stdout,
        };
        peer.hear(warm_up); // its first path is also its warm-up
        peer
    }

    fn hear(&mut self, clip: &Clip) -> Heard {
        writeln!(self.stdin, "{}", clip.wav.display()).unwrap();
        self.stdin.flush().unwrap();
        let mut line = String::new();
        self.stdout.read_line(&mut line).unwrap();
        let v: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|_| panic!("faster-whisper failed (its stderr is above): {line:?}"));
        Heard {
            text: v["text"].as_str().unwrap_or_default().to_owned(),
            seconds: v["seconds"].as_f64().unwrap_or_default() as f32,
            confidence: None,
        }
    }
}

//! Which voice speaks the fleet's replies: each candidate espeak-ng voice (the default
//! `es-419`, and Debian's MBROLA Spanish voices when installed: `mbrola-es1`, `-es2`, `-es3`,
//! `-mx2`) speaks a handful of real reply texts; the fleet's own whisper (`WHISPER_MODEL`)
//! transcribes each note; the word error rate and the synthesis + encoding time are printed.
//!
//! `WHISPER_MODEL=… cargo run -p voice --example reply_voices [voice …]`

use std::time::Instant;

use voice::{
    decode,
    stt::{AudioWindow, Settings, Transcriber},
    synth::word_error_rate,
    tts::{self, Voice},
};

/// Replies as the conversation writes them (`conversation::texts`, Spanish with voseo, digits
/// and emoji as guests read them); the reference is what a listener should hear.
const REPLIES: &[(&str, &str)] = &[
    (
        "¡Hola! 😊 Tenemos la cabaña libre del 15 al 18 de diciembre.",
        "hola tenemos la cabaña libre del 15 al 18 de diciembre",
    ),
    (
        "Son 3 noches para 2 personas: el total es $ 90.000.",
        "son 3 noches para 2 personas el total es 90.000",
    ),
    (
        "¿Para cuántas personas sería la estadía?",
        "para cuantas personas seria la estadia",
    ),
    (
        "¡Listo! 🙌 Te reservé la cabaña. Para confirmarla, pagá la seña con este link: https://mpago.la/x",
        "listo te reserve la cabaña para confirmarla paga la seña con este link",
    ),
    (
        "Recibimos tu pago, la reserva quedó confirmada. ¡Te esperamos!",
        "recibimos tu pago la reserva quedo confirmada te esperamos",
    ),
    (
        "Perdón, esas fechas ya están ocupadas 😕 ¿Te sirven otras?",
        "perdon esas fechas ya estan ocupadas te sirven otras",
    ),
    ("¿Querés saber algo más? 😊", "queres saber algo mas"),
    (
        "La cabaña del lago tiene capacidad para 4 personas y acepta mascotas.",
        "la cabaña del lago tiene capacidad para 4 personas y acepta mascotas",
    ),
];

fn main() {
    let model = std::env::var("WHISPER_MODEL").expect("WHISPER_MODEL names the ggml model");
    let voices: Vec<&'static str> = {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args.is_empty() {
            vec!["es-419", "mb-es1", "mb-es2", "mb-es3"]
        } else {
            args.into_iter()
                .map(|a| &*Box::leak(a.into_boxed_str()))
                .collect()
        }
    };
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let stt = Transcriber::load(
        model.as_ref(),
        Settings {
            threads,
            window: AudioWindow::Fit,
            flash_attn: false,
            slots: 1,
        },
    )
    .expect("the model loads");
    println!("voice      WER     synth+encode ms (p50 / p95)   seconds of speech");
    for name in voices {
        let mut errors = 0.0f32;
        let mut times = Vec::new();
        let mut seconds = 0.0;
        let mut failed = None;
        for (text, heard_as) in REPLIES {
            let started = Instant::now();
            let note = match tts::note(text, Voice::named(name)) {
                Ok(note) => note,
                Err(e) => {
                    failed = Some(e.to_string());
                    break;
                }
            };
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            seconds += note.seconds;
            let pcm = decode::ogg_opus_to_pcm(&note.ogg, 120).expect("our own note decodes");
            let heard = stt.transcribe(pcm).expect("whisper transcribes");
            let wer = word_error_rate(heard_as, &heard.text);
            errors += wer;
            eprintln!("  {name}: {wer:.2} {:?}", heard.text);
        }
        if let Some(e) = failed {
            println!("{name:<10} not available: {e}");
            continue;
        }
        times.sort_by(f64::total_cmp);
        let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{name:<10} {:>5.1} %  {:>6.0} / {:>6.0}                {seconds:.1}",
            errors / REPLIES.len() as f32 * 100.0,
            p(0.5),
            p(0.95),
        );
    }
}

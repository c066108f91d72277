//! `fleet-bench spoken`: what a spoken reply adds to the guest's wait. The worker's own steps,
//! in its order: synthesis (espeak-ng) and encoding (Ogg/Opus) through `voice::tts`, then the
//! upload through `channels::Whatsapp::upload_media` (its guard and breaker included) to a fake
//! Graph API on loopback that answers as the real one does. p50/p95/max per stage and in all.
//! The audio message's own send costs what a text send costs (the `conversation` figures).
//!
//! Run it built with `--release`: a debug build times our resampler unoptimised.

use std::{sync::Arc, time::Instant};

use channels::{
    breaker::{Breaker, BreakerConfig, SystemClock},
    guard::Guard,
    whatsapp::Whatsapp,
};
use clap::Args;
use voice::tts::{self, NOTE_MIME, Voice};
use wiremock::{Mock, MockServer, ResponseTemplate, matchers::method};

use crate::stats::{ms, summarize};

#[derive(Debug, Args)]
pub struct SpokenArgs {
    /// Spoken replies to time (the replies below, in turn).
    #[arg(long, default_value_t = 60)]
    pub replies: usize,
}

/// Replies as the conversation writes them (`conversation::texts`), short and long.
const REPLIES: &[&str] = &[
    "¿Para cuántas personas sería la estadía?",
    "¡Hola! 😊 Tenemos la cabaña libre del 15 al 18 de diciembre.",
    "La noche en Cabaña Coihue arranca en $ 50.000 (viernes y sábados un poquito más). Decime fechas y cuántas personas y te paso el total exacto 😊",
    "¡Listo! 🙌 Te reservé Cabaña Coihue del 15 al 18 de diciembre para 2 personas. El total es $ 150.000 y la seña $ 45.000. Pagala con este link en las próximas 2 horas para confirmarla: https://mpago.la/x",
];

pub async fn run(args: SpokenArgs) -> anyhow::Result<()> {
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({ "id": "1037543291543636" })),
        )
        .mount(&graph)
        .await;
    let guard = Guard::new(
        "whatsapp",
        Arc::new(Breaker::new(
            "whatsapp",
            BreakerConfig::default(),
            Arc::new(SystemClock),
        )),
        None,
    );
    let whatsapp = Whatsapp::new(graph.uri(), "bench-token".to_owned().into(), guard);
    let voice = Voice::for_language(conversation::Language::Es);

    // One warm-up: the first espeak-ng start reads its voice data from disk.
    tts::note(REPLIES[0], voice)?;
    let (mut synth, mut encode, mut upload, mut total) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut seconds = 0.0;
    let mut bytes = 0;
    for i in 0..args.replies {
        let text = REPLIES[i % REPLIES.len()];
        let started = Instant::now();
        let note = tokio::task::spawn_blocking(move || tts::note(text, voice)).await??;
        seconds += note.seconds;
        bytes += note.ogg.len();
        synth.push(note.synthesis);
        encode.push(note.encoding);
        let uploading = Instant::now();
        whatsapp
            .upload_media("106540352242922", note.ogg, NOTE_MIME, "reply.ogg")
            .await?;
        upload.push(uploading.elapsed());
        total.push(started.elapsed());
    }
    println!(
        "spoken replies: {} notes, {:.1} s of speech each, {:.1} KiB each (espeak-ng {}, Ogg/Opus 24 kbit/s)",
        args.replies,
        seconds / args.replies as f32,
        bytes as f64 / args.replies as f64 / 1024.0,
        voice.name()
    );
    println!(
        "{:<28} {:>8} {:>8} {:>8}",
        "stage (ms)", "p50", "p95", "max"
    );
    for (name, samples) in [
        ("synthesis (espeak-ng)", synth),
        ("encoding (Ogg/Opus)", encode),
        ("upload (fake Graph API)", upload),
        ("added latency, in all", total),
    ] {
        if let Some(s) = summarize(samples) {
            println!(
                "{name:<28} {:>8.1} {:>8.1} {:>8.1}",
                ms(s.p50),
                ms(s.p95),
                ms(s.max)
            );
        }
    }
    Ok(())
}

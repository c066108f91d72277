//! Voice notes end to end: a signed WhatsApp delivery into the real ingress, a worker process
//! with the real speech model, the note downloaded from a (fake) Graph API, transcribed, and
//! answered like the same words typed. Notes are spoken on the spot by espeak-ng and encoded as
//! WhatsApp does (Ogg/Opus, 16 kHz mono).
//!
//! These tests need the model: `WHISPER_MODEL` (scripts/test.sh makes and sets it). Without it
//! they fail with that message rather than pass without having listened to anything.

use std::time::Duration;

use conversation::texts::audio_refusal;
use jobs::QueueName;
use voice::{
    Refusal, decode,
    stt::{AudioWindow, Settings, SttError, Transcriber},
    synth,
};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{header, method, path},
};

use crate::support::*;

pub(crate) const NUMBER_ID: &str = "106540352242922";

pub(crate) fn model_path() -> String {
    let model = std::env::var("WHISPER_MODEL").unwrap_or_default();
    assert!(
        !model.is_empty() && std::path::Path::new(&model).is_file(),
        "WHISPER_MODEL must name the ggml speech model for the voice-note tests \
         (run scripts/test.sh, or WHISPER_MODEL=$(scripts/whisper-model.sh)); got {model:?}"
    );
    model
}

pub(crate) fn voice_note(text: &str) -> Vec<u8> {
    synth::encode_ogg_opus(&synth::speak(text, "es-419").expect("espeak-ng speaks Spanish"))
}

/// The fleet, a fake Graph API, an audio worker and the ingress (spoken replies' tests use it
/// too: voice_replies.rs).
pub(crate) struct Stage {
    pub(crate) fleet: Fleet,
    pub(crate) graph: MockServer,
    ingress: String,
    _workers: Reaper,
}

impl Stage {
    pub(crate) async fn new() -> Stage {
        // One thread: the tests run beside each other, and ggml's spinning thread pool loses
        // badly to oversubscribed cores (measured: README "Voice notes").
        Stage::with_threads("1").await
    }

    async fn with_threads(threads: &str) -> Stage {
        let model = model_path();
        let fleet = Fleet::new().await;
        fleet.seed_hold("RES000301020").await;
        let graph = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path(format!("/{NUMBER_ID}/messages")))
            .and(header("authorization", "Bearer TEST-wa-token"))
            .respond_with(graph_ok())
            .mount(&graph)
            .await;
        let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
        let workers = Reaper(vec![fleet.spawn_worker(
            WORKER,
            &env,
            &[
                ("WORKER_QUEUES", "transcribe_audio,parse_intent,send_reply"),
                ("WHISPER_MODEL", &model),
                ("WHISPER_THREADS", threads),
            ],
        )]);
        let ingress = fleet.spawn_ingress().await;
        Stage {
            fleet,
            graph,
            ingress,
            _workers: workers,
        }
    }

    /// Serves a media file: `GET /{id}` → its info, `GET /files/{id}` → its bytes.
    pub(crate) async fn serve_media(
        &self,
        id: &str,
        mime: &str,
        bytes: Vec<u8>,
        announced_size: Option<u64>,
    ) {
        let mut info = serde_json::json!({
            "messaging_product": "whatsapp",
            "url": format!("{}/files/{id}", self.graph.uri()),
            "mime_type": mime,
            "sha256": "0",
            "id": id,
        });
        if let Some(size) = announced_size {
            info["file_size"] = size.into();
        }
        Mock::given(method("GET"))
            .and(path(format!("/{id}")))
            .and(header("authorization", "Bearer TEST-wa-token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(info))
            .mount(&self.graph)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("/files/{id}")))
            .and(header("authorization", "Bearer TEST-wa-token"))
            .respond_with(ResponseTemplate::new(200).set_body_bytes(bytes))
            .mount(&self.graph)
            .await;
    }

    /// Delivers one message from the guest `from`, signed as Meta signs it.
    async fn deliver(&self, from: &str, message: serde_json::Value) {
        Guest::whatsapp(&self.ingress, NUMBER_ID, from, WA_SECRET)
            .deliver(vec![message])
            .await
            .unwrap();
    }

    pub(crate) async fn send_voice(
        &self,
        from: &str,
        wamid: &str,
        media_id: &str,
        url: Option<String>,
    ) {
        let voice = deliveries::whatsapp_voice(from, wamid, media_id, url.as_deref());
        self.deliver(from, voice).await;
    }

    async fn send_text(&self, from: &str, wamid: &str, text: &str) {
        self.deliver(from, deliveries::whatsapp_text(from, wamid, text))
            .await;
    }

    /// Replies sent to `recipient` (as stored: the guest's wa_id), oldest first.
    pub(crate) async fn replies_to(&self, recipient: &str) -> Vec<String> {
        sqlx::query_scalar(
            "SELECT body->>'text' FROM outbound_messages WHERE recipient = $1 AND status = 'sent' ORDER BY id",
        )
        .bind(recipient)
        .fetch_all(&self.fleet.db)
        .await
        .unwrap()
    }

    pub(crate) async fn wait_replies(&self, recipients: &[&str], within: Duration) {
        let all = eventually(within, || async {
            for r in recipients {
                if self.replies_to(r).await.is_empty() {
                    return false;
                }
            }
            true
        })
        .await;
        assert!(
            all,
            "every guest should have been answered within {within:?}"
        );
    }
}

#[tokio::test]
async fn a_voice_note_gets_the_same_answer_as_the_same_words_typed() {
    let stage = Stage::new().await;
    // Words espeak-ng says clearly enough for Whisper base to hear them exactly.
    let words = "Quiero saber el precio de la noche.";
    stage
        .serve_media(
            "media-voice-1",
            "audio/ogg",
            voice_note(words),
            Some(30_000),
        )
        .await;

    stage
        .send_voice("5491155550001", "wamid.VOICE1", "media-voice-1", None)
        .await;
    stage
        .send_text("5491155550002", "wamid.TYPED1", words)
        .await;
    stage
        .wait_replies(&["5491155550001", "5491155550002"], Duration::from_secs(90))
        .await;

    let spoken = stage.replies_to("5491155550001").await;
    let typed = stage.replies_to("5491155550002").await;
    assert_eq!(
        spoken, typed,
        "a voice note is answered like its words typed"
    );
    // Spoken replies are off by default (voice_replies.rs turns them on): text only.
    assert!(uploads(&stage.graph).await.is_empty(), "nothing uploaded");
    assert!(sent_audio(&stage.graph).await.is_empty(), "no audio sent");
    let transcript: String = sqlx::query_scalar(
        "SELECT body FROM inbound_messages WHERE provider_message_id = 'wamid.VOICE1'",
    )
    .fetch_one(&stage.fleet.db)
    .await
    .unwrap();
    assert_eq!(
        synth::normalise(&transcript),
        synth::normalise(words),
        "heard {transcript:?}"
    );

    // The note went through ParseIntent (keyed by the note), and nothing is left to retry.
    tokio::time::sleep(Duration::from_millis(500)).await;
    for q in [QueueName::TranscribeAudio, QueueName::ParseIntent] {
        let depth = stage.fleet.depth(q).await;
        assert_eq!((depth.dead, depth.scheduled), (0, 0), "{q}: {depth:?}");
    }
    stage.fleet.drop_db().await;
}

#[tokio::test]
async fn forwarded_mp3_and_m4a_files_get_the_same_answer_as_the_same_words_typed() {
    let stage = Stage::new().await;
    // tests/data/audio/README.md: espeak-ng saying these words, through ffmpeg.
    let words = "Quiero saber el precio de la noche.";
    let files = [
        ("5491155550011", "precio.mp3", "audio/mpeg"),
        ("5491155550012", "precio.m4a", "audio/mp4"),
    ];
    for (i, (from, file, mime)) in files.iter().enumerate() {
        let path = format!(
            "{}/../voice/tests/data/audio/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap();
        let id = format!("media-forwarded-{i}");
        stage.serve_media(&id, mime, bytes, None).await;
        stage
            .send_voice(from, &format!("wamid.FWD{i}"), &id, None)
            .await;
    }
    stage
        .send_text("5491155550013", "wamid.TYPED3", words)
        .await;
    let guests = ["5491155550011", "5491155550012", "5491155550013"];
    stage.wait_replies(&guests, Duration::from_secs(90)).await;
    let typed = stage.replies_to("5491155550013").await;
    for (from, file, _) in files {
        assert_eq!(stage.replies_to(from).await, typed, "{file}");
    }
    stage.fleet.drop_db().await;
}

#[tokio::test]
async fn an_expired_media_url_from_the_webhook_is_fetched_again() {
    let stage = Stage::new().await;
    let words = "Quiero reservar para el fin de semana.";
    stage
        .serve_media(
            "media-voice-2",
            "audio/ogg; codecs=opus",
            voice_note(words),
            None,
        )
        .await;
    Mock::given(method("GET"))
        .and(path("/expired/media-voice-2"))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(&stage.graph)
        .await;
    let expired = format!("{}/expired/media-voice-2", stage.graph.uri());
    stage
        .send_voice(
            "5491155550003",
            "wamid.VOICE2",
            "media-voice-2",
            Some(expired),
        )
        .await;
    stage
        .send_text("5491155550004", "wamid.TYPED2", words)
        .await;
    stage
        .wait_replies(&["5491155550003", "5491155550004"], Duration::from_secs(90))
        .await;
    assert_eq!(
        stage.replies_to("5491155550003").await,
        stage.replies_to("5491155550004").await
    );
    stage.graph.verify().await;
    stage.fleet.drop_db().await;
}

/// Guest, the refusal expected, the media's MIME type, its bytes, the size its info announces.
type BadNote = (&'static str, Refusal, &'static str, Vec<u8>, Option<u64>);

#[tokio::test]
async fn bad_audio_gets_one_kind_answer_and_is_never_retried() {
    let stage = Stage::new().await;
    let speech = voice_note("Quiero saber el precio de la cabaña para el sábado.");
    let noise: Vec<f32> = {
        let mut x: u32 = 12_345;
        (0..16_000 * 4)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x as f32 / u32::MAX as f32 - 0.5) * 0.6
            })
            .collect()
    };
    let jpeg = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".repeat(50);
    let big = 17 * 1024 * 1024;
    let cases: Vec<BadNote> = vec![
        (
            "5491155551001",
            Refusal::Silent,
            "audio/ogg",
            synth::encode_ogg_opus(&vec![0.0; 16_000 * 3]),
            None,
        ),
        (
            "5491155551002",
            Refusal::Unclear,
            "audio/ogg",
            synth::encode_ogg_opus(&noise),
            None,
        ),
        (
            "5491155551003",
            Refusal::Unreadable,
            "audio/ogg",
            speech[..speech.len() / 2].to_vec(),
            None,
        ),
        (
            "5491155551004",
            Refusal::Unreadable,
            "audio/ogg",
            jpeg.clone(),
            None,
        ),
        ("5491155551005", Refusal::NotAudio, "image/jpeg", jpeg, None),
        (
            "5491155551009",
            Refusal::Unreadable,
            "audio/amr",
            b"#!AMR\n\x3c\x91\x17\x16\xbe\x66\x78\x00".repeat(40),
            None,
        ),
        (
            "5491155551006",
            Refusal::TooLarge,
            "audio/ogg",
            vec![0; 1024],
            Some(big),
        ),
        (
            "5491155551007",
            Refusal::TooLarge,
            "audio/ogg",
            vec![b'O'; big as usize],
            None,
        ),
    ];
    for (i, (from, _, mime, bytes, size)) in cases.iter().enumerate() {
        let id = format!("media-bad-{i}");
        stage.serve_media(&id, mime, bytes.clone(), *size).await;
        stage
            .send_voice(from, &format!("wamid.BAD{i}"), &id, None)
            .await;
    }
    let guests: Vec<&str> = cases.iter().map(|c| c.0).collect();
    stage.wait_replies(&guests, Duration::from_secs(120)).await;
    // Time for any retry or second answer to show up.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for (from, why, ..) in &cases {
        assert_eq!(
            stage.replies_to(from).await,
            vec![audio_refusal(*why).to_owned()],
            "{from}: one kind answer for {why:?}"
        );
    }
    let depth = stage.fleet.depth(QueueName::TranscribeAudio).await;
    assert_eq!(
        (depth.dead, depth.scheduled, depth.pending, depth.running),
        (0, 0, 0, 0),
        "bad audio is done with, not retried: {depth:?}"
    );

    // The worker is still there and still listening.
    stage
        .serve_media("media-after", "audio/ogg", speech, None)
        .await;
    stage
        .send_voice("5491155551008", "wamid.AFTER", "media-after", None)
        .await;
    stage
        .wait_replies(&["5491155551008"], Duration::from_secs(60))
        .await;
    stage.fleet.drop_db().await;
}

/// Benchmark, not a check (ignored by default): webhook-to-reply latency of a ~10 s voice note,
/// one note at a time, through the ingress, an audio worker (two threads per note, the
/// production default on this 2-core machine) and the fake Graph API.
///
///     cargo test -p workers --test fleet audio_latency -- --ignored --nocapture
#[tokio::test]
#[ignore = "benchmark: run by hand, prints p50/p95"]
async fn audio_latency() {
    let stage = Stage::with_threads("2").await;
    let words = "Hola, buenas tardes. Quería consultar si tienen lugar para dos adultos del \
                 quince al diecisiete de diciembre.";
    let pcm = synth::speak(words, "es-419").unwrap();
    let seconds = pcm.len() as f32 / 16_000.0;
    stage
        .serve_media(
            "media-latency",
            "audio/ogg",
            synth::encode_ogg_opus(&pcm),
            None,
        )
        .await;
    // The first note also pays for loading the model: not counted.
    let mut latencies = Vec::new();
    for i in 0..11 {
        let from = format!("54911555520{i:02}");
        let started = std::time::Instant::now();
        stage
            .send_voice(&from, &format!("wamid.LAT{i}"), "media-latency", None)
            .await;
        stage.wait_replies(&[&from], Duration::from_secs(60)).await;
        let elapsed = started.elapsed().as_secs_f64();
        if i > 0 {
            latencies.push(elapsed);
        }
    }
    latencies.sort_by(f64::total_cmp);
    let pick = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "voice note of {seconds:.1} s, {} runs one at a time: webhook→reply p50 {:.2} s, p95 {:.2} s, max {:.2} s",
        latencies.len(),
        pick(0.5),
        pick(0.95),
        latencies[latencies.len() - 1]
    );
    stage.fleet.drop_db().await;
}

/// The workers' defaults, one thread per note (the tests run beside each other).
fn settings(slots: usize) -> Settings {
    Settings {
        threads: 1,
        window: AudioWindow::Fit,
        flash_attn: false,
        slots,
    }
}

fn transcriber(slots: usize) -> Transcriber {
    Transcriber::load(model_path().as_ref(), settings(slots)).expect("the model loads")
}

fn pcm_of(text: &str) -> Vec<f32> {
    decode::ogg_opus_to_pcm(&voice_note(text), 60).expect("our own note decodes")
}

#[test]
fn a_slot_reuses_its_state_without_carrying_one_note_into_the_next() {
    let model = transcriber(1);
    let first = pcm_of("Quiero saber el precio de la noche.");
    let second = pcm_of("¿Aceptan mascotas? Tenemos un perro chiquito.");
    let heard_first = model.transcribe(first.clone()).unwrap();
    let heard_second = model.transcribe(second).unwrap();
    let heard_again = model.transcribe(first).unwrap();
    assert_eq!(
        synth::normalise(&heard_first.text),
        synth::normalise("Quiero saber el precio de la noche."),
        "heard {:?}",
        heard_first.text
    );
    assert!(
        synth::normalise(&heard_second.text).contains("chiquito"),
        "heard {:?}",
        heard_second.text
    );
    // The same note after another one: the same words and the same confidence, so nothing of
    // the note in between (its tokens, its encoder output) leaked through the reused state.
    assert_eq!(heard_again.text, heard_first.text);
    assert_eq!(heard_again.confidence, heard_first.confidence);
}

#[test]
fn notes_beyond_the_slots_wait_their_turn_and_each_gets_its_own_words() {
    let words = [
        "Quiero saber el precio de la noche.",
        "Quiero reservar para el fin de semana.",
        "Me gustaría cancelar mi reserva, por favor.",
        "¿Tienen fotos de la cabaña grande?",
    ];
    let notes: Vec<Vec<f32>> = words.iter().map(|w| pcm_of(w)).collect();
    let alone: Vec<String> = {
        let model = transcriber(1);
        notes
            .iter()
            .map(|pcm| model.transcribe(pcm.clone()).unwrap().text)
            .collect()
    };
    // Four notes at once into two slots: two run, two queue; each answer is its own note's.
    let model = transcriber(2);
    let together: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = notes
            .iter()
            .map(|pcm| scope.spawn(|| model.transcribe(pcm.clone()).unwrap().text))
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    assert_eq!(together, alone);
}

#[test]
fn a_missing_model_file_is_a_model_error_that_names_the_file() {
    let err = Transcriber::load("/nonexistent/ggml-base.bin".as_ref(), settings(1))
        .err()
        .expect("no model, no transcriber");
    assert!(
        matches!(&err, SttError::Model { path, .. } if path == "/nonexistent/ggml-base.bin"),
        "{err}"
    );
}

//! Spoken replies: at a property with `voice_replies` on, a guest's voice note is answered with
//! a voice note (synthesised by the worker, uploaded to the Graph API's media endpoint, sent as
//! an audio message) and the text alongside; the note is heard back with the fleet's own
//! whisper. Each of the two goes out once, and a note that cannot be made or uploaded never
//! costs the guest the text. (Off, the default, is text only: audio.rs.)
//!
//! Needs `WHISPER_MODEL` and espeak-ng, as audio.rs.

use std::time::Duration;

use jobs::QueueName;
use voice::{
    decode,
    stt::{AudioWindow, Settings, Transcriber},
    synth,
};
use wiremock::{
    Mock, ResponseTemplate,
    matchers::{body_partial_json, header, method, path},
};

use crate::{
    audio::{NUMBER_ID, Stage, model_path, voice_note},
    support::*,
};

/// Words espeak-ng says clearly enough for Whisper base to hear them exactly.
const ASKED: &str = "Quiero saber el precio de la noche.";

/// A stage whose property answers voice notes with voice notes.
async fn speaking_stage() -> Stage {
    let stage = Stage::new().await;
    sqlx::query(
        "INSERT INTO property_flags (property_id, voice_replies) SELECT id, TRUE FROM properties",
    )
    .execute(&stage.fleet.db)
    .await
    .unwrap();
    stage
}

/// Mounts the media endpoint answering `response`.
async fn media_endpoint(stage: &Stage, response: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(path(format!("/{NUMBER_ID}/media")))
        .and(header("authorization", "Bearer TEST-wa-token"))
        .respond_with(response)
        .mount(&stage.graph)
        .await;
}

/// The guest `from` sends [`ASKED`] as a voice note and waits for the text answer.
async fn ask_by_voice(stage: &Stage, from: &str, n: u32) -> Vec<String> {
    let media = format!("media-asked-{n}");
    stage
        .serve_media(&media, "audio/ogg", voice_note(ASKED), Some(30_000))
        .await;
    stage
        .send_voice(from, &format!("wamid.ASK{n}"), &media, None)
        .await;
    stage.wait_replies(&[from], Duration::from_secs(120)).await;
    stage.replies_to(from).await
}

/// Waits until the reply queue has nothing running, waiting or scheduled, so that a second
/// send, were there one, would have happened.
async fn settled(stage: &Stage) {
    let idle = eventually(Duration::from_secs(30), || async {
        let d = stage.fleet.depth(QueueName::SendReply).await;
        d.pending + d.running + d.scheduled == 0
    })
    .await;
    assert!(idle, "the replies settled");
    tokio::time::sleep(Duration::from_millis(500)).await;
}

/// The words of `text` worth finding in a transcript (five letters or more).
fn key_words(text: &str) -> Vec<String> {
    synth::normalise(text)
        .split(' ')
        .filter(|w| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn a_voice_note_is_answered_with_a_voice_note_that_says_the_reply_and_the_text() {
    let stage = speaking_stage().await;
    media_endpoint(&stage, media_uploaded()).await;
    let from = "5491155550101";
    let replies = ask_by_voice(&stage, from, 1).await;
    settled(&stage).await;

    // One upload, as WhatsApp takes a voice note.
    let uploads = uploads(&stage.graph).await;
    assert_eq!(uploads.len(), 1, "one note uploaded");
    let note = &uploads[0];
    assert_eq!(note.messaging_product, "whatsapp");
    assert_eq!(note.mime, "audio/ogg");
    assert_eq!(&note.bytes[..4], b"OggS", "Ogg/Opus");
    // One audio message carrying the uploaded media, and each text once, after the note.
    assert_eq!(sent_audio(&stage.graph).await, vec!["1037543291543636"]);
    let texts = sent_texts(&stage.graph).await;
    assert_eq!(texts, replies, "every reply's text sent, once each");
    assert_eq!(replies.len(), 1, "{replies:?}");
    let order: Vec<String> = sent_json(&stage.graph)
        .await
        .iter()
        .filter_map(|m| m["type"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(order, ["audio", "text"], "the note, then its text");

    // The note says the reply: the fleet's own whisper hears its key words.
    let model = model_path();
    let stt = Transcriber::load(
        model.as_ref(),
        Settings {
            threads: 1,
            window: AudioWindow::Fit,
            flash_attn: false,
            slots: 1,
        },
    )
    .unwrap();
    let pcm = decode::ogg_opus_to_pcm(&note.bytes, 120).unwrap();
    let heard = tokio::task::spawn_blocking(move || stt.transcribe(pcm))
        .await
        .unwrap()
        .unwrap();
    let wanted = key_words(&replies[0]);
    let heard_words = synth::normalise(&heard.text);
    let found: Vec<&String> = wanted
        .iter()
        .filter(|w| heard_words.split(' ').any(|h| h == w.as_str()))
        .collect();
    println!(
        "reply {:?}\nheard {:?}\nkey words found {}/{}",
        replies[0],
        heard.text,
        found.len(),
        wanted.len()
    );
    assert!(
        wanted.len() >= 2,
        "a reply with words to find: {:?}",
        replies[0]
    );
    assert!(
        found.len() * 2 >= wanted.len(),
        "the note says the reply: found {found:?} of {wanted:?} in {:?}",
        heard.text
    );
    stage.fleet.drop_db().await;
}

#[tokio::test]
async fn a_failed_upload_still_sends_the_text_exactly_once() {
    let stage = speaking_stage().await;
    media_endpoint(&stage, ResponseTemplate::new(500)).await;
    let from = "5491155550102";
    let replies = ask_by_voice(&stage, from, 2).await;
    settled(&stage).await;

    assert_eq!(
        uploads(&stage.graph).await.len(),
        1,
        "tried once, not retried"
    );
    assert!(
        sent_audio(&stage.graph).await.is_empty(),
        "no audio without media"
    );
    assert_eq!(replies.len(), 1, "{replies:?}");
    assert_eq!(sent_texts(&stage.graph).await, replies, "the text, once");
    let dead = stage.fleet.depth(QueueName::SendReply).await.dead;
    assert_eq!(dead, 0);
    stage.fleet.drop_db().await;
}

#[tokio::test]
async fn a_retried_send_neither_repeats_the_note_nor_the_text() {
    let stage = speaking_stage().await;
    media_endpoint(&stage, media_uploaded()).await;
    // The text is refused once (the audio before it was accepted): the job retries.
    Mock::given(method("POST"))
        .and(path(format!("/{NUMBER_ID}/messages")))
        .and(body_partial_json(serde_json::json!({ "type": "text" })))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&stage.graph)
        .await;
    let from = "5491155550103";
    let replies = ask_by_voice(&stage, from, 3).await;
    settled(&stage).await;

    let attempts: Vec<String> = sent_json(&stage.graph)
        .await
        .iter()
        .filter_map(|m| m["type"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(
        attempts,
        ["audio", "text", "text"],
        "the note once; the text refused, then sent"
    );
    assert_eq!(uploads(&stage.graph).await.len(), 1, "one upload");
    assert_eq!(replies.len(), 1, "{replies:?}");
    stage.fleet.drop_db().await;
}

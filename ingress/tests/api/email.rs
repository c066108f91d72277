//! Inbound email (Mailgun routes): what each post becomes, and what each bad one gets.

use jobs::QueueName::{ParseIntent, SendReply};

use testkit::deliveries::mailgun_form;

use crate::helpers::*;

const FORM: &str = "application/x-www-form-urlencoded";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Mailgun's multipart post (sent when the email has attachments), signed, with a photo.
fn multipart(fields: &[(&str, String)], attachment: &[u8]) -> (String, Vec<u8>) {
    let photo = deliveries::Attachment {
        filename: "foto.jpg",
        mime: "image/jpeg",
        bytes: attachment,
    };
    deliveries::mailgun_multipart(fields, MAILGUN_KEY, &[photo])
}

#[tokio::test]
async fn a_signed_email_is_one_job_per_property_address_it_was_sent_to() {
    let app = spawn_app().await;
    let mut email = guest_email("<one@mail.gmail.com>");
    email[0].1 = "reservas@cabanas-del-lago.com.ar, hola@hostal-sur.com.ar".into();
    let resp = app.post_signed_email(&email).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(app.depth(ParseIntent).await.pending, 2);
    assert_eq!(app.total_jobs().await, 2);
}

#[tokio::test]
async fn an_email_with_an_attachment_is_read_without_keeping_it() {
    let app = spawn_app().await;
    let (content_type, body) = multipart(&guest_email("<att@mail.gmail.com>"), &[0xFF; 100_000]);
    let resp = app.post_email(&content_type, body).await;
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    assert_eq!(app.depth(ParseIntent).await.pending, 1);
    assert_eq!(app.total_jobs().await, 1);
}

#[tokio::test]
async fn the_same_email_ten_times_at_once_is_one_job() {
    let app = spawn_app().await;
    let email = guest_email("<dup@mail.gmail.com>");
    let posts = (0..10).map(|_| app.post_signed_email(&email));
    for resp in futures::future::join_all(posts).await {
        assert_eq!(resp.status(), 200);
    }
    assert_eq!(app.total_jobs().await, 1);
}

/// Every refused signature is 401 and enqueues nothing.
#[tokio::test]
async fn bad_signatures_are_refused_and_enqueue_nothing() {
    let app = spawn_app().await;
    let email = guest_email("<sig@mail.gmail.com>");
    let token = "k".repeat(50);
    let good = mailgun_form(&email, MAILGUN_KEY, now(), &token);
    let cases = [
        (
            "wrong key",
            mailgun_form(&email, "another-key", now(), &token),
        ),
        (
            "stale timestamp",
            mailgun_form(&email, MAILGUN_KEY, now() - 301, &token),
        ),
        ("token changed", good.replace(&token, &"x".repeat(50))),
        (
            "signature missing",
            good.split('&')
                .filter(|p| !p.starts_with("signature="))
                .collect::<Vec<_>>()
                .join("&"),
        ),
        (
            "timestamp not a number",
            good.replace("timestamp=", "timestamp=x"),
        ),
    ];
    for (why, body) in cases {
        let resp = app.post_email(FORM, body).await;
        assert_eq!(resp.status(), 401, "{why}");
    }
    assert_eq!(app.total_jobs().await, 0);
    // The same email correctly signed goes in.
    assert_eq!(app.post_email(FORM, good).await.status(), 200);
    assert_eq!(app.total_jobs().await, 1);
}

/// What each bad or unusual email gets.
#[tokio::test]
async fn each_unusual_email_gets_a_clear_answer() {
    let app = spawn_app().await;
    let without = |name: &str| -> Vec<(&'static str, String)> {
        guest_email("<bad@mail.gmail.com>")
            .into_iter()
            .filter(|(k, _)| *k != name && !(name == "from" && *k == "sender"))
            .collect()
    };
    // Signed, but nobody to answer or no property named: 400, nothing queued.
    assert_eq!(app.post_signed_email(&without("from")).await.status(), 400);
    assert_eq!(
        app.post_signed_email(&without("recipient")).await.status(),
        400
    );
    // Not a form at all: 415.
    let resp = app.post_email("application/json", "{}").await;
    assert_eq!(resp.status(), 415);
    // A multipart post past the size cap: 413.
    let (content_type, body) = multipart(&guest_email("<big@mail.gmail.com>"), &vec![0; 300_000]);
    assert_eq!(app.post_email(&content_type, body).await.status(), 413);
    // A broken multipart body: 400.
    let resp = app
        .post_email("multipart/form-data; boundary=xyz", "--xyz\r\nnot a part")
        .await;
    assert_eq!(resp.status(), 400);
    assert_eq!(app.total_jobs().await, 0, "no bad post queued anything");

    // An auto-reply is accepted (so Mailgun stops) but never answered.
    let mut auto = guest_email("<auto@mail.gmail.com>");
    auto.push((
        "message-headers",
        r#"[["Auto-Submitted", "auto-replied"]]"#.into(),
    ));
    auto.retain(|(k, v)| *k != "message-headers" || v.contains("Auto"));
    assert_eq!(app.post_signed_email(&auto).await.status(), 200);
    assert_eq!(app.total_jobs().await, 0, "robots get no answer");

    // An email without words (only an attachment) gets a kind request to write.
    let mut empty = guest_email("<empty@mail.gmail.com>");
    empty.retain(|(k, _)| !matches!(*k, "subject" | "body-plain" | "stripped-text"));
    assert_eq!(app.post_signed_email(&empty).await.status(), 200);
    assert_eq!(app.depth(ParseIntent).await.pending, 1);
    assert_eq!(app.depth(SendReply).await.pending, 0);
}

/// What is posted (a name for it, the route's fields) and the words its turn must carry.
type EmailCase = (String, Vec<(&'static str, String)>, &'static str);

/// Real replies from ten mail clients (`testkit/fixtures/email/`, talon's, with their source),
/// two from Gmail (zapier/email-reply-parser's) and an HTML-only reply, as Mailgun posts them: each is 200 and one conversation turn that
/// carries only the guest's words ("Hello" in every real one), never the quote or signature.
#[tokio::test]
async fn every_real_client_reply_is_one_turn_with_only_the_guests_words() {
    let mut cases: Vec<EmailCase> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(testkit::fixtures::dir().join("email"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("talon_")
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 10, "{files:?}");
    for (n, path) in files.iter().enumerate() {
        let body = std::fs::read_to_string(path).unwrap();
        // Mailgun's own stripped-text is left out: the body alone must be read right.
        let fields: Vec<_> = deliveries::Email::new(
            "reservas@cabanas-del-lago.com.ar",
            "ana.perez@gmail.com",
            "Re: Consulta",
            &body,
            &format!("<client{n}@mail.test>"),
        )
        .fields()
        .into_iter()
        .filter(|(k, _)| *k != "stripped-text")
        .collect();
        cases.push((path.display().to_string(), fields, "Hello"));
    }
    // Gmail (web and Android), from zapier/email-reply-parser's corpus: a quote header wrapped
    // over two lines, quoted lines wrapped without their ">".
    for (file, words) in [
        (
            "zapier_gmail.txt",
            "This is a test for inbox replying to a github message.",
        ),
        ("zapier_android_gmail_inline.txt", "This is a test"),
    ] {
        let body =
            std::fs::read_to_string(testkit::fixtures::dir().join("email").join(file)).unwrap();
        let fields: Vec<_> = deliveries::Email::new(
            "reservas@cabanas-del-lago.com.ar",
            "ana.perez@gmail.com",
            "Re: Consulta",
            &body,
            &format!("<{file}@mail.test>"),
        )
        .fields()
        .into_iter()
        .filter(|(k, _)| *k != "stripped-text")
        .collect();
        cases.push((file.to_owned(), fields, words));
    }
    // HTML only: no text version at all.
    let html = r#"<div dir="ltr">Somos 2, del 3 al 5 de marzo<br></div><div class="gmail_quote">El lun escribió:<blockquote class="gmail_quote">¿Cuántos son?</blockquote></div>"#;
    let html_only = deliveries::Email::new(
        "reservas@cabanas-del-lago.com.ar",
        "ana.perez@gmail.com",
        "Re: Consulta",
        "",
        "<html-only@mail.test>",
    )
    .stripped("")
    .with("body-html", html)
    .fields();
    cases.push((
        "HTML only".into(),
        html_only,
        "Somos 2, del 3 al 5 de marzo",
    ));

    for (what, fields, words) in cases {
        let app = spawn_app().await;
        let resp = app.post_signed_email(&fields).await;
        assert_eq!(resp.status(), 200, "{what}");
        assert_eq!(app.total_jobs().await, 1, "{what}");
        let (claimed, _) = app.queue.claim(ParseIntent, "email-test", 1).await.unwrap();
        let job: serde_json::Value = serde_json::from_str(&claimed[0].payload).unwrap();
        assert_eq!(job["text"], words, "{what}: {job}");
    }
}

/// Mail written in a legacy charset (Outlook and older clients still send ISO-8859-1 and
/// Windows-1252): a multipart field that says its charset is read in that charset, and a form
/// whose bytes are not UTF-8 at all is still one turn (the unreadable bytes become U+FFFD),
/// never a 400 that would make Mailgun retry and then drop the guest's mail.
#[tokio::test]
async fn mail_in_a_legacy_charset_is_read_in_its_charset() {
    // "¿Tenés lugar para 2 del 15 al 17? Gracias, José" in ISO-8859-1 and Windows-1252 (whose
    // curly quotes sit where ISO-8859-1 has control codes).
    let latin1: &[u8] = b"\xbfTen\xe9s lugar para 2 del 15 al 17? Gracias, Jos\xe9";
    let cp1252: &[u8] = b"\x93Somos 2\x94, \xbftienen lugar del 3 al 5? Jos\xe9";
    let cases: [(&str, &[u8], &str); 2] = [
        (
            "ISO-8859-1",
            latin1,
            "¿Tenés lugar para 2 del 15 al 17? Gracias, José",
        ),
        (
            "windows-1252",
            cp1252,
            "\u{201c}Somos 2\u{201d}, ¿tienen lugar del 3 al 5? José",
        ),
    ];
    for (charset, bytes, words) in cases {
        let app = spawn_app().await;
        let fields: Vec<_> = guest_email(&format!("<{charset}@mail.test>"))
            .into_iter()
            .filter(|(k, _)| !matches!(*k, "body-plain" | "stripped-text"))
            .collect();
        let (content_type, mut body) = deliveries::mailgun_multipart(&fields, MAILGUN_KEY, &[]);
        let boundary = content_type.split("boundary=").nth(1).unwrap().to_owned();
        let close = format!("--{boundary}--\r\n");
        body.truncate(body.len() - close.len());
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"body-plain\"\r\n\
                 Content-Type: text/plain; charset={charset}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n{close}").as_bytes());

        let resp = app.post_email(&content_type, body).await;
        assert_eq!(resp.status(), 200, "{charset}");
        let (claimed, _) = app.queue.claim(ParseIntent, "email-test", 1).await.unwrap();
        assert_eq!(claimed.len(), 1, "{charset}");
        let job: serde_json::Value = serde_json::from_str(&claimed[0].payload).unwrap();
        // A first message's subject is part of what the guest said.
        assert_eq!(
            job["text"],
            format!("Consulta diciembre\n{words}"),
            "{charset}: {job}"
        );
    }

    // A url-encoded post whose body bytes are Latin-1, not UTF-8: accepted, one turn, the
    // readable words kept.
    let app = spawn_app().await;
    let mut fields = guest_email("<latin1-form@mail.test>");
    fields.retain(|(k, _)| !matches!(*k, "body-plain" | "stripped-text"));
    let signed = deliveries::mailgun_signed_now(&fields, MAILGUN_KEY);
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &signed {
        form.append_pair(k.as_ref(), v.as_ref());
    }
    let form = format!(
        "{}&body-plain=Hola%2C%20somos%202%2C%20Jos%E9",
        form.finish()
    );
    let resp = app.post_email(FORM, form).await;
    assert_eq!(resp.status(), 200);
    let (claimed, _) = app.queue.claim(ParseIntent, "email-test", 1).await.unwrap();
    assert_eq!(claimed.len(), 1);
    let job: serde_json::Value = serde_json::from_str(&claimed[0].payload).unwrap();
    assert_eq!(
        job["text"], "Consulta diciembre\nHola, somos 2, Jos\u{fffd}",
        "{job}"
    );
}

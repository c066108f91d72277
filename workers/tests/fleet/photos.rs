//! Cabin photos: an owner uploads one in a real headless Chromium and a guest who asks for
//! photos on WhatsApp gets it as an image message whose link is the public URL, which serves
//! the very bytes uploaded; bad uploads (not a photo whatever its name, too heavy, without or
//! with a wrong form token) store nothing; another property's owner and a non-owner cannot
//! touch a photo (404); an unknown token is a 404.

use std::time::Duration;

use fantoccini::Locator;
use reqwest::StatusCode;

use crate::{
    console::{
        Cast, Driver, Http, PHONE_NUMBER_ID, add_staff, audit_actions, cabin_of, graph_fake,
        notice_says, owner_staff_and_another_property, property, screenshot, sign_in_browser,
    },
    support::*,
};

/// A 320×240 PNG (`data/README.md`).
const PNG: &[u8] = include_bytes!("data/cabin-320x240.png");

fn fixture_path() -> String {
    format!(
        "{}/tests/fleet/data/cabin-320x240.png",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A multipart form as a browser sends it: the token (when given), then the file.
fn upload_form(token: Option<&str>, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "----fleetPhotoBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    if let Some(token) = token {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
            )
            .bytes(),
        );
    }
    body.extend(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{file_name}\"\r\n\
             Content-Type: image/jpeg\r\n\r\n"
        )
        .bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

async fn upload(
    http: &mut Http,
    cabin: i64,
    token: Option<&str>,
    name: &str,
    bytes: &[u8],
) -> crate::console::Answer {
    let (ct, body) = upload_form(token, name, bytes);
    http.post_raw(&format!("/admin/setup/cabins/{cabin}/photos"), &ct, body)
        .await
}

async fn photos_stored(fleet: &Fleet) -> i64 {
    count(&fleet.db, "SELECT count(*) FROM cabin_photos").await
}

/// The images the Graph API fake was asked to send.
async fn images(graph: &wiremock::MockServer) -> Vec<serde_json::Value> {
    sent_json(graph)
        .await
        .into_iter()
        .filter(|v| v["type"] == "image")
        .collect()
}

#[tokio::test]
async fn an_owner_uploads_a_photo_in_a_browser_and_the_bot_sends_it_by_its_public_link() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    let cabin = cabin_of(&fleet, property).await;
    let graph = graph_fake().await;
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    // The worker builds photo links from the ingress's public address.
    let mut env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    env.push(("PUBLIC_BASE_URL".into(), base.clone()));
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "parse_intent,send_reply")],
    )]);

    let driver = Driver::start().await;
    let browser = driver.browser().await;
    let run = async {
        browser.goto(&format!("{base}/admin/setup")).await.unwrap();
        sign_in_browser(&browser, "duena@lago.test").await;
        browser.goto(&format!("{base}/admin/setup")).await.unwrap();
        let section = format!("#cabin-{cabin}");
        browser
            .find(Locator::Css(&format!("{section} input[name=photo]")))
            .await
            .unwrap()
            .send_keys(&fixture_path())
            .await
            .unwrap();
        browser
            .find(Locator::Css(&format!("{section} form.upload-photo button")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        notice_says(&browser, "Foto subida").await;
        let img = browser
            .find(Locator::Css(&format!("{section} li.photo img")))
            .await
            .unwrap();
        let src = img.attr("src").await.unwrap().expect("the photo's link");
        // In view (the list loads lazily), the browser fetches it from the public route and
        // decodes it as the 320×240 PNG.
        browser
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView()",
                vec![serde_json::json!(format!("{section} section.photos"))],
            )
            .await
            .unwrap();
        let width = format!("{section} li.photo img");
        let loaded = eventually(Duration::from_secs(10), || async {
            browser
                .execute(
                    "return document.querySelector(arguments[0]).naturalWidth",
                    vec![serde_json::json!(width)],
                )
                .await
                .is_ok_and(|w| w == 320)
        })
        .await;
        assert!(loaded, "the listed photo did not load in the browser");
        screenshot(&browser, "setup-photos").await;
        src
    };
    let src = run.await;
    browser.close().await.unwrap();
    drop(driver);
    assert!(
        src.starts_with("/photos/") && src.ends_with(".png"),
        "{src}"
    );
    let token = &src["/photos/".len()..src.len() - ".png".len()];
    assert!(token.len() >= 32, "an unguessable token, not an id: {src}");
    assert_eq!(photos_stored(&fleet).await, 1);

    // A guest asks for photos of that cabin: the Graph API is asked to send an image whose link
    // is the public URL.
    let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5492944123456", WA_SECRET);
    guest
        .say("¿Me mandás fotos de la Cabaña Coihue?")
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(15), || async {
            !images(&graph).await.is_empty()
        })
        .await,
        "no image was sent"
    );
    let sent = images(&graph).await.remove(0);
    let link = sent["image"]["link"].as_str().unwrap().to_owned();
    assert_eq!(link, format!("{base}{src}"));
    assert!(
        sent["to"].as_str().unwrap().ends_with("2944123456"),
        "{sent}"
    );

    // What WhatsApp fetches there, without any session: the same bytes, as a PNG.
    let http = reqwest::Client::new();
    let got = http.get(&link).send().await.unwrap();
    assert_eq!(got.status(), StatusCode::OK);
    assert_eq!(got.headers()["content-type"], "image/png");
    let etag = got.headers()["etag"].to_str().unwrap().to_owned();
    assert!(
        got.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    assert_eq!(&got.bytes().await.unwrap()[..], PNG);
    let again = http
        .get(&link)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let head = http.head(&link).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(head.headers()["content-type"], "image/png");
    // The same token under another type's extension leads nowhere.
    let renamed = link.replace(".png", ".jpg");
    assert_eq!(
        http.get(&renamed).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(audit_actions(&fleet).await, ["sign_in", "setup_photo_add"]);
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_file_that_is_not_a_photo_a_heavy_one_and_a_forged_form_store_nothing() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "duena@lago.test", "owner");
    let cabin = cabin_of(&fleet, property).await;
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;

    // A text file named .jpg: judged by its bytes, refused with a notice saying why.
    let text = upload(
        &mut owner,
        cabin,
        Some(&token),
        "cabana.jpg",
        b"hola, soy un texto y no una foto",
    )
    .await;
    assert_eq!(text.status, StatusCode::SEE_OTHER);
    assert_eq!(
        text.location.as_deref(),
        Some("/admin/setup?aviso=foto-tipo")
    );
    let page = owner.get("/admin/setup?aviso=foto-tipo").await;
    assert!(
        page.body.contains("no es una foto JPEG, PNG o WebP"),
        "{}",
        page.body
    );
    // A PNG's first bytes and nothing that says how big it is.
    let cut = upload(&mut owner, cabin, Some(&token), "cortada.png", &PNG[..12]).await;
    assert_eq!(
        cut.location.as_deref(),
        Some("/admin/setup?aviso=foto-tipo")
    );

    // Heavier than WhatsApp takes: a file over 5 MB inside a body the guard reads…
    let mut heavy = PNG.to_vec();
    heavy.resize(5 * 1024 * 1024 + 1, 0);
    let a = upload(&mut owner, cabin, Some(&token), "pesada.png", &heavy).await;
    assert_eq!(
        a.location.as_deref(),
        Some("/admin/setup?aviso=foto-pesada")
    );
    // …and a body over the upload's limit, refused before it is parsed.
    heavy.resize(6 * 1024 * 1024, 0);
    let a = upload(&mut owner, cabin, Some(&token), "enorme.png", &heavy).await;
    assert_eq!(a.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(a.body.contains("5 MB"), "{}", a.body);

    // Without the form token, with a wrong one, and without a session: refused.
    let none = upload(&mut owner, cabin, None, "cabana.png", PNG).await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    let wrong = upload(&mut owner, cabin, Some(&"0".repeat(64)), "cabana.png", PNG).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let stranger = upload(
        &mut Http::new(&base),
        cabin,
        Some(&token),
        "cabana.png",
        PNG,
    )
    .await;
    assert_eq!(stranger.location.as_deref(), Some("/admin/login"));
    assert_eq!(photos_stored(&fleet).await, 0);
    assert_eq!(audit_actions(&fleet).await, ["sign_in"]);

    // The same photo with its token is kept (so the refusals above were the checks' doing).
    let ok = upload(&mut owner, cabin, Some(&token), "cabana.png", PNG).await;
    assert_eq!(
        ok.location.as_deref(),
        Some("/admin/setup?aviso=foto-subida")
    );
    assert_eq!(photos_stored(&fleet).await, 1);
    fleet.drop_db().await;
}

#[tokio::test]
async fn another_propertys_owner_and_a_non_owner_cannot_touch_a_photo_and_unknown_links_are_404() {
    let fleet = Fleet::new().await;
    let Cast { cabin, other, .. } = owner_staff_and_another_property(&fleet).await;
    add_staff(&fleet, other, "otro@refugio.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut owner = Http::new(&base);
    let token = owner.sign_in("duena@lago.test").await;
    let ok = upload(&mut owner, cabin, Some(&token), "cabana.png", PNG).await;
    assert_eq!(
        ok.location.as_deref(),
        Some("/admin/setup?aviso=foto-subida")
    );
    let (photo, file): (i64, String) =
        sqlx::query_as("SELECT id, token || '.png' FROM cabin_photos WHERE accommodation_id = $1")
            .bind(cabin)
            .fetch_one(&fleet.db)
            .await
            .unwrap();
    let remove = format!("/admin/setup/photos/{photo}/remove");

    // The other property's owner: our photo and our cabin are pages that do not exist.
    let mut them = Http::new(&base);
    let their_token = them.sign_in("otro@refugio.test").await;
    assert_eq!(
        them.post(&remove, &[("csrf", &their_token)]).await.status,
        StatusCode::NOT_FOUND
    );
    let into_ours = upload(&mut them, cabin, Some(&their_token), "intrusa.png", PNG).await;
    assert_eq!(into_ours.status, StatusCode::NOT_FOUND);
    let their_page = them.get("/admin/setup").await;
    assert_eq!(their_page.status, StatusCode::OK);
    assert!(
        !their_page.body.contains(&file),
        "another property's photo listed"
    );

    // Staff who are not owners: neither upload nor remove.
    let mut staff = Http::new(&base);
    let staff_token = staff.sign_in("ana@lago.test").await;
    let a = upload(&mut staff, cabin, Some(&staff_token), "cabana.png", PNG).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(
        staff.post(&remove, &[("csrf", &staff_token)]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(photos_stored(&fleet).await, 1);

    // Unknown links: a made-up token, a number, a malformed name.
    let http = reqwest::Client::new();
    for path in [
        format!("/photos/{}.png", "ab".repeat(32)),
        "/photos/1.png".to_owned(),
        format!("/photos/{photo}.png"),
        "/photos/nada".to_owned(),
    ] {
        let got = http.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(got.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let public = format!("{base}/photos/{file}");
    assert_eq!(
        http.get(&public).send().await.unwrap().status(),
        StatusCode::OK
    );

    // The owner removes it: gone from the database and from its link, with its audit row.
    let removed = owner.post(&remove, &[("csrf", &token)]).await;
    assert_eq!(
        removed.location.as_deref(),
        Some("/admin/setup?aviso=foto-borrada")
    );
    assert_eq!(photos_stored(&fleet).await, 0);
    assert_eq!(
        http.get(&public).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        audit_actions(&fleet).await,
        [
            "sign_in",
            "setup_photo_add",
            "sign_in",
            "sign_in",
            "setup_photo_remove"
        ]
    );
    fleet.drop_db().await;
}

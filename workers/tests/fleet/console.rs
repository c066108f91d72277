//! The staff console (`/admin`) against the real ingress, PostgreSQL, Redis and, for the
//! hand-off, a worker process: its security over plain HTTP (sessions, property isolation,
//! form tokens, sign-in limits, passwords kept out of the logs), and the pages in a real
//! headless Chromium driven over WebDriver (fantoccini), with screenshots kept under
//! `target/console-screenshots/`.

use std::{
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use fantoccini::{Client, ClientBuilder, Locator};
use jobs::QueueName;
use reqwest::{StatusCode, redirect::Policy};
use wiremock::{
    Mock, MockServer,
    matchers::{method, path},
};

use crate::support::*;

pub(crate) const PHONE_NUMBER_ID: &str = "106540352242922";
pub(crate) const PASSWORD: &str = "lenga-coihue-ñire-2026";

/// The seeded property (`Fleet::seed_property`) and its id.
pub(crate) async fn property(fleet: &Fleet) -> i64 {
    fleet.seed_property().await;
    sqlx::query_scalar("SELECT id FROM properties WHERE whatsapp_phone_number_id = $1")
        .bind(PHONE_NUMBER_ID)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

/// Another property with a conversation of its own; answers (property, conversation).
pub(crate) async fn other_property(fleet: &Fleet) -> (i64, i64) {
    let p: i64 = sqlx::query_scalar(
        "INSERT INTO properties (name, whatsapp_phone_number_id, email_address)
         VALUES ('Refugio del Otro', '999000111222333', 'otro@refugio.test') RETURNING id",
    )
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let c: i64 = sqlx::query_scalar(
        "INSERT INTO conversations (property_id, channel, guest_address, state)
         VALUES ($1, 'whatsapp', '5492944000111', '{\"needs_human\": true}') RETURNING id",
    )
    .bind(p)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO inbound_messages (conversation_id, provider_message_id, kind, body)
         VALUES ($1, 'wamid.OTHER1', 'text', 'secreto del otro refugio')",
    )
    .bind(c)
    .execute(&fleet.db)
    .await
    .unwrap();
    (p, c)
}

/// A conversation of `property` with one guest message; answers its id.
pub(crate) async fn conversation(fleet: &Fleet, property: i64, guest: &str, body: &str) -> i64 {
    let c: i64 = sqlx::query_scalar(
        "INSERT INTO conversations (property_id, channel, guest_address, state)
         VALUES ($1, 'whatsapp', $2, '{}') RETURNING id",
    )
    .bind(property)
    .bind(guest)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO inbound_messages (conversation_id, provider_message_id, kind, body)
         VALUES ($1, $2, 'text', $3)",
    )
    .bind(c)
    .bind(format!("wamid.{guest}"))
    .bind(body)
    .execute(&fleet.db)
    .await
    .unwrap();
    c
}

/// `fleetctl staff add` with the password in the environment, as an operator runs it (with
/// every log on): the password never appears in what it prints.
pub(crate) fn add_staff(fleet: &Fleet, property: i64, email: &str, role: &str) {
    let out = Command::new(FLEETCTL)
        .args(["staff", "add", "--property", &property.to_string()])
        .args(["--email", email, "--role", role])
        .env("DATABASE_URL", &fleet.db_url)
        .env("FLEETCTL_STAFF_PASSWORD", PASSWORD)
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "fleetctl staff add: {printed}");
    assert!(printed.contains("created"), "{printed}");
    assert!(!printed.contains(PASSWORD), "the password was printed");
}

async fn taken_over(fleet: &Fleet, conversation: i64) -> bool {
    store::console::is_taken_over(&fleet.db, conversation)
        .await
        .unwrap()
}

pub(crate) async fn audit_actions(fleet: &Fleet) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM staff_audit_log ORDER BY id")
        .fetch_all(&fleet.db)
        .await
        .unwrap()
}

/// The Graph API faked, accepting every message sent from the property's number.
pub(crate) async fn graph_fake() -> MockServer {
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/{PHONE_NUMBER_ID}/messages")))
        .respond_with(graph_ok())
        .mount(&graph)
        .await;
    graph
}

/// The console over HTTP, holding its session cookie by hand (so a test can see it change).
pub(crate) struct Http {
    client: reqwest::Client,
    base: String,
    pub(crate) cookie: Option<String>,
}

pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) location: Option<String>,
    pub(crate) set_cookie: Option<String>,
    pub(crate) body: String,
}

impl Http {
    pub(crate) fn new(base: &str) -> Http {
        Http {
            client: reqwest::Client::builder()
                .redirect(Policy::none())
                .build()
                .unwrap(),
            base: base.to_owned(),
            cookie: None,
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Answer {
        let req = match &self.cookie {
            Some(c) => req.header("cookie", format!("fleet_console={c}")),
            None => req,
        };
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let location = resp
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned());
        let set_cookie = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|v| v.starts_with("fleet_console="));
        if let Some(sc) = &set_cookie {
            let value = sc["fleet_console=".len()..]
                .split(';')
                .next()
                .unwrap()
                .to_owned();
            self.cookie = (!value.is_empty()).then_some(value);
        }
        Answer {
            status,
            location,
            set_cookie,
            body: resp.text().await.unwrap(),
        }
    }

    pub(crate) async fn get(&mut self, path: &str) -> Answer {
        let req = self.client.get(format!("{}{path}", self.base));
        self.send(req).await
    }

    pub(crate) async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Answer {
        let req = self.client.post(format!("{}{path}", self.base)).form(form);
        self.send(req).await
    }

    /// Posts `body` as it is, with its `content_type` (a multipart upload built by hand).
    pub(crate) async fn post_raw(
        &mut self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> Answer {
        let req = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body);
        self.send(req).await
    }

    /// Signs in as `email`; answers the page's form token.
    pub(crate) async fn sign_in(&mut self, email: &str) -> String {
        let page = self.get("/admin/login").await;
        let token = csrf_of(&page.body);
        let done = self
            .post(
                "/admin/login",
                &[("csrf", &token), ("email", email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert_eq!(done.location.as_deref(), Some("/admin"));
        csrf_of(&self.get("/admin").await.body)
    }
}

/// The form token of a page (every form carries it in a hidden `csrf` field).
fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("a form with its token") + marker.len();
    html[start..start + 64].to_owned()
}

/// The console's routes as its module documents them (`ingress/src/console/mod.rs`, the "who
/// may use what" table): (path, methods, who).
fn documented_routes() -> Vec<(String, Vec<String>, String)> {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ingress/src/console/mod.rs"
    ))
    .unwrap();
    source
        .lines()
        .filter_map(|l| l.strip_prefix("//! | `/admin"))
        .map(|row| {
            let cells: Vec<&str> = row.split(" | ").collect();
            let path = format!("/admin{}", cells[0].trim_end_matches('`'));
            let methods = cells[1].split(", ").map(str::to_owned).collect();
            (path, methods, cells[2].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_documented_console_route_sends_a_browser_without_a_session_to_the_login() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let routes = documented_routes();
    assert!(routes.len() >= 25, "{routes:?}");
    let mut checked = 0;
    for (path, methods, who) in routes {
        if who.starts_with("anyone") {
            continue;
        }
        // Any value for a parameter: without a session nothing is looked up.
        let path = path
            .replace(":id", "1")
            .replace(":code", "RES000000001")
            .replace(":queue", "parse_intent");
        for method in methods {
            let mut http = Http::new(&base);
            let answer = match method.as_str() {
                "GET" => http.get(&path).await,
                "POST" => http.post(&path, &[("text", "x")]).await,
                other => panic!("{path}: method {other} in the table"),
            };
            assert_eq!(
                answer.status,
                StatusCode::SEE_OTHER,
                "{method} {path}: {}",
                answer.body
            );
            assert_eq!(
                answer.location.as_deref(),
                Some("/admin/login"),
                "{method} {path}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "{checked} routes checked");
    let audit: i64 = sqlx::query_scalar("SELECT count(*) FROM staff_audit_log")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    assert_eq!(audit, 0, "an action ran without a session");
    fleet.drop_db().await;
}

#[tokio::test]
async fn console_pages_need_a_session_and_the_session_changes_at_sign_in() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    let c = conversation(&fleet, property, "5492944555666", "hola").await;
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut http = Http::new(&base);

    // Without a session every page and every action leads to the login, and nothing happens.
    for page in [
        "/admin".to_owned(),
        "/admin/inbox".to_owned(),
        format!("/admin/inbox/{c}"),
    ] {
        let a = http.get(&page).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{page}");
        assert_eq!(a.location.as_deref(), Some("/admin/login"), "{page}");
    }
    for action in ["take", "release", "reply"] {
        let a = Http::new(&base)
            .post(&format!("/admin/inbox/{c}/{action}"), &[("text", "x")])
            .await;
        assert_eq!(a.location.as_deref(), Some("/admin/login"), "{action}");
    }
    let a = Http::new(&base).post("/admin/logout", &[]).await;
    assert_eq!(a.location.as_deref(), Some("/admin/login"));
    assert!(!taken_over(&fleet, c).await);

    // The login page starts an anonymous session (for its form token): HttpOnly, SameSite=Lax,
    // limited to /admin, expiring.
    let login = http.get("/admin/login").await;
    assert_eq!(login.status, StatusCode::OK);
    let cookie = login.set_cookie.expect("a session cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/admin", "Max-Age="] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(!cookie.contains("Secure"), "{cookie}");
    let before = http.cookie.clone().unwrap();
    let token = csrf_of(&login.body);
    let signed = http
        .post(
            "/admin/login",
            &[
                ("csrf", &token),
                ("email", "ANA@lago.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    let after = http.cookie.clone().unwrap();
    assert_ne!(before, after, "the session id must change at sign-in");
    assert_eq!(http.get("/admin").await.status, StatusCode::OK);
    // The id from before sign-in is worth nothing now (no fixation).
    let mut planted = Http::new(&base);
    planted.cookie = Some(before);
    assert_eq!(
        planted.get("/admin").await.location.as_deref(),
        Some("/admin/login")
    );
    // A made-up id is no session either.
    planted.cookie = Some("A".repeat(43));
    assert_eq!(
        planted.get("/admin").await.location.as_deref(),
        Some("/admin/login")
    );

    // Signing out ends the session server-side: the old cookie opens nothing.
    let token = csrf_of(&http.get("/admin").await.body);
    let out = http.post("/admin/logout", &[("csrf", &token)]).await;
    assert_eq!(out.location.as_deref(), Some("/admin/login"));
    let mut replay = Http::new(&base);
    replay.cookie = Some(after);
    assert_eq!(
        replay.get("/admin").await.location.as_deref(),
        Some("/admin/login")
    );
    assert_eq!(audit_actions(&fleet).await, ["sign_in", "sign_out"]);

    // Behind TLS (the default) the cookie is Secure.
    let secure = fleet.spawn_ingress().await;
    let login = Http::new(&secure).get("/admin/login").await;
    assert!(login.set_cookie.unwrap().contains("Secure"));
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_property_never_sees_another_and_every_form_needs_its_token() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let (other, theirs) = other_property(&fleet).await;
    add_staff(&fleet, other, "otro@refugio.test", "owner");
    let ours = conversation(&fleet, property, "5492944555666", "hola").await;
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut http = Http::new(&base);
    let token = http.sign_in("ana@lago.test").await;

    // Another property's conversation is a page that does not exist, whatever the way in.
    let theirs_page = format!("/admin/inbox/{theirs}");
    let a = http.get(&theirs_page).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(!a.body.contains("secreto del otro refugio"));
    let missing = http.get("/admin/inbox/987654321").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(
        a.body, missing.body,
        "another's and a missing id answer alike"
    );
    assert_eq!(
        http.get("/admin/inbox/abc").await.status,
        StatusCode::NOT_FOUND
    );
    for action in ["take", "release"] {
        let a = http
            .post(&format!("{theirs_page}/{action}"), &[("csrf", &token)])
            .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{action}");
    }
    let nonce = "ab".repeat(32);
    let a = http
        .post(
            &format!("{theirs_page}/reply"),
            &[("csrf", &token), ("nonce", &nonce), ("text", "hola")],
        )
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(!taken_over(&fleet, theirs).await);
    let list = http.get("/admin/inbox").await.body;
    assert!(list.contains("5492944555666"));
    assert!(
        !list.contains("5492944000111"),
        "another property's guest listed"
    );
    let today = http.get("/admin").await.body;
    assert!(
        !today.contains("5492944000111"),
        "another property's guest on Today"
    );

    // A form without its token, or with another, is refused and changes nothing.
    let take = format!("/admin/inbox/{ours}/take");
    let none = http.post(&take, &[]).await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    let wrong = http.post(&take, &[("csrf", &"0".repeat(64))]).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let mut stranger = Http::new(&base);
    let strangers_token = csrf_of(&stranger.get("/admin/login").await.body);
    let foreign = http.post(&take, &[("csrf", &strangers_token)]).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert!(!taken_over(&fleet, ours).await);
    let sent: i64 = count(&fleet.db, "SELECT count(*) FROM outbox").await;
    let reply = http
        .post(
            &format!("/admin/inbox/{ours}/reply"),
            &[("nonce", &nonce), ("text", "hola")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(count(&fleet.db, "SELECT count(*) FROM outbox").await, sent);
    assert_eq!(audit_actions(&fleet).await, ["sign_in"]);

    // With it, the action happens, once, with its audit row.
    let ok = http.post(&take, &[("csrf", &token)]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert!(taken_over(&fleet, ours).await);
    let entry = store::staff::audit_of(&fleet.db, property, 1)
        .await
        .unwrap();
    assert_eq!(entry[0].action, "take_over");
    assert_eq!(
        entry[0].subject.as_deref(),
        Some(&*format!("conversation:{ours}"))
    );
    assert!(entry[0].account_id.is_some());
    fleet.drop_db().await;
}

/// Everything the test process logs, from the moment a test installs it.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn sign_in_attempts_are_limited_and_passwords_never_logged() {
    let logs = Logs::default();
    let writer = logs.clone();
    // Every log line of the ingress (this process), at every level.
    let installed = tracing_subscriber::fmt()
        .with_env_filter("ingress=trace,store=trace,poem=trace,jobs=trace")
        .with_writer(move || writer.clone())
        .try_init()
        .is_ok();
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    let base = fleet
        .spawn_ingress_with(|c| {
            c.console.cookie_secure = false;
            c.console.login_attempts_per_account = 3;
            c.console.login_attempts_per_ip = 6;
        })
        .await;

    // The limiter's windows are minutes (the previous one fading out): start early in one, so
    // every attempt below counts whole.
    let into_minute = chrono::Utc::now().timestamp_millis().rem_euclid(60_000) as u64;
    if into_minute > 45_000 {
        tokio::time::sleep(Duration::from_millis(60_100 - into_minute)).await;
    }
    // Per account: three tries a minute, then even the right password waits.
    let mut http = Http::new(&base);
    let token = csrf_of(&http.get("/admin/login").await.body);
    for guess in ["123456", "password", "lenga2026"] {
        let a = http
            .post(
                "/admin/login",
                &[
                    ("csrf", &token),
                    ("email", "ana@lago.test"),
                    ("password", guess),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert!(a.body.contains("Correo o contraseña incorrectos"));
    }
    let a = http
        .post(
            "/admin/login",
            &[
                ("csrf", &token),
                ("email", "ana@lago.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(a.body.contains("Demasiados intentos"));
    assert_eq!(
        http.get("/admin").await.location.as_deref(),
        Some("/admin/login"),
        "no session after a refused attempt"
    );
    // Per IP: other addresses from the same client run out too.
    for n in 0..2 {
        let a = http
            .post(
                "/admin/login",
                &[
                    ("csrf", &token),
                    ("email", &format!("x{n}@lago.test")),
                    ("password", "nope-nope"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
    }
    let a = http
        .post(
            "/admin/login",
            &[
                ("csrf", &token),
                ("email", "y@lago.test"),
                ("password", "nope-nope"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    let failed = audit_actions(&fleet).await;
    assert_eq!(
        failed, ["sign_in_failed"; 3],
        "failed attempts on the account are audited"
    );

    if installed {
        // Something was logged (so the check below can fail), and no password.
        let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
        assert!(text.contains("too many console sign-in attempts"), "{text}");
        for secret in [PASSWORD, "lenga2026", "nope-nope", "$argon2id$"] {
            assert!(!text.contains(secret), "{secret} reached the logs");
        }
    }
    fleet.drop_db().await;
}

/// Signs in as `email` on the login page the browser shows, and lands on Today.
pub(crate) async fn sign_in_browser(browser: &Client, email: &str) {
    browser
        .find(Locator::Css("input[name=email]"))
        .await
        .unwrap()
        .send_keys(email)
        .await
        .unwrap();
    browser
        .find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(PASSWORD)
        .await
        .unwrap();
    browser
        .find(Locator::Css("section.login button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // A click returns before the next page has loaded.
    let landed = eventually(Duration::from_secs(10), || async {
        browser
            .current_url()
            .await
            .is_ok_and(|u| u.path() == "/admin")
    })
    .await;
    assert!(landed, "not on Today after signing in as {email}");
}

/// chromedriver on a free loopback port, stopped (killed and reaped) when dropped.
pub(crate) struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    pub(crate) async fn start() -> Driver {
        let port = testkit::ports::free_port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian's chromium-driver; scripts/test.sh installs it)");
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let status = format!("{url}/status");
        assert!(
            eventually(Duration::from_secs(20), || {
                let http = http.clone();
                let status = status.clone();
                async move { http.get(&status).send().await.is_ok() }
            })
            .await,
            "chromedriver did not start"
        );
        Driver { child, url }
    }

    pub(crate) async fn browser(&self) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1000"]
            }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url)
            .await
            .expect("a Chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Keeps a screenshot of the browser's page as a test artifact.
pub(crate) async fn screenshot(browser: &Client, name: &str) {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("console-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = browser.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// Waits until the page's notice says `needle` (the page after a form's POST and redirect; the
/// page before it may carry another notice).
pub(crate) async fn notice_says(browser: &Client, needle: &str) {
    let said = eventually(Duration::from_secs(10), || async {
        match browser.find(Locator::Css("p.notice")).await {
            Ok(e) => e.text().await.is_ok_and(|t| t.contains(needle)),
            Err(_) => false,
        }
    })
    .await;
    if !said {
        let source = browser.source().await.unwrap_or_default();
        panic!("no notice saying {needle:?}:\n{source}");
    }
}

/// The text of the first element matching `css`, waiting for it: a click that submits a form
/// returns before the next page has loaded.
pub(crate) async fn text_of(browser: &Client, css: &str) -> String {
    match browser
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
    {
        Ok(element) => element.text().await.unwrap(),
        Err(e) => {
            let url = browser.current_url().await.map(|u| u.to_string());
            let source = browser.source().await.unwrap_or_default();
            panic!("{css}: {e}; at {url:?}:\n{source}")
        }
    }
}

#[tokio::test]
async fn in_a_browser_staff_see_their_day_take_a_guest_over_answer_and_hand_back() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    // The day: one arrival, one departure, a hold about to expire, on the property's own today
    // (Buenos Aires), which is not UTC's in the evening.
    sqlx::query(
        "INSERT INTO reservations (code, accommodation_id, guest_name, check_in, check_out, guests, status, channel_source, expires_at)
         SELECT c.code, a.id, c.guest, t.today + c.ci, t.today + c.co, 2, c.st::reservation_status, 'whatsapp', c.exp
         FROM accommodations a,
              (SELECT (now() AT TIME ZONE p.time_zone)::date AS today FROM properties p ORDER BY p.id LIMIT 1) AS t,
              (VALUES
                  ('RESARRIVE1', 'Lucía Llegada', 0, 2, 'confirmed', NULL::timestamptz),
                  ('RESLEAVE01', 'Pedro Partida', -3, 0, 'confirmed', NULL),
                  ('RESHOLD001', 'Hilda Hold', 10, 12, 'pre_reserved', now() + interval '25 minutes')
              ) AS c(code, guest, ci, co, st, exp)",
    )
    .execute(&fleet.db)
    .await
    .unwrap();
    let (graph, _w, base) = graph_worker_and_console(&fleet, "parse_intent,send_reply").await;
    let guest = Guest::whatsapp(&base, PHONE_NUMBER_ID, "5492944123456", WA_SECRET);

    // A guest asks for a person, with markup in the message.
    let hostile = "<script>window.__pwned = 1</script><b>hola</b> quiero hablar con una persona";
    guest.say(hostile).await.unwrap();
    let answered = sent_texts_when(&graph, 1).await;
    assert_eq!(
        answered.len(),
        1,
        "the bot answers the request for a person"
    );

    let driver = Driver::start().await;
    let browser = driver.browser().await;
    let run = async {
        // No session: the console sends the browser to the login.
        browser.goto(&format!("{base}/admin/inbox")).await.unwrap();
        assert!(
            browser
                .current_url()
                .await
                .unwrap()
                .path()
                .ends_with("/admin/login")
        );
        screenshot(&browser, "login").await;
        sign_in_browser(&browser, "ana@lago.test").await;

        // Today: the arrival, the departure, the hold, the guest who asked for a person.
        assert!(text_of(&browser, "#arrivals").await.contains("RESARRIVE1"));
        assert!(
            text_of(&browser, "#departures")
                .await
                .contains("RESLEAVE01")
        );
        assert!(text_of(&browser, "#expiring").await.contains("RESHOLD001"));
        let needs = text_of(&browser, "#needs-person").await;
        assert!(
            needs.contains("5492944123456") && needs.contains("Pidió una persona"),
            "{needs}"
        );
        screenshot(&browser, "today").await;

        // Reservations: the list, and a hold with the button that confirms it paid another way.
        browser
            .goto(&format!("{base}/admin/reservations"))
            .await
            .unwrap();
        let listed = text_of(&browser, "table.reservations").await;
        assert!(
            listed.contains("RESHOLD001") && listed.contains("Hilda Hold"),
            "{listed}"
        );
        screenshot(&browser, "reservations").await;

        // The calendar: the arrival's nights in this month's grid, linked to the stay.
        let month: String = sqlx::query_scalar(
            "SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM') FROM properties ORDER BY id LIMIT 1",
        )
            .fetch_one(&fleet.db)
            .await
            .unwrap();
        browser
            .goto(&format!("{base}/admin/calendar?month={month}"))
            .await
            .unwrap();
        let grid = text_of(&browser, "table.month").await;
        assert!(grid.contains("RESARRIVE1"), "{grid}");
        screenshot(&browser, "calendar").await;
        browser
            .goto(&format!("{base}/admin/reservations"))
            .await
            .unwrap();
        browser
            .find(Locator::LinkText("RESHOLD001"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert!(
            text_of(&browser, "dl.reservation")
                .await
                .contains("Hilda Hold")
        );
        browser
            .find(Locator::XPath(
                "//button[text()='Confirmar: pagó por otro medio']",
            ))
            .await
            .unwrap();
        screenshot(&browser, "reservation").await;

        // The inbox, then the conversation: the guest's markup is shown as text, never run.
        browser.goto(&format!("{base}/admin/inbox")).await.unwrap();
        screenshot(&browser, "inbox").await;
        browser
            .find(Locator::Css("ul.conversations a"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let shown = text_of(&browser, "ol.messages li.guest p.text").await;
        assert_eq!(shown, hostile);
        let ran = browser
            .execute(
                "return [typeof window.__pwned, document.querySelectorAll('main script, main b').length];",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(ran, serde_json::json!(["undefined", 0]));
        assert!(
            text_of(&browser, "details.understood")
                .await
                .contains("Lo que entendió el bot")
        );

        // Take over: the bot records the guest's next message and does not answer it.
        browser
            .find(Locator::XPath("//button[text()='Tomar la conversación']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        notice_says(&browser, "Tomaste la conversación").await;
        let quiet = guest.say("¿hay alguien ahí?").await.unwrap();
        let key = format!("parse_intent:wa:{}", quiet.id);
        assert!(
            eventually(Duration::from_secs(15), || async {
                store::idempotency::is_done(&fleet.db, &key)
                    .await
                    .unwrap_or(false)
            })
            .await,
            "the guest's message was handled"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(sent_texts(&graph).await.len(), 1, "the bot stayed quiet");

        // Answer from the console: it reaches the guest through the Graph API, once.
        browser.refresh().await.unwrap();
        assert!(
            text_of(&browser, "ol.messages")
                .await
                .contains("¿hay alguien ahí?")
        );
        browser
            .find(Locator::Css("textarea[name=text]"))
            .await
            .unwrap()
            .send_keys("Hola, soy Ana del equipo. ¿En qué te ayudo?")
            .await
            .unwrap();
        browser
            .find(Locator::Css("form.reply button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        notice_says(&browser, "en camino").await;
        let texts = sent_texts_when(&graph, 2).await;
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[1], "Hola, soy Ana del equipo. ¿En qué te ayudo?");
        browser.refresh().await.unwrap();
        assert!(
            text_of(&browser, "ol.messages li.staff")
                .await
                .contains("soy Ana del equipo")
        );
        screenshot(&browser, "conversation").await;

        // Hand back: the bot answers the guest again.
        browser
            .find(Locator::XPath("//button[text()='Devolver al bot']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        notice_says(&browser, "El bot vuelve").await;
        guest
            .say("hola, ¿tenés lugar para el finde?")
            .await
            .unwrap();
        assert_eq!(
            sent_texts_when(&graph, 3).await.len(),
            3,
            "the bot answers again"
        );
        browser.goto(&format!("{base}/admin")).await.unwrap();
        assert!(
            text_of(&browser, "#needs-person")
                .await
                .contains("Nadie pidió")
        );

        // The fleet's queues (an owner's page): a dead letter's error shown as text.
        dead_letter(&fleet, "pagonavegador", HOSTILE_ERROR).await;
        browser.goto(&format!("{base}/admin/queues")).await.unwrap();
        assert!(
            text_of(&browser, "#dead-letters")
                .await
                .contains(HOSTILE_ERROR)
        );
        screenshot(&browser, "queues").await;

        // Sign out: the console is closed again.
        browser
            .find(Locator::Css("form.logout button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser.goto(&format!("{base}/admin")).await.unwrap();
        assert!(
            browser
                .current_url()
                .await
                .unwrap()
                .path()
                .ends_with("/admin/login")
        );
    };
    run.await;
    browser.close().await.unwrap();
    drop(driver);
    assert_eq!(
        audit_actions(&fleet).await,
        ["sign_in", "take_over", "reply", "hand_back", "sign_out"]
    );
    fleet.drop_db().await;
}

/// Inserts reservation `code` of `cabin`, `check_in_in_days` after its property's today (in the
/// property's time zone); answers its id.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn reservation(
    fleet: &Fleet,
    cabin: i64,
    code: &str,
    guest: &str,
    phone: &str,
    check_in_in_days: i32,
    deposit: i64,
    status: &str,
) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO reservations (code, accommodation_id, guest_name, guest_phone, check_in, check_out, guests,
                                   total_amount, deposit_amount, status, channel_source, expires_at)
         SELECT $1, $2, $3, $4, t.today + $5, t.today + $5 + 2, 2, $6 * 3, $6,
                $7::reservation_status, 'whatsapp',
                CASE WHEN $7 = 'pre_reserved' THEN now() + interval '30 minutes' END
         FROM (SELECT (now() AT TIME ZONE p.time_zone)::date AS today
               FROM accommodations a JOIN properties p ON p.id = a.property_id WHERE a.id = $2) AS t
         RETURNING id",
    )
    .bind(code)
    .bind(cabin)
    .bind(guest)
    .bind(phone)
    .bind(check_in_in_days)
    .bind(deposit)
    .bind(status)
    .fetch_one(&fleet.db)
    .await
    .unwrap()
}

pub(crate) async fn status_of(fleet: &Fleet, code: &str) -> String {
    sqlx::query_scalar("SELECT status::text FROM reservations WHERE code = $1")
        .bind(code)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

/// A fake Graph API, a worker of `queues` that sends to it, and the ingress with the console
/// over plain HTTP: (the fake, the worker, the ingress's base URL).
pub(crate) async fn graph_worker_and_console(
    fleet: &Fleet,
    queues: &str,
) -> (MockServer, Reaper, String) {
    let graph = graph_fake().await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let worker = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", queues)],
    )]);
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    (graph, worker, base)
}

/// [`graph_worker_and_console`] with a worker that confirms payments and sends replies, and
/// `email` signed in: (the fake, the worker, the console, its form token).
async fn console_with_worker(fleet: &Fleet, email: &str) -> (MockServer, Reaper, Http, String) {
    let (graph, worker, base) = graph_worker_and_console(fleet, "confirm_payment,send_reply").await;
    let mut http = Http::new(&base);
    let token = http.sign_in(email).await;
    (graph, worker, http, token)
}

/// The (first) cabin of `property`.
pub(crate) async fn cabin_of(fleet: &Fleet, property: i64) -> i64 {
    sqlx::query_scalar("SELECT id FROM accommodations WHERE property_id = $1 ORDER BY id LIMIT 1")
        .bind(property)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

/// How many audit rows of `action` there are.
pub(crate) async fn audited(fleet: &Fleet, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM staff_audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

/// The audit rows of `action`: (account, subject, detail), oldest first.
pub(crate) async fn audit_rows(
    fleet: &Fleet,
    action: &str,
) -> Vec<(Option<i64>, String, serde_json::Value)> {
    sqlx::query_as(
        "SELECT account_id, subject, detail FROM staff_audit_log WHERE action = $1 ORDER BY id",
    )
    .bind(action)
    .fetch_all(&fleet.db)
    .await
    .unwrap()
}

/// The setup tests' cast: the seeded property with an owner (duena@lago.test) and a staff
/// member (ana@lago.test), its first cabin, and another property's cabin and that property.
pub(crate) struct Cast {
    pub(crate) property: i64,
    pub(crate) cabin: i64,
    pub(crate) theirs: i64,
    pub(crate) other: i64,
}

pub(crate) async fn owner_staff_and_another_property(fleet: &Fleet) -> Cast {
    let property = property(fleet).await;
    add_staff(fleet, property, "duena@lago.test", "owner");
    add_staff(fleet, property, "ana@lago.test", "staff");
    let cabin = cabin_of(fleet, property).await;
    let theirs = their_cabin(fleet).await;
    let other = property_of(fleet, theirs).await;
    Cast {
        property,
        cabin,
        theirs,
        other,
    }
}

/// Another property ([`other_property`]) with a cabin of its own; answers the cabin's id.
pub(crate) async fn their_cabin(fleet: &Fleet) -> i64 {
    let (other, _) = other_property(fleet).await;
    sqlx::query_scalar(
        "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night)
         VALUES ($1, 'Cabaña Ajena', 4, 50000) RETURNING id",
    )
    .bind(other)
    .fetch_one(&fleet.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn reservations_are_searched_confirmed_once_and_cancelled_by_the_policy() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let cabin = cabin_of(&fleet, property).await;
    // The seeded policy: the whole deposit back up to 10 days before, half after.
    reservation(
        &fleet,
        cabin,
        "RES1000001",
        "Hilda Hold",
        "5492944111001",
        40,
        30_000,
        "pre_reserved",
    )
    .await;
    reservation(
        &fleet,
        cabin,
        "RES1000002",
        "Carla Lejos",
        "5492944111002",
        30,
        30_000,
        "confirmed",
    )
    .await;
    let asked = reservation(
        &fleet,
        cabin,
        "RES1000003",
        "Pablo Pronto",
        "5492944111003",
        3,
        20_000,
        "confirmed",
    )
    .await;
    // Pablo asked to cancel when it was 20 days away: he was told the whole deposit comes back.
    sqlx::query(
        "INSERT INTO cancellation_requests (reservation_id, days_before_check_in, refund_percent, cause_key)
         VALUES ($1, 20, 100, 'parse_intent:wa:test')",
    )
    .bind(asked)
    .execute(&fleet.db)
    .await
    .unwrap();
    let their_cabin = their_cabin(&fleet).await;
    reservation(
        &fleet,
        their_cabin,
        "RES9000001",
        "Otra Huésped",
        "5492944999001",
        30,
        10_000,
        "pre_reserved",
    )
    .await;
    reservation(
        &fleet,
        their_cabin,
        "RES9000002",
        "Otro Huésped",
        "5492944999002",
        35,
        10_000,
        "confirmed",
    )
    .await;

    let (graph, _w, mut http, token) = console_with_worker(&fleet, "ana@lago.test").await;
    let base = http.base.clone();

    // The list: ours, not theirs; a search finds by name or phone, its wildcards are literal.
    let list = http.get("/admin/reservations").await;
    assert_eq!(list.status, StatusCode::OK);
    for code in ["RES1000001", "RES1000002", "RES1000003"] {
        assert!(list.body.contains(code), "{code} listed");
    }
    assert!(
        !list.body.contains("RES900000"),
        "another property's reservation listed"
    );
    let found = http.get("/admin/reservations?q=hilda").await.body;
    assert!(found.contains("RES1000001") && !found.contains("RES1000002"));
    let found = http.get("/admin/reservations?q=111003").await.body;
    assert!(found.contains("RES1000003") && !found.contains("RES1000001"));
    let none = http.get("/admin/reservations?q=%25").await.body;
    assert!(!none.contains("RES1000001") && none.contains("No hay reservas"));
    let none = http.get("/admin/reservations?q=RES9000001").await.body;
    assert!(none.contains("No hay reservas"), "{none}");
    assert!(
        !none.contains("href=\"/admin/reservations/RES9000001\""),
        "another property's code found by search"
    );

    // A group's payment names the group, not a cabin: it is on Today too, under its code.
    let group: i64 = sqlx::query_scalar(
        "INSERT INTO reservation_groups (code, hold_cause) VALUES ('GRP1000001', 'test:group') RETURNING id",
    )
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let member = reservation(
        &fleet,
        cabin,
        "RES1000006",
        "Gina Grupo",
        "5492944111006",
        60,
        10_000,
        "confirmed",
    )
    .await;
    sqlx::query("UPDATE reservations SET group_id = $1 WHERE id = $2")
        .bind(group)
        .bind(member)
        .execute(&fleet.db)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO payments (provider_payment_id, reservation_group_id, external_reference, status, amount, currency, approved_at)
         VALUES ('777000111', $1, 'GRP1000001', 'approved', 20000, 'ARS', now())",
    )
    .bind(group)
    .execute(&fleet.db)
    .await
    .unwrap();

    // Pablo's request is on Today and on top of the inbox.
    let today = http.get("/admin").await.body;
    assert!(
        today.contains("Pedidos de cancelación") && today.contains("RES1000003"),
        "{today}"
    );
    assert!(
        today.contains("GRP1000001"),
        "the group's payment on Today: {today}"
    );
    assert!(http.get("/admin/inbox").await.body.contains("RES1000003"));

    // Another property's reservation does not exist here, whatever the way in; nothing changes.
    for code in ["RES9000001", "RES9000002"] {
        let page = http.get(&format!("/admin/reservations/{code}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(!page.body.contains("Otr"));
        for action in ["paid", "cancel"] {
            let a = http
                .post(
                    &format!("/admin/reservations/{code}/{action}"),
                    &[("csrf", &token)],
                )
                .await;
            assert_eq!(a.status, StatusCode::NOT_FOUND, "{code} {action}");
        }
    }
    assert_eq!(status_of(&fleet, "RES9000001").await, "pre_reserved");
    assert_eq!(status_of(&fleet, "RES9000002").await, "confirmed");
    assert_eq!(
        http.get("/admin/reservations/GRP1").await.status,
        StatusCode::NOT_FOUND
    );

    // Without its form token a cancellation is refused and changes nothing.
    let refused = http
        .post("/admin/reservations/RES1000002/cancel", &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&fleet, "RES1000002").await, "confirmed");

    // A hold paid another way: pressed twice and confirmed by the scripts' endpoint too, it is
    // confirmed once and the guest gets one voucher.
    let page = http.get("/admin/reservations/RES1000001").await.body;
    assert!(page.contains("Confirmar: pagó por otro medio"));
    for _ in 0..2 {
        let a = http
            .post("/admin/reservations/RES1000001/paid", &[("csrf", &token)])
            .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
    }
    let scripted = reqwest::Client::new()
        .post(format!("{base}/admin/reservations/RES1000001/confirm"))
        .bearer_auth(STAFF_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(scripted.status(), reqwest::StatusCode::ACCEPTED);
    assert!(
        eventually(Duration::from_secs(15), || async {
            status_of(&fleet, "RES1000001").await == "confirmed"
        })
        .await,
        "the hold was confirmed"
    );
    let vouchers = sent_texts_when(&graph, 1).await;
    assert_eq!(vouchers.len(), 1);
    assert!(vouchers[0].contains("RES1000001"), "{}", vouchers[0]);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        sent_texts(&graph).await.len(),
        1,
        "one voucher, however often confirmed"
    );
    let page = http.get("/admin/reservations/RES1000001").await.body;
    assert!(page.contains("Confirmada") && !page.contains("Confirmar: pagó"));

    // Cancelling a stay a month away: the policy gives the whole deposit back.
    let page = http.get("/admin/reservations/RES1000002").await.body;
    assert!(page.contains("se devuelve el 100% de la seña"), "{page}");
    let done = http
        .post("/admin/reservations/RES1000002/cancel", &[("csrf", &token)])
        .await;
    assert_eq!(
        done.location.as_deref(),
        Some("/admin/reservations/RES1000002?aviso=cancelada")
    );
    assert_eq!(status_of(&fleet, "RES1000002").await, "cancelled");
    // Pressed again: nothing more.
    let again = http
        .post("/admin/reservations/RES1000002/cancel", &[("csrf", &token)])
        .await;
    assert_eq!(
        again.location.as_deref(),
        Some("/admin/reservations/RES1000002?aviso=ya-cancelada")
    );
    // Pablo, three days away, keeps what he was told (100%), not today's policy (50%).
    let page = http.get("/admin/reservations/RES1000003").await.body;
    assert!(page.contains("se le dijo que recibe el 100%"), "{page}");
    assert!(page.contains("se devuelve el 100% de la seña"), "{page}");
    http.post("/admin/reservations/RES1000003/cancel", &[("csrf", &token)])
        .await;
    assert_eq!(status_of(&fleet, "RES1000003").await, "cancelled");
    let resolved: Vec<(String, i32, Option<i64>, bool)> = sqlx::query_as(
        "SELECT r.code, c.refund_percent, c.refund_cents, c.resolved_by IS NOT NULL AND c.resolved_at IS NOT NULL
         FROM cancellation_requests c JOIN reservations r ON r.id = c.reservation_id ORDER BY r.code",
    )
    .fetch_all(&fleet.db)
    .await
    .unwrap();
    assert_eq!(
        resolved,
        [
            ("RES1000002".to_owned(), 100, Some(3_000_000), true),
            ("RES1000003".to_owned(), 100, Some(2_000_000), true),
        ]
    );
    let today = http.get("/admin").await.body;
    assert!(!today.contains("RES1000003"), "the request is resolved");
    // A hold cannot be cancelled by the policy (it was never paid).
    reservation(
        &fleet,
        cabin,
        "RES1000004",
        "Hugo Hold",
        "5492944111004",
        50,
        30_000,
        "pre_reserved",
    )
    .await;
    let a = http
        .post("/admin/reservations/RES1000004/cancel", &[("csrf", &token)])
        .await;
    assert_eq!(
        a.location.as_deref(),
        Some("/admin/reservations/RES1000004?aviso=no-confirmada")
    );
    assert_eq!(status_of(&fleet, "RES1000004").await, "pre_reserved");
    // The cancelled nights are free: another stay can take them.
    reservation(
        &fleet,
        cabin,
        "RES1000005",
        "Nina Nueva",
        "5492944111005",
        30,
        30_000,
        "confirmed",
    )
    .await;

    let actions = audit_actions(&fleet).await;
    assert_eq!(
        actions.iter().filter(|a| *a == "cancel").count(),
        2,
        "{actions:?}"
    );
    assert!(actions.contains(&"confirm".to_owned()), "{actions:?}");
    fleet.drop_db().await;
}

/// The form nonce of a page's first form that has one.
pub(crate) fn nonce_of(html: &str) -> String {
    let marker = "name=\"nonce\" value=\"";
    let start = html.find(marker).expect("a form with its nonce") + marker.len();
    html[start..start + 64].to_owned()
}

/// The reservation code a redirect after an action names.
pub(crate) fn code_in(location: Option<&str>) -> String {
    let location = location.expect("a redirect");
    let rest = location
        .strip_prefix("/admin/reservations/")
        .expect("to a reservation");
    rest.split('?').next().unwrap().to_owned()
}

/// (cabin, check-in, check-out, status, channel source) of reservation `code`.
pub(crate) async fn stay_of(
    fleet: &Fleet,
    code: &str,
) -> (i64, chrono::NaiveDate, chrono::NaiveDate, String, String) {
    sqlx::query_as(
        "SELECT accommodation_id, check_in, check_out, status::text, channel_source
         FROM reservations WHERE code = $1",
    )
    .bind(code)
    .fetch_one(&fleet.db)
    .await
    .unwrap()
}

async fn reservation_count(fleet: &Fleet) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM reservations")
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_create_move_and_cancel_reservations_and_the_guest_is_told_once() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "staff");
    let coihue = cabin_of(&fleet, property).await;
    let lenga: i64 = sqlx::query_scalar(
        "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night)
         VALUES ($1, 'Cabaña Lenga', 6, 80000) RETURNING id",
    )
    .bind(property)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    let theirs = their_cabin(&fleet).await;
    reservation(
        &fleet,
        theirs,
        "RES9000002",
        "Otro Huésped",
        "5492944999002",
        35,
        10_000,
        "confirmed",
    )
    .await;

    let (graph, _w, mut http, token) = console_with_worker(&fleet, "ana@lago.test").await;
    let today = store::console::property_today(&fleet.db, property)
        .await
        .unwrap();
    let day = |n: i64| (today + chrono::Duration::days(n)).to_string();
    let (coihue_id, lenga_id, theirs_id) =
        (coihue.to_string(), lenga.to_string(), theirs.to_string());

    // The form offers the property's cabins only.
    let form = http.get("/admin/reservations/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Cabaña Coihue") && form.body.contains("Cabaña Lenga"));
    assert!(
        !form.body.contains("Ajena"),
        "another property's cabin offered"
    );

    // A walk-in, unpaid: a staff hold for the hours chosen. Posted twice: one reservation.
    let nonce = nonce_of(&form.body);
    let (in40, out42) = (day(40), day(42));
    let walk_in = [
        ("csrf", token.as_str()),
        ("nonce", &nonce),
        ("accommodation", &coihue_id),
        ("check_in", &in40),
        ("check_out", &out42),
        ("guests", "2"),
        ("name", "Walter Walkin"),
        ("phone", "+54 9 2944 555-001"),
        ("hold_hours", "48"),
    ];
    let made = http.post("/admin/reservations/new", &walk_in).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert!(made.location.as_deref().unwrap().ends_with("?aviso=creada"));
    let walter = code_in(made.location.as_deref());
    let again = http.post("/admin/reservations/new", &walk_in).await;
    assert_eq!(
        code_in(again.location.as_deref()),
        walter,
        "a second one made"
    );
    let (cabin, check_in, _, status, source) = stay_of(&fleet, &walter).await;
    assert_eq!(
        (cabin, status.as_str(), source.as_str()),
        (coihue, "pre_reserved", "staff")
    );
    assert_eq!(check_in.to_string(), in40);
    let (phone, long_hold): (String, bool) = sqlx::query_as(
        "SELECT guest_phone, expires_at > now() + interval '47 hours' FROM reservations WHERE code = $1",
    )
    .bind(&walter)
    .fetch_one(&fleet.db)
    .await
    .unwrap();
    assert_eq!(phone, "5492944555001");
    assert!(long_hold, "the hold lasts the hours staff chose");
    let list = http.get("/admin/reservations").await.body;
    assert!(
        list.contains(&walter) && list.contains("Walter Walkin"),
        "{list}"
    );

    // Overlapping nights: refused in Spanish, nothing written.
    let before = reservation_count(&fleet).await;
    let nonce = nonce_of(&http.get("/admin/reservations/new").await.body);
    let (in41, out43) = (day(41), day(43));
    let overlapping = http
        .post(
            "/admin/reservations/new",
            &[
                ("csrf", token.as_str()),
                ("nonce", &nonce),
                ("accommodation", &coihue_id),
                ("check_in", &in41),
                ("check_out", &out43),
                ("guests", "2"),
                ("name", "Olga Solapada"),
            ],
        )
        .await;
    assert_eq!(overlapping.status, StatusCode::CONFLICT);
    assert!(
        overlapping.body.contains("ya están ocupadas"),
        "{}",
        overlapping.body
    );
    assert!(
        overlapping.body.contains("Olga Solapada"),
        "the form keeps what was typed"
    );
    assert_eq!(reservation_count(&fleet).await, before);

    // Paid in cash on the phone: confirmed by the workers, the guest gets one voucher.
    let nonce = nonce_of(&http.get("/admin/reservations/new").await.body);
    let paid = http
        .post(
            "/admin/reservations/new",
            &[
                ("csrf", token.as_str()),
                ("nonce", &nonce),
                ("accommodation", &lenga_id),
                ("check_in", &in40),
                ("check_out", &day(43)),
                ("guests", "4"),
                ("name", "Paula Pagada"),
                ("phone", "5492944555002"),
                ("paid", "si"),
            ],
        )
        .await;
    assert!(
        paid.location
            .as_deref()
            .unwrap()
            .ends_with("?aviso=creada-pagada")
    );
    let paula = code_in(paid.location.as_deref());
    assert!(
        eventually(Duration::from_secs(15), || async {
            status_of(&fleet, &paula).await == "confirmed"
        })
        .await,
        "the paid reservation was confirmed"
    );
    let sent = sent_texts_when(&graph, 1).await;
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(sent[0].contains(&paula), "{}", sent[0]);

    // Moved to other nights: same code, still confirmed, the guest told the new dates once.
    let page = http.get(&format!("/admin/reservations/{paula}")).await.body;
    assert!(page.contains("Cambiar fechas o cabaña"), "{page}");
    let move_nonce = nonce_of(&page);
    let (in50, out53) = (day(50), day(53));
    let move_to_50 = [
        ("csrf", token.as_str()),
        ("nonce", &move_nonce),
        ("accommodation", &lenga_id),
        ("check_in", &in50),
        ("check_out", &out53),
    ];
    let moved = http
        .post(&format!("/admin/reservations/{paula}/move"), &move_to_50)
        .await;
    assert_eq!(
        moved.location,
        Some(format!("/admin/reservations/{paula}?aviso=movida"))
    );
    let (cabin, check_in, check_out, status, _) = stay_of(&fleet, &paula).await;
    assert_eq!(
        (
            cabin,
            check_in.to_string(),
            check_out.to_string(),
            status.as_str()
        ),
        (lenga, in50.clone(), out53.clone(), "confirmed")
    );
    let again = http
        .post(&format!("/admin/reservations/{paula}/move"), &move_to_50)
        .await;
    assert_eq!(
        again.location,
        Some(format!("/admin/reservations/{paula}?aviso=sin-cambios"))
    );
    let sent = sent_texts_when(&graph, 2).await;
    assert_eq!(sent.len(), 2, "{sent:?}");
    let new_dates = (today + chrono::Duration::days(50))
        .format("%d/%m/%Y")
        .to_string();
    assert!(
        sent[1].contains(&paula) && sent[1].contains(&new_dates) && sent[1].contains("Cambiamos"),
        "{}",
        sent[1]
    );
    // Its old nights are free: another reservation takes them.
    let nonce = nonce_of(&http.get("/admin/reservations/new").await.body);
    let taken_again = http
        .post(
            "/admin/reservations/new",
            &[
                ("csrf", token.as_str()),
                ("nonce", &nonce),
                ("accommodation", &lenga_id),
                ("check_in", &in40),
                ("check_out", &day(43)),
                ("guests", "3"),
                ("name", "Nina Nueva"),
            ],
        )
        .await;
    assert!(
        taken_again
            .location
            .as_deref()
            .unwrap()
            .ends_with("?aviso=creada"),
        "{}",
        taken_again.body
    );

    // Moved onto Walter's nights: refused, nothing changed.
    let move_nonce = nonce_of(&http.get(&format!("/admin/reservations/{paula}")).await.body);
    let onto_taken = http
        .post(
            &format!("/admin/reservations/{paula}/move"),
            &[
                ("csrf", token.as_str()),
                ("nonce", &move_nonce),
                ("accommodation", &coihue_id),
                ("check_in", &in41),
                ("check_out", &out43),
            ],
        )
        .await;
    assert_eq!(
        onto_taken.location,
        Some(format!("/admin/reservations/{paula}?aviso=ocupadas"))
    );
    let (cabin, check_in, ..) = stay_of(&fleet, &paula).await;
    assert_eq!((cabin, check_in.to_string()), (lenga, in50.clone()));
    let page = http
        .get(&format!("/admin/reservations/{paula}?aviso=ocupadas"))
        .await
        .body;
    assert!(page.contains("ya están ocupadas"), "{page}");

    // Without the form token: 403, nothing made or moved.
    let before = reservation_count(&fleet).await;
    let no_token = http.post("/admin/reservations/new", &walk_in[1..]).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let no_token = http
        .post(
            &format!("/admin/reservations/{paula}/move"),
            &move_to_50[1..],
        )
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    assert_eq!(reservation_count(&fleet).await, before);
    assert_eq!(stay_of(&fleet, &paula).await.1.to_string(), in50);

    // Another property's cabin and reservation do not exist here.
    let nonce = nonce_of(&http.get("/admin/reservations/new").await.body);
    let theirs_new = http
        .post(
            "/admin/reservations/new",
            &[
                ("csrf", token.as_str()),
                ("nonce", &nonce),
                ("accommodation", &theirs_id),
                ("check_in", &day(70)),
                ("check_out", &day(72)),
                ("guests", "2"),
                ("name", "Intrusa"),
            ],
        )
        .await;
    assert_eq!(theirs_new.status, StatusCode::NOT_FOUND);
    let into_theirs = http
        .post(
            &format!("/admin/reservations/{paula}/move"),
            &[
                ("csrf", token.as_str()),
                ("nonce", &nonce),
                ("accommodation", &theirs_id),
                ("check_in", &day(70)),
                ("check_out", &day(72)),
            ],
        )
        .await;
    assert_eq!(into_theirs.status, StatusCode::NOT_FOUND);
    let their_move = http
        .post(
            "/admin/reservations/RES9000002/move",
            &[
                ("csrf", token.as_str()),
                ("nonce", &nonce),
                ("check_in", &day(70)),
                ("check_out", &day(72)),
            ],
        )
        .await;
    assert_eq!(their_move.status, StatusCode::NOT_FOUND);
    let their_cancel = http
        .post("/admin/reservations/RES9000002/cancel", &[("csrf", &token)])
        .await;
    assert_eq!(their_cancel.status, StatusCode::NOT_FOUND);
    assert_eq!(reservation_count(&fleet).await, before);
    assert_eq!(status_of(&fleet, "RES9000002").await, "confirmed");
    assert_eq!(stay_of(&fleet, &paula).await.0, lenga);

    // Cancelled by the policy (50 days away: the whole deposit): the guest is told once.
    for notice in ["cancelada", "ya-cancelada"] {
        let done = http
            .post(
                &format!("/admin/reservations/{paula}/cancel"),
                &[("csrf", &token)],
            )
            .await;
        assert_eq!(
            done.location,
            Some(format!("/admin/reservations/{paula}?aviso={notice}"))
        );
    }
    let sent = sent_texts_when(&graph, 3).await;
    assert!(
        sent[2].contains(&paula)
            && sent[2].contains("quedó cancelada")
            && sent[2].contains("te devolvemos la seña completa"),
        "{}",
        sent[2]
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(sent_texts(&graph).await.len(), 3, "each told once");

    let actions = audit_actions(&fleet).await;
    for (action, times) in [("create", 3), ("move", 1), ("cancel", 1)] {
        assert_eq!(
            actions.iter().filter(|a| *a == action).count(),
            times,
            "{action}: {actions:?}"
        );
    }
    fleet.drop_db().await;
}

/// A dead letter of `confirm_payment` made through the queue backend as a worker makes one
/// (pushed, claimed, failed for good with `error`); answers its job id. The payment id is the
/// payload's, which the console must never show.
async fn dead_letter(fleet: &Fleet, payment_id: &str, error: &str) -> String {
    enqueue_payment(&fleet.queue, payment_id).await;
    let (claimed, _) = fleet
        .queue
        .claim(QueueName::ConfirmPayment, "console-test", 1)
        .await
        .unwrap();
    let id = claimed[0].meta.id.clone();
    let failed = fleet
        .queue
        .fail(
            QueueName::ConfirmPayment,
            "console-test",
            &id,
            None,
            false,
            error,
        )
        .await
        .unwrap();
    assert!(failed, "the job died");
    id
}

/// The address of a button of `confirm_payment`'s dead letter `id` (`redrive` or `discard`).
fn letter(id: &str, action: &str) -> String {
    format!("/admin/queues/confirm_payment/dead/{id}/{action}")
}

/// The row of `queue` in the queues page's depth table.
fn depth_row<'a>(html: &'a str, queue: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"queue-{queue}\""))
        .unwrap_or_else(|| panic!("no row for {queue}:\n{html}"));
    let end = start + html[start..].find("</tr>").unwrap();
    &html[start..end]
}

const HOSTILE_ERROR: &str = "<script>window.__pwned = 1</script> Mercado Pago answered 404";

#[tokio::test]
async fn owners_see_the_queues_and_dead_letters_as_text_without_payloads_and_staff_get_404() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    add_staff(&fleet, property, "beto@lago.test", "staff");
    let died = dead_letter(&fleet, "pagosecreto1", HOSTILE_ERROR).await;
    enqueue_payment(&fleet.queue, "pagosecreto2").await;
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;

    // The owner: depth by state, the dead letter's id and error as text, no payload.
    let mut owner = Http::new(&base);
    owner.sign_in("ana@lago.test").await;
    let page = owner.get("/admin/queues").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("href=\"/admin/queues\""), "owners' nav");
    let row = depth_row(&page.body, "confirm_payment");
    for figure in [
        "class=\"waiting\">1<",
        "class=\"running\">0<",
        "class=\"scheduled\">0<",
        "class=\"dead\">1<",
    ] {
        assert!(row.contains(figure), "{figure} in {row}");
    }
    assert!(depth_row(&page.body, "send_reply").contains("class=\"dead\">0<"));
    assert!(page.body.contains(&format!("id=\"letter-{died}\"")));
    assert!(
        page.body
            .contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt; Mercado Pago answered 404"),
        "the error shown as text:\n{}",
        page.body
    );
    assert!(!page.body.contains("<script"), "markup from an error");
    assert!(!page.body.contains("pagosecreto"), "a payload was shown");

    // Staff: no link, and the page and its actions do not exist for them.
    let mut staff = Http::new(&base);
    let token = staff.sign_in("beto@lago.test").await;
    assert!(!staff.get("/admin").await.body.contains("/admin/queues"));
    let refused = staff.get("/admin/queues").await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(!refused.body.contains(&died));
    for action in ["redrive", "discard"] {
        let a = staff
            .post(&letter(&died, action), &[("csrf", &token)])
            .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{action}");
    }
    let depth = fleet.depth(QueueName::ConfirmPayment).await;
    assert_eq!((depth.pending, depth.dead), (1, 1), "staff changed nothing");
    assert_eq!(audit_actions(&fleet).await, ["sign_in", "sign_in"]);
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_dead_letter_is_redriven_or_discarded_once_with_its_token_and_audit_row() {
    let fleet = Fleet::new().await;
    let property = property(&fleet).await;
    add_staff(&fleet, property, "ana@lago.test", "owner");
    let redriven = dead_letter(&fleet, "pago1", "Mercado Pago answered 404").await;
    let discarded = dead_letter(&fleet, "pago2", "Mercado Pago answered 404").await;
    let base = fleet
        .spawn_ingress_with(|c| c.console.cookie_secure = false)
        .await;
    let mut owner = Http::new(&base);
    let token = owner.sign_in("ana@lago.test").await;
    let depth = || async {
        let d = fleet.depth(QueueName::ConfirmPayment).await;
        (d.pending, d.dead)
    };

    // Without the form token, or with another: 403, nothing moves.
    for form in [vec![], vec![("csrf", "0".repeat(64))]] {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        for action in ["redrive", "discard"] {
            let a = owner.post(&letter(&redriven, action), &form).await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{action}");
        }
    }
    assert_eq!(depth().await, (0, 2));

    // An unknown queue or action, an id that is no job's, a job id never dead here: 404.
    let csrf = [("csrf", token.as_str())];
    for path in [
        format!("/admin/queues/nope/dead/{redriven}/redrive"),
        format!("/admin/queues/send_reply/dead/{redriven}/redrive"),
        letter("not-an-id", "redrive"),
        letter(&redriven, "explode"),
        letter(&"0".repeat(32), "discard"),
        letter(&redriven.to_ascii_uppercase(), "discard"),
    ] {
        let a = owner.post(&path, &csrf).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(depth().await, (0, 2));

    // Re-drive: back to waiting, once, however often it is pressed.
    let mut press = async |id: &str, action: &str| {
        let a = owner.post(&letter(id, action), &csrf).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{id} {action}: {}", a.body);
        let notice = a
            .location
            .as_deref()
            .unwrap()
            .strip_prefix("/admin/queues?aviso=");
        notice.unwrap().to_owned()
    };
    assert_eq!(press(&redriven, "redrive").await, "reintentado");
    assert_eq!(depth().await, (1, 1));
    for action in ["redrive", "discard"] {
        assert_eq!(press(&redriven, action).await, "ya-hecho");
    }
    assert_eq!(depth().await, (1, 1), "a second press moves nothing");

    // Discard: gone for good, once.
    assert_eq!(press(&discarded, "discard").await, "descartado");
    assert_eq!(depth().await, (1, 0));
    for action in ["discard", "redrive"] {
        assert_eq!(press(&discarded, action).await, "ya-hecho");
    }
    assert_eq!(depth().await, (1, 0));
    let shown = owner.get("/admin/queues?aviso=descartado").await.body;
    assert!(shown.contains("no se va a ejecutar"), "the notice: {shown}");
    assert!(!shown.contains(&format!("letter-{redriven}")));
    assert!(shown.contains("Ninguno."), "no dead letter left");

    // One audit row per letter moved, naming it.
    let mut rows = store::staff::audit_of(&fleet.db, property, 10)
        .await
        .unwrap();
    rows.retain(|r| r.action != "sign_in");
    let rows: Vec<(String, Option<String>)> =
        rows.into_iter().map(|r| (r.action, r.subject)).collect();
    assert_eq!(
        rows,
        [
            (
                "discard_dead_letter".to_owned(),
                Some(format!("dead_letter:confirm_payment:{discarded}"))
            ),
            (
                "redrive_dead_letter".to_owned(),
                Some(format!("dead_letter:confirm_payment:{redriven}"))
            ),
        ]
    );
    fleet.drop_db().await;
}

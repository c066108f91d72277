use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use ingress::{config::IngressConfig, startup::Application};
use jobs::{QueueName, RedisQueue, RedisQueueConfig, backend::QueueDepth};
use secrecy::SecretString;
use tokio::net::{TcpListener, TcpStream};

pub const WA_SECRET: &str = "wa-app-secret";
pub const WA_VERIFY: &str = "verify-me";
pub const MP_SECRET: &str = "mp-webhook-secret";

pub fn fixture(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/../../shared/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|e| panic!("fixture {full}: {e}"))
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub queue: RedisQueue,
    pub http: reqwest::Client,
}

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

pub fn config(redis_url: String, prefix: &str) -> IngressConfig {
    IngressConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        database_url: None,
        queue: RedisQueueConfig::new(redis_url, prefix),
        whatsapp_app_secret: Some(SecretString::from(WA_SECRET)),
        whatsapp_verify_token: Some(SecretString::from(WA_VERIFY)),
        mercadopago_webhook_secret: Some(SecretString::from(MP_SECRET)),
        mailgun_signing_key: Some(SecretString::from(MAILGUN_KEY)),
        admin_token: None,
        max_body_bytes: 64 * 1024,
        max_email_bytes: 256 * 1024,
        rate_limit_per_minute: 10_000,
        trust_forwarded_for: false,
        ready_timeout: Duration::from_millis(500),
        sandbox: false,
        ical_export_secret: None,
        ical_max_sync_age: Duration::from_secs(1200),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|c| c).await
}

pub async fn spawn_with(adjust: impl FnOnce(IngressConfig) -> IngressConfig) -> TestApp {
    spawn_on(redis_url(), adjust).await
}

pub async fn spawn_on(
    redis_url: String,
    adjust: impl FnOnce(IngressConfig) -> IngressConfig,
) -> TestApp {
    let prefix = format!("itest-{}", uuid::Uuid::new_v4().simple());
    let cfg = adjust(config(redis_url, &prefix));
    let app = Application::build(cfg).await.expect("ingress builds");
    let addr: SocketAddr = format!("127.0.0.1:{}", app.port()).parse().expect("addr");
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    // Our own handle on the same prefix, straight to Redis (not through any proxy).
    let queue = RedisQueue::connect(RedisQueueConfig::new(self::redis_url(), prefix))
        .await
        .expect("redis");
    TestApp {
        addr,
        queue,
        http: reqwest::Client::new(),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn post_whatsapp(
        &self,
        body: Vec<u8>,
        signature: Option<String>,
    ) -> reqwest::Response {
        let mut req = self
            .http
            .post(self.url("/webhooks/whatsapp"))
            .header("content-type", "application/json");
        if let Some(sig) = signature {
            req = req.header("x-hub-signature-256", sig);
        }
        req.body(body).send().await.expect("request")
    }

    pub async fn post_signed_whatsapp(&self, body: Vec<u8>) -> reqwest::Response {
        let sig = ingress::signature::whatsapp::header_for(WA_SECRET.as_bytes(), &body);
        self.post_whatsapp(body, Some(sig)).await
    }

    pub async fn depth(&self, queue: QueueName) -> QueueDepth {
        self.queue.depth(&[queue]).await.expect("depth")[0].1
    }

    pub async fn total_jobs(&self) -> u64 {
        self.queue
            .depth(&QueueName::ALL)
            .await
            .expect("depth")
            .iter()
            .map(|(_, d)| d.pending + d.running + d.scheduled + d.dead)
            .sum()
    }
}

/// A WhatsApp text delivery with the given `wamid`.
pub fn text_delivery(wamid: &str, text: &str) -> Vec<u8> {
    serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{ "id": "1", "changes": [{ "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": { "display_phone_number": "5491100000000", "phone_number_id": "106540352242922" },
            "contacts": [{ "profile": { "name": "Ana" }, "wa_id": "5491155551234" }],
            "messages": [{ "from": "5491155551234", "id": wamid, "timestamp": "1744344496", "type": "text", "text": { "body": text } }]
        }}]}]
    })
    .to_string()
    .into_bytes()
}

/// A TCP proxy to Redis that can be cut (as if Redis stopped) and restored.
pub struct RedisProxy {
    pub addr: SocketAddr,
    up: Arc<AtomicBool>,
    generation: Arc<tokio::sync::watch::Sender<u64>>,
}

impl RedisProxy {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let up = Arc::new(AtomicBool::new(true));
        let (generation, _) = tokio::sync::watch::channel(0u64);
        let generation = Arc::new(generation);
        let (up2, gen2) = (up.clone(), generation.clone());
        let target = redis_url()
            .trim_start_matches("redis://")
            .trim_end_matches('/')
            .to_owned();
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    continue;
                };
                if !up2.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let mut cut = gen2.subscribe();
                let target = target.clone();
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(&target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        RedisProxy {
            addr,
            up,
            generation,
        }
    }

    pub fn url(&self) -> String {
        format!("redis://{}", self.addr)
    }

    /// Drops every open connection and refuses new ones.
    pub fn stop(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.generation.send_modify(|g| *g += 1);
    }

    pub fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

pub const MAILGUN_KEY: &str = "mailgun-signing-key";

/// A Mailgun route post of an email, signed with `key` at `timestamp`, urlencoded.
pub fn mailgun_form(fields: &[(&str, &str)], key: &str, timestamp: i64, token: &str) -> String {
    let ts = timestamp.to_string();
    let signature = ingress::signature::mailgun::signature_for(key.as_bytes(), &ts, token);
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.extend_pairs(fields.iter().copied());
    form.append_pair("timestamp", &ts);
    form.append_pair("token", token);
    form.append_pair("signature", &signature);
    form.finish()
}

/// A guest's email to the demo property, as Mailgun forwards it.
pub fn guest_email(message_id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("recipient", "reservas@cabanas-del-lago.com.ar".into()),
        ("sender", "ana.perez@gmail.com".into()),
        ("from", "Ana Pérez <ana.perez@gmail.com>".into()),
        ("subject", "Consulta diciembre".into()),
        (
            "body-plain",
            "Hola! tenés lugar para 2 del 15 al 17 de diciembre?\n\n--\nAna".into(),
        ),
        (
            "stripped-text",
            "Hola! tenés lugar para 2 del 15 al 17 de diciembre?".into(),
        ),
        ("Message-Id", message_id.into()),
        (
            "message-headers",
            r#"[["Subject", "Consulta diciembre"]]"#.into(),
        ),
    ]
}

impl TestApp {
    pub async fn post_email(
        &self,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.http
            .post(self.url("/webhooks/email"))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request")
    }

    pub async fn post_signed_email(&self, fields: &[(&str, String)]) -> reqwest::Response {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let token = uuid::Uuid::new_v4().simple().to_string();
        let body = mailgun_form(&pairs, MAILGUN_KEY, chrono::Utc::now().timestamp(), &token);
        self.post_email("application/x-www-form-urlencoded", body)
            .await
    }
}

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use ingress::config::IngressConfig;
use jobs::{QueueName, RedisQueue, RedisQueueConfig, backend::QueueDepth};
pub use testkit::{
    Webhooks, deliveries,
    harness::redis_url,
    secrets::{MAILGUN_KEY, MP_SECRET, WA_SECRET, WA_VERIFY},
};
use tokio::net::{TcpListener, TcpStream};

pub const NUMBER_ID: &str = "106540352242922";
pub const PHONE: &str = "5491155551234";

pub fn fixture(path: &str) -> Vec<u8> {
    let full = format!(
        "{}/../../shared/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|e| panic!("fixture {full}: {e}"))
}

pub struct TestApp {
    pub queue: RedisQueue,
    pub http: reqwest::Client,
    /// Posts to this app's webhooks as given.
    pub webhooks: Webhooks,
}

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_with(adjust: impl FnOnce(&mut IngressConfig)) -> TestApp {
    spawn_on(redis_url(), adjust).await
}

/// The kit's ingress on a prefix of its own, reaching Redis at `redis_url`, without a database;
/// small body caps and a short readiness timeout, as these tests expect.
pub async fn spawn_on(redis_url: String, adjust: impl FnOnce(&mut IngressConfig)) -> TestApp {
    let prefix = format!("itest-{}", uuid::Uuid::new_v4().simple());
    let ingress = testkit::harness::spawn_ingress(None, &redis_url, &prefix, |c| {
        c.max_body_bytes = 64 * 1024;
        c.max_email_bytes = 256 * 1024;
        c.rate_limit_per_minute = 10_000;
        c.ready_timeout = Duration::from_millis(500);
        adjust(c);
    })
    .await
    .expect("ingress builds");
    // Our own handle on the same prefix, straight to Redis (not through any proxy).
    let queue = RedisQueue::connect(RedisQueueConfig::new(self::redis_url(), prefix))
        .await
        .expect("redis");
    let http = reqwest::Client::new();
    TestApp {
        queue,
        webhooks: Webhooks::new(ingress.url).with_http(http.clone()),
        http,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        self.webhooks.url(path)
    }

    pub async fn post_whatsapp(
        &self,
        body: Vec<u8>,
        signature: Option<String>,
    ) -> reqwest::Response {
        self.webhooks
            .whatsapp(body, signature.as_deref())
            .await
            .expect("request")
    }

    pub async fn post_signed_whatsapp(&self, body: Vec<u8>) -> reqwest::Response {
        self.webhooks
            .whatsapp_signed(WA_SECRET, body)
            .await
            .expect("request")
    }

    pub async fn post_email(
        &self,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.webhooks
            .email(content_type, body)
            .await
            .expect("request")
    }

    /// The fields signed now with [`MAILGUN_KEY`], urlencoded.
    pub async fn post_signed_email(&self, fields: &[(&str, String)]) -> reqwest::Response {
        let form = deliveries::mailgun_signed_now(fields, MAILGUN_KEY);
        self.webhooks.email_form(&form).await.expect("request")
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

/// A WhatsApp text delivery from [`PHONE`] to [`NUMBER_ID`] with the given `wamid`.
pub fn text_delivery(wamid: &str, text: &str) -> Vec<u8> {
    deliveries::whatsapp(
        NUMBER_ID,
        PHONE,
        vec![deliveries::whatsapp_text(PHONE, wamid, text)],
    )
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

/// A guest's email to the demo property, as Mailgun forwards it (unsigned fields).
pub fn guest_email(message_id: &str) -> Vec<(&'static str, String)> {
    deliveries::Email::new(
        "reservas@cabanas-del-lago.com.ar",
        "ana.perez@gmail.com",
        "Consulta diciembre",
        "Hola! tenés lugar para 2 del 15 al 17 de diciembre?\n\n--\nAna",
        message_id,
    )
    .named("Ana Pérez")
    .stripped("Hola! tenés lugar para 2 del 15 al 17 de diciembre?")
    .with("message-headers", r#"[["Subject", "Consulta diciembre"]]"#)
    .fields()
}

use std::{
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

use jobs::{QueueName, RedisQueue, RedisQueueConfig, backend::QueueDepth};
use sqlx::{Connection, PgConnection, PgPool};

pub fn admin_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

/// A database of its own (migrated) and a Redis prefix of its own.
pub struct Fleet {
    pub db_name: String,
    pub db_url: String,
    pub db: PgPool,
    pub prefix: String,
    pub queue: RedisQueue,
}

impl Fleet {
    pub async fn new() -> Fleet {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let db_name = format!("fleet_t_{id}");
        let mut admin = PgConnection::connect(&admin_url())
            .await
            .expect("PostgreSQL must be running");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db_name}")))
            .execute(&mut admin)
            .await
            .expect("create db");
        let db_url = replace_db(&admin_url(), &db_name);
        let db = PgPool::connect(&db_url).await.expect("connect test db");
        store::migrate(&db).await.expect("migrate");
        let prefix = format!("ftest-{id}");
        let queue = RedisQueue::connect(RedisQueueConfig::new(redis_url(), prefix.clone()))
            .await
            .expect("Redis must be running");
        Fleet {
            db_name,
            db_url,
            db,
            prefix,
            queue,
        }
    }

    /// Base environment of a worker process of this fleet.
    pub fn worker_env(&self, mp: &str, graph: &str) -> Vec<(String, String)> {
        [
            ("DATABASE_URL", self.db_url.as_str()),
            ("REDIS_URL", &redis_url()),
            ("FLEET_REDIS_PREFIX", &self.prefix),
            ("FLEET_LEASE_MS", "1000"),
            ("FLEET_FETCH_BLOCK_MS", "300"),
            ("FLEET_RETRY_BASE_MS", "100"),
            ("WORKER_METRICS_ADDR", "off"),
            ("SCHEDULES_ENABLED", "false"),
            ("MERCADOPAGO_API_BASE", mp),
            ("MERCADOPAGO_ACCESS_TOKEN", "TEST-mp-token"),
            ("WHATSAPP_API_BASE", graph),
            ("WHATSAPP_ACCESS_TOKEN", "TEST-wa-token"),
            ("RUST_LOG", "warn"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    pub fn spawn_worker(&self, env: &[(String, String)], extra: &[(&str, &str)]) -> Child {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_worker"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default());
        for (k, v) in env {
            cmd.env(k, v);
        }
        for (k, v) in extra {
            cmd.env(k, v);
        }
        cmd.stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn worker")
    }

    pub fn fleetctl(&self, args: &[&str]) -> (bool, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_fleetctl"))
            .args(args)
            .env("DATABASE_URL", &self.db_url)
            .env("REDIS_URL", redis_url())
            .env("FLEET_REDIS_PREFIX", &self.prefix)
            .output()
            .expect("run fleetctl");
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    }

    pub async fn depth(&self, q: QueueName) -> QueueDepth {
        self.queue.depth(&[q]).await.expect("depth")[0].1
    }

    pub async fn drop_db(self) {
        self.db.close().await;
        if let Ok(mut admin) = PgConnection::connect(&admin_url()).await {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.db_name
            )))
            .execute(&mut admin)
            .await;
        }
        let _ = self.queue.purge().await;
    }

    /// A property (WhatsApp number 106540352242922), one cabin, and a live hold `code`.
    pub async fn seed_hold(&self, code: &str) -> i64 {
        let property: i64 = sqlx::query_scalar(
            "INSERT INTO properties (name, whatsapp_phone_number_id, email_address) VALUES ('Cabañas del Lago', '106540352242922', 'reservas@lago.test') RETURNING id",
        )
        .fetch_one(&self.db)
        .await
        .expect("property");
        let cabin: i64 = sqlx::query_scalar(
            "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night) VALUES ($1, 'Cabaña Coihue', 4, 50000) RETURNING id",
        )
        .bind(property)
        .fetch_one(&self.db)
        .await
        .expect("cabin");
        sqlx::query(
            "INSERT INTO reservations (code, accommodation_id, guest_phone, check_in, check_out, guests, total_amount, deposit_amount, status, channel_source, expires_at)
             VALUES ($1, $2, '5491155551234', '2026-12-15', '2026-12-17', 2, 100000, 30000, 'pre_reserved', 'whatsapp', now() + interval '30 minutes')",
        )
        .bind(code)
        .bind(cabin)
        .execute(&self.db)
        .await
        .expect("hold");
        cabin
    }
}

fn replace_db(url: &str, db: &str) -> String {
    let host_start = url.find("://").map_or(0, |i| i + 3);
    match url[host_start..].find('/') {
        Some(i) => format!("{}/{db}", &url[..host_start + i]),
        None => format!("{url}/{db}"),
    }
}

pub fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill");
    assert!(ok.success(), "kill -{sig} failed");
}

pub fn wait_exit(child: &mut Child, within: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

pub struct Reaper(pub Vec<Child>);

impl Drop for Reaper {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

pub async fn eventually<F: FnMut() -> Fut, Fut: Future<Output = bool>>(
    within: Duration,
    mut check: F,
) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    check().await
}

pub fn approved_payment(id: u64, code: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id, "status": "approved", "status_detail": "accredited", "external_reference": code,
        "transaction_amount": 30000, "currency_id": "ARS", "date_approved": "2026-11-23T12:00:00.000-03:00"
    })
}

pub fn graph_ok() -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "messaging_product": "whatsapp", "contacts": [{"input": "541155551234", "wa_id": "5491155551234"}],
        "messages": [{"id": "wamid.OUT"}]
    }))
}

/// Enqueues a webhook-caused ConfirmPayment, as the ingress would.
pub async fn enqueue_payment(queue: &RedisQueue, payment_id: &str) {
    use jobs::{
        EnqueueOptions,
        domain::IdempotencyKey,
        payloads::{ConfirmPayment, PaymentSource},
    };
    let job = ConfirmPayment {
        source: PaymentSource::Webhook {
            payment_id: payment_id.into(),
        },
        received_at_ms: 0,
    };
    let key = IdempotencyKey::namespaced("mp", &format!("{payment_id}:1")).expect("key");
    queue
        .enqueue(&job, EnqueueOptions::keyed(key))
        .await
        .expect("enqueue");
}

pub async fn count(db: &PgPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(db).await.expect(sql)
}

/// The JSON bodies a fake provider received, oldest first.
pub async fn sent_json(server: &wiremock::MockServer) -> Vec<serde_json::Value> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|r| serde_json::from_slice(&r.body).ok())
        .collect()
}

/// The text messages the fake Graph API received, oldest first.
pub async fn sent_texts(graph: &wiremock::MockServer) -> Vec<String> {
    sent_json(graph)
        .await
        .iter()
        .filter_map(|v| v["text"]["body"].as_str().map(str::to_owned))
        .collect()
}

/// A Mercado Pago fake that makes payment links (payments are mounted by each test).
pub async fn mercadopago_fake() -> wiremock::MockServer {
    use wiremock::{
        Mock, ResponseTemplate,
        matchers::{method, path},
    };
    let mp = wiremock::MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/checkout/preferences"))
        .respond_with(ResponseTemplate::new(201).set_body_json(serde_json::json!({
            "id": "pref-1", "init_point": "https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id=pref-1"
        })))
        .mount(&mp)
        .await;
    mp
}

pub const WA_SECRET: &str = "e2e-secret";
pub const MP_SECRET: &str = "mp-secret";
pub const MAILGUN_KEY: &str = "mailgun-signing-key";
pub const STAFF_TOKEN: &str = "staff-token";

/// The real ingress, in this process, on this fleet's database and Redis prefix, with every
/// provider's secret set; returns its base URL.
pub async fn spawn_ingress(fleet: &Fleet) -> String {
    use secrecy::SecretString;
    let mut cfg = ingress::config::IngressConfig::from_env().expect("ingress config");
    cfg.addr = "127.0.0.1:0".parse().expect("addr");
    cfg.queue = RedisQueueConfig::new(redis_url(), fleet.prefix.clone());
    cfg.whatsapp_app_secret = Some(SecretString::from(WA_SECRET));
    cfg.mercadopago_webhook_secret = Some(SecretString::from(MP_SECRET));
    cfg.mailgun_signing_key = Some(SecretString::from(MAILGUN_KEY));
    cfg.rate_limit_per_minute = 100_000;
    cfg.database_url = Some(SecretString::from(fleet.db_url.clone()));
    cfg.admin_token = Some(SecretString::from(STAFF_TOKEN));
    let app = ingress::startup::Application::build(cfg)
        .await
        .expect("ingress builds");
    let url = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    url
}

//! (feature `fleet`) The fleet under test: the one way to spawn an ingress in-process, and a
//! fleet of its own for each test or benchmark: a fresh PostgreSQL database (migrated) and a
//! fresh Redis prefix, worker processes started from a binary the caller names, and their
//! signals.
//!
//! It touches PostgreSQL and Redis only to set up and inspect the test's own database and prefix
//! (create, migrate, seed, count, drop, purge) and to enqueue what an ingress would; it never
//! reads or writes anyone else's.

use std::{
    path::Path,
    process::{Child, Command, ExitStatus, Stdio},
    time::{Duration, Instant},
};

use ingress::{config::IngressConfig, startup::Application};
use jobs::{QueueName, RedisQueue, RedisQueueConfig, backend::QueueDepth};
use secrecy::SecretString;
use sqlx::{Connection, PgConnection, PgPool};
use tokio::{sync::oneshot, task::JoinHandle};

use crate::secrets::{MAILGUN_KEY, MP_SECRET, STAFF_TOKEN, WA_SECRET, WA_VERIFY};

/// The server-level PostgreSQL URL tests make their databases from (`DATABASE_URL`).
pub fn admin_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

#[derive(Debug, thiserror::Error)]
pub enum HarnessError {
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] sqlx::Error),
    #[error("migrating the fresh database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("Redis: {0}")]
    Redis(#[from] jobs::QueueError),
    #[error("the ingress's settings: {0}")]
    Config(#[from] ingress::config::ConfigError),
    #[error("the ingress did not start: {0}")]
    Ingress(String),
}

/// Never reached: the limiter must not refuse a test's or a benchmark's requests, but it still
/// runs (one Redis round trip per request) as it does in production.
pub const RATE_LIMIT_PER_MINUTE: u64 = 100_000_000;

/// An ingress running in this process.
pub struct Ingress {
    /// Its base URL (`http://127.0.0.1:<port>`).
    pub url: String,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Ingress {
    /// Stops it gracefully (requests in flight finish). Dropping the handle instead leaves it
    /// running until the runtime ends, as a test's ingress does.
    pub async fn stop(self) {
        let _ = self.shutdown.send(());
        let _ = tokio::time::timeout(Duration::from_secs(15), self.task).await;
    }
}

/// The one way to run the real ingress in-process: `Application::build` on port 0 of loopback,
/// on `database_url` (none: the ingress has no database) and `redis_url` under `prefix`.
///
/// The settings start from the environment's, so a setting added to the ingress later gets its
/// production default; then everything a test depends on is pinned: every provider's secret is
/// set from [`crate::secrets`], the staff token too, the rate limit is never reached, no proxy
/// is trusted, no sandbox. `tweak` changes what a test or benchmark needs otherwise.
pub async fn spawn_ingress(
    database_url: Option<&str>,
    redis_url: &str,
    prefix: &str,
    tweak: impl FnOnce(&mut IngressConfig),
) -> Result<Ingress, HarnessError> {
    let mut cfg = IngressConfig::from_env()?;
    cfg.addr = ([127, 0, 0, 1], 0).into();
    cfg.database_url = database_url.map(|u| SecretString::from(u.to_owned()));
    cfg.queue.topology = jobs::RedisTopology::from_url(redis_url);
    cfg.queue.prefix = prefix.to_owned();
    cfg.whatsapp_app_secret = Some(SecretString::from(WA_SECRET));
    cfg.whatsapp_verify_token = Some(SecretString::from(WA_VERIFY));
    cfg.mercadopago_webhook_secret = Some(SecretString::from(MP_SECRET));
    cfg.mailgun_signing_key = Some(SecretString::from(MAILGUN_KEY));
    cfg.admin_token = Some(SecretString::from(STAFF_TOKEN));
    cfg.rate_limit_per_minute = RATE_LIMIT_PER_MINUTE;
    cfg.webhook_rate_limit_per_minute = RATE_LIMIT_PER_MINUTE;
    cfg.trust_forwarded_for = false;
    cfg.sandbox = false;
    cfg.ical_export_secret = None;
    tweak(&mut cfg);
    let app = Application::build(cfg)
        .await
        .map_err(|e| HarnessError::Ingress(format!("{e:#}")))?;
    let url = format!("http://127.0.0.1:{}", app.port());
    let (shutdown, stop) = oneshot::channel::<()>();
    let task = tokio::spawn(app.run_until_stopped(async move {
        // A dropped handle is not a request to stop.
        if stop.await.is_err() {
            std::future::pending::<()>().await;
        }
    }));
    Ok(Ingress {
        url,
        shutdown,
        task,
    })
}

/// A database of its own (migrated) and a Redis prefix of its own.
pub struct Fleet {
    pub db_name: String,
    /// The owner's URL (migrations, seeding, inspecting).
    pub db_url: String,
    /// The application role's URL, as the ingress and the workers connect in production.
    pub app_db_url: String,
    pub db: PgPool,
    pub redis_url: String,
    pub prefix: String,
    pub queue: RedisQueue,
    admin_url: String,
}

impl Fleet {
    /// A fleet for a test, on `DATABASE_URL`'s server and `REDIS_URL`.
    pub async fn new() -> Fleet {
        let id = uuid::Uuid::new_v4().simple().to_string();
        Fleet::create(
            &admin_url(),
            &redis_url(),
            &format!("fleet_t_{id}"),
            &format!("ftest-{id}"),
        )
        .await
        .expect("PostgreSQL and Redis must be running")
    }

    /// Creates and migrates database `db_name` on the server of `admin_url`; the queue under
    /// `prefix` on `redis_url`.
    pub async fn create(
        admin_url: &str,
        redis_url: &str,
        db_name: &str,
        prefix: &str,
    ) -> Result<Fleet, HarnessError> {
        let mut admin = PgConnection::connect(admin_url).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db_name}")))
            .execute(&mut admin)
            .await?;
        let fleet = Fleet::attach(admin_url, redis_url, db_name, prefix).await?;
        store::migrate(&fleet.db).await?;
        Ok(fleet)
    }

    /// The fleet whose database `db_name` already exists on the server of `admin_url` (made by a
    /// restore, say): connected, not created, not migrated.
    pub async fn attach(
        admin_url: &str,
        redis_url: &str,
        db_name: &str,
        prefix: &str,
    ) -> Result<Fleet, HarnessError> {
        let db_url = replace_db(admin_url, db_name);
        let db = PgPool::connect(&db_url).await?;
        let queue = RedisQueue::connect(RedisQueueConfig::new(
            redis_url.to_owned(),
            prefix.to_owned(),
        ))
        .await?;
        Ok(Fleet {
            db_name: db_name.to_owned(),
            app_db_url: as_role(&db_url, store::pool::APP_ROLE),
            db_url,
            db,
            redis_url: redis_url.to_owned(),
            prefix: prefix.to_owned(),
            queue,
            admin_url: admin_url.to_owned(),
        })
    }

    /// What every worker process of this fleet needs: its database (as the application role),
    /// Redis and prefix; no metrics port, no schedules (a test asks for them), warnings only.
    pub fn base_env(&self) -> Vec<(String, String)> {
        pairs(&[
            ("DATABASE_URL", &self.app_db_url),
            ("REDIS_URL", &self.redis_url),
            ("FLEET_REDIS_PREFIX", &self.prefix),
            ("WORKER_METRICS_ADDR", "off"),
            ("SCHEDULES_ENABLED", "false"),
            ("RUST_LOG", "warn"),
        ])
    }

    /// A test's worker: short leases, fetches and retries, the providers at `mp` and `graph`.
    pub fn worker_env(&self, mp: &str, graph: &str) -> Vec<(String, String)> {
        let mut env = self.base_env();
        env.extend(pairs(&[
            ("FLEET_LEASE_MS", "1000"),
            ("FLEET_FETCH_BLOCK_MS", "300"),
            ("FLEET_RETRY_BASE_MS", "100"),
            ("MERCADOPAGO_API_BASE", mp),
            ("MERCADOPAGO_ACCESS_TOKEN", "TEST-mp-token"),
            ("WHATSAPP_API_BASE", graph),
            ("WHATSAPP_ACCESS_TOKEN", "TEST-wa-token"),
        ]));
        env
    }

    /// Starts the `worker` binary at `bin` with only `env` and `extra` (and `PATH`).
    pub fn spawn_worker(
        &self,
        bin: impl AsRef<Path>,
        env: &[(String, String)],
        extra: &[(&str, &str)],
    ) -> Child {
        worker_command(bin, env, extra)
            .spawn()
            .expect("spawn worker")
    }

    /// Runs the `fleetctl` binary at `bin` on this fleet: whether it succeeded, and what it
    /// printed (stdout, then stderr).
    pub fn fleetctl(&self, bin: impl AsRef<Path>, args: &[&str]) -> (bool, String) {
        fleetctl_on(bin, &self.db_url, &self.redis_url, &self.prefix, args)
    }

    /// The real ingress, in this process, on this fleet's database and Redis prefix, with every
    /// provider's secret of [`crate::secrets`] set; its base URL.
    pub async fn spawn_ingress(&self) -> String {
        self.spawn_ingress_with(|_| {}).await
    }

    /// [`Fleet::spawn_ingress`] with settings of the test's own.
    pub async fn spawn_ingress_with(&self, tweak: impl FnOnce(&mut IngressConfig)) -> String {
        spawn_ingress(Some(&self.app_db_url), &self.redis_url, &self.prefix, tweak)
            .await
            .expect("ingress builds")
            .url
    }

    pub async fn depth(&self, q: QueueName) -> QueueDepth {
        self.queue.depth(&[q]).await.expect("depth")[0].1
    }

    /// Drops the database and purges the prefix.
    pub async fn drop_db(self) {
        self.db.close().await;
        if let Ok(mut admin) = PgConnection::connect(&self.admin_url).await {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.db_name
            )))
            .execute(&mut admin)
            .await;
        }
        let _ = self.queue.purge().await;
    }

    /// Fills the database with a busy year of other guests and properties, as a fleet holds
    /// after months of work: `messages` guest messages with as many replies (sent) and job
    /// records, a conversation per three messages, a property per hundred (2 to 2,000), each
    /// with a cabin and fifty stays. What this fleet's own tests and benchmarks do then runs
    /// on tables of production size.
    pub async fn seed_history(&self, messages: u64) -> Result<(), sqlx::Error> {
        let n = messages.max(1) as i64;
        let properties = (n / 100).clamp(2, 2_000);
        let conversations = (n / 3).max(1);
        let statements: [&'static str; 6] = [
            "INSERT INTO properties (name, whatsapp_phone_number_id, email_address)
             SELECT 'Otra ' || g, '9' || lpad(g::text, 14, '0'), 'p' || g || '@otra.test' FROM generate_series(1, $1) g",
            "INSERT INTO conversations (property_id, channel, guest_address, state)
             SELECT (SELECT min(id) FROM properties WHERE name LIKE 'Otra %') + g % $2, 'whatsapp', '549' || (1000000000 + g), '{}'
             FROM generate_series(1, $1) g",
            "INSERT INTO inbound_messages (conversation_id, provider_message_id, kind, body, received_at)
             SELECT (SELECT min(id) FROM conversations) + g % $2, 'wamid.YEAR' || g, 'text', '¿Tenés lugar para 2 el finde?',
                    now() - make_interval(secs => g * 31536000.0 / $1)
             FROM generate_series(1, $1) g",
            "INSERT INTO outbox (cause, effect_key, kind, effect, channel, recipient, status, created_at, relayed_at, sent_at)
             SELECT 'parse_intent:wa:wamid.YEAR' || g, 'parse_intent:wa:wamid.YEAR' || g || ':0', 'reply',
                    '{\"effect\": \"reply\", \"body\": {\"kind\": \"text\", \"text\": \"¡Hola! Tenemos lugar.\"}}', 'whatsapp', '549' || g, 'sent',
                    now() - make_interval(secs => g * 31536000.0 / $1), now() - make_interval(secs => g * 31536000.0 / $1),
                    now() - make_interval(secs => g * 31536000.0 / $1)
             FROM generate_series(1, $1) g",
            "INSERT INTO idempotency_records (idempotency_key, queue, job_id, completed_at)
             SELECT 'parse_intent:wa:wamid.YEAR' || g, 'parse_intent', 'j' || g, now() - make_interval(secs => g * 31536000.0 / $1)
             FROM generate_series(1, $1) g",
            "WITH cabins AS (
                 INSERT INTO accommodations (property_id, name, capacity, base_price_per_night)
                 SELECT id, 'Cabaña', 4, 50000 FROM properties WHERE name LIKE 'Otra %' RETURNING id)
             INSERT INTO reservations (code, accommodation_id, check_in, check_out, guests, status, channel_source)
             SELECT 'YR' || c.id || '-' || k, c.id, DATE '2026-01-01' + k * 7, DATE '2026-01-01' + k * 7 + 3, 2, 'confirmed', 'whatsapp'
             FROM cabins c, generate_series(0, 49) k",
        ];
        let counts = [
            (properties, 0),
            (conversations, properties),
            (n, conversations),
            (n, 0),
            (n, 0),
            (0, 0),
        ];
        for (sql, (first, second)) in statements.iter().zip(counts) {
            let mut query = sqlx::query(sqlx::AssertSqlSafe(*sql));
            if sql.contains("$1") {
                query = query.bind(first);
            }
            if sql.contains("$2") {
                query = query.bind(second);
            }
            query.execute(&self.db).await?;
        }
        // As a year-old database would be: vacuumed (visibility maps set, so autovacuum does not
        // wake up on the seeded tables while a benchmark measures) and analyzed.
        sqlx::query("VACUUM (ANALYZE)").execute(&self.db).await?;
        Ok(())
    }

    /// A property (WhatsApp number 106540352242922, address reservas@lago.test) with one cabin
    /// for four; answers the cabin's id.
    pub async fn seed_property(&self) -> i64 {
        let property: i64 = sqlx::query_scalar(
            "INSERT INTO properties (name, whatsapp_phone_number_id, email_address, cancel_full_refund_days, cancel_late_refund_percent, cancel_credit_months)
             VALUES ('Cabañas del Lago', '106540352242922', 'reservas@lago.test', 10, 50, 6) RETURNING id",
        )
        .fetch_one(&self.db)
        .await
        .expect("property");
        sqlx::query_scalar(
            "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night) VALUES ($1, 'Cabaña Coihue', 4, 50000) RETURNING id",
        )
        .bind(property)
        .fetch_one(&self.db)
        .await
        .expect("cabin")
    }

    /// [`Fleet::seed_property`], and a live hold `code` of its cabin.
    pub async fn seed_hold(&self, code: &str) -> i64 {
        let cabin = self.seed_property().await;
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

fn pairs(kv: &[(&str, &str)]) -> Vec<(String, String)> {
    kv.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// `url` with `role` as its user and no password (the test server trusts loopback).
pub fn as_role(url: &str, role: &str) -> String {
    let host_start = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[host_start..];
    let host = rest.find('@').map_or(rest, |at| &rest[at + 1..]);
    format!("{}{role}@{host}", &url[..host_start])
}

/// Runs the `fleetctl` binary at `bin` on database `db_url` and the queue under `prefix` on
/// `redis_url` (a fleet that is not there yet, say: the one a restore makes): whether it
/// succeeded, and what it printed (stdout, then stderr).
pub fn fleetctl_on(
    bin: impl AsRef<Path>,
    db_url: &str,
    redis_url: &str,
    prefix: &str,
    args: &[&str],
) -> (bool, String) {
    let out = Command::new(bin.as_ref())
        .args(args)
        .env("DATABASE_URL", db_url)
        .env("REDIS_URL", redis_url)
        .env("FLEET_REDIS_PREFIX", prefix)
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

/// `url` (a server's) pointing at database `db`.
pub fn replace_db(url: &str, db: &str) -> String {
    let host_start = url.find("://").map_or(0, |i| i + 3);
    match url[host_start..].find('/') {
        Some(i) => format!("{}/{db}", &url[..host_start + i]),
        None => format!("{url}/{db}"),
    }
}

/// The `worker` binary at `bin` with only `env` and `extra` (and `PATH`), its stdout dropped.
pub fn worker_command(
    bin: impl AsRef<Path>,
    env: &[(String, String)],
    extra: &[(&str, &str)],
) -> Command {
    let mut cmd = Command::new(bin.as_ref());
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    for (k, v) in env {
        cmd.env(k, v);
    }
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.stdout(Stdio::null()).stderr(Stdio::inherit());
    cmd
}

/// Sends `sig` (`TERM`, `KILL`, …) to a child process.
pub fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill");
    assert!(ok.success(), "kill -{sig} failed");
}

/// The child's exit status, if it exits `within`.
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

/// Stops processes gracefully: SIGTERM to each, then waits for all.
pub fn terminate(children: &mut [Child]) {
    for c in children.iter() {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(c.id().to_string())
            .status();
    }
    for c in children.iter_mut() {
        let _ = c.wait();
    }
}

/// Kills its processes when dropped (a failed test leaves none behind).
pub struct Reaper(pub Vec<Child>);

impl Drop for Reaper {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

pub async fn count(db: &PgPool, sql: &'static str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(db).await.expect(sql)
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

//! Worker settings, read once from the environment (see `.env.example`).

use std::{collections::BTreeMap, net::SocketAddr, path::PathBuf, time::Duration};
use voice::{AudioConfig, DEFAULT_MIN_CONFIDENCE};

use jobs::{QueueName, RedisQueueConfig, queue::parse_queue_list};
use secrecy::SecretString;

use channels::breaker::BreakerConfig;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} must be set")]
    Missing(&'static str),
    #[error("{name} is invalid: {reason}")]
    Invalid { name: String, reason: String },
}

/// Everything a worker process needs to know.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    pub database_url: SecretString,
    pub queue: RedisQueueConfig,
    pub queues: Vec<QueueName>,
    pub concurrency: BTreeMap<QueueName, usize>,
    pub job_timeout: Duration,
    pub shutdown_timeout: Duration,
    pub metrics_addr: Option<SocketAddr>,
    pub schedules: crate::config::ScheduleConfig,
    pub whatsapp: WhatsappConfig,
    pub mercadopago: MercadoPagoConfig,
    /// The QloApps webservice, for properties whose PMS is QloApps (`None`: not configured, and
    /// such a property's bookings are refused rather than taken without it).
    pub qloapps: Option<QloappsConfig>,
    pub email: EmailConfig,
    pub hold_minutes: i64,
    /// Overrides every job type's first backoff step (`FLEET_RETRY_BASE_MS`).
    pub retry_base_delay: Option<Duration>,
    pub sandbox: bool,
    pub breaker: BreakerConfig,
    /// Where Mercado Pago sends payment notifications (the ingress's public URL).
    pub mercadopago_notification_url: Option<String>,
    /// iCal feeds: timeout, size cap, and the per-host breakers' settings.
    pub ical_fetch: channels::ical::FetchConfig,
    /// How long a feed that had events may answer empty before that is applied (its blocks
    /// are kept meanwhile and staff are told). `ICAL_EMPTY_FEED_GRACE_SECS`, default 24 h.
    pub ical_empty_feed_grace: Duration,
    pub audio: AudioConfig,
    /// How old an unrelayed outbox row must be before the sweeper relays it
    /// (`OUTBOX_SWEEP_GRACE_MS`), and how often it looks (`OUTBOX_SWEEP_EVERY_MS`).
    pub outbox_sweep_grace: Duration,
    pub outbox_sweep_every: Duration,
    /// How long a reply found `sending` waits for a provider's acceptance to show up before it
    /// is sent again (`REPLY_RECONCILE_SECS`): longer than the providers take to send their
    /// status webhooks.
    pub reply_reconcile_after: Duration,
    /// What history is kept and for how long (`MESSAGE_RETENTION_DAYS`, `RETENTION_EVERY_SECS`,
    /// `RETENTION_BATCH`).
    pub retention: crate::retention::Retention,
    /// PostgreSQL connections of this process (`DATABASE_POOL_SIZE`), and how many workers
    /// and ingresses share the server (`FLEET_WORKER_REPLICAS`, `FLEET_INGRESS_REPLICAS`).
    pub connections: ConnectionPlan,
    /// Owner notices: the console's base URL for their links and the fallback sender.
    pub notices: crate::notices::NoticeConfig,
    /// Where the ingress answers the public (`PUBLIC_BASE_URL`, default
    /// `http://127.0.0.1:8080`): the bot's photo links are `<base>/photos/<name>`, which
    /// WhatsApp must be able to fetch, so production sets it to the ingress's https address.
    pub public_base_url: String,
    /// How often a worker looks for new dead letters to tell owners about
    /// (`DEAD_LETTER_NOTICE_EVERY_SECS`, default 30; 0 never looks).
    pub dead_letter_notices_every: Duration,
    /// How long a worker keeps a property's feature flags before reading them again
    /// (`FLAG_CACHE_SECONDS`, default 5; see `crate::flags` for why that long).
    pub flag_cache: Duration,
}

impl WorkerConfig {
    pub fn outbox_sweeper(&self) -> crate::outbox::Sweeper {
        crate::outbox::Sweeper {
            grace: self.outbox_sweep_grace,
            period: self.outbox_sweep_every,
            batch: 500,
        }
    }
}

/// The queue whose jobs make this process die right after their commit, before they hand
/// their effects to the queue (`FLEET_TEST_CRASH_AFTER_COMMIT`): fault injection for the tests
/// that prove the outbox sweeper. Read once.
pub fn crash_after_commit() -> Option<&'static str> {
    static QUEUE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    QUEUE
        .get_or_init(|| var("FLEET_TEST_CRASH_AFTER_COMMIT"))
        .as_deref()
}

/// PostgreSQL connections per worker process unless `DATABASE_POOL_SIZE` says otherwise: jobs
/// hold a connection only for their few statements, so ten serve a process's default
/// concurrency, and six workers with an ingress fit a PostgreSQL of 100 connections.
pub const DEFAULT_POOL_SIZE: u32 = 10;

/// How the fleet means to share PostgreSQL's connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionPlan {
    pub pool_size: u32,
    pub workers: u32,
    pub ingresses: u32,
}

/// Kept free for `fleetctl` (migrations, dead letters) beside the fleet.
const OPERATOR_CONNECTIONS: u32 = 2;

impl ConnectionPlan {
    /// The connections the whole fleet may open: every worker's pool, every ingress's, and
    /// `fleetctl`'s.
    pub fn fleet_total(&self) -> u32 {
        self.workers * self.pool_size
            + self.ingresses * store::pool::INGRESS_POOL_SIZE
            + OPERATOR_CONNECTIONS
    }

    /// Whether the plan fits the server: `workers × pool + ingresses × 2 + 2 ≤ max_connections
    /// − reserved`. The error says what to change.
    pub fn fits(&self, server: &store::ServerLimits) -> Result<(), String> {
        let available = server.max_connections.saturating_sub(server.reserved);
        let needed = self.fleet_total();
        if needed <= available {
            return Ok(());
        }
        let most = available
            .saturating_sub(self.ingresses * store::pool::INGRESS_POOL_SIZE + OPERATOR_CONNECTIONS)
            / self.workers;
        Err(format!(
            "PostgreSQL cannot serve this fleet: {} workers × DATABASE_POOL_SIZE {} + {} ingresses × {} + {} for fleetctl = {needed} connections, but max_connections {} − {} reserved leaves {available}. Set DATABASE_POOL_SIZE to at most {most}, run fewer workers, or raise max_connections.",
            self.workers,
            self.pool_size,
            self.ingresses,
            store::pool::INGRESS_POOL_SIZE,
            OPERATOR_CONNECTIONS,
            server.max_connections,
            server.reserved,
        ))
    }
}

/// Voice-note settings from the environment.
pub fn audio_from_env() -> Result<AudioConfig, ConfigError> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let min_confidence: f32 = parse_var("WHISPER_MIN_CONFIDENCE", DEFAULT_MIN_CONFIDENCE)?;
    if !(0.0..=1.0).contains(&min_confidence) {
        return Err(ConfigError::Invalid {
            name: "WHISPER_MIN_CONFIDENCE".into(),
            reason: "must be between 0 and 1".into(),
        });
    }
    Ok(AudioConfig {
        model: var("WHISPER_MODEL").map(PathBuf::from),
        threads: parse_var("WHISPER_THREADS", cores)?.max(1),
        min_confidence,
        max_media_bytes: 16 * 1024 * 1024,
        max_seconds: parse_var("AUDIO_MAX_SECONDS", 120u32)?.max(1),
        window: parse_var("WHISPER_AUDIO_WINDOW", voice::stt::AudioWindow::Fit)?,
        flash_attn: parse_var("WHISPER_FLASH_ATTN", false)?,
    })
}

#[derive(Debug, Clone)]
pub struct ScheduleConfig {
    pub enabled: bool,
    pub expire_holds: String,
    pub sync_ical: String,
}

#[derive(Debug, Clone)]
pub struct WhatsappConfig {
    pub api_base: String,
    pub access_token: SecretString,
}

/// Mailgun's messages API, for replies to guests who wrote by email.
#[derive(Debug, Clone)]
pub struct EmailConfig {
    pub api_base: String,
    pub api_key: SecretString,
}

#[derive(Debug, Clone)]
pub struct MercadoPagoConfig {
    pub api_base: String,
    pub access_token: SecretString,
}

/// `QLOAPPS_URL` (the shop's base URL; the API is under `/api/`), `QLOAPPS_API_KEY` (a
/// webservice key: secret, never logged) and `QLOAPPS_AVAILABILITY_CACHE_SECS` (default 20).
#[derive(Debug, Clone)]
pub struct QloappsConfig {
    pub url: String,
    pub api_key: SecretString,
    pub availability_ttl: Duration,
}

impl QloappsConfig {
    fn from_env() -> Result<Option<QloappsConfig>, ConfigError> {
        let Some(url) = var("QLOAPPS_URL") else {
            return Ok(None);
        };
        let api_key = var("QLOAPPS_API_KEY").ok_or(ConfigError::Missing("QLOAPPS_API_KEY"))?;
        Ok(Some(QloappsConfig {
            url,
            api_key: SecretString::from(api_key),
            availability_ttl: Duration::from_secs(parse_var(
                "QLOAPPS_AVAILABILITY_CACHE_SECS",
                20u64,
            )?),
        }))
    }
}

/// Reads a variable, treating empty as unset.
pub fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

pub fn parse_var<T: std::str::FromStr>(name: &str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|e: T::Err| ConfigError::Invalid {
                name: name.to_owned(),
                reason: e.to_string(),
            }),
    }
}

/// `FLAG_CACHE_SECONDS`: seconds (fractions allowed, 0 = no cache), at most an hour.
fn flag_cache() -> Result<Duration, ConfigError> {
    let secs: f64 = parse_var(
        "FLAG_CACHE_SECONDS",
        crate::flags::DEFAULT_TTL.as_secs_f64(),
    )?;
    if !(0.0..=3_600.0).contains(&secs) {
        return Err(ConfigError::Invalid {
            name: "FLAG_CACHE_SECONDS".into(),
            reason: "must be between 0 and 3600 seconds".into(),
        });
    }
    Ok(Duration::from_secs_f64(secs))
}

/// `SANDBOX=1`: the providers' APIs are the local fakes the ingress serves.
pub fn sandbox_enabled() -> bool {
    matches!(var("SANDBOX").as_deref(), Some("1" | "true" | "yes"))
}

/// The queue settings shared by every binary.
pub fn queue_config_from_env() -> Result<RedisQueueConfig, ConfigError> {
    let mut cfg = RedisQueueConfig::from_vars(var).map_err(|e| ConfigError::Invalid {
        name: e.name.into(),
        reason: e.reason,
    })?;
    // A worker's pushes do not wait for replicas: a follow-up push goes down the same
    // connection before the ack of the job that made it, so a replica that has the ack has the
    // push; a failover that loses both runs the job again. Its replies' sending marks do wait.
    cfg.pushes_wait = false;
    cfg.lease = Duration::from_millis(parse_var("FLEET_LEASE_MS", 15_000u64)?);
    cfg.idempotency_ttl =
        Duration::from_secs(parse_var("FLEET_IDEMPOTENCY_TTL_SECS", 48 * 3600u64)?);
    cfg.block = Duration::from_millis(parse_var("FLEET_FETCH_BLOCK_MS", 1_000u64)?);
    Ok(cfg)
}

pub fn database_url() -> Result<SecretString, ConfigError> {
    var("DATABASE_URL")
        .map(SecretString::from)
        .ok_or(ConfigError::Missing("DATABASE_URL"))
}

impl WorkerConfig {
    pub fn from_env() -> Result<Self, ConfigError> {
        let queues = parse_queue_list(&var("WORKER_QUEUES").unwrap_or_default()).map_err(|e| {
            ConfigError::Invalid {
                name: "WORKER_QUEUES".into(),
                reason: e.to_string(),
            }
        })?;
        let default_concurrency: usize = parse_var("WORKER_CONCURRENCY", 16)?;
        let mut concurrency = BTreeMap::new();
        for q in QueueName::ALL {
            // Audio is CPU-bound: one at a time per process unless the operator says otherwise.
            let default = if q == QueueName::TranscribeAudio {
                1
            } else {
                default_concurrency
            };
            let name = format!("WORKER_CONCURRENCY_{}", q.as_str().to_uppercase());
            let n: usize = parse_var(&name, default)?;
            concurrency.insert(q, n.max(1));
        }
        let metrics_addr =
            match var("WORKER_METRICS_ADDR").as_deref() {
                None => Some(SocketAddr::from(([0, 0, 0, 0], 9091))),
                Some("off") => None,
                Some(raw) => Some(raw.parse().map_err(|e: std::net::AddrParseError| {
                    ConfigError::Invalid {
                        name: "WORKER_METRICS_ADDR".into(),
                        reason: e.to_string(),
                    }
                })?),
            };
        let sandbox = sandbox_enabled();
        let sandbox_base =
            var("SANDBOX_BASE_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into());
        let default_graph = if sandbox {
            format!("{sandbox_base}/sandbox/graph")
        } else {
            "https://graph.facebook.com/v21.0".into()
        };
        let default_mp = if sandbox {
            format!("{sandbox_base}/sandbox/mp")
        } else {
            "https://api.mercadopago.com".into()
        };
        let default_mailgun = if sandbox {
            format!("{sandbox_base}/sandbox/mailgun")
        } else {
            "https://api.mailgun.net".into()
        };
        let breaker = BreakerConfig {
            failure_threshold: parse_var("BREAKER_FAILURE_THRESHOLD", 5u32)?.max(1),
            cool_down: Duration::from_secs(parse_var("BREAKER_COOL_DOWN_SECS", 60u64)?),
            success_threshold: parse_var("BREAKER_SUCCESS_THRESHOLD", 2u32)?.max(1),
        };
        let public_base_url =
            var("PUBLIC_BASE_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into());
        Ok(WorkerConfig {
            public_base_url: public_base_url.clone(),
            audio: audio_from_env()?,
            breaker,
            ical_fetch: channels::ical::FetchConfig {
                timeout: Duration::from_millis(parse_var("ICAL_FETCH_TIMEOUT_MS", 20_000u64)?),
                max_bytes: parse_var("ICAL_MAX_BYTES", 5 * 1024 * 1024usize)?,
                breaker,
            },
            ical_empty_feed_grace: Duration::from_secs(parse_var(
                "ICAL_EMPTY_FEED_GRACE_SECS",
                24 * 3600u64,
            )?),
            notices: crate::notices::NoticeConfig {
                console_base: public_base_url.clone(),
                from_address: var("NOTICES_FROM_ADDRESS"),
                whatsapp_template: var("WHATSAPP_NOTICE_TEMPLATE").map(|name| {
                    crate::notices::NoticeTemplate {
                        name,
                        language: var("WHATSAPP_NOTICE_TEMPLATE_LANGUAGE")
                            .unwrap_or_else(|| "es_AR".into()),
                    }
                }),
            },
            dead_letter_notices_every: Duration::from_secs(parse_var(
                "DEAD_LETTER_NOTICE_EVERY_SECS",
                30u64,
            )?),
            flag_cache: flag_cache()?,
            mercadopago_notification_url: var("MERCADOPAGO_NOTIFICATION_URL")
                .or_else(|| sandbox.then(|| format!("{sandbox_base}/webhooks/mercadopago"))),
            sandbox,
            database_url: database_url()?,
            queue: queue_config_from_env()?,
            queues,
            concurrency,
            job_timeout: Duration::from_secs(parse_var("WORKER_JOB_TIMEOUT_SECS", 120u64)?),
            shutdown_timeout: Duration::from_secs(parse_var(
                "WORKER_SHUTDOWN_TIMEOUT_SECS",
                30u64,
            )?),
            metrics_addr,
            schedules: ScheduleConfig {
                enabled: parse_var("SCHEDULES_ENABLED", true)?,
                expire_holds: var("SCHEDULE_EXPIRE_HOLDS").unwrap_or_else(|| "0 * * * * *".into()),
                sync_ical: var("SCHEDULE_SYNC_ICAL").unwrap_or_else(|| "0 */5 * * * *".into()),
            },
            whatsapp: WhatsappConfig {
                api_base: var("WHATSAPP_API_BASE").unwrap_or(default_graph),
                access_token: SecretString::from(var("WHATSAPP_ACCESS_TOKEN").unwrap_or_default()),
            },
            mercadopago: MercadoPagoConfig {
                api_base: var("MERCADOPAGO_API_BASE").unwrap_or(default_mp),
                access_token: SecretString::from(
                    var("MERCADOPAGO_ACCESS_TOKEN").unwrap_or_default(),
                ),
            },
            qloapps: QloappsConfig::from_env()?,
            email: EmailConfig {
                api_base: var("MAILGUN_API_BASE").unwrap_or(default_mailgun),
                api_key: SecretString::from(var("MAILGUN_API_KEY").unwrap_or_default()),
            },
            hold_minutes: parse_var("HOLD_MINUTES", 30i64)?,
            retry_base_delay: var("FLEET_RETRY_BASE_MS")
                .map(|_| parse_var("FLEET_RETRY_BASE_MS", 1000u64).map(Duration::from_millis))
                .transpose()?,
            outbox_sweep_grace: Duration::from_millis(parse_var(
                "OUTBOX_SWEEP_GRACE_MS",
                10_000u64,
            )?),
            outbox_sweep_every: Duration::from_millis(parse_var(
                "OUTBOX_SWEEP_EVERY_MS",
                5_000u64,
            )?),
            reply_reconcile_after: Duration::from_secs_f64(
                parse_var("REPLY_RECONCILE_SECS", 60.0f64)?.clamp(0.1, 86_400.0),
            ),
            retention: crate::retention::Retention {
                age: Duration::from_secs(
                    parse_var("MESSAGE_RETENTION_DAYS", 180u64)?.saturating_mul(86_400),
                ),
                every: Duration::from_secs_f64(
                    parse_var("RETENTION_EVERY_SECS", 600.0f64)?.clamp(0.1, 86_400.0),
                ),
                batch: parse_var("RETENTION_BATCH", 1_000i64)?.clamp(1, 100_000),
            },
            connections: ConnectionPlan {
                pool_size: parse_var("DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE)?.max(1),
                workers: parse_var("FLEET_WORKER_REPLICAS", 1u32)?.max(1),
                ingresses: parse_var("FLEET_INGRESS_REPLICAS", 1u32)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(max_connections: u32) -> store::ServerLimits {
        store::ServerLimits {
            max_connections,
            reserved: 3,
            superuser: false,
        }
    }

    #[test]
    fn six_workers_of_ten_fit_a_hundred_connections_and_thirty_two_do_not() {
        let plan = ConnectionPlan {
            pool_size: DEFAULT_POOL_SIZE,
            workers: 6,
            ingresses: 2,
        };
        assert_eq!(plan.fleet_total(), 66);
        assert!(plan.fits(&server(100)).is_ok());
        let greedy = ConnectionPlan {
            pool_size: 32,
            ..plan
        };
        let refused = greedy.fits(&server(100)).unwrap_err();
        assert!(refused.contains("198 connections"), "{refused}");
        assert!(refused.contains("leaves 97"), "{refused}");
        assert!(
            refused.contains("DATABASE_POOL_SIZE to at most 15"),
            "{refused}"
        );
    }
}

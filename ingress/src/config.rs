//! Ingress settings, only from the environment (see `.env.example`). Secrets stay wrapped in
//! `SecretString`, so they never reach a log line.

use std::{net::SocketAddr, time::Duration};

use jobs::RedisQueueConfig;
use secrecy::SecretString;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

#[derive(Debug, Clone)]
pub struct IngressConfig {
    pub addr: SocketAddr,
    pub database_url: Option<SecretString>,
    pub queue: RedisQueueConfig,
    pub whatsapp_app_secret: Option<SecretString>,
    pub whatsapp_verify_token: Option<SecretString>,
    pub mercadopago_webhook_secret: Option<SecretString>,
    /// Mailgun's webhook signing key (inbound email routes).
    pub mailgun_signing_key: Option<SecretString>,
    pub admin_token: Option<SecretString>,
    pub max_body_bytes: usize,
    /// Inbound emails may carry attachments (skipped, never kept): Mailgun's own cap is 25 MB.
    pub max_email_bytes: usize,
    /// Requests per client IP per minute to staff endpoints and the iCal export.
    pub rate_limit_per_minute: u64,
    /// Verified webhooks per provider and property per minute.
    pub webhook_rate_limit_per_minute: u64,
    /// Unsigned or failed-signature webhooks per client IP per minute.
    pub unsigned_rate_limit_per_minute: u64,
    /// Take the client IP from `X-Forwarded-For` (only behind a proxy you trust).
    pub trust_forwarded_for: bool,
    pub ready_timeout: Duration,
    /// `SANDBOX=1`: serve local fakes of the Graph API and Mercado Pago (see `routes::sandbox`).
    pub sandbox: bool,
    /// Key of the iCal export URLs' tokens; unset = the export answers 404.
    pub ical_export_secret: Option<SecretString>,
    /// Where the public reaches the ingress (`PUBLIC_BASE_URL`): the console shows the export
    /// URLs under it; unset, under the address the owner's request came to.
    pub public_base_url: Option<String>,
    /// `/health/ready` says "degraded" when an active feed has not synced for longer.
    pub ical_max_sync_age: Duration,
    /// The staff console's settings (`console`).
    pub console: ConsoleConfig,
}

/// The staff console: its session cookie and how fast one may try passwords.
#[derive(Debug, Clone)]
pub struct ConsoleConfig {
    /// Mark the session cookie `Secure` (sent over HTTPS only). On by default; off only for a
    /// console served over plain HTTP on loopback (tests, a laptop).
    pub cookie_secure: bool,
    /// A session ends this long after sign-in, whatever happens meanwhile.
    pub session_ttl: Duration,
    /// Sign-in attempts per account (email address) per minute; more get 429.
    pub login_attempts_per_account: u64,
    /// Sign-in attempts per client IP per minute; more get 429.
    pub login_attempts_per_ip: u64,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn secret(name: &str) -> Option<SecretString> {
    var(name).map(SecretString::from)
}

fn parse<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    var(name).map_or(Ok(default), |raw| {
        raw.trim()
            .parse()
            .map_err(|e: T::Err| ConfigError::Invalid {
                name,
                reason: e.to_string(),
            })
    })
}

impl IngressConfig {
    pub fn from_env() -> Result<Self, ConfigError> {
        let mut queue = RedisQueueConfig::from_vars(var).map_err(|e| ConfigError::Invalid {
            name: e.name,
            reason: e.reason,
        })?;
        queue.idempotency_ttl =
            Duration::from_secs(parse("FLEET_IDEMPOTENCY_TTL_SECS", 48 * 3600u64)?);
        Ok(IngressConfig {
            addr: parse("INGRESS_ADDR", SocketAddr::from(([0, 0, 0, 0], 8080)))?,
            database_url: secret("DATABASE_URL"),
            queue,
            whatsapp_app_secret: secret("WHATSAPP_APP_SECRET"),
            whatsapp_verify_token: secret("WHATSAPP_VERIFY_TOKEN"),
            mercadopago_webhook_secret: secret("MERCADOPAGO_WEBHOOK_SECRET"),
            mailgun_signing_key: secret("MAILGUN_WEBHOOK_SIGNING_KEY"),
            admin_token: secret("ADMIN_TOKEN"),
            max_body_bytes: parse("INGRESS_MAX_BODY_BYTES", 1024 * 1024usize)?,
            max_email_bytes: parse("INGRESS_MAX_EMAIL_BYTES", 30 * 1024 * 1024usize)?,
            rate_limit_per_minute: parse("INGRESS_RATE_LIMIT_PER_MINUTE", 600u64)?,
            webhook_rate_limit_per_minute: parse(
                "INGRESS_WEBHOOK_RATE_LIMIT_PER_MINUTE",
                60_000u64,
            )?,
            unsigned_rate_limit_per_minute: parse("INGRESS_UNSIGNED_RATE_LIMIT_PER_MINUTE", 30u64)?,
            trust_forwarded_for: parse("INGRESS_TRUST_FORWARDED_FOR", false)?,
            ready_timeout: Duration::from_millis(parse("INGRESS_READY_TIMEOUT_MS", 2000u64)?),
            sandbox: matches!(var("SANDBOX").as_deref(), Some("1" | "true" | "yes")),
            ical_export_secret: secret("ICAL_EXPORT_SECRET"),
            public_base_url: var("PUBLIC_BASE_URL").map(|u| u.trim().to_owned()),
            ical_max_sync_age: Duration::from_secs(parse("ICAL_MAX_SYNC_AGE_SECS", 1200u64)?),
            console: ConsoleConfig {
                cookie_secure: parse("CONSOLE_COOKIE_SECURE", true)?,
                session_ttl: Duration::from_secs(60 * parse("CONSOLE_SESSION_MINUTES", 720u64)?),
                login_attempts_per_account: parse("CONSOLE_LOGIN_ATTEMPTS_PER_ACCOUNT", 5u64)?,
                login_attempts_per_ip: parse("CONSOLE_LOGIN_ATTEMPTS_PER_IP", 20u64)?,
            },
        })
    }
}

//! Clients of the outside world. Each turns the provider's answers into [`ChannelError`], which
//! says whether trying again can help, so the queue retries only what is worth retrying.

pub mod breaker;
pub mod email;
pub mod ical;
pub mod media;
pub mod mercadopago;
pub mod whatsapp;

use std::time::Duration;

use jobs::JobError;

#[derive(Debug, thiserror::Error)]
pub enum ChannelError {
    #[error("{dependency} unavailable: {message}")]
    Transient {
        dependency: &'static str,
        message: String,
        retry_after: Option<Duration>,
    },
    #[error("{dependency} refused the request: {message}")]
    Permanent {
        dependency: &'static str,
        message: String,
    },
    /// Its circuit breaker is open: not called at all.
    #[error("{dependency} is down for now (circuit open)")]
    Open {
        dependency: &'static str,
        retry_after: Duration,
    },
}

impl From<ChannelError> for JobError {
    fn from(e: ChannelError) -> Self {
        match e {
            ChannelError::Transient { retry_after, .. } => JobError::Transient {
                message: e.to_string(),
                retry_after,
            },
            ChannelError::Permanent { .. } => JobError::Permanent(e.to_string()),
            ChannelError::Open {
                dependency,
                retry_after,
            } => JobError::DependencyOpen {
                dependency: dependency.to_owned(),
                retry_after,
            },
        }
    }
}

/// Classifies an HTTP answer: 429 and 5xx are transient (honouring `Retry-After` seconds),
/// other 4xx permanent.
pub(crate) async fn check_status(
    dependency: &'static str,
    response: reqwest::Response,
) -> Result<reqwest::Response, ChannelError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body = response.text().await.unwrap_or_default();
    let message = format!(
        "HTTP {status}: {}",
        body.chars().take(300).collect::<String>()
    );
    if status.as_u16() == 429 || status.is_server_error() {
        Err(ChannelError::Transient {
            dependency,
            message,
            retry_after,
        })
    } else {
        Err(ChannelError::Permanent {
            dependency,
            message,
        })
    }
}

pub(crate) fn transport(dependency: &'static str, e: reqwest::Error) -> ChannelError {
    ChannelError::Transient {
        dependency,
        message: e.without_url().to_string(),
        retry_after: None,
    }
}

pub(crate) fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .connect_timeout(Duration::from_secs(3))
        .pool_max_idle_per_host(32)
        .build()
        .unwrap_or_default()
}

/// Runs a call through the dependency's breaker: refused while open; transient failures count
/// against it, answers (even refusals) count as the dependency being up.
pub(crate) async fn guarded<T>(
    dependency: &'static str,
    breaker: &breaker::Breaker,
    call: impl std::future::Future<Output = Result<T, ChannelError>>,
) -> Result<T, ChannelError> {
    breaker.check().map_err(|retry_after| ChannelError::Open {
        dependency,
        retry_after,
    })?;
    let result = call.await;
    breaker.record(!matches!(result, Err(ChannelError::Transient { .. })));
    result
}

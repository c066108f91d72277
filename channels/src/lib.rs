//! Clients of the outside world. Each turns the provider's answers into [`ChannelError`], which
//! says whether trying again can help, so the queue retries only what is worth retrying.

pub mod breaker;
pub mod email;
pub mod guard;
pub mod ical;
pub mod media;
pub mod mercadopago;
pub mod qloapps;
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
    /// The provider asked us to slow down (429): every worker waits `retry_after`.
    #[error("{dependency} asks us to slow down for {retry_after:?}")]
    Throttled {
        dependency: &'static str,
        retry_after: Duration,
    },
    /// The request may have reached the provider but no answer came back (a timeout, a
    /// connection lost after sending): whether it took effect is unknown.
    #[error("{dependency} did not answer: {message}")]
    Unanswered {
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
            ChannelError::Unanswered { .. } => JobError::transient(e.to_string()),
            ChannelError::Permanent { .. } => JobError::Permanent(e.to_string()),
            ChannelError::Throttled {
                dependency,
                retry_after,
            }
            | ChannelError::Open {
                dependency,
                retry_after,
            } => JobError::DependencyOpen {
                dependency: dependency.to_owned(),
                retry_after,
            },
        }
    }
}

/// When a throttling provider does not say how long to wait.
const DEFAULT_THROTTLE: Duration = Duration::from_secs(10);

/// Classifies an HTTP answer: 429 is a throttle (for `Retry-After` seconds), 5xx transient
/// (honouring `Retry-After`), other 4xx permanent.
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
    if status.as_u16() == 429 {
        return Err(ChannelError::Throttled {
            dependency,
            retry_after: retry_after.unwrap_or(DEFAULT_THROTTLE),
        });
    }
    if status.is_server_error() {
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

/// A request that got no answer: when it never connected, the provider never saw it
/// (transient); otherwise it may have (unanswered).
pub(crate) fn transport(dependency: &'static str, e: reqwest::Error) -> ChannelError {
    let connect = e.is_connect();
    let message = e.without_url().to_string();
    if connect {
        ChannelError::Transient {
            dependency,
            message,
            retry_after: None,
        }
    } else {
        ChannelError::Unanswered {
            dependency,
            message,
        }
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

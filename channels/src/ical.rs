//! Fetching a feed: a timeout, a size cap, conditional requests (`If-None-Match` /
//! `If-Modified-Since` from what the feed answered last time), and one circuit breaker per
//! host, so a dead channel fails fast instead of holding workers for its whole timeout.
//!
//! Never logs the URL: channels put their secret token in it.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use reqwest::{StatusCode, header};

use crate::breaker::{Breaker, BreakerConfig, SystemClock};

#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub timeout: Duration,
    pub max_bytes: usize,
    pub breaker: BreakerConfig,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            timeout: Duration::from_secs(20),
            max_bytes: 5 * 1024 * 1024,
            breaker: BreakerConfig::default(),
        }
    }
}

/// What the feed answered.
#[derive(Debug)]
pub enum Fetched {
    /// 304: nothing changed since the validators we sent.
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("the feed URL is not a valid http(s) URL")]
    BadUrl,
    #[error("{dependency} is down for now (circuit open)")]
    CircuitOpen { dependency: String },
    #[error("timed out")]
    Timeout,
    #[error("transport: {0}")]
    Transport(String),
    #[error("HTTP {0}")]
    Status(u16),
    #[error("body over {0} bytes")]
    TooLarge(usize),
}

impl FetchError {
    /// The `kind` label of `fleet_ical_sync_errors_total`.
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::BadUrl => "bad_url",
            FetchError::CircuitOpen { .. } => "circuit_open",
            FetchError::Timeout => "timeout",
            FetchError::Transport(_) => "transport",
            FetchError::Status(s) if *s >= 500 || *s == 429 => "http_5xx",
            FetchError::Status(_) => "http_4xx",
            FetchError::TooLarge(_) => "too_large",
        }
    }

    /// Does this failure say the host is unwell (counts against its breaker)?
    fn host_unwell(&self) -> bool {
        match self {
            FetchError::Timeout | FetchError::Transport(_) => true,
            FetchError::Status(s) => *s >= 500 || *s == 429,
            _ => false,
        }
    }
}

/// The HTTP client and the breakers, one per host (`ical:<host[:port]>`), shared by every job
/// of the process.
pub struct Fetcher {
    http: reqwest::Client,
    config: FetchConfig,
    breakers: Mutex<HashMap<String, Arc<Breaker>>>,
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Self {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(5)))
            .user_agent("booking-fleet-ical/1.0")
            .pool_max_idle_per_host(16)
            .build()
            .unwrap_or_default();
        Fetcher {
            http,
            config,
            breakers: Mutex::new(HashMap::new()),
        }
    }

    /// The breaker of a host, made on first use.
    pub fn breaker(&self, dependency: &str) -> Arc<Breaker> {
        let mut map = match self.breakers.lock() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        };
        map.entry(dependency.to_owned())
            .or_insert_with(|| {
                Arc::new(Breaker::new(
                    dependency,
                    self.config.breaker,
                    Arc::new(SystemClock),
                ))
            })
            .clone()
    }

    pub async fn fetch(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let parsed = reqwest::Url::parse(url).map_err(|_| FetchError::BadUrl)?;
        let dependency = dependency(&parsed).ok_or(FetchError::BadUrl)?;
        let breaker = self.breaker(&dependency);
        if breaker.check().is_err() {
            return Err(FetchError::CircuitOpen { dependency });
        }
        let result = self.get(parsed, etag, last_modified).await;
        breaker.record(!matches!(&result, Err(e) if e.host_unwell()));
        result
    }

    async fn get(
        &self,
        url: reqwest::Url,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let mut request = self.http.get(url);
        if let Some(etag) = etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, lm);
        }
        let mut response = request.send().await.map_err(transport)?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let max = self.config.max_bytes;
        if response.content_length().is_some_and(|n| n as usize > max) {
            return Err(FetchError::TooLarge(max));
        }
        let header_text = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &header::HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let (etag, last_modified) = (
            header_text(header::ETAG),
            header_text(header::LAST_MODIFIED),
        );
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if bytes.len() + chunk.len() > max {
                return Err(FetchError::TooLarge(max));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
        })
    }
}

fn transport(e: reqwest::Error) -> FetchError {
    if e.is_timeout() {
        FetchError::Timeout
    } else {
        FetchError::Transport(e.without_url().to_string())
    }
}

/// `ical:<host>` (with the port when it is not the scheme's own), for http(s) URLs only.
pub fn dependency(url: &reqwest::Url) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("ical:{host}:{port}"),
        None => format!("ical:{host}"),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn one_breaker_per_host_and_only_web_urls() {
        let u = |s| reqwest::Url::parse(s).unwrap();
        assert_eq!(
            dependency(&u("https://www.airbnb.com/calendar/ical/1.ics?s=x")).unwrap(),
            "ical:www.airbnb.com"
        );
        assert_eq!(
            dependency(&u("http://127.0.0.1:8081/a.ics")).unwrap(),
            "ical:127.0.0.1:8081"
        );
        assert_eq!(dependency(&u("file:///etc/passwd")), None);
        let f = Fetcher::new(FetchConfig::default());
        assert!(Arc::ptr_eq(&f.breaker("ical:a"), &f.breaker("ical:a")));
        assert!(!Arc::ptr_eq(&f.breaker("ical:a"), &f.breaker("ical:b")));
    }
}

//! Who may send how much, in sliding windows shared by every ingress replica (Redis):
//!
//! - **Signed webhooks** (a provider's own, verified): a far higher budget, per provider and
//!   property (`INGRESS_WEBHOOK_RATE_LIMIT_PER_MINUTE`), never per IP: Meta and Mailgun deliver
//!   from a few addresses for every property at once, and a busy property must not throttle
//!   the others.
//! - **Unsigned or failed-signature webhook traffic**: limited hard per client IP
//!   (`INGRESS_UNSIGNED_RATE_LIMIT_PER_MINUTE`). Once an IP is over, this replica refuses it at
//!   once (429) for the rest of the window, before reading a byte of its body.
//! - **Everything else** (staff endpoints, the console, the iCal export): per client IP
//!   (`INGRESS_RATE_LIMIT_PER_MINUTE`).
//! - **Console sign-in attempts**: per account (the address typed, hashed into the key) and per
//!   client IP (`CONSOLE_LOGIN_ATTEMPTS_PER_ACCOUNT`, `CONSOLE_LOGIN_ATTEMPTS_PER_IP`): a
//!   password guesser gets a handful of tries a minute, whichever address or IP it uses.
//!
//! Health and metrics are never limited. A limiter that cannot reach Redis lets requests
//! through: the enqueue behind it answers 503 on its own, and nothing is accepted without Redis.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use jobs::coordination::RateWindow;

use crate::{error::IngressError, state::AppState};

/// Every limit's window.
pub const WINDOW: Duration = Duration::from_secs(60);

/// Client IPs this replica refuses until a moment, after their unsigned traffic went over.
#[derive(Debug, Default)]
pub struct Blocked(Mutex<HashMap<String, Instant>>);

impl Blocked {
    pub fn is_blocked(&self, ip: &str) -> bool {
        let Ok(map) = self.0.lock() else {
            return false;
        };
        map.get(ip).is_some_and(|until| Instant::now() < *until)
    }

    pub fn block(&self, ip: &str, for_: Duration) {
        let Ok(mut map) = self.0.lock() else {
            return;
        };
        let now = Instant::now();
        // Bounded by the number of abusive IPs in one window.
        map.retain(|_, until| *until > now);
        map.insert(ip.to_owned(), now + for_);
    }
}

/// A webhook from `ip` was refused for its signature: count it, and block the IP on this
/// replica once it is over the unsigned budget.
pub async fn unsigned_refused(state: &AppState, ip: &str) {
    let window = RateWindow::new(&state.queue, "rl-unsigned", WINDOW);
    match window.count(ip).await {
        Ok(n) if n > state.config.unsigned_rate_limit_per_minute => {
            tracing::warn!(%ip, refused = n, "too many unsigned webhooks; refusing this address for a while");
            state.blocked.block(ip, WINDOW);
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "rate limiter unavailable"),
    }
}

/// Counts one verified delivery of `provider` for `property` (a WhatsApp number id, a
/// property's address; empty when the provider's notifications name no property): 429 over
/// the budget, so the provider delivers again later.
pub async fn webhook_budget(
    state: &AppState,
    provider: &'static str,
    property: &str,
) -> Result<(), IngressError> {
    let window = RateWindow::new(&state.queue, "rl-webhook", WINDOW);
    match window.count(&format!("{provider}:{property}")).await {
        Ok(n) if n > state.config.webhook_rate_limit_per_minute => {
            metrics::counter!("fleet_webhook_rejected_total", "provider" => provider, "reason" => "rate_limited").increment(1);
            Err(IngressError::RateLimited)
        }
        Ok(_) => Ok(()),
        Err(e) => {
            tracing::warn!(error = %e, "rate limiter unavailable; letting the delivery through");
            Ok(())
        }
    }
}

/// Counts one request of `ip` to a staff endpoint or the export: 429 over its budget.
pub async fn per_ip(state: &AppState, ip: &str) -> Result<(), IngressError> {
    let window = RateWindow::new(&state.queue, "rl", WINDOW);
    match window.count(ip).await {
        Ok(n) if n > state.config.rate_limit_per_minute => {
            metrics::counter!("fleet_webhook_rejected_total", "provider" => "any", "reason" => "rate_limited").increment(1);
            Err(IngressError::RateLimited)
        }
        Ok(_) => Ok(()),
        Err(e) => {
            tracing::warn!(error = %e, "rate limiter unavailable; letting the request through");
            Ok(())
        }
    }
}

/// Counts one console sign-in attempt for `email` from `ip`: refused (429) over either budget,
/// before any password is checked. Unlike the other limits, a limiter that cannot reach Redis
/// refuses: sessions live there too, so nobody could sign in anyway.
pub async fn console_login(
    state: &AppState,
    email: &str,
    ip: &str,
) -> Result<(), crate::console::ConsoleError> {
    use sha2::Digest as _;
    let account = hex::encode(&sha2::Sha256::digest(email.as_bytes())[..16]);
    let per_account = RateWindow::new(&state.queue, "rl-login-account", WINDOW);
    let per_ip = RateWindow::new(&state.queue, "rl-login-ip", WINDOW);
    let unavailable = |e| crate::console::ConsoleError::unavailable("the sign-in limiter", e);
    let by_account = per_account.count(&account).await.map_err(unavailable)?;
    let by_ip = per_ip.count(ip).await.map_err(unavailable)?;
    let limits = &state.config.console;
    if by_account > limits.login_attempts_per_account || by_ip > limits.login_attempts_per_ip {
        metrics::counter!("fleet_console_refused_total", "reason" => "login_rate_limited")
            .increment(1);
        tracing::warn!(%ip, "too many console sign-in attempts");
        return Err(crate::console::ConsoleError::TooManyAttempts);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_lasts_its_time_and_only_for_its_address() {
        let b = Blocked::default();
        b.block("203.0.113.9", Duration::from_millis(50));
        assert!(b.is_blocked("203.0.113.9"));
        assert!(!b.is_blocked("203.0.113.10"));
        std::thread::sleep(Duration::from_millis(60));
        assert!(!b.is_blocked("203.0.113.9"));
    }
}

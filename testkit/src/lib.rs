//! Plays the other side of the fleet: providers and guests.
//!
//! - [`deliveries`]: the bodies providers send (a WhatsApp delivery of any message kind, a
//!   Mailgun route post, a Mercado Pago notification) and their signatures, built once here.
//! - [`Guest`]: a guest on WhatsApp or email who writes, sends voice notes and pays, through
//!   signed webhooks to a running ingress.
//! - [`eventually`]: the one way tests wait for something to become true.
//!
//! Used by `fleetctl simulate`, the fleet and ingress tests and the benchmarks. It only speaks
//! HTTP to an ingress like a provider would; it never touches a store or a queue.

pub mod deliveries;
pub mod guest;

use std::{future::Future, time::Duration};

pub use guest::{Guest, GuestError, Sent};

/// Polls `check` every 20 ms until it is true or `within` passed; answers whether it became
/// true.
pub async fn eventually<F, Fut>(within: Duration, mut check: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if check().await {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

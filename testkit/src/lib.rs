//! Plays the other side of the fleet: providers and guests, and (feature `fleet`) sets the fleet
//! up for a test or a benchmark. The one test kit: tests, benchmarks and `fleetctl simulate` build
//! deliveries, play guests, wait and spawn the ingress only through it.
//!
//! - [`deliveries`]: the bodies providers send (a WhatsApp delivery of any message kind, a
//!   Mailgun route post, urlencoded or multipart, a Mercado Pago notification) and their
//!   signatures, built once here. Builders only.
//! - [`webhooks`]: posts to a running ingress exactly as given (body, signature header, query),
//!   for tests that need exact bytes and headers and for load generators.
//! - [`fixtures`]: the real payloads this repository keeps (`testkit/fixtures/`), read for tests.
//! - [`Guest`]: a guest on WhatsApp or email who writes, sends voice notes and pays, through
//!   signed webhooks to a running ingress.
//! - [`secrets`]: the providers' keys an ingress spawned by the kit checks, so a guest signs
//!   what that ingress accepts.
//! - [`eventually`]: the one way tests wait for something to become true.
//! - `harness` (feature `fleet`): the one way to spawn an ingress in-process, and the fleet under
//!   test: a fresh PostgreSQL database and Redis prefix, worker processes, their signals.
//! - `fakes` (feature `fleet`): the providers' APIs faked with wiremock (Graph API answers,
//!   Mercado Pago payments) and what they received.
//! - `graph` (feature `fleet`): a Graph API fake for fault tests that logs every send, throttles
//!   on demand and posts status webhooks back like Meta.
//! - `servers` (feature `fleet`): a PostgreSQL cluster and a Redis of a test's own, for the
//!   tests that stop or kill them.
//! - `redis_nodes` (feature `redis-nodes`): a local Redis Cluster of three primaries and a
//!   Sentinel group (primary, replicas, three sentinels), for the tests and benchmarks of the
//!   queue beyond one Redis.
//!
//! Without the feature the kit only speaks HTTP to an ingress like a provider would; it never
//! touches a store or a queue, so `fleetctl` can link it without linking the ingress. The
//! harness touches PostgreSQL and Redis only to set up a test's own database and prefix (create,
//! migrate, seed, count, drop) and to enqueue what an ingress would.

pub mod deliveries;
pub mod fixtures;
pub mod guest;
pub mod ports;
pub mod webhooks;

#[cfg(feature = "fleet")]
pub mod fakes;
#[cfg(feature = "fleet")]
pub mod graph;
#[cfg(feature = "fleet")]
pub mod harness;
#[cfg(feature = "fleet")]
pub mod qloapps;
#[cfg(feature = "redis-nodes")]
pub mod redis_nodes;
#[cfg(feature = "fleet")]
pub mod servers;

use std::{future::Future, time::Duration};

pub use guest::{Guest, GuestError, Sent};
pub use webhooks::Webhooks;

/// The providers' keys of an ingress spawned by the kit (`harness::spawn_ingress`).
pub mod secrets {
    /// WhatsApp's app secret (`X-Hub-Signature-256`).
    pub const WA_SECRET: &str = "e2e-secret";
    /// WhatsApp's verification handshake token.
    pub const WA_VERIFY: &str = "verify-me";
    /// Mercado Pago's webhook secret (`x-signature`).
    pub const MP_SECRET: &str = "mp-secret";
    /// Mailgun's webhook signing key.
    pub const MAILGUN_KEY: &str = "mailgun-signing-key";
    /// The staff's bearer token for `/admin`.
    pub const STAFF_TOKEN: &str = "staff-token";
}

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

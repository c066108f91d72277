//! What the fleet tests need beyond the kit: this crate's binaries. Everything else (the fleet,
//! the ingress, guests, fakes, waiting) is `testkit`'s, re-exported here.

pub use testkit::{
    Guest, deliveries, eventually,
    fakes::*,
    harness::*,
    secrets::{MAILGUN_KEY, MP_SECRET, STAFF_TOKEN, WA_SECRET},
};

/// The `worker` binary cargo built for these tests.
pub const WORKER: &str = env!("CARGO_BIN_EXE_worker");
/// The `fleetctl` binary cargo built for these tests.
pub const FLEETCTL: &str = env!("CARGO_BIN_EXE_fleetctl");

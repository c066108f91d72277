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

/// A PHC string of Argon2id's shape for accounts that never sign in (notices' recipients).
pub const UNUSED_PASSWORD_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

/// An active account of `role` at `property` that never signs in; answers its id.
pub async fn account(fleet: &Fleet, property: i64, email: &str, role: store::staff::Role) -> i64 {
    store::staff::add(&fleet.db, property, email, role, UNUSED_PASSWORD_HASH)
        .await
        .unwrap()
}

/// A Graph API fake that accepts every message of every business number.
pub async fn graph_accepting_all() -> wiremock::MockServer {
    let graph = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path_regex("^/[0-9]+/messages$"))
        .respond_with(graph_ok())
        .mount(&graph)
        .await;
    graph
}

/// The property `cabin` belongs to.
pub async fn property_of(fleet: &Fleet, cabin: i64) -> i64 {
    sqlx::query_scalar("SELECT property_id FROM accommodations WHERE id = $1")
        .bind(cabin)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

/// The property's today, in its own time zone.
pub async fn today_at(fleet: &Fleet, property: i64) -> chrono::NaiveDate {
    sqlx::query_scalar("SELECT (now() AT TIME ZONE time_zone)::date FROM properties WHERE id = $1")
        .bind(property)
        .fetch_one(&fleet.db)
        .await
        .unwrap()
}

//! What every route can reach, built once in `startup`.

use jobs::{RedisQueue, coordination::Deliveries};
use metrics_exporter_prometheus::PrometheusHandle;
use sqlx::PgPool;

use crate::config::IngressConfig;

pub struct AppState {
    pub config: IngressConfig,
    pub queue: RedisQueue,
    /// What the providers' status webhooks say they accepted.
    pub deliveries: Deliveries,
    /// Lazily connected: the ingress starts (and serves webhooks) while PostgreSQL is away.
    pub db: Option<PgPool>,
    pub metrics: PrometheusHandle,
    /// Addresses this replica refuses for a while (too many unsigned webhooks).
    pub blocked: crate::limits::Blocked,
}

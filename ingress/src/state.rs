//! What every route can reach, built once in `startup`.

use jobs::RedisQueue;
use metrics_exporter_prometheus::PrometheusHandle;
use sqlx::PgPool;

use crate::config::IngressConfig;

pub struct AppState {
    pub config: IngressConfig,
    pub queue: RedisQueue,
    /// Lazily connected: the ingress starts (and reports not-ready) while PostgreSQL is away.
    pub db: Option<PgPool>,
    pub metrics: PrometheusHandle,
}

//! Liveness, readiness and metrics.
//!
//! Ready means "can do my job": the ingress accepts webhooks with Redis alone, so only Redis
//! decides the status code (503 without it: nothing could be accepted). PostgreSQL (it serves
//! the iCal export and the calendar's metrics) and a stale calendar are reported, and make the
//! status `"degraded"`, but keep the 200: pulling every ingress from the load balancer during
//! a database failover would stop webhooks and make things worse.

use std::{sync::Arc, time::Instant};

use poem::{IntoResponse, Response, handler, http::StatusCode, web::Data};
use serde_json::json;

use crate::state::AppState;

#[handler]
pub fn live() -> &'static str {
    "ok"
}

#[handler]
pub async fn ready(Data(state): Data<&Arc<AppState>>) -> Response {
    let timeout = state.config.ready_timeout;
    let redis = probe(timeout, async {
        state.queue.ping().await.map_err(|e| e.to_string())
    })
    .await;
    let postgres = match &state.db {
        Some(db) => {
            probe(timeout, async {
                store::ping(db).await.map_err(|e| e.to_string())
            })
            .await
        }
        None => json!({ "ok": false, "error": "DATABASE_URL not set" }),
    };
    let ok = redis["ok"] == true;
    let ical = match (&state.db, postgres["ok"] == true) {
        (Some(db), true) => ical_freshness(state, db).await,
        _ => json!({ "ok": false, "error": "postgres unavailable" }),
    };
    let status = match (ok, postgres["ok"] == true && ical["ok"] == true) {
        (false, _) => "not_ready",
        (true, false) => "degraded",
        (true, true) => "ready",
    };
    let body = json!({ "status": status, "redis": redis, "postgres": postgres, "ical": ical });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    poem::web::Json(body).with_status(status).into_response()
}

async fn probe(
    timeout: std::time::Duration,
    check: impl Future<Output = Result<(), String>>,
) -> serde_json::Value {
    let started = Instant::now();
    match tokio::time::timeout(timeout, check).await {
        Ok(Ok(())) => json!({ "ok": true, "latency_ms": started.elapsed().as_secs_f64() * 1000.0 }),
        // Kept short and generic: readiness is public, details go to the logs.
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness probe failed");
            json!({ "ok": false, "error": "unreachable" })
        }
        Err(_) => json!({ "ok": false, "error": "timeout" }),
    }
}

/// The stalest active feed's age against `ICAL_MAX_SYNC_AGE_SECS`.
async fn ical_freshness(state: &AppState, db: &sqlx::PgPool) -> serde_json::Value {
    let max = state.config.ical_max_sync_age.as_secs_f64();
    let read = tokio::time::timeout(
        state.config.ready_timeout,
        store::ical::health::oldest_sync_age(db),
    )
    .await;
    match read {
        Ok(Ok((oldest, feeds))) => json!({
            "ok": oldest.is_none_or(|age| age <= max),
            "feeds": feeds,
            "oldest_sync_age_seconds": oldest,
            "max_sync_age_seconds": max,
        }),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "iCal sync age unreadable");
            json!({ "ok": false, "error": "unreadable" })
        }
        Err(_) => json!({ "ok": false, "error": "timeout" }),
    }
}

#[handler]
pub async fn metrics(Data(state): Data<&Arc<AppState>>) -> String {
    let mut text = jobs::telemetry::render_metrics(&state.metrics, &state.queue).await;
    if let Some(db) = &state.db
        && let Ok(ical) = tokio::time::timeout(
            state.config.ready_timeout,
            crate::ical::health::metrics_text(db),
        )
        .await
    {
        text.push_str(&ical);
    }
    text
}

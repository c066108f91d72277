//! Cross-cutting request handling, one concern per function:
//! - [`request_context`]: accepts or makes the `X-Request-ID` and W3C `traceparent`, logs the
//!   request under them, counts it in `fleet_ingress_requests_total{route,status}`.
//! - [`rate_limit`]: the limits of [`crate::limits`] that apply before a route: unsigned
//!   webhook traffic per IP, staff endpoints and the export per IP; health and metrics exempt.

use std::{sync::Arc, time::Instant};

use poem::{Endpoint, IntoResponse, Request, Response};

use crate::{error::IngressError, state::AppState};

/// Ids that tie a request to the jobs and logs it causes.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub request_id: String,
    pub traceparent: String,
}

impl RequestContext {
    fn from_request(req: &Request) -> Self {
        let request_id = req
            .header("x-request-id")
            .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
            .map(str::to_owned)
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let traceparent = req
            .header("traceparent")
            .filter(|v| valid_traceparent(v))
            .map(|v| {
                // Same trace, a new span for this hop.
                let trace = &v[3..35];
                format!("00-{trace}-{}-01", random_hex(8))
            })
            .unwrap_or_else(|| format!("00-{}-{}-01", random_hex(16), random_hex(8)));
        RequestContext {
            request_id,
            traceparent,
        }
    }

    /// Options for a job this request causes: keyed by the provider's id, carrying this
    /// request's trace and id.
    pub fn enqueue_options(&self, key: jobs::domain::IdempotencyKey) -> jobs::EnqueueOptions {
        jobs::EnqueueOptions {
            idempotency_key: Some(key),
            traceparent: Some(self.traceparent.clone()),
            request_id: Some(self.request_id.clone()),
            delay: None,
        }
    }

    pub fn trace_id(&self) -> &str {
        &self.traceparent[3..35]
    }
}

fn valid_traceparent(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.len() == 4
        && parts[0] == "00"
        && parts[1].len() == 32
        && parts[2].len() == 16
        && parts[3].len() == 2
        && parts[1..]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_hexdigit()))
        && parts[1] != "00000000000000000000000000000000"
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::fill(&mut buf[..]);
    hex::encode(buf)
}

/// The route label: the known routes by name, everything else as `other` (bounded cardinality).
pub fn route_label(path: &str) -> &'static str {
    match path {
        "/webhooks/whatsapp" => "/webhooks/whatsapp",
        "/webhooks/mercadopago" => "/webhooks/mercadopago",
        "/health/live" => "/health/live",
        "/health/ready" => "/health/ready",
        "/metrics" => "/metrics",
        p if p.starts_with("/admin/") => "/admin",
        p if p.starts_with("/ical/") => "/ical",
        p if p.starts_with("/sandbox/") => "/sandbox",
        _ => "other",
    }
}

pub async fn request_context<E: Endpoint>(ep: Arc<E>, mut req: Request) -> poem::Result<Response> {
    let mut ctx = RequestContext::from_request(&req);
    let route = route_label(req.uri().path());
    let method = req.method().clone();
    let span = tracing::info_span!("request", route, %method, request_id = %ctx.request_id);
    if let Some(incoming) = req.header("traceparent").filter(|v| valid_traceparent(v)) {
        jobs::telemetry::continue_trace(&span, incoming);
    }
    // With trace export on, jobs continue this request's span; otherwise the made-up context.
    if let Some(traceparent) = jobs::telemetry::traceparent_of(&span) {
        ctx.traceparent = traceparent;
    }
    req.extensions_mut().insert(ctx.clone());
    let started = Instant::now();
    let resp = match tracing::Instrument::instrument(ep.call(req), span).await {
        Ok(r) => r.into_response(),
        Err(e) => e.into_response(),
    };
    let status = resp.status().as_u16();
    metrics::counter!("fleet_ingress_requests_total", "route" => route, "status" => status.to_string()).increment(1);
    if route != "/metrics" && route != "/health/live" {
        tracing::info!(
            request_id = %ctx.request_id, trace_id = ctx.trace_id(), %method, route, status,
            latency_us = started.elapsed().as_micros() as u64, "request"
        );
    }
    Ok(resp
        .into_response()
        .with_header("x-request-id", ctx.request_id)
        .into_response())
}

pub async fn rate_limit<E: Endpoint>(ep: Arc<E>, req: Request) -> poem::Result<Response> {
    let path = req.uri().path();
    let exempt =
        path.starts_with("/health/") || path == "/metrics" || path.starts_with("/sandbox/");
    let Some(state) = req.data::<Arc<AppState>>().cloned() else {
        return Ok(ep.call(req).await?.into_response());
    };
    if exempt {
        return Ok(ep.call(req).await?.into_response());
    }
    let ip = client_ip(&req, state.config.trust_forwarded_for);
    if !path.starts_with("/webhooks/") {
        crate::limits::per_ip(&state, &ip).await?;
        return Ok(ep.call(req).await?.into_response());
    }
    // Webhooks: signed ones are budgeted per provider and property in their routes; an address
    // that keeps sending unsigned ones is refused before its body is read.
    if state.blocked.is_blocked(&ip) {
        metrics::counter!("fleet_webhook_rejected_total", "provider" => "any", "reason" => "unsigned_flood").increment(1);
        return Err(IngressError::RateLimited.into());
    }
    let response = match ep.call(req).await {
        Ok(r) => r.into_response(),
        Err(e) => e.into_response(),
    };
    if response.status() == poem::http::StatusCode::UNAUTHORIZED {
        crate::limits::unsigned_refused(&state, &ip).await;
    }
    Ok(response)
}

/// The client's IP: the peer's, or the first `X-Forwarded-For` hop behind a trusted proxy.
pub(crate) fn client_ip(req: &Request, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for
        && let Some(first) = req
            .header("x-forwarded-for")
            .and_then(|v| v.split(',').next())
    {
        return first.trim().to_owned();
    }
    req.remote_addr()
        .as_socket_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_is_kept_when_valid_and_made_when_not() {
        let req = Request::builder()
            .header(
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            )
            .header("x-request-id", "abc-123")
            .finish();
        let ctx = RequestContext::from_request(&req);
        assert_eq!(ctx.trace_id(), "4bf92f3577b34da6a3ce929d0e0e4736");
        assert_eq!(ctx.request_id, "abc-123");
        let req = Request::builder()
            .header("traceparent", "garbage")
            .header("x-request-id", "bad id with spaces")
            .finish();
        let ctx = RequestContext::from_request(&req);
        assert!(valid_traceparent(&ctx.traceparent));
        assert_ne!(ctx.request_id, "bad id with spaces");
    }

    #[test]
    fn route_labels_are_bounded() {
        assert_eq!(route_label("/webhooks/whatsapp"), "/webhooks/whatsapp");
        assert_eq!(route_label("/admin/reservations/RES1/confirm"), "/admin");
        assert_eq!(route_label("/wp-login.php"), "other");
    }
}

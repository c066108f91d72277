//! Logs, traces and metrics set-up shared by every binary, and the queue-depth gauges that are
//! read from Redis at scrape time (so the figure does not depend on how many replicas report).
//!
//! Traces: when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, spans are exported over OTLP (HTTP/protobuf;
//! Jaeger takes it natively). Every job carries the W3C `traceparent` of what caused it, and its
//! span continues that trace, so one trace runs from the webhook through every job it causes.

use std::collections::HashMap;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use opentelemetry::{global, propagation::TextMapPropagator, trace::TracerProvider as _};
use opentelemetry_sdk::{Resource, propagation::TraceContextPropagator, trace::SdkTracerProvider};
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::{EnvFilter, layer::SubscriberExt, util::SubscriberInitExt};

use crate::{QueueName, RedisQueue};

/// Keeps the trace exporter alive; flushes pending spans when dropped.
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Drop for Telemetry {
    fn drop(&mut self) {
        if let Some(p) = self.provider.take() {
            let _ = p.shutdown();
        }
    }
}

/// JSON logs on stdout (`RUST_LOG` filters, default `info`), plus OTLP traces when
/// `OTEL_EXPORTER_OTLP_ENDPOINT` is set. Safe to call twice.
pub fn init(service: &'static str) -> Telemetry {
    global::set_text_map_propagator(TraceContextPropagator::new());
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt::layer()
        .json()
        .with_current_span(true);
    let provider = otlp_provider(service);
    let traces = provider
        .as_ref()
        .map(|p| tracing_opentelemetry::layer().with_tracer(p.tracer(service)));
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(logs)
        .with(traces)
        .try_init();
    Telemetry { provider }
}

fn otlp_provider(service: &'static str) -> Option<SdkTracerProvider> {
    std::env::var("OTEL_EXPORTER_OTLP_ENDPOINT")
        .ok()
        .filter(|v| !v.is_empty())?;
    let exporter = match opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .build()
    {
        Ok(e) => e,
        Err(e) => {
            eprintln!("OTLP trace export disabled: {e}");
            return None;
        }
    };
    let name = std::env::var("OTEL_SERVICE_NAME").unwrap_or_else(|_| service.to_owned());
    let resource = Resource::builder().with_service_name(name).build();
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource)
        .build();
    global::set_tracer_provider(provider.clone());
    Some(provider)
}

/// Makes `span` continue the trace of `traceparent` (a W3C header value).
pub fn continue_trace(span: &tracing::Span, traceparent: &str) {
    let carrier: HashMap<String, String> =
        HashMap::from([("traceparent".to_owned(), traceparent.to_owned())]);
    let parent = TraceContextPropagator::new().extract(&carrier);
    let _ = span.set_parent(parent);
}

/// The `traceparent` of `span`, when traces are exported (None otherwise).
pub fn traceparent_of(span: &tracing::Span) -> Option<String> {
    let mut carrier: HashMap<String, String> = HashMap::new();
    TraceContextPropagator::new().inject_context(&span.context(), &mut carrier);
    carrier.remove("traceparent")
}

/// Latency buckets (seconds) shared by every histogram: from 1 ms to 60 s.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 15.0, 30.0, 60.0,
];

/// Installs the process-wide Prometheus recorder (once; later calls return the same handle).
pub fn install_metrics() -> PrometheusHandle {
    static HANDLE: std::sync::OnceLock<PrometheusHandle> = std::sync::OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
                .unwrap_or_else(|_| PrometheusBuilder::new());
            match builder.install_recorder() {
                Ok(handle) => handle,
                // Another recorder is already installed (tests): render an empty registry.
                Err(_) => PrometheusBuilder::new().build_recorder().handle(),
            }
        })
        .clone()
}

/// The exposition text: the process's own metrics plus `fleet_queue_jobs{queue,state}` read
/// from Redis now. When Redis cannot be read the depth lines are left out, not zeroed.
pub async fn render_metrics(handle: &PrometheusHandle, queue: &RedisQueue) -> String {
    let mut text = handle.render();
    text.push_str(
        "# HELP fleet_queue_jobs Jobs per queue and state, read from Redis at scrape time.\n",
    );
    text.push_str("# TYPE fleet_queue_jobs gauge\n");
    match queue.depth(&QueueName::ALL).await {
        Ok(depths) => {
            for (q, d) in depths {
                for (state, n) in [
                    ("pending", d.pending),
                    ("running", d.running),
                    ("scheduled", d.scheduled),
                    ("dead", d.dead),
                ] {
                    text.push_str(&format!(
                        "fleet_queue_jobs{{queue=\"{q}\",state=\"{state}\"}} {n}\n"
                    ));
                }
            }
        }
        Err(e) => tracing::warn!(error = %e, "queue depth unavailable for /metrics"),
    }
    text
}

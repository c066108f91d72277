//! Logging for the benchmark process, and the count of warnings and errors logged by the code
//! under test (fetch failures, lease recoveries, worker errors): a run that logged any is not a
//! clean run, whatever its throughput.

use std::sync::{
    Arc,
    atomic::{AtomicU64, Ordering},
};

use tracing::{Event, Level, Subscriber, level_filters::LevelFilter};
use tracing_subscriber::{Layer, layer::Context, layer::SubscriberExt, util::SubscriberInitExt};

/// How many WARN or ERROR events were logged so far in this process.
#[derive(Debug, Clone, Default)]
pub struct Warnings(Arc<AtomicU64>);

impl Warnings {
    pub fn count(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

impl<S: Subscriber> Layer<S> for Warnings {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if *event.metadata().level() <= Level::WARN {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Warnings and errors go to stderr as text (so a failing run says why) and are counted.
/// `production_like`: also format every INFO event as JSON, as the binaries do, into a sink,
/// so an in-process ingress pays the logging cost it pays in production.
pub fn init(production_like: bool) -> Warnings {
    let warnings = Warnings::default();
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(LevelFilter::WARN);
    let json = production_like.then(|| {
        tracing_subscriber::fmt::layer()
            .json()
            .with_current_span(true)
            .with_writer(std::io::sink)
            .with_filter(LevelFilter::INFO)
    });
    let _ = tracing_subscriber::registry()
        .with(warnings.clone().with_filter(LevelFilter::WARN))
        .with(stderr)
        .with(json)
        .try_init();
    warnings
}

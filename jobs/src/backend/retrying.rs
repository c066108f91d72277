//! Bounded retries for the protocol's calls that must not be dropped on a connection blip.
//!
//! A failed claim, ack or fail leaves a job in a live worker's in-flight list; the reconciler
//! would give it back in the end, but most failures are a dropped connection that the next try,
//! a few milliseconds later, gets past. Only transient errors are retried, with capped
//! exponential backoff and a bounded number of tries, so a caller always gets an answer in
//! bounded time.

use std::{future::Future, time::Duration};

use backon::{ExponentialBuilder, Retryable};

use super::QueueError;

/// How hard a call is retried.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Persistence {
    first_delay: Duration,
    max_delay: Duration,
    tries: usize,
}

impl Persistence {
    /// For claims: the fetch loop itself tries again a second later, so a short effort.
    pub const CLAIM: Persistence = Persistence {
        first_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(200),
        tries: 3,
    };

    /// For outcomes (ack, fail): giving up means running the job again, so try for about ten
    /// seconds (a Redis restart, a failover) before that.
    pub const OUTCOME: Persistence = Persistence {
        first_delay: Duration::from_millis(50),
        max_delay: Duration::from_secs(2),
        tries: 10,
    };

    fn backoff(self) -> ExponentialBuilder {
        ExponentialBuilder::default()
            .with_min_delay(self.first_delay)
            .with_max_delay(self.max_delay)
            .with_max_times(self.tries)
            .with_jitter()
    }
}

/// Runs `call` until it succeeds, fails for good, or `persistence` is spent. `what` names the
/// call in the log.
pub(crate) async fn retrying<T, F, Fut>(
    what: &'static str,
    persistence: Persistence,
    call: F,
) -> Result<T, QueueError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, QueueError>>,
{
    call.retry(persistence.backoff())
        .when(QueueError::is_transient)
        .notify(|e, wait| {
            tracing::debug!(call = what, error = %e, retry_in_ms = wait.as_millis() as u64, "queue call failed; retrying");
        })
        .await
}

//! What stands between a job and a provider: the provider's circuit breaker (this process) and
//! its pause (every process, in Redis).
//!
//! - A provider that fails (timeouts, 5xx) counts against the breaker, which opens after a run of
//!   failures and then lets one probe through at a time.
//! - A provider that throttles (429) is not failing: its `Retry-After` pauses every worker's
//!   calls to it for that long, and the breaker is left as it was.
//! - While either holds calls back, a call is not made: the job waits without using an attempt.
//!
//! It never retries and never sleeps: the queue reschedules the job for when the way is open.

use std::{future::Future, sync::Arc};

use jobs::coordination::Pauses;

use crate::{ChannelError, breaker::Breaker};

/// The guard of one dependency; cheap to clone.
#[derive(Clone)]
pub struct Guard {
    dependency: &'static str,
    breaker: Arc<Breaker>,
    /// `None`: pauses are this process's alone (no shared Redis, as in unit tests).
    pauses: Option<Pauses>,
}

impl Guard {
    pub fn new(dependency: &'static str, breaker: Arc<Breaker>, pauses: Option<Pauses>) -> Self {
        Guard {
            dependency,
            breaker,
            pauses,
        }
    }

    pub fn dependency(&self) -> &'static str {
        self.dependency
    }

    /// `Err(Throttled)` while a pause of this dependency lasts. Redis out of reach: no pause
    /// known, the call goes ahead (the provider will say again).
    async fn paused(&self) -> Result<(), ChannelError> {
        let dependency = self.dependency;
        let Some(pauses) = &self.pauses else {
            return Ok(());
        };
        match pauses.remaining(dependency).await {
            Ok(Some(retry_after)) => Err(ChannelError::Throttled {
                dependency,
                retry_after,
            }),
            Ok(None) => Ok(()),
            Err(e) => {
                tracing::debug!(dependency, error = %e, "pause unknown (Redis); calling anyway");
                Ok(())
            }
        }
    }

    /// Makes `call` unless the dependency is paused or its breaker open; records what came
    /// back.
    pub async fn call<T>(
        &self,
        call: impl Future<Output = Result<T, ChannelError>>,
    ) -> Result<T, ChannelError> {
        let dependency = self.dependency;
        self.paused().await?;
        self.breaker
            .check()
            .map_err(|retry_after| ChannelError::Open {
                dependency,
                retry_after,
            })?;
        let result = call.await;
        match &result {
            Err(ChannelError::Throttled { retry_after, .. }) => {
                self.breaker.record_neutral();
                metrics::counter!("fleet_provider_throttled_total", "dependency" => dependency)
                    .increment(1);
                tracing::warn!(
                    dependency,
                    retry_after_ms = retry_after.as_millis() as u64,
                    "provider throttled us; pausing every worker's calls to it"
                );
                if let Some(pauses) = &self.pauses
                    && let Err(e) = pauses.pause(dependency, *retry_after).await
                {
                    tracing::warn!(dependency, error = %e, "could not share the pause (Redis)");
                }
            }
            Err(ChannelError::Transient { .. } | ChannelError::Unanswered { .. }) => {
                self.breaker.record(false)
            }
            // An answer, even a refusal, says the provider is up.
            Ok(_) | Err(ChannelError::Permanent { .. }) => self.breaker.record(true),
            Err(ChannelError::Open { .. }) => {}
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::breaker::{BreakerConfig, BreakerState, SystemClock};

    fn guard() -> Guard {
        Guard::new(
            "graph",
            Arc::new(Breaker::new(
                "graph",
                BreakerConfig::default(),
                Arc::new(SystemClock),
            )),
            None,
        )
    }

    #[tokio::test]
    async fn throttles_never_open_the_breaker_and_failures_do() {
        let g = guard();
        for _ in 0..20 {
            let r: Result<(), _> = g
                .call(async {
                    Err(ChannelError::Throttled {
                        dependency: "graph",
                        retry_after: Duration::from_secs(10),
                    })
                })
                .await;
            assert!(matches!(r, Err(ChannelError::Throttled { .. })));
        }
        assert_eq!(g.breaker.state(), BreakerState::Closed { failures: 0 });
        for _ in 0..5 {
            let _: Result<(), _> = g
                .call(async {
                    Err(ChannelError::Unanswered {
                        dependency: "graph",
                        message: "timed out".into(),
                    })
                })
                .await;
        }
        assert!(matches!(g.breaker.state(), BreakerState::Open { .. }));
        let refused: Result<(), _> = g.call(async { Ok(()) }).await;
        assert!(
            matches!(refused, Err(ChannelError::Open { .. })),
            "not called while open"
        );
    }
}

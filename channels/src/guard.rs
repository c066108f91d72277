//! What stands between a job and a provider: the provider's circuit breaker (this process) and
//! its pause (every process, in Redis).
//!
//! - A provider that fails (timeouts, 5xx) counts against the breaker, which opens after a run of
//!   failures and then lets one probe through at a time.
//! - A provider that throttles (429) is not failing: its `Retry-After` pauses every worker's
//!   calls to it for that long, and the breaker is left as it was.
//! - While either holds calls back, a call is not made: the job waits without using an attempt.
//! - A pause this process has met (its own 429, or one read from Redis) is also kept here, on the
//!   monotonic clock, for its whole length: a shared pause that lapses early (Redis's wall clock
//!   stepped forward, its key lost, Redis out of reach) never lets this process call a provider
//!   that asked it to wait.
//!
//! It never retries and never sleeps: the queue reschedules the job for when the way is open.

use std::{
    future::Future,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use jobs::coordination::Pauses;

use crate::{ChannelError, breaker::Breaker};

/// The guard of one dependency; cheap to clone.
#[derive(Clone)]
pub struct Guard {
    dependency: &'static str,
    breaker: Arc<Breaker>,
    /// `None`: pauses are this process's alone (no shared Redis, as in unit tests).
    pauses: Option<Pauses>,
    /// When the latest pause this process knows of ends (shared by the guard's clones).
    known_pause: Arc<Mutex<Option<Instant>>>,
}

impl Guard {
    pub fn new(dependency: &'static str, breaker: Arc<Breaker>, pauses: Option<Pauses>) -> Self {
        Guard {
            dependency,
            breaker,
            pauses,
            known_pause: Arc::default(),
        }
    }

    pub fn dependency(&self) -> &'static str {
        self.dependency
    }

    /// What is left of the pause this process knows of, if any.
    fn known_pause(&self) -> Option<Duration> {
        let until = *self.known_pause.lock().unwrap_or_else(|e| e.into_inner());
        until
            .map(|until| until.saturating_duration_since(Instant::now()))
            .filter(|left| !left.is_zero())
    }

    /// Keeps a pause of `left` from now, unless a longer one is known.
    fn remember_pause(&self, left: Duration) {
        let until = Instant::now() + left;
        let mut known = self.known_pause.lock().unwrap_or_else(|e| e.into_inner());
        if known.is_none_or(|known| known < until) {
            *known = Some(until);
        }
    }

    /// `Err(Throttled)` while a pause of this dependency lasts, as this process knows it or as
    /// Redis shares it. Redis out of reach: only the pause known here holds the call back.
    async fn paused(&self) -> Result<(), ChannelError> {
        let dependency = self.dependency;
        if let Some(retry_after) = self.known_pause() {
            return Err(ChannelError::Throttled {
                dependency,
                retry_after,
            });
        }
        let Some(pauses) = &self.pauses else {
            return Ok(());
        };
        match pauses.remaining(dependency).await {
            Ok(Some(retry_after)) => {
                self.remember_pause(retry_after);
                Err(ChannelError::Throttled {
                    dependency,
                    retry_after,
                })
            }
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
                self.remember_pause(*retry_after);
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
        let g = guard();
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

    #[tokio::test]
    async fn a_throttle_met_holds_this_process_calls_back_for_its_length_without_redis() {
        let g = guard();
        let throttled: Result<(), _> = g
            .call(async {
                Err(ChannelError::Throttled {
                    dependency: "graph",
                    retry_after: Duration::from_millis(300),
                })
            })
            .await;
        assert!(matches!(throttled, Err(ChannelError::Throttled { .. })));
        let called = std::sync::atomic::AtomicU32::new(0);
        let call = || async {
            called.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok::<_, ChannelError>(())
        };
        let held = g.clone().call(call()).await;
        match held {
            Err(ChannelError::Throttled { retry_after, .. }) => assert!(
                retry_after > Duration::ZERO && retry_after <= Duration::from_millis(300),
                "what is left of the pause: {retry_after:?}"
            ),
            other => panic!("held back while paused, got {other:?}"),
        }
        assert_eq!(called.load(std::sync::atomic::Ordering::SeqCst), 0);
        tokio::time::sleep(Duration::from_millis(350)).await;
        assert!(g.call(call()).await.is_ok(), "called once the pause ended");
        assert_eq!(called.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}

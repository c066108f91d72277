//! A circuit breaker per external dependency. After `failure_threshold` consecutive transient
//! failures it opens: calls fail fast (the job waits in the schedule without burning an
//! attempt) until `cool_down` passes; then it is half-open: it lets exactly one call through at
//! a time (the probe) and closes after `success_threshold` successful probes (one failure opens
//! it again). A probe whose outcome never comes back (its job was cancelled) stops counting as
//! in flight after a cool-down. Time comes from a [`Clock`], so tests move it by hand. State is
//! per process: each worker learns on its own.
//!
//! A provider's "too many requests" is not a failure: it is recorded with
//! [`Breaker::record_neutral`] and the caller pauses instead (see `guard`).

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

pub trait Clock: Send + Sync {
    fn now(&self) -> Instant;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BreakerConfig {
    pub failure_threshold: u32,
    pub cool_down: Duration,
    pub success_threshold: u32,
}

impl Default for BreakerConfig {
    /// The seed system's defaults.
    fn default() -> Self {
        BreakerConfig {
            failure_threshold: 5,
            cool_down: Duration::from_secs(60),
            success_threshold: 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed {
        failures: u32,
    },
    Open {
        until: Instant,
    },
    HalfOpen {
        successes: u32,
        /// When the probe now in flight was let through.
        probing_since: Option<Instant>,
    },
}

impl BreakerState {
    /// The `fleet_circuit_breaker_state` value: 0 closed, 1 half-open, 2 open.
    pub fn gauge(&self) -> f64 {
        match self {
            BreakerState::Closed { .. } => 0.0,
            BreakerState::HalfOpen { .. } => 1.0,
            BreakerState::Open { .. } => 2.0,
        }
    }
}

pub struct Breaker {
    dependency: String,
    config: BreakerConfig,
    clock: Arc<dyn Clock>,
    state: Mutex<BreakerState>,
}

impl Breaker {
    pub fn new(
        dependency: impl Into<String>,
        config: BreakerConfig,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let b = Breaker {
            dependency: dependency.into(),
            config,
            clock,
            state: Mutex::new(BreakerState::Closed { failures: 0 }),
        };
        b.publish(&BreakerState::Closed { failures: 0 });
        b
    }

    pub fn dependency(&self) -> &str {
        &self.dependency
    }

    pub fn state(&self) -> BreakerState {
        self.state
            .lock()
            .map(|s| *s)
            .unwrap_or(BreakerState::Closed { failures: 0 })
    }

    /// `Err(wait)` while open, or while half-open with a probe in flight: how long until a
    /// call may be let through again. `Ok` lets this call through (as the probe when half-open).
    pub fn check(&self) -> Result<(), Duration> {
        let now = self.clock.now();
        let Ok(mut state) = self.state.lock() else {
            return Ok(());
        };
        match *state {
            BreakerState::Closed { .. } => Ok(()),
            BreakerState::Open { until } if now < until => Err(until - now),
            BreakerState::Open { .. } => {
                *state = BreakerState::HalfOpen {
                    successes: 0,
                    probing_since: Some(now),
                };
                self.publish(&state);
                Ok(())
            }
            BreakerState::HalfOpen {
                successes,
                probing_since,
            } => match probing_since {
                Some(since) if now < since + self.config.cool_down => Err(self.probe_wait()),
                _ => {
                    *state = BreakerState::HalfOpen {
                        successes,
                        probing_since: Some(now),
                    };
                    Ok(())
                }
            },
        }
    }

    /// How long a call waits while the probe is out: a short while, the probe's answer is near.
    fn probe_wait(&self) -> Duration {
        (self.config.cool_down / 10).clamp(Duration::from_millis(200), Duration::from_secs(5))
    }

    /// The call that was let through got an answer that says nothing about the dependency's
    /// health (it asked us to slow down): a half-open breaker lets its next probe through.
    pub fn record_neutral(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if let BreakerState::HalfOpen { successes, .. } = *state {
            *state = BreakerState::HalfOpen {
                successes,
                probing_since: None,
            };
        }
    }

    /// Records the outcome of a call that was let through. Only failures that say the
    /// dependency is unwell (timeouts, 5xx, 429) should be recorded as failures.
    pub fn record(&self, success: bool) {
        let now = self.clock.now();
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let next = match (*state, success) {
            (BreakerState::Closed { .. }, true) => BreakerState::Closed { failures: 0 },
            (BreakerState::Closed { failures }, false)
                if failures + 1 >= self.config.failure_threshold =>
            {
                BreakerState::Open {
                    until: now + self.config.cool_down,
                }
            }
            (BreakerState::Closed { failures }, false) => BreakerState::Closed {
                failures: failures + 1,
            },
            (BreakerState::HalfOpen { successes, .. }, true)
                if successes + 1 >= self.config.success_threshold =>
            {
                BreakerState::Closed { failures: 0 }
            }
            (BreakerState::HalfOpen { successes, .. }, true) => BreakerState::HalfOpen {
                successes: successes + 1,
                probing_since: None,
            },
            (BreakerState::HalfOpen { .. }, false) => BreakerState::Open {
                until: now + self.config.cool_down,
            },
            // A call that started before the breaker opened: its outcome changes nothing.
            (open @ BreakerState::Open { .. }, _) => open,
        };
        if std::mem::discriminant(&next) != std::mem::discriminant(&*state) {
            tracing::warn!(dependency = %self.dependency, from = ?*state, to = ?next, "circuit breaker changed state");
        }
        *state = next;
        self.publish(&next);
    }

    fn publish(&self, state: &BreakerState) {
        metrics::gauge!("fleet_circuit_breaker_state", "dependency" => self.dependency.clone())
            .set(state.gauge());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open_lets_exactly_one_probe_through_and_a_throttle_frees_the_slot() {
        let clock = Arc::new(ManualClock(Mutex::new(Instant::now())));
        let b = Breaker::new("whatsapp", BreakerConfig::default(), clock.clone());
        for _ in 0..5 {
            b.record(false);
        }
        clock.advance(Duration::from_secs(60));
        assert!(b.check().is_ok(), "the probe");
        for _ in 0..25 {
            assert_eq!(
                b.check(),
                Err(Duration::from_secs(5)),
                "nobody else while the probe is out"
            );
        }
        b.record_neutral();
        assert!(b.check().is_ok(), "a throttled probe frees the slot");
        clock.advance(Duration::from_secs(60));
        assert!(
            b.check().is_ok(),
            "a probe that never answered stops holding the slot after a cool-down"
        );
        assert!(b.check().is_err());
    }

    /// A clock the test moves by hand.
    struct ManualClock(Mutex<Instant>);

    impl ManualClock {
        fn advance(&self, by: Duration) {
            let mut t = self.0.lock().unwrap();
            *t += by;
        }
    }

    impl Clock for ManualClock {
        fn now(&self) -> Instant {
            *self.0.lock().unwrap()
        }
    }

    #[test]
    fn opens_after_the_threshold_stays_open_for_the_cool_down_then_closes_after_two_successes() {
        let clock = Arc::new(ManualClock(Mutex::new(Instant::now())));
        let b = Breaker::new("mercadopago", BreakerConfig::default(), clock.clone());
        for _ in 0..4 {
            assert!(b.check().is_ok());
            b.record(false);
        }
        assert_eq!(b.state(), BreakerState::Closed { failures: 4 });
        b.record(false);
        assert!(matches!(b.state(), BreakerState::Open { .. }));
        assert_eq!(b.check(), Err(Duration::from_secs(60)));
        clock.advance(Duration::from_secs(59));
        assert_eq!(b.check(), Err(Duration::from_secs(1)));
        clock.advance(Duration::from_secs(1));
        assert!(b.check().is_ok(), "half-open after the cool-down");
        assert!(matches!(
            b.state(),
            BreakerState::HalfOpen {
                successes: 0,
                probing_since: Some(_)
            }
        ));
        b.record(true);
        assert_eq!(
            b.state(),
            BreakerState::HalfOpen {
                successes: 1,
                probing_since: None
            }
        );
        assert!(b.check().is_ok(), "the second probe");
        b.record(true);
        assert_eq!(b.state(), BreakerState::Closed { failures: 0 });
    }

    #[test]
    fn a_failure_while_half_open_opens_again_and_a_success_resets_the_count() {
        let clock = Arc::new(ManualClock(Mutex::new(Instant::now())));
        let cfg = BreakerConfig {
            failure_threshold: 2,
            cool_down: Duration::from_secs(10),
            success_threshold: 2,
        };
        let b = Breaker::new("graph", cfg, clock.clone());
        b.record(false);
        b.record(true);
        b.record(false);
        assert_eq!(
            b.state(),
            BreakerState::Closed { failures: 1 },
            "successes reset the count"
        );
        b.record(false);
        assert!(b.check().is_err());
        clock.advance(Duration::from_secs(10));
        assert!(b.check().is_ok());
        b.record(false);
        assert!(matches!(b.state(), BreakerState::Open { .. }));
        assert_eq!(b.check(), Err(Duration::from_secs(10)));
    }
}

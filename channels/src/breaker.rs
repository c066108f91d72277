//! A circuit breaker per external dependency. After `failure_threshold` consecutive transient
//! failures it opens: calls fail fast (the job waits in the schedule without burning an
//! attempt) until `cool_down` passes; then it lets calls through half-open, and closes after
//! `success_threshold` successes (one failure opens it again). Time comes from a [`Clock`], so
//! tests move it by hand. State is per process: each worker learns on its own.

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
    Closed { failures: u32 },
    Open { until: Instant },
    HalfOpen { successes: u32 },
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

    /// `Err(wait)` while open: how long until calls are let through again.
    pub fn check(&self) -> Result<(), Duration> {
        let now = self.clock.now();
        let Ok(mut state) = self.state.lock() else {
            return Ok(());
        };
        if let BreakerState::Open { until } = *state {
            if now < until {
                return Err(until - now);
            }
            *state = BreakerState::HalfOpen { successes: 0 };
            self.publish(&state);
        }
        Ok(())
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
            (BreakerState::HalfOpen { successes }, true)
                if successes + 1 >= self.config.success_threshold =>
            {
                BreakerState::Closed { failures: 0 }
            }
            (BreakerState::HalfOpen { successes }, true) => BreakerState::HalfOpen {
                successes: successes + 1,
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
        assert_eq!(b.state(), BreakerState::HalfOpen { successes: 0 });
        b.record(true);
        assert_eq!(b.state(), BreakerState::HalfOpen { successes: 1 });
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

//! How a failed job is judged and when it runs again.
//!
//! Handlers return [`JobError`]: a permanent failure (bad payload, thing not found) goes to the
//! dead letters at once; a transient one (timeout, 5xx, dependency down) waits an exponential
//! backoff with jitter in Redis and runs again, until its attempts are used up. A dependency
//! that is down (an open breaker, a provider's rate limit, an unreachable database) never uses
//! an attempt: the job waits for it as long as it lasts. A periodic job's tick that fails for
//! good is superseded by the next tick rather than dead-lettered.

use std::time::Duration;

use rand::Rng;

/// The failure of one run of a job, as the handler classifies it.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// Running again cannot help: dead-letter now.
    #[error("permanent: {0}")]
    Permanent(String),
    /// Might work later: retry after the backoff (or after `retry_after` when the dependency said so).
    #[error("transient: {message}")]
    Transient {
        message: String,
        retry_after: Option<Duration>,
    },
    /// A dependency's circuit breaker is open: wait for it without burning an attempt.
    #[error("dependency unavailable: {dependency}")]
    DependencyOpen {
        dependency: String,
        retry_after: Duration,
    },
}

impl JobError {
    pub fn permanent(message: impl Into<String>) -> Self {
        JobError::Permanent(message.into())
    }

    pub fn transient(message: impl Into<String>) -> Self {
        JobError::Transient {
            message: message.into(),
            retry_after: None,
        }
    }
}

/// What becomes of a job that failed for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WhenExhausted {
    /// Kept in the dead letters for staff (`fleetctl dlq`).
    #[default]
    DeadLetter,
    /// Dropped: the next tick of its schedule does the same work (expiring holds, syncing
    /// calendars), so a dead tick would only keep the dead-letter alert firing.
    Superseded,
}

/// Exponential backoff with full jitter, bounded by `max_delay`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first run: a job runs at most `retries + 1` times.
    pub retries: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    pub when_exhausted: WhenExhausted,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            retries: 5,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(300),
            when_exhausted: WhenExhausted::DeadLetter,
        }
    }
}

/// What the backend does with a failed run.
#[derive(Debug, Clone, PartialEq)]
pub enum Disposition {
    RetryAfter(Duration),
    /// Wait without counting the attempt (the dependency is known to be down).
    WaitAfter(Duration),
    Dead,
    /// Failed for good, and the next tick of its schedule does its work: forget it.
    Superseded,
}

/// `wait` and up to a quarter more, at random: the jobs that waited for one dependency do not
/// all come back in the same instant when it returns.
fn spread(wait: Duration) -> Duration {
    let extra_ms = rand::rng().random_range(0..=wait.as_millis() as u64 / 4);
    wait + Duration::from_millis(extra_ms)
}

impl RetryPolicy {
    pub fn max_attempts(&self) -> u32 {
        self.retries.saturating_add(1)
    }

    /// The wait before run `attempt + 1`, where `attempt` (1-based) is the run that just failed:
    /// a random point in `[d/2, d]` with `d = base * 2^(attempt-1)`, capped at `max_delay`.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = attempt.saturating_sub(1).min(20);
        let full = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        let half = full / 2;
        let jitter_ms = rand::rng().random_range(0..=half.as_millis() as u64);
        half + Duration::from_millis(jitter_ms)
    }

    /// What to do after run `attempt` failed; `max_attempts` is the limit stored with the job
    /// when it was enqueued (so a policy change never strands jobs already queued).
    pub fn disposition(&self, error: &JobError, attempt: u32, max_attempts: u32) -> Disposition {
        let exhausted = match self.when_exhausted {
            WhenExhausted::DeadLetter => Disposition::Dead,
            WhenExhausted::Superseded => Disposition::Superseded,
        };
        match error {
            JobError::Permanent(_) => exhausted,
            JobError::DependencyOpen { retry_after, .. } => {
                Disposition::WaitAfter(spread(*retry_after))
            }
            JobError::Transient { .. } if attempt >= max_attempts => exhausted,
            JobError::Transient { retry_after, .. } => {
                Disposition::RetryAfter(retry_after.unwrap_or_else(|| self.backoff(attempt)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            retries: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            when_exhausted: WhenExhausted::DeadLetter,
        }
    }

    #[test]
    fn backoff_doubles_within_jitter_and_is_capped() {
        let p = policy();
        for _ in 0..200 {
            let d1 = p.backoff(1);
            assert!(d1 >= Duration::from_millis(50) && d1 <= Duration::from_millis(100));
            let d2 = p.backoff(2);
            assert!(d2 >= Duration::from_millis(100) && d2 <= Duration::from_millis(200));
            let d9 = p.backoff(9);
            assert!(d9 >= Duration::from_millis(175) && d9 <= Duration::from_millis(350));
        }
    }

    #[test]
    fn permanent_errors_die_at_once_and_transient_ones_after_the_last_attempt() {
        let p = policy();
        let max = p.max_attempts();
        assert_eq!(max, 4);
        assert_eq!(
            p.disposition(&JobError::permanent("bad"), 1, max),
            Disposition::Dead
        );
        assert!(matches!(
            p.disposition(&JobError::transient("503"), 3, max),
            Disposition::RetryAfter(_)
        ));
        assert_eq!(
            p.disposition(&JobError::transient("503"), 4, max),
            Disposition::Dead
        );
    }

    #[test]
    fn a_periodic_tick_that_fails_for_good_is_superseded_and_a_dependency_outage_never_counts() {
        let p = RetryPolicy {
            when_exhausted: WhenExhausted::Superseded,
            ..policy()
        };
        assert_eq!(
            p.disposition(&JobError::transient("503"), 4, 4),
            Disposition::Superseded
        );
        assert_eq!(
            p.disposition(&JobError::permanent("bad"), 1, 4),
            Disposition::Superseded
        );
        let down = JobError::DependencyOpen {
            dependency: "postgres".into(),
            retry_after: Duration::from_secs(3),
        };
        match policy().disposition(&down, 4, 4) {
            Disposition::WaitAfter(d) => assert!(
                d >= Duration::from_secs(3) && d <= Duration::from_millis(3750),
                "{d:?}"
            ),
            other => panic!("even on its last attempt a job waits for its dependency: {other:?}"),
        }
    }

    #[test]
    fn retry_after_from_the_dependency_wins_over_backoff() {
        let err = JobError::Transient {
            message: "429".into(),
            retry_after: Some(Duration::from_secs(7)),
        };
        assert_eq!(
            policy().disposition(&err, 1, 4),
            Disposition::RetryAfter(Duration::from_secs(7))
        );
    }
}

//! The per-process lease keeper: renews this process's worker leases and returns the jobs of
//! workers (of any queue) whose lease lapsed, so a SIGKILLed worker's jobs run again elsewhere.

use std::time::Duration;

use tokio::task::JoinHandle;

use super::RedisQueue;

/// Handle on the background task; dropping it stops renewing (as a crash would).
#[derive(Debug)]
pub struct Heartbeat {
    task: JoinHandle<()>,
}

impl Heartbeat {
    /// Renew every `lease / 3`; look for lapsed leases every `min(lease / 3, 1 s)`.
    pub fn spawn(queue: RedisQueue) -> Self {
        let tick =
            (queue.config().lease / 3).clamp(Duration::from_millis(50), Duration::from_secs(1));
        let task = tokio::spawn(async move {
            let mut interval = tokio::time::interval(tick);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                interval.tick().await;
                if let Err(e) = queue.heartbeat().await {
                    tracing::warn!(error = %e, "could not renew worker leases");
                }
                match queue.recover().await {
                    Ok((0, 0)) => {}
                    Ok((requeued, dead)) => {
                        tracing::warn!(
                            requeued,
                            dead,
                            "recovered jobs of workers whose lease lapsed"
                        )
                    }
                    Err(e) => tracing::warn!(error = %e, "lease recovery failed"),
                }
            }
        });
        Heartbeat { task }
    }

    pub fn stop(self) {
        self.task.abort();
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.task.abort();
    }
}

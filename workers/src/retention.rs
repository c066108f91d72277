//! The retention task of every worker: every `RETENTION_EVERY_SECS` it deletes what is older
//! than `MESSAGE_RETENTION_DAYS` (`store::retention` says what), a batch at a time with a pause
//! between batches, so it never holds a lock for long nor crowds out the jobs. Several workers
//! share the work (`SKIP LOCKED`); a failed round is simply tried again next period.
//!
//! It decides nothing about what may go: `store::retention` owns that.

use std::time::Duration;

use store::retention::{self, Kept};
use tokio::sync::watch;

use crate::state::State;

/// Settings: `age` zero keeps everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub age: Duration,
    pub every: Duration,
    pub batch: i64,
}

/// The pause between two batches of one table.
const BREATHER: Duration = Duration::from_millis(50);

impl Retention {
    /// Trims until `stop` turns true.
    pub async fn run(self, state: State, mut stop: watch::Receiver<bool>) {
        if self.age.is_zero() {
            return;
        }
        loop {
            tokio::select! {
                _ = tokio::time::sleep(self.every) => {}
                _ = stop.wait_for(|s| *s) => return,
            }
            if let Err(e) = self.round(&state, &mut stop).await {
                tracing::warn!(error = %e, "retention round failed; trying again next period");
            }
        }
    }

    /// One round over every table: batches until a table has nothing older left.
    async fn round(
        &self,
        state: &State,
        stop: &mut watch::Receiver<bool>,
    ) -> Result<(), store::StoreError> {
        let older_than = chrono::Utc::now()
            - chrono::Duration::from_std(self.age).unwrap_or(chrono::Duration::days(180));
        for table in Kept::ALL {
            loop {
                if *stop.borrow() {
                    return Ok(());
                }
                let deleted = retention::trim(&state.db, table, older_than, self.batch).await?;
                if deleted > 0 {
                    metrics::counter!("fleet_retention_deleted_total", "table" => table.as_str())
                        .increment(deleted);
                }
                if (deleted as i64) < self.batch {
                    break;
                }
                tokio::time::sleep(BREATHER).await;
            }
        }
        Ok(())
    }
}

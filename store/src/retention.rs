//! Retention: what the fleet keeps of its own history, and for how long. Guests' messages,
//! the outbox's finished rows, delivery statuses and idempotency records older than the
//! retention age are deleted in small batches, each its own short transaction, so no table is
//! locked for long and the per-message path never slows down as the years pile up.
//!
//! What is never deleted here: an outbox row still to relay or a reply not yet sent (however
//! old), conversations (their state is small, one row per guest), reservations, payments and
//! calendars (the business's records).

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::StoreError;

/// A table retention trims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Guests' messages as they arrived.
    InboundMessages,
    /// Replies sent and follow-up jobs relayed.
    FinishedOutbox,
    /// Providers' delivery statuses.
    MessageStatuses,
    /// Jobs' idempotency records (a job re-driven from the dead letters after this age would
    /// run again: keep it longer than anyone would re-drive).
    IdempotencyRecords,
}

impl Kept {
    pub const ALL: [Kept; 4] = [
        Kept::InboundMessages,
        Kept::FinishedOutbox,
        Kept::MessageStatuses,
        Kept::IdempotencyRecords,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kept::InboundMessages => "inbound_messages",
            Kept::FinishedOutbox => "outbox",
            Kept::MessageStatuses => "message_statuses",
            Kept::IdempotencyRecords => "idempotency_records",
        }
    }

    /// One batch: the oldest rows past the age, locked rows skipped (another worker has them).
    fn statement(self) -> &'static str {
        match self {
            Kept::InboundMessages => {
                "DELETE FROM inbound_messages WHERE id IN (
                     SELECT id FROM inbound_messages WHERE received_at < $1
                     LIMIT $2 FOR UPDATE SKIP LOCKED)"
            }
            Kept::FinishedOutbox => {
                "DELETE FROM outbox WHERE id IN (
                     SELECT id FROM outbox WHERE created_at < $1
                       AND (status = 'sent' OR (kind = 'job' AND status = 'relayed'))
                     LIMIT $2 FOR UPDATE SKIP LOCKED)"
            }
            Kept::MessageStatuses => {
                "DELETE FROM message_statuses WHERE id IN (
                     SELECT id FROM message_statuses WHERE recorded_at < $1
                     LIMIT $2 FOR UPDATE SKIP LOCKED)"
            }
            Kept::IdempotencyRecords => {
                "DELETE FROM idempotency_records WHERE idempotency_key IN (
                     SELECT idempotency_key FROM idempotency_records WHERE completed_at < $1
                     LIMIT $2 FOR UPDATE SKIP LOCKED)"
            }
        }
    }
}

/// Deletes up to `batch` rows of `table` older than `older_than`; answers how many went.
pub async fn trim(
    db: &PgPool,
    table: Kept,
    older_than: DateTime<Utc>,
    batch: i64,
) -> Result<u64, StoreError> {
    Ok(sqlx::query(table.statement())
        .bind(older_than)
        .bind(batch)
        .execute(db)
        .await?
        .rows_affected())
}

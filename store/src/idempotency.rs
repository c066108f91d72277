//! Exactly-once effects on top of at-least-once delivery.
//!
//! A handler opens its transaction with [`begin`], which inserts the job's idempotency record
//! first. If the record is already there, the work was done (and committed) by an earlier run:
//! `begin` answers `None` and the handler repeats nothing. Two concurrent runs of one job
//! serialise on the record's primary key: the second waits for the first to commit, then sees it.

use sqlx::{PgPool, Postgres, Transaction};

use crate::StoreError;

/// What identifies a job's effects: its idempotency key, queue and id.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub key: &'a str,
    pub queue: &'a str,
    pub job_id: &'a str,
}

/// Starts the job's transaction, or `None` when its effects are already committed.
pub async fn begin(
    db: &PgPool,
    record: Record<'_>,
) -> Result<Option<Transaction<'static, Postgres>>, StoreError> {
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_records (idempotency_key, queue, job_id) VALUES ($1, $2, $3)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(record.key)
    .bind(record.queue)
    .bind(record.job_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        tx.rollback().await?;
        tracing::info!(key = %record.key, "effects already committed by an earlier run; nothing to do");
        return Ok(None);
    }
    Ok(Some(tx))
}

/// Whether a job's effects are committed.
pub async fn is_done(db: &PgPool, key: &str) -> Result<bool, StoreError> {
    let found: Option<i32> =
        sqlx::query_scalar("SELECT 1 FROM idempotency_records WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

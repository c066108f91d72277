//! Exactly-once effects on top of at-least-once delivery.
//!
//! A handler opens its transaction with [`begin`], which inserts the job's idempotency record
//! first. If the record is already there, the work was done (and committed) by an earlier run:
//! `begin` answers `None` and the handler repeats nothing. Two concurrent runs of one job
//! serialise on the record's primary key: the second waits for the first to commit, then sees it.

use jobs::{JobError, JobMeta};
use sqlx::{PgPool, Postgres, Transaction};

/// A database failure is worth retrying: the connection, a deadlock, a failover.
pub fn db_error(e: sqlx::Error) -> JobError {
    JobError::transient(format!("database: {e}"))
}

/// Starts the job's transaction, or `None` when its effects are already committed.
pub async fn begin(
    db: &PgPool,
    meta: &JobMeta,
) -> Result<Option<Transaction<'static, Postgres>>, JobError> {
    let mut tx = db.begin().await.map_err(db_error)?;
    let inserted = sqlx::query(
        "INSERT INTO idempotency_records (idempotency_key, queue, job_id) VALUES ($1, $2, $3)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(meta.effect_key())
    .bind(meta.queue.as_str())
    .bind(&meta.id)
    .execute(&mut *tx)
    .await
    .map_err(db_error)?
    .rows_affected();
    if inserted == 0 {
        tx.rollback().await.map_err(db_error)?;
        tracing::info!(key = %meta.effect_key(), "effects already committed by an earlier run; nothing to do");
        return Ok(None);
    }
    Ok(Some(tx))
}

pub async fn commit(tx: Transaction<'static, Postgres>) -> Result<(), JobError> {
    tx.commit().await.map_err(db_error)
}

/// Stores what a job decided besides its effects (e.g. the follow-up job it must enqueue), in
/// the job's transaction, so a replay after the commit can finish the hand-over.
pub async fn set_outcome(
    tx: &mut Transaction<'static, Postgres>,
    meta: &JobMeta,
    outcome: &serde_json::Value,
) -> Result<(), JobError> {
    sqlx::query("UPDATE idempotency_records SET outcome = $2 WHERE idempotency_key = $1")
        .bind(meta.effect_key())
        .bind(outcome)
        .execute(&mut **tx)
        .await
        .map_err(db_error)?;
    Ok(())
}

/// The outcome a (committed) run of this job stored, if any.
pub async fn outcome(db: &PgPool, meta: &JobMeta) -> Result<Option<serde_json::Value>, JobError> {
    sqlx::query_scalar("SELECT outcome FROM idempotency_records WHERE idempotency_key = $1")
        .bind(meta.effect_key())
        .fetch_optional(db)
        .await
        .map_err(db_error)
}

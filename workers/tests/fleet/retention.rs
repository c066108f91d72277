//! Retention: history past `MESSAGE_RETENTION_DAYS` is deleted, in batches, by the running
//! workers; what is recent, and what is still to relay or to send however old, stays.

use std::time::Duration;

use crate::support::*;

#[tokio::test]
async fn history_past_its_age_is_deleted_in_batches_and_unfinished_work_is_kept() {
    let fleet = Fleet::new().await;
    let old = "now() - interval '40 days'";
    let seed = [
        // 250 old guest messages and 5 recent ones.
        format!("INSERT INTO inbound_messages (provider_message_id, kind, body, received_at)
                 SELECT 'wamid.OLD' || g, 'text', 'hola', {old} FROM generate_series(1, 250) g"),
        "INSERT INTO inbound_messages (provider_message_id, kind, body)
         SELECT 'wamid.NEW' || g, 'text', 'hola' FROM generate_series(1, 5) g"
            .to_owned(),
        // Old outbox rows: 200 sent replies, 50 relayed jobs (finished); 3 replies never sent
        // and 2 jobs never relayed (unfinished: kept however old). Recent sent replies: kept.
        format!("INSERT INTO outbox (cause, effect_key, kind, effect, status, created_at)
                 SELECT 'c', 'old-sent-' || g, 'reply', '{{}}', 'sent', {old} FROM generate_series(1, 200) g"),
        format!("INSERT INTO outbox (cause, effect_key, kind, effect, status, created_at)
                 SELECT 'c', 'old-job-' || g, 'job', '{{}}', 'relayed', {old} FROM generate_series(1, 50) g"),
        format!("INSERT INTO outbox (cause, effect_key, kind, effect, status, created_at)
                 SELECT 'c', 'old-unsent-' || g, 'reply', '{{}}', 'relayed', {old} FROM generate_series(1, 3) g"),
        format!("INSERT INTO outbox (cause, effect_key, kind, effect, status, created_at)
                 SELECT 'c', 'old-pending-' || g, 'job', '{{}}', 'pending', {old} FROM generate_series(1, 2) g"),
        "INSERT INTO outbox (cause, effect_key, kind, effect, status)
         SELECT 'c', 'new-sent-' || g, 'reply', '{}', 'sent' FROM generate_series(1, 4) g"
            .to_owned(),
        format!("INSERT INTO idempotency_records (idempotency_key, queue, job_id, completed_at)
                 SELECT 'old-' || g, 'parse_intent', 'j' || g, {old} FROM generate_series(1, 120) g"),
        "INSERT INTO idempotency_records (idempotency_key, queue, job_id)
         SELECT 'new-' || g, 'parse_intent', 'j' || g FROM generate_series(1, 6) g"
            .to_owned(),
    ];
    for sql in &seed {
        sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
            .execute(&fleet.db)
            .await
            .unwrap();
    }
    let env = fleet.worker_env("http://127.0.0.1:9", "http://127.0.0.1:9");
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("MESSAGE_RETENTION_DAYS", "30"),
            ("RETENTION_EVERY_SECS", "0.5"),
            // Smaller than each table's old rows: it must go batch after batch.
            ("RETENTION_BATCH", "40"),
        ],
    )]);
    let left = || async {
        (
            count(&fleet.db, "SELECT count(*) FROM inbound_messages").await,
            count(&fleet.db, "SELECT count(*) FROM outbox").await,
            count(&fleet.db, "SELECT count(*) FROM idempotency_records").await,
        )
    };
    assert!(
        eventually(Duration::from_secs(20), || async {
            left().await == (5, 9, 6)
        })
        .await,
        "left: {:?}",
        left().await
    );
    let kept: Vec<String> = sqlx::query_scalar("SELECT effect_key FROM outbox ORDER BY effect_key")
        .fetch_all(&fleet.db)
        .await
        .unwrap();
    assert!(
        kept.iter().all(|k| k.starts_with("new-sent-")
            || k.starts_with("old-unsent-")
            || k.starts_with("old-pending-")),
        "{kept:?}"
    );
    fleet.drop_db().await;
}

//! Upgrading a fleet whose keys were written before they carried the fleet's hash tag
//! (`fleet:q:...`, now `{fleet}:q:...`): every binary moves them as it starts
//! (`RedisQueue::adopt_unbraced_keys`), so no queued job, dead letter, idempotency key or counter
//! is lost, even when a new process wrote to the new keys first.

use std::time::Duration;

use jobs::{QueueName, RedisQueue};

use crate::support::*;

const Q: QueueName = QueueName::ExpireHolds;

/// Rename every key of `q` to the layout before hash tags: `{name}:rest` → `name:rest`.
async fn back_to_the_old_layout(q: &RedisQueue, name: &str) {
    let mut conn = redis_conn().await;
    for key in keys(q).await {
        let old = format!("{name}{}", &key[name.len() + 2..]);
        let _: () = redis::cmd("RENAME")
            .arg(&key)
            .arg(&old)
            .query_async(&mut conn)
            .await
            .unwrap();
    }
}

fn tick_of(payload: &str) -> i64 {
    let v: serde_json::Value = serde_json::from_str(payload).unwrap();
    v["tick_ms"].as_i64().unwrap()
}

#[tokio::test]
async fn an_upgrade_keeps_every_job_key_and_dead_letter_of_the_old_layout() {
    if redis_url().contains(',') {
        eprintln!("skipped on a cluster: a cluster never held the layout before hash tags");
        return;
    }
    let name = fresh_prefix();
    let q = queue_at(redis_url(), &name, Duration::from_secs(15), |_| {}).await;
    assert_eq!(q.prefix(), format!("{{{name}}}"));

    // The old fleet: a dead letter (tick 0), three plain jobs and a keyed one waiting.
    q.push_many(vec![tick_job(0, None)]).await.unwrap();
    let (claimed, _) = q.claim(Q, "old-worker", 1).await.unwrap();
    assert!(
        q.fail(Q, "old-worker", &claimed[0].meta.id, None, false, "boom")
            .await
            .unwrap()
    );
    q.push_many((1..4).map(|i| tick_job(i, None)).collect())
        .await
        .unwrap();
    q.push_many(vec![tick_job(10, Some("k:10"))]).await.unwrap();
    back_to_the_old_layout(&q, &name).await;

    // Keys that are not this fleet's queue state: another fleet whose name starts with this
    // one's, and a rate window left to expire.
    let mut conn = redis_conn().await;
    let other = format!("{name}:eu:q:expire_holds:ready");
    let window = format!("{name}:rl:203.0.113.9");
    let _: () = redis::cmd("LPUSH")
        .arg(&other)
        .arg("theirs")
        .query_async(&mut conn)
        .await
        .unwrap();
    let _: () = redis::cmd("SET")
        .arg(&window)
        .arg(3)
        .query_async(&mut conn)
        .await
        .unwrap();

    // A process of the new layout pushed before the adoption ran.
    q.push_many(vec![tick_job(20, None)]).await.unwrap();

    let moved = q.adopt_unbraced_keys().await.unwrap();
    assert!(
        moved >= 4,
        "ready list, dead letters, job record, idempotency key: {moved}"
    );
    let left: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{name}:*"))
        .query_async(&mut conn)
        .await
        .unwrap();
    let mut left = left;
    left.sort();
    let mut expected = vec![other.clone(), window.clone()];
    expected.sort();
    assert_eq!(
        left, expected,
        "only keys that are not the fleet's queue state stay put"
    );
    assert_eq!(
        q.adopt_unbraced_keys().await.unwrap(),
        0,
        "a second run finds nothing"
    );

    // Every job is there, the old ones first, in their order.
    let (claimed, _) = q.claim(Q, "new-worker", 100).await.unwrap();
    let ticks: Vec<i64> = claimed.iter().map(|c| tick_of(&c.payload)).collect();
    assert_eq!(ticks, vec![1, 2, 3, 10, 20]);
    // The dead letter and the idempotency key came along.
    let dead = q.dead_letters(Q, 10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(tick_of(&dead[0].payload), 0);
    assert_eq!(dead[0].last_error, "boom");
    let again = q.push_many(vec![tick_job(11, Some("k:10"))]).await.unwrap();
    assert!(
        again[0].duplicate,
        "the key recorded before the upgrade still dedupes"
    );
    assert_eq!(stat(&q, "running").await, 5);

    q.release(Q, "new-worker").await.unwrap();
    q.purge().await.unwrap();
    let _: () = redis::cmd("DEL")
        .arg(&other)
        .arg(&window)
        .query_async(&mut conn)
        .await
        .unwrap();
}

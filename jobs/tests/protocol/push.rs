use std::time::Duration;

use jobs::{EnqueueOptions, QueueName, domain::IdempotencyKey, payloads::ExpireHolds};
use redis::AsyncCommands;

use crate::support::*;

#[tokio::test]
async fn push_lands_in_ready_and_a_bulk_push_keeps_order_of_results() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let jobs: Vec<_> = (0..1000).map(|i| tick_job(i, None)).collect();
    let out = q.push_many(jobs).await.unwrap();
    assert_eq!(out.len(), 1000);
    assert!(out.iter().all(|e| !e.duplicate));
    let depth = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
    assert_eq!(
        (depth.pending, depth.running, depth.scheduled, depth.dead),
        (1000, 0, 0, 0)
    );
}

#[tokio::test]
async fn a_duplicate_key_enqueues_nothing_and_points_at_the_first_job() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let key = IdempotencyKey::parse("wa:wamid.ABC").unwrap();
    let first = q
        .enqueue(
            &ExpireHolds { tick_ms: 1 },
            EnqueueOptions::keyed(key.clone()),
        )
        .await
        .unwrap();
    let again = q
        .enqueue(&ExpireHolds { tick_ms: 1 }, EnqueueOptions::keyed(key))
        .await
        .unwrap();
    assert!(!first.duplicate);
    assert!(again.duplicate);
    assert_eq!(again.id, first.id);
    assert_eq!(
        q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0]
            .1
            .pending,
        1
    );
}

#[tokio::test]
async fn idempotency_keys_carry_the_configured_ttl() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    q.push_many(vec![tick_job(1, Some("tick:1"))])
        .await
        .unwrap();
    let mut conn = redis_conn().await;
    let ttl: i64 = conn
        .ttl(format!("{}:idem:expire_holds:tick:1", q.prefix()))
        .await
        .unwrap();
    assert!(ttl > 47 * 3600 && ttl <= 48 * 3600, "ttl was {ttl}");
}

#[tokio::test]
async fn a_delayed_job_waits_in_the_schedule_then_runs() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let options = EnqueueOptions {
        delay: Some(Duration::from_millis(400)),
        ..Default::default()
    };
    q.enqueue(&ExpireHolds { tick_ms: 7 }, options)
        .await
        .unwrap();
    assert_eq!(
        q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0]
            .1
            .scheduled,
        1
    );
    let w = start_worker(&q, 4, fast_policy(0, 10), ok());
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(w.run_count(), 0, "ran before its time");
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 1 }).await);
    w.stop().await;
}

//! The O(1) depth figures must come back to exactly zero after any sequence of protocol steps,
//! and attempts must never be given back below zero.

use std::time::Duration;

use jobs::{EnqueueOptions, QueueName, payloads::ExpireHolds};

use crate::support::*;

const Q: QueueName = QueueName::ExpireHolds;

/// push, claim, ack, fail → retry, fail → dead, redrive, release (claimed and merely fetched),
/// reconcile, recover (claimed and merely fetched): every counter returns to zero and only the
/// stats key is left.
#[tokio::test]
async fn a_mixed_sequence_of_every_step_leaves_every_counter_at_zero() {
    let q = fresh_queue(Duration::from_millis(300)).await;
    let ids = push_ticks(&q, 8).await;
    let delayed = EnqueueOptions {
        delay: Some(Duration::from_millis(100)),
        ..Default::default()
    };
    q.enqueue(&ExpireHolds { tick_ms: 99 }, delayed)
        .await
        .unwrap();

    // claim → ack; claim → fail (retry); claim → fail (dead) → redrive.
    let claimed = q.claim(Q, "w1", 3).await.unwrap().0;
    let [a, b, c] = [0, 1, 2].map(|i| claimed[i].meta.id.clone());
    assert_eq!(q.ack(Q, "w1", std::slice::from_ref(&a)).await.unwrap(), 1);
    assert!(
        q.fail(Q, "w1", &b, Some(Duration::ZERO), false, "503")
            .await
            .unwrap()
    );
    assert!(q.fail(Q, "w1", &c, None, false, "bad").await.unwrap());
    assert_eq!(exact_depth(&q).await, (5, 0, 2, 1));
    assert_eq!(q.redrive(Q, std::slice::from_ref(&c)).await.unwrap(), 1);

    // A job a blocking fetch moved but no claim took, released: nothing was counted for it, so
    // nothing is given back (this is where `running` went negative and the attempt to -1).
    let mut blocking = q.blocking_connection().await.unwrap();
    let fetched = q
        .wait_ready(&mut blocking, Q, "w2", Duration::from_millis(100))
        .await
        .unwrap()
        .unwrap();
    q.claim(Q, "w2", 2).await.unwrap();
    assert_eq!(q.release(Q, "w2").await.unwrap(), 2);
    assert_eq!(
        exact_depth(&q).await.1,
        0,
        "release over-decremented running"
    );
    assert_eq!(job_field(&q, &fetched, "a").await.as_deref(), Some("0"));

    // reconcile: one held job stays, one unseen claim goes back with its attempt given back,
    // one unrecorded run goes back with its attempt kept.
    let claimed = q.claim(Q, "w3", 3).await.unwrap().0;
    let [held, unseen, unrecorded] = [0, 1, 2].map(|i| claimed[i].meta.id.clone());
    let back = q
        .reconcile(
            Q,
            "w3",
            std::slice::from_ref(&held),
            std::slice::from_ref(&unrecorded),
        )
        .await
        .unwrap();
    assert_eq!(back, (2, 0));
    assert_eq!(exact_depth(&q).await.1, 1);
    assert_eq!(job_field(&q, &unseen, "a").await.as_deref(), Some("0"));
    assert_eq!(job_field(&q, &unrecorded, "a").await.as_deref(), Some("1"));
    assert_eq!(q.ack(Q, "w3", &[held]).await.unwrap(), 1);

    // recover: a worker that claimed one job and fetched another, then vanished.
    q.claim(Q, "ghost", 1).await.unwrap();
    q.wait_ready(&mut blocking, Q, "ghost", Duration::from_millis(100))
        .await
        .unwrap()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(q.recover().await.unwrap(), (2, 0));
    assert_eq!(
        exact_depth(&q).await.1,
        0,
        "recover over-decremented running"
    );

    // Drain what is left (the delayed job included) the ordinary way.
    let drained = eventually(Duration::from_secs(3), || async {
        let claimed = q.claim(Q, "last", 100).await.unwrap().0;
        let ids: Vec<String> = claimed.into_iter().map(|c| c.meta.id).collect();
        q.ack(Q, "last", &ids).await.unwrap();
        exact_depth(&q).await == (0, 0, 0, 0)
    })
    .await;
    assert!(drained, "left: {:?}", exact_depth(&q).await);
    assert!(ids.iter().all(|id| !id.is_empty()));
    q.release(Q, "last").await.unwrap();
    assert_eq!(keys(&q).await, stats_only(&q));
}

/// A run whose outcome was never recorded keeps its attempt: on its last one it is dead-lettered
/// by reconcile, as recover would.
#[tokio::test]
async fn an_unrecorded_last_attempt_is_dead_lettered_by_reconcile() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let mut job = tick_job(1, None);
    job.max_attempts = 1;
    q.push_many(vec![job]).await.unwrap();
    let id = q.claim(Q, "w", 1).await.unwrap().0[0].meta.id.clone();
    assert_eq!(q.reconcile(Q, "w", &[], &[id]).await.unwrap(), (0, 1));
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 1));
    let dead = q.dead_letters(Q, 10).await.unwrap();
    assert!(dead[0].last_error.contains("could not be recorded"));
}

use std::time::Duration;

use jobs::QueueName;

use crate::support::*;

/// A worker that claimed a job and vanished (no heartbeat): after its lease lapses any live
/// process returns the job, with the vanished run counted as an attempt.
#[tokio::test]
async fn an_expired_lease_is_recovered_with_its_attempt_counted() {
    let q = fresh_queue(Duration::from_millis(300)).await;
    q.push_many(vec![tick_job(42, None)]).await.unwrap();
    let (claimed, _) = q.claim(QueueName::ExpireHolds, "ghost", 1).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].meta.attempt, 1);
    assert_eq!(
        q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0]
            .1
            .running,
        1
    );

    assert_eq!(
        q.recover().await.unwrap(),
        (0, 0),
        "recovered before the lease lapsed"
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(q.recover().await.unwrap(), (1, 0));
    let d = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
    assert_eq!((d.pending, d.running), (1, 0));

    let w = start_worker(&q, 1, fast_policy(3, 10), ok());
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 1 }).await);
    assert_eq!(
        w.runs.lock().unwrap()[0].attempt,
        2,
        "the lost run must count"
    );
    w.stop().await;
}

/// A lost job that had used its last attempt goes to the dead letters, not back to work.
#[tokio::test]
async fn a_lost_job_on_its_last_attempt_is_dead_lettered() {
    let q = fresh_queue(Duration::from_millis(200)).await;
    let mut job = tick_job(1, None);
    job.max_attempts = 1;
    q.push_many(vec![job]).await.unwrap();
    q.claim(QueueName::ExpireHolds, "ghost", 1).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(q.recover().await.unwrap(), (0, 1));
    let dead = q.dead_letters(QueueName::ExpireHolds, 10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert!(
        dead[0].last_error.contains("lease expired"),
        "{}",
        dead[0].last_error
    );
}

/// A live worker's heartbeat keeps its long job's lease: nobody else runs it meanwhile.
#[tokio::test]
async fn a_heartbeating_worker_keeps_its_long_job() {
    let q = fresh_queue(Duration::from_millis(300)).await;
    q.push_many(vec![tick_job(5, None)]).await.unwrap();
    let slow: Behaviour = std::sync::Arc::new(|_| {
        Box::pin(async {
            tokio::time::sleep(Duration::from_millis(1500)).await;
            Ok(())
        })
    });
    let w = start_worker(&q, 1, fast_policy(3, 10), slow);
    let other = start_worker(&q, 1, fast_policy(3, 10), ok());
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert_eq!(
        w.run_count() + other.run_count(),
        1,
        "a leased job ran twice"
    );
    w.stop().await;
    other.stop().await;
}

/// A graceful stop hands back jobs it claimed but never started, without counting an attempt.
#[tokio::test]
async fn a_graceful_stop_releases_claimed_jobs() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    push_ticks(&q, 5).await;
    let claimed = q
        .claim(QueueName::ExpireHolds, "leaving", 5)
        .await
        .unwrap()
        .0;
    assert_eq!(claimed.len(), 5);
    assert_eq!(
        q.release(QueueName::ExpireHolds, "leaving").await.unwrap(),
        5
    );
    let d = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
    assert_eq!((d.pending, d.running), (5, 0));
    let again = q.claim(QueueName::ExpireHolds, "next", 5).await.unwrap().0;
    assert!(again.iter().all(|c| c.meta.attempt == 1));
}

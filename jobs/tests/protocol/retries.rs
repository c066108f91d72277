use std::{sync::Arc, time::Duration};

use jobs::{JobError, QueueName};

use crate::support::*;

fn always_transient() -> Behaviour {
    Arc::new(|_| Box::pin(async { Err(JobError::transient("upstream 503")) }))
}

/// Retry limit 3 → at most 4 runs, each after its backoff, even when the worker restarts in
/// between (the attempts and the wait live in Redis, not in the process).
#[tokio::test]
async fn retry_limit_3_runs_at_most_4_times_with_backoff_across_a_restart() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let mut job = tick_job(9, None);
    job.max_attempts = fast_policy(3, 200).max_attempts();
    q.push_many(vec![job]).await.unwrap();

    let first = start_worker(&q, 2, fast_policy(3, 200), always_transient());
    assert!(eventually(Duration::from_secs(5), || async { first.run_count() == 2 }).await);
    let mut runs = first.runs.lock().unwrap().clone();
    first.stop().await;

    let second = start_worker(&q, 2, fast_policy(3, 200), always_transient());
    assert!(
        eventually(Duration::from_secs(8), || async {
            q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1.dead == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(800)).await; // would be time for a 5th run
    runs.extend(second.runs.lock().unwrap().iter().cloned());
    second.stop().await;

    assert_eq!(runs.len(), 4, "runs: {runs:?}");
    assert_eq!(
        runs.iter().map(|r| r.attempt).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    // Backoff with jitter in [d/2, d]: d = 200, 400, 800 ms.
    for (i, pair) in runs.windows(2).enumerate() {
        let gap = pair[1].at.duration_since(pair[0].at);
        let min = Duration::from_millis(100 << i);
        assert!(gap >= min, "gap {i} was {gap:?}, expected at least {min:?}");
    }
    let dead = q.dead_letters(QueueName::ExpireHolds, 10).await.unwrap();
    assert_eq!(dead[0].attempts, 4);
    assert!(dead[0].last_error.contains("upstream 503"));
}

#[tokio::test]
async fn transient_twice_then_success_completes_on_the_third_run() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    q.push_many(vec![tick_job(3, None)]).await.unwrap();
    let flaky: Behaviour = Arc::new(|env| {
        let attempt = env.meta.attempt;
        Box::pin(async move {
            if attempt < 3 {
                Err(JobError::transient("timeout"))
            } else {
                Ok(())
            }
        })
    });
    let w = start_worker(&q, 1, fast_policy(5, 50), flaky);
    assert!(eventually(Duration::from_secs(5), || async { w.run_count() == 3 }).await);
    assert!(
        eventually(Duration::from_secs(2), || async {
            let d = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
            (d.pending, d.running, d.scheduled, d.dead) == (0, 0, 0, 0)
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(w.run_count(), 3);
    w.stop().await;
}

#[tokio::test]
async fn a_permanent_failure_is_dead_lettered_at_once_and_can_be_redriven() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    q.push_many(vec![tick_job(11, Some("tick:11"))])
        .await
        .unwrap();
    // Fails the first time it is ever called (say, the reservation was not there yet).
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let fail_first: Behaviour = Arc::new(move |_| {
        let first = calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0;
        Box::pin(async move {
            if first {
                Err(JobError::permanent("no such reservation"))
            } else {
                Ok(())
            }
        })
    });
    let w = start_worker(&q, 1, fast_policy(5, 50), fail_first);
    assert!(
        eventually(Duration::from_secs(3), || async {
            q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1.dead == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(w.run_count(), 1, "a permanent failure must not be retried");
    let dead = q.dead_letters(QueueName::ExpireHolds, 10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].idempotency_key, "tick:11");
    assert!(dead[0].payload.contains("\"tick_ms\":11"));
    assert!(dead[0].last_error.contains("no such reservation"));

    assert_eq!(
        q.redrive(QueueName::ExpireHolds, &[dead[0].id.clone()])
            .await
            .unwrap(),
        1
    );
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 2 }).await);
    assert_eq!(
        w.runs.lock().unwrap()[1].attempt,
        1,
        "a re-driven job starts with fresh attempts"
    );
    assert!(
        eventually(Duration::from_secs(2), || async {
            q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1 == Default::default()
        })
        .await
    );
    w.stop().await;
}

/// While a dependency's breaker is open the job waits without using up its attempts.
#[tokio::test]
async fn waiting_for_an_open_breaker_does_not_burn_attempts() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let mut job = tick_job(4, None);
    job.max_attempts = 2;
    q.push_many(vec![job]).await.unwrap();
    let breaker_open: Behaviour = Arc::new(|_| {
        Box::pin(async {
            Err(JobError::DependencyOpen {
                dependency: "mercadopago".into(),
                retry_after: Duration::from_millis(50),
            })
        })
    });
    let w = start_worker(&q, 1, fast_policy(1, 50), breaker_open);
    // Each deferral gives the attempt back: the job keeps seeing attempt 1 and, although its
    // limit is 2 attempts, never reaches the dead letters.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let runs = w.runs.lock().unwrap().clone();
    assert!(
        runs.len() >= 3,
        "expected several deferred runs, got {}",
        runs.len()
    );
    assert!(runs.iter().all(|r| r.attempt == 1));
    assert_eq!(
        q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1.dead,
        0
    );
    w.stop().await;
}

/// A periodic job (its schedule's next tick does its work) that fails for good leaves no dead
/// letter: permanent at once, transient after its last attempt; nothing is left in any state.
/// Dead letters of other jobs can be purged by staff.
#[tokio::test]
async fn a_superseded_tick_leaves_no_dead_letter_and_purge_clears_the_others() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let mut transient = tick_job(11, None);
    transient.max_attempts = fast_policy(2, 50).max_attempts();
    q.push_many(vec![transient, tick_job(12, None)])
        .await
        .unwrap();
    let superseded = jobs::RetryPolicy {
        when_exhausted: jobs::WhenExhausted::Superseded,
        ..fast_policy(2, 50)
    };
    let failing: Behaviour = Arc::new(|env| {
        let tick = env.payload.tick_ms;
        Box::pin(async move {
            if tick == 12 {
                Err(JobError::permanent("bad tick"))
            } else {
                Err(JobError::transient("upstream 503"))
            }
        })
    });
    let w = start_worker(&q, 2, superseded, failing);
    assert!(eventually(Duration::from_secs(5), || async { w.run_count() == 4 }).await);
    assert!(
        eventually(Duration::from_secs(3), || async {
            let d = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
            (d.pending, d.running, d.scheduled, d.dead) == (0, 0, 0, 0)
        })
        .await,
        "three runs of one, one of the other, then both gone"
    );
    w.stop().await;

    // Dead letters of a queue that keeps them: staff read them, then purge them.
    let mut dying = tick_job(13, None);
    dying.max_attempts = 1;
    q.push_many(vec![dying]).await.unwrap();
    let w = start_worker(&q, 1, fast_policy(0, 50), always_transient());
    assert!(
        eventually(Duration::from_secs(5), || async {
            q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1.dead == 1
        })
        .await
    );
    w.stop().await;
    assert_eq!(q.purge_dead_all(QueueName::ExpireHolds).await.unwrap(), 1);
    assert_eq!(
        q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1.dead,
        0
    );
    assert!(
        q.dead_letters(QueueName::ExpireHolds, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

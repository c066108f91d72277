//! Real connection faults between a live worker and Redis: the worker's queue handle goes
//! through a [`FaultProxy`], its heartbeat keeps its lease (30 s, far longer than any wait
//! here), so only the worker itself can bring the job back: within a bounded time, run once
//! more at most, with the counters right.
//!
//! On a Redis Cluster (`scripts/test-redis-cluster.sh`) the tests through the proxy say why they
//! are skipped and return: one proxy cannot stand in for a cluster's redirects.

use std::{sync::Arc, time::Duration};

use jobs::{JobError, QueueName, RedisQueue};

use crate::{
    proxy::{Fault, FaultProxy, Way},
    support::*,
};

const LEASE: Duration = Duration::from_secs(30);

/// The test's own handle (straight to Redis) and the worker's (through the proxy).
async fn queues(proxy: &FaultProxy) -> (RedisQueue, RedisQueue) {
    let direct = fresh_queue(LEASE).await;
    let through = queue_at(proxy.url(), direct.prefix(), LEASE, |_| {}).await;
    (direct, through)
}

async fn assert_clean(q: &RedisQueue) {
    let settled = eventually(Duration::from_secs(3), || async {
        exact_depth(q).await == (0, 0, 0, 0)
    })
    .await;
    assert!(settled, "left: {:?}", exact_depth(q).await);
}

/// The claim ran in Redis (job in the worker's in-flight list, attempt and `running` counted)
/// but its reply was lost: the worker's reconciler gives the job back, attempt returned, and
/// the worker runs it.
#[tokio::test]
async fn a_claim_whose_reply_is_lost_runs_on_the_live_worker_within_seconds() {
    if skipped_on_cluster("a_claim_whose_reply_is_lost_runs_on_the_live_worker_within_seconds") {
        return;
    }
    let proxy = FaultProxy::start().await;
    let (q, wq) = queues(&proxy).await;
    let id = q.push_many(vec![tick_job(1, None)]).await.unwrap()[0]
        .id
        .clone();
    proxy.on(Way::FromRedis, &id, Fault::Drop);

    let w = start_worker(&wq, 4, fast_policy(3, 10), ok());
    assert!(eventually(Duration::from_secs(5), || async { w.run_count() == 1 }).await);
    assert_eq!(proxy.fired(), 1, "the fault never fired");
    assert_eq!(
        w.runs.lock().unwrap()[0].attempt,
        1,
        "an unseen claim is not an attempt"
    );
    assert_clean(&q).await;
    w.stop().await;
    assert_eq!(keys(&q).await, stats_only(&q));
}

/// The blocking fetch moved the job (Redis did) but its reply was lost: the worker's next claim
/// takes the job from its fetched list. Every kind of ready entry: a plain inline one (a plain
/// job), a keyed inline one (a keyed job) and a bare id (a keyed job whose request id holds the
/// separator byte, so it takes the push script).
#[tokio::test]
async fn a_blocking_fetch_whose_reply_is_lost_still_runs_the_job() {
    if skipped_on_cluster("a_blocking_fetch_whose_reply_is_lost_still_runs_the_job") {
        return;
    }
    // A BLMOVE's reply is one bulk string: an inline entry (it starts with byte 1 or 2, which no
    // other reply carries) or a bare 32-character id; a claim's reply is an array.
    let cases: [(&[u8], Option<&str>, bool, bool); 3] = [
        (b"\r\n\x01", None, false, false),
        (b"\r\n\x02", Some("tick:2"), false, false),
        (b"$32\r\n", Some("tick:2"), true, true),
    ];
    for (needle, key, at_start, odd) in cases {
        let proxy = FaultProxy::start().await;
        let (q, wq) = queues(&proxy).await;
        let w = start_worker(&wq, 4, fast_policy(3, 10), ok());
        tokio::time::sleep(Duration::from_millis(700)).await; // idle: blocked in BLMOVE
        if at_start {
            proxy.on_start(Way::FromRedis, needle, Fault::Drop);
        } else {
            proxy.on(Way::FromRedis, needle, Fault::Drop);
        }
        let mut job = tick_job(2, key);
        if odd {
            job.options.request_id = Some("odd\u{1f}id".into());
        }
        q.push_many(vec![job]).await.unwrap();

        assert!(eventually(Duration::from_secs(5), || async { w.run_count() == 1 }).await);
        assert_eq!(proxy.fired(), 1, "{key:?}: the fault never fired");
        assert_eq!(w.runs.lock().unwrap()[0].attempt, 1);
        assert_clean(&q).await;
        w.stop().await;
        let mut expected: Vec<String> = key
            .map(|k| format!("{}:idem:expire_holds:{k}", q.prefix()))
            .into_iter()
            .collect();
        // A keyed job leaves its idempotency key (it lives out its TTL), nothing else.
        expected.push(format!("{}:q:expire_holds:stats", q.prefix()));
        assert_eq!(keys(&q).await, expected, "{key:?}");
    }
}

/// An ack that never reached Redis (or whose reply was lost after it ran) is tried again: the
/// job completes once, is not run again, and `completed` counts it once.
#[tokio::test]
async fn an_ack_lost_on_the_way_or_on_the_way_back_is_retried_and_counted_once() {
    if skipped_on_cluster("an_ack_lost_on_the_way_or_on_the_way_back_is_retried_and_counted_once") {
        return;
    }
    for fault in [Fault::Drop, Fault::DeliverThenCut] {
        let proxy = FaultProxy::start().await;
        let (q, wq) = queues(&proxy).await;
        let id = q.push_many(vec![tick_job(3, None)]).await.unwrap()[0]
            .id
            .clone();
        // The first request that names the job is its ack.
        proxy.on(Way::ToRedis, &id, fault);

        let w = start_worker(&wq, 4, fast_policy(3, 10), ok());
        assert_clean(&q).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(proxy.fired(), 1, "{fault:?} never fired");
        assert_eq!(w.run_count(), 1, "{fault:?}: ran again");
        assert_eq!(stat(&q, "completed").await, 1, "{fault:?}");
        w.stop().await;
        assert_eq!(keys(&q).await, stats_only(&q));
    }
}

/// A fail (retry later) that never reached Redis does not strand the job: it is tried again (or,
/// failing that, reconciled) and the job runs as attempt 2.
#[tokio::test]
async fn a_fail_that_never_reached_redis_is_retried() {
    if skipped_on_cluster("a_fail_that_never_reached_redis_is_retried") {
        return;
    }
    let proxy = FaultProxy::start().await;
    let (q, wq) = queues(&proxy).await;
    let id = q.push_many(vec![tick_job(4, None)]).await.unwrap()[0]
        .id
        .clone();
    proxy.on(Way::ToRedis, &id, Fault::Drop);
    let flaky: Behaviour = Arc::new(|env| {
        let first = env.meta.attempt == 1;
        Box::pin(async move {
            if first {
                Err(JobError::transient("timeout"))
            } else {
                Ok(())
            }
        })
    });
    let w = start_worker(&wq, 4, fast_policy(3, 10), flaky);
    assert!(eventually(Duration::from_secs(5), || async { w.run_count() == 2 }).await);
    assert_eq!(proxy.fired(), 1);
    let attempts: Vec<u32> = w.runs.lock().unwrap().iter().map(|r| r.attempt).collect();
    assert_eq!(attempts, vec![1, 2]);
    assert_clean(&q).await;
    w.stop().await;
}

/// A job put into a live worker's in-flight list behind its back (what a claim executed after
/// its caller gave up on it amounts to) runs within the reconcile period, while the job the
/// worker is running meanwhile is left alone.
#[tokio::test]
async fn a_job_in_a_live_workers_list_that_it_does_not_hold_runs_within_the_reconcile_period() {
    let prefix = format!("test-{}", uuid::Uuid::new_v4().simple());
    let q = queue_at(redis_url(), &prefix, LEASE, |_| {}).await;
    let wq = queue_at(redis_url(), &prefix, LEASE, |c| {
        c.reconcile_every = Duration::from_millis(200)
    })
    .await;
    q.push_many(vec![tick_job(0, None)]).await.unwrap();
    let slow_first: Behaviour = Arc::new(|env| {
        let slow = env.payload.tick_ms == 0;
        Box::pin(async move {
            if slow {
                tokio::time::sleep(Duration::from_millis(1000)).await;
            }
            Ok(())
        })
    });
    // One slot, busy with the slow job: the worker does not fetch meanwhile.
    let w = start_worker(&wq, 1, fast_policy(3, 10), slow_first);
    assert!(eventually(Duration::from_secs(2), || async { w.run_count() == 1 }).await);
    q.push_many(vec![tick_job(1, None)]).await.unwrap();
    let behind = q.claim(QueueName::ExpireHolds, &w.wid, 1).await.unwrap().0;
    assert_eq!(behind.len(), 1);

    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 2 }).await);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let runs = w.runs.lock().unwrap().clone();
    assert_eq!(
        runs.len(),
        2,
        "the held job was handed back and ran twice: {runs:?}"
    );
    assert_eq!((runs[1].tick, runs[1].attempt), (1, 1));
    assert_clean(&q).await;
    w.stop().await;
}

/// Every connection of a busy worker cut again and again, at whatever step each was: every job
/// still runs, and nothing is left behind.
#[tokio::test]
async fn cutting_a_busy_workers_connections_repeatedly_loses_no_job() {
    if skipped_on_cluster("cutting_a_busy_workers_connections_repeatedly_loses_no_job") {
        return;
    }
    let proxy = FaultProxy::start().await;
    let (q, wq) = queues(&proxy).await;
    push_ticks(&q, 3000).await;
    let w = start_worker(&wq, 16, fast_policy(3, 10), ok());
    for _ in 0..10 {
        tokio::time::sleep(Duration::from_millis(60)).await;
        proxy.cut_all();
    }
    let done = eventually(Duration::from_secs(30), || async {
        exact_depth(&q).await == (0, 0, 0, 0)
    })
    .await;
    let runs = w.runs.lock().unwrap().clone();
    assert!(
        done,
        "left: {:?} after {} runs",
        exact_depth(&q).await,
        runs.len()
    );
    let ticks: std::collections::HashSet<i64> = runs.iter().map(|r| r.tick).collect();
    assert_eq!(ticks.len(), 3000, "some job never ran");
    w.stop().await;
    assert_eq!(keys(&q).await, stats_only(&q));
}

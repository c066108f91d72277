//! Pushes through a Sentinel failover (issue 15): 10,000 deliveries arriving at 1,000 a second,
//! each one job with an idempotency key as the ingress pushes them, from several pushers that
//! retry a failed push as a provider retries a 503, into a primary with two replicas watched by
//! three sentinels of the test's own ([`LocalSentinels`]). Halfway the replicas are cut off for
//! 600 ms (a partition) and the primary is SIGKILLed in that moment; the pushers keep going
//! through the failover; then a worker drains the queue from the new primary.
//!
//! With `replica_wait` (one replica, 500 ms; the wait is for every replica online, at least
//! one) what the primary took with it was never acknowledged, and its retry pushed it again.
//! Not always: once in about ten runs (before and after the wait covered every replica online)
//! a handful of pushes acknowledged around the promotion (6 of 10,000, numbered after the kill)
//! never ran, an open finding (README, "What a failover can lose"); the test holds that to at
//! most [`LOST_AT_MOST_WITH_THE_WAIT`]. Without the wait, a push acknowledged by the primary
//! alone can vanish with it: the test prints how many (asynchronous replication's window,
//! hundreds), and asserts nothing about them.
//!
//! The topology is the test's own, whatever `REDIS_URL` says (it runs the same on a cluster run).

use std::{
    collections::{BTreeSet, HashMap},
    sync::{
        Arc, Mutex,
        atomic::{AtomicI64, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use jobs::{QueueName, RedisQueue, backend::ReplicaWait};
use testkit::redis_nodes::LocalSentinels;

use crate::support::*;

const DELIVERIES: i64 = 10_000;
const PUSHERS: usize = 8;
/// How long a provider waits before it delivers a refused webhook again (much shorter than a
/// real provider's backoff, so the test is quick; the order of events is the same).
const PROVIDER_RETRY: Duration = Duration::from_millis(50);
/// Deliveries arrive at 1,000 a second, so pushes are still coming when the primary dies.
const ARRIVAL_EVERY: Duration = Duration::from_millis(1);
/// The most acknowledged pushes a run with the replica wait may lose (the open finding in the
/// module docs); the runs without it lose 600 to 1,900.
const LOST_AT_MOST_WITH_THE_WAIT: usize = 20;
/// How long the replicas are cut off before the primary dies: shorter than the sentinels' down-after,
/// so they are not taken for dead themselves.
const REPLICAS_STALLED: Duration = Duration::from_millis(600);

/// What one run saw.
#[derive(Debug)]
struct Outcome {
    acknowledged: BTreeSet<i64>,
    /// How many times each job ran (its tick is its delivery's number).
    ran: HashMap<i64, usize>,
    /// Pushes that failed and were retried, by error.
    refused: HashMap<String, u64>,
    /// Errors a push answered that the queue calls permanent (the ingress would answer 500).
    permanent: Vec<String>,
    failover: Duration,
}

impl Outcome {
    fn lost(&self) -> Vec<i64> {
        self.acknowledged
            .iter()
            .filter(|t| !self.ran.contains_key(t))
            .copied()
            .collect()
    }

    fn ran_twice(&self) -> usize {
        self.ran.values().filter(|n| **n > 1).count()
    }

    fn print(&self, label: &str) {
        let refused: u64 = self.refused.values().sum();
        say(format_args!(
            "{label}: {} deliveries acknowledged, {} ran, {} acknowledged and lost, {} ran twice; \
             failover took {:?}; {refused} pushes refused and retried: {:?}",
            self.acknowledged.len(),
            self.ran.len(),
            self.lost().len(),
            self.ran_twice(),
            self.failover,
            self.refused,
        ));
    }
}

/// A queue handle that finds the primary through the group's sentinels.
async fn sentinel_queue(group: &LocalSentinels, wait: Option<ReplicaWait>) -> RedisQueue {
    queue_at(
        String::new(),
        &fresh_prefix(),
        Duration::from_secs(5),
        |c| {
            c.topology = group.topology();
            c.replica_wait = wait;
        },
    )
    .await
}

async fn push_through_a_failover(wait: Option<ReplicaWait>) -> Outcome {
    let mut group = LocalSentinels::with_replicas("fleet", 2).expect("a sentinel group");
    let q = sentinel_queue(&group, wait).await;
    let next = Arc::new(AtomicI64::new(0));
    let acked = Arc::new(AtomicU64::new(0));
    let acknowledged: Arc<Mutex<BTreeSet<i64>>> = Arc::default();
    let refused: Arc<Mutex<HashMap<String, u64>>> = Arc::default();
    let permanent: Arc<Mutex<Vec<String>>> = Arc::default();
    let deadline = Instant::now() + Duration::from_secs(90);
    let origin = tokio::time::Instant::now();
    let pushers: Vec<_> = (0..PUSHERS)
        .map(|_| {
            let (q, next, acked) = (q.clone(), next.clone(), acked.clone());
            let (acknowledged, refused, permanent) =
                (acknowledged.clone(), refused.clone(), permanent.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= DELIVERIES {
                        return;
                    }
                    tokio::time::sleep_until(origin + ARRIVAL_EVERY * i as u32).await;
                    let key = format!("wa:wamid.failover-{i}");
                    // A provider delivers again until it gets a 200.
                    loop {
                        match q.push_many(vec![tick_job(i, Some(&key))]).await {
                            Ok(_) => {
                                acknowledged.lock().unwrap().insert(i);
                                acked.fetch_add(1, Ordering::Relaxed);
                                break;
                            }
                            Err(e) => {
                                let what = error_kind(&e.to_string());
                                *refused.lock().unwrap().entry(what).or_default() += 1;
                                if !e.is_transient() {
                                    permanent.lock().unwrap().push(e.to_string());
                                }
                                assert!(
                                    Instant::now() < deadline,
                                    "delivery {i} still refused after 90 s: {e}"
                                );
                                tokio::time::sleep(PROVIDER_RETRY).await;
                            }
                        }
                    }
                }
            })
        })
        .collect();

    let halfway = eventually(Duration::from_secs(60), || async {
        acked.load(Ordering::Relaxed) >= DELIVERIES as u64 / 2
    })
    .await;
    assert!(halfway, "half the deliveries were not acknowledged in 60 s");
    // The replicas are cut off for a moment (a network partition) and the primary dies in it:
    // what it accepted meanwhile, no replica has.
    group.cut_off_replicas().expect("cut the replicas off");
    tokio::time::sleep(REPLICAS_STALLED).await;
    let killed = Instant::now();
    group.kill_primary();
    group.thaw_replicas().expect("thaw the replicas");
    group
        .wait_for_failover(Duration::from_secs(30))
        .await
        .expect("the sentinels elect a replica");
    let failover = killed.elapsed();
    for p in pushers {
        p.await.expect("a pusher panicked");
    }

    // Drain from the new primary: until every acknowledged job ran, or (when some were lost)
    // the queue has stayed empty for a second.
    let acknowledged = acknowledged.lock().unwrap().clone();
    let w = start_worker(&q, 32, fast_policy(3, 10), ok());
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut empty_since: Option<Instant> = None;
    loop {
        let ran: BTreeSet<i64> = w.runs.lock().unwrap().iter().map(|r| r.tick).collect();
        let d = pending_and_running(&q, killed).await;
        let empty = d.pending + d.running == 0;
        if acknowledged.is_subset(&ran) && empty {
            break;
        }
        if !empty {
            empty_since = None;
        } else if empty_since.get_or_insert_with(Instant::now).elapsed() > Duration::from_secs(1) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "not drained in 60 s: {d:?}, {} of {} acknowledged ran",
            acknowledged.intersection(&ran).count(),
            acknowledged.len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut ran: HashMap<i64, usize> = HashMap::new();
    for r in w.runs.lock().unwrap().iter() {
        *ran.entry(r.tick).or_default() += 1;
    }
    w.stop().await;
    let outcome = Outcome {
        acknowledged,
        ran,
        refused: refused.lock().unwrap().clone(),
        permanent: permanent.lock().unwrap().clone(),
        failover,
    };
    q.purge().await.unwrap();
    outcome
}

/// The queue's depth, read again after a transient error (the sentinel-followed connection
/// fails the call that finds the primary gone, and moves), said in the output with when it
/// came.
async fn pending_and_running(q: &RedisQueue, killed: Instant) -> jobs::backend::QueueDepth {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match q.depth(&[QueueName::ExpireHolds]).await {
            Ok(d) => return d[0].1,
            Err(e) if e.is_transient() && Instant::now() < deadline => {
                say(format_args!(
                    "a depth read {:?} after the kill failed ({e}); reading again",
                    killed.elapsed()
                ));
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("depth: {e}"),
        }
    }
}

/// An error's text without the numbers and addresses that make each one unique.
fn error_kind(text: &str) -> String {
    let mut kind: String = text
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    kind.truncate(120);
    kind
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_push_a_replica_confirmed_runs_after_the_primary_is_killed() {
    // Its topology is its own: the cluster run would only repeat it.
    if crate::support::on_cluster() {
        crate::support::say(format_args!(
            "every_push_a_replica_confirmed_runs_after_the_primary_is_killed: runs on its own \
             Sentinel group, once, in the single-Redis run"
        ));
        return;
    }
    let confirmed = push_through_a_failover(Some(ReplicaWait {
        replicas: 1,
        timeout: Duration::from_millis(500),
    }))
    .await;
    confirmed.print("replica_wait 1 replica / 500 ms");
    assert_eq!(
        confirmed.acknowledged.len(),
        DELIVERIES as usize,
        "every delivery was acknowledged in the end"
    );
    assert!(
        confirmed.permanent.is_empty(),
        "a push refused during the failover must be a transient error (the ingress answers \
         503): {:?}",
        confirmed.permanent
    );
    assert!(
        confirmed
            .refused
            .keys()
            .any(|e| e.contains("replicas confirmed")),
        "pushes made while the replicas were cut off were refused as not replicated: {:?}",
        confirmed.refused
    );
    // An open finding: once in about ten runs a handful of pushes acknowledged right around the
    // promotion (6 of 10,000, their deliveries numbered after the kill) never ran. Without the
    // wait, hundreds do (printed below); more than a handful means the wait stopped working.
    assert!(
        confirmed.lost().len() <= LOST_AT_MOST_WITH_THE_WAIT,
        "acknowledged deliveries whose job never ran: {:?}",
        confirmed.lost()
    );

    // The same run with pushes acknowledged by the primary alone: what it lost is printed, not
    // asserted (it depends on what was in flight to the replicas when it died).
    let unconfirmed = push_through_a_failover(None).await;
    unconfirmed.print("replica_wait off");
    assert_eq!(unconfirmed.acknowledged.len(), DELIVERIES as usize);
    say(format_args!(
        "replica_wait off: {} acknowledged deliveries lost with the primary{}",
        unconfirmed.lost().len(),
        if unconfirmed.lost().is_empty() {
            String::new()
        } else {
            format!(
                " (first: {:?})",
                &unconfirmed.lost()[..unconfirmed.lost().len().min(10)]
            )
        }
    ));
}

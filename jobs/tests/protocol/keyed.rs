//! Keyed jobs on the fast path: a job with an idempotency key and no delay is a keyed inline
//! entry (byte 2) pushed by `push_keyed.lua`, which records its key (`P:idem:<q>:<key>`, `SET NX
//! EX`) in the same call, with no hash. These tests hold every guarantee of the protocol for such
//! jobs: dedupe within the window (and inside one push), a key free again once its window ends,
//! exactly-once enqueue, retries, dead letters, redrive, hand-backs, and counters back at zero.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
    time::Duration,
};

use jobs::{
    EnqueueOptions, JobError, QueueName, RedisQueue, backend::NewJob, domain::IdempotencyKey,
    payloads::ExpireHolds,
};

use redis::AsyncCommands;

use crate::support::*;

const Q: QueueName = QueueName::ExpireHolds;

/// Keyed jobs with ticks `range`, key `k:<tick>`.
fn keyed(range: std::ops::Range<i64>) -> Vec<NewJob> {
    range
        .map(|i| tick_job(i, Some(&format!("k:{i}"))))
        .collect()
}

/// The raw entries of the ready list, oldest (next to be taken) first.
async fn ready_entries(q: &RedisQueue) -> Vec<String> {
    let mut entries: Vec<String> = redis::cmd("LRANGE")
        .arg(format!("{}:q:expire_holds:ready", q.prefix()))
        .arg(0)
        .arg(-1)
        .query_async(&mut redis_conn().await)
        .await
        .unwrap();
    entries.reverse();
    entries
}

fn is_keyed_entry(entry: &str) -> bool {
    entry.starts_with('\u{2}')
}

/// What a recording handler saw: (tick, idempotency key) per run.
type SeenKeys = Arc<Mutex<Vec<(i64, Option<String>)>>>;

/// A handler that succeeds and records each run's tick and key.
fn recording_keys() -> (Behaviour, SeenKeys) {
    let seen: SeenKeys = Arc::default();
    let record = seen.clone();
    let behaviour: Behaviour = Arc::new(move |env| {
        if let Ok(mut r) = record.lock() {
            r.push((env.payload.tick_ms, env.meta.idempotency_key.clone()));
        }
        Box::pin(async { Ok::<(), JobError>(()) })
    });
    (behaviour, seen)
}

/// Every key a recording handler saw, sorted by tick.
fn keys_by_tick(seen: &SeenKeys) -> Vec<(i64, Option<String>)> {
    let mut seen = seen.lock().unwrap().clone();
    seen.sort();
    seen
}

/// The record of idempotency key `key` of the test queue.
fn idem_key(q: &RedisQueue, key: &str) -> String {
    format!("{}:idem:expire_holds:{key}", q.prefix())
}

/// Claims everything ready for `wid` and acks it; returns what was claimed.
async fn claim_and_ack(q: &RedisQueue, wid: &str) -> Vec<jobs::backend::Claimed> {
    let (claimed, _) = q.claim(Q, wid, 1000).await.unwrap();
    let ids: Vec<String> = claimed.iter().map(|c| c.meta.id.clone()).collect();
    assert_eq!(q.ack(Q, wid, &ids).await.unwrap(), ids.len() as u64);
    claimed
}

/// A bulk push of keyed jobs writes the ready list and one record per key, no hash per job; the
/// backlog drains with every job run once, on attempt 1, with its key, leaving the keys' records
/// (they live out their TTL) and the stats key only.
#[tokio::test]
async fn a_keyed_backlog_is_the_ready_list_and_its_keys_and_drains_once_each() {
    let q = fresh_queue(Duration::from_secs(10)).await;
    let out = q.push_many(keyed(0..3000)).await.unwrap();
    assert!(out.iter().all(|e| !e.duplicate));
    assert_eq!(
        out.iter().map(|e| &e.id).collect::<HashSet<_>>().len(),
        3000
    );
    let mut expected_keys: Vec<String> =
        (0..3000).map(|i| idem_key(&q, &format!("k:{i}"))).collect();
    expected_keys.push(format!("{}:q:expire_holds:ready", q.prefix()));
    expected_keys.sort();
    assert_eq!(
        keys(&q).await,
        expected_keys,
        "a keyed job must not write a hash (or anything but its key) at enqueue"
    );
    let entries = ready_entries(&q).await;
    assert_eq!(entries.len(), 3000);
    assert!(entries.iter().all(|e| is_keyed_entry(e)));
    let mut conn = redis_conn().await;
    for (i, e) in out.iter().enumerate().step_by(97) {
        let held: String = conn.get(idem_key(&q, &format!("k:{i}"))).await.unwrap();
        assert_eq!(held, e.id, "job {i}");
    }
    assert_eq!(exact_depth(&q).await, (3000, 0, 0, 0));

    let (record_key, seen_keys) = recording_keys();
    let w = start_worker(&q, 32, fast_policy(0, 10), record_key);
    let drained = eventually(Duration::from_secs(60), || async {
        exact_depth(&q).await == (0, 0, 0, 0) && stat(&q, "completed").await == 3000
    })
    .await;
    let runs = w.runs.lock().unwrap().clone();
    w.stop().await;
    assert!(drained, "left: {:?}", exact_depth(&q).await);
    assert_eq!(runs.len(), 3000);
    assert!(runs.iter().all(|r| r.attempt == 1));
    assert_eq!(
        keys_by_tick(&seen_keys),
        (0..3000)
            .map(|i| (i, Some(format!("k:{i}"))))
            .collect::<Vec<_>>()
    );
    expected_keys.retain(|k| !k.ends_with(":ready"));
    expected_keys.push(format!("{}:q:expire_holds:stats", q.prefix()));
    assert_eq!(keys(&q).await, expected_keys);
}

/// A second push of a key enqueues nothing and answers the first job's id: while the first job
/// waits, after it ran, after it died; alone or in a bulk push.
#[tokio::test]
async fn a_key_pushed_again_within_the_window_enqueues_nothing() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let first = q
        .enqueue(
            &ExpireHolds { tick_ms: 1 },
            EnqueueOptions::keyed(IdempotencyKey::parse("wa:wamid.1").unwrap()),
        )
        .await
        .unwrap();
    assert!(!first.duplicate);
    let again = |tick| tick_job(tick, Some("wa:wamid.1"));

    // Waiting: alone, and among new keys in one push.
    let single = q.push_many(vec![again(2)]).await.unwrap();
    assert_eq!(single[0].id, first.id);
    assert!(single[0].duplicate);
    let mut bulk = keyed(10..14);
    bulk.insert(2, again(3));
    let out = q.push_many(bulk).await.unwrap();
    assert_eq!(
        out.iter().map(|e| e.duplicate).collect::<Vec<_>>(),
        vec![false, false, true, false, false]
    );
    assert_eq!(out[2].id, first.id);
    assert_eq!(exact_depth(&q).await, (5, 0, 0, 0));

    // After it ran.
    let claimed = claim_and_ack(&q, "w").await;
    assert_eq!(claimed.len(), 5);
    assert_eq!(claimed[0].meta.id, first.id);
    assert_eq!(
        claimed[0].meta.idempotency_key.as_deref(),
        Some("wa:wamid.1")
    );
    let after_run = q.push_many(vec![again(4)]).await.unwrap();
    assert_eq!(
        (after_run[0].id.as_str(), after_run[0].duplicate),
        (first.id.as_str(), true)
    );

    // After it died (and after its dead letter was redriven and ran).
    let died = q.push_many(keyed(20..21)).await.unwrap()[0].id.clone();
    let (claimed, _) = q.claim(Q, "w", 1).await.unwrap();
    assert_eq!(claimed[0].meta.id, died);
    assert!(q.fail(Q, "w", &died, None, false, "bad").await.unwrap());
    let dup = q.push_many(keyed(20..21)).await.unwrap();
    assert_eq!(
        (dup[0].id.as_str(), dup[0].duplicate),
        (died.as_str(), true)
    );
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 1));
    assert_eq!(q.redrive_all(Q).await.unwrap(), 1);
    claim_and_ack(&q, "w").await;
    assert!(q.push_many(keyed(20..21)).await.unwrap()[0].duplicate);

    q.release(Q, "w").await.unwrap();
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(stat(&q, "completed").await, 6);
    assert_eq!(stat(&q, "running").await, 0);
}

/// A key met twice in one push (within a chunk, across chunks, and as the only key of a run
/// that also holds plain jobs) is enqueued once; the repeats answer the first job's id; the
/// ready list keeps the push order of what was enqueued.
#[tokio::test]
async fn a_key_twice_in_one_push_is_enqueued_once() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let jobs = vec![
        tick_job(0, Some("a")),
        tick_job(1, Some("b")),
        tick_job(2, Some("a")),
        tick_job(3, None),
        tick_job(4, Some("b")),
    ];
    let out = q.push_many(jobs).await.unwrap();
    assert_eq!(
        out.iter().map(|e| e.duplicate).collect::<Vec<_>>(),
        vec![false, false, true, false, true]
    );
    assert_eq!(out[2].id, out[0].id);
    assert_eq!(out[4].id, out[1].id);
    let order: Vec<String> = q
        .claim(Q, "w", 10)
        .await
        .unwrap()
        .0
        .into_iter()
        .map(|c| c.meta.id)
        .collect();
    assert_eq!(
        order,
        vec![out[0].id.clone(), out[1].id.clone(), out[3].id.clone()]
    );

    // Across chunks of one push (1,000 jobs each): job 1,200 repeats job 3's key.
    let mut jobs = keyed(100..1600);
    jobs[1200] = tick_job(5000, Some("k:103"));
    let out = q.push_many(jobs).await.unwrap();
    assert_eq!(out.iter().filter(|e| e.duplicate).count(), 1);
    assert!(out[1200].duplicate);
    assert_eq!(out[1200].id, out[3].id);

    // One key amid plain jobs (one script call for the run), then the same key again.
    let out = q
        .push_many(vec![
            tick_job(6000, None),
            tick_job(6001, Some("c")),
            tick_job(6002, None),
        ])
        .await
        .unwrap();
    assert!(out.iter().all(|e| !e.duplicate));
    let again = q
        .push_many(vec![tick_job(6003, None), tick_job(6004, Some("c"))])
        .await
        .unwrap();
    assert_eq!((again[0].duplicate, again[1].duplicate), (false, true));
    assert_eq!(again[1].id, out[1].id);

    // 3 (claimed) + 1,499 + 3 + 1 jobs went in, each once.
    assert_eq!(exact_depth(&q).await, (1503, 3, 0, 0));
}

/// A key's record carries the configured TTL, and once it has expired (the window is over) the
/// key enqueues a new job; until then it is a duplicate.
#[tokio::test]
async fn a_key_is_free_again_once_its_window_is_over() {
    let q = queue_at(redis_url(), &fresh_prefix(), Duration::from_secs(5), |c| {
        c.idempotency_ttl = Duration::from_secs(1)
    })
    .await;
    let first = q.push_many(keyed(1..2)).await.unwrap()[0].clone();
    assert!(!first.duplicate);
    let mut conn = redis_conn().await;
    let ttl: i64 = conn.pttl(idem_key(&q, "k:1")).await.unwrap();
    assert!(ttl > 0 && ttl <= 1000, "ttl was {ttl} ms");
    let again = q.push_many(keyed(1..2)).await.unwrap()[0].clone();
    assert_eq!(
        (again.id.as_str(), again.duplicate),
        (first.id.as_str(), true)
    );

    let expired = eventually(Duration::from_secs(3), || async {
        let n: i64 = redis_conn()
            .await
            .exists(idem_key(&q, "k:1"))
            .await
            .unwrap();
        n == 0
    })
    .await;
    assert!(expired);
    let later = q.push_many(keyed(1..2)).await.unwrap()[0].clone();
    assert!(!later.duplicate);
    assert_ne!(later.id, first.id);
    assert_eq!(exact_depth(&q).await, (2, 0, 0, 0));
    let held: String = conn.get(idem_key(&q, "k:1")).await.unwrap();
    assert_eq!(held, later.id);
}

/// A keyed delayed job (which takes the push script, by id) and a keyed inline one share their
/// keys' records: each is a duplicate of the other.
#[tokio::test]
async fn delayed_and_inline_keyed_jobs_share_their_keys() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let mut delayed = tick_job(1, Some("d"));
    delayed.options.delay = Some(Duration::from_secs(60));
    let out = q
        .push_many(vec![delayed.clone(), tick_job(2, Some("i"))])
        .await
        .unwrap();
    assert!(out.iter().all(|e| !e.duplicate));
    let inline_d = tick_job(3, Some("d"));
    let mut delayed_i = tick_job(4, Some("i"));
    delayed_i.options.delay = Some(Duration::from_secs(60));
    let again = q.push_many(vec![inline_d, delayed_i]).await.unwrap();
    assert_eq!(
        again
            .iter()
            .map(|e| (e.id.clone(), e.duplicate))
            .collect::<Vec<_>>(),
        vec![(out[0].id.clone(), true), (out[1].id.clone(), true)]
    );
    assert_eq!(exact_depth(&q).await, (1, 0, 1, 0));
    let mut conn = redis_conn().await;
    let held: Vec<String> = conn
        .mget(&[idem_key(&q, "d"), idem_key(&q, "i")])
        .await
        .unwrap();
    assert_eq!(held, vec![out[0].id.clone(), out[1].id.clone()]);
}

/// A keyed inline job that fails transiently waits its backoff by id (its hash, written at claim,
/// expanded with its key), runs again on attempt 2 with its key; failing permanently it is a
/// dead letter that shows its key; redriven, it runs on a fresh attempt 1 with its key.
#[tokio::test]
async fn a_keyed_inline_job_retries_dies_and_is_redriven_with_its_key() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let id = q.push_many(keyed(7..8)).await.unwrap()[0].id.clone();

    let (claimed, _) = q.claim(Q, "w", 1).await.unwrap();
    assert_eq!(claimed[0].meta.id, id);
    assert_eq!(
        (
            claimed[0].meta.attempt,
            claimed[0].meta.idempotency_key.as_deref()
        ),
        (1, Some("k:7"))
    );
    assert!(
        q.fail(Q, "w", &id, Some(Duration::from_millis(100)), false, "503")
            .await
            .unwrap()
    );
    assert_eq!(job_field(&q, &id, "k").await.as_deref(), Some("k:7"));
    assert_eq!(job_field(&q, &id, "i").await, None, "expanded on failure");
    assert_eq!(exact_depth(&q).await, (0, 0, 1, 0));

    let retried = eventually(Duration::from_secs(3), || async {
        let (c, _) = q.claim(Q, "w", 1).await.unwrap();
        match c.first() {
            Some(c) => {
                assert_eq!(
                    (
                        c.meta.attempt,
                        c.meta.idempotency_key.as_deref(),
                        c.payload.as_str()
                    ),
                    (2, Some("k:7"), "{\"tick_ms\":7}")
                );
                true
            }
            None => false,
        }
    })
    .await;
    assert!(retried);
    assert!(
        q.fail(Q, "w", &id, None, false, "bad payload")
            .await
            .unwrap()
    );
    let dead = q.dead_letters(Q, 10).await.unwrap();
    assert_eq!(dead.len(), 1);
    assert_eq!(
        (
            dead[0].id.as_str(),
            dead[0].idempotency_key.as_str(),
            dead[0].attempts,
            dead[0].payload.as_str()
        ),
        (id.as_str(), "k:7", 2, "{\"tick_ms\":7}")
    );
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 1));

    assert_eq!(q.redrive(Q, std::slice::from_ref(&id)).await.unwrap(), 1);
    let claimed = claim_and_ack(&q, "w").await;
    assert_eq!(
        (
            claimed[0].meta.attempt,
            claimed[0].meta.idempotency_key.as_deref()
        ),
        (1, Some("k:7"))
    );
    q.release(Q, "w").await.unwrap();
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(
        (
            stat(&q, "retried").await,
            stat(&q, "dead").await,
            stat(&q, "completed").await
        ),
        (1, 1, 1)
    );
    assert_eq!(
        keys(&q).await,
        vec![
            idem_key(&q, "k:7"),
            format!("{}:q:expire_holds:stats", q.prefix())
        ]
    );
}

/// A keyed entry a blocking fetch moved but no claim took goes back as it was (release,
/// recover: still a keyed inline entry, no hash); once claimed it goes back as a bare id whose
/// hash holds the key (reconcile). Either way a real worker runs each job exactly once more,
/// with the right attempt and its key, and the counters come back to zero.
#[tokio::test]
async fn keyed_entries_handed_back_before_or_after_their_claim_keep_key_and_attempts() {
    let q = fresh_queue(Duration::from_millis(300)).await;
    let ids: Vec<String> = q
        .push_many(keyed(0..4))
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    let mut blocking = q.blocking_connection().await.unwrap();

    // release: fetched, never claimed.
    let fetched = q
        .wait_ready(&mut blocking, Q, "w1", Duration::from_millis(100))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(fetched, ids[0]);
    assert_eq!(q.release(Q, "w1").await.unwrap(), 1);
    assert_eq!(job_field(&q, &fetched, "a").await, None);
    let entries = ready_entries(&q).await;
    assert_eq!(entries.len(), 4);
    assert!(entries.iter().all(|e| is_keyed_entry(e)));
    assert!(entries[0].contains(&ids[0]), "released to the taking end");

    // recover: a worker that registered, fetched one entry and vanished.
    q.claim(Q, "ghost", 0).await.unwrap();
    let ghost = q
        .wait_ready(&mut blocking, Q, "ghost", Duration::from_millis(100))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ghost, ids[0]);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(q.recover().await.unwrap(), (1, 0));
    assert!(ready_entries(&q).await.iter().all(|e| is_keyed_entry(e)));
    assert_eq!(exact_depth(&q).await, (4, 0, 0, 0));

    // reconcile after the claim: an unseen claim gets its attempt back, an unrecorded run keeps
    // it; both are bare ids whose hashes hold their keys.
    let claimed = q.claim(Q, "w3", 2).await.unwrap().0;
    assert_eq!(
        claimed
            .iter()
            .map(|c| (c.meta.id.clone(), c.meta.idempotency_key.clone()))
            .collect::<Vec<_>>(),
        vec![
            (ids[0].clone(), Some("k:0".to_owned())),
            (ids[1].clone(), Some("k:1".to_owned()))
        ]
    );
    let back = q
        .reconcile(Q, "w3", &[], std::slice::from_ref(&ids[1]))
        .await
        .unwrap();
    assert_eq!(back, (2, 0));
    assert_eq!(job_field(&q, &ids[0], "a").await.as_deref(), Some("0"));
    assert_eq!(job_field(&q, &ids[1], "a").await.as_deref(), Some("1"));
    assert_eq!(job_field(&q, &ids[1], "k").await.as_deref(), Some("k:1"));
    let entries = ready_entries(&q).await;
    assert_eq!(entries.iter().filter(|e| is_keyed_entry(e)).count(), 2);

    // The keys still dedupe while the jobs wait in any form.
    assert!(
        q.push_many(keyed(0..4))
            .await
            .unwrap()
            .iter()
            .all(|e| e.duplicate)
    );

    let (record, keys_seen) = recording_keys();
    let w = start_worker(&q, 4, fast_policy(3, 10), record);
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 4 }).await);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let runs = w.ticks_and_attempts();
    w.stop().await;
    assert_eq!(runs, vec![(0, 1), (1, 2), (2, 1), (3, 1)]);
    assert_eq!(
        keys_by_tick(&keys_seen),
        (0..4)
            .map(|i| (i, Some(format!("k:{i}"))))
            .collect::<Vec<_>>()
    );
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(stat(&q, "completed").await, 4);
    let mut expected: Vec<String> = (0..4).map(|i| idem_key(&q, &format!("k:{i}"))).collect();
    expected.push(format!("{}:q:expire_holds:stats", q.prefix()));
    assert_eq!(keys(&q).await, expected);
}

/// A worker that claimed keyed jobs and died: once its lease lapses, `recover` hands each back
/// with its attempt counted and its key in its hash; one on its last attempt becomes a dead
/// letter that shows its key, the other runs again on attempt 2 with its key.
#[tokio::test]
async fn keyed_jobs_of_a_dead_worker_are_recovered_with_key_and_attempt() {
    let q = fresh_queue(Duration::from_millis(300)).await;
    let mut last = tick_job(1, Some("k:1"));
    last.max_attempts = 1;
    let ids: Vec<String> = q
        .push_many(vec![last, tick_job(2, Some("k:2"))])
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    let claimed = q.claim(Q, "ghost", 2).await.unwrap().0;
    assert_eq!(claimed.len(), 2);
    assert_eq!(exact_depth(&q).await, (0, 2, 0, 0));

    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(q.recover().await.unwrap(), (1, 1));
    assert_eq!(exact_depth(&q).await, (1, 0, 0, 1));
    let dead = q.dead_letters(Q, 10).await.unwrap();
    assert_eq!(
        (dead[0].id.as_str(), dead[0].idempotency_key.as_str()),
        (ids[0].as_str(), "k:1")
    );
    assert!(dead[0].last_error.contains("lease expired"));
    assert_eq!(job_field(&q, &ids[1], "k").await.as_deref(), Some("k:2"));

    let (record, seen) = recording_keys();
    let w = start_worker(&q, 2, fast_policy(3, 10), record);
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 1 }).await);
    let runs = w.ticks_and_attempts();
    w.stop().await;
    assert_eq!(runs, vec![(2, 2)]);
    assert_eq!(keys_by_tick(&seen), vec![(2, Some("k:2".to_owned()))]);
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 1));
    assert_eq!(stat(&q, "running").await, 0);
    // Both keys still hold their jobs: a redelivery enqueues nothing.
    assert!(
        q.push_many(keyed(1..3))
            .await
            .unwrap()
            .iter()
            .all(|e| e.duplicate)
    );
}

//! Inline ready entries: a plain job (no idempotency key, no delay) is enqueued as one entry of a
//! variadic `LPUSH` carrying the whole job, with no hash; its claim writes the hash. These tests
//! hold the protocol's guarantees for such entries, alone and mixed with bare ids.

use std::{collections::HashSet, sync::Arc, time::Duration};

use jobs::{EnqueueOptions, JobError, QueueName, RedisQueue, payloads::ExpireHolds};

use crate::support::*;

const Q: QueueName = QueueName::ExpireHolds;

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

fn is_inline(entry: &str) -> bool {
    entry.starts_with('\u{1}')
}

/// A bulk push writes nothing but the ready list (no hash per job), `pending` counts every
/// entry, and the backlog drains with every job run once, on its first attempt, leaving only
/// the stats key.
#[tokio::test]
async fn an_inline_backlog_is_only_the_ready_list_and_drains_once_each() {
    let q = fresh_queue(Duration::from_secs(10)).await;
    for chunk in 0..5 {
        let jobs = (0..1000)
            .map(|i| tick_job(chunk * 1000 + i, None))
            .collect();
        q.push_many(jobs).await.unwrap();
    }
    assert_eq!(
        keys(&q).await,
        vec![format!("{}:q:expire_holds:ready", q.prefix())],
        "a plain job must not write a hash (or anything else) at enqueue"
    );
    let entries = ready_entries(&q).await;
    assert_eq!(entries.len(), 5000);
    assert!(entries.iter().all(|e| is_inline(e)));
    assert_eq!(exact_depth(&q).await, (5000, 0, 0, 0));

    let w = start_worker(&q, 32, fast_policy(0, 10), ok());
    let drained = eventually(Duration::from_secs(60), || async {
        exact_depth(&q).await == (0, 0, 0, 0) && stat(&q, "completed").await == 5000
    })
    .await;
    let runs = w.runs.lock().unwrap().clone();
    w.stop().await;
    assert!(drained, "left: {:?}", exact_depth(&q).await);
    assert_eq!(runs.len(), 5000);
    assert_eq!(
        runs.iter().map(|r| r.tick).collect::<HashSet<_>>().len(),
        5000
    );
    assert!(runs.iter().all(|r| r.attempt == 1));
    // FIFO: one worker claims in push order (runs may finish out of order within a batch, so
    // compare the first and last few only loosely: the first run is among the first pushed).
    assert!(runs[0].tick < 64, "first run was tick {}", runs[0].tick);
    assert_eq!(keys(&q).await, stats_only(&q));
}

/// An inline entry a blocking fetch moved but no claim took goes back inline (release, recover);
/// one that was claimed goes back as a bare id with its hash (reconcile); either way it runs
/// exactly once more, with the right attempt.
#[tokio::test]
async fn inline_entries_handed_back_before_or_after_their_claim_keep_their_attempts() {
    let q = fresh_queue(Duration::from_millis(300)).await;
    let ids = push_ticks(&q, 4).await;
    let mut blocking = q.blocking_connection().await.unwrap();

    // release: fetched (never claimed) → back to ready, still inline, still no hash.
    let fetched = q
        .wait_ready(&mut blocking, Q, "w1", Duration::from_millis(100))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        fetched, ids[0],
        "wait_ready answers the job id, not the entry"
    );
    assert_eq!(q.release(Q, "w1").await.unwrap(), 1);
    assert_eq!(job_field(&q, &fetched, "a").await, None);
    let entries = ready_entries(&q).await;
    assert_eq!(entries.len(), 4);
    assert!(entries.iter().all(|e| is_inline(e)));
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
    assert_eq!(job_field(&q, &ghost, "a").await, None);
    assert!(ready_entries(&q).await.iter().all(|e| is_inline(e)));
    assert_eq!(exact_depth(&q).await, (4, 0, 0, 0));

    // reconcile after the claim: an unseen claim gets its attempt back, an unrecorded run keeps
    // it; both are bare ids with hashes now, at the taking end.
    let claimed = q.claim(Q, "w3", 2).await.unwrap().0;
    assert_eq!(
        claimed
            .iter()
            .map(|c| c.meta.id.clone())
            .collect::<Vec<_>>(),
        ids[..2].to_vec()
    );
    assert!(claimed.iter().all(|c| c.meta.attempt == 1));
    assert_eq!(job_field(&q, &ids[0], "a").await.as_deref(), Some("1"));
    assert_eq!(exact_depth(&q).await, (2, 2, 0, 0));
    let back = q
        .reconcile(Q, "w3", &[], std::slice::from_ref(&ids[1]))
        .await
        .unwrap();
    assert_eq!(back, (2, 0));
    assert_eq!(job_field(&q, &ids[0], "a").await.as_deref(), Some("0"));
    assert_eq!(job_field(&q, &ids[1], "a").await.as_deref(), Some("1"));
    let entries = ready_entries(&q).await;
    assert_eq!(entries.len(), 4);
    assert_eq!(entries.iter().filter(|e| is_inline(e)).count(), 2);

    // A real worker runs each job exactly once, with the attempt each has earned.
    let w = start_worker(&q, 4, fast_policy(3, 10), ok());
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 4 }).await);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let runs = w.ticks_and_attempts();
    w.stop().await;
    assert_eq!(runs, vec![(0, 1), (1, 2), (2, 1), (3, 1)]);
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(stat(&q, "completed").await, 4);
    assert_eq!(keys(&q).await, stats_only(&q));
}

/// One push mixing plain, keyed, delayed and traced jobs: plain and keyed ones go inline (keyed
/// ones as keyed entries, byte 2), delayed and odd ones through the script; the ready list keeps
/// the push order across every kind; every field of the job comes back at claim; `pending`
/// counts every kind.
#[tokio::test]
async fn inline_and_scripted_jobs_mix_in_one_queue_in_push_order() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let traced = EnqueueOptions {
        traceparent: Some("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".into()),
        request_id: Some("req-42".into()),
        ..Default::default()
    };
    // A request id holding the inline separator cannot go inline: it takes the script.
    let odd = EnqueueOptions {
        request_id: Some("odd\u{1f}id".into()),
        ..Default::default()
    };
    let delayed = EnqueueOptions {
        delay: Some(Duration::from_millis(300)),
        ..Default::default()
    };
    let new = |tick, o: &EnqueueOptions| {
        jobs::backend::NewJob::new(&ExpireHolds { tick_ms: tick }, o.clone()).unwrap()
    };
    let mut limited = tick_job(2, None);
    limited.max_attempts = 7;
    let jobs = vec![
        tick_job(0, None),
        tick_job(1, Some("tick:1")),
        limited,
        new(3, &traced),
        new(4, &delayed),
        tick_job(5, Some("tick:5")),
        new(6, &odd),
        tick_job(7, None),
    ];
    let before = chrono::Utc::now().timestamp_millis();
    let out = q.push_many(jobs).await.unwrap();
    assert_eq!(out.len(), 8);
    assert!(out.iter().all(|e| !e.duplicate && e.id.len() == 32));
    assert_eq!(out.iter().map(|e| &e.id).collect::<HashSet<_>>().len(), 8);

    let entries = ready_entries(&q).await;
    assert_eq!(
        entries.iter().map(|e| is_inline(e)).collect::<Vec<_>>(),
        vec![true, false, true, true, false, false, true],
        "{entries:?}"
    );
    assert!(
        [1, 4].iter().all(|&at| entries[at].starts_with('\u{2}')),
        "keyed jobs are keyed inline entries: {entries:?}"
    );
    // Hashes exist for the scripted ones only (delayed, odd); keyed ones have none until their
    // claim.
    for (i, e) in out.iter().enumerate() {
        let scripted = [4, 6].contains(&i);
        assert_eq!(
            job_field(&q, &e.id, "p").await.is_some(),
            scripted,
            "job {i}"
        );
    }
    assert_eq!(exact_depth(&q).await, (7, 0, 1, 0));

    // A keyed duplicate in the next push still points at the first job.
    let again = q
        .push_many(vec![tick_job(1, Some("tick:1"))])
        .await
        .unwrap();
    assert!(again[0].duplicate);
    assert_eq!(again[0].id, out[1].id);

    let (claimed, _) = q.claim(Q, "w", 10).await.unwrap();
    assert_eq!(
        claimed
            .iter()
            .map(|c| c.meta.id.as_str())
            .collect::<Vec<_>>(),
        [0, 1, 2, 3, 5, 6, 7].map(|i| out[i].id.as_str()).to_vec(),
        "claim order is push order"
    );
    assert!(claimed.iter().all(|c| c.meta.attempt == 1));
    let by_tick = |t: i64| {
        claimed
            .iter()
            .find(|c| c.payload == format!("{{\"tick_ms\":{t}}}"))
            .unwrap()
    };
    assert_eq!(by_tick(2).meta.max_attempts, 7);
    let three = &by_tick(3).meta;
    assert_eq!(three.traceparent, traced.traceparent);
    assert_eq!(three.request_id.as_deref(), Some("req-42"));
    assert_eq!(three.idempotency_key, None);
    assert!(three.enqueued_at_ms >= before - 1000 && three.enqueued_at_ms <= before + 60_000);
    assert_eq!(by_tick(1).meta.idempotency_key.as_deref(), Some("tick:1"));
    assert_eq!(by_tick(6).meta.request_id.as_deref(), Some("odd\u{1f}id"));
    assert_eq!(by_tick(0).meta.max_attempts, by_tick(1).meta.max_attempts);
    // After the claim every job is a bare id with a hash and its attempt counted: scripted
    // ones with their fields, inline ones with their entry kept whole (expanded only if a
    // failure or a hand-back ever needs the fields).
    for c in &claimed {
        assert_eq!(job_field(&q, &c.meta.id, "a").await.as_deref(), Some("1"));
        let queue = job_field(&q, &c.meta.id, "q").await;
        let entry = job_field(&q, &c.meta.id, "i").await;
        assert!(
            queue.as_deref() == Some("expire_holds")
                || entry.is_some_and(|e| {
                    (e.starts_with('\u{1}') || e.starts_with('\u{2}')) && e.contains(&c.meta.id)
                }),
            "{}",
            c.meta.id
        );
    }
    assert_eq!(exact_depth(&q).await, (0, 7, 1, 0));
    let ids: Vec<String> = claimed.iter().map(|c| c.meta.id.clone()).collect();
    assert_eq!(q.ack(Q, "w", &ids).await.unwrap(), 7);

    // The delayed one runs in its time.
    let late = eventually(Duration::from_secs(3), || async {
        let (c, _) = q.claim(Q, "w", 10).await.unwrap();
        let ids: Vec<String> = c.into_iter().map(|c| c.meta.id).collect();
        q.ack(Q, "w", &ids).await.unwrap() == 1
    })
    .await;
    assert!(late);
    q.release(Q, "w").await.unwrap();
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(stat(&q, "completed").await, 8);
    let p = q.prefix();
    assert_eq!(
        keys(&q).await,
        vec![
            format!("{p}:idem:expire_holds:tick:1"),
            format!("{p}:idem:expire_holds:tick:5"),
            format!("{p}:q:expire_holds:stats"),
        ]
    );
}

/// A job pushed inline that fails transiently is retried as a bare id: it waits its backoff in
/// the schedule (with its hash, written at claim), runs again on attempt 2, and completes.
#[tokio::test]
async fn an_inline_job_that_fails_waits_its_backoff_and_runs_again() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let id = q.push_many(vec![tick_job(1, None)]).await.unwrap()[0]
        .id
        .clone();
    let (claimed, _) = q.claim(Q, "w", 1).await.unwrap();
    assert_eq!(claimed[0].meta.id, id);
    assert_eq!(claimed[0].meta.attempt, 1);
    assert!(
        q.fail(Q, "w", &id, Some(Duration::from_millis(300)), false, "503")
            .await
            .unwrap()
    );
    assert_eq!(exact_depth(&q).await, (0, 0, 1, 0));
    assert_eq!(job_field(&q, &id, "err").await.as_deref(), Some("503"));
    // Not before its backoff.
    assert!(q.claim(Q, "w", 1).await.unwrap().0.is_empty());

    let w = start_worker(&q, 2, fast_policy(3, 10), ok());
    assert!(eventually(Duration::from_secs(3), || async { w.run_count() == 1 }).await);
    let run = w.runs.lock().unwrap()[0].clone();
    w.stop().await;
    assert_eq!((run.tick, run.attempt), (1, 2));
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(stat(&q, "retried").await, 1);
    assert_eq!(stat(&q, "completed").await, 1);
    q.release(Q, "w").await.unwrap();
    assert_eq!(keys(&q).await, stats_only(&q));
}

/// A worker whose handler fails the first run of inline jobs: each goes through backoff and
/// completes on its second attempt; the counters balance.
#[tokio::test]
async fn inline_jobs_retried_by_a_worker_complete_on_the_second_attempt() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    push_ticks(&q, 50).await;
    let first_fails: Behaviour = Arc::new(|env| {
        let attempt = env.meta.attempt;
        Box::pin(async move {
            if attempt == 1 {
                Err(JobError::transient("timeout"))
            } else {
                Ok(())
            }
        })
    });
    let w = start_worker(&q, 8, fast_policy(2, 50), first_fails);
    assert!(
        eventually(Duration::from_secs(5), || async {
            stat(&q, "completed").await == 50
        })
        .await
    );
    let runs = w.ticks_and_attempts();
    w.stop().await;
    let expected: Vec<(i64, u32)> = (0..50).flat_map(|t| [(t, 1), (t, 2)]).collect();
    assert_eq!(runs, expected);
    assert_eq!(stat(&q, "retried").await, 50);
    assert_eq!(exact_depth(&q).await, (0, 0, 0, 0));
    assert_eq!(keys(&q).await, stats_only(&q));
}

/// An entry that looks inline but cannot be parsed is dropped by the claim, not run, not
/// counted, and not looped on.
#[tokio::test]
async fn a_malformed_inline_entry_is_dropped_by_the_claim() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let _: i64 = redis::cmd("LPUSH")
        .arg(format!("{}:q:expire_holds:ready", q.prefix()))
        .arg("\u{1}no-separators")
        .query_async(&mut redis_conn().await)
        .await
        .unwrap();
    q.push_many(vec![tick_job(1, None)]).await.unwrap();
    let (claimed, _) = q.claim(Q, "w", 5).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].payload, "{\"tick_ms\":1}");
    assert_eq!(exact_depth(&q).await, (0, 1, 0, 0));
    assert_eq!(
        q.ack(Q, "w", &[claimed[0].meta.id.clone()]).await.unwrap(),
        1
    );
    q.release(Q, "w").await.unwrap();
    assert_eq!(keys(&q).await, stats_only(&q));
}

//! The transactional outbox under faults: a worker that dies between its commit and its flush,
//! a send that fails, a row relayed twice. Each time the guest gets the reply exactly once.

use std::time::Duration;

use jobs::{
    EnqueueOptions,
    domain::IdempotencyKey,
    effects::{Effect, FollowUp},
    payloads::{Channel, ParseIntent, SendReply, SyncIcal},
};
use store::outbox::{Cause, NewEffect};
use wiremock::{
    Mock, MockServer, ResponseTemplate,
    matchers::{body_string_contains, method, path},
};

use crate::support::*;

const NUMBER_ID: &str = "106540352242922";

/// The fake Graph API answers every send; `expect(n)` checks how many it got.
async fn graph_expecting(text: &str, n: u64) -> MockServer {
    let graph = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/{NUMBER_ID}/messages")))
        .and(body_string_contains(text))
        .respond_with(graph_ok())
        .expect(n)
        .mount(&graph)
        .await;
    graph
}

async fn pending_rows(fleet: &Fleet) -> i64 {
    count(
        &fleet.db,
        "SELECT count(*) FROM outbox WHERE status = 'pending'",
    )
    .await
}

#[tokio::test]
async fn a_worker_killed_between_commit_and_flush_still_answers_once_through_the_sweeper() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101030").await;
    let graph = graph_expecting("Decime el día de llegada", 1).await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let ingress = fleet.spawn_ingress().await;

    // This worker commits the guest's turn (state, message, reply row) and dies before it
    // hands the reply to the queue.
    let mut doomed = fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "parse_intent"),
            ("FLEET_TEST_CRASH_AFTER_COMMIT", "parse_intent"),
        ],
    );
    let guest = Guest::whatsapp(&ingress, NUMBER_ID, "5491155551234", WA_SECRET);
    guest.say("hola, ¿tenés lugar?").await.unwrap();
    let died = wait_exit(&mut doomed, Duration::from_secs(15)).expect("the worker dies");
    assert!(!died.success(), "it died: {died:?}");
    assert_eq!(pending_rows(&fleet).await, 1, "committed, never relayed");
    assert_eq!(fleet.depth(jobs::QueueName::SendReply).await.pending, 0);

    // A worker that does not serve parse_intent, so the dead job is not run again: only the
    // sweeper can find the reply.
    let mut workers = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "send_reply"),
            ("OUTBOX_SWEEP_GRACE_MS", "300"),
            ("OUTBOX_SWEEP_EVERY_MS", "200"),
        ],
    )]);
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(
                &fleet.db,
                "SELECT count(*) FROM outbound_messages WHERE status = 'sent'",
            )
            .await
                == 1
        })
        .await,
        "the sweeper relayed the reply and it was sent"
    );

    // Now the dead job runs again (its lease lapsed): it finds its effects committed and sends
    // nothing more.
    workers
        .0
        .push(fleet.spawn_worker(WORKER, &env, &[("WORKER_QUEUES", "parse_intent")]));
    assert!(
        eventually(Duration::from_secs(15), || async {
            let d = fleet.depth(jobs::QueueName::ParseIntent).await;
            d.pending + d.running + d.scheduled == 0
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(pending_rows(&fleet).await, 0);
    assert_eq!(fleet.depth(jobs::QueueName::ParseIntent).await.dead, 0);
    graph.verify().await;
    drop(workers);
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_send_that_fails_is_retried_and_the_guest_gets_one_message() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101031").await;
    let graph = MockServer::start().await;
    // The first send fails (Meta's 500), the retry goes through: two calls, one message.
    Mock::given(method("POST"))
        .and(path(format!("/{NUMBER_ID}/messages")))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .expect(1)
        .mount(&graph)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/{NUMBER_ID}/messages")))
        .respond_with(graph_ok())
        .expect(1)
        .mount(&graph)
        .await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[("WORKER_QUEUES", "parse_intent,send_reply")],
    )]);
    let ingress = fleet.spawn_ingress().await;
    let guest = Guest::whatsapp(&ingress, NUMBER_ID, "5491155551234", WA_SECRET);
    guest.say("hola!").await.unwrap();
    assert!(
        eventually(Duration::from_secs(15), || async {
            count(
                &fleet.db,
                "SELECT count(*) FROM outbound_messages WHERE status = 'sent' AND attempts = 2",
            )
            .await
                == 1
        })
        .await,
        "sent on the second attempt, the failure recorded"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    graph.verify().await;
    fleet.drop_db().await;
}

#[tokio::test]
async fn a_reply_relayed_twice_is_sent_once() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101032").await;
    let graph = graph_expecting("relayed twice", 1).await;
    // A committed reply row whose relay already pushed its send job but never marked the row
    // (the mark was lost): the sweeper pushes it again.
    let channel = Channel::Whatsapp {
        phone_number_id: NUMBER_ID.into(),
        from: jobs::domain::PhoneNumber::parse("5491155551234").unwrap(),
    };
    let mut tx = fleet.db.begin().await.unwrap();
    let cause = Cause {
        key: "test:cause",
        traceparent: None,
        request_id: None,
    };
    let effect = NewEffect::new(
        "test:cause:reply:0",
        Effect::text(&channel, "relayed twice"),
    );
    store::outbox::write(&mut tx, cause, &[effect])
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let send = SendReply {
        cause_key: "test:cause:reply:0".into(),
        reply: None,
    };
    let key = IdempotencyKey::namespaced("reply", "test:cause:reply:0").unwrap();
    fleet
        .queue
        .enqueue(&send, EnqueueOptions::keyed(key))
        .await
        .unwrap();

    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "send_reply"),
            ("OUTBOX_SWEEP_GRACE_MS", "0"),
            ("OUTBOX_SWEEP_EVERY_MS", "100"),
        ],
    )]);
    assert!(
        eventually(Duration::from_secs(15), || async {
            pending_rows(&fleet).await == 0
                && count(
                    &fleet.db,
                    "SELECT count(*) FROM outbound_messages WHERE status = 'sent'",
                )
                .await
                    == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    graph.verify().await;
    fleet.drop_db().await;
}

/// Deletes what a Redis failover loses when the old primary dies before a replica has the last
/// push: the reply's job and its dedupe record. Answers how many keys went.
async fn lose_reply_jobs(fleet: &Fleet) -> usize {
    let mut conn = redis::Client::open(fleet.redis_url.as_str())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let prefix = fleet.queue.prefix();
    let mut keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{prefix}:idem:send_reply:*"))
        .query_async(&mut conn)
        .await
        .unwrap();
    keys.push(format!("{prefix}:q:send_reply:ready"));
    redis::cmd("DEL")
        .arg(&keys)
        .query_async::<usize>(&mut conn)
        .await
        .unwrap()
}

async fn sent_rows(fleet: &Fleet) -> i64 {
    count(
        &fleet.db,
        "SELECT count(*) FROM outbound_messages WHERE status = 'sent'",
    )
    .await
}

#[tokio::test]
async fn a_reply_whose_job_redis_lost_is_queued_again_and_sent_once() {
    let fleet = Fleet::new().await;
    fleet.seed_hold("RES000101033").await;
    let graph = graph_expecting("Decime el día de llegada", 1).await;
    let env = fleet.worker_env("http://127.0.0.1:9", &graph.uri());
    let ingress = fleet.spawn_ingress().await;
    // Only guests' turns run here: the reply's job waits in the queue, and this worker's
    // sweeper looks at unsent replies every 200 ms once they are 1.8 s old.
    let mut workers = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "parse_intent"),
            ("OUTBOX_SWEEP_GRACE_MS", "300"),
            ("OUTBOX_SWEEP_EVERY_MS", "200"),
        ],
    )]);
    let guest = Guest::whatsapp(&ingress, NUMBER_ID, "5491155551234", WA_SECRET);
    guest.say("hola, ¿tenés lugar?").await.unwrap();
    let relayed = || async {
        count(
            &fleet.db,
            "SELECT count(*) FROM outbox WHERE kind = 'reply' AND status = 'relayed'",
        )
        .await
            == 1
    };
    assert!(eventually(Duration::from_secs(15), relayed).await);

    // A reply whose job the queue still holds is not queued twice, however often the
    // sweeper looks at it.
    tokio::time::sleep(Duration::from_millis(3000)).await;
    assert_eq!(fleet.depth(jobs::QueueName::SendReply).await.pending, 1);

    // Redis loses the job (and its dedupe record): nothing would ever send the reply but the
    // sweeper, which finds it relayed, unsent and unknown to any provider.
    // (The sweeper may queue it again at once: no look at the queue in between.)
    assert_eq!(
        lose_reply_jobs(&fleet).await,
        2,
        "the job and its dedupe record"
    );
    assert!(
        eventually(Duration::from_secs(15), || async {
            fleet.depth(jobs::QueueName::SendReply).await.pending == 1
        })
        .await,
        "the sweeper queued the lost reply again"
    );

    // Sent once; once sent it is never queued again.
    workers
        .0
        .push(fleet.spawn_worker(WORKER, &env, &[("WORKER_QUEUES", "send_reply")]));
    assert!(
        eventually(Duration::from_secs(15), || async {
            sent_rows(&fleet).await == 1
        })
        .await
    );
    tokio::time::sleep(Duration::from_millis(3000)).await;
    let d = fleet.depth(jobs::QueueName::SendReply).await;
    assert_eq!(d.pending + d.running + d.scheduled, 0, "{d:?}");
    graph.verify().await;
    drop(workers);
    fleet.drop_db().await;
}

/// The ready entries of `queue` holding `needle`.
async fn ready_holding(fleet: &Fleet, queue: &str, needle: &str) -> usize {
    let mut conn = redis::Client::open(fleet.redis_url.as_str())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let entries: Vec<String> = redis::cmd("LRANGE")
        .arg(format!("{}:q:{queue}:ready", fleet.queue.prefix()))
        .arg(0)
        .arg(-1)
        .query_async(&mut conn)
        .await
        .unwrap();
    entries.iter().filter(|e| e.contains(needle)).count()
}

#[tokio::test]
async fn a_follow_up_whose_job_redis_lost_is_queued_again_and_one_that_ran_is_not() {
    let fleet = Fleet::new().await;
    // Three follow-ups a relay handed to the queue (rows marked relayed) that Redis no longer
    // has: two voice notes' transcripts to be read as the guests' turns, the first lost with
    // the old primary before it ran, the second run and acknowledged (its idempotency record
    // is there); and a feed's iCal sync, lost too, which the next tick redoes.
    let transcript = |message_id: &str| {
        NewEffect::new(
            format!("test:cause:{message_id}"),
            Effect::Enqueue {
                key: IdempotencyKey::namespaced("wa", &format!("{message_id}:transcript")).unwrap(),
                job: FollowUp::ParseIntent(ParseIntent {
                    channel: Channel::Whatsapp {
                        phone_number_id: NUMBER_ID.into(),
                        from: jobs::domain::PhoneNumber::parse("5491155551234").unwrap(),
                    },
                    message_id: message_id.into(),
                    text: "hola, ¿tenés lugar?".into(),
                    received_at_ms: 1,
                    transcript_confidence: Some(0.9),
                    wordless: None,
                }),
            },
        )
    };
    let sync = NewEffect::new(
        "test:cause:feed:7",
        Effect::Enqueue {
            key: IdempotencyKey::namespaced("tick", "1:feed:7").unwrap(),
            job: FollowUp::SyncIcal(SyncIcal {
                feed_id: Some(7),
                tick_ms: 1,
            }),
        },
    );
    let mut tx = fleet.db.begin().await.unwrap();
    let cause = Cause {
        key: "test:cause",
        traceparent: None,
        request_id: None,
    };
    let rows = store::outbox::write(
        &mut tx,
        cause,
        &[transcript("wamid.LOST"), transcript("wamid.RAN"), sync],
    )
    .await
    .unwrap();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    store::outbox::mark_relayed(&mut *tx, &ids).await.unwrap();
    tx.commit().await.unwrap();
    let ran = store::idempotency::begin(
        &fleet.db,
        store::idempotency::Record {
            key: "parse_intent:wa:wamid.RAN:transcript",
            queue: "parse_intent",
            job_id: "ran-before-the-failover",
        },
    )
    .await
    .unwrap()
    .expect("a new record");
    ran.commit().await.unwrap();

    // A worker that runs no guest turns and no syncs, so what its sweeper queues stays there
    // to be seen.
    let env = fleet.worker_env("http://127.0.0.1:9", "http://127.0.0.1:9");
    let _w = Reaper(vec![fleet.spawn_worker(
        WORKER,
        &env,
        &[
            ("WORKER_QUEUES", "send_reply"),
            ("OUTBOX_SWEEP_GRACE_MS", "0"),
            ("OUTBOX_SWEEP_EVERY_MS", "100"),
        ],
    )]);
    assert!(
        eventually(Duration::from_secs(15), || async {
            ready_holding(&fleet, "parse_intent", "wamid.LOST").await == 1
        })
        .await,
        "the lost transcript is queued again"
    );
    // Sweep after sweep: the queued one is not queued twice, the one that ran never, nor the
    // sync.
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert_eq!(ready_holding(&fleet, "parse_intent", "wamid.LOST").await, 1);
    assert_eq!(ready_holding(&fleet, "parse_intent", "wamid.RAN").await, 0);
    assert_eq!(ready_holding(&fleet, "sync_ical", "feed_id").await, 0);
    fleet.drop_db().await;
}

//! Writes confirmed by replicas under `REDIS_WAIT_REPLICAS` (issue 15), on a primary with a
//! replica watched by sentinels of the test's own.
//!
//! A reply's sending mark (the mark that says "a run is calling the provider") must outlive a
//! failover, or a run after the failover would find no mark and send the reply again: the send
//! is taken only once a replica has the mark; when none confirms in time the mark is taken back
//! (nothing was sent) and the error is a retry, so the next run takes the send at once instead of
//! waiting for the mark to lapse. And the confirmation waits on a connection of its own, so a
//! stalled replica holds only the writes waiting for it.

use std::time::Duration;

use jobs::{
    RedisQueue, RedisQueueConfig,
    backend::ReplicaWait,
    coordination::{CoordinationError, Deliveries, deliveries::SendTurn},
};
use testkit::redis_nodes::LocalSentinels;

use crate::support::*;

const HOLD: Duration = Duration::from_secs(60);

async fn queue_on(sentinels: &LocalSentinels, wait: Option<ReplicaWait>) -> RedisQueue {
    let mut cfg = RedisQueueConfig::new("", fresh_prefix());
    cfg.topology = sentinels.topology();
    cfg.replica_wait = wait;
    RedisQueue::connect(cfg).await.unwrap()
}

async fn mark_exists(queue: &RedisQueue, primary_port: u16, outbox_id: i64) -> bool {
    let mut conn = redis::Client::open(format!("redis://127.0.0.1:{primary_port}"))
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    redis::cmd("EXISTS")
        .arg(format!("{}:sending:r{outbox_id}", queue.prefix()))
        .query_async::<bool>(&mut conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_sending_mark_no_replica_confirms_is_taken_back_and_the_send_retried() {
    let sentinels = LocalSentinels::start("marks").expect("redis-server and redis-sentinel");
    let port = sentinels.primary_port();
    let wait = ReplicaWait {
        replicas: 1,
        timeout: Duration::from_millis(300),
    };
    let waiting = queue_on(&sentinels, Some(wait)).await;
    let marks = Deliveries::new(&waiting);

    // A replica answers: the send is this run's.
    assert_eq!(
        marks.begin_send(1, HOLD).await.unwrap(),
        SendTurn::Taken { resumed: false }
    );

    // No replica answers: no send, no mark left behind.
    sentinels.cut_off_replicas().unwrap();
    let refused = marks.begin_send(2, HOLD).await;
    assert!(
        matches!(
            refused,
            Err(CoordinationError::NotReplicated {
                wanted: 1,
                acknowledged: 0
            })
        ),
        "{refused:?}"
    );
    assert!(
        !mark_exists(&waiting, port, 2).await,
        "the mark is taken back"
    );

    // Without replica_wait the same moment takes the send on the primary's word alone.
    let trusting = queue_on(&sentinels, None).await;
    assert_eq!(
        Deliveries::new(&trusting)
            .begin_send(3, HOLD)
            .await
            .unwrap(),
        SendTurn::Taken { resumed: false }
    );

    // Replicas back: the retry takes the send at once (no mark to wait out).
    sentinels.thaw_replicas().unwrap();
    let mut retried = None;
    for _ in 0..50 {
        match marks.begin_send(2, HOLD).await {
            Ok(turn) => {
                retried = Some(turn);
                break;
            }
            Err(CoordinationError::NotReplicated { .. }) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(retried, Some(SendTurn::Taken { resumed: false }));
}

/// The confirmation waits on a connection of its own: while a push waits for a stalled replica,
/// everything else the process sends (here a depth read, as claims and acks would) is answered.
#[tokio::test]
async fn a_push_waiting_for_a_stalled_replica_holds_nothing_else() {
    let sentinels = LocalSentinels::start("stall").expect("redis-server and redis-sentinel");
    let queue = queue_on(
        &sentinels,
        Some(ReplicaWait {
            replicas: 1,
            timeout: Duration::from_millis(1500),
        }),
    )
    .await;
    queue.push_many(vec![tick_job(1, None)]).await.unwrap();

    sentinels.cut_off_replicas().unwrap();
    let waiting = {
        let queue = queue.clone();
        tokio::spawn(async move { queue.push_many(vec![tick_job(2, None)]).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let depth = queue.depth(&[jobs::QueueName::ExpireHolds]).await.unwrap();
    assert!(
        !waiting.is_finished(),
        "the push is still waiting for its replica when the depth read is answered"
    );
    assert_eq!(depth[0].1.pending, 2, "the push itself reached the primary");
    let refused = waiting.await.unwrap();
    assert!(
        matches!(refused, Err(jobs::QueueError::NotReplicated { .. })),
        "{refused:?}"
    );
    sentinels.thaw_replicas().unwrap();
}

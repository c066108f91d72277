//! Schedules are safe on every replica: N replicas produce exactly one job per tick.

use std::{collections::BTreeSet, time::Duration};

use jobs::QueueName::{self, ExpireHolds, SyncIcal};

use crate::support::*;

#[tokio::test]
async fn three_scheduler_replicas_make_one_job_per_tick() {
    let fleet = Fleet::new().await;
    let env = fleet.worker_env("http://127.0.0.1:9", "http://127.0.0.1:9");
    // Replicas that only schedule (they serve another queue), so the tick jobs stay countable.
    let extra = [
        ("SCHEDULES_ENABLED", "true"),
        ("SCHEDULE_EXPIRE_HOLDS", "* * * * * *"),
        ("SCHEDULE_SYNC_ICAL", "*/2 * * * * *"),
        ("WORKER_QUEUES", "transcribe_audio"),
    ];
    let mut replicas = Reaper(
        (0..3)
            .map(|_| fleet.spawn_worker(WORKER, &env, &extra))
            .collect(),
    );
    tokio::time::sleep(Duration::from_secs(8)).await;
    for r in &replicas.0 {
        signal(r, "TERM");
    }
    for r in &mut replicas.0 {
        assert!(wait_exit(r, Duration::from_secs(10)).is_some_and(|s| s.success()));
    }

    let expire = tick_times(&fleet, ExpireHolds).await;
    let sync = tick_times(&fleet, SyncIcal).await;
    assert!(
        expire.len() >= 6,
        "expected a tick a second, got {}",
        expire.len()
    );
    assert!(
        sync.len() >= 3,
        "expected a tick every 2 s, got {}",
        sync.len()
    );
    // Exactly one job per tick, whatever the number of replicas.
    assert_eq!(
        fleet.depth(ExpireHolds).await.pending as usize,
        expire.len()
    );
    assert_eq!(fleet.depth(SyncIcal).await.pending as usize, sync.len());
    // Consecutive ticks, none skipped.
    let expire: Vec<i64> = expire.into_iter().collect();
    assert!(expire.windows(2).all(|w| w[1] - w[0] == 1000), "{expire:?}");
    fleet.drop_db().await;
}

async fn tick_times(fleet: &Fleet, queue: QueueName) -> BTreeSet<i64> {
    let payloads = fleet.queue.ready_payloads(queue, 10_000).await.unwrap();
    let mut ticks = BTreeSet::new();
    for payload in &payloads {
        let v: serde_json::Value = serde_json::from_str(payload).unwrap();
        assert!(
            ticks.insert(v["tick_ms"].as_i64().unwrap()),
            "two jobs for tick {}",
            v["tick_ms"]
        );
    }
    ticks
}

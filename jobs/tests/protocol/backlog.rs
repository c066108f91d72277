use std::{collections::HashSet, time::Duration};

use jobs::QueueName;

use crate::support::*;

/// apalis-redis 1.0.0 stops every worker at ~8,000 due jobs; ours drains 100,000, runs each
/// job once, and leaves nothing behind but counters.
#[tokio::test]
async fn a_100k_backlog_drains_without_error_and_leaves_only_counters() {
    let q = fresh_queue(Duration::from_secs(10)).await;
    for chunk in 0..100 {
        let jobs = (0..1000)
            .map(|i| tick_job(chunk * 1000 + i, None))
            .collect();
        q.push_many(jobs).await.unwrap();
    }
    assert_eq!(
        q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0]
            .1
            .pending,
        100_000
    );
    let w = start_worker(&q, 64, fast_policy(0, 10), ok());
    let runs = w.runs.clone();
    let drained = eventually(Duration::from_secs(240), || async {
        let d = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
        d.pending == 0 && d.running == 0
    })
    .await;
    w.stop().await;
    assert!(drained, "backlog did not drain");
    let runs = runs.lock().unwrap().clone();
    assert_eq!(runs.len(), 100_000);
    assert_eq!(
        runs.iter().map(|r| r.tick).collect::<HashSet<_>>().len(),
        100_000
    );
    let d = q.depth(&[QueueName::ExpireHolds]).await.unwrap()[0].1;
    assert_eq!((d.pending, d.running, d.scheduled, d.dead), (0, 0, 0, 0));
    assert_eq!(keys(&q).await, stats_only(&q));
}

use std::time::{Duration, Instant};

use crate::support::*;

/// An idle worker blocks on Redis; a push wakes it at once (no polling interval).
#[tokio::test]
async fn a_job_pushed_to_an_idle_worker_starts_within_milliseconds() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let w = start_worker(&q, 8, fast_policy(0, 10), ok());
    tokio::time::sleep(Duration::from_millis(700)).await; // idle: the fetch is blocked in Redis
    let mut worst = Duration::ZERO;
    for i in 0..20 {
        let pushed = Instant::now();
        q.push_many(vec![tick_job(i, None)]).await.unwrap();
        assert!(
            eventually(Duration::from_secs(2), || async {
                w.run_count() as i64 == i + 1
            })
            .await
        );
        let started = w.runs.lock().unwrap()[i as usize].at;
        worst = worst.max(started.duration_since(pushed));
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    // Generous for a debug build on a busy CI machine; the benchmark measures the real figure.
    assert!(worst < Duration::from_millis(100), "worst pickup {worst:?}");
    w.stop().await;
}

//! The Graph API answers 429 with `Retry-After: 10` for ten seconds: a throttle is not a
//! failure. Every worker pauses its sends for the `Retry-After` it was told (shared through
//! Redis), the breaker stays closed, and replies resume as soon as the pause ends.

use std::time::Duration;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_second_throttle_pauses_replies_for_retry_after_and_no_longer() {
    let _alone = LOADED.lock().await;
    let Stage {
        fleet,
        ingress,
        graph,
    } = stage(&admin_url(), &redis_url(), Duration::from_millis(20), true).await;
    let workers = Workers::start(&fleet, &graph.uri(), 2, &[]);
    let guests = Guests::default();
    let count = 250;
    let writing = guests.start(&ingress, count, 10.0);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let retry_after = 10;
    let throttle_ends = graph.throttle(Duration::from_secs(10), retry_after);
    writing.await.unwrap();
    let recovery = drained(&fleet, &graph, &guests, count, Duration::from_secs(60)).await;
    let mut outcome = ground_truth(&fleet, &graph, &guests).await;
    outcome.recovery = recovery;

    let log = graph.log();
    let first_429 = log
        .iter()
        .filter(|r| r.status == 429)
        .map(|r| r.at)
        .min()
        .expect("the throttle was met");
    let throttled = log.iter().filter(|r| r.status == 429).count();
    let while_paused = log
        .iter()
        .filter(|r| r.at > first_429 + Duration::from_secs(1) && r.at < throttle_ends)
        .count();
    let resumed = log
        .iter()
        .filter(|r| r.status == 200 && r.at >= throttle_ends)
        .map(|r| r.at - throttle_ends)
        .min()
        .expect("replies resumed");
    outcome.print(&format!(
        "Graph API 429 for 10 s (Retry-After {retry_after}): {throttled} sends answered 429, {while_paused} calls while paused, first reply {:.1} s after the throttle ended",
        resumed.as_secs_f64()
    ));
    assert!(
        while_paused <= 2,
        "every worker pauses for Retry-After: {while_paused} calls"
    );
    assert!(
        resumed <= Duration::from_secs(4),
        "replies resume within a few seconds of Retry-After, not after a breaker's cool-down: {resumed:?}"
    );
    assert_eq!(outcome.lost, 0, "{outcome:?}\n{}", workers.logs_tail());
    assert_eq!(outcome.duplicates, 0, "{outcome:?}");
    assert_eq!(outcome.dead_letters, 0, "{outcome:?}");
    drop(workers);
    fleet.drop_db().await;
}

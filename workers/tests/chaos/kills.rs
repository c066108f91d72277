//! Workers SIGKILLed every few seconds while guests write and the Graph API takes 300 ms to
//! answer: a worker dies with sends in flight, before it can record them. The replies it sent
//! are found by their status webhooks and never sent again; the ones it had not sent go out
//! once; nothing accepted is lost.

use std::time::Duration;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workers_killed_under_load_lose_nothing_and_send_nothing_twice() {
    let _alone = LOADED.lock().await;
    // CHAOS_NO_STATUS_WEBHOOKS=1 measures the window left when Meta's statuses never come
    // (only the sender's own delivery record reconciles; expect a few duplicates then).
    let statuses = std::env::var("CHAOS_NO_STATUS_WEBHOOKS").is_err();
    let Stage {
        fleet,
        ingress,
        graph,
    } = stage(
        &admin_url(),
        &redis_url(),
        Duration::from_millis(300),
        statuses,
    )
    .await;
    let mut workers = Workers::start(&fleet, &graph.uri(), 3, &[]);
    let guests = Guests::default();
    let count = 400;
    let writing = guests.start(&ingress, count, 20.0);
    let mut kills = 0;
    while !writing.is_finished() {
        tokio::time::sleep(Duration::from_millis(2500)).await;
        workers.kill_and_replace(kills);
        kills += 1;
    }
    let recovery = drained(&fleet, &graph, &guests, count, Duration::from_secs(90)).await;
    let mut outcome = ground_truth(&fleet, &graph, &guests).await;
    outcome.recovery = recovery;
    outcome.print(&format!("{kills} worker SIGKILLs, 300 ms Graph API"));
    assert!(kills >= 6, "the load outlived too few kills: {kills}");
    assert!(
        outcome.sends_resumed > 0,
        "no kill caught a send in flight: the scenario proved nothing ({outcome:?})"
    );
    assert_eq!(outcome.accepted, count, "{}", workers.logs_tail());
    assert_eq!(outcome.lost, 0, "{outcome:?}\n{}", workers.logs_tail());
    if statuses {
        assert_eq!(
            outcome.duplicates, 0,
            "a guest was told the same thing twice: {outcome:?}"
        );
    }
    assert_eq!(outcome.dead_letters, 0, "{outcome:?}");
    drop(workers);
    fleet.drop_db().await;
}

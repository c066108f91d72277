//! Redis (AOF, fsync every second) stopped with SIGTERM and later killed with SIGKILL, each time
//! started again: while it is away the ingress answers 503 (never 200: nothing it could not
//! keep is accepted) and providers deliver again; everything accepted is answered once.

use std::time::{Duration, Instant};

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_stopped_and_killed_refuses_while_away_and_loses_nothing() {
    let _alone = LOADED.lock().await;
    let mut redis = PrivateRedis::start().expect("a Redis of our own");
    let Stage {
        fleet,
        ingress,
        graph,
    } = stage(&admin_url(), &redis.url(), Duration::from_millis(20), true).await;
    let workers = Workers::start(&fleet, &graph.uri(), 2, &[]);
    let guests = Guests::default();
    let count = 300;
    let writing = guests.start(&ingress, count, 10.0);
    let mut away = Vec::new();
    for signal in ["TERM", "KILL"] {
        tokio::time::sleep(Duration::from_secs(6)).await;
        redis.stop(signal);
        let down = Instant::now();
        tokio::time::sleep(Duration::from_secs(3)).await;
        let up = Instant::now();
        redis.up().expect("start Redis again");
        away.push((down, up));
    }
    writing.await.unwrap();
    let recovery = drained(&fleet, &graph, &guests, count, Duration::from_secs(120)).await;
    let mut outcome = ground_truth(&fleet, &graph, &guests).await;
    outcome.recovery = recovery;
    let answers = guests.answers();
    let refused = answers.iter().filter(|a| a.status == 503).count();
    outcome.print(&format!(
        "Redis SIGTERM and SIGKILL, 3 s each ({refused} deliveries answered 503)"
    ));
    assert!(refused > 0, "deliveries came while Redis was away");
    for (down, up) in &away {
        // An answer can be on the wire when Redis goes: a short margin after the stop.
        let accepted_while_away = answers
            .iter()
            .filter(|a| a.status == 200 && a.at > *down + Duration::from_millis(300) && a.at < *up)
            .count();
        assert_eq!(accepted_while_away, 0, "200 while Redis was away");
    }
    assert_eq!(
        outcome.accepted, count,
        "providers' retries were all accepted"
    );
    assert_eq!(outcome.lost, 0, "{outcome:?}\n{}", workers.logs_tail());
    assert_eq!(outcome.duplicates, 0, "{outcome:?}");
    assert_eq!(outcome.dead_letters, 0, "{outcome:?}");
    drop(workers);
    fleet.drop_db().await;
}

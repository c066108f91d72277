//! PostgreSQL stopped for a minute and a half at night (two messages a second): the ingress
//! keeps accepting (Redis is enough) and stays ready; jobs wait for the database without using
//! their attempts, periodic ticks never dead-letter, and when it returns every guest is answered
//! once.

use std::time::{Duration, Instant};

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_for_ninety_seconds_dead_letters_nobody_and_answers_everyone_once() {
    let outage = Duration::from_secs(
        std::env::var("CHAOS_PG_OUTAGE_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(90),
    );
    let pg = PrivatePostgres::start(&["max_connections=100"]).expect("a PostgreSQL of our own");
    let Stage {
        fleet,
        ingress,
        graph,
    } = stage(
        &pg.admin_url(),
        &redis_url(),
        Duration::from_millis(20),
        true,
    )
    .await;
    let workers = Workers::start(
        &fleet,
        &graph.uri(),
        2,
        &[
            // Ticks every few seconds, so several fail while the database is away.
            ("SCHEDULES_ENABLED", "true"),
            ("SCHEDULE_EXPIRE_HOLDS", "*/2 * * * * *"),
            ("SCHEDULE_SYNC_ICAL", "*/3 * * * * *"),
        ],
    );
    // One more worker, with its health endpoint, to watch its readiness through the outage.
    let health = testkit::servers::free_port();
    let watched = Reaper(vec![
        worker_command(
            WORKER,
            &fleet.worker_env("http://127.0.0.1:9", &graph.uri()),
            &[
                ("WORKER_QUEUES", "expire_holds"),
                ("WORKER_METRICS_ADDR", &format!("127.0.0.1:{health}")),
            ],
        )
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap(),
    ]);
    let worker_ready = || async move {
        reqwest::get(format!("http://127.0.0.1:{health}/health/ready"))
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0)
    };
    assert!(
        testkit::eventually(Duration::from_secs(15), || async {
            worker_ready().await == 200
        })
        .await,
        "a worker with its stores is ready"
    );
    let guests = Guests::default();
    let count = 2 * (outage.as_secs() as usize + 15);
    let writing = guests.start(&ingress, count, 2.0);
    tokio::time::sleep(Duration::from_secs(5)).await;
    pg.stop("fast").expect("stop PostgreSQL");
    let down = Instant::now();
    tokio::time::sleep(Duration::from_secs(3)).await;
    let ready = reqwest::get(format!("{ingress}/health/ready"))
        .await
        .unwrap();
    assert_eq!(
        ready.status(),
        200,
        "the ingress accepts with Redis alone: a failover must not pull it"
    );
    assert_eq!(
        worker_ready().await,
        503,
        "a worker cannot run jobs without PostgreSQL, and says so"
    );
    tokio::time::sleep(outage.saturating_sub(down.elapsed())).await;
    pg.up().expect("start PostgreSQL again");
    let waiting = guests.accepted();
    let recovery = answered(&fleet, &graph, &waiting, Duration::from_secs(120)).await;
    writing.await.unwrap();
    drained(&fleet, &graph, &guests, count, Duration::from_secs(60)).await;
    let mut outcome = ground_truth(&fleet, &graph, &guests).await;
    outcome.recovery = recovery;
    outcome.print(&format!(
        "PostgreSQL down {} s at 2 messages/s ({} guests waiting when it returned)",
        outage.as_secs(),
        waiting.len()
    ));
    assert_eq!(outcome.accepted, count, "the ingress kept accepting");
    assert_eq!(outcome.lost, 0, "{outcome:?}\n{}", workers.logs_tail());
    assert_eq!(outcome.duplicates, 0, "{outcome:?}");
    assert_eq!(
        outcome.dead_letters, 0,
        "an outage spends no attempts and dead ticks are superseded"
    );
    assert_eq!(worker_ready().await, 200, "ready again");
    drop((workers, watched));
    fleet.drop_db().await;
}

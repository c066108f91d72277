//! Six workers at a hundred messages a second against a PostgreSQL of `max_connections` 100:
//! every pool sized by `DATABASE_POOL_SIZE` (10), the fleet connecting as `fleet_app`, so the
//! server never refuses a client and an operator's superuser connection always gets in.

use std::time::Duration;

use sqlx::Connection;

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn six_workers_at_a_hundred_a_second_fit_a_hundred_connections() {
    let _alone = LOADED.lock().await;
    let pg = PrivatePostgres::start(&["max_connections=100", "superuser_reserved_connections=3"])
        .expect("a PostgreSQL of our own");
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
        6,
        &[("FLEET_WORKER_REPLICAS", "6"), ("DATABASE_POOL_SIZE", "10")],
    );
    let guests = Guests::default();
    let count = 1000;
    let writing = guests.start(&ingress, count, 100.0);
    let mut most = 0i64;
    let mut operator_refused = 0;
    while !writing.is_finished() {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let in_use: i64 =
            sqlx::query_scalar("SELECT count(*) FROM pg_stat_activity WHERE usename = 'fleet_app'")
                .fetch_one(&fleet.db)
                .await
                .unwrap_or(0);
        most = most.max(in_use);
        // An operator's psql, as the superuser.
        match sqlx::PgConnection::connect(&pg.admin_url()).await {
            Ok(c) => {
                let _ = c.close().await;
            }
            Err(_) => operator_refused += 1,
        }
    }
    let recovery = drained(&fleet, &graph, &guests, count, Duration::from_secs(180)).await;
    let mut outcome = ground_truth(&fleet, &graph, &guests).await;
    outcome.recovery = recovery;
    let refusals = pg.log_text().matches("too many clients").count();
    outcome.print(&format!(
        "6 workers at 100/s, max_connections 100: at most {most} fleet connections, {refusals} refused, operator refused {operator_refused} times"
    ));
    assert_eq!(refusals, 0, "PostgreSQL refused clients");
    assert_eq!(operator_refused, 0, "the operator could not get in");
    assert!(most <= 6 * 10 + 2, "{most} connections");
    assert_eq!(outcome.lost, 0, "{outcome:?}\n{}", workers.logs_tail());

    // A worker whose plan cannot fit refuses to start, and says what to change.
    let mut greedy = worker_command(
        WORKER,
        &fleet.worker_env("http://127.0.0.1:9", &graph.uri()),
        &[("FLEET_WORKER_REPLICAS", "6"), ("DATABASE_POOL_SIZE", "32")],
    )
    .stderr(std::process::Stdio::piped())
    .spawn()
    .unwrap();
    let exit = wait_exit(&mut greedy, Duration::from_secs(20)).expect("it exits");
    assert!(!exit.success());
    let mut said = String::new();
    std::io::Read::read_to_string(&mut greedy.stderr.take().unwrap(), &mut said).unwrap();
    assert!(said.contains("DATABASE_POOL_SIZE to at most 15"), "{said}");
    assert_eq!(outcome.duplicates, 0, "{outcome:?}");
    assert_eq!(outcome.dead_letters, 0, "{outcome:?}");
    drop(workers);
    fleet.drop_db().await;
}

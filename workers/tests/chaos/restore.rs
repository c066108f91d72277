//! The restore drill (README, "Backups"): a fleet under load — guests answered, reservations
//! made, messages still waiting in Redis with the workers stopped — backed up with `fleetctl
//! backup`; both stores destroyed (servers stopped, data directories deleted); a damaged copy of
//! the backup refused by `fleetctl restore` with nothing changed; the backup restored into new,
//! empty servers, which start as README says; the fleet started again. Every accepted message is
//! answered exactly once (the replies sent before the backup are not sent again), the waiting
//! ones included, and every reservation is there as it was.

use std::{collections::HashSet, path::Path, time::Duration};

use crate::support::*;

const FLEETCTL: &str = env!("CARGO_BIN_EXE_fleetctl");

/// Every reservation, as it must come back.
async fn reservations(db: &sqlx::PgPool) -> Vec<(String, i64, String, String, String)> {
    sqlx::query_as(
        "SELECT code, accommodation_id, check_in::text, check_out::text, status::text
         FROM reservations ORDER BY code",
    )
    .fetch_all(db)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restored_into_new_servers_answers_every_message_once_and_keeps_every_reservation()
{
    let _alone = LOADED.lock().await;
    let pg = PrivatePostgres::start(&[]).expect("a PostgreSQL of our own");
    let redis = PrivateRedis::start().expect("a Redis of our own");
    let Stage {
        fleet,
        ingress,
        graph,
    } = stage(
        &pg.admin_url(),
        &redis.url(),
        Duration::from_millis(20),
        false,
    )
    .await;
    let cabin: i64 = sqlx::query_scalar("SELECT id FROM accommodations")
        .fetch_one(&fleet.db)
        .await
        .unwrap();
    for (code, from, to, status, expires) in [
        ("BK-CONF1", "2027-01-10", "2027-01-13", "confirmed", None),
        ("BK-CONF2", "2027-02-01", "2027-02-05", "confirmed", None),
        (
            "BK-HOLD1",
            "2027-03-01",
            "2027-03-03",
            "pre_reserved",
            Some(3600),
        ),
    ] {
        sqlx::query(
            "INSERT INTO reservations (code, accommodation_id, guest_phone, check_in, check_out, guests, total_amount, deposit_amount, status, channel_source, expires_at)
             VALUES ($1, $2, '5491155551234', $3::date, $4::date, 2, 100000, 30000, $5::reservation_status, 'whatsapp', now() + make_interval(secs => $6))",
        )
        .bind(code)
        .bind(cabin)
        .bind(from)
        .bind(to)
        .bind(status)
        .bind(expires.map(f64::from))
        .execute(&fleet.db)
        .await
        .unwrap();
    }

    // Load: guests answered by a worker.
    let answered_before = Guests::default();
    let workers = Workers::start(&fleet, &graph.uri(), 1, &[]);
    answered_before
        .start_from(&ingress, 0, 20, 10.0)
        .await
        .unwrap();
    drained(
        &fleet,
        &graph,
        &answered_before,
        20,
        Duration::from_secs(60),
    )
    .await;
    let before = ground_truth(&fleet, &graph, &answered_before).await;
    assert_eq!((before.accepted, before.lost), (20, 0), "{before:?}");
    drop(workers);

    // Messages the ingress accepted while no worker runs: their jobs wait in Redis.
    let waiting = Guests::default();
    waiting.start_from(&ingress, 100, 10, 20.0).await.unwrap();
    for _ in 0..100 {
        if waiting.accepted().len() == 10 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(waiting.accepted().len(), 10);
    let queued: u64 = fleet
        .queue
        .depth(&jobs::QueueName::ALL)
        .await
        .unwrap()
        .iter()
        .map(|(_, d)| d.pending + d.scheduled + d.running)
        .sum();
    assert!(
        queued >= 10,
        "the waiting messages' jobs are in Redis: {queued}"
    );
    let reservations_before = reservations(&fleet.db).await;
    assert_eq!(reservations_before.len(), 3);

    let backups = tempdir("backups");
    let backup = backups.join("drill");
    let (ok, out) = fleet.fleetctl(FLEETCTL, &["backup", "--to", backup.to_str().unwrap()]);
    assert!(ok, "fleetctl backup: {out}");
    let damaged = backups.join("damaged");
    std::fs::create_dir_all(&damaged).unwrap();
    for name in ["manifest.json", "postgres.dump", "redis.rdb"] {
        std::fs::copy(backup.join(name), damaged.join(name)).unwrap();
    }
    let dump = std::fs::read(damaged.join("postgres.dump")).unwrap();
    std::fs::write(damaged.join("postgres.dump"), &dump[..dump.len() / 2]).unwrap();

    // Both stores destroyed: servers stopped, data directories deleted.
    let (db_name, prefix) = (fleet.db_name.clone(), fleet.prefix.clone());
    fleet.db.close().await;
    drop(fleet);
    drop(pg);
    drop(redis);

    // New, empty servers.
    let pg = PrivatePostgres::start(&[]).expect("a new PostgreSQL");
    let mut redis = PrivateRedis::start().expect("a new Redis");
    let db_url = replace_db(&pg.admin_url(), &db_name);
    let redis_dir = redis.dir().to_str().unwrap().to_owned();
    let redis_url = redis.url();
    let restore = |from: &Path| {
        fleetctl_on(
            FLEETCTL,
            &db_url,
            &redis_url,
            &prefix,
            &[
                "restore",
                "--from",
                from.to_str().unwrap(),
                "--redis-dir",
                &redis_dir,
            ],
        )
    };
    // A running Redis would overwrite the RDB: refused before anything changes.
    let (ok, out) = restore(&backup);
    assert!(!ok && out.contains("is running"), "{out}");
    redis.stop("TERM");

    let (ok, out) = restore(&damaged);
    assert!(!ok, "a damaged backup is refused: {out}");
    assert!(
        out.contains("backup refused, nothing was restored"),
        "{out}"
    );
    assert!(
        out.contains("postgres.dump"),
        "names the damaged file: {out}"
    );
    let admin = sqlx::PgPool::connect(&pg.admin_url()).await.unwrap();
    let made: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_database WHERE datname = $1")
        .bind(&db_name)
        .fetch_one(&admin)
        .await
        .unwrap();
    assert_eq!(made, 0, "nothing changed in PostgreSQL");
    assert!(
        !Path::new(&redis_dir).join("dump.rdb").exists(),
        "nor in Redis"
    );

    let (ok, out) = restore(&backup);
    assert!(ok, "fleetctl restore: {out}");
    admin.close().await;
    redis
        .up_from_rdb()
        .expect("Redis starts on the restored snapshot");

    // The fleet again, on the restored stores.
    let fleet = Fleet::attach(&pg.admin_url(), &redis.url(), &db_name, &prefix)
        .await
        .expect("the restored database");
    assert_eq!(
        reservations(&fleet.db).await,
        reservations_before,
        "every reservation, once"
    );
    let ingress = fleet.spawn_ingress().await;
    let workers = Workers::start(&fleet, &graph.uri(), 1, &[]);
    // And a guest who writes after the restore.
    let after = Guests::default();
    after.start_from(&ingress, 200, 1, 1.0).await.unwrap();
    let mut everyone: HashSet<String> = answered_before.accepted();
    everyone.extend(waiting.accepted());
    for _ in 0..100 {
        if after.accepted().len() == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    everyone.extend(after.accepted());
    assert_eq!(everyone.len(), 31, "every guest's message accepted");
    answered(&fleet, &graph, &everyone, Duration::from_secs(60)).await;
    for (batch, guests) in [
        ("answered before", &answered_before),
        ("waiting", &waiting),
        ("after", &after),
    ] {
        let outcome = ground_truth(&fleet, &graph, guests).await;
        outcome.print(&format!("restore drill, {batch}"));
        assert_eq!(
            outcome.lost,
            0,
            "{batch}: {outcome:?}\n{}",
            workers.logs_tail()
        );
        assert_eq!(outcome.duplicates, 0, "{batch}: {outcome:?}");
        assert_eq!(outcome.dead_letters, 0, "{batch}: {outcome:?}");
    }
    drop(workers);
    let _ = std::fs::remove_dir_all(&backups);
}

fn tempdir(kind: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("fleet-{kind}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

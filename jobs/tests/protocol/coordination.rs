//! The coordination handles (lock, rate window, capped list) on the queue's connection and
//! prefix: their keys stay under the prefix and out of the queue's namespace.

use std::time::Duration;

use jobs::coordination::{CappedList, Locks, RateWindow};
use redis::AsyncCommands;

use crate::support::*;

#[tokio::test]
async fn a_lock_is_exclusive_until_released_and_only_its_holder_releases_it() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let locks = Locks::new(&q);
    let ttl = Duration::from_secs(10);
    let first = locks
        .acquire("accommodation:7", ttl, Duration::ZERO)
        .await
        .unwrap()
        .expect("free lock taken");
    assert!(
        locks
            .acquire("accommodation:7", ttl, Duration::from_millis(50))
            .await
            .unwrap()
            .is_none(),
        "a held lock was taken again"
    );
    // Another name is another lock.
    let other = locks
        .acquire("accommodation:8", ttl, Duration::ZERO)
        .await
        .unwrap()
        .expect("another name");
    assert_eq!(
        keys(&q).await,
        vec![
            format!("{}:lock:accommodation:7", q.prefix()),
            format!("{}:lock:accommodation:8", q.prefix()),
        ]
    );
    assert!(first.release().await.unwrap());
    assert!(other.release().await.unwrap());
    assert!(keys(&q).await.is_empty());

    // A waiter gets the lock once its holder lets go.
    let held = locks
        .acquire("a", ttl, Duration::ZERO)
        .await
        .unwrap()
        .unwrap();
    let waiter = {
        let locks = locks.clone();
        tokio::spawn(async move { locks.acquire("a", ttl, Duration::from_secs(5)).await })
    };
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(held.release().await.unwrap());
    let taken = waiter.await.unwrap().unwrap().expect("the waiter took it");
    assert!(taken.release().await.unwrap());
}

#[tokio::test]
async fn an_expired_lock_taken_by_another_is_not_released_by_its_first_holder() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let locks = Locks::new(&q);
    let stale = locks
        .acquire("l", Duration::from_millis(50), Duration::ZERO)
        .await
        .unwrap()
        .unwrap();
    let fresh = locks
        .acquire("l", Duration::from_secs(10), Duration::from_secs(2))
        .await
        .unwrap()
        .expect("taken after the first one expired");
    assert!(!stale.release().await.unwrap());
    assert_eq!(keys(&q).await.len(), 1, "the new holder's lock was deleted");
    assert!(fresh.release().await.unwrap());
}

#[tokio::test]
async fn a_rate_window_counts_per_subject_and_expires_after_the_next_window() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let window = RateWindow::new(&q, "rl", Duration::from_secs(60));
    // Both calls may straddle a window edge; count until two land in one window.
    let (a, b) = loop {
        let a = window.count("10.0.0.1").await.unwrap();
        let b = window.count("10.0.0.1").await.unwrap();
        if b == a + 1 {
            break (a, b);
        }
    };
    assert!(b >= 2 && a >= 1);
    assert_eq!(window.count("10.0.0.2").await.unwrap(), 1);
    let keys = keys(&q).await;
    assert!(
        keys.iter()
            .all(|k| k.starts_with(&format!("{}:rl:10.0.0.", q.prefix()))),
        "{keys:?}"
    );
    let mut conn = redis_conn().await;
    for k in &keys {
        let ttl: i64 = conn.ttl(k).await.unwrap();
        // Kept two windows and a second: the next window weighs this one.
        assert!(ttl > 60 && ttl <= 121, "ttl of {k} was {ttl}");
    }
}

#[tokio::test]
async fn a_capped_list_keeps_its_newest_entries_newest_first() {
    let q = fresh_queue(Duration::from_secs(5)).await;
    let outbox = CappedList::new(&q, "sandbox:outbox", 3);
    assert!(outbox.entries().await.unwrap().is_empty());
    for m in ["m1", "m2", "m3", "m4"] {
        outbox.push(m).await.unwrap();
    }
    assert_eq!(outbox.entries().await.unwrap(), vec!["m4", "m3", "m2"]);
    let one = CappedList::new(&q, "sandbox:mp:pref:ABC", 1);
    one.push("first").await.unwrap();
    one.push("second").await.unwrap();
    assert_eq!(one.entries().await.unwrap(), vec!["second"]);
    assert_eq!(
        keys(&q).await,
        vec![
            format!("{}:sandbox:mp:pref:ABC", q.prefix()),
            format!("{}:sandbox:outbox", q.prefix()),
        ]
    );
}

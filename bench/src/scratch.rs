//! The benchmark's own corner of a shared Redis: every key it makes starts with a prefix of its
//! own (`bench-<uuid>-<what>`), and everything under it is removed when the measurement is done.
//! Nothing here may ever touch a key outside such a prefix (no FLUSHDB, no fixed key names).
//!
//! Every prefix (and temporary directory) made is also remembered, so that a run stopped by a
//! signal half-way can still remove what it left behind ([`clean_up_after_signal`]).

use std::{path::PathBuf, sync::Mutex};

use redis::aio::MultiplexedConnection;

/// Everything this process made that must not outlive it.
static MADE: Mutex<Vec<String>> = Mutex::new(Vec::new());
static DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// apalis-redis registers each queue's workers set here, outside any prefix.
pub const APALIS_QUEUES_LIST: &str = "core:apalis:queues:list";

/// A fresh prefix, unique to this run and purpose.
pub fn prefix(what: &str) -> String {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let prefix = format!("bench-{}-{what}", &id[..12]);
    remember(&prefix);
    prefix
}

/// Also remove `prefix:*` if the run is interrupted (e.g. BullMQ's `bull:<queue>`).
pub fn remember(prefix: &str) {
    if let Ok(mut made) = MADE.lock() {
        made.push(prefix.to_owned());
    }
}

pub fn remember_dir(dir: PathBuf) {
    if let Ok(mut dirs) = DIRS.lock() {
        dirs.push(dir);
    }
}

/// After SIGINT/SIGTERM: removes every prefix and temporary directory this process made (the
/// measurement in flight has been dropped, which also killed its child processes).
pub async fn clean_up_after_signal(url: &str) {
    let prefixes: Vec<String> = MADE.lock().map(|m| m.clone()).unwrap_or_default();
    let dirs: Vec<PathBuf> = DIRS.lock().map(|d| d.clone()).unwrap_or_default();
    for dir in dirs {
        let _ = std::fs::remove_dir_all(dir);
    }
    let Ok(mut conn) = connect(url).await else {
        eprintln!("could not reach Redis to clean up: {}", prefixes.join(", "));
        return;
    };
    let mut removed = 0;
    for p in &prefixes {
        removed += remove_under(&mut conn, p).await.unwrap_or(0);
        let _: redis::RedisResult<i64> = redis::cmd("ZREM")
            .arg(APALIS_QUEUES_LIST)
            .arg(format!("{p}:expire_holds:workers"))
            .query_async(&mut conn)
            .await;
    }
    eprintln!(
        "interrupted: removed {removed} keys under {} prefixes",
        prefixes.len()
    );
}

pub async fn connect(url: &str) -> anyhow::Result<MultiplexedConnection> {
    // A cluster's node list: its first node (its CPU, its keys; not the whole cluster's).
    let url = url.split(',').next().unwrap_or(url).trim();
    Ok(redis::Client::open(url)?
        .get_multiplexed_async_connection()
        .await?)
}

/// Every key under `prefix:` (SCAN, so a large keyspace is not blocked).
pub async fn keys_under(
    conn: &mut MultiplexedConnection,
    prefix: &str,
) -> redis::RedisResult<Vec<String>> {
    let pattern = format!("{prefix}:*");
    let mut cursor: u64 = 0;
    let mut keys = Vec::new();
    loop {
        let (next, batch): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(&pattern)
            .arg("COUNT")
            .arg(1000)
            .query_async(conn)
            .await?;
        keys.extend(batch);
        if next == 0 {
            keys.sort();
            return Ok(keys);
        }
        cursor = next;
    }
}

/// Removes everything under `prefix:`; returns how many keys went.
pub async fn remove_under(
    conn: &mut MultiplexedConnection,
    prefix: &str,
) -> redis::RedisResult<u64> {
    let keys = keys_under(conn, prefix).await?;
    let mut removed = 0;
    for chunk in keys.chunks(500) {
        removed += redis::cmd("UNLINK")
            .arg(chunk)
            .query_async::<u64>(conn)
            .await?;
    }
    Ok(removed)
}

/// `host` and `port` of a `redis://[user:pass@]host[:port][/db]` URL, for tools that take them
/// apart (redis-benchmark).
pub fn host_port(url: &str) -> Option<(String, u16)> {
    let rest = url.strip_prefix("redis://")?;
    let authority = rest.split('/').next()?;
    let hostport = authority.rsplit('@').next()?;
    match hostport.rsplit_once(':') {
        Some((host, port)) => Some((host.to_owned(), port.parse().ok()?)),
        None if !hostport.is_empty() => Some((hostport.to_owned(), 6379)),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_unique_and_tagged() {
        let a = prefix("drain");
        assert!(a.starts_with("bench-") && a.ends_with("-drain"));
        assert_ne!(a, prefix("drain"));
    }

    #[test]
    fn urls_come_apart() {
        assert_eq!(
            host_port("redis://127.0.0.1:6379"),
            Some(("127.0.0.1".into(), 6379))
        );
        assert_eq!(
            host_port("redis://u:p@redis:6380/2"),
            Some(("redis".into(), 6380))
        );
        assert_eq!(
            host_port("redis://localhost"),
            Some(("localhost".into(), 6379))
        );
        assert_eq!(host_port("unix:///tmp/redis.sock"), None);
    }
}

//! Confirming that replicas have what this process wrote (`REDIS_WAIT_REPLICAS`), without
//! stalling the connection everything else goes through.
//!
//! `WAIT` blocks the connection it is sent on: Redis reads nothing more from that client until
//! the replicas answer or the timeout passes. Sent on the shared connection it would hold every
//! claim, ack and push of the process behind it, for the whole timeout when a replica stalls.
//! So the confirmation has a connection of its own and writes a *probe* there first: the
//! replication stream is in the order the primary executed, so a replica that has the probe
//! has every write the primary executed before it, on any connection, including the write
//! being confirmed (its reply came back before the probe was sent).
//!
//! One probe at a time, covering every write whose reply had come back when it was sent (group
//! commit): under load one `WAIT` answers many pushes, and when it fails every write it covered
//! fails with it instead of each waiting out its own timeout.
//!
//! The probe waits for every replica online (`INFO replication`), at least `wait.replicas`:
//! with two replicas and `WAIT 1`, the sentinels could promote the one that had not confirmed
//! the last writes yet. Past the timeout `wait.replicas` confirmations are enough, so a
//! lagging replica slows acknowledgements without refusing them; that is a window left
//! besides the one below. (The failover test still loses a handful of pushes acknowledged
//! around the promotion once in about ten runs, as it did when one replica was enough: an open
//! finding whose cause is not this.)
//!
//! The window it leaves: a failover between a write and its probe sends the probe to the new
//! primary, which may never have had the write. The connection moves to a new primary only
//! after a call failed and the sentinels (or the cluster) named another, which takes longer
//! than the sentinels' down-after time; a probe waits at most one `WAIT` timeout.
//!
//! This module must never send `WAIT` on the shared connection.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{QueueError, ReplicaWait, connection::RedisConnection};

pub(crate) struct ReplicationProbe {
    conn: RedisConnection,
    /// `{prefix}:replication-probe`: in the fleet's slot, so a cluster routes it to the primary
    /// that holds the fleet's keys.
    key: String,
    wait: ReplicaWait,
    /// One probe at a time.
    turn: tokio::sync::Mutex<()>,
    /// Writes whose replies came back and asked to be confirmed, counted.
    written: AtomicU64,
    /// Every write up to this count is on enough replicas.
    confirmed: AtomicU64,
    /// Every write up to this count was covered by a probe that too few replicas confirmed.
    refused: AtomicU64,
}

impl ReplicationProbe {
    pub(crate) fn new(conn: RedisConnection, key_base: &str, wait: ReplicaWait) -> Self {
        ReplicationProbe {
            conn,
            key: format!("{key_base}:replication-probe"),
            wait,
            turn: tokio::sync::Mutex::new(()),
            written: AtomicU64::new(0),
            confirmed: AtomicU64::new(0),
            refused: AtomicU64::new(0),
        }
    }

    /// After a write's reply came back: wait until `wait.replicas` replicas have it, or fail
    /// with [`QueueError::NotReplicated`] (the write may be lost in a failover now).
    pub(crate) async fn confirm(&self, write: &'static str) -> Result<(), QueueError> {
        let mine = self.written.fetch_add(1, Ordering::SeqCst) + 1;
        let _turn = self.turn.lock().await;
        if self.confirmed.load(Ordering::SeqCst) >= mine {
            return Ok(());
        }
        if self.refused.load(Ordering::SeqCst) >= mine {
            return Err(self.not_replicated(write, 0));
        }
        // Every write counted now had its reply before the probe goes out.
        let covers = self.written.load(Ordering::SeqCst);
        let mut conn = self.conn.clone();
        let _: () = redis::cmd("SET")
            .arg(&self.key)
            .arg(covers)
            .arg("EX")
            .arg(3600)
            .query_async(&mut conn)
            .await?;
        // Every replica online, not only `wait.replicas`: the sentinels may promote any of
        // them, and one that has not confirmed may lack the write. Past the timeout,
        // `wait.replicas` of them is enough (a replica that lags keeps nothing from being
        // acknowledged, only slows it).
        let online = conn.online_replicas().await?;
        let all = ReplicaWait {
            replicas: self.wait.replicas.max(online),
            timeout: self.wait.timeout,
        };
        let acknowledged = conn.replicas_confirming(all).await?;
        if acknowledged >= self.wait.replicas {
            self.confirmed.fetch_max(covers, Ordering::SeqCst);
            Ok(())
        } else {
            self.refused.fetch_max(covers, Ordering::SeqCst);
            Err(self.not_replicated(write, acknowledged))
        }
    }

    fn not_replicated(&self, write: &'static str, acknowledged: u32) -> QueueError {
        metrics::counter!("fleet_redis_unreplicated_total", "write" => write).increment(1);
        QueueError::NotReplicated {
            wanted: self.wait.replicas,
            acknowledged,
        }
    }
}

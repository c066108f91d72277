//! Where the fleet's Redis is and the one connection type every queue call goes through,
//! whatever the deployment: one server, a Redis Cluster, or a primary watched by Sentinel.
//!
//! - **One server** (`REDIS_URL=redis://host:6379`): a reconnecting multiplexed connection.
//! - **Cluster** (`REDIS_URL` lists several nodes, comma-separated): redis-rs' cluster client,
//!   which follows slot moves and failovers itself. Every key of a fleet carries one hash tag
//!   (the braced prefix, see [`super::RedisQueue::prefix`]), so every script, pipeline and
//!   multi-key command of a fleet lands on one slot; keyless commands that must reach that slot
//!   (`SCAN`, `WAIT`) are routed to it by [`RedisConnection::on_fleet_slot`].
//! - **Sentinel** (`REDIS_SENTINELS` + `REDIS_SENTINEL_MASTER`): the sentinels are asked for the
//!   primary; a call that finds it gone (refused, dropped, timed out) or demoted (`READONLY`)
//!   asks again and moves to the new one. The call that saw the failure still fails (it may or
//!   may not have run): callers treat it as transient, exactly as for a blip of one server.
//!
//! This module must never retry a command itself: a push or a claim that may have run must not
//! run twice behind the caller's back.

use std::{
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use redis::{
    AsyncConnectionConfig, Client, Cmd, ErrorKind, FromRedisValue, Pipeline, RedisError,
    RedisFuture, RedisResult, ServerErrorKind, Value,
    aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig, MultiplexedConnection},
    cluster::ClusterClientBuilder,
    cluster_async::ClusterConnection,
    cluster_routing::{Route, RoutingInfo, SingleNodeRoutingInfo, SlotAddr},
    sentinel::{Sentinel, SentinelNodeConnectionInfo},
};

/// Where the fleet's Redis is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedisTopology {
    /// One server.
    Single(String),
    /// A Redis Cluster, by any of its nodes.
    Cluster(Vec<String>),
    /// A primary (and its replicas) watched by Sentinel.
    Sentinel(SentinelSettings),
}

/// The sentinels to ask and the name they know the primary by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentinelSettings {
    /// `redis://host:port` of each sentinel (at least one; three for a real quorum).
    pub sentinels: Vec<String>,
    /// The master name in the sentinels' configuration (`sentinel monitor <name> ...`).
    pub master: String,
}

impl RedisTopology {
    /// `REDIS_URL` as operators write it: one URL, or several comma-separated for a cluster.
    pub fn from_url(url: &str) -> Self {
        let nodes: Vec<String> = url
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect();
        match nodes.as_slice() {
            [] => RedisTopology::Single(url.trim().to_owned()),
            [one] => RedisTopology::Single(one.clone()),
            _ => RedisTopology::Cluster(nodes),
        }
    }

    /// The topology the binaries run on: Sentinel when `sentinels` (comma-separated) is given,
    /// else what `url` says.
    pub fn from_settings(url: &str, sentinels: Option<&str>, master: Option<&str>) -> Self {
        let listed: Vec<String> = sentinels
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s.contains("://") {
                    s.to_owned()
                } else {
                    format!("redis://{s}")
                }
            })
            .collect();
        if listed.is_empty() {
            return RedisTopology::from_url(url);
        }
        RedisTopology::Sentinel(SentinelSettings {
            sentinels: listed,
            master: master
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .unwrap_or("fleet")
                .to_owned(),
        })
    }

    /// Whether keys of one fleet must share a slot and keyless commands be routed to it.
    pub fn is_cluster(&self) -> bool {
        matches!(self, RedisTopology::Cluster(_))
    }
}

/// How long a call may take before it counts as failed: long enough for a script over a
/// thousand jobs, short enough that a dead server is noticed within seconds.
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// A Sentinel-followed connection asks the sentinels again at most this often.
const FOLLOW_AT_MOST_EVERY: Duration = Duration::from_millis(200);

/// A connection to the fleet's Redis; cheap to clone (clones share the underlying sockets).
#[derive(Clone)]
pub struct RedisConnection {
    kind: Kind,
    /// A key of the fleet's slot, for routing keyless commands in a cluster.
    slot_key: Arc<str>,
}

#[derive(Clone)]
enum Kind {
    Managed(ConnectionManager),
    Plain(MultiplexedConnection),
    Cluster(ClusterConnection),
    Followed(Arc<FollowedPrimary>),
}

impl RedisConnection {
    /// The shared connection of a queue handle: reconnects by itself.
    pub async fn open(topology: &RedisTopology, slot_key: &str) -> RedisResult<Self> {
        let kind = match topology {
            RedisTopology::Single(url) => {
                Kind::Managed(managed(Client::open(url.as_str())?).await?)
            }
            RedisTopology::Cluster(nodes) => Kind::Cluster(cluster(nodes, RESPONSE_TIMEOUT).await?),
            RedisTopology::Sentinel(settings) => {
                Kind::Followed(Arc::new(FollowedPrimary::open(settings).await?))
            }
        };
        Ok(RedisConnection {
            kind,
            slot_key: slot_key.into(),
        })
    }

    /// A connection of its own for a blocking command that may wait `block`: never the shared
    /// one, which it would stall. On Sentinel it goes to the primary the sentinels name now.
    pub async fn open_blocking(
        topology: &RedisTopology,
        slot_key: &str,
        block: Duration,
    ) -> RedisResult<Self> {
        let timeout = block + RESPONSE_TIMEOUT;
        let kind = match topology {
            RedisTopology::Single(url) => {
                Kind::Plain(plain(Client::open(url.as_str())?, timeout).await?)
            }
            RedisTopology::Cluster(nodes) => Kind::Cluster(cluster(nodes, timeout).await?),
            RedisTopology::Sentinel(settings) => {
                let client = primary_client(&mut sentinel(settings)?, &settings.master).await?;
                Kind::Plain(plain(client, timeout).await?)
            }
        };
        Ok(RedisConnection {
            kind,
            slot_key: slot_key.into(),
        })
    }

    /// Run a command that names no key (or whose key routing is not the fleet's), on the node
    /// that holds the fleet's keys: `SCAN` of the fleet, `WAIT` for the fleet's writes.
    pub async fn on_fleet_slot<T: FromRedisValue>(&mut self, cmd: Cmd) -> RedisResult<T> {
        match &mut self.kind {
            Kind::Cluster(conn) => {
                let route = Route::with_key(self.slot_key.as_bytes(), SlotAddr::Master);
                let value = conn
                    .route_command(
                        cmd,
                        RoutingInfo::SingleNode(SingleNodeRoutingInfo::SpecificNode(route)),
                    )
                    .await?;
                Ok(redis::from_redis_value(value)?)
            }
            _ => cmd.query_async(self).await,
        }
    }
}

impl RedisConnection {
    /// How many replicas the primary holding the fleet's keys streams to right now
    /// (`INFO replication`, the replicas in state `online`; one still loading its first copy is
    /// not).
    pub async fn online_replicas(&mut self) -> RedisResult<u32> {
        let mut cmd = redis::cmd("INFO");
        cmd.arg("replication");
        let info: String = self.on_fleet_slot(cmd).await?;
        Ok(online_in(&info))
    }

    /// `WAIT` on this connection: how many replicas (at most `wait.replicas`) confirmed
    /// everything it wrote so far, within `wait.timeout`.
    pub async fn replicas_confirming(&mut self, wait: super::ReplicaWait) -> RedisResult<u32> {
        let mut cmd = redis::cmd("WAIT");
        cmd.arg(wait.replicas)
            .arg(wait.timeout.as_millis().max(1) as u64);
        let acknowledged: i64 = self.on_fleet_slot(cmd).await?;
        Ok(u32::try_from(acknowledged).unwrap_or(0))
    }
}

/// The `slaveN:` lines of an `INFO replication` reply in state `online`.
fn online_in(info: &str) -> u32 {
    let online = info
        .lines()
        .filter(|l| l.starts_with("slave") && l.contains("state=online"))
        .count();
    u32::try_from(online).unwrap_or(u32::MAX)
}

impl ConnectionLike for RedisConnection {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match &mut self.kind {
            Kind::Managed(c) => c.req_packed_command(cmd),
            Kind::Plain(c) => c.req_packed_command(cmd),
            Kind::Cluster(c) => c.req_packed_command(cmd),
            Kind::Followed(f) => {
                let followed = f.clone();
                let mut conn = followed.current();
                Box::pin(async move {
                    let reply = conn.req_packed_command(cmd).await;
                    followed.after(&reply).await;
                    reply
                })
            }
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match &mut self.kind {
            Kind::Managed(c) => c.req_packed_commands(pipeline, offset, count),
            Kind::Plain(c) => c.req_packed_commands(pipeline, offset, count),
            Kind::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
            Kind::Followed(f) => {
                let followed = f.clone();
                let mut conn = followed.current();
                Box::pin(async move {
                    let reply = conn.req_packed_commands(pipeline, offset, count).await;
                    followed.after(&reply).await;
                    reply
                })
            }
        }
    }

    fn get_db(&self) -> i64 {
        match &self.kind {
            Kind::Managed(c) => c.get_db(),
            Kind::Plain(c) => c.get_db(),
            Kind::Cluster(c) => c.get_db(),
            Kind::Followed(f) => f.current().get_db(),
        }
    }
}

async fn managed(client: Client) -> RedisResult<ConnectionManager> {
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(CONNECT_TIMEOUT))
        .set_response_timeout(Some(RESPONSE_TIMEOUT))
        .set_number_of_retries(1)
        .set_max_delay(Duration::from_secs(2));
    client.get_connection_manager_with_config(config).await
}

async fn plain(client: Client, response_timeout: Duration) -> RedisResult<MultiplexedConnection> {
    let config = AsyncConnectionConfig::new()
        .set_connection_timeout(Some(CONNECT_TIMEOUT))
        .set_response_timeout(Some(response_timeout));
    client
        .get_multiplexed_async_connection_with_config(&config)
        .await
}

async fn cluster(nodes: &[String], response_timeout: Duration) -> RedisResult<ClusterConnection> {
    ClusterClientBuilder::new(nodes.iter().map(String::as_str))
        .connection_timeout(CONNECT_TIMEOUT)
        .response_timeout(response_timeout)
        .retries(3)
        .build()?
        .get_async_connection()
        .await
}

fn sentinel(settings: &SentinelSettings) -> RedisResult<Sentinel> {
    Sentinel::build(settings.sentinels.iter().map(String::as_str).collect())
}

/// A client of the server the sentinels name as `master` now (checked to be a primary).
async fn primary_client(sentinel: &mut Sentinel, master: &str) -> RedisResult<Client> {
    sentinel
        .async_master_for(master, None::<&SentinelNodeConnectionInfo>)
        .await
}

/// The primary the sentinels name, and the connection to it, replaced when it fails over.
struct FollowedPrimary {
    settings: SentinelSettings,
    sentinel: tokio::sync::Mutex<Sentinel>,
    current: RwLock<Primary>,
}

struct Primary {
    conn: ConnectionManager,
    address: String,
    asked_at: Instant,
}

impl FollowedPrimary {
    async fn open(settings: &SentinelSettings) -> RedisResult<Self> {
        let mut sentinel = sentinel(settings)?;
        let client = primary_client(&mut sentinel, &settings.master).await?;
        let address = client.get_connection_info().addr().to_string();
        let conn = managed(client).await?;
        Ok(FollowedPrimary {
            settings: settings.clone(),
            sentinel: tokio::sync::Mutex::new(sentinel),
            current: RwLock::new(Primary {
                conn,
                address,
                asked_at: Instant::now(),
            }),
        })
    }

    fn current(&self) -> ConnectionManager {
        match self.current.read() {
            Ok(p) => p.conn.clone(),
            Err(poisoned) => poisoned.into_inner().conn.clone(),
        }
    }

    /// After a call: when its failure says the primary may have moved, ask the sentinels and
    /// move to the one they name (at most every [`FOLLOW_AT_MOST_EVERY`]).
    async fn after<T>(&self, reply: &RedisResult<T>) {
        let Err(e) = reply else { return };
        if !primary_may_have_moved(e) {
            return;
        }
        let mut sentinel = self.sentinel.lock().await;
        if self.asked_recently() {
            return;
        }
        let found = primary_client(&mut sentinel, &self.settings.master).await;
        let Ok(client) = found else {
            self.mark_asked();
            tracing::warn!(master = %self.settings.master, "the sentinels name no reachable primary yet");
            return;
        };
        let address = client.get_connection_info().addr().to_string();
        if address == self.address() {
            self.mark_asked();
            return;
        }
        match managed(client).await {
            Ok(conn) => {
                tracing::warn!(master = %self.settings.master, %address, "Redis failed over: following the new primary");
                if let Ok(mut p) = self.current.write() {
                    *p = Primary {
                        conn,
                        address,
                        asked_at: Instant::now(),
                    };
                }
            }
            Err(_) => self.mark_asked(),
        }
    }

    fn address(&self) -> String {
        self.current
            .read()
            .map(|p| p.address.clone())
            .unwrap_or_default()
    }

    fn asked_recently(&self) -> bool {
        self.current
            .read()
            .map(|p| p.asked_at.elapsed() < FOLLOW_AT_MOST_EVERY)
            .unwrap_or(false)
    }

    fn mark_asked(&self) {
        if let Ok(mut p) = self.current.write() {
            p.asked_at = Instant::now();
        }
    }
}

/// A failure after which the primary may be elsewhere: it could not be reached, or it answered
/// as a replica.
fn primary_may_have_moved(e: &RedisError) -> bool {
    e.is_io_error()
        || e.is_connection_dropped()
        || e.is_connection_refusal()
        || e.is_timeout()
        || matches!(e.kind(), ErrorKind::Server(ServerErrorKind::ReadOnly))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_replicas_online_are_counted() {
        let info = "# Replication\r\nrole:master\r\nconnected_slaves:3\r\n\
                    slave0:ip=127.0.0.1,port=7001,state=online,offset=42,lag=0\r\n\
                    slave1:ip=127.0.0.1,port=7002,state=wait_bgsave,offset=0,lag=0\r\n\
                    slave2:ip=127.0.0.1,port=7003,state=online,offset=40,lag=1\r\n\
                    master_repl_offset:42\r\n";
        assert_eq!(online_in(info), 2);
        assert_eq!(
            online_in("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n"),
            0
        );
    }

    #[test]
    fn one_url_is_one_server_and_a_list_is_a_cluster() {
        assert_eq!(
            RedisTopology::from_url("redis://127.0.0.1:6379"),
            RedisTopology::Single("redis://127.0.0.1:6379".into())
        );
        assert_eq!(
            RedisTopology::from_url(" redis://a:7000 , redis://b:7001,"),
            RedisTopology::Cluster(vec!["redis://a:7000".into(), "redis://b:7001".into()])
        );
    }

    #[test]
    fn sentinels_win_over_the_url_and_the_master_defaults_to_fleet() {
        let t = RedisTopology::from_settings(
            "redis://x:6379",
            Some("s1:26379, redis://s2:26380"),
            None,
        );
        assert_eq!(
            t,
            RedisTopology::Sentinel(SentinelSettings {
                sentinels: vec!["redis://s1:26379".into(), "redis://s2:26380".into()],
                master: "fleet".into(),
            })
        );
        let named = RedisTopology::from_settings("", Some("s1:26379"), Some("booking"));
        assert!(matches!(named, RedisTopology::Sentinel(s) if s.master == "booking"));
        assert_eq!(
            RedisTopology::from_settings("redis://x:6379", Some(" , "), Some("m")),
            RedisTopology::Single("redis://x:6379".into())
        );
    }
}

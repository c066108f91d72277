//! (feature `redis-nodes`) Redis topologies of a test's own, from the machine's `redis-server`
//! and `redis-cli` (Debian's `redis-server` package; `scripts/lib.sh` installs it): a
//! [`LocalCluster`] of three primaries, a [`LocalSentinels`] group (a primary, its replicas,
//! three sentinels) and, to compare them with, one plain [`LocalRedis`]. Each node runs on a free loopback port with its files in a temporary folder
//! of its own; everything is killed and removed when the value is dropped.
//!
//! Why here: the queue must keep its promises on Redis Cluster and behind Sentinel (issue 15),
//! and only real servers answer `MOVED`, elect a replica and lose what was not replicated. The
//! launchers wait until a topology is usable (every node says `cluster_state:ok`; every sentinel
//! knows the replicas and the other sentinels) so a test never races the servers' own start.
//!
//! This module must never touch the machine's shared Redis (port 6379) nor any server it did not
//! start: it only signals its own children.

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// How long a launcher waits for its topology to become usable.
const READY_WITHIN: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum TopologyError {
    #[error("redis-server or redis-cli not found (scripts/lib.sh ensure_redis installs them)")]
    Missing,
    #[error("{what}: {detail}")]
    Failed { what: &'static str, detail: String },
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

fn failed(what: &'static str, detail: impl Into<String>) -> TopologyError {
    TopologyError::Failed {
        what,
        detail: detail.into(),
    }
}

fn temp_dir(kind: &str) -> Result<PathBuf, TopologyError> {
    let dir = std::env::temp_dir().join(format!("fleet-{kind}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// `redis-cli -p port args…`: its stdout (raw replies, one value a line) when it ran at all.
fn cli(port: u16, args: &[&str]) -> Result<String, TopologyError> {
    let out = Command::new("redis-cli")
        .args(["-h", "127.0.0.1", "-p", &port.to_string()])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|_| TopologyError::Missing)?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The value of `field` in an `INFO`-style answer (`field:value` lines).
fn info_field<'a>(info: &'a str, field: &str) -> Option<&'a str> {
    info.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .map(str::trim)
}

/// Polls `check` every 50 ms until it is true; fails with `what` and the last `detail`
/// after `within`.
fn wait_until(
    what: &'static str,
    within: Duration,
    mut check: impl FnMut() -> Result<bool, TopologyError>,
    detail: impl Fn() -> String,
) -> Result<(), TopologyError> {
    let deadline = Instant::now() + within;
    loop {
        if check()? {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(failed(what, detail()));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One `redis-server` process of a topology.
struct Node {
    port: u16,
    args: Vec<String>,
    log: PathBuf,
    child: Option<Child>,
}

impl Node {
    /// Starts `redis-server` on `port` with `args` (a config file first, for sentinels) and
    /// waits until it answers PING.
    fn start(dir: &Path, port: u16, args: Vec<String>) -> Result<Self, TopologyError> {
        let log = dir.join(format!("{port}.log"));
        let mut node = Node {
            port,
            args,
            log,
            child: None,
        };
        node.up()?;
        Ok(node)
    }

    fn up(&mut self) -> Result<(), TopologyError> {
        let child = Command::new("redis-server")
            .args(&self.args)
            .args(["--logfile", &self.log.display().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| TopologyError::Missing)?;
        self.child = Some(child);
        let port = self.port;
        wait_until(
            "redis-server",
            Duration::from_secs(10),
            || Ok(cli(port, &["ping"])?.contains("PONG")),
            || format!("port {port} did not answer PING; log: {}", self.log_tail()),
        )
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(5)..].join(" | ")
    }

    fn running(&self) -> bool {
        self.child.is_some()
    }

    /// SIGSTOP / SIGCONT: the process freezes (reads and answers nothing, its sockets stay
    /// open) or goes on where it stopped.
    fn signal(&self, signal: &str) -> Result<(), TopologyError> {
        let Some(child) = &self.child else {
            return Ok(());
        };
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()?;
        if status.success() {
            Ok(())
        } else {
            Err(failed("kill", format!("-{signal} {} failed", child.id())))
        }
    }

    /// SIGKILL: the process dies at once, with whatever it had not sent to its replicas.
    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Settings every node of these topologies shares: loopback, no persistence (a killed node
/// comes back empty, as a lost machine would), no eviction.
fn base_args(port: u16, dir: &Path) -> Vec<String> {
    [
        "--bind",
        "127.0.0.1",
        "--port",
        &port.to_string(),
        "--save",
        "",
        "--appendonly",
        "no",
        "--maxmemory-policy",
        "noeviction",
        "--dir",
        &dir.display().to_string(),
    ]
    .map(str::to_owned)
    .to_vec()
}

/// One plain Redis with the same settings as the topologies' nodes: what a cluster or a
/// replicated pair is compared with in the same run.
pub struct LocalRedis {
    node: Node,
    dir: PathBuf,
}

impl LocalRedis {
    pub fn start() -> Result<Self, TopologyError> {
        let dir = temp_dir("redis-single")?;
        let port = crate::ports::free_port();
        let node = Node::start(&dir, port, base_args(port, &dir))?;
        Ok(LocalRedis { node, dir })
    }

    pub fn port(&self) -> u16 {
        self.node.port
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.node.port)
    }
}

impl Drop for LocalRedis {
    fn drop(&mut self) {
        self.node.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Three primaries in cluster mode, no replicas, all 16384 slots assigned.
pub struct LocalCluster {
    nodes: Vec<Node>,
    dir: PathBuf,
}

impl LocalCluster {
    /// Starts three cluster-enabled nodes (node timeout 1 s; bus ports chosen free too, not
    /// port + 10000, which can fall outside the port range), joins them with `redis-cli
    /// --cluster create`, and waits until every node says `cluster_state:ok` and knows the
    /// other two.
    pub fn start() -> Result<Self, TopologyError> {
        let dir = temp_dir("redis-cluster")?;
        let mut cluster = LocalCluster {
            nodes: Vec::new(),
            dir,
        };
        for _ in 0..3 {
            let (port, bus) = (crate::ports::free_port(), crate::ports::free_port());
            let data = cluster.dir.join(port.to_string());
            std::fs::create_dir_all(&data)?;
            let mut args = base_args(port, &data);
            args.extend(
                [
                    "--cluster-enabled",
                    "yes",
                    "--cluster-port",
                    &bus.to_string(),
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    "1000",
                ]
                .map(str::to_owned),
            );
            cluster.nodes.push(Node::start(&cluster.dir, port, args)?);
        }
        let mut create = Command::new("redis-cli");
        create.arg("--cluster").arg("create");
        for node in &cluster.nodes {
            create.arg(format!("127.0.0.1:{}", node.port));
        }
        let out = create
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .stdin(Stdio::null())
            .output()
            .map_err(|_| TopologyError::Missing)?;
        if !out.status.success() {
            return Err(failed(
                "redis-cli --cluster create",
                String::from_utf8_lossy(&out.stdout).into_owned()
                    + &String::from_utf8_lossy(&out.stderr),
            ));
        }
        let ports = cluster.ports();
        wait_until(
            "cluster",
            READY_WITHIN,
            || {
                for &port in &ports {
                    let info = cli(port, &["cluster", "info"])?;
                    if info_field(&info, "cluster_state") != Some("ok")
                        || info_field(&info, "cluster_known_nodes") != Some("3")
                    {
                        return Ok(false);
                    }
                }
                Ok(true)
            },
            || {
                ports
                    .iter()
                    .map(|&p| format!("{p}: {}", cli(p, &["cluster", "info"]).unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join("\n")
            },
        )?;
        Ok(cluster)
    }

    /// The nodes' ports, in the order they were started.
    pub fn ports(&self) -> Vec<u16> {
        self.nodes.iter().map(|n| n.port).collect()
    }

    /// Every node's URL, comma-separated: what `REDIS_URL` holds for a cluster.
    pub fn url(&self) -> String {
        self.nodes
            .iter()
            .map(|n| format!("redis://127.0.0.1:{}", n.port))
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl Drop for LocalCluster {
    fn drop(&mut self) {
        self.nodes.clear();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A primary, its replicas and three sentinels (quorum 2) watching it under one master name.
pub struct LocalSentinels {
    master: String,
    /// The data nodes: the first one starts as the primary.
    nodes: Vec<Node>,
    sentinels: Vec<Node>,
    /// Index in `nodes` of the primary as the sentinels last reported it.
    primary: usize,
    dir: PathBuf,
}

/// How long the sentinels wait before they call a silent primary down.
pub const DOWN_AFTER: Duration = Duration::from_millis(800);

impl LocalSentinels {
    /// One primary and one replica.
    pub fn start(master: &str) -> Result<Self, TopologyError> {
        Self::with_replicas(master, 1)
    }

    /// One primary and `replicas` replicas (`--replicaof`, diskless sync without delay), then
    /// three sentinels (down after [`DOWN_AFTER`], failover timeout 2 s); waits until every
    /// replica's link is up and every sentinel knows all the replicas and the other two
    /// sentinels, so a failover can start the moment the primary is gone.
    pub fn with_replicas(master: &str, replicas: usize) -> Result<Self, TopologyError> {
        let dir = temp_dir("redis-sentinel")?;
        let mut group = LocalSentinels {
            master: master.to_owned(),
            nodes: Vec::new(),
            sentinels: Vec::new(),
            primary: 0,
            dir,
        };
        let primary_port = crate::ports::free_port();
        for i in 0..=replicas {
            let port = if i == 0 {
                primary_port
            } else {
                crate::ports::free_port()
            };
            let mut args = base_args(port, &group.dir);
            args.extend(
                [
                    "--repl-diskless-sync",
                    "yes",
                    "--repl-diskless-sync-delay",
                    "0",
                ]
                .map(str::to_owned),
            );
            args.extend(["--dbfilename".to_owned(), format!("dump-{port}.rdb")]);
            if i > 0 {
                args.extend([
                    "--replicaof".to_owned(),
                    "127.0.0.1".to_owned(),
                    primary_port.to_string(),
                ]);
            }
            group.nodes.push(Node::start(&group.dir, port, args)?);
        }
        for replica in &group.nodes[1..] {
            let port = replica.port;
            wait_until(
                "replica",
                READY_WITHIN,
                || {
                    let info = cli(port, &["info", "replication"])?;
                    Ok(info_field(&info, "master_link_status") == Some("up"))
                },
                || format!("replica {port} never synced"),
            )?;
        }
        for _ in 0..3 {
            let port = crate::ports::free_port();
            // A sentinel rewrites its config file: one file each, in the group's folder.
            let conf = group.dir.join(format!("sentinel-{port}.conf"));
            std::fs::write(
                &conf,
                format!(
                    "port {port}\nbind 127.0.0.1\ndir {dir}\n\
                     sentinel monitor {master} 127.0.0.1 {primary_port} 2\n\
                     sentinel down-after-milliseconds {master} {down}\n\
                     sentinel failover-timeout {master} 2000\n\
                     sentinel parallel-syncs {master} 1\n",
                    dir = group.dir.display(),
                    down = DOWN_AFTER.as_millis(),
                ),
            )?;
            let args = vec![conf.display().to_string(), "--sentinel".to_owned()];
            group.sentinels.push(Node::start(&group.dir, port, args)?);
        }
        let sentinel_ports: Vec<u16> = group.sentinels.iter().map(|s| s.port).collect();
        wait_until(
            "sentinels",
            READY_WITHIN,
            || {
                for &port in &sentinel_ports {
                    let state = pairs(&cli(port, &["sentinel", "master", master])?);
                    let known = |key: &str| state.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                    let replicas_seen = pairs(&cli(port, &["sentinel", "replicas", master])?)
                        .iter()
                        .filter(|(k, v)| k == "flags" && v == "slave")
                        .count();
                    if known("flags").map(String::as_str) != Some("master")
                        || known("num-other-sentinels").map(String::as_str) != Some("2")
                        || replicas_seen != replicas
                    {
                        return Ok(false);
                    }
                }
                Ok(true)
            },
            || {
                sentinel_ports
                    .iter()
                    .map(|&p| {
                        format!(
                            "{p}: {}",
                            cli(p, &["sentinel", "master", master])
                                .unwrap_or_default()
                                .replace('\n', " ")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            },
        )?;
        Ok(group)
    }

    /// The sentinels' URLs, comma-separated: what `REDIS_SENTINELS` holds.
    pub fn sentinel_urls(&self) -> String {
        self.settings().sentinels.join(",")
    }

    /// The master name the sentinels watch.
    pub fn master(&self) -> &str {
        &self.master
    }

    /// Where a queue finds this group: through its sentinels, by its master name.
    pub fn topology(&self) -> jobs::RedisTopology {
        jobs::RedisTopology::Sentinel(self.settings())
    }

    /// The sentinels and the master name, as `REDIS_SENTINELS` and `REDIS_SENTINEL_MASTER` say.
    pub fn settings(&self) -> jobs::backend::SentinelSettings {
        jobs::backend::SentinelSettings {
            sentinels: self
                .sentinels
                .iter()
                .map(|s| format!("redis://127.0.0.1:{}", s.port))
                .collect(),
            master: self.master.clone(),
        }
    }

    /// The primary's port, as the sentinels last reported it.
    pub fn primary_port(&self) -> u16 {
        self.nodes[self.primary].port
    }

    /// The ports of the data nodes still running (the primary and its replicas).
    pub fn data_ports(&self) -> Vec<u16> {
        self.nodes
            .iter()
            .filter(|n| n.running())
            .map(|n| n.port)
            .collect()
    }

    /// SIGKILLs the primary: what it had not sent to a replica is gone.
    pub fn kill_primary(&mut self) {
        self.nodes[self.primary].kill();
    }

    /// Cuts the replicas off, as a network partition would: each replica is frozen (SIGSTOP),
    /// so it cannot reconnect, and the primary drops its links to them (`CLIENT KILL TYPE
    /// replica`, which discards what it had not yet written to their sockets). The primary goes
    /// on accepting writes that only it has, and `WAIT` gets no answer. Stay short of
    /// [`DOWN_AFTER`] unless the sentinels should see the replicas down too.
    pub fn cut_off_replicas(&self) -> Result<(), TopologyError> {
        self.replicas().try_for_each(|n| n.signal("STOP"))?;
        cli(self.primary_port(), &["client", "kill", "type", "replica"])?;
        Ok(())
    }

    /// Lets the cut-off replicas go on (SIGCONT): they reconnect to whichever primary is there
    /// and catch up from its backlog.
    pub fn thaw_replicas(&self) -> Result<(), TopologyError> {
        self.replicas().try_for_each(|n| n.signal("CONT"))
    }

    fn replicas(&self) -> impl Iterator<Item = &Node> {
        let primary = self.primary;
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(i, n)| *i != primary && n.running())
            .map(|(_, n)| n)
    }

    /// Waits until every sentinel names another node than the killed primary as the master,
    /// and that node answers `ROLE` as a master; answers its port. Async (polls with
    /// `tokio::time::sleep`) so that clients keep running on the same runtime meanwhile.
    pub async fn wait_for_failover(&mut self, within: Duration) -> Result<u16, TopologyError> {
        let old = self.primary_port();
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(port) = self.agreed_primary()?
                && port != old
                && cli(port, &["role"])?.lines().next() == Some("master")
            {
                if let Some(i) = self.nodes.iter().position(|n| n.port == port) {
                    self.primary = i;
                }
                return Ok(port);
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(failed(
                    "failover",
                    format!(
                        "no new primary within {within:?}; sentinel log: {}",
                        self.sentinels[0].log_tail()
                    ),
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The master port every sentinel reports, when they all agree.
    fn agreed_primary(&self) -> Result<Option<u16>, TopologyError> {
        let mut agreed = None;
        for s in &self.sentinels {
            let answer = cli(
                s.port,
                &["sentinel", "get-master-addr-by-name", &self.master],
            )?;
            let port = answer
                .lines()
                .nth(1)
                .and_then(|p| p.trim().parse::<u16>().ok());
            match (agreed, port) {
                (_, None) => return Ok(None),
                (None, Some(p)) => agreed = Some(p),
                (Some(a), Some(p)) if a != p => return Ok(None),
                _ => {}
            }
        }
        Ok(agreed)
    }
}

/// A flat `key value key value …` answer (raw `redis-cli`, one value a line) as pairs; several
/// maps in a row (`SENTINEL REPLICAS`) come out as one list.
fn pairs(answer: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = answer.lines().collect();
    lines
        .chunks_exact(2)
        .map(|kv| (kv[0].to_owned(), kv[1].to_owned()))
        .collect()
}

impl Drop for LocalSentinels {
    fn drop(&mut self) {
        // Sentinels first, so none starts a failover while the data nodes go.
        self.sentinels.clear();
        self.nodes.clear();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test, with its message
mod tests {
    use super::*;

    #[test]
    fn a_cluster_is_ok_and_follows_redirects_between_its_nodes() {
        let cluster = LocalCluster::start().unwrap();
        let ports = cluster.ports();
        assert_eq!(ports.len(), 3);
        assert_eq!(
            cluster.url(),
            ports
                .iter()
                .map(|p| format!("redis://127.0.0.1:{p}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        for &p in &ports {
            let info = cli(p, &["cluster", "info"]).unwrap();
            assert_eq!(info_field(&info, "cluster_state"), Some("ok"), "{info}");
            assert_eq!(
                info_field(&info, "cluster_slots_assigned"),
                Some("16384"),
                "{info}"
            );
        }
        // Keys spread over the slots: set through the first node (following redirects), read
        // through every node; a node that does not hold a key's slot answers MOVED when asked
        // without following redirects.
        let mut moved = 0;
        for i in 0..20 {
            let key = format!("k{i}");
            let set = cli(ports[0], &["-c", "set", &key, &format!("v{i}")]).unwrap();
            assert_eq!(set.trim(), "OK");
            for &p in &ports {
                let got = cli(p, &["-c", "get", &key]).unwrap();
                assert_eq!(got.trim(), format!("v{i}"), "{key} through {p}");
                if cli(p, &["get", &key]).unwrap().starts_with("MOVED") {
                    moved += 1;
                }
            }
        }
        // Each key lives on one node of three: the other two redirect.
        assert_eq!(moved, 40);
    }

    #[tokio::test]
    async fn a_sentinel_failover_elects_the_replica() {
        let mut group = LocalSentinels::start("fleet").unwrap();
        let (primary, replica) = (group.nodes[0].port, group.nodes[1].port);
        assert_eq!(group.primary_port(), primary);
        assert_eq!(group.sentinel_urls().split(',').count(), 3);
        assert_eq!(group.agreed_primary().unwrap(), Some(primary));
        assert_eq!(cli(primary, &["set", "k", "v"]).unwrap().trim(), "OK");
        assert_eq!(
            cli(primary, &["wait", "1", "2000"]).unwrap().trim(),
            "1",
            "the replica acknowledged"
        );

        group.cut_off_replicas().unwrap();
        assert_eq!(cli(primary, &["set", "cut", "v"]).unwrap().trim(), "OK");
        assert_eq!(
            cli(primary, &["wait", "1", "200"]).unwrap().trim(),
            "0",
            "a replica cut off acknowledges nothing"
        );
        group.thaw_replicas().unwrap();
        assert_eq!(cli(primary, &["wait", "1", "5000"]).unwrap().trim(), "1");
        assert_eq!(cli(replica, &["get", "cut"]).unwrap().trim(), "v");

        let killed = Instant::now();
        group.kill_primary();
        let elected = group
            .wait_for_failover(Duration::from_secs(20))
            .await
            .unwrap();
        assert_eq!(elected, replica);
        assert_eq!(group.primary_port(), replica);
        assert_eq!(group.data_ports(), vec![replica]);
        assert_eq!(cli(replica, &["get", "k"]).unwrap().trim(), "v");
        assert_eq!(cli(replica, &["set", "k2", "v"]).unwrap().trim(), "OK");
        eprintln!("failover took {:?}", killed.elapsed());
    }
}

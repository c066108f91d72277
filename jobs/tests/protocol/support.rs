use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use apalis::prelude::{WorkerBuilder, WorkerBuilderExt};
use apalis_core::task::Task;
use futures::future::BoxFuture;
use jobs::{
    EnqueueOptions, Envelope, JobError, RedisQueue, RedisQueueConfig, RetryPolicy,
    backend::{Heartbeat, NewJob, QueueBackend},
    payloads::ExpireHolds,
};
use tokio::{sync::watch, task::JoinHandle};

pub fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

/// A key prefix no other test uses.
pub fn fresh_prefix() -> String {
    format!("test-{}", uuid::Uuid::new_v4().simple())
}

/// A queue handle on a prefix no other test uses.
pub async fn fresh_queue(lease: Duration) -> RedisQueue {
    queue_at(redis_url(), &fresh_prefix(), lease, |_| {}).await
}

/// A queue handle on `prefix` through `url` (say, a fault proxy), with test timings and any
/// further settings.
pub async fn queue_at(
    url: String,
    prefix: &str,
    lease: Duration,
    adjust: impl FnOnce(&mut RedisQueueConfig),
) -> RedisQueue {
    let mut cfg = RedisQueueConfig::new(url, prefix);
    cfg.lease = lease;
    cfg.block = Duration::from_millis(500);
    adjust(&mut cfg);
    RedisQueue::connect(cfg)
        .await
        .expect("Redis must be running for these tests")
}

/// What a test handler saw: one entry per run.
#[derive(Debug, Clone)]
pub struct Run {
    pub tick: i64,
    pub attempt: u32,
    pub at: Instant,
}

pub type Runs = Arc<Mutex<Vec<Run>>>;

pub type Behaviour =
    Arc<dyn Fn(&Envelope<ExpireHolds>) -> BoxFuture<'static, Result<(), JobError>> + Send + Sync>;

pub fn ok() -> Behaviour {
    Arc::new(|_| Box::pin(async { Ok(()) }))
}

/// A running worker process stand-in: apalis worker + our backend + the lease keeper.
pub struct TestWorker {
    stop: watch::Sender<bool>,
    task: JoinHandle<Result<(), apalis_core::error::WorkerError>>,
    heartbeat: Option<Heartbeat>,
    pub runs: Runs,
    /// The worker id its backend registered (the name of its in-flight list).
    pub wid: String,
}

pub fn start_worker(
    queue: &RedisQueue,
    slots: usize,
    policy: RetryPolicy,
    behaviour: Behaviour,
) -> TestWorker {
    let runs: Runs = Arc::default();
    let seen = runs.clone();
    let backend = QueueBackend::<ExpireHolds>::new(queue.clone(), slots).with_retry_policy(policy);
    let wid = backend.worker_id().to_owned();
    let (stop, mut stopped) = watch::channel(false);
    let service = tower::service_fn(move |task: Task<Envelope<ExpireHolds>>| {
        let env = task.args;
        if let Ok(mut r) = seen.lock() {
            r.push(Run {
                tick: env.payload.tick_ms,
                attempt: env.meta.attempt,
                at: Instant::now(),
            });
        }
        behaviour(&env)
    });
    let worker = WorkerBuilder::new(format!("test-{}", backend.worker_id()))
        .backend(backend)
        .concurrency(slots)
        .build(service);
    let task = tokio::spawn(worker.run_until(async move {
        let _ = stopped.wait_for(|s| *s).await;
        Ok::<(), std::io::Error>(())
    }));
    TestWorker {
        stop,
        task,
        heartbeat: Some(Heartbeat::spawn(queue.clone())),
        runs,
        wid,
    }
}

impl TestWorker {
    /// Graceful stop: no new jobs, in-flight ones finish, claimed-not-started ones go back.
    pub async fn stop(mut self) {
        let _ = self.stop.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(10), &mut self.task).await;
        if let Some(h) = self.heartbeat.take() {
            h.stop();
        }
    }

    pub fn run_count(&self) -> usize {
        self.runs.lock().map(|r| r.len()).unwrap_or(0)
    }

    /// Every run as (tick, attempt), sorted.
    pub fn ticks_and_attempts(&self) -> Vec<(i64, u32)> {
        let mut runs: Vec<(i64, u32)> = self
            .runs
            .lock()
            .map(|r| r.iter().map(|r| (r.tick, r.attempt)).collect())
            .unwrap_or_default();
        runs.sort();
        runs
    }
}

/// Pushes plain jobs with ticks `0..n`; returns their ids in push order.
pub async fn push_ticks(queue: &RedisQueue, n: i64) -> Vec<String> {
    queue
        .push_many((0..n).map(|i| tick_job(i, None)).collect())
        .await
        .expect("push")
        .into_iter()
        .map(|e| e.id)
        .collect()
}

pub fn tick_job(tick_ms: i64, key: Option<&str>) -> NewJob {
    let options = EnqueueOptions {
        idempotency_key: key.map(|k| jobs::domain::IdempotencyKey::parse(k).expect("valid key")),
        ..Default::default()
    };
    NewJob::new(&ExpireHolds { tick_ms }, options).expect("encodes")
}

pub fn fast_policy(retries: u32, base_ms: u64) -> RetryPolicy {
    RetryPolicy {
        retries,
        base_delay: Duration::from_millis(base_ms),
        max_delay: Duration::from_secs(5),
        ..RetryPolicy::default()
    }
}

pub use testkit::eventually;

/// Every key under the queue's prefix.
pub async fn keys(queue: &RedisQueue) -> Vec<String> {
    let mut keys: Vec<String> = redis::cmd("KEYS")
        .arg(format!("{}:*", queue.prefix()))
        .query_async(&mut redis_conn().await)
        .await
        .expect("KEYS");
    keys.sort();
    keys
}

/// A line in the run's output even when the test passes: straight to stderr, not `eprintln!`,
/// which the test harness captures (a skipped test, a figure a test measures).
pub fn say(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Whether `REDIS_URL` lists several nodes: the suite runs on a Redis Cluster
/// (`scripts/test-redis-cluster.sh`).
pub fn on_cluster() -> bool {
    redis_url().contains(',')
}

/// For the tests that put a [`crate::proxy::FaultProxy`] between the queue and Redis: on a
/// cluster, says why the test does not run and answers true. The proxy stands for one server; a
/// cluster's client follows `MOVED` to the nodes' own addresses, around any proxy.
pub fn skipped_on_cluster(test: &str) -> bool {
    if on_cluster() {
        say(format_args!(
            "{test}: skipped on a Redis Cluster: its fault proxy stands for one server, and a \
             cluster's client follows redirects to the nodes' own addresses, around the proxy"
        ));
    }
    on_cluster()
}

/// The tests' own raw connection for inspecting keys: one server, or a whole cluster (every
/// key of a queue shares its prefix's hash tag, so a test's reads land on one node; `KEYS` asks
/// every primary).
pub enum RawConnection {
    Single(redis::aio::MultiplexedConnection),
    Cluster(redis::cluster_async::ClusterConnection),
}

impl redis::aio::ConnectionLike for RawConnection {
    fn req_packed_command<'a>(
        &'a mut self,
        cmd: &'a redis::Cmd,
    ) -> redis::RedisFuture<'a, redis::Value> {
        match self {
            RawConnection::Single(c) => c.req_packed_command(cmd),
            RawConnection::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a redis::Pipeline,
        offset: usize,
        count: usize,
    ) -> redis::RedisFuture<'a, Vec<redis::Value>> {
        match self {
            RawConnection::Single(c) => c.req_packed_commands(pipeline, offset, count),
            RawConnection::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            RawConnection::Single(c) => c.get_db(),
            RawConnection::Cluster(c) => c.get_db(),
        }
    }
}

pub async fn redis_conn() -> RawConnection {
    let url = redis_url();
    if on_cluster() {
        let nodes: Vec<&str> = url.split(',').map(str::trim).collect();
        let conn = redis::cluster::ClusterClient::new(nodes)
            .expect("cluster urls")
            .get_async_connection()
            .await
            .expect("connect to the cluster");
        return RawConnection::Cluster(conn);
    }
    let conn = redis::Client::open(url)
        .expect("url")
        .get_multiplexed_async_connection()
        .await
        .expect("connect");
    RawConnection::Single(conn)
}

/// Every state's depth, with `running` read raw: the O(1) depth clamps a negative counter to 0,
/// which would hide an over-decrement.
pub async fn exact_depth(queue: &RedisQueue) -> (u64, i64, u64, u64) {
    let d = queue.depth(&[jobs::QueueName::ExpireHolds]).await.unwrap()[0].1;
    (d.pending, stat(queue, "running").await, d.scheduled, d.dead)
}

/// One counter of the test queue's stats hash, read raw (0 when absent).
pub async fn stat(queue: &RedisQueue, field: &str) -> i64 {
    redis::cmd("HGET")
        .arg(format!("{}:q:expire_holds:stats", queue.prefix()))
        .arg(field)
        .query_async::<Option<i64>>(&mut redis_conn().await)
        .await
        .unwrap()
        .unwrap_or(0)
}

/// What a drained queue may leave behind: its stats key, nothing else.
pub fn stats_only(queue: &RedisQueue) -> Vec<String> {
    vec![format!("{}:q:expire_holds:stats", queue.prefix())]
}

/// One field of a job's record.
pub async fn job_field(queue: &RedisQueue, id: &str, field: &str) -> Option<String> {
    redis::cmd("HGET")
        .arg(format!("{}:job:{id}", queue.prefix()))
        .arg(field)
        .query_async(&mut redis_conn().await)
        .await
        .unwrap()
}

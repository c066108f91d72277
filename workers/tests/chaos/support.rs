//! What every fault scenario shares: guests who write like Meta delivers (signed, retried until
//! the ingress answers 200), worker processes that can be killed and replaced, and the ground
//! truth: every accepted message against what reached the fake Graph API.

use std::{
    collections::HashSet,
    fs::File,
    path::PathBuf,
    process::{Child, Stdio},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

pub use testkit::{
    Webhooks, deliveries,
    graph::LoggingGraph,
    harness::*,
    secrets::WA_SECRET,
    servers::{PrivatePostgres, PrivateRedis},
};

use jobs::QueueName;
use tokio::task::JoinHandle;

/// The `worker` binary cargo built for these tests.
pub const WORKER: &str = env!("CARGO_BIN_EXE_worker");

/// The WhatsApp number of the property every guest writes to.
pub const NUMBER_ID: &str = "106540352242922";

/// One scenario at a time where load matters: two loaded scenarios on two cores would measure
/// each other. (The PostgreSQL outage runs beside them: it sends two messages a second.)
pub static LOADED: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A fleet for a scenario on its own servers (or the machine's), with the property guests
/// write to.
pub async fn fleet_on(admin_url: &str, redis_url: &str) -> Fleet {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let fleet = Fleet::create(
        admin_url,
        redis_url,
        &format!("fleet_chaos_{id}"),
        &format!("chaos-{id}"),
    )
    .await
    .expect("a fleet on the scenario's servers");
    fleet.seed_property().await;
    fleet
}

/// A scenario's stage: its fleet (database with the property, Redis prefix), the ingress, and
/// the Graph API fake answering after `latency`, reporting statuses to the ingress unless
/// `statuses` is false.
pub struct Stage {
    pub fleet: Fleet,
    pub ingress: String,
    pub graph: LoggingGraph,
}

pub async fn stage(admin_url: &str, redis_url: &str, latency: Duration, statuses: bool) -> Stage {
    let fleet = fleet_on(admin_url, redis_url).await;
    let ingress = fleet.spawn_ingress().await;
    let graph = LoggingGraph::start(latency, statuses.then_some(ingress.as_str())).await;
    Stage {
        fleet,
        ingress,
        graph,
    }
}

/// Worker processes of one fleet, each logging to a file of the scenario's, which a scenario
/// kills and replaces at will.
pub struct Workers {
    env: Vec<(String, String)>,
    extra: Vec<(String, String)>,
    logs: PathBuf,
    pub children: Vec<Child>,
    started: usize,
}

impl Workers {
    /// `n` workers of `fleet` sending to the Graph API at `graph`, each with a reconcile window
    /// of 10 s (a reply found mid-send waits that long for the provider's acceptance) and the
    /// scenario's `extra` settings.
    pub fn start(fleet: &Fleet, graph: &str, n: usize, extra: &[(&str, &str)]) -> Workers {
        let logs = std::env::temp_dir().join(format!("chaos-logs-{}", fleet.prefix));
        std::fs::create_dir_all(&logs).expect("log folder");
        let mut workers = Workers {
            env: fleet.worker_env("http://127.0.0.1:9", graph),
            extra: [("REPLY_RECONCILE_SECS", "10")]
                .iter()
                .chain(extra)
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            logs,
            children: Vec::new(),
            started: 0,
        };
        for _ in 0..n {
            let child = workers.spawn();
            workers.children.push(child);
        }
        workers
    }

    fn spawn(&mut self) -> Child {
        self.started += 1;
        let log = File::create(self.logs.join(format!("worker-{}.log", self.started)))
            .expect("worker log");
        let extra: Vec<(&str, &str)> = self
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        worker_command(WORKER, &self.env, &extra)
            .stderr(Stdio::from(log))
            .spawn()
            .expect("spawn worker")
    }

    /// SIGKILLs worker `i` (as a lost node or an OOM would) and starts a replacement.
    pub fn kill_and_replace(&mut self, i: usize) {
        let i = i % self.children.len();
        let _ = self.children[i].kill();
        let _ = self.children[i].wait();
        self.children[i] = self.spawn();
    }

    /// What the workers logged, for a failed scenario's message.
    pub fn logs_tail(&self) -> String {
        let mut out = String::new();
        for n in 1..=self.started {
            let text = std::fs::read_to_string(self.logs.join(format!("worker-{n}.log")))
                .unwrap_or_default();
            let tail: Vec<&str> = text.lines().rev().take(5).collect();
            out.push_str(&format!("worker-{n}: {}\n", tail.join(" | ")));
        }
        out
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        terminate(&mut self.children);
        let _ = std::fs::remove_dir_all(&self.logs);
    }
}

/// A webhook answer the guests got.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub at: Instant,
    pub status: u16,
}

/// Guests, each writing one message, at a steady rate; every delivery is retried each second
/// until the ingress answers 200 (Meta retries for days).
#[derive(Clone, Default)]
pub struct Guests {
    pub answers: Arc<Mutex<Vec<Answer>>>,
    /// The phones whose message the ingress accepted.
    pub accepted: Arc<Mutex<HashSet<String>>>,
    pub sent: Arc<std::sync::atomic::AtomicUsize>,
}

impl Guests {
    /// Starts sending `count` guests' messages at `per_second` in the background; the handle
    /// ends when all are sent (not necessarily accepted: retries go on).
    pub fn start(&self, ingress: &str, count: usize, per_second: f64) -> JoinHandle<()> {
        self.start_from(ingress, 0, count, per_second)
    }

    /// [`Guests::start`] with guests `first..first + count` (other phones than another batch's).
    pub fn start_from(
        &self,
        ingress: &str,
        first: usize,
        count: usize,
        per_second: f64,
    ) -> JoinHandle<()> {
        let (me, ingress) = (self.clone(), ingress.to_owned());
        tokio::spawn(async move { me.write(&ingress, first, count, per_second).await })
    }

    /// Sends `count` guests' messages at `per_second`; returns when all are sent.
    async fn write(&self, ingress: &str, first: usize, count: usize, per_second: f64) {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("http client");
        let ingress = Webhooks::new(ingress).with_http(http);
        let start = Instant::now();
        let run = uuid::Uuid::new_v4().simple().to_string();
        for i in 0..count {
            let due = start + Duration::from_secs_f64(i as f64 / per_second);
            tokio::time::sleep_until(due.into()).await;
            let phone = format!("54911{:08}", 40_000_000 + first + i);
            let body = deliveries::whatsapp(
                NUMBER_ID,
                &phone,
                vec![deliveries::whatsapp_text(
                    &phone,
                    &format!("wamid.CHAOS{}{i}", &run[..8]),
                    "Hola",
                )],
            )
            .to_string();
            self.sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let (ingress, me) = (ingress.clone(), self.clone());
            tokio::spawn(async move {
                for _ in 0..600 {
                    let status = ingress
                        .whatsapp_signed(WA_SECRET, body.clone())
                        .await
                        .map(|r| r.status().as_u16())
                        .unwrap_or(0);
                    me.answers.lock().unwrap().push(Answer {
                        at: Instant::now(),
                        status,
                    });
                    if status == 200 {
                        me.accepted.lock().unwrap().insert(phone);
                        return;
                    }
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            });
        }
    }

    pub fn sent(&self) -> usize {
        self.sent.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn accepted(&self) -> HashSet<String> {
        self.accepted.lock().unwrap().clone()
    }

    pub fn answers(&self) -> Vec<Answer> {
        self.answers.lock().unwrap().clone()
    }
}

/// What a scenario ended with.
#[derive(Debug, Default)]
pub struct Outcome {
    pub sent: usize,
    pub accepted: usize,
    /// Accepted guests who got their answer.
    pub answered: usize,
    pub lost: usize,
    /// Extra copies of a reply the Graph API accepted.
    pub duplicates: usize,
    pub dead_letters: u64,
    /// Replies that more than one run handled: a run died or failed mid-send, and a later one
    /// reconciled it (found the provider's acceptance) or sent it (the provider never had it).
    pub sends_resumed: usize,
    /// From the fault's end until every accepted guest was answered.
    pub recovery: Duration,
    pub reply_p99: Duration,
}

impl Outcome {
    pub fn print(&self, scenario: &str) {
        println!(
            "chaos {scenario}: sent {}, accepted {}, answered {}, lost {}, duplicates {}, dead letters {}, sends resumed {}, recovery {:.1} s, reply p99 {:.0} ms",
            self.sent,
            self.accepted,
            self.answered,
            self.lost,
            self.duplicates,
            self.dead_letters,
            self.sends_resumed,
            self.recovery.as_secs_f64(),
            self.reply_p99.as_secs_f64() * 1000.0
        );
    }
}

/// The ground truth: each accepted guest's reply (its outbox row, by the tag it carried to the
/// Graph API) against what the fake received.
pub async fn ground_truth(fleet: &Fleet, graph: &LoggingGraph, guests: &Guests) -> Outcome {
    let rows: Vec<(i64, Option<String>, i32)> =
        sqlx::query_as("SELECT id, recipient, attempts FROM outbox WHERE kind = 'reply'")
            .fetch_all(&fleet.db)
            .await
            .expect("reply rows");
    let by_tag = graph.accepted_by_tag();
    let accepted = guests.accepted();
    let mut answered = HashSet::new();
    let mut duplicates = 0;
    let sends_resumed = rows.iter().filter(|(_, _, attempts)| *attempts > 1).count();
    for (id, recipient, _) in &rows {
        let copies = by_tag.get(&format!("r{id}")).copied().unwrap_or(0);
        duplicates += copies.saturating_sub(1);
        if copies > 0
            && let Some(r) = recipient
        {
            answered.insert(r.clone());
        }
    }
    let p99: Option<f64> = sqlx::query_scalar(
        "SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - inbound_received_at))
         FROM outbox WHERE kind = 'reply' AND sent_at IS NOT NULL",
    )
    .fetch_one(&fleet.db)
    .await
    .expect("p99");
    // After a Redis restart the first command on an old connection fails while it reconnects.
    let mut depths = fleet.queue.depth(&QueueName::ALL).await;
    for _ in 0..20 {
        if depths.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        depths = fleet.queue.depth(&QueueName::ALL).await;
    }
    let depths = depths.expect("depths");
    Outcome {
        sent: guests.sent(),
        accepted: accepted.len(),
        answered: accepted.intersection(&answered).count(),
        lost: accepted.difference(&answered).count(),
        duplicates,
        dead_letters: depths.iter().map(|(_, d)| d.dead).sum(),
        sends_resumed,
        recovery: Duration::ZERO,
        reply_p99: Duration::from_secs_f64(p99.unwrap_or(0.0).max(0.0)),
    }
}

/// Waits until every guest of `phones` was answered (or `within` passes); answers how long it
/// took: the recovery after a fault, for the guests who wrote before it ended.
pub async fn answered(
    fleet: &Fleet,
    graph: &LoggingGraph,
    phones: &HashSet<String>,
    within: Duration,
) -> Duration {
    let started = Instant::now();
    while started.elapsed() < within {
        let by_tag = graph.accepted_by_tag();
        let rows: Vec<(i64, Option<String>)> =
            sqlx::query_as("SELECT id, recipient FROM outbox WHERE kind = 'reply'")
                .fetch_all(&fleet.db)
                .await
                .unwrap_or_default();
        let done: HashSet<String> = rows
            .into_iter()
            .filter(|(id, _)| by_tag.contains_key(&format!("r{id}")))
            .filter_map(|(_, r)| r)
            .collect();
        if phones.is_subset(&done) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    started.elapsed()
}

/// Waits until every guest's message was accepted and every accepted guest answered (or
/// `within` passes); answers how long it took.
pub async fn drained(
    fleet: &Fleet,
    graph: &LoggingGraph,
    guests: &Guests,
    count: usize,
    within: Duration,
) -> Duration {
    let started = Instant::now();
    while started.elapsed() < within {
        if guests.accepted().len() >= count && ground_truth(fleet, graph, guests).await.lost == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    started.elapsed()
}

//! Operations of the queue protocol, one Lua script (or one pipelined read) each.

use std::{
    collections::{BTreeMap, HashSet},
    sync::{Arc, Mutex},
    time::Duration,
};

use futures::future::BoxFuture;
use redis::{Script, ScriptInvocation, Value};
use serde::Serialize;

use super::{
    QueueError, RedisQueueConfig,
    connection::RedisConnection,
    entry::{InlineEntry, delay_ms, entry_id, inline_entry},
    replication::ReplicationProbe,
    scripts::Scripts,
};
use crate::{
    envelope::{EnqueueOptions, JobMeta},
    queue::{Job, QueueName},
};

/// Jobs per push script call: big enough that the round trip is amortised, small enough that
/// one call never blocks Redis for long and the chunks of a large batch overlap (encoding the
/// next while Redis runs the last).
pub const PUSH_CHUNK: usize = 1000;

/// `items` in order, cut into pieces of at most `size`.
fn chunked<T>(items: Vec<T>, size: usize) -> Vec<Vec<T>> {
    let mut chunks = Vec::with_capacity(items.len().div_ceil(size));
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(size).collect());
    }
    chunks
}

/// A job of a push that goes into the ready list as an inline entry.
struct InlineJob {
    /// Its place in the push.
    i: usize,
    id: String,
    entry: String,
    key: Option<String>,
}

impl InlineJob {
    fn pushed(self) -> (usize, Enqueued) {
        let enq = Enqueued {
            id: self.id,
            duplicate: false,
        };
        (self.i, enq)
    }
}

/// The result of one enqueue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enqueued {
    /// The job that holds the work: the new one, or the earlier one for a duplicate.
    pub id: String,
    /// The idempotency key was already known: nothing new was queued.
    pub duplicate: bool,
}

/// A job ready to be pushed, already encoded; lets one call carry jobs of several queues.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub queue: QueueName,
    pub payload: String,
    pub max_attempts: u32,
    pub options: EnqueueOptions,
}

impl NewJob {
    pub fn new<J: Job>(payload: &J, options: EnqueueOptions) -> Result<Self, QueueError> {
        Ok(NewJob {
            queue: J::QUEUE,
            payload: serde_json::to_string(payload)?,
            max_attempts: J::retry_policy().max_attempts(),
            options,
        })
    }
}

/// One claimed job, still encoded.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub meta: JobMeta,
    pub payload: String,
}

/// Jobs per state for one queue; each figure is one O(1) Redis read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QueueDepth {
    pub pending: u64,
    pub running: u64,
    pub scheduled: u64,
    pub dead: u64,
}

/// A dead letter as staff see it.
#[derive(Debug, Clone, Serialize)]
pub struct DeadLetter {
    pub id: String,
    pub attempts: u32,
    pub max_attempts: u32,
    pub last_error: String,
    pub dead_at_ms: i64,
    pub idempotency_key: String,
    pub payload: String,
}

/// Handle on the queue; cheap to clone (one shared multiplexed connection).
#[derive(Clone)]
pub struct RedisQueue {
    inner: Arc<Inner>,
}

struct Inner {
    conn: RedisConnection,
    config: RedisQueueConfig,
    /// `{prefix}`: the start of every key, one hash tag (see [`RedisQueue::prefix`]).
    key_base: String,
    /// With `replica_wait`: the confirmation of writes by replicas, on a connection of its own.
    replication: Option<ReplicationProbe>,
    scripts: Scripts,
    /// `queue|worker id` of the workers of this process, renewed by the heartbeat.
    members: Mutex<HashSet<String>>,
}

impl std::fmt::Debug for RedisQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisQueue")
            .field("prefix", &self.inner.config.prefix)
            .finish_non_exhaustive()
    }
}

impl RedisQueue {
    pub async fn connect(config: RedisQueueConfig) -> Result<Self, QueueError> {
        let key_base = key_base(&config.prefix);
        let mut conn = RedisConnection::open(&config.topology, &key_base).await?;
        let replication = match config.replica_wait {
            Some(wait) => Some(ReplicationProbe::new(
                RedisConnection::open(&config.topology, &key_base).await?,
                &key_base,
                wait,
            )),
            None => None,
        };
        let scripts = Scripts::new();
        // Loaded up front so that a push's first script call does not answer NOSCRIPT and go
        // again behind the plain LPUSHes sent after it (which would reorder a mixed push).
        scripts.push.prepare_invoke().load_async(&mut conn).await?;
        scripts
            .push_keyed
            .prepare_invoke()
            .load_async(&mut conn)
            .await?;
        Ok(RedisQueue {
            inner: Arc::new(Inner {
                conn,
                config,
                key_base,
                replication,
                scripts,
                members: Mutex::new(HashSet::new()),
            }),
        })
    }

    pub fn config(&self) -> &RedisQueueConfig {
        &self.inner.config
    }

    /// The start of every key of this fleet: its prefix in braces (`{fleet}`), one Redis hash
    /// tag. Every key of a fleet hashes to one cluster slot, so each script, pipeline and
    /// multi-key command touches one slot and runs atomically on one node. The price: a fleet's
    /// queue traffic lands on one primary of a cluster; what spreads over the primaries is
    /// fleets (one prefix each), not the queues of one fleet (ARCHITECTURE.md, "Redis beyond
    /// one node").
    pub fn prefix(&self) -> &str {
        &self.inner.key_base
    }

    pub(crate) fn conn(&self) -> RedisConnection {
        self.inner.conn.clone()
    }

    /// A call of one of the protocol's scripts: its one declared key is the fleet's hash tag
    /// (a cluster routes it to the node of the fleet's slot), its first argument the prefix the
    /// script builds every key from.
    fn fleet_call<'s>(&self, script: &'s Script) -> ScriptInvocation<'s> {
        let mut inv = script.prepare_invoke();
        inv.key(self.prefix()).arg(self.prefix());
        inv
    }

    /// A connection of its own for blocking fetches, which would stall a shared one.
    pub async fn blocking_connection(&self) -> Result<RedisConnection, QueueError> {
        Ok(RedisConnection::open_blocking(
            &self.inner.config.topology,
            &self.inner.key_base,
            self.inner.config.block,
        )
        .await?)
    }

    /// Round trip to Redis, for readiness checks.
    pub async fn ping(&self) -> Result<(), QueueError> {
        let _: String = redis::cmd("PING").query_async(&mut self.conn()).await?;
        Ok(())
    }

    fn key(&self, queue: QueueName, name: &str) -> String {
        format!("{}:q:{}:{}", self.prefix(), queue, name)
    }

    /// Enqueue one typed job.
    pub async fn enqueue<J: Job>(
        &self,
        payload: &J,
        options: EnqueueOptions,
    ) -> Result<Enqueued, QueueError> {
        let job = NewJob::new(payload, options)?;
        let mut out = self.push_many(vec![job]).await?;
        out.pop()
            .ok_or_else(|| QueueError::Protocol("push returned nothing".into()))
    }

    /// Enqueue many jobs (of any queues), at most [`PUSH_CHUNK`] jobs per call, all pipelined
    /// on the shared connection. A job with no delay goes into the ready list as an inline entry
    /// (the whole job, no hash): a run of plain ones with one variadic `LPUSH` and nothing else,
    /// a run with idempotency keys through `push_keyed.lua` (one `SET NX EX` per key, then one
    /// variadic `LPUSH` of the entries that are not duplicates). Delayed jobs take the push
    /// script (hash, idempotency key, schedule). A chunk that mixes kinds is cut into runs of one kind, sent in
    /// order, so the ready list keeps the order of `jobs`. Results come back in the order of
    /// `jobs`.
    pub async fn push_many(&self, jobs: Vec<NewJob>) -> Result<Vec<Enqueued>, QueueError> {
        let mut by_queue: BTreeMap<QueueName, Vec<(usize, NewJob)>> = BTreeMap::new();
        let total = jobs.len();
        for (i, job) in jobs.into_iter().enumerate() {
            by_queue.entry(job.queue).or_default().push((i, job));
        }
        let enqueued_ms = chrono::Utc::now().timestamp_millis();
        let mut calls = Vec::new();
        for (queue, jobs) in by_queue {
            for chunk in chunked(jobs, PUSH_CHUNK) {
                let mut inline: Vec<InlineJob> = Vec::new();
                let mut scripted: Vec<(usize, String, NewJob)> = Vec::new();
                for (i, job) in chunk {
                    let id = uuid::Uuid::now_v7().simple().to_string();
                    match inline_entry(&id, &job, enqueued_ms) {
                        Some(entry) => {
                            if !scripted.is_empty() {
                                calls
                                    .push(self.push_scripted(queue, std::mem::take(&mut scripted)));
                            }
                            let key = job.options.idempotency_key.map(String::from);
                            inline.push(InlineJob { i, id, entry, key });
                        }
                        None => {
                            if !inline.is_empty() {
                                calls.push(self.push_inline(queue, std::mem::take(&mut inline)));
                            }
                            scripted.push((i, id, job));
                        }
                    }
                }
                if !scripted.is_empty() {
                    calls.push(self.push_scripted(queue, scripted));
                }
                if !inline.is_empty() {
                    calls.push(self.push_inline(queue, inline));
                }
            }
        }
        let mut results: Vec<Option<Enqueued>> = vec![None; total];
        for batch in futures::future::try_join_all(calls).await? {
            for (i, enq) in batch {
                results[i] = Some(enq);
            }
        }
        if self.inner.config.pushes_wait {
            self.confirm_replicated("push").await?;
        }
        results
            .into_iter()
            .map(|r| r.ok_or_else(|| QueueError::Protocol("push lost a job".into())))
            .collect()
    }

    /// With `REDIS_WAIT_REPLICAS`: wait until that many replicas have every write whose reply
    /// came back before this call (the push just made, a sending mark just taken), or fail with
    /// [`QueueError::NotReplicated`]: a primary lost now could take the write along, since
    /// replication is asynchronous. Without it: nothing to wait for. Never blocks the shared
    /// connection (see `replication.rs`). `write` names it in `fleet_redis_unreplicated_total`.
    pub async fn confirm_replicated(&self, write: &'static str) -> Result<(), QueueError> {
        match &self.inner.replication {
            Some(probe) => probe.confirm(write).await,
            None => Ok(()),
        }
    }

    /// A run of inline jobs of one queue: one `LPUSH` of their entries when none has an
    /// idempotency key (no script), else `push_keyed.lua`.
    fn push_inline(
        &self,
        queue: QueueName,
        jobs: Vec<InlineJob>,
    ) -> BoxFuture<'_, Result<Vec<(usize, Enqueued)>, QueueError>> {
        if jobs.iter().any(|j| j.key.is_some()) {
            return self.push_keyed(queue, jobs);
        }
        let mut cmd = redis::cmd("LPUSH");
        cmd.arg(self.key(queue, "ready"));
        for job in &jobs {
            cmd.arg(&job.entry);
        }
        Box::pin(async move {
            let _: i64 = cmd.query_async(&mut self.conn()).await?;
            Ok(jobs.into_iter().map(InlineJob::pushed).collect())
        })
    }

    /// A run of inline jobs of one queue, some keyed: `push_keyed.lua` records each new key
    /// (`SET NX EX`) and pushes every entry that is not a duplicate, in one call. It answers only
    /// the duplicates (position and the id that holds the work).
    fn push_keyed(
        &self,
        queue: QueueName,
        jobs: Vec<InlineJob>,
    ) -> BoxFuture<'_, Result<Vec<(usize, Enqueued)>, QueueError>> {
        let mut inv = self.fleet_call(&self.inner.scripts.push_keyed);
        inv.arg(queue.as_str()).arg(self.idempotency_ttl_secs());
        for job in &jobs {
            inv.arg(job.key.as_deref().unwrap_or("")).arg(&job.entry);
        }
        Box::pin(async move {
            let reply: Vec<Value> = inv.invoke_async(&mut self.conn()).await?;
            let mut out: Vec<(usize, Enqueued)> = jobs.into_iter().map(InlineJob::pushed).collect();
            for pair in reply.chunks(2) {
                let [at, id] = pair else {
                    return Err(QueueError::Protocol("push_keyed answered oddly".into()));
                };
                let slot = usize::try_from(as_i64(at) - 1)
                    .ok()
                    .and_then(|at| out.get_mut(at))
                    .ok_or_else(|| QueueError::Protocol("push_keyed answered oddly".into()))?;
                slot.1 = Enqueued {
                    id: as_string(id),
                    duplicate: true,
                };
            }
            Ok(out)
        })
    }

    /// How long an idempotency key is kept, in whole seconds.
    fn idempotency_ttl_secs(&self) -> u64 {
        self.inner.config.idempotency_ttl.as_secs().max(1)
    }

    /// Jobs of one queue that need the push script (delayed, or with byte 31 in a trace field).
    fn push_scripted(
        &self,
        queue: QueueName,
        jobs: Vec<(usize, String, NewJob)>,
    ) -> BoxFuture<'_, Result<Vec<(usize, Enqueued)>, QueueError>> {
        let mut inv = self.fleet_call(&self.inner.scripts.push);
        inv.arg(queue.as_str()).arg(self.idempotency_ttl_secs());
        for (_, id, job) in &jobs {
            let o = &job.options;
            inv.arg(id)
                .arg(&job.payload)
                .arg(job.max_attempts)
                .arg(delay_ms(o))
                .arg(o.idempotency_key.as_ref().map_or("", |k| k.as_str()))
                .arg(o.traceparent.as_deref().unwrap_or(""))
                .arg(o.request_id.as_deref().unwrap_or(""));
        }
        Box::pin(async move {
            let reply: Vec<Value> = inv.invoke_async(&mut self.conn()).await?;
            if reply.len() != jobs.len() * 2 {
                return Err(QueueError::Protocol(format!(
                    "push answered {} values for {} jobs",
                    reply.len(),
                    jobs.len()
                )));
            }
            Ok(jobs
                .iter()
                .zip(reply.chunks(2))
                .map(|((i, _, _), pair)| {
                    (
                        *i,
                        Enqueued {
                            id: as_string(&pair[0]),
                            duplicate: as_i64(&pair[1]) == 1,
                        },
                    )
                })
                .collect())
        })
    }

    /// Claim up to `n` jobs for worker `wid` (promoting due retries first): first those a
    /// blocking fetch already moved into its fetched list, then ready ones. Also returns when the
    /// next scheduled job falls due, so an idle fetch knows how long it may block.
    ///
    /// Not idempotent: a claim whose reply is lost leaves its jobs in the worker's in-flight list
    /// unknown to the worker; [`RedisQueue::reconcile`] gives them back.
    pub async fn claim(
        &self,
        queue: QueueName,
        wid: &str,
        n: usize,
    ) -> Result<(Vec<Claimed>, Option<i64>), QueueError> {
        let cfg = &self.inner.config;
        let reply: Vec<Value> = self
            .fleet_call(&self.inner.scripts.claim)
            .arg(queue.as_str())
            .arg(wid)
            .arg(n)
            .arg(cfg.lease.as_millis() as u64)
            .arg(cfg.promote_limit)
            .invoke_async(&mut self.conn())
            .await?;
        let (head, rest) = reply
            .split_first()
            .ok_or_else(|| QueueError::Protocol("claim answered nothing".into()))?;
        let next_due = Some(as_i64(head)).filter(|t| *t >= 0);
        let claimed = rest
            .chunks_exact(8)
            .map(|f| {
                let payload = as_string(&f[4]);
                let meta = JobMeta {
                    id: as_string(&f[0]),
                    queue,
                    attempt: as_i64(&f[1]) as u32,
                    max_attempts: as_i64(&f[2]) as u32,
                    enqueued_at_ms: as_i64(&f[3]),
                    idempotency_key: non_empty(as_string(&f[5])),
                    traceparent: non_empty(as_string(&f[6])),
                    request_id: non_empty(as_string(&f[7])),
                };
                // A job claimed from an inline entry comes back as the entry itself.
                match InlineEntry::parse(&payload) {
                    Some(inline) => inline.claimed(meta),
                    None => Claimed { meta, payload },
                }
            })
            .collect();
        Ok((claimed, next_due))
    }

    /// Block (on `conn`, a connection of its own) until a job is ready or `timeout` passes;
    /// Redis itself moves the job into the worker's fetched list, so it cannot be lost: the
    /// worker's next claim takes it from there, even when this reply never arrives. Returns the
    /// moved job's id (an inline entry stays whole in the fetched list; only its id comes back).
    pub async fn wait_ready(
        &self,
        conn: &mut RedisConnection,
        queue: QueueName,
        wid: &str,
        timeout: Duration,
    ) -> Result<Option<String>, QueueError> {
        let secs = (timeout.as_millis().max(10) as f64) / 1000.0;
        let entry: Option<String> = redis::cmd("BLMOVE")
            .arg(self.key(queue, "ready"))
            .arg(self.key(queue, &format!("fetched:{wid}")))
            .arg("RIGHT")
            .arg("LEFT")
            .arg(secs)
            .query_async(conn)
            .await?;
        Ok(entry.map(entry_id))
    }

    /// Forget finished jobs. Returns how many were still this worker's.
    pub async fn ack(
        &self,
        queue: QueueName,
        wid: &str,
        ids: &[String],
    ) -> Result<u64, QueueError> {
        if ids.is_empty() {
            return Ok(0);
        }
        let mut inv = self.fleet_call(&self.inner.scripts.ack);
        inv.arg(queue.as_str()).arg(wid);
        for id in ids {
            inv.arg(id);
        }
        Ok(inv.invoke_async(&mut self.conn()).await?)
    }

    /// Schedule a retry after `delay` (`refund`: the attempt does not count), or dead-letter
    /// with `delay = None`.
    pub async fn fail(
        &self,
        queue: QueueName,
        wid: &str,
        id: &str,
        delay: Option<Duration>,
        refund: bool,
        error: &str,
    ) -> Result<bool, QueueError> {
        let delay_ms: i64 = delay.map_or(-1, |d| d.as_millis() as i64);
        let n: i64 = self
            .fleet_call(&self.inner.scripts.fail)
            .arg(queue.as_str())
            .arg(wid)
            .arg(id)
            .arg(delay_ms)
            .arg(truncate(error, 2000))
            .arg(if refund { "1" } else { "0" })
            .invoke_async(&mut self.conn())
            .await?;
        Ok(n == 1)
    }

    /// Hand back everything the worker claimed or fetched (none of it started: attempts are
    /// given back) and drop its registration.
    pub async fn release(&self, queue: QueueName, wid: &str) -> Result<u64, QueueError> {
        self.release_with_unrecorded(queue, wid, &[]).await
    }

    /// [`RedisQueue::release`] for a worker that also ran `unrecorded` jobs whose outcome it
    /// could not store: those keep their attempt.
    pub async fn release_with_unrecorded(
        &self,
        queue: QueueName,
        wid: &str,
        unrecorded: &[String],
    ) -> Result<u64, QueueError> {
        self.forget_member(queue, wid);
        let mut inv = self.fleet_call(&self.inner.scripts.release);
        inv.arg(queue.as_str()).arg(wid);
        for id in unrecorded {
            inv.arg(id);
        }
        Ok(inv.invoke_async(&mut self.conn()).await?)
    }

    /// Square a live worker's in-flight list with what it `held` (still running or about to):
    /// every other id goes back to ready. Those in `unrecorded` ran without a stored outcome and
    /// keep their attempt (dead letters if it was the last); the rest never started and get it
    /// back. Returns `(requeued, dead-lettered)`. Must not overlap a claim of the same worker,
    /// whose jobs are in the list before the worker holds them.
    pub async fn reconcile(
        &self,
        queue: QueueName,
        wid: &str,
        held: &[String],
        unrecorded: &[String],
    ) -> Result<(u64, u64), QueueError> {
        let mut inv = self.fleet_call(&self.inner.scripts.reconcile);
        inv.arg(queue.as_str()).arg(wid).arg(unrecorded.len());
        for id in unrecorded.iter().chain(held) {
            inv.arg(id);
        }
        let reply: Vec<i64> = inv.invoke_async(&mut self.conn()).await?;
        match reply.as_slice() {
            [requeued, dead] => Ok((*requeued as u64, *dead as u64)),
            _ => Err(QueueError::Protocol("reconcile answered oddly".into())),
        }
    }

    pub(crate) fn remember_member(&self, queue: QueueName, wid: &str) {
        if let Ok(mut m) = self.inner.members.lock() {
            m.insert(format!("{queue}|{wid}"));
        }
    }

    pub(crate) fn forget_member(&self, queue: QueueName, wid: &str) {
        if let Ok(mut m) = self.inner.members.lock() {
            m.remove(&format!("{queue}|{wid}"));
        }
    }

    /// Renew the leases of this process's workers.
    pub async fn heartbeat(&self) -> Result<(), QueueError> {
        let members: Vec<String> = match self.inner.members.lock() {
            Ok(m) => m.iter().cloned().collect(),
            Err(_) => return Ok(()),
        };
        if members.is_empty() {
            return Ok(());
        }
        let mut inv = self.fleet_call(&self.inner.scripts.heartbeat);
        inv.arg(self.inner.config.lease.as_millis() as u64);
        for m in &members {
            inv.arg(m);
        }
        let _: i64 = inv.invoke_async(&mut self.conn()).await?;
        Ok(())
    }

    /// Return the jobs of workers whose lease lapsed: `(requeued, dead-lettered)`.
    pub async fn recover(&self) -> Result<(u64, u64), QueueError> {
        let reply: Vec<i64> = self
            .fleet_call(&self.inner.scripts.recover)
            .arg(100)
            .invoke_async(&mut self.conn())
            .await?;
        match reply.as_slice() {
            [requeued, dead] => Ok((*requeued as u64, *dead as u64)),
            _ => Err(QueueError::Protocol("recover answered oddly".into())),
        }
    }

    /// Jobs per state, for every queue given.
    pub async fn depth(
        &self,
        queues: &[QueueName],
    ) -> Result<Vec<(QueueName, QueueDepth)>, QueueError> {
        let mut pipe = redis::pipe();
        for q in queues {
            pipe.cmd("LLEN").arg(self.key(*q, "ready"));
            pipe.cmd("HGET").arg(self.key(*q, "stats")).arg("running");
            pipe.cmd("ZCARD").arg(self.key(*q, "sched"));
            pipe.cmd("ZCARD").arg(self.key(*q, "dead"));
        }
        let values: Vec<Value> = pipe.query_async(&mut self.conn()).await?;
        Ok(queues
            .iter()
            .zip(values.chunks_exact(4))
            .map(|(q, v)| {
                let n = |x: &Value| as_i64(x).max(0) as u64;
                (
                    *q,
                    QueueDepth {
                        pending: n(&v[0]),
                        running: n(&v[1]),
                        scheduled: n(&v[2]),
                        dead: n(&v[3]),
                    },
                )
            })
            .collect())
    }

    /// The oldest `limit` dead letters of a queue.
    pub async fn dead_letters(
        &self,
        queue: QueueName,
        limit: usize,
    ) -> Result<Vec<DeadLetter>, QueueError> {
        let ids: Vec<String> = redis::cmd("ZRANGE")
            .arg(self.key(queue, "dead"))
            .arg(0)
            .arg(limit.saturating_sub(1) as i64)
            .query_async(&mut self.conn())
            .await?;
        self.letters(ids).await
    }

    /// Up to `limit` dead letters of a queue that died at or after `from_ms` (ms since the
    /// epoch), the oldest first: what a watcher that has told everything before `from_ms` still
    /// has to tell.
    pub async fn dead_letters_since(
        &self,
        queue: QueueName,
        from_ms: i64,
        limit: usize,
    ) -> Result<Vec<DeadLetter>, QueueError> {
        // Scored by the time each died (also those a dead worker's reconciliation put there).
        let scored: Vec<(String, f64)> = redis::cmd("ZRANGE")
            .arg(self.key(queue, "dead"))
            .arg(from_ms)
            .arg("+inf")
            .arg("BYSCORE")
            .arg("LIMIT")
            .arg(0)
            .arg(limit as i64)
            .arg("WITHSCORES")
            .query_async(&mut self.conn())
            .await?;
        let died: Vec<i64> = scored.iter().map(|(_, at)| *at as i64).collect();
        let mut letters = self
            .letters(scored.into_iter().map(|(id, _)| id).collect())
            .await?;
        for (letter, at) in letters.iter_mut().zip(died) {
            letter.dead_at_ms = at;
        }
        Ok(letters)
    }

    /// The dead letters `ids` name, in that order.
    async fn letters(&self, ids: Vec<String>) -> Result<Vec<DeadLetter>, QueueError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for id in &ids {
            pipe.cmd("HMGET")
                .arg(format!("{}:job:{id}", self.prefix()))
                .arg(&["a", "m", "err", "d", "k", "p"]);
        }
        let rows: Vec<Vec<Value>> = pipe.query_async(&mut self.conn()).await?;
        Ok(ids
            .into_iter()
            .zip(rows)
            .map(|(id, f)| DeadLetter {
                id,
                attempts: as_i64(&f[0]) as u32,
                max_attempts: as_i64(&f[1]) as u32,
                last_error: as_string(&f[2]),
                dead_at_ms: as_i64(&f[3]),
                idempotency_key: as_string(&f[4]),
                payload: as_string(&f[5]),
            })
            .collect())
    }

    /// The payloads of up to `limit` jobs waiting in a queue's ready list, next to run last
    /// (for operators and tests that look at what is queued; it changes nothing).
    pub async fn ready_payloads(
        &self,
        queue: QueueName,
        limit: usize,
    ) -> Result<Vec<String>, QueueError> {
        let entries: Vec<String> = redis::cmd("LRANGE")
            .arg(self.key(queue, "ready"))
            .arg(0)
            .arg(limit.saturating_sub(1) as i64)
            .query_async(&mut self.conn())
            .await?;
        let mut payloads = Vec::with_capacity(entries.len());
        let mut by_id = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match super::entry::InlineEntry::parse(entry) {
                Some(inline) => payloads.push(Some(inline.payload().to_owned())),
                None => {
                    payloads.push(None);
                    by_id.push((i, entry));
                }
            }
        }
        if !by_id.is_empty() {
            let mut pipe = redis::pipe();
            for (_, id) in &by_id {
                pipe.cmd("HGET")
                    .arg(format!("{}:job:{id}", self.prefix()))
                    .arg("p");
            }
            let stored: Vec<Option<String>> = pipe.query_async(&mut self.conn()).await?;
            for ((i, _), payload) in by_id.into_iter().zip(stored) {
                payloads[i] = payload;
            }
        }
        Ok(payloads.into_iter().flatten().collect())
    }

    /// Send dead letters back to work with fresh attempts. Returns how many moved.
    pub async fn redrive(&self, queue: QueueName, ids: &[String]) -> Result<u64, QueueError> {
        if ids.is_empty() {
            return Ok(0);
        }
        let mut inv = self.fleet_call(&self.inner.scripts.redrive);
        inv.arg(queue.as_str());
        for id in ids {
            inv.arg(id);
        }
        Ok(inv.invoke_async(&mut self.conn()).await?)
    }

    /// Re-drive every dead letter of a queue, in chunks.
    pub async fn redrive_all(&self, queue: QueueName) -> Result<u64, QueueError> {
        let mut total = 0;
        while let Some(ids) = self.oldest_dead(queue).await? {
            total += self.redrive(queue, &ids).await?;
        }
        Ok(total)
    }

    /// The ids of up to 500 oldest dead letters of a queue; `None` when there are none.
    async fn oldest_dead(&self, queue: QueueName) -> Result<Option<Vec<String>>, QueueError> {
        let ids: Vec<String> = self
            .dead_letters(queue, 500)
            .await?
            .into_iter()
            .map(|d| d.id)
            .collect();
        Ok((!ids.is_empty()).then_some(ids))
    }

    /// Discard dead letters (they will never run). Returns how many went.
    pub async fn purge_dead(&self, queue: QueueName, ids: &[String]) -> Result<u64, QueueError> {
        if ids.is_empty() {
            return Ok(0);
        }
        let mut inv = self.fleet_call(&self.inner.scripts.purge_dead);
        inv.arg(queue.as_str());
        for id in ids {
            inv.arg(id);
        }
        Ok(inv.invoke_async(&mut self.conn()).await?)
    }

    /// Discard every dead letter of a queue, in chunks.
    pub async fn purge_dead_all(&self, queue: QueueName) -> Result<u64, QueueError> {
        let mut total = 0;
        while let Some(ids) = self.oldest_dead(queue).await? {
            total += self.purge_dead(queue, &ids).await?;
        }
        Ok(total)
    }

    /// Move the keys a fleet wrote before its keys carried the hash tag (`fleet:...`, now
    /// `{fleet}:...`) to where they live now, so an upgrade keeps every queued job, idempotency
    /// key, delivery mark and staff session. Every binary does it as it starts, before it
    /// serves; safe to run by several at once (each key moves once, merged into anything
    /// already written anew). Only the fleet's own key families move: another fleet whose name
    /// starts with this one's (`fleet:eu`) keeps its keys. Nothing to do on a cluster, which
    /// never held the old layout. Returns how many keys moved.
    pub async fn adopt_unbraced_keys(&self) -> Result<u64, QueueError> {
        let name = &self.inner.config.prefix;
        if self.inner.config.topology.is_cluster() || *name == self.inner.key_base {
            return Ok(0);
        }
        let mut conn = self.conn();
        let (pattern, mut cursor, mut moved) = (format!("{name}:*"), 0u64, 0u64);
        loop {
            let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
                .arg(cursor)
                .arg("MATCH")
                .arg(&pattern)
                .arg("COUNT")
                .arg(1000)
                .query_async(&mut conn)
                .await?;
            for old in keys {
                let rest = &old[name.len() + 1..];
                if !ADOPTED_FAMILIES
                    .iter()
                    .any(|f| rest == *f || rest.starts_with(&format!("{f}:")))
                {
                    continue;
                }
                let new = format!("{}:{rest}", self.inner.key_base);
                let n: u64 = self
                    .inner
                    .scripts
                    .adopt
                    .key(&old)
                    .key(&new)
                    .invoke_async(&mut conn)
                    .await?;
                moved += n;
            }
            if next == 0 {
                break;
            }
            cursor = next;
        }
        if moved > 0 {
            tracing::info!(
                moved,
                prefix = %name,
                "moved the Redis keys written before keys carried the fleet's hash tag"
            );
        }
        Ok(moved)
    }

    /// Remove every key under this prefix (tests and benchmarks only).
    pub async fn purge(&self) -> Result<u64, QueueError> {
        let mut conn = self.conn();
        let pattern = format!("{}:*", self.prefix());
        let mut cursor: u64 = 0;
        let mut removed = 0;
        loop {
            let mut scan = redis::cmd("SCAN");
            scan.arg(cursor)
                .arg("MATCH")
                .arg(&pattern)
                .arg("COUNT")
                .arg(1000);
            let (next, keys): (u64, Vec<String>) = conn.on_fleet_slot(scan).await?;
            if !keys.is_empty() {
                removed += redis::cmd("UNLINK")
                    .arg(&keys)
                    .query_async::<u64>(&mut conn)
                    .await?;
            }
            if next == 0 {
                return Ok(removed);
            }
            cursor = next;
        }
    }
}

fn as_string(v: &Value) -> String {
    match v {
        Value::BulkString(b) => String::from_utf8_lossy(b).into_owned(),
        Value::SimpleString(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn as_i64(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::BulkString(b) => std::str::from_utf8(b)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0),
        Value::SimpleString(s) => s.parse().unwrap_or(0),
        _ => 0,
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The key families of a fleet that outlive a restart (after the prefix): queues, jobs, the
/// worker registry, idempotency keys, delivery marks, locks, staff sessions and pauses. Rate
/// windows and the sandbox's lists are left to expire.
const ADOPTED_FAMILIES: [&str; 9] = [
    "q",
    "job",
    "workers",
    "idem",
    "delivered",
    "sending",
    "lock",
    "session",
    "pause",
];

/// `{prefix}`, the hash tag every key of the fleet starts with; a prefix already in braces is
/// kept as it is (a handle made from another's [`RedisQueue::prefix`]).
fn key_base(prefix: &str) -> String {
    if prefix.starts_with('{') && prefix.ends_with('}') && prefix.len() > 2 {
        prefix.to_owned()
    } else {
        format!("{{{prefix}}}")
    }
}

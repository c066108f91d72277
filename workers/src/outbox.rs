//! The outbox relay: hands committed effects to the queue, exactly once each.
//!
//! Every handler ends with [`flush`]: after its transaction committed, the rows it wrote (kept
//! from the insert, not read back; on a replay, the rows an earlier run wrote but never handed
//! over) go to the queue in one pipelined push; they are marked relayed in the background, many
//! flushes' rows per statement ([`Marks`]), so no commit of its own sits on a reply's path. A reply becomes a keyed
//! `send_reply` job, a follow-up job is enqueued under its own key; both carry the trace
//! context and request id of the job that caused them, from this one function.
//!
//! The [`Sweeper`] runs in every worker: rows left unrelayed for longer than its grace period
//! (their job died between commit and flush, or could not reach Redis) are relayed by it;
//! replies a provider accepted whose "sent" mark was lost are marked; and relayed replies no
//! provider has, and relayed follow-ups whose job never ran, are pushed again, keyed, which
//! queues only those whose job a Redis failover lost (see [`Sweeper::repair_unsent`]).
//!
//! Why exactly once: every enqueue is keyed (a reply by its effect key, a job by the key its
//! handler chose), so relaying a row twice — a flush and a sweep racing, a crash after the
//! push but before the mark — enqueues nothing the second time within the queue's dedupe
//! window; and each consumer (`send_reply`'s sent mark, a job's idempotency record) acts once.
//!
//! It never decides anything and never writes an effect: handlers do, through `store::outbox`.

use std::time::Duration;

use jobs::JobError;
use store::outbox::{self, SentMark, Unrelayed};
use tokio::sync::watch;

use crate::{run::Run, state::State};

/// Relays what the running job's cause wrote and the queue does not have yet: the rows this
/// run just committed (no read), or on a replay every unrelayed row of its cause.
pub async fn flush(state: &State, run: &Run) -> Result<(), JobError> {
    let rows = match run.take_written() {
        Some(rows) => rows,
        None => outbox::unrelayed_of(&state.db, run.key()).await?,
    };
    relay(state, &rows).await
}

/// Pushes `rows` to the queue (one pipelined call); their "relayed" marks are written in the
/// background, many rows per statement ([`Marks`]).
pub(crate) async fn relay(state: &State, rows: &[Unrelayed]) -> Result<(), JobError> {
    let ids = push(state, rows).await?;
    state.outbox_marks.relayed(ids);
    Ok(())
}

/// What the background marker writes.
enum Mark {
    /// The queue has these rows.
    Relayed(Vec<i64>),
    /// A provider accepted this reply.
    Sent(SentMark),
}

/// Writes the outbox's marks off the reply's path: "relayed" from every flush and "sent" from
/// every send of the process, one transaction per batch, so a conversation turn costs its own
/// commit and a share of one batch. A mark that never lands (the process dies first) costs
/// little: the sweeper pushes an unmarked row again (the keyed enqueue makes it nothing), and
/// finds a sent reply's delivery record in Redis and marks it then.
#[derive(Clone)]
pub struct Marks {
    tx: tokio::sync::mpsc::UnboundedSender<Mark>,
}

impl Marks {
    /// Starts the marking task on `db`; it ends when every `Marks` handle is dropped, after
    /// writing what it holds.
    pub fn spawn(db: sqlx::PgPool) -> Marks {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Mark>();
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MARK_BATCH);
            while rx.recv_many(&mut batch, MARK_BATCH).await > 0 {
                // A reply's "sent" mark usually follows its "relayed" one by a few
                // milliseconds: waiting a little lets one update write both.
                tokio::time::sleep(MARK_LINGER).await;
                while batch.len() < MARK_BATCH {
                    match rx.try_recv() {
                        Ok(mark) => batch.push(mark),
                        Err(_) => break,
                    }
                }
                let (relayed, sent) = coalesce(batch.drain(..));
                if let Err(e) = write_marks(&db, &relayed, &sent).await {
                    tracing::warn!(error = %e, relayed = relayed.len(), sent = sent.len(), "outbox marks not written; the sweeper covers those rows");
                }
            }
        });
        Marks { tx }
    }

    fn relayed(&self, ids: Vec<i64>) {
        if !ids.is_empty() {
            // The task outlives every handler; if it is gone the sweeper covers the rows.
            let _ = self.tx.send(Mark::Relayed(ids));
        }
    }

    /// A provider accepted a reply (its delivery record in Redis says so meanwhile).
    pub fn sent(&self, mark: SentMark) {
        let _ = self.tx.send(Mark::Sent(mark));
    }
}

/// One batch of marks, in one transaction, retried while the database is briefly away.
async fn write_marks(
    db: &sqlx::PgPool,
    relayed: &[i64],
    sent: &[SentMark],
) -> Result<(), store::StoreError> {
    let mut pause = Duration::from_millis(100);
    let give_up = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let attempt = async {
            let mut tx = db.begin().await?;
            outbox::mark_relayed(&mut *tx, relayed).await?;
            outbox::mark_sent(&mut *tx, sent).await?;
            tx.commit().await?;
            Ok::<(), store::StoreError>(())
        };
        match attempt.await {
            Ok(()) => return Ok(()),
            Err(e) if e.is_unreachable() && tokio::time::Instant::now() + pause < give_up => {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Most rows one marking statement covers.
const MARK_BATCH: usize = 1_000;

/// How long the marker waits after a batch's first mark for more (see [`coalesce`]): far
/// shorter than the sweeper's grace, so a row is never swept for want of its mark.
const MARK_LINGER: Duration = Duration::from_millis(20);

/// A batch's marks as the two statements write them. A row marked sent in the same batch is
/// not also marked relayed: the "sent" update moves it from pending to sent and sets its
/// relayed time, and each update of an outbox row rewrites every one of its indexes (its
/// partial indexes name the status).
fn coalesce(marks: impl Iterator<Item = Mark>) -> (Vec<i64>, Vec<SentMark>) {
    let mut relayed = Vec::new();
    let mut sent = Vec::new();
    for mark in marks {
        match mark {
            Mark::Relayed(ids) => relayed.extend(ids),
            Mark::Sent(s) => sent.push(s),
        }
    }
    let sent_ids: std::collections::HashSet<i64> = sent.iter().map(|s| s.id).collect();
    relayed.retain(|id| !sent_ids.contains(id));
    (relayed, sent)
}

/// Pushes `rows` to the queue in one pipelined call; answers their ids.
async fn push(state: &State, rows: &[Unrelayed]) -> Result<Vec<i64>, JobError> {
    // Only an unreachable Redis fails a push: wait for it (the rows stay in the outbox).
    pushed(state, rows, |e| JobError::DependencyOpen {
        dependency: format!("redis (relaying the outbox: {e})"),
        retry_after: std::time::Duration::from_secs(1),
    })
    .await?;
    Ok(rows.iter().map(|r| r.id).collect())
}

/// `rows` as their jobs, keyed, in one pipelined push; what the queue made of each (a
/// duplicate: it still held the job). A failed push is `failed`'s error.
async fn pushed(
    state: &State,
    rows: &[Unrelayed],
    failed: impl FnOnce(jobs::QueueError) -> JobError,
) -> Result<Vec<jobs::Enqueued>, JobError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let jobs = rows
        .iter()
        .map(Unrelayed::to_job)
        .collect::<Result<Vec<_>, JobError>>()?;
    state.queue.push_many(jobs).await.map_err(failed)
}

/// How far back [`Sweeper::repair_unsent`] looks: a reply still unsent after an hour is
/// staff's (its send failed for good, or its provider is down), not a lost push, and a job
/// lost an hour ago is long noticed.
pub const REPAIR_LOOKBACK: Duration = Duration::from_secs(3600);

/// Pushes relayed `rows` (of one `kind`: reply, job) again, keyed; answers how many the queue
/// did not have, which it counts and logs.
async fn requeue(state: &State, rows: &[Unrelayed], kind: &'static str) -> Result<usize, JobError> {
    let requeued = pushed(state, rows, |e| {
        JobError::transient(format!("redis (queuing relayed rows again: {e})"))
    })
    .await?
    .iter()
    .filter(|e| !e.duplicate)
    .count();
    if requeued > 0 {
        metrics::counter!("fleet_outbox_requeued_total", "kind" => kind).increment(requeued as u64);
        tracing::warn!(
            rows = requeued,
            kind,
            "queued again relayed rows whose job the queue had lost (a Redis failover?)"
        );
    }
    Ok(requeued)
}

/// Relays rows a crash left behind, and repairs replies a lost mark or a lost push left
/// unsent, every `period`, in every worker process.
pub struct Sweeper {
    /// How old an unrelayed row must be before the sweeper takes it: longer than a handler
    /// takes from its commit to its flush, so a live job's rows are left to it.
    pub grace: Duration,
    pub period: Duration,
    pub batch: i64,
}

impl Sweeper {
    /// Sweeps until `stop` turns true.
    pub async fn run(self, state: State, mut stop: watch::Receiver<bool>) {
        loop {
            tokio::select! {
                _ = tokio::time::sleep(self.period) => {}
                _ = stop.wait_for(|s| *s) => return,
            }
            loop {
                match self.sweep_once(&state).await {
                    Ok(n) if n as i64 == self.batch => continue,
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(error = %e, "outbox sweep failed; trying again next period");
                        break;
                    }
                }
            }
            if let Err(e) = self.repair_unsent(&state).await {
                tracing::warn!(error = %e, "looking for unsent replies failed; trying again next period");
            }
        }
    }

    /// Rows written between [`REPAIR_LOOKBACK`] (or half the queue's dedupe window, if
    /// shorter) and `grace * 6` ago whose work is not known done. A reply a provider accepted
    /// (its delivery record says so: its batch of marks died with its process) is marked sent
    /// now. A relayed reply no provider has, and a relayed follow-up whose job left no
    /// idempotency record, are pushed again, keyed: a queue that still holds the job (waiting,
    /// retrying, dead) takes nothing, and one that lost it takes it back. Redis loses a push
    /// when its primary dies before a replica has it while the job that made it is
    /// acknowledged on the promoted one (the ack, retried after the connection broke, lands
    /// there), so nothing would ever run that job again. Answers how many it marked and how
    /// many it queued again.
    pub async fn repair_unsent(&self, state: &State) -> Result<(usize, usize), JobError> {
        let now = chrono::Utc::now();
        let lookback = REPAIR_LOOKBACK.min(state.queue.config().idempotency_ttl / 2);
        let written = now - chrono::Duration::from_std(lookback).unwrap_or_default()
            ..now
                - chrono::Duration::from_std(self.grace * 6)
                    .unwrap_or(chrono::Duration::minutes(1));
        let unsent = outbox::unsent_replies(&state.db, written.clone(), self.batch).await?;
        let ids: Vec<i64> = unsent.iter().map(|u| u.row.id).collect();
        let accepted = state
            .deliveries
            .accepted_many(&ids)
            .await
            .map_err(|e| JobError::transient(format!("delivery records: {e}")))?;
        let now_ms = now.timestamp_millis();
        let mut marked = 0;
        let mut lost = Vec::new();
        for (reply, provider) in unsent.into_iter().zip(accepted) {
            match provider {
                Some(provider_message_id) => {
                    state.outbox_marks.sent(SentMark {
                        id: reply.row.id,
                        provider_message_id,
                        at_ms: now_ms,
                        runs: 0,
                    });
                    marked += 1;
                }
                // Pending rows are the relay's and `sweep_once`'s.
                None if reply.relayed => lost.push(reply.row),
                None => {}
            }
        }
        if marked > 0 {
            metrics::counter!("fleet_outbox_sent_marks_repaired_total").increment(marked as u64);
        }
        let requeued = requeue(state, &lost, "reply").await?
            + requeue(
                state,
                &outbox::relayed_jobs_not_run(&state.db, written, self.batch).await?,
                "job",
            )
            .await?;
        Ok((marked, requeued))
    }

    /// One batch: locks up to `batch` stale rows (skipping those another sweeper holds),
    /// relays them, marks them, commits. Answers how many it relayed.
    pub async fn sweep_once(&self, state: &State) -> Result<usize, JobError> {
        let mut tx = state.db.begin().await.map_err(store::StoreError::from)?;
        let older_than = chrono::Utc::now()
            - chrono::Duration::from_std(self.grace).unwrap_or(chrono::Duration::seconds(10));
        let rows = outbox::unrelayed(&mut tx, older_than, self.batch).await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let ids = push(state, &rows).await?;
        outbox::mark_relayed(&mut *tx, &ids).await?;
        tx.commit().await.map_err(store::StoreError::from)?;
        metrics::counter!("fleet_outbox_swept_total").increment(rows.len() as u64);
        tracing::warn!(rows = rows.len(), "relayed outbox rows a crash left behind");
        Ok(rows.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(id: i64) -> Mark {
        Mark::Sent(SentMark {
            id,
            provider_message_id: format!("wamid.{id}"),
            at_ms: 0,
            runs: 1,
        })
    }

    #[test]
    fn a_row_sent_in_the_same_batch_is_only_marked_sent() {
        let marks = vec![
            Mark::Relayed(vec![1, 2, 3]),
            sent(2),
            Mark::Relayed(vec![4]),
            sent(9),
        ];
        let (relayed, sent) = coalesce(marks.into_iter());
        assert_eq!(relayed, vec![1, 3, 4]);
        assert_eq!(sent.iter().map(|s| s.id).collect::<Vec<_>>(), vec![2, 9]);
    }
}

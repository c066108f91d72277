//! A worker's own account of the jobs it holds, and the reconciler that squares its in-flight
//! list in Redis with it.
//!
//! A live worker renews its lease, so `recover` never looks at its in-flight list. Yet an id can
//! sit there with nobody running it: a claim whose reply was lost (the job is claimed in Redis,
//! unknown to the worker), or an outcome that could not be stored even after retries (the job
//! would stay "running" forever). The ledger knows what the worker really holds; the reconciler
//! gives back everything else in the list (`reconcile.lua`), right after such a failure and
//! every `reconcile_every` besides. So an in-flight id is either held by its worker, which will
//! record its outcome (or give up and say so), or back in ready within `reconcile_every`.
//!
//! Claims and reconciles of one worker take turns ([`Ledger::turn`]): between a claim's moving
//! ids into the list and its reply reaching the ledger, those ids would look unheld.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex, MutexGuard},
};

use tokio::{sync::Notify, task::JoinHandle};

use super::RedisQueue;
use crate::queue::QueueName;

/// See the module docs.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    ids: Mutex<Ids>,
    turns: tokio::sync::Mutex<()>,
    suspect: Notify,
    /// Told when the last outcome on its way to Redis is settled.
    quiet: Notify,
}

#[derive(Debug, Default)]
struct Ids {
    /// Claimed by this worker, outcome not stored yet (buffered, running, or being recorded).
    held: HashSet<String>,
    /// Ran, but the outcome could not be stored: the attempt counts when they go back.
    unrecorded: HashSet<String>,
    /// Outcomes handed to the background but not yet stored or given up.
    recording: usize,
}

impl Ledger {
    fn ids(&self) -> MutexGuard<'_, Ids> {
        // The sets stay consistent across a panic (each update is one insert or remove).
        self.ids
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits for this worker's turn to claim or reconcile; the turn lasts as long as the guard.
    pub async fn turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.turns.lock().await
    }

    /// A claim answered: its jobs are this worker's now.
    pub fn hold<'a>(&self, ids: impl IntoIterator<Item = &'a str>) {
        let mut g = self.ids();
        g.held.extend(ids.into_iter().map(str::to_owned));
    }

    /// A job's outcome is on its way to Redis (the job stays held until it is settled).
    pub fn recording(&self) {
        self.ids().recording += 1;
    }

    /// The outcome of `id` was stored (forget the job), or could not be (`stored` false: the
    /// reconciler hands the job back).
    pub fn settle(&self, id: &str, stored: bool) {
        let quiet = {
            let mut g = self.ids();
            g.held.remove(id);
            if !stored {
                g.unrecorded.insert(id.to_owned());
            }
            g.recording = g.recording.saturating_sub(1);
            g.recording == 0
        };
        if !stored {
            self.suspect.notify_one();
        }
        if quiet {
            self.quiet.notify_waiters();
        }
    }

    /// Waits until no outcome is on its way to Redis.
    pub async fn all_settled(&self) {
        loop {
            let quiet = self.quiet.notified();
            tokio::pin!(quiet);
            quiet.as_mut().enable();
            if self.ids().recording == 0 {
                return;
            }
            quiet.await;
        }
    }

    /// A claim failed and may have moved jobs nobody here knows of: reconcile soon.
    pub fn suspect(&self) {
        self.suspect.notify_one();
    }

    /// Jobs held, and jobs whose outcome was given up.
    pub fn snapshot(&self) -> (Vec<String>, Vec<String>) {
        let g = self.ids();
        (
            g.held.iter().cloned().collect(),
            g.unrecorded.iter().cloned().collect(),
        )
    }

    /// The unrecorded jobs in `handed_back` are in Redis' hands again.
    pub fn handed_back(&self, handed_back: &[String]) {
        let mut g = self.ids();
        for id in handed_back {
            g.unrecorded.remove(id);
        }
    }

    /// Forgets everything held (a stopping worker hands it all back).
    pub fn release_all(&self) -> Vec<String> {
        let mut g = self.ids();
        g.held.clear();
        g.unrecorded.drain().collect()
    }
}

/// Starts the worker's reconciler; abort the handle when the worker stops.
pub(crate) fn spawn_reconciler(
    queue: RedisQueue,
    name: QueueName,
    wid: Arc<str>,
    ledger: Arc<Ledger>,
) -> JoinHandle<()> {
    let every = queue.config().reconcile_every;
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = ledger.suspect.notified() => {}
                _ = tokio::time::sleep(every) => {}
            }
            if let Err(e) = reconcile_once(&queue, name, &wid, &ledger).await {
                tracing::warn!(queue = %name, error = %e, "could not reconcile the in-flight list; will retry");
                tokio::time::sleep(every.min(std::time::Duration::from_secs(1))).await;
                ledger.suspect();
            }
        }
    })
}

async fn reconcile_once(
    queue: &RedisQueue,
    name: QueueName,
    wid: &str,
    ledger: &Ledger,
) -> Result<(), super::QueueError> {
    let _turn = ledger.turn().await;
    let (held, unrecorded) = ledger.snapshot();
    let (requeued, dead) = queue.reconcile(name, wid, &held, &unrecorded).await?;
    ledger.handed_back(&unrecorded);
    if requeued + dead > 0 {
        tracing::warn!(
            queue = %name, requeued, dead,
            "handed back in-flight jobs this worker was not running"
        );
    }
    Ok(())
}

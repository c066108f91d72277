//! The transactional outbox: one table of effects (`jobs::effects::Effect`), written in the
//! transaction of the state that caused them.
//!
//! - [`write`] stores a job's effects in its transaction (unique by effect key: a replay that
//!   somehow wrote again writes nothing).
//! - [`unrelayed_of`] / [`unrelayed`] find what the relay must still hand to the queue: a job's
//!   own rows right after its commit (or on its replay), and anything a crash left behind, for
//!   the sweeper (`FOR UPDATE SKIP LOCKED`, so sweepers in several workers share the work).
//! - [`mark_relayed`] records, in one statement for many rows, that the queue has them.
//! - A reply row is also its delivery record: [`reply`], [`begin_send`] (committed before the
//!   provider is called), then [`mark_sent`], [`refused`] or [`unanswered`].
//!
//! It never enqueues and never sends: the relay and `send_reply` in the workers do.

use chrono::{DateTime, Utc};
use jobs::effects::Effect;
use sqlx::{PgExecutor, PgPool};

use crate::{Conn, StoreError};

/// One effect to write, under its own key (unique per effect).
#[derive(Debug, Clone)]
pub struct NewEffect {
    pub key: String,
    pub effect: Effect,
    /// For a reply: when the message it answers arrived (the reply-latency metric).
    pub answers_received_at_ms: Option<i64>,
    /// For a reply: whether the message it answers was a voice note.
    pub answers_voice: bool,
}

impl NewEffect {
    pub fn new(key: impl Into<String>, effect: Effect) -> Self {
        NewEffect {
            key: key.into(),
            effect,
            answers_received_at_ms: None,
            answers_voice: false,
        }
    }

    /// A reply to the message (a voice note when `voice`) that arrived at `received_at_ms`.
    pub fn answering(mut self, received_at_ms: i64, voice: bool) -> Self {
        self.answers_received_at_ms = Some(received_at_ms);
        self.answers_voice = voice;
        self
    }
}

/// Who caused the effects, and the trace they continue.
#[derive(Debug, Clone, Copy)]
pub struct Cause<'a> {
    /// The effect key of the job that writes them.
    pub key: &'a str,
    pub traceparent: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

/// An outbox row the relay must hand to the queue.
#[derive(Debug, Clone)]
pub struct Unrelayed {
    pub id: i64,
    pub effect_key: String,
    pub effect: Effect,
    pub traceparent: Option<String>,
    pub request_id: Option<String>,
}

/// Writes `effects` in the caller's transaction; answers the rows it wrote (an effect whose key
/// is already there is not written again), for the relay to hand over after the commit without
/// reading them back.
pub async fn write(
    conn: &mut Conn,
    cause: Cause<'_>,
    effects: &[NewEffect],
) -> Result<Vec<Unrelayed>, StoreError> {
    if effects.is_empty() {
        return Ok(Vec::new());
    }
    let mut keys = Vec::with_capacity(effects.len());
    let mut kinds = Vec::with_capacity(effects.len());
    let mut bodies = Vec::with_capacity(effects.len());
    let mut channels: Vec<Option<&str>> = Vec::with_capacity(effects.len());
    let mut recipients: Vec<Option<String>> = Vec::with_capacity(effects.len());
    let mut received: Vec<Option<f64>> = Vec::with_capacity(effects.len());
    let mut voice = Vec::with_capacity(effects.len());
    for e in effects {
        keys.push(e.key.as_str());
        bodies
            .push(serde_json::to_value(&e.effect).map_err(|e| StoreError::Corrupt(e.to_string()))?);
        match &e.effect {
            Effect::Reply { channel, .. } => {
                kinds.push("reply");
                channels.push(Some(channel.name()));
                recipients.push(Some(channel.guest_address()));
            }
            Effect::Enqueue { .. } => {
                kinds.push("job");
                channels.push(None);
                recipients.push(None);
            }
        }
        received.push(e.answers_received_at_ms.map(|ms| ms as f64));
        voice.push(e.answers_voice);
    }
    let rows = sqlx::query_as(
        "INSERT INTO outbox (cause, effect_key, kind, effect, traceparent, request_id, channel, recipient, inbound_received_at, answers_voice)
         SELECT $1, k, kind, effect, $2, $3, channel, recipient, to_timestamp(received / 1000), voice
         FROM unnest($4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::float8[], $10::bool[])
              AS e(k, kind, effect, channel, recipient, received, voice)
         ON CONFLICT (effect_key) DO NOTHING
         RETURNING id, effect_key",
    )
    .bind(cause.key)
    .bind(cause.traceparent)
    .bind(cause.request_id)
    .bind(&keys)
    .bind(&kinds)
    .bind(&bodies)
    .bind(&channels)
    .bind(&recipients)
    .bind(&received)
    .bind(&voice)
    .fetch_all(&mut *conn)
    .await?;
    let written: Vec<(i64, String)> = rows;
    Ok(written
        .into_iter()
        .filter_map(|(id, key)| {
            let e = effects.iter().find(|e| e.key == key)?;
            Some(Unrelayed {
                id,
                effect_key: key,
                effect: e.effect.clone(),
                traceparent: cause.traceparent.map(str::to_owned),
                request_id: cause.request_id.map(str::to_owned),
            })
        })
        .collect())
}

type UnrelayedRow = (
    i64,
    String,
    serde_json::Value,
    Option<String>,
    Option<String>,
);

fn decode(rows: Vec<UnrelayedRow>) -> Result<Vec<Unrelayed>, StoreError> {
    rows.into_iter()
        .map(|(id, effect_key, effect, traceparent, request_id)| {
            Ok(Unrelayed {
                id,
                effect: serde_json::from_value(effect)
                    .map_err(|e| StoreError::Corrupt(format!("outbox row {effect_key}: {e}")))?,
                effect_key,
                traceparent,
                request_id,
            })
        })
        .collect()
}

/// The rows a job's run wrote that the queue does not have yet.
pub async fn unrelayed_of(
    db: impl PgExecutor<'_>,
    cause: &str,
) -> Result<Vec<Unrelayed>, StoreError> {
    let rows: Vec<UnrelayedRow> = sqlx::query_as(
        "SELECT id, effect_key, effect, traceparent, request_id FROM outbox
         WHERE cause = $1 AND status = 'pending' ORDER BY id",
    )
    .bind(cause)
    .fetch_all(db)
    .await?;
    decode(rows)
}

/// Up to `limit` rows older than `older_than` that no relay handed over (their job died
/// between its commit and its relay): the sweeper's work. Locks them for the caller's
/// transaction; rows another sweeper holds are skipped.
pub async fn unrelayed(
    conn: &mut Conn,
    older_than: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Unrelayed>, StoreError> {
    let rows: Vec<UnrelayedRow> = sqlx::query_as(
        "SELECT id, effect_key, effect, traceparent, request_id FROM outbox
         WHERE status = 'pending' AND created_at < $1 ORDER BY created_at
         LIMIT $2 FOR UPDATE SKIP LOCKED",
    )
    .bind(older_than)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    decode(rows)
}

/// The queue has these rows now.
pub async fn mark_relayed(db: impl PgExecutor<'_>, ids: &[i64]) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "UPDATE outbox SET status = 'relayed', relayed_at = now() WHERE id = ANY($1) AND status = 'pending'",
    )
    .bind(ids)
    .execute(db)
    .await?;
    Ok(())
}

/// Where a reply stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ReplyState {
    /// Not handed to a provider (or refused by it).
    Unsent,
    /// A run started sending `for_secs` ago and nobody has recorded how it ended: the
    /// provider may have it.
    Sending {
        for_secs: f64,
    },
    Sent,
}

/// A reply as `send_reply` needs it.
#[derive(Debug, Clone)]
pub struct StoredReply {
    pub id: i64,
    pub state: ReplyState,
    pub effect: Effect,
}

pub async fn reply(db: &PgPool, effect_key: &str) -> Result<Option<StoredReply>, StoreError> {
    let row: Option<(i64, String, Option<f64>, serde_json::Value)> = sqlx::query_as(
        "SELECT id, status, extract(epoch FROM (now() - sending_since))::float8, effect
         FROM outbox WHERE effect_key = $1 AND kind = 'reply'",
    )
    .bind(effect_key)
    .fetch_optional(db)
    .await?;
    row.map(|(id, status, sending_for, effect)| {
        let state = match status.as_str() {
            "sent" => ReplyState::Sent,
            "sending" => ReplyState::Sending {
                for_secs: sending_for.unwrap_or(0.0),
            },
            _ => ReplyState::Unsent,
        };
        Ok(StoredReply {
            id,
            state,
            effect: serde_json::from_value(effect)
                .map_err(|e| StoreError::Corrupt(format!("outbox row {effect_key}: {e}")))?,
        })
    })
    .transpose()
}

/// Takes the send of reply `id` for this run, committed before the provider is called: `true`
/// when the reply was unsent, or its last send started more than `stale_after` ago with no
/// outcome (the caller has looked for one); `false` when it is sent or another run is sending.
pub async fn begin_send(
    db: &PgPool,
    id: i64,
    stale_after: std::time::Duration,
) -> Result<bool, StoreError> {
    let taken = sqlx::query(
        "UPDATE outbox SET status = 'sending', sending_since = now(), attempts = attempts + 1
         WHERE id = $1 AND (status IN ('pending', 'relayed')
               OR (status = 'sending' AND sending_since < now() - make_interval(secs => $2)))",
    )
    .bind(id)
    .bind(stale_after.as_secs_f64())
    .execute(db)
    .await?
    .rows_affected();
    Ok(taken == 1)
}

/// How long a guest waited for a reply: from the message it answers to its send.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplyLatency {
    pub seconds: f64,
    /// The message answered was a voice note.
    pub voice: bool,
}

/// How a reply came to be known as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentBy {
    /// This run sent it and heard the provider's 2xx.
    ThisRun,
    /// A run found it `sending` and the provider's acceptance recorded elsewhere (the run that
    /// sent died, or the database was away when it answered): counted as one more attempt.
    Reconciled,
}

/// Records a reply the provider accepted, and how long its guest waited when it answers a
/// message; `None` as well when it was already recorded.
pub async fn mark_sent(
    db: &PgPool,
    id: i64,
    provider_message_id: &str,
    by: SentBy,
) -> Result<Option<ReplyLatency>, StoreError> {
    let row: Option<(Option<f64>, bool)> = sqlx::query_as(
        "UPDATE outbox SET status = 'sent', provider_message_id = $2, sent_at = now(), relayed_at = coalesce(relayed_at, now()),
                attempts = attempts + $3
         WHERE id = $1 AND status <> 'sent'
         RETURNING extract(epoch FROM (sent_at - inbound_received_at))::float8, answers_voice",
    )
    .bind(id)
    .bind(provider_message_id)
    .bind(i32::from(by == SentBy::Reconciled))
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|(seconds, voice)| seconds.map(|seconds| ReplyLatency { seconds, voice })))
}

/// The provider refused the send (it never had the message): the reply is unsent again, for
/// the job's retry.
pub async fn refused(db: &PgPool, id: i64, error: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET status = 'relayed', sending_since = NULL, last_error = $2
         WHERE id = $1 AND status = 'sending'",
    )
    .bind(id)
    .bind(error)
    .execute(db)
    .await?;
    Ok(())
}

/// A send whose outcome is unknown (no answer came back): the reply stays `sending` for the
/// retry to reconcile; only the error is noted.
pub async fn unanswered(db: &PgPool, id: i64, error: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE outbox SET last_error = $2 WHERE id = $1")
        .bind(id)
        .bind(error)
        .execute(db)
        .await?;
    Ok(())
}

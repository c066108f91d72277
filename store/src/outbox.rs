//! The transactional outbox: one table of effects (`jobs::effects::Effect`), written in the
//! transaction of the state that caused them.
//!
//! - [`write`] stores a job's effects in its transaction (unique by effect key: a replay that
//!   somehow wrote again writes nothing).
//! - [`unrelayed_of`] / [`unrelayed`] find what the relay must still hand to the queue: a job's
//!   own rows right after its commit (or on its replay), and anything a crash left behind, for
//!   the sweeper (`FOR UPDATE SKIP LOCKED`, so sweepers in several workers share the work).
//! - [`mark_relayed`] records, in one statement for many rows, that the queue has them.
//! - [`relayed_jobs_not_run`]: relayed follow-ups whose job never ran, for the sweeper to push
//!   again (a Redis failover can lose a push the relay saw succeed).
//! - A reply row is also its delivery record: [`reply`], [`mark_sent`] (batched),
//!   [`record_failure`], and [`unsent_replies`] for the sweeper. Whether a send is under way
//!   lives in Redis (`jobs::coordination::deliveries`), so a send costs no commit here.
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

/// An outbox row the relay must hand to the queue (defined beside `Effect`, with its job).
pub use jobs::effects::Unrelayed;

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
    insert(conn, cause, effects, None).await
}

/// A row another store writes in the same statement as the effects (a conversation's new
/// state, by `turns::close`): an `UPDATE` whose parameters are `$11` (the value) and `$12`
/// (the row's id).
pub(crate) struct AlsoUpdate<'a> {
    pub sql: &'static str,
    pub id: i64,
    pub value: &'a serde_json::Value,
}

const INSERT_EFFECTS: &str = "INSERT INTO outbox (cause, effect_key, kind, effect, traceparent, request_id, channel, recipient, inbound_received_at, answers_voice)
     SELECT $1, k, kind, effect, $2, $3, channel, recipient, to_timestamp(received / 1000), voice
     FROM unnest($4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::float8[], $10::bool[])
          AS e(k, kind, effect, channel, recipient, received, voice)
     ON CONFLICT (effect_key) DO NOTHING
     RETURNING id, effect_key";

/// [`write`]'s insert, in one statement with `also` when it is given (it runs even when there
/// are no effects).
pub(crate) async fn insert(
    conn: &mut Conn,
    cause: Cause<'_>,
    effects: &[NewEffect],
    also: Option<AlsoUpdate<'_>>,
) -> Result<Vec<Unrelayed>, StoreError> {
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
    let sql = match &also {
        None => std::borrow::Cow::Borrowed(INSERT_EFFECTS),
        Some(also) => {
            std::borrow::Cow::Owned(format!("WITH also AS ({}) {INSERT_EFFECTS}", also.sql))
        }
    };
    let query = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(cause.key)
        .bind(cause.traceparent)
        .bind(cause.request_id)
        .bind(&keys)
        .bind(&kinds)
        .bind(&bodies)
        .bind(&channels)
        .bind(&recipients)
        .bind(&received)
        .bind(&voice);
    let query = match also {
        Some(also) => query.bind(also.value).bind(also.id),
        None => query,
    };
    let written: Vec<(i64, String)> = query.fetch_all(&mut *conn).await?;
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
                answers_received_at_ms: e.answers_received_at_ms,
                answers_voice: e.answers_voice,
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
    Option<f64>,
    bool,
);

/// The columns an [`UnrelayedRow`] is read from.
const UNRELAYED_COLUMNS: &str = "id, effect_key, effect, traceparent, request_id,
    extract(epoch FROM inbound_received_at)::float8 * 1000, answers_voice";

fn decode(rows: Vec<UnrelayedRow>) -> Result<Vec<Unrelayed>, StoreError> {
    rows.into_iter()
        .map(
            |(id, effect_key, effect, traceparent, request_id, received_ms, answers_voice)| {
                Ok(Unrelayed {
                    id,
                    effect: serde_json::from_value(effect).map_err(|e| {
                        StoreError::Corrupt(format!("outbox row {effect_key}: {e}"))
                    })?,
                    effect_key,
                    traceparent,
                    request_id,
                    answers_received_at_ms: received_ms.map(|ms| ms as i64),
                    answers_voice,
                })
            },
        )
        .collect()
}

/// The rows a job's run wrote that the queue does not have yet.
pub async fn unrelayed_of(
    db: impl PgExecutor<'_>,
    cause: &str,
) -> Result<Vec<Unrelayed>, StoreError> {
    let rows: Vec<UnrelayedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNRELAYED_COLUMNS} FROM outbox WHERE cause = $1 AND status = 'pending' ORDER BY id"
    )))
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
    let rows: Vec<UnrelayedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNRELAYED_COLUMNS} FROM outbox WHERE status = 'pending' AND created_at < $1
         ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED"
    )))
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

/// A reply as `send_reply` needs it.
#[derive(Debug, Clone)]
pub struct StoredReply {
    pub id: i64,
    pub sent: bool,
    pub effect: Effect,
    /// When the message it answers arrived (ms), for the guest's wait.
    pub answers_received_at_ms: Option<i64>,
    /// The message it answers was a voice note.
    pub answers_voice: bool,
}

pub async fn reply(db: &PgPool, effect_key: &str) -> Result<Option<StoredReply>, StoreError> {
    let row: Option<(i64, String, serde_json::Value, Option<f64>, bool)> = sqlx::query_as(
        "SELECT id, status, effect, extract(epoch FROM inbound_received_at)::float8 * 1000, answers_voice
         FROM outbox WHERE effect_key = $1 AND kind = 'reply'",
    )
    .bind(effect_key)
    .fetch_optional(db)
    .await?;
    row.map(|(id, status, effect, received_ms, answers_voice)| {
        Ok(StoredReply {
            id,
            sent: status == "sent",
            effect: serde_json::from_value(effect)
                .map_err(|e| StoreError::Corrupt(format!("outbox row {effect_key}: {e}")))?,
            answers_received_at_ms: received_ms.map(|ms| ms as i64),
            answers_voice,
        })
    })
    .transpose()
}

/// A reply a provider accepted, to be marked sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMark {
    pub id: i64,
    pub provider_message_id: String,
    /// When the provider accepted it (ms).
    pub at_ms: i64,
    /// How many runs handled the send: 1, or 2 when this run took it over from one that died
    /// or found a provider had it (counted in `attempts`).
    pub runs: i32,
}

/// Marks many replies sent in one statement (the worker batches them off the reply's path).
/// Rows already sent keep their first mark.
pub async fn mark_sent(db: impl PgExecutor<'_>, marks: &[SentMark]) -> Result<(), StoreError> {
    if marks.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = marks.iter().map(|m| m.id).collect();
    let providers: Vec<&str> = marks
        .iter()
        .map(|m| m.provider_message_id.as_str())
        .collect();
    let at: Vec<f64> = marks.iter().map(|m| m.at_ms as f64 / 1000.0).collect();
    let runs: Vec<i32> = marks.iter().map(|m| m.runs).collect();
    sqlx::query(
        "UPDATE outbox o SET status = 'sent', provider_message_id = m.provider, sent_at = to_timestamp(m.at),
                relayed_at = coalesce(o.relayed_at, to_timestamp(m.at)), attempts = o.attempts + m.runs
         FROM unnest($1::int8[], $2::text[], $3::float8[], $4::int4[]) AS m(id, provider, at, runs)
         WHERE o.id = m.id AND o.status <> 'sent'",
    )
    .bind(&ids)
    .bind(&providers)
    .bind(&at)
    .bind(&runs)
    .execute(db)
    .await?;
    Ok(())
}

/// Replies written in `written` (oldest bound first) and not marked sent, oldest first: the
/// sweeper asks the delivery records whether a provider has them (a batch of marks lost with
/// its process), and pushes again, keyed, those none has (a queue that lost their job).
pub async fn unsent_replies(
    db: &PgPool,
    written: std::ops::Range<DateTime<Utc>>,
    limit: i64,
) -> Result<Vec<UnsentReply>, StoreError> {
    let rows: Vec<UnsentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT status = 'relayed', {UNRELAYED_COLUMNS} FROM outbox
         WHERE kind = 'reply' AND status <> 'sent' AND created_at >= $1 AND created_at < $2
         ORDER BY created_at LIMIT $3"
    )))
    .bind(written.start)
    .bind(written.end)
    .bind(limit)
    .fetch_all(db)
    .await?;
    let (relayed, rows): (Vec<bool>, Vec<UnrelayedRow>) = rows
        .into_iter()
        .map(|(relayed, a, b, c, d, e, f, g)| (relayed, (a, b, c, d, e, f, g)))
        .unzip();
    Ok(relayed
        .into_iter()
        .zip(decode(rows)?)
        .map(|(relayed, row)| UnsentReply { relayed, row })
        .collect())
}

/// An [`UnrelayedRow`] after whether it was relayed.
type UnsentRow = (
    bool,
    i64,
    String,
    serde_json::Value,
    Option<String>,
    Option<String>,
    Option<f64>,
    bool,
);

/// Follow-up jobs written in `written` and relayed whose job left no idempotency record (it
/// has not run, or is still running), oldest first: the sweeper pushes them again, keyed, so a
/// queue that lost them in a Redis failover gets them back and one that holds them takes
/// nothing. Not a feed's iCal sync: most of those end without a record (nothing changed, the
/// host failed), and the next tick syncs the feed anyway.
pub async fn relayed_jobs_not_run(
    db: &PgPool,
    written: std::ops::Range<DateTime<Utc>>,
    limit: i64,
) -> Result<Vec<Unrelayed>, StoreError> {
    let rows: Vec<UnrelayedRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {UNRELAYED_COLUMNS} FROM outbox o
         WHERE kind = 'job' AND status = 'relayed' AND created_at >= $1 AND created_at < $2
           AND o.effect->'job'->>'queue' <> 'sync_ical'
           AND NOT EXISTS (SELECT 1 FROM idempotency_records r WHERE r.idempotency_key =
                           (o.effect->'job'->>'queue') || ':' || (o.effect->>'key'))
         ORDER BY created_at LIMIT $3"
    )))
    .bind(written.start)
    .bind(written.end)
    .bind(limit)
    .fetch_all(db)
    .await?;
    decode(rows)
}

/// A reply no provider is known to have.
#[derive(Debug, Clone)]
pub struct UnsentReply {
    /// Handed to the queue once (else the sweeper's relay of pending rows takes it).
    pub relayed: bool,
    pub row: Unrelayed,
}

/// Notes why a send failed (the job retries it).
pub async fn record_failure(db: &PgPool, id: i64, error: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
        .bind(id)
        .bind(error)
        .execute(db)
        .await?;
    Ok(())
}

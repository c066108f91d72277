//! A conversation turn's reads and writes, in as few statements as a turn allows: every
//! statement is a round trip and a parse/plan/execute on the one database every message
//! shares, so a text turn is opened by one ([`open`]) and closed by one ([`close`]), with
//! only the nights taken read between them when the guest asks about dates. The property's
//! accommodations are not read per turn: `open` answers the property's catalog version, and
//! the worker reads them (`availability::of_property`) only when its copy is of another.
//!
//! The SQL is assembled from the same pieces the single-purpose stores use (`properties`'s
//! columns and route, `availability`'s columns, `reservations`' guest stays), so a turn and
//! those stores never disagree about what a property, an accommodation or a guest's stay is.
//! It never decides anything and never commits: the caller's transaction does.

use std::sync::LazyLock;

use conversation::state::ConversationState;
use jobs::payloads::Channel;
use sqlx::types::Json;

use crate::{
    Conn, StoreError, conversations,
    conversations::{Inbound, Opened as Conversation},
    outbox::{self, AlsoUpdate, Cause, NewEffect, Unrelayed},
    properties::{self, Property},
    reservations::{self, GuestStay},
};

/// What a turn starts from.
#[derive(Debug, Clone)]
pub struct Opened {
    pub property: Property,
    /// The guest's conversation, locked for the turn's transaction.
    pub conversation: Conversation,
    /// The property's `catalog_version` as this turn reads it: a copy of its accommodations
    /// read ([`crate::availability::of_property`]) at this version is what the database has.
    pub catalog_version: i64,
    /// The guest's latest live hold or confirmed stay that has not ended (the property's today).
    pub held: Option<GuestStay>,
    /// When `held` was requested with other cabins: every cabin of that request still live,
    /// `held` included (empty otherwise).
    pub group: Vec<GuestStay>,
    /// The guest's other live holds and stays not yet ended, each on its own (not requested with
    /// other cabins), latest first: a message may be about one of them ("cancelá la del 8").
    pub others: Vec<GuestStay>,
}

#[derive(sqlx::FromRow)]
struct OpenedRow {
    #[sqlx(flatten)]
    property: Property,
    conversation_id: i64,
    conversation_state: serde_json::Value,
    age_hours: f64,
    conversation_taken_over: bool,
    catalog_version: i64,
    /// The job's idempotency record was written by this statement (not there before).
    fresh: bool,
    stays: Json<Vec<GuestStay>>,
}

/// At most this many of a guest's stays are read (latest first) to find the current one.
const STAYS_READ: u32 = 10;

static OPEN: LazyLock<String> = LazyLock::new(|| {
    let stays = reservations::guest_stays_sql("p.id", "$7", "$8", "current_date - 2");
    format!(
        "WITH p AS (
             SELECT {}, catalog_version FROM properties WHERE {} LIMIT 1
         ), {}, i AS (
             INSERT INTO idempotency_records (idempotency_key, queue, job_id) VALUES ($9, $10, $11)
             ON CONFLICT (idempotency_key) DO NOTHING
             RETURNING 1
         )
         SELECT p.*, EXISTS (SELECT 1 FROM i) AS fresh,
                c.id AS conversation_id, c.state AS conversation_state, c.age_hours,
                c.taken_over AS conversation_taken_over,
             (SELECT coalesce(json_agg(s ORDER BY s.created_at DESC, s.reservation_id DESC), '[]')
              FROM ({stays} LIMIT {STAYS_READ}) s) AS stays
         FROM p, c",
        properties::COLUMNS,
        properties::BY_ROUTE,
        conversations::open_ctes("SELECT id, $2, $3 FROM p"),
    )
});

/// What opening a turn found.
#[derive(Debug, Clone)]
pub enum Opening {
    /// The turn to take.
    Turn(Box<Opened>),
    /// The job's idempotency record was there: an earlier run committed this turn, and this
    /// transaction must be rolled back.
    Done,
}

/// Opens a turn in `conn`'s transaction, in one statement: writes the job's idempotency record
/// (`record`), finds the property the channel's route belongs to, opens (or creates) the
/// guest's conversation and locks it, records the inbound message, and reads the property's
/// catalog version and the guest's current stay. `None` when no property answers at that route.
///
/// Two runs of one job serialise on the record's primary key as with
/// `idempotency::begin`: the second waits for the first to commit, then finds it
/// ([`Opening::Done`]); whatever else its statement wrote goes with its rollback.
pub async fn open(
    conn: &mut Conn,
    channel: &Channel,
    message: Inbound<'_>,
    record: crate::idempotency::Record<'_>,
) -> Result<Option<Opening>, StoreError> {
    let (phone, email) = reservations::guest_contact(channel);
    let row: Option<OpenedRow> = sqlx::query_as(sqlx::AssertSqlSafe(OPEN.as_str()))
        .bind(channel.route())
        .bind(channel.name())
        .bind(channel.guest_address())
        .bind(message.message_id)
        .bind(message.kind)
        .bind(message.body)
        .bind(phone)
        .bind(email)
        .bind(record.key)
        .bind(record.queue)
        .bind(record.job_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if !row.fresh {
        return Ok(Some(Opening::Done));
    }
    let today = row.property.today();
    let stays = row.stays.0;
    let held = stays
        .iter()
        .find(|s| !s.paid || s.check_out >= today)
        .cloned();
    let others: Vec<GuestStay> = stays
        .iter()
        .filter(|s| (!s.paid || s.check_out >= today) && s.group_id.is_none())
        .filter(|s| held.as_ref().is_none_or(|h| h.code != s.code))
        .cloned()
        .collect();
    let group = match held.as_ref().and_then(|h| h.group_id) {
        Some(id) => stays
            .into_iter()
            .filter(|s| s.group_id == Some(id))
            .collect(),
        None => Vec::new(),
    };
    Ok(Some(Opening::Turn(Box::new(Opened {
        conversation: Conversation {
            id: row.conversation_id,
            state: ConversationState::from_stored(row.conversation_state, row.age_hours),
            taken_over: row.conversation_taken_over,
        },
        catalog_version: row.catalog_version,
        held,
        group,
        others,
        property: row.property,
    }))))
}

/// The conversation's new state, written with the effects' insert.
const SAVE_STATE: &str = "UPDATE conversations SET state = $11, updated_at = now() WHERE id = $12";

/// Closes a turn in `conn`'s transaction, in one statement: the conversation's new state and
/// the turn's effects (answers the outbox rows written, as `outbox::write` does).
pub async fn close(
    conn: &mut Conn,
    conversation_id: i64,
    state: &ConversationState,
    cause: Cause<'_>,
    effects: &[NewEffect],
) -> Result<Vec<Unrelayed>, StoreError> {
    let value = serde_json::to_value(state).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let also = AlsoUpdate {
        sql: SAVE_STATE,
        id: conversation_id,
        value: &value,
    };
    outbox::insert(conn, cause, effects, Some(also)).await
}

//! Guests' conversations (one per property, channel and guest address), what they remember
//! (`conversation::state::ConversationState`, forgotten after 24 hours) and their messages.

use std::sync::LazyLock;

use conversation::{Language, state::ConversationState};
use jobs::payloads::Channel;

use crate::{Conn, StoreError};

/// A conversation, locked for the caller's transaction, and what it remembers.
#[derive(Debug, Clone)]
pub struct Opened {
    pub id: i64,
    pub state: ConversationState,
    /// Staff took the conversation over in the console (for 24 hours unless handed back): the
    /// guest's message is recorded and the bot does not answer it.
    pub taken_over: bool,
}

/// The language the guest's conversation is held in (Spanish when there is none), for the
/// messages other jobs send them (holds, payments). Read without locking or opening anything.
pub async fn language_of(
    db: impl sqlx::PgExecutor<'_>,
    property_id: i64,
    channel: &Channel,
) -> Result<Language, StoreError> {
    let stored: Option<serde_json::Value> = sqlx::query_scalar(
        "SELECT state FROM conversations WHERE property_id = $1 AND channel = $2 AND guest_address = $3",
    )
    .bind(property_id)
    .bind(channel.name())
    .bind(channel.guest_address())
    .fetch_optional(db)
    .await?;
    // The language outlives the 24 hours of memory: a guest who wrote in English is answered
    // in English when their payment arrives days later.
    Ok(stored
        .map(|s| ConversationState::from_stored(s, 0.0).language)
        .unwrap_or_default())
}

/// The language of the guest who holds reservation `reservation_id` (Spanish when their
/// conversation cannot be found), for what other jobs tell them about it.
pub async fn language_of_reservation(
    conn: &mut Conn,
    reservation_id: i64,
) -> Result<Language, StoreError> {
    let channel = crate::reservations::guest_channel(&mut *conn, reservation_id).await?;
    let property = crate::reservations::property_of(&mut *conn, reservation_id).await?;
    match (channel, property) {
        (Some(channel), Some(property_id)) => language_of(&mut *conn, property_id, &channel).await,
        _ => Ok(Language::default()),
    }
}

/// Finds or opens the guest's conversation, locks it for this turn (two messages of one guest
/// are handled one after the other) and records the message that opens the turn (once per
/// provider message id). One statement: an upsert that touches nothing on conflict still
/// returns the row and locks it; the age says whether what it remembers is still fresh.
pub async fn open(
    conn: &mut Conn,
    property_id: i64,
    channel: &Channel,
    message: Inbound<'_>,
) -> Result<Opened, StoreError> {
    static OPEN: LazyLock<String> = LazyLock::new(|| {
        format!(
            "WITH {} SELECT id, state, age_hours, taken_over FROM c",
            open_ctes("VALUES ($1, $2, $3)")
        )
    });
    let (id, stored, age_hours, taken_over): (i64, serde_json::Value, f64, bool) =
        sqlx::query_as(sqlx::AssertSqlSafe(OPEN.as_str()))
            .bind(property_id)
            .bind(channel.name())
            .bind(channel.guest_address())
            .bind(message.message_id)
            .bind(message.kind)
            .bind(message.body)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Opened {
        id,
        state: ConversationState::from_stored(stored, age_hours),
        taken_over,
    })
}

/// The common table expressions that open a conversation and record its message: `c` upserts
/// the conversation (and locks it) from `rows` (`VALUES` or a `SELECT` of its property id, `$2`
/// the channel and `$3` the guest's address) and answers `id, state, age_hours, taken_over`; `m` records
/// the message (`$4` its provider id, `$5` its kind, `$6` its body) once.
pub(crate) fn open_ctes(rows: &str) -> String {
    format!(
        "c AS (
             INSERT INTO conversations AS c (property_id, channel, guest_address) {rows}
             ON CONFLICT (property_id, channel, guest_address) DO UPDATE SET property_id = c.property_id
             RETURNING id, state, extract(epoch FROM now() - updated_at)::float8 / 3600 AS age_hours,
                 coalesce(taken_over_until > now(), false) AS taken_over
         ), m AS (
             INSERT INTO inbound_messages (conversation_id, provider_message_id, kind, body)
             SELECT id, $4, $5, $6 FROM c
             ON CONFLICT (provider_message_id) DO NOTHING
         )"
    )
}

/// What a guest sent, once per provider message id.
#[derive(Debug, Clone, Copy)]
pub struct Inbound<'a> {
    pub message_id: &'a str,
    /// text, audio, or the kind of a message without words.
    pub kind: &'a str,
    pub body: &'a str,
}

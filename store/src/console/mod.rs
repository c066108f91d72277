//! What the staff console reads and writes: the day of one property, its conversations, and
//! the hand-off of a conversation between the bot and a person.
//!
//! Every function takes the property of the signed-in account and filters by it in the same
//! statement: a row of another property is never read, and a conversation id of another
//! property answers `None` exactly as an id that does not exist (the console turns both into a
//! 404). Times are formatted in the property's own time zone, here, once.
//!
//! It never enqueues, never sends and never decides: the console's routes call it inside the
//! action's transaction, which also writes the action's audit row (`crate::staff::audit`).

pub mod calendar;
pub mod feeds;
pub mod refunds;
pub mod reservations;
pub mod seasons;
pub mod setup;

use chrono::{DateTime, Utc};
use jobs::payloads::Channel;
use serde::Serialize;
use sqlx::PgExecutor;

use crate::{Conn, StoreError};

/// How long a take-over lasts unless staff hand the conversation back sooner.
pub const TAKE_OVER_HOURS: i32 = 24;

/// A stay on the day's list (an arrival or a departure).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Stay {
    pub code: String,
    pub accommodation: String,
    pub guest: String,
    pub guests: i32,
    pub status: String,
    pub check_in: chrono::NaiveDate,
    pub check_out: chrono::NaiveDate,
}

/// A hold about to expire.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Expiring {
    pub code: String,
    pub accommodation: String,
    pub guest: String,
    /// When it expires, in the property's time.
    pub expires: String,
    pub minutes_left: i64,
}

/// A payment received.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Payment {
    pub code: Option<String>,
    pub amount: String,
    pub currency: String,
    pub status: String,
    /// When it was approved (or recorded), in the property's time.
    pub seen: String,
}

/// A conversation as a list shows it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Summary {
    pub id: i64,
    pub channel: String,
    pub guest_address: String,
    pub needs_human: bool,
    /// The staff member who took it over, while the take-over lasts.
    pub taken_over_by: Option<String>,
    /// Until when, in the property's time.
    pub taken_over_until: Option<String>,
    pub last_message: Option<String>,
    /// Its last activity, in the property's time.
    pub seen: String,
}

/// The property's day: who arrives and leaves, holds about to expire, payments of the last
/// day, and the conversations that asked for a person.
#[derive(Debug, Clone, Serialize)]
pub struct Today {
    pub date: chrono::NaiveDate,
    pub arrivals: Vec<Stay>,
    pub departures: Vec<Stay>,
    pub expiring: Vec<Expiring>,
    pub payments: Vec<Payment>,
    pub needs_person: Vec<Summary>,
}

/// Holds expiring within this many minutes are "about to expire".
pub const EXPIRING_WITHIN_MINUTES: i64 = 120;

const GUEST: &str = "coalesce(r.guest_name, r.guest_phone, r.guest_email, '—')";

/// The property's "today" (its own time zone) as a SQL expression over `p`.
const PROPERTY_TODAY: &str = "(now() AT TIME ZONE p.time_zone)::date";

/// The summary columns of conversation `c` of property `p` (joined with the staff `s` who took
/// it over).
fn summary_columns() -> String {
    "c.id, c.channel, c.guest_address,
     coalesce((c.state->>'needs_human')::boolean, false)
        AND c.updated_at > now() - interval '24 hours' AS needs_human,
     CASE WHEN c.taken_over_until > now() THEN s.email END AS taken_over_by,
     CASE WHEN c.taken_over_until > now()
          THEN to_char(c.taken_over_until AT TIME ZONE p.time_zone, 'DD/MM HH24:MI') END AS taken_over_until,
     (SELECT m.body FROM inbound_messages m WHERE m.conversation_id = c.id
      ORDER BY m.received_at DESC, m.id DESC LIMIT 1) AS last_message,
     to_char(c.updated_at AT TIME ZONE p.time_zone, 'DD/MM HH24:MI') AS seen"
        .to_owned()
}

/// The property's "today", in its own time zone.
pub async fn property_today(
    db: impl PgExecutor<'_>,
    property_id: i64,
) -> Result<chrono::NaiveDate, StoreError> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT {PROPERTY_TODAY} FROM properties p WHERE p.id = $1"
    )))
    .bind(property_id)
    .fetch_one(db)
    .await?)
}

pub async fn today(db: &sqlx::PgPool, property_id: i64) -> Result<Today, StoreError> {
    let date = property_today(db, property_id).await?;
    let stays = |on: &'static str| {
        format!(
            "SELECT r.code, a.name AS accommodation, {GUEST} AS guest, r.guests, r.status::text AS status,
                    r.check_in, r.check_out
             FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
             WHERE a.property_id = $1 AND r.{on} = $2 AND r.status IN ('pre_reserved', 'confirmed')
               AND r.channel_source <> 'staff_block'
             ORDER BY a.name, r.code"
        )
    };
    let arrivals: Vec<Stay> = sqlx::query_as(sqlx::AssertSqlSafe(stays("check_in")))
        .bind(property_id)
        .bind(date)
        .fetch_all(db)
        .await?;
    let departures: Vec<Stay> = sqlx::query_as(sqlx::AssertSqlSafe(stays("check_out")))
        .bind(property_id)
        .bind(date)
        .fetch_all(db)
        .await?;
    let expiring: Vec<Expiring> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT r.code, a.name AS accommodation, {GUEST} AS guest,
                to_char(r.expires_at AT TIME ZONE p.time_zone, 'DD/MM HH24:MI') AS expires,
                greatest(0, extract(epoch FROM r.expires_at - now()) / 60)::int8 AS minutes_left
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         JOIN properties p ON p.id = a.property_id
         WHERE a.property_id = $1 AND r.status = 'pre_reserved'
           AND r.expires_at < now() + make_interval(mins => $2)
         ORDER BY r.expires_at"
    )))
    .bind(property_id)
    .bind(EXPIRING_WITHIN_MINUTES as i32)
    .fetch_all(db)
    .await?;
    let payments: Vec<Payment> = sqlx::query_as(
        // A group's payment names its group, not a reservation: its property is its cabins'.
        "SELECT coalesce(g.code, r.code) AS code, coalesce(pay.amount, 0)::text AS amount,
                coalesce(pay.currency, p.currency) AS currency, pay.status,
                to_char(coalesce(pay.approved_at, pay.created_at) AT TIME ZONE p.time_zone, 'DD/MM HH24:MI') AS seen
         FROM payments pay
         LEFT JOIN reservation_groups g ON g.id = pay.reservation_group_id
         JOIN LATERAL (
             SELECT r.code, a.property_id FROM reservations r
             JOIN accommodations a ON a.id = r.accommodation_id
             WHERE r.id = pay.reservation_id
                OR (pay.reservation_id IS NULL AND r.group_id = pay.reservation_group_id)
             ORDER BY r.id LIMIT 1) r ON TRUE
         JOIN properties p ON p.id = r.property_id
         WHERE r.property_id = $1 AND coalesce(pay.approved_at, pay.created_at) > now() - interval '24 hours'
         ORDER BY coalesce(pay.approved_at, pay.created_at) DESC
         LIMIT 50",
    )
    .bind(property_id)
    .fetch_all(db)
    .await?;
    let needs_person: Vec<Summary> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM conversations c JOIN properties p ON p.id = c.property_id
         LEFT JOIN staff_accounts s ON s.id = c.taken_over_by
         WHERE c.property_id = $1 AND c.updated_at > now() - interval '24 hours'
           AND coalesce((c.state->>'needs_human')::boolean, false)
         ORDER BY c.updated_at DESC LIMIT 50",
        summary_columns()
    )))
    .bind(property_id)
    .fetch_all(db)
    .await?;
    Ok(Today {
        date,
        arrivals,
        departures,
        expiring,
        payments,
        needs_person,
    })
}

/// The property's conversations: those that asked for a person first, then the latest.
pub async fn inbox(
    db: &sqlx::PgPool,
    property_id: i64,
    limit: i64,
) -> Result<Vec<Summary>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT * FROM (
             SELECT {} FROM conversations c JOIN properties p ON p.id = c.property_id
             LEFT JOIN staff_accounts s ON s.id = c.taken_over_by
             WHERE c.property_id = $1
             ORDER BY c.updated_at DESC LIMIT $2) x
         ORDER BY x.needs_human DESC, x.taken_over_by IS NOT NULL DESC",
        summary_columns()
    )))
    .bind(property_id)
    .bind(limit)
    .fetch_all(db)
    .await?)
}

/// Who wrote a message of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Author {
    Guest,
    Bot,
    Staff,
}

/// One message of a conversation, as the console shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub author: Author,
    pub text: String,
    /// The kind of a guest's message (text, audio, …) or of a reply (text, image).
    pub kind: String,
    pub when: String,
    /// A reply's delivery: pending, relayed, sent, or failed (the provider said it could not
    /// deliver it: `message_statuses`).
    pub status: Option<String>,
}

/// A conversation with its messages and what the bot understood (its state).
#[derive(Debug, Clone, Serialize)]
pub struct Conversation {
    pub summary: Summary,
    pub state: serde_json::Value,
    pub messages: Vec<Message>,
}

/// At most this many of a conversation's latest messages are shown.
pub const MESSAGES_SHOWN: i64 = 200;

/// Conversation `id` of property `property_id`; `None` when it does not exist or belongs to
/// another property.
pub async fn conversation(
    db: &sqlx::PgPool,
    property_id: i64,
    id: i64,
) -> Result<Option<Conversation>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        summary: Summary,
        state: serde_json::Value,
    }
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {}, c.state FROM conversations c JOIN properties p ON p.id = c.property_id
         LEFT JOIN staff_accounts s ON s.id = c.taken_over_by
         WHERE c.id = $1 AND c.property_id = $2",
        summary_columns()
    )))
    .bind(id)
    .bind(property_id)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    type MessageRow = (String, Option<String>, String, String, Option<String>);
    // The guest's messages and the replies to them (the bot's, and staff's from the console:
    // their effect keys start with `console:`), by the channel, the guest's address and the
    // property's route the replies were sent from.
    let rows: Vec<MessageRow> = sqlx::query_as(
        "SELECT author, body, kind, to_char(at AT TIME ZONE tz, 'DD/MM HH24:MI'), status FROM (
             (SELECT 'guest' AS author, m.body, m.kind, m.received_at AS at, NULL::text AS status, p.time_zone AS tz
              FROM inbound_messages m JOIN conversations c ON c.id = m.conversation_id
              JOIN properties p ON p.id = c.property_id
              WHERE m.conversation_id = $1 AND c.property_id = $2
              ORDER BY m.received_at DESC LIMIT $3)
             UNION ALL
             (SELECT CASE WHEN o.effect_key LIKE 'console:%' THEN 'staff' ELSE 'bot' END,
                     coalesce(o.effect->'body'->>'text', o.effect->'body'->>'caption'),
                     coalesce(o.effect->'body'->>'kind', 'text'), o.created_at,
                     CASE WHEN EXISTS (SELECT 1 FROM message_statuses ms
                                       WHERE ms.provider_message_id = o.provider_message_id
                                         AND ms.status = 'failed')
                          THEN 'failed' ELSE o.status END,
                     p.time_zone
              FROM conversations c JOIN properties p ON p.id = c.property_id
              JOIN outbox o ON o.kind = 'reply' AND o.recipient = c.guest_address AND o.channel = c.channel
              WHERE c.id = $1 AND c.property_id = $2
                AND (o.effect->'channel'->>'phone_number_id' = p.whatsapp_phone_number_id
                     OR lower(o.effect->'channel'->>'to') = lower(p.email_address))
              ORDER BY o.created_at DESC LIMIT $3)
         ) x ORDER BY at, author DESC",
    )
    .bind(id)
    .bind(property_id)
    .bind(MESSAGES_SHOWN)
    .fetch_all(db)
    .await?;
    let messages = rows
        .into_iter()
        .map(|(author, body, kind, when, status)| Message {
            author: match author.as_str() {
                "guest" => Author::Guest,
                "staff" => Author::Staff,
                _ => Author::Bot,
            },
            text: body.unwrap_or_default(),
            kind,
            when,
            status,
        })
        .collect();
    Ok(Some(Conversation {
        summary: row.summary,
        state: row.state,
        messages,
    }))
}

/// Staff member `account_id` takes conversation `id` over for [`TAKE_OVER_HOURS`] (or extends
/// their take-over): the bot records the guest's messages and does not answer them. `false`
/// when the conversation is not the property's.
pub async fn take_over(
    conn: &mut Conn,
    property_id: i64,
    id: i64,
    account_id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE conversations SET taken_over_by = $3,
                taken_over_until = now() + make_interval(hours => $4)
         WHERE id = $1 AND property_id = $2",
    )
    .bind(id)
    .bind(property_id)
    .bind(account_id)
    .bind(TAKE_OVER_HOURS)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The bot answers conversation `id` again; the guest's request for a person, if any, counts
/// as attended. `false` when the conversation is not the property's.
pub async fn hand_back(conn: &mut Conn, property_id: i64, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE conversations SET taken_over_by = NULL, taken_over_until = NULL,
                state = CASE WHEN state ? 'needs_human'
                             THEN jsonb_set(state, '{needs_human}', 'false') ELSE state END
         WHERE id = $1 AND property_id = $2",
    )
    .bind(id)
    .bind(property_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Where staff's answer to conversation `id` goes, locked for the caller's transaction.
#[derive(Debug, Clone)]
pub struct ReplyTarget {
    /// The channel of the bot's latest reply to this guest (an email keeps its thread), or the
    /// property's route when the bot never answered.
    pub channel: Channel,
    /// When the guest last wrote (WhatsApp only lets a business answer within 24 hours).
    pub last_inbound: Option<DateTime<Utc>>,
}

/// Why an answer cannot go.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error("the property has no route on this channel")]
    NoRoute,
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub async fn reply_target(
    conn: &mut Conn,
    property_id: i64,
    id: i64,
) -> Result<Option<ReplyTarget>, TargetError> {
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<serde_json::Value>,
        Option<DateTime<Utc>>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT c.channel, c.guest_address, p.whatsapp_phone_number_id, p.email_address,
                (SELECT o.effect->'channel' FROM outbox o
                 WHERE o.kind = 'reply' AND o.recipient = c.guest_address AND o.channel = c.channel
                   AND (o.effect->'channel'->>'phone_number_id' = p.whatsapp_phone_number_id
                        OR lower(o.effect->'channel'->>'to') = lower(p.email_address))
                 ORDER BY o.created_at DESC LIMIT 1),
                (SELECT max(m.received_at) FROM inbound_messages m WHERE m.conversation_id = c.id)
         FROM conversations c JOIN properties p ON p.id = c.property_id
         WHERE c.id = $1 AND c.property_id = $2
         FOR UPDATE OF c",
    )
    .bind(id)
    .bind(property_id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(StoreError::from)?;
    let Some((channel, guest, phone_number_id, email, last_reply, last_inbound)) = row else {
        return Ok(None);
    };
    let from_reply = last_reply.and_then(|v| serde_json::from_value::<Channel>(v).ok());
    let channel = match from_reply {
        Some(c) => c,
        None => {
            let built = match channel.as_str() {
                "whatsapp" => serde_json::json!({
                    "channel": "whatsapp",
                    "phone_number_id": phone_number_id.ok_or(TargetError::NoRoute)?,
                    "from": guest,
                }),
                _ => serde_json::json!({
                    "channel": "email",
                    "to": email.ok_or(TargetError::NoRoute)?,
                    "from": guest,
                }),
            };
            serde_json::from_value(built).map_err(|e| StoreError::Corrupt(e.to_string()))?
        }
    };
    Ok(Some(ReplyTarget {
        channel,
        last_inbound,
    }))
}

/// Whether staff hold conversation `id` now (for tests and the inbox's badge).
pub async fn is_taken_over(db: impl PgExecutor<'_>, id: i64) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT coalesce(taken_over_until > now(), false) FROM conversations WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?
    .unwrap_or(false))
}

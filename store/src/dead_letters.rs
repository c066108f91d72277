//! What the dead-letter watcher (`workers::dead_letter_notices`) keeps: where it is in each
//! queue's dead letters, and whose property a dead job was about.
//!
//! The watch row of a queue is locked for the transaction that writes the notices of the letters
//! after it and advances it, so two workers looking at once tell each letter once (and the
//! notices' outbox keys name the letter and its death, so even a replay writes nothing twice).
//!
//! It never reads Redis and never decides what a notice says: the watcher and `notices` do.

use sqlx::PgExecutor;

use crate::{Conn, StoreError};

/// What a dead job was about, as far as finding its property goes (read from its payload by the
/// watcher).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Concerns {
    /// A guest wrote to this WhatsApp business number (`phone_number_id`).
    WhatsappNumber(String),
    /// A guest wrote to this property address.
    EmailAddress(String),
    Accommodation(i64),
    /// A reservation's or a group's code (`RES…`, `GRP…`).
    Code(String),
    /// An iCal feed's id.
    Feed(i64),
    /// A reply's outbox effect key.
    Effect(String),
    /// A Mercado Pago payment id we have stored.
    Payment(String),
    /// Nothing of one property's (a tick over the whole fleet, an unreadable payload).
    Fleet,
}

/// The property a dead job was about; `None` when it names none, or one we do not know.
pub async fn property_of(
    db: impl PgExecutor<'_>,
    concerns: &Concerns,
) -> Result<Option<i64>, StoreError> {
    let (sql, text, id): (&str, Option<&str>, Option<i64>) = match concerns {
        Concerns::WhatsappNumber(n) => (
            "SELECT id FROM properties WHERE whatsapp_phone_number_id = $1",
            Some(n.as_str()),
            None,
        ),
        Concerns::EmailAddress(a) => (
            "SELECT id FROM properties WHERE lower(email_address) = lower($1)",
            Some(a.as_str()),
            None,
        ),
        Concerns::Accommodation(a) => (
            "SELECT property_id FROM accommodations WHERE id = $2",
            None,
            Some(*a),
        ),
        Concerns::Code(c) => (
            "SELECT a.property_id FROM reservations r
             JOIN accommodations a ON a.id = r.accommodation_id
             LEFT JOIN reservation_groups g ON g.id = r.group_id
             WHERE r.code = $1 OR g.code = $1 LIMIT 1",
            Some(c.as_str()),
            None,
        ),
        Concerns::Feed(f) => (
            "SELECT a.property_id FROM ical_feeds f
             JOIN accommodations a ON a.id = f.accommodation_id WHERE f.id = $2",
            None,
            Some(*f),
        ),
        Concerns::Effect(k) => (
            "SELECT p.id FROM outbox o JOIN properties p
               ON (o.channel = 'whatsapp' AND p.whatsapp_phone_number_id = o.effect #>> '{channel,phone_number_id}')
               OR (o.channel = 'email' AND lower(p.email_address) = lower(o.effect #>> '{channel,to}'))
             WHERE o.effect_key = $1 LIMIT 1",
            Some(k.as_str()),
            None,
        ),
        Concerns::Payment(p) => (
            "SELECT a.property_id FROM payments pay
             JOIN reservations r ON r.id = pay.reservation_id
                 OR r.group_id = pay.reservation_group_id
             JOIN accommodations a ON a.id = r.accommodation_id
             WHERE pay.provider_payment_id = $1 LIMIT 1",
            Some(p.as_str()),
            None,
        ),
        Concerns::Fleet => return Ok(None),
    };
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(text)
        .bind(id)
        .fetch_optional(db)
        .await?)
}

/// Locks the watch row of `queue` for the caller's transaction and answers from when (ms since
/// the epoch) its dead letters are still to be told; a queue never watched starts at `start_ms`.
pub async fn watch_from(conn: &mut Conn, queue: &str, start_ms: i64) -> Result<i64, StoreError> {
    sqlx::query(
        "INSERT INTO dead_letter_watch (queue, noticed_from_ms) VALUES ($1, $2)
         ON CONFLICT (queue) DO NOTHING",
    )
    .bind(queue)
    .bind(start_ms)
    .execute(&mut *conn)
    .await?;
    Ok(sqlx::query_scalar(
        "SELECT noticed_from_ms FROM dead_letter_watch WHERE queue = $1 FOR UPDATE",
    )
    .bind(queue)
    .fetch_one(&mut *conn)
    .await?)
}

/// Moves the watch of `queue` to `from_ms` (never back), in the notices' transaction.
pub async fn advance_watch(conn: &mut Conn, queue: &str, from_ms: i64) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE dead_letter_watch SET noticed_from_ms = greatest(noticed_from_ms, $2)
         WHERE queue = $1",
    )
    .bind(queue)
    .bind(from_ms)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

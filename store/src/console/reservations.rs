//! The console's reservations: a property's list and search, one reservation with its open
//! cancellation request, and the cancellation staff make with the property's policy.
//!
//! As in the rest of [`crate::console`], every statement filters by the signed-in account's
//! property, so another property's code reads as missing. Confirming a hold paid another way
//! is not here: the console enqueues the same `ConfirmPayment` job the bearer-token endpoint
//! does, and the workers confirm it (`reservations::confirm`). Cancelling never decides what
//! is given back: the caller passes the refund `booking::CancellationPolicy` gave. Placing and
//! moving are not here either: they are `crate::holds` (`place`, `move_stay`), the bot's own,
//! guarded by the exclusion constraint; here only the row to move is locked.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Conn, StoreError};

/// A reservation as the console lists and shows it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Reservation {
    pub code: String,
    /// The group's code when it was booked with other cabins as one request.
    pub group_code: Option<String>,
    pub accommodation_id: i64,
    pub accommodation: String,
    pub guest: String,
    pub guest_phone: Option<String>,
    pub guest_email: Option<String>,
    pub guests: i32,
    /// pre_reserved, confirmed, expired, cancelled.
    pub status: String,
    pub channel_source: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub total_cents: i64,
    pub deposit_cents: i64,
    pub currency: String,
    /// A hold's expiry, in the property's time.
    pub expires: Option<String>,
    /// An open cancellation request: the share of the deposit the guest was told comes back.
    pub cancel_requested_percent: Option<i32>,
    /// When the guest asked, in the property's time.
    pub cancel_requested_at: Option<String>,
    /// The refund a cancellation left due (cents), once cancelled from the console.
    pub refund_cents: Option<i64>,
}

const COLUMNS: &str = "r.code, g.code AS group_code, r.accommodation_id, a.name AS accommodation,
     coalesce(r.guest_name, r.guest_phone, r.guest_email, '—') AS guest,
     r.guest_phone, r.guest_email, r.guests, r.status::text AS status, r.channel_source,
     r.check_in, r.check_out,
     (r.total_amount * 100)::int8 AS total_cents, (r.deposit_amount * 100)::int8 AS deposit_cents,
     p.currency,
     CASE WHEN r.status = 'pre_reserved'
          THEN to_char(r.expires_at AT TIME ZONE p.time_zone, 'DD/MM HH24:MI') END AS expires,
     CASE WHEN cr.resolved_at IS NULL THEN cr.refund_percent END AS cancel_requested_percent,
     CASE WHEN cr.resolved_at IS NULL
          THEN to_char(cr.requested_at AT TIME ZONE p.time_zone, 'DD/MM HH24:MI') END AS cancel_requested_at,
     cr.refund_cents";

const FROM: &str = "FROM reservations r
     JOIN accommodations a ON a.id = r.accommodation_id
     JOIN properties p ON p.id = a.property_id
     LEFT JOIN reservation_groups g ON g.id = r.group_id
     LEFT JOIN cancellation_requests cr ON cr.reservation_id = r.id";

/// Reservations listed at most.
pub const LISTED: i64 = 200;

/// The property's reservations (iCal imports and staff blocks left out: they are blocks, not
/// guests; the calendar shows them), those
/// not yet over first by check-in, then the past latest first; with `search`, only those whose
/// code, group code, guest name, phone or email contains it (any case).
pub async fn list(
    db: &sqlx::PgPool,
    property_id: i64,
    search: Option<&str>,
    limit: i64,
) -> Result<Vec<Reservation>, StoreError> {
    // The words are matched literally: LIKE's wildcards in them are escaped.
    let pattern = search.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
        let escaped = s
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} {FROM}
         WHERE a.property_id = $1 AND r.channel_source NOT IN ('ical_import', 'staff_block')
           AND ($2::text IS NULL
                OR r.code ILIKE $2 OR g.code ILIKE $2 OR r.guest_name ILIKE $2
                OR r.guest_phone ILIKE $2 OR r.guest_email ILIKE $2)
         ORDER BY r.check_out >= (now() AT TIME ZONE p.time_zone)::date DESC,
                  CASE WHEN r.check_out >= (now() AT TIME ZONE p.time_zone)::date THEN r.check_in END,
                  r.check_in DESC, r.code
         LIMIT $3"
    )))
    .bind(property_id)
    .bind(pattern)
    .bind(limit)
    .fetch_all(db)
    .await?)
}

/// Reservation `code` of property `property_id`; `None` when it does not exist, is another
/// property's or is a staff block (the calendar unblocks those).
pub async fn one(
    db: impl sqlx::PgExecutor<'_>,
    property_id: i64,
    code: &str,
) -> Result<Option<Reservation>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} {FROM}
         WHERE a.property_id = $1 AND r.code = $2 AND r.channel_source <> 'staff_block'"
    )))
    .bind(property_id)
    .bind(code)
    .fetch_optional(db)
    .await?)
}

/// The open cancellation requests of the property, oldest first (Today and the inbox show
/// them).
pub async fn open_cancellations(
    db: &sqlx::PgPool,
    property_id: i64,
) -> Result<Vec<Reservation>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} {FROM}
         WHERE a.property_id = $1 AND cr.reservation_id IS NOT NULL AND cr.resolved_at IS NULL
         ORDER BY cr.requested_at, r.code"
    )))
    .bind(property_id)
    .fetch_all(db)
    .await?)
}

/// What a reservation to cancel is, locked for the caller's transaction.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ToCancel {
    pub id: i64,
    pub status: String,
    pub check_in: NaiveDate,
    pub deposit_cents: i64,
    /// The property's "today", in its time zone.
    pub today: NaiveDate,
    /// An open request's refund, as the guest was told when they asked.
    pub requested_percent: Option<i32>,
    pub requested_credit_months: Option<i32>,
    pub requested_days: Option<i32>,
}

/// Reservation `code` of property `property_id` as a cancellation needs it (`FOR UPDATE OF r`
/// appended when it is locked).
const TO_CANCEL: &str = "SELECT r.id, r.status::text AS status, r.check_in,
            (r.deposit_amount * 100)::int8 AS deposit_cents,
            (now() AT TIME ZONE p.time_zone)::date AS today,
            CASE WHEN cr.resolved_at IS NULL THEN cr.refund_percent END AS requested_percent,
            CASE WHEN cr.resolved_at IS NULL THEN cr.credit_months END AS requested_credit_months,
            CASE WHEN cr.resolved_at IS NULL THEN cr.days_before_check_in END AS requested_days
     FROM reservations r
     JOIN accommodations a ON a.id = r.accommodation_id
     JOIN properties p ON p.id = a.property_id
     LEFT JOIN cancellation_requests cr ON cr.reservation_id = r.id
     WHERE a.property_id = $1 AND r.code = $2 AND r.channel_source <> 'staff_block'";

/// Locks reservation `code` of the property for a cancellation; `None` when it is not the
/// property's.
pub async fn lock_for_cancel(
    conn: &mut Conn,
    property_id: i64,
    code: &str,
) -> Result<Option<ToCancel>, StoreError> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{TO_CANCEL} FOR UPDATE OF r")))
            .bind(property_id)
            .bind(code)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// What cancelling reservation `code` would involve, read without a lock (a page shows it
/// before staff press the button; the cancellation itself locks with [`lock_for_cancel`]).
pub async fn to_cancel(
    db: impl sqlx::PgExecutor<'_>,
    property_id: i64,
    code: &str,
) -> Result<Option<ToCancel>, StoreError> {
    Ok(sqlx::query_as(TO_CANCEL)
        .bind(property_id)
        .bind(code)
        .fetch_optional(db)
        .await?)
}

/// What a reservation to move is, locked for the caller's transaction.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ToMove {
    pub id: i64,
    /// pre_reserved, confirmed, expired, cancelled: only the first two move.
    pub status: String,
    pub accommodation_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: i32,
}

/// Locks reservation `code` of the property for a move; `None` when it is not the property's.
pub async fn lock_for_move(
    conn: &mut Conn,
    property_id: i64,
    code: &str,
) -> Result<Option<ToMove>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.status::text AS status, r.accommodation_id, r.check_in, r.check_out, r.guests
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.code = $2
         FOR UPDATE OF r",
    )
    .bind(property_id)
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Serializes the actions of one form (its key) until the caller's transaction ends: a form
/// posted twice at once is done by the first and found done by the second.
pub async fn lock_form(conn: &mut Conn, key: &str) -> Result<(), StoreError> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A cancellation as staff decided it.
#[derive(Debug, Clone, Copy)]
pub struct Cancellation {
    pub reservation_id: i64,
    pub account_id: i64,
    pub days_before_check_in: i64,
    pub refund_percent: u8,
    pub credit_months: u8,
    pub refund_cents: i64,
}

/// Cancels a confirmed reservation (its nights are free again: the exclusion constraint only
/// holds live stays) and records the request resolved, by whom, with the refund it leaves due;
/// a cancellation nobody requested is recorded as one, resolved at once. `false` when it was
/// no longer confirmed (cancelled already: nothing changes, a second press does nothing).
pub async fn cancel(
    conn: &mut Conn,
    c: &Cancellation,
    cause_key: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE reservations SET status = 'cancelled', expires_at = NULL, updated_at = now()
         WHERE id = $1 AND status = 'confirmed'",
    )
    .bind(c.reservation_id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO cancellation_requests
             (reservation_id, days_before_check_in, refund_percent, credit_months, cause_key,
              resolved_at, resolved_by, refund_cents)
         VALUES ($1, $2, $3, $4, $5, now(), $6, $7)
         ON CONFLICT (reservation_id) DO UPDATE
         SET resolved_at = now(), resolved_by = EXCLUDED.resolved_by,
             refund_cents = EXCLUDED.refund_cents,
             refund_percent = EXCLUDED.refund_percent",
    )
    .bind(c.reservation_id)
    .bind(i32::try_from(c.days_before_check_in).unwrap_or(i32::MAX))
    .bind(i32::from(c.refund_percent))
    .bind(i32::from(c.credit_months))
    .bind(cause_key)
    .bind(c.account_id)
    .bind(c.refund_cents)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

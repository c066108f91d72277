//! Reservations after they are placed (placing a hold is [`crate::holds`]): who the guest is,
//! confirming, expiring, and the payment link of a hold.

use chrono::{DateTime, NaiveDate, Utc};
use jobs::{domain::PhoneNumber, payloads::Channel};
use sqlx::{PgExecutor, PgPool};

use crate::{Conn, StoreError, holds::EXCLUSION_VIOLATION};

/// A reservation by its code: id and code as stored.
pub async fn id_by_code(db: impl PgExecutor<'_>, code: &str) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM reservations WHERE code = $1")
            .bind(code)
            .fetch_optional(db)
            .await?,
    )
}

/// The conversation a reservation came from (WhatsApp or email), when it came from one.
pub async fn guest_channel(
    db: impl PgExecutor<'_>,
    reservation_id: i64,
) -> Result<Option<Channel>, StoreError> {
    type Row = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT r.guest_phone, p.whatsapp_phone_number_id, r.guest_email, p.email_address
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id JOIN properties p ON p.id = a.property_id
         WHERE r.id = $1",
    )
    .bind(reservation_id)
    .fetch_optional(db)
    .await?;
    Ok(match row {
        Some((Some(phone), Some(phone_number_id), _, _)) => {
            PhoneNumber::parse(&phone)
                .ok()
                .map(|from| Channel::Whatsapp {
                    phone_number_id,
                    from,
                })
        }
        Some((_, _, Some(from), Some(to))) => Some(Channel::email(to, from)),
        _ => None,
    })
}

/// What confirming a reservation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// A live or expired hold is now confirmed.
    Confirmed,
    /// It was confirmed (or cancelled) already: nothing changed.
    Unchanged,
    /// An expired hold whose nights were taken meanwhile: marked for refund, for staff.
    NeedsRefund,
}

/// Confirms a live or expired hold, in the caller's transaction. An expired hold whose dates
/// were taken meanwhile cannot be (the exclusion constraint says so): it is marked for refund.
pub async fn confirm(conn: &mut Conn, reservation_id: i64) -> Result<Confirmation, StoreError> {
    sqlx::query("SAVEPOINT confirm").execute(&mut *conn).await?;
    let updated = sqlx::query(
        "UPDATE reservations SET status = 'confirmed', expires_at = NULL, updated_at = now()
         WHERE id = $1 AND status IN ('pre_reserved', 'expired')",
    )
    .bind(reservation_id)
    .execute(&mut *conn)
    .await;
    match updated {
        Ok(done) => {
            sqlx::query("RELEASE SAVEPOINT confirm")
                .execute(&mut *conn)
                .await?;
            Ok(if done.rows_affected() == 1 {
                Confirmation::Confirmed
            } else {
                Confirmation::Unchanged
            })
        }
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some(EXCLUSION_VIOLATION) => {
            sqlx::query("ROLLBACK TO SAVEPOINT confirm")
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "UPDATE reservations SET needs_refund = TRUE, updated_at = now() WHERE id = $1",
            )
            .bind(reservation_id)
            .execute(&mut *conn)
            .await?;
            Ok(Confirmation::NeedsRefund)
        }
        Err(e) => Err(e.into()),
    }
}

/// Holds past their time at `at` become `expired` (freeing their nights): id and code of each.
pub async fn expire_due(
    conn: &mut Conn,
    at: DateTime<Utc>,
) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(
        "UPDATE reservations SET status = 'expired', updated_at = now()
         WHERE status = 'pre_reserved' AND expires_at <= $1 RETURNING id, code",
    )
    .bind(at)
    .fetch_all(conn)
    .await?)
}

/// A hold as its payment link and its message need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HeldStay {
    pub code: String,
    pub accommodation: String,
    pub property_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: i32,
    pub total_cents: i64,
    pub deposit_cents: i64,
    pub expires_at: Option<DateTime<Utc>>,
    pub payment_link: Option<String>,
    pub currency: String,
}

/// The hold a job placed, by the job's effect key.
pub async fn held_by_cause(
    db: impl PgExecutor<'_>,
    cause: &str,
) -> Result<Option<HeldStay>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.code, a.name AS accommodation, a.property_id, r.check_in, r.check_out, r.guests,
                (r.total_amount * 100)::int8 AS total_cents, (r.deposit_amount * 100)::int8 AS deposit_cents,
                r.expires_at, r.payment_link, p.currency::text AS currency
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id JOIN properties p ON p.id = a.property_id
         WHERE r.hold_cause = $1",
    )
    .bind(cause)
    .fetch_optional(db)
    .await?)
}

/// Stores a hold's payment link, unless one is stored already (the first one stays).
pub async fn set_payment_link(db: &PgPool, code: &str, link: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE reservations SET payment_link = $2, updated_at = now() WHERE code = $1 AND payment_link IS NULL",
    )
    .bind(code)
    .bind(link)
    .execute(db)
    .await?;
    Ok(())
}

/// Reservations paid too late to keep (their nights were taken): what staff must pay back, with
/// the approved payments, oldest first, as JSON objects for the staff endpoint.
pub async fn refunds_due(db: &PgPool) -> Result<Vec<serde_json::Value>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT json_build_object(
            'code', r.code, 'accommodation', a.name, 'property', p.name,
            'check_in', r.check_in, 'check_out', r.check_out,
            'guest_phone', r.guest_phone, 'guest_email', r.guest_email,
            'paid', coalesce(sum(pay.amount), 0), 'currency', p.currency,
            'payments', coalesce(array_agg(pay.provider_payment_id) FILTER (WHERE pay.id IS NOT NULL), '{}'),
            'marked_at', r.updated_at)
         FROM reservations r
         JOIN accommodations a ON a.id = r.accommodation_id
         JOIN properties p ON p.id = a.property_id
         LEFT JOIN payments pay ON pay.reservation_id = r.id AND pay.status = 'approved'
         WHERE r.needs_refund
         GROUP BY r.id, a.name, p.name, p.currency
         ORDER BY r.updated_at",
    )
    .fetch_all(db)
    .await?)
}

/// The guest's current stay at a property, as the conversation needs it: their latest live
/// hold or confirmed reservation that has not ended, found by the phone or email they write
/// from.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Deserialize)]
pub struct GuestStay {
    pub code: String,
    pub accommodation_id: i64,
    pub accommodation: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: i32,
    /// Confirmed (the deposit was paid).
    pub paid: bool,
    pub payment_link: Option<String>,
}

/// The guest's latest live hold or confirmed, not yet ended reservation at the property.
pub async fn current_for_guest(
    db: impl PgExecutor<'_>,
    property_id: i64,
    channel: &Channel,
    today: NaiveDate,
) -> Result<Option<GuestStay>, StoreError> {
    let (phone, email) = guest_contact(channel);
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(
        guest_stays_sql("$1", "$2", "$3", "$4") + " LIMIT 1",
    ))
    .bind(property_id)
    .bind(phone)
    .bind(email)
    .bind(today)
    .fetch_optional(db)
    .await?)
}

/// The phone or the email a guest writes from (their reservations carry the same).
pub(crate) fn guest_contact(channel: &Channel) -> (Option<String>, Option<String>) {
    match channel {
        Channel::Whatsapp { from, .. } => (Some(from.expose().to_owned()), None),
        Channel::Email { from, .. } => (None, Some(from.clone())),
    }
}

/// The guest's live holds and confirmed stays that end on or after `since`, latest first: SQL
/// over the given expressions for the property's id, the guest's phone, their email and the
/// date.
pub(crate) fn guest_stays_sql(property: &str, phone: &str, email: &str, since: &str) -> String {
    format!(
        "SELECT r.code, r.accommodation_id, a.name AS accommodation, r.check_in, r.check_out, r.guests,
                (r.status = 'confirmed') AS paid, r.payment_link, r.created_at, r.id AS reservation_id
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = {property}
           AND (r.guest_phone = {phone} OR lower(r.guest_email) = lower({email}))
           AND ((r.status = 'pre_reserved' AND r.expires_at > now())
                OR (r.status = 'confirmed' AND r.check_out >= {since}))
         ORDER BY r.created_at DESC, r.id DESC"
    )
}

/// Releases an unpaid hold the guest gave up (its nights free at once): `true` when a live
/// hold with that code was released.
pub async fn release_unpaid(conn: &mut Conn, code: &str) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE reservations SET status = 'cancelled', updated_at = now()
         WHERE code = $1 AND status = 'pre_reserved'",
    )
    .bind(code)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// What the confirmation voucher says about a reservation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VoucherData {
    pub code: String,
    pub accommodation: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: i32,
    pub total_cents: i64,
    /// What the approved payments add up to (the deposit, when none is recorded with an
    /// amount).
    pub paid_cents: i64,
    pub address: Option<String>,
    pub check_in_time: chrono::NaiveTime,
    pub check_out_time: chrono::NaiveTime,
}

/// The voucher of a reservation, by id.
pub async fn voucher(
    db: impl PgExecutor<'_>,
    reservation_id: i64,
) -> Result<Option<VoucherData>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.code, a.name AS accommodation, r.check_in, r.check_out, r.guests,
                (r.total_amount * 100)::int8 AS total_cents,
                (coalesce(nullif((SELECT sum(pay.amount) FROM payments pay
                                  WHERE pay.reservation_id = r.id AND pay.status = 'approved'), 0),
                          r.deposit_amount) * 100)::int8 AS paid_cents,
                p.address, p.check_in_time, p.check_out_time
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         JOIN properties p ON p.id = a.property_id
         WHERE r.id = $1",
    )
    .bind(reservation_id)
    .fetch_optional(db)
    .await?)
}

/// The property a reservation belongs to.
pub async fn property_of(
    db: impl PgExecutor<'_>,
    reservation_id: i64,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT a.property_id FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE r.id = $1",
    )
    .bind(reservation_id)
    .fetch_optional(db)
    .await?)
}

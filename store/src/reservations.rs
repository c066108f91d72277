//! Reservations after they are placed (placing a hold is [`crate::holds`]): who the guest is,
//! confirming, expiring, and the payment link of a hold; a group's holds (several cabins, one
//! request), which are paid, confirmed, expired and released together; a guest's request to
//! cancel a paid reservation, recorded for staff (never a cancellation by itself).

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

/// A hold that expired, and the group it was requested with.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Expired {
    pub id: i64,
    pub code: String,
    /// The code of its group: a group's holds expire together and the guest is told once.
    pub group_code: Option<String>,
}

/// Holds past their time at `at` become `expired` (freeing their nights), with every other
/// live hold of their groups: a group is one request and expires whole.
pub async fn expire_due(conn: &mut Conn, at: DateTime<Utc>) -> Result<Vec<Expired>, StoreError> {
    Ok(sqlx::query_as(
        "WITH due AS (
             SELECT id, group_id FROM reservations WHERE status = 'pre_reserved' AND expires_at <= $1
         )
         UPDATE reservations r SET status = 'expired', updated_at = now()
         WHERE r.status = 'pre_reserved'
           AND (r.id IN (SELECT id FROM due)
                OR r.group_id IN (SELECT group_id FROM due WHERE group_id IS NOT NULL))
         RETURNING r.id, r.code, (SELECT g.code FROM reservation_groups g WHERE g.id = r.group_id) AS group_code",
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
    /// Until when an unpaid hold is kept (`None` once confirmed).
    pub expires_at: Option<DateTime<Utc>>,
    /// The request it was made in with other cabins, and that request's code (`GRP…`).
    pub group_id: Option<i64>,
    pub group_code: Option<String>,
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
                (r.status = 'confirmed') AS paid, r.payment_link, r.expires_at, r.created_at,
                r.id AS reservation_id,
                r.group_id, g.code AS group_code
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         LEFT JOIN reservation_groups g ON g.id = r.group_id
         WHERE a.property_id = {property}
           AND (r.guest_phone = {phone} OR lower(r.guest_email) = lower({email}))
           AND ((r.status = 'pre_reserved' AND r.expires_at > now())
                OR (r.status = 'confirmed' AND r.check_out >= {since}))
         ORDER BY r.created_at DESC, r.id DESC"
    )
}

/// Releases an unpaid hold the guest gave up (its nights free at once), with the rest of its
/// group when it was requested with others (one request, released whole): `true` when a live
/// hold with that code was released.
pub async fn release_unpaid(conn: &mut Conn, code: &str) -> Result<bool, StoreError> {
    let released: Vec<String> = sqlx::query_scalar(
        "UPDATE reservations SET status = 'cancelled', updated_at = now()
         WHERE status = 'pre_reserved'
           AND (code = $1
                OR group_id = (SELECT group_id FROM reservations WHERE code = $1 AND group_id IS NOT NULL))
         RETURNING code",
    )
    .bind(code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(released.iter().any(|c| c == code))
}

/// Records a guest's request to cancel the paid reservation `code` (and the rest of its group,
/// paid with it), with what the policy gives back on the day, for staff: the reservations
/// stay confirmed until staff act. Answers how many requests were new (a second request of the
/// same reservation keeps the first).
pub async fn request_cancellation(
    conn: &mut Conn,
    code: &str,
    refund: &booking::Refund,
    cause: &str,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "INSERT INTO cancellation_requests (reservation_id, days_before_check_in, refund_percent, credit_months, cause_key)
         SELECT r.id, $2, $3, $4, $5 FROM reservations r
         WHERE r.status = 'confirmed'
           AND (r.code = $1
                OR r.group_id = (SELECT group_id FROM reservations WHERE code = $1 AND group_id IS NOT NULL))
         ON CONFLICT (reservation_id) DO NOTHING",
    )
    .bind(code)
    .bind(i32::try_from(refund.days_left).unwrap_or(i32::MAX))
    .bind(i32::from(refund.share.percent()))
    .bind(i32::from(refund.credit_months.unwrap_or(0)))
    .bind(cause)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// Open cancellation requests, oldest first, as JSON objects for staff: the reservation, the
/// guest, and what the policy gave back on the day they asked.
pub async fn cancellation_requests(db: &PgPool) -> Result<Vec<serde_json::Value>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT json_build_object(
            'code', r.code, 'group', g.code, 'accommodation', a.name, 'property', p.name,
            'check_in', r.check_in, 'check_out', r.check_out, 'status', r.status,
            'guest_phone', r.guest_phone, 'guest_email', r.guest_email,
            'deposit', r.deposit_amount, 'currency', p.currency,
            'days_before_check_in', c.days_before_check_in, 'refund_percent', c.refund_percent,
            'credit_months', c.credit_months, 'requested_at', c.requested_at)
         FROM cancellation_requests c
         JOIN reservations r ON r.id = c.reservation_id
         JOIN accommodations a ON a.id = r.accommodation_id
         JOIN properties p ON p.id = a.property_id
         LEFT JOIN reservation_groups g ON g.id = r.group_id
         WHERE c.resolved_at IS NULL
         ORDER BY c.requested_at, r.id",
    )
    .fetch_all(db)
    .await?)
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
    /// How the property takes the balance on arrival.
    pub balance_cash: bool,
    pub balance_transfer: bool,
    pub balance_card: bool,
}

impl VoucherData {
    /// How the property takes the balance on arrival.
    pub fn balance_ways(&self) -> conversation::BalanceMethods {
        conversation::BalanceMethods {
            cash: self.balance_cash,
            transfer: self.balance_transfer,
            card: self.balance_card,
        }
    }
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
                p.address, p.check_in_time, p.check_out_time,
                p.balance_cash, p.balance_transfer, p.balance_card
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

/// A group's holds as its one payment link and its message need them.
#[derive(Debug, Clone)]
pub struct GroupStay {
    pub id: i64,
    pub code: String,
    pub payment_link: Option<String>,
    /// Its holds, in the order they were placed.
    pub members: Vec<HeldStay>,
}

impl GroupStay {
    /// What the one payment link pays: the sum of the deposits.
    pub fn deposit_cents(&self) -> i64 {
        self.members.iter().map(|m| m.deposit_cents).sum()
    }

    pub fn total_cents(&self) -> i64 {
        self.members.iter().map(|m| m.total_cents).sum()
    }
}

/// The group a job sends the payment link of, by the job's effect key.
pub async fn group_by_cause(db: &PgPool, cause: &str) -> Result<Option<GroupStay>, StoreError> {
    let group: Option<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, code, payment_link FROM reservation_groups WHERE hold_cause = $1",
    )
    .bind(cause)
    .fetch_optional(db)
    .await?;
    let Some((id, code, payment_link)) = group else {
        return Ok(None);
    };
    let members: Vec<HeldStay> = sqlx::query_as(
        "SELECT r.code, a.name AS accommodation, a.property_id, r.check_in, r.check_out, r.guests,
                (r.total_amount * 100)::int8 AS total_cents, (r.deposit_amount * 100)::int8 AS deposit_cents,
                r.expires_at, r.payment_link, p.currency::text AS currency
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id JOIN properties p ON p.id = a.property_id
         WHERE r.group_id = $1 ORDER BY r.id",
    )
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(Some(GroupStay {
        id,
        code,
        payment_link,
        members,
    }))
}

/// Stores a group's one payment link, on the group and on each of its holds (so a guest who
/// asks about any of them gets it), unless one is stored already (the first one stays).
pub async fn set_group_payment_link(
    db: &PgPool,
    group_id: i64,
    link: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "WITH g AS (
             UPDATE reservation_groups SET payment_link = $2 WHERE id = $1 AND payment_link IS NULL RETURNING id
         )
         UPDATE reservations SET payment_link = $2, updated_at = now()
         WHERE group_id IN (SELECT id FROM g) AND payment_link IS NULL",
    )
    .bind(group_id)
    .bind(link)
    .execute(db)
    .await?;
    Ok(())
}

/// A group by its code: its id.
pub async fn group_id_by_code(
    db: impl PgExecutor<'_>,
    code: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM reservation_groups WHERE code = $1")
            .bind(code)
            .fetch_optional(db)
            .await?,
    )
}

/// The ids of a group's reservations, in the order they were placed.
pub async fn group_members(db: impl PgExecutor<'_>, group_id: i64) -> Result<Vec<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM reservations WHERE group_id = $1 ORDER BY id")
            .bind(group_id)
            .fetch_all(db)
            .await?,
    )
}

/// Confirms every live or expired hold of a group at once, in the caller's transaction: one
/// statement, so all or none. When the nights of any expired one were taken meanwhile none is
/// confirmed and the whole group is marked for refund (one payment paid for all of it).
pub async fn confirm_group(conn: &mut Conn, group_id: i64) -> Result<Confirmation, StoreError> {
    sqlx::query("SAVEPOINT confirm_group")
        .execute(&mut *conn)
        .await?;
    let updated = sqlx::query(
        "UPDATE reservations SET status = 'confirmed', expires_at = NULL, updated_at = now()
         WHERE group_id = $1 AND status IN ('pre_reserved', 'expired')",
    )
    .bind(group_id)
    .execute(&mut *conn)
    .await;
    match updated {
        Ok(done) => {
            sqlx::query("RELEASE SAVEPOINT confirm_group")
                .execute(&mut *conn)
                .await?;
            Ok(if done.rows_affected() > 0 {
                Confirmation::Confirmed
            } else {
                Confirmation::Unchanged
            })
        }
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some(EXCLUSION_VIOLATION) => {
            sqlx::query("ROLLBACK TO SAVEPOINT confirm_group")
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "UPDATE reservations SET needs_refund = TRUE, updated_at = now() WHERE group_id = $1",
            )
            .bind(group_id)
            .execute(&mut *conn)
            .await?;
            Ok(Confirmation::NeedsRefund)
        }
        Err(e) => Err(e.into()),
    }
}

/// What a group's voucher says: each reservation's own voucher lines, and what the approved
/// payments of the group add up to (the sum of the deposits, when none is recorded with an
/// amount).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupVoucherData {
    pub code: String,
    pub members: Vec<VoucherData>,
    pub paid_cents: i64,
}

pub async fn group_voucher(
    conn: &mut Conn,
    group_id: i64,
) -> Result<Option<GroupVoucherData>, StoreError> {
    let head: Option<(String, i64)> = sqlx::query_as(
        "SELECT g.code,
                (coalesce(nullif((SELECT sum(pay.amount) FROM payments pay
                                  WHERE pay.reservation_group_id = g.id AND pay.status = 'approved'), 0),
                          (SELECT sum(r.deposit_amount) FROM reservations r WHERE r.group_id = g.id)) * 100)::int8
         FROM reservation_groups g WHERE g.id = $1",
    )
    .bind(group_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((code, paid_cents)) = head else {
        return Ok(None);
    };
    let members: Vec<VoucherData> = sqlx::query_as(
        "SELECT r.code, a.name AS accommodation, r.check_in, r.check_out, r.guests,
                (r.total_amount * 100)::int8 AS total_cents, (r.deposit_amount * 100)::int8 AS paid_cents,
                p.address, p.check_in_time, p.check_out_time,
                p.balance_cash, p.balance_transfer, p.balance_card
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         JOIN properties p ON p.id = a.property_id
         WHERE r.group_id = $1 ORDER BY r.id",
    )
    .bind(group_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok((!members.is_empty()).then_some(GroupVoucherData {
        code,
        members,
        paid_cents,
    }))
}

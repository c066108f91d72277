//! Deposits to give back, as the console's payments page shows and acts on them: a stay paid
//! too late to keep (`needs_refund`: the whole deposit), or one staff cancelled with the
//! policy leaving money due (`cancellation_requests.refund_cents`). A group is one line under
//! its code (it was paid with one payment). A code with a `refunds` row is done and listed
//! apart; a stay Mercado Pago reports refunded or charged back (`payment_reversal`) is listed
//! for staff to decide.
//!
//! The amount due is always computed here, from the rows, never taken from a form. It never
//! refunds: the console enqueues the workers' `RefundDeposit`, which calls Mercado Pago.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::PgExecutor;

use crate::StoreError;

/// A deposit due back.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Due {
    /// The reservation's code, or its group's.
    pub code: String,
    pub accommodation: String,
    pub guest: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    /// Paid after the hold expired and its nights were taken (else: cancelled by the policy).
    pub late_payment: bool,
    pub due_cents: i64,
}

const DUE: &str = "SELECT coalesce(g.code, r.code) AS code,
            string_agg(DISTINCT a.name, ', ') AS accommodation,
            coalesce(min(r.guest_name), min(r.guest_phone), min(r.guest_email), '') AS guest,
            min(r.check_in) AS check_in, max(r.check_out) AS check_out,
            bool_or(r.needs_refund) AS late_payment,
            sum(CASE WHEN r.needs_refund THEN (r.deposit_amount * 100)::bigint
                     ELSE coalesce(cr.refund_cents, 0) END)::bigint AS due_cents
     FROM reservations r
     JOIN accommodations a ON a.id = r.accommodation_id
     LEFT JOIN reservation_groups g ON g.id = r.group_id
     LEFT JOIN cancellation_requests cr ON cr.reservation_id = r.id AND cr.resolved_at IS NOT NULL
     WHERE a.property_id = $1
       AND (r.needs_refund OR (r.status = 'cancelled' AND cr.refund_cents > 0))
       AND NOT EXISTS (SELECT 1 FROM refunds rf WHERE rf.code = coalesce(g.code, r.code))
       AND ($2::text IS NULL OR coalesce(g.code, r.code) = $2)
     GROUP BY coalesce(g.code, r.code)
     ORDER BY min(r.updated_at)";

/// The property's deposits due back, oldest first.
pub async fn due(db: impl PgExecutor<'_>, property_id: i64) -> Result<Vec<Due>, StoreError> {
    Ok(sqlx::query_as(DUE)
        .bind(property_id)
        .bind(None::<String>)
        .fetch_all(db)
        .await?)
}

/// One code's deposit due back, when it is the property's and not refunded yet.
pub async fn due_one(
    db: impl PgExecutor<'_>,
    property_id: i64,
    code: &str,
) -> Result<Option<Due>, StoreError> {
    Ok(sqlx::query_as(DUE)
        .bind(property_id)
        .bind(code)
        .fetch_optional(db)
        .await?)
}

/// A refund made, or a payment Mercado Pago reports reversed.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Settled {
    pub code: String,
    /// `refunded` (by us), or the reversal Mercado Pago reported (`refunded`, `charged_back`).
    pub what: String,
    pub cents: i64,
    /// When, in the property's time zone (`dd/mm/yyyy hh:mm`).
    pub at: String,
}

/// The property's latest refunds and reversals, newest first.
pub async fn settled(
    db: impl PgExecutor<'_>,
    property_id: i64,
    limit: i64,
) -> Result<Vec<Settled>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT code, what, cents, to_char(at AT TIME ZONE tz, 'DD/MM/YYYY HH24:MI') AS at FROM (
             SELECT rf.code, 'ours' AS what, (rf.amount * 100)::bigint AS cents, rf.created_at AS at,
                    p.time_zone AS tz
             FROM refunds rf
             JOIN reservations r ON r.code = rf.code
                 OR r.group_id = (SELECT id FROM reservation_groups WHERE code = rf.code)
             JOIN accommodations a ON a.id = r.accommodation_id
             JOIN properties p ON p.id = a.property_id
             WHERE p.id = $1
             GROUP BY rf.id, p.time_zone
             UNION ALL
             SELECT coalesce(g.code, r.code), min(r.payment_reversal),
                    sum((r.deposit_amount * 100)::bigint)::bigint, max(r.updated_at), p.time_zone
             FROM reservations r
             JOIN accommodations a ON a.id = r.accommodation_id
             JOIN properties p ON p.id = a.property_id
             LEFT JOIN reservation_groups g ON g.id = r.group_id
             WHERE p.id = $1 AND r.payment_reversal IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM refunds rf WHERE rf.code = coalesce(g.code, r.code))
             GROUP BY coalesce(g.code, r.code), p.time_zone
         ) x ORDER BY x.at DESC LIMIT $2",
    )
    .bind(property_id)
    .bind(limit)
    .fetch_all(db)
    .await?)
}

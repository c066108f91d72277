//! Payments as the payment provider reported them, one row per provider payment, updated as
//! its status changes.

use crate::{Conn, StoreError};

/// A payment as read from the provider's API (never from a webhook body).
#[derive(Debug, Clone)]
pub struct ReadPayment<'a> {
    pub provider_payment_id: &'a str,
    pub external_reference: Option<&'a str>,
    pub status: &'a str,
    pub status_detail: Option<&'a str>,
    pub amount: Option<f64>,
    pub currency: Option<&'a str>,
    pub approved_at: Option<&'a str>,
    pub raw: serde_json::Value,
}

/// What a payment pays for, by its external reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paid {
    /// One reservation: its id and code.
    Reservation { id: i64, code: String },
    /// A group's holds, paid with one payment: the group's id and code.
    Group { id: i64, code: String },
}

/// Records (or updates) a Mercado Pago payment and links it to what it pays for: a reservation,
/// or a group (a reference `GRP…`). `None` when the reference names neither.
pub async fn record_mercadopago(
    conn: &mut Conn,
    payment: &ReadPayment<'_>,
) -> Result<Option<Paid>, StoreError> {
    let paid = match payment.external_reference {
        Some(code) => {
            let found: Option<(i64, String, bool)> = sqlx::query_as(
                "SELECT id, code, FALSE FROM reservations WHERE code = $1
                 UNION ALL
                 SELECT id, code, TRUE FROM reservation_groups WHERE code = $1
                 LIMIT 1",
            )
            .bind(code)
            .fetch_optional(&mut *conn)
            .await?;
            found.map(|(id, code, group)| {
                if group {
                    Paid::Group { id, code }
                } else {
                    Paid::Reservation { id, code }
                }
            })
        }
        None => None,
    };
    let (reservation_id, group_id) = match &paid {
        Some(Paid::Reservation { id, .. }) => (Some(*id), None),
        Some(Paid::Group { id, .. }) => (None, Some(*id)),
        None => (None, None),
    };
    sqlx::query(
        "INSERT INTO payments (provider, provider_payment_id, reservation_id, reservation_group_id, external_reference, status, status_detail, amount, currency, approved_at, raw)
         VALUES ('mercadopago', $1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10)
         ON CONFLICT (provider, provider_payment_id) DO UPDATE
           SET status = EXCLUDED.status, status_detail = EXCLUDED.status_detail, approved_at = EXCLUDED.approved_at,
               raw = EXCLUDED.raw, reservation_id = EXCLUDED.reservation_id,
               reservation_group_id = EXCLUDED.reservation_group_id, updated_at = now()",
    )
    .bind(payment.provider_payment_id)
    .bind(reservation_id)
    .bind(group_id)
    .bind(payment.external_reference)
    .bind(payment.status)
    .bind(payment.status_detail)
    .bind(payment.amount)
    .bind(payment.currency)
    .bind(payment.approved_at)
    .bind(&payment.raw)
    .execute(&mut *conn)
    .await?;
    Ok(paid)
}

/// A reservation's or a group's deposit as it can be given back: the approved payment that paid
/// it, how much, the guest's (first) reservation, and the refund already made, if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Refundable {
    pub payment_id: i64,
    pub provider_payment_id: String,
    pub paid_cents: i64,
    pub reservation_id: i64,
    /// Mercado Pago's id of the refund already recorded for this code.
    pub refunded: Option<String>,
}

/// What `code` (a reservation's or a group's) paid and can get back; `None` when no approved
/// payment paid it.
pub async fn refundable(
    db: impl sqlx::PgExecutor<'_>,
    code: &str,
) -> Result<Option<Refundable>, StoreError> {
    Ok(sqlx::query_as(
        "WITH target AS (
             SELECT r.id AS reservation_id, NULL::bigint AS group_id FROM reservations r WHERE r.code = $1
             UNION ALL
             SELECT (SELECT min(r.id) FROM reservations r WHERE r.group_id = g.id), g.id
             FROM reservation_groups g WHERE g.code = $1
         )
         SELECT pay.id AS payment_id, pay.provider_payment_id,
                (coalesce(pay.amount, 0) * 100)::bigint AS paid_cents, t.reservation_id,
                rf.provider_refund_id AS refunded
         FROM target t
         JOIN payments pay ON pay.status IN ('approved', 'refunded')
                          AND (pay.reservation_id = t.reservation_id OR pay.reservation_group_id = t.group_id)
         LEFT JOIN refunds rf ON rf.code = $1
         WHERE t.reservation_id IS NOT NULL
         ORDER BY pay.id LIMIT 1",
    )
    .bind(code)
    .fetch_optional(db)
    .await?)
}

/// A refund Mercado Pago made, recorded once per code in the caller's transaction; the stays it
/// pays back no longer wait for one (`needs_refund`). `false` when it was already recorded.
pub async fn record_refund(
    conn: &mut Conn,
    code: &str,
    r: &Refundable,
    amount_cents: i64,
    provider_refund_id: &str,
    requested_by: Option<i64>,
) -> Result<bool, StoreError> {
    let inserted = sqlx::query(
        "INSERT INTO refunds (code, payment_id, amount, provider_refund_id, requested_by)
         VALUES ($1, $2, $3::numeric / 100, $4, $5) ON CONFLICT (code) DO NOTHING",
    )
    .bind(code)
    .bind(r.payment_id)
    .bind(amount_cents)
    .bind(provider_refund_id)
    .bind(requested_by)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    sqlx::query(
        "UPDATE reservations SET needs_refund = FALSE, updated_at = now()
         WHERE needs_refund
           AND (code = $1 OR group_id = (SELECT id FROM reservation_groups WHERE code = $1))",
    )
    .bind(code)
    .execute(&mut *conn)
    .await?;
    Ok(inserted)
}

/// Mercado Pago reports `paid`'s payment refunded or charged back: its stays are marked (the
/// first report only) and the guest's conversation is put at the top of the inbox as needing a
/// person, unless the refund is the one we made (`refunds` has the code). Answers the first
/// stay's id when this report is news for staff.
pub async fn mark_reversal(
    conn: &mut Conn,
    paid: &Paid,
    reversal: &str,
) -> Result<Option<i64>, StoreError> {
    let (reservation, group) = match paid {
        Paid::Reservation { id, .. } => (Some(*id), None),
        Paid::Group { id, .. } => (None, Some(*id)),
    };
    let marked: Vec<i64> = sqlx::query_scalar(
        "UPDATE reservations SET payment_reversal = $3, updated_at = now()
         WHERE (id = $1 OR group_id = $2) AND payment_reversal IS DISTINCT FROM $3
         RETURNING id",
    )
    .bind(reservation)
    .bind(group)
    .bind(reversal)
    .fetch_all(&mut *conn)
    .await?;
    let Some(first) = marked.iter().min().copied() else {
        return Ok(None);
    };
    let ours: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM refunds rf WHERE rf.code IN
             (SELECT code FROM reservations WHERE id = $1
              UNION ALL SELECT g.code FROM reservation_groups g JOIN reservations r ON r.group_id = g.id WHERE r.id = $1))",
    )
    .bind(first)
    .fetch_one(&mut *conn)
    .await?;
    if ours && reversal == "refunded" {
        return Ok(None);
    }
    sqlx::query(
        "UPDATE conversations c
         SET state = jsonb_set(c.state, '{needs_human}', 'true'), updated_at = now()
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE r.id = $1 AND c.property_id = a.property_id
           AND ((c.channel = 'whatsapp' AND c.guest_address = r.guest_phone)
                OR (c.channel = 'email' AND c.guest_address = lower(r.guest_email)))",
    )
    .bind(first)
    .execute(&mut *conn)
    .await?;
    Ok(Some(first))
}

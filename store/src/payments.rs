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

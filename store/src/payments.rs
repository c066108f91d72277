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

/// Records (or updates) a Mercado Pago payment and links it to its reservation. Answers the
/// reservation's id and code when the payment's reference names one.
pub async fn record_mercadopago(
    conn: &mut Conn,
    payment: &ReadPayment<'_>,
) -> Result<Option<(i64, String)>, StoreError> {
    let reservation: Option<(i64, String)> = match payment.external_reference {
        Some(code) => {
            sqlx::query_as("SELECT id, code FROM reservations WHERE code = $1")
                .bind(code)
                .fetch_optional(&mut *conn)
                .await?
        }
        None => None,
    };
    sqlx::query(
        "INSERT INTO payments (provider, provider_payment_id, reservation_id, external_reference, status, status_detail, amount, currency, approved_at, raw)
         VALUES ('mercadopago', $1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9)
         ON CONFLICT (provider, provider_payment_id) DO UPDATE
           SET status = EXCLUDED.status, status_detail = EXCLUDED.status_detail, approved_at = EXCLUDED.approved_at,
               raw = EXCLUDED.raw, reservation_id = EXCLUDED.reservation_id, updated_at = now()",
    )
    .bind(payment.provider_payment_id)
    .bind(reservation.as_ref().map(|r| r.0))
    .bind(payment.external_reference)
    .bind(payment.status)
    .bind(payment.status_detail)
    .bind(payment.amount)
    .bind(payment.currency)
    .bind(payment.approved_at)
    .bind(&payment.raw)
    .execute(&mut *conn)
    .await?;
    Ok(reservation)
}

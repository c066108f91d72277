//! `ConfirmPayment`: reads the payment from Mercado Pago (never trusting the webhook body) and
//! confirms the hold it pays for, once per payment however many notifications arrive.

use jobs::{
    Envelope, JobError,
    domain::PhoneNumber,
    payloads::{Channel, ConfirmPayment, PaymentSource, ReplyBody},
};
use sqlx::PgConnection;

use super::replies;
use crate::{
    channels::mercadopago::Payment, handler::Handle, idempotency, idempotency::db_error,
    state::State,
};
use jobs::texts;

const EXCLUSION_VIOLATION: &str = "23P01";

impl Handle for ConfirmPayment {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let cause = job.meta.effect_key();
        match &job.payload.source {
            PaymentSource::Webhook { payment_id } => {
                let (payment, raw) = state.mercadopago.payment(payment_id).await?;
                if let Some(mut tx) = idempotency::begin(&state.db, &job.meta).await? {
                    apply_payment(&mut tx, payment_id, &payment, raw).await?;
                    idempotency::commit(tx).await?;
                }
                replies::dispatch(&state, &format!("payment:{payment_id}:")).await
            }
            PaymentSource::Staff { reservation_code } => {
                if let Some(mut tx) = idempotency::begin(&state.db, &job.meta).await? {
                    let row: Option<(i64,)> =
                        sqlx::query_as("SELECT id FROM reservations WHERE code = $1")
                            .bind(reservation_code)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db_error)?;
                    let Some((id,)) = row else {
                        return Err(JobError::permanent(format!(
                            "no reservation {reservation_code}"
                        )));
                    };
                    confirm(
                        &mut tx,
                        id,
                        reservation_code,
                        &format!("staff:{reservation_code}:"),
                    )
                    .await?;
                    idempotency::commit(tx).await?;
                }
                replies::dispatch(&state, &format!("staff:{reservation_code}:")).await?;
                replies::dispatch(&state, &cause).await
            }
        }
    }
}

async fn apply_payment(
    conn: &mut PgConnection,
    payment_id: &str,
    payment: &Payment,
    raw: serde_json::Value,
) -> Result<(), JobError> {
    let reservation: Option<(i64, String)> = match &payment.external_reference {
        Some(code) => sqlx::query_as("SELECT id, code FROM reservations WHERE code = $1")
            .bind(code)
            .fetch_optional(&mut *conn)
            .await
            .map_err(db_error)?,
        None => None,
    };
    sqlx::query(
        "INSERT INTO payments (provider, provider_payment_id, reservation_id, external_reference, status, status_detail, amount, currency, approved_at, raw)
         VALUES ('mercadopago', $1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9)
         ON CONFLICT (provider, provider_payment_id) DO UPDATE
           SET status = EXCLUDED.status, status_detail = EXCLUDED.status_detail, approved_at = EXCLUDED.approved_at,
               raw = EXCLUDED.raw, reservation_id = EXCLUDED.reservation_id, updated_at = now()",
    )
    .bind(payment_id)
    .bind(reservation.as_ref().map(|r| r.0))
    .bind(&payment.external_reference)
    .bind(&payment.status)
    .bind(&payment.status_detail)
    .bind(payment.transaction_amount)
    .bind(&payment.currency_id)
    .bind(&payment.date_approved)
    .bind(raw)
    .execute(&mut *conn)
    .await
    .map_err(db_error)?;
    let Some((reservation_id, code)) = reservation else {
        tracing::warn!(
            payment_id,
            "payment for no known reservation; recorded for staff"
        );
        return Ok(());
    };
    let cause = format!("payment:{payment_id}:");
    match payment.status.as_str() {
        "approved" => confirm(conn, reservation_id, &code, &cause).await,
        "rejected" | "cancelled" => {
            if let Some(channel) = guest_channel(conn, reservation_id).await? {
                let body = ReplyBody::Text {
                    text: texts::payment_rejected(&code),
                };
                replies::write(conn, &format!("{cause}rejected"), &channel, &body, None).await?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Confirms a live or expired hold. An expired hold whose dates were taken meanwhile cannot be
/// confirmed: it is marked for refund, for staff to see.
async fn confirm(
    conn: &mut PgConnection,
    reservation_id: i64,
    code: &str,
    cause: &str,
) -> Result<(), JobError> {
    sqlx::query("SAVEPOINT confirm")
        .execute(&mut *conn)
        .await
        .map_err(db_error)?;
    let updated = sqlx::query(
        "UPDATE reservations SET status = 'confirmed', expires_at = NULL, updated_at = now()
         WHERE id = $1 AND status IN ('pre_reserved', 'expired')",
    )
    .bind(reservation_id)
    .execute(&mut *conn)
    .await;
    match updated {
        Ok(done) if done.rows_affected() == 1 => {
            sqlx::query("RELEASE SAVEPOINT confirm")
                .execute(&mut *conn)
                .await
                .map_err(db_error)?;
            metrics::counter!("reservations_total", "channel_source" => "whatsapp", "status" => "confirmed").increment(1);
            if let Some(channel) = guest_channel(conn, reservation_id).await? {
                let body = ReplyBody::Text {
                    text: texts::payment_confirmed(code),
                };
                replies::write(conn, &format!("{cause}confirmed"), &channel, &body, None).await?;
            }
            Ok(())
        }
        Ok(_) => Ok(()), // already confirmed (or cancelled): nothing to do
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some(EXCLUSION_VIOLATION) => {
            sqlx::query("ROLLBACK TO SAVEPOINT confirm")
                .execute(&mut *conn)
                .await
                .map_err(db_error)?;
            sqlx::query(
                "UPDATE reservations SET needs_refund = TRUE, updated_at = now() WHERE id = $1",
            )
            .bind(reservation_id)
            .execute(&mut *conn)
            .await
            .map_err(db_error)?;
            tracing::warn!(
                code,
                "paid hold had expired and its dates were taken: marked for refund"
            );
            if let Some(channel) = guest_channel(conn, reservation_id).await? {
                let body = ReplyBody::Text {
                    text: texts::paid_but_dates_taken(code),
                };
                replies::write(conn, &format!("{cause}refund"), &channel, &body, None).await?;
            }
            Ok(())
        }
        Err(e) => Err(db_error(e)),
    }
}

/// The conversation a reservation came from (WhatsApp or email), when it came from one.
pub async fn guest_channel(
    conn: &mut PgConnection,
    reservation_id: i64,
) -> Result<Option<Channel>, JobError> {
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
    .fetch_optional(&mut *conn)
    .await
    .map_err(db_error)?;
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

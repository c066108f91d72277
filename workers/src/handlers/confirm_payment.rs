//! `ConfirmPayment`: reads the payment from Mercado Pago (never trusting the webhook body) and
//! confirms the hold it pays for, once per payment however many notifications arrive. A payment
//! whose reference is a group's code confirms every hold of the group at once (one statement:
//! all or none) and sends one voucher listing every cabin. Staff confirming a hold or a group
//! paid another way run the same confirmation.

use booking::Money;
use conversation::texts;
use jobs::{
    Envelope, JobError,
    payloads::{ConfirmPayment, PaymentSource},
};
use store::{
    Conn, conversations,
    outbox::NewEffect,
    payments::{self, Paid, ReadPayment},
    reservations::{self, Confirmation},
};

use crate::{
    effects,
    handler::Handle,
    notices::{self, About, Notice, NoticeConfig},
    outbox,
    pms::{self, PropertySystem},
    run::Run,
    state::State,
};

impl Handle for ConfirmPayment {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        // The reservation a payment or staff confirmed, for its PMS to be told.
        let mut paid: Option<String> = None;
        match &job.payload.source {
            PaymentSource::Webhook { payment_id } => {
                let Some((payment, raw)) = state.mercadopago.payment(payment_id).await? else {
                    // Mercado Pago does not know it (their test notifications name made-up
                    // payments): nothing to confirm, nothing to retry, nobody to page.
                    metrics::counter!("fleet_mercadopago_unknown_payments_total").increment(1);
                    tracing::info!(
                        payment_id,
                        "notification for a payment Mercado Pago does not know; ignored"
                    );
                    if let Some(tx) = run.begin(&state.db).await? {
                        run.commit(tx, &[]).await?;
                    }
                    return Ok(());
                };
                if payment.status == "approved" {
                    paid.clone_from(&payment.external_reference);
                }
                if let Some(mut tx) = run.begin(&state.db).await? {
                    let read = ReadPayment {
                        provider_payment_id: payment_id,
                        external_reference: payment.external_reference.as_deref(),
                        status: &payment.status,
                        status_detail: payment.status_detail.as_deref(),
                        amount: payment.transaction_amount,
                        currency: payment.currency_id.as_deref(),
                        approved_at: payment.date_approved.as_deref(),
                        raw,
                    };
                    let effects =
                        apply_payment(&mut tx, &state.config.notices, payment_id, &read).await?;
                    run.commit(tx, &effects).await?;
                }
            }
            PaymentSource::Staff { reservation_code } => {
                paid = Some(reservation_code.clone());
                if let Some(mut tx) = run.begin(&state.db).await? {
                    let cause = format!("staff:{reservation_code}:");
                    let by = Confirming {
                        cause: &cause,
                        notices: &state.config.notices,
                        amount: None,
                    };
                    let effects = if let Some(id) =
                        reservations::id_by_code(&mut *tx, reservation_code).await?
                    {
                        confirm(&mut tx, id, reservation_code, &by).await?
                    } else if let Some(group) =
                        reservations::group_id_by_code(&mut *tx, reservation_code).await?
                    {
                        confirm_group(&mut tx, group, reservation_code, &by).await?
                    } else {
                        return Err(JobError::permanent(format!(
                            "no reservation {reservation_code}"
                        )));
                    };
                    run.commit(tx, &effects).await?;
                }
            }
        }
        outbox::flush(&state, &run).await?;
        match paid {
            Some(code) => confirm_in_pms(&state, &code).await,
            None => Ok(()),
        }
    }
}

/// Tells the property's PMS that the reservation `code` is paid, once it is confirmed here (the
/// guest has been told already: the PMS learning it later changes nothing for them). A PMS out
/// of reach makes the job try again; its replay finds the confirmation done and only tells the
/// PMS. A group's code tells the PMS of each of its stays; an unknown code tells nothing.
async fn confirm_in_pms(state: &State, code: &str) -> Result<(), JobError> {
    for code in store::pms::codes_of(&state.db, code).await? {
        let Some(stay) = store::pms::stay(&state.db, &code).await? else {
            continue;
        };
        if stay.status != "confirmed" {
            continue;
        }
        let mut conn = state.db.acquire().await.map_err(store::StoreError::from)?;
        let system = pms::for_property(
            state.qloapps.as_ref(),
            &state.flags,
            &mut conn,
            stay.property_id,
        )
        .await?;
        drop(conn);
        system.confirm_booking(&state.db, &code).await?;
    }
    Ok(())
}

/// What a confirmation comes from: the key its messages are made under (`<cause><suffix>`),
/// where owner notices go, and the amount paid when a payment says it.
struct Confirming<'a> {
    cause: &'a str,
    notices: &'a NoticeConfig,
    amount: Option<f64>,
}

async fn apply_payment(
    conn: &mut Conn,
    notices: &NoticeConfig,
    payment_id: &str,
    payment: &ReadPayment<'_>,
) -> Result<Vec<NewEffect>, JobError> {
    let Some(paid) = payments::record_mercadopago(conn, payment).await? else {
        tracing::warn!(
            payment_id,
            "payment for no known reservation; recorded for staff"
        );
        return Ok(Vec::new());
    };
    let cause = format!("payment:{payment_id}:");
    // A group's payment is told to the guest of its first hold (all are the same guest's).
    let (reservation_id, code) = match &paid {
        Paid::Reservation { id, code } => (*id, code.clone()),
        Paid::Group { id, code } => {
            let first = reservations::group_members(&mut *conn, *id).await?;
            let Some(first) = first.first() else {
                return Ok(Vec::new());
            };
            (*first, code.clone())
        }
    };
    match payment.status {
        "approved" => {
            let by = Confirming {
                cause: &cause,
                notices,
                amount: payment.amount,
            };
            match paid {
                Paid::Reservation { .. } => confirm(conn, reservation_id, &code, &by).await,
                Paid::Group { id, .. } => confirm_group(conn, id, &code, &by).await,
            }
        }
        // Refunded from Mercado Pago's dashboard or charged back by the guest's bank: staff
        // decide (the stay is marked, the conversation waits for a person, the owner is told).
        reversal @ ("refunded" | "charged_back") => {
            let Some(first) = payments::mark_reversal(conn, &paid, reversal).await? else {
                return Ok(Vec::new());
            };
            let notice = Notice::PaymentReversed {
                code: &code,
                charged_back: reversal == "charged_back",
            };
            notices::to_owners(
                conn,
                notices,
                About::Reservation(first),
                &format!("{cause}{reversal}"),
                &notice,
            )
            .await
        }
        "rejected" | "cancelled" => {
            let channel = reservations::guest_channel(&mut *conn, reservation_id).await?;
            let language = conversations::language_of_reservation(conn, reservation_id).await?;
            Ok(channel
                .map(|channel| {
                    effects::text(
                        format!("{cause}rejected"),
                        &channel,
                        texts::payment_rejected_in(language, &code),
                    )
                })
                .into_iter()
                .collect())
        }
        _ => Ok(Vec::new()),
    }
}

/// Confirms a live or expired hold; an expired hold whose dates were taken meanwhile is
/// marked for refund and its guest told that a person will write.
async fn confirm(
    conn: &mut Conn,
    reservation_id: i64,
    code: &str,
    by: &Confirming<'_>,
) -> Result<Vec<NewEffect>, JobError> {
    let (suffix, text) = match reservations::confirm(conn, reservation_id).await? {
        Confirmation::Confirmed => ("confirmed", voucher(conn, reservation_id, code).await?),
        Confirmation::Unchanged => return Ok(Vec::new()),
        Confirmation::NeedsRefund => {
            tracing::warn!(
                code,
                "paid hold had expired and its dates were taken: marked for refund"
            );
            let language = conversations::language_of_reservation(conn, reservation_id).await?;
            ("refund", texts::paid_but_dates_taken_in(language, code))
        }
    };
    let mut effects = tell_guest(conn, reservation_id, by.cause, suffix, text).await?;
    effects.extend(tell_owners(conn, reservation_id, code, by, suffix).await?);
    Ok(effects)
}

/// Confirms every hold of a group at once (one payment paid for all of them); when the nights
/// of any were taken meanwhile none is confirmed, all are marked for refund, and the guest is
/// told that a person will write. One message for the whole group either way.
async fn confirm_group(
    conn: &mut Conn,
    group_id: i64,
    code: &str,
    by: &Confirming<'_>,
) -> Result<Vec<NewEffect>, JobError> {
    let Some(first) = reservations::group_members(&mut *conn, group_id)
        .await?
        .first()
        .copied()
    else {
        return Err(JobError::permanent(format!("group {code} has no holds")));
    };
    let (suffix, text) = match reservations::confirm_group(conn, group_id).await? {
        Confirmation::Confirmed => (
            "confirmed",
            group_voucher(conn, group_id, first, code).await?,
        ),
        Confirmation::Unchanged => return Ok(Vec::new()),
        Confirmation::NeedsRefund => {
            tracing::warn!(
                code,
                "paid group had expired and some of its nights were taken: marked for refund"
            );
            let language = conversations::language_of_reservation(conn, first).await?;
            ("refund", texts::paid_but_dates_taken_in(language, code))
        }
    };
    let mut effects = tell_guest(conn, first, by.cause, suffix, text).await?;
    effects.extend(tell_owners(conn, first, code, by, suffix).await?);
    Ok(effects)
}

/// The owners' notice of a confirmation (`confirmed`) or of a deposit to give back (`refund`),
/// keyed under the same cause as the guest's message.
async fn tell_owners(
    conn: &mut Conn,
    reservation_id: i64,
    code: &str,
    by: &Confirming<'_>,
    suffix: &str,
) -> Result<Vec<NewEffect>, JobError> {
    let amount = by
        .amount
        .map(|a| Money::from_cents((a * 100.0).round() as i64).to_string());
    let notice = match suffix {
        "confirmed" => Notice::Paid { code, amount },
        _ => Notice::RefundDue { code },
    };
    notices::to_owners(
        conn,
        by.notices,
        About::Reservation(reservation_id),
        &format!("{}{suffix}", by.cause),
        &notice,
    )
    .await
}

/// The message to the guest who holds `reservation_id` (none for a stay without a guest
/// channel), keyed `<cause><suffix>`; a confirmation is counted.
async fn tell_guest(
    conn: &mut Conn,
    reservation_id: i64,
    cause: &str,
    suffix: &str,
    text: String,
) -> Result<Vec<NewEffect>, JobError> {
    let channel = reservations::guest_channel(&mut *conn, reservation_id).await?;
    if suffix == "confirmed" {
        let source = channel.as_ref().map_or("staff", |c| c.name());
        metrics::counter!("reservations_total", "channel_source" => source, "status" => "confirmed")
            .increment(1);
    }
    Ok(channel
        .map(|channel| effects::text(format!("{cause}{suffix}"), &channel, text))
        .into_iter()
        .collect())
}

/// A group's voucher: every cabin with its code, the dates, the times, the address, what was
/// paid for all and the balance due.
async fn group_voucher(
    conn: &mut Conn,
    group_id: i64,
    first: i64,
    code: &str,
) -> Result<String, JobError> {
    let language = conversations::language_of_reservation(conn, first).await?;
    let Some(v) = reservations::group_voucher(&mut *conn, group_id).await? else {
        return Ok(texts::payment_confirmed_in(language, code));
    };
    let Some(head) = v.members.first() else {
        return Ok(texts::payment_confirmed_in(language, code));
    };
    let cabins: Vec<texts::GroupCabin<'_>> = v
        .members
        .iter()
        .map(|m| texts::GroupCabin {
            code: &m.code,
            accommodation: &m.accommodation,
            guests: u16::try_from(m.guests).unwrap_or(1),
        })
        .collect();
    Ok(texts::group_voucher_text(
        language,
        &texts::GroupVoucher {
            code: &v.code,
            cabins: &cabins,
            check_in: head.check_in,
            check_out: head.check_out,
            address: head.address.as_deref(),
            check_in_time: head.check_in_time,
            check_out_time: head.check_out_time,
            total: Money::from_cents(v.members.iter().map(|m| m.total_cents).sum()),
            deposit_paid: Money::from_cents(v.paid_cents),
            balance_ways: head.balance_ways(),
        },
    ))
}

/// The confirmation that serves as a voucher (code, cabin, dates and nights, guests, address,
/// times, deposit paid, balance due), in the guest's language; the bare confirmation when the
/// reservation cannot be read back.
async fn voucher(conn: &mut Conn, reservation_id: i64, code: &str) -> Result<String, JobError> {
    let language = conversations::language_of_reservation(conn, reservation_id).await?;
    let Some(v) = reservations::voucher(&mut *conn, reservation_id).await? else {
        return Ok(texts::payment_confirmed_in(language, code));
    };
    Ok(texts::voucher_text(
        language,
        &texts::Voucher {
            code: &v.code,
            accommodation: &v.accommodation,
            check_in: v.check_in,
            check_out: v.check_out,
            guests: u16::try_from(v.guests).unwrap_or(1),
            address: v.address.as_deref(),
            check_in_time: v.check_in_time,
            check_out_time: v.check_out_time,
            total: Money::from_cents(v.total_cents),
            deposit_paid: Money::from_cents(v.paid_cents),
            balance_ways: v.balance_ways(),
        },
    ))
}

//! `RefundDeposit`: gives a deposit back through Mercado Pago's refunds API, once per
//! reservation or group code, and tells the guest.
//!
//! Once, whatever fails where: the job is keyed `refund:<code>` (a second press of the
//! console's button enqueues nothing), Mercado Pago is asked under the idempotency key
//! `refund-<code>` (a retry after a refund it made but we did not record gets that same refund
//! back), and the refund is recorded with the guest's message and the job's idempotency record
//! in one transaction (`refunds.code` is unique: a replay records nothing and says nothing).
//! A code with no approved payment, or Mercado Pago refusing the refund, is a dead letter for
//! staff (the console's queue view), never a silent success.

use booking::Money;
use conversation::texts;
use jobs::{Envelope, JobError, payloads::RefundDeposit};
use store::{conversations, payments, reservations};

use crate::{effects, handler::Handle, outbox, run::Run, state::State};

impl Handle for RefundDeposit {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let run = Run::of(&job.meta);
        let p = &job.payload;
        if store::idempotency::is_done(&state.db, run.key()).await? {
            return outbox::flush(&state, &run).await;
        }
        let Some(paid) = payments::refundable(&state.db, &p.code).await? else {
            return Err(JobError::permanent(format!(
                "no approved payment for {}",
                p.code
            )));
        };
        let cents = p.amount_cents.min(paid.paid_cents);
        if cents <= 0 {
            return Err(JobError::permanent(format!(
                "nothing to refund for {} ({} cents asked, {} paid)",
                p.code, p.amount_cents, paid.paid_cents
            )));
        }
        let amount = Money::from_cents(cents);
        let refund_id = match &paid.refunded {
            Some(id) => id.clone(),
            None => {
                state
                    .mercadopago
                    .refund(
                        &paid.provider_payment_id,
                        amount,
                        &format!("refund-{}", p.code),
                    )
                    .await?
            }
        };
        if let Some(mut tx) = run.begin(&state.db).await? {
            let recorded =
                payments::record_refund(&mut tx, &p.code, &paid, cents, &refund_id, p.requested_by)
                    .await?;
            let mut told = Vec::new();
            if recorded {
                metrics::counter!("fleet_refunds_total").increment(1);
                tracing::info!(code = %p.code, cents, refund = %refund_id, "deposit refunded");
                if let Some(channel) =
                    reservations::guest_channel(&mut *tx, paid.reservation_id).await?
                {
                    let language =
                        conversations::language_of_reservation(&mut tx, paid.reservation_id)
                            .await?;
                    told.push(effects::text(
                        format!("{}:refunded", run.key()),
                        &channel,
                        texts::deposit_refunded_in(language, &p.code, amount),
                    ));
                }
            }
            run.commit(tx, &told).await?;
        }
        outbox::flush(&state, &run).await
    }
}

//! Payments (owners only): deposits due back, with the button that gives one back through
//! Mercado Pago, and the latest refunds and reversals (a payment refunded from Mercado Pago's
//! dashboard or charged back by the guest's bank).
//!
//! Giving back is the workers' `RefundDeposit` job, written to the outbox with the audit row in
//! one transaction and relayed after the commit, keyed `refund:<code>`: a second press (or a
//! second owner) enqueues nothing, Mercado Pago is asked under its own idempotency key, and the
//! refund is recorded once per code. The amount is what the rows say is due
//! (`store::console::refunds`), never a number from the form. Staff accounts get the 404 of a
//! page that does not exist: money goes back only on an owner's word.

use std::sync::Arc;

use jobs::{
    domain::IdempotencyKey,
    effects::{Effect, FollowUp},
    payloads::RefundDeposit,
};
use poem::{
    Response, handler,
    web::{Data, Path, Query},
};
use store::{console::refunds, outbox::NewEffect};

use super::{Notice, audit_row, db, failing, reservations::code_of, write_effects};
use crate::{
    console::{ConsoleError, auth::Owner, views},
    middleware::RequestContext,
    state::AppState,
};

/// Refunds and reversals listed.
const SETTLED_SHOWN: i64 = 50;

/// `GET /admin/payments`.
#[handler]
pub async fn list(
    Owner(staff): Owner,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "reading the payments";
    let db = db(state)?;
    let due = refunds::due(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?;
    let settled = refunds::settled(db, staff.account.property_id, SETTLED_SHOWN)
        .await
        .map_err(failing(WHAT))?;
    let notice = notice.aviso.as_deref().and_then(views::payment_notice);
    Ok(views::payments(&staff, &due, &settled, notice))
}

/// `POST /admin/payments/:code/refund`.
#[handler]
pub async fn refund(
    Owner(staff): Owner,
    Path(code): Path<String>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "giving a deposit back";
    let code = code_of(&code)?;
    let db = db(state)?;
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    let Some(due) = refunds::due_one(&mut *tx, staff.account.property_id, &code)
        .await
        .map_err(failing(WHAT))?
    else {
        // Refunded already, or nothing due, or another property's: nothing to do here.
        return Ok(views::see_other("/admin/payments?aviso=nada"));
    };
    let key = IdempotencyKey::namespaced("refund", &code).map_err(|_| ConsoleError::NotFound)?;
    let job = RefundDeposit {
        code: code.clone(),
        amount_cents: due.due_cents,
        requested_by: Some(staff.account.id),
    };
    let cause = format!("console:refund:{code}");
    let effect = NewEffect::new(
        cause.clone(),
        Effect::enqueue(key, FollowUp::RefundDeposit(job)),
    );
    let rows = write_effects(&mut tx, &cause, ctx, &[effect])
        .await
        .map_err(failing(WHAT))?;
    let subject = format!("reservation:{code}");
    let detail = serde_json::json!({ "cents": due.due_cents, "written": rows.len() });
    store::staff::audit(&mut *tx, audit_row(&staff, "refund", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    super::relay(state, db, &rows).await;
    Ok(views::see_other("/admin/payments?aviso=devolviendo"))
}

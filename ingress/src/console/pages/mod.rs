//! The console's pages, one module per area. Each handler takes [`super::auth::Staff`] first
//! (no session: a redirect to the login) and passes `staff.account.property_id` to every store
//! call, which filters by it: another property's id answers 404.

pub mod account;
pub mod calendar;
pub mod feeds;
pub mod flags;
pub mod inbox;
pub mod manual;
pub mod payments;
pub mod photos;
pub mod queues;
pub mod reservations;
pub mod seasons;
pub mod setup;
pub mod today;

use std::sync::Arc;

use serde::Deserialize;
use store::outbox::Unrelayed;

use super::{ConsoleError, auth::Staff};
use crate::state::AppState;

/// The database, or "unavailable" when the ingress runs without one.
pub(super) fn db(state: &AppState) -> Result<&sqlx::PgPool, ConsoleError> {
    state.db.as_ref().ok_or(ConsoleError::Unavailable)
}

/// Logs a dependency's failure during `what` and answers "unavailable".
pub(super) fn failing<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> ConsoleError {
    move |e| ConsoleError::unavailable(what, e)
}

/// The notice a page's address names after an action (`?aviso=`); each page reads the code into
/// its own fixed text, so nothing from the address is shown.
#[derive(Deserialize)]
pub struct Notice {
    pub(super) aviso: Option<String>,
}

/// The audit row of `staff`'s `action` on `subject`.
pub(super) fn audit_row<'a>(
    staff: &Staff,
    action: &'a str,
    subject: &'a str,
    detail: &'a serde_json::Value,
) -> store::staff::Action<'a> {
    store::staff::Action {
        account_id: Some(staff.account.id),
        property_id: staff.account.property_id,
        action,
        subject: Some(subject),
        detail,
    }
}

/// Writes an action's outbox rows (caused by `cause`, traced as the request) in its
/// transaction; the handler relays them after the commit ([`super::relay`]).
pub(super) async fn write_effects(
    tx: &mut sqlx::PgConnection,
    cause: &str,
    ctx: &crate::middleware::RequestContext,
    effects: &[store::outbox::NewEffect],
) -> Result<Vec<Unrelayed>, store::StoreError> {
    store::outbox::write(
        tx,
        store::outbox::Cause {
            key: cause,
            traceparent: Some(&ctx.traceparent),
            request_id: Some(&ctx.request_id),
        },
        effects,
    )
    .await
}

/// Hands what an action committed to the outbox (staff's answer, a confirmation's job) to the
/// queue as the workers' relay hands the bot's: the same jobs, keys and trace fields, from
/// `Unrelayed::to_job`. A push that fails leaves the rows pending: a worker's outbox sweeper
/// relays them within seconds.
pub(super) async fn relay(state: &Arc<AppState>, db: &sqlx::PgPool, rows: &[Unrelayed]) {
    let mut jobs = Vec::with_capacity(rows.len());
    let mut ids = Vec::with_capacity(rows.len());
    for row in rows {
        match row.to_job() {
            Ok(job) => {
                jobs.push(job);
                ids.push(row.id);
            }
            Err(e) => tracing::error!(error = %e, "console effect could not be encoded"),
        }
    }
    if jobs.is_empty() {
        return;
    }
    if let Err(e) = state.queue.push_many(jobs).await {
        tracing::warn!(error = %e, "console effect not relayed; the outbox sweeper will");
        return;
    }
    if let Err(e) = store::outbox::mark_relayed(db, &ids).await {
        tracing::warn!(error = %e, "console effect relayed but not marked; the sweeper's push is a duplicate");
    }
}

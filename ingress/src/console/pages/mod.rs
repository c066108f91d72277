//! The console's pages, one module per area. Each handler takes [`super::auth::Staff`] first
//! (no session: a redirect to the login) and passes `staff.account.property_id` to every store
//! call, which filters by it: another property's id answers 404.

pub mod inbox;
pub mod reservations;
pub mod today;

use std::sync::Arc;

use store::outbox::Unrelayed;

use crate::state::AppState;

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

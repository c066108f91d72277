//! `GET /admin` (owner, staff): the property's day — arrivals, departures, holds about to
//! expire, payments of the last 24 hours, the conversations that asked for a person and the
//! guests' open cancellation requests.
//! It only reads.

use std::sync::Arc;

use poem::{Response, handler, web::Data};

use crate::{
    console::{ConsoleError, auth::Staff, views},
    state::AppState,
};

#[handler]
pub async fn page(
    staff: Staff,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let db = state.db.as_ref().ok_or(ConsoleError::Unavailable)?;
    let today = store::console::today(db, staff.account.property_id)
        .await
        .map_err(|e| ConsoleError::unavailable("reading the day", e))?;
    let cancellations =
        store::console::reservations::open_cancellations(db, staff.account.property_id)
            .await
            .map_err(|e| ConsoleError::unavailable("reading the cancellation requests", e))?;
    Ok(views::today(&staff, &today, &cancellations))
}

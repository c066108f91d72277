//! A cabin's iCal calendars on the setup page (owners only; staff get the 404 of a page that
//! does not exist): the feeds imported from the channels, added by address and removed, and
//! the cabin's own export address for the channels to import.
//!
//! The address is checked by `calendar::feed::checked_url` (the same check as
//! `fleetctl ical add`): a wrong one writes nothing and comes back as a Spanish notice. Each
//! change writes its audit row in its transaction. A new feed is synced by the next schedule
//! tick; a removed one releases its nights at once (`store::console::feeds::remove`). Another
//! property's cabin or feed is a 404. It never fetches a feed and never shows the export
//! secret: only the URL [`export_url`] makes with `calendar::token`, as `routes::ical` checks it.

use std::sync::Arc;

use poem::{
    Request, Response, handler,
    http::header,
    web::{Data, Form, Path},
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use store::console::feeds;

use super::{audit_row, db, failing};
use crate::{
    console::{ConsoleError, auth::Owner, views},
    state::AppState,
};

/// The feed form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedForm {
    pub url: String,
}

fn back(code: &str, cabin: i64) -> Response {
    views::see_other(&format!("/admin/setup?aviso={code}#feeds-{cabin}"))
}

/// The export address of each cabin, `None` when the export is off (`ICAL_EXPORT_SECRET`
/// unset): `PUBLIC_BASE_URL` if set, else the address this request came to.
pub fn export_url(state: &AppState, req: &Request) -> Option<impl Fn(i64) -> String> {
    let secret = state.config.ical_export_secret.as_ref()?;
    let base = state.config.public_base_url.clone().unwrap_or_else(|| {
        let host = req.header(header::HOST).unwrap_or("127.0.0.1");
        format!("http://{host}")
    });
    let secret = secret.expose_secret().as_bytes().to_vec();
    Some(move |cabin| calendar::token::url(&base, &secret, cabin))
}

/// `POST /admin/setup/cabins/:id/feeds`.
#[handler]
pub async fn add(
    Owner(staff): Owner,
    Path(cabin): Path<i64>,
    Form(form): Form<FeedForm>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "adding an iCal feed";
    let Ok(url) = calendar::feed::checked_url(&form.url) else {
        return Ok(back("calendario-direccion", cabin));
    };
    let channel = calendar::feed::channel_of(&url);
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let id = feeds::add(&mut *tx, staff.account.property_id, cabin, &url, channel)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let subject = format!("ical_feed:{id}");
    let detail = serde_json::json!({ "accommodation_id": cabin, "url": url, "channel": channel });
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "setup_feed_add", &subject, &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("calendario-guardado", cabin))
}

/// `POST /admin/setup/feeds/:id/remove`.
#[handler]
pub async fn remove(
    Owner(staff): Owner,
    Path(id): Path<i64>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "removing an iCal feed";
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let removed = feeds::remove(&mut tx, staff.account.property_id, id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let subject = format!("ical_feed:{id}");
    let detail = serde_json::to_value(&removed).unwrap_or_default();
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "setup_feed_remove", &subject, &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("calendario-borrado", removed.accommodation_id))
}

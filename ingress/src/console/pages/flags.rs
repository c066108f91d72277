//! The property's feature flags on the setup page (owners only; staff get the 404 of a page
//! that does not exist): whether the bot answers guests at all, whether it answers email,
//! whether a voice note is answered with a voice note too, and which system holds the
//! property's rooms and bookings (`store::flags`).
//!
//! The form posts all four; each one whose value changes is written with its audit row (the
//! account, the flag, old and new value) in one transaction by `store::flags::set`, the same
//! call `fleetctl flags set` makes. A value the form cannot have (a PMS that does not exist)
//! writes nothing and comes back as a Spanish notice. Workers apply a change within their
//! `FLAG_CACHE_SECONDS`. Nothing here reads or changes another property's flags.

use std::sync::Arc;

use poem::{
    Response, handler,
    web::{Data, Form},
};
use serde::Deserialize;
use store::flags::{self, Actor, Pms, PropertyFlags};

use super::{db, failing};
use crate::{
    console::{ConsoleError, auth::Owner, views},
    state::AppState,
};

/// The flags form as posted: a checkbox is absent when unticked.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FlagsForm {
    pub auto_replies: Option<String>,
    pub email_channel: Option<String>,
    pub voice_replies: Option<String>,
    pub pms: String,
}

impl FlagsForm {
    /// The flags the form asks for; `None` when its PMS is not one there is.
    pub fn flags(&self) -> Option<PropertyFlags> {
        let ticked = |v: &Option<String>| v.as_deref() == Some("si");
        Some(PropertyFlags {
            auto_replies: ticked(&self.auto_replies),
            email_channel: ticked(&self.email_channel),
            voice_replies: ticked(&self.voice_replies),
            pms: Pms::parse(&self.pms)?,
        })
    }
}

fn back(code: &str) -> Response {
    views::see_other(&format!("/admin/setup?aviso={code}#flags"))
}

/// `POST /admin/setup/flags`.
#[handler]
pub async fn save(
    Owner(staff): Owner,
    Form(form): Form<FlagsForm>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "saving the feature flags";
    let Some(wanted) = form.flags() else {
        return Ok(back("opciones-sistema"));
    };
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let mut changed = 0;
    for change in wanted.as_changes() {
        let set = flags::set(
            &mut tx,
            staff.account.property_id,
            change,
            Actor::Account(staff.account.id),
        )
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
        changed += usize::from(set.changed);
    }
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back(if changed == 0 {
        "opciones-iguales"
    } else {
        "opciones-guardadas"
    }))
}

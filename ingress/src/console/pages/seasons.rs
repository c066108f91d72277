//! A cabin's seasons on the setup page (owners only; staff get the 404 of a page that does not
//! exist): added with a name, the first and last night (both included), a nightly price and a
//! minimum stay, and removed.
//!
//! The form is parsed here into checked values ([`new_season`]): a wrong field, an end before
//! the start, a zero price, a minimum of 0 nights or a season overlapping another of the cabin
//! writes nothing and comes back as a Spanish notice naming it. Each change writes its audit row
//! in its transaction. The bot and every price read seasons with their cabin, so the next quote
//! uses the change. Another property's cabin or season is a 404.

use std::sync::Arc;

use chrono::NaiveDate;
use poem::{
    Response, handler,
    web::{Data, Form, Path},
};
use serde::Deserialize;
use store::console::seasons::{self, NewSeason, SeasonRefused};

use super::{audit_row, db, failing, setup::pesos_to_cents};
use crate::console::{ConsoleError, auth::Owner, views};

const MAX_NAME: usize = 60;

/// The season form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SeasonForm {
    pub name: String,
    /// The first night: "2027-01-02" (the browser's date field) or "02/01/2027".
    pub from: String,
    /// The last night, included.
    pub to: String,
    /// Pesos, as people write them ("120000", "120.000").
    pub price: String,
    pub min_nights: String,
}

/// "2027-01-02" or "02/01/2027".
fn date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

/// The season form, checked; the error is the notice's code.
pub fn new_season(f: &SeasonForm) -> Result<NewSeason, &'static str> {
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err("temporada-nombre");
    }
    let (Some(first_night), Some(last_night)) = (date(&f.from), date(&f.to)) else {
        return Err("temporada-fechas");
    };
    if last_night < first_night {
        return Err("temporada-orden");
    }
    let price_cents = pesos_to_cents(&f.price).ok_or("temporada-precio")?;
    if price_cents == 0 {
        return Err("temporada-precio");
    }
    let min_nights: i32 = f
        .min_nights
        .trim()
        .parse()
        .map_err(|_| "temporada-minimo")?;
    let max = i32::try_from(booking::stay::MAX_NIGHTS).unwrap_or(60);
    if !(1..=max).contains(&min_nights) {
        return Err("temporada-minimo");
    }
    Ok(NewSeason {
        name: name.to_owned(),
        first_night,
        last_night,
        price_cents,
        min_nights,
    })
}

fn back(code: &str, cabin: i64) -> Response {
    views::see_other(&format!("/admin/setup?aviso={code}#seasons-{cabin}"))
}

/// `POST /admin/setup/cabins/:id/seasons`.
#[handler]
pub async fn add(
    Owner(staff): Owner,
    Path(cabin): Path<i64>,
    Form(form): Form<SeasonForm>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "adding a season";
    let season = match new_season(&form) {
        Ok(s) => s,
        Err(code) => return Ok(back(code, cabin)),
    };
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let id = match seasons::add(&mut *tx, staff.account.property_id, cabin, &season).await {
        Ok(id) => id,
        Err(SeasonRefused::NoCabin) => return Err(ConsoleError::NotFound),
        Err(SeasonRefused::Overlaps) => return Ok(back("temporada-superpuesta", cabin)),
        Err(SeasonRefused::Store(e)) => return Err(ConsoleError::unavailable(WHAT, e)),
    };
    let subject = format!("season:{id}");
    let detail = serde_json::json!({ "accommodation_id": cabin, "season": season });
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "setup_season_add", &subject, &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("temporada-guardada", cabin))
}

/// `POST /admin/setup/seasons/:id/remove`.
#[handler]
pub async fn remove(
    Owner(staff): Owner,
    Path(id): Path<i64>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "removing a season";
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let removed = seasons::remove(&mut *tx, staff.account.property_id, id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let subject = format!("season:{id}");
    let detail = serde_json::to_value(&removed).unwrap_or_default();
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "setup_season_remove", &subject, &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("temporada-borrada", removed.accommodation_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SeasonForm {
        SeasonForm {
            name: " Verano ".into(),
            from: "2027-01-02".into(),
            to: "31/01/2027".into(),
            price: "120.000".into(),
            min_nights: "3".into(),
        }
    }

    #[test]
    fn a_season_form_is_read_as_people_write_it() {
        let s = new_season(&form()).unwrap();
        assert_eq!(s.name, "Verano");
        assert_eq!(
            (s.first_night, s.last_night),
            (
                NaiveDate::from_ymd_opt(2027, 1, 2).unwrap(),
                NaiveDate::from_ymd_opt(2027, 1, 31).unwrap()
            )
        );
        assert_eq!((s.price_cents, s.min_nights), (12_000_000, 3));
        // A one-night season (first night = last night) is a season.
        let mut f = form();
        f.to = "2027-01-02".into();
        assert!(new_season(&f).is_ok());
    }

    #[test]
    fn each_wrong_field_is_named() {
        type Spoil = fn(&mut SeasonForm);
        let cases: [(Spoil, &str); 8] = [
            (|f| f.name = " ".into(), "temporada-nombre"),
            (|f| f.from = "mañana".into(), "temporada-fechas"),
            (|f| f.to = "2027-02-30".into(), "temporada-fechas"),
            (|f| f.to = "2027-01-01".into(), "temporada-orden"),
            (|f| f.price = "0".into(), "temporada-precio"),
            (|f| f.price = "gratis".into(), "temporada-precio"),
            (|f| f.min_nights = "0".into(), "temporada-minimo"),
            (|f| f.min_nights = "tres".into(), "temporada-minimo"),
        ];
        for (spoil, code) in cases {
            let mut f = form();
            spoil(&mut f);
            assert_eq!(new_season(&f).err(), Some(code));
        }
    }
}

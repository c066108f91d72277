//! The property's setup (owners only; staff get the 404 of a page that does not exist): the
//! property's address, check-in and check-out times and cancellation policy, and its cabins
//! (name, capacity, description, amenities, pets, base price, weekend price, deposit, photos'
//! addresses, active), changed and added; each cabin's seasons and uploaded photos are listed
//! under it and changed by [`super::seasons`] and [`super::photos`], and its iCal feeds and
//! export address by [`super::feeds`]; the property's feature flags are shown here and saved
//! by [`super::flags`].
//!
//! Every form is parsed here into checked values ([`property_settings`], [`cabin_settings`]):
//! a wrong field writes nothing and comes back as a notice naming it. Each save writes its
//! audit row in its transaction. The bot reads the cabins and the property at every turn, so
//! the next guest message sees the change. Nothing here deletes a cabin (one with stays is made
//! inactive) or touches another property's: every statement names the account's property.

use std::sync::Arc;

use chrono::NaiveTime;
use poem::{
    Response, handler,
    web::{Data, Form, Path, Query},
};
use serde::Deserialize;
use store::console::setup::{self, CabinRefused, CabinSettings, PropertySettings};

use super::{Notice, audit_row, db, failing};
use crate::console::{ConsoleError, auth::Owner, views};

const MAX_NAME: usize = 60;
const MAX_DESCRIPTION: usize = 1000;
const MAX_AMENITIES: usize = 30;
const MAX_AMENITY: usize = 60;
const MAX_PHOTOS: usize = 10;
const MAX_URL: usize = 500;
const MAX_ADDRESS: usize = 200;
const MAX_CAPACITY: i32 = 50;
/// A night's price at most (pesos): more is a typing slip.
const MAX_PRICE_CENTS: i64 = 100_000_000 * 100;

/// `GET /admin/setup`.
#[handler]
pub async fn page(
    req: &poem::Request,
    Owner(staff): Owner,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "reading the setup";
    let db = db(state)?;
    let property = setup::property(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let cabins = setup::cabins(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?;
    let seasons = store::console::seasons::of_property(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?;
    let photos = store::photos::of_property(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?;
    let feeds = store::console::feeds::of_property(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?;
    let tz = store::properties::by_id(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?
        .tz();
    let flags = store::flags::load(db, staff.account.property_id)
        .await
        .map_err(failing(WHAT))?;
    let export = super::feeds::export_url(state, req);
    let calendars = views::Calendars {
        feeds: &feeds,
        tz,
        export: export.as_ref().map(|f| f as &dyn Fn(i64) -> String),
    };
    let notice = notice.aviso.as_deref().and_then(views::setup_notice);
    Ok(views::setup(
        &staff,
        &views::Settings {
            property: &property,
            flags: &flags,
        },
        &cabins,
        &seasons,
        &photos,
        &calendars,
        notice,
    ))
}

/// The property form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PropertyForm {
    pub address: String,
    pub check_in_time: String,
    pub check_out_time: String,
    pub full_refund_days: String,
    pub late_refund_percent: String,
    pub credit_months: String,
    /// Checkboxes: "si" when ticked, absent otherwise.
    pub balance_cash: String,
    pub balance_transfer: String,
    pub balance_card: String,
}

/// The property form, checked; the error is the notice's code.
pub fn property_settings(f: &PropertyForm) -> Result<PropertySettings, &'static str> {
    let time = |raw: &str| NaiveTime::parse_from_str(raw.trim(), "%H:%M").map_err(|_| "hora");
    let number = |raw: &str| raw.trim().parse::<u16>().map_err(|_| "politica");
    let address = f.address.trim();
    if address.chars().count() > MAX_ADDRESS {
        return Err("direccion");
    }
    let days = number(&f.full_refund_days)?;
    let percent = u8::try_from(number(&f.late_refund_percent)?).map_err(|_| "politica")?;
    let months = u8::try_from(number(&f.credit_months)?).map_err(|_| "politica")?;
    booking::CancellationPolicy::new(days, percent, months).map_err(|_| "politica")?;
    Ok(PropertySettings {
        address: (!address.is_empty()).then(|| address.to_owned()),
        check_in_time: time(&f.check_in_time)?,
        check_out_time: time(&f.check_out_time)?,
        cancel_full_refund_days: i32::from(days),
        cancel_late_refund_percent: i32::from(percent),
        cancel_credit_months: i32::from(months),
        balance_cash: f.balance_cash == "si",
        balance_transfer: f.balance_transfer == "si",
        balance_card: f.balance_card == "si",
    })
}

/// `POST /admin/setup/property`.
#[handler]
pub async fn save_property(
    Owner(staff): Owner,
    Form(form): Form<PropertyForm>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "saving the property";
    let settings = match property_settings(&form) {
        Ok(s) => s,
        Err(code) => return Ok(back(code)),
    };
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    setup::save_property(&mut *tx, staff.account.property_id, &settings)
        .await
        .map_err(failing(WHAT))?;
    let detail = serde_json::to_value(&settings).unwrap_or_default();
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "setup_property", "property", &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("guardado"))
}

/// A cabin's form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CabinForm {
    pub name: String,
    pub capacity: String,
    pub description: String,
    /// One per line or separated by commas.
    pub amenities: String,
    /// "si" when pets are welcome.
    pub pets: String,
    /// Pesos, as people write them ("85000", "85.000", "85000,50").
    pub base_price: String,
    /// "1", "1.2", "1,25".
    pub weekend_multiplier: String,
    pub deposit_percent: String,
    /// Addresses (https) of the cabin's photos, one per line.
    pub photos: String,
    /// "si" when guests are offered the cabin.
    pub active: String,
}

/// A cabin's form, checked; the error is the notice's code.
pub fn cabin_settings(f: &CabinForm) -> Result<CabinSettings, &'static str> {
    let name = f.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err("nombre");
    }
    let capacity: i32 = f.capacity.trim().parse().map_err(|_| "capacidad")?;
    if !(1..=MAX_CAPACITY).contains(&capacity) {
        return Err("capacidad");
    }
    let description = f.description.trim();
    if description.chars().count() > MAX_DESCRIPTION {
        return Err("descripcion");
    }
    let amenities: Vec<String> = f
        .amenities
        .split(['\n', ','])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    if amenities.len() > MAX_AMENITIES || amenities.iter().any(|a| a.chars().count() > MAX_AMENITY)
    {
        return Err("comodidades");
    }
    let base_cents = pesos_to_cents(&f.base_price).ok_or("precio")?;
    let weekend_percent = hundredths(&f.weekend_multiplier).ok_or("finde")?;
    if !(50..=500).contains(&weekend_percent) {
        return Err("finde");
    }
    let deposit_percent: i32 = f.deposit_percent.trim().parse().map_err(|_| "sena")?;
    if !(0..=100).contains(&deposit_percent) {
        return Err("sena");
    }
    let photos: Vec<String> = f
        .photos
        .lines()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let photo_ok = |p: &String| {
        p.starts_with("https://") && p.len() <= MAX_URL && !p.contains(char::is_whitespace)
    };
    if photos.len() > MAX_PHOTOS || !photos.iter().all(photo_ok) {
        return Err("fotos");
    }
    Ok(CabinSettings {
        name: name.to_owned(),
        capacity,
        description: description.to_owned(),
        amenities,
        pets_allowed: f.pets == "si",
        base_cents,
        weekend_percent,
        deposit_percent,
        photos,
        active: f.active == "si",
    })
}

/// "85000", "85.000", "85 000", "85000,50" → cents; `None` for anything else or out of range.
pub(super) fn pesos_to_cents(raw: &str) -> Option<i64> {
    let raw: String = raw.trim().chars().filter(|c| *c != ' ').collect();
    let (whole, cents) = match raw.rsplit_once(',') {
        Some((w, c)) if c.len() <= 2 && !c.is_empty() => (w.to_owned(), c.to_owned()),
        Some(_) => return None,
        None => (raw.clone(), String::new()),
    };
    // Dots group thousands ("85.000"): every group after the first has three digits.
    let groups: Vec<&str> = whole.split('.').collect();
    if groups.iter().skip(1).any(|g| g.len() != 3) || groups.iter().any(|g| g.is_empty()) {
        return None;
    }
    let whole: i64 = groups.concat().parse().ok()?;
    let cents: i64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<i64>().ok()? * 10,
        _ => cents.parse().ok()?,
    };
    let total = whole.checked_mul(100)?.checked_add(cents)?;
    (0..=MAX_PRICE_CENTS).contains(&total).then_some(total)
}

/// "1", "1.2", "1,25" → hundredths (100, 120, 125).
fn hundredths(raw: &str) -> Option<i32> {
    let raw = raw.trim().replace(',', ".");
    let (whole, frac) = raw.split_once('.').unwrap_or((&raw, ""));
    if frac.len() > 2 || whole.is_empty() {
        return None;
    }
    let whole: i32 = whole.parse().ok()?;
    let frac: i32 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i32>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(frac)
}

fn back(code: &str) -> Response {
    views::see_other(&format!("/admin/setup?aviso={code}"))
}

/// Which cabin a form saves: one of the property's by id, or a new one.
enum Target {
    Existing(i64),
    New,
}

/// `POST /admin/setup/cabins/:id` (`new` adds one).
#[handler]
pub async fn save_cabin(
    Owner(staff): Owner,
    Path(id): Path<String>,
    Form(form): Form<CabinForm>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "saving a cabin";
    let target = match id.as_str() {
        "new" => Target::New,
        raw => Target::Existing(raw.parse().map_err(|_| ConsoleError::NotFound)?),
    };
    let settings = match cabin_settings(&form) {
        Ok(s) => s,
        Err(code) => return Ok(back(code)),
    };
    let property = staff.account.property_id;
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    let saved = match target {
        Target::Existing(id) => setup::save_cabin(&mut *tx, property, id, &settings)
            .await
            .map(|found| found.then_some(id)),
        Target::New => setup::add_cabin(&mut *tx, property, &settings)
            .await
            .map(Some),
    };
    let id = match saved {
        Ok(Some(id)) => id,
        Ok(None) => return Err(ConsoleError::NotFound),
        Err(CabinRefused::NameTaken) => return Ok(back("nombre-repetido")),
        Err(CabinRefused::Store(e)) => return Err(ConsoleError::unavailable(WHAT, e)),
    };
    let subject = format!("accommodation:{id}");
    let detail = serde_json::to_value(&settings).unwrap_or_default();
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "setup_cabin", &subject, &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(back("guardado"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cabin() -> CabinForm {
        CabinForm {
            name: " Cabaña Lenga ".into(),
            capacity: "6".into(),
            description: "Con hogar".into(),
            amenities: "WiFi, Parrilla\nPileta".into(),
            pets: "si".into(),
            base_price: "85.000".into(),
            weekend_multiplier: "1,2".into(),
            deposit_percent: "30".into(),
            photos: "https://fotos.example/lenga.jpg\n".into(),
            active: "si".into(),
        }
    }

    #[test]
    fn a_cabin_form_is_read_as_people_write_it() {
        let c = cabin_settings(&cabin()).unwrap();
        assert_eq!(c.name, "Cabaña Lenga");
        assert_eq!(c.amenities, ["WiFi", "Parrilla", "Pileta"]);
        assert_eq!((c.base_cents, c.weekend_percent), (8_500_000, 120));
        assert_eq!(c.photos, ["https://fotos.example/lenga.jpg"]);
        assert!(c.pets_allowed && c.active);
        for (raw, cents) in [
            ("85000", Some(8_500_000)),
            ("85 000", Some(8_500_000)),
            ("85000,5", Some(8_500_050)),
            ("1.234.567", Some(123_456_700)),
            ("85.00", None),
            ("-5", None),
            ("abc", None),
            ("", None),
        ] {
            assert_eq!(pesos_to_cents(raw), cents, "{raw:?}");
        }
    }

    #[test]
    fn each_wrong_field_is_named() {
        type Spoil = fn(&mut CabinForm);
        let cases: [(Spoil, &str); 7] = [
            (|f| f.name = "  ".into(), "nombre"),
            (|f| f.capacity = "0".into(), "capacidad"),
            (|f| f.capacity = "seis".into(), "capacidad"),
            (|f| f.base_price = "gratis".into(), "precio"),
            (|f| f.weekend_multiplier = "9".into(), "finde"),
            (|f| f.deposit_percent = "120".into(), "sena"),
            (
                |f| f.photos = "http://inseguro.example/a.jpg".into(),
                "fotos",
            ),
        ];
        for (spoil, code) in cases {
            let mut f = cabin();
            spoil(&mut f);
            assert_eq!(cabin_settings(&f).err(), Some(code));
        }
        let mut p = PropertyForm {
            address: "Ruta 40 km 2010".into(),
            check_in_time: "14:00".into(),
            check_out_time: "10:00".into(),
            full_refund_days: "10".into(),
            late_refund_percent: "50".into(),
            credit_months: "6".into(),
            balance_cash: "si".into(),
            balance_transfer: String::new(),
            balance_card: String::new(),
        };
        let saved = property_settings(&p).unwrap();
        assert!(saved.balance_cash && !saved.balance_transfer && !saved.balance_card);
        p.check_in_time = "2pm".into();
        assert_eq!(property_settings(&p).err(), Some("hora"));
        p.check_in_time = "14:00".into();
        p.late_refund_percent = "150".into();
        assert_eq!(property_settings(&p).err(), Some("politica"));
    }
}

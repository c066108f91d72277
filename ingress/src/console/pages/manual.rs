//! Reservations staff make by hand (owner, staff): one created for a guest who called or walked
//! in, and one moved to other dates or another cabin.
//!
//! Both are done in the console's own transaction with the bot's placement (`store::holds`),
//! not as a job: placing needs no provider call, so nothing sits between the check and the
//! write, and staff learn at once, in the page, that the nights are taken. The exclusion
//! constraint on `reservations` is the guarantee, as for the bot: two staff (or staff and the
//! bot) racing for the same nights end with one stay and a clear "ocupadas" for the other.
//!
//! - Create: `holds::place` (code, price and deposit as the bot's) with `channel_source`
//!   `staff`, a hold that lapses after the hours staff chose to wait for payment. Marked paid
//!   (cash, a transfer), the same transaction writes the same `ConfirmPayment` job "paid
//!   another way" writes ([`super::reservations::confirmation`]): the workers confirm it and
//!   send the guest the bot's voucher when they left a phone or an email. An unpaid hold sends
//!   the guest nothing: staff agreed on how they pay. The form carries a random nonce; the hold
//!   is placed under `console:new:<nonce>` with the form's key locked for the transaction, so a
//!   form posted twice creates one reservation and the second post lands on it.
//! - Move: the live hold or confirmed stay keeps its code and status; one `UPDATE`
//!   (`holds::move_stay`) frees its old nights and takes the new ones, or changes nothing when
//!   they are taken. The guest is told the new stay in their language
//!   (`texts::stay_moved_in`) through the outbox, keyed by the form's nonce, so a move tells
//!   them once.
//!
//! Each writes its audit row in its transaction. Nothing here reads or writes another
//! property's cabin or reservation: both are looked up with the account's property in the
//! statement, and anything else is a 404. Nothing here confirms a hold itself or sends
//! anything directly: that is the workers' job, after the commit.

use std::sync::Arc;

use booking::{Accommodation, Guests, StayDates};
use chrono::{NaiveDate, Utc};
use conversation::texts;
use poem::{
    Response, handler,
    http::StatusCode,
    web::{Data, Form, Path},
};
use serde::Deserialize;
use store::{availability, console::reservations as booked, holds};

use super::{
    audit_row, db, failing,
    reservations::{back, code_of, confirmation, guest_message},
    write_effects,
};
use crate::{
    console::{ConsoleError, auth::Staff, views},
    middleware::RequestContext,
    state::AppState,
};

/// Hours a hand-made unpaid hold waits for payment unless staff choose otherwise.
pub const DEFAULT_HOLD_HOURS: i64 = 24;
/// The longest staff may hold nights unpaid: two weeks.
pub const MAX_HOLD_HOURS: i64 = 14 * 24;
const MAX_NAME_CHARS: usize = 100;
const MAX_EMAIL_CHARS: usize = 254;

/// The create form as posted; every field is text so that a wrong one shows the form again
/// with its values and what to fix.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NewReservation {
    pub accommodation: String,
    pub check_in: String,
    pub check_out: String,
    pub guests: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// "si" when the deposit was already paid another way.
    pub paid: String,
    pub hold_hours: String,
    /// Random per rendering of the form: the same form posted twice is one reservation.
    pub nonce: String,
}

/// The create form, checked.
struct Checked {
    accommodation_id: i64,
    stay: StayDates,
    guests: Guests,
    name: String,
    phone: Option<String>,
    email: Option<String>,
    paid: bool,
    hold_hours: i64,
}

fn date(raw: &str) -> Option<NaiveDate> {
    raw.trim().parse().ok()
}

/// A form nonce: 64 hex digits, as `csrf::fresh` makes.
fn nonce_of(raw: &str) -> Result<String, ConsoleError> {
    if raw.len() == 64 && raw.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(raw.to_ascii_lowercase())
    } else {
        Err(ConsoleError::BadForm)
    }
}

/// The form's values checked, or what staff must fix (in Spanish, for the page).
fn check(form: &NewReservation, today: NaiveDate) -> Result<Checked, &'static str> {
    let accommodation_id = form
        .accommodation
        .trim()
        .parse::<i64>()
        .map_err(|_| "Elegí una cabaña.")?;
    let (Some(check_in), Some(check_out)) = (date(&form.check_in), date(&form.check_out)) else {
        return Err("Indicá la fecha de llegada y la de salida.");
    };
    if check_in < today {
        return Err("La llegada no puede ser antes de hoy.");
    }
    let stay = StayDates::new(check_in, check_out)
        .map_err(|_| "La salida tiene que ser después de la llegada (como mucho 60 noches).")?;
    let guests = form
        .guests
        .trim()
        .parse::<u16>()
        .ok()
        .and_then(|g| Guests::new(g).ok())
        .ok_or("Indicá cuántas personas son.")?;
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err("Indicá el nombre del huésped.");
    }
    let phone = match form.phone.trim() {
        "" => None,
        raw => Some(
            jobs::domain::PhoneNumber::parse(raw)
                .map_err(|_| "El teléfono no parece válido (con código de país, solo números).")?
                .expose()
                .to_owned(),
        ),
    };
    let email = match form.email.trim() {
        "" => None,
        raw if raw.len() <= MAX_EMAIL_CHARS
            && raw.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !raw.contains(char::is_whitespace)
            }) =>
        {
            Some(raw.to_owned())
        }
        _ => return Err("El correo no parece válido."),
    };
    let hold_hours = match form.hold_hours.trim() {
        "" => DEFAULT_HOLD_HOURS,
        raw => raw
            .parse::<i64>()
            .ok()
            .filter(|h| (1..=MAX_HOLD_HOURS).contains(h))
            .ok_or("El plazo para pagar va de 1 a 336 horas.")?,
    };
    Ok(Checked {
        accommodation_id,
        stay,
        guests,
        name: name.to_owned(),
        phone,
        email,
        paid: form.paid == "si",
        hold_hours,
    })
}

/// The property's cabins for the form, and the property's today.
async fn cabins_and_today(
    db: &sqlx::PgPool,
    property_id: i64,
) -> Result<(Vec<Accommodation>, NaiveDate), ConsoleError> {
    const WHAT: &str = "reading the cabins";
    let mut conn = db.acquire().await.map_err(failing(WHAT))?;
    let cabins = availability::of_property(&mut conn, property_id)
        .await
        .map_err(failing(WHAT))?;
    let today = store::properties::by_id(&mut *conn, property_id)
        .await
        .map_err(failing(WHAT))?
        .map_or_else(|| Utc::now().date_naive(), |p| p.today());
    Ok((cabins, today))
}

/// The form again, with what staff typed and what to fix.
async fn form_again(
    staff: &Staff,
    db: &sqlx::PgPool,
    form: &NewReservation,
    problem: &str,
    status: StatusCode,
) -> Result<Response, ConsoleError> {
    let (cabins, _) = cabins_and_today(db, staff.account.property_id).await?;
    let mut page = views::new_reservation(staff, &cabins, form, Some(problem));
    page.set_status(status);
    Ok(page)
}

/// `GET /admin/reservations/new`.
#[handler]
pub async fn new_form(
    staff: Staff,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    let (cabins, _) = cabins_and_today(db(state)?, staff.account.property_id).await?;
    let form = NewReservation {
        guests: "2".into(),
        hold_hours: DEFAULT_HOLD_HOURS.to_string(),
        ..NewReservation::default()
    };
    Ok(views::new_reservation(&staff, &cabins, &form, None))
}

/// `POST /admin/reservations/new`.
#[handler]
pub async fn create(
    staff: Staff,
    Form(form): Form<NewReservation>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "creating a reservation";
    let nonce = nonce_of(&form.nonce)?;
    let db = db(state)?;
    let property_id = staff.account.property_id;
    let (_, today) = cabins_and_today(db, property_id).await?;
    let checked = match check(&form, today) {
        Ok(checked) => checked,
        Err(problem) => {
            return form_again(&staff, db, &form, problem, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let cause = format!("console:new:{nonce}");
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    booked::lock_form(&mut tx, &cause)
        .await
        .map_err(failing(WHAT))?;
    // Posted twice: the first post made it.
    if let Some(made) = store::reservations::held_by_cause(&mut *tx, &cause)
        .await
        .map_err(failing(WHAT))?
    {
        return Ok(back(&made.code, "creada"));
    }
    let cabin = availability::of_property_by_id(&mut *tx, property_id, checked.accommodation_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    if i32::from(checked.guests.get()) > cabin.capacity {
        let problem = "Son más personas de las que entran en esa cabaña. No se guardó nada.";
        return form_again(&staff, db, &form, problem, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let request = holds::HoldRequest {
        accommodation: &cabin,
        stay: checked.stay,
        guests: checked.guests,
        guest_name: Some(&checked.name),
        guest_phone: checked.phone.as_deref(),
        guest_email: checked.email.as_deref(),
        channel_source: "staff",
        expires_at: Utc::now() + chrono::Duration::hours(checked.hold_hours),
        cause: &cause,
    };
    let Some(hold) = holds::place(&mut tx, &request)
        .await
        .map_err(failing(WHAT))?
    else {
        drop(tx);
        let problem = "Esas noches ya están ocupadas en esa cabaña. No se guardó nada.";
        return form_again(&staff, db, &form, problem, StatusCode::CONFLICT).await;
    };
    let effects: Vec<_> = if checked.paid {
        confirmation(&hold.code).into_iter().collect()
    } else {
        Vec::new()
    };
    let rows = write_effects(&mut tx, &cause, ctx, &effects)
        .await
        .map_err(failing(WHAT))?;
    let subject = format!("reservation:{}", hold.code);
    let detail = serde_json::json!({
        "accommodation_id": cabin.id,
        "check_in": checked.stay.check_in(),
        "check_out": checked.stay.check_out(),
        "guests": checked.guests.get(),
        "paid": checked.paid,
        "hold_hours": checked.hold_hours,
    });
    store::staff::audit(&mut *tx, audit_row(&staff, "create", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    metrics::counter!("reservations_total", "channel_source" => "staff", "status" => "pre_reserved")
        .increment(1);
    super::relay(state, db, &rows).await;
    let notice = if checked.paid {
        "creada-pagada"
    } else {
        "creada"
    };
    Ok(back(&hold.code, notice))
}

#[derive(Deserialize)]
pub struct Move {
    check_in: String,
    check_out: String,
    /// Another of the property's cabins; the same one when absent or empty.
    #[serde(default)]
    accommodation: String,
    /// Random per rendering of the form: the same move posted twice tells the guest once.
    nonce: String,
}

/// `POST /admin/reservations/:code/move`.
#[handler]
pub async fn move_dates(
    staff: Staff,
    Path(code): Path<String>,
    Form(form): Form<Move>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "moving a reservation";
    let code = code_of(&code)?;
    let nonce = nonce_of(&form.nonce)?;
    let property_id = staff.account.property_id;
    let db = db(state)?;
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    let r = booked::lock_for_move(&mut tx, property_id, &code)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    let accommodation_id = match form.accommodation.trim() {
        "" => r.accommodation_id,
        raw => raw.parse::<i64>().map_err(|_| ConsoleError::NotFound)?,
    };
    let cabin = availability::of_property_by_id(&mut *tx, property_id, accommodation_id)
        .await
        .map_err(failing(WHAT))?
        .ok_or(ConsoleError::NotFound)?;
    if r.status != "pre_reserved" && r.status != "confirmed" {
        return Ok(back(&code, "no-movible"));
    }
    let Some(stay) = date(&form.check_in)
        .zip(date(&form.check_out))
        .and_then(|(a, b)| StayDates::new(a, b).ok())
    else {
        return Ok(back(&code, "fechas-invalidas"));
    };
    if cabin.id == r.accommodation_id
        && stay.check_in() == r.check_in
        && stay.check_out() == r.check_out
    {
        return Ok(back(&code, "sin-cambios"));
    }
    if r.guests > cabin.capacity {
        return Ok(back(&code, "no-entra"));
    }
    if !holds::move_stay(&mut tx, r.id, &cabin, &stay)
        .await
        .map_err(failing(WHAT))?
    {
        return Ok(back(&code, "ocupadas"));
    }
    let guests = u16::try_from(r.guests).unwrap_or(1);
    let message = guest_message(
        &mut tx,
        r.id,
        format!("console:move:{code}:{nonce}"),
        |language| texts::stay_moved_in(language, &code, &cabin.name, &stay, guests),
    )
    .await
    .map_err(failing(WHAT))?;
    let rows = write_effects(
        &mut tx,
        &format!("console:move:{code}"),
        ctx,
        message.as_slice(),
    )
    .await
    .map_err(failing(WHAT))?;
    let subject = format!("reservation:{code}");
    let detail = serde_json::json!({
        "from": { "accommodation_id": r.accommodation_id, "check_in": r.check_in, "check_out": r.check_out },
        "to": { "accommodation_id": cabin.id, "check_in": stay.check_in(), "check_out": stay.check_out() },
        "guest_told": !rows.is_empty(),
    });
    store::staff::audit(&mut *tx, audit_row(&staff, "move", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    super::relay(state, db, &rows).await;
    Ok(back(&code, "movida"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> NewReservation {
        NewReservation {
            accommodation: "7".into(),
            check_in: "2027-01-10".into(),
            check_out: "2027-01-12".into(),
            guests: "2".into(),
            name: " Rosa Ruta ".into(),
            phone: "+54 9 2944 555-001".into(),
            email: String::new(),
            paid: "si".into(),
            hold_hours: String::new(),
            nonce: "a".repeat(64),
        }
    }

    #[test]
    fn a_walk_in_form_is_checked_before_anything_is_written() {
        let today: NaiveDate = "2027-01-01".parse().unwrap();
        let ok = check(&form(), today).unwrap();
        assert_eq!(ok.accommodation_id, 7);
        assert_eq!(ok.name, "Rosa Ruta");
        assert_eq!(ok.phone.as_deref(), Some("5492944555001"));
        assert!(ok.paid);
        assert_eq!(ok.hold_hours, DEFAULT_HOLD_HOURS);
        for (bad, field) in [
            (
                NewReservation {
                    accommodation: "x".into(),
                    ..form()
                },
                "cabaña",
            ),
            (
                NewReservation {
                    check_out: "2027-01-10".into(),
                    ..form()
                },
                "salida",
            ),
            (
                NewReservation {
                    check_in: "2026-12-31".into(),
                    ..form()
                },
                "antes de hoy",
            ),
            (
                NewReservation {
                    guests: "0".into(),
                    ..form()
                },
                "personas",
            ),
            (
                NewReservation {
                    name: "  ".into(),
                    ..form()
                },
                "nombre",
            ),
            (
                NewReservation {
                    phone: "12".into(),
                    ..form()
                },
                "teléfono",
            ),
            (
                NewReservation {
                    email: "no es correo".into(),
                    ..form()
                },
                "correo",
            ),
            (
                NewReservation {
                    hold_hours: "999".into(),
                    ..form()
                },
                "plazo",
            ),
        ] {
            let problem = check(&bad, today).err().unwrap();
            assert!(problem.contains(field), "{field}: {problem}");
        }
        assert!(nonce_of("zz").is_err());
        assert_eq!(nonce_of(&"A".repeat(64)).unwrap(), "a".repeat(64));
    }
}

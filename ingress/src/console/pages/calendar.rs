//! The calendar (owner, staff): a month grid per cabin of the property, each night free, held
//! (unpaid), confirmed (with its code), blocked by a channel's iCal feed, blocked by staff, or
//! in an open overbooking conflict; and the two actions on dates, block and unblock.
//!
//! A block is a `reservations` row the exclusion constraint already guards
//! (`store::console::calendar`): blocking nights a live stay, hold or block holds is refused by
//! the constraint, with a notice and nothing written, and once blocked the bot cannot hold
//! them and the iCal export carries them as busy. Unblocking cancels only a staff block: a
//! guest's stay is cancelled from its reservation page, a channel's block from the channel.
//!
//! The form is checked before anything is written: dates that do not parse, a check-out not
//! after the check-in, a first night before the property's today or a range over
//! [`MAX_NIGHTS`] answer with a notice; another property's cabin or block is a 404. Each action
//! that changed something writes its audit row in the same transaction.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};
use poem::{
    Response, handler,
    web::{Data, Form, Path, Query},
};
use serde::Deserialize;
use store::console::calendar::{self as cal, Blocking, Booked, Cabin, Conflict, Unblocking};

use super::{Notice, audit_row, db, failing};
use crate::{
    console::{ConsoleError, auth::Staff, views},
    state::AppState,
};

/// The longest block, in nights (a season; longer is a typo more often than not).
pub const MAX_NIGHTS: i64 = 366;
/// The longest note kept with a block, in characters (the schema's limit).
pub const MAX_NOTE: usize = 200;

/// `?cabin=ID&month=YYYY-MM`: both optional (every cabin, this month).
#[derive(Deserialize)]
pub struct Shown {
    cabin: Option<String>,
    month: Option<String>,
}

/// One night of a cabin's month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Night<'a> {
    pub date: NaiveDate,
    /// The live reservation holding it, if any.
    pub holder: Option<&'a Booked>,
    /// An open overbooking conflict covers it.
    pub conflict: bool,
    /// Before the property's today.
    pub past: bool,
}

/// A cabin's month: weeks from Monday to Sunday, days outside the month empty.
pub struct CabinMonth<'a> {
    pub cabin: &'a Cabin,
    pub weeks: Vec<[Option<Night<'a>>; 7]>,
    /// The staff blocks with nights in the month (each with its unblock button).
    pub blocks: Vec<&'a Booked>,
}

/// The page: the month, its neighbours, the cabins shown and every cabin (for the form).
pub struct CalendarPage<'a> {
    pub month: NaiveDate,
    /// The cabin asked for (`None`: all of them).
    pub cabin: Option<i64>,
    pub today: NaiveDate,
    pub cabins: &'a [Cabin],
    pub grids: Vec<CabinMonth<'a>>,
    pub notice: Option<&'static str>,
}

/// The first day of `YYYY-MM`.
fn month_of(raw: &str) -> Option<NaiveDate> {
    let (year, month) = raw.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

/// `first`'s month, as `YYYY-MM`.
pub fn month_param(first: NaiveDate) -> String {
    first.format("%Y-%m").to_string()
}

/// The month after `first` (its first day).
pub fn next_month(first: NaiveDate) -> NaiveDate {
    first + Months::new(1)
}

/// The month before `first` (its first day).
pub fn previous_month(first: NaiveDate) -> NaiveDate {
    first - Months::new(1)
}

/// The calendar's address for `cabin` (or every cabin) and `month`, with an optional notice.
pub fn address(cabin: Option<i64>, month: NaiveDate, notice: Option<&str>) -> String {
    let mut url = format!("/admin/calendar?month={}", month_param(month));
    if let Some(cabin) = cabin {
        url.push_str(&format!("&cabin={cabin}"));
    }
    if let Some(notice) = notice {
        url.push_str(&format!("&aviso={notice}"));
    }
    url
}

/// A cabin's month grid from what holds its nights.
pub fn month_grid<'a>(
    cabin: &'a Cabin,
    first: NaiveDate,
    booked: &'a [Booked],
    conflicts: &[Conflict],
    today: NaiveDate,
) -> CabinMonth<'a> {
    let ours: Vec<&Booked> = booked.iter().filter(|b| b.cabin_id == cabin.id).collect();
    let end = next_month(first);
    let mut weeks = Vec::new();
    let mut week: [Option<Night<'_>>; 7] = Default::default();
    let mut day = first;
    while day < end {
        let column = day.weekday().num_days_from_monday() as usize;
        week[column] = Some(Night {
            date: day,
            holder: ours
                .iter()
                .find(|b| b.check_in <= day && day < b.check_out)
                .copied(),
            conflict: conflicts
                .iter()
                .any(|c| c.cabin_id == cabin.id && c.check_in <= day && day < c.check_out),
            past: day < today,
        });
        if column == 6 {
            weeks.push(std::mem::take(&mut week));
        }
        day = day.succ_opt().unwrap_or(end);
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    let blocks = ours
        .into_iter()
        .filter(|b| b.holder == cal::Holder::StaffBlock)
        .collect();
    CabinMonth {
        cabin,
        weeks,
        blocks,
    }
}

/// An id from the address or a form: anything else is a page that does not exist.
fn id_of(raw: &str) -> Result<i64, ConsoleError> {
    raw.trim().parse().map_err(|_| ConsoleError::NotFound)
}

/// `GET /admin/calendar?cabin=&month=`.
#[handler]
pub async fn page(
    staff: Staff,
    Query(shown): Query<Shown>,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "reading the calendar";
    let db = db(state)?;
    let property = staff.account.property_id;
    let today = store::console::property_today(db, property)
        .await
        .map_err(failing(WHAT))?;
    let month = match shown.month.as_deref() {
        Some(raw) => month_of(raw).ok_or(ConsoleError::NotFound)?,
        None => today.with_day(1).unwrap_or(today),
    };
    let cabins = cal::cabins(db, property).await.map_err(failing(WHAT))?;
    let cabin = shown.cabin.as_deref().map(id_of).transpose()?;
    let shown_cabins: Vec<&Cabin> = match cabin {
        Some(id) => vec![
            cabins
                .iter()
                .find(|c| c.id == id)
                .ok_or(ConsoleError::NotFound)?,
        ],
        None => cabins.iter().collect(),
    };
    let ids: Vec<i64> = shown_cabins.iter().map(|c| c.id).collect();
    let range = (month, next_month(month));
    let booked = cal::booked(db, property, &ids, range)
        .await
        .map_err(failing(WHAT))?;
    let conflicts = cal::conflicts(db, property, &ids, range)
        .await
        .map_err(failing(WHAT))?;
    let grids = shown_cabins
        .into_iter()
        .map(|c| month_grid(c, month, &booked, &conflicts, today))
        .collect();
    Ok(views::calendar(
        &staff,
        &CalendarPage {
            month,
            cabin,
            today,
            cabins: &cabins,
            grids,
            notice: notice.aviso.as_deref().and_then(views::calendar_notice),
        },
    ))
}

/// The block form, as sent (every field checked here, so a bad one is a notice).
#[derive(Deserialize)]
pub struct BlockForm {
    cabin: Option<String>,
    from: Option<String>,
    to: Option<String>,
    note: Option<String>,
}

/// Why the form's dates cannot be blocked: the notice's code.
fn nights_of(
    from: Option<&str>,
    to: Option<&str>,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), &'static str> {
    let parse =
        |raw: Option<&str>| raw.and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
    let (Some(from), Some(to)) = (parse(from), parse(to)) else {
        return Err("fechas-invalidas");
    };
    if to <= from {
        return Err("al-reves");
    }
    if from < today {
        return Err("pasado");
    }
    if (to - from).num_days() > MAX_NIGHTS {
        return Err("muy-largo");
    }
    Ok((from, to))
}

/// `POST /admin/calendar/block` (cabin, from, to, note).
#[handler]
pub async fn block(
    staff: Staff,
    Form(form): Form<BlockForm>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "blocking dates";
    let cabin = id_of(form.cabin.as_deref().unwrap_or_default())?;
    let note = form
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_NOTE) {
        return Err(ConsoleError::TooLarge);
    }
    let db = db(state)?;
    let property = staff.account.property_id;
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    let today = store::console::property_today(&mut *tx, property)
        .await
        .map_err(failing(WHAT))?;
    let this_month = today.with_day(1).unwrap_or(today);
    let nights = match nights_of(form.from.as_deref(), form.to.as_deref(), today) {
        Ok(nights) => nights,
        Err(notice) => {
            // Another property's cabin is a 404 even with bad dates.
            let cabins = cal::cabins(db, property).await.map_err(failing(WHAT))?;
            if !cabins.iter().any(|c| c.id == cabin) {
                return Err(ConsoleError::NotFound);
            }
            return Ok(views::see_other(&address(
                Some(cabin),
                this_month,
                Some(notice),
            )));
        }
    };
    let month = nights.0.with_day(1).unwrap_or(nights.0);
    let blocked = cal::block(
        &mut tx,
        &cal::NewBlock {
            property_id: property,
            cabin_id: cabin,
            nights,
            note,
            account_id: staff.account.id,
        },
    )
    .await
    .map_err(failing(WHAT))?;
    let code = match blocked {
        Blocking::Blocked { code, .. } => code,
        Blocking::Taken => {
            return Ok(views::see_other(&address(
                Some(cabin),
                month,
                Some("ocupado"),
            )));
        }
        Blocking::NoSuchCabin => return Err(ConsoleError::NotFound),
    };
    let subject = format!("block:{code}");
    let detail = serde_json::json!({
        "cabin": cabin, "from": nights.0, "to": nights.1, "note": note,
    });
    store::staff::audit(&mut *tx, audit_row(&staff, "block", &subject, &detail))
        .await
        .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(views::see_other(&address(
        Some(cabin),
        month,
        Some("bloqueado"),
    )))
}

/// `POST /admin/calendar/unblock/:id`.
#[handler]
pub async fn unblock(
    staff: Staff,
    Path(id): Path<String>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "unblocking dates";
    let id = id_of(&id)?;
    let db = db(state)?;
    let mut tx = db.begin().await.map_err(failing(WHAT))?;
    let (code, cabin, nights, notice) = match cal::unblock(&mut tx, staff.account.property_id, id)
        .await
        .map_err(failing(WHAT))?
    {
        Unblocking::Unblocked {
            code,
            cabin_id,
            nights,
        } => (code, cabin_id, nights, "desbloqueado"),
        Unblocking::AlreadyFree {
            code,
            cabin_id,
            nights,
        } => (code, cabin_id, nights, "ya-libre"),
        Unblocking::NotABlock => return Err(ConsoleError::NotFound),
    };
    if notice == "desbloqueado" {
        let subject = format!("block:{code}");
        let detail = serde_json::json!({ "cabin": cabin, "from": nights.0, "to": nights.1 });
        store::staff::audit(&mut *tx, audit_row(&staff, "unblock", &subject, &detail))
            .await
            .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
        tx.commit().await.map_err(failing(WHAT))?;
    }
    let month = nights.0.with_day(1).unwrap_or(nights.0);
    Ok(views::see_other(&address(Some(cabin), month, Some(notice))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn booked(id: i64, holder: cal::Holder, check_in: &str, check_out: &str) -> Booked {
        Booked {
            id,
            cabin_id: 1,
            code: format!("C{id}"),
            holder,
            check_in: d(check_in),
            check_out: d(check_out),
            note: None,
        }
    }

    #[test]
    fn months_parse_only_as_year_dash_month_and_step_across_years() {
        assert_eq!(month_of("2027-01"), Some(d("2027-01-01")));
        for bad in [
            "2027-13",
            "2027-1",
            "27-01",
            "2027/01",
            "",
            "2027-01-01",
            "abcd-ef",
        ] {
            assert_eq!(month_of(bad), None, "{bad}");
        }
        assert_eq!(next_month(d("2026-12-01")), d("2027-01-01"));
        assert_eq!(previous_month(d("2027-01-01")), d("2026-12-01"));
        assert_eq!(
            address(Some(7), d("2027-01-01"), Some("bloqueado")),
            "/admin/calendar?month=2027-01&cabin=7&aviso=bloqueado"
        );
    }

    #[test]
    fn the_grid_marks_each_night_by_what_holds_it_monday_first() {
        let cabin = Cabin {
            id: 1,
            name: "Coihue".into(),
        };
        let rows = vec![
            booked(10, cal::Holder::Hold, "2027-02-27", "2027-03-02"),
            booked(11, cal::Holder::StaffBlock, "2027-03-10", "2027-03-12"),
            Booked {
                cabin_id: 2,
                ..booked(12, cal::Holder::Confirmed, "2027-03-01", "2027-03-31")
            },
        ];
        let conflicts = [Conflict {
            cabin_id: 1,
            check_in: d("2027-03-20"),
            check_out: d("2027-03-21"),
        }];
        let grid = month_grid(&cabin, d("2027-03-01"), &rows, &conflicts, d("2027-03-05"));
        // March 2027 starts on a Monday and spans five weeks.
        assert_eq!(grid.weeks.len(), 5);
        let night = |date: &str| {
            grid.weeks
                .iter()
                .flatten()
                .flatten()
                .find(|n| n.date == d(date))
                .unwrap()
                .clone()
        };
        assert_eq!(grid.weeks[0][0].as_ref().unwrap().date, d("2027-03-01"));
        assert_eq!(night("2027-03-01").holder.unwrap().id, 10);
        assert!(
            night("2027-03-02").holder.is_none(),
            "check-out night is free"
        );
        assert_eq!(night("2027-03-11").holder.unwrap().id, 11);
        assert!(night("2027-03-12").holder.is_none());
        assert!(night("2027-03-20").conflict && !night("2027-03-21").conflict);
        assert!(night("2027-03-04").past && !night("2027-03-05").past);
        // Another cabin's stay is not this cabin's.
        assert!(night("2027-03-15").holder.is_none());
        assert_eq!(grid.blocks.iter().map(|b| b.id).collect::<Vec<_>>(), [11]);
    }

    #[test]
    fn block_dates_are_checked_before_anything_is_written() {
        let today = d("2027-03-05");
        let nights = |f: &str, t: &str| nights_of(Some(f), Some(t), today);
        assert_eq!(
            nights("2027-03-05", "2027-03-07"),
            Ok((today, d("2027-03-07")))
        );
        assert_eq!(nights("2027-03-07", "2027-03-07"), Err("al-reves"));
        assert_eq!(nights("2027-03-08", "2027-03-07"), Err("al-reves"));
        assert_eq!(nights("2027-03-04", "2027-03-07"), Err("pasado"));
        assert_eq!(nights("07/03/2027", "2027-03-09"), Err("fechas-invalidas"));
        assert_eq!(
            nights_of(None, Some("2027-03-09"), today),
            Err("fechas-invalidas")
        );
        assert_eq!(nights("2027-03-05", "2028-03-06"), Err("muy-largo"));
    }
}

//! The console's calendar: a property's cabins, what holds their nights in a date range (holds,
//! confirmed stays, iCal blocks, staff blocks, open overbooking conflicts), and the dates staff
//! block and unblock.
//!
//! A staff block is a `reservations` row with `status = 'confirmed'` and
//! `channel_source = 'staff_block'` (code `BLK<id>`, no guest, no money: a CHECK of the schema
//! says so), so everything that already understands a live stay understands it: the exclusion
//! constraint `reservations_no_overlap` refuses a block over a live stay or hold, and any hold
//! over a block; `availability::taken` counts it; the iCal export carries it. Unblocking
//! cancels the row (only a `staff_block` row: a guest's stay or a channel's block is never
//! unblocked here). The console's lists of guests' reservations and the day's arrivals leave
//! blocks out.
//!
//! As in the rest of [`crate::console`], every statement filters by the signed-in account's
//! property: another property's cabin or block reads as missing. Nothing here decides whether
//! dates may be blocked beyond what the constraint decides (the console checks the form).

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Conn, StoreError, holds::EXCLUSION_VIOLATION};

/// The `channel_source` of a staff block.
pub const STAFF_BLOCK: &str = "staff_block";

/// A cabin of the property, as the calendar names it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct Cabin {
    pub id: i64,
    pub name: String,
}

/// What holds a cabin's nights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Holder {
    /// A guest's unpaid hold.
    Hold,
    /// A guest's confirmed (paid) stay.
    Confirmed,
    /// A channel's booking imported from its iCal feed.
    IcalBlock,
    /// Dates staff blocked.
    StaffBlock,
}

/// A live reservation row over some of a cabin's nights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Booked {
    /// The row's id (what unblocking a staff block names).
    pub id: i64,
    pub cabin_id: i64,
    pub code: String,
    pub holder: Holder,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    /// What staff wrote when they blocked the dates.
    pub note: Option<String>,
}

/// An open overbooking conflict: a channel booked nights one of our stays holds.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct Conflict {
    pub cabin_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
}

/// The property's active cabins, by name.
pub async fn cabins(db: &sqlx::PgPool, property_id: i64) -> Result<Vec<Cabin>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.name FROM accommodations a
         WHERE a.property_id = $1 AND a.active ORDER BY a.name, a.id",
    )
    .bind(property_id)
    .fetch_all(db)
    .await?)
}

/// Live reservations of the property's `cabins` with nights in `[from, to)`, by cabin and date.
pub async fn booked(
    db: &sqlx::PgPool,
    property_id: i64,
    cabins: &[i64],
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<Booked>, StoreError> {
    type Row = (
        i64,
        i64,
        String,
        String,
        NaiveDate,
        NaiveDate,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT r.id, r.accommodation_id, r.code,
                CASE WHEN r.channel_source = 'staff_block' THEN 'staff_block'
                     WHEN r.channel_source = 'ical_import' THEN 'ical_block'
                     WHEN r.status = 'pre_reserved' THEN 'hold'
                     ELSE 'confirmed' END,
                r.check_in, r.check_out, r.staff_note
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.accommodation_id = ANY($2)
           AND r.status IN ('pre_reserved', 'confirmed')
           AND r.period && daterange($3, $4, '[)')
         ORDER BY r.accommodation_id, r.check_in, r.id",
    )
    .bind(property_id)
    .bind(cabins)
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(id, cabin_id, code, holder, check_in, check_out, note)| {
            let holder = match holder.as_str() {
                "staff_block" => Holder::StaffBlock,
                "ical_block" => Holder::IcalBlock,
                "hold" => Holder::Hold,
                "confirmed" => Holder::Confirmed,
                other => return Err(StoreError::Corrupt(format!("holder {other}"))),
            };
            Ok(Booked {
                id,
                cabin_id,
                code,
                holder,
                check_in,
                check_out,
                note,
            })
        })
        .collect()
}

/// Open overbooking conflicts of the property's `cabins` with nights in `[from, to)`.
pub async fn conflicts(
    db: &sqlx::PgPool,
    property_id: i64,
    cabins: &[i64],
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<Conflict>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.accommodation_id AS cabin_id, c.check_in, c.check_out
         FROM overbooking_conflicts c JOIN accommodations a ON a.id = c.accommodation_id
         WHERE a.property_id = $1 AND c.accommodation_id = ANY($2) AND c.resolved_at IS NULL
           AND daterange(c.check_in, c.check_out, '[)') && daterange($3, $4, '[)')
         ORDER BY c.accommodation_id, c.check_in",
    )
    .bind(property_id)
    .bind(cabins)
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?)
}

/// Nights staff block on a cabin of their property.
#[derive(Debug, Clone)]
pub struct NewBlock<'a> {
    pub property_id: i64,
    pub cabin_id: i64,
    /// First night and the day after the last, as a stay's check-in and check-out.
    pub nights: (NaiveDate, NaiveDate),
    pub note: Option<&'a str>,
    pub account_id: i64,
}

/// What blocking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocking {
    Blocked {
        id: i64,
        code: String,
    },
    /// A live stay, hold or block holds some of the nights: nothing written.
    Taken,
    /// Not an active cabin of the property: nothing written.
    NoSuchCabin,
}

/// Blocks `b.nights` in the caller's transaction; the exclusion constraint decides whether
/// they are free (a refusal is rolled back to a savepoint, so the transaction goes on).
pub async fn block(conn: &mut Conn, b: &NewBlock<'_>) -> Result<Blocking, StoreError> {
    sqlx::query("SAVEPOINT block").execute(&mut *conn).await?;
    let inserted: Result<Option<(i64, String)>, sqlx::Error> = sqlx::query_as(
        // `BLK<id>`: unique like the id, and never taken for a guest's `RES…` code.
        "WITH n AS (SELECT nextval(pg_get_serial_sequence('reservations', 'id')) AS id)
         INSERT INTO reservations (id, code, accommodation_id, check_in, check_out, status,
                                   channel_source, staff_note, blocked_by)
         SELECT n.id, 'BLK' || n.id, a.id, $3, $4, 'confirmed', 'staff_block', $5, $6
         FROM n, accommodations a
         WHERE a.id = $2 AND a.property_id = $1 AND a.active
         RETURNING id, code",
    )
    .bind(b.property_id)
    .bind(b.cabin_id)
    .bind(b.nights.0)
    .bind(b.nights.1)
    .bind(b.note)
    .bind(b.account_id)
    .fetch_optional(&mut *conn)
    .await;
    let refused = matches!(&inserted, Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some(EXCLUSION_VIOLATION));
    if inserted.is_err() {
        sqlx::query("ROLLBACK TO SAVEPOINT block")
            .execute(&mut *conn)
            .await?;
    }
    if refused {
        return Ok(Blocking::Taken);
    }
    Ok(match inserted? {
        Some((id, code)) => Blocking::Blocked { id, code },
        None => Blocking::NoSuchCabin,
    })
}

/// What unblocking did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unblocking {
    /// The block is cancelled: its nights are free again.
    Unblocked {
        code: String,
        cabin_id: i64,
        nights: (NaiveDate, NaiveDate),
    },
    /// It was unblocked already: nothing changed.
    AlreadyFree {
        code: String,
        cabin_id: i64,
        nights: (NaiveDate, NaiveDate),
    },
    /// Not a staff block of the property (a guest's stay, a channel's block, another
    /// property's row, or no row at all).
    NotABlock,
}

/// Unblocks staff block `id` of the property, in the caller's transaction.
pub async fn unblock(conn: &mut Conn, property_id: i64, id: i64) -> Result<Unblocking, StoreError> {
    let row: Option<(String, String, i64, NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT r.code, r.status::text, r.accommodation_id, r.check_in, r.check_out
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.id = $2 AND r.channel_source = 'staff_block'
         FOR UPDATE OF r",
    )
    .bind(property_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((code, status, cabin_id, check_in, check_out)) = row else {
        return Ok(Unblocking::NotABlock);
    };
    let nights = (check_in, check_out);
    if status != "confirmed" {
        return Ok(Unblocking::AlreadyFree {
            code,
            cabin_id,
            nights,
        });
    }
    sqlx::query(
        "UPDATE reservations SET status = 'cancelled', updated_at = now()
         WHERE id = $1 AND channel_source = 'staff_block'",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(Unblocking::Unblocked {
        code,
        cabin_id,
        nights,
    })
}

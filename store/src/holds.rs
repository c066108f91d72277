//! Placing a hold: a `pre_reserved` reservation with an expiry, guarded by the exclusion
//! constraint. The Redis lock around it (taken by the caller) only spares the database
//! pointless conflicts; losing a race here is normal and answered kindly.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use booking::{Accommodation, Guests, Money, StayDates};

/// SQLSTATE of an exclusion-constraint violation.
pub const EXCLUSION_VIOLATION: &str = "23P01";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hold {
    pub id: i64,
    pub code: String,
    pub total: Money,
    pub deposit: Money,
    pub expires_at: DateTime<Utc>,
}

pub struct HoldRequest<'a> {
    pub accommodation: &'a Accommodation,
    pub stay: StayDates,
    pub guests: Guests,
    pub guest_name: Option<&'a str>,
    pub guest_phone: Option<&'a str>,
    pub guest_email: Option<&'a str>,
    pub channel_source: &'a str,
    pub expires_at: DateTime<Utc>,
    /// The effect key of the job placing it: its replay finds the hold by it.
    pub cause: &'a str,
}

/// SQLSTATE of a unique violation.
const UNIQUE_VIOLATION: &str = "23505";

/// `Ok(None)` when the nights were taken (by another hold, a booking or an imported block).
pub async fn place(
    conn: &mut PgConnection,
    req: &HoldRequest<'_>,
) -> Result<Option<Hold>, crate::StoreError> {
    // A code can only clash with one made by hand (staff, imports); take the next one then.
    let mut tries = 0;
    loop {
        match try_place(conn, req).await {
            Err(sqlx::Error::Database(e))
                if e.code().as_deref() == Some(UNIQUE_VIOLATION)
                    && e.constraint() == Some("reservations_code_key")
                    && tries < 5 =>
            {
                tries += 1;
            }
            other => return Ok(other?),
        }
    }
}

async fn try_place(
    conn: &mut PgConnection,
    req: &HoldRequest<'_>,
) -> Result<Option<Hold>, sqlx::Error> {
    let quote = req.accommodation.quote(&req.stay);
    let code = next_code(conn, "RES").await?;
    sqlx::query("SAVEPOINT hold").execute(&mut *conn).await?;
    let inserted: Result<i64, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO reservations (code, accommodation_id, guest_name, guest_phone, guest_email, check_in, check_out, guests,
                                   total_amount, deposit_amount, status, channel_source, expires_at, hold_cause)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::numeric / 100, $10::numeric / 100, 'pre_reserved', $11, $12, $13)
         RETURNING id",
    )
    .bind(&code)
    .bind(req.accommodation.id)
    .bind(req.guest_name)
    .bind(req.guest_phone)
    .bind(req.guest_email)
    .bind(req.stay.check_in())
    .bind(req.stay.check_out())
    .bind(i32::from(req.guests.get()))
    .bind(quote.total.cents())
    .bind(quote.deposit.cents())
    .bind(req.channel_source)
    .bind(req.expires_at)
    .bind(req.cause)
    .fetch_one(&mut *conn)
    .await;
    match inserted {
        Ok(id) => {
            sqlx::query("RELEASE SAVEPOINT hold")
                .execute(&mut *conn)
                .await?;
            Ok(Some(Hold {
                id,
                code,
                total: quote.total,
                deposit: quote.deposit,
                expires_at: req.expires_at,
            }))
        }
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some(EXCLUSION_VIOLATION) => {
            sqlx::query("ROLLBACK TO SAVEPOINT hold")
                .execute(&mut *conn)
                .await?;
            Ok(None)
        }
        Err(e) => {
            sqlx::query("ROLLBACK TO SAVEPOINT hold")
                .execute(&mut *conn)
                .await?;
            Err(e)
        }
    }
}

/// Places every hold of a group, in the caller's transaction, all or none: when the nights of
/// any of them are taken, none is placed and `Ok(None)` says so.
pub async fn place_all(
    conn: &mut PgConnection,
    reqs: &[HoldRequest<'_>],
) -> Result<Option<Vec<Hold>>, crate::StoreError> {
    sqlx::query("SAVEPOINT hold_group")
        .execute(&mut *conn)
        .await?;
    let mut placed = Vec::with_capacity(reqs.len());
    for req in reqs {
        match place(conn, req).await? {
            Some(hold) => placed.push(hold),
            None => {
                sqlx::query("ROLLBACK TO SAVEPOINT hold_group")
                    .execute(&mut *conn)
                    .await?;
                return Ok(None);
            }
        }
    }
    sqlx::query("RELEASE SAVEPOINT hold_group")
        .execute(&mut *conn)
        .await?;
    Ok(Some(placed))
}

/// A group's holds, placed together under one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupHold {
    pub id: i64,
    pub code: String,
    pub holds: Vec<Hold>,
}

/// Places a group's holds as one request, in the caller's transaction, all or none
/// ([`place_all`]): one `reservation_groups` row (its code `GRP…`, `cause` = the effect key of
/// the job that will send its one payment link) linking every hold. `Ok(None)` when any
/// cabin's nights were taken: nothing is left behind, not even the group.
pub async fn place_group(
    conn: &mut PgConnection,
    cause: &str,
    reqs: &[HoldRequest<'_>],
) -> Result<Option<GroupHold>, crate::StoreError> {
    sqlx::query("SAVEPOINT hold_request")
        .execute(&mut *conn)
        .await?;
    let code = next_code(conn, "GRP").await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reservation_groups (code, hold_cause) VALUES ($1, $2) RETURNING id",
    )
    .bind(&code)
    .bind(cause)
    .fetch_one(&mut *conn)
    .await?;
    let Some(holds) = place_all(conn, reqs).await? else {
        sqlx::query("ROLLBACK TO SAVEPOINT hold_request")
            .execute(&mut *conn)
            .await?;
        return Ok(None);
    };
    let ids: Vec<i64> = holds.iter().map(|h| h.id).collect();
    sqlx::query("UPDATE reservations SET group_id = $1 WHERE id = ANY($2)")
        .bind(id)
        .bind(&ids)
        .execute(&mut *conn)
        .await?;
    sqlx::query("RELEASE SAVEPOINT hold_request")
        .execute(&mut *conn)
        .await?;
    Ok(Some(GroupHold { id, code, holds }))
}

/// Moves the guest's unpaid hold `replaced` to the stay of `req`, in the caller's transaction:
/// the old hold (with the rest of its group, when it was requested with others) is released
/// first (so a new stay overlapping its own nights fits), then the new one placed; when the new
/// nights are taken, the release is undone and `Ok(None)` says so.
pub async fn place_replacing(
    conn: &mut PgConnection,
    replaced: &str,
    req: &HoldRequest<'_>,
) -> Result<Option<Hold>, crate::StoreError> {
    replacing(conn, replaced, async |conn: &mut PgConnection| {
        place(conn, req).await
    })
    .await
}

/// Moves the guest's unpaid hold `replaced` (and the rest of its group) to a new group, as
/// [`place_replacing`] does for one hold: all the new holds or, when any cabin's nights are
/// taken, none, the old ones kept, and `Ok(None)`.
pub async fn place_group_replacing(
    conn: &mut PgConnection,
    replaced: &str,
    cause: &str,
    reqs: &[HoldRequest<'_>],
) -> Result<Option<GroupHold>, crate::StoreError> {
    replacing(conn, replaced, async |conn: &mut PgConnection| {
        place_group(conn, cause, reqs).await
    })
    .await
}

/// Releases `replaced` (and its group), then runs `place`; undoes the release when `place`
/// placed nothing.
async fn replacing<T>(
    conn: &mut PgConnection,
    replaced: &str,
    place: impl AsyncFnOnce(&mut PgConnection) -> Result<Option<T>, crate::StoreError>,
) -> Result<Option<T>, crate::StoreError> {
    sqlx::query("SAVEPOINT move_hold")
        .execute(&mut *conn)
        .await?;
    let released = crate::reservations::release_unpaid(conn, replaced).await?;
    match place(conn).await? {
        Some(placed) => {
            sqlx::query("RELEASE SAVEPOINT move_hold")
                .execute(&mut *conn)
                .await?;
            if !released {
                tracing::warn!(code = replaced, "moved hold was no longer live");
            }
            Ok(Some(placed))
        }
        None => {
            sqlx::query("ROLLBACK TO SAVEPOINT move_hold")
                .execute(&mut *conn)
                .await?;
            Ok(None)
        }
    }
}

/// Moves the live reservation `reservation_id` (a hold or a confirmed stay, which stays what it
/// is, under its code) to `accommodation` and `stay`, in the caller's transaction: one
/// `UPDATE`, so its own old nights never stand in the way and the exclusion constraint refuses
/// nights another live stay holds. The total is re-priced on the new nights; the deposit stays
/// what was asked or paid. `Ok(false)` when the new nights are taken (nothing changed) or the
/// reservation is no longer live.
pub async fn move_stay(
    conn: &mut PgConnection,
    reservation_id: i64,
    accommodation: &Accommodation,
    stay: &StayDates,
) -> Result<bool, crate::StoreError> {
    let quote = accommodation.quote(stay);
    sqlx::query("SAVEPOINT move_stay")
        .execute(&mut *conn)
        .await?;
    let moved = sqlx::query(
        "UPDATE reservations
         SET accommodation_id = $2, check_in = $3, check_out = $4,
             total_amount = $5::numeric / 100, updated_at = now()
         WHERE id = $1 AND status IN ('pre_reserved', 'confirmed')",
    )
    .bind(reservation_id)
    .bind(accommodation.id)
    .bind(stay.check_in())
    .bind(stay.check_out())
    .bind(quote.total.cents())
    .execute(&mut *conn)
    .await;
    match moved {
        Ok(done) => {
            sqlx::query("RELEASE SAVEPOINT move_stay")
                .execute(&mut *conn)
                .await?;
            Ok(done.rows_affected() == 1)
        }
        Err(e) => {
            sqlx::query("ROLLBACK TO SAVEPOINT move_stay")
                .execute(&mut *conn)
                .await?;
            match e {
                sqlx::Error::Database(e) if e.code().as_deref() == Some(EXCLUSION_VIOLATION) => {
                    Ok(false)
                }
                e => Err(e.into()),
            }
        }
    }
}

/// `prefix` (`RES` for a reservation, `GRP` for a group) + yymmdd + the day's sequence (at
/// least three digits, one sequence for both), in the database's day.
async fn next_code(conn: &mut PgConnection, prefix: &str) -> Result<String, sqlx::Error> {
    let (day, seq): (String, i32) = sqlx::query_as(
        "INSERT INTO reservation_code_counters (day, last) VALUES (current_date, 1)
         ON CONFLICT (day) DO UPDATE SET last = reservation_code_counters.last + 1
         RETURNING to_char(day, 'YYMMDD'), last",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(format!("{prefix}{day}{seq:03}"))
}

//! What the fleet keeps about a property whose bookings live in a QloApps hotel: the hotel and
//! room types it maps to (`properties.qloapps_hotel_id`, `accommodations.qloapps_room_type_id`)
//! and the QloApps booking each reservation became (`reservations.qloapps_booking_id`).
//!
//! Never calls QloApps (that is `channels::qloapps`) and never decides which PMS a property uses
//! (that is `flags`).

use chrono::NaiveDate;
use sqlx::PgExecutor;

use crate::StoreError;

/// A property's QloApps hotel and its accommodations' room types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub hotel_id: i64,
    /// `(accommodation id, room type id)` of every mapped, active accommodation.
    pub room_types: Vec<(i64, i64)>,
}

impl Mapping {
    pub fn room_type_of(&self, accommodation_id: i64) -> Option<i64> {
        self.room_types
            .iter()
            .find(|(a, _)| *a == accommodation_id)
            .map(|(_, r)| *r)
    }
}

/// The property's mapping, or `None` when it names no QloApps hotel.
pub async fn mapping(
    db: impl PgExecutor<'_>,
    property_id: i64,
) -> Result<Option<Mapping>, StoreError> {
    let rows: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT p.qloapps_hotel_id, a.id, a.qloapps_room_type_id
         FROM properties p LEFT JOIN accommodations a
              ON a.property_id = p.id AND a.active AND a.qloapps_room_type_id IS NOT NULL
         WHERE p.id = $1 AND p.qloapps_hotel_id IS NOT NULL
         ORDER BY a.id",
    )
    .bind(property_id)
    .fetch_all(db)
    .await?;
    let Some((hotel_id, _, _)) = rows.first() else {
        return Ok(None);
    };
    Ok(Some(Mapping {
        hotel_id: *hotel_id,
        room_types: rows
            .iter()
            .filter_map(|(_, a, r)| Some(((*a)?, (*r)?)))
            .collect(),
    }))
}

/// A reservation as QloApps must be told it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PmsStay {
    pub code: String,
    pub property_id: i64,
    pub hotel_id: Option<i64>,
    pub room_type_id: Option<i64>,
    pub booking_id: Option<i64>,
    /// A booking was asked of QloApps for it before (its answer may have been lost).
    pub requested: bool,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: i32,
    pub guest_name: Option<String>,
    pub guest_phone: Option<String>,
    pub guest_email: Option<String>,
    pub total_cents: i64,
    pub currency: String,
    pub status: String,
}

/// The reservation `code` with its QloApps references (`None` when no such code).
pub async fn stay(db: impl PgExecutor<'_>, code: &str) -> Result<Option<PmsStay>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.code, a.property_id, p.qloapps_hotel_id AS hotel_id, a.qloapps_room_type_id AS room_type_id,
                r.qloapps_booking_id AS booking_id,
                r.qloapps_requested_at IS NOT NULL AS requested, r.check_in, r.check_out, r.guests, r.guest_name,
                r.guest_phone, r.guest_email, (r.total_amount * 100)::int8 AS total_cents,
                p.currency::text AS currency, r.status::text AS status
         FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
              JOIN properties p ON p.id = a.property_id
         WHERE r.code = $1",
    )
    .bind(code)
    .fetch_optional(db)
    .await?)
}

/// Records the QloApps booking reservation `code` became (the first one recorded stays).
pub async fn set_booking(
    db: impl PgExecutor<'_>,
    code: &str,
    booking_id: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE reservations SET qloapps_booking_id = $2, updated_at = now()
         WHERE code = $1 AND qloapps_booking_id IS NULL",
    )
    .bind(code)
    .bind(booking_id)
    .execute(db)
    .await?;
    Ok(())
}

/// Notes, before the request is made, that QloApps is being asked to book reservation `code`.
pub async fn mark_requested(db: impl PgExecutor<'_>, code: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE reservations SET qloapps_requested_at = now()
         WHERE code = $1 AND qloapps_requested_at IS NULL",
    )
    .bind(code)
    .execute(db)
    .await?;
    Ok(())
}

/// Reservations QloApps booked that were released here (expired, given up, moved, cancelled)
/// and QloApps has not been told of yet: `(code, property id)`, oldest first, at most `limit`.
pub async fn released_untold(
    db: impl PgExecutor<'_>,
    limit: i64,
) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT r.code, a.property_id FROM reservations r JOIN accommodations a ON a.id = r.accommodation_id
         WHERE r.qloapps_booking_id IS NOT NULL AND r.qloapps_cancelled_at IS NULL
           AND r.status IN ('cancelled', 'expired')
         ORDER BY r.id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await?)
}

/// Notes that QloApps was told reservation `code` is released.
pub async fn mark_cancelled(db: impl PgExecutor<'_>, code: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE reservations SET qloapps_cancelled_at = now()
         WHERE code = $1 AND qloapps_cancelled_at IS NULL",
    )
    .bind(code)
    .execute(db)
    .await?;
    Ok(())
}

/// Reservation `code`, or every reservation of the group `code`: their codes.
pub async fn codes_of(db: impl PgExecutor<'_>, code: &str) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT code FROM reservations WHERE code = $1
         UNION ALL
         SELECT r.code FROM reservations r JOIN reservation_groups g ON g.id = r.group_id
         WHERE g.code = $1",
    )
    .bind(code)
    .fetch_all(db)
    .await?)
}

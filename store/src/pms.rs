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

/// A property's accommodations as an operator maps them: name and room type (`None`: not
/// mapped), active ones first by id, and the hotel it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingView {
    pub hotel_id: Option<i64>,
    pub accommodations: Vec<(String, Option<i64>)>,
}

/// What [`map`] changes: the hotel (`Some(None)` clears it) and room types by cabin name.
#[derive(Debug, Clone, Default)]
pub struct MappingChange {
    pub hotel_id: Option<Option<i64>>,
    pub room_types: Vec<(String, Option<i64>)>,
}

/// Why [`map`] changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("property {0} has no accommodation called {1:?}")]
    NoSuchAccommodation(i64, String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The property's hotel and its active accommodations' room types.
pub async fn mapping_view(
    db: &mut sqlx::PgConnection,
    property_id: i64,
) -> Result<MappingView, StoreError> {
    let hotel_id: Option<i64> =
        sqlx::query_scalar("SELECT qloapps_hotel_id FROM properties WHERE id = $1")
            .bind(property_id)
            .fetch_optional(&mut *db)
            .await?
            .flatten();
    let accommodations = sqlx::query_as(
        "SELECT name, qloapps_room_type_id FROM accommodations
         WHERE property_id = $1 AND active ORDER BY id",
    )
    .bind(property_id)
    .fetch_all(&mut *db)
    .await?;
    Ok(MappingView {
        hotel_id,
        accommodations,
    })
}

/// Changes the property's QloApps mapping in the caller's transaction, each change with its
/// audit row (`qloapps_map`, `{"by": "fleetctl"}`, the old and new ids). A cabin name the
/// property does not have (matched case-insensitively among its active accommodations) is
/// refused; the caller rolls back, so nothing of the change is kept.
pub async fn map(
    tx: &mut sqlx::PgConnection,
    property_id: i64,
    change: &MappingChange,
) -> Result<(), MapError> {
    let before = mapping_view(&mut *tx, property_id).await?;
    if let Some(hotel_id) = change.hotel_id {
        sqlx::query("UPDATE properties SET qloapps_hotel_id = $2 WHERE id = $1")
            .bind(property_id)
            .bind(hotel_id)
            .execute(&mut *tx)
            .await
            .map_err(StoreError::from)?;
        let detail =
            serde_json::json!({ "by": "fleetctl", "old": before.hotel_id, "new": hotel_id });
        audit_map(&mut *tx, property_id, "hotel", &detail).await?;
    }
    for (name, room_type) in &change.room_types {
        let old: Option<(Option<i64>, String)> = sqlx::query_as(
            "UPDATE accommodations a SET qloapps_room_type_id = $3
             FROM (SELECT id, qloapps_room_type_id FROM accommodations
                   WHERE property_id = $1 AND active AND lower(name) = lower($2)
                   ORDER BY id LIMIT 1 FOR UPDATE) prev
             WHERE a.id = prev.id
             RETURNING prev.qloapps_room_type_id, a.name",
        )
        .bind(property_id)
        .bind(name)
        .bind(room_type)
        .fetch_optional(&mut *tx)
        .await
        .map_err(StoreError::from)?;
        let Some((old, cabin)) = old else {
            return Err(MapError::NoSuchAccommodation(property_id, name.clone()));
        };
        let detail = serde_json::json!({ "by": "fleetctl", "old": old, "new": room_type });
        audit_map(
            &mut *tx,
            property_id,
            &format!("room_type:{cabin}"),
            &detail,
        )
        .await?;
    }
    Ok(())
}

async fn audit_map(
    tx: &mut sqlx::PgConnection,
    property_id: i64,
    subject: &str,
    detail: &serde_json::Value,
) -> Result<(), StoreError> {
    crate::staff::audit(
        &mut *tx,
        crate::staff::Action {
            account_id: None,
            property_id,
            action: "qloapps_map",
            subject: Some(subject),
            detail,
        },
    )
    .await
}

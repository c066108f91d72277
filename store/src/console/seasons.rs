//! A cabin's seasons as its owner lists, adds and removes them from the setup page: a name,
//! the first and last night (both included), a nightly price in cents and a minimum stay.
//!
//! Values arrive checked (`ingress::console::pages::seasons` parses the form); the table's own
//! CHECKs and its exclusion constraint (`seasons_no_overlap`: two seasons of a cabin never share
//! a night) are the last word, and an overlap comes back as [`SeasonRefused::Overlaps`]. Every
//! statement names the account's property through the cabin, so another property's cabin or
//! season is "not found" exactly like one that does not exist. The bot and every price read
//! seasons with their cabin (`store::availability::COLUMNS`), so a change reaches the next
//! quote. It never prices anything: `booking::seasons` does.

use chrono::NaiveDate;
use serde::Serialize;
use sqlx::PgExecutor;

use crate::StoreError;

/// A season as the form saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewSeason {
    pub name: String,
    pub first_night: NaiveDate,
    /// Included.
    pub last_night: NaiveDate,
    pub price_cents: i64,
    pub min_nights: i32,
}

/// A season of one of the property's cabins, with its id.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct Season {
    pub id: i64,
    pub accommodation_id: i64,
    pub name: String,
    pub first_night: NaiveDate,
    pub last_night: NaiveDate,
    pub price_cents: i64,
    pub min_nights: i32,
}

/// Why a season was not added.
#[derive(Debug, thiserror::Error)]
pub enum SeasonRefused {
    #[error("the cabin already has a season on some of those nights")]
    Overlaps,
    #[error("the property has no such cabin")]
    NoCabin,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Every season of the property's cabins, by cabin and first night.
pub async fn of_property(
    db: impl PgExecutor<'_>,
    property_id: i64,
) -> Result<Vec<Season>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT s.id, s.accommodation_id, s.name, s.starts_on AS first_night,
                s.ends_on AS last_night, (s.price_per_night * 100)::int8 AS price_cents,
                s.min_nights
         FROM seasons s JOIN accommodations a ON a.id = s.accommodation_id
         WHERE a.property_id = $1
         ORDER BY s.accommodation_id, s.starts_on",
    )
    .bind(property_id)
    .fetch_all(db)
    .await?)
}

/// Adds a season to cabin `accommodation_id` of the property; answers its id.
pub async fn add(
    db: impl PgExecutor<'_>,
    property_id: i64,
    accommodation_id: i64,
    s: &NewSeason,
) -> Result<i64, SeasonRefused> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO seasons (accommodation_id, name, starts_on, ends_on, price_per_night, min_nights)
         SELECT a.id, $3, $4, $5, $6::numeric / 100, $7 FROM accommodations a
         WHERE a.id = $1 AND a.property_id = $2
         RETURNING id",
    )
    .bind(accommodation_id)
    .bind(property_id)
    .bind(&s.name)
    .bind(s.first_night)
    .bind(s.last_night)
    .bind(s.price_cents)
    .bind(s.min_nights)
    .fetch_optional(db)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.constraint() == Some("seasons_no_overlap") => {
            SeasonRefused::Overlaps
        }
        _ => SeasonRefused::Store(e.into()),
    })?;
    id.ok_or(SeasonRefused::NoCabin)
}

/// Removes season `id` of one of the property's cabins; answers what it was, `None` when the
/// property has no such season.
pub async fn remove(
    db: impl PgExecutor<'_>,
    property_id: i64,
    id: i64,
) -> Result<Option<Season>, StoreError> {
    Ok(sqlx::query_as(
        "DELETE FROM seasons s USING accommodations a
         WHERE s.id = $1 AND a.id = s.accommodation_id AND a.property_id = $2
         RETURNING s.id, s.accommodation_id, s.name, s.starts_on AS first_night,
                   s.ends_on AS last_night, (s.price_per_night * 100)::int8 AS price_cents,
                   s.min_nights",
    )
    .bind(id)
    .bind(property_id)
    .fetch_optional(db)
    .await?)
}

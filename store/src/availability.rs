//! Accommodations and the nights taken on them: what `booking::availability` decides from.
//! An accommodation is always read with its seasons (`seasons` table, through its index on
//! `(accommodation_id, starts_on)`), so every price quoted from it, by the bot, a hold or the
//! console, follows the same season rule.

use chrono::NaiveDate;
use sqlx::{PgConnection, PgExecutor, types::Json};

use booking::{Accommodation, Money, PriceSeason, availability::Taken};

/// An accommodation row as stored (prices as cents and basis points).
#[derive(sqlx::FromRow)]
pub(crate) struct Row {
    id: i64,
    property_id: i64,
    name: String,
    description: String,
    capacity: i32,
    base_cents: i64,
    weekend_bp: i64,
    deposit_bp: i64,
    photos: Vec<String>,
    /// The uploaded photos WhatsApp can send, `<token>.<ext>` (`photos::file_names_sql!`).
    photo_files: Vec<String>,
    amenities: Vec<String>,
    pets_allowed: bool,
    seasons: Json<Vec<SeasonRow>>,
}

/// A season as [`COLUMNS`] aggregates it (first and last night included, price in cents).
#[derive(serde::Deserialize)]
struct SeasonRow {
    name: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    price_cents: i64,
    min_nights: i32,
}

impl From<SeasonRow> for PriceSeason {
    fn from(s: SeasonRow) -> Self {
        PriceSeason {
            name: s.name,
            first_night: s.starts_on,
            last_night: s.ends_on,
            per_night: Money::from_cents(s.price_cents),
            min_nights: u32::try_from(s.min_nights).unwrap_or(1).max(1),
        }
    }
}

impl From<Row> for Accommodation {
    fn from(r: Row) -> Self {
        Accommodation {
            id: r.id,
            property_id: r.property_id,
            name: r.name,
            description: r.description,
            capacity: r.capacity,
            base_cents: r.base_cents,
            weekend_bp: r.weekend_bp,
            deposit_bp: r.deposit_bp,
            photos: r.photos,
            uploaded_photos: r.photo_files,
            amenities: r.amenities,
            pets_allowed: r.pets_allowed,
            seasons: r.seasons.0.into_iter().map(PriceSeason::from).collect(),
        }
    }
}

pub(crate) const COLUMNS: &str = concat!(
    "a.id, a.property_id, a.name, a.description, a.capacity,
    (a.base_price_per_night * 100)::int8 AS base_cents, (a.weekend_multiplier * 10000)::int8 AS weekend_bp,
    (a.deposit_percentage * 100)::int8 AS deposit_bp, a.photos, a.amenities, a.pets_allowed,
    (SELECT coalesce(json_agg(json_build_object('name', s.name, 'starts_on', s.starts_on,
                'ends_on', s.ends_on, 'price_cents', (s.price_per_night * 100)::int8,
                'min_nights', s.min_nights) ORDER BY s.starts_on), '[]'::json)
     FROM seasons s WHERE s.accommodation_id = a.id) AS seasons, ",
    crate::photos::file_names_sql!(),
    " AS photo_files"
);

pub async fn of_property(
    db: &mut PgConnection,
    property_id: i64,
) -> Result<Vec<Accommodation>, crate::StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM accommodations a WHERE a.property_id = $1 AND a.active ORDER BY a.base_price_per_night, a.id"
    )))
    .bind(property_id)
    .fetch_all(db)
    .await
    .map(|rows: Vec<Row>| rows.into_iter().map(Accommodation::from).collect())
    .map_err(crate::StoreError::from)
}

/// Active accommodation `id` of property `property_id` (the console's cabin pickers); `None`
/// when it is another property's, inactive or missing.
pub async fn of_property_by_id<'e>(
    db: impl PgExecutor<'e>,
    property_id: i64,
    id: i64,
) -> Result<Option<Accommodation>, crate::StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM accommodations a WHERE a.id = $1 AND a.property_id = $2 AND a.active"
    )))
    .bind(id)
    .bind(property_id)
    .fetch_optional(db)
    .await
    .map(|row: Option<Row>| row.map(Accommodation::from))
    .map_err(crate::StoreError::from)
}

pub async fn by_id<'e>(
    db: impl PgExecutor<'e>,
    id: i64,
) -> Result<Option<Accommodation>, crate::StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM accommodations a WHERE a.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
    .map(|row: Option<Row>| row.map(Accommodation::from))
    .map_err(crate::StoreError::from)
}

/// Nights taken on the property's accommodations between `from` and `to` (live holds,
/// confirmed stays and imported blocks): what `booking::availability` decides from.
pub async fn taken(
    db: &mut PgConnection,
    property_id: i64,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<Taken>, crate::StoreError> {
    let rows: Vec<(i64, NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT r.accommodation_id, r.check_in, r.check_out FROM reservations r
         JOIN accommodations a ON a.id = r.accommodation_id
         WHERE a.property_id = $1 AND r.status IN ('pre_reserved', 'confirmed')
           AND r.period && daterange($2, $3, '[)')",
    )
    .bind(property_id)
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(accommodation_id, check_in, check_out)| Taken {
            accommodation_id,
            check_in,
            check_out,
        })
        .collect())
}

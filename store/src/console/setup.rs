//! The property's setup as its owner changes it from the console: the property's address,
//! check-in and check-out times, cancellation policy and ways of taking the balance, and its cabins (name, capacity,
//! description, amenities, pets, prices, deposit, photos' addresses, active or not).
//!
//! Values arrive checked (`ingress::console::pages::setup` parses the form into these types);
//! the table's own CHECKs are the last word. Every statement names the account's property, so
//! another property's cabin is `false` ("not found") exactly like a cabin that does not exist.
//! The bot reads accommodations and the property afresh at every turn (`store::turns`), so a
//! change reaches the next guest message. It never deletes a cabin: one with stays is only
//! made inactive.

use chrono::NaiveTime;
use serde::Serialize;
use sqlx::PgExecutor;

use crate::StoreError;

/// The property's own settings.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct PropertySettings {
    pub address: Option<String>,
    pub check_in_time: NaiveTime,
    pub check_out_time: NaiveTime,
    pub cancel_full_refund_days: i32,
    pub cancel_late_refund_percent: i32,
    pub cancel_credit_months: i32,
    /// How the balance is taken on arrival.
    pub balance_cash: bool,
    pub balance_transfer: bool,
    pub balance_card: bool,
}

/// A cabin as the setup page shows and saves it (prices in cents, rates in basis points).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct CabinSettings {
    pub name: String,
    pub capacity: i32,
    pub description: String,
    pub amenities: Vec<String>,
    pub pets_allowed: bool,
    pub base_cents: i64,
    /// 1.00 = 100: the weekend night's price over the base, in hundredths.
    pub weekend_percent: i32,
    pub deposit_percent: i32,
    pub photos: Vec<String>,
    pub active: bool,
}

/// A cabin of the property, with its id.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct Cabin {
    pub id: i64,
    #[sqlx(flatten)]
    pub settings: CabinSettings,
}

pub async fn property(
    db: impl PgExecutor<'_>,
    property_id: i64,
) -> Result<Option<PropertySettings>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT address, check_in_time, check_out_time, cancel_full_refund_days,
                cancel_late_refund_percent, cancel_credit_months,
                balance_cash, balance_transfer, balance_card
         FROM properties WHERE id = $1",
    )
    .bind(property_id)
    .fetch_optional(db)
    .await?)
}

pub async fn save_property(
    db: impl PgExecutor<'_>,
    property_id: i64,
    s: &PropertySettings,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE properties SET address = $2, check_in_time = $3, check_out_time = $4,
                cancel_full_refund_days = $5, cancel_late_refund_percent = $6,
                cancel_credit_months = $7, balance_cash = $8, balance_transfer = $9,
                balance_card = $10
         WHERE id = $1",
    )
    .bind(property_id)
    .bind(&s.address)
    .bind(s.check_in_time)
    .bind(s.check_out_time)
    .bind(s.cancel_full_refund_days)
    .bind(s.cancel_late_refund_percent)
    .bind(s.cancel_credit_months)
    .bind(s.balance_cash)
    .bind(s.balance_transfer)
    .bind(s.balance_card)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

const CABIN_COLUMNS: &str = "id, name, capacity, description, amenities, pets_allowed,
    (base_price_per_night * 100)::bigint AS base_cents,
    (weekend_multiplier * 100)::int AS weekend_percent,
    deposit_percentage::int AS deposit_percent, photos, active";

/// The property's cabins, active first, by name.
pub async fn cabins(db: impl PgExecutor<'_>, property_id: i64) -> Result<Vec<Cabin>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CABIN_COLUMNS} FROM accommodations WHERE property_id = $1
         ORDER BY NOT active, name"
    )))
    .bind(property_id)
    .fetch_all(db)
    .await?)
}

/// Why a cabin could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum CabinRefused {
    #[error("another cabin of the property has that name")]
    NameTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn refused(e: sqlx::Error) -> CabinRefused {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => CabinRefused::NameTaken,
        _ => CabinRefused::Store(e.into()),
    }
}

/// `c`'s values bound as `$1`…`$10`, in the order both statements below name them.
fn bind_cabin<'q>(
    q: sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>,
    c: &'q CabinSettings,
) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
    q.bind(&c.name)
        .bind(c.capacity)
        .bind(&c.description)
        .bind(&c.amenities)
        .bind(c.pets_allowed)
        .bind(c.base_cents)
        .bind(c.weekend_percent)
        .bind(c.deposit_percent)
        .bind(&c.photos)
        .bind(c.active)
}

/// Saves cabin `id` of the property; `Ok(false)` when the property has no such cabin.
pub async fn save_cabin(
    db: impl PgExecutor<'_>,
    property_id: i64,
    id: i64,
    c: &CabinSettings,
) -> Result<bool, CabinRefused> {
    let done = bind_cabin(
        sqlx::query(
            "UPDATE accommodations SET name = $1, capacity = $2, description = $3, amenities = $4,
                    pets_allowed = $5, base_price_per_night = $6::numeric / 100,
                    weekend_multiplier = $7::numeric / 100, deposit_percentage = $8, photos = $9,
                    active = $10
             WHERE property_id = $11 AND id = $12",
        ),
        c,
    )
    .bind(property_id)
    .bind(id)
    .execute(db)
    .await
    .map_err(refused)?;
    Ok(done.rows_affected() == 1)
}

/// Adds a cabin to the property; answers its id.
pub async fn add_cabin(
    db: impl PgExecutor<'_>,
    property_id: i64,
    c: &CabinSettings,
) -> Result<i64, CabinRefused> {
    use sqlx::Row;
    let row = bind_cabin(
        sqlx::query(
            "INSERT INTO accommodations (name, capacity, description, amenities, pets_allowed,
                    base_price_per_night, weekend_multiplier, deposit_percentage, photos, active,
                    property_id)
             VALUES ($1, $2, $3, $4, $5, $6::numeric / 100, $7::numeric / 100, $8, $9, $10, $11)
             RETURNING id",
        ),
        c,
    )
    .bind(property_id)
    .fetch_one(db)
    .await
    .map_err(refused)?;
    Ok(row.try_get("id").map_err(StoreError::from)?)
}

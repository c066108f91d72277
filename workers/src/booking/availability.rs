//! What is free: accommodations of the guest's property with room for the guests and no live
//! reservation or imported block overlapping the stay; and, when nothing is, the nearest free
//! stays of the same length within a week either side.

use chrono::NaiveDate;
use sqlx::{PgConnection, PgExecutor};

use super::{Guests, Money, StayDates, pricing::Tariff};

/// An accommodation as the conversation needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Accommodation {
    pub id: i64,
    pub property_id: i64,
    pub name: String,
    pub description: String,
    pub capacity: i32,
    pub base_cents: i64,
    pub weekend_bp: i64,
    pub deposit_bp: i64,
    pub photos: Vec<String>,
    pub amenities: Vec<String>,
    pub pets_allowed: bool,
}

impl Accommodation {
    pub fn tariff(&self) -> Tariff {
        Tariff {
            base_per_night: Money::from_cents(self.base_cents),
            weekend_multiplier_bp: self.weekend_bp,
            deposit_bp: self.deposit_bp,
        }
    }
}

const COLUMNS: &str = "a.id, a.property_id, a.name, a.description, a.capacity,
    (a.base_price_per_night * 100)::int8 AS base_cents, (a.weekend_multiplier * 10000)::int8 AS weekend_bp,
    (a.deposit_percentage * 100)::int8 AS deposit_bp, a.photos, a.amenities, a.pets_allowed";

pub async fn of_property(
    db: &mut PgConnection,
    property_id: i64,
) -> Result<Vec<Accommodation>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM accommodations a WHERE a.property_id = $1 AND a.active ORDER BY a.base_price_per_night, a.id"
    )))
    .bind(property_id)
    .fetch_all(db)
    .await
}

pub async fn by_id<'e>(
    db: impl PgExecutor<'e>,
    id: i64,
) -> Result<Option<Accommodation>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM accommodations a WHERE a.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Free accommodations for the stay, cheapest first.
pub async fn free(
    db: &mut PgConnection,
    property_id: i64,
    stay: &StayDates,
    guests: Guests,
) -> Result<Vec<Accommodation>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM accommodations a
         WHERE a.property_id = $1 AND a.active AND a.capacity >= $2
           AND NOT EXISTS (SELECT 1 FROM reservations r
                           WHERE r.accommodation_id = a.id AND r.status IN ('pre_reserved', 'confirmed')
                             AND r.period && daterange($3, $4, '[)'))
         ORDER BY a.base_price_per_night, a.id"
    )))
    .bind(property_id)
    .bind(i32::from(guests.get()))
    .bind(stay.check_in())
    .bind(stay.check_out())
    .fetch_all(db)
    .await
}

/// Up to `max` free stays of the same length, nearest first, shifted by 1..=7 days either way
/// (never starting before `today`).
pub async fn alternatives(
    db: &mut PgConnection,
    property_id: i64,
    stay: &StayDates,
    guests: Guests,
    today: NaiveDate,
    max: usize,
) -> Result<Vec<(StayDates, Accommodation)>, sqlx::Error> {
    let mut found = Vec::new();
    for distance in 1..=7i64 {
        for shift in [-distance, distance] {
            let candidate = stay.shifted(shift);
            if candidate.check_in() < today {
                continue;
            }
            if let Some(first) = free(&mut *db, property_id, &candidate, guests)
                .await?
                .into_iter()
                .next()
            {
                found.push((candidate, first));
                if found.len() == max {
                    return Ok(found);
                }
            }
        }
    }
    Ok(found)
}

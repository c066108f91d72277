//! The property a message belongs to, found by the business number (WhatsApp) or address
//! (email) the guest wrote to.

use chrono::{NaiveDate, NaiveTime, Utc};
use jobs::payloads::Channel;
use sqlx::{PgExecutor, PgPool};

use crate::StoreError;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Property {
    pub id: i64,
    pub name: String,
    pub time_zone: String,
    pub currency: String,
    pub address: Option<String>,
    pub check_in_time: NaiveTime,
    pub check_out_time: NaiveTime,
}

/// The columns a [`Property`] is read from.
pub(crate) const COLUMNS: &str =
    "id, name, time_zone, currency, address, check_in_time, check_out_time";

/// The property a channel's route (`$1`: a WhatsApp phone number id or an email address)
/// belongs to.
pub(crate) const BY_ROUTE: &str =
    "whatsapp_phone_number_id = $1 OR lower(email_address) = lower($1)";

impl Property {
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone
            .parse()
            .unwrap_or(chrono_tz::America::Argentina::Buenos_Aires)
    }

    /// The property as the conversation speaks of it.
    pub fn place(&self) -> conversation::Place {
        conversation::Place {
            address: self.address.clone(),
            check_in_time: self.check_in_time,
            check_out_time: self.check_out_time,
        }
    }

    /// Today in the property's time zone: dates without a year are read from here.
    pub fn today(&self) -> NaiveDate {
        Utc::now().with_timezone(&self.tz()).date_naive()
    }
}

/// The property that answers where the guest wrote to.
pub async fn for_channel(
    db: impl PgExecutor<'_>,
    channel: &Channel,
) -> Result<Option<Property>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM properties WHERE {BY_ROUTE} LIMIT 1"
    )))
    .bind(channel.route())
    .fetch_optional(db)
    .await?)
}

pub async fn by_id(db: impl PgExecutor<'_>, id: i64) -> Result<Option<Property>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM properties WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await?)
}

/// The name a property signs its email with, by its address.
pub async fn name_by_email(
    db: impl PgExecutor<'_>,
    address: &str,
) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT name FROM properties WHERE lower(email_address) = lower($1)")
            .bind(address)
            .fetch_optional(db)
            .await?,
    )
}

/// The sandbox demo: a property with three cabins (idempotent). Answers the property's id.
pub async fn seed_demo(db: &PgPool, phone_number_id: &str, email: &str) -> Result<i64, StoreError> {
    let property: i64 = sqlx::query_scalar(
        "INSERT INTO properties (name, whatsapp_phone_number_id, email_address, address)
         VALUES ('Cabañas del Bosque', $1, $2, 'Ruta 40 km 2010, San Martín de los Andes')
         ON CONFLICT (whatsapp_phone_number_id) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
    .bind(phone_number_id)
    .bind(email)
    .fetch_one(db)
    .await?;
    let cabins = [
        (
            "Cabaña Arrayán",
            2,
            45000,
            1.0,
            "Para dos, con hogar a leña y vista al lago.",
        ),
        (
            "Cabaña Coihue",
            4,
            60000,
            1.2,
            "Dos dormitorios, parrilla y deck con vista al bosque.",
        ),
        (
            "Cabaña Lenga",
            6,
            85000,
            1.25,
            "Tres dormitorios, ideal para familias o grupos.",
        ),
    ];
    for (name, capacity, price, weekend, description) in cabins {
        sqlx::query(
            "INSERT INTO accommodations (property_id, name, capacity, base_price_per_night, weekend_multiplier, description, amenities, pets_allowed)
             VALUES ($1, $2, $3, $4, $5, $6, ARRAY['wifi', 'parrilla', 'estacionamiento'], $2 <> 'Cabaña Arrayán')
             ON CONFLICT (property_id, name) DO UPDATE SET capacity = EXCLUDED.capacity, base_price_per_night = EXCLUDED.base_price_per_night,
                 weekend_multiplier = EXCLUDED.weekend_multiplier, description = EXCLUDED.description",
        )
        .bind(property)
        .bind(name)
        .bind(capacity)
        .bind(price)
        .bind(weekend)
        .bind(description)
        .execute(db)
        .await?;
    }
    Ok(property)
}

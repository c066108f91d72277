//! The property a message belongs to, found by the business number (WhatsApp) or address
//! (email) the guest wrote to.

use booking::CancellationPolicy;
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
    /// The cancellation policy's three numbers, as stored (checked by the table):
    /// [`Property::cancellation`] is the typed policy.
    pub cancel_full_refund_days: i32,
    pub cancel_late_refund_percent: i32,
    pub cancel_credit_months: i32,
    /// How the balance is taken on arrival (none: not said).
    pub balance_cash: bool,
    pub balance_transfer: bool,
    pub balance_card: bool,
}

/// The columns a [`Property`] is read from.
pub(crate) const COLUMNS: &str =
    "id, name, time_zone, currency, address, check_in_time, check_out_time,
    cancel_full_refund_days, cancel_late_refund_percent, cancel_credit_months,
    balance_cash, balance_transfer, balance_card";

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
            cancellation: self.cancellation(),
            balance: self.balance(),
        }
    }

    /// How the property takes the balance on arrival.
    pub fn balance(&self) -> conversation::BalanceMethods {
        conversation::BalanceMethods {
            cash: self.balance_cash,
            transfer: self.balance_transfer,
            card: self.balance_card,
        }
    }

    /// The property's cancellation policy. The table's checks keep the numbers valid; should
    /// they not be, the default policy is told rather than none (and the drift logged).
    pub fn cancellation(&self) -> CancellationPolicy {
        let policy = (
            u16::try_from(self.cancel_full_refund_days),
            u8::try_from(self.cancel_late_refund_percent),
            u8::try_from(self.cancel_credit_months),
        );
        match policy {
            (Ok(days), Ok(percent), Ok(months)) => CancellationPolicy::new(days, percent, months)
                .unwrap_or_else(|e| {
                    tracing::error!(property = self.id, error = %e, "stored cancellation policy unreadable");
                    CancellationPolicy::DEFAULT
                }),
            _ => {
                tracing::error!(property = self.id, "stored cancellation policy out of range");
                CancellationPolicy::DEFAULT
            }
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

/// The properties an operator means by `key`: the one with that id when `key` is a number, else
/// those named `key` (ignoring case); empty when none.
pub async fn named(db: impl PgExecutor<'_>, key: &str) -> Result<Vec<(i64, String)>, StoreError> {
    let key = key.trim();
    Ok(sqlx::query_as(
        "SELECT id, name FROM properties WHERE id = $1 OR ($1 IS NULL AND lower(name) = lower($2))
         ORDER BY id",
    )
    .bind(key.parse::<i64>().ok())
    .bind(key)
    .fetch_all(db)
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

/// The sandbox demo: a property with three cabins and the policy many cabins in the area use
/// (the whole deposit back up to 15 days before, after that it is kept as credit for another
/// date within 6 months; the balance in cash or by transfer on arrival), idempotent. Answers the property's id.
pub async fn seed_demo(db: &PgPool, phone_number_id: &str, email: &str) -> Result<i64, StoreError> {
    let property: i64 = sqlx::query_scalar(
        "INSERT INTO properties (name, whatsapp_phone_number_id, email_address, address,
                                 cancel_full_refund_days, cancel_late_refund_percent, cancel_credit_months,
                                 balance_cash, balance_transfer)
         VALUES ('Cabañas del Bosque', $1, $2, 'Ruta 40 km 2010, San Martín de los Andes', 15, 0, 6, TRUE, TRUE)
         ON CONFLICT (whatsapp_phone_number_id) DO UPDATE SET name = EXCLUDED.name,
             cancel_full_refund_days = EXCLUDED.cancel_full_refund_days,
             cancel_late_refund_percent = EXCLUDED.cancel_late_refund_percent,
             cancel_credit_months = EXCLUDED.cancel_credit_months,
             balance_cash = EXCLUDED.balance_cash,
             balance_transfer = EXCLUDED.balance_transfer
         RETURNING id",
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

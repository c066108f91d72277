//! The property a message belongs to, found by the business number (WhatsApp) or address
//! (email) the guest wrote to.

use chrono::{NaiveDate, NaiveTime, Utc};
use jobs::payloads::Channel;
use sqlx::PgConnection;

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

impl Property {
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone
            .parse()
            .unwrap_or(chrono_tz::America::Argentina::Buenos_Aires)
    }

    /// Today in the property's time zone: dates without a year are read from here.
    pub fn today(&self) -> NaiveDate {
        Utc::now().with_timezone(&self.tz()).date_naive()
    }
}

pub async fn for_channel(
    conn: &mut PgConnection,
    channel: &Channel,
) -> Result<Option<Property>, sqlx::Error> {
    let route = match channel {
        Channel::Whatsapp {
            phone_number_id, ..
        } => phone_number_id.as_str(),
        Channel::Email { to, .. } => to.as_str(),
    };
    sqlx::query_as(
        "SELECT id, name, time_zone, currency, address, check_in_time, check_out_time FROM properties
         WHERE whatsapp_phone_number_id = $1 OR lower(email_address) = lower($1) LIMIT 1",
    )
    .bind(route)
    .fetch_optional(conn)
    .await
}

pub async fn by_id(conn: &mut PgConnection, id: i64) -> Result<Option<Property>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, time_zone, currency, address, check_in_time, check_out_time FROM properties WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

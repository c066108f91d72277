//! What an accommodation's export feed lists: its name, our own live stays and the dates staff
//! blocked in the console (`channel_source = 'staff_block'`, busy events like a stay, so the
//! channels stop selling them); never a channel's imported block.

use calendar::render::ExportEvent;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

use crate::StoreError;

/// "<property> - <accommodation>", the calendar's name; `None` for an unknown accommodation.
pub async fn calendar_name(
    db: &PgPool,
    accommodation_id: i64,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT p.name || ' - ' || a.name FROM accommodations a JOIN properties p ON p.id = a.property_id WHERE a.id = $1",
    )
    .bind(accommodation_id)
    .fetch_optional(db)
    .await?)
}

/// Live stays and staff blocks of our own (never a channel's imported block) ending within the
/// last 30 days or later, in date order.
pub async fn events(db: &PgPool, accommodation_id: i64) -> Result<Vec<ExportEvent>, StoreError> {
    let rows: Vec<(String, NaiveDate, NaiveDate, DateTime<Utc>)> = sqlx::query_as(
        "SELECT code, check_in, check_out, updated_at FROM reservations
         WHERE accommodation_id = $1 AND status IN ('pre_reserved', 'confirmed')
           AND channel_source <> 'ical_import' AND check_out >= CURRENT_DATE - 30
         ORDER BY check_in, code",
    )
    .bind(accommodation_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, check_in, check_out, updated_at)| ExportEvent {
            code,
            check_in,
            check_out,
            updated_at,
        })
        .collect())
}

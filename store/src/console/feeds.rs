//! A cabin's imported iCal feeds as its owner lists, adds and removes them from the setup page:
//! the address, the last good sync, the last error's kind and the empty-feed guard's
//! `empty_since`.
//!
//! Addresses arrive checked (`calendar::feed::checked_url`). Every statement names the
//! account's property through the cabin, so another property's cabin or feed is "not found"
//! exactly like one that does not exist. Removing a feed releases its nights the way the sync
//! releases events gone from a feed (`crate::ical::import::apply` with no blocks: its blocks are
//! cancelled, its conflicts resolved) and then makes it inactive, so no tick syncs it again and
//! adding the same address later re-activates it. It never fetches a feed: the sync job does.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::{PgConnection, PgExecutor};

use crate::{StoreError, ical};

/// An active feed of one of the property's cabins.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct Listed {
    pub id: i64,
    pub accommodation_id: i64,
    pub channel: String,
    pub url: String,
    pub last_synced_at: Option<DateTime<Utc>>,
    /// `fleet_ical_sync_errors_total`'s kind of the last failed sync; `None` after a good one.
    pub last_error_kind: Option<String>,
    /// When the feed first answered empty while the guard holds its blocks.
    pub empty_since: Option<DateTime<Utc>>,
}

/// Every active feed of the property's cabins, by cabin and id.
pub async fn of_property(
    db: impl PgExecutor<'_>,
    property_id: i64,
) -> Result<Vec<Listed>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT f.id, f.accommodation_id, f.channel, f.url, f.last_synced_at, f.last_error_kind,
                f.empty_since
         FROM ical_feeds f JOIN accommodations a ON a.id = f.accommodation_id
         WHERE a.property_id = $1 AND f.active
         ORDER BY f.accommodation_id, f.id",
    )
    .bind(property_id)
    .fetch_all(db)
    .await?)
}

/// Adds a feed to cabin `accommodation_id` of the property (or re-activates it); answers its
/// id, `None` when the property has no such cabin.
pub async fn add(
    db: impl PgExecutor<'_>,
    property_id: i64,
    accommodation_id: i64,
    url: &str,
    channel: &str,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO ical_feeds (accommodation_id, channel, url)
         SELECT a.id, $3, $4 FROM accommodations a WHERE a.id = $1 AND a.property_id = $2
         ON CONFLICT (accommodation_id, url) DO UPDATE SET channel = EXCLUDED.channel, active = TRUE
         RETURNING id",
    )
    .bind(accommodation_id)
    .bind(property_id)
    .bind(channel)
    .bind(url)
    .fetch_optional(db)
    .await?)
}

/// A removed feed: what the audit row records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub accommodation_id: i64,
    pub url: String,
    /// Imported stays cancelled with it.
    pub released: usize,
}

/// Removes active feed `id` of one of the property's cabins (in the caller's transaction);
/// `None` when the property has no such feed.
pub async fn remove(
    conn: &mut PgConnection,
    property_id: i64,
    id: i64,
) -> Result<Option<Removed>, StoreError> {
    let owned: Option<bool> = sqlx::query_scalar(
        "SELECT f.active FROM ical_feeds f JOIN accommodations a ON a.id = f.accommodation_id
         WHERE f.id = $1 AND a.property_id = $2",
    )
    .bind(id)
    .bind(property_id)
    .fetch_optional(&mut *conn)
    .await?;
    if owned != Some(true) {
        return Ok(None);
    }
    let Some(feed) = ical::feeds::lock_feed(conn, id).await? else {
        return Ok(None);
    };
    let applied = ical::import::apply(conn, &feed, &[]).await?;
    sqlx::query("UPDATE ical_feeds SET active = FALSE WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(Some(Removed {
        accommodation_id: feed.accommodation_id,
        url: feed.url,
        released: applied.cancelled,
    }))
}

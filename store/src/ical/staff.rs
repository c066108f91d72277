//! What operators do with feeds and conflicts (`fleetctl ical …`, later the staff console).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgExecutor;

use crate::StoreError;

/// `Some(active)` for a known feed.
pub async fn feed_active(db: impl PgExecutor<'_>, id: i64) -> Result<Option<bool>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT active FROM ical_feeds WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?,
    )
}

/// Adds a feed (or re-activates it); answers its id.
pub async fn add_feed(
    db: impl PgExecutor<'_>,
    accommodation_id: i64,
    url: &str,
    channel: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO ical_feeds (accommodation_id, channel, url) VALUES ($1, $2, $3)
         ON CONFLICT (accommodation_id, url) DO UPDATE SET channel = EXCLUDED.channel, active = TRUE
         RETURNING id",
    )
    .bind(accommodation_id)
    .bind(channel)
    .bind(url)
    .fetch_one(db)
    .await?)
}

/// A feed and its health.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedHealth {
    pub id: i64,
    pub accommodation_id: i64,
    pub channel: String,
    pub url: String,
    pub active: bool,
    /// Seconds since its last good sync.
    pub age: Option<f64>,
    pub last_error_kind: Option<String>,
    pub events: i64,
}

pub async fn feeds(db: impl PgExecutor<'_>) -> Result<Vec<FeedHealth>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT f.id, f.accommodation_id, f.channel, f.url, f.active,
                EXTRACT(EPOCH FROM now() - f.last_synced_at)::float8 AS age, f.last_error_kind,
                (SELECT count(*) FROM ical_events e WHERE e.ical_feed_id = f.id) AS events
         FROM ical_feeds f ORDER BY f.id",
    )
    .fetch_all(db)
    .await?)
}

/// An overbooking conflict: a channel booked nights of one of our confirmed stays.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Conflict {
    pub id: i64,
    pub accommodation_id: i64,
    pub reservation_code: Option<String>,
    pub ical_feed_id: Option<i64>,
    pub channel: Option<String>,
    pub external_uid: Option<String>,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub detected_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// Open conflicts (or all with `all`), newest first.
pub async fn conflicts(db: impl PgExecutor<'_>, all: bool) -> Result<Vec<Conflict>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.accommodation_id, r.code AS reservation_code, c.ical_feed_id, f.channel,
                c.external_uid, c.check_in, c.check_out, c.detected_at, c.resolved_at
         FROM overbooking_conflicts c
         LEFT JOIN reservations r ON r.id = c.reservation_id
         LEFT JOIN ical_feeds f ON f.id = c.ical_feed_id
         WHERE $1 OR c.resolved_at IS NULL
         ORDER BY c.detected_at DESC, c.id DESC",
    )
    .bind(all)
    .fetch_all(db)
    .await?)
}

/// Resolves an open conflict; answers whether there was one.
pub async fn resolve_conflict(db: impl PgExecutor<'_>, id: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE overbooking_conflicts SET resolved_at = now() WHERE id = $1 AND resolved_at IS NULL",
    )
    .bind(id)
    .execute(db)
    .await?
    .rows_affected();
    Ok(done == 1)
}

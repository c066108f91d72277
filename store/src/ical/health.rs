//! How fresh each accommodation's calendar is and what is wrong with it, read when asked (by
//! `/metrics` and `/health/ready`), so the figure is the same whichever worker synced.
//!
//! A feed's age is `now - last good sync` (a 304 counts as good), or `now - created_at` for a
//! feed never synced yet; an accommodation's age is its stalest active feed's.

use sqlx::PgPool;

use crate::StoreError;

/// Per accommodation: (id, sync age in seconds).
pub async fn sync_ages(db: &PgPool) -> Result<Vec<(i64, f64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT accommodation_id, EXTRACT(EPOCH FROM max(now() - COALESCE(last_synced_at, created_at)))::float8
         FROM ical_feeds WHERE active GROUP BY accommodation_id ORDER BY accommodation_id",
    )
    .fetch_all(db)
    .await?)
}

/// Per accommodation: (id, open overbooking conflicts).
pub async fn open_conflicts(db: &PgPool) -> Result<Vec<(i64, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT accommodation_id, count(*) FROM overbooking_conflicts WHERE resolved_at IS NULL
         GROUP BY accommodation_id ORDER BY accommodation_id",
    )
    .fetch_all(db)
    .await?)
}

/// Feeds whose last sync failed, by error kind.
pub async fn failing_feeds(db: &PgPool) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT COALESCE(last_error_kind, 'unknown'), count(*) FROM ical_feeds
         WHERE active AND last_error IS NOT NULL GROUP BY 1 ORDER BY 1",
    )
    .fetch_all(db)
    .await?)
}

/// The stalest active feed's age and how many active feeds there are.
pub async fn oldest_sync_age(db: &PgPool) -> Result<(Option<f64>, i64), StoreError> {
    Ok(sqlx::query_as(
        "SELECT EXTRACT(EPOCH FROM max(now() - COALESCE(last_synced_at, created_at)))::float8, count(*)
         FROM ical_feeds WHERE active",
    )
    .fetch_one(db)
    .await?)
}

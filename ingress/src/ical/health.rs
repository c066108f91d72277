//! How fresh each accommodation's calendar is, read from PostgreSQL when asked, so the figure
//! is the same whichever worker synced (and whichever ingress replica is scraped).
//!
//! A feed's age is `now - last good sync` (a 304 counts as good), or `now - created_at` for a
//! feed never synced yet; an accommodation's age is its stalest active feed's.

use std::fmt::Write as _;

use sqlx::PgPool;

/// Per accommodation: (id, sync age in seconds).
pub async fn sync_ages(db: &PgPool) -> Result<Vec<(i64, f64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT accommodation_id, EXTRACT(EPOCH FROM max(now() - COALESCE(last_synced_at, created_at)))::float8
         FROM ical_feeds WHERE active GROUP BY accommodation_id ORDER BY accommodation_id",
    )
    .fetch_all(db)
    .await
}

/// Per accommodation: (id, open overbooking conflicts).
pub async fn open_conflicts(db: &PgPool) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT accommodation_id, count(*) FROM overbooking_conflicts WHERE resolved_at IS NULL
         GROUP BY accommodation_id ORDER BY accommodation_id",
    )
    .fetch_all(db)
    .await
}

/// Feeds whose last sync failed, by error kind.
pub async fn failing_feeds(db: &PgPool) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(last_error_kind, 'unknown'), count(*) FROM ical_feeds
         WHERE active AND last_error IS NOT NULL GROUP BY 1 ORDER BY 1",
    )
    .fetch_all(db)
    .await
}

/// The exposition lines; what cannot be read is left out (not zeroed) and logged.
pub async fn metrics_text(db: &PgPool) -> String {
    let mut text = String::new();
    match sync_ages(db).await {
        Ok(ages) => {
            text.push_str("# HELP ical_last_sync_age_seconds Seconds since the stalest active iCal feed of the accommodation last synced.\n# TYPE ical_last_sync_age_seconds gauge\n");
            for (id, age) in ages {
                let _ = writeln!(
                    text,
                    "ical_last_sync_age_seconds{{accommodation_id=\"{id}\"}} {age:.3}"
                );
            }
        }
        Err(e) => tracing::warn!(error = %e, "iCal sync ages unavailable for /metrics"),
    }
    match open_conflicts(db).await {
        Ok(rows) => {
            text.push_str("# HELP fleet_ical_open_conflicts Overbooking conflicts (a channel booked nights of our confirmed stay) not yet resolved.\n# TYPE fleet_ical_open_conflicts gauge\n");
            for (id, n) in rows {
                let _ = writeln!(
                    text,
                    "fleet_ical_open_conflicts{{accommodation_id=\"{id}\"}} {n}"
                );
            }
        }
        Err(e) => tracing::warn!(error = %e, "iCal conflicts unavailable for /metrics"),
    }
    match failing_feeds(db).await {
        Ok(rows) => {
            text.push_str("# HELP fleet_ical_feeds_failing Active feeds whose last sync failed, by error kind.\n# TYPE fleet_ical_feeds_failing gauge\n");
            for (kind, n) in rows {
                let _ = writeln!(text, "fleet_ical_feeds_failing{{kind=\"{kind}\"}} {n}");
            }
        }
        Err(e) => tracing::warn!(error = %e, "failing iCal feeds unavailable for /metrics"),
    }
    text
}

/// The stalest active feed's age and how many active feeds there are.
pub async fn oldest_sync_age(db: &PgPool) -> Result<(Option<f64>, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT EXTRACT(EPOCH FROM max(now() - COALESCE(last_synced_at, created_at)))::float8, count(*)
         FROM ical_feeds WHERE active",
    )
    .fetch_one(db)
    .await
}

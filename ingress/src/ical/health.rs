//! How fresh each accommodation's calendar is, read from PostgreSQL when asked, so the figure
//! is the same whichever worker synced (and whichever ingress replica is scraped).
//!
//! A feed's age is `now - last good sync` (a 304 counts as good), or `now - created_at` for a
//! feed never synced yet; an accommodation's age is its stalest active feed's.

use std::fmt::Write as _;

use sqlx::PgPool;
use store::ical::health::{failing_feeds, open_conflicts, sync_ages};

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

//! Imported calendar feeds: which exist, how their last sync went, and the events they
//! showed (read back to retry events still waiting for their nights).

use calendar::parse::{Block, BlockStatus};
use sqlx::{PgConnection, PgExecutor};

use crate::StoreError;

/// The feed being synced, read (and locked) in the sync's transaction.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Feed {
    pub id: i64,
    pub accommodation_id: i64,
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_sha256: Option<String>,
    pub time_zone: String,
    pub active: bool,
}

impl Feed {
    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone
            .parse()
            .unwrap_or(chrono_tz::America::Argentina::Buenos_Aires)
    }
}

const FEED_SQL: &str = "SELECT f.id, f.accommodation_id, f.url, f.etag, f.last_modified, f.content_sha256, p.time_zone, f.active
     FROM ical_feeds f JOIN accommodations a ON a.id = f.accommodation_id JOIN properties p ON p.id = a.property_id
     WHERE f.id = $1";

pub async fn load_feed(db: impl PgExecutor<'_>, id: i64) -> Result<Option<Feed>, StoreError> {
    sqlx::query_as(FEED_SQL)
        .bind(id)
        .fetch_optional(db)
        .await
        .map_err(StoreError::from)
}

/// Locks the feed row: two syncs of one feed (a tick and a staff `ical sync`) take turns.
pub async fn lock_feed(conn: &mut PgConnection, id: i64) -> Result<Option<Feed>, StoreError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{FEED_SQL} FOR UPDATE OF f")))
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(StoreError::from)
}

/// Active feeds, for a tick's fan-out.
pub async fn active_ids(db: impl PgExecutor<'_>) -> Result<Vec<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM ical_feeds WHERE active ORDER BY id")
            .fetch_all(db)
            .await?,
    )
}

/// A failed fetch or parse, recorded on the feed (its blocks stay as they were).
pub async fn record_failure(
    db: impl PgExecutor<'_>,
    feed_id: i64,
    kind: &str,
    message: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE ical_feeds SET last_error = $2, last_error_kind = $3, last_error_at = now() WHERE id = $1",
    )
    .bind(feed_id)
    .bind(message)
    .bind(kind)
    .execute(db)
    .await?;
    Ok(())
}

/// An empty body held back: the feed's blocks stay (see [`hold_empty`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmptyHeld {
    /// When the feed first answered empty in this run of empty answers.
    pub since: chrono::DateTime<chrono::Utc>,
}

/// `fleet_ical_sync_errors_total`'s and `last_error_kind`'s label of a held empty feed.
pub const EMPTY_FEED_HELD: &str = "empty_feed_held";

/// A feed answered a calendar with no events. When it had events (some are stored) and has been
/// empty for less than `grace`, the empty answer is held back: `empty_since` is set (once), the
/// feed shows the [`EMPTY_FEED_HELD`] error, and `Some` is returned. Otherwise `None`: apply it
/// (a feed with nothing stored, or empty for `grace` already: the channel really is empty).
pub async fn hold_empty(
    db: impl PgExecutor<'_>,
    feed_id: i64,
    grace: std::time::Duration,
) -> Result<Option<EmptyHeld>, StoreError> {
    let since: Option<chrono::DateTime<chrono::Utc>> = sqlx::query_scalar(
        "UPDATE ical_feeds SET empty_since = COALESCE(empty_since, now()),
             last_error = 'the feed came back with no events; its blocks are kept until it has been empty for '
                 || $2::float8 || ' s (since ' || COALESCE(empty_since, now())::text || ')',
             last_error_kind = $3, last_error_at = now()
         WHERE id = $1
           AND EXISTS (SELECT 1 FROM ical_events WHERE ical_feed_id = $1)
           AND COALESCE(empty_since, now()) > now() - make_interval(secs => $2::float8)
         RETURNING empty_since",
    )
    .bind(feed_id)
    .bind(grace.as_secs_f64())
    .bind(EMPTY_FEED_HELD)
    .fetch_optional(db)
    .await?;
    Ok(since.map(|since| EmptyHeld { since }))
}

/// Whether some of the feed's events still wait for their nights (conflict or covered).
pub async fn has_waiting_events(db: impl PgExecutor<'_>, feed_id: i64) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM ical_events WHERE ical_feed_id = $1 AND placement <> 'blocked')",
    )
    .bind(feed_id)
    .fetch_one(db)
    .await?)
}

/// The feed as we stored it: used to retry unplaced events when the feed did not change.
pub async fn stored_blocks(
    db: impl PgExecutor<'_>,
    feed_id: i64,
) -> Result<Vec<Block>, StoreError> {
    let rows: Vec<(String, chrono::NaiveDate, chrono::NaiveDate, String)> = sqlx::query_as(
        "SELECT uid, check_in, check_out, summary FROM ical_events WHERE ical_feed_id = $1",
    )
    .bind(feed_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(uid, start, end, summary)| Block {
            uid,
            start,
            end,
            status: BlockStatus::Confirmed,
            summary,
            own_code: None,
        })
        .collect())
}

/// Validators and hash of a body, stored once it is applied.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub sha256: Option<String>,
}

/// A good sync: the age restarts, the error (and a run of empty answers) clears. A body brings its validators and hash
/// (replacing the old ones, even with none); a 304 (`seen` = `None`) keeps them.
pub async fn mark_synced(
    conn: &mut PgConnection,
    feed_id: i64,
    seen: Option<&Seen>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE ical_feeds SET last_synced_at = now(), last_error = NULL, last_error_kind = NULL, empty_since = NULL,
             etag = CASE WHEN $5 THEN $2 ELSE etag END,
             last_modified = CASE WHEN $5 THEN $3 ELSE last_modified END,
             content_sha256 = CASE WHEN $5 THEN $4 ELSE content_sha256 END
         WHERE id = $1",
    )
    .bind(feed_id)
    .bind(seen.and_then(|s| s.etag.as_deref()))
    .bind(seen.and_then(|s| s.last_modified.as_deref()))
    .bind(seen.and_then(|s| s.sha256.as_deref()))
    .bind(seen.is_some())
    .execute(conn)
    .await?;
    Ok(())
}

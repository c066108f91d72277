//! One feed's sync, end to end: fetch, recognise "nothing changed" cheaply, parse, apply in
//! the job's transaction, record the outcome on the feed.
//!
//! "Nothing changed" has two cheap forms: a 304 to our conditional request, or a body whose
//! SHA-256 equals the last good one (channels that send no validators). Either way no row but
//! the feed's sync time is written — unless some of the feed's events are still waiting for
//! their nights (conflict/covered), which are then tried again from what we stored.
//!
//! A failure (fetch or parse) is recorded on the feed (`last_error`, `last_error_kind`),
//! counted in `fleet_ical_sync_errors_total{kind}`, and ends the job successfully: the next
//! tick is the retry, its sync age shows the staleness, and nothing is dead-lettered every five
//! minutes for a channel that is down for the afternoon.

use jobs::{JobError, JobMeta};
use sha2::{Digest, Sha256};
use sqlx::PgPool;

use super::{
    fetch::{Fetched, Fetcher},
    import::{self, Applied, Feed},
    parse::{self, Block, BlockStatus},
};
use crate::{idempotency, idempotency::db_error};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncOutcome {
    /// Unknown or deactivated feed.
    Skipped,
    /// An earlier run of this job committed its effects.
    AlreadyDone,
    /// 304, or the same bytes as last time: only the sync time moved.
    NotModified,
    Applied(Applied),
    /// Fetch or parse failed: recorded on the feed, blocks untouched.
    Failed {
        kind: &'static str,
    },
}

/// Validators and hash of a body that will be stored once it is applied.
struct Seen {
    etag: Option<String>,
    last_modified: Option<String>,
    sha256: Option<String>,
}

pub async fn sync_feed(
    db: &PgPool,
    fetcher: &Fetcher,
    meta: &JobMeta,
    feed_id: i64,
) -> Result<SyncOutcome, JobError> {
    if idempotency::outcome(db, meta).await?.is_some() {
        return Ok(SyncOutcome::AlreadyDone);
    }
    let mut conn = db.acquire().await.map_err(db_error)?;
    let feed = import::load_feed(&mut conn, feed_id).await?;
    drop(conn);
    let Some(feed) = feed.filter(|f| f.active) else {
        return Ok(SyncOutcome::Skipped);
    };
    let fetched = fetcher
        .fetch(
            &feed.url,
            feed.etag.as_deref(),
            feed.last_modified.as_deref(),
        )
        .await;
    let (bytes, seen) = match fetched {
        Err(e) => return failed(db, &feed, e.kind(), &e.to_string()).await,
        Ok(Fetched::NotModified) => return not_modified(db, meta, &feed, None).await,
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
        }) => {
            let sha256 = hex::encode(Sha256::digest(&bytes));
            let seen = Seen {
                etag,
                last_modified,
                sha256: Some(sha256),
            };
            if seen.sha256 == feed.content_sha256 {
                return not_modified(db, meta, &feed, Some(seen)).await;
            }
            (bytes, seen)
        }
    };
    match parse::parse(&bytes, feed.tz()) {
        Ok(parsed) => apply(db, meta, &feed, &parsed.blocks, Some(seen)).await,
        Err(e) => failed(db, &feed, e.kind(), &e.to_string()).await,
    }
}

async fn failed(
    db: &PgPool,
    feed: &Feed,
    kind: &'static str,
    message: &str,
) -> Result<SyncOutcome, JobError> {
    metrics::counter!("fleet_ical_sync_errors_total", "kind" => kind).increment(1);
    tracing::warn!(feed_id = feed.id, accommodation_id = feed.accommodation_id, kind, error = %message, "iCal sync failed; the feed's blocks are left as they were");
    sqlx::query(
        "UPDATE ical_feeds SET last_error = $2, last_error_kind = $3, last_error_at = now() WHERE id = $1",
    )
    .bind(feed.id)
    .bind(message)
    .bind(kind)
    .execute(db)
    .await
    .map_err(db_error)?;
    Ok(SyncOutcome::Failed { kind })
}

async fn not_modified(
    db: &PgPool,
    meta: &JobMeta,
    feed: &Feed,
    seen: Option<Seen>,
) -> Result<SyncOutcome, JobError> {
    let waiting: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM ical_events WHERE ical_feed_id = $1 AND placement <> 'blocked')",
    )
    .bind(feed.id)
    .fetch_one(db)
    .await
    .map_err(db_error)?;
    if waiting {
        let stored = stored_blocks(db, feed.id).await?;
        return apply(db, meta, feed, &stored, seen).await;
    }
    mark_synced(
        &mut *db.acquire().await.map_err(db_error)?,
        feed.id,
        seen.as_ref(),
    )
    .await?;
    Ok(SyncOutcome::NotModified)
}

/// The feed as we stored it: used to retry unplaced events when the feed did not change.
async fn stored_blocks(db: &PgPool, feed_id: i64) -> Result<Vec<Block>, JobError> {
    let rows: Vec<(String, chrono::NaiveDate, chrono::NaiveDate, String)> = sqlx::query_as(
        "SELECT uid, check_in, check_out, summary FROM ical_events WHERE ical_feed_id = $1",
    )
    .bind(feed_id)
    .fetch_all(db)
    .await
    .map_err(db_error)?;
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

async fn apply(
    db: &PgPool,
    meta: &JobMeta,
    feed: &Feed,
    blocks: &[Block],
    seen: Option<Seen>,
) -> Result<SyncOutcome, JobError> {
    let Some(mut tx) = idempotency::begin(db, meta).await? else {
        return Ok(SyncOutcome::AlreadyDone);
    };
    // Re-read under lock: another sync of this feed may have committed meanwhile.
    let Some(feed) = import::lock_feed(&mut tx, feed.id).await? else {
        return Ok(SyncOutcome::Skipped);
    };
    let applied = import::apply(&mut tx, &feed, blocks).await?;
    mark_synced(&mut tx, feed.id, seen.as_ref()).await?;
    let outcome = serde_json::to_value(&applied).unwrap_or_default();
    idempotency::set_outcome(&mut tx, meta, &outcome).await?;
    idempotency::commit(tx).await?;
    if applied.changed() {
        tracing::info!(
            feed_id = feed.id,
            accommodation_id = feed.accommodation_id,
            ?applied,
            "iCal feed imported"
        );
    }
    for (change, n) in [
        ("inserted", applied.inserted),
        ("moved", applied.moved),
        ("cancelled", applied.cancelled),
    ] {
        metrics::counter!("fleet_ical_blocks_changed_total", "change" => change)
            .increment(n as u64);
    }
    Ok(SyncOutcome::Applied(applied))
}

/// A good sync: the age restarts, the error clears. A body brings its validators and hash
/// (replacing the old ones, even with none); a 304 (`seen` = `None`) keeps them.
async fn mark_synced(
    conn: &mut sqlx::PgConnection,
    feed_id: i64,
    seen: Option<&Seen>,
) -> Result<(), JobError> {
    sqlx::query(
        "UPDATE ical_feeds SET last_synced_at = now(), last_error = NULL, last_error_kind = NULL,
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
    .await
    .map_err(db_error)?;
    Ok(())
}

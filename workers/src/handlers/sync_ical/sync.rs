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

use calendar::parse::{self, Block};
use channels::ical::Fetched;
use conversation::texts;
use jobs::JobError;
use sha2::{Digest, Sha256};
use store::{
    ical::{
        feeds::{self, Feed, Seen},
        import::{self, Applied},
    },
    reservations,
};

use channels::ical::Fetcher;
use sqlx::PgPool;

use crate::{
    effects,
    notices::{self, About, Notice, NoticeConfig},
    run::Run,
};

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

/// Syncs one feed: what the `SyncIcal` handler runs for a feed, with what it needs.
pub async fn sync_feed(
    db: &PgPool,
    fetcher: &Fetcher,
    notices_config: &NoticeConfig,
    run: &Run,
    feed_id: i64,
) -> Result<SyncOutcome, JobError> {
    if store::idempotency::is_done(db, run.key()).await? {
        return Ok(SyncOutcome::AlreadyDone);
    }
    let feed = feeds::load_feed(db, feed_id).await?;
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
        Ok(Fetched::NotModified) => {
            return not_modified(db, notices_config, run, &feed, None).await;
        }
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
                return not_modified(db, notices_config, run, &feed, Some(seen)).await;
            }
            (bytes, seen)
        }
    };
    match parse::parse(&bytes, feed.tz()) {
        Ok(parsed) => apply(db, notices_config, run, &feed, &parsed.blocks, Some(seen)).await,
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
    feeds::record_failure(db, feed.id, kind, message).await?;
    Ok(SyncOutcome::Failed { kind })
}

async fn not_modified(
    db: &PgPool,
    notices_config: &NoticeConfig,
    run: &Run,
    feed: &Feed,
    seen: Option<Seen>,
) -> Result<SyncOutcome, JobError> {
    if feeds::has_waiting_events(db, feed.id).await? {
        let stored = feeds::stored_blocks(db, feed.id).await?;
        return apply(db, notices_config, run, feed, &stored, seen).await;
    }
    let mut conn = db.acquire().await.map_err(store::StoreError::from)?;
    feeds::mark_synced(&mut conn, feed.id, seen.as_ref()).await?;
    Ok(SyncOutcome::NotModified)
}

/// The feed's host ("www.airbnb.com"), never its whole URL: channels put a secret in it.
fn feed_host(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "iCal".to_owned())
}

async fn apply(
    db: &PgPool,
    notices_config: &NoticeConfig,
    run: &Run,
    feed: &Feed,
    blocks: &[Block],
    seen: Option<Seen>,
) -> Result<SyncOutcome, JobError> {
    let Some(mut tx) = run.begin(db).await? else {
        return Ok(SyncOutcome::AlreadyDone);
    };
    // Re-read under lock: another sync of this feed may have committed meanwhile.
    let Some(feed) = feeds::lock_feed(&mut tx, feed.id).await? else {
        return Ok(SyncOutcome::Skipped);
    };
    let applied = import::apply(&mut tx, &feed, blocks).await?;
    feeds::mark_synced(&mut tx, feed.id, seen.as_ref()).await?;
    let mut effects = Vec::with_capacity(applied.released_holds.len());
    for hold in &applied.released_holds {
        if let Some(channel) = reservations::guest_channel(&mut *tx, hold.reservation_id).await? {
            let language =
                store::conversations::language_of_reservation(&mut tx, hold.reservation_id).await?;
            effects.push(effects::text(
                format!("ical:hold:{}:cancelled", hold.code),
                &channel,
                texts::hold_released_dates_taken_in(language, &hold.code),
            ));
        }
    }
    let source = feed_host(&feed.url);
    for conflict in &applied.opened_conflicts {
        let notice = Notice::Conflict {
            code: &conflict.code,
            feed: &source,
        };
        effects.extend(
            notices::to_owners(
                &mut tx,
                notices_config,
                About::Reservation(conflict.reservation_id),
                &format!("ical:conflict:{}:{}", feed.id, conflict.code),
                &notice,
            )
            .await?,
        );
    }
    run.commit(tx, &effects).await?;
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

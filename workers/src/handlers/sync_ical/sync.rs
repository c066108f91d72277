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
//!
//! Recurring events are expanded from today in the property's zone ([`SyncSettings::now`]:
//! the handler passes the clock, tests a fixed instant) over the parser's window. Events the
//! parser skipped or read only in part are logged and counted
//! (`fleet_ical_events_skipped_total{reason}`, `fleet_ical_event_warnings_total{kind}`):
//! never dropped silently.
//!
//! An empty feed (a calendar with no events at all) from a feed that had events is held back
//! for [`SyncSettings::empty_feed_grace`] (`ICAL_EMPTY_FEED_GRACE_SECS`): channels have
//! briefly served empty calendars, and applying one frees every night. While held, the blocks
//! stay, the feed shows the `empty_feed_held` error (in `fleetctl`, `/health/ready` and
//! `fleet_ical_sync_errors_total`), its sync age grows, and a warning is logged. Empty for
//! longer than the grace, it is applied like any feed.

use std::time::Duration;

use calendar::parse::{self, Block, Parsed};
use channels::ical::Fetched;
use chrono::{DateTime, Utc};
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
    /// The feed had events and came back empty, within the grace: recorded, blocks kept.
    EmptyHeld {
        since: DateTime<Utc>,
    },
}

/// What a sync needs besides the feed: the owners' notices, the empty-feed guard and now.
#[derive(Debug, Clone)]
pub struct SyncSettings<'a> {
    pub notices: &'a NoticeConfig,
    /// How long a feed that had events may answer empty before the empty answer is applied.
    pub empty_feed_grace: Duration,
    /// The instant "today" is taken from (in the property's zone) for recurring events.
    pub now: DateTime<Utc>,
}

/// Syncs one feed: what the `SyncIcal` handler runs for a feed, with what it needs.
pub async fn sync_feed(
    db: &PgPool,
    fetcher: &Fetcher,
    settings: &SyncSettings<'_>,
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
    let notices_config = settings.notices;
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
    let today = settings.now.with_timezone(&feed.tz()).date_naive();
    let parsed = match parse::parse(&bytes, feed.tz(), today) {
        Ok(parsed) => parsed,
        Err(e) => return failed(db, &feed, e.kind(), &e.to_string()).await,
    };
    report_partly_read(&feed, &parsed);
    let no_events = parsed.blocks.is_empty() && parsed.skipped.is_empty();
    if no_events
        && let Some(held) = feeds::hold_empty(db, feed.id, settings.empty_feed_grace).await?
    {
        metrics::counter!("fleet_ical_sync_errors_total", "kind" => feeds::EMPTY_FEED_HELD)
            .increment(1);
        metrics::counter!("fleet_ical_empty_feeds_held_total").increment(1);
        tracing::warn!(
            feed_id = feed.id,
            accommodation_id = feed.accommodation_id,
            empty_since = %held.since,
            grace_secs = settings.empty_feed_grace.as_secs(),
            "iCal feed came back with no events; its blocks are kept until it has been empty for the grace"
        );
        return Ok(SyncOutcome::EmptyHeld { since: held.since });
    }
    apply(db, notices_config, run, &feed, &parsed.blocks, Some(seen)).await
}

/// Events skipped or read in part are logged and counted, never dropped silently.
fn report_partly_read(feed: &Feed, parsed: &Parsed) {
    let skipped = parsed.skipped.iter().map(|s| {
        let uid = s.uid.as_deref().unwrap_or("");
        let counter = (
            "fleet_ical_events_skipped_total",
            "reason",
            s.reason.label(),
        );
        (
            counter,
            uid,
            format!("skipped, it blocks no night: {}", s.reason.describe()),
        )
    });
    let warned = parsed.warnings.iter().map(|w| {
        let counter = ("fleet_ical_event_warnings_total", "kind", w.kind.label());
        (counter, w.uid.as_str(), w.kind.describe())
    });
    for ((metric, label, value), uid, why) in skipped.chain(warned) {
        metrics::counter!(metric, label => value).increment(1);
        tracing::warn!(
            feed_id = feed.id,
            accommodation_id = feed.accommodation_id,
            uid,
            why = %why,
            "iCal event not read as written"
        );
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

//! `fleetctl ical …`: configure feeds, sync one now, read a feed as the importer would, print
//! export URLs, and see (and resolve) overbooking conflicts.
//!
//! `fleetctl ical parse FILE` writes one JSON object per line — `uid`, `start`, `end` (ISO
//! dates, `end` = check-out, exclusive), `status` (`confirmed`/`cancelled`), `summary` — and is
//! run on real exports by people and scripts: keep the format stable. Skipped events go to
//! stderr, never stdout.

use std::{fmt::Write as _, io::Write};

use anyhow::Context as _;
use chrono::Utc;
use jobs::{EnqueueOptions, RedisQueue, domain::IdempotencyKey, payloads::SyncIcal};
use sqlx::PgPool;

use calendar::parse;
use store::ical::staff;

/// Prints the blocks of a calendar file; returns how many.
pub fn parse_file(
    bytes: &[u8],
    tz: chrono_tz::Tz,
    today: chrono::NaiveDate,
    mut out: impl Write,
    mut err: impl Write,
) -> anyhow::Result<usize> {
    let parsed =
        parse::parse(bytes, tz, today).context("not a calendar the importer would accept")?;
    for block in &parsed.blocks {
        writeln!(out, "{}", serde_json::to_string(block)?)?;
    }
    out.flush()?;
    for s in &parsed.skipped {
        writeln!(
            err,
            "skipped {}: {}",
            s.uid.as_deref().unwrap_or("(no UID)"),
            s.reason.describe()
        )?;
    }
    for w in &parsed.warnings {
        writeln!(err, "warning {}: {}", w.uid, w.kind.describe())?;
    }
    let own = parsed
        .blocks
        .iter()
        .filter(|b| b.own_code.is_some())
        .count();
    if own > 0 {
        writeln!(
            err,
            "{own} event(s) come from our own export: skipped when imported into their own accommodation"
        )?;
    }
    Ok(parsed.blocks.len())
}

/// Enqueues one `SyncIcal` for the feed now (its own idempotency key: never merged with a tick).
pub async fn sync(db: &PgPool, queue: &RedisQueue, feed_id: i64) -> anyhow::Result<String> {
    let exists = staff::feed_active(db, feed_id).await?;
    match exists {
        None => anyhow::bail!("no feed {feed_id} (see `fleetctl ical feeds`)"),
        Some(false) => anyhow::bail!("feed {feed_id} is inactive"),
        Some(true) => {}
    }
    let now = Utc::now().timestamp_millis();
    let key = IdempotencyKey::namespaced("staff", &format!("ical:{feed_id}:{now}"))?;
    let enqueued = queue
        .enqueue(
            &SyncIcal {
                feed_id: Some(feed_id),
                tick_ms: now,
            },
            EnqueueOptions::keyed(key),
        )
        .await?;
    Ok(format!(
        "sync of feed {feed_id} enqueued (job {})",
        enqueued.id
    ))
}

pub fn url(accommodation_id: i64) -> anyhow::Result<String> {
    let secret = crate::config::var("ICAL_EXPORT_SECRET")
        .context("ICAL_EXPORT_SECRET must be set (the same as the ingress's)")?;
    let base =
        crate::config::var("PUBLIC_BASE_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into());
    Ok(calendar::token::url(
        &base,
        secret.as_bytes(),
        accommodation_id,
    ))
}

/// Adds a feed (or re-activates it); prints its id.
pub async fn add_feed(
    db: &PgPool,
    accommodation_id: i64,
    url: &str,
    channel: &str,
) -> anyhow::Result<String> {
    let url = calendar::feed::checked_url(url)?;
    let id = staff::add_feed(db, accommodation_id, &url, channel)
        .await
        .context("adding the feed (does the accommodation exist?)")?;
    Ok(format!(
        "feed {id} ({channel}) for accommodation {accommodation_id}; synced every schedule tick, now with `fleetctl ical sync {id}`"
    ))
}

/// Feeds with their health; URLs shown by host only (they carry the channel's secret).
pub async fn feeds(db: &PgPool) -> anyhow::Result<String> {
    let rows = staff::feeds(db).await?;
    let mut out = format!(
        "{:>5} {:>6} {:<8} {:<28} {:>7} {:>10} {}\n",
        "FEED", "ACCOM", "CHANNEL", "HOST", "EVENTS", "SYNCED", "ERROR"
    );
    for r in rows {
        let host = reqwest::Url::parse(&r.url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| "?".into());
        let synced = r.age.map_or("never".into(), |a| format!("{:.0}s ago", a));
        let _ = writeln!(
            out,
            "{:>5} {:>6} {:<8} {:<28} {:>7} {:>10} {}{}",
            r.id,
            r.accommodation_id,
            r.channel,
            host,
            r.events,
            synced,
            r.last_error_kind.unwrap_or_default(),
            if r.active { "" } else { " (inactive)" }
        );
    }
    Ok(out)
}

/// Overbooking conflicts, open ones (or all with `all`), newest first.
pub async fn conflicts(db: &PgPool, all: bool, json: bool) -> anyhow::Result<String> {
    let rows = staff::conflicts(db, all).await?;
    if json {
        let mut out = String::new();
        for r in &rows {
            out.push_str(&serde_json::to_string(r)?);
            out.push('\n');
        }
        return Ok(out.trim_end().to_owned());
    }
    if rows.is_empty() {
        return Ok("no open overbooking conflicts".into());
    }
    let mut out = format!(
        "{:>5} {:>6} {:<16} {:<8} {:<23} {:<20} {}\n",
        "ID", "ACCOM", "OUR STAY", "CHANNEL", "THEIR NIGHTS", "DETECTED", "THEIR UID"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:>5} {:>6} {:<16} {:<8} {:<23} {:<20} {}{}",
            r.id,
            r.accommodation_id,
            r.reservation_code.unwrap_or_default(),
            r.channel.unwrap_or_default(),
            format!("{} → {}", r.check_in, r.check_out),
            r.detected_at.format("%Y-%m-%d %H:%M UTC"),
            r.external_uid.unwrap_or_default(),
            if r.resolved_at.is_some() {
                " (resolved)"
            } else {
                ""
            }
        );
    }
    Ok(out.trim_end().to_owned())
}

/// Staff settled a conflict by hand (moved a guest, cancelled on the channel).
pub async fn resolve(db: &PgPool, id: i64) -> anyhow::Result<String> {
    let done = staff::resolve_conflict(db, id).await?;
    anyhow::ensure!(done, "no open conflict {id}");
    Ok(format!("conflict {id} resolved"))
}

//! Applies a feed's blocks in the sync job's transaction.
//!
//! The rules, in the order they run:
//! 1. Our own exported events are skipped when they belong to this accommodation (their code
//!    is one of its reservations): no loop. Imported into another accommodation they are
//!    ordinary blocks, which is what the round trip needs.
//! 2. Events gone from the feed, or `STATUS:CANCELLED`, release their nights: the block
//!    becomes `cancelled`, an open conflict is resolved, the mirror row goes.
//! 3. New and moved events are placed. Whatever live reservation overlaps the nights decides:
//!    - our `pre_reserved` hold: the channel's booking wins; the hold is cancelled and the
//!      guest is told kindly (the handler writes the reply from [`Applied::released_holds`]);
//!    - our `confirmed` stay: both facts are kept — the event stays in `ical_events` as
//!      `conflict`, an `overbooking_conflicts` row is opened for staff
//!      (`fleetctl ical conflicts`) and `fleet_ical_overbooking_conflicts_total` counts it. The
//!      exclusion constraint stays the guarantee: the block is not a live stay;
//!    - another event's block (another feed's: channels re-export each other's dates; or the
//!      same feed's, in merged feeds): `covered` — no alarm, and the nights the other block
//!      does not hold are held by fragments of this event (`<uid>#<first night>`), so no night
//!      any feed shows is ever left open.
//!
//!    Otherwise the block is inserted (or moved) as one `confirmed` reservation with
//!    `channel_source='ical_import'`, the event's UID and the feed, code `ICS<id>`.
//!    Covered and conflicting events are tried again at every sync (writing nothing while
//!    nothing changed), so they take their nights as soon as those are free.
//!
//! A concurrent hold that slips in between the overlap check and the insert meets the
//! exclusion constraint: the transaction fails as a whole and the job is retried.

use std::collections::HashSet;

use calendar::{
    diff::{self, Known, Placement},
    parse::Block,
};
use chrono::NaiveDate;
use sqlx::PgConnection;

use super::feeds::Feed;
use crate::StoreError;

/// What one sync changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Applied {
    pub inserted: usize,
    pub moved: usize,
    pub cancelled: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    pub covered: usize,
    pub holds_cancelled: usize,
    pub own_skipped: usize,
    /// Our unpaid holds a channel's booking won over: their guests are to be told.
    #[serde(skip)]
    pub released_holds: Vec<ReleasedHold>,
    /// Our confirmed stays a channel's booking newly conflicts with: their owners are to be told.
    #[serde(skip)]
    pub opened_conflicts: Vec<OpenedConflict>,
}

/// A confirmed stay of ours a channel booked nights of (a new overbooking conflict).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedConflict {
    pub reservation_id: i64,
    pub code: String,
}

/// An unpaid hold cancelled because a channel booked its nights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleasedHold {
    pub reservation_id: i64,
    pub code: String,
}

impl Applied {
    pub fn changed(&self) -> bool {
        self.inserted + self.moved + self.cancelled + self.holds_cancelled + self.conflicts > 0
    }
}

/// Applies `blocks` (a whole parsed feed) to the feed's reservations.
pub async fn apply(
    conn: &mut PgConnection,
    feed: &Feed,
    blocks: &[Block],
) -> Result<Applied, StoreError> {
    let own = own_codes_here(conn, feed, blocks).await?;
    let theirs: Vec<Block> = blocks
        .iter()
        .filter(|b| b.own_code.as_ref().is_none_or(|c| !own.contains(c)))
        .cloned()
        .collect();
    let mut applied = Applied {
        own_skipped: blocks.len() - theirs.len(),
        ..Applied::default()
    };
    let plan = diff::plan(known(conn, feed.id).await?, &theirs);
    applied.unchanged = plan.unchanged;
    for gone in &plan.remove {
        applied.cancelled += release(conn, feed, gone).await?;
    }
    for (block, previous) in &plan.place {
        place(conn, feed, block, previous.as_ref(), &mut applied).await?;
    }
    Ok(applied)
}

/// The codes among the feed's own-export events that are reservations of this accommodation.
async fn own_codes_here(
    conn: &mut PgConnection,
    feed: &Feed,
    blocks: &[Block],
) -> Result<HashSet<String>, StoreError> {
    let codes: Vec<String> = blocks.iter().filter_map(|b| b.own_code.clone()).collect();
    if codes.is_empty() {
        return Ok(HashSet::new());
    }
    let here: Vec<String> = sqlx::query_scalar(
        "SELECT code FROM reservations WHERE accommodation_id = $1 AND code = ANY($2)",
    )
    .bind(feed.accommodation_id)
    .bind(&codes)
    .fetch_all(conn)
    .await?;
    Ok(here.into_iter().collect())
}

async fn known(conn: &mut PgConnection, feed_id: i64) -> Result<Vec<Known>, StoreError> {
    let rows: Vec<(String, NaiveDate, NaiveDate, String, Vec<i64>)> = sqlx::query_as(
        "SELECT uid, check_in, check_out, placement, reservation_ids FROM ical_events WHERE ical_feed_id = $1",
    )
    .bind(feed_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(uid, start, end, placement, reservation_ids)| Known {
            uid,
            start,
            end,
            placement: Placement::parse(&placement),
            reservation_ids,
        })
        .collect())
}

async fn release(conn: &mut PgConnection, feed: &Feed, gone: &Known) -> Result<usize, StoreError> {
    let mut cancelled = 0;
    for id in &gone.reservation_ids {
        cancelled += cancel_block(conn, *id).await?;
    }
    resolve_conflicts(conn, feed.id, &gone.uid, None).await?;
    sqlx::query("DELETE FROM ical_events WHERE ical_feed_id = $1 AND uid = $2")
        .bind(feed.id)
        .bind(&gone.uid)
        .execute(conn)
        .await?;
    Ok(cancelled)
}

/// Returns 1 when a live block was cancelled.
async fn cancel_block(conn: &mut PgConnection, reservation_id: i64) -> Result<usize, StoreError> {
    let done = sqlx::query(
        "UPDATE reservations SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'confirmed'",
    )
    .bind(reservation_id)
    .execute(conn)
    .await?
    .rows_affected() as usize;
    if done > 0 {
        metrics::counter!("reservations_total", "channel_source" => "ical_import", "status" => "cancelled").increment(1);
    }
    Ok(done)
}

/// Resolves the event's open conflicts, all of them or those for other dates than `keep`.
async fn resolve_conflicts(
    conn: &mut PgConnection,
    feed_id: i64,
    uid: &str,
    keep: Option<(NaiveDate, NaiveDate)>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE overbooking_conflicts SET resolved_at = now()
         WHERE ical_feed_id = $1 AND external_uid = $2 AND resolved_at IS NULL
           AND ($3::date IS NULL OR (check_in, check_out) <> ($3::date, $4::date))",
    )
    .bind(feed_id)
    .bind(uid)
    .bind(keep.map(|k| k.0))
    .bind(keep.map(|k| k.1))
    .execute(conn)
    .await?;
    Ok(())
}

/// A live reservation that overlaps the nights of a block being placed.
#[derive(Debug, sqlx::FromRow)]
struct Overlap {
    id: i64,
    code: String,
    status: String,
    channel_source: String,
    check_in: NaiveDate,
    check_out: NaiveDate,
}

async fn overlaps(
    conn: &mut PgConnection,
    feed: &Feed,
    block: &Block,
    except: &[i64],
) -> Result<Vec<Overlap>, StoreError> {
    sqlx::query_as(
        "SELECT id, code, status::text AS status, channel_source, check_in, check_out FROM reservations
         WHERE accommodation_id = $1 AND status IN ('pre_reserved', 'confirmed')
           AND period && daterange($2, $3, '[)') AND id <> ALL($4)
         ORDER BY id FOR UPDATE",
    )
    .bind(feed.accommodation_id)
    .bind(block.start)
    .bind(block.end)
    .bind(except)
    .fetch_all(conn)
    .await
    .map_err(StoreError::from)
}

async fn place(
    conn: &mut PgConnection,
    feed: &Feed,
    block: &Block,
    previous: Option<&Known>,
    applied: &mut Applied,
) -> Result<(), StoreError> {
    let own: Vec<i64> = previous
        .map(|k| k.reservation_ids.clone())
        .unwrap_or_default();
    let mut ours = Vec::new();
    let mut taken = Vec::new();
    for overlap in overlaps(conn, feed, block, &own).await? {
        match (overlap.status.as_str(), overlap.channel_source.as_str()) {
            ("pre_reserved", _) => {
                cancel_hold(conn, &overlap).await?;
                applied.holds_cancelled += 1;
                applied.released_holds.push(ReleasedHold {
                    reservation_id: overlap.id,
                    code: overlap.code.clone(),
                });
            }
            (_, "ical_import") => taken.push((overlap.check_in, overlap.check_out)),
            _ => ours.push(overlap),
        }
    }
    if !ours.is_empty() {
        // Our guest's stay is kept; the channel's booking is kept as a fact, not as nights. Its
        // old block (if it moved) no longer tells the feed's truth either.
        for id in &own {
            applied.cancelled += cancel_block(conn, *id).await?;
        }
        resolve_conflicts(conn, feed.id, &block.uid, Some((block.start, block.end))).await?;
        for stay in &ours {
            let opened = open_conflict(conn, feed, block, stay).await?;
            if opened > 0 {
                applied.opened_conflicts.push(OpenedConflict {
                    reservation_id: stay.id,
                    code: stay.code.clone(),
                });
            }
            applied.conflicts += opened;
        }
        return remember(conn, feed, block, previous, Placement::Conflict, &[]).await;
    }
    if previous.is_some_and(|k| k.placement == Placement::Conflict) {
        resolve_conflicts(conn, feed.id, &block.uid, None).await?;
    }
    let placement = if taken.is_empty() {
        Placement::Blocked
    } else {
        applied.covered += 1;
        Placement::Covered
    };
    let pieces = diff::free_ranges(block.start, block.end, &taken);
    let was = previous.map(|k| k.placement);
    let ids = hold(conn, feed, block, (&own, was), &pieces, placement, applied).await?;
    remember(conn, feed, block, previous, placement, &ids).await
}

/// Makes the event's live blocks exactly `pieces` (usually one: the whole event), touching
/// nothing when they already are.
async fn hold(
    conn: &mut PgConnection,
    feed: &Feed,
    block: &Block,
    (own, was): (&[i64], Option<Placement>),
    pieces: &[(NaiveDate, NaiveDate)],
    placement: Placement,
    applied: &mut Applied,
) -> Result<Vec<i64>, StoreError> {
    let current: Vec<(i64, NaiveDate, NaiveDate)> = if own.is_empty() {
        Vec::new() // a new event: nothing to compare with (the common case of a first import)
    } else {
        sqlx::query_as(
            "SELECT id, check_in, check_out FROM reservations WHERE id = ANY($1) AND status = 'confirmed' ORDER BY check_in",
        )
        .bind(own)
        .fetch_all(&mut *conn)
        .await
        ?
    };
    let ranges: Vec<_> = current.iter().map(|(_, s, e)| (*s, *e)).collect();
    if ranges == pieces && was == Some(placement) {
        return Ok(current.into_iter().map(|(id, _, _)| id).collect());
    }
    // A whole event keeps its UID; fragments get `<uid>#<first night>` (one live per UID).
    let uid_of = |piece: &(NaiveDate, NaiveDate)| match placement {
        Placement::Covered => format!("{}#{}", block.uid, piece.0),
        _ => block.uid.clone(),
    };
    if let ([(id, _, _)], [piece]) = (current.as_slice(), pieces) {
        sqlx::query(
            "UPDATE reservations SET check_in = $2, check_out = $3, external_uid = $4, updated_at = now() WHERE id = $1",
        )
        .bind(id)
        .bind(piece.0)
        .bind(piece.1)
        .bind(uid_of(piece))
        .execute(&mut *conn)
        .await
        ?;
        applied.moved += 1;
        return Ok(vec![*id]);
    }
    for (id, _, _) in &current {
        applied.cancelled += cancel_block(conn, *id).await?;
    }
    let mut ids = Vec::with_capacity(pieces.len());
    for piece in pieces {
        ids.push(insert_block(conn, feed, &uid_of(piece), *piece).await?);
        applied.inserted += 1;
    }
    Ok(ids)
}

/// The channel's booking wins over our unpaid hold: cancel it and tell the guest kindly.
async fn cancel_hold(conn: &mut PgConnection, hold: &Overlap) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE reservations SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'pre_reserved'",
    )
    .bind(hold.id)
    .execute(&mut *conn)
    .await?;
    metrics::counter!("fleet_ical_holds_cancelled_total").increment(1);
    metrics::counter!("reservations_total", "channel_source" => "whatsapp", "status" => "cancelled").increment(1);
    tracing::warn!(code = %hold.code, "a channel booked the nights of an unpaid hold; hold cancelled, guest told");
    Ok(())
}

/// Returns 1 when a new conflict was opened (0 when it was already open).
async fn open_conflict(
    conn: &mut PgConnection,
    feed: &Feed,
    block: &Block,
    stay: &Overlap,
) -> Result<usize, StoreError> {
    let opened = sqlx::query(
        "INSERT INTO overbooking_conflicts (accommodation_id, reservation_id, ical_feed_id, external_uid, check_in, check_out)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (ical_feed_id, external_uid, reservation_id) WHERE resolved_at IS NULL DO NOTHING",
    )
    .bind(feed.accommodation_id)
    .bind(stay.id)
    .bind(feed.id)
    .bind(&block.uid)
    .bind(block.start)
    .bind(block.end)
    .execute(conn)
    .await?
    .rows_affected() as usize;
    if opened > 0 {
        metrics::counter!("fleet_ical_overbooking_conflicts_total").increment(1);
        tracing::error!(
            accommodation_id = feed.accommodation_id,
            feed_id = feed.id,
            reservation = %stay.code,
            check_in = %block.start,
            check_out = %block.end,
            "overbooking: a channel booked nights of one of our confirmed stays"
        );
    }
    Ok(opened)
}

async fn insert_block(
    conn: &mut PgConnection,
    feed: &Feed,
    uid: &str,
    (check_in, check_out): (NaiveDate, NaiveDate),
) -> Result<i64, StoreError> {
    // `ICS<id>`: unique like the id, and never taken for a guest's `RES…` code.
    let id = sqlx::query_scalar(
        "WITH n AS (SELECT nextval(pg_get_serial_sequence('reservations', 'id')) AS id)
         INSERT INTO reservations (id, code, accommodation_id, check_in, check_out, status, channel_source, external_uid, ical_feed_id)
         SELECT n.id, 'ICS' || n.id, $1, $2, $3, 'confirmed', 'ical_import', $4, $5 FROM n
         RETURNING id",
    )
    .bind(feed.accommodation_id)
    .bind(check_in)
    .bind(check_out)
    .bind(uid)
    .bind(feed.id)
    .fetch_one(conn)
    .await?;
    metrics::counter!("reservations_total", "channel_source" => "ical_import", "status" => "confirmed").increment(1);
    Ok(id)
}

/// Stores the event as placed (nothing is written when it was stored just so).
async fn remember(
    conn: &mut PgConnection,
    feed: &Feed,
    block: &Block,
    previous: Option<&Known>,
    placement: Placement,
    reservation_ids: &[i64],
) -> Result<(), StoreError> {
    if previous.is_some_and(|k| {
        k.start == block.start
            && k.end == block.end
            && k.placement == placement
            && k.reservation_ids == reservation_ids
    }) {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO ical_events (ical_feed_id, uid, check_in, check_out, summary, placement, reservation_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (ical_feed_id, uid) DO UPDATE SET check_in = EXCLUDED.check_in, check_out = EXCLUDED.check_out,
             summary = EXCLUDED.summary, placement = EXCLUDED.placement, reservation_ids = EXCLUDED.reservation_ids, updated_at = now()",
    )
    .bind(feed.id)
    .bind(&block.uid)
    .bind(block.start)
    .bind(block.end)
    .bind(&block.summary)
    .bind(placement.as_str())
    .bind(reservation_ids)
    .execute(conn)
    .await?;
    Ok(())
}

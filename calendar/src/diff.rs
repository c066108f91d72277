//! What a feed's new blocks change, against what we knew of the feed (its mirror rows).
//!
//! Pure: the importer turns the plan into SQL. The diff is on (UID, start, end) only — never
//! DTSTAMP, which some channels rewrite at every fetch — so an unchanged feed plans nothing.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::parse::{Block, BlockStatus};

/// Where a feed event stands in our calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Its nights are held by a live `ical_import` reservation.
    Blocked,
    /// It overlaps one of our own confirmed stays: an overbooking conflict is open.
    Conflict,
    /// Some of its nights are held by another event's block (channels echo each other; merged
    /// feeds overlap): the rest is held by fragments of its own.
    Covered,
}

impl Placement {
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::Blocked => "blocked",
            Placement::Conflict => "conflict",
            Placement::Covered => "covered",
        }
    }

    pub fn parse(s: &str) -> Placement {
        match s {
            "conflict" => Placement::Conflict,
            "covered" => Placement::Covered,
            _ => Placement::Blocked,
        }
    }
}

/// A feed event as we stored it at the last good sync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub uid: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub placement: Placement,
    /// Its live reservations: one when blocked, fragments when covered, none in conflict.
    pub reservation_ids: Vec<i64>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan<'a> {
    /// Gone from the feed, or cancelled in it: release the nights.
    pub remove: Vec<Known>,
    /// New, moved, or not placed last time (retried: the nights may be free now).
    pub place: Vec<(&'a Block, Option<Known>)>,
    pub unchanged: usize,
}

/// Plans the changes. `blocks` must not hold our own exported events (see `import`).
pub fn plan<'a>(known: Vec<Known>, blocks: &'a [Block]) -> Plan<'a> {
    let mut known: HashMap<String, Known> = known.into_iter().map(|k| (k.uid.clone(), k)).collect();
    let mut plan = Plan::default();
    for block in blocks.iter().filter(|b| b.status == BlockStatus::Confirmed) {
        match known.remove(&block.uid) {
            Some(k)
                if k.start == block.start
                    && k.end == block.end
                    && k.placement == Placement::Blocked =>
            {
                plan.unchanged += 1;
            }
            previous => plan.place.push((block, previous)),
        }
    }
    plan.remove = known.into_values().collect();
    plan.remove.sort_by(|a, b| a.uid.cmp(&b.uid));
    plan
}

/// The nights of `[start, end)` not in any of `taken`, as ranges in order.
pub fn free_ranges(
    start: NaiveDate,
    end: NaiveDate,
    taken: &[(NaiveDate, NaiveDate)],
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut taken: Vec<_> = taken.iter().copied().filter(|(s, e)| s < e).collect();
    taken.sort();
    let mut free = Vec::new();
    let mut cursor = start;
    for (s, e) in taken {
        if e <= cursor {
            continue;
        }
        if s >= end {
            break;
        }
        if s > cursor {
            free.push((cursor, s));
        }
        cursor = cursor.max(e);
    }
    if cursor < end {
        free.push((cursor, end));
    }
    free
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    fn block(uid: &str, start: u32, end: u32, status: BlockStatus) -> Block {
        Block {
            uid: uid.into(),
            start: d(start),
            end: d(end),
            status,
            summary: String::new(),
            own_code: None,
        }
    }

    fn known(uid: &str, start: u32, end: u32, placement: Placement) -> Known {
        Known {
            uid: uid.into(),
            start: d(start),
            end: d(end),
            placement,
            reservation_ids: vec![1],
        }
    }

    #[test]
    fn unchanged_blocks_plan_nothing() {
        let blocks = [block("a", 1, 3, BlockStatus::Confirmed)];
        let plan = plan(vec![known("a", 1, 3, Placement::Blocked)], &blocks);
        assert_eq!(
            (plan.unchanged, plan.place.len(), plan.remove.len()),
            (1, 0, 0)
        );
    }

    #[test]
    fn new_moved_gone_and_cancelled_are_told_apart() {
        let blocks = [
            block("new", 10, 12, BlockStatus::Confirmed),
            block("moved", 1, 6, BlockStatus::Confirmed),
            block("cancelled", 20, 22, BlockStatus::Cancelled),
        ];
        let plan = plan(
            vec![
                known("moved", 1, 4, Placement::Blocked),
                known("gone", 5, 7, Placement::Blocked),
                known("cancelled", 20, 22, Placement::Blocked),
            ],
            &blocks,
        );
        let placed: Vec<_> = plan
            .place
            .iter()
            .map(|(b, k)| (b.uid.as_str(), k.as_ref().map(|k| k.end)))
            .collect();
        assert_eq!(placed, [("new", None), ("moved", Some(d(4)))]);
        let removed: Vec<_> = plan.remove.iter().map(|k| k.uid.as_str()).collect();
        assert_eq!(removed, ["cancelled", "gone"]);
    }

    #[test]
    fn free_ranges_are_what_others_do_not_hold() {
        let r = |a, b| (d(a), d(b));
        assert_eq!(free_ranges(d(1), d(10), &[]), [r(1, 10)]);
        assert_eq!(free_ranges(d(1), d(10), &[r(3, 5)]), [r(1, 3), r(5, 10)]);
        assert_eq!(free_ranges(d(3), d(6), &[r(1, 4), r(5, 9)]), [r(4, 5)]);
        assert_eq!(free_ranges(d(3), d(6), &[r(1, 9)]), []);
        assert_eq!(
            free_ranges(d(3), d(6), &[r(4, 5), r(4, 6), r(1, 2), r(6, 9)]),
            [r(3, 4)]
        );
    }

    #[test]
    fn unplaced_events_are_retried_even_when_their_dates_did_not_change() {
        let blocks = [
            block("a", 1, 3, BlockStatus::Confirmed),
            block("b", 5, 6, BlockStatus::Confirmed),
        ];
        let plan = plan(
            vec![
                known("a", 1, 3, Placement::Conflict),
                known("b", 5, 6, Placement::Covered),
            ],
            &blocks,
        );
        assert_eq!(plan.place.len(), 2);
        assert_eq!(plan.unchanged, 0);
    }
}

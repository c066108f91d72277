//! Recurring events (`RRULE`, `RDATE`, `EXDATE`) → one block per occurrence in a window.
//!
//! Why: an owner's weekly Google or Exchange block is one `VEVENT` with a rule; read as a
//! single event it would block its first occurrence and silently free every later night.
//!
//! The rule itself is expanded by the `rrule` crate (RFC 5545 §3.3.10: `BYDAY`, `INTERVAL`,
//! `COUNT`, `UNTIL`, `BYSETPOS`, `WKST`…), never by hand. This module only feeds it the
//! event's start as a wall clock (so a 10:00 Paris block stays at 10:00 across daylight saving,
//! as the RFC asks), turns `UNTIL` into that same wall clock, removes `EXDATE`s, and maps each
//! occurrence back to nights with the parser's date rule.
//!
//! It must never read the clock (the window's start is the caller's `today`), never panic on
//! a feed (the fuzz target runs it), and never drop an event silently: a rule it cannot expand
//! keeps the event's first occurrence and says so in [`Warning`]s; a rule with no occurrence in
//! the window is reported as skipped.

use std::{collections::HashSet, str::FromStr};

use chrono::{Months, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rrule::{RRule, RRuleSet, Unvalidated};

use crate::parse::{
    Block, Event, Precedence, SkipReason, Skipped, When, block_at, event_uid, first, span,
};

/// How far ahead of today recurring events are expanded: the furthest channels sell.
pub const RECURRENCE_HORIZON_MONTHS: u32 = 18;

/// Occurrences of one event read at most (from its first, past ones included): bounds the work
/// a `FREQ=SECONDLY` rule can cause.
const MAX_OCCURRENCES_READ: usize = 100_000;

/// The nights recurring events are expanded over: `[from, until)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl Window {
    /// `[today, today + RECURRENCE_HORIZON_MONTHS)`.
    pub fn from_today(today: NaiveDate) -> Window {
        Window {
            from: today,
            until: today
                .checked_add_months(Months::new(RECURRENCE_HORIZON_MONTHS))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

/// An event read, but not as fully as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub uid: String,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The `RRULE` could not be read or expanded: only the first occurrence blocks.
    RuleNotUnderstood(String),
    /// Parts of the `RRULE` were junk and were ignored; the rest was expanded.
    RulePartsIgnored(String),
    /// More occurrences than [`MAX_OCCURRENCES_READ`]: the later ones are not blocked.
    TooManyOccurrences,
}

impl WarningKind {
    /// The `kind` label of `fleet_ical_event_warnings_total`.
    pub fn label(&self) -> &'static str {
        match self {
            WarningKind::RuleNotUnderstood(_) => "rule_not_understood",
            WarningKind::RulePartsIgnored(_) => "rule_parts_ignored",
            WarningKind::TooManyOccurrences => "too_many_occurrences",
        }
    }

    pub fn describe(&self) -> String {
        match self {
            WarningKind::RuleNotUnderstood(why) => {
                format!("recurrence rule not understood ({why}): only its first occurrence blocks")
            }
            WarningKind::RulePartsIgnored(parts) => {
                format!("recurrence rule parts ignored as junk: {parts}")
            }
            WarningKind::TooManyOccurrences => {
                format!("more than {MAX_OCCURRENCES_READ} occurrences: the later ones do not block")
            }
        }
    }
}

/// What one recurring event became.
#[derive(Debug, Default)]
pub(crate) struct Expanded {
    pub(crate) blocks: Vec<(Block, Precedence)>,
    pub(crate) warnings: Vec<Warning>,
    pub(crate) skipped: Option<Skipped>,
}

/// A recurring event's master: it has a rule or extra dates, and is not itself an override.
pub(crate) fn is_master(event: &Event) -> bool {
    first(event, "RECURRENCE-ID").is_none()
        && (first(event, "RRULE").is_some() || first(event, "RDATE").is_some())
}

/// The wall clock an event recurs in: a date, a time in a known zone, or a floating time.
#[derive(Debug, Clone, Copy)]
enum Clock {
    Date,
    Zone(Tz),
    Floating,
}

impl Clock {
    /// `when` as a wall-clock time of this clock (`feed_tz` reads zoned values of floating
    /// and date events).
    fn naive(self, when: When, feed_tz: Tz) -> NaiveDateTime {
        match (self, when) {
            (Clock::Zone(zone), When::Zoned(i)) => i.with_timezone(&zone).naive_local(),
            (Clock::Date, When::Zoned(i)) => i
                .with_timezone(&feed_tz)
                .date_naive()
                .and_time(NaiveTime::MIN),
            (_, other) => other.local(feed_tz),
        }
    }

    fn when(self, naive: NaiveDateTime) -> When {
        match self {
            Clock::Date => When::Date(naive.date()),
            Clock::Zone(zone) => When::Zoned(
                zone.from_local_datetime(&naive)
                    .earliest()
                    // A wall clock skipped by daylight saving: the instant an hour on.
                    .unwrap_or_else(|| zone.from_utc_datetime(&naive)),
            ),
            Clock::Floating => When::Floating(naive),
        }
    }
}

/// The rrule crate recurs in a zone; we hand it wall clocks as if they were UTC.
fn as_rrule_time(naive: NaiveDateTime) -> chrono::DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&naive)
}

/// Expands a recurring event (see [`is_master`]) over `window`.
pub(crate) fn expand(event: &Event, feed_tz: Tz, window: Window) -> Expanded {
    let uid = event_uid(event);
    let mut expanded = Expanded::default();
    let (start, end) = match span(event) {
        Ok(span) => span,
        Err(reason) => {
            expanded.skipped = Some(Skipped {
                uid: Some(uid),
                reason,
            });
            return expanded;
        }
    };
    let clock = match start {
        When::Date(_) => Clock::Date,
        When::Zoned(i) => Clock::Zone(i.timezone()),
        When::Floating(_) => Clock::Floating,
    };
    let first_start = clock.naive(start, feed_tz);
    let length = end.map(|e| clock.naive(e, feed_tz) - first_start);
    let sequence = first(event, "SEQUENCE")
        .and_then(|p| p.value.trim().parse().ok())
        .unwrap_or(0);
    let set = match rule_set(event, clock, first_start, feed_tz, &mut |ignored| {
        expanded.warnings.push(Warning {
            uid: uid.clone(),
            kind: WarningKind::RulePartsIgnored(ignored),
        });
    }) {
        Ok(set) => set,
        Err(why) => {
            expanded.warnings.push(Warning {
                uid: uid.clone(),
                kind: WarningKind::RuleNotUnderstood(why),
            });
            // The event as written: its first occurrence, under its own UID.
            match block_at(event, uid.clone(), start, end, feed_tz) {
                Some(block) => expanded.blocks.push((
                    block,
                    Precedence {
                        is_override: false,
                        sequence,
                    },
                )),
                None => {
                    expanded.skipped = Some(Skipped {
                        uid: Some(uid),
                        reason: SkipReason::EndsBeforeStart,
                    });
                }
            }
            return expanded;
        }
    };
    let excluded = Excluded::of(event, clock, feed_tz);
    for (read, occurrence) in set.into_iter().enumerate() {
        if read >= MAX_OCCURRENCES_READ {
            expanded.warnings.push(Warning {
                uid: uid.clone(),
                kind: WarningKind::TooManyOccurrences,
            });
            break;
        }
        let naive = occurrence.naive_utc();
        if naive.date() >= window.until {
            break;
        }
        if excluded.contains(naive) {
            continue;
        }
        let start = clock.when(naive);
        let end = length
            .and_then(|l| naive.checked_add_signed(l))
            .map(|e| clock.when(e));
        let occurrence_uid = format!("{uid}#{}", start.occurrence_key());
        let Some(block) = block_at(event, occurrence_uid, start, end, feed_tz) else {
            continue;
        };
        if block.end > window.from {
            expanded.blocks.push((
                block,
                Precedence {
                    is_override: false,
                    sequence,
                },
            ));
        }
    }
    if expanded.blocks.is_empty() {
        expanded.skipped = Some(Skipped {
            uid: Some(uid),
            reason: SkipReason::NoOccurrenceInWindow,
        });
    }
    expanded
}

/// The event's `RRULE`s and `RDATE`s as an `rrule` set starting at `first_start`.
fn rule_set(
    event: &Event,
    clock: Clock,
    first_start: NaiveDateTime,
    feed_tz: Tz,
    parts_ignored: &mut dyn FnMut(String),
) -> Result<RRuleSet, String> {
    let dt_start = as_rrule_time(first_start);
    let mut rules = Vec::new();
    for prop in event.iter().filter(|p| p.name == "RRULE") {
        let (rule, until) = without_until(&prop.value);
        let mut rule = match read_rule(&rule) {
            Ok(rule) => rule,
            Err(strict) => {
                // Seen in Google exports: `RRULE:RRULE:AnythingRandom;FREQ=WEEKLY;…`. Blocking
                // what the readable parts say beats blocking one night.
                let (kept, ignored) = known_parts(&rule);
                let rule = read_rule(&kept).map_err(|_| strict)?;
                parts_ignored(ignored);
                rule
            }
        };
        if let Some(until) = until {
            let until = When::parse_value(&until, None)
                .ok_or_else(|| format!("UNTIL={until} is not a date"))?;
            rule = rule.until(as_rrule_time(until_wall_clock(until, clock, feed_tz)));
        }
        rules.push(rule.validate(dt_start).map_err(|e| e.to_string())?);
    }
    let rdates = dates_of(event, "RDATE", clock, feed_tz)
        .into_iter()
        .map(|d| match d {
            Listed::At(naive) => as_rrule_time(naive),
            Listed::Day(day) => as_rrule_time(day.and_time(first_start.time())),
        })
        .collect();
    Ok(RRuleSet::new(dt_start).set_rrules(rules).set_rdates(rdates))
}

/// One rule read by the `rrule` crate. RFC 5545 writes rules in ASCII, and the crate slices
/// `BYDAY` values by bytes: inside a multi-byte character it panics (found by `fuzz/`). So a
/// rule that is not ASCII is refused here, and a panic the crate still raises on some other
/// malformed value is caught and becomes "not understood": a feed never takes a sync down.
fn read_rule(text: &str) -> Result<RRule<Unvalidated>, String> {
    if !text.is_ascii() {
        return Err(format!("{text:?} is not written in plain ASCII"));
    }
    std::panic::catch_unwind(|| RRule::<Unvalidated>::from_str(text))
        .map_err(|_| format!("{text:?} cannot be read"))?
        .map_err(|e| e.to_string())
}

/// Splits `UNTIL=` off a rule: the crate reads a zone-less `UNTIL` in the machine's local
/// zone, so we read it ourselves.
fn without_until(rule: &str) -> (String, Option<String>) {
    let mut until = None;
    let parts: Vec<&str> = rule
        .trim()
        .split(';')
        .filter(|part| match part.split_once('=') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("UNTIL") => {
                until = Some(v.trim().to_owned());
                false
            }
            _ => !part.trim().is_empty(),
        })
        .collect();
    (parts.join(";"), until)
}

/// The rule's `NAME=value` parts with a name RFC 5545 defines, and the rest (`;`-joined).
fn known_parts(rule: &str) -> (String, String) {
    const NAMES: [&str; 13] = [
        "FREQ",
        "INTERVAL",
        "COUNT",
        "UNTIL",
        "WKST",
        "BYSECOND",
        "BYMINUTE",
        "BYHOUR",
        "BYDAY",
        "BYMONTHDAY",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYMONTH",
    ];
    let (kept, ignored): (Vec<&str>, Vec<&str>) = rule.split(';').partition(|part| {
        part.split_once('=').is_some_and(|(name, _)| {
            let name = name.trim().to_ascii_uppercase();
            NAMES.contains(&name.as_str()) || name == "BYSETPOS"
        })
    });
    (kept.join(";"), ignored.join(";"))
}

/// `UNTIL` is inclusive; a date `UNTIL` includes the whole day.
fn until_wall_clock(until: When, clock: Clock, feed_tz: Tz) -> NaiveDateTime {
    match until {
        When::Date(day) => {
            day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
        }
        other => clock.naive(other, feed_tz),
    }
}

/// One value of an `EXDATE`/`RDATE` list.
enum Listed {
    At(NaiveDateTime),
    /// A date given for a timed event: the whole day.
    Day(NaiveDate),
}

/// Every value of every `name` property, as wall clocks of `clock` (a `PERIOD` by its start).
fn dates_of(event: &Event, name: &str, clock: Clock, feed_tz: Tz) -> Vec<Listed> {
    event
        .iter()
        .filter(|p| p.name == name)
        .flat_map(|p| {
            p.value
                .split(',')
                .filter_map(|v| {
                    let v = v.split('/').next().unwrap_or(v).trim();
                    When::parse_value(v, p.param("TZID"))
                })
                .map(|when| match (when, clock) {
                    (When::Date(day), Clock::Zone(_) | Clock::Floating) => Listed::Day(day),
                    (other, _) => Listed::At(clock.naive(other, feed_tz)),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The occurrences `EXDATE` removes.
struct Excluded {
    at: HashSet<NaiveDateTime>,
    days: HashSet<NaiveDate>,
}

impl Excluded {
    fn of(event: &Event, clock: Clock, feed_tz: Tz) -> Excluded {
        let mut excluded = Excluded {
            at: HashSet::new(),
            days: HashSet::new(),
        };
        for listed in dates_of(event, "EXDATE", clock, feed_tz) {
            match listed {
                Listed::At(naive) => excluded.at.insert(naive),
                Listed::Day(day) => excluded.days.insert(day),
            };
        }
        excluded
    }

    fn contains(&self, occurrence: NaiveDateTime) -> bool {
        self.at.contains(&occurrence) || self.days.contains(&occurrence.date())
    }
}

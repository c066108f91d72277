//! A tolerant RFC 5545 reader for the feeds channels really publish.
//!
//! It owns one thing: bytes in, the blocks the importer would store out. It never touches the
//! network or the database, never panics (a fuzz target runs it on random input, see
//! `fuzz/`), and refuses — rather than guesses — when the bytes are not a whole calendar,
//! because a half-read feed would look like "everything after the cut was cancelled".
//!
//! What it copes with, each seen in `../shared/fixtures/ical/`: CRLF, LF or mixed endings;
//! lines folded at 75 octets (and over-long lines never folded); blank lines and junk around
//! or between components; several `VCALENDAR`s in one file; duplicate header properties;
//! nested components (`VALARM`, `VTIMEZONE`) whose properties must not leak into the event;
//! quoted parameter values containing `:` and `;`; `DATE` and `DATE-TIME` values (UTC,
//! floating, `TZID`, and `VALUE=DATE` with a time in it); missing `DTEND` (then `DURATION`,
//! else one night); missing `UID` (a stable one is derived); `RECURRENCE-ID` overrides that
//! share their master's `UID`; `STATUS:CANCELLED`; `TRANSP:TRANSPARENT` (free time).
//!
//! # The date rule
//! A block is a set of nights `[start, end)`: `end` is the check-out day, exclusive, as in
//! `VALUE=DATE` feeds. A `DATE-TIME` becomes a date in the property's time zone: UTC and
//! `TZID` values are instants, converted; floating values (and `TZID`s chrono-tz does not know,
//! such as Windows display names) are read as the property's wall clock. So a 16:00 check-in
//! and an 11:00 check-out map to the nights between them. A timed event that starts and ends
//! on the same local day (a busy slot) blocks that day's night: over-blocking loses a sale,
//! under-blocking double-books. An event that ends before it starts is skipped (reported).
//! A `DATE-TIME` start and end both at exactly 00:00 UTC (`…T000000Z`, as some exporters
//! write all-day blocks) are read as the dates written, not as instants: read as instants they
//! would shift a night earlier anywhere west of Greenwich.
//!
//! # Recurring events
//! Owners' Google/Exchange blocks repeat (`RRULE`, `RDATE`, `EXDATE`, `RECURRENCE-ID`
//! overrides). They are expanded by [`crate::recurrence`] within the window
//! `[today, today + RECURRENCE_HORIZON_MONTHS)`; `today` is an argument (no clock here). Each
//! occurrence is a block of its own, `<UID>#<occurrence start>`; an override with the same
//! `UID` and `RECURRENCE-ID` replaces its occurrence (a cancelled override cancels it). An
//! event that cannot be expanded is never dropped silently: see [`Parsed::warnings`].

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::recurrence;
pub use crate::recurrence::{RECURRENCE_HORIZON_MONTHS, Warning, WarningKind, Window};

/// The `X-SOURCE` our export writes, and the domain of the UIDs it makes.
pub const OUR_SOURCE: &str = "booking-fleet";

/// Why a body is not a calendar we can trust. Any of these leaves the feed's blocks alone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the body is empty")]
    Empty,
    #[error("no BEGIN:VCALENDAR or BEGIN:VEVENT found")]
    NotACalendar,
    /// A component was opened and never closed: the download was cut short.
    #[error("truncated: {0} not closed")]
    Truncated(String),
    /// A VEVENT closed by an outer END: it may have lost properties.
    #[error("malformed: {0} closed by an outer END")]
    Unclosed(String),
}

impl ParseError {
    /// The `kind` label of `fleet_ical_sync_errors_total`.
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::Empty => "empty",
            ParseError::NotACalendar => "not_a_calendar",
            ParseError::Truncated(_) => "truncated",
            ParseError::Unclosed(_) => "malformed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockStatus {
    Confirmed,
    Cancelled,
}

/// One event as the importer stores it: the nights `[start, end)` are taken unless cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub uid: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub status: BlockStatus,
    pub summary: String,
    /// Set when the event came from our own export (`X-SOURCE`/UID): the reservation code.
    #[serde(skip)]
    pub own_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    NoStart,
    BadDate,
    EndsBeforeStart,
    Transparent,
    /// A recurring event none of whose occurrences falls in the window.
    NoOccurrenceInWindow,
}

impl SkipReason {
    /// Why, in words (for `fleetctl ical parse` and the sync's log).
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::NoStart => "no DTSTART",
            SkipReason::BadDate => "unreadable date",
            SkipReason::EndsBeforeStart => "ends before it starts",
            SkipReason::Transparent => "TRANSP:TRANSPARENT (free time)",
            SkipReason::NoOccurrenceInWindow => "recurring, with no occurrence in the sync window",
        }
    }

    /// The `reason` label of `fleet_ical_events_skipped_total`.
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::NoStart => "no_start",
            SkipReason::BadDate => "bad_date",
            SkipReason::EndsBeforeStart => "ends_before_start",
            SkipReason::Transparent => "transparent",
            SkipReason::NoOccurrenceInWindow => "no_occurrence_in_window",
        }
    }
}

/// An event that is not a block, with the reason (shown by `fleetctl ical parse` on stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub uid: Option<String>,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Sorted by start, end, uid; one per UID.
    pub blocks: Vec<Block>,
    pub skipped: Vec<Skipped>,
    /// Events read, but not as fully as written (a recurrence rule we could not expand: its
    /// first occurrence blocks). Never silent: the sync logs and counts them.
    pub warnings: Vec<Warning>,
}

/// Which of two blocks with one UID is kept: an override (`RECURRENCE-ID`) over the
/// occurrence it replaces, then the higher `SEQUENCE`, then the first written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Precedence {
    pub(crate) is_override: bool,
    pub(crate) sequence: u32,
}

/// One content line: `NAME;PARAM=V;PARAM="q:v":value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Property {
    pub(crate) name: String,
    pub(crate) params: Vec<(String, String)>,
    pub(crate) value: String,
}

impl Property {
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) type Event = Vec<Property>;

/// Parses a feed body into blocks, reading times in `tz` (the property's zone).
///
/// `today` (in `tz`) starts the window recurring events are expanded in; see the module docs.
pub fn parse(body: &[u8], tz: Tz, today: NaiveDate) -> Result<Parsed, ParseError> {
    let body = body.strip_prefix(UTF8_BOM).unwrap_or(body);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Empty);
    }
    let events = events(&unfold(body))?;
    let window = Window::from_today(today);
    let mut parsed = Parsed::default();
    // One block per UID: an override beats the occurrence it replaces, then the highest
    // SEQUENCE wins, then the first written.
    let mut best: HashMap<String, (Precedence, usize)> = HashMap::new();
    for event in &events {
        let candidates = if recurrence::is_master(event) {
            let expanded = recurrence::expand(event, tz, window);
            parsed.warnings.extend(expanded.warnings);
            if let Some(skipped) = expanded.skipped {
                parsed.skipped.push(skipped);
            }
            expanded.blocks
        } else {
            match block(event, tz) {
                Ok(found) => vec![found],
                Err(skipped) => {
                    parsed.skipped.push(skipped);
                    Vec::new()
                }
            }
        };
        for (block, precedence) in candidates {
            match best.get(&block.uid) {
                Some(&(kept, _)) if kept >= precedence => {}
                Some(&(_, i)) => {
                    parsed.blocks[i] = block.clone();
                    best.insert(block.uid, (precedence, i));
                }
                None => {
                    best.insert(block.uid.clone(), (precedence, parsed.blocks.len()));
                    parsed.blocks.push(block);
                }
            }
        }
    }
    parsed
        .blocks
        .sort_by(|a, b| (a.start, a.end, &a.uid).cmp(&(b.start, b.end, &b.uid)));
    Ok(parsed)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Physical lines → logical lines: a line starting with a space or tab continues the previous
/// one (RFC 5545 §3.1). Blank lines are dropped; `\r` before `\n` is dropped.
///
/// Unfolding joins bytes, and only the joined line is decoded: exporters fold at 75 octets,
/// which may split a multi-byte UTF-8 character across two physical lines.
fn unfold(body: &[u8]) -> Vec<String> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for raw in body.split(|b| *b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if let Some((b' ' | b'\t', rest)) = line.split_first()
            && let Some(last) = lines.last_mut()
        {
            last.extend_from_slice(rest);
            continue;
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            lines.push(line.to_vec());
        }
    }
    lines
        .iter()
        .map(|line| String::from_utf8_lossy(line).into_owned())
        .collect()
}

/// Splits a logical line into name, parameters and value; `None` for junk (no `:`).
fn content_line(line: &str) -> Option<Property> {
    let mut in_quotes = false;
    let mut colon = None;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = split_unquoted(head, ';').into_iter();
    let name = parts.next()?.trim().to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let params = parts
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((
                k.trim().to_ascii_uppercase(),
                v.trim().trim_matches('"').to_owned(),
            ))
        })
        .collect();
    Some(Property {
        name,
        params,
        value: value.to_owned(),
    })
}

fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut in_quotes) = (0, false);
    for (i, c) in s.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == sep && !in_quotes {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&s[start..]);
    out
}

/// Walks BEGIN/END and collects the properties written directly inside each VEVENT.
fn events(lines: &[String]) -> Result<Vec<Event>, ParseError> {
    let mut stack: Vec<String> = Vec::new();
    let mut current: Vec<Event> = Vec::new();
    let mut done = Vec::new();
    let mut seen_calendar = false;
    for line in lines {
        let Some(prop) = content_line(line) else {
            continue;
        };
        match prop.name.as_str() {
            "BEGIN" => {
                let name = prop.value.trim().to_ascii_uppercase();
                seen_calendar |= name == "VCALENDAR" || name == "VEVENT";
                if name == "VEVENT" {
                    current.push(Vec::new());
                }
                stack.push(name);
            }
            "END" => {
                let name = prop.value.trim().to_ascii_uppercase();
                // Tolerate a stray END: close up to the matching BEGIN if there is one.
                if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                    for closed in stack.drain(pos..).rev() {
                        if closed != "VEVENT" {
                            continue;
                        }
                        // An event swept up by an outer END lost its end: the feed is broken.
                        if name != "VEVENT" {
                            return Err(ParseError::Unclosed(closed));
                        }
                        done.extend(current.pop());
                    }
                }
            }
            _ if stack.last().is_some_and(|n| n == "VEVENT") => {
                if let Some(event) = current.last_mut() {
                    event.push(prop);
                }
            }
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(ParseError::Truncated(open.clone()));
    }
    if !seen_calendar {
        return Err(ParseError::NotACalendar);
    }
    Ok(done)
}

/// One value of DTSTART/DTEND (or RECURRENCE-ID, EXDATE, RDATE).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Date(NaiveDate),
    /// An instant, in the zone it was written in (UTC for `Z`, or a known TZID).
    Zoned(DateTime<Tz>),
    /// Wall-clock time of no stated zone: read in the property's zone.
    Floating(NaiveDateTime),
}

impl When {
    pub(crate) fn parse(prop: &Property) -> Option<When> {
        When::parse_value(prop.value.trim(), prop.param("TZID"))
    }

    /// One value as written, with the property's `TZID` if any.
    pub(crate) fn parse_value(v: &str, tzid: Option<&str>) -> Option<When> {
        let date = NaiveDate::parse_from_str(v.get(..8)?, "%Y%m%d").ok()?;
        let Some(time) = v.get(8..).filter(|t| t.starts_with('T')) else {
            return (v.len() == 8).then_some(When::Date(date));
        };
        let (digits, utc) = match time[1..].strip_suffix(['Z', 'z']) {
            Some(d) => (d, true),
            None => (&time[1..], false),
        };
        let t = digits
            .get(..6)
            .and_then(|hms| chrono::NaiveTime::parse_from_str(hms, "%H%M%S").ok())
            .or_else(|| chrono::NaiveTime::parse_from_str(digits.get(..4)?, "%H%M").ok())?;
        let local = date.and_time(t);
        if utc {
            return Some(When::Zoned(chrono_tz::UTC.from_utc_datetime(&local)));
        }
        match tzid.and_then(known_zone) {
            Some(zone) => zone
                .from_local_datetime(&local)
                .earliest()
                .map(When::Zoned)
                .or(Some(When::Floating(local))),
            None => Some(When::Floating(local)),
        }
    }

    pub(crate) fn local(self, tz: Tz) -> NaiveDateTime {
        match self {
            When::Date(d) => d.and_time(NaiveTime::MIN),
            When::Zoned(i) => i.with_timezone(&tz).naive_local(),
            When::Floating(f) => f,
        }
    }

    /// Exactly 00:00 in UTC (written `…T000000Z`, or with a UTC `TZID`).
    fn is_utc_midnight(self) -> bool {
        match self {
            When::Zoned(i) => {
                matches!(i.timezone().name(), "UTC" | "Etc/UTC" | "Etc/GMT" | "GMT")
                    && i.naive_utc().time() == NaiveTime::MIN
            }
            _ => false,
        }
    }

    /// The key of an occurrence starting here, shared by a recurring event's occurrences and
    /// the `RECURRENCE-ID` of an override: the date, the UTC instant, or the wall clock.
    pub(crate) fn occurrence_key(self) -> String {
        match self {
            When::Date(d) => d.format("%Y%m%d").to_string(),
            When::Zoned(i) => i.naive_utc().format("%Y%m%dT%H%M%SZ").to_string(),
            When::Floating(f) => f.format("%Y%m%dT%H%M%S").to_string(),
        }
    }
}

/// All-day blocks written as midnight UTC to midnight UTC are the dates written (see the
/// module's date rule).
pub(crate) fn utc_midnights_as_dates(start: When, end: Option<When>) -> (When, Option<When>) {
    match end {
        Some(end) if start.is_utc_midnight() && end.is_utc_midnight() => {
            let date = |w: When| match w {
                When::Zoned(i) => When::Date(i.naive_utc().date()),
                other => other,
            };
            (date(start), Some(date(end)))
        }
        _ => (start, end),
    }
}

/// An IANA zone, also behind prefixes such as `/mozilla.org/20050126_1/Europe/Paris`.
fn known_zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim();
    let mut rest = tzid;
    loop {
        if let Ok(tz) = rest.parse::<Tz>() {
            return Some(tz);
        }
        rest = rest.split_once('/')?.1;
    }
}

/// `[+-]P[nW][nD][T[nH][nM][nS]]`; `None` when malformed.
fn duration(raw: &str) -> Option<Duration> {
    let s = raw.trim();
    let (negative, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let s = s.strip_prefix(['P', 'p'])?;
    let (mut total, mut number, mut in_time, mut any) = (0i64, String::new(), false, false);
    for c in s.chars() {
        match c.to_ascii_uppercase() {
            d if d.is_ascii_digit() => number.push(d),
            'T' if number.is_empty() => in_time = true,
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                let secs = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                total = total.checked_add(n.checked_mul(secs)?)?;
                any = true;
            }
        }
    }
    if !number.is_empty() || !any {
        return None;
    }
    let d = Duration::try_seconds(total)?;
    Some(if negative { -d } else { d })
}

pub(crate) fn first<'a>(event: &'a Event, name: &str) -> Option<&'a Property> {
    event.iter().find(|p| p.name == name)
}

/// RFC 5545 TEXT unescaping: `\\`, `\;`, `\,`, `\n`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A UID for an event that has none: a hash of what identifies it in the feed, so the same
/// event gets the same UID at every sync (and a changed one looks like remove + add).
fn derived_uid(event: &Event) -> String {
    let mut h = Sha256::new();
    for name in ["DTSTART", "DTEND", "DURATION", "SUMMARY"] {
        h.update(first(event, name).map_or("", |p| p.value.trim()));
        h.update([0u8]);
    }
    format!("derived-{}", &hex::encode(h.finalize())[..24])
}

/// The event's UID as written, or a derived one.
pub(crate) fn event_uid(event: &Event) -> String {
    first(event, "UID")
        .map(|p| p.value.trim().to_owned())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| derived_uid(event))
}

/// The event's start and end as written (end from `DTEND`, else `DURATION`, else none),
/// midnight-UTC all-day ranges read as dates.
pub(crate) fn span(event: &Event) -> Result<(When, Option<When>), SkipReason> {
    let dtstart = first(event, "DTSTART").ok_or(SkipReason::NoStart)?;
    let start = When::parse(dtstart).ok_or(SkipReason::BadDate)?;
    let end = match (first(event, "DTEND"), first(event, "DURATION")) {
        (Some(p), _) => Some(When::parse(p).ok_or(SkipReason::BadDate)?),
        (None, Some(p)) => duration(&p.value).and_then(|d| add(start, d)),
        (None, None) => None,
    };
    if first(event, "TRANSP").is_some_and(|p| p.value.trim().eq_ignore_ascii_case("TRANSPARENT")) {
        return Err(SkipReason::Transparent);
    }
    Ok(utc_midnights_as_dates(start, end))
}

fn block(event: &Event, tz: Tz) -> Result<(Block, Precedence), Skipped> {
    let mut uid = event_uid(event);
    let rid = first(event, "RECURRENCE-ID");
    if let Some(rid) = rid {
        let key =
            When::parse(rid).map_or_else(|| rid.value.trim().to_owned(), When::occurrence_key);
        uid = format!("{uid}#{key}");
    }
    let skip = |reason| Skipped {
        uid: Some(uid.clone()),
        reason,
    };
    let (start, end) = span(event).map_err(skip)?;
    let block = block_at(event, uid.clone(), start, end, tz)
        .ok_or_else(|| skip(SkipReason::EndsBeforeStart))?;
    let precedence = Precedence {
        is_override: rid.is_some(),
        sequence: first(event, "SEQUENCE")
            .and_then(|p| p.value.trim().parse().ok())
            .unwrap_or(0),
    };
    Ok((block, precedence))
}

/// The block of one occurrence of `event` (the only one, for a plain event) spanning
/// `start..end`; `None` when it ends before it starts.
pub(crate) fn block_at(
    event: &Event,
    uid: String,
    start: When,
    end: Option<When>,
    tz: Tz,
) -> Option<Block> {
    let (from, to) = nights(start, end, tz)?;
    let status = match first(event, "STATUS") {
        Some(p) if p.value.trim().eq_ignore_ascii_case("CANCELLED") => BlockStatus::Cancelled,
        _ => BlockStatus::Confirmed,
    };
    Some(Block {
        own_code: own_code(event, &uid),
        uid,
        start: from,
        end: to,
        status,
        summary: first(event, "SUMMARY")
            .map(|p| unescape(p.value.trim()))
            .unwrap_or_default(),
    })
}

pub(crate) fn add(start: When, d: Duration) -> Option<When> {
    Some(match start {
        When::Date(x) => When::Date(x.checked_add_signed(d)?),
        When::Zoned(x) => When::Zoned(x.checked_add_signed(d)?),
        When::Floating(x) => When::Floating(x.checked_add_signed(d)?),
    })
}

/// The nights `[from, to)` an event covers (see the module's date rule).
fn nights(start: When, end: Option<When>, tz: Tz) -> Option<(NaiveDate, NaiveDate)> {
    let from = start.local(tz);
    let Some(end) = end else {
        return Some((from.date(), from.date().succ_opt()?));
    };
    let to = end.local(tz);
    if to < from {
        return None;
    }
    let (from, to_date) = (from.date(), to.date());
    if to_date > from {
        return Some((from, to_date));
    }
    // Same day: an all-day event ending on its start, or a busy slot within one day.
    Some((from, from.succ_opt()?))
}

/// Our export's events: `X-SOURCE:booking-fleet`, or a UID `<code>@booking-fleet`.
fn own_code(event: &Event, uid: &str) -> Option<String> {
    let from_uid = uid
        .strip_suffix(&format!("@{OUR_SOURCE}"))
        .map(str::to_owned);
    let ours = first(event, "X-SOURCE").is_some_and(|p| p.value.trim() == OUR_SOURCE);
    if !ours && from_uid.is_none() {
        return None;
    }
    first(event, "X-CODE")
        .map(|p| p.value.trim().to_owned())
        .or(from_uid)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const BA: Tz = chrono_tz::America::Argentina::Buenos_Aires;
    const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn one(body: &str) -> Block {
        let parsed = parse(body.as_bytes(), BA, TODAY).unwrap();
        assert_eq!(parsed.blocks.len(), 1, "{parsed:?}");
        parsed.blocks[0].clone()
    }

    #[test]
    fn folded_lines_are_joined_and_quoted_params_keep_their_colons() {
        let b = one(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:abc\r\n  def\r\nSUMMARY:Re\r\n\tserved\r\nDTSTART;TZID=\"x:y\";VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260103\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        );
        assert_eq!(b.uid, "abc def");
        assert_eq!(b.summary, "Reserved");
        assert_eq!((b.start, b.end), (d("2026-01-01"), d("2026-01-03")));
    }

    #[test]
    fn missing_end_uses_duration_else_one_night() {
        let with =
            one("BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260110\nDURATION:P3D\nEND:VEVENT\n");
        assert_eq!((with.start, with.end), (d("2026-01-10"), d("2026-01-13")));
        let without = one("BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n");
        assert_eq!(
            (without.start, without.end),
            (d("2026-01-10"), d("2026-01-11"))
        );
        let weeks = one("BEGIN:VEVENT\nUID:a\nDTSTART:20260110T150000\nDURATION:P1W\nEND:VEVENT\n");
        assert_eq!((weeks.start, weeks.end), (d("2026-01-10"), d("2026-01-17")));
    }

    #[test]
    fn utc_times_become_local_dates_and_tzid_times_are_instants() {
        // 02:00 UTC on the 11th is 23:00 on the 10th in Buenos Aires.
        let utc = one(
            "BEGIN:VEVENT\nUID:a\nDTSTART:20260111T020000Z\nDTEND:20260113T140000Z\nEND:VEVENT\n",
        );
        assert_eq!((utc.start, utc.end), (d("2026-01-10"), d("2026-01-13")));
        // 01:00 in Paris is 21:00 the evening before in Buenos Aires.
        let paris = one(
            "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Paris:20260111T010000\nDTEND;TZID=/mozilla.org/x/Europe/Paris:20260112T110000\nEND:VEVENT\n",
        );
        assert_eq!((paris.start, paris.end), (d("2026-01-10"), d("2026-01-12")));
        // Unknown zone: the wall clock as written.
        let windows = one(
            "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=\"(GMT+10:00) Canberra\":20260111T010000\nDTEND;TZID=\"(GMT+10:00) Canberra\":20260112T010000\nEND:VEVENT\n",
        );
        assert_eq!(
            (windows.start, windows.end),
            (d("2026-01-11"), d("2026-01-12"))
        );
    }

    #[test]
    fn a_busy_slot_within_a_day_blocks_that_night_and_an_inverted_range_is_skipped() {
        let slot = one(
            "BEGIN:VEVENT\nUID:a\nDTSTART:20260110T090000\nDTEND:20260110T100000\nEND:VEVENT\n",
        );
        assert_eq!((slot.start, slot.end), (d("2026-01-10"), d("2026-01-11")));
        let parsed = parse(b"BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20260601\nDTEND;VALUE=DATE:20260227\nEND:VEVENT\n", BA, TODAY).unwrap();
        assert!(parsed.blocks.is_empty());
        assert_eq!(parsed.skipped[0].reason, SkipReason::EndsBeforeStart);
    }

    #[test]
    fn alarms_do_not_leak_into_their_event_and_cancelled_is_kept_as_cancelled() {
        let b = one(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20260110\nBEGIN:VALARM\nSUMMARY:alarm\nDTSTART:20250101T000000Z\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n",
        );
        assert_eq!(b.status, BlockStatus::Cancelled);
        assert_eq!(b.summary, "");
        assert_eq!(b.start, d("2026-01-10"));
    }

    #[test]
    fn refuses_what_is_not_a_whole_calendar() {
        assert_eq!(parse(b"", BA, TODAY), Err(ParseError::Empty));
        assert_eq!(
            parse(b"<html>502 Bad Gateway</html>", BA, TODAY),
            Err(ParseError::NotACalendar)
        );
        let cut = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\nBEGIN:VEV";
        assert!(matches!(
            parse(cut.as_bytes(), BA, TODAY),
            Err(ParseError::Truncated(_))
        ));
        assert!(matches!(
            parse(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n", BA, TODAY),
            Err(ParseError::Truncated(_))
        ));
    }

    #[test]
    fn missing_uid_is_derived_stably_and_recurrence_overrides_get_their_own() {
        let body = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260110\nSUMMARY:x\nEND:VEVENT\n";
        assert_eq!(one(body).uid, one(body).uid);
        assert!(one(body).uid.starts_with("derived-"));
        let other = one("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260111\nSUMMARY:x\nEND:VEVENT\n");
        assert_ne!(one(body).uid, other.uid);
        let parsed = parse(b"BEGIN:VEVENT\nUID:m\nRECURRENCE-ID:20260112T100000\nDTSTART:20260112T100000\nEND:VEVENT\nBEGIN:VEVENT\nUID:m\nDTSTART:20260111T100000\nEND:VEVENT\n", BA, TODAY).unwrap();
        let uids: Vec<_> = parsed.blocks.iter().map(|b| b.uid.as_str()).collect();
        assert_eq!(uids, ["m", "m#20260112T100000"]);
    }

    #[test]
    fn a_duplicate_uid_keeps_the_highest_sequence() {
        let parsed = parse(b"BEGIN:VEVENT\nUID:a\nSEQUENCE:1\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nSEQUENCE:2\nDTSTART;VALUE=DATE:20260120\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nSEQUENCE:2\nDTSTART;VALUE=DATE:20260130\nEND:VEVENT\n", BA, TODAY).unwrap();
        assert_eq!(parsed.blocks.len(), 1);
        assert_eq!(parsed.blocks[0].start, d("2026-01-20"));
    }

    #[test]
    fn our_own_events_are_recognised_by_source_or_uid() {
        let by_source = one(
            "BEGIN:VEVENT\nUID:x\nX-SOURCE:booking-fleet\nX-CODE:RES1\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n",
        );
        assert_eq!(by_source.own_code.as_deref(), Some("RES1"));
        let by_uid =
            one("BEGIN:VEVENT\nUID:RES2@booking-fleet\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n");
        assert_eq!(by_uid.own_code.as_deref(), Some("RES2"));
        let theirs =
            one("BEGIN:VEVENT\nUID:RES2@airbnb.com\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n");
        assert_eq!(theirs.own_code, None);
    }

    #[test]
    fn transparent_events_do_not_block_and_text_is_unescaped() {
        let parsed = parse(
            b"BEGIN:VEVENT\nUID:a\nTRANSP:TRANSPARENT\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n",
            BA,
            TODAY,
        )
        .unwrap();
        assert_eq!(parsed.skipped[0].reason, SkipReason::Transparent);
        let b = one(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:a\\, b\\; c\\\\n\\nd\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n",
        );
        assert_eq!(b.summary, "a, b; c\\n\nd");
    }

    #[test]
    fn a_fold_that_splits_a_multibyte_character_is_joined_before_decoding() {
        // "Ñandú" with the fold between the two bytes of "Ñ" (0xC3 0x91), and in a UID.
        let body = b"BEGIN:VEVENT\r\nUID:caba\xC3\r\n \x91a@x\r\nSUMMARY:\xC3\r\n \x91and\xC3\xBA\r\nDTSTART;VALUE=DATE:20260110\r\nEND:VEVENT\r\n";
        let parsed = parse(body, BA, TODAY).unwrap();
        assert_eq!(parsed.blocks[0].summary, "Ñandú");
        assert_eq!(parsed.blocks[0].uid, "cabaÑa@x");
    }

    #[test]
    fn all_day_blocks_written_as_midnight_utc_keep_their_dates_west_of_greenwich() {
        let nights = |start: &str, end: &str| {
            let b = one(&format!(
                "BEGIN:VEVENT\nUID:a\nDTSTART{start}\nDTEND{end}\nEND:VEVENT\n"
            ));
            (b.start.to_string(), b.end.to_string())
        };
        let written = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            nights(":20260501T000000Z", ":20260601T000000Z"),
            written("2026-05-01", "2026-06-01")
        );
        assert_eq!(
            nights(";TZID=UTC:20260501T000000", ";TZID=Etc/UTC:20260503T000000"),
            written("2026-05-01", "2026-05-03")
        );
        // Only both ends at midnight UTC: a real 00:00 UTC arrival stays an instant.
        assert_eq!(
            nights(":20260501T000000Z", ":20260503T140000Z"),
            written("2026-04-30", "2026-05-03")
        );
    }

    const WEEKLY: &str = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:w\nDTSTART;VALUE=DATE:20260105\nDTEND;VALUE=DATE:20260107\nRRULE:FREQ=WEEKLY;COUNT=5\nEXDATE;VALUE=DATE:20260112\nEND:VEVENT\nBEGIN:VEVENT\nUID:w\nRECURRENCE-ID;VALUE=DATE:20260119\nDTSTART;VALUE=DATE:20260121\nDTEND;VALUE=DATE:20260122\nEND:VEVENT\nBEGIN:VEVENT\nUID:w\nRECURRENCE-ID;VALUE=DATE:20260126\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20260126\nEND:VEVENT\nEND:VCALENDAR\n";

    #[test]
    fn a_weekly_block_blocks_every_occurrence_with_exdate_and_overrides_applied() {
        let parsed = parse(WEEKLY.as_bytes(), BA, TODAY).unwrap();
        let got: Vec<_> = parsed
            .blocks
            .iter()
            .map(|b| (b.uid.as_str(), b.start, b.end, b.status))
            .collect();
        use BlockStatus::{Cancelled, Confirmed};
        assert_eq!(
            got,
            [
                ("w#20260105", d("2026-01-05"), d("2026-01-07"), Confirmed),
                // 12th: EXDATE. 19th: moved to the 21st by its override.
                ("w#20260119", d("2026-01-21"), d("2026-01-22"), Confirmed),
                ("w#20260126", d("2026-01-26"), d("2026-01-27"), Cancelled),
                ("w#20260202", d("2026-02-02"), d("2026-02-04"), Confirmed),
            ]
        );
        assert!(parsed.warnings.is_empty() && parsed.skipped.is_empty());
    }

    #[test]
    fn recurrences_are_expanded_only_within_the_window_and_an_empty_one_is_reported() {
        let daily =
            "BEGIN:VEVENT\nUID:d\nDTSTART;VALUE=DATE:20200101\nRRULE:FREQ=DAILY\nEND:VEVENT\n";
        let parsed = parse(daily.as_bytes(), BA, TODAY).unwrap();
        let window = Window::from_today(TODAY);
        assert_eq!(parsed.blocks.first().map(|b| b.start), Some(TODAY));
        assert_eq!(parsed.blocks.last().map(|b| b.end), Some(window.until));
        let over = "BEGIN:VEVENT\nUID:o\nDTSTART;VALUE=DATE:20200101\nRRULE:FREQ=DAILY;COUNT=3\nEND:VEVENT\n";
        let parsed = parse(over.as_bytes(), BA, TODAY).unwrap();
        assert!(parsed.blocks.is_empty());
        assert_eq!(parsed.skipped[0].reason, SkipReason::NoOccurrenceInWindow);
    }

    #[test]
    fn a_rule_we_cannot_read_keeps_its_first_occurrence_and_says_so() {
        let bad = "BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20260110\nRRULE:FREQ=FORTNIGHTLY\nEND:VEVENT\n";
        let parsed = parse(bad.as_bytes(), BA, TODAY).unwrap();
        assert_eq!(parsed.blocks.len(), 1);
        assert_eq!(parsed.blocks[0].uid, "b");
        assert!(matches!(
            parsed.warnings[0].kind,
            WarningKind::RuleNotUnderstood(_)
        ));
        let junk = "BEGIN:VEVENT\nUID:j\nDTSTART;VALUE=DATE:20260110\nRRULE:RRULE:Junk;FREQ=DAILY;COUNT=2\nEND:VEVENT\n";
        let parsed = parse(junk.as_bytes(), BA, TODAY).unwrap();
        assert_eq!(parsed.blocks.len(), 2);
        assert!(matches!(
            parsed.warnings[0].kind,
            WarningKind::RulePartsIgnored(_)
        ));
    }

    /// Found by the fuzzer (`fuzz/`): the `rrule` crate slices a `BYDAY` value by bytes and
    /// panics inside a multi-byte character. Every such rule is a warning, never a panic.
    #[test]
    fn a_rule_the_rrule_crate_would_panic_on_keeps_its_first_occurrence_and_says_so() {
        for rule in [
            "FREQ=WEEKLY;BYDAY=\u{FFFD}H",
            "FREQ=WEEKLY;BYDAY=ñ",
            "FREQ=MONTHLY;BYDAY=+\u{FFFD}",
            "FREQ=WEEKLY;BYDAY=H",
            "FREQ=WEEKLY;BYDAY=+",
            "FREQ=MONTHLY;BYDAY=-",
            "FREQ=MONTHLY;BYDAY=1",
            "FREQ=WEEKLY;COUNT=2;BYDAY=",
        ] {
            let feed = format!(
                "BEGIN:VEVENT\nUID:p\nDTSTART;VALUE=DATE:20260110\nRRULE:{rule}\nEND:VEVENT\n"
            );
            let parsed = parse(feed.as_bytes(), BA, TODAY).unwrap();
            assert!(
                !parsed.blocks.is_empty(),
                "{rule}: the first night stays blocked"
            );
            assert_eq!(parsed.blocks[0].start, d("2026-01-10"), "{rule}");
            assert!(!parsed.warnings.is_empty(), "{rule}: the sync says it");
        }
    }

    #[test]
    fn a_recurring_feed_cut_at_any_byte_is_refused_or_whole() {
        let whole = parse(WEEKLY.as_bytes(), BA, TODAY).unwrap();
        for cut in 1..WEEKLY.len() {
            if let Ok(p) = parse(&WEEKLY.as_bytes()[..cut], BA, TODAY) {
                // Only a cut in the trailing END:VCALENDAR may pass, and then nothing is lost.
                assert_eq!(p.blocks, whole.blocks, "cut at {cut}");
            }
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration("P1DT2H"), Some(Duration::hours(26)));
        assert_eq!(duration("-PT15M"), Some(Duration::minutes(-15)));
        assert_eq!(duration("P"), None);
        assert_eq!(duration("P1X"), None);
        assert_eq!(duration("P99999999999999999999D"), None);
    }
}

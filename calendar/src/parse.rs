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
//! Recurrence rules are not expanded: channels never use them for stays; the first instance
//! blocks.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use sha2::{Digest, Sha256};

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
}

/// One content line: `NAME;PARAM=V;PARAM="q:v":value`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Event = Vec<Property>;

/// Parses a feed body into blocks, reading times in `tz` (the property's zone).
pub fn parse(body: &[u8], tz: Tz) -> Result<Parsed, ParseError> {
    let text = String::from_utf8_lossy(body);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    let events = events(&unfold(text))?;
    let mut parsed = Parsed::default();
    let mut best: HashMap<String, (u32, usize)> = HashMap::new();
    for event in &events {
        match block(event, tz) {
            Ok((block, sequence)) => match best.get(&block.uid) {
                // One block per UID: the highest SEQUENCE wins, then the first written.
                Some(&(seq, _)) if seq >= sequence => {}
                Some(&(_, i)) => {
                    parsed.blocks[i] = block.clone();
                    best.insert(block.uid, (sequence, i));
                }
                None => {
                    best.insert(block.uid.clone(), (sequence, parsed.blocks.len()));
                    parsed.blocks.push(block);
                }
            },
            Err(skipped) => parsed.skipped.push(skipped),
        }
    }
    parsed
        .blocks
        .sort_by(|a, b| (a.start, a.end, &a.uid).cmp(&(b.start, b.end, &b.uid)));
    Ok(parsed)
}

/// Physical lines → logical lines: a line starting with a space or tab continues the previous
/// one (RFC 5545 §3.1). Blank lines are dropped; `\r` before `\n` is dropped.
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = line.strip_prefix([' ', '\t'])
            && let Some(last) = lines.last_mut()
        {
            last.push_str(rest);
            continue;
        }
        if !line.trim().is_empty() {
            lines.push(line.to_owned());
        }
    }
    lines
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

/// One value of DTSTART/DTEND.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Date(NaiveDate),
    /// An instant (UTC, or a known TZID).
    Instant(DateTime<Utc>),
    /// Wall-clock time of no stated zone: read in the property's zone.
    Floating(NaiveDateTime),
}

impl When {
    fn parse(prop: &Property) -> Option<When> {
        let v = prop.value.trim();
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
            return Some(When::Instant(local.and_utc()));
        }
        match prop.param("TZID").and_then(known_zone) {
            Some(zone) => zone
                .from_local_datetime(&local)
                .earliest()
                .map(|dt| When::Instant(dt.with_timezone(&Utc)))
                .or(Some(When::Floating(local))),
            None => Some(When::Floating(local)),
        }
    }

    fn local(self, tz: Tz) -> NaiveDateTime {
        match self {
            When::Date(d) => d.and_time(chrono::NaiveTime::MIN),
            When::Instant(i) => i.with_timezone(&tz).naive_local(),
            When::Floating(f) => f,
        }
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

fn first<'a>(event: &'a Event, name: &str) -> Option<&'a Property> {
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

fn block(event: &Event, tz: Tz) -> Result<(Block, u32), Skipped> {
    let given_uid = first(event, "UID")
        .map(|p| p.value.trim().to_owned())
        .filter(|u| !u.is_empty());
    let mut uid = given_uid.clone().unwrap_or_else(|| derived_uid(event));
    if let Some(rid) = first(event, "RECURRENCE-ID") {
        uid = format!("{uid}#{}", rid.value.trim());
    }
    let skip = |reason| Skipped {
        uid: Some(uid.clone()),
        reason,
    };
    let dtstart = first(event, "DTSTART").ok_or_else(|| skip(SkipReason::NoStart))?;
    let start = When::parse(dtstart).ok_or_else(|| skip(SkipReason::BadDate))?;
    let end = match (first(event, "DTEND"), first(event, "DURATION")) {
        (Some(p), _) => Some(When::parse(p).ok_or_else(|| skip(SkipReason::BadDate))?),
        (None, Some(p)) => duration(&p.value).and_then(|d| add(start, d)),
        (None, None) => None,
    };
    if first(event, "TRANSP").is_some_and(|p| p.value.trim().eq_ignore_ascii_case("TRANSPARENT")) {
        return Err(skip(SkipReason::Transparent));
    }
    let (from, to) = nights(start, end, tz).ok_or_else(|| skip(SkipReason::EndsBeforeStart))?;
    let status = match first(event, "STATUS") {
        Some(p) if p.value.trim().eq_ignore_ascii_case("CANCELLED") => BlockStatus::Cancelled,
        _ => BlockStatus::Confirmed,
    };
    let sequence = first(event, "SEQUENCE")
        .and_then(|p| p.value.trim().parse().ok())
        .unwrap_or(0);
    let block = Block {
        own_code: own_code(event, &uid),
        uid,
        start: from,
        end: to,
        status,
        summary: first(event, "SUMMARY")
            .map(|p| unescape(p.value.trim()))
            .unwrap_or_default(),
    };
    Ok((block, sequence))
}

fn add(start: When, d: Duration) -> Option<When> {
    Some(match start {
        When::Date(x) => When::Date(x.checked_add_signed(d)?),
        When::Instant(x) => When::Instant(x.checked_add_signed(d)?),
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

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn one(body: &str) -> Block {
        let parsed = parse(body.as_bytes(), BA).unwrap();
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
        let parsed = parse(b"BEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20260601\nDTEND;VALUE=DATE:20260227\nEND:VEVENT\n", BA).unwrap();
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
        assert_eq!(parse(b"", BA), Err(ParseError::Empty));
        assert_eq!(
            parse(b"<html>502 Bad Gateway</html>", BA),
            Err(ParseError::NotACalendar)
        );
        let cut = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\nBEGIN:VEV";
        assert!(matches!(
            parse(cut.as_bytes(), BA),
            Err(ParseError::Truncated(_))
        ));
        assert!(matches!(
            parse(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n", BA),
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
        let parsed = parse(b"BEGIN:VEVENT\nUID:m\nRECURRENCE-ID:20260112T100000\nDTSTART:20260112T100000\nEND:VEVENT\nBEGIN:VEVENT\nUID:m\nDTSTART:20260111T100000\nEND:VEVENT\n", BA).unwrap();
        let uids: Vec<_> = parsed.blocks.iter().map(|b| b.uid.as_str()).collect();
        assert_eq!(uids, ["m", "m#20260112T100000"]);
    }

    #[test]
    fn a_duplicate_uid_keeps_the_highest_sequence() {
        let parsed = parse(b"BEGIN:VEVENT\nUID:a\nSEQUENCE:1\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nSEQUENCE:2\nDTSTART;VALUE=DATE:20260120\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nSEQUENCE:2\nDTSTART;VALUE=DATE:20260130\nEND:VEVENT\n", BA).unwrap();
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
        )
        .unwrap();
        assert_eq!(parsed.skipped[0].reason, SkipReason::Transparent);
        let b = one(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:a\\, b\\; c\\\\n\\nd\nDTSTART;VALUE=DATE:20260110\nEND:VEVENT\n",
        );
        assert_eq!(b.summary, "a, b; c\\n\nd");
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

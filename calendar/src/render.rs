//! Our reservations as an iCalendar the channels import: one all-day (`VALUE=DATE`) VEVENT
//! per stay, `DTEND` the check-out day (exclusive), CRLF line ends, lines folded at 75
//! octets, a stable UID `<code>@booking-fleet` and `X-SOURCE:booking-fleet` (how our importer
//! recognises its own events and never loops), `X-CODE`, and `DTSTAMP` = the reservation's last
//! change, so the same calendar renders to the same bytes (and the same ETag). No guest data:
//! the URL is handed to third parties.

use chrono::{DateTime, NaiveDate, Utc};

/// Our `X-SOURCE` and UID domain (the worker's importer matches it).
pub const SOURCE: &str = "booking-fleet";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportEvent {
    pub code: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub updated_at: DateTime<Utc>,
}

pub fn calendar(name: &str, events: &[ExportEvent]) -> String {
    let mut out = String::with_capacity(256 + events.len() * 220);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//booking-fleet//iCal export 1.0//ES",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push(&mut out, line);
    }
    push(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:{}@{SOURCE}", e.code));
        push(
            &mut out,
            &format!("DTSTAMP:{}", e.updated_at.format("%Y%m%dT%H%M%SZ")),
        );
        push(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", e.check_in.format("%Y%m%d")),
        );
        push(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", e.check_out.format("%Y%m%d")),
        );
        push(
            &mut out,
            &format!("SUMMARY:Reservado ({})", escape(&e.code)),
        );
        push(&mut out, &format!("X-CODE:{}", escape(&e.code)));
        push(&mut out, &format!("X-SOURCE:{SOURCE}"));
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}

/// Appends one content line, folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
/// character, each physical line ended by CRLF.
fn push(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = 75;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74; // the leading space counts
    }
}

/// RFC 5545 TEXT escaping.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn event(code: &str) -> ExportEvent {
        ExportEvent {
            code: code.into(),
            check_in: NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
            check_out: NaiveDate::from_ymd_opt(2026, 12, 17).unwrap(),
            updated_at: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        }
    }

    #[test]
    fn one_all_day_event_per_stay_with_crlf_and_our_markers() {
        let ics = calendar("Cabañas del Lago - Coihue", &[event("RES2612150001")]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        for line in [
            "UID:RES2612150001@booking-fleet",
            "DTSTART;VALUE=DATE:20261215",
            "DTEND;VALUE=DATE:20261217",
            "X-CODE:RES2612150001",
            "X-SOURCE:booking-fleet",
            "DTSTAMP:20260921T",
        ] {
            assert!(ics.contains(line), "{line} missing in\n{ics}");
        }
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let name = "Cabañas ñandú ".repeat(20);
        let ics = calendar(&name, &[]);
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical:?}",
                physical.len()
            );
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("X-WR-CALNAME:{name}")));
    }

    #[test]
    fn text_is_escaped_and_rendering_is_stable() {
        let ics = calendar("a,b;c\\d", &[event("X")]);
        assert!(ics.contains("X-WR-CALNAME:a\\,b\\;c\\\\d\r\n"));
        assert_eq!(ics, calendar("a,b;c\\d", &[event("X")]));
    }
}

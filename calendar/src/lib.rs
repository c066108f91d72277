//! Calendars over iCal (RFC 5545), shared by the ingress (export) and the workers (import).
//!
//! # Layout
//! - [`parse`]: bytes → blocks (pure, tolerant, never panics; the date rule lives there).
//! - [`recurrence`]: a recurring event → its occurrences in the sync window (pure).
//! - [`feed`]: a feed address as people type it, checked (pure).
//! - [`diff`]: what a feed's new blocks change against what we knew of it (pure).
//! - [`render`]: our stays → an RFC 5545 calendar for the channels to import (pure).
//! - [`token`]: the per-accommodation export URL token (HMAC-SHA256, constant-time check).
//!
//! Fetching a feed is a provider call (`channels::ical`); applying a diff is a store write
//! (`store::ical`) run by the `sync_ical` handler. This crate never does I/O and never reads
//! the clock: "today" and "now" come in as arguments.
//!
//! Architecture invariant: a feed's blocks change only after a whole, parsed calendar was
//! read. A truncated body is refused by [`parse`], so "could not read" is never taken for
//! "all cancelled".

pub mod diff;
pub mod feed;
pub mod parse;
pub mod recurrence;
pub mod render;
pub mod token;

#[cfg(test)]
mod fixtures {
    #![allow(clippy::unwrap_used)]
    //! Every real-world feed in `../shared/fixtures/ical/` against the blocks written down in
    //! `calendar/tests/data/ical/<fixture>.expected.jsonl` (read in Buenos Aires time).

    use super::parse::parse;

    /// The day the fixtures' recurring events are expanded from (their expectations depend on it).
    const TODAY: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();

    fn fixtures_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/ical")
    }

    #[test]
    fn every_fixture_parses_to_its_expected_blocks() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ical");
        let mut checked = 0;
        for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ics") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let parsed = parse(
                &std::fs::read(&path).unwrap(),
                chrono_tz::America::Argentina::Buenos_Aires,
                TODAY,
            )
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
            let got: String = parsed
                .blocks
                .iter()
                .map(|b| serde_json::to_string(b).unwrap() + "\n")
                .collect();
            let expected_path = data.join(format!("{stem}.expected.jsonl"));
            // CALENDAR_BLESS=1 rewrites the expectations (review the diff before committing).
            if std::env::var_os("CALENDAR_BLESS").is_some() {
                std::fs::write(&expected_path, &got).unwrap();
            }
            let expected = std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("no expectations for {stem}: {e}"));
            assert_eq!(got, expected, "{stem}");
            checked += 1;
        }
        assert_eq!(checked, 16, "every fixture has its expectations");
    }

    #[test]
    fn the_inverted_range_of_fixture_04_is_skipped_not_stored() {
        let path =
            fixtures_dir().join("04_airbnb_0.8.8_blank-lines_inverted-range__Indika-icaltest.ics");
        let parsed = parse(&std::fs::read(path).unwrap(), chrono_tz::UTC, TODAY).unwrap();
        assert_eq!(parsed.blocks.len(), 2);
        assert_eq!(parsed.skipped.len(), 1);
    }

    #[test]
    fn crlf_and_hand_pasted_lf_copies_of_one_feed_read_the_same() {
        let dir = fixtures_dir();
        let a =
            std::fs::read(dir.join("02_airbnb_1.0_DTSTAMP_CRLF_raw-download__chilllove-site.ics"))
                .unwrap();
        let b = std::fs::read(
            dir.join("02b_airbnb_1.0_hand-pasted_LF_leading-blank-line__chilllove-site.ics"),
        )
        .unwrap();
        let tz = chrono_tz::America::Argentina::Buenos_Aires;
        assert_eq!(
            parse(&a, tz, TODAY).unwrap().blocks,
            parse(&b, tz, TODAY).unwrap().blocks
        );
    }

    #[test]
    fn cutting_a_real_feed_anywhere_inside_an_event_is_refused() {
        let body = std::fs::read(fixtures_dir().join("07b_bookingcom_real_hourly_AFTER_merge_same-UID-DTEND-extended__simonesugliano-booking-calendar_berta.ics")).unwrap();
        let tz = chrono_tz::UTC;
        let whole = parse(&body, tz, TODAY).unwrap().blocks.len();
        for cut in 1..body.len() - "END:VCALENDAR\r\n".len() {
            if let Ok(p) = parse(&body[..cut], tz, TODAY) {
                panic!(
                    "cut at {cut} accepted with {} of {whole} blocks",
                    p.blocks.len()
                );
            }
        }
    }

    /// Every calendar we hold, real exports and the recurring ones alike, cut at any byte
    /// before its closing `END:VCALENDAR`: refused, never read as a smaller calendar (which
    /// would free the nights the missing part blocked).
    #[test]
    fn every_fixture_cut_at_any_byte_is_refused() {
        let recurring = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut checked = 0;
        for dir in [fixtures_dir(), recurring] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "ics") {
                    continue;
                }
                let body = std::fs::read(&path).unwrap();
                let end = body
                    .windows(b"END:VCALENDAR".len())
                    .rposition(|w| w == b"END:VCALENDAR")
                    .unwrap_or_else(|| panic!("{path:?} has no END:VCALENDAR"));
                // The two large exports (30-60 KB) are cut around every line break instead:
                // cutting them at every byte would take minutes and find nothing new.
                let cuts: Vec<usize> = if body.len() <= 10_000 {
                    (1..end).collect()
                } else {
                    (1..end)
                        .filter(|&c| (c.saturating_sub(2)..c + 2).any(|i| body[i] == b'\n'))
                        .collect()
                };
                for cut in cuts {
                    let tz = chrono_tz::America::Argentina::Buenos_Aires;
                    if let Ok(p) = parse(&body[..cut], tz, TODAY) {
                        panic!(
                            "{path:?} cut at {cut} of {} accepted with {} blocks",
                            body.len(),
                            p.blocks.len()
                        );
                    }
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 22, "every calendar fixture was cut");
    }
}

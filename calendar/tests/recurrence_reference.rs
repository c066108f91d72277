//! Recurring events, expanded by our parser, against a reference expansion: Python's
//! `recurring-ical-events` (over `python-dateutil`) run by `reference/expand.py` on every
//! calendar in `fixtures/` (real exports and hand-written cases, see `fixtures/SOURCES.txt`),
//! from the "today" `fixtures/windows.txt` gives each. The two must block the same nights under
//! the same event.
//!
//! `scripts/test.sh` installs the Python packages (`ensure_ical_reference` in `scripts/lib.sh`).
//! Without `python3` the test says so and passes; without the packages it fails, saying how to
//! install them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{collections::BTreeSet, path::PathBuf, process::Command};

use calendar::parse::{BlockStatus, Window, parse};
use chrono::NaiveDate;

const FEED_TZ: chrono_tz::Tz = chrono_tz::America::Argentina::Buenos_Aires;

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// `uid<TAB>first night<TAB>check-out`, as the reference prints them.
fn ours(body: &[u8], window: Window) -> BTreeSet<String> {
    let parsed = parse(body, FEED_TZ, window.from).unwrap();
    parsed
        .blocks
        .iter()
        .filter(|b| b.status == BlockStatus::Confirmed)
        .filter(|b| b.end > window.from && b.start < window.until)
        .map(|b| format!("{}\t{}\t{}", event_uid(&b.uid), b.start, b.end))
        .collect()
}

/// The event's UID: an occurrence's `#<occurrence start>` off; a UID we derived is empty, as
/// the file had none.
fn event_uid(block_uid: &str) -> &str {
    if block_uid.starts_with("derived-") {
        return "";
    }
    match block_uid.rsplit_once('#') {
        Some((uid, key)) if key.starts_with(|c: char| c.is_ascii_digit()) => uid,
        _ => block_uid,
    }
}

fn reference(file: &PathBuf, window: Window) -> Option<BTreeSet<String>> {
    let out = match Command::new("python3")
        .arg(tests_dir().join("reference/expand.py"))
        .arg(file)
        .arg(window.from.to_string())
        .arg(window.until.to_string())
        .arg(FEED_TZ.name())
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!("SKIPPED: python3 cannot be run ({e}); the reference expansion needs it");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "reference/expand.py failed (pip install python-dateutil icalendar recurring-ical-events, \
         or scripts/test.sh which does): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn recurring_events_block_the_nights_the_reference_expansion_gives() {
    let manifest = std::fs::read_to_string(tests_dir().join("fixtures/windows.txt")).unwrap();
    let mut compared = 0;
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (name, today) = line.split_once(char::is_whitespace).unwrap();
        let today = NaiveDate::parse_from_str(today.trim(), "%Y-%m-%d").unwrap();
        let window = Window::from_today(today);
        let file = tests_dir().join("fixtures").join(name);
        let Some(expected) = reference(&file, window) else {
            return;
        };
        let got = ours(&std::fs::read(&file).unwrap(), window);
        let missing: Vec<_> = expected.difference(&got).collect();
        let extra: Vec<_> = got.difference(&expected).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{name} from {today}: missing {missing:#?}\nextra {extra:#?}"
        );
        assert!(
            !got.is_empty(),
            "{name} from {today}: nothing in the window"
        );
        compared += got.len();
    }
    assert!(compared > 100, "only {compared} occurrences compared");
}

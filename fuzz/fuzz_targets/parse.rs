//! Any bytes: the parser answers blocks or an error, never panics, and every block it answers
//! is a non-empty range of nights with a UID of its own. Recurring events (`RRULE`, `RDATE`,
//! `EXDATE`, `RECURRENCE-ID`) go through the expansion (`recurrence.rs`) too.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../calendar/src/parse.rs"]
#[allow(dead_code, unused_imports)]
mod parse;

#[path = "../../calendar/src/recurrence.rs"]
#[allow(dead_code)]
mod recurrence;

fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    for tz in [
        chrono_tz::America::Argentina::Buenos_Aires,
        chrono_tz::Pacific::Kiritimati,
    ] {
        if let Ok(parsed) = parse::parse(data, tz, today) {
            let mut uids = std::collections::HashSet::new();
            for b in &parsed.blocks {
                assert!(b.start < b.end, "empty or inverted block {b:?}");
                assert!(uids.insert(b.uid.clone()), "duplicate uid {}", b.uid);
            }
        }
    }
});

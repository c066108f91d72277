//! Any bytes: the parser answers blocks or an error, never panics, and every block it answers
//! is a non-empty range of nights with a UID of its own.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../calendar/src/parse.rs"]
#[allow(dead_code)]
mod parse;

fuzz_target!(|data: &[u8]| {
    for tz in [
        chrono_tz::America::Argentina::Buenos_Aires,
        chrono_tz::Pacific::Kiritimati,
    ] {
        if let Ok(parsed) = parse::parse(data, tz) {
            let mut uids = std::collections::HashSet::new();
            for b in &parsed.blocks {
                assert!(b.start < b.end, "empty or inverted block {b:?}");
                assert!(uids.insert(b.uid.clone()), "duplicate uid {}", b.uid);
            }
        }
    }
});

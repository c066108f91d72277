//! Real payloads kept in this repository (`testkit/fixtures/`, each with its source in the
//! folder's `SOURCES.txt`), for the tests of every crate that posts them. Reading only: the kit
//! never writes a fixture.

use std::path::PathBuf;

/// The folder the fixtures are in.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The bytes of `path` (relative to [`dir`]); a missing fixture is a broken test, said loudly.
pub fn read(path: &str) -> Vec<u8> {
    let full = dir().join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("fixture {}: {e}", full.display()))
}

/// A fixture file of named WhatsApp deliveries (pywa's layout: `{ "name": delivery, … }`),
/// or a single delivery, which is named after the file.
pub fn whatsapp_deliveries(path: &str) -> Vec<(String, serde_json::Value)> {
    let all: serde_json::Value = serde_json::from_slice(&read(path))
        .unwrap_or_else(|e| panic!("fixture {path} is not JSON: {e}"));
    match all.as_object() {
        Some(o) if !o.contains_key("object") => {
            o.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
        }
        _ => vec![(path.to_owned(), all)],
    }
}

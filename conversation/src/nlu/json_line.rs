//! The one JSON line `fleetctl nlu` prints for a message.

use serde::Serialize;

use super::Understanding;

/// The line `fleetctl nlu` prints, fields in this order.
#[derive(Serialize)]
struct JsonLine {
    intent: &'static str,
    check_in: Option<String>,
    check_out: Option<String>,
    guests: Option<u16>,
    confidence: f32,
    language: &'static str,
}

/// One JSON line for `fleetctl nlu`:
/// `{"intent":..,"check_in":"YYYY-MM-DD"|null,"check_out":..|null,"guests":n|null,"confidence":0.xx,"language":"es"|"en"|"pt"}`
/// (a message without words of any language says "es", the default).
pub fn to_json_line(u: &Understanding) -> String {
    let line = JsonLine {
        intent: u.intent.as_str(),
        check_in: u.check_in.map(|d| d.format("%Y-%m-%d").to_string()),
        check_out: u.check_out.map(|d| d.format("%Y-%m-%d").to_string()),
        guests: u.guests,
        confidence: (u.confidence * 100.0).round() / 100.0,
        language: u.language.unwrap_or_default().as_str(),
    };
    // Serializing plain strings and numbers cannot fail; keep a valid line regardless.
    serde_json::to_string(&line)
        .unwrap_or_else(|_| format!("{{\"intent\":\"{}\"}}", u.intent.as_str()))
}

//! "En vez de 3 noches son 4", "en lugar de 4 personas somos 5", "instead of 2 nights, 3",
//! "em vez de 3 noites, 4": the value given up is named with its unit and the new one bare, so
//! the parsers would read the old one (and "son 4" as people). The old value is rewritten to
//! "eso" ("en vez de eso", still a correction) and its unit moved after the first bare number
//! that follows: "en vez de eso son 4 noches". Said the other way round ("4 noches en vez de 3")
//! or without a unit ("en vez de 4 somos 5") the words already read right and are left alone.

use super::super::{lexicon, normalize::Token, numbers};

/// How a value given up is introduced.
const LEADS: &[&str] = &[
    "en vez de",
    "en lugar de",
    "instead of",
    "em vez de",
    "ao inves de",
    "no lugar de",
];

/// Units of what a guest corrects: nights and people.
const UNITS: &[&str] = &[
    "noches",
    "noche",
    "personas",
    "persona",
    "pax",
    "adultos",
    "huespedes",
    "nights",
    "night",
    "people",
    "guests",
    "persons",
    "noites",
    "noite",
    "pessoas",
    "hospedes",
];

/// Rewrites the value given up (see the module docs).
pub(super) fn new_value_with_unit(mut tokens: Vec<Token>) -> Vec<Token> {
    let Some((lead_end, number)) = LEADS.iter().find_map(|lead| {
        let (pos, quality) = lexicon::find_phrase(&tokens, lead)?;
        (quality == lexicon::Quality::Exact).then(|| {
            let at = pos + lexicon::phrase_len(lead);
            numbers::parse_at(&tokens, at).map(|n| (at, n))
        })?
    }) else {
        return tokens;
    };
    let unit_at = lead_end + number.len;
    if !tokens.get(unit_at).is_some_and(|t| t.is_any(UNITS)) {
        return tokens;
    }
    // The first number after it, and whether it has a unit of its own.
    let mut k = unit_at + 1;
    let new_at = loop {
        if k >= tokens.len() {
            break None;
        }
        match numbers::parse_at(&tokens, k) {
            Some(n) => {
                let own_unit = tokens.get(k + n.len).is_some_and(|t| t.is_any(UNITS));
                break (!own_unit).then_some(k + n.len);
            }
            None => k += 1,
        }
    };
    let mut unit = tokens[unit_at].clone();
    let mut old = tokens[lead_end].clone();
    old.text = "eso".to_owned();
    old.known = true;
    old.punct_after = unit.punct_after;
    if let Some(new_at) = new_at {
        // The unit takes the punctuation of the new number ("son 4?" → "son 4 noches?").
        unit.punct_after = tokens[new_at - 1].punct_after;
        tokens[new_at - 1].punct_after = false;
        tokens.insert(new_at, unit);
    }
    tokens.splice(lead_end..=unit_at, [old]);
    tokens
}

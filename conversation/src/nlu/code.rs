//! Reservation codes: `RES` (a reservation) or `GRP` (several cabins booked as one request) +
//! yymmdd + a sequence of three or more digits ("RES251215001", "GRP251215002"), found anywhere, in any case, and with the separators a phone keyboard or speech-to-text
//! adds ("res-251215001", "RES 251215 001").
//!
//! The code is cut out of the text before anything else reads it, so its digits are never
//! taken for a day or a head count.

/// yymmdd plus at least three digits of sequence.
const MIN_DIGITS: usize = 9;

/// The first reservation code in `raw` (uppercase, separators removed) and `raw` with that
/// code blanked out.
pub(crate) fn extract(raw: &str) -> (Option<String>, String) {
    let chars: Vec<char> = raw.chars().collect();
    for start in 0..chars.len() {
        if let Some((prefix, digits, end)) = code_at(&chars, start) {
            let mut rest: String = chars[..start].iter().collect();
            rest.push(' ');
            rest.extend(&chars[end..]);
            return (Some(format!("{prefix}{digits}")), rest);
        }
    }
    (None, raw.to_owned())
}

/// A code starting at `start`: its prefix (uppercase), its digits and the index just past it.
fn code_at(chars: &[char], start: usize) -> Option<(&'static str, String, usize)> {
    let at_word_start = start == 0 || chars.get(start - 1).is_some_and(|c| !c.is_alphanumeric());
    let written: String = chars.get(start..start + 3)?.iter().collect();
    let prefix = ["RES", "GRP"]
        .into_iter()
        .find(|p| written.eq_ignore_ascii_case(p))?;
    if !at_word_start {
        return None;
    }
    let mut i = start + 3;
    if chars
        .get(i)
        .is_some_and(|c| matches!(c, ' ' | '-' | '#' | ':' | '_' | '.'))
    {
        i += 1;
    }
    let mut digits = String::new();
    loop {
        let run: String = chars
            .iter()
            .skip(i)
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if run.is_empty() {
            break;
        }
        i += run.len();
        digits.push_str(&run);
        // Another group only while the code is still too short: "RES 251215 001" is one code,
        // "RES251215001 2 personas" is a code and a head count.
        let separated = chars.get(i).is_some_and(|c| matches!(c, ' ' | '-'));
        let more = chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if digits.len() >= MIN_DIGITS || !separated || !more {
            break;
        }
        i += 1;
    }
    let ends_cleanly = !chars.get(i).is_some_and(|c| c.is_alphanumeric());
    (digits.len() >= MIN_DIGITS && ends_cleanly).then_some((prefix, digits, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_codes() {
        assert_eq!(
            extract("cancelá la RES2512150001 porfa").0.as_deref(),
            Some("RES2512150001")
        );
        assert_eq!(extract("res251215001").0.as_deref(), Some("RES251215001"));
        assert_eq!(
            extract("cancelá la grp-261202 004 porfa").0.as_deref(),
            Some("GRP261202004")
        );
        assert_eq!(extract("xgrp261202004 ok").0, None);
        assert_eq!(
            extract("código: RES-251215 001, gracias").0.as_deref(),
            Some("RES251215001")
        );
        assert_eq!(extract("RES251215001 2 personas").1.trim(), "2 personas");
        assert_eq!(extract("presupuesto 251215001").0, None);
        assert_eq!(extract("RES12").0, None);
        assert_eq!(extract("").0, None);
    }
}

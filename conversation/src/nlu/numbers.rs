//! Numbers as guests write and say them: digits ("15") or Spanish words from one to
//! thirty-one ("quince", "veintidós", "veinti dos", "treinta y uno", "primero"), including the
//! seseo spellings speech-to-text and hurried typists produce ("trese", "catorse", "quinse").
//!
//! Typos are tolerated only on number words of six letters or more ("cautro"), and never when
//! the token is another real word: "cuarto" (room) is not "cuatro", "nuevo" is not "nueve".
//! Parsing never fails loudly: anything else is simply "not a number".

use super::{lexicon, normalize::Token};

/// Single-word numbers with their value.
const WORDS: &[(&str, u32)] = &[
    ("un", 1),
    ("uno", 1),
    ("una", 1),
    ("primero", 1),
    ("primer", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("sinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
    ("diez", 10),
    ("dies", 10),
    ("once", 11),
    ("onse", 11),
    ("doce", 12),
    ("dose", 12),
    ("trece", 13),
    ("trese", 13),
    ("catorce", 14),
    ("catorse", 14),
    ("quince", 15),
    ("quinse", 15),
    ("veinte", 20),
    ("treinta", 30),
    ("cuarenta", 40),
    ("cincuenta", 50),
];

/// Prefixes that form 16–19, 21–29 and 31 when glued to a unit ("dieciséis", "veintidós").
/// Speech-to-text sometimes writes them apart ("veinti dos"); both are read.
const PREFIXES: &[(&str, u32)] = &[
    ("dieci", 10),
    ("diesi", 10),
    ("veinti", 20),
    ("treinti", 30),
];

/// Units that can follow a prefix, including the accentless forms of "veintidós", "veintitrés",
/// "dieciséis" and the apocopated "veintiún".
const UNITS: &[(&str, u32)] = &[
    ("un", 1),
    ("uno", 1),
    ("una", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("sinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("nueve", 9),
];

/// Tens that take "y" + unit ("treinta y uno", the old "diez y seis").
const TENS: &[(&str, u32)] = &[("diez", 10), ("veinte", 20), ("treinta", 30)];

/// Shortest number word that may be matched with one typo.
const FUZZY_MIN: usize = 6;

/// A number found in the token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    pub(crate) value: u32,
    /// Tokens it spans ("treinta y uno" spans three).
    pub(crate) len: usize,
    /// "primero"/"primer": only meaningful as a day.
    pub(crate) ordinal: bool,
}

/// True for number words and their pieces, so the matcher never treats them as typos.
pub(crate) fn vocabulary_contains(text: &str) -> bool {
    WORDS.iter().any(|(w, _)| *w == text)
        || PREFIXES.iter().any(|(w, _)| *w == text)
        || (prefixed_value(text).is_some())
}

/// Reads the number starting at token `i`, if any.
pub(crate) fn parse_at(tokens: &[Token], i: usize) -> Option<Number> {
    let tok = tokens.get(i)?;
    if tok.is_digits() {
        return digits(tok);
    }
    if let Some(n) = split_prefix(tokens, i) {
        return Some(n);
    }
    let value = word_value(tok)?;
    let ordinal = tok.is_any(&["primero", "primer"]);
    let single = Number {
        value,
        len: 1,
        ordinal,
    };
    Some(tens_and_unit(tokens, i, single).unwrap_or(single))
}

fn digits(tok: &Token) -> Option<Number> {
    if tok.text.len() > 4 {
        return None;
    }
    let value = tok.text.parse().ok()?;
    Some(Number {
        value,
        len: 1,
        ordinal: false,
    })
}

/// "veinti dos", "dieci seis": prefix and unit as two tokens.
fn split_prefix(tokens: &[Token], i: usize) -> Option<Number> {
    let base = PREFIXES
        .iter()
        .find(|(p, _)| tokens.get(i).is_some_and(|t| t.is(p)))?
        .1;
    let unit = unit_value(&tokens.get(i + 1)?.text)?;
    Some(Number {
        value: base + unit,
        len: 2,
        ordinal: false,
    })
}

/// "treinta y uno", "diez y seis".
fn tens_and_unit(tokens: &[Token], i: usize, tens: Number) -> Option<Number> {
    TENS.iter().find(|(_, v)| *v == tens.value)?;
    if !tokens.get(i + 1)?.is("y") {
        return None;
    }
    let unit = unit_value(&tokens.get(i + 2)?.text)?;
    Some(Number {
        value: tens.value + unit,
        len: 3,
        ..tens
    })
}

fn unit_value(text: &str) -> Option<u32> {
    UNITS.iter().find(|(w, _)| *w == text).map(|(_, v)| *v)
}

/// "veintidos" → 22: a prefix glued to a unit.
fn prefixed_value(text: &str) -> Option<u32> {
    PREFIXES.iter().find_map(|(p, base)| {
        let rest = text.strip_prefix(p)?;
        unit_value(rest).map(|u| base + u)
    })
}

/// The value of a single number word, exactly or with one typo.
fn word_value(tok: &Token) -> Option<u32> {
    if let Some((_, v)) = WORDS.iter().find(|(w, _)| tok.is(w)) {
        return Some(*v);
    }
    if let Some(v) = prefixed_value(&tok.text) {
        return Some(v);
    }
    if tok.text.len() < FUZZY_MIN || tok.known {
        return None;
    }
    let near = |w: &str| w.len() >= FUZZY_MIN && lexicon::word(tok, w).is_some();
    let from_words = || WORDS.iter().find(|(w, _)| near(w)).map(|(_, v)| *v);
    let from_compounds = || {
        (16..=31)
            .filter(|v| *v != 20 && *v != 30)
            .find(|v| canonical_compound(*v).is_some_and(|w| near(&w)))
    };
    from_words().or_else(from_compounds)
}

/// The standard spelling of 16–19, 21–29 and 31, for typo matching.
fn canonical_compound(v: u32) -> Option<String> {
    let (prefix, unit) = match v {
        16..=19 => ("dieci", v - 10),
        21..=29 => ("veinti", v - 20),
        31 => ("treinti", 1),
        _ => return None,
    };
    let unit_word = UNITS
        .iter()
        .find(|(w, u)| *u == unit && *w != "un" && *w != "una" && *w != "sinco")?
        .0;
    Some(format!("{prefix}{unit_word}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn value(s: &str) -> Option<(u32, usize)> {
        let t = tokenize(s);
        parse_at(&t, 0).map(|n| (n.value, n.len))
    }

    #[test]
    fn words_and_digits() {
        assert_eq!(value("15"), Some((15, 1)));
        assert_eq!(value("quince"), Some((15, 1)));
        assert_eq!(value("veintidós"), Some((22, 1)));
        assert_eq!(value("veintidos"), Some((22, 1)));
        assert_eq!(value("veinti dos"), Some((22, 2)));
        assert_eq!(value("treinta y uno"), Some((31, 3)));
        assert_eq!(value("dieciséis"), Some((16, 1)));
        assert_eq!(value("diez y seis"), Some((16, 3)));
        assert_eq!(value("primero"), Some((1, 1)));
        assert_eq!(value("catorse"), Some((14, 1)));
        assert_eq!(value("cautro"), Some((4, 1)));
        assert_eq!(value("veintisiette"), Some((27, 1)));
    }

    #[test]
    fn real_words_are_not_numbers() {
        assert_eq!(value("cuarto"), None);
        assert_eq!(value("nuevo"), None);
        assert_eq!(value("hola"), None);
        assert_eq!(value("123456"), None);
    }
}

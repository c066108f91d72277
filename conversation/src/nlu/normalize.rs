//! Text normalization: turns what a guest typed (or what speech-to-text wrote) into a flat list
//! of lowercase ASCII-ish tokens that the other parsers compare against their word lists.
//!
//! Why each step exists:
//! - lowercase and accent folding ("Tenés" → "tenes"): guests skip accents and write in
//!   capitals; the accent is kept as a flag because "reservá" (an order) and "reserva" (a noun)
//!   differ only by it.
//! - letters repeated three or more times are collapsed ("holaaa" → "hola", "siiii" → "si");
//!   `rr` and `ll` collapse to two letters because Spanish spells with them ("perrrro" →
//!   "perro"). Exactly two repeated letters are left alone here and handled by the matcher.
//! - digits glued to letters are split ("4pax" → "4" "pax"; "1ro" → "1", the ordinal suffix is
//!   dropped), while `/`, `-` and `.` between two digits stay inside the token ("15/12",
//!   "15-17") so the date parser sees them whole; a typographic dash ("10–13", "10—13", the
//!   minus sign) is a hyphen, since mail clients and phones write one for a typed "-".
//! - thumbs-up style emojis become the token "ok"; `+` becomes "mas"; `$` becomes "pesos";
//!   any other emoji or symbol is a separator.
//! - input is cut at [`MAX_CHARS`] characters (WhatsApp's own message limit), so the work
//!   per message is bounded.
//!
//! This module never decides meaning; it only shapes text.

use super::lexicon;

/// WhatsApp caps a text message at 4096 characters; nothing longer is worth reading.
pub(crate) const MAX_CHARS: usize = 4096;

/// Ordinal suffixes written right after a digit: "1ro", "2do", "3er", "1°" is handled as a
/// separator already.
const ORDINAL_SUFFIXES: &[&str] = &[
    "ro", "ero", "er", "ra", "do", "da", "to", "ta", "vo", "mo", "no", "st", "nd", "rd", "th",
];

/// Emojis that mean "yes" in a chat.
const AFFIRMATIVE_EMOJIS: &[char] = &['👍', '👌', '✅', '🙌', '🤝', '✔', '☑'];

/// One word (or number, or compound date like "15/12") of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Lowercase, accents folded, long letter runs collapsed.
    pub(crate) text: String,
    /// The original carried an acute accent ("sí", "reservá", "cancelá").
    pub(crate) accented: bool,
    /// Punctuation (`,` `.` `!` `?` `;` `:`) followed the word in the original.
    pub(crate) punct_after: bool,
    /// The word is one the lexicon knows exactly, so it is never treated as a typo of another.
    pub(crate) known: bool,
    /// The original had an "ñ" (folded to "n"): a short word with one is a misspelt Ñire, not
    /// one of the many short words it would otherwise be one letter from.
    pub(crate) enye: bool,
}

impl Token {
    pub(crate) fn is(&self, word: &str) -> bool {
        self.text == word
    }

    pub(crate) fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.text == *w)
    }

    /// "y", "e", "and": the word that joins two things. The Portuguese "é" (is) folds to the
    /// same "e" but joins nothing ("e qual é a mais barata?").
    pub(crate) fn is_and(&self) -> bool {
        self.is_any(&["y", "e", "and"]) && !self.accented
    }

    /// Only ASCII digits ("15"), not compounds like "15/12".
    pub(crate) fn is_digits(&self) -> bool {
        !self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit())
    }

    pub(crate) fn is_alpha(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(char::is_alphabetic)
    }
}

/// What a (lowercased) character is for tokenization.
enum Class {
    Letter(char, bool),
    Digit(char),
    /// `/`, `-`, `.`: inside a number they join ("15/12"), elsewhere they separate.
    Joiner(char),
    Affirmative,
    Plus,
    Dollar,
    Punct,
    Separator,
}

fn classify(c: char) -> Class {
    match c {
        'á' | 'é' | 'í' | 'ó' | 'ú' => Class::Letter(fold(c), true),
        'º' | 'ª' | '°' => Class::Separator,
        '0'..='9' => Class::Digit(c),
        '/' | '-' | '.' => Class::Joiner(c),
        // Typographic dashes ("10–13 March": word processors, phones and mail clients turn a
        // typed hyphen into an en or em dash) join two days as the hyphen does.
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Class::Joiner('-'),
        '+' => Class::Plus,
        '$' => Class::Dollar,
        ',' | '!' | '?' | ';' | ':' | '¿' | '¡' => Class::Punct,
        _ if AFFIRMATIVE_EMOJIS.contains(&c) => Class::Affirmative,
        _ if c.is_alphabetic() => Class::Letter(fold(c), false),
        _ => Class::Separator,
    }
}

/// Strips diacritics from the Spanish letters (and a few common foreign ones).
pub(crate) fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => c,
    }
}

/// Builds tokens character by character.
#[derive(Default)]
struct Builder {
    tokens: Vec<Token>,
    text: String,
    accented: bool,
    enye: bool,
    /// The current letter run started right after a digit ("1ro").
    glued_to_digit: bool,
}

impl Builder {
    fn last_char(&self) -> Option<char> {
        self.text.chars().last()
    }

    fn push_letter(&mut self, c: char, accented: bool) {
        if self.last_char().is_some_and(|l| !l.is_alphabetic()) {
            self.flush();
            self.glued_to_digit = true;
        }
        self.text.push(c);
        self.accented |= accented;
    }

    fn push_digit(&mut self, c: char) {
        if self.last_char().is_some_and(char::is_alphabetic) {
            self.flush();
        }
        self.text.push(c);
    }

    fn push_joiner(&mut self, c: char) {
        self.text.push(c);
    }

    /// Drops the ordinal suffix being read and reopens the number before it with `c`.
    fn rejoin_after_ordinal(&mut self, c: char) {
        self.text.clear();
        self.glued_to_digit = false;
        self.accented = false;
        if let Some(number) = self.tokens.pop() {
            self.text = number.text;
        }
        self.text.push(c);
    }

    fn push_word(&mut self, word: &str) {
        self.flush();
        self.text.push_str(word);
        self.flush();
    }

    fn mark_punct(&mut self) {
        self.flush();
        if let Some(last) = self.tokens.last_mut() {
            last.punct_after = true;
        }
    }

    fn flush(&mut self) {
        let glued = std::mem::take(&mut self.glued_to_digit);
        let accented = std::mem::take(&mut self.accented);
        let enye = std::mem::take(&mut self.enye);
        let raw = std::mem::take(&mut self.text);
        if raw.is_empty() {
            return;
        }
        let text = collapse_runs(&raw);
        if glued && ORDINAL_SUFFIXES.contains(&text.as_str()) {
            return;
        }
        // "70k", "180k": thousands of pesos, one number ("k" alone is chat for "que").
        if glued
            && text == "k"
            && let Some(last) = self.tokens.last_mut()
            && last.is_digits()
            && last.text.len() <= 3
        {
            last.text.push_str("000");
            return;
        }
        let known = lexicon::is_known(&text);
        self.tokens.push(Token {
            text,
            accented,
            punct_after: false,
            known,
            enye,
        });
    }
}

/// Splits and normalizes a message; see the module docs for the rules.
pub(crate) fn tokenize(raw: &str) -> Vec<Token> {
    let chars: Vec<char> = raw
        .chars()
        .take(MAX_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    let addresses = addresses(&chars);
    let mut b = Builder::default();
    for (i, &c) in chars.iter().enumerate() {
        if addresses[i] {
            b.flush();
            continue;
        }
        match classify(c) {
            Class::Letter(l, accented) => {
                b.push_letter(l, accented);
                b.enye |= c == 'ñ';
            }
            Class::Digit(d) => b.push_digit(d),
            Class::Joiner(j) => {
                let between_digits = b.last_char().is_some_and(|l| l.is_ascii_digit())
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                // "5th-8th", "1ro-3ro": the suffix goes, the dash joins the two days.
                let after_ordinal = j == '-'
                    && b.glued_to_digit
                    && ORDINAL_SUFFIXES.contains(&b.text.as_str())
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit);
                if between_digits {
                    b.push_joiner(j);
                } else if after_ordinal {
                    b.rejoin_after_ordinal(j);
                } else if j == '.' {
                    b.mark_punct();
                } else {
                    b.flush();
                }
            }
            Class::Affirmative => b.push_word("ok"),
            Class::Plus => b.push_word("mas"),
            Class::Dollar => b.push_word("pesos"),
            Class::Punct => b.mark_punct(),
            Class::Separator => b.flush(),
        }
    }
    b.flush();
    b.tokens
}

/// Which characters belong to an email address or a web link ("juan@gmail.com",
/// "https://…", "www.…"): no words of the message ("com" is not Portuguese, "23" no guests).
fn addresses(chars: &[char]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        let end = chars[start..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |k| start + k);
        let word: String = chars[start..end].iter().collect();
        let link =
            word.starts_with("http://") || word.starts_with("https://") || word.starts_with("www.");
        let email = word
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        if link || email {
            out[start..end].iter_mut().for_each(|m| *m = true);
        }
        start = end + 1;
    }
    out
}

/// Collapses letter runs of three or more: to two for `r`/`l` (Spanish "rr", "ll"), to one
/// otherwise. Digits are never collapsed ("111").
fn collapse_runs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        let keep = match (c.is_alphabetic(), run) {
            (false, _) | (true, 1 | 2) => run,
            (true, _) if c == 'r' || c == 'l' => 2,
            (true, _) => 1,
        };
        out.extend(std::iter::repeat_n(c, keep));
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn folds_accents_case_and_repeats() {
        assert_eq!(texts("¡Holaaa! ¿Tenés LUGAR?"), ["hola", "tenes", "lugar"]);
        assert_eq!(texts("perrrro siiii"), ["perro", "si"]);
        assert_eq!(texts("mañana"), ["manana"]);
    }

    #[test]
    fn keeps_dates_whole_and_splits_glued_words() {
        assert_eq!(texts("15/12 al 17/12/2026"), ["15/12", "al", "17/12/2026"]);
        assert_eq!(texts("4pax el 1ro"), ["4", "pax", "el", "1"]);
        assert_eq!(texts("check-in 15-17"), ["check", "in", "15-17"]);
        assert_eq!(
            texts("2 adultos + 1 nene 👍"),
            ["2", "adultos", "mas", "1", "nene", "ok"]
        );
    }

    #[test]
    fn remembers_accents_and_punctuation() {
        let t = tokenize("sí, reservá");
        assert!(t[0].accented && t[0].punct_after);
        assert!(t[1].accented && !t[1].punct_after);
    }
}

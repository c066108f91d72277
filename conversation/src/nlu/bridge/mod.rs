//! A bridge from English and Portuguese (and Spanish chat shorthand, and the Spanish of other
//! countries) to the Argentine Spanish words the parsers know: "from April 15 to 17" reads as
//! "desde 15 abril hasta 17", "de 5 a 9 de janeiro" as "de 5 a 9 de enero", "pa 6" as "para 6". One table of phrases, so every parser
//! (dates, guests, intents, names, agreement) understands the three languages without a copy
//! of its rules per language.
//!
//! Rules:
//! - phrases are replaced longest first, on whole normalized tokens; only words no Spanish
//!   guest would write with another meaning are bridged ("to", "from", "pessoas"), so a Spanish
//!   message passes unchanged;
//! - a month written before its day ("April 15", "Jan 3-7", "March 1st to 4th") is moved
//!   after it, the Spanish order; English and Portuguese month abbreviations are read only next
//!   to a number ("may" alone is a verb);
//! - the replacement tokens keep the punctuation flag of the last word they replace.
//!
//! It never decides meaning: it only rewrites words.

mod dialects;
mod instead;
mod settle;
mod shorthand;
mod words;

pub(crate) use shorthand::expand as expand_shorthand;

use std::{collections::HashMap, sync::LazyLock};

use words::{MONTHS, ONLY_NEXT_TO_A_NUMBER, PHRASES};

use super::{dates::SPANISH_MONTHS, lexicon, normalize::Token, numbers};

/// Rewrites the tokens; see the module docs.
#[cfg(test)]
pub(crate) fn to_spanish(tokens: Vec<Token>) -> Vec<Token> {
    to_spanish_from(tokens, false)
}

/// Rewrites the tokens (see the module docs); `english` says the message is written in English, where a numeric date
/// that reads both ways ("3/1") is month first, as written in the United States.
pub(crate) fn to_spanish_from(tokens: Vec<Token>, english: bool) -> Vec<Token> {
    // A date that only reads day first ("14/03") says how the message writes them all
    // ("10/03 to 14/03").
    // "From 3/3 to 7/3": two dates of one month written day first (month first they would be
    // months apart), as a European guest writes them in English.
    let english = english && !tokens.iter().any(day_first_only) && !one_month_day_first(&tokens);
    let replaced = phrases(&goes_for(size_asked(praise(portuguese_close(
        portuguese_ten(portuguese_weekdays(instead::new_value_with_unit(
            settle::as_paying(dialects::read(tokens)),
        ))),
    )))));
    months_after_days(day_words_after_months(replaced))
        .into_iter()
        .map(|t| month_first_numeric(t, english))
        .collect()
}

/// "What does the Lenga go for?", "what do they go for?": what a thing sells for, where "go
/// for" ends the question a "what … do/does" opens; "we'll go for the Coihue", "which one
/// should we go for?" and "what would you go for?" stay picks and advice.
fn goes_for(mut tokens: Vec<Token>) -> Vec<Token> {
    let Some(what) = tokens.iter().position(|t| t.is("what")) else {
        return tokens;
    };
    for i in what + 1..tokens.len().saturating_sub(1) {
        let ends = tokens[i + 1].punct_after || i + 2 == tokens.len();
        let does = tokens[what + 1..i]
            .iter()
            .any(|t| t.is_any(&["do", "does"]));
        if does && tokens[i].is_any(&["go", "goes"]) && tokens[i + 1].is("for") && ends {
            tokens[i].text = "cuanto".to_owned();
            tokens[i].known = true;
            tokens[i + 1].text = "sale".to_owned();
            tokens[i + 1].known = true;
            break;
        }
    }
    tokens
}

/// Brazilian "show" and "top" are praise ("show!", "show, pode reservar", "top demais"), as
/// "genial" is; only where they end a clause or lead into more praise or a go-ahead, so "show
/// me the photos" and "top floor" stay English.
fn praise(mut tokens: Vec<Token>) -> Vec<Token> {
    const THEN: &[&str] = &[
        "entao", "pode", "obrigado", "obrigada", "valeu", "vlw", "demais", "e", "ja", "beleza",
        "fechado", "perfeito", "reserva", "sim", "ok",
    ];
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        let praises = tokens[i].is_any(&["show", "top"])
            && (tokens[i].punct_after || next.is_none_or(|n| n.is_any(THEN)));
        if praises {
            tokens[i].text = "genial".to_owned();
            tokens[i].known = true;
        }
    }
    tokens
}

/// "Is the Coihue big?", "is the Lenga large enough?", "is the Ñire a big cabin?": a question
/// opened by "is"/"are" that ends on a word of size asks how big it is, as "¿es grande?"
/// does; "is the big one free?" and "a big cabin for 6" (a choice, not a question of size)
/// stay as written.
fn size_asked(mut tokens: Vec<Token>) -> Vec<Token> {
    const SIZE: &[&str] = &["big", "large", "spacious", "roomy"];
    let mut opens = true;
    let mut asks = false;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let closes = t.punct_after || i + 1 == tokens.len();
        // "… big enough for 6?", "… a big cabin?"
        let then_closes = tokens.get(i + 1).is_some_and(|n| {
            let ends = n.punct_after || i + 2 == tokens.len();
            n.is("enough") || (n.is_any(&["cabin", "place", "house"]) && ends)
        });
        if asks && t.is_any(SIZE) && (closes || then_closes) {
            tokens[i] = word("grande", t.punct_after);
            tokens.insert(i, word("es", false));
            return tokens;
        }
        if opens {
            asks = t.is_any(&["is", "are", "isnt"]);
        }
        opens = closes;
    }
    tokens
}

/// Portuguese "fechar" is closing the deal: "fecha a Coihue", "blz, fecha", "pode fechar",
/// "vamos fechar a Lenga" book. Spanish "fecha" (a date) comes after an article or before
/// "de" ("la fecha", "¿qué fecha?", "fecha de ingreso"), so only the imperative that opens a
/// clause, alone or before a cabin ("a", "o", "pra"…), and the infinitive after a verb of
/// wanting are rewritten.
fn portuguese_close(mut tokens: Vec<Token>) -> Vec<Token> {
    const LEAD: &[&str] = &[
        "blz", "beleza", "ok", "entao", "show", "perfeito", "otimo", "bom", "ja", "sim", "isso",
        "massa", "top", "legal", "e", "pode", "pfv", "por", "favor",
    ];
    const AFTER: &[&str] = &[
        "a", "o", "as", "os", "entao", "pra", "para", "pfv", "por", "ai", "essa", "esse", "com",
        "logo", "isso", "tudo", "ela", "elas", "agora", "comigo", "ae",
    ];
    const WANT: &[&str] = &[
        "pode",
        "podem",
        "quero",
        "queremos",
        "vamos",
        "podemos",
        "bora",
        "vou",
        "gostaria",
        "gostariamos",
        "queria",
        "quer",
    ];
    for i in 0..tokens.len() {
        let before = i.checked_sub(1).and_then(|k| tokens.get(k));
        let after = tokens.get(i + 1);
        let opens = before.is_none_or(|b| b.punct_after || b.is_any(LEAD));
        let rewrite = if tokens[i].is("fecha") || tokens[i].is("fecho") {
            let ends = tokens[i].punct_after || after.is_none_or(|a| a.is_any(AFTER));
            (opens && ends).then_some("reservame")
        } else if tokens[i].is_any(&["fechar", "fecharmos"]) {
            before.is_some_and(|b| b.is_any(WANT)).then_some("reservar")
        } else {
            None
        };
        if let Some(word) = rewrite {
            tokens[i].text = word.to_owned();
            tokens[i].known = true;
        }
    }
    tokens
}

/// "Dez" is ten or December: after a day ("15 dez", "15 de dez") the month, else the number
/// ("de dez a treze de abril", "dia dez", "dez pessoas").
fn portuguese_ten(mut tokens: Vec<Token>) -> Vec<Token> {
    const DAY_WORDS: &[&str] = &[
        "um",
        "primeiro",
        "dois",
        "duas",
        "tres",
        "quatro",
        "cinco",
        "seis",
        "sete",
        "oito",
        "nove",
        "onze",
        "doze",
        "treze",
        "quatorze",
        "catorze",
        "quinze",
        "dezesseis",
        "dezasseis",
        "dezessete",
        "dezoito",
        "dezenove",
        "vinte",
        "trinta",
    ];
    let day = |t: Option<&Token>| t.is_some_and(|t| t.is_digits() || t.is_any(DAY_WORDS));
    for i in 0..tokens.len() {
        if !tokens[i].is("dez") {
            continue;
        }
        let before = i.checked_sub(1).and_then(|k| tokens.get(k));
        let after_day = day(before)
            || before.is_some_and(|t| t.is("de"))
                && day(i.checked_sub(2).and_then(|k| tokens.get(k)));
        if !after_day {
            tokens[i].text = "diez".to_owned();
            tokens[i].known = true;
        }
    }
    tokens
}

/// Portuguese weekdays that are also ordinals ("segunda", "quarta", "quinta": the second, the
/// fourth, the fifth) read as days where a day is meant: "de segunda a quarta", "até quinta",
/// "na segunda". Alone ("a segunda") they stay picks.
fn portuguese_weekdays(mut tokens: Vec<Token>) -> Vec<Token> {
    const AMBIGUOUS: &[(&str, &str)] = &[
        ("segunda", "lunes"),
        ("quarta", "miercoles"),
        ("quinta", "jueves"),
    ];
    const DAYS: &[&str] = &[
        "segunda",
        "terca",
        "quarta",
        "quinta",
        "sexta",
        "sabado",
        "domingo",
        "lunes",
        "martes",
        "miercoles",
        "jueves",
        "viernes",
    ];
    const FROM: &[&str] = &["de", "desde"];
    const TO: &[&str] = &["a", "ate", "al", "hasta"];
    const ON: &[&str] = &["na", "ate", "proxima", "nesta", "essa", "esta"];
    let is = |tokens: &[Token], i: Option<usize>, list: &[&str]| {
        i.and_then(|i| tokens.get(i))
            .is_some_and(|t| t.is_any(list))
    };
    let ambiguous: Vec<usize> = (0..tokens.len())
        .filter(|&i| {
            let (before, after) = (i.checked_sub(1), Some(i + 1));
            AMBIGUOUS.iter().any(|(w, _)| tokens[i].is(w))
                // "na segunda quinzena de maio", "na quarta semana": an ordinal of a part of
                // a month.
                && !is(&tokens, after, &["quinzena", "semana", "quincena"])
                && (is(&tokens, before, ON)
                    // "de segunda a quarta": the start of a range of days
                    || is(&tokens, before, FROM)
                        && is(&tokens, after, TO)
                        && is(&tokens, Some(i + 2), DAYS)
                    // … and its end
                    || is(&tokens, before, TO)
                        && is(&tokens, i.checked_sub(2), DAYS)
                        && is(&tokens, i.checked_sub(3), FROM))
        })
        .collect();
    for i in ambiguous {
        if let Some(t) = tokens.get_mut(i)
            && let Some((_, es)) = AMBIGUOUS.iter().find(|(w, _)| t.is(w))
        {
            t.text = (*es).to_owned();
            t.known = true;
        }
    }
    tokens
}

/// "12/20" cannot be day/month; written month first (as in the United States) it is the 20th
/// of December: "20/12". A date that reads either way is left as written (day first), except
/// in English (`english`), where it is month first.
/// "14/03": its first number cannot be a month.
fn day_first_only(t: &Token) -> bool {
    numeric_dates(t).any(|date| {
        let parts: Vec<&str> = date.split('/').collect();
        matches!(parts.as_slice(), [d, m, ..]
            if d.parse::<u32>().is_ok_and(|d| (13..=31).contains(&d))
                && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)))
    })
}

/// The numeric dates in a token: itself, or each side of a range written without spaces
/// ("3/16-3/19", "16/3-19/3").
fn numeric_dates(t: &Token) -> impl Iterator<Item = &str> {
    t.text.split('-')
}

/// Two or more numeric dates that read both ways, the second number the same in all and the
/// first not ("3/3" … "7/3"): the days of one month, written day first.
fn one_month_day_first(tokens: &[Token]) -> bool {
    let both: Vec<(u32, u32)> = tokens
        .iter()
        .flat_map(numeric_dates)
        .filter_map(|date| {
            let parts: Vec<&str> = date.split('/').collect();
            match parts.as_slice() {
                [a, b] | [a, b, _] => Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)),
                _ => None,
            }
        })
        .filter(|(a, b)| (1..=12).contains(a) && (1..=12).contains(b))
        .collect();
    both.len() >= 2
        && both.iter().all(|(_, m)| *m == both[0].1)
        && both.iter().any(|(d, _)| *d != both[0].0)
}

fn month_first_numeric(mut t: Token, english: bool) -> Token {
    let lowest_day = if english { 1 } else { 13 };
    let day_first = |date: &str| -> Option<(String, String)> {
        let parts: Vec<&str> = date.split('/').collect();
        if let [m, d, rest @ ..] = parts.as_slice()
            && rest.len() <= 1
            && let (Ok(mv), Ok(dv)) = (m.parse::<u32>(), d.parse::<u32>())
            && (1..=12).contains(&mv)
            && (lowest_day..=31).contains(&dv)
        {
            let mut month = (*m).to_owned();
            if let [y] = rest {
                month = format!("{month}/{y}");
            }
            return Some(((*d).to_owned(), month));
        }
        None
    };
    let sides: Vec<&str> = t.text.split('-').collect();
    match sides.as_slice() {
        [one] => {
            if let Some((d, m)) = day_first(one) {
                t.text = format!("{d}/{m}");
            }
        }
        // "3/16-3/19": both sides month first.
        [a, b] if a.contains('/') && b.contains('/') => {
            if let (Some((da, ma)), Some((db, mb))) = (day_first(a), day_first(b)) {
                t.text = format!("{da}/{ma}-{db}/{mb}");
            }
        }
        // "3/16-19": the month first, then the days of the stay ("16-19/3").
        [a, b] if b.bytes().all(|c| c.is_ascii_digit()) && (1..=2).contains(&b.len()) => {
            if let Some((da, ma)) = day_first(a)
                && b.parse::<u32>().is_ok_and(|db| (1..=31).contains(&db))
            {
                t.text = format!("{da}-{b}/{ma}");
            }
        }
        _ => {}
    }
    t
}

fn phrases(tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let hit = PHRASES_BY_FIRST_WORD
            .get(tokens[i].text.as_str())
            .into_iter()
            .flatten()
            .filter(|(from, _)| matches_at(tokens, i, from))
            .max_by_key(|(from, _)| from.len());
        match hit {
            Some((from, to)) => {
                let n = from.len();
                let punct = tokens.get(i + n - 1).is_some_and(|t| t.punct_after);
                let words: Vec<&str> = to.split(' ').filter(|w| !w.is_empty()).collect();
                let last = words.len();
                for (k, w) in words.into_iter().enumerate() {
                    let mut bridged = word(w, punct && k + 1 == last);
                    // "é" ("is") bridged word for word stays accented, apart from "e" ("and").
                    bridged.accented |= n == 1 && last == 1 && tokens[i].accented;
                    out.push(bridged);
                }
                i += n;
            }
            None => {
                if let Some(t) = tokens.get(i) {
                    out.push(t.clone());
                }
                i += 1;
            }
        }
    }
    out
}

/// The bridge's phrases as words, by their first word (a message is rewritten token by token,
/// and only the phrases that start with the token could replace it), in the table's order.
type PhrasesByFirstWord = HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>;

static PHRASES_BY_FIRST_WORD: LazyLock<PhrasesByFirstWord> = LazyLock::new(|| {
    let mut by_first: PhrasesByFirstWord = HashMap::new();
    for (from, to) in PHRASES {
        let words: Vec<&str> = from.split(' ').collect();
        by_first.entry(words[0]).or_default().push((words, *to));
    }
    by_first
});

fn matches_at(tokens: &[Token], i: usize, words: &[&str]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
}

fn word(text: &str, punct_after: bool) -> Token {
    Token {
        text: text.to_owned(),
        // "sí" is a clear yes: the bridged "yes"/"sim" is one too.
        accented: text == "si",
        punct_after,
        known: lexicon::is_known(text),
        enye: false,
    }
}

fn starts_with_digit(t: Option<&Token>) -> bool {
    t.is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// "April second to April fifth", "June ten to June thirteen", "January twenty first": a day
/// said in words right after a month written in full (speech-to-text writes them so) becomes
/// its number, so the month moves after it as after "April 2". A head count or nights after
/// it ("in March two adults", "June three nights") keep the word. The months that are other
/// words alone ("may", "mar") take it only inside a range: "from may ten", "may ten to may
/// twelve", "may ten to twelve" ("may two of us come?" keeps the verb).
fn day_words_after_months(tokens: Vec<Token>) -> Vec<Token> {
    // The English range words as the phrases wrote them ("from" "desde", "to" "hasta").
    const RANGE_BEFORE: &[&str] = &["desde", "hasta", "entre", "y"];
    const RANGE_AFTER: &[&str] = &["hasta", "y"];
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let month = &tokens[i];
        let at = i;
        out.push(month.clone());
        i += 1;
        let needs_number = match spanish_month(month) {
            Some((_, needs_number)) if !month.punct_after => needs_number,
            _ => continue,
        };
        let Some((day, len)) = day_word_at(&tokens, i) else {
            continue;
        };
        let in_range = at
            .checked_sub(1)
            .is_some_and(|k| tokens[k].is_any(RANGE_BEFORE) && !tokens[k].punct_after)
            || tokens.get(i + len).is_some_and(|t| t.is_any(RANGE_AFTER));
        if needs_number && !in_range {
            continue;
        }
        if tokens
            .get(i + len)
            .is_some_and(|t| t.is_any(PEOPLE_AFTER) || t.is_any(NOT_A_DAY_AFTER))
        {
            continue;
        }
        out.push(word(&day.to_string(), tokens[i + len - 1].punct_after));
        i += len;
    }
    out
}

/// Words after a number that make it a count, not the day of the month before it, besides
/// a head count's (`PEOPLE_AFTER`).
#[rustfmt::skip]
const NOT_A_DAY_AFTER: &[&str] = &[
    "noches", "noche", "nights", "noites", "dias", "days", "semanas", "weeks", "of", "de",
    "ninos", "kids", "chicos", "hijos", "amigos", "friends",
];

/// The day a number word (or an ordinal the bridge wrote: "primera", "segunda", "tercera")
/// says at `i`, with the tokens it spans; "un"/"una" are articles, never a day here.
fn day_word_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    const ORDINALS: &[(&str, u32)] = &[("primera", 1), ("segunda", 2), ("tercera", 3)];
    let t = tokens.get(i)?;
    if t.is_digits() || t.is_any(&["un", "una", "uno"]) {
        return None;
    }
    if let Some((_, day)) = ORDINALS.iter().find(|(w, _)| t.is(w)) {
        return Some((*day, 1));
    }
    day_in_words(tokens, i)
}

/// The day of a month a number said in words at `i` names ("doce", "treinta y uno"), with the
/// tokens it spans; "un"/"una" are articles, never a day.
fn day_in_words(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    if tokens.get(i)?.is_any(&["un", "una"]) {
        return None;
    }
    let n = numbers::parse_at(tokens, i)?;
    (1..=31).contains(&n.value).then_some((n.value, n.len))
}

/// "15", "3-7", "15/12": a day number first, not a year ("2027").
fn is_day_like(t: Option<&Token>) -> bool {
    t.is_some_and(|t| {
        let head: String = t.text.chars().take_while(char::is_ascii_digit).collect();
        !head.is_empty() && head.len() <= 2
    })
}

/// Words after a number that make it a head count, not a day.
const PEOPLE_AFTER: &[&str] = &[
    "personas",
    "persona",
    "people",
    "adults",
    "adultos",
    "guests",
    "pessoas",
    "pax",
    "huespedes",
];

/// Words after a number that make it a count of nights, not a day ("el finde largo de junio 3
/// noches", "the long weekend in June 2 nights", "feriado de julho 3 noites").
const NIGHTS_AFTER: &[&str] = &["noches", "noche", "nights", "night", "noites", "noite"];

/// Whether a month is denied in `before` ("not April,", "no abril", "não é abril"): a month
/// name at most two words after a "not".
fn month_denied_before(before: &[Token]) -> bool {
    before.iter().enumerate().any(|(j, t)| {
        spanish_month(t).is_some()
            && !t.is_any(ONLY_NEXT_TO_A_NUMBER)
            && before[j.saturating_sub(2)..j]
                .iter()
                .any(|n| n.is_any(&["not", "nao", "no"]))
    })
}

/// "abril 15" → "15 abril"; foreign month names become Spanish ones.
fn months_after_days(mut tokens: Vec<Token>) -> Vec<Token> {
    let mut i = 0;
    while i < tokens.len() {
        let month = tokens.get(i).and_then(|t| spanish_month(t));
        // "in March, 2 of us": a number cut off by a comma is not this month's day either.
        let next_is_number =
            is_day_like(tokens.get(i + 1)) && !tokens.get(i).is_some_and(|t| t.punct_after);
        // "somos 2, marzo 10-12": a number cut off by a comma is not this month's day.
        let prev_is_number = i > 0
            && starts_with_digit(tokens.get(i - 1))
            && !tokens.get(i - 1).is_some_and(|t| t.punct_after);
        // "12 de marco", "doze de marco", "treinta y uno de marco": a day before "de", in
        // digits or said in words as a voice note writes it.
        let prev_is_de = i > 1
            && tokens.get(i - 1).is_some_and(|t| t.is("de"))
            && (starts_with_digit(tokens.get(i - 2)) || day_in_words(&tokens, i - 2).is_some());
        let Some((spanish, needs_number)) = month else {
            i += 1;
            continue;
        };
        // "em março", "in May": a month after "in", not a modal verb nor a frame; "late May",
        // "early May", "mid May": a part of it.
        let prev_is_in = i > 0
            && tokens.get(i - 1).is_some_and(|t| {
                t.is_any(&[
                    "em", "in", "en", "durante", "during", "late", "early", "mid",
                ])
            });
        // "Errei o mês, é março", "não é fevereiro, é março": the month said as what it is
        // ("é", accented, is "is"; the month talked about).
        // "Sorry, wrong month, I meant May", "it's May, not April": the same for "may".
        let said_as_month = i > 0
            && tokens[i].is_any(&["marco", "may"])
            && (tokens
                .get(i - 1)
                .is_some_and(|t| t.is_any(&["e", "y"]) && t.accented)
                || tokens[..i].iter().any(|t| t.is_any(&["mes", "month"]))
                || tokens.get(i - 1).is_some_and(|t| t.is("meant"))
                || (i > 1 && tokens[i - 1].is("s") && tokens[i - 2].is("it"))
                || tokens.get(i - 1).is_some_and(|t| t.is("its"))
                || tokens
                    .get(i + 1)
                    .is_some_and(|t| t.is_any(&["not", "nao", "no"]))
                // "Not April, May", "not april but may": the month put in a denied one's place.
                || month_denied_before(&tokens[..i]));
        // "A primeira semana de março", "meados de março", "the last week of mar": a month
        // after a part of a month.
        let part_of_month = i > 1
            && tokens
                .get(i - 1)
                .is_some_and(|t| t.is_any(&["de", "do", "of"]))
            && tokens.get(i - 2).is_some_and(|t| {
                t.is_any(&[
                    "semana",
                    "quincena",
                    "quinzena",
                    "inicio",
                    "inicios",
                    "comienzo",
                    "comeco",
                    "principio",
                    "principios",
                    "fin",
                    "fines",
                    "final",
                    "finales",
                    "fim",
                    "meados",
                    "mediados",
                    "mitad",
                    "week",
                    "finde",
                    // "the second half of May", "the end of May", "the beginning of May".
                    "half",
                    "end",
                    "beginning",
                    "start",
                    "middle",
                ])
            });
        if needs_number
            && !next_is_number
            && !prev_is_number
            && !prev_is_de
            && !prev_is_in
            && !said_as_month
            && !part_of_month
        {
            i += 1;
            continue;
        }
        if let Some(t) = tokens.get_mut(i) {
            t.text = spanish.to_owned();
            t.known = true;
        }
        // "for 2 Jan 18-21", "we're 2, March 1 to 4": a range of days after the month is its
        // own; the number before is something else (the party).
        let next_starts_range = next_is_number
            && (tokens.get(i + 1).is_some_and(|t| t.text.contains('-'))
                || tokens.get(i + 2).is_some_and(|t| {
                    t.is_any(&[
                        "to", "hasta", "al", "till", "until", "through", "thru", "ao", "-",
                    ])
                }));
        // "Jan 5 - 8": the dash is gone by now; two days after the month, the second later
        // and no people nor nights after it, are its range ("5 al 8 enero").
        let day = |t: Option<&Token>| {
            t.filter(|t| t.text.len() <= 2)
                .and_then(|t| t.text.parse::<u32>().ok())
        };
        let spaced_range = next_is_number
            && !tokens.get(i + 1).is_some_and(|t| t.punct_after)
            && day(tokens.get(i + 1))
                .zip(day(tokens.get(i + 2)))
                .is_some_and(|(a, b)| a < b && b <= 31)
            && !tokens.get(i + 3).is_some_and(|t| {
                t.is_any(&[
                    "personas", "persona", "people", "adults", "adultos", "guests", "pessoas",
                    "noches", "nights", "noites", "pax",
                ])
            });
        if spaced_range {
            let until = word("al", false);
            if let Some(t) = tokens.get_mut(i) {
                t.text = spanish.to_owned();
                t.known = true;
            }
            let month = tokens.remove(i);
            tokens.insert(i + 1, until);
            tokens.insert(i + 3, month);
            i += 4;
            continue;
        }
        // "el finde largo de julio, 6 personas", "in July, 6 guests", "de junio 3 noches": a
        // number cut off from the month by a comma, a head count or a count of nights is no
        // day of it.
        let apart = tokens.get(i).is_some_and(|t| t.punct_after)
            || tokens
                .get(i + 2)
                .is_some_and(|t| t.is_any(PEOPLE_AFTER) || t.is_any(NIGHTS_AFTER));
        if next_is_number && (!prev_is_number || next_starts_range) && !prev_is_de && !apart {
            // The punctuation stays where it was written: "April 5-8. Book …" ends its
            // sentence after the month moved there ("5-8 abril.").
            let (first, second) = (tokens[i].punct_after, tokens[i + 1].punct_after);
            tokens.swap(i, i + 1);
            tokens[i].punct_after = first;
            tokens[i + 1].punct_after = second;
            i += 2;
        } else {
            i += 1;
        }
    }
    tokens
}

/// The Spanish month a token names, and whether it needs a number beside it to be one.
fn spanish_month(t: &Token) -> Option<(&'static str, bool)> {
    if let Some((_, es)) = MONTHS.iter().find(|(w, _)| t.is(w)) {
        return Some((es, t.is_any(ONLY_NEXT_TO_A_NUMBER)));
    }
    // Spanish full names, also moved after their day ("diciembre 15").
    SPANISH_MONTHS
        .iter()
        .find(|(w, _)| t.is(w))
        .map(|(w, _)| (*w, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn bridged(s: &str) -> String {
        to_spanish(tokenize(s))
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_question_of_size_reads_as_es_grande() {
        assert_eq!(bridged("is the coihue big?"), "is el coihue es grande");
        assert_eq!(
            bridged("is the nire a big cabin?"),
            "is el nire a es grande cabana"
        );
        assert!(!bridged("is the big one free?").contains("es grande"));
    }

    #[test]
    fn portuguese_ten_is_a_number_unless_after_a_day() {
        assert_eq!(
            bridged("de dez a treze de abril"),
            "de diez a trece de abril"
        );
        assert_eq!(bridged("dia dez"), "dia diez");
        assert_eq!(bridged("15 dez"), "15 diciembre");
        assert_eq!(
            bridged("de 15 de dez a 3 de jan"),
            "de 15 de diciembre a 3 de enero"
        );
    }

    #[test]
    fn english_portuguese_and_shorthand_become_spanish() {
        assert_eq!(
            bridged("Do you have availability for 2 people from April 15 to 17?"),
            "tienen disponibilidad para 2 personas desde 15 abril hasta 17"
        );
        assert_eq!(bridged("Jan 3-7"), "3-7 enero");
        assert_eq!(bridged("March 1st to 4th"), "1 marzo hasta 4");
        assert_eq!(bridged("de 5 a 9 de janeiro"), "de 5 a 9 de enero");
        assert_eq!(bridged("pa 6 d mayo"), "para 6 d mayo");
        assert_eq!(
            bridged("sms 2 y qrms la arrayan"),
            "somos 2 y queremos la arrayan"
        );
        assert_eq!(bridged("k precio x noche"), "que precio por noche");
        assert_eq!(bridged("dsp t confirmo"), "despues te confirmo");
        assert_eq!(bridged("bno dale x fa"), "bueno dale por favor");
        assert_eq!(bridged("may i book?"), "quiero reservar");
        assert_eq!(
            bridged("hola tenés lugar del 15 al 17 de diciembre para 2"),
            "hola tenes lugar del 15 al 17 de diciembre para 2"
        );
    }
}

//! A choice made on the answer to a question in the same message: "¿la Lenga tiene parrilla?
//! si tiene, reservala", "la Ñire acepta perros? si acepta quiero la Ñire, sino la Coihue",
//! "does the Coihue take dogs? if so we'll take it", "a Arrayán tem lareira? se tiver, pode
//! reservar". The policy answers the question and books only what the answer allows.

use super::{accommodation, cues, normalize::Token};
use crate::nlu::IfSo;

/// The words of "if" that open a condition.
const IF: &[&str] = &["si", "if", "se", "caso"];

/// What the condition says after "if": the thing asked of is there, or allowed ("si tiene",
/// "si es así", "if so", "se tiver", "caso tenha").
#[rustfmt::skip]
const SO: &[&str] = &[
    "tiene", "tienen", "asi", "acepta", "aceptan", "hay", "admite", "admiten", "permite",
    "permiten", "deja", "dejan", "entra", "entran", "tuviera", "so", "does", "do", "yes", "has",
    "have", "allows", "allow", "accepts", "accept", "tiver", "sim", "aceitar", "aceita", "tem",
    "puder", "tenha", "aceite", "permitir", "tiverem", "aceitarem",
];

/// Words of the choice made on a yes: wanting, booking, taking.
#[rustfmt::skip]
const TAKES: &[&str] = &[
    "quiero", "queremos", "reservala", "reservalo", "reservamela", "reservame", "reservanos",
    "reservar", "reserva", "reservo", "reservamos", "reservenla", "dale", "tomo", "tomamos",
    "quedo", "quedamos", "vamos", "take", "book", "want", "quero", "reservem", "reserve",
    "fechado", "fechamos", "ficamos", "fico",
];

/// Words of a choice that only brings the option into focus ("vamos con esa").
const FOCUSES: &[&str] = &["vamos", "quedo", "quedamos", "ficamos", "fico"];

/// The words that open the other choice ("sino la Coihue", "otherwise the Ñire").
#[rustfmt::skip]
const ELSE: &[&[&str]] = &[
    &["sino"], &["si", "no"], &["if", "not"], &["otherwise"], &["senao"], &["se", "nao"],
    // "se não" once the bridge made the "não" Spanish.
    &["se", "no"],
    &["caso", "contrario"], &["de", "lo", "contrario"], &["else"],
];

/// The condition, when a yes/no question about the place comes before it and a choice after.
pub(super) fn detect(tokens: &[Token], names: &[&str]) -> Option<IfSo> {
    with_the_yes_said(tokens, names).or_else(|| only_the_other_said(tokens, names))
}

/// Where one of the `ELSE` words opens at `i`.
fn else_at(tokens: &[Token], i: usize) -> bool {
    ELSE.iter()
        .any(|w| tokens.len() >= i + w.len() && w.iter().zip(&tokens[i..]).all(|(a, t)| t.is(a)))
}

/// "¿La Lenga tiene jacuzzi? si no, la Ñire", "does the Coihue take dogs? otherwise the Lenga":
/// only the other choice said, right after the question; the one asked about is wanted on a
/// yes (in focus, not booked: no word of booking was said).
fn only_the_other_said(tokens: &[Token], names: &[&str]) -> Option<IfSo> {
    let at = (1..tokens.len()).find(|&i| {
        else_at(tokens, i)
            && (tokens[i - 1].punct_after
                || accommodation::find(&tokens[i..(i + 5).min(tokens.len())], names).is_some())
    })?;
    let asked = &tokens[..at];
    if cues::features(asked).is_empty() && accommodation::asked_of(asked, "").is_none() {
        return None;
    }
    let otherwise = accommodation::find(&tokens[at..], names)?;
    let subject = accommodation::find(asked, names)?;
    (subject != otherwise).then_some(IfSo {
        subject: Some(subject),
        otherwise: Some(otherwise),
        books: false,
    })
}

/// "¿La Lenga tiene parrilla? si tiene, reservala", "…si acepta quiero la Ñire, sino la Coihue".
fn with_the_yes_said(tokens: &[Token], names: &[&str]) -> Option<IfSo> {
    // After the question ("¿…parrilla? si tiene, …"), not inside it ("saber si tiene…").
    let at = (1..tokens.len()).find(|&i| {
        tokens[i - 1].punct_after
            && tokens[i].is_any(IF)
            && tokens[i + 1..]
                .iter()
                .take(2)
                .any(|t| t.is_any(SO))
            // "si no": the other choice, not the condition.
            && !tokens.get(i + 1).is_some_and(|t| t.is_any(&["no", "not", "nao"]))
    })?;
    let asked = &tokens[..at];
    if cues::features(asked).is_empty() && accommodation::asked_of(asked, "").is_none() {
        return None;
    }
    let rest = &tokens[at + 1..];
    let otherwise_at = (0..rest.len()).find(|&j| else_at(rest, j));
    let choice = &rest[..otherwise_at.unwrap_or(rest.len())];
    if !choice.iter().skip(1).any(|t| t.is_any(TAKES)) {
        return None;
    }
    // "Vamos con esa", "me quedo con esa": that one in focus, not yet booked.
    let focuses = choice
        .iter()
        .skip(1)
        .all(|t| !t.is_any(TAKES) || t.is_any(FOCUSES));
    Some(IfSo {
        subject: accommodation::find(asked, names),
        otherwise: otherwise_at.and_then(|j| accommodation::find(&rest[j..], names)),
        books: !focuses,
    })
}

//! The words of dates: month and weekday names, the markers that make a date a start or an
//! end, vague phrases, and compound numeric dates ("15/12", "15/12/2026", "15.12").

use chrono::Weekday;

use super::DayRef;

use crate::nlu::{
    lexicon::{self, Quality},
    normalize::Token,
};

pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
];

/// Abbreviations, accepted only right after a day number ("15 dic"), where "mar" cannot be
/// the sea.
pub(super) const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("ene", 1),
    ("feb", 2),
    ("febr", 2),
    ("mar", 3),
    ("mzo", 3),
    ("marz", 3),
    ("abr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("ago", 8),
    ("agos", 8),
    ("agto", 8),
    ("agt", 8),
    ("sep", 9),
    ("sept", 9),
    ("set", 9),
    ("oct", 10),
    ("nov", 11),
    ("dic", 12),
    ("dici", 12),
    ("dbre", 12),
    ("nbre", 11),
];

pub(super) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("lunes", Weekday::Mon),
    ("martes", Weekday::Tue),
    ("miercoles", Weekday::Wed),
    ("jueves", Weekday::Thu),
    ("viernes", Weekday::Fri),
    ("sabado", Weekday::Sat),
    ("domingo", Weekday::Sun),
];

/// Words before a date that make it the start of the stay.
#[rustfmt::skip]
pub(super) const START_MARKERS: &[&str] = &[
    "del", "desde", "partir", "entrada", "entrando", "entramos", "entrar", "ingreso", "ingresando",
    "ingresamos", "ingresar", "llegamos", "llegando", "llego", "llegar", "llegada", "in",
    "arrancando", "empezando", "checkin",
    // Said as a plan or a wish ("llegaríamos el 19", "llegaremos el 3", "entraríamos el 5"),
    // as voice notes and stories tell it.
    "llegariamos", "llegaremos", "llegaria", "llegare", "entrariamos", "ingresariamos",
    "caemos", "caeriamos",
];

/// Words before a date that make it the end of the stay.
#[rustfmt::skip]
pub(super) const END_MARKERS: &[&str] = &[
    "al", "hasta", "salida", "saliendo", "salimos", "salir", "egreso", "out", "volvemos", "volver",
    "irnos", "retirarnos", "dejamos", "checkout",
    // "Nos volveríamos el 22", "saldríamos el 8", "regresamos el 10".
    "volveriamos", "volveremos", "saldriamos", "saldremos", "regresamos", "regresariamos",
    "regresaremos",
    // One guest's own check-out: "salgo el 5", "vuelvo el 9", "saldría el 12".
    "salgo", "saldria", "saldre", "vuelvo", "regreso",
];

/// Words before a bare number that make it a day ("el 20", "del 15").
pub(super) const DAY_CONTEXT: &[&str] = &["el", "del", "al", "desde", "hasta", "dia", "entre"];

/// Words after a number that make it something else than a day.
#[rustfmt::skip]
pub(super) const NOT_A_DAY_AFTER: &[&str] = &[
    "noche", "noches", "dias", "dia", "semana", "semanas", "personas", "persona", "adultos",
    "adulto", "pax", "huespedes", "chicos", "nenes", "ninos", "menores", "hs", "horas", "hora",
    "km", "pesos", "mil", "minutos", "cuadras", "metros", "camas", "habitaciones", "dormitorios",
];

/// Phrases that name a time too vaguely to book.
#[rustfmt::skip]
pub(super) const VAGUE: &[&str] = &[
    "semana que viene", "proxima semana", "mes que viene", "proximo mes", "algun momento",
    "algun dia", "mas adelante", "verano", "invierno", "otono", "primavera", "vacaciones",
    "semana santa", "fin de ano", "ano nuevo", "carnaval", "fin de mes", "principios de",
    "mediados de", "fines de", "proximamente", "temporada",
];

/// True for the month and weekday names, so no typo rule turns them into something else.
pub(crate) fn vocabulary() -> impl Iterator<Item = &'static str> {
    let names = MONTHS
        .iter()
        .map(|(w, _)| *w)
        .chain(WEEKDAYS.iter().map(|(w, _)| *w));
    let markers = [START_MARKERS, END_MARKERS, DAY_CONTEXT, NOT_A_DAY_AFTER]
        .into_iter()
        .flatten()
        .copied();
    let vague = VAGUE.iter().flat_map(|p| p.split(' '));
    names
        .chain(markers)
        .chain(vague)
        .chain(["hoy", "manana", "finde", "pasado", "largo"])
}

/// "un"/"una" are articles far more often than the number one.
pub(super) fn is_article(t: Option<&Token>) -> bool {
    t.is_some_and(|t| t.is_any(&["un", "una"]))
}

/// A full month name, exactly or with one typo ("dicimebre").
pub(super) fn month_of(t: &Token) -> Option<u32> {
    let best = MONTHS
        .iter()
        .filter_map(|(w, m)| lexicon::word(t, w).map(|q| (q, *m)))
        .min_by_key(|(q, _)| *q)?;
    let ambiguous = best.0 == Quality::Fuzzy
        && MONTHS
            .iter()
            .filter(|(w, m)| *m != best.1 && lexicon::word(t, w).is_some())
            .count()
            > 0;
    (!ambiguous).then_some(best.1)
}

/// A month right after a day ("del 3 al 5 de marso"): [`month_of`], or one edit away from a
/// single month of five letters or more (never a word the lexicon knows), where a typo of a
/// short month cannot be anything else.
pub(super) fn month_after_a_day(t: &Token) -> Option<u32> {
    if let Some(m) = month_of(t) {
        return Some(m);
    }
    if t.text.len() < 4 || !t.is_alpha() || lexicon::is_known(&t.text) {
        return None;
    }
    let mut near = MONTHS
        .iter()
        .filter(|(w, _)| w.len() >= 5 && lexicon::within_one_edit(&t.text, w))
        .map(|(_, m)| *m);
    let first = near.next()?;
    near.all(|m| m == first).then_some(first)
}

/// How many years ahead a two-digit year said alone ("semana santa del 28") may be: further
/// it is rather a day.
const SHORT_YEAR_AHEAD: i32 = 5;

/// A year said at `k`, after a date, a holiday or a period: "2028", "de 2028", "del 2028", "en
/// 2028" ("in 2028", "em 2028" as the bridge leaves them), or the two digits of a year near
/// `this_year` after "del" ("el 24 de marzo del 27", "semana santa del 28"), not when a month
/// or a range follows it ("del 27 de marzo", "del 27 al 29": days). The year and the tokens it
/// takes.
pub(super) fn year_at(tokens: &[Token], k: usize, this_year: i32) -> Option<(i32, usize)> {
    const BEFORE: &[&str] = &["de", "del", "d", "en", "em", "in", "of", "do", "para"];
    let lead = usize::from(tokens.get(k).is_some_and(|t| t.is_any(BEFORE)));
    let t = tokens.get(k + lead).filter(|t| t.is_digits())?;
    let value: i32 = t.text.parse().ok()?;
    let used = lead + 1;
    if t.text.len() == 4 {
        return (2000..=2100).contains(&value).then_some((value, used));
    }
    let after_del = tokens.get(k).is_some_and(|t| t.is_any(&["del", "do"]));
    let year = 2000 + value;
    let near = (this_year..=this_year + SHORT_YEAR_AHEAD).contains(&year);
    let next = tokens.get(k + used);
    let a_day_after = next.is_some_and(|n| {
        n.is_any(&["de", "d", "al", "a", "hasta", "y"])
            || month_of(n).is_some()
            || n.is_any(NOT_A_DAY_AFTER)
    });
    (t.text.len() == 2 && after_del && near && !a_day_after).then_some((year, used))
}

/// Two- or four-digit year.
pub(super) fn full_year(v: u32, digits: usize) -> i32 {
    let v = i32::try_from(v).unwrap_or(0);
    if digits <= 2 { 2000 + v } else { v }
}

/// One `-`-separated piece of a compound date token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Part {
    pub(super) day: u32,
    pub(super) digits: usize,
    pub(super) month: Option<u32>,
    pub(super) year: Option<i32>,
}

impl Part {
    /// "15", "15/12", "15/12/2026", "15/12/26", "15.12"; `None` for anything else (a price
    /// like "15.000").
    pub(super) fn parse(s: &str) -> Option<Part> {
        let sep = if s.contains('/') { '/' } else { '.' };
        let fields: Vec<&str> = s.split(sep).collect();
        let num = |f: &str| -> Option<u32> {
            (!f.is_empty() && f.len() <= 4 && f.bytes().all(|b| b.is_ascii_digit()))
                .then(|| f.parse().ok())
                .flatten()
        };
        let short = |f: &&str| f.len() <= 2;
        match fields.as_slice() {
            [d] => Some(Part {
                day: num(d)?,
                digits: d.len(),
                month: None,
                year: None,
            }),
            [d, m] if short(d) && short(m) => Some(Part {
                day: num(d)?,
                digits: d.len(),
                month: Some(num(m)?),
                year: None,
            }),
            [d, m, y] if sep == '/' && short(d) && short(m) && (y.len() == 2 || y.len() == 4) => {
                let year = full_year(num(y)?, y.len());
                Some(Part {
                    day: num(d)?,
                    digits: d.len(),
                    month: Some(num(m)?),
                    year: Some(year),
                })
            }
            _ => None,
        }
    }

    pub(super) fn bare(&self) -> bool {
        self.month.is_none()
    }

    pub(super) fn to_ref(self) -> DayRef {
        DayRef {
            day: self.day,
            month: self.month,
            year: self.year,
            weekday: None,
        }
    }
}

//! Argentine national holidays said by their name ("el día de la bandera", "el feriado de San
//! Martín", "el finde largo de la independencia"): the day each is named after. Whether it
//! makes a long weekend (a movable one moved to a Monday, a fixed one next to a weekend) is the
//! calendar's business (`booking::holidays`); here only the name and its day.

use chrono::NaiveDate;

use super::calendar;
use crate::nlu::{lexicon, normalize::Token};

/// Names that say a holiday alone ("para el día de la bandera"): (phrase, (day, month)).
#[rustfmt::skip]
const FULL: &[(&str, (u32, u32))] = &[
    ("dia de la memoria", (24, 3)),
    ("dia de malvinas", (2, 4)), ("dia de las malvinas", (2, 4)), ("dia del veterano", (2, 4)),
    ("dia del trabajador", (1, 5)), ("dia del trabajo", (1, 5)),
    ("dia de la revolucion de mayo", (25, 5)), ("revolucion de mayo", (25, 5)),
    ("dia de la patria", (25, 5)),
    ("dia de guemes", (17, 6)),
    ("dia de la bandera", (20, 6)),
    ("dia de la independencia", (9, 7)),
    ("dia de san martin", (17, 8)), ("paso a la inmortalidad", (17, 8)),
    ("dia de la raza", (12, 10)), ("dia de la diversidad cultural", (12, 10)),
    ("dia del respeto a la diversidad cultural", (12, 10)),
    ("dia de la soberania", (20, 11)), ("dia de la soberania nacional", (20, 11)),
    ("dia de la inmaculada concepcion", (8, 12)), ("inmaculada concepcion", (8, 12)),
    ("dia de la virgen", (8, 12)),
    // As English-speaking guests name them (the bridge leaves "day" as it is).
    ("memory day", (24, 3)), ("truth and justice day", (24, 3)),
    ("malvinas day", (2, 4)), ("falklands day", (2, 4)), ("malvinas veterans day", (2, 4)),
    ("labour day", (1, 5)), ("labor day", (1, 5)), ("workers day", (1, 5)),
    ("may revolution day", (25, 5)), ("may revolution", (25, 5)),
    ("guemes day", (17, 6)), ("flag day", (20, 6)),
    ("independence day", (9, 7)), ("argentine independence day", (9, 7)),
    ("san martin day", (17, 8)), ("general san martin day", (17, 8)),
    ("cultural diversity day", (12, 10)), ("columbus day", (12, 10)),
    ("sovereignty day", (20, 11)), ("national sovereignty day", (20, 11)),
    ("immaculate conception", (8, 12)),
    // As Brazilian guests name them ("dia da bandeira"; Brazil's own independence day is
    // another, so not "dia da independência" alone).
    ("dia da memoria", (24, 3)), ("dia das malvinas", (2, 4)),
    ("dia do trabalhador", (1, 5)), ("dia do trabalho", (1, 5)),
    ("dia da revolucao de maio", (25, 5)), ("dia da bandeira", (20, 6)),
    ("dia da independencia argentina", (9, 7)),
    ("dia da diversidade cultural", (12, 10)), ("dia da soberania", (20, 11)),
    ("dia da soberania nacional", (20, 11)),
];

/// Shorter names, only right after a holiday word and "de" ("el feriado de San Martín", "el
/// finde largo de la bandera").
#[rustfmt::skip]
const AFTER_DE: &[(&str, (u32, u32))] = &[
    ("la memoria", (24, 3)), ("malvinas", (2, 4)), ("las malvinas", (2, 4)),
    ("trabajador", (1, 5)), ("los trabajadores", (1, 5)), ("la patria", (25, 5)),
    ("guemes", (17, 6)), ("la bandera", (20, 6)), ("belgrano", (20, 6)),
    ("la independencia", (9, 7)), ("independencia", (9, 7)), ("san martin", (17, 8)),
    ("la raza", (12, 10)), ("la diversidad", (12, 10)), ("la soberania", (20, 11)),
    ("soberania", (20, 11)), ("la virgen", (8, 12)), ("la inmaculada", (8, 12)),
    // Portuguese, after "feriado da", "feriado do".
    ("bandeira", (20, 6)), ("memoria", (24, 3)), ("trabalhador", (1, 5)),
    ("diversidade cultural", (12, 10)),
];

/// The holiday named in full at token `i`: its next day from today and the tokens it uses.
pub(super) fn full_at(tokens: &[Token], i: usize, today: NaiveDate) -> Option<(NaiveDate, usize)> {
    best(FULL, tokens, i, today)
}

/// The holiday named after a holiday word at `j` ("de la bandera", "del día de la bandera"):
/// its next day from today and the tokens it uses, "de" included.
pub(super) fn after_de_at(
    tokens: &[Token],
    j: usize,
    today: NaiveDate,
) -> Option<(NaiveDate, usize)> {
    if !tokens.get(j)?.is_any(&["de", "del", "da", "do"]) {
        return None;
    }
    best(FULL, tokens, j + 1, today)
        .or_else(|| best(AFTER_DE, tokens, j + 1, today))
        .map(|(d, n)| (d, n + 1))
}

fn best(
    table: &[(&str, (u32, u32))],
    tokens: &[Token],
    i: usize,
    today: NaiveDate,
) -> Option<(NaiveDate, usize)> {
    let (phrase, (day, month)) = table
        .iter()
        .filter(|(p, _)| lexicon::phrase_at(tokens, i, p).is_some())
        .max_by_key(|(p, _)| lexicon::phrase_len(p))?;
    // "San Martín de los Andes" is a town, not the holiday.
    if *phrase == "san martin"
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.is("de") && tokens.get(i + 3).is_some_and(|l| l.is("los")))
    {
        return None;
    }
    let date = calendar::first_on_or_after(today, *day, Some(*month))?;
    Some((date, lexicon::phrase_len(phrase)))
}

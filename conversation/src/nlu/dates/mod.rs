//! Stay dates: finds every date phrase in the message ("15/12", "del quince al diecisiete de
//! diciembre", "a partir del viernes 4", "mañana", "este finde", "por 3 noches") and turns them
//! into a check-in and check-out relative to `today`.
//!
//! Two steps, so each stays small:
//! 1. *scan*: walk the tokens and record [`Mention`]s (a day, a weekday, a fixed date, a
//!    weekend), each with a role taken from the words just before it (`del`/`desde`/`llegamos` →
//!    start; `al`/`hasta`/`nos vamos` → end), plus nights, vague phrases and invalid dates;
//! 2. *resolve*: the first mention that is not an end is the check-in; the next mention is
//!    the check-out; nights fill a missing check-out.
//!
//! Rules for ambiguous cases:
//! - a bare number is a day only after `el`/`del`/`al`/`desde`/`hasta`/`día`/`entre`, before a
//!   month, or as the start of "15 al 17": "para 2" stays a guest count;
//! - a day without a month is the next such day from today; in a range the start takes the
//!   end's month ("del 15 al 17 de diciembre") or the month before when its day is not smaller
//!   ("del 28 al 3 de enero" → 28/12); the end is the first such date after the start, which
//!   crosses the new year ("15 de diciembre al 3 de enero");
//! - an explicit year is kept even in the past ("10/11/2026" said later), so the conversation
//!   can tell the guest; a date that cannot exist (31/02), a day over 31 ("del 40 al 50"), or a
//!   check-out not after the check-in is dropped and reported as `failed`;
//! - one impossible date spoils the phrase ("del 30 al 31 de febrero" gives nothing, not the
//!   30th alone); a stay over 60 nights is read as a misparse and its check-out dropped;
//! - a month said apart gives its month to a range without one ("diciembre, del 20 al 23"),
//!   but not one set aside ("en vez de junio vamos en julio, del 19 al 21": July; "en lugar
//!   del 5 al 8 de junio, del 12 al 15": the 12th): what follows "en vez de", "en lugar de",
//!   "em vez de", up to its first month, is no date; nor is a holiday period said right after
//!   it ("en vez de carnaval, el finde largo de julio": July's);
//! - a check-out without a check-in ("hasta el 20") is no stay: it is reported as `until` (a
//!   correction of the check-out), or read as the new check-in after a verb that moves the stay
//!   ("pasala al 20"); two ends and no start are a range;
//! - "esta noche" is one night from today; "hoy" and "mañana" give only the check-in;
//!   "mañana" after "la"/"esta" is the morning, not tomorrow;
//! - a list of three or more consecutive days names the nights ("el 24, 25 y 26 de diciembre"
//!   → 24 to 27), and so do two joined by "y" ("el 3 y 4 de marzo" → 3 to 5), except "entre el
//!   3 y el 4" (a range, like "del 3 al 4": one night);
//! - "el finde del 20" is the Friday → Sunday weekend of the 20th;
//! - holiday periods (see `seasons`): "el finde largo" is the next long weekend of the Argentine
//!   calendar, "de noviembre" the next one in that month; "carnaval", "semana santa", "fin de
//!   año" their next dates, from the evening before the first day off to the last one; the
//!   period is reported so the reply can say which dates were assumed; "vacaciones de invierno"
//!   sets no date (two weeks, different per province) but is reported; a long weekend asked
//!   for in a month that has none in the coming year sets no date and reports the month
//!   (`no_long_weekend`, the month also as `month`);
//! - a year said after a date, a holiday or a period ("24 de marzo del 27", "el finde largo de
//!   agosto del 2028", "carnival in 2028", "el feriado de San Martín del 2027") is its year; a
//!   two-digit one only after "del", near today, and not before a month or a range end ("del
//!   27 de marzo", "del 24 al 27": days); a year said apart ("Navidad del año que viene
//!   (2027), del 24 al 26 de diciembre") is the year of the days said with a month and none;
//!   said alone ("the 2028 one") it is reported (`year`) for the stay talked about;
//! - a holiday named by its date or name after a word that starts the stay ("3 noches desde el
//!   feriado del 9 de julio", "a partir do feriado de 20 de junho", "arrive on Malvinas Day")
//!   is its day off (a movable one's Monday), the check-in, not its long weekend; "el finde
//!   del 17 de agosto" is that holiday's long weekend, not the weekend after the 17th;
//! - a weekday said as what a date is ("April 2 is a Friday", "el 20 cae sábado") is no date;
//! - "N días" is ambiguous (days or nights?) and sets nothing; "una semana" is 7 nights;
//! - vague times ("la semana que viene", "en enero", "en algún momento") set no date and are
//!   reported as `vague`.

mod calendar;
mod named_holidays;
mod resolve;
mod scan;
mod seasons;
mod words;

use chrono::{NaiveDate, Weekday};

use super::{PeriodMention, normalize::Token};

pub(crate) use scan::BACK_TO;
pub(crate) use words::{MONTHS as SPANISH_MONTHS, vocabulary};

/// Whether a token names a weekday ("viernes", "vie"; bridged from English and Portuguese).
pub(crate) fn names_a_weekday(t: &Token) -> bool {
    words::WEEKDAYS
        .iter()
        .any(|(w, _)| super::lexicon::word(t, w).is_some())
}

/// What the message says about the stay's dates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DateInfo {
    pub(crate) check_in: Option<NaiveDate>,
    pub(crate) check_out: Option<NaiveDate>,
    /// A date phrase could not become a valid stay (31/02, "del 40 al 50", out ≤ in).
    pub(crate) failed: bool,
    /// A vague time was named ("la semana que viene").
    pub(crate) vague: bool,
    /// "viernes 4" where no near 4th is a Friday.
    pub(crate) weekday_mismatch: bool,
    /// Tokens read as dates or nights; other parsers skip them.
    pub(crate) consumed: Vec<bool>,
    /// Nights said ("por 3 noches"), with or without a check-in.
    pub(crate) nights: Option<u32>,
    /// A holiday period the dates come from.
    pub(crate) period: Option<PeriodMention>,
    /// A check-out said alone ("hasta el 18"), from today.
    pub(crate) until: Option<NaiveDate>,
    /// The check-in was said as a day without a month ("es del 16 al 18"): read from today
    /// here, the conversation may read it in the month of the stay it is talking about.
    pub(crate) day_only: bool,
    /// The check-in was said as a weekday and a day without a month ("el viernes 19").
    pub(crate) weekday_day_only: bool,
    /// The check-in was said as a weekday alone ("¿podemos llegar el miércoles?"): read as the
    /// next one from today, which the conversation re-reads by the stay it is talking about.
    pub(crate) weekday_only: bool,
    /// The stay is "el finde" said alone (no day, no month): read from today here, the
    /// conversation may read it in the month the guest named before.
    pub(crate) bare_weekend: bool,
    /// A month named without a day ("queremos ir en marzo").
    pub(crate) month: Option<u32>,
    /// "El finde largo de noviembre" in a year whose November has none: the month.
    pub(crate) no_long_weekend: Option<u32>,
    /// The check-out said alone as a weekday ("nos quedamos hasta el domingo"): `until` is the
    /// next one from today; the conversation takes the first one after its check-in.
    pub(crate) until_weekday: Option<Weekday>,
    /// A range said in full settled the dates over a loose weekend or week said before it
    /// ("era el finde siguiente, del 19 al 21"): the weekend is no week later.
    pub(crate) range_over_loose: bool,
    /// A year said apart from any date ("the 2028 one", "mejor el del año que viene").
    pub(crate) year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Start,
    End,
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DayRef {
    pub(super) day: u32,
    pub(super) month: Option<u32>,
    pub(super) year: Option<i32>,
    pub(super) weekday: Option<Weekday>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Day(DayRef),
    Fixed(NaiveDate),
    /// "esta noche": today, one night.
    Tonight,
    /// A weekday alone; `this` is "este sábado" (today counts).
    Weekday {
        wd: Weekday,
        this: bool,
    },
    Weekend {
        following: bool,
    },
    /// "el finde del 20": the weekend of that day.
    WeekendOf(DayRef),
    /// The last of a list of nights ("24, 25 y 26"): the stay ends the day after.
    LastNight(DayRef),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    pub(super) kind: Kind,
    pub(super) role: Role,
}

impl Mention {
    /// The month it names, if it names one.
    pub(super) fn month(&self) -> Option<u32> {
        match self.kind {
            Kind::Day(r) | Kind::WeekendOf(r) | Kind::LastNight(r) => r.month,
            Kind::Fixed(d) => Some(chrono::Datelike::month(&d)),
            _ => None,
        }
    }

    /// A whole stay known at once: its check-in and its check-out.
    pub(super) fn fixed_stay(check_in: NaiveDate, check_out: NaiveDate) -> [Mention; 2] {
        [
            Mention {
                kind: Kind::Fixed(check_in),
                role: Role::Start,
            },
            Mention {
                kind: Kind::Fixed(check_out),
                role: Role::End,
            },
        ]
    }
}

/// Finds and resolves the stay dates of a message.
pub(crate) fn extract(tokens: &[Token], today: NaiveDate) -> DateInfo {
    let kept = without_set_aside(tokens);
    resolve::resolve(scan::scan(&kept, today), today)
}

/// Articles before a period set aside ("en vez de la semana santa").
const ARTICLES: &[&str] = &["el", "la", "los", "las", "o", "a"];

/// The longest a phrase set aside runs before its month ("en vez del 5 al 8 de junio").
const SET_ASIDE_SPAN: usize = 6;

/// "No es abril, es mayo", "abril no, mayo", "not April, May", "não é abril, é maio": a month
/// denied with another named after it; the positions of the denial, to be blanked.
fn month_denied(tokens: &[Token]) -> Vec<usize> {
    const NO: &[&str] = &["no", "not", "nao"];
    const BETWEEN: &[&str] = &[
        "es", "era", "en", "de", "is", "in", "e", "em", "para", "seria",
    ];
    let is_month = |k: usize| tokens.get(k).and_then(words::month_of).is_some();
    let another_after = |k: usize| (k + 1..tokens.len()).any(is_month);
    // "Não é abril": the accented "é" ("is") comes bridged as "y".
    let between = |t: &Token| t.is_any(BETWEEN) || t.is("y") && t.accented;
    for i in 0..tokens.len() {
        if tokens[i].is_any(NO) {
            let month = (i + 1..(i + 4).min(tokens.len()))
                .take_while(|&k| is_month(k) || between(&tokens[k]))
                .find(|&k| is_month(k));
            if let Some(m) = month.filter(|&m| another_after(m)) {
                return (i..=m).collect();
            }
        }
        // "abril no, mayo" (not "el 6 es de mayo no de abril", which denies the one after)
        let denied_here = tokens.get(i + 1).is_some_and(|t| {
            t.is_any(NO)
                && (t.punct_after
                    || !tokens
                        .get(i + 2)
                        .is_some_and(|n| between(n) || words::month_of(n).is_some()))
        });
        if is_month(i) && denied_here && another_after(i + 1) {
            return vec![i, i + 1];
        }
    }
    Vec::new()
}

/// The tokens with the dates the guest sets aside ("en vez de junio", "en lugar del 5 al 8 de
/// junio", "em vez de junho") blanked, so they give no date and no month;
/// the same length, so positions still match the message.
fn without_set_aside(tokens: &[Token]) -> std::borrow::Cow<'_, [Token]> {
    let is = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.is(w));
    let is_month = |k: usize| tokens.get(k).and_then(words::month_of).is_some();
    let mut blank = Vec::new();
    for i in 0..tokens.len() {
        let start =
            if (is(i, "vez") || is(i, "lugar")) && i > 0 && (is(i - 1, "en") || is(i - 1, "em")) {
                (is(i + 1, "de") || is(i + 1, "del")).then_some(i + 2)
            } else {
                None
            };
        let Some(start) = start else { continue };
        // Up to its month, within one clause: "en vez del 15, el 16 de diciembre" sets aside
        // the 15th alone (the correction reads it), not the month after the comma.
        // "en vez de carnaval el finde largo de julio": the period set aside, not July.
        let at = start + usize::from(tokens.get(start).is_some_and(|t| t.is_any(ARTICLES)));
        if let Some(len) = seasons::phrase_len_at(tokens, at) {
            // with its month ("en vez del finde largo de julio")
            let end = at + len;
            let of_month = (is(end, "de") || is(end, "del")) && is_month(end + 1);
            blank.extend(start..end + if of_month { 2 } else { 0 });
            continue;
        }
        let month = (start..start + SET_ASIDE_SPAN)
            .take_while(|&k| k == start || !tokens.get(k - 1).is_some_and(|t| t.punct_after))
            .find(|&k| is_month(k));
        if let Some(month) = month {
            blank.extend(start..=month);
        }
    }
    blank.extend(month_denied(tokens));
    if blank.is_empty() {
        return std::borrow::Cow::Borrowed(tokens);
    }
    let mut kept = tokens.to_vec();
    for k in blank {
        if let Some(t) = kept.get_mut(k) {
            t.text = String::from("~");
        }
    }
    std::borrow::Cow::Owned(kept)
}

impl DayRef {
    /// Day 1–31, month 1–12, and the pair exists in some year.
    pub(super) fn is_plausible(&self) -> bool {
        let day_ok = (1..=31).contains(&self.day);
        match self.month {
            Some(m) => day_ok && calendar::day_month_exists(self.day, m),
            None => day_ok,
        }
    }

    /// The day it names: exact with a year, else the next such date from `today`.
    pub(super) fn date_from(self, today: NaiveDate) -> Option<NaiveDate> {
        match (self.year, self.month) {
            (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y, m, self.day),
            (_, m) => calendar::first_on_or_after(today, self.day, m),
        }
    }
}

//! Holiday periods in a message: "el finde largo" (the next long weekend of the Argentine
//! calendar, or the next one in a month: "el finde largo de noviembre"), "carnaval" / "el
//! finde largo de carnaval", "semana santa" / "pascuas", "fin de año" / "año nuevo",
//! "navidad", "vacaciones de invierno", "las fiestas". The calendar itself lives in `booking::holidays`.
//!
//! A period's stay runs from the evening before its first day off to its last day off (as "el
//! finde" is Friday to Sunday), never from before today. A year after the name ("carnaval
//! 2028", "semana santa de 2028", "semana santa del 28", "carnival in 2028", "el finde largo de
//! agosto del 2028", "the October 2027 long weekend", "el día de la bandera del 27") gives that
//! year's. A holiday named by its date or name (in Spanish, English or Portuguese) also gives
//! its day off, where a stay said to start from it starts. Winter holidays give no stay: they
//! last two weeks and differ by province, so the bot asks which days; nor do "las fiestas"
//! (Christmas, New Year's or both: the bot asks which).

use booking::holidays::{self, DaysOff, Season};
use chrono::{Datelike, NaiveDate};

use super::{
    calendar, named_holidays,
    words::{month_of, year_at},
};
use crate::nlu::{Period, PeriodMention, lexicon, normalize::Token};

/// Phrases naming a period, longest first where one contains another.
#[rustfmt::skip]
const PHRASES: &[(&str, Period)] = &[
    ("finde largo de carnaval", Period::Carnival),
    // A holiday's long weekend said as its bridge or day off ("el puente de carnaval", "el
    // feriado de semana santa", "feriado de carnaval" as Brazilians say it): that holiday, not
    // the next long weekend.
    ("puente de carnaval", Period::Carnival),
    ("puente de carnavales", Period::Carnival),
    ("feriado de carnaval", Period::Carnival),
    ("feriados de carnaval", Period::Carnival),
    ("feriado largo de carnaval", Period::Carnival),
    ("fin de semana de carnaval", Period::Carnival),
    ("puente de semana santa", Period::HolyWeek),
    ("puente de pascua", Period::HolyWeek),
    ("puente de pascuas", Period::HolyWeek),
    ("feriado de semana santa", Period::HolyWeek),
    ("feriados de semana santa", Period::HolyWeek),
    ("feriado largo de semana santa", Period::HolyWeek),
    ("feriado de pascua", Period::HolyWeek),
    ("feriado de pascuas", Period::HolyWeek),
    ("puente de fin de ano", Period::YearEnd),
    ("puente de ano nuevo", Period::YearEnd),
    ("feriado de ano nuevo", Period::YearEnd),
    ("puente de navidad", Period::Christmas),
    ("feriado de navidad", Period::Christmas),
    // Holy Week as Uruguay names it.
    ("semana de turismo", Period::HolyWeek),
    ("semana criolla", Period::HolyWeek),
    ("fin de semana largo de carnaval", Period::Carnival),
    ("finde de carnaval", Period::Carnival),
    ("carnavales", Period::Carnival),
    ("carnaval", Period::Carnival),
    ("finde largo de pascua", Period::HolyWeek),
    ("finde largo de pascuas", Period::HolyWeek),
    ("finde de pascua", Period::HolyWeek),
    ("finde de pascuas", Period::HolyWeek),
    ("finde largo de semana santa", Period::HolyWeek),
    ("semana santa", Period::HolyWeek),
    ("pascuas", Period::HolyWeek),
    ("pascua", Period::HolyWeek),
    ("fin de ano", Period::YearEnd),
    ("ano nuevo", Period::YearEnd),
    ("fiestas de fin de ano", Period::YearEnd),
    // "Las fiestas" alone: Christmas or New Year's, asked (not "fiestas" alone: "¿se pueden
    // hacer fiestas?").
    ("para fiestas", Period::Festive),
    ("para las fiestas", Period::Festive),
    ("las festividades", Period::Festive),
    ("navidad", Period::Christmas),
    ("las fiestas", Period::Festive),
    ("las festas", Period::Festive),
    ("as festas", Period::Festive),
    ("nas festas", Period::Festive),
    ("holiday season", Period::Festive),
    ("festive season", Period::Festive),
    ("nochebuena", Period::Christmas),
    ("noche buena", Period::Christmas),
    ("vacaciones de invierno", Period::WinterHolidays),
    ("receso invernal", Period::WinterHolidays),
    ("receso de invierno", Period::WinterHolidays),
    ("vacaciones de julio", Period::WinterHolidays),
    ("vacaciones invernales", Period::WinterHolidays),
    ("finde largo", Period::LongWeekend),
    ("fin de semana largo", Period::LongWeekend),
    ("fin de semana extra largo", Period::LongWeekend),
    ("finde xl", Period::LongWeekend),
    ("puente", Period::LongWeekend),
    ("feriado largo", Period::LongWeekend),
    // "el feriado de mayo", "el feriado del 9 de julio": only with its month or day (below).
    ("feriado", Period::LongWeekend),
    ("feriados", Period::LongWeekend),
];

/// Days of a holiday said by name, and how far each is from Easter Sunday.
#[rustfmt::skip]
const DAYS: &[(&str, i64)] = &[
    ("jueves santo", -3),
    ("viernes santo", -2),
    ("sabado santo", -1),
    ("sabado de gloria", -1),
    ("domingo de pascua", 0),
    ("domingo de pascuas", 0),
    ("domingo de resurreccion", 0),
    ("lunes de pascua", 1),
    ("lunes de pascuas", 1),
    ("lunes de carnaval", -48),
    ("martes de carnaval", -47),
];

/// Days guests name that fall on the same date every year (day, month).
#[rustfmt::skip]
const DATES: &[(&str, (u32, u32))] = &[
    ("san valentin", (14, 2)), ("dia de los enamorados", (14, 2)), ("dia de reyes", (6, 1)),
    ("valentines day", (14, 2)), ("valentine's day", (14, 2)), ("dia dos namorados", (12, 6)),
];

/// A holiday's day named at token `i` ("el viernes santo", "el lunes de carnaval"): its next
/// date from today, and the tokens it uses.
pub(super) fn day_at(tokens: &[Token], i: usize, today: NaiveDate) -> Option<(NaiveDate, usize)> {
    if let Some((phrase, (day, month))) = DATES
        .iter()
        .filter(|(p, _)| lexicon::phrase_at(tokens, i, p).is_some())
        .max_by_key(|(p, _)| lexicon::phrase_len(p))
    {
        let date = calendar::first_on_or_after(today, *day, Some(*month))?;
        return Some((date, lexicon::phrase_len(phrase)));
    }
    // A national holiday said by name that makes no long weekend ("el día del trabajador" on a
    // Saturday): its day (one that does is a period: `at`).
    if let Some((day, used)) = named_holidays::full_at(tokens, i, today) {
        let (day, used) = in_year_said(tokens, i + used, day, today)
            .map_or((day, used), |(day, len)| (day, used + len));
        if long_weekend_around(day).is_none() {
            return Some((day, used));
        }
    }
    let (phrase, from_easter) = DAYS
        .iter()
        .filter(|(p, _)| lexicon::phrase_at(tokens, i, p).is_some())
        .max_by_key(|(p, _)| lexicon::phrase_len(p))?;
    let date = [today.year(), today.year() + 1]
        .into_iter()
        .filter_map(holidays::easter)
        .filter_map(|e| e.checked_add_signed(chrono::Duration::days(*from_easter)))
        .find(|d| *d >= today)?;
    Some((date, lexicon::phrase_len(phrase)))
}

/// A period found: what to tell the guest, and the stay it gives (if any).
pub(super) struct Found {
    pub(super) mention: PeriodMention,
    pub(super) stay: Option<(NaiveDate, NaiveDate)>,
    /// The day off of the holiday the period was named by ("el feriado del 9 de julio", "el
    /// día de la memoria", "el feriado de San Martín": its Monday when the law moves it), or the
    /// day said before it ("el 24 de marzo, el feriado"): a stay said to start from it ("3
    /// noches desde el feriado de…") or given its nights ("…, 3 noches") starts that day.
    pub(super) holiday: Option<NaiveDate>,
}

impl Found {
    fn named_by(mut self, legal: NaiveDate) -> Self {
        self.holiday = Some(observed(legal));
        self
    }
}

/// The day off of a holiday whose legal date is `legal`: the Monday the law moves it to, or
/// the day itself.
fn observed(legal: NaiveDate) -> NaiveDate {
    holidays::national_holidays(legal.year())
        .into_iter()
        .find(|h| h.moved_from == Some(legal))
        .map_or(legal, |h| h.date)
}

/// Where a period is looked for in a year said ("semana santa 2028"): its first day, or today
/// when that has passed.
fn from_year(year: i32, today: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).map_or(today, |d| d.max(today))
}

/// `day` in the year said at `k` ("del 2027", "de 2028", "del 28"), and the tokens the year
/// takes; `None` when no year is said there.
fn in_year_said(
    tokens: &[Token],
    k: usize,
    day: NaiveDate,
    today: NaiveDate,
) -> Option<(NaiveDate, usize)> {
    let (year, len) = year_at(tokens, k, today.year())?;
    Some((NaiveDate::from_ymd_opt(year, day.month(), day.day())?, len))
}

/// The long weekend a national holiday's legal date makes ("el finde del 17 de agosto": San
/// Martín, moved to the Monday 16th in 2027), as a period found; `None` for a day that is no
/// holiday or makes no long weekend.
pub(super) fn long_weekend_of_holiday(day: NaiveDate, today: NaiveDate) -> Option<Found> {
    let days = long_weekend_around(day).filter(|_| is_holiday(day))?;
    Some(found(Period::LongWeekend, days, today).named_by(day))
}

/// Whether `day` is the legal date of a national holiday named by its date (Carnival and Good
/// Friday move with Easter: they are named by name).
fn is_holiday(day: NaiveDate) -> bool {
    holidays::national_holidays(day.year())
        .iter()
        .any(|h| h.moved_from.unwrap_or(h.date) == day && h.name != "Carnaval")
}

/// "de abril", "en abril" at `k`, naming month `m` again: the tokens it takes (none when
/// another month or nothing is there).
fn its_month_at(tokens: &[Token], k: usize, m: u32) -> usize {
    let lead = usize::from(
        tokens
            .get(k)
            .is_some_and(|t| t.is_any(&["de", "del", "en", "in"])),
    );
    let same = tokens
        .get(k + lead)
        .and_then(month_of)
        .is_some_and(|month| month == m);
    if same { lead + 1 } else { 0 }
}

/// "October 2027 long weekend", "octubre finde largo" (as the bridge leaves "the October 2027
/// long weekend"): the month, and the year, said before the long weekend; the tokens used.
pub(super) fn month_then_long_weekend(
    tokens: &[Token],
    i: usize,
    today: NaiveDate,
) -> Option<(Named, usize)> {
    let m = month_of(tokens.get(i)?)?;
    let (from, year_len) = match year_at(tokens, i + 1, today.year()) {
        Some((year, len)) => (from_year(year, today), len),
        None => (today, 0),
    };
    let at = i + 1 + year_len;
    let used = 1 + year_len + long_weekend_phrase_len(tokens, at)?;
    Some(match long_weekend_in(from, m) {
        Some(days) => (Named::Period(found(Period::LongWeekend, days, today)), used),
        None => (Named::NoLongWeekendIn(m), used),
    })
}

/// How many tokens a long weekend said at `i` takes ("finde largo", "fin de semana largo"), not
/// a bare "feriado" (any day off).
fn long_weekend_phrase_len(tokens: &[Token], i: usize) -> Option<usize> {
    PHRASES
        .iter()
        .filter(|(p, period)| {
            *period == Period::LongWeekend
                && !p.starts_with("feriado")
                && lexicon::phrase_at(tokens, i, p).is_some()
        })
        .map(|(p, _)| lexicon::phrase_len(p))
        .max()
}

/// What a period phrase at a token says: a period, or a long weekend asked for in a month that
/// has none in the coming year ("el finde largo de noviembre" when the 20th falls on a
/// Saturday): the month, so the bot can say so and ask which days.
pub(super) enum Named {
    Period(Found),
    NoLongWeekendIn(u32),
    /// A holiday named by its date or name that makes no long weekend ("el feriado del 20 de
    /// junio de 2028", a Tuesday): its day off, where a stay said from it starts.
    HolidayAlone(NaiveDate),
}

/// How many tokens a period phrase at `i` takes ("carnaval", "el finde largo"), if one is
/// there.
pub(super) fn phrase_len_at(tokens: &[Token], i: usize) -> Option<usize> {
    PHRASES
        .iter()
        .filter(|(p, _)| lexicon::phrase_at(tokens, i, p).is_some())
        .map(|(p, _)| lexicon::phrase_len(p))
        .max()
}

/// The period named at token `i` and the tokens it uses.
pub(super) fn at(tokens: &[Token], i: usize, today: NaiveDate) -> Option<(Named, usize)> {
    let Some((phrase, period)) = PHRASES
        .iter()
        .filter(|(p, _)| lexicon::phrase_at(tokens, i, p).is_some())
        .max_by_key(|(p, _)| lexicon::phrase_len(p))
    else {
        // "para el día de la bandera": the long weekend it makes (a day alone is `day_at`'s);
        // "del 2027": that year's.
        let (day, mut used) = named_holidays::full_at(tokens, i, today)?;
        // "the Flag Day long weekend in 2027", "the Malvinas Day long weekend in April 2027":
        // its long weekend, and its own month, said after the name.
        used += long_weekend_phrase_len(tokens, i + used).unwrap_or(0);
        used += its_month_at(tokens, i + used, day.month());
        let day = match in_year_said(tokens, i + used, day, today) {
            Some((day, len)) => {
                used += len;
                day
            }
            None => day,
        };
        let days = long_weekend_around(day)?;
        let found = found(Period::LongWeekend, days, today).named_by(day);
        return Some((Named::Period(found), used));
    };
    let mut used = lexicon::phrase_len(phrase);
    let days = match period {
        Period::LongWeekend => {
            // "el finde largo de noviembre", "finde largo d agosto": the next long weekend in
            // that month.
            let de = tokens
                .get(i + used)
                .is_some_and(|t| t.is_any(&["de", "del", "d"]));
            let month = tokens.get(i + used + 1).and_then(month_of).filter(|_| de);
            // "Feriado" alone is any day off, not a stay: only "el feriado de mayo" is one.
            let bare_holiday = phrase.starts_with("feriado") && *phrase != "feriado largo";
            // "el finde largo del 9 de julio", "el feriado de San Martín": that day.
            let day_said = day_of_month_at(tokens, i + used, today)
                .or_else(|| named_holidays::after_de_at(tokens, i + used, today));
            if bare_holiday && month.is_none() && day_said.is_none() && !the_coming_one(tokens, i) {
                return None;
            }
            // The long weekend around that day (of the year said after it: "el feriado de San
            // Martín del 2027").
            if let Some((mut day, len)) = day_said {
                used += len;
                if let Some((in_year, len)) = in_year_said(tokens, i + used, day, today) {
                    day = in_year;
                    used += len;
                }
                return Some(match long_weekend_around(day) {
                    Some(days) => {
                        let found = found(Period::LongWeekend, days, today).named_by(day);
                        (Named::Period(found), used)
                    }
                    None if is_holiday(day) => (Named::HolidayAlone(observed(day)), used),
                    None => (Named::NoLongWeekendIn(day.month()), used),
                });
            }
            match month {
                Some(m) => {
                    used += 2;
                    // "el finde largo de agosto del 2028", "de novembro de 2028": that year's.
                    let from = match year_at(tokens, i + used, today.year()) {
                        Some((year, len)) => {
                            used += len;
                            from_year(year, today)
                        }
                        None => today,
                    };
                    match long_weekend_in(from, m) {
                        Some(days) => {
                            // "El finde largo de julio, el del 9 (de julio)", "el de agosto, el
                            // del diecisiete": the holiday it is named after, said again, is
                            // the same long weekend.
                            used += its_day_again(tokens, i + used, m, days).unwrap_or(0);
                            Some(days)
                        }
                        None => return Some((Named::NoLongWeekendIn(m), used)),
                    }
                }
                None => holidays::next_long_weekend(today),
            }
        }
        _ => {
            // "carnaval 2028", "semana santa de 2028", "semana santa del 28", "carnival in
            // 2028", "año nuevo 2028": that year's.
            let from = match year_at(tokens, i + used, today.year()) {
                Some((y, len)) => {
                    used += len;
                    // New Year's Day 2028 ends the year-end of 2027.
                    let base = if *phrase == "ano nuevo" { y - 1 } else { y };
                    from_year(base, today)
                }
                None => today,
            };
            match period {
                Period::Carnival => Season::Carnival.next(from),
                Period::HolyWeek => Season::HolyWeek.next(from),
                Period::YearEnd => Season::YearEnd.next(from),
                Period::Christmas => Season::Christmas.next(from),
                // Christmas to New Year's: the guest still has to say which.
                Period::Festive => {
                    let christmas = Season::Christmas.next(from)?;
                    let year_end = Season::YearEnd.next(christmas.first)?;
                    Some(DaysOff {
                        first: christmas.first,
                        last: year_end.last,
                    })
                }
                _ => Season::WinterHolidays.next(from),
            }
        }
    }?;
    Some((Named::Period(found(*period, days, today)), used))
}

/// "Para el feriado", "este feriado", "el próximo feriado": a holiday pointed at as the coming
/// one is a stay, the next long weekend ("que es feriado", "¿el lunes es feriado?" are not).
fn the_coming_one(tokens: &[Token], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    let is = |k: usize, words: &[&str]| before(k).is_some_and(|t| t.is_any(words));
    is(1, &["este", "proximo", "prox"])
        || (is(1, &["el"]) && is(2, &["para", "pal", "en", "por", "x"]))
        || (is(1, &["pal"]))
}

/// "El 24 de mayo, finde largo", "para el 9 de julio que es feriado largo": a day said before
/// the long weekend it falls in (as "el finde largo del 9 de julio" says it after): that long
/// weekend, or the month when none is near the day; and the tokens up to the phrase's end.
pub(super) fn day_then_long_weekend(
    tokens: &[Token],
    i: usize,
    today: NaiveDate,
) -> Option<(Named, usize)> {
    const BETWEEN: &[&str] = &[
        "que", "es", "el", "del", "por", "para", "sera", "seria", "un",
    ];
    let n = crate::nlu::numbers::parse_at(tokens, i).filter(|n| (1..=31).contains(&n.value))?;
    let k = i + n.len;
    let de = usize::from(tokens.get(k).is_some_and(|t| t.is_any(&["de", "d"])));
    let month = tokens.get(k + de).and_then(month_of)?;
    let day = calendar::first_on_or_after(today, n.value, Some(month))?;
    let mut j = k + de + 1;
    while j < k + de + 4 && tokens.get(j).is_some_and(|t| t.is_any(BETWEEN)) {
        j += 1;
    }
    let (phrase, _) = PHRASES
        .iter()
        .filter(|(p, period)| {
            *period == Period::LongWeekend && lexicon::phrase_at(tokens, j, p).is_some()
        })
        .max_by_key(|(p, _)| lexicon::phrase_len(p))?;
    let used = j - i + lexicon::phrase_len(phrase);
    Some(match long_weekend_around(day) {
        Some(days) => {
            let mut found = found(Period::LongWeekend, days, today);
            found.holiday = Some(day);
            (Named::Period(found), used)
        }
        None => (Named::NoLongWeekendIn(day.month()), used),
    })
}

/// The period's stay (none for winter holidays and "las fiestas") and what the reply says was assumed.
fn found(period: Period, days: DaysOff, today: NaiveDate) -> Found {
    // Winter holidays and "las fiestas" give no stay: the guest says which days.
    let stay = (!matches!(period, Period::WinterHolidays | Period::Festive)).then(|| {
        let (check_in, check_out) = days.stay();
        (check_in.max(today), check_out)
    });
    let stay = stay.filter(|(a, b)| a < b);
    let mention = PeriodMention {
        period,
        first_day_off: days.first,
        last_day_off: days.last,
    };
    Found {
        mention,
        stay,
        holiday: None,
    }
}

/// "el del 9", "el 17 de agosto", "el del día 9" at `j` after a long weekend of month `m`: a
/// day of that month near the long weekend (its holiday, maybe moved to the Monday) names the
/// same long weekend; the tokens it uses.
fn its_day_again(tokens: &[Token], j: usize, m: u32, days: DaysOff) -> Option<usize> {
    const LEAD: &[&str] = &["el", "la", "que", "es", "del", "de", "dia"];
    let mut k = j;
    while k < j + 4 && tokens.get(k).is_some_and(|t| t.is_any(LEAD)) {
        k += 1;
    }
    if k == j {
        return None;
    }
    let n = crate::nlu::numbers::parse_at(tokens, k).filter(|n| (1..=31).contains(&n.value))?;
    k += n.len;
    if tokens.get(k).is_some_and(|t| t.is_any(&["de", "d"]))
        && let Some(month) = tokens.get(k + 1).and_then(month_of)
    {
        if month != m {
            return None;
        }
        k += 2;
    }
    // "del 9 al 12": a stay of the guest's own, not the holiday named again.
    if tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["al", "a", "hasta", "y"]))
    {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(days.first.year(), m, n.value)?;
    let near = chrono::Days::new(3);
    let close =
        days.first.checked_sub_days(near)? <= day && day <= days.last.checked_add_days(near)?;
    close.then_some(k - j)
}

/// "del 9 de julio", "de 12 de octubre" at `j`: that day (the next one from today) and the
/// tokens it uses.
fn day_of_month_at(tokens: &[Token], j: usize, today: NaiveDate) -> Option<(NaiveDate, usize)> {
    if !tokens.get(j)?.is_any(&["del", "de"]) {
        return None;
    }
    let n = crate::nlu::numbers::parse_at(tokens, j + 1).filter(|n| (1..=31).contains(&n.value))?;
    let k = j + 1 + n.len;
    let de = usize::from(tokens.get(k).is_some_and(|t| t.is_any(&["de", "d"])));
    let month = tokens.get(k + de).and_then(month_of)?;
    let day = calendar::first_on_or_after(today, n.value, Some(month))?;
    Some((day, 1 + n.len + de + 1))
}

/// The long weekend (three days off or more) of `day`: the one that holds it, or is within
/// three days of it (a holiday moved to the Monday before, "el 12 de octubre"; Easter two days
/// after "el 24 de marzo").
fn long_weekend_around(day: NaiveDate) -> Option<DaysOff> {
    let near = chrono::Days::new(3);
    let (from, to) = (day.checked_sub_days(near)?, day.checked_add_days(near)?);
    holidays::next_long_weekend(from.pred_opt()?).filter(|d| d.first <= to && d.last >= from)
}

/// The next long weekend that starts in month `m` (this year's if still ahead, else next
/// year's).
fn long_weekend_in(today: NaiveDate, m: u32) -> Option<DaysOff> {
    let mut from = calendar::first_on_or_after(today, 1, Some(m)).unwrap_or(today);
    if today.format("%m").to_string() == format!("{m:02}") {
        from = today;
    }
    let found = holidays::next_long_weekend(from)?;
    (found.first.format("%m").to_string() == format!("{m:02}")).then_some(found)
}

//! Argentine national holidays for any year, the days off around them, and the holiday
//! periods guests name ("el finde largo", "Carnaval", "Semana Santa", "fin de año", "vacaciones
//! de invierno").
//!
//! What the law fixes is computed, so no year needs a table:
//! - fixed holidays ("inamovibles", Ley 27.399 art. 2): 1 Jan, 24 Mar, 2 Apr, 1 May, 25 May,
//!   20 Jun, 9 Jul, 8 Dec, 25 Dec;
//! - Carnival (the Monday and Tuesday 48 and 47 days before Easter) and Good Friday, from the
//!   Easter date;
//! - the movable ones ("trasladables": 17 Jun, 17 Aug, 12 Oct, 20 Nov) by the rule of art. 6:
//!   on a Tuesday or Wednesday they move to the Monday before, on a Thursday or Friday to the
//!   Monday after; on a weekend or a Monday they stay.
//!
//! Easter comes from the anonymous Gregorian computus (Meeus/Jones/Butcher): a dozen lines of
//! integer arithmetic, exact for every Gregorian year, so a dependency would add nothing (and
//! no crate knows the Argentine movable-holiday rule anyway).
//!
//! What a decree decides each year cannot be computed: the "días no laborables con fines
//! turísticos" (bridges) are data ([`tourism_bridges`]), known for the years listed there; a
//! year without data simply has none, and its long weekends are the ones the law makes.
//!
//! Pure: no clock (the year or the day to start from is an argument), never panics (a date
//! outside chrono's range gives an empty answer).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A national holiday as observed: `date` is the day off, `name` what it commemorates, and
/// `moved_from` the legal date when the movable-holiday rule moved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
    pub moved_from: Option<NaiveDate>,
}

/// Easter Sunday of `year` (Gregorian), by the anonymous computus.
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

const FIXED: &[(u32, u32, &str)] = &[
    (1, 1, "Año Nuevo"),
    (
        3,
        24,
        "Día Nacional de la Memoria por la Verdad y la Justicia",
    ),
    (
        4,
        2,
        "Día del Veterano y de los Caídos en la Guerra de Malvinas",
    ),
    (5, 1, "Día del Trabajador"),
    (5, 25, "Día de la Revolución de Mayo"),
    (6, 20, "Paso a la Inmortalidad del Gral. Manuel Belgrano"),
    (7, 9, "Día de la Independencia"),
    (12, 8, "Inmaculada Concepción de María"),
    (12, 25, "Navidad"),
];

const MOVABLE: &[(u32, u32, &str)] = &[
    (
        6,
        17,
        "Paso a la Inmortalidad del Gral. Martín Miguel de Güemes",
    ),
    (8, 17, "Paso a la Inmortalidad del Gral. José de San Martín"),
    (10, 12, "Día del Respeto a la Diversidad Cultural"),
    (11, 20, "Día de la Soberanía Nacional"),
];

/// Ley 27.399 art. 6: Tuesday and Wednesday to the Monday before, Thursday and Friday to the
/// Monday after.
pub fn observed(legal: NaiveDate) -> NaiveDate {
    let shift = match legal.weekday() {
        Weekday::Tue => -1,
        Weekday::Wed => -2,
        Weekday::Thu => 4,
        Weekday::Fri => 3,
        _ => 0,
    };
    legal
        .checked_add_signed(Duration::days(shift))
        .unwrap_or(legal)
}

/// The national holidays of `year`, by date.
pub fn national_holidays(year: i32) -> Vec<Holiday> {
    let mut out: Vec<Holiday> = Vec::new();
    let on = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    for (m, d, name) in FIXED {
        if let Some(date) = on(*m, *d) {
            out.push(Holiday {
                date,
                name,
                moved_from: None,
            });
        }
    }
    for (m, d, name) in MOVABLE {
        if let Some(legal) = on(*m, *d) {
            let date = observed(legal);
            out.push(Holiday {
                date,
                name,
                moved_from: (date != legal).then_some(legal),
            });
        }
    }
    if let Some(e) = easter(year) {
        for (days, name) in [(-48, "Carnaval"), (-47, "Carnaval"), (-2, "Viernes Santo")] {
            if let Some(date) = e.checked_add_signed(Duration::days(days)) {
                out.push(Holiday {
                    date,
                    name,
                    moved_from: None,
                });
            }
        }
    }
    out.sort_by_key(|h| h.date);
    out
}

/// Days off for tourism set by decree ("días no laborables con fines turísticos", Ley 27.399
/// art. 7), as published for each year: Decreto 106/2023 (2024), Decreto 1027/2024 (2025),
/// Resolución JGM 164/2025 (2026). Other years: none known.
pub fn tourism_bridges(year: i32) -> Vec<NaiveDate> {
    let days: &[(u32, u32)] = match year {
        2024 => &[(4, 1), (6, 21), (10, 11)],
        2025 => &[(5, 2), (8, 15), (11, 21)],
        2026 => &[(3, 23), (7, 10), (12, 7)],
        _ => &[],
    };
    days.iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(year, *m, *d))
        .collect()
}

pub fn is_holiday(date: NaiveDate) -> bool {
    national_holidays(date.year())
        .iter()
        .any(|h| h.date == date)
}

/// A weekend day, a national holiday or a tourism bridge.
pub fn is_day_off(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        || is_holiday(date)
        || tourism_bridges(date.year()).contains(&date)
}

/// A run of consecutive days off: `first` to `last`, both days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaysOff {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DaysOff {
    /// The stay guests mean by it: in the evening before the first day off (as "el finde" is
    /// Friday to Sunday), out on the last day off.
    pub fn stay(&self) -> (NaiveDate, NaiveDate) {
        (self.first.pred_opt().unwrap_or(self.first), self.last)
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }
}

/// The run of days off that contains `date`, if it is one.
fn run_around(date: NaiveDate) -> Option<DaysOff> {
    if !is_day_off(date) {
        return None;
    }
    let (mut first, mut last) = (date, date);
    while let Some(p) = first.pred_opt().filter(|p| is_day_off(*p)) {
        first = p;
    }
    while let Some(n) = last.succ_opt().filter(|n| is_day_off(*n)) {
        last = n;
    }
    Some(DaysOff { first, last })
}

/// The next long weekend (three or more days off in a row) not over by `from`, looking a year
/// ahead. A run already under way on `from` counts from `from`, unless `from` is its last day.
pub fn next_long_weekend(from: NaiveDate) -> Option<DaysOff> {
    let mut day = from;
    for _ in 0..=366 {
        if let Some(run) = run_around(day)
            && run.days() >= 3
            && run.last > from
        {
            return Some(DaysOff {
                first: run.first.max(from),
                last: run.last,
            });
        }
        day = day.succ_opt()?;
    }
    None
}

/// The holiday periods guests name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    /// The long weekend of Carnival: Saturday to the Tuesday of Carnival.
    Carnival,
    /// Good Friday to Easter Sunday (so the stay is Holy Thursday to Sunday).
    HolyWeek,
    /// New Year's Eve: 30 December to 2 January (an assumption the guest is told).
    YearEnd,
    /// Christmas: the stay is Christmas Eve to the 26th (an assumption the guest is told).
    Christmas,
    /// Winter school holidays. They differ by province; Buenos Aires (the largest source of
    /// guests) has two weeks from the third Monday of July. Always said as an assumption.
    WinterHolidays,
}

impl Season {
    /// The days off of the period in `year` (for [`Season::YearEnd`], the one starting in
    /// `year`).
    pub fn days_off(self, year: i32) -> Option<DaysOff> {
        match self {
            Season::Carnival => {
                let tuesday = easter(year)?.checked_sub_signed(Duration::days(47))?;
                Some(DaysOff {
                    first: tuesday.checked_sub_signed(Duration::days(3))?,
                    last: tuesday,
                })
            }
            Season::HolyWeek => {
                let sunday = easter(year)?;
                Some(DaysOff {
                    first: sunday.checked_sub_signed(Duration::days(2))?,
                    last: sunday,
                })
            }
            Season::YearEnd => Some(DaysOff {
                first: NaiveDate::from_ymd_opt(year, 12, 31)?,
                last: NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 2)?,
            }),
            Season::Christmas => Some(DaysOff {
                first: NaiveDate::from_ymd_opt(year, 12, 25)?,
                last: NaiveDate::from_ymd_opt(year, 12, 26)?,
            }),
            Season::WinterHolidays => {
                let first_july = NaiveDate::from_ymd_opt(year, 7, 1)?;
                let to_monday = (7 - first_july.weekday().num_days_from_monday()) % 7;
                let third_monday = first_july + Duration::days(i64::from(to_monday) + 14);
                Some(DaysOff {
                    first: third_monday,
                    last: third_monday + Duration::days(11),
                })
            }
        }
    }

    /// The next such period that has not ended by `today`.
    pub fn next(self, today: NaiveDate) -> Option<DaysOff> {
        [today.year().checked_sub(1)?, today.year(), today.year() + 1]
            .into_iter()
            .filter_map(|y| self.days_off(y))
            .find(|d| d.last >= today && d.stay().0 >= today)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_matches_the_known_dates() {
        for (year, date) in [
            (2000, "2000-04-23"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter(year), Some(d(date)), "{year}");
        }
    }

    /// The official calendars ("Feriados nacionales", argentina.gob.ar/interior/feriados,
    /// for each year; days off for tourism from Decreto 106/2023, Decreto 1027/2024 and
    /// Resolución JGM 164/2025). Holy Thursday is a non-working day, not a holiday, and is not
    /// listed.
    const OFFICIAL: &[(i32, &[&str])] = &[
        (
            2024,
            &[
                "2024-01-01",
                "2024-02-12",
                "2024-02-13",
                "2024-03-24",
                "2024-03-29",
                "2024-04-02",
                "2024-05-01",
                "2024-05-25",
                "2024-06-17",
                "2024-06-20",
                "2024-07-09",
                "2024-08-17",
                "2024-10-12",
                "2024-11-18",
                "2024-12-08",
                "2024-12-25",
            ],
        ),
        (
            2025,
            &[
                "2025-01-01",
                "2025-03-03",
                "2025-03-04",
                "2025-03-24",
                "2025-04-02",
                "2025-04-18",
                "2025-05-01",
                "2025-05-25",
                "2025-06-16",
                "2025-06-20",
                "2025-07-09",
                "2025-08-17",
                "2025-10-12",
                "2025-11-24",
                "2025-12-08",
                "2025-12-25",
            ],
        ),
        (
            2026,
            &[
                "2026-01-01",
                "2026-02-16",
                "2026-02-17",
                "2026-03-24",
                "2026-04-02",
                "2026-04-03",
                "2026-05-01",
                "2026-05-25",
                "2026-06-15",
                "2026-06-20",
                "2026-07-09",
                "2026-08-17",
                "2026-10-12",
                "2026-11-23",
                "2026-12-08",
                "2026-12-25",
            ],
        ),
    ];

    #[test]
    fn national_holidays_match_the_official_calendars() {
        for (year, official) in OFFICIAL {
            let computed: Vec<String> = national_holidays(*year)
                .iter()
                .map(|h| h.date.to_string())
                .collect();
            assert_eq!(computed, *official, "{year}");
        }
    }

    #[test]
    fn movable_holidays_follow_the_rule_and_say_where_they_came_from() {
        // 20 Nov 2025 was a Thursday: observed the Monday after.
        let h = national_holidays(2025);
        let soberania = h.iter().find(|h| h.date == d("2025-11-24")).unwrap();
        assert_eq!(soberania.moved_from, Some(d("2025-11-20")));
        // 20 Nov 2024 was a Wednesday: the Monday before.
        assert_eq!(observed(d("2024-11-20")), d("2024-11-18"));
        // A Saturday stays.
        assert_eq!(observed(d("2024-10-12")), d("2024-10-12"));
    }

    #[test]
    fn long_weekends_and_seasons() {
        // From Tuesday 10 Nov 2026 the next long weekend is Sat 21 – Mon 23 Nov.
        let lw = next_long_weekend(d("2026-11-10")).unwrap();
        assert_eq!((lw.first, lw.last), (d("2026-11-21"), d("2026-11-23")));
        assert_eq!(lw.stay(), (d("2026-11-20"), d("2026-11-23")));
        // On its last day a long weekend is over: the next one.
        let lw = next_long_weekend(d("2026-11-23")).unwrap();
        assert_eq!(lw.first, d("2026-12-05"));
        // The 2026 bridge of 7 Dec makes a four-day weekend.
        let lw = next_long_weekend(d("2026-11-24")).unwrap();
        assert_eq!((lw.first, lw.last), (d("2026-12-05"), d("2026-12-08")));
        // Carnival 2027: Easter 28 Mar → Mon 8 and Tue 9 Feb.
        let c = Season::Carnival.next(d("2026-11-10")).unwrap();
        assert_eq!((c.first, c.last), (d("2027-02-06"), d("2027-02-09")));
        let h = Season::HolyWeek.next(d("2026-11-10")).unwrap();
        assert_eq!((h.first, h.last), (d("2027-03-26"), d("2027-03-28")));
        assert_eq!(h.stay(), (d("2027-03-25"), d("2027-03-28")));
        let y = Season::YearEnd.next(d("2026-11-10")).unwrap();
        assert_eq!(y.stay(), (d("2026-12-30"), d("2027-01-02")));
        let x = Season::Christmas.next(d("2026-11-10")).unwrap();
        assert_eq!(x.stay(), (d("2026-12-24"), d("2026-12-26")));
        let w = Season::WinterHolidays.days_off(2026).unwrap();
        assert_eq!((w.first, w.last), (d("2026-07-20"), d("2026-07-31")));
        assert_eq!(
            Season::WinterHolidays.days_off(2025).unwrap().first,
            d("2025-07-21")
        );
    }

    #[test]
    fn never_panics_at_the_ends_of_the_calendar() {
        let _ = national_holidays(i32::MAX);
        let _ = national_holidays(i32::MIN);
        let _ = next_long_weekend(NaiveDate::MAX);
        let _ = Season::YearEnd.next(NaiveDate::MAX);
        let _ = Season::Carnival.next(NaiveDate::MIN);
    }
}

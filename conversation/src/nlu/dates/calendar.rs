//! Calendar arithmetic for the date parser: "the next 15th", "the next Friday", "this weekend".
//! Every function is total: a date that cannot exist (31/02) or would overflow the calendar
//! gives `None`, never a panic.
//!
//! Rules (the module docs of `nlu` repeat them for the conversation layer):
//! - a day (and month) without a year is the first such date on or after today: never in the
//!   past, and today itself counts;
//! - "el finde" is Friday → Sunday. Monday–Thursday and Sunday: the coming Friday. Friday: today
//!   → Sunday. Saturday: today → Sunday (Friday has passed; a stay never starts in the past).
//!   "el próximo finde" / "el finde que viene" said on Friday, Saturday or Sunday means next
//!   week's Friday → Sunday; said Monday–Thursday it is the same as "este finde";
//! - a weekday with a day number ("viernes 4") is the first of the next three occurrences of
//!   that day number that falls on that weekday; when none does, the first occurrence is used
//!   and the mismatch is reported so confidence drops.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// How far ahead (in months) a day-of-month is searched: five years covers the 29th of
/// February.
const SEARCH_MONTHS: usize = 60;

/// Occurrences of a day number checked for the weekday the guest named.
const WEEKDAY_MATCH_OCCURRENCES: usize = 3;

pub(crate) fn add_days(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_days(Days::new(u64::from(n)))
}

fn next_month(y: i32, m: u32) -> (i32, u32) {
    if m >= 12 {
        (y.saturating_add(1), 1)
    } else {
        (y, m + 1)
    }
}

/// The month before `m` (1-based), wrapping December.
pub(crate) fn previous_month(m: u32) -> u32 {
    if m <= 1 { 12 } else { m - 1 }
}

/// Whether day/month exists in some year (29/02 does, 31/04 does not).
pub(crate) fn day_month_exists(day: u32, month: u32) -> bool {
    NaiveDate::from_ymd_opt(2028, month, day).is_some()
}

/// First date on or after `from` with this day of the month (and this month, if given).
pub(crate) fn first_on_or_after(
    from: NaiveDate,
    day: u32,
    month: Option<u32>,
) -> Option<NaiveDate> {
    let (mut y, mut m) = (from.year(), from.month());
    for _ in 0..SEARCH_MONTHS {
        if month.is_none_or(|want| want == m)
            && let Some(d) = NaiveDate::from_ymd_opt(y, m, day)
            && d >= from
        {
            return Some(d);
        }
        (y, m) = next_month(y, m);
    }
    None
}

/// First date strictly after `after` with this day (and month).
pub(crate) fn first_after(after: NaiveDate, day: u32, month: Option<u32>) -> Option<NaiveDate> {
    first_on_or_after(after.succ_opt()?, day, month)
}

/// The first `wd` strictly after `d` (a Friday asked on a Friday is next week's).
pub(crate) fn weekday_after(d: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    add_days(d, if ahead == 0 { 7 } else { ahead })
}

/// The weekend a guest means by "el finde" (see the module docs); `following` is "el próximo
/// finde" / "el finde que viene".
pub(crate) fn weekend(today: NaiveDate, following: bool) -> Option<(NaiveDate, NaiveDate)> {
    let late_in_week = matches!(today.weekday(), Weekday::Fri | Weekday::Sat | Weekday::Sun);
    let start = match today.weekday() {
        _ if following && late_in_week => weekday_after(today, Weekday::Fri)?,
        Weekday::Fri | Weekday::Sat => today,
        _ => weekday_after(today, Weekday::Fri)?,
    };
    let sunday = if start.weekday() == Weekday::Sun {
        start
    } else {
        weekday_after(start, Weekday::Sun)?
    };
    Some((start, sunday))
}

/// The Friday → Sunday weekend a date belongs to: its own for Friday–Sunday, the next one
/// for Monday–Thursday ("el finde del 20").
pub(crate) fn weekend_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let friday = match d.weekday() {
        Weekday::Fri => d,
        Weekday::Sat => d.pred_opt()?,
        Weekday::Sun => d.pred_opt()?.pred_opt()?,
        _ => weekday_after(d, Weekday::Fri)?,
    };
    Some((friday, add_days(friday, 2)?))
}

/// "viernes 4": the day number that also falls on the weekday, among the next few occurrences;
/// otherwise the first occurrence and `true` for the mismatch.
pub(crate) fn day_on_weekday(
    from: NaiveDate,
    day: u32,
    month: Option<u32>,
    wd: Weekday,
) -> Option<(NaiveDate, bool)> {
    let first = first_on_or_after(from, day, month)?;
    let mut candidate = first;
    for _ in 0..WEEKDAY_MATCH_OCCURRENCES {
        if candidate.weekday() == wd {
            return Some((candidate, false));
        }
        match first_after(candidate, day, month) {
            Some(next) if month.is_none() => candidate = next,
            _ => break,
        }
    }
    Some((first, true))
}

/// The `which`-th weekend (Friday to Sunday; 5 is the last) of `month`, the next one from
/// `today` on (of `year` when said): the Friday and the Sunday.
pub(crate) fn nth_weekend(
    today: NaiveDate,
    month: u32,
    year: Option<i32>,
    which: u32,
) -> Option<(NaiveDate, NaiveDate)> {
    let years = match year {
        Some(y) => vec![y],
        None => vec![today.year(), today.year() + 1],
    };
    years.into_iter().find_map(|y| {
        let first = NaiveDate::from_ymd_opt(y, month, 1)?;
        let fridays: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| d.month() == month)
            .filter(|d| d.weekday() == Weekday::Fri)
            .collect();
        let friday = if which == 5 {
            *fridays.last()?
        } else {
            *fridays.get(usize::try_from(which).ok()?.checked_sub(1)?)?
        };
        (friday >= today || year.is_some()).then(|| (friday, friday + chrono::Duration::days(2)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn next_day_of_month() {
        assert_eq!(
            first_on_or_after(d("2026-12-28"), 15, None),
            Some(d("2027-01-15"))
        );
        assert_eq!(
            first_on_or_after(d("2026-12-28"), 28, None),
            Some(d("2026-12-28"))
        );
        assert_eq!(first_on_or_after(d("2027-01-31"), 31, Some(2)), None);
        assert_eq!(
            first_on_or_after(d("2026-03-01"), 29, Some(2)),
            Some(d("2028-02-29"))
        );
        assert_eq!(
            first_on_or_after(d("2026-01-31"), 31, None),
            Some(d("2026-01-31"))
        );
        assert_eq!(
            first_on_or_after(d("2026-02-01"), 31, None),
            Some(d("2026-03-31"))
        );
    }

    #[test]
    fn weekends() {
        // 2026-12-04 is a Friday.
        assert_eq!(
            weekend(d("2026-12-01"), false),
            Some((d("2026-12-04"), d("2026-12-06")))
        );
        assert_eq!(
            weekend(d("2026-12-04"), false),
            Some((d("2026-12-04"), d("2026-12-06")))
        );
        assert_eq!(
            weekend(d("2026-12-05"), false),
            Some((d("2026-12-05"), d("2026-12-06")))
        );
        assert_eq!(
            weekend(d("2026-12-06"), false),
            Some((d("2026-12-11"), d("2026-12-13")))
        );
        assert_eq!(
            weekend(d("2026-12-04"), true),
            Some((d("2026-12-11"), d("2026-12-13")))
        );
        assert_eq!(
            weekend(d("2026-12-01"), true),
            Some((d("2026-12-04"), d("2026-12-06")))
        );
    }

    #[test]
    fn day_and_weekday() {
        // Friday 4 December 2026.
        assert_eq!(
            day_on_weekday(d("2026-11-10"), 4, None, Weekday::Fri),
            Some((d("2026-12-04"), false))
        );
        // Monday 4th: January 2027 is a Monday; from 2026-11-10 the 4ths are Dec (Fri), Jan (Mon).
        assert_eq!(
            day_on_weekday(d("2026-11-10"), 4, None, Weekday::Mon),
            Some((d("2027-01-04"), false))
        );
        assert_eq!(
            day_on_weekday(d("2026-11-10"), 4, None, Weekday::Sun),
            Some((d("2026-12-04"), true))
        );
    }

    #[test]
    fn never_panics_at_the_end_of_time() {
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(first_after(NaiveDate::MAX, 1, None), None);
        let _ = weekend(NaiveDate::MAX, true);
        let _ = first_on_or_after(NaiveDate::MAX, 31, Some(12));
    }
}

//! The second step: the first mention that is not an end is the check-in, the next mention is
//! the check-out, nights fill a missing check-out. See the module docs of `dates` for the rules.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{
    DateInfo, DayRef, Kind, Mention, Role, calendar,
    scan::{MAX_NIGHTS, Scan},
};
use crate::nlu::Period;

/// The mentions the guest did not deny: a denied one, and the end of its range, are dropped
/// ("no era del 15 al 17, es del 16 al 18"); unless all are, after an opening "no" ("uy no era
/// del 20 al 22": "no, era del 20 al 22" without its comma). A start said instead with no end
/// or nights of its own keeps the end said before ("del 20 al 25, bah, en realidad del 21").
fn affirmed(scan: &mut Scan) {
    if scan.denied.is_empty() {
        return;
    }
    let mut kept = Vec::with_capacity(scan.mentions.len());
    let mut dropped_last = false;
    // The end of a denied range, waiting for the start said instead.
    let mut end_before: Option<Mention> = None;
    for (i, m) in scan.mentions.iter().enumerate() {
        let denied = scan.denied.contains(&i);
        let drop = denied || (dropped_last && m.role == Role::End);
        if drop && !denied {
            let mut later = scan.mentions.iter().enumerate().skip(i + 1);
            let end_said_again = scan.nights.is_some() || later.any(|(_, l)| l.role == Role::End);
            if !end_said_again {
                end_before = Some(*m);
            }
        }
        if !drop {
            kept.push(*m);
            if m.role != Role::End
                && let Some(end) = end_before.take()
            {
                kept.push(end);
            }
        }
        // The end of a denied range goes with it; a denied end takes nothing after it ("nos
        // vamos el 6, perdón, el 7": the 7th is the end said instead).
        dropped_last = drop && m.role != Role::End;
    }
    // "uy no era del 20 al 22" and nothing else: the correction, its comma unwritten.
    if kept.is_empty() && scan.denial_leads {
        return;
    }
    scan.mentions = kept;
}

/// The guest's own dates around a holiday period say more than the period does:
/// - a whole stay said besides it ("para navidad y año nuevo, del 24 al 2 de enero", "después
///   de año nuevo, del 1 al 3 de enero") is the stay, no dates assumed from the period; a
///   check-in alone ("desde el 20 hasta año nuevo", "para año nuevo llegamos el 29") runs
///   through it;
/// - weekdays said with it are its days ("llegamos el jueves antes de carnaval y nos vamos el
///   martes", "el finde largo de octubre pero llegamos el jueves"): the arrival weekday nearest
///   the period's check-in, the departure the first such weekday after the arrival; what the
///   guest leaves unsaid is the period's.
///
/// The same for a weekend of a day with a whole stay said after it ("el finde del 25 de mayo,
/// del sábado 22 al martes 25"): the stay, in the weekend's month.
fn own_dates_over_period(scan: &mut Scan) {
    if !scan.denied.is_empty() {
        return;
    }
    let whole = |k: &Kind| {
        matches!(
            k,
            Kind::Day(_) | Kind::Fixed(_) | Kind::LastNight(_) | Kind::Tonight | Kind::WeekendOf(_)
        )
    };
    if scan.from_period.is_empty() {
        let Some((w, r)) = weekend_of(&scan.mentions) else {
            return;
        };
        let range_after = scan.mentions.iter().enumerate().skip(w + 1).any(|(j, m)| {
            m.role != Role::End
                && matches!(m.kind, Kind::Day(_))
                && scan
                    .mentions
                    .get(j + 1)
                    .is_some_and(|e| e.role == Role::End)
        });
        if range_after {
            // Its month is the range's when the range says none ("el finde del 25 de mayo,
            // del sábado 22 al martes 25").
            scan.mentions.remove(w);
            scan.loose_month = scan.loose_month.or(r.month);
        }
        return;
    }
    let (Some(Kind::Fixed(check_in)), Some(Kind::Fixed(check_out))) = (
        scan.from_period
            .first()
            .and_then(|&i| scan.mentions.get(i))
            .map(|m| m.kind),
        scan.from_period
            .get(1)
            .and_then(|&i| scan.mentions.get(i))
            .map(|m| m.kind),
    ) else {
        return;
    };
    let own: Vec<Mention> = scan
        .mentions
        .iter()
        .enumerate()
        .filter(|(i, _)| !scan.from_period.contains(i))
        .map(|(_, m)| *m)
        .collect();
    let start = own.iter().find(|m| m.role != Role::End);
    let end = own.iter().find(|m| m.role == Role::End);
    if let Some(first) = start.filter(|m| whole(&m.kind)) {
        if end.is_some() {
            // A whole stay of the guest's own: the period only names it, and gives its month
            // to days said without one ("año nuevo, del 30 al 2": 30 December). A month the
            // stay says itself is the stay's ("del 5 al 8 de abril, justo después de semana
            // santa": April, not the period's March).
            let end_month = matches!(end.map(|m| m.kind),
                Some(Kind::Day(e) | Kind::LastNight(e)) if e.month.is_some());
            let near = if end_month {
                first.kind
            } else {
                near_period(first.kind, check_in, check_out)
            };
            scan.mentions = own
                .iter()
                .map(|m| {
                    if m == first {
                        Mention { kind: near, ..*m }
                    } else {
                        *m
                    }
                })
                .collect();
            scan.period = None;
            scan.from_period.clear();
        } else {
            // "Desde el 20 hasta año nuevo", "para año nuevo llegamos el 29": from that day
            // through the period.
            let near = near_period(first.kind, check_in, check_out);
            let from = match near {
                Kind::Fixed(d) => Some(d),
                Kind::Day(DayRef {
                    day,
                    month: Some(m),
                    year: Some(y),
                    ..
                }) => NaiveDate::from_ymd_opt(y, m, day),
                _ => None,
            };
            // A day far from the period is the guest's own arrival, not one for the period:
            // the period is dropped ("finde largo, llegamos el 24 de mayo" in December).
            let far = from.is_some_and(|d| d >= check_out || (check_in - d).num_days() > 31);
            // "El finde largo de julio, el del 9 de julio": the holiday it is named after, said
            // as no arrival, is no arrival: the period's stay.
            let names_it = first.role == Role::Plain
                && from.is_some_and(|d| {
                    scan.period
                        .is_some_and(|p| p.first_day_off <= d && d <= p.last_day_off)
                        && booking::holidays::is_holiday(d)
                });
            if names_it {
                scan.mentions = Mention::fixed_stay(check_in, check_out).to_vec();
            } else if far {
                scan.mentions = own;
                scan.period = None;
            } else if from.is_some() {
                scan.mentions = vec![
                    Mention {
                        kind: near,
                        ..*first
                    },
                    Mention {
                        kind: Kind::Fixed(check_out),
                        role: Role::End,
                    },
                ];
            }
        }
        return;
    }
    let start = match start.map(|m| m.kind) {
        // An arrival on or after the period's last day is no arrival for it: the period's.
        Some(Kind::Weekday { wd, .. }) => Kind::Fixed(
            Some(nearest_weekday(check_in, wd))
                .filter(|d| *d < check_out)
                .unwrap_or(check_in),
        ),
        _ => Kind::Fixed(check_in),
    };
    let end = end.map_or(Kind::Fixed(check_out), |m| m.kind);
    scan.mentions = vec![
        Mention {
            kind: start,
            role: Role::Start,
        },
        Mention {
            kind: end,
            role: Role::End,
        },
    ];
}

/// The check-out of the stay a holiday period gave, if one did.
fn period_check_out(scan: &Scan) -> Option<NaiveDate> {
    let end = scan
        .from_period
        .get(1)
        .and_then(|&i| scan.mentions.get(i))?;
    match end.kind {
        Kind::Fixed(d) => Some(d),
        _ => None,
    }
}

/// "Para navidad, 3 noches", "semana santa, 2 noches", "for Christmas, 3 nights", "para año
/// nuevo llegamos el 29, 4 noches": a count of nights said with a holiday period is how long
/// the stay is from its arrival (the period's, or the guest's own), not the period's length.
/// A long weekend's or carnival's nights that fit in its days off ("finde largo de julio, 2
/// noches", "carnaval, 3 noches") start on its first day off, not the evening before it.
fn nights_over_period(scan: &mut Scan, period_out: Option<NaiveDate>) {
    let (Some(nights), Some(period_out)) = (scan.nights, period_out) else {
        return;
    };
    if scan.from_period.is_empty() {
        return;
    }
    let [start, end] = scan.mentions.as_mut_slice() else {
        return;
    };
    if end.role != Role::End || !matches!(end.kind, Kind::Fixed(d) if d == period_out) {
        return;
    }
    if let Some(p) = scan.period
        && matches!(p.period, Period::LongWeekend | Period::Carnival)
        && matches!(start.kind, Kind::Fixed(d) if d < p.first_day_off)
        && calendar::add_days(p.first_day_off, nights).is_some_and(|out| out <= p.last_day_off)
    {
        start.kind = Kind::Fixed(p.first_day_off);
    }
    scan.mentions.pop();
}

/// A year said apart ("del año que viene (2027), del 24 al 26 de diciembre") is the year of
/// the days said with a month and without a year; a check-out in an earlier month than the
/// check-in's is in the year after ("(2027) del 30/12 al 2/1").
fn year_apart(scan: &mut Scan) {
    let Some(year) = scan.year_apart else { return };
    let mut start_month = None;
    for m in &mut scan.mentions {
        if let Kind::Day(r) | Kind::LastNight(r) = &mut m.kind
            && let Some(month) = r.month
            && r.year.is_none()
        {
            let crosses = m.role == Role::End && start_month.is_some_and(|s| month < s);
            r.year = Some(if crosses { year + 1 } else { year });
            if m.role != Role::End {
                start_month = Some(month);
            }
        }
    }
}

/// A day said without a year, in the month (and year) of the period's check-in or check-out
/// that puts it nearest the period's stay (its own month when said).
fn near_period(kind: Kind, check_in: NaiveDate, check_out: NaiveDate) -> Kind {
    let Kind::Day(r) = kind else { return kind };
    if r.year.is_some() {
        return kind;
    }
    let distance = |d: NaiveDate| {
        if d < check_in {
            (check_in - d).num_days()
        } else if d > check_out {
            (d - check_out).num_days()
        } else {
            0
        }
    };
    // A day said with its month is that month's, in the year that puts it nearest the period
    // (never the period's year alone: "finde largo, llegamos el 24 de mayo" in December).
    let candidates: Vec<NaiveDate> = match r.month {
        Some(month) => [check_in.year(), check_in.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, r.day))
            .collect(),
        None => [check_in, check_out]
            .into_iter()
            .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), r.day))
            .collect(),
    };
    candidates
        .into_iter()
        .min_by_key(|d| distance(*d))
        .map_or(kind, |d| {
            Kind::Day(DayRef {
                month: Some(d.month()),
                year: Some(d.year()),
                ..r
            })
        })
}

/// The `wd` nearest `anchor` (the earlier one of two as near).
fn nearest_weekday(anchor: NaiveDate, wd: Weekday) -> NaiveDate {
    (0..7i64)
        .flat_map(|k| {
            [
                anchor - chrono::Duration::days(k),
                anchor + chrono::Duration::days(k),
            ]
        })
        .find(|d| d.weekday() == wd)
        .unwrap_or(anchor)
}

/// A weekend, a week or a day said loosely, then a range said in full ("era el finde
/// siguiente, del 19 al 21", "la semana del 20 está bien pero 2 noches, del 20 al 22", "el 1 de
/// mayo cae sábado, queremos ir del 30 de abril al 2 de mayo"): the range is what the guest
/// settles on, the loose phrase only led to it.
fn range_over_loose(scan: &mut Scan) -> bool {
    if !scan.from_period.is_empty() {
        return false;
    }
    let loose = |m: &Mention| {
        matches!(m.kind, Kind::Weekend { .. } | Kind::Fixed(_))
            || matches!(m.kind, Kind::Day(_)) && m.role == Role::Plain
    };
    // After a part of a month, "de 17 a 21" (its "de" no start marker) is a range too.
    let part = scan.month_part.is_some();
    let range = scan.mentions.windows(2).position(|w| {
        (w[0].role == Role::Start || part && w[0].role == Role::Plain)
            && matches!(w[0].kind, Kind::Day(_))
            && w[1].role == Role::End
            && matches!(w[1].kind, Kind::Day(_))
    });
    if let Some(j) = range.filter(|&j| j > 0)
        && scan.mentions[..j].iter().all(loose)
    {
        // A day said with its month gives it to a range said without one ("el 20 de enero,
        // del 20 al 23").
        // So does a part of a month said before it ("la segunda quincena de mayo, del 17 al
        // 21", "la primera semana de abril, del 3 al 6"): its month.
        let part_start = scan.month_part.map(|(a, _)| a);
        let month = scan.mentions[..j].iter().find_map(|m| match m.kind {
            Kind::Day(r) => r.month,
            Kind::Fixed(d) if Some(d) == part_start => Some(d.month()),
            _ => None,
        });
        scan.loose_month = scan.loose_month.or(month);
        scan.mentions.drain(..j);
        scan.nights = None;
        return true;
    }
    false
}

/// The weekend of a day the message names ("el finde del 12 de febrero"): where it is among
/// the mentions, and the day.
fn weekend_of(mentions: &[Mention]) -> Option<(usize, DayRef)> {
    mentions.iter().enumerate().find_map(|(i, m)| match m.kind {
        Kind::WeekendOf(r) => Some((i, r)),
        _ => None,
    })
}

/// "El finde del 12 de febrero, viernes a domingo", "el finde del 20, llegamos el sábado":
/// weekdays said with a weekend of a day are that weekend's days (the arrival the weekday
/// nearest its Friday, the departure the first such weekday after the arrival).
fn weekdays_of_weekend(scan: &mut Scan, today: NaiveDate) {
    let Some((w, r)) = weekend_of(&scan.mentions) else {
        return;
    };
    let others: Vec<Mention> = scan
        .mentions
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != w)
        .map(|(_, m)| *m)
        .collect();
    if others.is_empty()
        || !others
            .iter()
            .all(|m| matches!(m.kind, Kind::Weekday { .. }))
    {
        return;
    }
    let Some((friday, sunday)) = r.date_from(today).and_then(calendar::weekend_of) else {
        return;
    };
    let start = others.iter().find(|m| m.role != Role::End);
    let end = others.iter().find(|m| m.role == Role::End);
    let check_in = match start.map(|m| m.kind) {
        Some(Kind::Weekday { wd, .. }) => nearest_weekday(friday, wd).max(today),
        _ => friday.max(today),
    };
    let check_out = match end.map(|m| m.kind) {
        Some(Kind::Weekday { wd, .. }) => calendar::weekday_after(check_in, wd),
        _ => Some(sunday).filter(|s| *s > check_in),
    };
    let Some(check_out) = check_out else { return };
    scan.mentions = Mention::fixed_stay(check_in, check_out).to_vec();
}

pub(super) fn resolve(mut scan: Scan, today: NaiveDate) -> DateInfo {
    year_apart(&mut scan);
    weekdays_of_weekend(&mut scan, today);
    let period_out = period_check_out(&scan);
    own_dates_over_period(&mut scan);
    nights_over_period(&mut scan, period_out);
    affirmed(&mut scan);
    let range_over_loose = range_over_loose(&mut scan);
    let mut info = DateInfo {
        range_over_loose,
        failed: scan.invalid,
        vague: scan.vague,
        nights: scan.nights,
        period: scan.period,
        month: scan.loose_month,
        no_long_weekend: scan.no_long_weekend,
        year: scan.year_apart,
        ..DateInfo::default()
    };
    // One impossible date spoils the phrase ("del 30 al 31 de febrero"): better to ask again
    // than to book half of it.
    // "Pasala al 20": with a verb that moves the stay, a lone end is the new start.
    let lone_end_moves = scan.moves && scan.mentions.len() == 1;
    // Two ends and no start ("to January 11 to 15", "hasta el 11 hasta el 15"): the first
    // is the start.
    let two_ends = scan.mentions.len() >= 2;
    let start = scan
        .mentions
        .iter()
        .position(|m| m.role != Role::End || lone_end_moves)
        .or(two_ends.then_some(0))
        .filter(|_| !scan.invalid);
    if let Some((i, kind)) = start.and_then(|i| scan.mentions.get(i).map(|m| (i, m.kind))) {
        let end = scan.mentions.get(i + 1).map(|m| m.kind);
        let (kind, used_month) = with_loose_month(kind, end, scan.loose_month);
        info.vague &= !used_month;
        if used_month {
            info.month = None;
        }
        info.day_only = matches!(kind, Kind::Day(r) if r.year.is_none() && r.weekday.is_none()
            && inherit_month(r, end).month.is_none());
        info.weekday_day_only = matches!(kind, Kind::Day(r) if r.year.is_none()
            && r.weekday.is_some() && inherit_month(r, end).month.is_none());
        info.bare_weekend = matches!(kind, Kind::Weekend { following: false }) && end.is_none();
        info.weekday_only = matches!(kind, Kind::Weekday { .. }) && end.is_none();
        stay(kind, end, scan.nights, today, &mut info);
    } else if let [only] = scan.mentions.as_slice()
        && only.role == Role::End
        && !scan.invalid
    {
        // "Hasta el 18" alone: a new check-out for the stay already under way (never a stay
        // by itself).
        info.until = today
            .pred_opt()
            .and_then(|yesterday| end_date(only.kind, yesterday, today));
        if let Kind::Weekday { wd, .. } = only.kind {
            info.until_weekday = Some(wd);
        }
    }
    // "Una semana en la primera quincena de enero", "5 noches en la segunda quincena": the
    // nights said, from the first day of that part of the month.
    if let (Some(window), Some(n), Some(check_in)) = (scan.month_part, scan.nights, info.check_in)
        && info.check_out == Some(window.1)
        && check_in == window.0
        && i64::from(n) < (window.1 - window.0).num_days()
    {
        info.check_out = calendar::add_days(check_in, n);
    }
    info.consumed = scan.consumed;
    info
}

/// "diciembre, del 20 al 23": a month named apart gives its month to a range that has none.
fn with_loose_month(start: Kind, end: Option<Kind>, month: Option<u32>) -> (Kind, bool) {
    let end_has_month = matches!(end, Some(Kind::Day(e) | Kind::LastNight(e)) if e.month.is_some());
    match (start, month) {
        (Kind::Day(r), Some(m)) if r.month.is_none() && !end_has_month => (
            Kind::Day(DayRef {
                month: Some(m),
                ..r
            }),
            true,
        ),
        _ => (start, false),
    }
}

/// Fills check-in and check-out from the start mention, the end mention and the nights.
fn stay(
    start: Kind,
    end: Option<Kind>,
    nights: Option<u32>,
    today: NaiveDate,
    info: &mut DateInfo,
) {
    let Some((check_in, natural_out)) = start_date(start, end, today, info) else {
        info.failed = true;
        return;
    };
    info.check_in = Some(check_in);
    let out = match end {
        Some(e) => {
            let out = end_date(e, check_in, today);
            info.failed |= out.is_none();
            out
        }
        None => nights
            .and_then(|n| calendar::add_days(check_in, n))
            .or(natural_out),
    };
    let too_long = out.is_some_and(|o| (o - check_in).num_days() > i64::from(MAX_NIGHTS));
    info.failed |= too_long;
    info.check_out = out.filter(|_| !too_long);
}

/// The check-in and, for a weekend, "esta noche" or a list of nights, its natural check-out.
fn start_date(
    kind: Kind,
    end: Option<Kind>,
    today: NaiveDate,
    info: &mut DateInfo,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    match kind {
        Kind::Fixed(d) => Some((d, None)),
        Kind::Tonight => Some((today, calendar::add_days(today, 1))),
        Kind::Weekend { following } => {
            calendar::weekend(today, following).map(|(a, b)| (a, Some(b)))
        }
        Kind::WeekendOf(r) => {
            let (friday, sunday) = calendar::weekend_of(r.date_from(today)?)?;
            Some((friday.max(today), Some(sunday)))
        }
        Kind::Weekday { wd, this } => {
            let d = if this && today.weekday() == wd {
                today
            } else {
                calendar::weekday_after(today, wd)?
            };
            Some((d, None))
        }
        Kind::Day(r) => {
            let r = inherit_month(r, end);
            let d = match (r.year, r.weekday) {
                (None, Some(wd)) => {
                    let (d, mismatch) = calendar::day_on_weekday(today, r.day, r.month, wd)?;
                    info.weekday_mismatch = mismatch;
                    d
                }
                _ => r.date_from(today)?,
            };
            Some((d, None))
        }
        Kind::LastNight(_) => None,
    }
}

/// The check-out for an end mention, strictly after the check-in.
fn end_date(kind: Kind, check_in: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let out = match kind {
        Kind::Fixed(d) => d,
        Kind::Tonight => return None,
        Kind::Weekend { following } => calendar::weekend(today, following)?.1,
        Kind::WeekendOf(r) => calendar::weekend_of(r.date_from(today)?)?.1,
        Kind::Weekday { wd, .. } => calendar::weekday_after(check_in, wd)?,
        Kind::Day(r) => day_after(check_in, r)?,
        // "24, 25 y 26": the last night is the 26th, so the guest leaves on the 27th.
        Kind::LastNight(r) => calendar::add_days(day_on_or_after(check_in, r)?, 1)?,
    };
    (out > check_in).then_some(out)
}

/// A start day with no month takes the end's month, or the month before when the start day is
/// not smaller ("del 28 al 3 de enero"); an end year carries over the same way.
fn inherit_month(start: DayRef, end: Option<Kind>) -> DayRef {
    let e = match end {
        Some(Kind::Day(e) | Kind::LastNight(e)) => e,
        _ => return start,
    };
    let (Some(end_month), None) = (e.month, start.month) else {
        return start;
    };
    let wraps = start.day > e.day || (start.day == e.day && matches!(end, Some(Kind::Day(_))));
    let month = if wraps {
        calendar::previous_month(end_month)
    } else {
        end_month
    };
    let year = e
        .year
        .map(|y| if wraps && end_month == 1 { y - 1 } else { y });
    DayRef {
        month: Some(month),
        year: start.year.or(year),
        ..start
    }
}

/// An end day: exact with a year, else the first such date after the check-in.
fn day_after(check_in: NaiveDate, r: DayRef) -> Option<NaiveDate> {
    match (r.year, r.month) {
        (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y, m, r.day),
        (_, m) => calendar::first_after(check_in, r.day, m),
    }
}

/// A last night: exact with a year, else the first such date on or after the check-in.
fn day_on_or_after(check_in: NaiveDate, r: DayRef) -> Option<NaiveDate> {
    match (r.year, r.month) {
        (Some(y), Some(m)) => NaiveDate::from_ymd_opt(y, m, r.day),
        (_, m) => calendar::first_on_or_after(check_in, r.day, m),
    }
}

//! Days, months, nights and people read in the context of the conversation: a bare day in the
//! month talked about, a month alone moving the stay, nights or people added to what was said,
//! a bare number answering what was just asked.
//!
//! Only the message is rewritten; the slots are filled by `listen`.

use std::borrow::Cow;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::{
    nlu::{StayEnd, Understanding},
    state::ConversationState,
};

/// A stay moved by `by`: the end said (its other end kept, while a night is left), else both.
fn moved_by(
    i: NaiveDate,
    o: NaiveDate,
    by: Duration,
    end: Option<StayEnd>,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let whole = (i.checked_add_signed(by), o.checked_add_signed(by));
    match end {
        Some(StayEnd::Arrival) => match i.checked_add_signed(by) {
            Some(n) if n < o => (Some(n), Some(o)),
            _ => whole,
        },
        Some(StayEnd::Departure) => match o.checked_add_signed(by) {
            Some(n) if n > i => (Some(i), Some(n)),
            _ => whole,
        },
        None => whole,
    }
}

/// The message read in the light of the conversation:
/// - days said without a month ("perdón, es del 16 al 18", "no era el 16, era el 15") are about
///   the month of the stay being talked about (the nearest such day to it, never before the
///   next one from today), or the month the guest named before ("queremos ir en marzo"); the
///   nights said stay the same;
/// - a month said alone while a stay is talked about ("me confundí, es en abril") moves the
///   stay to the same days of that month;
/// - nights added or taken ("una noche más", "one more night") change the stay's length;
///   people added or taken ("se suma una persona más", "one more guest") the party's size;
/// - a bare number answers what was just asked: how many nights when only the check-in is
///   known or only the people are, how many people when the dates are (or corrects the
///   people: "ah no, perdón, 5").
pub(super) fn in_context<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    today: NaiveDate,
) -> Cow<'a, Understanding> {
    let mut read = Cow::Borrowed(u);
    // "El finde largo de octubre" … "mejor el de agosto": that month's long weekend, not the
    // same days of it.
    if let (Some(month), None, Some(i), Some(o)) =
        (u.month, u.check_in, prev.check_in, prev.check_out)
        && month != i.month()
        && is_long_weekend(i, o)
        && let Some(days) = long_weekend_in(month, today)
    {
        let (check_in, check_out) = days.stay();
        let r = read.to_mut();
        r.check_in = Some(check_in.max(today));
        r.check_out = Some(check_out);
        r.month = None;
        r.period = Some(crate::nlu::PeriodMention {
            period: crate::nlu::Period::LongWeekend,
            first_day_off: days.first,
            last_day_off: days.last,
        });
    }
    // The stay talked about, else the one held ("sorry, wrong month, I meant May" right after
    // a hold); what every change below is made to.
    let booked = prev.booked.as_ref();
    let talked_or_held = (
        prev.check_in.or(booked.map(|b| b.check_in)),
        prev.check_out.or(booked.map(|b| b.check_out)),
    );
    // "Carnaval 2027" … "actually, the 2028 one": the same stay in the year said (not "cancel
    // it, we'll book the Lenga next year").
    if let (Some(year), None, (Some(i), Some(o))) = (u.year, read.check_in, talked_or_held)
        && u.intent != crate::nlu::Intent::Cancel
        && year != i.year()
        && let Some((check_in, check_out)) = same_stay_in_year(i, o, year)
        && check_in >= today
    {
        let r = read.to_mut();
        r.check_in = Some(check_in);
        r.check_out = Some(check_out);
    }
    // (Not "cancelá la de marzo", "cancel the February one": the hold in that month, named.)
    if let (Some(month), None, (Some(i), Some(o))) = (u.month, read.check_in, talked_or_held)
        && u.intent != crate::nlu::Intent::Cancel
        && month != i.month()
        && let Some(moved) = same_day_in(month, i.day(), today)
    {
        let r = read.to_mut();
        r.check_in = Some(moved);
        r.check_out = moved.checked_add_signed(o - i);
    }
    // "Queremos ir en mayo" … "¿finde?": the first weekend of that month, not this one.
    if let (true, Some(month), Some(i), None) =
        (u.bare_weekend, prev.month, u.check_in, prev.check_in)
        && month != i.month()
        && let Some(friday) = same_day_in(month, 1, today).and_then(first_friday_from)
    {
        let r = read.to_mut();
        r.check_in = Some(friday);
        r.check_out = friday.checked_add_signed(Duration::days(2));
    }
    // "Para Semana Santa" … "¿podemos llegar el miércoles?", "entramos el jueves": an arrival
    // said as a weekday alone while a stay is talked about (or held) is the nearest such day to
    // that stay's check-in, not the next one from today, whenever that one falls days before
    // the stay ("del jueves al domingo" said on a Thursday … "mejor llegamos el viernes": the
    // Friday of that stay, not tomorrow); the check-out stays while a night is left.
    if let (true, true, Some(first_next), (Some(i), Some(o))) =
        (u.weekday_only, u.arrival_only, u.check_in, talked_or_held)
        && (i - first_next).num_days() > 3
        && let Some(day) = nearest_same_weekday(i, first_next.weekday())
        && day >= today
        && day < o
    {
        let r = read.to_mut();
        r.check_in = Some(day);
        r.check_out = Some(o);
    }
    // "¿Qué días de noviembre?" … "del viernes 19 al domingo 21": in that month too, when its
    // 19th is a Friday.
    if let (true, Some(first_next)) = (u.day_only || u.weekday_day_only, u.check_in)
        && let Some(day) = in_month_of(prev, first_next)
        && day != first_next
        && (u.day_only || day.weekday() == first_next.weekday())
    {
        let shift = day - first_next;
        let r = read.to_mut();
        r.check_in = Some(day);
        r.check_out = u.check_out.and_then(|o| o.checked_add_signed(shift));
    }
    // "Un finde en marzo" … "el del 12": that day's weekend, Friday to Sunday (a weekday from
    // Monday to Thursday is an arrival said as such).
    if prev.weekend_wanted
        && u.day_only
        && u.check_out.is_none()
        && u.nights.is_none()
        && let Some(day) = read.check_in
        && let Some(back) = match day.weekday() {
            chrono::Weekday::Fri => Some(0),
            chrono::Weekday::Sat => Some(1),
            chrono::Weekday::Sun => Some(2),
            _ => None,
        }
        && let Some(friday) = day.checked_sub_signed(Duration::days(back))
    {
        let r = read.to_mut();
        r.check_in = Some(friday.max(today));
        r.check_out = friday.checked_add_signed(Duration::days(2));
    }
    if let Some(delta) = u.extra_nights
        && u.check_in.is_none()
        && let (Some(i), Some(o)) = talked_or_held
        && let Ok(n) = u32::try_from((o - i).num_days() + i64::from(delta))
        && n >= 1
    {
        read.to_mut().nights = Some(n);
    }
    // "Corrámosla un día": the stay talked about (or held) moves, its nights kept; "llegamos un
    // día antes", "salimos un día antes": only that end moves, while a night is left. Not a
    // question about cancelling ("si cancelo 2 días antes…").
    if let Some(delta) = u.shift_days
        && u.check_in.is_none()
        && !u.topics.contains(&crate::nlu::InfoTopic::Cancellation)
    {
        let by = Duration::days(i64::from(delta));
        if let (Some(i), Some(o)) = talked_or_held
            && let (Some(i), Some(o)) = moved_by(i, o, by, u.shift_end)
        {
            let r = read.to_mut();
            r.check_in = Some(i);
            r.check_out = Some(o);
        }
    }
    // "¿Y el finde siguiente?", "se puede pasar a la semana que sigue?": a week after the stay
    // talked about (or held), its nights kept; not the next weekend from today.
    // "¿Tenés este finde?" … "¿y el finde que viene?" (on a Friday it reads as this one), "¿y
    // el que viene?", "and the next one?": the week after the stay talked about too.
    let talked = prev.check_in.zip(prev.check_out);
    let next_of_talked = u.says_next
        && talked.is_some_and(|(i, o)| (o - i).num_days() <= 7)
        && (u.check_in.zip(u.check_out) == talked
            || u.check_in.is_none()
                && u.guests.is_none()
                && u.nights.is_none()
                && u.month.is_none()
                && u.accommodation.is_none()
                && u.period.is_none());
    // "Cancelala, vamos otro finde": the stay called off, another time some day; nothing moves.
    if (u.following_week || next_of_talked)
        && u.intent != crate::nlu::Intent::Cancel
        && u.check_out
            .is_none_or(|o| u.check_in.is_some_and(|i| (o - i).num_days() <= 3))
    {
        let week = Duration::days(7);
        if let (Some(i), Some(o)) = talked_or_held
            && let (Some(i), Some(o)) = (i.checked_add_signed(week), o.checked_add_signed(week))
        {
            let r = read.to_mut();
            r.check_in = Some(i);
            r.check_out = Some(o);
        }
    }
    // "¿Y entre semana?" after a weekend: the weekdays after it, from Monday, as many nights
    // (at most the four to Friday).
    if u.midweek
        && u.check_in.is_none()
        && let (Some(i), Some(o)) = talked_or_held
        && i.iter_days()
            .take_while(|d| *d < o)
            .any(|d| matches!(d.weekday(), Weekday::Fri | Weekday::Sat))
    {
        let to_monday = (7 - i.weekday().num_days_from_monday()) % 7;
        let monday = i + Duration::days(i64::from(to_monday));
        let nights = (o - i).num_days().clamp(1, 4);
        let r = read.to_mut();
        r.check_in = Some(monday);
        r.check_out = Some(monday + Duration::days(nights));
        r.nights = None;
    }
    if let Some(delta) = u.extra_guests
        && u.guests.is_none()
        && let Some(before) = prev.guests.or(prev.booked.as_ref().map(|b| b.guests))
        && let Ok(n) = u16::try_from(i32::from(before) + delta)
        && n >= 1
    {
        read.to_mut().guests = Some(n);
    }
    if let Some(n) = u.bare_number
        && u.guests.is_none()
        && u.check_in.is_none()
        && u.nights.is_none()
    {
        match (prev.check_in, prev.check_out) {
            (Some(_), None) => read.to_mut().nights = Some(u32::from(n)),
            // People known, no dates yet: "2" answers how long ("somos 4" … "2"); the day of
            // arrival is asked next. A correction ("ah no, 5") stays about the people.
            (None, None)
                if prev.guests.is_some()
                    && prev.nights.is_none()
                    && !u.correction
                    && (1..=30).contains(&n) =>
            {
                read.to_mut().nights = Some(u32::from(n));
            }
            (None, None) if prev.guests.is_some() && u.correction => {
                read.to_mut().guests = Some(n);
            }
            // "Mejor 3 noches" … "uh no, dejalo en 2": the nights again.
            (Some(_), Some(_)) if prev.nights_changed_last && (1..=30).contains(&n) => {
                read.to_mut().nights = Some(u32::from(n));
            }
            // "ah no, perdón, 5" corrects the people said.
            (Some(_), Some(_)) if prev.guests.is_none() || u.correction => {
                read.to_mut().guests = Some(n);
            }
            _ => {}
        }
    }
    // "Uy, no está libre; la tengo libre del 10 al 13: si te sirve, decime esas fechas" …
    // "dale, esas fechas": the stay proposed, for the cabin held.
    if u.those_dates
        && u.check_in.is_none()
        && u.accommodation.is_none()
        && let Some((i, o)) = prev.free_instead
    {
        let r = read.to_mut();
        r.check_in = Some(i);
        r.check_out = Some(o);
        r.nights = None;
    }
    // "¿Y del 17 al 20?" … "mejor la primera fecha": the stay talked about before (a "first"
    // read as the 1st of a month is that word).
    // With a change refused and pending, "keep the original dates" keeps the hold instead.
    let change_pending = prev.offer.as_ref().is_some_and(|o| o.replaces.is_some());
    // Before any hold, "ah, entonces dejamos la que teníamos" after new dates came out taken:
    // the dates talked about before them.
    let back_before_a_hold = u.keeps_as_is && prev.booked.is_none() && u.check_in.is_none();
    // Right after a hold was moved to new dates ("cambiala al 4 al 7" … "no, dejala como
    // estaba", "leave it as it was", "deixa como estava"): the dates it had before, held again.
    let booked = prev.booked.as_ref();
    let back_after_a_move = u.keeps_as_is
        && prev.just_moved
        && u.check_in.is_none()
        && u.guests.is_none()
        && u.accommodation.is_none()
        && prev.free_instead.is_none()
        && booked.is_some_and(|b| {
            Some(b.check_in) == prev.check_in
                && Some(b.check_out) == prev.check_out
                && prev.earlier_stay != Some((b.check_in, b.check_out))
        });
    if let (true, Some((i, o))) = (
        u.earlier_dates || back_before_a_hold || back_after_a_move,
        prev.earlier_stay,
    ) && !(u.keeps_as_is && change_pending)
    {
        let r = read.to_mut();
        r.check_in = Some(i);
        r.check_out = Some(o);
        r.nights = None;
        r.keeps_as_is = false;
    }
    read
}

/// The stay is a long weekend's, as "el finde largo" is read (the evening before its first
/// day off to its last).
fn is_long_weekend(i: NaiveDate, o: NaiveDate) -> bool {
    i.succ_opt()
        .and_then(booking::holidays::next_long_weekend)
        .is_some_and(|d| d.stay() == (i, o))
}

/// The stay `i`–`o` in `year`: a holiday period's (Carnaval, Semana Santa, fin de año, Navidad,
/// a long weekend) as that period falls in `year`, else the same days.
fn same_stay_in_year(i: NaiveDate, o: NaiveDate, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    use booking::holidays::Season;
    let shift = year - i.year();
    let seasons = [
        Season::Carnival,
        Season::HolyWeek,
        Season::YearEnd,
        Season::Christmas,
    ];
    let period = seasons.into_iter().find_map(|season| {
        [i.year() - 1, i.year()]
            .into_iter()
            .find(|&y| season.days_off(y).is_some_and(|d| d.stay() == (i, o)))
            .and_then(|y| season.days_off(y + shift))
    });
    if let Some(days) = period {
        return Some(days.stay());
    }
    if is_long_weekend(i, o) {
        let first = NaiveDate::from_ymd_opt(year, i.month(), 1)?;
        let days = booking::holidays::next_long_weekend(first.pred_opt()?)
            .filter(|d| d.stay().0.month() == i.month() || d.first.month() == i.month())?;
        return Some(days.stay());
    }
    let in_year = |d: NaiveDate| NaiveDate::from_ymd_opt(d.year() + shift, d.month(), d.day());
    Some((in_year(i)?, in_year(o)?))
}

/// The next long weekend that starts in `month`, from today.
fn long_weekend_in(month: u32, today: NaiveDate) -> Option<booking::holidays::DaysOff> {
    let from = if today.month() == month {
        today
    } else {
        same_day_in(month, 1, today)?
    };
    booking::holidays::next_long_weekend(from).filter(|d| d.first.month() == month)
}

/// The first Friday on or after `d`.
fn first_friday_from(d: NaiveDate) -> Option<NaiveDate> {
    let ahead = (7 + 4 - d.weekday().num_days_from_monday()) % 7;
    d.checked_add_signed(Duration::days(i64::from(ahead)))
}

/// Day `day` of `month` (or its last day), the next one from today.
fn same_day_in(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    (0..=1).find_map(|y| {
        let year = today.year() + y;
        let date = (1..=day)
            .rev()
            .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))?;
        (date >= today).then_some(date)
    })
}

/// The day of `first_next` (the next such day from today) in the month the conversation is
/// about: nearest to the stay remembered, or in the month named (in its year, when said);
/// never earlier than `first_next` (an earlier one is in the past).
fn in_month_of(prev: &ConversationState, first_next: NaiveDate) -> Option<NaiveDate> {
    let day = first_next.day();
    let anchor = prev.check_in.or(prev.booked.as_ref().map(|b| b.check_in));
    if let Some(anchor) = anchor {
        let first = anchor.with_day(1)?;
        return [-1i32, 0, 1]
            .iter()
            .filter_map(|m| match m {
                -1 => first.checked_sub_months(Months::new(1)),
                0 => Some(first),
                _ => first.checked_add_months(Months::new(1)),
            })
            .filter_map(|month| month.with_day(day))
            .filter(|d| *d >= first_next)
            .min_by_key(|d| (*d - anchor).num_days().abs());
    }
    let month = prev.month?;
    if let Some(year) = prev.month_year {
        return NaiveDate::from_ymd_opt(year, month, day).filter(|d| *d >= first_next);
    }
    (0..=1)
        .filter_map(|y| NaiveDate::from_ymd_opt(first_next.year() + y, month, day))
        .find(|d| *d >= first_next)
}

/// The day of weekday `wd` nearest `day` (up to three days either side).
fn nearest_same_weekday(day: NaiveDate, wd: chrono::Weekday) -> Option<NaiveDate> {
    let ahead = (7 + i64::from(wd.num_days_from_monday())
        - i64::from(day.weekday().num_days_from_monday()))
        % 7;
    let by = if ahead > 3 { ahead - 7 } else { ahead };
    day.checked_add_signed(Duration::days(by))
}

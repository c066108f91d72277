//! The table's format, read from `cases.txt`, and how a reply and a reservation are checked.
//!
//! ```text
//! # a comment
//! == price-01 price_named wa es            (id, category, channel wa|email, language)
//! == price-02 price_named wa es gap: why   (a known gap: counted and printed apart)
//! setup: taken Coihue 03-16 03-18          (another guest's confirmed stay)
//! setup: amenity Lenga Pileta climatizada  (an amenity more for a cabin)
//! > ¿cuánto sale la noche en la Lenga?     (a guest turn; `> <pay>` pays the deposit;
//!                                           `\n` in it is a line break, for an email's lines)
//! < Lenga; 85.000|85000                    (all of the `;` parts, each any of its `|`)
//! <! Coihue                                (none of these)
//! = Lenga 03-16 03-18 4 pre_reserved       (a reservation left behind; one line each)
//! = none                                   (no live reservation)
//! setup: season Arrayán 03-01 03-31 100000 3 Verano
//!                                          (a season of a cabin: first and last night, both
//!                                           included, pesos a night, minimum nights, its name)
//! setup: policy 15 0 6                     (the property's cancellation policy: the whole
//!                                           deposit back up to 15 days before, 0 % after,
//!                                           credit for 6 months; else 15 0 0)
//! setup: balance cash transfer             (how the property takes the balance on arrival:
//!                                           any of cash, transfer, card; else not said)
//! links: 1                                 (payment links Mercado Pago was asked for: each
//!                                           for the sum of the deposits of what it pays)
//! requests: 2                              (cancellation requests recorded for staff)
//! ```
//!
//! `> <pay>` pays each unpaid hold of the guest once, or, for a group's holds, the group once
//! (one payment for the sum of their deposits).
//!
//! Dates are `MM-DD`, the next such day from the property's today (a check-out: the first after
//! its check-in), `YYYY-MM-DD` (that very day, for a year or more ahead), `dDD` (the next day
//! DD of any month, for days said without a month), `wfri`, `wsun` (the next such weekday
//! after today, for a weekday said alone; a check-out: the first after its check-in), `wthu+1`
//! (that weekday plus days: the Friday of a stay from "el jueves", on any day), or a
//! holiday's stay: `@carnival`, `@holyweek`, `@yearend`, `@christmas`,
//! `@longweekend` (the next long weekend), `@longweekend-05` (the next one in May), `@weekend`
//! ("este finde": Friday to Sunday, as the NLU reads it from today), `@nextweekend` ("el finde
//! que viene": next week's from Friday on), `@afterweekend` (the weekend after `@weekend`, "este
//! finde no, el que viene" on any day), or `+N` (today plus N days,
//! for "mañana", "pasado mañana"; both ends of a stay then count from today). In expected
//! words `{03-16}`, `{carnival.in}` and
//! `{carnival.out}` become the date as the guest reads it in the case's language.
//! Words match case- and accent-insensitively.

use booking::holidays::{self, Season};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Whatsapp,
    Email,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Es,
    En,
    Pt,
}

#[derive(Debug, Clone)]
pub enum Setup {
    /// Another guest's confirmed stay on a cabin.
    Taken {
        cabin: String,
        stay: String,
    },
    Amenity {
        cabin: String,
        text: String,
    },
    /// A season of a cabin: its first and last night (`MM-DD MM-DD`, both included), pesos a
    /// night, minimum nights and name.
    Season {
        cabin: String,
        nights: String,
        price: i64,
        min_nights: i32,
        name: String,
    },
    /// The property's cancellation policy: days, late percent, credit months.
    Policy {
        days: i32,
        percent: i32,
        months: i32,
    },
    /// How the property takes the balance on arrival: any of `cash`, `transfer`, `card`.
    Balance {
        cash: bool,
        transfer: bool,
        card: bool,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Expect {
    /// Every group must match; a group matches when any of its words appears.
    pub all: Vec<Vec<String>>,
    pub none: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Turn {
    /// `None`: the guest pays the deposit of what they hold.
    pub say: Option<String>,
    pub expect: Expect,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stay {
    pub cabin: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: i32,
    pub status: String,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub category: String,
    pub channel: Channel,
    pub lang: Lang,
    pub gap: Option<String>,
    pub setup: Vec<Setup>,
    pub turns: Vec<Turn>,
    /// `None` in the file is an empty list: no live reservation.
    pub left: Vec<Stay>,
    /// How many payment links the guest's reservations got, when the case says.
    pub links: Option<usize>,
    /// How many cancellation requests were recorded, when the case says.
    pub requests: Option<usize>,
    /// The table it is written in, and its line there.
    pub file: String,
    pub line: usize,
}

/// Reads the table `file`; any line it cannot read is an error naming the line.
pub fn parse(file: &str, text: &str, today: NaiveDate) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    let mut said_left = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |m: &str| format!("{file}:{line_no}: {m}: {raw}");
        if let Some(head) = line.strip_prefix("==") {
            if let Some(c) = cases.last()
                && !said_left
            {
                return Err(format!("{}: no `=` line (what is left behind)", c.id));
            }
            said_left = false;
            let (head, gap) = match head.split_once("gap:") {
                Some((h, g)) => (h, Some(g.trim().to_owned())),
                None => (head, None),
            };
            let f: Vec<&str> = head.split_whitespace().collect();
            let [id, category, channel, lang] = f[..] else {
                return Err(err("want `== id category channel lang`"));
            };
            cases.push(Case {
                id: id.to_owned(),
                category: category.to_owned(),
                channel: match channel {
                    "wa" => Channel::Whatsapp,
                    "email" => Channel::Email,
                    _ => return Err(err("channel is wa or email")),
                },
                lang: match lang {
                    "es" => Lang::Es,
                    "en" => Lang::En,
                    "pt" => Lang::Pt,
                    _ => return Err(err("language is es, en or pt")),
                },
                gap,
                setup: Vec::new(),
                turns: Vec::new(),
                left: Vec::new(),
                links: None,
                requests: None,
                file: file.to_owned(),
                line: line_no,
            });
            continue;
        }
        let Some(case) = cases.last_mut() else {
            return Err(err("before the first case"));
        };
        if let Some(rest) = line.strip_prefix("setup:") {
            let f: Vec<&str> = rest.split_whitespace().collect();
            match f[..] {
                ["taken", cabin, a, b] => case.setup.push(Setup::Taken {
                    cabin: cabin.to_owned(),
                    stay: format!("{a} {b}"),
                }),
                ["amenity", cabin, ..] if f.len() > 2 => case.setup.push(Setup::Amenity {
                    cabin: cabin.to_owned(),
                    text: f[2..].join(" "),
                }),
                ["policy", days, percent, months] => case.setup.push(Setup::Policy {
                    days: days.parse().map_err(|_| err("policy days"))?,
                    percent: percent.parse().map_err(|_| err("policy percent"))?,
                    months: months.parse().map_err(|_| err("policy months"))?,
                }),
                ["balance", ..] if f.len() > 1 => {
                    let ways = &f[1..];
                    if let Some(bad) = ways
                        .iter()
                        .find(|w| !["cash", "transfer", "card"].contains(w))
                    {
                        return Err(err(&format!("balance: {bad} (cash, transfer or card)")));
                    }
                    case.setup.push(Setup::Balance {
                        cash: ways.contains(&"cash"),
                        transfer: ways.contains(&"transfer"),
                        card: ways.contains(&"card"),
                    })
                }
                ["season", cabin, a, b, price, min, ..] if f.len() > 6 => {
                    case.setup.push(Setup::Season {
                        cabin: cabin.to_owned(),
                        nights: format!("{a} {b}"),
                        price: price.parse().map_err(|_| err("season price"))?,
                        min_nights: min.parse().map_err(|_| err("season minimum"))?,
                        name: f[6..].join(" "),
                    })
                }
                _ => {
                    return Err(err(
                        "setup: taken CABIN MM-DD MM-DD | amenity CABIN TEXT | season CABIN MM-DD MM-DD PESOS MIN NAME | policy DAYS PERCENT MONTHS | balance cash|transfer|card…",
                    ));
                }
            }
        } else if let Some(rest) = line.strip_prefix("links:") {
            case.links = Some(rest.trim().parse().map_err(|_| err("links: N"))?);
        } else if let Some(rest) = line.strip_prefix("requests:") {
            case.requests = Some(rest.trim().parse().map_err(|_| err("requests: N"))?);
        } else if let Some(rest) = line.strip_prefix("<!") {
            let turn = case.turns.last_mut().ok_or_else(|| err("no turn yet"))?;
            turn.expect.none.extend(
                rest.split(';')
                    .map(|w| expand(w.trim(), case.lang, today))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| err(&e))?,
            );
        } else if let Some(rest) = line.strip_prefix('<') {
            let turn = case.turns.last_mut().ok_or_else(|| err("no turn yet"))?;
            for group in rest.split(';') {
                let any = group
                    .split('|')
                    .map(|w| expand(w.trim(), case.lang, today))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| err(&e))?;
                turn.expect.all.push(any);
            }
        } else if let Some(rest) = line.strip_prefix('>') {
            let said = rest.trim();
            case.turns.push(Turn {
                say: (said != "<pay>").then(|| said.replace("\\n", "\n")),
                expect: Expect::default(),
            });
        } else if let Some(rest) = line.strip_prefix('=') {
            said_left = true;
            let f: Vec<&str> = rest.split_whitespace().collect();
            // CABIN MM-DD MM-DD GUESTS STATUS, or CABIN @holiday GUESTS STATUS.
            let (cabin, dates, guests, status) = match f[..] {
                ["none"] => continue,
                [cabin, a, b, guests, status] => (cabin, format!("{a} {b}"), guests, status),
                [cabin, a, guests, status] if a.starts_with('@') => {
                    (cabin, a.to_owned(), guests, status)
                }
                _ => return Err(err("= CABIN MM-DD MM-DD GUESTS STATUS | = none")),
            };
            let (check_in, check_out) = stay(&dates, today).map_err(|e| err(&e))?;
            case.left.push(Stay {
                cabin: cabin.to_owned(),
                check_in,
                check_out,
                guests: guests.parse().map_err(|_| err("guests"))?,
                status: status.to_owned(),
            });
        } else {
            return Err(err("unknown line"));
        }
    }
    if let Some(c) = cases.last()
        && !said_left
    {
        return Err(format!("{}: no `=` line (what is left behind)", c.id));
    }
    Ok(cases)
}

/// The next `MM-DD` from `today`, today included; `dDD` is the next day `DD` of any month (a
/// day said without a month).
fn next(md: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    if let Some(n) = md.strip_prefix('+') {
        let n: u64 = n.parse().map_err(|_| format!("days of {md}"))?;
        return today
            .checked_add_days(chrono::Days::new(n))
            .ok_or_else(|| format!("no such day: {md}"));
    }
    // "wfri": the next Friday after today (a weekday said alone: today does not count).
    // "wthu+1": the day after it.
    if let Some(name) = md.strip_prefix('w') {
        let (name, plus) = name.split_once('+').unwrap_or((name, "0"));
        let wd: chrono::Weekday = name.parse().map_err(|_| format!("weekday of {md}"))?;
        let plus: u64 = plus.parse().map_err(|_| format!("days of {md}"))?;
        return (1..=7)
            .filter_map(|k| today.checked_add_days(chrono::Days::new(k)))
            .find(|d| d.weekday() == wd)
            .and_then(|d| d.checked_add_days(chrono::Days::new(plus)))
            .ok_or_else(|| format!("no such day: {md}"));
    }
    if let Some(day) = md.strip_prefix('d') {
        let day: u32 = day.parse().map_err(|_| format!("day of {md}"))?;
        return (0..=400)
            .filter_map(|k| today.checked_add_days(chrono::Days::new(k)))
            .find(|d| d.day() == day)
            .ok_or_else(|| format!("no such day: {md}"));
    }
    // "2028-02-26": that very day, for a date a year or more ahead.
    if md.len() == 10 && md.matches('-').count() == 2 {
        return NaiveDate::parse_from_str(md, "%Y-%m-%d")
            .map_err(|_| format!("no such date: {md}"));
    }
    let (m, d) = md
        .split_once('-')
        .ok_or_else(|| format!("not a MM-DD date: {md}"))?;
    let (m, d): (u32, u32) = (
        m.parse().map_err(|_| format!("month of {md}"))?,
        d.parse().map_err(|_| format!("day of {md}"))?,
    );
    (0..=1)
        .filter_map(|y| NaiveDate::from_ymd_opt(today.year() + y, m, d))
        .find(|date| *date >= today)
        .ok_or_else(|| format!("no such date: {md}"))
}

/// The first `MM-DD` after `from`.
fn after(md: &str, from: NaiveDate) -> Result<NaiveDate, String> {
    let mut d = next(md, from)?;
    if d <= from {
        d = next(md, from.succ_opt().unwrap_or(from))?;
    }
    Ok(d)
}

fn season(name: &str, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), String> {
    let days = match name {
        "carnival" => Season::Carnival.next(today),
        "holyweek" => Season::HolyWeek.next(today),
        "yearend" => Season::YearEnd.next(today),
        "christmas" => Season::Christmas.next(today),
        "longweekend" => holidays::next_long_weekend(today),
        "weekend" => return Ok(weekend(today)),
        "nextweekend" => return Ok(next_weekend(today)),
        "afterweekend" => {
            // On a Friday or Saturday "este finde" is the one under way, and "el finde que
            // viene" already the one after.
            if matches!(today.weekday(), chrono::Weekday::Fri | chrono::Weekday::Sat) {
                return Ok(next_weekend(today));
            }
            let (friday, sunday) = weekend(today);
            let week = chrono::Days::new(7);
            return Ok((friday + week, sunday + week));
        }
        other => match other.strip_prefix("longweekend-") {
            // The next long weekend that starts in that month.
            Some(m) => {
                let m: u32 = m.parse().map_err(|_| format!("month of @{name}"))?;
                let from = if today.month() == m {
                    today
                } else {
                    next(&format!("{m:02}-01"), today)?
                };
                holidays::next_long_weekend(from).filter(|d| d.first.month() == m)
            }
            None => return Err(format!("unknown holiday @{name}")),
        },
    };
    // A stay never starts in the past: a long weekend under way starts today.
    days.map(|d| d.stay())
        .map(|(check_in, check_out)| (check_in.max(today), check_out))
        .ok_or_else(|| format!("no next @{name}"))
}

/// "Este finde": Friday to Sunday, this week's from Monday to Saturday (from today on Friday
/// and Saturday), next week's on a Sunday.
fn weekend(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let from_monday = today.weekday().num_days_from_monday();
    let friday = match from_monday {
        0..=4 => today + chrono::Days::new(u64::from(4 - from_monday)),
        5 => today,
        _ => today + chrono::Days::new(5),
    };
    let sunday = match from_monday {
        5 => today + chrono::Days::new(1),
        _ => friday + chrono::Days::new(2),
    };
    (friday, sunday)
}

/// "El finde que viene", "next weekend": this weekend said Monday to Thursday; from Friday to
/// Sunday, next week's Friday to Sunday.
fn next_weekend(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    match today.weekday() {
        chrono::Weekday::Fri | chrono::Weekday::Sat | chrono::Weekday::Sun => {
            let days_to_friday = 7 + 4 - today.weekday().num_days_from_monday();
            let friday = today + chrono::Days::new(u64::from(days_to_friday));
            (friday, friday + chrono::Days::new(2))
        }
        _ => weekend(today),
    }
}

/// `MM-DD MM-DD`, `+N +M` or `@holiday`: check-in and check-out.
pub fn stay(s: &str, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), String> {
    if let Some(name) = s.strip_prefix('@') {
        return season(name.trim(), today);
    }
    let (a, b) = s
        .split_once(' ')
        .ok_or_else(|| format!("want two dates: {s}"))?;
    if a.starts_with('+') && b.starts_with('+') {
        return Ok((next(a, today)?, next(b, today)?));
    }
    let check_in = next(a, today)?;
    Ok((check_in, after(b, check_in)?))
}

/// Replaces `{MM-DD}`, `{holiday.in}`, `{holiday.out}` with the date as the guest reads it.
fn expand(word: &str, lang: Lang, today: NaiveDate) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = word;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed {{ in {word}"))?
            + open;
        let key = &rest[open + 1..close];
        let date = match key.split_once('.') {
            Some((h, "in")) => season(h, today)?.0,
            Some((h, "out")) => season(h, today)?.1,
            _ => next(key, today)?,
        };
        out.push_str(&match lang {
            Lang::En => date.format("%b %-d, %Y").to_string(),
            Lang::Es | Lang::Pt => date.format("%d/%m/%Y").to_string(),
        });
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Lowercase, accents and ñ folded, every run of spaces (non-breaking ones too) one space.
pub fn fold(s: &str) -> String {
    let folded: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' => 'a',
            'é' | 'ê' => 'e',
            'í' => 'i',
            'ó' | 'ô' | 'õ' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What is wrong with `reply` against `expect`; empty when nothing is.
pub fn check(expect: &Expect, reply: &str) -> Vec<String> {
    let reply = fold(reply);
    let mut wrong = Vec::new();
    for any in &expect.all {
        if !any.iter().any(|w| reply.contains(&fold(w))) {
            wrong.push(format!("missing {}", any.join(" | ")));
        }
    }
    for w in &expect.none {
        if reply.contains(&fold(w)) {
            wrong.push(format!("should not say {w}"));
        }
    }
    wrong
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_roll_to_the_next_year_and_checkouts_follow_checkins() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(
            stay("12-30 01-02", today).unwrap(),
            (
                NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(),
                NaiveDate::from_ymd_opt(2027, 1, 2).unwrap()
            )
        );
        assert_eq!(
            expand("del {03-16}", Lang::Es, today).unwrap(),
            "del 16/03/2027"
        );
        assert_eq!(expand("{03-16}", Lang::En, today).unwrap(), "Mar 16, 2027");
        assert_eq!(
            stay("d03 d05", today).unwrap(),
            (
                NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
            )
        );
        // "Este finde" from a Wednesday, a Saturday and a Sunday; "mañana" and two nights.
        for (on, friday, sunday) in [
            ((2026, 12, 2), (2026, 12, 4), (2026, 12, 6)),
            ((2026, 12, 5), (2026, 12, 5), (2026, 12, 6)),
            ((2026, 12, 6), (2026, 12, 11), (2026, 12, 13)),
        ] {
            let day = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(
                stay("@weekend", day(on)).unwrap(),
                (day(friday), day(sunday))
            );
        }
        assert_eq!(
            stay("+1 +3", today).unwrap(),
            (
                NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 5).unwrap()
            )
        );
        assert_eq!(expand("{+0}", Lang::Es, today).unwrap(), "02/12/2026");
        let later = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(
            stay("d03 d05", later).unwrap().0,
            NaiveDate::from_ymd_opt(2027, 1, 3).unwrap()
        );
        assert!(
            check(
                &Expect {
                    all: vec![vec!["ñire".into()], vec!["x".into(), "cabana".into()]],
                    none: vec![]
                },
                "La Cabaña  ÑIRE"
            )
            .is_empty()
        );
    }
}

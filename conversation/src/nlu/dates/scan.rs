//! The first step: walk the tokens and record every date phrase as a [`Mention`] with its role,
//! plus nights, vague phrases and impossible dates. Nothing is resolved to a calendar date
//! here except "hoy"/"mañana", which only need `today`.

use chrono::{Datelike, NaiveDate};

use super::{
    DayRef, Kind, Mention, Role, calendar,
    words::{
        DAY_CONTEXT, END_MARKERS, MONTH_ABBREVIATIONS, NOT_A_DAY_AFTER, Part, START_MARKERS, VAGUE,
        WEEKDAYS, full_year, is_article, month_after_a_day, month_of, year_at,
    },
};
use crate::nlu::{PeriodMention, lexicon, normalize::Token, numbers};

/// Nights above this are not believed ("por 100 noches").
pub(super) const MAX_NIGHTS: u32 = 60;

/// What the scan found.
#[derive(Debug, Default)]
pub(super) struct Scan {
    pub(super) mentions: Vec<Mention>,
    pub(super) nights: Option<u32>,
    pub(super) vague: bool,
    /// A month named apart from any day ("diciembre, del 20 al 23").
    pub(super) loose_month: Option<u32>,
    pub(super) invalid: bool,
    pub(super) consumed: Vec<bool>,
    pub(super) period: Option<PeriodMention>,
    /// A verb that moves a stay ("pasala al 20"): a lone "al 20" is then the new check-in.
    pub(super) moves: bool,
    /// Mentions the guest denies ("no era el 15", "en vez del 15"), by index.
    pub(super) denied: Vec<usize>,
    /// The denial opens the message ("uy no era del 20 al 22"): with no other date said, a
    /// "no, era del 20 al 22" whose comma was not written.
    pub(super) denial_leads: bool,
    /// A long weekend asked for in this month, which has none.
    pub(super) no_long_weekend: Option<u32>,
    /// The mentions a holiday period gave (its stay), by index: the guest's own dates around
    /// it say more than it does.
    pub(super) from_period: Vec<usize>,
    /// The part of a month said ("la primera quincena de enero"): a window to stay in, which
    /// nights said besides ("una semana") shorten from its first day.
    pub(super) month_part: Option<(NaiveDate, NaiveDate)>,
    /// A year said apart from any date ("Navidad del año que viene (2027), del 24 al 26 de
    /// diciembre", "next year, March 3 to 6"): the year of the days said without one.
    pub(super) year_apart: Option<i32>,
}

/// Verbs that move a stay to another date.
#[rustfmt::skip]
const MOVE_VERBS: &[&str] = &[
    "pasar", "pasarla", "pasarlo", "pasala", "pasalo", "pasamos", "pasemos", "cambiar",
    "cambiarla", "cambiala", "cambiamos", "cambiemos", "mover", "moverla", "movela", "movamos",
    "correr", "correrla", "correla", "corramos", "adelantar", "adelantarla", "adelantala",
    "atrasar", "atrasarla", "atrasala", "postergar", "postergarla", "posponer",
    // voseo with clitics, and the plural "ustedes"
    "pasamela", "pasamelo", "pasanosla", "cambiamela", "cambianosla", "movemela", "corremela",
    "correnosla", "adelantamela", "atrasamela", "postergala", "posponela", "pasenla", "pasenmela",
    "cambienla", "cambienmela", "muevanla", "corranla",
    // Portuguese and English, as the bridge leaves them ("pode mudar pra 11 a 14?")
    "mudar", "muda", "mude", "mudamos", "trocar", "troca", "cambiame", "move", "change",
];

/// Words that take back the date just said ("perdón", "digo"); the bridge reads "sorry",
/// "desculpa" as "perdon".
const CORRECTION: &[&str] = &[
    "perdon",
    "perdona",
    "perdoname",
    "digo",
    "corrijo",
    "disculpa",
    "disculpame",
    "perdao",
    "bah",
    "equivoque",
    "actually",
];

/// How far back a correction is looked for before a date.
const CORRECTION_SPAN: usize = 7;

/// Words before a number that make it a head count ("somos 4", "para 4").
const HEAD_COUNT_BEFORE: &[&str] = &["somos", "seremos", "seriamos", "para", "pa"];

/// Words before "to N" / "a N" that make N the party said again ("back to 2", "de vuelta a 2").
pub(crate) const BACK_TO: &[&str] = &["back", "vuelta", "volta"];

pub(super) fn scan(tokens: &[Token], today: NaiveDate) -> Scan {
    let mut s = Scanner::new(tokens, today);
    s.run();
    Scan {
        mentions: s.mentions,
        nights: s.nights,
        vague: s.vague,
        loose_month: s.loose_month,
        invalid: s.invalid,
        consumed: s.consumed,
        period: s.period,
        moves: tokens.iter().any(|t| t.is_any(MOVE_VERBS)),
        denied: s.denied,
        denial_leads: s.denial_leads,
        no_long_weekend: s.no_long_weekend,
        from_period: s.from_period,
        month_part: s.month_part,
        year_apart: s.year_apart,
    }
}

struct Scanner<'a> {
    tokens: &'a [Token],
    today: NaiveDate,
    consumed: Vec<bool>,
    mentions: Vec<Mention>,
    nights: Option<u32>,
    vague: bool,
    loose_month: Option<u32>,
    invalid: bool,
    period: Option<PeriodMention>,
    denied: Vec<usize>,
    denial_leads: bool,
    no_long_weekend: Option<u32>,
    from_period: Vec<usize>,
    month_part: Option<(NaiveDate, NaiveDate)>,
    year_apart: Option<i32>,
    /// The month of the dates a correction took back.
    corrected_month: Option<u32>,
    /// Which mention is a day named by its holiday ("San Valentín", "el viernes santo").
    named_day: Option<usize>,
    /// Date phrases refused right after them ("del 8 al 10 no podemos", "carnaval no"): their
    /// mentions and the period they named, denied once another date is said after them.
    refused: Vec<Refused>,
}

/// A date phrase the guest refuses right after saying it.
struct Refused {
    mentions: std::ops::Range<usize>,
    period: Option<PeriodMention>,
}

impl<'a> Scanner<'a> {
    fn new(tokens: &'a [Token], today: NaiveDate) -> Self {
        Scanner {
            tokens,
            today,
            consumed: vec![false; tokens.len()],
            mentions: Vec::new(),
            nights: None,
            vague: false,
            loose_month: None,
            invalid: false,
            period: None,
            denied: Vec::new(),
            denial_leads: false,
            no_long_weekend: None,
            from_period: Vec::new(),
            month_part: None,
            year_apart: None,
            corrected_month: None,
            named_day: None,
            refused: Vec::new(),
        }
    }

    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.tokens.get(i)
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let before = (self.mentions.len(), self.period);
            let used = self
                .holiday_day(i)
                .or_else(|| self.season(i))
                .or_else(|| self.part_of_month(i))
                .or_else(|| self.week_from(i))
                .or_else(|| self.weekend(i))
                .or_else(|| self.relative(i))
                .or_else(|| self.one_night_of(i))
                .or_else(|| self.nights_at(i))
                .or_else(|| self.compound(i))
                .or_else(|| self.night_list(i))
                .or_else(|| self.weekday(i))
                .or_else(|| self.day(i))
                .or_else(|| self.year_apart_at(i))
                .or_else(|| self.vague_at(i));
            match used {
                Some(n) if n > 0 => {
                    self.consume(i, n);
                    if self.mentions.len() > before.0 && self.refused(before, i + n) {
                        self.set_refused_aside(before);
                    }
                    i += n;
                }
                _ => i += 1,
            }
        }
        self.deny_refused();
    }

    /// The phrase just read, whose mentions start at `before.0` and which found the period
    /// `before.1` noted, is refused: its period is no longer the one assumed (a period said
    /// after it is), until it turns out nothing else was said.
    /// A range read in two steps ("del 8" "al 10 de marzo") is refused whole; its month stays
    /// for the days said instead ("…, pero del 15 al 17 sí": March).
    fn set_refused_aside(&mut self, before: (usize, Option<PeriodMention>)) {
        let period = (self.period != before.1).then_some(self.period).flatten();
        if period.is_some() {
            self.period = before.1;
        }
        let mut from = before.0;
        if from > 0
            && self.mentions[from].role == Role::End
            && self.mentions[from - 1].role != Role::End
        {
            from -= 1;
        }
        let month = self.mentions[from..].iter().find_map(Mention::month);
        self.corrected_month = month.or(self.corrected_month);
        self.refused.push(Refused {
            mentions: from..self.mentions.len(),
            period,
        });
    }

    /// Refused phrases with a date said after them are denied; one said last stays (nothing
    /// was said instead: "del 8 al 10 no podemos pagar todo junto" keeps its dates).
    fn deny_refused(&mut self) {
        for refused in std::mem::take(&mut self.refused) {
            if self.mentions.len() > refused.mentions.end {
                for k in refused.mentions.clone() {
                    if !self.denied.contains(&k) {
                        self.denied.push(k);
                    }
                }
                self.from_period.retain(|k| !refused.mentions.contains(k));
            } else {
                self.period = self.period.or(refused.period);
            }
        }
    }

    /// The phrase just read (its mentions from `before.0`, the period before it `before.1`),
    /// ending at `j`, is refused: with its reason ("no podemos", "não dá"), or a bare "no," for
    /// a holiday or a weekend ("carnaval no, el de semana santa"); a bare "no," after days is
    /// a correction, read as one ("del 20 al 25, no, del 21": the 21st to the 25th).
    fn refused(&self, before: (usize, Option<PeriodMention>), j: usize) -> bool {
        let loose = self.period != before.1
            || self.mentions[before.0..]
                .iter()
                .any(|m| matches!(m.kind, Kind::Weekend { .. } | Kind::WeekendOf(_)));
        self.refused_at(j).is_some_and(|bare| !bare || loose)
    }

    /// "del 8 al 10 de marzo no podemos", "este finde no me sirve", "carnaval no, …", "de 8 a
    /// 10 de março não dá", "March 8 to 10 doesn't work, but …" at `j`, right after a date
    /// phrase: the guest refuses it, with a bare "no," (`Some(true)`) or with its reason (not
    /// "no hay lugar?", "no tenemos perro", "no del 8": the date denied is the one after, nor a
    /// tag question "llegamos el 8, no?, y…").
    fn refused_at(&self, j: usize) -> Option<bool> {
        const NO: &[&str] = &["no", "nao", "not", "t", "cannot", "cant"];
        const LEAD: &[&str] = &[
            "me", "nos", "it", "that", "we", "i", "doesn", "don", "can", "won",
        ];
        const WHY: &[&str] = &[
            "puedo", "podemos", "puede", "pueden", "podes", "sirve", "sirven", "va", "da", "anda",
            "conviene", "viene", "posso", "rola", "work", "works", "do", "make", "good", "pero",
            "mas", "sino", "but",
        ];
        const INSTEAD: &[&str] = &[
            "el", "la", "los", "las", "del", "de", "desde", "mejor", "pero", "mas", "sino", "en",
            "para", "pra", "o", "a", "the", "but",
        ];
        let t = |k: usize| self.tok(k);
        let mut k = j;
        while k < j + 2 && t(k).is_some_and(|w| w.is_any(LEAD)) {
            k += 1;
        }
        if !t(k).is_some_and(|w| w.is_any(NO)) {
            return None;
        }
        let bare = t(k).is_some_and(|w| w.punct_after);
        let mut v = k + 1;
        while v < k + 3 && t(v).is_some_and(|w| w.is_any(&["me", "nos", "te", "se"])) {
            v += 1;
        }
        if bare {
            return t(k + 1).is_some_and(|w| w.is_any(INSTEAD)).then_some(true);
        }
        t(v).is_some_and(|w| w.is_any(WHY)).then_some(false)
    }

    fn consume(&mut self, from: usize, n: usize) {
        for c in self.consumed.iter_mut().skip(from).take(n) {
            *c = true;
        }
    }

    fn push(&mut self, mut kind: Kind, at: usize) {
        if self.not_that_one(at) {
            return;
        }
        let mut role = self.role_before(at);
        if self.corrected_before(at) {
            // Said without a marker of its own ("nos vamos el 6 perdón el 7"), it takes the
            // place, and the role, of the date just said.
            // A range said instead ("ou melhor de 9 a 12") starts the stay.
            let opens_range = (at + 1..=at + 3).any(|k| {
                self.tok(k)
                    .is_some_and(|t| t.is("a") || t.is_any(END_MARKERS))
            });
            if role == Role::Plain {
                role = if opens_range {
                    Role::Start
                } else {
                    self.mentions.last().map_or(role, |m| m.role)
                };
            }
            self.take_back(role);
        }
        // The days said after a correction keep the month of the ones they replace ("del 20 al
        // 23 de marzo, no, mejor dicho del 21 al 24": March).
        if let (Kind::Day(r), Some(m)) = (&mut kind, self.corrected_month)
            && r.month.is_none()
        {
            r.month = Some(m);
        }
        if self.denied_before(at) {
            if self.denied.is_empty() {
                self.denial_leads = self.no_leads(at);
            }
            self.denied.push(self.mentions.len());
        }
        // "for Valentine's Day, Feb 14 to 16": the day named, then said by its date, is one
        // date, with the role it is said with the second time.
        if let Kind::Day(r) = kind
            && let Some(m) = r.month
            && let Some(same) = self.named_day.and_then(|k| self.mentions.get_mut(k))
            && matches!(same.kind, Kind::Fixed(d) if d.day() == r.day && d.month() == m)
        {
            *same = Mention { kind, role };
            return;
        }
        // "para San Valentín, del 13 al 15 de febrero": a stay said from its first day after a
        // day named alone is the stay.
        if let (Kind::Day(_), Role::Start, Some(0), [only]) =
            (kind, role, self.named_day, &mut self.mentions[..])
            && self.denied.is_empty()
        {
            *only = Mention { kind, role };
            return;
        }
        self.mentions.push(Mention { kind, role });
    }

    /// A correction between the last date and this one ("del diez no perdón del once", "el 3
    /// digo el 4", "march 8 sorry march 9", "del 20 al 23 mejor dicho del 21 al 24", "del 20,
    /// bah, en realidad del 21"): the words since the last date said, a few at most, name one.
    fn corrected_before(&self, at: usize) -> bool {
        let mut marker = false;
        for j in (at.saturating_sub(CORRECTION_SPAN)..at).rev() {
            if self.consumed.get(j).copied().unwrap_or(false) {
                return marker && !self.mentions.is_empty();
            }
            let t = |k: usize| self.tok(k);
            let pair = |a: &str, b: &[&str]| {
                t(j).is_some_and(|x| x.is(a)) && t(j + 1).is_some_and(|y| y.is_any(b))
            };
            if t(j).is_some_and(|x| x.is_any(CORRECTION))
                || pair("mejor", &["dicho", "del", "el", "desde", "de", "al", "hasta", "a"])
                // "del 10 al 13, no, del 11 al 14": a bare "no" before the date said instead
                // (not "y si no, del 15": another choice; not "el 11 no el 10": the 11th)
                || pair("no", &["del", "desde", "al", "hasta"])
                    && !self.contrast_no(j)
                    && !j
                        .checked_sub(1)
                        .and_then(t)
                        .is_some_and(|p| p.is_any(&["si", "sino", "o", "ou", "if"]))
                || pair("quiero", &["decir"])
                || pair("quise", &["decir"])
                || pair("quer", &["dizer"])
                || pair("ou", &["melhor"])
                || pair("i", &["mean"])
                || pair("en", &["realidad"])
                || pair("na", &["verdade"])
                || pair("o", &["sea"])
            {
                marker = true;
            }
        }
        false
    }

    /// The date a correction replaces: the last end for an end, else the last start (and its
    /// end with it); its month stays for the days said instead.
    fn take_back(&mut self, role: Role) {
        let wanted = |m: &Mention| (m.role == Role::End) == (role == Role::End);
        let Some(k) = self.mentions.iter().rposition(wanted) else {
            return;
        };
        let replaced = self.mentions[k..].iter().find_map(Mention::month);
        self.corrected_month = replaced.or(self.corrected_month);
        if !self.denied.contains(&k) {
            self.denied.push(k);
        }
    }

    /// "no era el 15", "no es del 15", "en vez del 15", "en lugar del 15": the date that is
    /// not.
    fn denied_before(&self, at: usize) -> bool {
        let from = at.saturating_sub(4);
        (from..at).any(|j| {
            let t = |k: usize| self.tok(k);
            let no_was = t(j).is_some_and(|n| n.is("no") && !n.punct_after)
                && t(j + 1).is_some_and(|v| v.is_any(&["era", "es", "sera", "fue", "eran", "son"]));
            let instead = t(j).is_some_and(|n| n.is("en"))
                && t(j + 1).is_some_and(|v| v.is_any(&["vez", "lugar"]));
            no_was || instead || self.contrast_no(j)
        })
    }

    /// "Llegamos el 16, no el 15", "nos vamos el 18, no el 17", "the 20th not the 19th", "el
    /// 16 no el 15", "dia 20, não dia 19": a date said, then a "no" and a lone day it is not,
    /// at `at`: nothing to keep of it.
    fn not_that_one(&self, at: usize) -> bool {
        const NO: &[&str] = &["no", "not", "nao"];
        const ARTICLES: &[&str] = &["el", "del", "the", "o", "do", "dia", "on"];
        let t = |k: usize| self.tok(k);
        if self.mentions.is_empty() {
            return false;
        }
        // The "no", right before the day or before an article or two.
        let Some(j) = (at.saturating_sub(3)..at).rev().find(|&j| {
            t(j).is_some_and(|n| n.is_any(NO) && !n.punct_after)
                && (j + 1..at).all(|k| t(k).is_some_and(|a| a.is_any(ARTICLES)))
        }) else {
            return false;
        };
        // Before it, a comma or the day just said ("el 16 no el 15").
        let before = j.checked_sub(1).and_then(t).is_some_and(|p| {
            p.punct_after || p.text.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
        before && at > 0 && self.lone_day_after(at - 1)
    }

    /// "Me equivoqué: son del 9 al 12, no del 8 al 11": a whole stay said, then a comma and a
    /// "no" with none after it before the dates that are not (with a comma after it, "del 10
    /// al 13, no, del 11 al 14", the dates after it are the ones said instead).
    fn contrast_no(&self, j: usize) -> bool {
        const STATED: &[&str] = &[
            "son",
            "es",
            "eran",
            "serian",
            "seria",
            "equivoque",
            "equivoco",
            "correctas",
            "correcto",
            "corregir",
        ];
        let t = |k: usize| self.tok(k);
        let whole_stay = self.mentions.iter().any(|m| m.role == Role::Start)
            && self.mentions.iter().any(|m| m.role == Role::End);
        let no_then_date = whole_stay
            && t(j).is_some_and(|n| n.is("no") && !n.punct_after)
            && t(j + 1).is_some_and(|d| d.is_any(&["del", "desde", "el"]));
        let stated = j.checked_sub(1).and_then(t).is_some_and(|p| p.punct_after)
            && self.tokens[..j].iter().any(|w| w.is_any(STATED));
        no_then_date && (stated || self.lone_day_after(j + 1))
    }

    /// "Vamos del 26 al 28 de abril no del 12 perdón": after a whole stay, a "no" and one day
    /// alone (no end of its own follows it): the day the guest is leaving behind, not a new
    /// arrival ("del 10 al 13 no del 11 al 14" says a whole stay
    /// instead, a correction).
    fn lone_day_after(&self, marker: usize) -> bool {
        const END_MARKERS: &[&str] = &["al", "hasta", "a", "to", "till", "until", "ate"];
        let t = |k: usize| self.tok(k);
        let day = marker + 1;
        t(day).is_some_and(|d| {
            let digits = d.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(
                    &d.text[digits.len()..],
                    "" | "st" | "nd" | "rd" | "th" | "o" | "ro" | "do" | "to" | "vo" | "mo" | "no"
                )
        }) && !(day + 1..day + 6).any(|k| t(k).is_some_and(|w| w.is_any(END_MARKERS)))
    }

    /// The "no" before `at` comes first in the message, after an "uy", "ah", "perdón" at most.
    fn no_leads(&self, at: usize) -> bool {
        const OPENERS: &[&str] = &[
            "uy", "uh", "ah", "ay", "ups", "epa", "perdon", "perdona", "disculpa", "pucha", "che",
            "nono", "no",
        ];
        let Some(no) = (0..at).find(|&j| self.tok(j).is_some_and(|t| t.is("no"))) else {
            return false;
        };
        (0..no).all(|j| self.tok(j).is_some_and(|t| t.is_any(OPENERS)))
    }

    /// The role given by the nearest marker in the three tokens before `at`.
    fn role_before(&self, at: usize) -> Role {
        if at > 0 && self.tok(at - 1).is_some_and(|t| t.is("a")) {
            return Role::End;
        }
        for j in (at.saturating_sub(3)..at).rev() {
            let Some(t) = self.tok(j) else { break };
            if self.consumed.get(j).copied().unwrap_or(false) {
                break;
            }
            if t.is_any(START_MARKERS) {
                return Role::Start;
            }
            // "Nos vamos el 22", "nos iríamos el 22", "nos iremos el 22".
            let nos_vamos = t.is_any(&["vamos", "iriamos", "iremos"])
                && j > 0
                && self.tok(j - 1).is_some_and(|p| p.is("nos"));
            if t.is_any(END_MARKERS) || nos_vamos {
                return Role::End;
            }
        }
        Role::Plain
    }

    /// A holiday period ("el finde largo", "carnaval", "semana santa", "fin de año"): its
    /// stay, and the period noted so the reply can say what was assumed.
    fn season(&mut self, i: usize) -> Option<usize> {
        // "llegamos el 24 de marzo, que es feriado": the guest's own arrival, not the long
        // weekend it falls in.
        let arrival = self.role_before(i) == Role::Start;
        let (named, used) = (!arrival)
            .then(|| super::seasons::day_then_long_weekend(self.tokens, i, self.today))
            .flatten()
            .or_else(|| super::seasons::at(self.tokens, i, self.today))
            .or_else(|| super::seasons::month_then_long_weekend(self.tokens, i, self.today))?;
        // "el feriado del 12 de octubre llegamos el 8, 3 noches": the arrival said after the
        // holiday starts the stay, the holiday only tells which long weekend.
        let from_holiday =
            self.counts_from(i) || (self.nights_said() && !self.arrival_said_after(i + used));
        let found = match named {
            super::seasons::Named::Period(found) => found,
            // "2 noches desde el feriado del 20 de junio de 2028": that day; said alone, the
            // month it falls in has no long weekend for it.
            super::seasons::Named::HolidayAlone(day) if from_holiday => {
                self.push(Kind::Fixed(day), i);
                return Some(used);
            }
            super::seasons::Named::HolidayAlone(day) => {
                self.no_long_weekend = Some(day.month());
                self.loose_month = self.loose_month.or(Some(day.month()));
                return Some(used);
            }
            super::seasons::Named::NoLongWeekendIn(m) => {
                self.no_long_weekend = Some(m);
                self.loose_month = self.loose_month.or(Some(m));
                return Some(used);
            }
        };
        // "3 noches desde el feriado del 9 de julio", "llegamos el día de la memoria": the
        // stay starts on the holiday's day off, not with its long weekend.
        // "el feriado de San Martín, 2 noches": a holiday that ends its long weekend (moved to
        // the Monday) is that long weekend's stay, unless the stay is said to start on it.
        let ends_its_long_weekend = |day: &NaiveDate| {
            *day == found.mention.last_day_off && *day > found.mention.first_day_off
        };
        let from_the_day = |day: &NaiveDate| self.counts_from(i) || !ends_its_long_weekend(day);
        if let Some(day) = found.holiday.filter(|d| from_holiday && from_the_day(d)) {
            self.push(Kind::Fixed(day), i);
            return Some(used);
        }
        // "férias de julho, de 10 a 15", "vacaciones de julio del 10 al 15": the winter
        // holidays are the month the days said without one are in.
        if found.mention.period == crate::nlu::Period::WinterHolidays {
            self.loose_month = self
                .loose_month
                .or(Some(found.mention.first_day_off.month()));
        }
        self.push_period(found);
        Some(used)
    }

    /// Whether the message says a count of nights anywhere ("…, 3 noches"): with the day a
    /// period is named by, they make the stay.
    fn nights_said(&self) -> bool {
        (0..self.tokens.len()).any(|k| {
            numbers::parse_at(self.tokens, k).is_some_and(|n| {
                !n.ordinal
                    && self
                        .tok(k + n.len)
                        .is_some_and(|u| lexicon::any_word(u, &["noche", "noches"]).is_some())
            })
        })
    }

    /// Whether an arrival is said from `at` on ("… llegamos el viernes 8", "… llegaríamos el
    /// 8"): a start marker other than "del" and "in", which name a holiday as often.
    fn arrival_said_after(&self, at: usize) -> bool {
        (at..self.tokens.len()).any(|k| {
            self.tok(k)
                .is_some_and(|t| t.is_any(START_MARKERS) && !t.is_any(&["del", "in"]))
        })
    }

    /// Whether the stay is said to start at `at` ("desde", "a partir del", "llegamos el",
    /// "arrive on"): not "del" alone, which names a holiday's long weekend as often ("el finde
    /// largo de junio, el del día de la bandera").
    fn counts_from(&self, at: usize) -> bool {
        for j in (at.saturating_sub(3)..at).rev() {
            let Some(t) = self.tok(j) else { break };
            if self.consumed.get(j).copied().unwrap_or(false) || t.is_any(END_MARKERS) {
                return false;
            }
            if t.is_any(START_MARKERS) && !t.is_any(&["del", "in"]) {
                return true;
            }
        }
        false
    }

    /// "April 2 is a Friday", "el 20 cae sábado", "o dia 2 é uma sexta": the weekday at `at`
    /// says what the date just before it is, no date of its own.
    fn weekday_of_the_date_before(&self, at: usize) -> bool {
        const IS: &[&str] = &["is", "es", "cae", "falls", "sera"];
        const ARTICLE: &[&str] = &["a", "un", "uma", "on", "en", "el"];
        let back = |k: usize| at.checked_sub(k).and_then(|p| self.tok(p));
        let article = usize::from(back(1).is_some_and(|t| t.is_any(ARTICLE)));
        let verb = 1 + article;
        // The date before the verb: read as one, or a day or a month the bridge left apart
        // ("abril 2 is a viernes").
        let a_date = self.consumed_at(at, verb + 1)
            || back(verb + 1).is_some_and(|t| t.is_digits() || month_of(t).is_some());
        back(verb).is_some_and(|t| t.is_any(IS)) && a_date
    }

    /// A period found: noted so the reply can say what was assumed, and its stay.
    fn push_period(&mut self, found: super::seasons::Found) {
        self.period = self.period.or(Some(found.mention));
        if let Some((check_in, check_out)) = found.stay {
            self.from_period
                .extend([self.mentions.len(), self.mentions.len() + 1]);
            self.push_stay(check_in, check_out);
        }
    }

    /// A day of a holiday said by its name ("el viernes santo", "el jueves santo", "el domingo
    /// de pascua", "el lunes de carnaval"): that date, with the role of the words before it.
    fn holiday_day(&mut self, i: usize) -> Option<usize> {
        let (date, used) = super::seasons::day_at(self.tokens, i, self.today)?;
        // "el 14 de febrero, una noche, para San Valentín": the day said again by its name.
        let said_already = self.mentions.iter().any(|m| match m.kind {
            Kind::Fixed(d) => d == date,
            Kind::Day(r) => r.day == date.day() && r.month.is_none_or(|m| m == date.month()),
            _ => false,
        });
        if !said_already {
            self.push(Kind::Fixed(date), i);
            self.named_day = Some(self.mentions.len() - 1);
        }
        Some(used)
    }

    /// "La primera semana de febrero" (1st to 8th), "la segunda semana" (8th to 15th), "la
    /// última semana de enero" (the last seven nights), "la primera quincena de enero" (1st to
    /// 15th), "la segunda quincena" (16th to the month's last day): that part of the next such
    /// month (of the year said, if one is).
    fn part_of_month(&mut self, i: usize) -> Option<usize> {
        // "la 1ra semana": the ordinal's suffix is gone, "la" says it is one.
        let after_la = i > 0 && self.tok(i - 1).is_some_and(|t| t.is("la"));
        let which = match self.tok(i)?.text.as_str() {
            // Portuguese ones too ("a primeira quinzena de março").
            "primera" | "primer" | "primero" | "primeira" | "primeiro" => 1,
            "segunda" | "segundo" => 2,
            "tercera" | "tercer" | "tercero" | "terceira" | "terceiro" => 3,
            "cuarta" | "cuarto" | "quarta" | "quarto" => 4,
            "ultima" | "ultimo" => 5,
            "1" if after_la => 1,
            "2" if after_la => 2,
            "3" if after_la => 3,
            "4" if after_la => 4,
            _ => return None,
        };
        let unit = self.tok(i + 1)?;
        let fortnight = unit.is_any(&["quincena", "quinzena"]);
        // "El primer finde de febrero", "el último fin de semana de marzo": that Friday to
        // Sunday.
        let weekend_len = if unit.is("finde") {
            Some(1)
        } else if lexicon::phrase_at(self.tokens, i + 1, "fin de semana").is_some() {
            Some(3)
        } else {
            None
        };
        if let Some(len) = weekend_len {
            let (month, year, mlen) = self.month_after(i + 1 + len)?;
            let (start, end) = calendar::nth_weekend(self.today, month, year, which)?;
            self.push_stay(start, end);
            return Some(1 + len + mlen);
        }
        if !fortnight && !unit.is("semana") {
            return None;
        }
        let (month, year, mlen) = self.month_after(i + 2)?;
        let years = match year {
            Some(y) => vec![y],
            None => vec![self.today.year(), self.today.year() + 1],
        };
        let part = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            let next_first = first.checked_add_months(chrono::Months::new(1))?;
            let last = next_first.pred_opt()?;
            let day = |d: u32| NaiveDate::from_ymd_opt(y, month, d);
            match (fortnight, which) {
                (true, 1) => Some((first, day(15)?)),
                (true, 2 | 5) => Some((day(16)?, last)),
                (true, _) => None,
                (false, 5) => Some((last.checked_sub_days(chrono::Days::new(6))?, next_first)),
                (false, n) => {
                    let start = day(1 + 7 * (n - 1))?;
                    Some((start, calendar::add_days(start, 7)?))
                }
            }
        };
        let (start, end) = years
            .into_iter()
            .filter_map(part)
            .find(|(a, _)| *a >= self.today || year.is_some())?;
        self.push_stay(start, end);
        self.month_part = Some((start, end));
        Some(2 + mlen)
    }

    /// "La semana del 18 de enero", "una semana desde el 3": seven nights from that day (not
    /// "la semana del 8 al 15", a range said in full).
    fn week_from(&mut self, i: usize) -> Option<usize> {
        if !self.tok(i)?.is("semana") || self.consumed.get(i).copied().unwrap_or(false) {
            return None;
        }
        let mut j = i + 1;
        if self.tok(j).is_some_and(|t| t.is_any(&["desde", "a"]))
            && self.tok(j + 1).is_some_and(|t| t.is_any(&["el", "partir"]))
        {
            j += 2;
            if self.tok(j).is_some_and(|t| t.is_any(&["del", "de"])) {
                j += 1;
            }
        } else if self.tok(j).is_some_and(|t| t.is_any(&["del", "de"])) {
            j += 1;
        } else {
            return None;
        }
        let n = numbers::parse_at(self.tokens, j).filter(|n| (1..=31).contains(&n.value))?;
        let mut used = j + n.len - i;
        let month = match self.month_after(j + n.len) {
            Some((month, _, len)) => {
                used += len;
                Some(month)
            }
            None => None,
        };
        // A range said in full is the range's ("la semana del 8 al 15").
        let next = self.tok(i + used);
        if next.is_some_and(|t| t.is_any(&["al", "hasta", "a", "y"])) {
            return None;
        }
        let start = calendar::first_on_or_after(self.today, n.value, month)?;
        let end = calendar::add_days(start, 7)?;
        self.push_stay(start, end);
        Some(used)
    }

    /// "finde", "fin de semana", optionally "largo", "que viene"; "algún finde" is vague.
    fn weekend(&mut self, i: usize) -> Option<usize> {
        let len = match self.weekend_noun_at(i) {
            0 => return None,
            n => n,
        };
        let before = i.checked_sub(1).and_then(|p| self.tok(p));
        // "el otro finde" is the one after the coming one; "algún finde", "otro finde" are
        // vague.
        let the_other = before.is_some_and(|b| b.is("otro"))
            && i > 1
            && self.tok(i - 2).is_some_and(|t| t.is_any(&["el", "al"]));
        if !the_other && before.is_some_and(|b| b.is_any(&["algun", "cualquier", "otro", "un"])) {
            self.vague = true;
            return Some(len);
        }
        let mut n = len;
        if self.tok(i + n).is_some_and(|t| t.is("largo")) {
            n += 1;
        }
        // "el finde que viene", "o fim de semana que vem" ("el finde siguiente" is read in
        // context, a week after the stay talked about: see `Understanding::following_week`).
        let que_viene = self.que_viene_at(i + n);
        if que_viene {
            n += 2;
        }
        // "el fin de semana del 13 al 15 de noviembre": the range says the dates; the weekend
        // only says what they are.
        if self
            .tok(i + n)
            .is_some_and(|t| t.is_any(&["del", "de", "desde"]))
            && let Some(num) = numbers::parse_at(self.tokens, i + n + 1)
            && self.starts_range(i + n + 1, i + n + 1 + num.len)
        {
            return Some(n);
        }
        if let Some((r, used)) = self.weekend_anchor(i + n) {
            // "el finde del 17 de agosto": the long weekend of that holiday (moved to the
            // Monday 16th in 2027), not the weekend after the 17th.
            match self.holiday_long_weekend(r) {
                Some(found) => self.push_period(found),
                None => self.push(Kind::WeekendOf(r), i),
            }
            return Some(n + used);
        }
        // "el finde largo de carnaval", "el finde de pascua": a named weekend we cannot date.
        let qualified = self.tok(i + n).is_some_and(|t| t.is("de"))
            && self.tok(i + n + 1).is_some_and(|t| {
                numbers::parse_at(self.tokens, i + n + 1).is_none() && t.is_alpha()
            });
        if qualified {
            self.vague = true;
            return Some(n);
        }
        // "el otro finde": the one after the coming weekend.
        if the_other && self.push_weekend_after(false, i).is_some() {
            return Some(n);
        }
        // "el finde después de este", "the weekend after this one", "o fim de semana depois
        // desse": the one after the coming weekend, like "el otro finde".
        if !que_viene
            && let Some(used) = self.after_this_one(i + n)
            && self.push_weekend_after(false, i).is_some()
        {
            return Some(n + used);
        }
        let following = que_viene || before.is_some_and(|b| b.is_any(&["proximo", "siguiente"]));
        // "no es este finde, es el que viene", "este finde no, el siguiente": the one a week
        // after the weekend said first.
        if let Some(used) = self.the_one_after(i + n)
            && self.push_weekend_after(following, i).is_some()
        {
            return Some(n + used);
        }
        // "Llegamos el viernes 16 por el finde", "arriving Friday April 16 for the weekend",
        // "chegamos sexta 16 pro fim de semana": the stay runs through that weekend, to its
        // Sunday.
        let through = before.is_some_and(|b| b.is_any(&["el", "o"]))
            && i > 1
            && self
                .tok(i - 2)
                .is_some_and(|t| t.is_any(&["por", "para", "pra"]))
            || before.is_some_and(|b| b.is_any(&["pro", "pelo"]));
        if through
            && !following
            && let Some(sunday) = self.sunday_after_arrival()
        {
            self.mentions.push(Mention {
                kind: Kind::Fixed(sunday),
                role: Role::End,
            });
            return Some(n);
        }
        self.push(Kind::Weekend { following }, i);
        Some(n)
    }

    /// The Sunday of the weekend of the one arrival day said so far (none after it).
    fn sunday_after_arrival(&self) -> Option<NaiveDate> {
        let [arrival] = self.mentions[..] else {
            return None;
        };
        let Kind::Day(r) = arrival.kind else {
            return None;
        };
        if arrival.role == Role::End {
            return None;
        }
        let day = r.date_from(self.today)?;
        calendar::weekend_of(day)
            .map(|(_, sunday)| sunday)
            .filter(|sunday| *sunday > day)
    }

    /// The Friday → Sunday weekend after the one `calendar::weekend(today, following)` reads,
    /// said at `at`; `None` (nothing said) past the calendar's end. Counted from that weekend's
    /// Sunday: said on a Saturday, "este finde" runs from today, and the one after it still
    /// starts on a Friday.
    fn push_weekend_after(&mut self, following: bool, at: usize) -> Option<()> {
        let (_, sunday) = calendar::weekend(self.today, following)?;
        let (f, s) = (
            calendar::add_days(sunday, 5)?,
            calendar::add_days(sunday, 7)?,
        );
        self.push(Kind::Fixed(f), at);
        self.mentions.push(Mention {
            kind: Kind::Fixed(s),
            role: Role::End,
        });
        Some(())
    }

    /// "…, es el que viene", "no, el siguiente", "digo el próximo", "not this weekend, the next
    /// one", "não, o outro" at `j`, right after a weekend or a week: the following one said
    /// instead; the tokens it takes. The weekend may be refused with its reason ("este finde no
    /// puedo pero el otro", "el finde no nos sirve, el que viene sí", "esse fim de semana não
    /// dá, mas o outro"), and the one after said with its noun ("el otro finde").
    fn the_one_after(&self, j: usize) -> Option<usize> {
        const BETWEEN: &[&str] = &[
            "no", "sino", "es", "era", "mejor", "perdon", "digo", "bah", "en", "realidad", "not",
            "but", "it", "its", "s", "is", "i", "mean", "sorry", "actually", "nao", "mas", "e",
            "na", "verdade", "desculpa", "quer", "dizer",
        ];
        // After a "no": why not ("no puedo", "no nos sirve", "não dá", "não posso") and the
        // "but" before the one said instead.
        const REFUSED: &[&str] = &[
            "puedo", "podemos", "puede", "pueden", "podes", "sirve", "me", "nos", "va", "da",
            "anda", "conviene", "viene", "bien", "posso", "rola", "pero", "igual",
        ];
        let mut k = j;
        let mut refused = false;
        while k < j + 6
            && self
                .tok(k)
                .is_some_and(|t| t.is_any(BETWEEN) || refused && t.is_any(REFUSED))
        {
            refused |= self.tok(k).is_some_and(|t| t.is_any(&["no", "nao"]));
            k += 1;
        }
        if k > j + 4 && !refused {
            return None;
        }
        if !self
            .tok(k)
            .is_some_and(|t| t.is_any(&["el", "la", "the", "o"]))
        {
            return None;
        }
        let mut after = if self.que_viene_at(k + 1) || self.one_after_at(k + 1) {
            2
        } else if self.tok(k + 1).is_some_and(|t| {
            t.is_any(&[
                "siguiente",
                "proximo",
                "otro",
                "next",
                "following",
                "other",
                "seguinte",
                "outro",
            ])
        }) {
            1
        } else {
            return None;
        };
        if self
            .tok(k + 1 + after)
            .is_some_and(|t| t.is_any(&["one", "uno"]))
        {
            after += 1;
        } else {
            after += self.weekend_noun_at(k + 1 + after);
        }
        Some(k + 1 + after - j)
    }

    /// "finde", "fin de semana", "fim de semana", "weekend" at `k`: the tokens it takes, or 0.
    fn weekend_noun_at(&self, k: usize) -> usize {
        match self.tok(k) {
            Some(t) if lexicon::word(t, "finde").is_some() || t.is("findesemana") => 1,
            _ if lexicon::phrase_at(self.tokens, k, "fin de semana").is_some() => 3,
            _ => 0,
        }
    }

    /// "después de este", "siguiente a este", "after this one", "after this", "depois desse",
    /// "seguinte a esse" at `j`, right after a weekend: the tokens it takes.
    fn after_this_one(&self, j: usize) -> Option<usize> {
        const AFTER: &[&str] = &["despues", "siguiente", "after", "depois", "seguinte"];
        const TO: &[&str] = &["de", "a", "al", "do", "da"];
        const THIS: &[&str] = &[
            "este", "esta", "ese", "esa", "this", "deste", "desse", "desta", "dessa", "esse",
        ];
        if !self.tok(j)?.is_any(AFTER) {
            return None;
        }
        let mut k = j + 1;
        if self.tok(k).is_some_and(|t| t.is_any(TO)) {
            k += 1;
        }
        if !self.tok(k)?.is_any(THIS) {
            return None;
        }
        k += 1;
        if self
            .tok(k)
            .is_some_and(|t| t.is_any(&["one", "uno", "finde"]))
        {
            k += 1;
        }
        Some(k - j)
    }

    /// "one after", "de después", "de depois" at `k` (two tokens): "the one after".
    fn one_after_at(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.is_any(&["one", "de"]))
            && self
                .tok(k + 1)
                .is_some_and(|t| t.is_any(&["after", "despues", "depois"]))
    }

    /// "que viene", "que vem" at `k` (two tokens).
    fn que_viene_at(&self, k: usize) -> bool {
        ["que viene", "que vem"]
            .iter()
            .any(|p| lexicon::phrase_at(self.tokens, k, p).is_some())
    }

    /// The long weekend of a national holiday said by its date with its month ("del 17 de
    /// agosto", "del 9 de julio de 2027").
    fn holiday_long_weekend(&self, r: DayRef) -> Option<super::seasons::Found> {
        r.month?;
        super::seasons::long_weekend_of_holiday(r.date_from(self.today)?, self.today)
    }

    /// "del 20", "de 20 de noviembre" right after "finde": which weekend.
    fn weekend_anchor(&self, j: usize) -> Option<(DayRef, usize)> {
        if !self.tok(j)?.is_any(&["del", "de"]) || is_article(self.tok(j + 1)) {
            return None;
        }
        let n = numbers::parse_at(self.tokens, j + 1)?;
        if self
            .tok(j + 1 + n.len)
            .is_some_and(|t| t.is_any(NOT_A_DAY_AFTER))
        {
            return None;
        }
        let (month, year, mlen) = self
            .month_after(j + 1 + n.len)
            .map_or((None, None, 0), |(m, y, l)| (Some(m), y, l));
        let r = DayRef {
            day: n.value,
            month,
            year,
            weekday: None,
        };
        r.is_plausible().then_some((r, 1 + n.len + mlen))
    }

    /// A whole stay said at once (a period, a part of a month, a week from a day).
    fn push_stay(&mut self, check_in: NaiveDate, check_out: NaiveDate) {
        self.mentions
            .extend(Mention::fixed_stay(check_in, check_out));
    }

    /// A verb of paying or answering within a few words of the day at `i`.
    fn tells_when_to_act(&self, i: usize) -> bool {
        #[rustfmt::skip]
        const ACT: &[&str] = &[
            "pagar", "pago", "pagamos", "pagaria", "pagaremos", "pague", "abonar", "abono",
            "transferir", "transfiero", "transferimos", "deposito", "confirmo", "confirmamos",
            "confirmar", "aviso", "avisamos", "escribo", "escribimos", "llamo", "contesto",
            "respondo", "decido", "decidimos", "pay", "confirm", "paying", "pagarla",
            "pagarlo", "sena", "link",
        ];
        (i.saturating_sub(3)..(i + 3).min(self.tokens.len()))
            .any(|k| k != i && self.tok(k).is_some_and(|t| t.is_any(ACT)))
    }

    /// "hoy", "mañana", "pasado mañana", "esta noche".
    fn relative(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let today = self.today;
        // "¿Puedo pagar la seña mañana?", "mañana te confirmo", "hoy transfiero": when the guest
        // pays or answers, not when they come.
        if t.is_any(&["hoy", "manana"]) && self.tells_when_to_act(i) {
            return Some(1);
        }
        // "Mañana y pasado": the nights of tomorrow and the day after.
        if t.is("manana")
            && self.tok(i + 1).is_some_and(|y| y.is("y"))
            && self.tok(i + 2).is_some_and(|p| p.is("pasado"))
        {
            let len = 3 + usize::from(self.tok(i + 3).is_some_and(|m| m.is("manana")));
            self.push_stay(calendar::add_days(today, 1)?, calendar::add_days(today, 3)?);
            return Some(len);
        }
        // "Hoy y mañana", "esta noche y mañana a la noche", "tonight and tomorrow night": the
        // nights of today and tomorrow.
        let tonight = if t.is("hoy") {
            1
        } else if t.is("esta") && self.tok(i + 1).is_some_and(|m| m.is("noche")) {
            2
        } else {
            0
        };
        if tonight > 0
            && self.tok(i + tonight).is_some_and(|y| y.is("y"))
            && self.tok(i + tonight + 1).is_some_and(|m| m.is("manana"))
        {
            let after = i + tonight + 2;
            let night_words = [
                &["a", "la", "noche"][..],
                &["por", "la", "noche"],
                &["noche"],
            ]
            .iter()
            .find(|words| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.tok(after + k).is_some_and(|t| t.is(w)))
            })
            .map_or(0, |words| words.len());
            self.push_stay(today, calendar::add_days(today, 2)?);
            return Some(tonight + 2 + night_words);
        }
        let (kind, n) = if t.is("pasado") && self.tok(i + 1).is_some_and(|m| m.is("manana")) {
            (Kind::Fixed(calendar::add_days(today, 2)?), 2)
        } else if t.is("hoy") {
            (Kind::Fixed(today), 1)
        } else if t.is("manana") {
            let morning = i > 0 && self.tok(i - 1).is_some_and(|p| p.is_any(&["la", "esta"]));
            if morning {
                return None;
            }
            (Kind::Fixed(calendar::add_days(today, 1)?), 1)
        } else if t.is("esta") && self.tok(i + 1).is_some_and(|m| m.is("noche")) {
            (Kind::Tonight, 2)
        } else if let Some((days, n)) = self.days_from_now(i) {
            (Kind::Fixed(calendar::add_days(today, days)?), n)
        } else {
            return None;
        };
        self.push(kind, i);
        Some(n)
    }

    /// "Dentro de dos semanas", "en 10 días", "in two weeks", "daqui a uma semana": the
    /// arrival that many days from today, and the tokens it took.
    fn days_from_now(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let lead = if t.is_any(&["dentro", "daqui"])
            && self.tok(i + 1).is_some_and(|n| n.is_any(&["de", "a"]))
        {
            2
        } else if t.is_any(&["en", "em", "in"]) {
            1
        } else {
            return None;
        };
        // "check in un día antes": the check-in, not "in a day".
        if t.is("in")
            && i.checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| p.is("check"))
        {
            return None;
        }
        let at = i + lead;
        let (count, len) = if self
            .tok(at)?
            .is_any(&["un", "una", "uma", "um", "a", "one"])
        {
            (1, 1)
        } else {
            let n = numbers::parse_at(self.tokens, at)?;
            if n.ordinal {
                return None;
            }
            (n.value, n.len)
        };
        let unit = self.tok(at + len)?;
        let per = if unit.is_any(&["semana", "semanas", "week", "weeks"]) {
            7
        } else if unit.is_any(&["dia", "dias", "day", "days"]) {
            1
        } else {
            return None;
        };
        let days = count.saturating_mul(per);
        (1..=365).contains(&days).then_some((days, lead + len + 1))
    }

    /// "La noche del 31", "the night of the 24th", "a noite do dia 24": one night, from the day
    /// that follows (read next, as any day).
    fn one_night_of(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let before = i.checked_sub(1).and_then(|p| self.tok(p));
        if t.is_any(&["noche", "night", "noite"])
            && before.is_some_and(|b| b.is_any(&["la", "the", "a"]))
            && self
                .tok(i + 1)
                .is_some_and(|n| n.is_any(&["del", "de", "do", "of"]))
        {
            self.nights = self.nights.or(Some(1));
            return Some(1);
        }
        None
    }

    /// "3 noches", "una noche", "una semana", "dos semanas"; "3 días" is consumed but sets
    /// nothing.
    fn nights_at(&mut self, i: usize) -> Option<usize> {
        let n = numbers::parse_at(self.tokens, i)?;
        // "Pra 4, dia 12 ao 15": a comma after the number ends it; "dia" starts the dates.
        if n.ordinal || self.tok(i + n.len - 1).is_some_and(|t| t.punct_after) {
            return None;
        }
        let unit = self.tok(i + n.len)?;
        // "Tem vaga pra 2 semana que vem?": "semana" alone after a count above one is no
        // number of weeks (that is "2 semanas"); the number is the party, the week next week.
        if unit.is("semana") && n.value > 1 {
            return None;
        }
        let nights = if lexicon::any_word(unit, &["noche", "noches"]).is_some() {
            Some(n.value)
        } else if unit.is_any(&["semana", "semanas"]) {
            Some(n.value.saturating_mul(7))
        } else if unit.is_any(&["dias", "dia"]) {
            None
        } else {
            return None;
        };
        // "No son 3 noches, son 4", "not 3 nights but 4", "não são 3 noites, são 4": the count
        // denied gives way to the one said after it (never a head count).
        if nights.is_some()
            && self.nights_denied_before(i)
            && let Some((v, used)) = self.nights_instead(i + n.len + 1)
        {
            if (1..=MAX_NIGHTS).contains(&v) {
                self.nights = Some(v);
            } else {
                self.invalid = true;
            }
            return Some(n.len + 1 + used);
        }
        // "Una noche más", "2 noches extra": nights added to a stay, never its length.
        let added = self.tok(i + n.len + 1).is_some_and(|t| {
            t.is_any(&["mas", "more", "mais", "extra", "adicional", "adicionales"])
        });
        match nights {
            Some(_) if added => {}
            Some(v) if (1..=MAX_NIGHTS).contains(&v) => self.nights = self.nights.or(Some(v)),
            Some(_) => self.invalid = true,
            None => {}
        }
        Some(n.len + 1)
    }

    /// A count of nights at `at` said as not the one ("no son 3 noches", "no eran 3 noches",
    /// "not 3 nights", "en vez de 3 noches", "instead of 3 nights", "não são 3 noites").
    fn nights_denied_before(&self, at: usize) -> bool {
        const NO: &[&str] = &["no", "not", "nao", "isnt", "arent"];
        const BE: &[&str] = &[
            "son", "eran", "es", "era", "seran", "serian", "are", "were", "is", "sao", "eram", "e",
            "serao", "seriam", "really",
        ];
        let before = |back: usize| at.checked_sub(back).and_then(|k| self.tok(k));
        let no_at = |back: usize| before(back).is_some_and(|w| w.is_any(NO) && !w.punct_after);
        let instead_at = |back: usize| {
            before(back).is_some_and(|w| w.is_any(&["en", "em"]))
                && before(back - 1).is_some_and(|w| w.is_any(&["vez", "lugar"]))
                && before(back - 2).is_some_and(|w| w.is_any(&["de", "del"]))
        };
        no_at(1)
            || (no_at(2) && before(1).is_some_and(|w| w.is_any(BE)))
            || (before(1).is_some_and(|w| w.is("of")) && before(2).is_some_and(|w| w.is("instead")))
            || instead_at(3)
    }

    /// The count of nights said after one denied, from `at`: ", son 4", "sino 4", ", 4
    /// noches", "but 4", "são 4": its value and the tokens it takes.
    fn nights_instead(&self, at: usize) -> Option<(u32, usize)> {
        const LEAD: &[&str] = &[
            "son", "sino", "seran", "serian", "are", "its", "but", "sao", "serao", "mas", "e",
            "it", "is", "es", "eran", "were", "sim", "si", "yes", "solo", "just", "only", "apenas",
            "so",
        ];
        let mut k = at;
        let mut leads = 0;
        while leads < 3 && self.tok(k).is_some_and(|w| w.is_any(LEAD)) {
            k += 1;
            leads += 1;
        }
        let n = numbers::parse_at(self.tokens, k)?;
        if n.ordinal {
            return None;
        }
        let mut used = k - at + n.len;
        match self.tok(k + n.len) {
            None => {}
            Some(unit) if lexicon::any_word(unit, &["noche", "noches"]).is_some() => used += 1,
            // "son 4 personas": a head count, not the nights.
            Some(_) if self.tok(k + n.len - 1).is_some_and(|w| w.punct_after) => {}
            Some(_) => return None,
        }
        Some((n.value, used))
    }

    /// A token with `/`, `-` or `.` between digits: "15/12", "15/12/2026", "15-17",
    /// "15/12-17/12".
    fn compound(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.is_digits() || !t.text.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let segments: Vec<&str> = t.text.split('-').collect();
        let parts: Option<Vec<Part>> = segments.iter().map(|s| Part::parse(s)).collect();
        // A price ("15.000"), a phone number or digit soup: not a date, but consumed.
        let Some(parts) =
            parts.filter(|p| p.len() == 3 || p.iter().all(|x| x.digits <= 2 || x.month.is_some()))
        else {
            return Some(1);
        };
        let (after_month, after_len) = self
            .month_after(i + 1)
            .map_or((None, 0), |(m, y, n)| (Some((m, y)), n));
        let refs = match parts.as_slice() {
            [one] => vec![one.to_ref()],
            [a, b] if a.bare() && b.bare() && after_month.is_none() && b.day <= 12 => {
                vec![DayRef {
                    day: a.day,
                    month: Some(b.day),
                    year: None,
                    weekday: None,
                }]
            }
            [a, b] => vec![a.to_ref(), b.to_ref()],
            [d, m, y]
                if d.bare()
                    && m.bare()
                    && y.bare()
                    && d.digits <= 2
                    && m.digits <= 2
                    && matches!(y.digits, 2 | 4) =>
            {
                vec![DayRef {
                    day: d.day,
                    month: Some(m.day),
                    year: Some(full_year(y.day, y.digits)),
                    weekday: None,
                }]
            }
            _ => return Some(1),
        };
        let mut refs = refs;
        if let (Some((m, y)), Some(last)) = (after_month, refs.last_mut())
            && last.month.is_none()
        {
            last.month = Some(m);
            last.year = y;
        }
        for (k, r) in refs.into_iter().enumerate() {
            if !r.is_plausible() {
                self.invalid = true;
                continue;
            }
            if k == 0 {
                self.push(Kind::Day(r), i);
            } else {
                self.mentions.push(Mention {
                    kind: Kind::Day(r),
                    role: Role::End,
                });
            }
        }
        Some(1 + after_len)
    }

    /// "viernes", "el viernes 4", "viernes 4 de diciembre".
    fn weekday(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let wd = WEEKDAYS
            .iter()
            .find(|(w, _)| lexicon::word(t, w).is_some())?
            .1;
        if self.weekday_of_the_date_before(i) {
            return Some(1);
        }
        let day_follows = |n: &numbers::Number| {
            !is_article(self.tok(i + 1))
                && !self
                    .tok(i + 1 + n.len)
                    .is_some_and(|t| t.is_any(NOT_A_DAY_AFTER))
        };
        // "Friday the 8th", "sexta dia 8", "el viernes el 8": a word between the weekday and
        // its day.
        let between = usize::from(
            self.tok(i + 1)
                .is_some_and(|t| t.is_any(&["the", "el", "dia", "o"]))
                && numbers::parse_at(self.tokens, i + 2)
                    .is_some_and(|n| (1..=31).contains(&n.value)),
        );
        if let Some(n) = numbers::parse_at(self.tokens, i + 1 + between).filter(|n| {
            if between == 1 {
                !self
                    .tok(i + 2 + n.len)
                    .is_some_and(|t| t.is_any(NOT_A_DAY_AFTER))
            } else {
                day_follows(n)
            }
        }) && (1..=31).contains(&n.value)
        {
            let i = i + between;
            let month = self.month_after(i + 1 + n.len);
            let (m, y, mlen) = month.map_or((None, None, 0), |(m, y, l)| (Some(m), y, l));
            let r = DayRef {
                day: n.value,
                month: m,
                year: y,
                weekday: Some(wd),
            };
            if r.is_plausible() {
                self.push(Kind::Day(r), i);
            } else {
                self.invalid = true;
            }
            return Some(1 + between + n.len + mlen);
        }
        // "el feriado del 17 de agosto, que cae lunes": the day a holiday falls on describes
        // it; it is no day of the stay.
        const FALLS: &[&str] = &["cae", "caen", "cayo", "cairia", "falls", "cai"];
        let falls = |k: usize| self.tok(k).is_some_and(|t| t.is_any(FALLS));
        let described = i.checked_sub(1).is_some_and(|p| {
            falls(p)
                || (self
                    .tok(p)
                    .is_some_and(|t| t.is_any(&["el", "un", "en", "on", "a", "na", "no"]))
                    && p > 0
                    && falls(p - 1))
        });
        if described {
            return Some(1);
        }
        let this = i > 0 && self.tok(i - 1).is_some_and(|p| p.is_any(&["este", "esta"]));
        self.push(Kind::Weekday { wd, this }, i);
        Some(1)
    }

    /// "24, 25 y 26 de diciembre": three or more consecutive days naming the nights (two after
    /// "noches" or joined by "y": "las noches del 3 y 4", "el 3 y 4 de marzo", "las noches del
    /// sábado 13 y domingo 14"), after a day word or before a month.
    fn night_list(&mut self, i: usize) -> Option<usize> {
        let day_at = |j: usize| {
            numbers::parse_at(self.tokens, j)
                .filter(|n| !is_article(self.tok(j)) && (1..=31).contains(&n.value))
        };
        // "las noches del sábado 13 y domingo 14": a weekday may name each day.
        let weekday_at = |j: usize| {
            let t = self.tok(j)?;
            WEEKDAYS
                .iter()
                .find(|(w, _)| lexicon::word(t, w).is_some())
                .map(|(_, wd)| *wd)
        };
        let past_weekday = |j: usize| j + usize::from(weekday_at(j).is_some());
        let mut days: Vec<u32> = Vec::new();
        let (mut j, mut end) = (past_weekday(i), i);
        let mut joined_by_y = false;
        while let Some(n) = day_at(j) {
            if days.last().is_some_and(|&d| n.value != d + 1) {
                break;
            }
            days.push(n.value);
            end = j + n.len;
            let y = self.tok(end).is_some_and(|t| t.is("y"));
            joined_by_y |= y && days.len() == 1;
            // "el 3 y el 4 de marzo"
            let el = y && self.tok(end + 1).is_some_and(|t| t.is("el"));
            j = past_weekday(end + usize::from(y) + usize::from(el));
        }
        let (first, last) = (*days.first()?, *days.last()?);
        // Two days are nights when said so ("las noches del 3 y 4", "noches 3 y 4") or when
        // joined by "y" ("el 3 y 4 de marzo": the nights of the 3rd and the 4th), but not
        // "entre el 3 y el 4" (a range) nor "del 3 al 4" (one night).
        let back = |k: usize| i.checked_sub(k).and_then(|p| self.tok(p));
        let nights_said = (1..=2).any(|k| back(k).is_some_and(|t| t.is_any(&["noches", "noche"])));
        let between = (1..=2).any(|k| back(k).is_some_and(|t| t.is("entre")));
        // "el sábado 21 y domingo 22" is a weekend's arrival and departure; with "noches" or a
        // third day, weekdays name nights too.
        let by_weekday = weekday_at(i).is_some();
        let enough = days.len() >= 3
            || (days.len() == 2 && (nights_said || joined_by_y && !between && !by_weekday));
        if !enough || self.tok(end).is_some_and(|t| t.is_any(NOT_A_DAY_AFTER)) {
            return None;
        }
        let month = self.month_after(end);
        let after_day_word = i > 0 && self.tok(i - 1).is_some_and(|p| p.is_any(DAY_CONTEXT));
        if month.is_none() && !after_day_word {
            return None;
        }
        let (m, y, mlen) = month.map_or((None, None, 0), |(m, y, l)| (Some(m), y, l));
        let first = DayRef {
            day: first,
            month: m,
            year: y,
            weekday: weekday_at(i),
        };
        let last = DayRef {
            day: last,
            weekday: None,
            ..first
        };
        if first.is_plausible() && last.is_plausible() {
            self.push(Kind::Day(first), i);
            self.mentions.push(Mention {
                kind: Kind::LastNight(last),
                role: Role::End,
            });
        } else {
            self.invalid = true;
        }
        Some(end - i + mlen)
    }

    /// A bare day number in a date context ("el 20", "del 15 al 17", "15 de diciembre").
    fn day(&mut self, i: usize) -> Option<usize> {
        let n = numbers::parse_at(self.tokens, i)?;
        if is_article(self.tok(i)) {
            return None;
        }
        // "el feriado de San Martín del 2027", "el del 2027 digo": a year, never a day.
        if year_at(self.tokens, i, self.today.year())
            .is_some_and(|(y, _)| y == i32::try_from(n.value).unwrap_or(0))
        {
            return None;
        }
        let next = self.tok(i + n.len);
        if next.is_some_and(|t| t.is_any(NOT_A_DAY_AFTER)) {
            return None;
        }
        let prev = i.checked_sub(1).and_then(|p| self.tok(p));
        // "somos 4, marzo del 1 al 4": a head count cut off by a comma is no day of the month
        // that follows it;
        // "pa 6 d mayo del 3 al 5": nor one whose month is followed by a range of its own.
        // "entre 3 y 4 personas", "between 2 and 4 people": a head count, not days.
        let people_range = prev.is_some_and(|p| p.is("entre"))
            && self
                .tok(i + n.len)
                .is_some_and(|t| t.is_any(&["y", "o", "a"]))
            && numbers::parse_at(self.tokens, i + n.len + 1).is_some_and(|m| {
                self.tok(i + n.len + 1 + m.len)
                    .is_some_and(|t| t.is_any(NOT_A_DAY_AFTER))
            });
        if people_range {
            return None;
        }
        let head_count = prev.is_some_and(|p| p.is_any(HEAD_COUNT_BEFORE))
            && self.month_after(i + n.len).is_some_and(|(_, _, mlen)| {
                self.tok(i + n.len - 1).is_some_and(|t| t.punct_after)
                    || self.range_at(i + n.len + mlen)
            });
        if head_count {
            return None;
        }
        let month = self.month_after(i + n.len);
        // "she's not coming, back to 2", "de vuelta a 2", "de volta a 2": the party again, no
        // day of the month.
        let back_to = month.is_none()
            && prev.is_some_and(|p| p.is_any(&["to", "hasta", "a", "al"]))
            && i.checked_sub(2)
                .and_then(|p| self.tok(p))
                .is_some_and(|b| b.is_any(BACK_TO));
        if back_to {
            return None;
        }
        let after_day_word = prev.is_some_and(|p| p.is_any(DAY_CONTEXT));
        let range_tail = prev.is_some_and(|p| p.is("a"))
            && self.mentions.last().is_some()
            && self.consumed_at(i, 2);
        // "entre el 3 de marzo y 7", "between March 3 and 7": the end of a range opened by
        // "entre".
        let between_tail = prev.is_some_and(|p| p.is("y"))
            && !self.mentions.is_empty()
            && (2..=6).any(|k| {
                i.checked_sub(k)
                    .and_then(|p| self.tok(p))
                    .is_some_and(|t| t.is("entre"))
            });
        // "entrada 15 de enero salida 18", "check in 15/1 check out 18": the day the stay ends.
        let end_after_start = prev
            .is_some_and(|p| p.is_any(&["salida", "out", "checkout", "egreso"]))
            && !self.mentions.is_empty();
        let is_day = month.is_some()
            || after_day_word
            || end_after_start
            || range_tail
            || between_tail
            || self.starts_range(i, i + n.len);
        if !is_day || (n.ordinal && month.is_none() && !after_day_word) {
            return None;
        }
        let (m, y, mlen) = month.map_or((None, None, 0), |(m, y, l)| (Some(m), y, l));
        let r = DayRef {
            day: n.value,
            month: m,
            year: y,
            weekday: None,
        };
        // "Para el 20 de enero… o el 21, 3 noches": a second choice of arrival after a day
        // already said is no check-out; the first stands.
        let or_before = |k: usize| {
            i.checked_sub(k)
                .and_then(|p| self.tok(p))
                .is_some_and(|t| t.is_any(&["o", "u", "or", "ou"]))
        };
        let alternative = !self.mentions.is_empty()
            && (or_before(1) || prev.is_some_and(|p| p.is_any(&["el", "del"])) && or_before(2));
        if alternative {
            return Some(n.len + mlen);
        }
        if r.is_plausible() {
            self.push(Kind::Day(r), i);
        } else {
            self.invalid = true;
        }
        Some(n.len + mlen)
    }

    /// "del 3 al 5", "desde el 3 hasta el 5", "de 3 a 5" starting at `j`.
    fn range_at(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else { return false };
        if !t.is_any(&["del", "desde", "de"]) {
            return false;
        }
        let skip_el = usize::from(self.tok(j + 1).is_some_and(|t| t.is("el")));
        numbers::parse_at(self.tokens, j + 1 + skip_el)
            .is_some_and(|n| self.starts_range(j + 1 + skip_el, j + 1 + skip_el + n.len))
    }

    fn consumed_at(&self, i: usize, back: usize) -> bool {
        i >= back && self.consumed.get(i - back).copied().unwrap_or(false)
    }

    /// "15 al 17", "15 hasta el 17", "15 y 16 de enero", "15 a 17 de enero", "de 16 a 18" after
    /// the number at `start` (which ends before `j`). "De 16 a 18" needs its "de" (a bare "4 a
    /// 6" is a head count as often as days), and no head count before it ("somos de 4 a 6").
    fn starts_range(&self, start: usize, j: usize) -> bool {
        let Some(conn) = self.tok(j) else {
            return false;
        };
        let skip_el = usize::from(self.tok(j + 1).is_some_and(|t| t.is("el")));
        // "3 a 6/2", "del 3 al 6/2": the end is a day with its month, so the number is its
        // start.
        if conn.is_any(&["al", "a", "hasta"])
            && self.tok(j + 1 + skip_el).is_some_and(day_with_month)
        {
            return true;
        }
        let Some(n) = numbers::parse_at(self.tokens, j + 1 + skip_el) else {
            return false;
        };
        let after = j + 1 + skip_el + n.len;
        let end_is_day =
            n.value <= 31 && !self.tok(after).is_some_and(|t| t.is_any(NOT_A_DAY_AFTER));
        let month_follows = self.month_after(after).is_some();
        // "Somos de 10 a 12", "vamos de 8 a 10": a head count; but "agora vamos de 10 a 13",
        // "al final vamos de 10 a 13": the days the party now goes, a change of dates.
        let changed_going = start
            .checked_sub(3)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.is_any(&["agora", "ahora", "now", "final", "entonces", "entao"]));
        let from_de = start
            .checked_sub(1)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.is_any(&["de", "desde"]))
            && !start
                .checked_sub(2)
                .and_then(|p| self.tok(p))
                .is_some_and(|t| {
                    t.is_any(&["somos", "seriamos", "seremos", "grupo", "entre"])
                        || (t.is("vamos") && !changed_going)
                });
        // "Pode mudar pra 11 a 14?", "cambiala para 11 a 14": after a verb that moves the stay,
        // the numbers are its days, not a head count.
        let tok_back = |k: usize| start.checked_sub(k).and_then(|p| self.tok(p));
        let moved = tok_back(1).is_some_and(|t| t.is_any(MOVE_VERBS))
            || tok_back(1).is_some_and(|t| t.is_any(&["para", "pra", "pro", "a"]))
                && tok_back(2).is_some_and(|t| t.is_any(MOVE_VERBS));
        end_is_day
            && (conn.is_any(&["al", "hasta"])
                || (conn.is_any(&["a", "y"]) && month_follows)
                || (conn.is("a") && (from_de || moved)))
    }

    /// A month (and optional year) at `j`: "de diciembre", "diciembre", "dic", "de diciembre de
    /// 2026". Returns (month, year, tokens used).
    fn month_after(&self, j: usize) -> Option<(u32, Option<i32>, usize)> {
        let de = usize::from(self.tok(j).is_some_and(|t| t.is_any(&["de", "del", "d"])));
        let t = self.tok(j + de)?;
        let month = month_after_a_day(t).or_else(|| {
            MONTH_ABBREVIATIONS
                .iter()
                .find(|(w, _)| t.is(w))
                .map(|(_, m)| *m)
        })?;
        let mut used = de + 1;
        // "de diciembre de 2026", "December 30, 2028", "24 de marzo del 27" (not "de marzo,
        // del 27"): a two-digit year only in the same clause.
        let year = year_at(self.tokens, j + used, self.today.year()).filter(|&(_, len)| {
            !t.punct_after
                || self
                    .tok(j + used + len - 1)
                    .is_some_and(|y| y.text.len() == 4)
        });
        if let Some((_, len)) = year {
            used += len;
        }
        Some((month, year.map(|(y, _)| y), used))
    }

    /// A year said apart at `i`: "2027" alone ("(2027)"), "el año que viene", "next year",
    /// "o ano que vem", "el próximo año"; only a year near today (not "2000 pesos").
    fn year_apart_at(&mut self, i: usize) -> Option<usize> {
        const NEXT_YEAR: &[&str] = &[
            "ano que viene",
            "ano que vem",
            "proximo ano",
            "ano proximo",
            "next year",
        ];
        if let Some(p) = NEXT_YEAR
            .iter()
            .find(|p| lexicon::phrase_at(self.tokens, i, p).is_some())
        {
            self.year_apart = self.year_apart.or(Some(self.today.year() + 1));
            return Some(lexicon::phrase_len(p));
        }
        let t = self.tok(i).filter(|t| t.is_digits() && t.text.len() == 4)?;
        let year: i32 = t.text.parse().ok()?;
        let this = self.today.year();
        (this..=this + 5).contains(&year).then(|| {
            self.year_apart = self.year_apart.or(Some(year));
            1
        })
    }

    /// "la semana que viene", "en enero" (a month with no day), "en algún momento".
    fn vague_at(&mut self, i: usize) -> Option<usize> {
        // "a fin de mes", "a principios de mes", "para mediados del mes": this month's end or
        // middle while it is still ahead, else next month's; the month, no day.
        const PARTS: &[(&str, u32)] = &[
            ("principios", 10),
            ("principio", 10),
            ("comienzos", 10),
            ("inicios", 10),
            ("mediados", 20),
            ("fin", 31),
            ("fines", 31),
            ("finales", 31),
        ];
        if let Some((_, last)) = PARTS
            .iter()
            .find(|(w, _)| self.tok(i).is_some_and(|t| t.is(w)))
            && self.tok(i + 1).is_some_and(|t| t.is_any(&["de", "del"]))
            && self.tok(i + 2).is_some_and(|t| t.is("mes"))
        {
            // "… del mes que viene", "del próximo mes": the next one.
            let next = self.tok(i + 3).is_some_and(|t| t.is("que"))
                && self.tok(i + 4).is_some_and(|t| t.is("viene"));
            let month = if self.today.day() <= *last && !next {
                self.today.month()
            } else {
                self.today.month() % 12 + 1
            };
            self.vague = true;
            self.loose_month = self.loose_month.or(Some(month));
            return Some(if next { 5 } else { 3 });
        }
        if let Some(p) = VAGUE
            .iter()
            .find(|p| lexicon::phrase_at(self.tokens, i, p).is_some())
        {
            self.vague = true;
            return Some(lexicon::phrase_len(p));
        }
        let month = month_of(self.tok(i)?)?;
        self.vague = true;
        self.loose_month = self.loose_month.or(Some(month));
        Some(1)
    }
}

/// "6/2", "6/2/2027": a day with its month in one token.
fn day_with_month(t: &Token) -> bool {
    let parts: Vec<&str> = t.text.split('/').collect();
    matches!(parts.as_slice(), [d, m] | [d, m, _]
        if d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)))
}

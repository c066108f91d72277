//! The dialogue policy: from what the conversation remembers, what the guest sent and the
//! facts (today, the place, what is free, what the guest holds), the new state and what to do.
//! Pure: every turn of a conversation is a plain test.
//!
//! A turn runs in three steps, each in its own module:
//! 1. [`listen`] (here): the message's values go into the slots, for the conversation's life
//!    (dates, nights, guests, accommodation, pets, language); a later value replaces an earlier
//!    one.
//! 2. `plan`: what the guest is doing now, as one `step::Step`: pointing at an option
//!    (`pick`), accepting what is on the table, correcting a hold, cancelling, asking, or
//!    asking for a stay.
//! 3. `act`: the step carried out against the facts: quotes and offers (`quote`), holds moved,
//!    released or handed to staff (`holds`), answers (`info`). Every reply says what was
//!    understood (the stay and people of an offer, the dates assumed from a holiday).
//!
//! It never stores, sends or reads anything: the handler loads the facts and carries the
//! effects out.

mod act;
mod holds;
mod pick;
mod plan;
mod quote;
mod step;

#[cfg(test)]
mod tests;

use booking::{Accommodation, Guests, StayDates, availability::Occupancy};
use std::borrow::Cow;

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::{
    Effect, Facts, Incoming, Refusal, Say, Turn, Wordless, nlu::Understanding,
    state::ConversationState, texts,
};

/// One turn of the conversation.
pub fn turn(prev: &ConversationState, incoming: Incoming<'_>, facts: &Facts<'_>) -> Turn {
    match incoming {
        Incoming::Wordless(kind) => Turn {
            state: prev.clone(),
            effects: vec![say(without_words(kind, prev, facts))],
        },
        Incoming::Words(u) => {
            let u = &*in_context(prev, u, facts.today);
            let u = &*pointed_at_the_place(prev, u, facts);
            let u = &*code_asked_for(prev, u);
            let u = &*booked_again(prev, u);
            let u = &*asked_again(prev, u);
            let u = &*which_ones_do(prev, u);
            let mut state = prev.clone();
            state.asked_code = false;
            state.language = u
                .language_asked
                .unwrap_or_else(|| prev.language.after(u.language, u.language_sure));
            let prev = &remember_the_hold(prev, u, facts);
            state.check_in = prev.check_in;
            state.check_out = prev.check_out;
            state.guests = prev.guests;
            let heard = listen(&mut state, u);
            let step = plan::plan(prev, &mut state, u, &heard, facts);
            let mut effects = act::act(step, &mut state, u, facts);
            // "¿Tienen descuento?": prices are the owner's to bend; a person sees it, the rest
            // of the message is answered as usual.
            if u.asks_discount {
                state.needs_human = true;
                effects.insert(0, say(texts::discount_asked(state.language).to_owned()));
            }
            let effects = one_reply(effects);
            state.just_held = effects
                .iter()
                .any(|e| matches!(e, Effect::Book(_) | Effect::BookTogether(_)));
            // "¿La Ñire acepta perros?": remembered, so "¿y la Lenga?" asks the same.
            state.last_asked = (u.intent == crate::nlu::Intent::AskInfo
                && (!u.topics.is_empty() || !u.features.is_empty()))
            .then(|| crate::state::Asked {
                topics: u.topics.clone(),
                features: u.features.clone(),
            });
            Turn { state, effects }
        }
    }
}

/// "¿La Ñire acepta perros?" … "¿y la Lenga?", "and the Ñire?", "e a Lenga?", "what about the
/// Coihue?": a cabin named alone right after a question about the place asks the same about it.
fn asked_again<'a>(prev: &ConversationState, u: &'a Understanding) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    match &prev.last_asked {
        Some(asked)
            if u.follows_on
                && u.accommodations.len() == 1
                && u.topics.is_empty()
                && u.features.is_empty()
                && u.info_topic.is_none()
                && u.feature.is_none()
                && u.check_in.is_none()
                && u.guests.is_none()
                && u.choice.is_none()
                && matches!(
                    u.intent,
                    Intent::Unknown | Intent::Greeting | Intent::AskInfo
                ) =>
        {
            let mut read = u.clone();
            read.intent = Intent::AskInfo;
            read.topics = asked.topics.clone();
            read.info_topic = asked.topics.first().copied();
            read.features = asked.features.clone();
            read.feature = asked.features.first().copied();
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "¿Y a cuál sí?" right after a question was answered ("¿se puede llevar perro a la Ñire?"):
/// the same question about every cabin, none named.
fn which_ones_do<'a>(prev: &ConversationState, u: &'a Understanding) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    match &prev.last_asked {
        Some(asked) if u.which_yes && u.accommodation.is_none() && u.check_in.is_none() => {
            let mut read = u.clone();
            read.intent = Intent::AskInfo;
            read.topics = asked.topics.clone();
            read.info_topic = asked.topics.first().copied();
            read.features = asked.features.clone();
            read.feature = asked.features.first().copied();
            read.follows_on = false;
            // The "sí" in "¿cuál sí?" accepts nothing.
            read.affirmative = false;
            read.plain_yes = false;
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "Bueno, al final sí vamos, ¿me la volvés a reservar?" after cancelling a hold, with nothing
/// else on the table: the cabin cancelled, for the stay talked about.
fn booked_again<'a>(prev: &ConversationState, u: &'a Understanding) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    match &prev.cancelled {
        Some(name)
            if u.refers_back
                && u.intent == Intent::Book
                && u.accommodation.is_none()
                && prev.accommodation.is_none()
                && prev.offer.is_none() =>
        {
            let mut read = u.clone();
            read.accommodation = Some(name.clone());
            read.accommodations = vec![name.clone()];
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// "Es la RES270101001" right after the guest was asked for the code of the reservation they
/// want to cancel: the cancellation, with its code.
fn code_asked_for<'a>(prev: &ConversationState, u: &'a Understanding) -> Cow<'a, Understanding> {
    use crate::nlu::Intent;
    if prev.asked_code
        && u.reservation_code.is_some()
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
    {
        let mut read = u.clone();
        read.intent = Intent::Cancel;
        return Cow::Owned(read);
    }
    Cow::Borrowed(u)
}

/// The one cabin "la más grande" or "la más cara" points at when no offer is on the table and
/// the guest asks about a stay (not with a hold: then it is a move, read elsewhere).
fn biggest_asked<'f>(
    prev: &ConversationState,
    u: &Understanding,
    facts: &'f Facts<'_>,
) -> Option<&'f Accommodation> {
    use crate::nlu::{Choice, Intent};
    let key = |a: &Accommodation| match u.choice {
        Some(Choice::Largest) => Some(i64::from(a.capacity)),
        Some(Choice::Priciest) => Some(a.base_cents),
        _ => None,
    };
    if prev.offer.is_some()
        || u.accommodation.is_some()
        || !matches!(
            u.intent,
            Intent::AskPrice | Intent::CheckAvailability | Intent::Book
        )
        || plan::held(facts, u).is_some()
    {
        return None;
    }
    let all = facts.accommodations();
    let top = all.iter().filter_map(key).max()?;
    match all
        .iter()
        .filter(|a| key(a) == Some(top))
        .collect::<Vec<_>>()[..]
    {
        [one] => Some(one),
        _ => None,
    }
}

/// "Mejor la del jacuzzi", "pasame a la que acepta perros" with a hold and no offer on the
/// table: the other cabin of the place that has it and takes the party (the one sized for it, of
/// several) is the cabin named.
fn pointed_at_the_place<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    facts: &Facts<'_>,
) -> Cow<'a, Understanding> {
    use crate::nlu::{Choice, Intent};
    // "¿La cabaña más grande está libre en Navidad?" with nothing on the table: the largest
    // (or the dearest) cabin of the place, when one is.
    if let Some(one) = biggest_asked(prev, u, facts) {
        let mut read = u.clone();
        read.accommodation = Some(one.name.clone());
        read.accommodations = vec![one.name.clone()];
        read.choice = None;
        return Cow::Owned(read);
    }
    let feature = match u.choice {
        Some(Choice::Having(f)) => f,
        Some(Choice::PetFriendly) => crate::nlu::Feature::Pets,
        _ => return Cow::Borrowed(u),
    };
    // "¿La del jacuzzi cuánto sale?", "la que acepta perros, ¿está libre del 3 al 5?" with
    // nothing on the table: the one cabin of the place that has it is the cabin named.
    // "¿La del jacuzzi para cuántos es?": a question about it, not about the feature.
    let asks_of_it = u.intent == Intent::AskInfo
        && u.topics
            .iter()
            .any(|t| !matches!(t, crate::nlu::InfoTopic::Amenities));
    if prev.offer.is_none()
        && u.accommodation.is_none()
        && (asks_of_it
            || matches!(
                u.intent,
                Intent::AskPrice | Intent::CheckAvailability | Intent::Book
            ))
        && plan::held(facts, u).is_none()
    {
        let having: Vec<&Accommodation> = facts
            .accommodations()
            .iter()
            .filter(|a| crate::info::has(a, feature))
            .collect();
        if let [one] = having.as_slice() {
            let mut read = u.clone();
            read.accommodation = Some(one.name.clone());
            read.accommodations = vec![one.name.clone()];
            read.choice = None;
            read.features.retain(|f| *f != feature);
            read.feature = read.features.first().copied();
            // What it has only pointed at it; it was not asked about.
            read.topics
                .retain(|t| *t != crate::nlu::InfoTopic::Amenities);
            read.info_topic = read.topics.first().copied();
            return Cow::Owned(read);
        }
        // "¿Cuánto sale la que acepta perros?" when several do: the price of each of them.
        if having.len() > 1 && u.intent == Intent::AskPrice && u.check_in.is_none() {
            let mut read = u.clone();
            read.accommodations = having.iter().map(|a| a.name.clone()).collect();
            read.choice = None;
            read.features.retain(|f| *f != feature);
            read.feature = read.features.first().copied();
            read.topics.retain(|t| {
                !matches!(
                    t,
                    crate::nlu::InfoTopic::Amenities | crate::nlu::InfoTopic::Pets
                )
            });
            read.info_topic = read.topics.first().copied();
            return Cow::Owned(read);
        }
        return Cow::Borrowed(u);
    }
    let Some(held) = plan::held(facts, u).filter(|h| !h.paid && h.group.is_none()) else {
        return Cow::Borrowed(u);
    };
    if prev.offer.is_some() || u.accommodation.is_some() || u.intent != Intent::Unknown {
        return Cow::Borrowed(u);
    }
    let fits: Vec<&Accommodation> = facts
        .accommodations()
        .iter()
        .filter(|a| {
            a.id != held.accommodation_id
                && a.capacity >= i32::from(held.guests)
                && crate::info::has(a, feature)
        })
        .collect();
    // Of several ("la que acepta perros" for 4: the Coihue for 4 and the Lenga for 6), the one
    // sized for the party.
    let snug = fits.iter().map(|a| a.capacity).min();
    let fits: Vec<&Accommodation> = fits
        .into_iter()
        .filter(|a| Some(a.capacity) == snug)
        .collect();
    match fits.as_slice() {
        [one] => {
            let mut read = u.clone();
            read.accommodation = Some(one.name.clone());
            read.accommodations = vec![one.name.clone()];
            read.choice = None;
            Cow::Owned(read)
        }
        _ => Cow::Borrowed(u),
    }
}

/// The answer to a voice note that cannot be acted upon: a kind request to write.
/// The answer to a message without words, by its kind: a sticker gets a friendly word, a
/// location pin where the property is, a chat just opened the welcome; anything else asks for
/// words, kindly.
fn without_words(kind: Wordless<'_>, prev: &ConversationState, facts: &Facts<'_>) -> String {
    let lang = prev.language;
    match kind {
        Wordless::Email => texts::email_without_words(lang).to_owned(),
        Wordless::Media("sticker") => texts::sticker_answer(lang).to_owned(),
        Wordless::Media("location") => texts::location(lang, facts.place.address.as_deref()),
        Wordless::Media("request_welcome") => texts::welcome(lang).to_owned(),
        Wordless::Media(_) => texts::unsupported_message(lang).to_owned(),
    }
}

pub fn unusable_note(why: Refusal) -> Vec<Effect> {
    vec![say(texts::audio_refusal(why))]
}

/// The stay a message asks about once it is read in the light of the conversation (new dates
/// replace remembered ones; new nights move the check-out): the handler loads the nights taken
/// around it before the turn.
pub fn dates_in_question(
    prev: &ConversationState,
    u: &Understanding,
    today: NaiveDate,
) -> Option<StayDates> {
    let (check_in, check_out) = merged_stay(prev, &in_context(prev, u, today));
    if let (Some(i), Some(o)) = (check_in, check_out) {
        return StayDates::new(i, o).ok();
    }
    // "Para las fiestas": Christmas to New Year's, to tell what is free for each.
    if u.period
        .is_some_and(|p| p.period == crate::nlu::Period::Festive)
        && u.check_in.is_none()
    {
        let (christmas, year_end) = festive_stays(today)?;
        return StayDates::new(christmas.check_in(), year_end.check_out()).ok();
    }
    // "¿Qué tenés libre en marzo?": the whole month, to tell which of its nights are free.
    if u.check_in.is_some() || prev.check_in.is_some() {
        return None;
    }
    // "Queremos ir en marzo" … "somos 4": that month again.
    let span = if u.next_week {
        texts::Span::NextWeek
    } else {
        texts::Span::Month(u.month.or(prev.month.filter(|_| u.guests.is_some()))?)
    };
    let (first, last) = span_nights(span, today)?;
    StayDates::new(first, last.succ_opt()?).ok()
}

/// The nights of a span still ahead: next week's Monday to Sunday; a month's from today in
/// the current month, else the whole month (next year's when it has passed).
pub(crate) fn span_nights(span: texts::Span, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    match span {
        texts::Span::Month(m) => month_nights(m, today),
        texts::Span::NextWeek => {
            let to_monday = 7 - i64::from(today.weekday().num_days_from_monday());
            let monday = today.checked_add_signed(Duration::days(to_monday))?;
            Some((monday, monday.checked_add_signed(Duration::days(6))?))
        }
    }
}

/// The next Christmas and New Year's stays ("las fiestas"), from today.
pub(crate) fn festive_stays(today: NaiveDate) -> Option<(StayDates, StayDates)> {
    use booking::holidays::Season;
    let stay = |season: Season| {
        let (i, o) = season.next(today)?.stay();
        StayDates::new(i.max(today), o).ok()
    };
    Some((stay(Season::Christmas)?, stay(Season::YearEnd)?))
}

/// The nights of the next `month` still ahead: from today in the current month, else the
/// whole month (next year's when it has passed).
pub(crate) fn month_nights(month: u32, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let year = if month >= today.month() {
        today.year()
    } else {
        today.year() + 1
    };
    let first = NaiveDate::from_ymd_opt(year, month, 1)?.max(today);
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = next.pred_opt()?;
    (first <= last).then_some((first, last))
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
fn in_context<'a>(
    prev: &ConversationState,
    u: &'a Understanding,
    today: NaiveDate,
) -> Cow<'a, Understanding> {
    let mut read = Cow::Borrowed(u);
    if let (Some(month), None, Some(i), Some(o)) =
        (u.month, u.check_in, prev.check_in, prev.check_out)
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
    if let (true, Some(first_next)) = (u.day_only, u.check_in)
        && let Some(day) = in_month_of(prev, first_next)
        && day != first_next
    {
        let shift = day - first_next;
        let r = read.to_mut();
        r.check_in = Some(day);
        r.check_out = u.check_out.and_then(|o| o.checked_add_signed(shift));
    }
    if let Some(delta) = u.extra_nights
        && u.check_in.is_none()
    {
        let booked = prev.booked.as_ref();
        let stay = (
            prev.check_in.or(booked.map(|b| b.check_in)),
            prev.check_out.or(booked.map(|b| b.check_out)),
        );
        if let (Some(i), Some(o)) = stay
            && let Ok(n) = u32::try_from((o - i).num_days() + i64::from(delta))
            && n >= 1
        {
            read.to_mut().nights = Some(n);
        }
    }
    // "Llegamos un día después": the stay talked about (or held) moves, its nights kept. Not a
    // question about cancelling ("si cancelo 2 días antes…").
    if let Some(delta) = u.shift_days
        && u.check_in.is_none()
        && !u.topics.contains(&crate::nlu::InfoTopic::Cancellation)
    {
        let booked = prev.booked.as_ref();
        let stay = (
            prev.check_in.or(booked.map(|b| b.check_in)),
            prev.check_out.or(booked.map(|b| b.check_out)),
        );
        let by = Duration::days(i64::from(delta));
        if let (Some(i), Some(o)) = stay
            && let (Some(i), Some(o)) = (i.checked_add_signed(by), o.checked_add_signed(by))
        {
            let r = read.to_mut();
            r.check_in = Some(i);
            r.check_out = Some(o);
        }
    }
    // "¿Y el finde siguiente?", "se puede pasar a la semana que sigue?": a week after the stay
    // talked about (or held), its nights kept; not the next weekend from today.
    if u.following_week
        && u.check_out
            .is_none_or(|o| u.check_in.is_some_and(|i| (o - i).num_days() <= 3))
    {
        let booked = prev.booked.as_ref();
        let stay = (
            prev.check_in.or(booked.map(|b| b.check_in)),
            prev.check_out.or(booked.map(|b| b.check_out)),
        );
        let week = Duration::days(7);
        if let (Some(i), Some(o)) = stay
            && let (Some(i), Some(o)) = (i.checked_add_signed(week), o.checked_add_signed(week))
        {
            let r = read.to_mut();
            r.check_in = Some(i);
            r.check_out = Some(o);
        }
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
            // "ah no, perdón, 5" corrects the people said.
            (Some(_), Some(_)) if prev.guests.is_none() || u.correction => {
                read.to_mut().guests = Some(n);
            }
            _ => {}
        }
    }
    read
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
/// about: nearest to the stay remembered, or in the month named; never earlier than
/// `first_next` (an earlier one is in the past).
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
    (0..=1)
        .filter_map(|y| NaiveDate::from_ymd_opt(first_next.year() + y, month, day))
        .find(|d| *d >= first_next)
}

/// Texts said one after the other go as one message (an offer and the pets answer, two yes/no
/// answers): several questions get one reply. Photos stay messages of their own.
fn one_reply(effects: Vec<Effect>) -> Vec<Effect> {
    let mut out: Vec<Effect> = Vec::with_capacity(effects.len());
    for e in effects {
        match (out.last_mut(), e) {
            (Some(Effect::Say(Say::Text(before))), Effect::Say(Say::Text(next))) => {
                before.push_str("\n\n");
                before.push_str(&next);
            }
            (_, e) => out.push(e),
        }
    }
    out
}

fn say(text: impl Into<String>) -> Effect {
    Effect::Say(Say::Text(text.into()))
}

/// What changed in the slots.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Heard {
    pub(crate) new_dates: bool,
    pub(crate) new_guests: bool,
    /// A pet was said for the first time ("ah, y llevamos al perro").
    pub(crate) new_pets: bool,
}

impl Heard {
    pub(crate) fn new_stay(self) -> bool {
        self.new_dates || self.new_guests
    }
}

/// The stay after a message: new dates replace the old; a check-in alone keeps the nights
/// said before (or the length of the stay remembered); nights alone move the check-out.
fn merged_stay(
    prev: &ConversationState,
    u: &Understanding,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let remembered_nights = match (prev.check_in, prev.check_out) {
        (Some(i), Some(o)) => Some((o - i).num_days()),
        _ => prev.nights.map(i64::from),
    };
    let plus = |d: NaiveDate, n: i64| d.checked_add_signed(Duration::days(n));
    match (u.check_in, u.check_out) {
        (Some(i), Some(o)) => (Some(i), Some(o)),
        // "We can only arrive on the 4th" (a later arrival inside the stay): the check-out
        // stays. An earlier arrival ("¿podemos llegar el 11?") moves the stay, nights kept.
        (Some(i), None)
            if u.arrival_only
                && prev.check_in.is_some_and(|p| p < i)
                && prev.check_out.is_some_and(|o| o > i) =>
        {
            (Some(i), prev.check_out)
        }
        (Some(i), None) => (Some(i), remembered_nights.and_then(|n| plus(i, n))),
        (None, _) => match (u.nights, u.until, prev.check_in) {
            (Some(n), _, Some(i)) => (Some(i), plus(i, i64::from(n))),
            // "Hasta el domingo": the first Sunday after the check-in.
            (None, Some(_), Some(i)) if u.until_weekday.is_some() => {
                let wd = u.until_weekday.map_or(0, |w| w.num_days_from_monday());
                let ahead = (7 + wd - i.weekday().num_days_from_monday()) % 7;
                (
                    Some(i),
                    plus(i, i64::from(if ahead == 0 { 7 } else { ahead })),
                )
            }
            (None, Some(o), Some(i)) => match after(i, o) {
                Some(out) => (Some(i), Some(out)),
                // "Del doce" (read as the next 12th) then "al quince de marzo": a check-out
                // months after that arrival means the arrival's day in the check-out's month.
                None => match same_day_before(i, o) {
                    Some(moved) => (Some(moved), Some(o)),
                    None => (Some(i), None),
                },
            },
            _ => (prev.check_in, prev.check_out),
        },
    }
}

/// A conversation that forgot its stay (24 hours passed) while the guest holds one: the held
/// stay is the one a correction changes ("al final somos 4", "hasta el 18", "3 noches",
/// "perdón, desde el 16"). A fresh question ("¿tenés lugar?") does not take the held dates.
fn remember_the_hold(
    prev: &ConversationState,
    u: &Understanding,
    facts: &Facts<'_>,
) -> ConversationState {
    let partial = u.nights.is_some()
        || u.until.is_some()
        || u.check_in.is_some() && u.check_out.is_none()
        || u.guests.is_some() && u.check_in.is_none();
    let corrects = partial || u.correction && u.check_in.is_some();
    match facts.held {
        Some(h) if corrects && prev.check_in.is_none() && prev.check_out.is_none() => {
            ConversationState {
                check_in: Some(h.check_in),
                check_out: Some(h.check_out),
                guests: prev.guests.or(Some(h.guests)),
                ..prev.clone()
            }
        }
        _ => prev.clone(),
    }
}

/// `until` moved month by month until it falls after the check-in ("hasta el 18" of a stay
/// from the 15th of January is the 18th of January).
fn after(check_in: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
    (0..=12)
        .filter_map(|m| until.checked_add_months(chrono::Months::new(m)))
        .find(|o| *o > check_in)
        .filter(|o| (*o - check_in).num_days() <= booking::stay::MAX_NIGHTS)
}

/// The last day numbered like `check_in`'s that falls before `until`, when `until` is later
/// than `check_in` (a stay of at most the longest allowed).
fn same_day_before(check_in: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
    (0..=1)
        .filter_map(|m| {
            until
                .checked_sub_months(chrono::Months::new(m))
                .and_then(|d| d.with_day(check_in.day()))
        })
        .find(|d| *d < until)
        .filter(|d| *d > check_in && (until - *d).num_days() <= booking::stay::MAX_NIGHTS)
}

/// Puts the message's values into the slots.
fn listen(s: &mut ConversationState, u: &Understanding) -> Heard {
    let before = (s.check_in, s.check_out);
    let after = merged_stay(s, u);
    let said_dates = u.check_in.is_some() || u.nights.is_some() || u.until.is_some();
    let new_dates = said_dates && after != before;
    if said_dates {
        (s.check_in, s.check_out) = after;
    }
    if let Some(n) = u.nights {
        s.nights = Some(n);
    }
    let new_guests = u.guests.is_some_and(|g| s.guests != Some(g));
    if u.guests.is_some() {
        s.guests = u.guests;
        s.parties.clone_from(&u.parties);
    }
    if u.accommodation.is_some() {
        s.accommodation.clone_from(&u.accommodation);
    }
    if u.month.is_some() {
        s.month = u.month;
    }
    let new_pets = u.pets && !s.pets;
    s.pets |= u.pets;
    // "Sem cachorro" after asking whether dogs are welcome: no pet after all.
    if u.no_pets {
        s.pets = false;
    }
    Heard {
        new_dates,
        new_guests,
        new_pets,
    }
}

/// What a guest who lost the nights to someone else is told: what is free for the same dates,
/// or the nearest free stays.
pub fn not_available(
    occupancy: &Occupancy<'_>,
    stay: &StayDates,
    guests: Guests,
    today: NaiveDate,
) -> String {
    let free_now = occupancy.free(stay, guests);
    let options: Vec<(StayDates, Accommodation)> = if free_now.is_empty() {
        occupancy
            .alternatives(stay, guests, today, 3)
            .into_iter()
            .map(|(s, a)| (s, a.clone()))
            .collect()
    } else {
        free_now
            .into_iter()
            .take(3)
            .map(|a| (*stay, a.clone()))
            .collect()
    };
    if options.is_empty() {
        return texts::NO_ROOM.into();
    }
    texts::alternatives_for(stay, guests.get(), &options)
}

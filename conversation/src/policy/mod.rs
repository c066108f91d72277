//! The dialogue policy: from what the conversation remembers, what the guest sent and the
//! facts (today, the place, what is free, what the guest holds), the new state and what to do.
//! Pure: every turn of a conversation is a plain test.
//!
//! A turn runs in three steps, each in its own module:
//! 1. [`listen`] (here): the message's values go into the slots, for the conversation's life
//!    (dates, nights, guests, accommodation, pets, language); a later value replaces an earlier
//!    one. Before that the message is read in context (`in_context`: a bare day in the month
//!    talked about, a bare number answering what was asked) and against the conversation
//!    (`reread`: the cabin it points at, the question it repeats, the code it answers).
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
mod in_context;
mod pick;
mod plan;
mod quote;
mod reread;
mod step;

#[cfg(test)]
mod tests;

use std::borrow::Cow;

use booking::{Accommodation, Guests, StayDates, availability::Occupancy};

use chrono::{Datelike, Duration, NaiveDate};

use crate::{
    Effect, Facts, Incoming, Refusal, Say, Turn, Wordless, nlu::Understanding,
    state::ConversationState, texts,
};

/// The offer of several one cabin was just held from (by a yes to the option proposed), with
/// that option chosen; none for a group's offer or a move of a hold.
fn held_from(
    offer: Option<&crate::state::Offer>,
    effects: &[Effect],
) -> Option<crate::state::Offer> {
    let offer = offer.filter(|o| !o.together && o.replaces.is_none() && o.options.len() > 1)?;
    let booked: Vec<&crate::Booking> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Book(b) => Some(b),
            _ => None,
        })
        .collect();
    let [b] = booked[..] else { return None };
    let i = offer.options.iter().position(|o| {
        o.accommodation_id == b.accommodation_id && o.dates(offer) == (b.check_in, b.check_out)
    })?;
    let mut from = offer.clone();
    from.chosen = i;
    from.asked = None;
    from.focused = false;
    Some(from)
}

/// One turn of the conversation.
pub fn turn(prev: &ConversationState, incoming: Incoming<'_>, facts: &Facts<'_>) -> Turn {
    match incoming {
        Incoming::Wordless(kind) => Turn {
            state: prev.clone(),
            effects: vec![say(without_words(kind, prev, facts))],
        },
        Incoming::Words(u) => {
            let u = &*in_context::in_context(prev, u, facts.today);
            let u = &*reread::smaller_for_fewer(prev, u, facts);
            let u = &*reread::pointed_at_the_place(prev, u, facts);
            let u = &*reread::position_among_the_fits(prev, u, facts);
            let u = &*reread::code_asked_for(prev, u);
            let u = &*reread::booked_again(prev, u);
            let u = &*reread::wanted_the_one_talked_about(prev, u);
            let u = &*reread::asked_again(prev, u);
            let u = &*reread::which_ones_do(prev, u);
            let u = &*reread::the_one_doubted(prev, u);
            let u = &*reread::companion_within_party(prev, u);
            let u = &*reread::pick_without_the_pet(prev, u, facts);
            let switch = reread::switch_with_its_reason(u, facts);
            let reason_asked = matches!(switch, Cow::Owned(_)).then_some(u);
            let u = &*switch;
            let mut state = prev.clone();
            state.asked_code = false;
            state.free_instead = None;
            state.doubted = None;
            state.declined = None;
            if state.offer.is_none() {
                state.offer = reread::the_offer_declined_taken(prev, u);
            }
            state.language = u
                .language_asked
                .unwrap_or_else(|| prev.language.after(u.language, u.language_sure));
            let prev = &remember_the_hold(prev, u, facts);
            state.check_in = prev.check_in;
            state.check_out = prev.check_out;
            state.guests = prev.guests;
            let heard = listen(&mut state, u);
            among_named(&mut state, u, facts);
            let step = plan::plan(prev, &mut state, u, &heard, facts);
            let unanswered = matches!(step, step::Step::Unanswered);
            let reminded = matches!(step, step::Step::AlreadyHeld);
            state.handed_off = unanswered;
            // "Reservá la Coihue a nombre de Martín Rodríguez": thanked by name, then the rest
            // (a name said alone is its own step).
            let thanked = u
                .name_given
                .as_deref()
                .filter(|_| !matches!(step, step::Step::NameNoted(_)))
                .map(|name| say(texts::name_noted(state.language, name, false)));
            let mut effects = act::act(step, &mut state, u, facts);
            if let Some(thanks) = thanked {
                effects.insert(0, thanks);
            }
            // "Mejor la Ñire, tiene jacuzzi ¿no?": the yes to the reason first, then the move.
            if let Some(asked) = reason_asked
                && let Some(cabin) = u.accommodation.as_deref()
                && effects.iter().any(|e| matches!(e, Effect::MoveHold { .. }))
            {
                let yes = act::answered_for(&state, asked, cabin, facts);
                effects.splice(0..0, yes);
            }
            // "¿Tienen descuento?": prices are the owner's to bend; a person sees it, the rest
            // of the message is answered as usual.
            if u.asks_discount {
                state.needs_human = true;
                effects.insert(0, say(texts::discount_asked(state.language).to_owned()));
            }
            // "¿Cómo hacemos con las llaves?": the answer says a person arranges them, who sees it.
            if u.topics.contains(&crate::nlu::InfoTopic::Keys) {
                state.needs_human = true;
            }
            // "Somos 4 del 10 al 12, ¿hay un súper cerca?": the stay answered, the question no
            // table knows passed to a person, and the guest told so.
            if u.aside_question && !unanswered {
                state.needs_human = true;
                effects.push(say(if u.asks_papers {
                    texts::invoice(state.language)
                } else {
                    texts::aside_for_a_person(state.language)
                }
                .to_owned()));
            }
            // "Do you speak English?": yes first, then the rest of the message answered (an
            // offer made again in it says its own yes).
            if u.language_asked.is_some() && prev.offer.is_none() {
                effects.insert(0, say(texts::language_yes(state.language).to_owned()));
            }
            let effects = one_reply(effects);
            let booked = effects
                .iter()
                .any(|e| matches!(e, Effect::Book(_) | Effect::BookTogether(_)));
            // "Ok" after the hold is told it is held: the hold is still what was just said, and
            // a "mejor no, gracias" next still takes it back.
            state.just_held = booked || (prev.just_held && reminded);
            state.just_moved = effects.iter().any(|e| matches!(e, Effect::MoveHold { .. }));
            state.just_released = state.cancelled.is_some()
                && effects
                    .iter()
                    .any(|e| matches!(e, Effect::ReleaseHold { .. }));
            state.cancel_requested = effects
                .iter()
                .any(|e| matches!(e, Effect::RequestCancellation { .. }));
            // A cabin picked from the offer ("la Coihue") is held at once: the guest may still
            // say the yes they thought it needed. A hold moved keeps what its first hold was.
            if booked {
                // So is a cabin asked for with a please ("la Lenga del 1 al 3 porfa").
                state.held_without_yes = (prev.offer.is_some() || u.pleaded) && !u.affirmative;
            }
            // The offer a pick held from stays only while that hold is the one standing.
            let changed = effects.iter().any(|e| {
                matches!(
                    e,
                    Effect::MoveHold { .. } | Effect::ReleaseHold { .. } | Effect::BookTogether(_)
                )
            });
            if changed || state.offer.is_some() || (booked && !state.held_without_yes) {
                state.picked_from = None;
            }
            // "Dale" to the option proposed of several held it: "uh no, mejor la segunda", "la
            // más cara", "la otra" next points at that same offer and moves the hold, as after
            // a pick.
            if booked
                && !changed
                && state.offer.is_none()
                && state.picked_from.is_none()
                && let Some(from) = held_from(prev.offer.as_ref(), &effects)
            {
                state.picked_from = Some(from);
            }
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
    let (check_in, check_out) = merged_stay(prev, &in_context::in_context(prev, u, today));
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

/// The year of the next `month` (this one's from today, else the next year's) that has no long
/// weekend starting in it; this year's when both have one.
pub(crate) fn month_without_long_weekend(month: u32, today: NaiveDate) -> i32 {
    let first = if month >= today.month() {
        today.year()
    } else {
        today.year() + 1
    };
    let has_long_weekend = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|start| start.max(today))
            .and_then(booking::holidays::next_long_weekend)
            .is_some_and(|run| run.first.month() == month && run.first.year() == year)
    };
    [first, first + 1]
        .into_iter()
        .find(|y| !has_long_weekend(*y))
        .unwrap_or(first)
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
        // "We can only arrive on the 4th" (a later arrival inside the stay), "llegamos un día
        // antes, el 19" (an arrival moved by days): the check-out stays. An earlier arrival
        // said alone ("¿podemos llegar el 11?") moves the stay, nights kept.
        (Some(i), None)
            if u.arrival_only
                && (prev.check_in.is_some_and(|p| p < i)
                    || u.shift_end == Some(crate::nlu::StayEnd::Arrival))
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
/// from the 15th of January is the 18th of January), over two years: a stay a year ahead
/// ("fin de año 2027" … "nos vamos el 3", said on the 3rd of December 2026) is 13 months after
/// the next 3rd from today.
fn after(check_in: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
    (0..=24)
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
    if let (true, (Some(i), Some(o))) = (new_dates, before) {
        s.earlier_stay = Some((i, o));
    }
    if said_dates {
        (s.check_in, s.check_out) = after;
    }
    if let Some(n) = u.nights {
        s.nights = Some(n);
    }
    // A change of a whole stay's length with the people known (not the length answering
    // "¿hasta qué día?", nor with the people still to ask for).
    s.nights_changed_last = u.nights.is_some()
        && u.check_in.is_none()
        && u.guests.is_none()
        && before.1.is_some()
        && s.guests.is_some();
    let new_guests = u.guests.is_some_and(|g| s.guests != Some(g));
    if u.guests.is_some() {
        s.guests = u.guests;
        s.parties.clone_from(&u.parties);
        s.apart = u.apart;
    } else if u.apart {
        // "Preferimos dos cabañas separadas": the party said before, apart.
        s.apart = true;
    }
    if u.accommodation.is_some() {
        s.accommodation.clone_from(&u.accommodation);
    }
    if u.month.is_some() {
        s.month = u.month;
    }
    if u.check_in.is_some() {
        s.weekend_wanted = false;
    } else if u.weekend_wanted {
        s.weekend_wanted = true;
    }
    if u.accommodations.len() > 1 {
        s.named.clone_from(&u.accommodations);
    } else if u.accommodation.is_some() {
        s.named.clear();
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

/// "¿La Coihue está libre? ¿y la Ñire?" … "¿cuál sale menos?" with nothing offered: the one
/// of the cabins named that the guest asks for (by price or size) is the cabin talked about.
/// "¿Cuáles aceptan mascotas?" … "¿y cuál es la más barata de esas?": the cabins the answer
/// named are the ones asked among.
fn among_named(s: &mut ConversationState, u: &Understanding, facts: &Facts<'_>) {
    use crate::nlu::Choice;
    if s.offer.is_some() || u.accommodation.is_some() || u.choice.is_none() {
        return;
    }
    if s.named.len() < 2
        && let Some(asked) = &s.last_asked
    {
        s.named = with_what_was_asked(asked, facts.accommodations());
    }
    if s.named.len() < 2 {
        return;
    }
    let named = facts
        .accommodations()
        .iter()
        .filter(|a| s.named.contains(&a.name));
    let price = |a: &&Accommodation| a.tariff().base_per_night;
    let chosen = match u.choice {
        Some(Choice::Cheapest) => named.min_by_key(price),
        Some(Choice::Priciest) => named.max_by_key(price),
        Some(Choice::Largest) => named.max_by_key(|a| a.capacity),
        Some(Choice::Smallest) => named.min_by_key(|a| a.capacity),
        _ => None,
    };
    if let Some(a) = chosen {
        s.accommodation = Some(a.name.clone());
    }
}

/// The cabins that have everything the last question asked about ("¿cuáles aceptan
/// mascotas?": the Coihue and the Lenga), when that is some of them and not all: the ones its
/// answer named. Empty when the question asked nothing a cabin has or lacks.
fn with_what_was_asked(asked: &crate::state::Asked, all: &[Accommodation]) -> Vec<String> {
    use crate::nlu::{Feature, InfoTopic};
    let pets = asked
        .topics
        .contains(&InfoTopic::Pets)
        .then_some(Feature::Pets);
    let features: Vec<Feature> = asked
        .features
        .iter()
        .copied()
        .filter(|f| f.of_the_cabin())
        .chain(pets)
        .collect();
    if features.is_empty() {
        return Vec::new();
    }
    let with: Vec<String> = all
        .iter()
        .filter(|a| features.iter().all(|f| crate::info::has(a, *f)))
        .map(|a| a.name.clone())
        .collect();
    if with.len() == all.len() {
        return Vec::new();
    }
    with
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

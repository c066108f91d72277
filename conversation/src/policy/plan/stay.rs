//! Stage 10: the rest: a greeting, an unanswerable question, holiday periods and months asked
//! about, and finally a stay: ask for the missing slot, or quote.

use booking::{Guests, StayDates};
use chrono::Datelike;

use super::{EXPLICIT_QUESTION, Heard, Step, held};
use crate::{
    Facts,
    nlu::{CONFIDENCE_THRESHOLD, InfoTopic, Intent, Period, Understanding},
    state::{ConversationState, Want},
};

/// A greeting, a question for a person, a holiday or a month asked about.
pub(super) fn calendar(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Option<Step> {
    // "Hola, quería info": nothing asked in particular yet; what every first answer asks.
    if u.general_info && !heard.new_stay() && s.offer.is_none() && s.booked.is_none() {
        return Some(Step::Greet);
    }
    // Questions without a known topic ("¿hay señal?", "¿tienen generador?"): a person.
    if (u.intent == Intent::AskInfo || u.unknown_question && u.period.is_none())
        && !heard.new_stay()
    {
        s.needs_human = true;
        return Some(Step::Unanswered);
    }
    // "Hi, then we'll take the Coihue instead" (an email's opening): a cabin named for the
    // stay on the table is what the message says, not the greeting (`stay_request` reads it).
    let names_a_cabin = u.accommodation.is_some() && (s.check_in.is_some() || prev.wants.is_some());
    if u.intent == Intent::Greeting && !heard.new_stay() && !names_a_cabin {
        return Some(Step::Greet);
    }
    if let Some(p) = u.period
        && matches!(p.period, Period::WinterHolidays | Period::Festive)
        && u.check_in.is_none()
    {
        s.wants = s.wants.or(Some(Want::Availability));
        // "Las vacaciones de invierno" … "del 19 al 24": days said next are of its month.
        if p.period == Period::WinterHolidays {
            s.month = Some(p.first_day_off.month());
        }
        return Some(Step::WhichDays(p));
    }
    if let Some(month) = u.no_long_weekend_in
        && u.check_in.is_none()
    {
        s.wants = s.wants.or(Some(Want::Availability));
        return Some(Step::NoLongWeekend(month));
    }
    // "¿Qué tenés libre en marzo?", "la Coihue, ¿la tenés libre en abril?": a month without
    // days and no stay talked about yet: which nights of it are free, then which days.
    // "Queremos ir en marzo" … "somos 4": the month again, for them.
    let span = if u.next_week {
        Some(crate::texts::Span::NextWeek)
    } else {
        u.month
            .or(s.month.filter(|_| heard.new_guests && u.nights.is_none()))
            .map(crate::texts::Span::Month)
    };
    if let Some(span) = span
        && u.check_in.is_none()
        && u.nights.is_none()
        && s.check_in.is_none()
        && s.offer.is_none()
        && u.period.is_none()
        && u.intent != Intent::AskPrice
        && crate::policy::span_nights(span, facts.today).is_some()
    {
        s.wants = s.wants.or(Some(Want::Availability));
        return Some(Step::FreeIn(span));
    }
    None
}

/// Availability, price or booking: ask for what is missing, else quote.
pub(super) fn stay_request(
    prev: &ConversationState,
    s: &mut ConversationState,
    u: &Understanding,
    heard: &Heard,
    facts: &Facts<'_>,
) -> Step {
    if heard.new_stay() {
        s.offer = None;
    }
    // Naming a cabin is enough to ask about it for the stay on the table.
    // A month or nights alone ("queríamos ir en junio", "queremos 2 noches") are a stay being
    // asked about: its days come next.
    let new_slot = heard.new_stay()
        || u.guests.is_some()
        || u.check_in.is_some()
        || u.month.is_some()
        || u.nights.is_some()
        || u.accommodation.is_some() && (s.check_in.is_some() || prev.wants.is_some())
        // "Preferimos dos cabañas separadas" once the stay was asked about.
        || u.apart && !prev.apart && s.check_in.is_some();
    // A question about the place the bot cannot answer goes to a person, who sees it.
    if u.unknown_question && !new_slot && !u.affirmative && u.period.is_none() {
        s.needs_human = true;
        return Step::Unanswered;
    }
    // "Reservame el Arrayán del 8 al 10" … "y también del 22 al 24": another one booked, as the
    // first was (not a question about it).
    let books_another = u.also
        && (u.check_in.is_some() || u.same_dates)
        && (matches!(u.intent, Intent::Book | Intent::Unknown)
            || u.intent == Intent::CheckAvailability && u.confidence < EXPLICIT_QUESTION)
        && (s.booked.is_some() || held(facts, u).is_some());
    if let Some(name) = &u.name_given
        && matches!(u.intent, Intent::Unknown | Intent::Greeting)
        && !new_slot
    {
        return Step::NameNoted(name.clone());
    }
    // "Reservame la Ñire x fa", with no stay yet: no bare yes, a booking of that cabin still
    // to be given its dates and people (held once they come).
    let books_a_cabin = u.intent == Intent::Book
        && u.accommodation.is_some()
        && u.check_in.is_none()
        && u.guests.is_none()
        && prev.offer.is_none();
    let picks_the_one_quoted = prev.wants == Some(Want::Price)
        && !u.question
        && u.accommodation.is_some()
        && u.accommodation == prev.accommodation
        && u.accommodations.len() <= 1;
    let want = match u.intent {
        _ if books_another => Some(Want::Book),
        // A guest who asked to book and now gives the dates still wants to book.
        Intent::CheckAvailability if prev.wants == Some(Want::Book) => Some(Want::Book),
        // Only people or dates, no question word ("¿y para 4?" after a price): what the guest
        // asked before goes on.
        Intent::CheckAvailability if u.confidence < EXPLICIT_QUESTION => {
            prev.wants.or(Some(Want::Availability))
        }
        Intent::CheckAvailability => Some(Want::Availability),
        Intent::AskPrice => Some(Want::Price),
        // Booking again after a hold that is not in the facts yet would hold twice: offer.
        Intent::Book if s.booked.is_some() => Some(Want::Availability),
        // "¿Cómo pago?" with nothing offered yet asks how paying works: the offer first.
        // "Quiero reservar la Lenga del 17 al 20 para 6, ¿cómo pago?" asks for that cabin on
        // those dates: held, and how paying works said with it.
        Intent::Book
            if u.topics.contains(&InfoTopic::Payment)
                && prev.offer.is_none()
                && !(u.accommodation.is_some() && u.check_in.is_some()) =>
        {
            Some(Want::Availability)
        }
        // A bare yes with nothing on the table accepts nothing: show what there is, or, with no
        // stay asked about yet ("hola" … "sí"), ask for it.
        Intent::Book if u.affirmative && !new_slot && !books_a_cabin => Some(Want::Availability),
        // "Great. 4 people, Jan 15-18?", "ok, para 2 del 1 al 4", "tá bom, então de 22 a 25
        // para 4": a mild word acknowledging the last answer, with nothing offered or asked to
        // book yet, then a stay: a question about it, never a blind hold.
        // ("Ok, somos 6, entonces la grande" right after the Lenga's price: the cabin just
        // quoted, picked, with the people it was waiting for, is booked.)
        Intent::Book
            if u.mild_yes
                && !books_a_cabin
                && !picks_the_one_quoted
                && prev.offer.is_none()
                && prev.wants != Some(Want::Book)
                && s.booked.is_none()
                && facts.held.is_none() =>
        {
            prev.wants.or(Some(Want::Availability))
        }
        Intent::Book => Some(Want::Book),
        Intent::Greeting if !new_slot => return Step::Greet,
        // A message that only fills a slot (or asks about the place with one) continues what
        // the guest wanted before.
        _ => prev.wants.or(new_slot.then_some(Want::Availability)),
    };
    let fills_a_slot = new_slot || u.affirmative;
    let Some(want) = want else {
        // "Ñire", "la Lenga?", "e a Coihue?", "the Lenga" as a whole message, with nothing
        // offered, held or asked before: what that cabin is like and what it costs, not "I
        // didn't understand".
        if let Some(name) = named_alone(s, u, facts) {
            s.accommodation = Some(name.clone());
            return Step::Info {
                topics: vec![InfoTopic::Amenities],
                features: Vec::new(),
                named: Some(name),
            };
        }
        return Step::Clarify;
    };
    if u.confidence < CONFIDENCE_THRESHOLD && !fills_a_slot {
        return Step::Clarify;
    }
    s.wants = Some(want);
    // Dates assumed from a holiday are offered, never booked blind.
    let want = if u.period.is_some() && want == Want::Book {
        Want::Availability
    } else {
        want
    };

    let (Some(check_in), Some(check_out)) = (s.check_in, s.check_out) else {
        return Step::AskDates;
    };
    let stay = match StayDates::from_today(check_in, check_out, facts.today) {
        Ok(stay) => stay,
        Err(e) => {
            s.check_in = None;
            s.check_out = None;
            return Step::Invalid(e);
        }
    };
    let Some(guests) = s.guests else {
        return Step::AskGuests;
    };
    match Guests::new(guests) {
        Ok(guests) => Step::Quote { stay, guests, want },
        Err(e) => {
            s.guests = None;
            Step::Invalid(e)
        }
    }
}

/// The cabin a message only names (no question, stay, pick or topic with it), when nothing is
/// on the table: nothing offered or held.
fn named_alone(s: &ConversationState, u: &Understanding, facts: &Facts<'_>) -> Option<String> {
    let alone = u.intent == Intent::Unknown
        && u.topics.is_empty()
        && u.features.is_empty()
        && u.choice.is_none()
        && u.check_in.is_none()
        && u.guests.is_none()
        && u.accommodations.len() <= 1
        && !u.pets
        && !u.correction
        && !u.declines
        && !u.affirmative;
    (alone && s.offer.is_none() && held(facts, u).is_none())
        .then(|| u.accommodation.clone())
        .flatten()
}

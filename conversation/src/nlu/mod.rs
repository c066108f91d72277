//! Spanish (Argentina) understanding of guest messages: intent, stay dates, guests,
//! reservation code, accommodation, agreement, and a confidence the conversation can act on.
//!
//! Deterministic and rule-based on purpose: the same message always gives the same answer, a
//! wrong answer can be traced to one rule and fixed with one test, and nothing here needs a
//! model, a network or a clock (`today` is a parameter). It owns only *reading*; it never
//! decides what to reply (that is `conversation`), and it never panics on any input.
//!
//! # Layout
//! - `normalize`: lowercase, accents, repeated letters, emojis → tokens.
//! - `lexicon`: word matching, with one tolerated typo (see "Typos" below).
//! - `numbers`: "15", "quince", "veinti dos", "treinta y uno".
//! - `dates/`: stay dates relative to `today` (`scan` finds phrases, `resolve` turns them into
//!   dates, `calendar` does the arithmetic, `words` holds months, weekdays and markers).
//! - `guests`: head count. `code`: reservation codes. `accommodation`: names. `priced`: an
//!   option pointed at by its price ("la de 70 lucas").
//! - `intent/`: keyword tables, contextual cues and the ranking. `affirm`: "sí", "dale", 👍.
//! - `reconsider`: second thoughts on the intent from the rest of the message (a move said
//!   with why, a cabin taken out, a cabin wanted on dates).
//! - `asks`: what a message asks besides its intent (another option, a recommendation, the
//!   code, a question no table knows, an invoice or a receipt). `references`: words that point
//!   back (a bare number, "reservala", "las mismas fechas", a nudge). `stay_changes`: nights, days and people said
//!   as a difference. `about_hold`: what is asked about a hold (a payment said made, and
//!   whether outside the link: a transfer, a Pix).
//! - `understanding`: the values read ([`Understanding`]); `json_line`: `fleetctl nlu`'s line.
//! - `confidence`: the confidence table.
//! - `examples` (tests): the table of guest messages; `tests`: everything else.
//!
//! # Rules for ambiguous cases
//! - Several intents: human > cancel > explicit booking > price > info (without dates) >
//!   availability > info (with dates) > a bare "sí"/"dale" (→ book) > dates or guests alone
//!   (→ availability, inferred) > greeting. So "Hola! tenés lugar?" is availability and "cuánto
//!   sale para 2 del 3 al 5?" is a price question with its dates and guests. An info question
//!   with no topic of [`InfoTopic`] (payment methods) is `ask_info` with
//!   `info_topic: None`.
//! - Dates without a year: the next such date from today, today included. A range's start
//!   takes the end's month (or the month before: "del 28 al 3 de enero"); the end is the
//!   first such date after the start (so ranges cross the new year). A month said apart gives
//!   its month to a range without one ("diciembre, del 20 al 23"). An explicit year is kept
//!   even in the past, so the conversation can say so. A check-out without a check-in is not
//!   a stay: it is reported apart (`until`, for a correction), unless a verb moves the stay
//!   ("pasala al 20": the new check-in); two ends with no start are a range ("to January 11 to
//!   15"). One impossible date (31/02, "del 40 al 50") drops the whole phrase and lowers
//!   confidence. A stay over 60 nights is not believed (check-out dropped).
//! - "el finde" / "este fin de semana": Friday → Sunday of the coming
//!   weekend; on a Friday it starts today, on a Saturday it is today → Sunday (never in the
//!   past); on a Sunday it is the next Friday. "El próximo finde" / "el finde que viene" on
//!   Friday–Sunday is next week's; Monday–Thursday it is this one. "El finde del 20" is the
//!   weekend of the 20th (the next one if the 20th is Monday–Thursday).
//! - "viernes 4": the first of the next three 4ths that is a Friday; if none is, the next 4th
//!   and lower confidence. "el viernes" alone: the next Friday after today ("este viernes"
//!   said on a Friday is today).
//! - "mañana" is tomorrow except after "la"/"esta" (the morning); "esta noche" is one night
//!   from today; "por N noches" completes a check-in; "24, 25 y 26" are three nights (out on
//!   the 27th), "el 3 y 4 de marzo" two (out on the 5th; "del 3 al 4" is one); "N días" sets
//!   nothing (days or nights?); "la semana que viene", "en enero", "en
//!   algún momento" set nothing and lower confidence.
//! - Holiday periods ("el finde largo", "carnaval", "semana santa", "fin de año", "navidad")
//!   come from the Argentine calendar (`booking::holidays`): the evening before the first day
//!   off to the last one, and the period is reported (`period`) so the reply says which dates
//!   were assumed; "vacaciones de invierno" sets no date (they differ by province).
//! - English and Portuguese (and chat shorthand) are rewritten to Spanish words first
//!   (`bridge`); the message's language is reported (`language`) from words only one language
//!   uses. In English, a numeric date that reads both ways is month first ("3/1" is March 1st),
//!   unless another date of the message reads only day first ("10/03 to 14/03").
//! - Beyond the intent: a correction ("perdón, me equivoqué", "al final"), a pick among offered
//!   options ("la segunda", "la más barata", "la que tiene pileta"), a pet coming along, the
//!   features yes/no questions ask about, every info topic named, thanks, a no.
//! - Guests: everyone counts, babies included; counted groups win over "somos N"; "una
//!   pareja", "mi señora y yo" are two; day numbers and nights are never guests.
//! - Agreement: strong words ("dale", "de una", "confirmo", "reservá") always agree; mild ones
//!   ("ok", "perfecto") not when the guest defers ("ok gracias", "te confirmo"); a leading
//!   "si" agrees only when it stands apart ("si, dale"), never in "si tenés lugar…".
//! - Accommodation: the name's distinctive words ("Cabaña del Lago" ← "la del lago"); a tie
//!   between names gives none.
//! - Days without a month are flagged (`day_only`), a month without days is reported (`month`),
//!   and a message that is only a number is reported (`bare_number`): the conversation reads
//!   them against what it is talking about ("perdón, es del 16 al 18" in the month of the stay;
//!   "2" as the people it just asked for). "De 16 a 18" is a range unless a head count leads
//!   ("somos de 4 a 6"); a month right after a day may have one typo ("de marso").
//! - Nights added or taken ("una noche más", "one more night", "una noche menos") are reported
//!   as `extra_nights`, never as a stay of that many nights.
//! - Typos: one edit on words of six letters or more, one swap of neighbouring letters on
//!   five-letter words, never on a word the lexicon knows ("cuando" is not "cuanto").
//! - Confidence: see the `confidence` module; unknown is at most 0.3.

mod about_hold;
mod accommodation;
mod affirm;
mod asks;
mod bridge;
mod code;
mod companions;
mod confidence;
mod cues;
mod dates;
mod guests;
mod if_so;
mod intent;
mod json_line;
mod language;
mod lexicon;
mod name;
mod normalize;
mod numbers;
mod priced;
mod reconsider;
mod references;
mod stay_changes;
mod understanding;

#[cfg(test)]
mod examples;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::Language;

pub use json_line::to_json_line;
pub use understanding::{
    AboutHold, AskedTime, Choice, Feature, IfSo, InfoTopic, Intent, PayMethod, Period,
    PeriodMention, Scenery, StayEnd, Understanding,
};

/// Below this the bot asks a clarifying question instead of guessing.
pub const CONFIDENCE_THRESHOLD: f32 = 0.6;

/// Reads one guest message. `today` anchors every relative date; `accommodations` are the
/// property's names, matched case- and accent-insensitively.
/// Words of how early a cancellation is said ("con una semana de anticipación", "a week
/// before").
const HOW_EARLY: &[&str] = &[
    "anticipacion",
    "antelacion",
    "antes",
    "previo",
    "advance",
    "before",
    "prior",
    "antecedencia",
];

pub fn understand(text: &str, today: NaiveDate, accommodations: &[&str]) -> Understanding {
    let (reservation_code, rest) = code::extract(text);
    let written = bridge::expand_shorthand(normalize::tokenize(&rest));
    let back = references::refers_back(&written);
    let language_asked = asks::language_asked(&written);
    let asks_bot = asks::bot(&written);
    let follows_on = references::follows_on(&written);
    let of_it = references::asks_of_it(&written);
    let detected = language::detect_with_margin(&written);
    let language = detected.map(|(l, _)| l);
    // Read on the words as written, before the bridge turns them into Spanish: when a cabin is
    // free, not coming supposed, and a feature as an English or Portuguese guest called it.
    let when_free_as_written = asks::when_free(&written);
    let not_going_supposed = asks::not_going_supposed(&written);
    let said_abroad = if matches!(language, Some(Language::En | Language::Pt)) {
        cues::feature_words_abroad(&written)
    } else {
        Vec::new()
    };
    let tokens = bridge::to_spanish_from(written, language == Some(Language::En));
    // "la koi hue", "la a rayan", "la lengua": a cabin's name as a voice note writes it.
    let tokens = accommodation::heard_names(tokens, accommodations);
    // "¿Y la salida?", "e a chegada?": the time of that end of the stay asked.
    let tokens = asks::end_of_stay_alone(tokens);
    let about_hold = about_hold::detect(&tokens);
    let mut dates = dates::extract(&tokens, today);
    stay_changes::stretch_period(&tokens, &mut dates);
    // "Llegamos un día antes", "salimos un día antes, el 8": the end a move is said of.
    let shift_end = stay_changes::shift_days(&tokens).and(stay_changes::shifted_end(&tokens));
    // "Cambiá la salida al 7", "change the check-in to the 2nd": one end renamed, the other kept.
    let end_changed = stay_changes::end_changed(&tokens);
    let shift_end = shift_end.or(end_changed);
    if shift_end == Some(StayEnd::Departure) {
        stay_changes::departure_day(&mut dates);
    }
    let guests = guests::extract(&tokens, &dates.consumed);
    let turned_down = accommodation::turned_down(
        &tokens,
        accommodations,
        text.to_lowercase()
            .split_whitespace()
            .collect::<String>()
            .contains("no?"),
    );
    let accommodation = accommodation::find(&tokens, accommodations)
        .filter(|n| !turned_down.contains(n))
        .or_else(|| {
            // "La coihue no, la ñire": the one left once the refused is set apart.
            let rest: Vec<&str> = accommodations
                .iter()
                .copied()
                .filter(|n| !turned_down.iter().any(|t| t == n))
                .collect();
            (!turned_down.is_empty())
                .then(|| accommodation::find(&tokens, &rest))
                .flatten()
        });
    let mut named_all = accommodation::find_all(&tokens, accommodations);
    named_all.retain(|n| !turned_down.contains(n));
    if named_all.is_empty()
        && let Some(a) = &accommodation
    {
        named_all.push(a.clone());
    }
    let mut agreement = affirm::detect(&tokens);
    if agreement.yes
        && !agreement.strong
        && (text.contains('?') || text.contains('¿'))
        && affirm::acknowledges_then_asks(&tokens)
    {
        agreement.yes = false;
    }
    let takes_back = affirm::takes_back(&tokens);
    let mut signals = intent::detect(&tokens);
    // "One of us can't make it": a member of the party drops out, the booking stands (not
    // with dates said: "mi novia no puede el viernes" moves the stay).
    let dropping = companions::dropping_out(&tokens).filter(|_| dates.check_in.is_none());
    if let Some(d) = &dropping {
        signals
            .cues
            .retain(|c| !(c.intent == Intent::Cancel && d.span.contains(&c.pos)));
    }
    let ctx = intent::Context {
        has_dates: dates.check_in.is_some(),
        has_entities: dates.check_in.is_some() || guests.is_some(),
        agrees: agreement.yes,
        agrees_strongly: agreement.strong,
    };
    let mut features = cues::features(&tokens);
    // "¿Y la Ñire se puede? Nos encanta el jacuzzi": a liking said, not a question.
    let pointed = cues::pointer_positions(&tokens, accommodation.is_some());
    let liked = cues::liked_features(&tokens, &pointed);
    if !liked.is_empty() {
        features.retain(|f| !liked.contains(f));
        let mut liked_at = cues::liked_positions(&tokens);
        liked_at.extend_from_slice(&pointed);
        signals
            .cues
            .retain(|c| !(c.intent == Intent::AskInfo && liked_at.contains(&c.pos)));
        if features.is_empty() {
            signals.topics.retain(|t| *t != InfoTopic::Amenities);
            if signals.topic == Some(InfoTopic::Amenities) {
                signals.topic = signals.topics.first().copied();
            }
        }
    }
    // "¿Qué cabañas tienen libres del 3 al 5?": the quote answers it, not a list of every cabin.
    if dates.check_in.is_some() && lexicon::says_any(&tokens, intent::WHICH_CABINS) {
        signals.topics.retain(|t| *t != InfoTopic::Capacity);
        if signals.topic == Some(InfoTopic::Capacity) {
            signals.topic = signals.topics.first().copied();
        }
    }
    // "Entramos el 5 de marzo", "entran el viernes", "¿a qué hora entramos?": the day or the
    // hour they arrive, not how many fit (unless they ask that too: "¿entramos todos?",
    // "¿cuántos entran?").
    if arrival_not_capacity(&tokens, dates.check_in.is_some()) {
        let asked_capacity = signals.topics.contains(&InfoTopic::Capacity);
        signals.topics.retain(|t| *t != InfoTopic::Capacity);
        if signals.topic == Some(InfoTopic::Capacity) {
            signals.topic = signals.topics.first().copied();
        }
        // "Entramos el 20 de mayo, tres noches, somos 2": nothing is asked about the place,
        // so the stay is what the message says (a booking asked before goes on).
        if asked_capacity && signals.topics.is_empty() {
            signals.cues.retain(|c| c.intent != Intent::AskInfo);
        }
    }
    // "La que tiene más lugar", "la de más capacidad", "the one with more room", "a que tem
    // mais espaço": an option pointed at by its size, said as no question, not a question
    // about what the cabins have or how many fit ("¿cuál tiene más lugar?" still asks).
    if cues::size_pointer(text, &tokens)
        && features.is_empty()
        && dates.check_in.is_none()
        && guests.is_none()
        && signals
            .topics
            .iter()
            .all(|t| matches!(t, InfoTopic::Amenities | InfoTopic::Capacity))
    {
        signals.topics.clear();
        signals.topic = None;
        signals.cues.retain(|c| c.intent != Intent::AskInfo);
    }
    // "Quero a Ñire para 2, sem cachorro": no question about pets.
    let pets_left = cues::pets_left_home(&tokens);
    if let Some(left) = &pets_left {
        features.retain(|f| *f != Feature::Pets);
        signals.topics.retain(|t| *t != InfoTopic::Pets);
        if signals.topic == Some(InfoTopic::Pets) {
            signals.topic = signals.topics.first().copied();
        }
        signals
            .cues
            .retain(|c| !(c.intent == Intent::AskInfo && left.contains(&c.pos)));
    }
    if not_going_supposed && !signals.topics.contains(&InfoTopic::Cancellation) {
        signals.topics.push(InfoTopic::Cancellation);
        signals.topic = signals.topic.or(Some(InfoTopic::Cancellation));
        signals.cues.push(intent::Cue {
            intent: Intent::AskInfo,
            strength: intent::Strength::Strong,
            quality: lexicon::Quality::Exact,
            pos: 0,
        });
    }
    let decision = intent::decide(&signals, ctx);
    let decision = reconsider::reconsider(
        decision,
        &mut signals,
        &reconsider::Read {
            text,
            tokens: &tokens,
            dates: &dates,
            accommodation: accommodation.as_deref(),
            named: named_all.len(),
            agreement,
            features: &features,
        },
    );
    // "Cancel the Ñire and book the Arrayán instead": the cabin given up is turned down, the
    // other one asked for (a move of the hold to it).
    // "Cancel that and book the Ñire instead", "cancelala y pasame a la Coihue": the hold given
    // up by a pronoun, the cabin named after it asked for (the same move, a correction of
    // what is held rather than a stay besides it).
    let cancelled_for = decision.intent == Intent::Cancel
        && accommodation
            .as_ref()
            .is_some_and(|a| accommodation::cancelled_for(&tokens, a, accommodations));
    let decision = if decision.intent == Intent::Cancel
        && (!turned_down.is_empty()
            && accommodation
                .as_ref()
                .is_some_and(|a| !turned_down.contains(a))
            || cancelled_for)
    {
        intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: false,
        }
    } else {
        decision
    };
    // "Cancelá la Coihue nomás, nos arreglamos en la Lenga": with several cabins named, the
    // one right after the verb of cancelling is the one cancelled.
    let accommodation = match accommodation {
        None if decision.intent == Intent::Cancel && named_all.len() > 1 => {
            accommodation::right_after_cancel(&tokens, &named_all)
        }
        a => a,
    };
    // "Hola! la arrayan tiene hogar?", "oi, a Ñire tem lareira?": the greeting opens a yes/no
    // question about the place, which is what the message asks.
    let decision = if decision.intent == Intent::Greeting
        && !features.is_empty()
        && (text.contains('?') || text.contains('¿'))
        && dates.check_in.is_none()
    {
        intent::Decision {
            intent: Intent::AskInfo,
            ..decision
        }
    } else {
        decision
    };
    // "¿La Lenga es para 6?": whether the party fits in the cabin named.
    if accommodation.is_some()
        && dates.check_in.is_none()
        && asks::fits(text, &tokens)
        && !signals.topics.contains(&InfoTopic::Capacity)
    {
        signals.topics.push(InfoTopic::Capacity);
    }
    // "¿Cuándo está libre la Arrayán?", "what's the closest you have?": a question about when
    // there is room, answered with the nearest free dates.
    let asks_when_free = dates.check_in.is_none()
        && dates.month.is_none()
        && (when_free_as_written || asks::when_free(&tokens));
    if asks_when_free {
        // "¿Qué fechas tenés libres cerca de esas?": near the dates, not the place's location.
        signals.topics.retain(|t| *t != InfoTopic::Location);
    }
    let decision = if asks_when_free
        && (matches!(decision.intent, Intent::Unknown | Intent::Greeting)
            || decision.intent == Intent::AskInfo && signals.topics.is_empty())
    {
        intent::Decision {
            intent: Intent::CheckAvailability,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: false,
        }
    } else {
        decision
    };
    let empty = tokens.is_empty() && reservation_code.is_none();
    let has_code = reservation_code.is_some();
    let shift = stay_changes::shift_days(&tokens).filter(|_| dates.check_in.is_none());
    let confidence = confidence::score(&decision, &dates, empty);
    let extra = stay_changes::extra_nights(&tokens).filter(|_| dates.check_in.is_none());
    // "Una noche más al principio", "add a night before": nights added before the arrival,
    // which moves the check-in alone.
    let (shift, shift_end, extra) = match extra {
        Some(n) if n > 0 && stay_changes::at_the_start(&tokens) => {
            (Some(-n), Some(StayEnd::Arrival), None)
        }
        _ => (shift, shift_end, extra),
    };
    // "una persona más" alone adds to the party; "somos 2 más un bebé" is the whole party.
    // "Uno de nosotros no va a poder ir" takes them away before a relative is added ("no viene
    // mi suegra" is one less); "vamos con los 2 nenes" adds companions when no party is said.
    let more_people = dropping
        .as_ref()
        .map(|d| -d.count)
        .or_else(|| stay_changes::extra_guests(&tokens))
        .or_else(|| {
            guests
                .is_none()
                .then(|| companions::joining(&tokens))
                .flatten()
        })
        .filter(|n| guests.is_none_or(|g| i32::from(g) == n.abs()) && extra.is_none());
    // "se suman dos amigos, somos 4": the people added and the whole party; the party wins.
    let whole = more_people
        .and_then(|n| stay_changes::party_said(&tokens).filter(|t| i32::from(*t) != n.abs()));
    let more_people = more_people.filter(|_| whole.is_none());
    let guests = whole.or(guests.filter(|_| more_people.is_none()));
    // The parties a party is made of ("una familia de 4 y otra de 3": 7), when they add up to
    // it or it is only one of them.
    let parties = guests::parties(&tokens);
    let together = parties.iter().sum::<u16>();
    let counted_parties = guests::counts_parties(&tokens);
    let (guests, parties) = match guests {
        _ if parties.is_empty() => (guests, parties),
        Some(g) if g == together => (guests, parties),
        // Only one of them counted ("una para nosotros 4 y otra para mis viejos": the 4, or
        // the 2 of "para mis viejos"): all of them.
        Some(g) if parties.contains(&g) => (Some(together), parties),
        // "Somos 2 familias, una de 5 y otra de 4": the number said counts the parties.
        Some(g) if usize::from(g) == parties.len() && counted_parties == Some(g) => {
            (Some(together), parties)
        }
        None => (Some(together), parties),
        Some(_) => (guests, Vec::new()),
    };
    // "Somos 8, dos parejas y una familia de 4": the whole said and described by its parts.
    let (guests, parties) = match guests::whole_described(&tokens) {
        Some(w) if guests != Some(w) && more_people.is_none() => {
            let together = parties.iter().sum::<u16>();
            (Some(w), if together == w { parties } else { Vec::new() })
        }
        _ => (guests, parties),
    };
    // "Somos 3 familias" without their sizes: how many people is still to be asked.
    let guests = guests.filter(|g| !(parties.is_empty() && counted_parties == Some(*g)));
    // "La Lenga para 5 y la Coihue para 3": the party is all of them, not the first.
    let placed = accommodation::placed(&tokens, accommodations);
    let guests = match guests {
        Some(g) if placed.iter().any(|(_, n)| *n == g) => {
            Some(placed.iter().map(|(_, n)| *n).sum())
        }
        g => g,
    };
    let general_info =
        decision.intent == Intent::AskInfo && signals.topic.is_none() && features.is_empty() && {
            let asks: Vec<&intent::Cue> = signals
                .cues
                .iter()
                .filter(|c| c.intent == Intent::AskInfo)
                .collect();
            !asks.is_empty()
                && asks.iter().all(|c| {
                    tokens
                        .get(c.pos)
                        .is_some_and(|t| t.is_any(&["info", "informacion", "mas", "informes"]))
                })
        };
    // "Info de la Lenga", "pasame info de la Coihue", "contame de la Ñire": what that one cabin
    // is like and has (its amenities' answer), not the welcome nor a move to it.
    let tells_of_it = named_all.len() == 1
        && dates.check_in.is_none()
        && guests.is_none()
        && (general_info
            || matches!(decision.intent, Intent::Unknown | Intent::Greeting)
                && signals.topics.is_empty()
                && features.is_empty()
                && asks::tell_me(&tokens));
    let (decision, general_info) = if tells_of_it {
        signals.topic = Some(InfoTopic::Amenities);
        signals.topics = vec![InfoTopic::Amenities];
        let told = intent::Decision {
            intent: Intent::AskInfo,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: false,
        };
        (told, false)
    } else {
        (decision, general_info)
    };
    // "¿Venden leña?": a thing for sale, not the fireplace it names.
    let decision = if asks::sells(&tokens)
        && (text.contains('?') || text.contains('¿'))
        && decision.intent == Intent::AskInfo
        && signals.topics.is_empty()
    {
        intent::Decision {
            intent: Intent::Unknown,
            evidence: intent::Evidence::Nothing,
            contested: false,
        }
    } else {
        decision
    };
    let unknown_question = matches!(decision.intent, Intent::Unknown | Intent::Greeting)
        && dates.check_in.is_none()
        && guests.is_none()
        && accommodation.is_none()
        // "So is it confirmed now?": a question about the hold, which the policy answers.
        && about_hold.is_none()
        && asks::unknown_question(text, &tokens);
    // A clause's words as the readers take them (bridged to Spanish).
    let clause_said = |clause: &str| {
        bridge::to_spanish_from(
            bridge::expand_shorthand(normalize::tokenize(clause)),
            language == Some(Language::En),
        )
    };
    // Each question clause read alone (a clause is shorter than the message, so this ends).
    let aside_question = !unknown_question
        && asks::question_clauses(&rest)
            .into_iter()
            .filter(|clause| clause.len() < rest.len())
            .any(|clause| {
                let said = clause_said(clause);
                // "¿Para cuántos es la Coihue? ¿tiene deck?": a thing asked beside a cabin
                // named is asked of it, and its description answers.
                ((asks::after_a_thing(&said) && accommodation.is_none())
                    || asks::papers(&said)
                    || asks::sells(&said)
                    || asks::service(&said))
                    && understand(clause, today, accommodations).unknown_question
            });
    // "Del 10 al 12 para 2, ¿venden leña?": what is for sale is no feature asked about.
    if aside_question {
        for clause in asks::question_clauses(&rest) {
            let said = clause_said(clause);
            if clause.len() < rest.len() && asks::sells(&said) {
                features.retain(|f| !cues::features(&said).contains(f));
            }
        }
    }
    let one_night = asks::per_night(&tokens);
    // "¿La Lenga tiene 3 habitaciones?", "¿hay microondas?": a thing no feature knows, in the
    // words of the amenities' topic, asked as a yes/no (not "¿qué comodidades tiene?").
    let only_amenities = decision.intent == Intent::AskInfo
        && !signals.topics.is_empty()
        && signals.topics.iter().all(|t| *t == InfoTopic::Amenities);
    let asks_a_thing = (text.contains('?') || text.contains('¿'))
        && features.is_empty()
        && !(only_amenities && asks::compares(&tokens))
        && (decision.intent == Intent::Unknown || only_amenities);
    let asked_of = accommodation
        .as_ref()
        .filter(|_| asks_a_thing)
        .and_then(|name| {
            accommodation::asked_of(&tokens, name)
                .filter(|w| decision.intent == Intent::Unknown || accommodation::a_thing(w))
                // "Hi! What is the Ñire cabin like?": what it is like, no thing asked of it.
                .filter(|w| w.split_whitespace().last().is_none_or(|l| l != "like"))
                .map(|words| (name.clone(), words))
        });
    // "¿Tiene vista al lago?", "¿y deck?" with no cabin named, said as following on: the words
    // asked (of the cabin the conversation is about).
    let described = cues::described(&tokens).or_else(|| {
        // "¿Tienen microondas?", "¿hay heladera en las cabañas?": which cabins have it.
        (only_amenities
            && asks_a_thing
            && accommodation.is_none()
            && named_all.is_empty()
            && dates.check_in.is_none()
            && guests.is_none())
        .then(|| accommodation::asked_of(&tokens, ""))
        .flatten()
        .filter(|w| accommodation::a_thing(w))
    });
    let asked_words = (accommodation.is_none()
        && described.is_none()
        && follows_on
        && (text.contains('?') || text.contains('¿'))
        && features.is_empty()
        && decision.intent == Intent::Unknown
        && dates.check_in.is_none()
        && guests.is_none()
        // "Is it confirmed now?" asks about the hold, not whether the cabin has a thing.
        && about_hold.is_none())
    .then(|| {
        accommodation::asked_of(&tokens, "").or_else(|| accommodation::asked_after_and(&tokens))
    })
    .flatten();
    // "¿La Coihue tiene deck? ¿y parrilla?": the thing no feature knows, asked beside others.
    // A view asked about is answered as one ("¿tiene vista al lago?").
    // "¿Me hacés factura?", "a receipt please": what a person makes out.
    let papers = asks::papers(&tokens);
    // "¿Hay alguien para recibirnos?", "¿hacen factura?": a topic of their own, not a thing
    // a cabin has.
    let own_topic = papers
        || signals
            .topics
            .iter()
            .any(|t| matches!(t, InfoTopic::Keys | InfoTopic::Currency));
    let also_described = (asked_of.is_none()
        && described.is_none()
        && asked_words.is_none()
        && !own_topic
        && !signals.topics.contains(&InfoTopic::View)
        && (text.contains('?') || text.contains('¿')))
    .then(|| accommodation::asked_in_a_clause(&tokens, accommodation.as_deref().unwrap_or("")))
    .flatten();
    let accommodation_named = accommodation.clone();
    let named_apart = accommodation
        .as_deref()
        .is_some_and(|name| asks::named_apart_from_the_question(text, name));
    let read = Understanding {
        general_info,
        unknown_question,
        aside_question,
        intent: decision.intent,
        check_in: dates.check_in,
        check_out: dates.check_out,
        guests,
        reservation_code,
        accommodation,
        accommodations: named_all,
        info_topic: signals.topic.filter(|_| decision.intent == Intent::AskInfo),
        affirmative: agreement.yes,
        no_pets: pets_left.is_some() || cues::goes_without_it(&tokens),
        follows_on,
        of_it,
        mild_yes: agreement.yes
            && !agreement.strong
            && decision.intent == Intent::Book
            && matches!(decision.evidence, intent::Evidence::Agreement { .. }),
        confidence,
        language,
        language_sure: detected.is_some_and(|(_, margin)| margin >= 2),
        // A goodbye ("chau", "nos vemos", "see you then", "até lá") closes as thanks do.
        thanks: tokens.iter().any(|t| t.is("gracias"))
            || lexicon::says_any(
                &tokens,
                &[
                    "chau",
                    "chao",
                    "adios",
                    "hasta luego",
                    "hasta pronto",
                    "nos vemos",
                ],
            ),
        described,
        compares: asks::compares(&tokens),
        asked_of,
        asked_words,
        also_described,
        if_so: if_so::detect(&tokens, accommodations),
        // "¿Qué otras fechas tenés cerca?": other dates, not another cabin for these.
        asks_other: asks::other(&tokens) && !asks_when_free,
        all_in_one: asks::all_in_one(&tokens),
        language_asked,
        asks_bot,
        asks_discount: asks::discount(&tokens),
        each_cabin: asks::each_cabin(&tokens),
        parties,
        placed,
        asks_recommendation: asks::recommendation(&tokens),
        // "Never mind", "deixa pra lá" after an offer: a no too.
        declines: agreement.no || takes_back,
        takes_back,
        which_yes: asks::which_yes(&tokens),
        // "Ya hice el pago, recién te aviso": saying they paid puts nothing off.
        defers: affirm::puts_off(&tokens) && about_hold != Some(AboutHold::Paid),
        about_hold,
        plain_yes: agreement.yes && !text.contains('?') && !text.contains('¿'),
        pleaded: signals.pleaded && decision.intent == Intent::Book,
        nudge: references::is_nudge(text, &tokens),
        night_price_too: one_night && asks::price_word(&tokens),
        refers_back: back,
        next_week: dates.check_in.is_none() && asks::next_week(&tokens),
        asks_voucher: asks::voucher(&tokens),
        asks_balance: asks::balance(&tokens),
        asks_dates: dates.check_in.is_none() && dates.month.is_none() && asks::dates(&tokens),
        asks_when_free,
        asks_code: !has_code && asks::code(&tokens),
        correction: cues::correction(&tokens) || cancelled_for,
        keeps_as_is: cues::keeps_as_is(&tokens),
        withdraws_cancel: cues::withdraws_cancel(&tokens),
        anyway: cues::anyway(&tokens),
        thinks_again: cues::thinks_again(&tokens),
        also: references::also(&tokens),
        same_dates: references::same_dates(&tokens),
        earlier_dates: references::earlier_dates(&tokens),
        those_dates: references::those_dates(&tokens),
        // "Send me an invoice in the name of ACME": whom the invoice is for, not the guest.
        name_given: name::given(text).filter(|_| !papers),
        asks_papers: papers,
        settles: references::settles(text, &tokens),
        // "Esa no" turns the option down; it does not point at it. "Del primero al tres de
        // marzo": a day, not the first option.
        choice: cues::choice(&tokens).filter(|c| {
            let turned_down = *c == Choice::ThatOne && cues::not_this_one(&tokens);
            let first_day = *c == Choice::Position(1)
                && tokens.iter().zip(&dates.consumed).any(|(t, used)| {
                    *used && t.is_any(&["primero", "primera", "primer", "1ro", "1ero"])
                });
            // "Mejor la primera fecha": the dates, not the first option.
            let first_dates = references::earlier_dates(&tokens);
            !turned_down && !first_day && !first_dates
        }),
        not_this_one: cues::not_this_one(&tokens),
        turned_down,
        pets: cues::pets(&tokens) && pets_left.is_none(),
        asked_time: cues::asked_time(&tokens).filter(|_| {
            features
                .iter()
                .any(|f| matches!(f, Feature::CheckIn | Feature::CheckOut))
        }),
        spa: features.contains(&Feature::Sauna) && tokens.iter().any(|t| t.is("spa")),
        feature: features.first().copied(),
        // Said back in the guest's own word.
        feature_words: if matches!(language, Some(Language::En | Language::Pt)) {
            said_abroad
        } else {
            cues::feature_words(&tokens)
        },
        features,
        topics: signals.topics.clone(),
        scenery: signals
            .topics
            .contains(&InfoTopic::View)
            .then(|| asks::scenery(&tokens))
            .flatten(),
        // "¿Y si cancelo con una semana de anticipación?": how early, not a stay of a week.
        nights: dates.nights.filter(|_| {
            dates.check_in.is_none()
                && extra.is_none()
                && shift.is_none()
                && !(signals.topics.contains(&InfoTopic::Cancellation)
                    && tokens.iter().any(|t| t.is_any(HOW_EARLY)))
        }),
        until: dates.until,
        until_weekday: dates.until_weekday.filter(|_| dates.until.is_some()),
        shift_days: shift,
        shift_end,
        following_week: stay_changes::following_week(&tokens) && !dates.range_over_loose,
        midweek: stay_changes::midweek(&tokens),
        says_next: stay_changes::says_next(&tokens),
        period: dates.period,
        day_only: dates.day_only && dates.check_in.is_some(),
        weekday_day_only: dates.weekday_day_only && dates.check_in.is_some(),
        weekday_only: dates.weekday_only && dates.check_in.is_some() && dates.check_out.is_none(),
        bare_weekend: dates.bare_weekend && dates.check_in.is_some(),
        weekend_wanted: dates.check_in.is_none()
            && lexicon::says_any(&tokens, &["finde", "fin de semana", "fines de semana"]),
        per_night: decision.intent == Intent::AskPrice && one_night,
        arrival_only: dates.check_in.is_some()
            && dates.check_out.is_none()
            && dates.nights.is_none()
            && (tokens.iter().any(|t| t.is_any(stay_changes::ARRIVAL_WORDS))
                || end_changed == Some(StayEnd::Arrival)),
        month: dates.month.filter(|_| dates.check_in.is_none()),
        month_year: dates
            .year
            .filter(|_| dates.check_in.is_none() && dates.month.is_some()),
        bare_number: references::bare_number(&tokens),
        extra_nights: extra,
        extra_guests: more_people,
        no_long_weekend_in: dates.no_long_weekend.filter(|_| dates.check_in.is_none()),
        year: dates
            .year
            .filter(|_| dates.check_in.is_none() && dates.month.is_none()),
        // "Ya te transferí la seña", "I sent a bank transfer": the way a payment said made went.
        pay_methods: if signals.topics.contains(&InfoTopic::Payment)
            || about_hold == Some(AboutHold::Paid)
        {
            asks::pay_methods(&tokens)
        } else {
            Vec::new()
        },
        pays_deposit: asks::deposit_not_balance(&tokens),
        apart: guests::cabins_apart_asked(&tokens),
        both_named: asks::both_wanted(&tokens),
        question: text.contains('?') || text.contains('¿'),
        asks_which: cues::asks_which(&tokens),
        which_one: cues::which_one(&tokens),
        named_apart,
        pointed_first: asks::pointed_before_the_question(
            text,
            accommodation_named.as_deref(),
            language == Some(Language::En),
        ),
        by_companion: guests == Some(2) && guests::by_companion_alone(&tokens, &dates.consumed),
    };
    about_hold::payment_arrival_read(read, &tokens)
}

/// "Entramos el 5", "entran del 3 al 6" (`dated`: the message says a date), "¿a qué hora
/// entramos?", "desde qué hora entran": the verb of arriving, followed by a date or after the
/// hour asked, with no other word of how many fit ("todos", "cuántos", "caben", "capacidad").
fn arrival_not_capacity(tokens: &[normalize::Token], dated: bool) -> bool {
    const DATE_AFTER: &[&str] = &[
        "el",
        "del",
        "dia",
        "hoy",
        "manana",
        "lunes",
        "martes",
        "miercoles",
        "jueves",
        "viernes",
        "sabado",
        "domingo",
        "este",
        "esta",
        "a",
        "desde",
    ];
    const CAPACITY: &[&str] = &[
        "todos",
        "todas",
        "cuantos",
        "cuantas",
        "caben",
        "cabemos",
        "capacidad",
        "comodos",
    ];
    const ENTER: &[&str] = &["entramos", "entran", "entro"];
    let on_a_date = dated
        && tokens
            .windows(2)
            .any(|w| w[0].is_any(ENTER) && (w[1].is_any(DATE_AFTER) || w[1].is_digits()));
    // "a qué hora entramos", "qué hora más o menos entran": the hour a few words before.
    let at_an_hour = tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(ENTER)
            && tokens[i.saturating_sub(3)..i]
                .iter()
                .any(|b| b.is_any(&["hora", "horas", "horario"]))
    });
    (on_a_date || at_an_hour) && !tokens.iter().any(|t| t.is_any(CAPACITY))
}

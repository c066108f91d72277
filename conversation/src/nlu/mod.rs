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
//! - `guests`: head count. `code`: reservation codes. `accommodation`: names.
//! - `intent/`: keyword tables, contextual cues and the ranking. `affirm`: "sí", "dale", 👍.
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
mod bridge;
mod code;
mod confidence;
mod cues;
mod dates;
mod guests;
mod intent;
mod language;
mod lexicon;
mod normalize;
mod numbers;

#[cfg(test)]
mod examples;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;

use crate::Language;

/// Below this the bot asks a clarifying question instead of guessing.
pub const CONFIDENCE_THRESHOLD: f32 = 0.6;

/// Everything read from one guest message.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Understanding {
    pub intent: Intent,
    pub check_in: Option<NaiveDate>,
    pub check_out: Option<NaiveDate>,
    pub guests: Option<u16>,
    /// "RES" + yymmdd + 3 or more digits, uppercase ("RES251215001").
    pub reservation_code: Option<String>,
    /// The entry of `accommodations` the guest named (the exact string given), if any.
    pub accommodation: Option<String>,
    /// Every entry the guest named equally ("la lenga y la coihue"); one when `accommodation`
    /// is set.
    pub accommodations: Vec<String>,
    /// Only with [`Intent::AskInfo`].
    pub info_topic: Option<InfoTopic>,
    /// The guest agrees to what was last offered ("sí", "dale", "de una", "reservá").
    pub affirmative: bool,
    /// 0.0..=1.0; see the `confidence` module for the rule.
    pub confidence: f32,
    /// The language the message is written in, when its words say so (`None` for "ok",
    /// "15/12"): the conversation keeps its own otherwise.
    pub language: Option<Language>,
    /// The message is plainly in `language` (two words or more ahead of any other): enough to
    /// switch a conversation held in another language other than the default.
    pub language_sure: bool,
    /// Thanks ("gracias", "muchas gracias", "thank you", "obrigado").
    pub thanks: bool,
    /// Information asked for in general ("quería info", "me pasás información?"), no question
    /// in particular: what a first message asking for dates and people answers.
    pub general_info: bool,
    /// A question about the place in words no table knows ("¿hay señal de celular?", "¿se
    /// puede hacer fuego?", "is there a supermarket nearby?"): for a person to answer, never
    /// the menu of what the bot can do.
    pub unknown_question: bool,
    /// The guest asks how the cabins differ ("¿cuál es la diferencia entre las dos?", "what's
    /// the difference?", "qual a diferença?").
    pub compares: bool,
    /// "La que tiene vista al lago": the words an option is pointed at by when they name no
    /// known feature, for the conversation to find in the options' descriptions.
    pub described: Option<String>,
    /// The guest asks which one we recommend ("¿vos cuál me recomendás?", "¿cuál conviene?",
    /// "which one would you recommend?", "qual você recomenda?").
    pub asks_recommendation: bool,
    /// The guest asks for something besides what was offered ("¿tenés otra?", "¿otras
    /// opciones?", "anything else?", "tem outra?").
    pub asks_other: bool,
    /// "¿La Arrayán tiene vista al lago?": a cabin named and what is asked of it, in words no
    /// feature knows (to be found in its description or amenities).
    pub asked_of: Option<(String, String)>,
    /// The guest says no ("no", "no gracias", "mejor no"): declines what is on the table.
    pub declines: bool,
    /// The guest asks for their reservation's code ("¿cuál es el código de mi reserva?",
    /// "what's my booking number?").
    pub asks_code: bool,
    /// The guest asks for the voucher or the reservation's details again ("¿me pasás el
    /// comprobante?", "can you send me the voucher?").
    pub asks_voucher: bool,
    /// Something asked or said about the guest's hold: until when it is kept, that they paid,
    /// that the payment link failed, whether it stands.
    pub about_hold: Option<AboutHold>,
    /// The guest puts the decision off ("lo pienso y te aviso", "let me think about it"): what
    /// is on the table stays there, nothing is booked.
    pub defers: bool,
    /// A yes said as no question ("sí dale, pero con cuna para el bebé"): what else it says
    /// about the place is a request that goes with the yes, not a question before it.
    pub plain_yes: bool,
    /// A booking verb with a pronoun ("reservala", "reservámela", "book it"): it points back at
    /// the cabin last talked about, as "esa" does.
    pub refers_back: bool,
    /// "¿Algo libre la semana que viene?", "next week": next week, no days said.
    pub next_week: bool,
    /// The guest corrects something said before ("perdón, me equivoqué", "al final somos 4").
    pub correction: bool,
    /// The guest keeps what they hold as it was ("dejala como estaba", "keep the original
    /// dates", "deixa como estava"): a change proposed since is dropped.
    pub keeps_as_is: bool,
    /// The guest settles on something, said as no question: "la Coihue entonces", "the Coihue
    /// then", "então a Coihue" (a pick said so is a decision, not a look).
    pub settles: bool,
    /// Something more, besides what was said before ("y también del 22 al 24", "another
    /// booking for May too", "também de 3 a 5"): with a hold, another stay, not a change of it.
    pub also: bool,
    /// "Las mismas fechas", "the same dates": the stay talked about (or held).
    pub same_dates: bool,
    /// A pick among the options on the table ("la segunda", "la más barata").
    pub choice: Option<Choice>,
    /// The option in focus is turned down, not the whole offer ("esa no", "not that one").
    pub not_this_one: bool,
    /// A pet comes along ("vamos con un perro"), or the guest asks about bringing one.
    pub pets: bool,
    /// What a yes/no question asks about ("¿tienen pileta?"): the first of `features`.
    pub feature: Option<Feature>,
    /// Everything yes/no questions ask about ("¿tienen wifi? ¿y cochera?").
    pub features: Vec<Feature>,
    /// The hour (or "late", "early") a check-in or check-out question asks about: answered
    /// yes or no against the property's times. Only with one of those features.
    pub asked_time: Option<AskedTime>,
    /// Every info topic named, whatever the intent (a stay question that also asks about pets).
    pub topics: Vec<InfoTopic>,
    /// Nights said without a check-in ("son 3 noches"): a correction of the stay's length.
    pub nights: Option<u32>,
    /// A check-out said alone ("al final nos quedamos hasta el 19"): the next such date from
    /// today; the conversation moves it after its check-in.
    pub until: Option<NaiveDate>,
    /// `until` was said as a weekday ("hasta el domingo"): the conversation takes the first
    /// such day after its check-in.
    pub until_weekday: Option<chrono::Weekday>,
    /// The whole stay moved by days ("llegamos un día después", "one day later", "un día
    /// antes": negative), the nights kept.
    pub shift_days: Option<i32>,
    /// "El finde siguiente", "la semana que sigue", "the following week": the week after the
    /// stay talked about, when there is one (the conversation moves it by seven days).
    pub following_week: bool,
    /// A holiday period the dates were taken from ("el finde largo", "Semana Santa"): the
    /// reply says which dates were assumed.
    pub period: Option<PeriodMention>,
    /// The check-in was said as a day without a month ("perdón, es del 16 al 18"): read as
    /// the next such day from today, which the conversation re-reads in the month of the stay
    /// it is talking about.
    pub day_only: bool,
    /// Only the arrival changes ("we can only arrive on the 4th", "recién llegamos el 4"): a
    /// check-in said with an arrival word and no check-out or nights, so the stay talked about
    /// keeps its check-out when that is still after it.
    pub arrival_only: bool,
    /// "¿finde?": the coming weekend said alone, which the conversation reads in the month
    /// the guest named before ("queremos ir en mayo" … "¿finde?").
    pub bare_weekend: bool,
    /// A price question about one night ("¿cuánto sale la noche?", "how much per night?",
    /// "qual o valor da diária?"), not the stay's total.
    pub per_night: bool,
    /// "?", "hola??", "hello?", "oi??": a nudge after waiting, no words but a greeting and a
    /// question mark; what was on the table is said again.
    pub nudge: bool,
    /// The price a night asked beside another question ("¿tienen para 2 del 3 al 5? ¿cuánto
    /// sale x noche?"): the offer says it too.
    pub night_price_too: bool,
    /// A month named without a day ("queremos ir en marzo"): the month later bare days fall in.
    pub month: Option<u32>,
    /// The whole message is one number ("2", "cuatro", "3 nomás"): the answer to whatever the
    /// conversation just asked (how many people, how many nights).
    pub bare_number: Option<u16>,
    /// Nights added to the stay talked about ("una noche más", "one more night", "mais uma
    /// noite"), or taken from it (negative: "una noche menos"). `nights` is then `None`.
    pub extra_nights: Option<i32>,
    /// People added (or taken) to the party said before ("se suma una persona más", "one
    /// more person", "somos uno menos"), never a party of that many.
    pub extra_guests: Option<i32>,
    /// A long weekend asked for in a month that has none in the coming year ("el finde largo
    /// de noviembre" when the 20th falls on a weekend): that month. No dates are set.
    pub no_long_weekend_in: Option<u32>,
}

/// A pick among the options offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// 1-based: "la primera" is `Position(1)`.
    Position(usize),
    Last,
    Cheapest,
    Priciest,
    Largest,
    Smallest,
    PetFriendly,
    /// "La que tiene pileta", "la de la parrilla".
    Having(Feature),
    /// "La del medio".
    Middle,
    /// "La otra": the option not in focus (of two).
    Other,
    /// "Esa", "that one", "essa": the option just talked about.
    ThatOne,
    /// "La de 6", "la para 4 personas": the one for that many people.
    Sleeps(u16),
}

/// What a yes/no question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    Pool,
    Wifi,
    Parking,
    Grill,
    Heating,
    AirConditioning,
    Jacuzzi,
    Breakfast,
    Kitchen,
    Tv,
    Linens,
    Laundry,
    /// A cot for a baby.
    Crib,
    /// A fireplace, a wood stove, firewood.
    Fireplace,
    Smoking,
    Kids,
    Pets,
    CheckIn,
    CheckOut,
}

/// What a guest asks or says about the hold they have ([`Understanding::about_hold`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AboutHold {
    /// "¿Hasta cuándo tengo para pagar?"
    Deadline,
    /// "Ya pagué."
    Paid,
    /// "No me llegó el link", "el link no anda".
    LinkMissing,
    /// "¿Sigue en pie la reserva?", "¿está confirmada?"
    Status,
}

/// When a guest asks to arrive or leave: at an hour, or late or early without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AskedTime {
    /// 0–23.
    At(u32),
    Late,
    Early,
}

/// Holiday periods guests name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    LongWeekend,
    Carnival,
    HolyWeek,
    YearEnd,
    Christmas,
    WinterHolidays,
    /// "Las fiestas": Christmas or New Year's (or both), which the guest has not said.
    Festive,
}

/// A period and the days off it was read as. With [`Period::WinterHolidays`] no stay dates
/// are set (they differ by province and are two weeks long): the bot asks which days; with
/// [`Period::Festive`] neither (Christmas, New Year's or both): the bot asks which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct PeriodMention {
    pub period: Period,
    pub first_day_off: NaiveDate,
    pub last_day_off: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    Greeting,
    CheckAvailability,
    AskPrice,
    Book,
    AskInfo,
    Cancel,
    Human,
    Unknown,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Greeting => "greeting",
            Intent::CheckAvailability => "check_availability",
            Intent::AskPrice => "ask_price",
            Intent::Book => "book",
            Intent::AskInfo => "ask_info",
            Intent::Cancel => "cancel",
            Intent::Human => "human",
            Intent::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoTopic {
    Photos,
    Amenities,
    Location,
    Pets,
    CheckInTime,
    /// How many people fit.
    Capacity,
    /// Whether children are welcome.
    Kids,
    Smoking,
    /// The cancellation policy: "¿se puede cancelar?", "si cancelo, ¿me devuelven la seña?",
    /// "what's your cancellation policy?", "posso cancelar?". A question: it never cancels.
    Cancellation,
    /// How a stay is paid: "¿cómo se paga?", "¿aceptan tarjeta?", "¿hay que dejar seña?",
    /// "can I pay by card?", "aceitam pix?".
    Payment,
    /// The shortest stay taken: "¿hay mínimo de noches?", "¿se puede una sola noche?".
    MinimumStay,
    /// Whether a price is per cabin or per person: "¿el precio es por persona?".
    PriceBasis,
}

/// Reads one guest message. `today` anchors every relative date; `accommodations` are the
/// property's names, matched case- and accent-insensitively.
/// Asking for something besides what was offered.
#[rustfmt::skip]
const ASKS_OTHER: &[&str] = &[
    "tienen otra", "tenes otra", "tenes alguna otra", "tienen alguna otra", "hay otra", "hay alguna otra",
    "otra opcion", "otras opciones", "otra cabana", "otras cabanas", "que mas tienen", "que mas tenes",
    "que otra", "que otras", "algo mas", "alguna mas", "another one", "any other", "anything else",
    "other options", "something else", "tem outra", "tem alguma outra", "outra opcao", "outras opcoes",
    "que mais",
];

/// Words that open a yes/no question about the place.
#[rustfmt::skip]
const QUESTION_LEADS: &[&str] = &[
    "hay", "tienen", "tiene", "tenes", "puedo", "podemos", "pueden", "se", "esta", "estan",
    "existe", "do", "does", "is", "are", "can", "could", "tem", "pode", "posso", "existe",
    "habra", "hace", "cuentan", "incluye",
];

/// Words of a question that asks after nothing in particular: how one is, whether someone is
/// there, whether one may ask.
#[rustfmt::skip]
const SMALL_TALK: &[&str] = &[
    "como", "estan", "estas", "andan", "anda", "tal", "bien", "todo", "alguien", "consultar",
    "consulta", "preguntar", "pregunta", "atendiendo", "atienden", "abierto", "abiertos",
    "puede", "pueden", "hacer", "there", "anyone", "someone", "doing", "open", "question",
    "tudo", "voces", "estao", "atendendo", "alguem", "perguntar", "pergunta", "pode", "posso",
    "algo", "saber", "info", "informacion", "tienen", "tiene", "tenes", "have", "does",
];

/// Greetings and fillers before a question ("hola, una consulta: ¿hay…?").
#[rustfmt::skip]
const QUESTION_PREAMBLE: &[&str] = &[
    "hola", "buenas", "buen", "dia", "dias", "tardes", "noches", "che", "una", "consulta",
    "pregunta", "y", "ah", "otra", "hi", "hello", "oi", "ola", "and", "e",
];

pub fn understand(text: &str, today: NaiveDate, accommodations: &[&str]) -> Understanding {
    let (reservation_code, rest) = code::extract(text);
    let written = normalize::tokenize(&rest);
    let back = refers_back(&written);
    let detected = language::detect_with_margin(&written);
    let language = detected.map(|(l, _)| l);
    let tokens = bridge::to_spanish_from(written, language == Some(Language::En));
    let mut dates = dates::extract(&tokens, today);
    stretch_period(&tokens, &mut dates);
    let guests = guests::extract(&tokens, &dates.consumed);
    let accommodation = accommodation::find(&tokens, accommodations);
    let named_all = accommodation::find_all(&tokens, accommodations);
    let agreement = affirm::detect(&tokens);
    let mut signals = intent::detect(&tokens);
    let ctx = intent::Context {
        has_dates: dates.check_in.is_some(),
        has_entities: dates.check_in.is_some() || guests.is_some(),
        agrees: agreement.yes,
        agrees_strongly: agreement.strong,
    };
    let features = cues::features(&tokens);
    let mut decision = intent::decide(&signals, ctx);
    // A yes/no question about the place in words no cue names ("¿hay donde estacionar?",
    // "¿se admiten niños?"): a question about the place, as sure as a weak cue.
    if decision.intent == Intent::Unknown && !features.is_empty() {
        decision = intent::Decision {
            intent: Intent::AskInfo,
            evidence: intent::Evidence::Cue(intent::Strength::Weak, lexicon::Quality::Exact),
            contested: false,
        };
    }
    // "Cambiame a la Ñire que tiene jacuzzi": the feature describes the place the guest wants,
    // it is no question about it ("¿cuál es la que tiene jacuzzi?" still asks).
    // "Pasame a la Coihue que sale menos": the price says why, when the guest moves to it.
    let moves = tokens.iter().any(|t| t.is_any(MOVE_TO));
    let price_says_why = decision.intent == Intent::AskPrice
        && moves
        && !tokens
            .iter()
            .any(|t| t.is_any(&["cuanto", "cuanta", "precio"]));
    if (decision.intent == Intent::AskInfo || price_says_why)
        && !tokens
            .iter()
            .any(|t| t.is_any(&["cual", "cuales", "which", "qual"]))
        && accommodation
            .as_deref()
            .is_some_and(|name| accommodation::described(&tokens, name))
    {
        decision = intent::Decision {
            intent: Intent::Unknown,
            evidence: intent::Evidence::Nothing,
            contested: false,
        };
    }
    // "Cambiame a la Coihue que vamos con el perro", "mejor la del jacuzzi": a move to a place
    // named or pointed at, said as no question, is the guest choosing it; the pets or the
    // feature say why ("¿mejor la del jacuzzi?" and "¿cuál tiene jacuzzi?" still ask).
    // "Can we switch to the pet friendly one?", "pode trocar para o que tem hidromassagem?": a
    // verb of moving asks for the move even as a question.
    let switches = tokens.iter().any(|t| t.is_any(SWITCH_TO));
    let prefers = moves || tokens.iter().any(|t| t.is_any(PREFER));
    if decision.intent == Intent::AskInfo
        && (switches || prefers && !text.contains('?') && !text.contains('¿'))
        && !tokens.iter().enumerate().any(|(i, t)| {
            t.is_any(&["cual", "cuales", "which", "qual", "hay"])
                || t.is_any(&["tiene", "tienen"])
                    && !i
                        .checked_sub(1)
                        .is_some_and(|p| tokens[p].is_any(&["que", "q", "k"]))
        })
        && (accommodation.is_some() || cues::choice(&tokens).is_some())
    {
        decision = intent::Decision {
            intent: Intent::Unknown,
            evidence: intent::Evidence::Nothing,
            contested: false,
        };
    }
    // "Sacá la Arrayán", "borrá la del Ñire", "remove the Arrayán": one cabin taken out of what
    // the guest holds, a cancellation of it (not "sacale un día", which is about the nights).
    #[rustfmt::skip]
    const TAKE_OUT: &[&str] = &[
        "saca", "sacame", "sacanos", "quita", "quitame", "borra", "borrame", "elimina",
        "eliminame", "remove", "drop", "tira", "tirame", "retira",
    ];
    if accommodation.is_some()
        && dates.check_in.is_none()
        && dates.nights.is_none()
        && tokens.iter().any(|t| t.is_any(TAKE_OUT))
        && matches!(
            decision.intent,
            Intent::Unknown | Intent::CheckAvailability | Intent::Book
        )
    {
        decision = intent::Decision {
            intent: Intent::Cancel,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: false,
        };
    }
    // "Quiero la Coihue del 2 al 5", "quero o chalé Ñire de 12 a 15 de janeiro": the guest asks
    // for that place on those dates, a request to hold it, not a question whether it is free;
    // "quero o chalé Ñire" alone, the same request still without its dates.
    if (decision.intent == Intent::CheckAvailability && dates.check_in.is_some()
        || decision.intent == Intent::Unknown)
        && !agreement.no
        && accommodation
            .as_deref()
            .is_some_and(|name| accommodation::wanted(&tokens, name))
    {
        decision = intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: decision.contested,
        };
    }
    // Two cabins named and nothing else understood ("entre la Coihue y la Ñire, ¿cuál me
    // recomendás?", "¿la Coihue o la Ñire?"): they are being compared, so what each has.
    if decision.intent == Intent::Unknown && named_all.len() > 1 {
        decision = intent::Decision {
            intent: Intent::AskInfo,
            evidence: intent::Evidence::Cue(intent::Strength::Weak, lexicon::Quality::Exact),
            contested: false,
        };
        signals.topic = Some(InfoTopic::Amenities);
        signals.topics.push(InfoTopic::Amenities);
    }
    // "Cuna para el bebé": the cot asked for, not whether children are welcome.
    if features.contains(&Feature::Crib) {
        signals.topics.retain(|t| *t != InfoTopic::Kids);
        if signals.topic == Some(InfoTopic::Kids) {
            signals.topic = signals.topics.first().copied();
        }
    }
    let empty = tokens.is_empty() && reservation_code.is_none();
    let has_code = reservation_code.is_some();
    let shift = shift_days(&tokens).filter(|_| dates.check_in.is_none());
    let confidence = confidence::score(&decision, &dates, empty);
    let extra = extra_nights(&tokens).filter(|_| dates.check_in.is_none());
    // "una persona más" alone adds to the party; "somos 2 más un bebé" is the whole party.
    let more_people = extra_guests(&tokens)
        .filter(|n| guests.is_none_or(|g| i32::from(g) == n.abs()) && extra.is_none());
    // "se suman dos amigos, somos 4": the people added and the whole party; the party wins.
    let whole = more_people.and_then(|n| party_said(&tokens).filter(|t| i32::from(*t) != n.abs()));
    let more_people = more_people.filter(|_| whole.is_none());
    let guests = whole.or(guests.filter(|_| more_people.is_none()));
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
    let unknown_question = matches!(decision.intent, Intent::Unknown | Intent::Greeting)
        && (text.contains('?') || text.contains('¿'))
        && dates.check_in.is_none()
        && guests.is_none()
        && accommodation.is_none()
        && tokens
            .iter()
            .filter(|t| !t.is_any(QUESTION_PREAMBLE))
            .take(2)
            .any(|t| t.is_any(QUESTION_LEADS))
        // Something asked about ("señal", "generador"), not small talk ("¿cómo están?", "¿hay
        // alguien?", "¿se puede consultar?").
        && tokens.iter().any(|t| {
            t.text.chars().count() >= 4
                && t.is_alpha()
                && !t.is_any(SMALL_TALK)
                && !t.is_any(QUESTION_PREAMBLE)
                && !t.is_any(QUESTION_LEADS)
        });
    let asked_of = accommodation
        .as_ref()
        .filter(|_| {
            (text.contains('?') || text.contains('¿'))
                && features.is_empty()
                && decision.intent == Intent::Unknown
        })
        .and_then(|name| accommodation::asked_of(&tokens, name).map(|words| (name.clone(), words)));
    Understanding {
        general_info,
        unknown_question,
        intent: decision.intent,
        check_in: dates.check_in,
        check_out: dates.check_out,
        guests,
        reservation_code,
        accommodation,
        accommodations: named_all,
        info_topic: signals.topic.filter(|_| decision.intent == Intent::AskInfo),
        affirmative: agreement.yes,
        confidence,
        language,
        language_sure: detected.is_some_and(|(_, margin)| margin >= 2),
        thanks: tokens.iter().any(|t| t.is("gracias")),
        described: cues::described(&tokens),
        compares: tokens.iter().any(|t| t.is_any(COMPARE_WORDS))
            || lexicon::find_phrase(&tokens, "de distinto").is_some(),
        asked_of,
        asks_other: ASKS_OTHER
            .iter()
            .any(|p| lexicon::find_phrase(&tokens, p).is_some()),
        asks_recommendation: tokens.iter().any(|t| t.is_any(RECOMMEND_WORDS))
            || [
                "cual conviene",
                "cual me conviene",
                "cual nos conviene",
                "cual es mas linda",
                "cual es mejor",
                "cual es la mejor",
                "cual esta mejor",
                "cual es la mas linda",
                "cual elegirias",
                "vos cual",
                "which one would you",
            ]
            .iter()
            .any(|p| lexicon::find_phrase(&tokens, p).is_some()),
        declines: agreement.no,
        defers: affirm::puts_off(&tokens),
        about_hold: about_hold::detect(&tokens),
        plain_yes: agreement.yes && !text.contains('?') && !text.contains('¿'),
        nudge: is_nudge(text, &tokens),
        night_price_too: per_night(&tokens)
            && tokens.iter().any(|t| {
                t.is_any(&[
                    "cuanto", "precio", "sale", "cuesta", "valor", "tarifa", "much", "price",
                    "cost", "quanto", "preco", "custa",
                ])
            }),
        refers_back: back,
        next_week: dates.check_in.is_none()
            && [
                "semana que viene",
                "proxima semana",
                "next week",
                "semana que vem",
            ]
            .iter()
            .any(|p| lexicon::find_phrase(&tokens, p).is_some()),
        asks_voucher: [
            "comprobante",
            "voucher",
            "comprovante",
            "datos de la reserva",
            "datos de mi reserva",
            "detalle de la reserva",
            "detalles de la reserva",
            "booking details",
            "reservation details",
        ]
        .iter()
        .any(|p| lexicon::find_phrase(&tokens, p).is_some()),
        asks_code: !has_code
            && [
                "codigo",
                "code",
                "numero de reserva",
                "booking number",
                "localizador",
            ]
            .iter()
            .any(|p| lexicon::find_phrase(&tokens, p).is_some()),
        correction: cues::correction(&tokens),
        keeps_as_is: cues::keeps_as_is(&tokens),
        // Not a change said with it ("cambiala al 22 y también somos 3").
        also: !tokens.iter().any(|t| t.is_any(SWITCH_TO) || t.is("cambia"))
            && (tokens
                .iter()
                .any(|t| t.is_any(&["tambien", "tambem", "also", "ademas", "aparte"]))
                || [
                    "as well",
                    "otra reserva",
                    "another reserva",
                    "another booking",
                    "otra mas",
                ]
                .iter()
                .any(|p| lexicon::find_phrase(&tokens, p).is_some())
                || guests::for_another_pair(&tokens)),
        same_dates: [
            "mismas fechas",
            "mismos dias",
            "same dates",
            "same days",
            "mesmas datas",
            "mesmos dias",
        ]
        .iter()
        .any(|p| lexicon::find_phrase(&tokens, p).is_some()),
        settles: !text.contains('?')
            && !text.contains('¿')
            && [tokens.first(), tokens.last()]
                .into_iter()
                .flatten()
                .any(|t| t.is_any(&["entonces", "then", "entao"])),
        // "Esa no" turns the option down; it does not point at it. "Del primero al tres de
        // marzo": a day, not the first option.
        choice: cues::choice(&tokens).filter(|c| {
            let turned_down = *c == Choice::ThatOne && cues::not_this_one(&tokens);
            let first_day = *c == Choice::Position(1)
                && tokens.iter().zip(&dates.consumed).any(|(t, used)| {
                    *used && t.is_any(&["primero", "primera", "primer", "1ro", "1ero"])
                });
            !turned_down && !first_day
        }),
        not_this_one: cues::not_this_one(&tokens),
        pets: cues::pets(&tokens),
        asked_time: cues::asked_time(&tokens).filter(|_| {
            features
                .iter()
                .any(|f| matches!(f, Feature::CheckIn | Feature::CheckOut))
        }),
        feature: features.first().copied(),
        features,
        topics: signals.topics.clone(),
        nights: dates
            .nights
            .filter(|_| dates.check_in.is_none() && extra.is_none() && shift.is_none()),
        until: dates.until,
        until_weekday: dates.until_weekday.filter(|_| dates.until.is_some()),
        shift_days: shift,
        following_week: following_week(&tokens),
        period: dates.period,
        day_only: dates.day_only && dates.check_in.is_some(),
        bare_weekend: dates.bare_weekend && dates.check_in.is_some(),
        per_night: decision.intent == Intent::AskPrice && per_night(&tokens),
        arrival_only: dates.check_in.is_some()
            && dates.check_out.is_none()
            && dates.nights.is_none()
            && tokens.iter().any(|t| t.is_any(ARRIVAL_WORDS)),
        month: dates.month.filter(|_| dates.check_in.is_none()),
        bare_number: bare_number(&tokens),
        extra_nights: extra,
        extra_guests: more_people,
        no_long_weekend_in: dates.no_long_weekend.filter(|_| dates.check_in.is_none()),
    }
}

/// Words that ask for a recommendation.
#[rustfmt::skip]
const RECOMMEND_WORDS: &[&str] = &[
    "recomendas", "recomienda", "recomiendan", "recomendarias", "recomendaria",
    "recommend", "recomenda", "sugeris", "sugeririas", "aconsejas",
];

/// Verbs that move the guest to a place ("pasame a la Coihue", "cambianos a la Lenga").
#[rustfmt::skip]
const MOVE_TO: &[&str] = &[
    "pasame", "pasanos", "pasala", "cambiame", "cambianos", "cambiala", "mudame", "mudanos",
    "movela", "prefiero", "preferimos", "mejor",
];

/// Verbs that ask to move a stay elsewhere, in the guest's words or the bridge's.
#[rustfmt::skip]
const SWITCH_TO: &[&str] = &[
    "pasame", "pasanos", "pasala", "cambiame", "cambianos", "cambiala", "mudame", "mudanos",
    "movela", "switch", "change", "move", "trocar", "troca", "troque", "mudar", "muda", "mude",
    "cambiar", "pasar", "cambiarnos", "pasarnos",
];

/// Words that say the guest would rather have another place.
const PREFER: &[&str] = &["melhor", "prefiro", "instead", "rather", "prefer"];

/// Words that ask how the cabins differ (Portuguese "diferença" folds to "diferenca").
const COMPARE_WORDS: &[&str] = &[
    "diferencia",
    "diferencias",
    "diferencian",
    "difference",
    "differences",
    "diferenca",
    "diferencas",
    "comparar",
    "comparame",
    "compararlas",
];

/// Words that say the day is the arrival ("llegamos el 4", "arrive on the 4th" bridged).
const ARRIVAL_WORDS: &[&str] = &[
    "llegamos",
    "llegar",
    "llego",
    "llegariamos",
    "llegaremos",
    "llegada",
    "llegando",
];

/// A message that is one number and at most filler words ("2", "3 nomás", "cuatro porfa"),
/// also as an email reads it: after the subject ("Consulta") or a greeting, before the
/// signature ("Saludos, Ana").
fn bare_number(tokens: &[normalize::Token]) -> Option<u16> {
    const LEAD: &[&str] = &[
        "consulta",
        "consultas",
        "re",
        "hola",
        "buenas",
        "buenos",
        "buen",
        "dia",
        "dias",
        "tardes",
        "noches",
        "somos",
        // a correction: "ah no, perdón, 5", "al final 3", "sorry, 4"
        "ah",
        "no",
        "perdon",
        "perdona",
        "disculpa",
        "mejor",
        "al",
        "final",
        "uy",
        "ups",
        "sorry",
        "actually",
        "desculpa",
        "eran",
        "son",
    ];
    const FILLER: &[&str] = &[
        "nomas",
        "solo",
        "solamente",
        "porfa",
        "total",
        "en",
        "y",
        "bueno",
        "eh",
        "personas",
    ];
    const SIGN_OFF: &[&str] = &["gracias", "saludos", "slds", "abrazo", "atte"];
    let start = tokens.iter().position(|t| !t.is_any(LEAD))?;
    let n = numbers::parse_at(tokens, start).filter(|n| !n.ordinal)?;
    let rest = &tokens[start + n.len..];
    let signed_off = rest
        .iter()
        .position(|t| t.is_any(SIGN_OFF))
        .unwrap_or(rest.len());
    let rest_is_filler = rest[..signed_off].iter().all(|t| t.is_any(FILLER));
    (rest_is_filler && (1..=60).contains(&n.value))
        .then(|| u16::try_from(n.value).ok())
        .flatten()
}

/// Words a nudge may carry besides question marks: greetings and calls for attention.
const NUDGE_WORDS: &[&str] = &[
    "hola", "buenas", "buen", "dia", "hello", "hi", "hey", "ey", "oi", "ola", "ole", "alo", "che",
    "y", "entonces", "and", "so", "e", "ahi", "there", "alguien", "anyone", "someone", "alguem",
    "estan", "are", "you", "hay",
];

/// "?", "hola??", "hello? anyone there?": only greetings and a question mark.
fn is_nudge(text: &str, tokens: &[normalize::Token]) -> bool {
    text.contains('?') && tokens.len() <= 4 && tokens.iter().all(|t| t.is_any(NUDGE_WORDS))
}

/// "La noche", "por noche", "per night", "a night", "each night", "da diária" (the bridge
/// reads "diária" as "noche"), "nightly": one night's price, not the stay's ("esta noche" is
/// tonight).
fn per_night(tokens: &[normalize::Token]) -> bool {
    const BEFORE: &[&str] = &[
        "la", "por", "per", "a", "each", "every", "cada", "da", "one",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        t.is("nightly")
            || (t.is("noche")
                && i.checked_sub(1)
                    .and_then(|b| tokens.get(b))
                    .is_some_and(|b| b.is_any(BEFORE)))
    })
}

/// "Una noche más", "dos noches más", "una noche menos", "agregame una noche", "one more
/// night", "an extra night", "mais uma noite", "uma noite a mais": nights added (or taken).
fn extra_nights(tokens: &[normalize::Token]) -> Option<i32> {
    const MORE: &[&str] = &[
        "mas",
        "more",
        "mais",
        "extra",
        "adicional",
        "adicionales",
        "longer",
    ];
    const LESS: &[&str] = &["menos", "less", "fewer"];
    const ADD: &[&str] = &[
        "agregar",
        "agregame",
        "agregale",
        "agregamos",
        "sumar",
        "sumame",
        "sumale",
        "sumamos",
        "extender",
        "extendela",
        "alargar",
        "add",
        "adicionar",
    ];
    // "sacale un día", "quitame una noche": nights taken.
    const REMOVE: &[&str] = &[
        "sacar",
        "sacale",
        "sacame",
        "sacamos",
        "quitar",
        "quitale",
        "quitame",
        "restale",
        "restame",
        "descontale",
        "acortar",
        "acortala",
        "remove",
        "tirar",
    ];
    // "dos días más", "one more day": days added to a stay are nights.
    let is_night = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.is_any(&["noche", "noches", "dia", "dias", "day", "days"]))
    };
    let count_at = |i: usize| -> Option<(i32, usize)> {
        let t = tokens.get(i)?;
        if t.is_any(&[
            "una", "un", "uno", "one", "an", "another", "otra", "uma", "um",
        ]) {
            return Some((1, 1));
        }
        let n = numbers::parse_at(tokens, i).filter(|n| !n.ordinal && n.value <= 14)?;
        Some((i32::try_from(n.value).ok()?, n.len))
    };
    let word_at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| t.is_any(list));
    for i in 0..tokens.len() {
        // "mais uma noite", "more two nights"
        if word_at(i, MORE)
            && let Some((n, len)) = count_at(i + 1)
            && is_night(i + 1 + len)
        {
            return Some(n);
        }
        let Some((n, len)) = count_at(i) else {
            continue;
        };
        // "one more night", "una extra noche"
        if word_at(i + len, MORE) && is_night(i + len + 1) {
            return Some(n);
        }
        if !is_night(i + len) {
            continue;
        }
        let after = i + len + 1;
        // "una noche más", "uma noite a mais", "una noche menos"
        let skip_a = usize::from(word_at(after, &["a"]));
        // Not "3 días más o menos" (about three).
        if word_at(after + skip_a, MORE) && !word_at(after + skip_a + 1, &["o"]) {
            return Some(n);
        }
        if word_at(after, LESS) {
            return Some(-n);
        }
        // "agregame una noche", "sumale 2 noches"
        if i.checked_sub(1).is_some_and(|p| word_at(p, ADD)) {
            return Some(n);
        }
        if i.checked_sub(1).is_some_and(|p| word_at(p, REMOVE)) {
            return Some(-n);
        }
    }
    None
}

/// "El finde largo de octubre pero llegamos un día antes", "para carnaval, nos vamos un día
/// después", "semana santa y nos quedamos una noche más": a holiday's stay stretched (or
/// shortened) at the end the guest names: the arrival, unless they speak of leaving or
/// staying.
fn stretch_period(tokens: &[normalize::Token], dates: &mut dates::DateInfo) {
    const LEAVING: &[&str] = &[
        "vamos",
        "irnos",
        "salimos",
        "volvemos",
        "quedamos",
        "quedarnos",
        "quedaremos",
        "leave",
        "stay",
        "saimos",
        "ficamos",
    ];
    let (Some(p), Some(check_in), Some(check_out)) =
        (dates.period, dates.check_in, dates.check_out)
    else {
        return;
    };
    // Only the period's own stay: days the guest said ("llegamos el jueves") are already theirs.
    let eve = p.first_day_off - chrono::Duration::days(1);
    if check_out != p.last_day_off || check_in < eve || check_in > p.first_day_off {
        return;
    }
    let days = |n: i32| chrono::Duration::days(i64::from(n));
    let (mut check_in, mut check_out) = (check_in, check_out);
    if let Some(n) = shift_days(tokens) {
        if tokens.iter().any(|t| t.is_any(LEAVING)) {
            check_out += days(n);
        } else {
            check_in += days(n);
        }
    }
    if let Some(n) = extra_nights(tokens) {
        check_out += days(n);
    }
    if check_in < check_out {
        dates.check_in = Some(check_in);
        dates.check_out = Some(check_out);
    }
}

/// "Llegamos un día después", "un día más tarde", "one day later", "um dia depois", "un día
/// antes", "correrla un día", "adelantarla un día", "una semana después", "a week later": the
/// stay moved by that many days (negative: earlier), never nights added.
fn shift_days(tokens: &[normalize::Token]) -> Option<i32> {
    const LATER: &[&str] = &["despues", "later", "depois", "luego"];
    const EARLIER: &[&str] = &["antes", "earlier", "before"];
    const PUSH: &[&str] = &[
        "correr",
        "correrla",
        "correla",
        "corremos",
        "atrasar",
        "atrasarla",
        "atrasala",
        "postergar",
        "postergarla",
        "postergala",
        "push",
        "mover",
        "movela",
        "moverla",
    ];
    const PULL: &[&str] = &["adelantar", "adelantarla", "adelantala", "adelantamos"];
    let word_at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| t.is_any(list));
    for i in 0..tokens.len() {
        let n = if word_at(i, &["un", "una", "uno", "one", "a", "um", "uma"]) {
            (1, 1)
        } else {
            match numbers::parse_at(tokens, i).filter(|n| !n.ordinal && n.value <= 7) {
                Some(n) => (i32::try_from(n.value).ok()?, n.len),
                None => continue,
            }
        };
        let (count, len) = n;
        // "una semana después", "a week later": seven days each.
        let count = if word_at(i + len, &["semana", "semanas", "week", "weeks"]) {
            count * 7
        } else if word_at(i + len, &["dia", "dias", "day", "days"]) {
            count
        } else {
            continue;
        };
        let after = i + len + 1;
        // "un día más tarde", "one day later", "um dia depois"
        let skip_mas = usize::from(word_at(after, &["mas", "more", "mais"]));
        if word_at(after + skip_mas, LATER)
            || word_at(after, &["mas"]) && word_at(after + 1, &["tarde"])
        {
            return Some(count);
        }
        if word_at(after, EARLIER) {
            return Some(-count);
        }
        let before = |k: usize, list: &[&str]| i.checked_sub(k).is_some_and(|p| word_at(p, list));
        if (1..=3).any(|k| before(k, PUSH)) {
            return Some(count);
        }
        if (1..=3).any(|k| before(k, PULL)) {
            return Some(-count);
        }
    }
    None
}

/// "somos 4", "seríamos 5", "quedamos 6", "en total 4": the whole party said with its verb.
fn party_said(tokens: &[normalize::Token]) -> Option<u16> {
    const WHOLE: &[&str] = &[
        "somos",
        "seriamos",
        "seremos",
        "quedamos",
        "quedariamos",
        "total",
        "we're",
        "were",
        "seremos",
        "somos",
    ];
    (0..tokens.len()).find_map(|i| {
        if !tokens[i].is_any(WHOLE) {
            return None;
        }
        let n = numbers::parse_at(tokens, i + 1).filter(|n| !n.ordinal)?;
        u16::try_from(n.value).ok().filter(|v| (1..=60).contains(v))
    })
}

/// "El finde siguiente", "la semana que sigue", "el fin de semana de después", "the following
/// weekend", "a semana seguinte".
fn following_week(tokens: &[normalize::Token]) -> bool {
    const WEEK: &[&str] = &["semana", "finde", "week", "weekend"];
    const AFTER: &[&str] = &["siguiente", "sigue", "despues", "posterior", "seguinte"];
    tokens.iter().enumerate().any(|(i, t)| {
        let next = |k: usize| tokens.get(i + k);
        (t.is_any(WEEK) && (1..=3).any(|k| next(k).is_some_and(|n| n.is_any(AFTER))))
            || (t.is("following") && next(1).is_some_and(|n| n.is_any(WEEK)))
    })
}

/// "Una persona más", "se suma uno más", "dos adultos más", "one more person", "another
/// guest", "mais uma pessoa", "somos uno menos": people added to (or taken from) the party.
fn extra_guests(tokens: &[normalize::Token]) -> Option<i32> {
    const MORE: &[&str] = &["mas", "more", "mais", "extra", "another", "otra", "otro"];
    const LESS: &[&str] = &["menos", "less", "fewer"];
    const PEOPLE: &[&str] = &[
        "persona",
        "personas",
        "adulto",
        "adultos",
        "huesped",
        "huespedes",
        "chico",
        "chicos",
        "nene",
        "nena",
        "nenes",
        "bebe",
        "amigo",
        "amiga",
        "amigos",
        "amigas",
        "guest",
    ];
    // "somos 4 personas más el perro": a whole party and something else.
    let something_follows = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.is_any(&[
                "el", "la", "los", "las", "un", "una", "mi", "mis", "nuestro", "nuestra",
                // "we're 2 + a small dog", "somos 2 mais o cachorro"
                "a", "an", "our", "my", "o", "nosso", "nossa",
                // "para 4 personas + mascota": a pet is no guest
                "mascota", "mascotas", "perro", "perros", "perrito", "perra", "gato", "pet", "dog",
                "cachorro",
            ]) || numbers::parse_at(tokens, i).is_some()
        })
    };
    // "somos uno más", "se suma uno", "viene una más": the count alone, after these.
    const JOINS: &[&str] = &[
        "somos",
        "seriamos",
        "seremos",
        "suma",
        "sumamos",
        "suman",
        "viene",
        "vienen",
        "agrega",
        "agregamos",
        "add",
        "be",
    ];
    // "se suman dos", "se agregan 2 amigos", "se nos suman tres".
    const ADDS: &[&str] = &[
        "suma", "suman", "agrega", "agregan", "prende", "prenden", "unen",
    ];
    #[rustfmt::skip]
    const PARTY_NOUNS: &[&str] = &[
        "mas", "primos", "primas", "amigos", "amigas", "chicos", "nenes", "hermanos", "tios",
        "parientes", "companeros",
    ];
    let word_at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| t.is_any(list));
    let count_at = |i: usize| -> Option<(i32, usize)> {
        let t = tokens.get(i)?;
        if t.is_any(&["una", "un", "uno", "one", "an", "uma", "um"]) {
            return Some((1, 1));
        }
        let n = numbers::parse_at(tokens, i).filter(|n| !n.ordinal && n.value <= 10)?;
        Some((i32::try_from(n.value).ok()?, n.len))
    };
    for i in 0..tokens.len() {
        // "one more person", "another guest", "mais uma pessoa"
        if word_at(i, MORE) {
            let (n, len) = count_at(i + 1).unwrap_or((1, 0));
            let lead = word_at(i, &["another", "otra", "otro"]);
            if word_at(i + 1 + len, PEOPLE) && (len > 0 || lead) {
                return Some(n);
            }
        }
        let Some((n, len)) = count_at(i) else {
            continue;
        };
        let after = i + len;
        // "one more person", "una persona más", "uma pessoa a mais", "dos adultos menos"
        if word_at(after, MORE) && word_at(after + 1, PEOPLE) {
            return Some(n);
        }
        let (noun, next) = if word_at(after, PEOPLE) {
            (true, after + 1)
        } else {
            (false, after)
        };
        // "se suman dos amigos", "se agrega una persona": joining is adding, "más" or not.
        let adds = i.checked_sub(1).is_some_and(|p| word_at(p, ADDS))
            && i.checked_sub(2).is_some_and(|p| word_at(p, &["se", "nos"]));
        if adds && (noun || word_at(next, PARTY_NOUNS) || next >= tokens.len()) {
            return Some(n);
        }
        let joined = i.checked_sub(1).is_some_and(|p| word_at(p, JOINS));
        if !noun && !joined {
            continue;
        }
        let skip_a = usize::from(word_at(next, &["a"]));
        if word_at(next + skip_a, MORE) && !something_follows(next + skip_a + 1) {
            return Some(n);
        }
        if word_at(next, LESS) && !something_follows(next + 1) {
            return Some(-n);
        }
    }
    None
}

/// The line `fleetctl nlu` prints, fields in this order.
#[derive(Serialize)]
struct JsonLine {
    intent: &'static str,
    check_in: Option<String>,
    check_out: Option<String>,
    guests: Option<u16>,
    confidence: f32,
    language: &'static str,
}

/// One JSON line for `fleetctl nlu`:
/// `{"intent":..,"check_in":"YYYY-MM-DD"|null,"check_out":..|null,"guests":n|null,"confidence":0.xx,"language":"es"|"en"|"pt"}`
/// (a message without words of any language says "es", the default).
pub fn to_json_line(u: &Understanding) -> String {
    let line = JsonLine {
        intent: u.intent.as_str(),
        check_in: u.check_in.map(|d| d.format("%Y-%m-%d").to_string()),
        check_out: u.check_out.map(|d| d.format("%Y-%m-%d").to_string()),
        guests: u.guests,
        confidence: (u.confidence * 100.0).round() / 100.0,
        language: u.language.unwrap_or_default().as_str(),
    };
    // Serializing plain strings and numbers cannot fail; keep a valid line regardless.
    serde_json::to_string(&line)
        .unwrap_or_else(|_| format!("{{\"intent\":\"{}\"}}", u.intent.as_str()))
}

/// "Reservala", "reservámela", "la quiero", "book it", "reserva ela": a booking verb with a
/// pronoun for the cabin (read on the words as written, before the bridge).
fn refers_back(tokens: &[normalize::Token]) -> bool {
    const CLITIC: &[&str] = &[
        "reservala",
        "reservalo",
        "reservamela",
        "reservamelo",
        "reservanosla",
        "reservanoslo",
        "reservela",
        "reservelo",
        "resermela",
        "agendala",
        "agendamela",
        "bloqueala",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        let next = |w: &[&str]| tokens.get(i + 1).is_some_and(|n| n.is_any(w));
        t.is_any(CLITIC)
            || (t.is("book") && next(&["it"]))
            || (t.is_any(&["reserva", "reserve", "reservar"]) && next(&["ela", "essa"]))
            || (t.is("la") && next(&["quiero", "queremos", "reservo"]))
    })
}

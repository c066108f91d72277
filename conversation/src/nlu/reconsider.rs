//! Second thoughts on the intent, from what else the message says: a yes/no question in
//! words no cue names, a move to a cabin said with why ("cambiame a la Ñire que tiene
//! jacuzzi"), a cabin taken out of a hold ("sacá la Arrayán"), a cabin wanted on dates ("quiero
//! la Coihue del 2 al 5"), two cabins named and nothing else (a comparison), a cot asked for.
//!
//! Each rule reads only this message; what it means for the conversation is the policy's.

use super::affirm::Affirmation;
use super::dates::DateInfo;
use super::intent::{self, Decision, Signals};
use super::normalize::Token;
use super::{Feature, InfoTopic, Intent, accommodation, cues, lexicon};

/// Verbs that move the guest to a place ("pasame a la Coihue", "cambianos a la Lenga").
#[rustfmt::skip]
const MOVE_TO: &[&str] = &[
    "pasame", "pasanos", "pasala", "cambiame", "cambianos", "cambiala", "mudame", "mudanos",
    "movela", "prefiero", "preferimos", "mejor",
];

/// Verbs that ask to move a stay elsewhere, in the guest's words or the bridge's.
#[rustfmt::skip]
pub(super) const SWITCH_TO: &[&str] = &[
    "pasame", "pasanos", "pasala", "cambiame", "cambianos", "cambiala", "mudame", "mudanos",
    "movela", "switch", "change", "move", "trocar", "troca", "troque", "mudar", "muda", "mude",
    "cambiar", "pasar", "cambiarnos", "pasarnos",
];

/// Words that say the guest would rather have another place.
/// "Actually we want the one with the jacuzzi", "en realidad queremos la del jacuzzi": a want
/// said of an option pointed at is a preference too.
const PREFER: &[&str] = &[
    "melhor",
    "prefiro",
    "instead",
    "rather",
    "prefer",
    "queremos",
    "quiero",
    "quisiera",
    "quisieramos",
    "quero",
    // "Perdón, quería la del jacuzzi", "me confundí, preferíamos la más grande": the want
    // said in the past of politeness or of a mistake owned.
    "queria",
    "queriamos",
    "preferia",
    "preferiamos",
    "preferiria",
    "elijo",
    "elegimos",
];

/// What `reconsider` reads besides the first decision.
pub(super) struct Read<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) dates: &'a DateInfo,
    pub(super) accommodation: Option<&'a str>,
    /// How many cabins the message names.
    pub(super) named: usize,
    pub(super) agreement: Affirmation,
    pub(super) features: &'a [Feature],
}

/// The intent after the rules above; `signals` gains the topics a rule implies.
pub(super) fn reconsider(
    mut decision: Decision,
    signals: &mut Signals,
    read: &Read<'_>,
) -> Decision {
    let Read {
        text,
        tokens,
        dates,
        accommodation,
        named,
        agreement,
        features,
    } = *read;
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
        && accommodation.is_some_and(|name| accommodation::described(tokens, name))
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
    // "Quería saber si la del jacuzzi…", "quería consultar por la más grande": asks, not wants.
    let asks_to_know = tokens.iter().any(|t| {
        t.is_any(&[
            "saber",
            "consultar",
            "preguntar",
            "preguntarte",
            "know",
            "ask",
        ])
    });
    let prefers = moves || tokens.iter().any(|t| t.is_any(PREFER)) && !asks_to_know;
    // "Pasame info de la Lenga", "quiero fotos de la Coihue": what is asked to be sent, no move.
    let sent = tokens.iter().any(|t| {
        t.is_any(&[
            "info",
            "informacion",
            "fotos",
            "foto",
            "fotitos",
            "detalles",
            "datos",
            "videos",
            "video",
        ])
    });
    if decision.intent == Intent::AskInfo
        && !sent
        && (switches || prefers && !text.contains('?') && !text.contains('¿'))
        && !tokens.iter().enumerate().any(|(i, t)| {
            t.is_any(&["cual", "cuales", "which", "qual", "hay"])
                || t.is_any(&["tiene", "tienen"])
                    && !i
                        .checked_sub(1)
                        .is_some_and(|p| tokens[p].is_any(&["que", "q", "k"]))
        })
        && (accommodation.is_some() || cues::choice(tokens).is_some())
    {
        decision = intent::Decision {
            intent: Intent::Unknown,
            evidence: intent::Evidence::Nothing,
            contested: false,
        };
    }
    // "We want the cabin with the jacuzzi from 15 to 18 March", "queremos la que tiene hogar
    // del 2 al 5", "quero a cabana com lareira de 10 a 13": a want said of the cabin described
    // by what it has, on dates and with no question, is a request to hold the one that fits, as
    // "quiero la Ñire del 2 al 5" is; the feature says which, it asks nothing.
    if decision.intent == Intent::Unknown
        && wants_the_described(tokens)
        && dates.check_in.is_some()
        && accommodation.is_none()
        && !text.contains('?')
        && !text.contains('¿')
        && cues::choice(tokens).is_some_and(described_by_what_it_has)
    {
        decision = intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
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
    // "quero o chalé Ñire" alone, the same request still without its dates; an email's
    // "Buenas noches, nos quedamos con la Coihue" too (its greeting is only the opening).
    // With the dates, a question besides ("queremos la Ñire del 24 al 27 para 3, ¿tiene
    // jacuzzi? ¿cómo se paga?") is answered with the hold, not instead of it; so is one said
    // with a yes ("Dale, vamos con la Coihue. ¿La seña se puede pagar con transferencia?").
    // "We'll take the Coihue instead", "então ficamos com a Lenga", with no question and
    // nothing else asked: the guest's decision, a cabin outside the offer too (one mentioned
    // as taking pets, say), not only a look at it.
    let settled_plainly = matches!(decision.intent, Intent::Unknown | Intent::Greeting)
        && !text.contains('?')
        && !text.contains('¿');
    // "Ok, quiero la Arrayán del 18 al 21 para 2", "ok we want the Arrayán from the 18th": the
    // mild word acknowledges the last answer; the wish for the place is the request.
    let mild_then_wanted = decision.intent == Intent::Book
        && matches!(
            decision.evidence,
            intent::Evidence::Agreement { strong: false }
        )
        && dates.check_in.is_some()
        && accommodation.is_some_and(|name| accommodation::wanted(tokens, name));
    if mild_then_wanted {
        decision = intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: decision.contested,
        };
    }
    if (matches!(
        decision.intent,
        Intent::CheckAvailability | Intent::AskInfo | Intent::AskPrice
    ) && (dates.check_in.is_some() || agreement.yes)
        || matches!(decision.intent, Intent::Unknown | Intent::Greeting))
        && !agreement.no
        && accommodation.is_some_and(|name| {
            accommodation::wanted(tokens, name)
                || (agreement.yes && decision.intent != Intent::Unknown || settled_plainly)
                    && accommodation::settled_on(tokens, name)
        })
    {
        decision = intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: decision.contested,
        };
    }
    // "La Lenga del 1 al 3 de junio para 6 porfa", "la coihue para 3 del 5 al 7 x fa, vamos
    // con el perro": one cabin with its dates and a please, no question and no word of asking:
    // the guest asks for it ("¿la Lenga del 1 al 3 porfa?", "pasame el precio de la Lenga del
    // 1 al 3 porfa" still ask). So too when the guest concludes on it after asking about the
    // place: "ok, entonces la Lenga del 12 al 15, somos 4 con 2 perros".
    let only_pets = decision.intent != Intent::AskInfo
        || features == [Feature::Pets] && signals.topics.iter().all(|t| *t == InfoTopic::Pets);
    if matches!(
        decision.intent,
        Intent::CheckAvailability | Intent::AskInfo | Intent::Unknown
    ) && only_pets
        && dates.check_in.is_some()
        && named == 1
        && accommodation.is_some()
        && !agreement.no
        && !text.contains('?')
        && !text.contains('¿')
        && ((pleads(tokens)
            || accommodation.is_some_and(|name| accommodation::concluded_on(tokens, name)))
            && !tokens.iter().any(|t| t.is_any(ASKING))
            || requests(tokens))
    {
        decision = intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: decision.contested,
        };
        signals.pleaded = true;
    }
    // "Entonces la Coihue con el perro", "ok, the Lenga with our dog": a cabin chosen, the pet
    // said as who comes along, no question whether it may (that one asks: "¿la Coihue acepta
    // perros?", "can we bring the dog to the Lenga?").
    if decision.intent == Intent::AskInfo
        && features == [Feature::Pets]
        && accommodation.is_some_and(|name| accommodation::named_with(tokens, name))
        && named == 1
        && !text.contains('?')
        && !text.contains('¿')
        && !tokens.iter().any(|t| t.is_any(PET_ALLOWED_ASKED))
    {
        decision = intent::Decision {
            intent: Intent::Unknown,
            evidence: intent::Evidence::Nothing,
            contested: false,
        };
    }
    // "¿Me reservás la Coihue del 10 al 13 para 4? vamos con el perro", "can you book the
    // Lenga for us, June 1 to 4? we're bringing our dog": a booking ordered (politely, as a
    // question), the pet said as who comes along and not whether it may: the booking.
    let only_pets_asked = features.iter().all(|f| *f == Feature::Pets)
        && signals.topics.iter().all(|t| *t == InfoTopic::Pets)
        && !(features.is_empty() && signals.topics.is_empty());
    if decision.intent == Intent::AskInfo
        && only_pets_asked
        && dates.check_in.is_some()
        && named == 1
        && accommodation.is_some()
        && !agreement.no
        && signals.cues.iter().any(|c| c.intent == Intent::Book)
        && pet_said_as_company(tokens)
    {
        decision = intent::Decision {
            intent: Intent::Book,
            evidence: intent::Evidence::Cue(intent::Strength::Strong, lexicon::Quality::Exact),
            contested: decision.contested,
        };
    }
    // Two cabins named and nothing else understood ("entre la Coihue y la Ñire, ¿cuál me
    // recomendás?", "¿la Coihue o la Ñire?"): they are being compared, so what each has; so
    // too after a greeting ("Olá! A Ñire e a Coihue são do mesmo tamanho?").
    let greets_and_asks = decision.intent == Intent::Greeting
        && (text.contains('?') || text.contains('¿'))
        && dates.check_in.is_none();
    if (decision.intent == Intent::Unknown || greets_and_asks) && named > 1 {
        decision = intent::Decision {
            intent: Intent::AskInfo,
            evidence: intent::Evidence::Cue(intent::Strength::Weak, lexicon::Quality::Exact),
            contested: false,
        };
        signals.topic = Some(InfoTopic::Amenities);
        signals.topics.push(InfoTopic::Amenities);
    }
    // "¿Cuál es la más barata?", "which one is the cheapest?", "what's your cheapest cabin?": a
    // price question about the one described (on the table, else of the place).
    if decision.intent == Intent::Unknown
        && tokens
            .iter()
            .any(|t| t.is_any(&["cual", "cuales", "which", "qual", "quais", "what", "whats"]))
        && matches!(
            cues::choice(tokens),
            Some(super::Choice::Cheapest | super::Choice::Priciest)
        )
    {
        decision = intent::Decision {
            intent: Intent::AskPrice,
            evidence: intent::Evidence::Cue(intent::Strength::Weak, lexicon::Quality::Exact),
            contested: false,
        };
    }
    // "¿Y cuál acepta?", "¿cuáles aceptan?", "e qual aceita?": which cabins take pets, the
    // animals left unsaid (what a cabin "accepts" here is a pet).
    if decision.intent == Intent::Unknown && which_allows(tokens) {
        decision = intent::Decision {
            intent: Intent::AskInfo,
            evidence: intent::Evidence::Cue(intent::Strength::Weak, lexicon::Quality::Exact),
            contested: false,
        };
        signals.topic = Some(InfoTopic::Pets);
        signals.topics.push(InfoTopic::Pets);
    }
    // "La de $70.000", "la que sale 180 mil": an option pointed at by its price, said as no
    // question, is a pick; the sum names it, it asks no price.
    if decision.intent == Intent::AskPrice
        && matches!(cues::choice(tokens), Some(super::Choice::Priced(_)))
        && !text.contains('?')
        && !text.contains('¿')
        && !tokens
            .iter()
            .any(|t| t.is_any(&["cuanto", "cuanta", "precio", "precios", "tarifa", "valor"]))
    {
        decision = intent::Decision {
            intent: Intent::Unknown,
            evidence: intent::Evidence::Nothing,
            contested: false,
        };
    }
    // "Cuna para el bebé": the cot asked for, not whether children are welcome.
    if features.contains(&Feature::Crib) {
        signals.topics.retain(|t| *t != InfoTopic::Kids);
        if signals.topic == Some(InfoTopic::Kids) {
            signals.topic = signals.topics.first().copied();
        }
    }
    decision
}

/// Words that ask whether a pet may come ("¿acepta perros?", "can we bring the dog?", "se
/// pode levar?"): without them a pet said is who comes along.
#[rustfmt::skip]
const PET_ALLOWED_ASKED: &[&str] = &[
    "acepta", "aceptan", "admite", "admiten", "permite", "permiten", "puede", "pueden", "podemos",
    "puedo", "tiene", "tienen", "allow", "allows", "accept", "accepts", "aceita", "aceitam",
    "pode", "podem", "can", "se", "si", "hay",
];

/// Every clause that names a pet says it comes along, none asks whether it may ("vamos con el
/// perro", "we're bringing our dog"; not "¿se puede llevar perro?"). The rest of the message
/// may ask anything ("can you book the Lenga for us?").
fn pet_said_as_company(tokens: &[Token]) -> bool {
    tokens
        .split_inclusive(|t| t.punct_after)
        .filter(|clause| cues::pets(clause))
        .all(|clause| !clause.iter().any(|t| t.is_any(PET_ALLOWED_ASKED)))
}

/// "Queremos la…", "we want the…" (bridged "queremos el"), "quero a…": a want said of the
/// cabin pointed at with a definite article; not a preference ("preferimos una con pileta",
/// "we'd prefer a cabin with a pool"), which asks to see the ones that have it.
fn wants_the_described(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const WANT: &[&str] = &[
        "quiero", "queremos", "quisiera", "quisieramos", "queria", "queriamos", "quero",
        "elijo", "elegimos",
    ];
    const THE: &[&str] = &["la", "el", "the", "a", "o"];
    tokens
        .windows(2)
        .any(|w| w[0].is_any(WANT) && w[1].is_any(THE))
}

/// A cabin pointed at by what it has or what it is ("la del jacuzzi", "the cheapest one", "la
/// más grande", "the pet friendly one"), not by its place in an offer ("la primera"), which
/// needs the offer to mean anything.
fn described_by_what_it_has(choice: super::Choice) -> bool {
    use super::Choice;
    matches!(
        choice,
        Choice::Having(_)
            | Choice::PetFriendly
            | Choice::Cheapest
            | Choice::Priciest
            | Choice::Largest
            | Choice::Smallest
    )
}

/// Words that ask about a stay rather than ask for it.
#[rustfmt::skip]
const ASKING: &[&str] = &[
    "disponibilidad", "disponible", "disponibles", "libre", "libres", "lugar", "hay", "tienen",
    "tenes", "tiene", "consulta", "consultar", "saber", "precio", "precios", "cuanto", "cuanta",
    "info", "informacion", "pasame", "pasas", "mandame", "mandas", "decime", "contame", "fotos",
    "cotizacion", "presupuesto", "averiguar", "si", "cual", "cuales", "queda", "quedan",
];

/// "Reserva a Coihue … vamos com cachorro", "we would like the Coihue from March 5 to 8, with
/// our dog": a verb of asking for the place, in English or Portuguese, and no word of asking
/// about it ("I'd like to know if…", "tem vaga…", "does it allow dogs"): the pet comes along,
/// the cabin is requested. An email's subject "Consulta" prepended to it asks nothing more.
fn requests(tokens: &[Token]) -> bool {
    const REQUEST: &[&str] = &[
        "reserva",
        "reservar",
        "reserve",
        "reservem",
        "reservame",
        "book",
        "want",
        "like",
        "take",
        "quero",
        "queremos",
        "queria",
        "gostaria",
        "gostariamos",
    ];
    const ASKS_ABOUT: &[&str] = &[
        "know",
        "whether",
        "if",
        "available",
        "availability",
        "free",
        "have",
        "does",
        "do",
        "can",
        "could",
        "allow",
        "allowed",
        "accept",
        "price",
        "much",
        "saber",
        "se",
        "tem",
        "tens",
        "disponivel",
        "disponibilidade",
        "livre",
        "vaga",
        "aceita",
        "aceitam",
        "pode",
        "podem",
        "quanto",
        "preco",
        "consultar",
        "disponibilidad",
        "disponible",
        "libre",
        "hay",
        "tienen",
        "tiene",
        "precio",
        "cuanto",
        "fotos",
        "info",
        "si",
    ];
    tokens.iter().any(|t| t.is_any(REQUEST)) && !tokens.iter().any(|t| t.is_any(ASKS_ABOUT))
}

/// "Porfa", "x fa", "por favor", "porfis", "please": the message asks for something.
fn pleads(tokens: &[Token]) -> bool {
    lexicon::says_any(tokens, &["por favor"])
        || tokens.iter().any(|t| {
            t.is_any(&[
                "porfa", "porfis", "porfi", "xfa", "please", "pls", "plis", "plz",
            ])
        })
}

/// "¿Y cuál acepta?", "cuáles sí aceptan?", "e qual aceita?": which one allows, and nothing
/// else said (no "tarjeta", no "perros").
fn which_allows(tokens: &[Token]) -> bool {
    const LEAD: &[&str] = &["y", "e", "and", "entonces", "ok", "ah", "bueno", "pero"];
    const WHICH: &[&str] = &["cual", "cuales", "qual", "quais", "which"];
    const ALLOWS: &[&str] = &[
        "acepta", "aceptan", "admite", "admiten", "permite", "permiten", "aceita", "aceitam",
    ];
    const TAIL: &[&str] = &["entonces", "si", "sim", "alguna", "then"];
    let words: Vec<&Token> = tokens
        .iter()
        .skip_while(|t| t.is_any(LEAD) || t.is_any(lexicon::INTERJECTIONS))
        .filter(|t| !t.is_any(&["si", "sim"]))
        .collect();
    matches!(words.as_slice(), [w, a, rest @ ..]
        if w.is_any(WHICH) && a.is_any(ALLOWS) && rest.iter().all(|t| t.is_any(TAIL)))
}

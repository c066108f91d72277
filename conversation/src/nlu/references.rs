//! Words that point back at what the conversation said: a message that is one number (the
//! answer to what was just asked), a booking verb with a pronoun ("reservala"), a nudge
//! ("hola??") after waiting.
//!
//! It only reports what the words say; what they point at is the policy's to find.

use super::lexicon::{self, says_any};
use super::normalize::Token;
use super::reconsider::SWITCH_TO;
use super::{guests, numbers};

/// A message that is one number and at most filler words ("2", "3 nomás", "cuatro porfa"),
/// also as an email reads it: after the subject ("Consulta") or a greeting, before the
/// signature ("Saludos, Ana").
pub(super) fn bare_number(tokens: &[Token]) -> Option<u16> {
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
        // the correction said after the number: "10 actually", "5 en realidad", "3 na
        // verdade", "4 entonces"
        "actually",
        "realidad",
        "verdade",
        "na",
        "entonces",
        "then",
        "perdon",
        "sorry",
        "desculpa",
    ];
    const SIGN_OFF: &[&str] = &["gracias", "saludos", "slds", "abrazo", "atte"];
    let start = tokens.iter().position(|t| !t.is_any(LEAD))?;
    // "al 7", "ah, al 9": the day the stay ends (its check-out), not a number answered; "al
    // final 3" stays a correction.
    if start > 0 && tokens[start - 1].is("al") {
        return None;
    }
    let Some(n) = numbers::parse_at(tokens, start).filter(|n| !n.ordinal) else {
        return settled_number(tokens);
    };
    let rest = &tokens[start + n.len..];
    let signed_off = rest
        .iter()
        .position(|t| t.is_any(SIGN_OFF))
        .unwrap_or(rest.len());
    let rest_is_filler = rest[..signed_off].iter().all(|t| t.is_any(FILLER));
    (rest_is_filler && (1..=60).contains(&n.value))
        .then(|| u16::try_from(n.value).ok())
        .flatten()
        .or_else(|| settled_number(tokens))
}

/// A number the guest settles on anywhere in the message, with no unit ("uh no, mi novia
/// dice que mejor dejalo en 2", "que sean 3 entonces", "ponele 4"): the same answer as a
/// number said alone.
fn settled_number(tokens: &[Token]) -> Option<u16> {
    const SETTLE: &[&[&str]] = &[
        &["dejalo", "en"],
        &["dejala", "en"],
        &["dejemoslo", "en"],
        &["dejemosla", "en"],
        &["deja", "en"],
        &["quedemos", "en"],
        &["que", "sean"],
        &["ponele"],
        &["make", "it"],
        &["deixa", "em"],
    ];
    const UNIT: &[&str] = &[
        "noche", "noches", "dias", "personas", "de", "del", "al", "nights", "people", "noites",
        "pessoas",
    ];
    (0..tokens.len()).find_map(|i| {
        let len = SETTLE.iter().find_map(|words| {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)));
            fits.then_some(words.len())
        })?;
        let n = numbers::parse_at(tokens, i + len).filter(|n| !n.ordinal)?;
        let unit = tokens.get(i + len + n.len).is_some_and(|t| t.is_any(UNIT));
        (!unit && (1..=60).contains(&n.value))
            .then(|| u16::try_from(n.value).ok())
            .flatten()
    })
}

/// Words a nudge may carry besides question marks: greetings and calls for attention.
pub(super) const NUDGE_WORDS: &[&str] = &[
    "hola", "buenas", "buen", "dia", "hello", "hi", "hey", "ey", "oi", "ola", "ole", "alo", "che",
    "y", "entonces", "and", "so", "e", "ahi", "there", "alguien", "anyone", "someone", "alguem",
    "estan", "are", "you", "hay",
];

/// "?", "hola??", "hello? anyone there?": only greetings and a question mark.
pub(super) fn is_nudge(text: &str, tokens: &[Token]) -> bool {
    text.contains('?') && tokens.len() <= 4 && tokens.iter().all(|t| t.is_any(NUDGE_WORDS))
}

/// "¿Y acepta perros?", "and does it take dogs?", "e aceita cachorro?", "ela tem wifi?": a
/// question that goes on about what the last one was about (read on the words as written).
pub(super) fn follows_on(tokens: &[Token]) -> bool {
    // "Consulta\nAnd the Coihue?", "Hi,\ne a Lenga?": an email's subject or a greeting first.
    let tokens = after_the_salutation(tokens);
    // "Uh q pena. ¿Y la Coihue?", "ah ok, y la Lenga?": a sigh or a nod before the "y" first.
    let tokens = after_a_sigh(tokens);
    let opens = tokens.first().is_some_and(|t| t.is_any(&["y", "e", "and"]))
        // "What about the Ñire?", "how about the Lenga?"
        || what_about_at(tokens, 0);
    let pronoun = tokens.windows(2).any(|w| {
        (w[0].is_any(&["does", "is", "has", "can"]) && w[1].is("it"))
            || (w[0].is("ela") && w[1].is_any(&["tem", "aceita", "e", "fica", "permite"]))
    }) || in_it(tokens);
    const FILLER: &[&str] = &[
        "tmb", "tb", "tambien", "che", "ah", "ok", "bueno", "y", "pero", "hola",
    ];
    opens || pronoun || verb_of_it_first(tokens, FILLER) || verb_alone(tokens)
}

/// "¿La Ñire acepta?", "a Ñire aceita?", "the Lenga has?", "does the Ñire?", "y la Lenga
/// tiene?": a short question of a cabin with only the verb of the last one, its object left
/// out because it was just asked.
fn verb_alone(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const VERBS: &[&str] = &[
        "acepta", "admite", "permite", "tiene", "incluye", "aceita", "tem", "inclui", "accepts",
        "accept", "allows", "allow", "takes", "take", "has", "have", "includes", "does", "do",
    ];
    let short = (2..=4).contains(&tokens.len());
    let ends_in_the_verb = tokens.last().is_some_and(|t| t.is_any(VERBS));
    // "Does the Ñire?", "does Lenga?": English opens with the verb.
    let does_first = tokens.first().is_some_and(|t| t.is("does")) && tokens.len() <= 3;
    short && (ends_in_the_verb || does_first)
}

/// The words after an email's subject ("Consulta", which the mail gateway puts before the body)
/// and the greetings that open a message ("Hi,", "Hola", "Oi"): what the guest goes on to say.
fn after_the_salutation(tokens: &[Token]) -> &[Token] {
    const SUBJECT: &[&str] = &["consulta", "consultas", "re"];
    let start = tokens
        .iter()
        .position(|t| !(t.is_any(SUBJECT) || t.is_any(GREETINGS)))
        .unwrap_or(tokens.len());
    &tokens[start..]
}

/// Greetings a message may open with, in the three languages ("Hi there", "Hello again",
/// "Dear team").
const GREETINGS: &[&str] = &[
    "hola", "buenas", "hello", "hi", "hey", "ey", "oi", "ola", "ole", "alo", "again", "there",
    "dear", "team", "all",
];

/// "¿Tiene jacuzzi?", "tmb tiene wifi?", "¿acepta gatos?", "aceita cachorro?": a verb in the
/// singular with no subject first (after `filler`), so of the cabin talked about ("¿tienen…?",
/// "¿aceptan…?" ask of the place).
fn verb_of_it_first(tokens: &[Token], filler: &[&str]) -> bool {
    const OF_IT: &[&str] = &[
        "tiene", "acepta", "admite", "permite", "incluye", "trae", "aceita", "inclui",
    ];
    tokens
        .iter()
        .find(|t| !t.is_any(filler))
        .is_some_and(|t| t.is_any(OF_IT))
}

/// "¿Cuántos entran en ella?", "how many fit in it?", "quantas pessoas cabem nela?": the cabin
/// talked about, by a pronoun.
fn in_it(tokens: &[Token]) -> bool {
    tokens
        .windows(2)
        .any(|w| w[0].is_any(&["en", "in"]) && w[1].is_any(&["ella", "it"]))
        || tokens.iter().any(|t| t.is_any(&["nela", "nele"]))
}

/// The words after what only reacts to the last answer: interjections, a nod, "qué pena",
/// "qué lástima", "bueno" ("uh q pena. y la coihue?", "ah ok, y la Lenga?", "oh what a
/// pity, and the Ñire?", "ok what about the Lenga?", "cool, how about the Coihue?", "tá
/// certo, e a Lenga?"); the whole message when nothing follows them.
pub(super) fn after_a_sigh(tokens: &[Token]) -> &[Token] {
    const NODS: &[&str] = &[
        "bueno",
        "buenisimo",
        "listo",
        "joya",
        "genial",
        "perfecto",
        "entiendo",
        "ya",
        "veo",
        "bien",
        "okay",
        "oh",
        "well",
        "pity",
        "shame",
        "pena",
        "lastima",
        "macana",
        "pucha",
        "what",
        "a",
        "que",
        "q",
        "k",
        "puxa",
        "uma",
        "nossa",
        "alright",
        "cool",
        "right",
        "sure",
        "certo",
        "entendi",
        "beleza",
        "hm",
    ];
    let rest = (0..tokens.len())
        .find(|&i| {
            let nod = tokens[i].is_any(lexicon::INTERJECTIONS) || tokens[i].is_any(NODS);
            !nod || what_about_at(tokens, i)
        })
        .map_or(&tokens[tokens.len()..], |i| &tokens[i..]);
    // Only a reaction, or no "y" nor "what about" after it: the message as it is.
    let goes_on =
        rest.first().is_some_and(|t| t.is_any(&["y", "e", "and"])) || what_about_at(rest, 0);
    if rest.len() == tokens.len() || !goes_on {
        return tokens;
    }
    rest
}

/// "What about …", "how about …" opening at `i`.
fn what_about_at(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is_any(&["what", "how"]))
        && tokens.get(i + 1).is_some_and(|t| t.is("about"))
}

/// "¿Tiene jacuzzi?", "acepta perros?", "does it have a grill?", "ela tem wifi?": a question
/// about one cabin left unnamed ("it"), not about the place ("¿tienen…?", "¿hay…?") nor about
/// any of several ("¿alguna tiene…?", "¿cuál tiene…?", "does any have…?").
pub(super) fn asks_of_it(tokens: &[Token]) -> bool {
    const FILLER: &[&str] = &[
        "tmb", "tb", "tambien", "che", "ah", "ok", "bueno", "y", "pero", "hola", "e", "and",
    ];
    const ANY: &[&str] = &[
        "alguna", "alguno", "algunas", "cual", "cuales", "ninguna", "todas", "any", "which",
        "alguma", "qual", "quais", "nenhuma",
    ];
    // "¿Esa tiene jacuzzi?", "essa tem lareira?", "does that one have a hot tub?": the option
    // proposed, pointed at.
    const THAT: &[&str] = &["esa", "esta", "essa", "aquela", "that", "this"];
    const HAS: &[&str] = &[
        "tiene", "acepta", "tem", "aceita", "permite", "has", "have", "takes", "allows",
    ];
    let pronoun = tokens.windows(2).any(|w| {
        (w[0].is_any(&["does", "is", "has"]) && w[1].is("it"))
            || (w[0].is("ela") && w[1].is_any(&["tem", "aceita", "permite"]))
            || (w[0].is_any(THAT) && w[1].is_any(HAS))
    }) || tokens.windows(3).any(|w| {
        w[0].is_any(&["that", "this"]) && w[1].is_any(&["one", "cabin"]) && w[2].is_any(HAS)
    }) || in_it(tokens);
    (pronoun || verb_of_it_first(tokens, FILLER)) && !tokens.iter().any(|t| t.is_any(ANY))
}

/// "Reservala", "reservámela", "la quiero", "book it", "reserva ela", "quero ela": a booking verb
/// with a pronoun for the cabin (read on the words as written, before the bridge).
pub(super) fn refers_back(tokens: &[Token]) -> bool {
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
        "reservarla",
        "reservarmela",
        "reservarnosla",
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
            // "quero ela de 3 a 6", "queremos essa", "vou querer ela", "quiero esa", "fico
            // com ela", "nos quedamos con esa": the cabin talked about, wanted.
            || (t.is_any(&["quero", "queremos", "querer", "quiero"])
                && next(&["ela", "essa", "esa"]))
            || (t.is_any(&["fico", "ficamos", "quedo", "quedamos"])
                && next(&["com", "con"])
                && tokens.get(i + 2).is_some_and(|n| n.is_any(&["ela", "essa", "esa"])))
            // "¿Me la volvés a reservar?", "la podés reservar de nuevo".
            || (t.is_any(&["la", "lo"])
                && next(&["volves", "volve", "volvas", "podes", "podrias", "vuelven"])
                && tokens
                    .get(i + 2..(i + 4).min(tokens.len()))
                    .is_some_and(|w| w.iter().any(|w| w.text.starts_with("reserv"))))
            // "Volvela a reservar igual", "volvémela a reservar": the pronoun on the verb.
            || (t.is_any(&["volvela", "volvelo", "volvemela", "volvemelo", "volvenosla"])
                && tokens
                    .get(i + 1..(i + 3).min(tokens.len()))
                    .is_some_and(|w| w.iter().any(|w| w.text.starts_with("reserv"))))
    })
}

/// Something more, besides what was said before ("y también del 22 al 24", "another booking
/// for May too", "también de 3 a 5"), not a change said with it ("cambiala al 22 y también
/// somos 3").
pub(super) fn also(tokens: &[Token]) -> bool {
    !tokens.iter().any(|t| t.is_any(SWITCH_TO) || t.is("cambia"))
        && (tokens
            .iter()
            .any(|t| t.is_any(&["tambien", "tambem", "also", "ademas", "aparte"]))
            || says_any(
                tokens,
                &[
                    "as well",
                    "otra reserva",
                    "another reserva",
                    "another booking",
                    "otra mas",
                    "outra reserva",
                    "otra estadia",
                    "outra estadia",
                    "another stay",
                    "otra escapada",
                    "otro viaje",
                    "outra viagem",
                    "another trip",
                    "segunda reserva",
                    "segunda booking",
                    "second stay",
                    "venir back",
                    "coming back",
                ],
            )
            || comes_back(tokens)
            || guests::for_another_pair(tokens))
}

/// "Queremos volver en julio", "we'll return in winter", "queremos voltar em agosto": a stay
/// to come, besides the one held (not "¿me la volvés a reservar?", a hold made again).
fn comes_back(tokens: &[Token]) -> bool {
    const BACK: &[&str] = &[
        "volver",
        "volvemos",
        "volveremos",
        "volveriamos",
        "regresar",
        "voltar",
        "voltamos",
        "voltaremos",
        "return",
        "returning",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(BACK)
            && !(tokens.get(i + 1).is_some_and(|n| n.is("a"))
                && tokens
                    .get(i + 2)
                    .is_some_and(|n| n.text.starts_with("reserv")))
    })
}

/// "Las mismas fechas", "the same dates", "as mesmas datas".
pub(super) fn same_dates(tokens: &[Token]) -> bool {
    says_any(
        tokens,
        &[
            "mismas fechas",
            "mismos dias",
            "same dates",
            "same days",
            "mesmas datas",
            "mesmos dias",
        ],
    )
}

/// "Dale, esas fechas", "ok, those dates then", "pode ser essas datas", "me sirve" (and
/// "works for me", bridged to it): the dates just proposed, pointed at.
pub(super) fn those_dates(tokens: &[Token]) -> bool {
    // "¿Y otra cabaña para esas fechas?" asks about the dates asked, not the ones proposed.
    const ELSE: &[&str] = &[
        "otra",
        "otro",
        "otras",
        "other",
        "another",
        "outra",
        "outro",
        "alguna",
        "algo",
        "anything",
        "something",
        "hay",
        "tienen",
        "tenes",
        "tem",
    ];
    !tokens.iter().any(|t| t.is_any(ELSE))
        && says_any(
            tokens,
            &[
                "esas fechas",
                "esa fecha",
                "esos dias",
                "esas noches",
                "esas entonces",
                "las que me dijiste",
                "las que decis",
                "those dates",
                "these dates",
                "those days",
                "that date",
                "those then",
                "the ones you said",
                "essas datas",
                "essa data",
                "esses dias",
                "a esas",
                "dale esas",
                "ok esas",
                "si esas",
                "bueno esas",
                "ok those",
                "yes those",
                "pra essas",
                "para essas",
                "sim essas",
                "me sirve",
                "me sirven",
                "nos sirve",
                "nos sirven",
                "that works",
                "works for us",
                "me serve",
                "nos serve",
            ],
        )
}

/// "Mejor la primera fecha", "las fechas de antes", "the first dates", "as datas de antes".
pub(super) fn earlier_dates(tokens: &[Token]) -> bool {
    says_any(
        tokens,
        &[
            "primera fecha",
            "primeras fechas",
            "fechas de antes",
            "fecha de antes",
            "fechas anteriores",
            "fecha anterior",
            "fechas originales",
            "fecha original",
            "primeros dias",
            "dias de antes",
            "first dates",
            // "first" reads "primera" once bridged
            "primera dates",
            "primera date",
            "original dates",
            "earlier dates",
            "previous dates",
            "dates before",
            "first date",
            "primeiras datas",
            "primeira data",
            "datas de antes",
            "datas anteriores",
            "data anterior",
        ],
    )
}

/// "La Coihue entonces", "the Coihue then", "então a Coihue": a decision said as no question.
pub(super) fn settles(text: &str, tokens: &[Token]) -> bool {
    !text.contains('?')
        && !text.contains('¿')
        && [tokens.first(), tokens.last()]
            .into_iter()
            .flatten()
            .any(|t| t.is_any(&["entonces", "then", "entao"]))
}

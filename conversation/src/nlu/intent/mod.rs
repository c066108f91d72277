//! What the guest wants: keyword cues per intent, then one decision.
//!
//! Cues are phrases from the tables in [`tables`], matched with [`lexicon`] (so typos and repeated
//! letters are tolerated), plus a few words whose meaning depends on their neighbours:
//! "reserva" (an order, "reservá", or a noun, "la reserva"), "lugar" ("hay lugar" vs "lindo
//! lugar"), "cuánto" ("cuánto sale" vs "cuánto tiempo"), "check in" (a question, or a date
//! marker in "check in el 15").
//!
//! The decision ranks cues, so a message that does several things gets its most consequential
//! reading, from the top:
//! 1. human; 2. cancel; 3. an explicit booking ("reservame", "quiero reservar", "lo tomo");
//! 4. a price question; 5. an info question without dates; 6. an availability question;
//! 7. an info question with dates (the stay is the substance; its dates must not be lost);
//! 8. a weak booking hint; 9. a bare agreement (→ book); 10. a weak availability hint ("quiero
//!    ir"); 11. dates or guests with no verb (availability, inferred); 12. a greeting.
//!
//! "Hola! tenés lugar?" is therefore an availability question, and "cuánto sale para 2 del 3
//! al 5?" a price question.

mod decide;
mod tables;

pub(crate) use decide::{Context, Decision, Evidence, decide};
pub(crate) use tables::{WHICH_CABINS, vocabulary};

use super::{
    InfoTopic, Intent, affirm,
    lexicon::{self, Quality},
    normalize::Token,
};
use tables::{
    CUANTO_NOT_PRICE, CUES, DATE_FOLLOWS, DEPOSIT_WORDS, DETERMINERS, LUGAR_BEFORE, ORDER_LEAD,
    PLACES_AWAY, RESERVE_INFINITIVES, RESERVE_ORDERS, SUMS, TOPICS, WANT, WRITE_TO,
};

/// How much a cue says about its intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    Weak,
    Strong,
}

use Strength::{Strong, Weak};

/// One piece of evidence for an intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub(crate) intent: Intent,
    pub(crate) strength: Strength,
    pub(crate) quality: Quality,
    pub(crate) pos: usize,
}

/// Every cue in the message and the first info topic named.
#[derive(Debug, Clone, Default)]
pub(crate) struct Signals {
    pub(crate) cues: Vec<Cue>,
    pub(crate) topic: Option<InfoTopic>,
    /// Every topic named, in the order of the message.
    pub(crate) topics: Vec<InfoTopic>,
    /// A cabin asked for on dates with a please and no verb of booking ("la Lenga del 1 al 3
    /// porfa"): a booking the guest may still think needs a yes.
    pub(crate) pleaded: bool,
}

pub(crate) fn detect(tokens: &[Token]) -> Signals {
    let mut cues = table_cues(tokens);
    cues.extend(reserve_cues(tokens));
    cues.extend(cancel_request_cues(tokens));
    cues.extend(booking_erased_cues(tokens));
    // "Ya no vamos, ¿me devuelven la seña?": not coming is said, not supposed; it cancels even
    // with a question about the deposit.
    let mut not_going = not_going_cues(tokens);
    cues.extend(not_going.iter().copied());
    // "¿Puedo cancelar después si al final no vamos?": not coming supposed after an "if" is a
    // question about the policy, like any cancellation supposed.
    not_going.retain(|c| !supposed_cancel(tokens, c));
    cues.extend(lugar_cues(tokens));
    cues.extend(bare_have_cues(tokens));
    cues.extend(cuanto_cues(tokens));
    cues.extend(dear_cues(tokens));
    let topic_hit = topic(tokens);
    if let Some((pos, quality, _)) = topic_hit {
        cues.push(Cue {
            intent: Intent::AskInfo,
            strength: Strong,
            quality,
            pos,
        });
    }
    cues.retain(|c| !affirm::confirms_later(tokens, c.pos) && !thanked_for(tokens, c));
    let mut topics = all_topics(tokens);
    let mut topic = topic_hit.map(|(_, _, t)| t);
    let names_policy = topics.contains(&InfoTopic::Cancellation);
    let mut asks_policy = names_policy;
    // "No vamos a poder ir, cancelá porfa. ¿Me devuelven la seña?": an order or a plain "we
    // are not coming" anywhere in the message makes it a cancellation, whatever else is asked.
    let ordered = cues
        .iter()
        .any(|c| c.intent == Intent::Cancel && cancel_ordered(tokens, c));
    for c in &mut cues {
        if c.intent == Intent::Cancel
            && !ordered
            && (names_policy
                || conditional_cancel(tokens, c)
                || supposed_cancel(tokens, c)
                || asks_if_one_can(tokens, c))
            && !wants_to_cancel(tokens, c)
            && !not_going.iter().any(|n| n.pos == c.pos)
        {
            *c = policy_question(*c);
            asks_policy = true;
        }
        // "Tenemos que suspender el viaje, ¿me devuelven la seña?": a weak verb of cancelling
        // ("suspender") said as a need is as clear as an order, over the policy question.
        if c.intent == Intent::Cancel && c.strength == Weak && wants_to_cancel(tokens, c) {
            c.strength = Strong;
        }
    }
    // "Y la seña qué onda?", "¿la plata la pierdo?": what becomes of the deposit, a question
    // about the policy; said with an order to cancel ("cancelo, ¿la plata la pierdo?") the
    // order stands (its answer states the policy as it applies).
    let orders_cancel = cues.iter().any(|c| c.intent == Intent::Cancel);
    if !orders_cancel
        && !asks_policy
        && (lexicon::says_any(tokens, DEPOSIT_FATE)
            || (tokens.iter().any(|t| t.is("deposit"))
                && tokens.iter().any(|t| t.is_any(DEPOSIT_FATE_EN))))
    {
        asks_policy = true;
    }
    // A distance asked is a question about where the place is.
    let how_far = tokens
        .iter()
        .enumerate()
        .find(|(i, t)| t.is("cuanto") && asks_how_far(tokens, *i))
        .map(|(i, _)| i);
    if let Some(pos) = how_far
        && !topics.contains(&InfoTopic::Location)
    {
        topic = topic.or(Some(InfoTopic::Location));
        topics.push(InfoTopic::Location);
        cues.push(cue(Intent::AskInfo, Strong, Quality::Exact, pos));
    }
    if asks_policy && !names_policy {
        topic = topic.or(Some(InfoTopic::Cancellation));
        topics.push(InfoTopic::Cancellation);
        cues.push(cue(Intent::AskInfo, Strong, Quality::Exact, 0));
    }
    Signals {
        cues,
        topic,
        topics,
        pleaded: false,
    }
}

/// "Gracias por la información", "agradezco la info", "thanks for the info", "obrigada pela
/// informação": information thanked for, not asked for (an email's "¿me dan información?"
/// still asks).
fn thanked_for(tokens: &[Token], c: &Cue) -> bool {
    const THANKS: &[&str] = &[
        "gracias",
        "agradezco",
        "agradecemos",
        "agradecida",
        "agradecido",
        "thanks",
        "thank",
        "obrigado",
        "obrigada",
    ];
    c.intent == Intent::AskInfo
        && tokens
            .get(c.pos)
            .is_some_and(|t| t.is_any(&["info", "informacion", "datos", "respuesta"]))
        && (1..=4).any(|k| {
            c.pos
                .checked_sub(k)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.is_any(THANKS))
        })
}

fn table_cues(tokens: &[Token]) -> Vec<Cue> {
    CUES.iter()
        .filter_map(|(phrase, intent, strength)| {
            let (pos, quality) = lexicon::find_phrase(tokens, phrase)?;
            if *phrase == "olvidalo" && (number_after(tokens, pos) || asks_after(tokens, pos)) {
                return None;
            }
            Some(Cue {
                intent: *intent,
                strength: *strength,
                quality,
                pos,
            })
        })
        .collect()
}

/// "si cancelo, me devuelven la seña?", "¿se puede cancelar?" ask about the policy
/// ([`InfoTopic::Cancellation`]); they do not cancel.
fn policy_question(c: Cue) -> Cue {
    Cue {
        intent: Intent::AskInfo,
        ..c
    }
}

/// "¿Puedo cancelar?", "¿se puede cancelar?", "posso cancelar?", "can I cancel?": whether one
/// may, asked by the guest about themselves or anyone; not "¿la pueden cancelar?" nor "pode
/// cancelar" (asking us to), which cancel.
fn asks_if_one_can(tokens: &[Token], c: &Cue) -> bool {
    let before = |k: usize| c.pos.checked_sub(k).and_then(|p| tokens.get(p));
    (1..=3).any(|k| {
        // "Can you delete my booking?": asked of the property, an order, not whether one can.
        let of_you = k > 1 && before(k - 1).is_some_and(|y| y.is("you"));
        before(k).is_some_and(|t| {
            t.is_any(&["puedo", "podemos", "posso"])
                || (t.is("can") && !of_you)
                || (t.is_any(&["puede", "pode"]) && before(k + 1).is_some_and(|s| s.is("se")))
                // "Do we have to cancel 30 days before?", "do I need to cancel by email?"
                || (t.is_any(&["have", "need"])
                    && before(k + 2).is_some_and(|s| s.is_any(&["do", "does"])))
        })
    })
}

/// "necesito cancelar la reserva, ¿me devuelven la seña?", "quiero cancelar, ¿qué pasa con la
/// seña?", "vamos a tener que suspender el viaje": the guest says they need or want to cancel,
/// so they cancel even when they ask about the policy too; not when an "if" comes between
/// ("necesito saber si cancelo…").
fn wants_to_cancel(tokens: &[Token], c: &Cue) -> bool {
    #[rustfmt::skip]
    const WISH: &[&str] = &[
        "necesito", "necesitamos", "quiero", "queremos", "quisiera", "quisieramos", "tengo",
        "tenemos", "debo", "debemos", "hay", "vamos", "voy", "want", "need", "preciso",
        "precisamos", "tener", "tendremos", "tendre", "tuvimos", "tuve", "must", "gotta",
        "temos", "tenho", "devemos", "devo", "teremos",
    ];
    if c.intent != Intent::Cancel {
        return false;
    }
    // "We have to cancel", "I've got to cancel"; not "do we have to cancel…?", a question.
    let obliged = |at: usize| {
        tokens[at].is_any(&["have", "has", "got"])
            && at
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_none_or(|p| !p.is_any(&["do", "does", "did", "would", "will"]))
            && at
                .checked_sub(2)
                .and_then(|p| tokens.get(p))
                .is_none_or(|p| !p.is_any(&["do", "does", "did", "would", "will"]))
    };
    (1..=3).any(|k| {
        let Some(at) = c.pos.checked_sub(k) else {
            return false;
        };
        let between_if = tokens.get(at..c.pos).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.is_any(&["si", "if", "se"]) && !t.accented)
        });
        let before_if = at
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| t.is_any(&["si", "if", "se"]) && !t.accented);
        (tokens.get(at).is_some_and(|t| t.is_any(WISH)) || obliged(at))
            && !between_if
            && !before_if
            && !supposed_cancel(tokens, c)
    })
}

/// "Cancelá", "anulala", "cancelame la reserva", "no vamos a poder ir": an order to cancel, or
/// the guest saying they are not coming, with no "if" just before; said with a question about
/// the deposit, it still cancels.
fn cancel_ordered(tokens: &[Token], c: &Cue) -> bool {
    let Some(t) = tokens.get(c.pos) else {
        return false;
    };
    const STEMS: &[&str] = &["cancela", "cancele", "cancelen", "anula", "anule", "anulen"];
    const CLITICS: &[&str] = &["las", "los", "la", "lo", "me", "nos"];
    // "cancelamela" → "cancelame" → "cancela": an order with its pronouns; not "cancelo".
    let mut stem = t.text.as_str();
    let mut with_pronoun = false;
    for _ in 0..2 {
        match CLITICS.iter().find_map(|c| stem.strip_suffix(c)) {
            Some(rest) if !STEMS.contains(&stem) => {
                stem = rest;
                with_pronoun = true;
            }
            _ => break,
        }
    }
    let imperative =
        (with_pronoun && STEMS.contains(&stem)) || (t.accented && t.is_any(&["cancela", "anula"]));
    let not_coming = t.is("no") && tokens.get(c.pos + 1).is_some_and(|n| !n.is("se"));
    let supposed = (1..=3).any(|k| {
        c.pos
            .checked_sub(k)
            .and_then(|p| tokens.get(p))
            .is_some_and(|b| (b.is("si") && !b.accented) || b.is_any(&["if", "caso", "se"]))
    });
    (imperative || not_coming) && !supposed
}

/// "¿Qué pasa si después tengo que cancelar?", "y si llegamos a cancelar", "en caso de tener
/// que cancelar": an "if" a few words before, in the same clause; a cancellation supposed.
fn supposed_cancel(tokens: &[Token], c: &Cue) -> bool {
    // Portuguese "se eu precisar cancelar", "e se a gente tiver que cancelar".
    const PT_SUBJECT: &[&str] = &[
        "eu",
        "yo",
        "a",
        "precisar",
        "precisarmos",
        "tiver",
        "tivermos",
    ];
    let lead = |at: usize| {
        tokens.get(at).is_some_and(|t| {
            (t.is("si") && !t.accented)
                || t.is_any(&["if", "caso"])
                || (t.is("se") && tokens.get(at + 1).is_some_and(|n| n.is_any(PT_SUBJECT)))
                // "E se cancelarmos?": the verb in Portuguese's future subjunctive.
                || (t.is("se")
                    && at + 1 == c.pos
                    && tokens
                        .get(c.pos)
                        .is_some_and(|n| n.text.ends_with("armos") || n.text.ends_with("arem")))
        })
    };
    (1..=5).any(|k| {
        let Some(at) = c.pos.checked_sub(k) else {
            return false;
        };
        lead(at)
            && tokens
                .get(at..c.pos)
                .is_some_and(|ws| ws.iter().all(|w| !w.punct_after))
    })
}

/// "Si cancelo", "si lo cancelamos", "if we cancel": a cancellation supposed, not ordered.
fn conditional_cancel(tokens: &[Token], c: &Cue) -> bool {
    let is_if = |t: &Token| (t.is("si") && !t.accented && !t.punct_after) || t.is("if");
    let before = |k: usize| c.pos.checked_sub(k).and_then(|p| tokens.get(p));
    let after_if = before(1).is_some_and(is_if)
        || (before(2).is_some_and(is_if)
            && before(1).is_some_and(|t| {
                t.is_any(&["we", "i", "you", "lo", "la", "yo", "nosotros", "eu", "nos"])
            }));
    c.intent == Intent::Cancel && after_if
}

/// Every topic named, first mention first, each once.
fn all_topics(tokens: &[Token]) -> Vec<InfoTopic> {
    let mut hits: Vec<(usize, InfoTopic)> =
        topic_hits(tokens).map(|(pos, _, t)| (pos, t)).collect();
    hits.sort_by_key(|(pos, _)| *pos);
    let mut out: Vec<InfoTopic> = Vec::new();
    for (_, t) in hits {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The first info topic named: (position, quality, topic). A check-in phrase followed by a
/// date is a date marker, not a question.
fn topic(tokens: &[Token]) -> Option<(usize, Quality, InfoTopic)> {
    topic_hits(tokens).min_by_key(|(pos, quality, _)| (*pos, *quality))
}

/// Every topic phrase found; one inside a longer phrase of another topic is that one's words
/// ("¿cómo es el tema del pago?" asks how to pay, not what the cabins are like).
fn topic_hits(tokens: &[Token]) -> impl Iterator<Item = (usize, Quality, InfoTopic)> {
    let hits: Vec<(usize, usize, Quality, InfoTopic)> = TOPICS
        .iter()
        .filter_map(|(phrase, topic)| {
            let (pos, quality) = lexicon::find_phrase(tokens, phrase)?;
            let len = lexicon::phrase_len(phrase);
            let next = tokens.get(pos + len);
            let asks = phrase.starts_with("late") || phrase.starts_with("early");
            let date_marker = *topic == InfoTopic::CheckInTime
                && !asks
                && next.is_some_and(|t| t.is_any(DATE_FOLLOWS) || t.is_digits());
            let tag = *topic == InfoTopic::Photos && how_it_goes_tag(tokens, pos, len);
            let age = phrase.starts_with("que tien") && says_an_age(tokens, pos + len);
            let hosting = *topic == InfoTopic::Keys && hosting_asked(tokens, pos);
            (!date_marker && !tag && !age && !hosting).then_some((pos, len, quality, *topic))
        })
        .collect();
    let inside = |&(pos, len, _, topic): &(usize, usize, Quality, InfoTopic)| {
        hits.iter()
            .any(|&(p, l, _, t)| t != topic && l > len && p <= pos && pos + len <= p + l)
    };
    let mut kept: Vec<(usize, Quality, InfoTopic)> = hits
        .iter()
        .filter(|h| !inside(h))
        .map(|&(pos, _, quality, topic)| (pos, quality, topic))
        .collect();
    if let Some(pos) = deposit_sum_asked(tokens)
        && !kept.iter().any(|&(_, _, t)| t == InfoTopic::Payment)
    {
        kept.push((pos, Quality::Exact, InfoTopic::Payment));
    }
    kept.into_iter()
}

/// "¿Pueden recibirnos?", "vocês conseguem nos receber?", "podem receber a gente?": whether
/// the property can host the party, a question about room, not about who hands over the keys
/// ("¿quién nos recibe?", "alguém vai nos receber?" still are).
fn hosting_asked(tokens: &[Token], pos: usize) -> bool {
    const CAN: &[&str] = &[
        "pueden",
        "podrian",
        "podran",
        "puede",
        "podria",
        "consiguen",
        "conseguem",
        "conseguiriam",
        "podem",
        "poderiam",
        "pode",
        "poderia",
        "can",
        "could",
    ];
    const RECEIVE: &[&str] = &[
        "recibirnos",
        "recibir",
        "receber",
        "recebe",
        "recibe",
        "host",
        "receive",
        "accommodate",
    ];
    let starts = pos.saturating_sub(3);
    let receive_at = (pos..(pos + 3).min(tokens.len())).find(|&k| tokens[k].is_any(RECEIVE));
    receive_at.is_some_and(|r| tokens[starts..r].iter().any(|t| t.is_any(CAN)))
}

/// "¿y la seña cuánto es?", "quanto preciso pagar de sinal?", "qual o valor do sinal?", "the
/// deposit, how much is it?": a deposit word and a how-much word anywhere in the message ask
/// what the deposit comes to, in any order ("¿cuánto tiempo tengo para pagar la seña?" asks
/// how long). Where the deposit word is.
fn deposit_sum_asked(tokens: &[Token]) -> Option<usize> {
    let pos = tokens.iter().position(|t| t.is_any(DEPOSIT_WORDS))?;
    let how_much = tokens.iter().enumerate().any(|(i, t)| {
        (lexicon::word(t, "cuanto").is_some()
            && !tokens
                .get(i + 1)
                .is_some_and(|n| n.is_any(CUANTO_NOT_PRICE)))
            || t.is_any(&["valor", "porcentaje", "porcentagem"])
    }) || tokens.windows(2).any(|w| w[0].is("how") && w[1].is("much"))
        || tokens.iter().any(|t| t.is_any(&["percentage", "percent"]));
    how_much.then_some(pos)
}

/// "el bebé que tiene un año", "los nenes que tienen 5 y 8 años", "que tiene 2 añitos": a
/// person's age after "que tiene(n)", not a question about what a cabin has.
fn says_an_age(tokens: &[Token], from: usize) -> bool {
    const AGE: &[&str] = &[
        "ano",
        "anos",
        "anito",
        "anitos",
        "mes",
        "meses",
        "mesecitos",
        "years",
        "months",
    ];
    let after = tokens.get(from..).unwrap_or_default();
    let counted = |k: usize| {
        after[k].is_any(&["un", "una"]) || crate::nlu::numbers::parse_at(after, k).is_some()
    };
    (0..after.len().min(4)).any(counted) && after.iter().take(5).any(|t| t.is_any(AGE))
}

/// "El resto se paga allá cuando llegamos, ¿o cómo es?", "¿se paga todo junto o cómo es?":
/// "o cómo es" closing a question is "or how does it go", a tag on what was just asked, not a
/// question about what the cabins are like.
fn how_it_goes_tag(tokens: &[Token], pos: usize, len: usize) -> bool {
    let starts_how = tokens.get(pos).is_some_and(|t| t.is_any(&["como", "cmo"]));
    let after_or = pos
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.is_any(&["o", "u"]));
    let closes = tokens.get(pos + len..).unwrap_or_default().iter().all(|t| {
        t.is_any(&[
            "eso", "esto", "entonces", "la", "cosa", "el", "tema", "aca", "ahi",
        ])
    });
    starts_how && after_or && closes && pos > 1
}

fn cue(intent: Intent, strength: Strength, quality: Quality, pos: usize) -> Cue {
    Cue {
        intent,
        strength,
        quality,
        pos,
    }
}

/// What becomes of the deposit: a question about the cancellation policy.
#[rustfmt::skip]
const DEPOSIT_FATE: &[&str] = &[
    "que pasa con la sena", "que sucede con la sena", "que onda con la sena", "la sena que onda",
    "la sena que pasa", "que pasa con la plata", "que pasa con el dinero", "la plata la pierdo",
    "la sena la pierdo", "pierdo la sena", "pierdo la plata", "perdemos la sena",
    "se pierde la sena", "devuelven la plata", "devolucion de la sena", "reintegro de la sena",
    "reembolso", "acontece con o sinal", "perco o sinal", "refund",
];

/// English, read word by word (its little words are bridged): "deposit" with one of these
/// ("do I lose the deposit?", "what happens to my deposit?", "do we get the deposit back?").
const DEPOSIT_FATE_EN: &[&str] = &["lose", "happens", "back", "refunded", "refundable"];

/// Verbs of asking that make a cancellation named as a noun an order ("Solicito la
/// cancelación de la reserva", "pedimos la anulación", "solicito o cancelamento").
#[rustfmt::skip]
const REQUEST_VERBS: &[&str] = &[
    "solicito", "solicitamos", "solicitar", "solicitaria", "solicitariamos", "pido", "pedimos",
    "pedir", "pediria", "quiero", "queremos", "quisiera", "quisieramos", "requiero", "requerimos",
    "necesito", "necesitamos", "gestionar", "gestionen", "tramitar", "proceder", "procedan",
    "proceda", "realizar", "hacer", "efectuar", "efectuen", "confirmen", "confirmar", "quero",
    "queria", "queriamos", "gostaria", "gostariamos", "peco", "request", "requesting",
];

/// A cancellation said as a noun.
const CANCELLATION_NOUNS: &[&str] = &[
    "cancelacion",
    "anulacion",
    "cancelamento",
    "baja",
    "cancellation",
    "cancelation",
];

/// "Solicito la cancelación de la reserva": a verb of asking, then (within three words) the
/// cancellation as a noun. Not "¿cómo es la cancelación?" nor "la política de cancelación"
/// (no verb of asking: a question about the policy).
fn cancel_request_cues(tokens: &[Token]) -> Vec<Cue> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_any(REQUEST_VERBS) {
            continue;
        }
        // "quisiera saber la cancelación…": a question about it.
        let asks_about = |k: usize| {
            tokens.get(i + 1..k).is_some_and(|w| {
                w.iter()
                    .any(|t| t.is_any(&["saber", "consultar", "preguntar", "conocer", "entender"]))
            })
        };
        let noun = (i + 1..=i + 3).find(|&k| {
            tokens.get(k).is_some_and(|n| n.is_any(CANCELLATION_NOUNS))
                // "hacer la baja de temperatura"… only "la baja de la reserva" for "baja".
                && (!tokens.get(k).is_some_and(|n| n.is("baja"))
                    || tokens.get(k + 1).is_some_and(|d| d.is("de")))
                && !asks_about(k)
        });
        if let Some(k) = noun {
            out.push(cue(Intent::Cancel, Strong, Quality::Exact, k));
        }
    }
    out
}

/// Verbs of erasing, bare or with a clitic ("borrame", "eliminala", "apague", "delete").
#[rustfmt::skip]
const ERASE_VERBS: &[&str] = &[
    "borra", "borrame", "borranos", "borrar", "borrarla", "borren", "borrenme", "borramela",
    "elimina", "eliminame", "eliminanos", "eliminar", "eliminarla", "eliminen", "eliminenme",
    "eliminala", "eliminamela", "eliminenla", "apaga", "apague", "apagar", "exclui", "exclua",
    "excluir", "delete", "remove",
];

/// What is held, as the guest names it when erasing it.
const BOOKING_NOUNS: &[&str] = &["reserva", "reservas", "booking", "reservation", "estadia"];

/// "Borrame la reserva porfa", "eliminá mi reserva", "pode apagar a minha reserva", "please
/// delete my booking": a verb of erasing, then (within three words) the booking. Not "borrá
/// el mensaje anterior" (something else erased).
fn booking_erased_cues(tokens: &[Token]) -> Vec<Cue> {
    tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            t.is_any(ERASE_VERBS)
                && (i + 1..=i + 3).any(|k| tokens.get(k).is_some_and(|n| n.is_any(BOOKING_NOUNS)))
        })
        .map(|(i, _)| cue(Intent::Cancel, Strong, Quality::Exact, i))
        .collect()
}

/// "Ya no vamos, perdón", "al final no viajamos", "finalmente no voy": the guest is not coming
/// any more, said on its own (the clause ends there, or only an apology or a word of regret
/// follows). Not "ya no vamos con el perro" (something else they will not bring).
fn not_going_cues(tokens: &[Token]) -> Vec<Cue> {
    const GO: &[&str] = &[
        "vamos", "voy", "viajamos", "viajo", "venimos", "vengo", "iremos",
    ];
    const NOW: &[&str] = &["ya", "finalmente", "final", "entonces"];
    #[rustfmt::skip]
    const THEN: &[&str] = &[
        "perdon", "perdona", "perdonen", "disculpa", "disculpas", "disculpen", "sorry",
        "lamentablemente", "gracias", "igual", "nada", "che", "chicos", "nomas",
    ];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(go) = tokens.get(i + 1) else {
            continue;
        };
        if !t.is("no") || !go.is_any(GO) || t.punct_after {
            continue;
        }
        let said_now = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|b| b.is_any(NOW));
        let ends = go.punct_after || tokens.get(i + 2).is_none_or(|n| n.is_any(THEN));
        if said_now && ends {
            out.push(cue(Intent::Cancel, Strong, Quality::Exact, i));
        }
    }
    out.extend(called_off(tokens, THEN));
    out
}

/// "No, esquece, somos 6 mesmo", "no, forget it, we're 6 after all", "olvidate, somos 6": a
/// number said after the "forget it" at `at` is what the guest says instead (people, a day),
/// a change taken back, not the trip called off.
fn number_after(tokens: &[Token], at: usize) -> bool {
    tokens
        .iter()
        .skip(at + 1)
        .any(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// "Never mind, what about the Lenga?", "olvidalo, ¿y para 4?", "esquece, e a Coihue?": the
/// "forget it" at `at` drops what was just said and asks something else; the trip goes on.
fn asks_after(tokens: &[Token], at: usize) -> bool {
    #[rustfmt::skip]
    const ASKS: &[&str] = &[
        "what", "how", "which", "about", "and", "y", "e", "que", "qual", "cual", "cuanto",
        "quanto", "tienen", "tem", "hay", "tenes",
    ];
    tokens.iter().skip(at + 1).any(|t| t.is_any(ASKS))
}

/// "Nah olvidate, no va a poder ser", "olvidalo nomás", "al final no se va a poder", "no se
/// nos va a dar": the trip called off in words of its own, each a clause that ends there (or
/// only an apology follows). Not "olvidate del cambio", "olvidate, dejala como estaba" (what
/// is held stays), "olvidate, somos 6" (a number said instead), nor "no va a poder ser el 10,
/// ¿el 11?" (something else asked instead).
fn called_off(tokens: &[Token], then: &[&str]) -> Vec<Cue> {
    const FORGET: &[&str] = &[
        "olvidate",
        "olvidalo",
        "olvidense",
        "olvidenlo",
        "olvidemoslo",
    ];
    #[rustfmt::skip]
    const WONT_HAPPEN: &[&[&str]] = &[
        &["no", "va", "a", "poder", "ser"], &["no", "va", "a", "ser", "posible"],
        &["no", "se", "va", "a", "poder"], &["no", "se", "va", "a", "dar"],
        &["no", "se", "nos", "va", "a", "dar"], &["no", "vamos", "a", "poder"],
        &["no", "se", "va", "a", "poder", "ser"], &["no", "va", "a", "poder", "ser", "posible"],
        // "Mudamos de ideia, não queremos mais", "ya no la queremos más".
        &["no", "queremos", "mais"], &["no", "quero", "mais"], &["no", "vamos", "querer"],
        &["nao", "queremos", "mais"], &["nao", "quero", "mais"], &["nao", "vamos", "querer"],
    ];
    if super::cues::keeps_as_is(tokens) {
        return Vec::new();
    }
    // The clause ends after `last`: a stop, the message's end, or only a word of regret.
    let ends = |last: usize| {
        tokens.get(last).is_some_and(|t| t.punct_after)
            || tokens
                .get(last + 1)
                .is_none_or(|n| n.is_any(then) || n.is_any(&["no", "mejor", "todo"]))
    };
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.is_any(FORGET) && ends(i) && !number_after(tokens, i) && !asks_after(tokens, i) {
            out.push(cue(Intent::Cancel, Strong, Quality::Exact, i));
            continue;
        }
        let said = WONT_HAPPEN.iter().find(|words| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|x| x.is(w)))
                && !tokens[i..i + words.len() - 1].iter().any(|x| x.punct_after)
        });
        // "Não quero mais nada", "não queremos mais, obrigado" (to "anything else?"): nothing
        // more wanted, not the stay called off; only the message's last words, or an apology
        // after them, call it off.
        let nothing_more = said.is_some_and(|w| w.contains(&"mais"))
            && tokens
                .get(i + said.map_or(0, |w| w.len()))
                .is_some_and(|n| !n.is_any(&["perdon", "desculpa", "desculpe", "sorry"]));
        if let Some(words) = said
            && ends(i + words.len() - 1)
            && !nothing_more
        {
            out.push(cue(Intent::Cancel, Strong, Quality::Exact, i));
        }
    }
    out
}

/// The "reserv*" family; see the module docs.
fn reserve_cues(tokens: &[Token]) -> Vec<Cue> {
    let before = |i: usize, k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    // "Les escribo para reservar la Lenga…", "me comunico para reservar": the guest writes to
    // book, as strong as "quiero reservar" (a question after it, "¿cuál sería el total?", asks
    // what the hold's message tells).
    let writes_to = |i: usize| {
        before(i, 1).is_some_and(|t| t.is_any(&["para", "pra", "a"]))
            && (2..=4).any(|k| before(i, k).is_some_and(|t| t.is_any(WRITE_TO)))
    };
    let wanted =
        |i: usize| (1..=3).any(|k| before(i, k).is_some_and(|t| t.is_any(WANT))) || writes_to(i);
    // An infinitive that opens the message (or a sentence of it) or follows "please" is an
    // order: "Book the Coihue for 4…", "please book us…", "Reservar la Lenga del 3 al 6",
    // "… do you have parking? book the pet friendly one".
    let ordered = |i: usize| {
        i == 0
            || before(i, 1).is_some_and(|t| {
                t.punct_after || t.is_any(ORDER_LEAD) || t.is_any(&["please", "pls", "plz"])
            })
    };
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if negated_reserve(tokens, i) {
            out.push(cue(Intent::Cancel, Weak, Quality::Exact, i));
            continue;
        }
        // "Por ahora no vamos a reservar": a polite no, no order to book.
        if crate::nlu::affirm::wont_book_at(tokens, i) {
            continue;
        }
        if let Some(q) = lexicon::any_word(t, RESERVE_ORDERS) {
            // "Si reservo y después cancelo…": a booking supposed, not asked for.
            let supposed = before(i, 1).is_some_and(|b| b.is("si") && !b.accented);
            out.push(cue(
                Intent::Book,
                if supposed { Weak } else { Strong },
                q,
                i,
            ));
        } else if let Some(q) = lexicon::any_word(t, RESERVE_INFINITIVES) {
            out.push(cue(
                Intent::Book,
                if wanted(i) || ordered(i) {
                    Strong
                } else {
                    Weak
                },
                q,
                i,
            ));
        } else if let Some(q) = lexicon::word(t, "reserva") {
            if let Some(strength) = reserva_strength(tokens, i) {
                out.push(cue(Intent::Book, strength, q, i));
            }
        } else if t.is("reservas") {
            out.push(cue(
                Intent::Book,
                if t.accented { Strong } else { Weak },
                Quality::Exact,
                i,
            ));
        }
    }
    out
}

/// "No la reserves", "no me la reserven", "no hace falta que la reserves": a booking told not
/// to be done (a "no" a few words before, in the same clause), a weak cancellation: it drops
/// what is offered or held, below any question asked with it ("no me reserves nada, ¿cuánto
/// sale?").
fn negated_reserve(tokens: &[Token], i: usize) -> bool {
    const NOT_TO_BE_DONE: &[&str] = &["reserves", "reserven", "reservenla", "reservenlo"];
    const BETWEEN: &[&str] = &["la", "lo", "me", "nos", "se", "hace", "falta", "que", "mas"];
    if !tokens.get(i).is_some_and(|t| t.is_any(NOT_TO_BE_DONE)) {
        return false;
    }
    (1..=5).any(|k| {
        let Some(at) = i.checked_sub(k) else {
            return false;
        };
        tokens.get(at).is_some_and(|t| t.is("no") && !t.punct_after)
            && tokens
                .get(at + 1..i)
                .is_some_and(|ws| ws.iter().all(|w| w.is_any(BETWEEN) && !w.punct_after))
    })
}

/// "reservá" / "dale, reserva" → strong; "quiero hacer una reserva" → strong; "la reserva" →
/// no cue (an existing booking: cancel or info decide); anything else → weak.
fn reserva_strength(tokens: &[Token], i: usize) -> Option<Strength> {
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    let t = tokens.get(i)?;
    if t.accented {
        return Some(Strong);
    }
    if prev.is_some_and(|p| p.is_any(DETERMINERS)) {
        // "quiero una reserva", "hacer la reserva"; not "quiero cancelar la reserva".
        let asks = i >= 2
            && tokens
                .get(i - 2)
                .is_some_and(|h| h.is_any(WANT) || h.is_any(&["hacer", "hago", "hacemos"]));
        return asks.then_some(Strong);
    }
    match prev {
        None => Some(Strong),
        Some(p) if p.is_any(ORDER_LEAD) => Some(Strong),
        Some(_) => Some(Weak),
    }
}

/// "hay lugar", "tenés lugar para…"; not "lindo lugar", nor room for a car ("¿hay lugar para
/// estacionar?", "lugar para 2 autos": a parking question).
fn lugar_cues(tokens: &[Token]) -> Vec<Cue> {
    const VEHICLES: &[&str] = &[
        "estacionar",
        "auto",
        "autos",
        "coche",
        "coches",
        "camioneta",
        "camionetas",
        "moto",
        "motos",
        "vehiculo",
        "vehiculos",
        "carro",
    ];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(q) = lexicon::word(t, "lugar") else {
            continue;
        };
        if (1..=3).any(|k| tokens.get(i + k).is_some_and(|n| n.is_any(VEHICLES))) {
            continue;
        }
        let before = (1..=2).any(|k| {
            i.checked_sub(k)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_any(LUGAR_BEFORE))
        });
        let after = tokens
            .get(i + 1)
            .is_some_and(|n| n.is_any(&["para", "libre", "disponible"]));
        if before || after {
            out.push(cue(Intent::CheckAvailability, Strong, q, i));
        }
    }
    out
}

/// "¿Tienen?", "¿y hay esas fechas?", "che, ¿tenés para esos días?": a verb of having and
/// nothing else, so what is had is the stay talked about (a message of its own after the
/// dates, as guests split what they write).
fn bare_have_cues(tokens: &[Token]) -> Vec<Cue> {
    const HAVE: &[&str] = &[
        "tienen", "tenes", "tenian", "tendrian", "tendras", "hay", "habra", "habria",
    ];
    const AROUND: &[&str] = &[
        "y", "che", "entonces", "pero", "hola", "buenas", "ah", "bueno", "ok", "esos", "dias",
        "esas", "fechas", "para", "eso", "ahi", "o", "no", "entonces", "vos", "ustedes",
    ];
    let Some(pos) = tokens.iter().position(|t| t.is_any(HAVE)) else {
        return Vec::new();
    };
    let bare = tokens.len() <= 6
        && tokens
            .iter()
            .all(|t| t.is_any(HAVE) || t.is_any(AROUND) || t.is_any(lexicon::INTERJECTIONS));
    if bare {
        vec![cue(Intent::CheckAvailability, Strong, Quality::Exact, pos)]
    } else {
        Vec::new()
    }
}

/// "¿Es cara la Lenga?", "la Ñire es muy cara?", "a Lenga é cara?", "is the Ñire expensive?"
/// (bridged "caro"): whether a cabin is dear, asked with a verb of being before the word, is a
/// weak question of its price. Not a comparison or a pick ("la más cara", "menos caro"), a
/// wish ("algo no tan caro") or a complaint ("re caro", "too expensive", "demasiado caro").
fn dear_cues(tokens: &[Token]) -> Vec<Cue> {
    const DEAR: &[&str] = &["caro", "cara", "caros", "caras"];
    const BEING: &[&str] = &[
        "es", "son", "is", "are", "e", "sao", "seria", "sera", "esta",
    ];
    const NOT_ASKED: &[&str] = &[
        "mas",
        "menos",
        "more",
        "most",
        "less",
        "least",
        "tan",
        "no",
        "nada",
        "poco",
        "re",
        "demasiado",
        "too",
        "so",
    ];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_any(DEAR) {
            continue;
        }
        let before = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
        if before(1).is_some_and(|b| b.is_any(NOT_ASKED)) {
            continue;
        }
        // Portuguese "é" is bridged to "y" with its accent kept.
        let being = |b: &Token| b.is_any(BEING) || (b.accented && b.is_any(&["e", "y"]));
        if (1..=4).any(|k| before(k).is_some_and(being)) {
            out.push(cue(Intent::AskPrice, Weak, Quality::Exact, i));
        }
    }
    out
}

/// "cuánto" about money: not "cuánto tiempo", "cuánto queda".
/// "¿A cuánto están del centro?", "¿a cuánto queda el lago?": "cuánto" at `i` asks a distance
/// ("¿a cuánto está la noche?" asks a price).
fn asks_how_far(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_some_and(|n| n.is_any(&["esta", "estan", "estamos", "queda", "quedan"]))
        && tokens.iter().any(|t| t.is_any(PLACES_AWAY))
}

fn cuanto_cues(tokens: &[Token]) -> Vec<Cue> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(q) = lexicon::word(t, "cuanto") else {
            continue;
        };
        // "¿Cuánto queda la seña ahora?", "¿y la seña cuánto queda?": what a sum comes to,
        // not how long or how far.
        let sum_comes_to = tokens
            .get(i + 1)
            .is_some_and(|n| n.is_any(&["queda", "quedaria"]))
            && tokens.iter().any(|t| t.is_any(SUMS));
        if !asks_how_far(tokens, i)
            && (sum_comes_to
                || !tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_any(CUANTO_NOT_PRICE)))
        {
            out.push(cue(Intent::AskPrice, Strong, q, i));
        }
    }
    out
}

//! Which accommodation the guest named, among the property's own names.
//!
//! Names are compared as tokens (case and accents ignored). Generic words ("cabaña", "la",
//! "del", "casa", "suite"...) do not identify anything, so "Cabaña del Lago" is named by
//! "la del lago", "lago" or "cabaña lago", and "Cabaña Coihue" by "la coihue". A name made only
//! of generic words and numbers ("Cabaña 3") needs all of it ("cabaña 3"). The best-scoring
//! name wins; a tie means the guest was not specific and gives `None`.

use super::{lexicon, normalize::Token, normalize::tokenize, numbers};

/// Words that describe a kind of place, not a particular one.
#[rustfmt::skip]
const GENERIC: &[&str] = &[
    "cabana", "cabanas", "casa", "casita", "depto", "dpto", "departamento", "suite", "habitacion",
    "hab", "loft", "domo", "room", "hotel", "hostel", "apart", "bungalow", "chalet", "la", "el",
    "los", "las", "del", "de", "y", "en", "con",
];

/// The entry of `names` the message refers to, if exactly one stands out.
pub(crate) fn find(tokens: &[Token], names: &[&str]) -> Option<String> {
    let scores: Vec<(usize, &str)> = names.iter().map(|n| (score(tokens, n), *n)).collect();
    let best = scores.iter().map(|(s, _)| *s).max().filter(|s| *s > 0)?;
    let winners: Vec<&str> = scores
        .iter()
        .filter(|(s, _)| *s == best)
        .map(|(_, n)| *n)
        .collect();
    match winners.as_slice() {
        [only] => Some((*only).to_owned()),
        tied => changed_mind_to(tokens, tied).map(str::to_owned),
    }
}

/// Words after which the guest names what they want instead ("la coihue... no, mejor la
/// ñire", "la lenga, bah, prefiero la coihue").
const CHANGE_OF_MIND: &[&str] = &["mejor", "prefiero", "preferimos", "final", "no", "bah"];

/// Of several names in one message, the only one named after the guest's last change of mind,
/// when every other one was named before it; else none (the guest was not specific).
fn changed_mind_to<'a>(tokens: &[Token], tied: &[&'a str]) -> Option<&'a str> {
    let turn = tokens.iter().rposition(|t| t.is_any(CHANGE_OF_MIND))?;
    let mentions = |name: &str| -> Vec<usize> {
        let words: Vec<String> = tokenize(name).into_iter().map(|t| t.text).collect();
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                words
                    .iter()
                    .any(|w| w.len() >= 3 && !GENERIC.contains(&w.as_str()) && names(t, w))
            })
            .map(|(i, _)| i)
            .collect()
    };
    let mut after = tied
        .iter()
        .filter(|n| mentions(n).iter().any(|&i| i > turn));
    let chosen = after.next()?;
    let others_before = tied
        .iter()
        .filter(|n| *n != chosen)
        .all(|n| mentions(n).iter().all(|&i| i < turn));
    (after.next().is_none() && others_before).then_some(*chosen)
}

/// Verbs of wanting a place itself ("quiero la coihue", "quero o chalé Ñire", "I'd like the
/// Lenga", "we'll take the Coihue"), as the bridge leaves them.
const WANT_IT: &[&str] = &[
    "quiero",
    "queremos",
    "quisiera",
    "quisieramos",
    "queria",
    "queriamos",
    "tomo",
    "tomamos",
];

/// Verbs of choosing a place said with "por" before it ("optamos por la Lenga", "nos decidimos
/// por la Coihue").
const CHOOSE_FOR: &[&str] = &["optamos", "opto", "decidimos", "decido", "inclinamos"];

/// Verbs of choosing a place said right before it ("elegimos la Coihue", "escolhemos a
/// Ñire"). Not "prefiero la Ñire": a preference only brings that option into focus.
const CHOOSE: &[&str] = &["elijo", "elegimos", "escolho", "escolhemos", "escogemos"];

/// Words that may stand between the verb and the name: articles and kinds of place.
const BEFORE_NAME: &[&str] = &["o", "a", "the", "chale", "cabin", "um", "un", "una", "uma"];

/// The words of a cabin's name that tell it apart ("coihue" of "Cabaña Coihue").
fn name_words(name: &str) -> Vec<String> {
    tokenize(name)
        .into_iter()
        .map(|t| t.text)
        .filter(|w| w.len() >= 3 && !GENERIC.contains(&w.as_str()))
        .collect()
}

/// "¿La Arrayán tiene vista al lago?", "does the Ñire have a fireplace?": the words asked
/// about a cabin named, after "tiene"/"has"/"tem" and without its name and articles; `None`
/// when the message asks no such thing.
pub(crate) fn asked_of(tokens: &[Token], name: &str) -> Option<String> {
    const HAS: &[&str] = &[
        "tiene", "tienen", "has", "have", "tem", "hay", "esta", "queda", "is", "fica",
    ];
    const ARTICLES: &[&str] = &[
        "la", "el", "una", "un", "a", "an", "the", "o", "cabana", "cabin", "chale", "en", "in",
        "no",
    ];
    let words = name_words(name);
    let names_it = |t: &Token| words.iter().any(|w| lexicon::word(t, w).is_some());
    let verb = tokens.iter().position(|t| t.is_any(HAS))?;
    // "¿Hay microondas en las cabañas?": the thing, not where.
    let mut asked_any = false;
    let asked: Vec<&str> = tokens[verb + 1..]
        .iter()
        .skip_while(|t| names_it(t) || t.is_any(ARTICLES))
        .take_while(|t| {
            let where_or_why = asked_any && t.is_any(&["en", "in", "para", "por", "que", "porque"]);
            let go_on = !(names_it(t) || where_or_why);
            asked_any = true;
            go_on
        })
        .take(4)
        .map(|t| t.text.as_str())
        .collect();
    // "¿Tienen vajilla y todo?", "¿hay heladera o algo así?": the thing, not the trail.
    const TRAIL: &[&str] = &[
        "y", "o", "todo", "eso", "algo", "asi", "demas", "nada", "etc",
    ];
    let end = asked
        .iter()
        .rposition(|w| !ARTICLES.contains(w) && !TRAIL.contains(w))
        .map_or(0, |k| k + 1);
    (end > 0).then(|| asked[..end].join(" "))
}

/// "¿La Coihue tiene deck? ¿y parrilla? ¿cuánto sale?", "la ñire tiene jacuzzi y deck?": the
/// words asked, in a clause of their own (cut at punctuation or an "y"/"and"), of a thing no
/// feature, date or number names; `None` when no clause asks such a thing.
pub(crate) fn asked_in_a_clause(tokens: &[Token], name: &str) -> Option<String> {
    let mut clauses: Vec<&[Token]> = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let ends = t.punct_after || tokens.get(i + 1).is_some_and(Token::is_and);
        if ends {
            clauses.push(&tokens[start..=i]);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        clauses.push(&tokens[start..]);
    }
    if clauses.len() < 2 {
        return None;
    }
    clauses.into_iter().find_map(|clause| {
        let plain = clause
            .iter()
            .all(|t| t.is_alpha() && !t.is_any(&["precio", "sale", "cuesta", "cuanto", "libre"]));
        // "…? si tiene, dale": the condition of a choice, no question.
        let condition = clause
            .first()
            .is_some_and(|t| t.is_any(&["si", "if", "se", "caso"]));
        if !plain || condition || !super::cues::features(clause).is_empty() {
            return None;
        }
        // "¿La Ñire tiene jacuzzi? ¿y deck?": a thing said after "y" alone is asked too.
        let words = asked_of(clause, name).or_else(|| asked_after_and(clause))?;
        // "Uh q pena. ¿Y la Coihue?": the cabin itself is no thing it has.
        let its_name = name_words(name);
        let a_name = words
            .split_whitespace()
            .any(|w| its_name.iter().any(|n| n == w));
        (a_thing(&words) && !a_name && words.split_whitespace().count() <= 3).then_some(words)
    })
}

/// Words asked of a cabin ([`asked_of`]) that name a thing it may have ("3 habitaciones",
/// "microondas"), not the amenities as a whole ("comodidades", "qué", "todo") nor room for a
/// party ("lugar para 6").
pub(crate) fn a_thing(words: &str) -> bool {
    const WHOLE: &[&str] = &[
        "comodidades",
        "servicios",
        "amenities",
        "que",
        "algo",
        "todo",
        "todos",
        "incluido",
        "incluye",
        "cosas",
        "equipamiento",
        "diferencia",
        "diferencias",
        "mas",
        "menos",
        "lugar",
        "capacidad",
        "disponibilidad",
        "para",
        "espacio",
        "libre",
        "libres",
        "disponible",
        "precio",
        "cupo",
        "lindo",
        "linda",
        "bueno",
        "buena",
        "entre",
        "de",
        "diferente",
        "distinto",
        "distinta",
        "como",
        // "¿Tienen fotos de la Ñire?": pictures of it, which the photos answer.
        "fotos",
        "foto",
        "fotitos",
        "imagenes",
        "photos",
        "pictures",
        "pics",
        // "Is that ok?", "¿eso está bien?", "tudo bem?": whether what was said is fine, no thing.
        "that",
        "this",
        "it",
        "ok",
        "okay",
        "fine",
        "alright",
        "eso",
        "esto",
        "bien",
        "problema",
        "problem",
        "isso",
        "tudo",
        "bem",
        // "Vi la Lenga en Instagram, está divina": praise, no thing asked.
        "divina",
        "divino",
        "hermosa",
        "hermoso",
        "preciosa",
        "precioso",
        "espectacular",
        "increible",
        "barbara",
        "barbaro",
        "genial",
        "buenisima",
        "buenisimo",
        "impresionante",
        "maravillosa",
        "bonita",
        "bonito",
        "beautiful",
        "gorgeous",
        "amazing",
        "lovely",
        "incrivel",
        "perfecta",
        "perfecto",
    ];
    // "Which is your largest cabin…", "¿cuál es tu más barata?": a possessive before the words
    // says whose, not what; the word after it decides ("your mas grande" is a choice, no thing).
    const WHOSE: &[&str] = &[
        "your", "our", "my", "tu", "tus", "su", "sus", "mi", "mis", "nuestra", "nuestro", "sua",
        "suas", "seu", "seus", "nossa", "nosso", "minha", "meu",
    ];
    words
        .split_whitespace()
        .find(|w| !WHOSE.contains(w))
        .is_some_and(|w| !WHOLE.contains(&w))
}

/// The guest asks for `name` itself: a verb of wanting or choosing right before it, only
/// articles and kinds of place between ("quiero la cabaña Coihue", "quero o chalé Ñire",
/// "elegimos la Lenga", "optamos por la Coihue"). Not "quiero saber si la coihue…" (a question
/// about it). "Me quedo con la Ñire", "vamos con la Ñire" and "prefiero la Ñire" only bring
/// that option into focus (a yes books it).
pub(crate) fn wanted(tokens: &[Token], name: &str) -> bool {
    let words = name_words(name);
    let names_it = |t: &Token| words.iter().any(|w| names(t, w));
    let filler = |b: &Token| b.is_any(BEFORE_NAME) || (b.is_any(GENERIC) && !b.is("con"));
    let chooses = |v: usize, i: usize| {
        let between = &tokens[v + 1..i];
        let joined = |verbs: &[&str], word: &str| {
            tokens[v].is_any(verbs)
                && between.first().is_some_and(|b| b.is(word))
                && between[1..].iter().all(filler)
        };
        (tokens[v].is_any(WANT_IT) || tokens[v].is_any(CHOOSE)) && between.iter().all(filler)
            || joined(CHOOSE_FOR, "por")
    };
    tokens.iter().enumerate().any(|(i, t)| {
        names_it(t) && (1..=5).any(|k| i.checked_sub(k).is_some_and(|v| chooses(v, i)))
    })
}

/// "Me quedo con la Ñire", "vamos con la Coihue", "ficamos com a Lenga": `name` settled on
/// with "con" (a pick: with a yes it books, alone it brings the option into focus).
pub(crate) fn settled_on(tokens: &[Token], name: &str) -> bool {
    const WITH: &[&str] = &[
        "quedo",
        "quedamos",
        "vamos",
        "voy",
        "ficamos",
        "fico",
        "ficar",
        "quedaremos",
    ];
    let words = name_words(name);
    tokens.iter().enumerate().any(|(i, t)| {
        words.iter().any(|w| names(t, w))
            && (2..=5).any(|k| {
                i.checked_sub(k).is_some_and(|v| {
                    tokens[v].is_any(WITH)
                        && tokens[v + 1].is("con")
                        && tokens[v + 2..i]
                            .iter()
                            .all(|b| b.is_any(BEFORE_NAME) || b.is_any(&["la", "el", "cabana"]))
                })
            })
    })
}

/// "Entonces la Lenga…", "ok, then the Ñire…", "então o chalé Coihue…": `name` said right
/// after a "then", only articles and kinds of place between: the guest concludes on it.
pub(crate) fn concluded_on(tokens: &[Token], name: &str) -> bool {
    const THEN: &[&str] = &["entonces", "entons", "then", "entao"];
    let words = name_words(name);
    tokens.iter().enumerate().any(|(i, t)| {
        words.iter().any(|w| names(t, w))
            && (1..=3).any(|k| {
                i.checked_sub(k).is_some_and(|v| {
                    tokens[v].is_any(THEN)
                        && !tokens[v].punct_after
                        && tokens[v + 1..i].iter().all(|b| {
                            b.is_any(&["la", "el", "a", "o", "the", "cabana", "chale", "cabin"])
                        })
                })
            })
    })
}

/// `name` described in a relative clause right after it ("cambiame a la ñire q tiene
/// jacuzzi", "la lenga que es más grande"): the feature says why the guest wants it, it does not
/// ask whether it has it.
pub(crate) fn described(tokens: &[Token], name: &str) -> bool {
    let words = name_words(name);
    let names_it = |t: &Token| words.iter().any(|w| names(t, w));
    tokens.iter().enumerate().any(|(i, t)| {
        names_it(t)
            && !t.punct_after
            && tokens
                .get(i + 1)
                .is_some_and(|q| q.is_any(&["que", "q", "k"]))
            && tokens.get(i + 2).is_some_and(|v| {
                v.is_any(&[
                    "tiene", "trae", "tenia", "acepta", "es", "tenes", "sale", "cuesta",
                ])
            })
    })
}

/// What may follow the "no" after a cabin's name when the guest turns it down ("la coihue
/// no, la otra", "la lenga no me convence", "the Ñire no, the other one" as bridged).
const AFTER_NO: &[&str] = &[
    "me",
    "nos",
    "quiero",
    "queremos",
    "mejor",
    "la",
    "el",
    "otra",
    "otro",
    "gracias",
    "va",
    "tenes",
    "tienen",
    "hay",
    "porfa",
    "dale",
    "prefiero",
    "preferimos",
    "a",
    "o",
    "que",
    "q",
];

/// Words before a cabin's name that turn it down ("no quiero la coihue", "no me convence la
/// lenga", "não curti a Coihue", "não gostei da Ñire", "I don't like the Coihue", "not keen on
/// the Lenga", as written and as bridged).
#[rustfmt::skip]
const NOT_WANTED: &[&str] = &[
    "no quiero", "no queremos", "no me gusta", "no nos gusta", "no me convence",
    "no nos convence", "no me copa", "no me gusto", "no nos gusto", "no me convencio",
    "no nos convencio", "no me cierra", "no nos cierra", "no me copo",
    "nao curti", "nao curtimos", "nao gostei", "nao gostamos", "nao quero", "nao queremos",
    "no curti", "no curtimos", "no gostei", "no gostamos", "nao me agradou", "nao me convenceu",
    "dont like", "don t like", "do not like", "didnt like", "didn t like", "not keen on",
    "not sure about", "not a fan of", "no me gusta mucho",
];

/// "La coihue no, la otra", "la lenga no me convence", "la ñire tampoco", "no quiero la
/// arrayán", "not the Coihue": the cabins the guest turns down by name. A question about one ("¿la lenga no está
/// libre?", "¿la coihue no tiene parrilla?") and a bare "no, la coihue" (the Coihue chosen)
/// turn none down; "¿y la coihue no?" (`asked_no`: a "no?" in the message) asks about it.
pub(crate) fn turned_down(tokens: &[Token], all: &[&str], asked_no: bool) -> Vec<String> {
    all.iter()
        .filter(|n| {
            let words = name_words(n);
            let names_it = |t: &Token| words.iter().any(|w| names(t, w));
            tokens.iter().enumerate().any(|(i, t)| {
                if !names_it(t) {
                    return false;
                }
                let after = tokens.get(i + 1);
                let no_after = after.is_some_and(|a| a.is("no") && !(a.punct_after && asked_no))
                    && tokens.get(i + 2).is_none_or(|next| next.is_any(AFTER_NO));
                let neither = after.is_some_and(|a| a.is("tampoco"));
                let before = NOT_WANTED.iter().any(|p| {
                    lexicon::find_phrase(&tokens[..i], p).is_some_and(|(pos, q)| {
                        q == lexicon::Quality::Exact
                            && tokens[pos + lexicon::phrase_len(p)..i].iter().all(|b| {
                                // "não gostei da Coihue", "not a fan of the Lenga".
                                b.is_any(GENERIC)
                                    || b.is_any(BEFORE_NAME)
                                    || b.is_any(&["da", "do", "of"])
                            })
                    })
                });
                // "Not the Coihue, the Ñire": English says it before the name, and means it.
                let not_before = (1..=3).any(|k| {
                    i.checked_sub(k).is_some_and(|v| {
                        tokens[v].is("not")
                            && !tokens[v].punct_after
                            && tokens[v + 1..i]
                                .iter()
                                .all(|b| b.is_any(GENERIC) || b.is_any(BEFORE_NAME))
                    })
                });
                no_after
                    || neither
                    || before
                    || not_before
                    || instead_of(tokens, i)
                    || cancelled_for_another(tokens, i, all)
            })
        })
        .map(|n| (*n).to_owned())
        .collect()
}

/// "En vez del Arrayán, la Lenga", "la Lenga en lugar del Arrayán", "the Lenga instead of the
/// Arrayán", "em vez da Arrayán": the cabin named at `i` is the one given up.
fn instead_of(tokens: &[Token], i: usize) -> bool {
    const LEADS: &[&str] = &[
        "en vez",
        "en lugar",
        "instead of",
        "em vez",
        "ao inves",
        "no lugar",
    ];
    const BETWEEN: &[&str] = &["de", "del", "da", "do", "of", "la", "el", "the", "a", "o"];
    LEADS.iter().any(|lead| {
        lexicon::find_phrase(&tokens[..i], lead).is_some_and(|(pos, q)| {
            let from = pos + lexicon::phrase_len(lead);
            q == lexicon::Quality::Exact
                && i - from <= 3
                && tokens[from..i]
                    .iter()
                    .all(|b| b.is_any(BETWEEN) || b.is_any(GENERIC) || b.is_any(BEFORE_NAME))
        })
    })
}

/// "Cancel that and book the Ñire instead", "cancelala y reservame la Lenga", "cancela essa
/// e me passa pra Coihue": the hold given up by a pronoun (no cabin named before the verb of
/// cancelling nor between it and the verb of booking or moving), and `name` named after that
/// verb, where the guest moves.
pub(crate) fn cancelled_for(tokens: &[Token], name: &str, all: &[&str]) -> bool {
    let names_any = |t: &Token| {
        all.iter()
            .any(|n| name_words(n).iter().any(|w| names(t, w)))
    };
    let Some(v) = tokens.iter().position(|t| t.is_any(CANCEL)) else {
        return false;
    };
    // "Cancel it, we'll book the Coihue next year": a booking told of later, no move now.
    const LATER: &[&str] = &[
        "we", "ll", "will", "i", "a", "to", "vamos", "voy", "vou", "vai", "going", "maybe",
    ];
    // "Cancelame la reserva de la Ñire": "reserva" there is the booking, no verb.
    const OF_A_NOUN: &[&str] = &[
        "la", "el", "mi", "my", "the", "a", "o", "minha", "nuestra", "su", "esa", "essa", "this",
        "that", "your", "tu", "de", "da", "do",
    ];
    let Some(take) = (v + 1..tokens.len()).find(|&k| {
        (tokens[k].is_any(TAKE) || tokens[k].is_any(GIVE))
            && !tokens[k - 1].is_any(LATER)
            && !tokens[k - 1].is_any(OF_A_NOUN)
    }) else {
        return false;
    };
    let words = name_words(name);
    !tokens[..take].iter().any(names_any)
        && tokens[take..]
            .iter()
            .any(|t| words.iter().any(|w| names(t, w)))
}

/// Verbs of cancelling, as said or bridged.
const CANCEL: &[&str] = &[
    "cancela",
    "cancelame",
    "cancelala",
    "cancel",
    "cancelar",
    "cancele",
    "cancelen",
    "cancelalo",
];

/// "Cancelá la Coihue nomás, nos arreglamos en la Lenga": of the cabins `named`, the one named
/// right after the verb of cancelling (the others are kept).
pub(crate) fn right_after_cancel(tokens: &[Token], named: &[String]) -> Option<String> {
    let v = tokens.iter().position(|t| t.is_any(CANCEL))?;
    let near = v + 1..(v + 4).min(tokens.len());
    named
        .iter()
        .find(|n| {
            let words = name_words(n);
            near.clone()
                .any(|k| words.iter().any(|w| names(&tokens[k], w)))
        })
        .cloned()
}

/// Verbs of booking or moving (and "instead") said after a cancellation: another place wanted.
const TAKE: &[&str] = &[
    "reservame",
    "reservala",
    "reservar",
    "reserva",
    "reservanos",
    "book",
    "pasame",
    "pasanos",
    "cambiame",
    "cambianos",
    "instead",
    "lugar",
    "quiero",
    "queremos",
    // "Cancel the Ñire and switch me to the Arrayán", "cancela a Ñire e troca para a Lenga".
    "switch",
    "move",
    "change",
    "troca",
    "trocar",
    "muda",
    "mudar",
    "passa",
    "reservamela",
    "reserve",
];

/// More ways of asking for a place after a cancellation ("cancel that and give us the Coihue",
/// "cancelala y nos quedamos con la Lenga", "cancela e fico com a Ñire").
const GIVE: &[&str] = &[
    "give",
    "dame",
    "danos",
    // "Cancelala y haceme la Coihue", "y armame la Lenga", "y poneme en la Ñire".
    "haceme",
    "hacenos",
    "armame",
    "armanos",
    "poneme",
    "ponenos",
    "anotame",
    "anotanos",
    "guardame",
    "guardanos",
    "agendame",
    "quedamos",
    "quedo",
    "prefiero",
    "preferimos",
    "mejor",
    "cambio",
    "quero",
    "queremos",
    "prefiro",
    "fico",
    "ficamos",
    "manda",
    "dai",
    "deixa",
];

/// "Cancel the Ñire and book the Arrayán instead", "cancelá la Ñire y pasame a la Lenga",
/// "cancela a Coihue e reserva a Lenga": the cabin at `i`, right after a verb of cancelling,
/// given up for another one named after it with a verb of booking or moving.
fn cancelled_for_another(tokens: &[Token], i: usize, all: &[&str]) -> bool {
    let cancelled = (1..=3).any(|k| {
        i.checked_sub(k).is_some_and(|v| {
            tokens[v].is_any(CANCEL)
                && tokens[v + 1..i]
                    .iter()
                    .all(|b| b.is_any(GENERIC) || b.is_any(BEFORE_NAME))
        })
    });
    if !cancelled {
        return false;
    }
    let here: Vec<&str> = all
        .iter()
        .copied()
        .filter(|n| name_words(n).iter().any(|w| names(&tokens[i], w)))
        .collect();
    let rest = &tokens[i + 1..];
    rest.iter().any(|t| t.is_any(TAKE))
        && all.iter().filter(|n| !here.contains(n)).any(|n| {
            let words = name_words(n);
            rest.iter().any(|t| words.iter().any(|w| names(t, w)))
        })
}

/// 100 + length for the whole name in order; otherwise 10 per distinctive word present.
/// Every name the message points at equally well ("la lenga y la coihue"): the tie [`find`]
/// refuses to break.
pub(crate) fn find_all(tokens: &[Token], names: &[&str]) -> Vec<String> {
    let scores: Vec<(usize, &str)> = names.iter().map(|n| (score(tokens, n), *n)).collect();
    let Some(best) = scores.iter().map(|(s, _)| *s).max().filter(|s| *s > 0) else {
        return Vec::new();
    };
    let tied: Vec<&str> = scores
        .iter()
        .filter(|(s, _)| *s == best)
        .map(|(_, n)| *n)
        .collect();
    match changed_mind_to(tokens, &tied) {
        Some(chosen) if tied.len() > 1 => vec![chosen.to_owned()],
        _ => tied.into_iter().map(str::to_owned).collect(),
    }
}

/// A token naming `w`, a word of a cabin's name: as any keyword matches (exactly, or with the
/// typos the lexicon allows), or spelt by ear, as guests write names they only heard: the
/// same sounds ("arrallan" or "arrashan" for Arrayán, "coiwe", "coigüe" or "koihue" for
/// Coihue), one letter off a name of six letters or more (the first one right), or one letter
/// for another alike in a name of five ("lemga" for Lenga). Never a word the lexicon knows,
/// nor one shorter than four letters unless written with the "ñ" of a name ("ñre").
fn names(t: &Token, w: &str) -> bool {
    if lexicon::word(t, w).is_some() {
        return true;
    }
    // "la ñre": three letters, but with the "ñ" only a name has.
    if t.enye && t.text.len() == 3 && w.starts_with('n') && !t.known {
        return lexicon::within_one_edit(&t.text, w);
    }
    if t.known || !t.is_alpha() || t.text.len() < 4 {
        return false;
    }
    let (said, name) = (by_ear(&t.text), by_ear(w));
    if said == name {
        return true;
    }
    if said.len() >= 6 && name.len() >= 6 {
        return said.get(..1) == name.get(..1) && lexicon::within_one_edit(&said, &name);
    }
    // Five letters: one letter for another that sounds or sits alike ("lemga"), never any
    // other ("tenga", "venga", "lenta" are words of their own).
    let diff: Vec<(char, char)> = said
        .chars()
        .zip(name.chars())
        .filter(|(a, b)| a != b)
        .collect();
    said.chars().count() == name.chars().count()
        && matches!(diff.as_slice(), [(a, b)] if ALIKE.contains(&(*a, *b)) || ALIKE.contains(&(*b, *a)))
}

/// Words before a cabin's name: articles and the prepositions it follows.
const BEFORE_HEARD: &[&str] = &[
    "la", "el", "a", "o", "en", "de", "del", "al", "the", "na", "da", "cabana", "cabin",
];

/// Cabin names as speech-to-text writes them in a voice note: split in two words ("la koi
/// hue", "la a rayan", "la ñi re", "la len ga") or heard as a word of the language ("la
/// lengua" for the Lenga). After an article or a preposition, such words are put back as the
/// name's own word, so every reading of names sees the cabin; elsewhere they stay ("¿en qué
/// lengua hablan?").
pub(crate) fn heard_names(tokens: Vec<Token>, cabins: &[&str]) -> Vec<Token> {
    let words: Vec<String> = cabins.iter().flat_map(|n| name_words(n)).collect();
    if words.is_empty() {
        return tokens;
    }
    let names_any = |t: &Token| words.iter().any(|w| names(t, w));
    let heard_as = |said: &str| {
        let said = by_ear(said);
        words.iter().find(|w| by_ear(w) == said).cloned()
    };
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let after_article = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| p.is_any(BEFORE_HEARD));
        // "koi hue", "a rayan", "ñi re": two pieces that together sound like the name.
        if after_article
            && let Some(next) = tokens.get(i + 1)
            && t.is_alpha()
            && next.is_alpha()
            && !t.punct_after
            && !names_any(t)
            && !names_any(next)
            && t.text.len() + next.text.len() >= 4
            && let Some(w) = heard_as(&format!("{}{}", t.text, next.text))
        {
            out.push(Token {
                text: w,
                accented: false,
                punct_after: next.punct_after,
                known: false,
                enye: t.enye || next.enye,
            });
            i += 2;
            continue;
        }
        // "la lengua": "ga" heard as "gua".
        if after_article
            && t.is_alpha()
            && !names_any(t)
            && (t.text.contains("gua") || t.text.contains("guo"))
            && let Some(w) = heard_as(&t.text.replace("gua", "ga").replace("guo", "go"))
        {
            out.push(Token {
                text: w,
                known: false,
                ..t.clone()
            });
            i += 1;
            continue;
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// Letters guests write one for the other in a name: next to each other on the keyboard and
/// alike in sound.
const ALIKE: &[(char, char)] = &[('m', 'n'), ('i', 'y'), ('g', 'j'), ('c', 's')];

/// A folded word as it sounds in Rioplatense Spanish: "hue"/"gue" as "we", a silent "h" left
/// out, "ll", "sh" and "y" alike, "v" as "b", "z" and soft "c" as "s", hard "c", "k" and "qu"
/// as "k", double letters once.
fn by_ear(word: &str) -> String {
    let w = word
        .replace("gue", "we")
        .replace("gui", "wi")
        .replace("hue", "we")
        .replace("hui", "wi")
        .replace("sh", "y")
        .replace('h', "")
        .replace("ll", "y")
        .replace('v', "b")
        .replace('z', "s")
        .replace("ce", "se")
        .replace("ci", "si")
        .replace("qu", "k")
        .replace('c', "k");
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn score(tokens: &[Token], name: &str) -> usize {
    let words: Vec<String> = tokenize(name).into_iter().map(|t| t.text).collect();
    if words.is_empty() {
        return 0;
    }
    let phrase = words.join(" ");
    if lexicon::find_phrase(tokens, &phrase).is_some() {
        return 100 + words.len();
    }
    words
        .iter()
        .filter(|w| {
            w.len() >= 3 && !GENERIC.contains(&w.as_str()) && !w.chars().any(|c| c.is_ascii_digit())
        })
        .filter(|w| tokens.iter().any(|t| names(t, w)))
        .count()
        * 10
}

/// "5 en la Lenga y 2 en el Arrayán", "6 in the Lenga and 3 in the Ñire", "4 na Coihue e 2
/// na Arrayán", "la Lenga para 6 y la Ñire para 3": how many the guest puts in each cabin
/// named, in the order said. Empty unless two or more cabins each get their number.
pub(crate) fn placed(tokens: &[Token], cabins: &[&str]) -> Vec<(String, u16)> {
    const IN: &[&str] = &["en", "in", "na", "no", "at"];
    const FOR: &[&str] = &["para", "pa", "for", "pra", "de"];
    const ARTICLE: &[&str] = &[
        "la", "el", "los", "las", "the", "a", "o", "cabana", "cabin", "chale",
    ];
    let words: Vec<(&str, Vec<String>)> = cabins.iter().map(|n| (*n, name_words(n))).collect();
    // The cabin named at `k` (after articles and kinds of place): its name and where it ends.
    let cabin_at = |mut k: usize| -> Option<(&str, usize)> {
        while tokens.get(k).is_some_and(|t| t.is_any(ARTICLE)) {
            k += 1;
        }
        let t = tokens.get(k)?;
        let found = words
            .iter()
            .find(|(_, ws)| ws.iter().any(|w| names(t, w)))
            .map(|(n, _)| *n)?;
        Some((found, k + 1))
    };
    let count_at = |k: usize| -> Option<(u16, usize)> {
        let n =
            numbers::parse_at(tokens, k).filter(|n| !n.ordinal && (1..=20).contains(&n.value))?;
        Some((u16::try_from(n.value).ok()?, k + n.len))
    };
    let mut out: Vec<(String, u16)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // "5 en la Lenga", "5 personas en la Lenga"
        if let Some((n, mut end)) = count_at(i) {
            if tokens
                .get(end)
                .is_some_and(|t| t.is_any(&["personas", "people", "pessoas", "adultos"]))
            {
                end += 1;
            }
            if tokens.get(end).is_some_and(|t| t.is_any(IN))
                && let Some((name, next)) = cabin_at(end + 1)
            {
                out.push((name.to_owned(), n));
                i = next;
                continue;
            }
        }
        // "la Lenga para 6", "the Arrayán for my parents"
        if tokens.get(i).is_some_and(|t| t.is_any(ARTICLE))
            && let Some((name, end)) = cabin_at(i)
            && tokens.get(end).is_some_and(|t| t.is_any(FOR))
            && let Some((n, next)) = count_at(end + 1).or_else(|| couple_at(tokens, end + 1))
        {
            out.push((name.to_owned(), n));
            i = next;
            continue;
        }
        i += 1;
    }
    let mut seen: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
    seen.sort_unstable();
    seen.dedup();
    if out.len() < 2 || seen.len() != out.len() {
        return Vec::new();
    }
    out
}

/// "Mis viejos", "my parents", "meus pais", "los abuelos": a couple named by who they are
/// (two people), at `k`; and where it ends.
fn couple_at(tokens: &[Token], k: usize) -> Option<(u16, usize)> {
    const WHOSE: &[&str] = &[
        "mis", "mi", "my", "meus", "los", "nuestros", "our", "os", "the",
    ];
    let k = k + usize::from(tokens.get(k).is_some_and(|t| t.is_any(WHOSE)));
    tokens
        .get(k)
        .is_some_and(|t| t.is_any(lexicon::A_PAIR))
        .then_some((2, k + 1))
}

/// "¿Y deck?", "and a fireplace?", "e lareira?": the one to three words asked after an opening
/// "and", none of them a word the lexicon knows but articles; `None` otherwise.
pub(crate) fn asked_after_and(tokens: &[Token]) -> Option<String> {
    const ARTICLES: &[&str] = &["la", "el", "un", "una", "a", "an", "the", "o", "um", "uma"];
    let (first, rest) = tokens.split_first()?;
    if !first.is_and() || rest.is_empty() || rest.len() > 3 {
        return None;
    }
    let words: Vec<&Token> = rest.iter().filter(|t| !t.is_any(ARTICLES)).collect();
    if words.is_empty() || words.iter().any(|t| t.known || !t.is_alpha()) {
        return None;
    }
    Some(
        words
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// "La Coihue con el perro": `name` said right before "con" (no pause between them), who
/// comes along said with it.
pub(crate) fn named_with(tokens: &[Token], name: &str) -> bool {
    let words = name_words(name);
    tokens.iter().enumerate().any(|(i, t)| {
        words.iter().any(|w| names(t, w))
            && !t.punct_after
            && tokens
                .get(i + 1)
                .is_some_and(|c| c.is_any(&["con", "com", "with"]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "Cabaña Coihue",
        "Cabaña Lenga",
        "Cabaña del Lago",
        "Cabaña 3",
    ];

    fn find_in(s: &str) -> Option<String> {
        find(&tokenize(s), NAMES)
    }

    #[test]
    fn names() {
        assert_eq!(
            find_in("reservame la coihue").as_deref(),
            Some("Cabaña Coihue")
        );
        assert_eq!(
            find_in("la del lago tiene wifi?").as_deref(),
            Some("Cabaña del Lago")
        );
        assert_eq!(find_in("CABANA LENGA").as_deref(), Some("Cabaña Lenga"));
        assert_eq!(
            find_in("la cabaña 3 está libre?").as_deref(),
            Some("Cabaña 3")
        );
        assert_eq!(find_in("tenés una cabaña libre?"), None);
        assert_eq!(
            find(&tokenize("la de lago"), &["Lago Grande", "Lago Chico"]),
            None
        );
        assert_eq!(find(&tokenize("hola"), &[]), None);
        // Misspelt as they sound, or one letter wrong.
        let cabins = &[
            "Cabaña Arrayán",
            "Cabaña Coihue",
            "Cabaña Ñire",
            "Cabaña Lenga",
        ];
        for (text, want) in [
            ("que tiene la coiwe?", "Cabaña Coihue"),
            ("la coigue tiene parrilla", "Cabaña Coihue"),
            ("la koihue", "Cabaña Coihue"),
            ("para cuantos es el arrallan?", "Cabaña Arrayán"),
            ("la lemga esta libre?", "Cabaña Lenga"),
            ("la lengga", "Cabaña Lenga"),
        ] {
            assert_eq!(
                find(&tokenize(text), cabins).as_deref(),
                Some(want),
                "{text}"
            );
        }
        for text in ["hay leña?", "la tenga", "vamos a la nieve"] {
            assert_eq!(find(&tokenize(text), cabins), None, "{text}");
        }
    }

    #[test]
    fn names_spelt_by_ear() {
        let names = &[
            "Cabaña Arrayán",
            "Cabaña Coihue",
            "Cabaña Ñire",
            "Cabaña Lenga",
        ];
        for (said, name) in [
            ("la arrallan es para 2 nomas?", "Cabaña Arrayán"),
            ("cuanto sale la arrashan", "Cabaña Arrayán"),
            ("cuanto sale la lemga", "Cabaña Lenga"),
            ("quiero la lnega", "Cabaña Lenga"),
            ("cuantos entran en la coigue", "Cabaña Coihue"),
            ("la koihue acepta perros", "Cabaña Coihue"),
            ("la coiue acepta mascotas", "Cabaña Coihue"),
            ("tenes fotos de la nire?", "Cabaña Ñire"),
            ("la ñiré tiene hidromasaje?", "Cabaña Ñire"),
        ] {
            assert_eq!(
                find(&tokenize(said), names).as_deref(),
                Some(name),
                "{said}"
            );
        }
        for said in [
            "cuanto sale la noche",
            "llegamos el viernes",
            "tenes lugar",
            "busco una que tenga parrilla",
            "que venga con desayuno",
            "la wifi es lenta?",
            "en que lengua hablan",
        ] {
            assert_eq!(find(&tokenize(said), names), None, "{said}");
        }
    }
}

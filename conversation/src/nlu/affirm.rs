//! Agreement: does the guest say yes to what was last offered ("sí", "dale", "de una",
//! "perfecto", "confirmo", "reservá", 👍)?
//!
//! Rules:
//! - strong words ("dale", "de una", "confirmo", "reservá", "lo tomo") always agree;
//! - mild words ("ok", "perfecto", "genial", "listo") agree unless the guest defers in the same
//!   message ("ok gracias", "perfecto, lo pienso", "listo, te aviso"): booking needs a clear yes;
//! - "si" without an accent is also the conditional "if": it agrees only at the start of the
//!   message and when it stands apart ("si, dale", "si!", "si la quiero"), not in "si tenés
//!   lugar…"; "sí" with an accent always agrees;
//! - a message that starts with "no" or says "mejor no" / "no gracias" never agrees;
//! - "bueno" agrees only alone or with a pointer ("bueno esa"); elsewhere it is a filler:
//!   "bueno, y cuánto sale?";
//! - a mild word that goes on with "y" and a question ("ok y para 2 del 18 al 21?", "genial,
//!   y a qué hora es el check-in?") acknowledges the last answer and asks on: no yes.

use super::{lexicon, normalize::Token};

#[rustfmt::skip]
const STRONG: &[&str] = &[
    "dale", "de una", "confirmo", "confirmado", "confirmamos", "sip", "sep", "sisi", "obvio",
    "por supuesto", "de acuerdo", "lo tomo", "la tomo", "lo tomamos", "la tomamos", "me la quedo",
    "me lo quedo", "nos la quedamos", "nos lo quedamos", "reservala", "reservalo", "reservame",
    "reservamela", "reservamelo", "reservanos", "reservenla", "reservenlo", "reservenmela",
    "reservenmelo", "reservennos", "reservennosla", "reservela", "reservelo", "reserveme",
    "reservemela", "hagamosla", "vamos con esa",
    "vamos con esa opcion", "claro que si", "confirmame", "confirmamela", "confirmala",
    "confirmalo", "avanza", "avancemos", "adelante", "proceda", "procedan", "procede",
    "prosiga", "hagamoslo", "hacelo", "hacela", "metele", "trato hecho",
    // "Nos quedamos con la opción que nos ofrecieron", "aceptamos la propuesta": what is on the
    // table, taken.
    "nos quedamos con la opcion", "me quedo con la opcion", "nos quedamos con esa opcion",
    "me quedo con esa opcion", "nos quedamos con esa", "me quedo con esa",
    "nos quedamos con esas", "nos quedamos con lo que", "me quedo con lo que",
    "aceptamos la propuesta", "acepto la propuesta", "tomamos la propuesta",
    "aceptamos la opcion", "acepto la opcion",
];

#[rustfmt::skip]
const MILD: &[&str] = &[
    "ok", "oka", "okey", "okay", "okis", "oki", "perfecto", "perfecta", "genial", "barbaro", "joya",
    "listo", "claro", "buenisimo", "excelente", "esta bien", "me sirve", "nos sirve",
    "me parece bien", "me parece perfecto", "va", "muy bien",
    // Whichever is on the table: "la que tengas", "me da igual".
    "la que tengas", "la que tenes", "la que sea", "la que haya", "lo que tengas", "me da igual",
    "nos da igual", "cualquiera sirve", "cualquiera me sirve", "cualquiera nos sirve",
];

#[rustfmt::skip]
const DEFERRALS: &[&str] = &[
    "gracias", "lo pienso", "lo voy a pensar", "lo hablo", "lo consulto", "te aviso", "les aviso",
    "despues te", "cualquier cosa", "mas tarde", "te confirmo", "les confirmo", "veo y te",
    "te confirmo", "les confirmo",
];

/// Putting the decision off ("dale, lo pienso y te confirmo", "lo hablo con mi marido y te
/// aviso"): even a strong word then does not accept the offer.
#[rustfmt::skip]
pub(crate) const PUT_OFF: &[&str] = &[
    "lo pienso", "lo voy a pensar", "lo vamos a pensar", "lo pensamos", "lo hablo", "lo hablamos",
    "lo consulto", "lo consultamos", "lo charlo", "lo charlamos", "lo veo", "lo vemos", "te aviso",
    "les aviso", "te confirmo", "les confirmo", "te confirmamos", "veo y te", "despues te",
    "luego te",
    // "Dejame pensarlo", "déjenme ver", "deixa eu pensar", "vou pensar": time asked to decide.
    "dejame pensar", "dejame pensarlo", "dejenme pensar", "dejenme pensarlo", "dejame ver",
    "dejenme ver", "lo tengo que pensar", "lo tenemos que pensar", "vou pensar", "vamos pensar",
];

/// Left for later: "por ahora lo vamos a dejar", "lo dejamos para más adelante", "quizás más
/// adelante", "será en otra oportunidad", "para la próxima". Only in a message that asks nothing:
/// "para la próxima vamos con toda la familia, ¿cuánto sale la Lenga?" asks on.
#[rustfmt::skip]
const LEFT_FOR_LATER: &[&str] = &[
    "lo vamos a dejar", "lo dejamos para", "lo dejo para", "mas adelante", "otra oportunidad",
    "otra ocasion", "otra vez sera", "para la proxima", "la proxima vez", "por ahora no",
];

/// Words that ask something, anywhere in a message.
#[rustfmt::skip]
const ASKING: &[&str] = &[
    "cuanto", "cuanta", "cuantos", "cuantas", "como", "donde", "cuando", "cual", "cuales", "hay",
    "tienen", "tenes", "aceptan", "incluye", "sale", "sabes", "podes", "pueden",
];

#[rustfmt::skip]
const NEGATIONS: &[&str] = &[
    "mejor no", "no gracias", "no quiero", "no me sirve", "no nos sirve", "no puedo", "no podemos",
    "no me convence", "todavia no", "aun no",
];

/// Words after a leading "si" that show it is a yes, not an "if".
#[rustfmt::skip]
const AFTER_YES: &[&str] = &[
    "dale", "claro", "quiero", "queremos", "porfa", "por", "gracias", "reserva", "reservala", "esa",
    "ese", "la", "lo", "me", "nos", "perfecto", "ok", "si", "obvio", "confirmo", "de", "genial",
    "listo",
];

/// Words after "ok y …" that start a question, not a second order ("ok y reservala").
#[rustfmt::skip]
const ASKS_ON: &[&str] = &[
    "para", "si", "cuanto", "cuanta", "cuantos", "cuantas", "que", "como", "a", "el", "la", "los",
    "las", "en", "hay", "tienen", "tenes", "tenen", "donde", "cuando", "cual", "cuales", "del",
    "de", "con", "se", "aceptan", "puedo", "podemos",
];

/// Words that open a question right after a mild word ("joya, cuánto sería en total?",
/// "genial cómo se llega?"): the mild word acknowledges the last answer, no yes.
#[rustfmt::skip]
const QUESTION_OPENERS: &[&str] = &[
    "cuanto", "cuanta", "cuantos", "cuantas", "como", "donde", "cuando", "cual", "cuales", "que",
    "hay", "tienen", "tenes", "aceptan", "incluye", "sale", "how", "what", "quanto", "qual",
];

/// What the message says about agreeing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Affirmation {
    pub(crate) yes: bool,
    /// Agreement by a strong word (or a clear "sí").
    pub(crate) strong: bool,
    /// The guest says no ("no", "no gracias", "mejor no").
    pub(crate) no: bool,
}

/// Words before "confirmo" that put the confirmation off ("te confirmo a la noche").
const LATER: &[&str] = &["te", "les", "despues", "luego", "manana", "ahi", "pronto"];

/// "te confirmo", "después confirmamos": a promise to answer later, not a yes.
pub(crate) fn confirms_later(tokens: &[Token], pos: usize) -> bool {
    let confirm = tokens
        .get(pos)
        .is_some_and(|t| t.is_any(&["confirmo", "confirmamos"]));
    confirm && pos > 0 && tokens.get(pos - 1).is_some_and(|p| p.is_any(LATER))
}

pub(crate) fn detect(tokens: &[Token]) -> Affirmation {
    let has = |list: &[&str]| {
        list.iter().any(|p| {
            lexicon::find_phrase(tokens, p).is_some_and(|(pos, _)| {
                let article = *p == "de una" && article_of(tokens, pos);
                !(confirms_later(tokens, pos) || article || later_on(tokens, pos))
            })
        })
    };
    // "No hay forma de…?", "no tienen otra?", "no hay problema": a "no" that opens what goes on
    // is no refusal.
    let no_opens = tokens.first().is_some_and(|t| t.is("no") && !t.punct_after)
        && tokens.get(1).is_some_and(|t| {
            t.is_any(&[
                "hay", "tienen", "tenes", "tiene", "habra", "existe", "queda", "quedan",
            ])
        });
    let negated = tokens.first().is_some_and(|t| t.is("no")) && !no_opens || has(NEGATIONS);
    if negated {
        return Affirmation {
            no: true,
            ..Affirmation::default()
        };
    }
    let strong = has(STRONG)
        || yes_si(tokens)
        || imperative_reserve(tokens)
        || change_go_ahead(tokens)
        || yes_alone(tokens);
    // "bueno" alone, or with only the one pointed at: "bueno esa", "bueno, esa entonces".
    let bueno_alone = tokens
        .first()
        .is_some_and(|t| lexicon::word(t, "bueno").is_some())
        && tokens[1..]
            .iter()
            .all(|t| t.is_any(&["esa", "ese", "esta", "este", "entonces", "va", "listo"]));
    let whichever_alone = tokens.len() == 1 && tokens[0].is("cualquiera");
    // "Isso", "eso", "exacto": alone, that is the answer to what was asked.
    // So with only a go-ahead after it: "isso, pode trocar", "exato, pode reservar", "eso,
    // cambiala nomás" (a change or a hold confirmed, nothing else asked).
    const GO_AHEAD: &[&str] = &[
        "pode",
        "podes",
        "puede",
        "trocar",
        "troca",
        "troque",
        "mudar",
        "muda",
        "reservar",
        "reserva",
        "cambiar",
        "cambiala",
        "cambialo",
        "reservala",
        "mesmo",
        "entao",
        "sim",
        "si",
        "por",
        "favor",
        "nomas",
        "ok",
        "isso",
        "ai",
        "a",
        "pra",
        "mim",
    ];
    let that_is_it = tokens.first().is_some_and(|t| {
        t.is_any(&[
            "isso",
            "eso",
            "exacto",
            "exato",
            "exatamente",
            "exactamente",
        ])
    }) && (tokens.len() == 1
        || tokens[0].punct_after && tokens[1..].iter().all(|t| t.is_any(GO_AHEAD)));
    // "my Spanish is not great", "não está bom": a mild word said of something else, negated.
    let mild_said = MILD.iter().any(|p| {
        lexicon::find_phrase(tokens, p).is_some_and(|(pos, _)| {
            let negated = pos
                .checked_sub(1)
                .and_then(|b| tokens.get(b))
                .is_some_and(|b| b.is_any(&["no", "not", "nao", "isnt", "wasnt"]));
            // "¿Cómo va?", "¿qué tal va?", "todo bien": a greeting's "va"/"bien", no yes.
            let greets = pos
                .checked_sub(1)
                .and_then(|b| tokens.get(b))
                .is_some_and(|b| b.is_any(&["como", "tal", "todo"]));
            let after = pos + lexicon::phrase_len(p);
            let asks_on = (tokens.get(after).is_some_and(|t| t.is("y"))
                && tokens.get(after + 1).is_some_and(|t| t.is_any(ASKS_ON)))
                || tokens
                    .get(after)
                    .is_some_and(|t| t.is_any(QUESTION_OPENERS));
            !negated && !asks_on && !greets
        })
    });
    let mild = mild_said || bueno_alone || whichever_alone || that_is_it;
    // An order to book ("reservala y te aviso cuando pago") still books.
    let put_off = puts_off(tokens) && !has(ORDERS) && !imperative_reserve(tokens);
    let yes = !put_off && (strong || (mild && !has(DEFERRALS)));
    Affirmation {
        yes,
        strong,
        no: false,
    }
}

/// Words that are a yes only as the whole message: "pode", "pode mandar", "quero", "vamos",
/// "s", "ya", "deal", "do it", "why not", "por favor" answer "shall I book it?", but "pode
/// levar cachorro?", "o recibo, pode mandar?", "ya reservé", "do it for 5 nights?" and "why
/// not the Ñire?" say something else.
#[rustfmt::skip]
const YES_ALONE: &[&str] = &[
    "pode", "pode sim", "sim pode", "si pode", "quiero", "queremos", "vamos", "vamos la", "s",
    "ss", "ya", "deal", "grand", "do it", "why not", "please", "por favor", "right", "bora la",
    "pode mandar", "pode fazer", "pode fazer sim", "pode mandar sim",
];

fn yes_alone(tokens: &[Token]) -> bool {
    YES_ALONE.iter().any(|p| {
        lexicon::phrase_len(p) == tokens.len()
            && lexicon::find_phrase(tokens, p)
                .is_some_and(|(pos, q)| pos == 0 && q == lexicon::Quality::Exact)
    })
}

/// "Ah ok. ¿Y pasan a buscar por el aeropuerto?", "perfect, and do you have a pool?",
/// "genial. ¿organizan cabalgatas?": a mild word then "y" and something else, or a mild word
/// that ends its clause and more after it, in a message that asks: the word acknowledges the
/// last answer and the guest asks on, whatever the question's first word (the caller checks
/// the question mark, which tokens do not keep).
pub(crate) fn acknowledges_then_asks(tokens: &[Token]) -> bool {
    MILD.iter().any(|p| {
        lexicon::find_phrase(tokens, p).is_some_and(|(pos, _)| {
            let after = pos + lexicon::phrase_len(p);
            let and_more =
                tokens.get(after).is_some_and(|t| t.is("y")) && tokens.get(after + 1).is_some();
            // Not a pick after it ("beleza, a que aceita cachorro, qual a diária?"): that
            // one still chooses.
            const POINTERS: &[&str] = &[
                "la",
                "el",
                "las",
                "los",
                "a",
                "o",
                "the",
                "esa",
                "ese",
                "esta",
                "este",
                "essa",
                "esse",
                "that",
                "this",
                "me",
                "nos",
                "reservala",
                "reservame",
            ];
            let ends_clause = tokens.get(after - 1).is_some_and(|t| t.punct_after)
                && tokens.get(after).is_some_and(|t| !t.is_any(POINTERS));
            and_more || ends_clause
        })
    })
}

/// Strong words that order the booking, not only agree to it.
#[rustfmt::skip]
const ORDERS: &[&str] = &[
    "reservala", "reservalo", "reservame", "reservamela", "reservamelo", "reservanos", "reservenla",
    "reservenlo", "reservenmela", "reservenmelo", "reservennos", "reservennosla", "reservela",
    "reservelo", "reserveme", "reservemela", "lo tomo", "la tomo", "lo tomamos", "la tomamos", "me la quedo", "me lo quedo",
];

/// The guest puts the decision off ("lo pienso", "te aviso", "te confirmo").
/// Not "te aviso que llevamos perro", "te confirmo que somos 4": those inform.
pub(crate) fn puts_off(tokens: &[Token]) -> bool {
    // Not "para la próxima semana", "más adelante en el mes": a time said, no putting off.
    const TIME: &[&str] = &[
        "semana",
        "semanas",
        "mes",
        "finde",
        "fin",
        "ano",
        "temporada",
        "quincena",
        "en",
        "del",
        "de",
    ];
    let exact = |p: &&str| {
        lexicon::find_phrase(tokens, p).is_some_and(|(pos, q)| {
            q == lexicon::Quality::Exact
                && !tokens
                    .get(pos + lexicon::phrase_len(p))
                    .is_some_and(|t| t.is_any(TIME))
        })
    };
    let left_for_later =
        LEFT_FOR_LATER.iter().any(exact) && !tokens.iter().any(|t| t.is_any(ASKING));
    left_for_later
        || wont_book(tokens)
        || hesitates_only(tokens)
        || PUT_OFF.iter().any(|p| {
            lexicon::find_phrase(tokens, p).is_some_and(|(pos, q)| {
                q == lexicon::Quality::Exact
                    && !tokens
                        .get(pos + lexicon::phrase_len(p))
                        .is_some_and(|t| t.is("que"))
            })
        })
}

/// "Mmm", "hmm", "ehh", "mmm no sé", "a ver…", "hmm não sei": a message that only hesitates;
/// the guest is thinking it over, as when they ask for time.
fn hesitates_only(tokens: &[Token]) -> bool {
    const WORDS: &[&str] = &[
        "no", "se", "nose", "sei", "nao", "a", "ver", "uff", "pff", "dunno",
    ];
    tokens.iter().any(hesitation_sound)
        && tokens
            .iter()
            .all(|t| hesitation_sound(t) || t.is_any(WORDS))
}

/// A sound of hesitation however drawn out: "mmm", "mmmm", "hmmm", "ehh", "uhm", "emm".
fn hesitation_sound(t: &Token) -> bool {
    let body = t
        .text
        .trim_start_matches('h')
        .trim_start_matches(['e', 'u']);
    !t.text.is_empty()
        && body.chars().all(|c| c == 'm' || c == 'h')
        && (t.text.contains('m') || t.text.starts_with("eh"))
}

/// "Por el momento no vamos a reservar", "al final no reservamos", "não vamos reservar", "we
/// will not book" (bridged): the guest says they will not book, a polite no; the booking word
/// at `i` is no order. Not "no la reserves" (an order not to, a cancellation), nor "no puedo
/// reservar…?" (a question about booking).
pub(crate) fn wont_book_at(tokens: &[Token], i: usize) -> bool {
    #[rustfmt::skip]
    const BETWEEN: &[&str] = &[
        "vamos", "voy", "vou", "a", "ir", "por", "ahora", "el", "momento", "todavia", "aun",
        "la", "lo", "nada", "mais", "enquanto", "ya", "mas",
    ];
    let booking = tokens.get(i).is_some_and(|t| {
        t.is_any(&[
            "reservar",
            "reservamos",
            "reservo",
            "reservaremos",
            "reservarla",
            "reservarlo",
        ])
    });
    booking
        && (1..=4).any(|k| {
            let Some(at) = i.checked_sub(k) else {
                return false;
            };
            tokens
                .get(at)
                .is_some_and(|t| t.is_any(&["no", "nao"]) && !t.punct_after)
                && tokens
                    .get(at + 1..i)
                    .is_some_and(|ws| ws.iter().all(|w| w.is_any(BETWEEN) && !w.punct_after))
        })
}

/// Whether the message says the guest will not book ([`wont_book_at`] anywhere).
fn wont_book(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| wont_book_at(tokens, i))
}

/// "de una" as an article before a noun ("disponen de una cabaña", "de una noche"), not the
/// slang "de una" (at once): it then goes on without a pause to a word that is not a yes.
fn article_of(tokens: &[Token], pos: usize) -> bool {
    let una = tokens.get(pos + 1);
    let next = tokens.get(pos + 2);
    una.is_some_and(|u| !u.punct_after)
        && next.is_some_and(|n| !n.is_any(AFTER_YES) && !n.is_any(&["reservala", "reservame"]))
}

/// "Más adelante", "para adelante", "en adelante": later on, not the go-ahead "adelante"
/// ("quizás más adelante" puts the booking off).
fn later_on(tokens: &[Token], pos: usize) -> bool {
    tokens.get(pos).is_some_and(|t| t.is("adelante"))
        && pos
            .checked_sub(1)
            .and_then(|b| tokens.get(b))
            .is_some_and(|b| b.is_any(&["mas", "para", "en", "hacia", "pa"]))
}

/// "sí" anywhere (but the one set against a "no" before it), or a leading "si" that stands
/// apart, after the fillers a voice note opens with ("eh si", "o sea si dale", "mmm si").
fn yes_si(tokens: &[Token]) -> bool {
    let is_si = |t: &Token| lexicon::word(t, "si").is_some();
    if (0..tokens.len()).any(|i| is_si(&tokens[i]) && tokens[i].accented && !contrast_si(tokens, i))
    {
        return true;
    }
    let tokens = after_fillers(tokens);
    let Some(first) = tokens.first().filter(|t| is_si(t)) else {
        return false;
    };
    let next = tokens.get(1);
    first.punct_after || tokens.len() <= 2 || next.is_some_and(|n| n.is_any(AFTER_YES))
}

/// Spoken fillers a message opens with, as speech-to-text writes a voice note.
#[rustfmt::skip]
const FILLERS: &[&str] = &["o sea", "osea", "este", "bueno", "nada", "pues", "tipo", "digamos"];

/// The words after the interjections and fillers that open a message ("eh", "mmm", "o sea",
/// "bueno nada"): "eh si", "o sea si dale", "mmm bueno si" answer as "si" does.
fn after_fillers(tokens: &[Token]) -> &[Token] {
    let mut rest = tokens;
    loop {
        let skip = if rest
            .first()
            .is_some_and(|t| t.is_any(lexicon::INTERJECTIONS) || hesitation_sound(t))
        {
            1
        } else {
            FILLERS
                .iter()
                .find_map(|f| {
                    let words: Vec<&str> = f.split(' ').collect();
                    let opens =
                        rest.len() >= words.len() && words.iter().zip(rest).all(|(w, t)| t.is(w));
                    opens.then_some(words.len())
                })
                .unwrap_or(0)
        };
        if skip == 0 {
            return rest;
        }
        rest = &rest[skip..];
    }
}

/// "Este finde no puedo, el otro sí", "esse fim de semana não dá, mas o outro sim", "la Ñire
/// no, la Coihue sí": the "sí" at `i` closes a clause that sets something against a "no" said
/// before it in the message; it says which one, it agrees to nothing on the table.
fn contrast_si(tokens: &[Token], i: usize) -> bool {
    let closes = tokens[i].punct_after || i + 1 == tokens.len();
    let said_of_something = i > 0 && !tokens[i - 1].punct_after;
    let no_before = i > 1 && tokens[..i - 1].iter().any(|t| t.is_any(&["no", "nao"]));
    closes && said_of_something && no_before
}

/// A change ordered and nothing else: "cambiala", "sí, pasala nomás", "pode trocar", "pode
/// mudar então", "troca sim", "switch it", "go ahead and change it", "swap it please". Said
/// after a switch or a move was put to the guest, it agrees to it. Only the order and words
/// that go with a go-ahead: "quiero cambiar las fechas", "¿puedo cambiar de cabaña?" say more.
pub(crate) fn change_go_ahead(tokens: &[Token]) -> bool {
    // The order itself: an imperative, or a permission with the verb ("pode trocar").
    #[rustfmt::skip]
    const ORDERS: &[&str] = &[
        "cambiala", "cambialo", "cambiamela", "cambiamelo", "cambiame", "cambienla", "cambienlo",
        "pasala", "pasalo", "pasamela", "pasamelo", "pasenla", "pasenlo", "troca", "troque",
        "trocala", "muda", "mude", "switch", "swap",
    ];
    const VERBS: &[&str] = &["trocar", "mudar", "cambiar", "cambia", "change", "move"];
    const PERMITS: &[&str] = &["pode", "podes", "puede", "pueden", "go", "ahead"];
    #[rustfmt::skip]
    const ALONG: &[&str] = &[
        "si", "sim", "yes", "yeah", "dale", "ok", "okay", "entonces", "entao", "nomas", "por",
        "favor", "porfa", "please", "pls", "it", "and", "then", "la", "a", "pra", "mim", "me",
        "nos", "ai", "sure", "de", "una", "ya", "go", "ahead", "pode", "podes", "puede",
        "pueden",
    ];
    let ordered = tokens.iter().any(|t| t.is_any(ORDERS))
        || tokens
            .windows(2)
            .any(|w| w[0].is_any(PERMITS) && w[1].is_any(VERBS))
        || tokens
            .windows(2)
            .any(|w| w[0].is_any(&["change", "move"]) && w[1].is("it"));
    ordered
        && tokens.len() <= 6
        && tokens
            .iter()
            .all(|t| t.is_any(ORDERS) || t.is_any(VERBS) || t.is_any(ALONG))
}

/// "reservá" with its accent is an order, and an order to book agrees.
fn imperative_reserve(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| t.accented && t.is("reserva"))
}

/// "Mejor no", "no no", "uh no, pará", "nah, mejor no", "não, melhor não", "actually no",
/// "mejor no, gracias", "never mind", "deixa pra lá": only a no or a shrug, said with words of
/// second thoughts and nothing else (not "no me llegó el link", not a bare "no, gracias").
/// Right after a hold, the guest takes it back.
pub(crate) fn takes_back(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const SECOND_THOUGHTS: &[&str] = &[
        "no", "nono", "nah", "mejor", "uh", "uy", "ay", "para", "espera", "perdon", "che",
        "pensandolo", "bien", "al", "final", "melhor", "nao", "actually", "wait", "on", "second",
        "thought", "thoughts", "hmm", "hm", "mmm", "mm", "m", "ehh", "eh", "ups", "sorry",
        "disculpa", "ahora", "que", "lo", "pienso", "en", "realidad",
    ];
    // Thanks go with a no only when second thoughts are said too ("mejor no, gracias"): a bare
    // "no, gracias" may answer something else.
    #[rustfmt::skip]
    const THANKS: &[&str] = &[
        "gracias", "igual", "thanks", "thank", "you", "anyway", "obrigado", "obrigada", "mesmo",
        "assim",
    ];
    const CHANGED_MIND: &[&str] = &["mejor", "melhor", "realidad", "pensandolo", "thought"];
    // "Never mind", "nvm", "deixa pra lá", "deixa quieto": a shrug is a no of its own.
    const SHRUGS: &[&str] = &[
        "never mind",
        "nevermind",
        "nvm",
        "deixa pra la",
        "deixa para la",
        "deixa quieto",
    ];
    let shrug: Vec<usize> = SHRUGS
        .iter()
        .filter_map(|p| {
            lexicon::find_phrase(tokens, p)
                .filter(|(_, q)| *q == lexicon::Quality::Exact)
                .map(|(i, _)| i..i + lexicon::phrase_len(p))
        })
        .flatten()
        .collect();
    let second_thoughts = tokens.iter().any(|t| t.is_any(CHANGED_MIND)) || !shrug.is_empty();
    !tokens.is_empty()
        && tokens.len() <= 8
        && (!shrug.is_empty()
            || tokens
                .iter()
                .any(|t| t.is_any(&["no", "nono", "nah", "nao"])))
        && tokens.iter().enumerate().all(|(i, t)| {
            t.is_any(SECOND_THOUGHTS) || shrug.contains(&i) || (second_thoughts && t.is_any(THANKS))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn yes(s: &str) -> bool {
        detect(&tokenize(s)).yes
    }

    #[test]
    fn agreement() {
        for s in [
            "sí",
            "si",
            "Sii",
            "dale",
            "de una!",
            "ok",
            "👍",
            "perfecto",
            "confirmo",
            "dale, reservá",
            "si, dale",
            "muy bien",
            "de una dale",
            "Le agradezco, proceda con la reserva por favor",
        ] {
            assert!(yes(s), "{s}");
        }
        for s in [
            "no",
            "si tenés lugar avisame",
            "ok gracias",
            "mejor no",
            "no, gracias",
            "hola",
            "bueno, y cuánto sale?",
            "ok y para 2 del 18 al 21 de junio?",
            "perfecto, y a qué hora es el check in?",
            "genial y si somos 4?",
            "listo y cuanto sale?",
            "bueno dale, lo pienso y te confirmo",
            "dale, lo hablo con mi marido y te aviso",
            "de una, después te confirmo",
            "quisiera consultar si disponen de una cabaña para mi señora y para mí",
            "joya, cuanto seria en total?",
            "genial, como se llega?",
            "perfecto, que incluye?",
            "ok cuanto sale la seña",
        ] {
            assert!(!yes(s), "{s}");
        }
        assert!(yes("dale reservala y te aviso cuando pago"));
        assert!(yes("ok y reservala"));
        assert!(yes("perfecto"));
        assert!(yes("ok, dale"));
        assert!(!puts_off(&tokenize("te aviso que llevamos perro")));
        assert!(!puts_off(&tokenize(
            "te escribo para consultar disponibilidad"
        )));
    }
}

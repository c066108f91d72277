//! What a message asks besides its intent: another option, a recommendation, a comparison,
//! the price of one night, the code or the voucher again, or a question about the place in
//! words no table knows (for a person to answer).
//!
//! Word lists and token tests only; it never decides the intent (that is `intent`).

use super::normalize::Token;
use super::{Choice, PayMethod, Scenery, lexicon};

/// Asking for something besides what was offered.
#[rustfmt::skip]
pub(super) const ASKS_OTHER: &[&str] = &[
    "tienen otra", "tenes otra", "tenes alguna otra", "tienen alguna otra", "hay otra", "hay alguna otra",
    "otra opcion", "otras opciones", "otra cabana", "otras cabanas", "que mas tienen", "que mas tenes",
    "que otra", "que otras", "algo mas", "alguna mas", "another one", "any other", "anything else",
    "other options", "something else", "tem outra", "tem alguma outra", "outra opcao", "outras opcoes",
    "que mais",
    // "What else do you have?" ("do you have" reads "tienen"), "anything other", "any others?",
    // "alguma outra?", "mais alguma opção?", "outros chalés?"
    "what else tienen", "what else do you", "what else have", "what else is available",
    "what else is free", "what else is there", "what else is disponible", "what else esta disponible",
    "what else disponible", "what else hay", "what else you got", "what else ya got",
    "what else can you", "what else could you", "what else would you", "what else u",
    "whats else", "any others", "other cabins", "other cabanas", "others available", "other ones",
    "que mas hay", "alguna otra", "otras disponibles", "alguma outra", "mais alguma",
    "outras cabanas", "outros chales", "outro chale", "outra cabana", "mais opcoes",
];

/// Words that open a yes/no question about the place.
#[rustfmt::skip]
pub(super) const QUESTION_LEADS: &[&str] = &[
    "hay", "tienen", "tiene", "tenes", "puedo", "podemos", "pueden", "se", "esta", "estan",
    "existe", "do", "does", "is", "are", "can", "could", "tem", "pode", "posso", "existe",
    "habra", "hace", "cuentan", "incluye",
    // A favour asked ("¿me podés hacer factura?", "¿hacen factura A?"): a person answers it.
    "podes", "podrias", "podria", "podrian", "hacen", "emiten", "dan",
    // A service asked after ("¿pasan a buscar por el aeropuerto?", "¿alquilan bicis?",
    // "vocês alugam caiaque?"): whether the place does it, which a person answers.
    "ofrecen", "sirven", "alquilan", "organizan", "pasan", "prestan", "venden", "brindan",
    "oferecem", "servem", "alugam", "organizam", "fazem", "vendem", "buscam",
];

/// Words of a question that asks after nothing in particular: how one is, whether someone is
/// there, whether one may ask.
#[rustfmt::skip]
pub(super) const SMALL_TALK: &[&str] = &[
    "como", "estan", "estas", "andan", "anda", "tal", "bien", "todo", "alguien", "consultar",
    "consulta", "preguntar", "pregunta", "atendiendo", "atienden", "abierto", "abiertos",
    "puede", "pueden", "hacer", "there", "anyone", "someone", "doing", "open", "question",
    "tudo", "voces", "estao", "atendendo", "alguem", "perguntar", "pergunta", "pode", "posso",
    "algo", "saber", "info", "informacion", "tienen", "tiene", "tenes", "have", "does",
];

/// Greetings and fillers before a question ("hola, una consulta: ¿hay…?").
#[rustfmt::skip]
pub(super) const QUESTION_PREAMBLE: &[&str] = &[
    "hola", "buenas", "buen", "dia", "dias", "tardes", "noches", "che", "una", "consulta",
    "pregunta", "y", "ah", "otra", "hi", "hello", "oi", "ola", "and", "e",
    // "Ah ok. ¿Y pasan a buscar…?": the last answer acknowledged before the question.
    "ok", "okay", "bueno", "genial", "perfecto", "listo", "joya", "gracias", "ustedes", "voces",
];

/// Words that ask for a recommendation.
#[rustfmt::skip]
pub(super) const RECOMMEND_WORDS: &[&str] = &[
    "recomendas", "recomienda", "recomiendan", "recomendarias", "recomendaria",
    "recommend", "recomenda", "sugeris", "sugeririas", "aconsejas", "recomendam", "recomendaria",
    "indica", "indicam", "sugerem", "suggest", "recomiendas", "aconsejan",
];

/// Words that ask how the cabins differ (Portuguese "diferença" folds to "diferenca").
pub(super) const COMPARE_WORDS: &[&str] = &[
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

/// "La noche", "por noche", "per night", "a night", "each night", "una noche", "uma noite",
/// "da diária" (the bridge reads "diária" as "noche"), "nightly": one night's price, not the stay's ("esta noche" is
/// tonight).
pub(super) fn per_night(tokens: &[Token]) -> bool {
    const BEFORE: &[&str] = &[
        "la", "por", "per", "a", "each", "every", "cada", "da", "one", "una", "uma",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        t.is("nightly")
            || (t.is("noche")
                && i.checked_sub(1)
                    .and_then(|b| tokens.get(b))
                    .is_some_and(|b| b.is_any(BEFORE)))
    })
}

/// "Necesito la factura a nombre de mi empresa", "can I get an invoice?", "preciso de nota
/// fiscal": papers a person makes out, asked or requested.
pub(super) fn papers(tokens: &[Token]) -> bool {
    const PAPERS: &[&str] = &[
        "factura",
        "facturas",
        "facturar",
        "facturan",
        "facturacion",
        "invoice",
        "invoices",
        "cuit",
        "fiscal",
        "receipt",
        "receipts",
    ];
    // "Un recibo", "el recibo del pago", "um recibo": the paper, not "no recibo el link".
    const BEFORE_RECEIPT: &[&str] = &["un", "el", "um", "o", "del", "mi", "meu", "do", "uno"];
    tokens.iter().any(|t| t.is_any(PAPERS))
        || tokens
            .windows(2)
            .any(|w| w[0].is_any(BEFORE_RECEIPT) && w[1].is("recibo"))
}

/// "¿Venden leña?", "do you sell firewood?", "vocês vendem lenha?": whether the place sells
/// something, which no cabin's description answers (a fireplace is no firewood for sale) and a
/// person does.
pub(super) fn sells(tokens: &[Token]) -> bool {
    const SELL: &[&str] = &[
        "venden",
        "vendes",
        "vende",
        "vendemos",
        "venta",
        "sell",
        "sells",
        "selling",
        "vendem",
        "vendi",
        "comprar",
        "compro",
        "compramos",
        "buy",
    ];
    tokens.iter().any(|t| t.is_any(SELL))
}

/// A clause that asks whether the place does a service ("¿alquilan kayaks?", "do you rent
/// bikes?", "vocês fazem transfer do aeroporto?", "¿ofrecen excursiones?"): its verb among its
/// first words. Whether it does is a person's to say.
pub(super) fn service(tokens: &[Token]) -> bool {
    const DOES: &[&str] = &[
        "ofrecen",
        "ofreces",
        "alquilan",
        "alquilas",
        "organizan",
        "pasan",
        "prestan",
        "brindan",
        "oferecem",
        "alugam",
        "aluga",
        "organizam",
        "fazem",
        "buscam",
        "rent",
        "offer",
        "provide",
        "organize",
        "arrange",
        "hire",
    ];
    tokens
        .iter()
        .filter(|t| t.is_alpha() && !t.is_any(QUESTION_PREAMBLE))
        .take(3)
        .any(|t| t.is_any(DOES))
}

/// A question ("?" or "¿") that opens like a yes/no question about the place and asks after
/// something ("señal", "generador"), not small talk ("¿cómo están?", "¿hay alguien?", "¿se
/// puede consultar?").
pub(super) fn unknown_question(text: &str, tokens: &[Token]) -> bool {
    // "¿Cuál es el mail de ustedes?", "¿tienen Instagram?": how to reach the place, which a
    // person gives.
    const CONTACT: &[&str] = &[
        "mail",
        "email",
        "correo",
        "telefono",
        "instagram",
        "facebook",
        "web",
        "pagina",
        "whatsapp",
        "phone",
        "website",
        "site",
        "telefone",
    ];
    let asks = text.contains('?') || text.contains('¿');
    if asks && tokens.iter().any(|t| t.is_any(CONTACT)) {
        return true;
    }
    if papers(tokens) {
        return true;
    }
    // "¿Y la señal de celular anda?", "¿llega bien la señal?" said with the verb last: what is
    // asked about comes first.
    const ENDS: &[&str] = &[
        "anda",
        "andan",
        "funciona",
        "funcionan",
        "llega",
        "llegan",
        "agarra",
        "agarran",
        "works",
        "work",
        "pega",
    ];
    let ends_asking = tokens
        .iter()
        .rev()
        .find(|t| t.is_alpha())
        .is_some_and(|t| t.is_any(ENDS));
    asks && (tokens
        .iter()
        .filter(|t| !t.is_any(QUESTION_PREAMBLE))
        .take(2)
        .any(|t| t.is_any(QUESTION_LEADS))
        || ends_asking)
        && tokens.iter().any(|t| {
            t.text.chars().count() >= 4
                && t.is_alpha()
                && !t.is_any(SMALL_TALK)
                && !t.is_any(QUESTION_PREAMBLE)
                && !t.is_any(QUESTION_LEADS)
        })
}

/// The clauses of a message that ask ("…, ¿tienen lugar? ¿hay señal?" gives "¿tienen lugar?"
/// and "¿hay señal?"): split at punctuation and line breaks, kept when a "?" closes them or a
/// "¿" opens them. One clause, or none, when the message is a single question.
pub(super) fn question_clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, ',' | '.' | ';' | '!' | '?' | '\n' | ':') {
            // The "?" kept: what reads the clause knows it asks.
            let end = if c == '?' { i + 1 } else { i };
            let clause = text[start..end].trim();
            if c == '?' || clause.starts_with('¿') {
                // Numbers keep their points ("10.000"), never a question.
                if clause.chars().any(char::is_alphabetic) {
                    out.push(clause);
                }
            }
            start = i + c.len_utf8();
        }
    }
    let last = text[start..].trim();
    if last.starts_with('¿') && last.chars().any(char::is_alphabetic) {
        out.push(last);
    }
    out
}

/// A clause that asks whether the place has a thing ("¿hay señal?", "is there a grocery store
/// nearby?", "¿tienen generador?"), not whether something can be done ("¿se puede cambiar?",
/// "¿hay problema?", "is there room?"): what, read alone, is surely a question no table knows.
pub(super) fn after_a_thing(tokens: &[Token]) -> bool {
    const HAS: &[&str] = &[
        "hay", "tienen", "tiene", "tenes", "existe", "cuentan", "tem",
    ];
    /// What follows "hay" or "tienen" that is no thing of the place.
    const NO_THING: &[&str] = &[
        "problema",
        "problemas",
        "lugar",
        "room",
        "algo",
        "alguna",
        "alguno",
        "disponibilidad",
        "disponible",
        "disponibles",
        "que",
        "forma",
        "manera",
        "chance",
        "posibilidad",
        "drama",
        "inconveniente",
        "lio",
        "cupo",
        "espacio",
        "space",
        "vacancy",
        "para",
        "como",
        "donde",
        "cabana",
        "cabanas",
        "otra",
        "otro",
        "mas",
        "something",
        "anything",
        "else",
        "suitable",
        "somewhere",
        "any",
        "algum",
        "alguma",
        "coisa",
        "outra",
        "outro",
        "vaga",
        "vagas",
        "opcion",
        "opciones",
        "option",
        "options",
        "opcao",
        "opcoes",
    ];
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.is_alpha() && !t.is_any(QUESTION_PREAMBLE))
        .collect();
    let Some(lead) = words.iter().position(|t| t.is_any(HAS)) else {
        return false;
    };
    lead <= 1
        && words[lead + 1..]
            .iter()
            .find(|t| {
                !t.is_any(&[
                    "un", "una", "algun", "alguna", "el", "la", "los", "las", "con",
                ])
            })
            .is_some_and(|t| !t.is_any(NO_THING))
}

/// "¿Cuál es la diferencia?", "what's the difference?", "qual a diferença?", "¿tienen algo
/// de distinto?". Not "la diferencia la pagamos al llegar?", "pay the difference there?": a
/// difference paid is the balance.
pub(super) fn compares(tokens: &[Token]) -> bool {
    const PAID: &[&str] = &[
        "pagar", "paga", "pagamos", "pago", "pagan", "pagas", "pagarla", "abonar", "abona",
        "abonamos", "cobran", "cobra", "pay", "paid", "pays", "pague", "pagaria",
    ];
    let paid = tokens.iter().any(|t| t.is_any(PAID));
    (tokens.iter().any(|t| t.is_any(COMPARE_WORDS)) && !paid)
        || lexicon::find_phrase(tokens, "de distinto").is_some()
}

/// "Do you speak English?", "¿hablan inglés?", "em português, por favor": the language the
/// guest asks to be answered in (read on the words as written, before the bridge).
pub(super) fn language_asked(tokens: &[Token]) -> Option<crate::Language> {
    use crate::Language;
    const ASK: &[&str] = &[
        "speak", "habla", "hablan", "hablas", "hablar", "fala", "falam", "falar", "falas", "in",
        "en", "em", "write", "escribir", "escrever",
    ];
    let named = |t: &Token| {
        if t.is_any(&["english", "ingles"]) {
            Some(Language::En)
        } else if t.is_any(&["portuguese", "portugues"]) {
            Some(Language::Pt)
        } else if t.is_any(&["spanish", "espanol", "castellano", "espanhol"]) {
            Some(Language::Es)
        } else {
            None
        }
    };
    // "I don't speak Spanish", "no hablo portugués", "não falo espanhol": the language the
    // guest cannot read, never the one asked for.
    const NOT: &[&str] = &[
        "dont", "don", "not", "no", "nao", "cant", "t", "cannot", "doesnt", "nunca",
    ];
    tokens.iter().enumerate().find_map(|(i, t)| {
        let lang = named(t)?;
        const KNOW: &[&str] = &[
            "speak",
            "hablo",
            "habla",
            "falo",
            "fala",
            "read",
            "understand",
            "entiendo",
            "entendo",
            "write",
            "escribo",
            "escrevo",
            "leo",
            "leio",
        ];
        let negated = (1..=2).any(|k| {
            i.checked_sub(k).is_some_and(|v| {
                tokens[v].is_any(KNOW)
                    && tokens[v.saturating_sub(2)..v].iter().any(|p| p.is_any(NOT))
            })
        });
        if negated {
            return None;
        }
        let asked = i.checked_sub(1).is_some_and(|p| tokens[p].is_any(ASK))
            || tokens
                .get(i + 1)
                .is_some_and(|n| n.is_any(&["please", "por", "porfa", "pls"]));
        asked.then_some(lang)
    })
}

/// "¿Sos un bot?", "¿es un contestador automático?", "are you a bot?", "você é um robô?".
pub(super) fn bot(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const WHAT: &[&str] = &[
        "bot", "robot", "robo", "chatbot", "automatico", "contestador", "ia", "ai", "maquina",
    ];
    const ARE: &[&str] = &[
        "sos", "es", "eres", "are", "e", "voce", "is", "hablo", "estoy",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(WHAT) && (1..=3).any(|k| i.checked_sub(k).is_some_and(|p| tokens[p].is_any(ARE)))
    })
}

/// "¿La Lenga es para 6?", "¿sirve para 4?", "¿alcanza para 5?": whether a party fits.
pub(super) fn fits(text: &str, tokens: &[Token]) -> bool {
    (text.contains('?') || text.contains('¿'))
        && tokens.windows(3).any(|w| {
            w[0].is_any(&["es", "sirve", "alcanza", "da"])
                && w[1].is("para")
                && super::numbers::parse_at(&w[2..], 0).is_some()
        })
}

/// "¿Tienen descuento por estadía larga?", "¿hay alguna promo?", "any discount?", "tem
/// desconto?".
pub(super) fn discount(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        t.is_any(&[
            "descuento",
            "descuentos",
            "promo",
            "promos",
            "promocion",
            "promociones",
            "discount",
            "discounts",
            "desconto",
            "descontos",
            "rebaja",
        ])
    }) || lexicon::says_any(
        tokens,
        &["precio especial", "special price", "preco especial"],
    )
}

/// "El precio de cada cabaña", "todas las cabañas", "each cabin", "cada chalé": every cabin,
/// not the cheapest only.
pub(super) fn each_cabin(tokens: &[Token]) -> bool {
    lexicon::says_any(
        tokens,
        &[
            "cada cabana",
            "cada una",
            "todas las cabanas",
            "cada chale",
            // English as the bridge leaves it ("cabin" is "cabana").
            "each cabana",
            "each one",
            "every cabana",
            "all the cabanas",
            "all cabanas",
            "all your cabanas",
            "todos os chales",
            "cada um",
            // The cabins named in the plural: "the prices of your cabins for 4", "¿precios de
            // las cabañas para 4?", "o preço dos seus chalés pra 4".
            "your cabanas",
            "the cabanas",
            "las cabanas",
            "sus cabanas",
            "de las cabanas",
            // Portuguese as the bridge leaves it ("chalés" is "cabanas").
            "os cabanas",
            "seus cabanas",
        ],
    )
}

/// "¿Todos en una?", "¿en una sola cabaña?", "all in one cabin?", "todos num chalé só?".
pub(super) fn all_in_one(tokens: &[Token]) -> bool {
    lexicon::says_any(
        tokens,
        &[
            "todos en una",
            "todos juntos en una",
            "en una sola",
            "una sola cabana",
            "en la misma cabana",
            "una cabana para todos",
            "una sola para todos",
            "todos juntos en la misma",
            "all in one",
            "all of us in one",
            "all stay in one",
            "all together in one",
            "together in one cabin",
            "in a single cabin",
            "one cabin for all",
            "in just one",
            "todos em um",
            "todos no mesmo",
            "todos juntos num",
            "num so",
            "em um so",
            "um so chale",
        ],
    )
}

/// "¿Tenés otra?", "anything else?", "tem outra?".
pub(super) fn other(tokens: &[Token]) -> bool {
    lexicon::says_any(tokens, ASKS_OTHER)
}

/// "¿Vos cuál me recomendás?", "¿cuál conviene?", "which one would you recommend?".
pub(super) fn recommendation(tokens: &[Token]) -> bool {
    const WHICH: &[&str] = &[
        "cual conviene",
        "cual me conviene",
        "cual nos conviene",
        "cual es mas linda",
        "cual es mejor",
        "cual es la mejor",
        "cual esta mejor",
        "cual es la mas linda",
        "cual es la cabana mas linda",
        "la mas linda",
        "la mas bonita",
        "la mejor cabana",
        "which is the best",
        "which one is the nicest",
        "cual elegirias",
        "vos cual",
        "which one would you",
    ];
    tokens.iter().any(|t| t.is_any(RECOMMEND_WORDS)) || lexicon::says_any(tokens, WHICH)
}

/// A word that asks a price ("cuánto", "precio", "how much", "quanto").
pub(super) fn price_word(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        t.is_any(&[
            "cuanto", "precio", "sale", "cuesta", "valor", "tarifa", "much", "price", "cost",
            "quanto", "preco", "custa",
        ])
    })
}

/// "¿Algo libre la semana que viene?", "next week", "semana que vem".
pub(super) fn next_week(tokens: &[Token]) -> bool {
    lexicon::says_any(
        tokens,
        &[
            "semana que viene",
            "proxima semana",
            "next week",
            "semana que vem",
        ],
    )
}

/// "¿Me pasás el comprobante?", "can you send me the voucher?", "datos de la reserva", "¿me
/// reenvían la confirmación de la reserva?", "resend the booking confirmation", "os dados da
/// reserva".
pub(super) fn voucher(tokens: &[Token]) -> bool {
    // "¿Me reenviás la confirmación?", "mandame la confirmación", "can you resend the
    // confirmation?", "me manda a confirmação de novo": the confirmation asked to be sent.
    #[rustfmt::skip]
    const SEND: &[&str] = &[
        "reenvias", "reenviame", "reenvian", "reenviar", "reenvia", "reenvie", "mandas", "mandame",
        "mandan", "mandar", "manda", "mande", "pasas", "pasame", "pasan", "pasar", "envias",
        "enviame", "envian", "enviar", "envia", "envie", "send", "resend", "forward",
    ];
    // "I lost the confirmation", "no encuentro la confirmación", "perdi a confirmação",
    // "never got the confirmation": the confirmation missing is asked for again ("recebi a
    // confirmação, obrigado" has it).
    const LOST: &[&str] = &["perdi", "perdimos", "perdemos", "lost"];
    #[rustfmt::skip]
    const NOT_HAD: &[&str] = &[
        "encuentro", "encontramos", "find", "recibi", "recibimos", "got", "get", "received",
        "recebi", "recebemos", "acho", "encontro", "llego",
    ];
    const NOT: &[&str] = &[
        "no", "not", "nao", "never", "nunca", "t", "didnt", "havent", "cant",
    ];
    let before = |i: usize, k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    let missing = |i: usize, k: usize| {
        before(i, k).is_some_and(|b| {
            b.is_any(LOST)
                || b.is_any(NOT_HAD)
                    && (1..=2).any(|n| before(i, k + n).is_some_and(|x| x.is_any(NOT)))
        })
    };
    let sent_again = tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(&["confirmacion", "confirmation", "confirmacao"])
            && (1..=4).any(|k| before(i, k).is_some_and(|b| b.is_any(SEND)) || missing(i, k))
    });
    // "¿Me pasás todo?", "me reenviás la info?", "mandame los datos de nuevo x fa": all of it
    // asked to be sent, of nothing named ("pasame info de la Lenga" asks about a cabin).
    const ALL_OF_IT: &[&str] = &[
        "todo",
        "info",
        "informacion",
        "datos",
        "detalles",
        "resumen",
        "data",
    ];
    let all_again = tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(ALL_OF_IT)
            && (1..=3).any(|k| {
                i.checked_sub(k)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|b| b.is_any(SEND))
            })
            && tokens.get(i + 1).is_none_or(|n| {
                !n.is_any(&["de", "del", "sobre", "para", "con"]) || says_again(&tokens[i + 1..])
            })
    });
    sent_again
        || all_again
        || lexicon::says_any(
            tokens,
            &[
                "comprobante",
                "voucher",
                "comprovante",
                "datos de la reserva",
                "datos de mi reserva",
                "detalle de la reserva",
                "detalles de la reserva",
                "booking details",
                "reservation details",
                "los datos de la reserva",
                "confirmacion de la reserva",
                "confirmacion de reserva",
                "mail de confirmacion",
                "correo de confirmacion",
                "dados da reserva",
                "detalhes da reserva",
                "confirmacao da reserva",
                "booking confirmation",
                "reservation confirmation",
                "confirmation email",
                "resend the confirmation",
                "send the confirmation again",
                "se me borro el mail",
                "no encuentro el mail",
                // "¿Qué más tengo que hacer?", "what's next?": where the reservation stands, which
                // says what is left (the deposit's link, or the times, address and balance).
                "que mas necesito hacer",
                "que mas necesitamos hacer",
                "que mas tengo que hacer",
                "que mas tenemos que hacer",
                "que mas hay que hacer",
                "que mas debo hacer",
                "algo mas que tenga que hacer",
                "algo mas que tengamos que hacer",
                "proximos pasos",
            ],
        )
}

/// "Contame de la Coihue", "hablame sobre la Lenga", "tell me about the Ñire", "tell us a bit
/// more about the Lenga", "me fala mais sobre a Ñire", "describe the Lenga", "what's the Ñire
/// like?": tell about it. Between the verb and "about" only whom it is told to and how much.
pub(super) fn tell_me(tokens: &[Token]) -> bool {
    const TELL: &[&str] = &[
        "contame",
        "contanos",
        "hablame",
        "hablanos",
        "describime",
        "describinos",
        "conta",
        "tell",
        "fala",
        "conte",
        "me",
        // "Quería consultar por la Ñire", "una consulta sobre la Lenga", "preguntar por la
        // Coihue": what it is like, asked with nothing else.
        "consultar",
        "consulta",
        "consultando",
        "consultaba",
        "preguntar",
        "preguntaba",
        "preguntando",
    ];
    const BETWEEN: &[&str] = &[
        "me", "us", "nos", "more", "mais", "mas", "a", "bit", "little", "un", "poco", "pouco",
        "um", "again",
    ];
    const ABOUT: &[&str] = &[
        "de", "sobre", "about", "da", "do", "algo", "on", "por", "acerca",
    ];
    let told_about = tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(TELL)
            && !t.is("me")
            && tokens[i + 1..]
                .iter()
                .take(6)
                .position(|w| !w.is_any(BETWEEN))
                .is_some_and(|k| tokens[i + 1 + k].is_any(ABOUT))
    });
    let me_told = tokens
        .windows(2)
        .any(|w| w[0].is("me") && w[1].is_any(&["contas", "contan", "hablas"]));
    // "Describe the Lenga", "descreve a Ñire": asked to describe it.
    let describe = tokens
        .iter()
        .any(|t| t.is_any(&["describe", "descreve", "descreva", "descrever"]));
    // "What's the Ñire like?", "what is the Lenga like", "Hi! What is the Ñire cabin like?",
    // "good morning, what does the Coihue look like?": what it is like, after a greeting too.
    let like = tokens.last().is_some_and(|t| t.is("like"))
        && tokens[..tokens.len() - 1]
            .iter()
            .any(|t| t.is_any(&["what", "whats"]));
    told_about || me_told || describe || like
}

/// "De nuevo", "de vuelta": again.
fn says_again(rest: &[Token]) -> bool {
    matches!(rest, [de, again, ..] if de.is("de") && again.is_any(&["nuevo", "vuelta"]))
}

/// "¿Y el resto cómo lo pago?", "¿cuánto me falta pagar?", "how do I pay the balance?",
/// "quanto falta pagar?" (bridged words): what is left after the deposit, how or when it is
/// paid. "El resto" and "lo que falta" only with a word of paying or asking ("el resto de las
/// cabañas" is no balance).
pub(super) fn balance(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const ALONE: &[&str] = &[
        "el saldo", "o saldo", "el balance", "falta pagar", "falta abonar", "queda por pagar",
        "quedan por pagar", "resta pagar", "resta abonar", "falta por pagar", "left hasta pay",
        "still owe", "saldo pendiente", "cuanto debo", "cuanto le debo", "cuanto les debo",
        "remaining balance", "amount due", "balance due",
    ];
    #[rustfmt::skip]
    const WITH_PAYING: &[&str] = &[
        "el resto", "el rest", "o resto", "lo que falta", "lo que resta", "lo que queda",
        "el restante", "o restante", "remaining", "what s left", "the rest",
    ];
    if lexicon::says_any(tokens, ALONE) {
        return true;
    }
    // "¿Cuánto queda para pagar al llegar?", "how much do we pay on arrival?", "quanto pago na
    // chegada?": how much, paying, and the arrival.
    const ARRIVAL: &[&str] = &[
        "llegar",
        "llegue",
        "lleguemos",
        "llegada",
        "llegamos",
        "arrival",
        "arrive",
        "arriving",
        "chegada",
        "chegar",
        "chegarmos",
        "checkin",
    ];
    let how_much = tokens
        .iter()
        .any(|t| t.is_any(&["cuanto", "quanto", "much"]));
    let pays = |t: &Token| ["pag", "pay", "abon"].iter().any(|p| t.text.starts_with(p));
    if how_much && tokens.iter().any(pays) && tokens.iter().any(|t| t.is_any(ARRIVAL)) {
        return true;
    }
    let paying = tokens.iter().any(|t| {
        ["pag", "pay", "abon", "transf"]
            .iter()
            .any(|p| t.text.starts_with(p))
            || t.is_any(&[
                "cuanto", "como", "cuando", "donde", "how", "when", "efectivo", "cash",
            ])
    });
    paying
        && WITH_PAYING.iter().any(|p| {
            lexicon::find_phrase(tokens, p).is_some_and(|(pos, q)| {
                let len = p.split(' ').count();
                q == lexicon::Quality::Exact
                    && !tokens
                        .get(pos + len)
                        .is_some_and(|n| n.is_any(&["de", "del", "da", "do", "of"]))
            })
        })
}

/// "¿Cuándo está libre?", "¿qué es lo más cercano que tenés?", "when is it free?", "next
/// available dates?", "quando fica livre?": when a cabin is free next, near the dates asked.
pub(super) fn when_free(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const PHRASES: &[&str] = &[
        "cuando esta libre", "cuando estaria libre", "cuando la tenes libre", "cuando la tienen libre",
        "cuando tenes libre", "cuando tienen libre", "cuando se libera", "cuando queda libre",
        "cuando hay lugar", "cuando tenes lugar", "cuando tienen lugar", "cuando esta disponible",
        "lo mas cercano", "lo mas proximo", "fechas cercanas", "fechas mas cercanas",
        "las mas cercanas", "mas cerca de esas", "proximas fechas libres", "proxima fecha libre",
        "fechas libres cerca", "cuando la puedo", "when is it free", "when is it available",
        "when s it free", "when would it be free", "when is the", "when are they free",
        "closest", "nearest", "next available", "next free", "quando esta livre",
        "quando fica livre", "quando tem vaga", "quando esta disponivel", "mais proxima",
        "mais proximas", "mais proximo", "datas proximas", "fechas tenes libres", "fechas tienen libres", "fechas tenes disponibles",
        "fechas tienen disponibles", "when is it", "when will it be free", "what dates are free",
        "which dates are free", "what dates do you have", "que datas tem livre",
        "quais datas tem livre", "quais datas estao livres",
        // "¿qué otras fechas tenés cerca?", "¿qué fechas tienen para la Lenga cerca de esas?",
        // "any other dates close to those?", "outras datas perto?": other dates near the ones
        // asked.
        "otras fechas tenes", "otras fechas tienen", "otras fechas hay", "fechas cerca",
        "cerca de esas", "cerca de esa fecha", "other dates", "dates close", "close to those",
        "outras datas", "datas perto", "perto dessas",
    ];
    const FREE: &[&str] = &[
        "libre",
        "libres",
        "free",
        "available",
        "disponible",
        "livre",
        "disponivel",
        "vaga",
    ];
    PHRASES.iter().any(|p| {
        lexicon::find_phrase(tokens, p).is_some_and(|(_, q)| q == lexicon::Quality::Exact)
            // "When is the check-in?": "when is the" asks when a cabin is free only with a word
            // of being free.
            && (!p.starts_with("when is") || tokens.iter().any(|t| t.is_any(FREE)))
    })
}

/// "What if we don't go?", "e se a gente não for?" (the words as written): not coming
/// supposed, a question about the cancellation policy.
pub(super) fn not_going_supposed(written: &[Token]) -> bool {
    lexicon::says_any(
        written,
        &[
            "if we dont go",
            "if we don t go",
            "if we can t go",
            "if we cant go",
            "if we cannot go",
            "if we dont come",
            "if we don t come",
            "if we can t come",
            "if we cant come",
            "if we don t make it",
            "if we dont make it",
            "se a gente nao for",
            "se nao formos",
            "se a gente nao puder ir",
            "se nao pudermos ir",
            "se nao der pra ir",
            "se a gente desistir",
        ],
    )
}

/// "Which dates would that be?", "what are the dates?", "quais datas seriam?", "¿qué fechas
/// serían?": the dates of what is on the table.
pub(super) fn dates(tokens: &[Token]) -> bool {
    lexicon::says_any(
        tokens,
        &[
            "which dates",
            "what dates",
            "what are the dates",
            "which days would",
            "what days would",
            "que fechas",
            "cuales fechas",
            "cuales son las fechas",
            "que dias serian",
            "quais datas",
            "que datas",
            "quais sao as datas",
            "quais dias seriam",
            "que dias seriam",
        ],
    )
}

/// "¿Cuál es el código?", "what's my booking number?", "localizador".
pub(super) fn code(tokens: &[Token]) -> bool {
    lexicon::says_any(
        tokens,
        &[
            "codigo",
            "code",
            "numero de reserva",
            "booking number",
            "localizador",
        ],
    )
}

/// "¿Y a cuál sí?", "¿en cuáles sí?", "cual si", "e qual sim?", "which ones do?", "which one
/// has it?", "¿cuál la tiene?", "e qual tem?": which ones do, with nothing else said.
pub(super) fn which_yes(tokens: &[Token]) -> bool {
    const LEAD: &[&str] = &[
        "y", "e", "and", "ok", "ah", "bueno", "entonces", "pero", "a", "en", "de", "con", "la",
        "las", "para", "in", "on", "so", "then", "entao",
    ];
    const WHICH: &[&str] = &["cual", "cuales", "qual", "quais", "which"];
    const YES: &[&str] = &["si", "sim", "do", "does", "has", "have", "tem", "teem"];
    #[rustfmt::skip]
    const FILL: &[&str] = &[
        "one", "ones", "tienen", "tiene", "entonces", "then", "it", "them", "la", "lo", "las",
        "los", "cabin", "cabins", "cabana", "cabanas", "chale", "chales",
    ];
    let words: Vec<&Token> = tokens
        .iter()
        .skip_while(|t| t.is_any(LEAD) || t.is_any(lexicon::INTERJECTIONS))
        .collect();
    // "¿Cuál la tiene?": "tiene" with the thing as a pronoun is the yes.
    let has_it = |rest: &[&Token]| {
        rest.iter().any(|t| t.is_any(&["tiene", "tienen"]))
            && rest.iter().any(|t| t.is_any(&["la", "lo", "las", "los"]))
    };
    matches!(words.as_slice(), [w, rest @ ..]
        if w.is_any(WHICH)
            && !rest.is_empty()
            && rest.iter().all(|t| t.is_any(YES) || t.is_any(FILL))
            && (rest.iter().any(|t| t.is_any(YES)) || has_it(rest)))
}

/// The ways of paying a question names, first said first, each once: "¿aceptan tarjeta o
/// transferencia?", "el saldo, ¿en efectivo?", "do you take cash?", "aceitam cartão?".
pub(super) fn pay_methods(tokens: &[Token]) -> Vec<PayMethod> {
    const WAYS: &[(&str, PayMethod)] = &[
        ("tarjeta", PayMethod::Card),
        ("tarjetas", PayMethod::Card),
        ("credito", PayMethod::Card),
        ("debito", PayMethod::Card),
        ("visa", PayMethod::Card),
        ("mastercard", PayMethod::Card),
        ("card", PayMethod::Card),
        ("cards", PayMethod::Card),
        ("cartao", PayMethod::Card),
        ("cartoes", PayMethod::Card),
        ("transferencia", PayMethod::Transfer),
        ("transferencias", PayMethod::Transfer),
        ("transferir", PayMethod::Transfer),
        ("transfiero", PayMethod::Transfer),
        ("transfer", PayMethod::Transfer),
        ("cbu", PayMethod::Transfer),
        // A Pix is Brazil's instant bank transfer; "transferí" says one made.
        ("pix", PayMethod::Transfer),
        ("transferi", PayMethod::Transfer),
        ("transferimos", PayMethod::Transfer),
        ("transferido", PayMethod::Transfer),
        ("wire", PayMethod::Transfer),
        ("efectivo", PayMethod::Cash),
        ("cash", PayMethod::Cash),
        ("dinheiro", PayMethod::Cash),
        ("especie", PayMethod::Cash),
        ("mercado pago", PayMethod::MercadoPago),
        ("mercadopago", PayMethod::MercadoPago),
        ("mp", PayMethod::MercadoPago),
    ];
    let mut found: Vec<(usize, PayMethod)> = WAYS
        .iter()
        .filter_map(|(phrase, way)| {
            // "visa" is one letter from "vista": short words only as written.
            let (at, quality) = lexicon::find_phrase(tokens, phrase)?;
            (phrase.len() >= 6 || quality == lexicon::Quality::Exact).then_some((at, *way))
        })
        .collect();
    found.sort_by_key(|(at, _)| *at);
    let mut ways: Vec<PayMethod> = Vec::new();
    for (_, way) in found {
        if !ways.contains(&way) {
            ways.push(way);
        }
    }
    ways
}

/// The deposit named and not the balance: "¿la seña la puedo pagar en efectivo?", "can I pay
/// the deposit by bank transfer?", "o sinal pode ser em dinheiro?".
pub(super) fn deposit_not_balance(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| t.is_any(&["sena", "senar", "deposit", "sinal", "anticipo", "adelanto"]))
        && !tokens
            .iter()
            .any(|t| t.is_any(&["saldo", "resto", "restante", "balance", "rest", "remaining"]))
}

/// The cabin named in a sentence of its own, said as no question, beside a question in another
/// ("la coihue. ¿a qué hora es el check-in?"): a choice made, with something asked besides.
/// A clause before a comma that likes or takes the cabin is one too ("gostei da Ñire, tem
/// wifi?", "me gustó la Ñire, ¿tiene wifi?", "I like the Ñire, does it have wifi?"); the
/// cabin alone before the comma ("¿la Ñire, tiene wifi?") stays the question's subject.
pub(super) fn named_apart_from_the_question(text: &str, name: &str) -> bool {
    /// Words that like, want or take what follows them.
    const TAKES: &[&str] = &[
        "gostei",
        "gostamos",
        "curti",
        "curtimos",
        "adorei",
        "adoramos",
        "amei",
        "amamos",
        "prefiro",
        "preferimos",
        "fico",
        "ficamos",
        "escolho",
        "escolhemos",
        "gusto",
        "gustaron",
        "encanto",
        "prefiero",
        "quedo",
        "quedamos",
        "elijo",
        "elegimos",
        "like",
        "liked",
        "love",
        "loved",
        "prefer",
        "take",
        // A yes or a request before the cabin ("dale la ñire, ¿a qué hora llegamos?", "yes the
        // Coihue, what time is check-in?", "reserva a Lenga, tem wifi?").
        "dale",
        "yes",
        "sim",
        "listo",
        "reservame",
        "reserva",
        "reservala",
        "book",
        "quiero",
        "queremos",
        "quero",
        "want",
    ];
    let asks = |s: &str| s.contains('?') || s.contains('¿');
    let Some(key) = super::normalize::tokenize(name).pop() else {
        return false;
    };
    let names = |sentence: &str| {
        super::normalize::tokenize(sentence)
            .iter()
            .any(|t| t.is(&key.text))
    };
    let takes = |clause: &str| {
        let tokens = super::normalize::tokenize(clause);
        tokens
            .iter()
            .position(|t| t.is_any(TAKES))
            .is_some_and(|at| tokens[at..].iter().any(|t| t.is(&key.text)))
    };
    asks(text)
        && text.split(['.', '!', '\n', ';']).any(|sentence| {
            if !asks(sentence) {
                return names(sentence);
            }
            sentence
                .split(',')
                .next()
                .is_some_and(|first| !asks(first) && first.len() < sentence.len() && takes(first))
        })
}

/// An option pointed at in a clause of its own before the question: by place, price, size or
/// what it has ("la segunda, ¿tiene parrilla?", "a mais barata, tem churrasqueira?", "the one
/// with the jacuzzi, does it have parking?") or by name ("la Ñire, ¿tiene parrilla?"). Not a
/// choice made (that is `named_apart_from_the_question`): the option the question is about,
/// which then is the one a yes accepts. "Esa" or "la otra" alone before the comma point at
/// nothing new.
pub(super) fn pointed_before_the_question(text: &str, name: Option<&str>, english: bool) -> bool {
    /// The longest a pointing clause runs ("the one with the hot tub").
    const MAX_WORDS: usize = 6;
    let asks = |s: &str| s.contains('?') || s.contains('¿');
    let key = name.and_then(|n| super::normalize::tokenize(n).pop());
    text.split(['.', '!', '\n', ';']).any(|sentence| {
        let Some((first, rest)) = sentence.split_once(',') else {
            return false;
        };
        let written = super::normalize::tokenize(first);
        if !asks(rest) || asks(first) || written.is_empty() || written.len() > MAX_WORDS {
            return false;
        }
        let tokens = super::bridge::to_spanish_from(written, english);
        let by_name = key
            .as_ref()
            .is_some_and(|k| tokens.iter().any(|t| t.is(&k.text)));
        by_name
            || super::cues::choice(&tokens)
                .is_some_and(|c| !matches!(c, Choice::ThatOne | Choice::Other))
    })
}

/// The view a question about views names ("¿cuál tiene vista al lago?", "vista para as
/// montanhas"): the first scenery word in the message.
pub(super) fn scenery(tokens: &[Token]) -> Option<Scenery> {
    tokens
        .iter()
        .find_map(|t| Scenery::ALL.into_iter().find(|s| t.is_any(s.words())))
}

/// "La Coihue y la Arrayán juntas", "dale las dos", "both of them", "reserva as duas": the
/// cabins named (or talked about) wanted both at once. Not "las dos noches": a count of
/// something else.
pub(super) fn both_wanted(tokens: &[Token]) -> bool {
    const BOTH: &[&str] = &["ambas", "ambos", "juntas", "both"];
    // Said with a number: both only when no noun of something counted follows.
    const THE_TWO: &[&str] = &["las dos", "as duas", "as dos", "os dois", "las 2", "as 2"];
    const COUNTED: &[&str] = &[
        "noches", "personas", "semanas", "dias", "noites", "pessoas", "nights", "de", "da",
        "parejas", "familias", "casais",
    ];
    tokens.iter().any(|t| t.is_any(BOTH))
        || THE_TWO.iter().any(|p| {
            lexicon::find_phrase(tokens, p).is_some_and(|(at, q)| {
                let len = p.split(' ').count();
                q == lexicon::Quality::Exact
                    && !tokens.get(at + len).is_some_and(|t| t.is_any(COUNTED))
            })
        })
}

/// One end of the stay named alone after "y", "and", "what about" ("¿y la salida?", "y el
/// egreso?", "e a saída?", "and departure?", "¿y la entrada?", "e a chegada?", "what about
/// arrival?"), maybe with "a qué hora" or "time" after it: the time of that end asked, as a
/// question that follows on the check-in times. Rewritten as "y el horario de salida" (or "de
/// entrada"), the words every reader takes as that question; any other message unchanged.
pub(super) fn end_of_stay_alone(tokens: Vec<Token>) -> Vec<Token> {
    const LEAD: &[&str] = &[
        "ah",
        "ok",
        "okey",
        "oka",
        "genial",
        "perfecto",
        "joya",
        "barbaro",
        "buenisimo",
        "bien",
        "gracias",
        "bueno",
        "great",
        "thanks",
        "perfect",
        "cool",
        "otimo",
        "beleza",
        "blz",
        "obrigado",
        "obrigada",
        "legal",
    ];
    const ARTICLES: &[&str] = &["la", "el", "a", "o", "the", "lo", "de", "do", "da", "your"];
    const DEPARTURE: &[&str] = &["salida", "egreso", "departure", "leaving"];
    const ARRIVAL: &[&str] = &["entrada", "ingreso", "llegada", "arrival"];
    const AFTER: &[&str] = &[
        "a", "que", "hora", "horario", "time", "cual", "es", "como", "seria", "sera", "what", "is",
        "qual", "e", "de", "la", "cabana", "cabanas",
    ];
    let mut i = 0;
    while tokens.get(i).is_some_and(|t| t.is_any(LEAD)) {
        i += 1;
    }
    let lead = i;
    if tokens.get(i).is_some_and(|t| t.is_any(&["y", "e", "and"])) {
        i += 1;
    } else if tokens.get(i).is_some_and(|t| t.is_any(&["what", "how"]))
        && tokens.get(i + 1).is_some_and(|t| t.is("about"))
    {
        i += 2;
    } else {
        return tokens;
    }
    while tokens.get(i).is_some_and(|t| t.is_any(ARTICLES)) {
        i += 1;
    }
    let end = match tokens.get(i) {
        Some(t) if t.is_any(DEPARTURE) => "salida",
        Some(t) if t.is_any(ARRIVAL) => "entrada",
        _ => return tokens,
    };
    let rest = &tokens[i + 1..];
    if rest.len() > 4 || !rest.iter().all(|t| t.is_any(AFTER)) {
        return tokens;
    }
    let punct_after = tokens.last().is_some_and(|t| t.punct_after);
    let mut read: Vec<Token> = tokens[..lead].to_vec();
    let words = ["y", "el", "horario", "de", end];
    for (k, w) in words.iter().enumerate() {
        read.push(Token {
            text: (*w).to_owned(),
            accented: false,
            punct_after: punct_after && k + 1 == words.len(),
            known: true,
            enye: false,
        });
    }
    read
}

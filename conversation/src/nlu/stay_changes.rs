//! Changes to a stay or a party said as a difference: nights added or taken ("una noche
//! más"), the stay moved by days ("un día después"), the week after, people added ("se suma
//! uno más"), a holiday's stay stretched, an arrival said alone.
//!
//! Never a stay or a party of that many: "una noche más" is one night added, not a one-night
//! stay; the policy applies the difference to what it is talking about.

use super::StayEnd;
use super::dates;
use super::normalize::Token;
use super::numbers;

/// Words that say the day is the arrival ("llegamos el 4", "arrive on the 4th" bridged).
pub(super) const ARRIVAL_WORDS: &[&str] = &[
    "llegamos",
    "llegar",
    "llego",
    "llegariamos",
    "llegaremos",
    "llegada",
    "llegando",
    "entrar",
    "entramos",
    "ingresar",
    "ingresamos",
    "checkin",
];

/// "Una noche más", "dos noches más", "una noche menos", "agregame una noche", "one more
/// night", "an extra night", "mais uma noite", "uma noite a mais": nights added (or taken).
pub(super) fn extra_nights(tokens: &[Token]) -> Option<i32> {
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
        // the infinitive with its pronoun, after "podemos", "se puede", "quisiera"
        "agregarle",
        "agregarnos",
        "sumarle",
        "sumarnos",
        "agreguemos",
        "sumemos",
        "extenderle",
        "alargarle",
        "acrescentar",
        "acrescenta",
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
        // "¿podemos sacarle una noche?", "saquemos un día", "drop a night", "tira uma noite"
        "sacarle",
        "sacarnos",
        "saquemos",
        "saquen",
        "quitarle",
        "quitarnos",
        "restar",
        "restarle",
        "descontar",
        "descontarle",
        "recortar",
        "recortale",
        "drop",
        "cut",
        "tira",
        "tiramos",
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
        // "add a night": the English article, after a verb that adds.
        if t.is("a")
            && i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| p.is_any(ADD) || p.is_any(REMOVE))
        {
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
        // "one fewer night", "one less night"
        if word_at(i + len, LESS) && is_night(i + len + 1) {
            return Some(-n);
        }
        if !is_night(i + len) {
            continue;
        }
        let after = i + len + 1;
        // "una noche más", "uma noite a mais", "una noche menos"
        let skip_a = usize::from(word_at(after, &["a"]));
        // Not "3 días más o menos" (about three); "una noche más o sea hasta el 11" adds one.
        if word_at(after + skip_a, MORE)
            && !(word_at(after + skip_a + 1, &["o"]) && word_at(after + skip_a + 2, &["menos"]))
        {
            return Some(n);
        }
        // "una noche menos", "uma noite a menos"
        if word_at(after + skip_a, LESS) {
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

/// "Al principio", "antes", "before", "at the start", "no início": nights added before the
/// arrival, not after the departure.
pub(super) fn at_the_start(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        t.is_any(&[
            "principio",
            "comienzo",
            "inicio",
            "antes",
            "before",
            "beginning",
            "start",
            "comeco",
        ])
    })
}

/// "El finde largo de octubre pero llegamos un día antes", "para carnaval, nos vamos un día
/// después", "semana santa y nos quedamos una noche más": a holiday's stay stretched (or
/// shortened) at the end the guest names: the arrival, unless they speak of leaving or
/// staying.
pub(super) fn stretch_period(tokens: &[Token], dates: &mut dates::DateInfo) {
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
    // "llegamos un día antes, el viernes 5": the day said is the arrival, moved already.
    if let Some(n) = shift_days(tokens).filter(|_| !arrival_day_said(tokens, check_in)) {
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

/// Whether the guest said the arrival's own day of the month ("el viernes 5", "el 5", "Friday
/// the 5th", "sexta dia 5", bridged), besides the holiday whose stay it starts.
fn arrival_day_said(tokens: &[Token], check_in: chrono::NaiveDate) -> bool {
    const BEFORE_A_DAY: &[&str] = &["el", "dia", "the", "on"];
    tokens.windows(2).any(|w| {
        let names_the_day = w[1]
            .text
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .is_ok_and(|d| d == chrono::Datelike::day(&check_in));
        names_the_day && (w[0].is_any(BEFORE_A_DAY) || dates::names_a_weekday(&w[0]))
    })
}

/// The end of the stay a move by days is said of: an arrival word ("llegamos un día antes",
/// "we'll arrive a day later" and "chegamos um dia depois" bridged) or a departure word
/// ("salimos un día antes", "nos vamos un día después", "we'll leave a day earlier", "volvemos
/// un día antes"), one of them only. A verb that moves the whole booking ("correrla",
/// "adelantarla", "push it") or both ends named: `None`, the whole stay moves.
pub(super) fn shifted_end(tokens: &[Token]) -> Option<StayEnd> {
    #[rustfmt::skip]
    const DEPARTURE: &[&str] = &[
        "salimos", "salir", "salgo", "saldremos", "saldriamos", "salida", "saliendo", "irnos",
        "volvemos", "volver", "vuelvo", "regresamos", "regresar", "salirnos",
    ];
    #[rustfmt::skip]
    const WHOLE: &[&str] = &[
        "correr", "correrla", "correla", "corremos", "mover", "movela", "moverla", "corramos",
        "corramosla", "corramoslo", "movamos", "movamosla", "correrlo", "moverlo", "adelantar",
        "adelantarla", "adelantala", "adelantamos", "adelantemos", "adelantemosla", "adelantarlo",
        "atrasar", "atrasarla", "atrasala", "atrasemos", "atrasemosla", "atrasarlo", "postergar",
        "postergarla", "postergala", "posterguemos", "posterguemosla", "postergarlo", "push",
        "todo", "toda", "entera", "whole",
    ];
    if tokens.iter().any(|t| t.is_any(WHOLE)) {
        return None;
    }
    // "Nos vamos": leaving; "vamos" alone is going there.
    let leaving = |i: usize, t: &Token| {
        t.is_any(DEPARTURE)
            || t.is("vamos") && i.checked_sub(1).is_some_and(|p| tokens[p].is("nos"))
    };
    // "check in", "check-in": the arrival.
    let arrives = tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(ARRIVAL_WORDS) || t.is("check") && tokens.get(i + 1).is_some_and(|n| n.is("in"))
    });
    let leaves = tokens.iter().enumerate().any(|(i, t)| leaving(i, t));
    match (arrives, leaves) {
        (true, false) => Some(StayEnd::Arrival),
        (false, true) => Some(StayEnd::Departure),
        // "llegamos un día después, pero nos vamos el mismo día": the end said to stay the
        // same is not the one moved.
        (true, true) => {
            let same = tokens
                .iter()
                .position(|t| t.is_any(&["mismo", "misma", "igual", "same", "mesmo", "mesma"]))?;
            let last_leaving = tokens[..same]
                .iter()
                .enumerate()
                .rposition(|(i, t)| leaving(i, t));
            let last_arriving = tokens[..same].iter().rposition(|t| t.is_any(ARRIVAL_WORDS));
            match (last_arriving, last_leaving) {
                (Some(a), Some(l)) if l > a => Some(StayEnd::Arrival),
                (Some(a), Some(l)) if a > l => Some(StayEnd::Departure),
                _ => None,
            }
        }
        _ => None,
    }
}

/// "¿Podés cambiar la salida al 7?", "pode mudar a saída pro dia 7?", "can we change the
/// check-out to the 7th?", "dá pra mudar a entrada pro dia 2?": a change said of one end of
/// the stay by its name, the other end kept. `None` without a verb of changing, or with both
/// ends (or neither) named.
pub(super) fn end_changed(tokens: &[Token]) -> Option<StayEnd> {
    #[rustfmt::skip]
    const CHANGE: &[&str] = &[
        "cambiar", "cambia", "cambiame", "cambiala", "cambiamos", "cambiemos", "cambien",
        "cambienme", "mudar", "muda", "mude", "mudamos", "trocar", "troca", "troque", "alterar",
        "altera", "modificar", "modifica", "mover", "movela", "pasar", "pasala",
    ];
    if !tokens.iter().any(|t| t.is_any(CHANGE)) {
        return None;
    }
    let check = |i: usize, then: &str| {
        tokens[i].is("check") && tokens.get(i + 1).is_some_and(|n| n.is(then))
    };
    let named = |words: &[&str], then: &str| {
        (0..tokens.len()).any(|i| tokens[i].is_any(words) || check(i, then))
    };
    let arrival = named(&["entrada", "checkin", "llegada", "ingreso"], "in");
    let departure = named(&["salida", "checkout", "egreso"], "out");
    match (arrival, departure) {
        (true, false) => Some(StayEnd::Arrival),
        (false, true) => Some(StayEnd::Departure),
        _ => None,
    }
}

/// "We'll have to leave a day earlier, on the 8th", "salimos un día antes, el 12": the day said
/// with a departure moved is the check-out, not a check-in.
pub(super) fn departure_day(dates: &mut dates::DateInfo) {
    if let (Some(day), None, None, None) =
        (dates.check_in, dates.check_out, dates.nights, dates.until)
    {
        dates.until = Some(day);
        dates.check_in = None;
        dates.day_only = false;
    }
}

/// "Llegamos un día después", "un día más tarde", "one day later", "um dia depois", "un día
/// antes", "correrla un día", "adelantarla un día", "una semana después", "a week later": the
/// stay moved by that many days (negative: earlier), never nights added.
pub(super) fn shift_days(tokens: &[Token]) -> Option<i32> {
    const LATER: &[&str] = &["despues", "later", "depois", "luego", "adelante"];
    const EARLIER: &[&str] = &["antes", "earlier", "before", "early", "atras"];
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
        "corramos",
        "corramosla",
        "corramoslo",
        "movamos",
        "movamosla",
        "atrasemos",
        "atrasemosla",
        "posterguemos",
        "posterguemosla",
        "correrlo",
        "moverlo",
        "atrasarlo",
        "postergarlo",
        // "Dá pra adiar um dia?", "can we postpone it a day?", "delay it by a day"
        "adiar",
        "adiarmos",
        "adia",
        "adiamos",
        "postpone",
        "delay",
        "empurrar",
        "move",
        // "corrémosla una semana", "pasala un día", "tirala una semana para adelante"
        "corremosla",
        "corremoslo",
        "pasala",
        "pasalo",
        "pasarla",
        "pasemosla",
        "tirala",
        "tiremosla",
    ];
    const PULL: &[&str] = &[
        "adelantar",
        "adelantarla",
        "adelantala",
        "adelantamos",
        "adelantemos",
        "adelantemosla",
        "adelantarlo",
        "antecipar",
        "antecipa",
        "antecipamos",
        "adiantar",
        "adianta",
        "adiantamos",
    ];
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
        // "un día más tarde", "one day later", "um dia depois", "una semana para adelante"
        let skip_mas = usize::from(word_at(after, &["mas", "more", "mais", "para", "pa"]));
        if word_at(after + skip_mas, LATER)
            || word_at(after, &["mas"]) && word_at(after + 1, &["tarde"])
        {
            return Some(count);
        }
        if word_at(after + skip_mas, EARLIER) {
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

/// Words said straight before the whole party ("somos 10", "en total 8", "siendo 6").
const WHOLE_PARTY: &[&str] = &[
    "somos",
    "seriamos",
    "seremos",
    "quedamos",
    "quedariamos",
    "total",
    "siendo",
];

/// "somos 4", "seríamos 5", "quedamos 6", "en total 4": the whole party said with its verb.
pub(super) fn party_said(tokens: &[Token]) -> Option<u16> {
    (0..tokens.len()).find_map(|i| {
        if !tokens[i].is_any(WHOLE_PARTY) && !tokens[i].is_any(&["we're", "were"]) {
            return None;
        }
        let n = numbers::parse_at(tokens, i + 1).filter(|n| !n.ordinal)?;
        u16::try_from(n.value).ok().filter(|v| (1..=60).contains(v))
    })
}

/// "El finde siguiente", "la semana que sigue", "el fin de semana de después", "the following
/// weekend", "a semana seguinte"; and "¿y otro finde?", "another weekend?", "e outro fim de
/// semana?" after a stay talked about: the next one after it ("el otro finde", with its
/// article, is a date of its own).
pub(super) fn following_week(tokens: &[Token]) -> bool {
    const WEEK: &[&str] = &["semana", "finde", "week", "weekend"];
    // "What about the week after?", "e a semana depois?"
    const AFTER: &[&str] = &[
        "siguiente",
        "sigue",
        "despues",
        "posterior",
        "seguinte",
        "after",
        "depois",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        let next = |k: usize| tokens.get(i + k);
        let another = t.is_any(&["otro", "otra"])
            && next(1).is_some_and(|n| n.is_any(WEEK))
            && !i
                .checked_sub(1)
                .is_some_and(|k| tokens[k].is_any(&["el", "al", "la"]));
        (t.is_any(WEEK) && (1..=3).any(|k| next(k).is_some_and(|n| n.is_any(AFTER))))
            || (t.is("following") && next(1).is_some_and(|n| n.is_any(WEEK)))
            || another
    })
}

/// "¿Y entre semana?", "what about weekdays?", "e durante a semana?": the stay wanted on
/// weekdays instead of the weekend nights talked about. Not beside a weekend ("trabajamos
/// entre semana, vamos el finde") nor denied ("entre semana no podemos").
pub(super) fn midweek(tokens: &[Token]) -> bool {
    const WEEKDAYS: &[&str] = &["weekdays", "weekday", "midweek"];
    const WEEKEND: &[&str] = &[
        "finde",
        "weekend",
        "sabado",
        "domingo",
        "not",
        "nao",
        "trabajo",
        "trabajamos",
        "work",
    ];
    // "No" denies, but Portuguese "no meio da semana" is "in the middle of the week".
    let denied = tokens
        .iter()
        .enumerate()
        .any(|(i, t)| t.is("no") && !tokens.get(i + 1).is_some_and(|n| n.is("meio")));
    if denied
        || tokens.iter().any(|t| t.is_any(WEEKEND))
        || super::lexicon::says_any(tokens, &["fin de semana", "fim de semana"])
    {
        return false;
    }
    tokens.iter().any(|t| t.is_any(WEEKDAYS))
        || super::lexicon::says_any(
            tokens,
            &[
                "entre semana",
                "durante la semana",
                "dias de semana",
                "dia de semana",
                "durante a semana",
                "meio da semana",
                "mitad de semana",
                "during the week",
                "in the week",
            ],
        )
}

/// "El que viene", "el siguiente", "el próximo", "next", "o seguinte", "que vem": the next one
/// said (bridged words included).
pub(super) fn says_next(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| t.is_any(&["siguiente", "proximo", "proxima", "next", "seguinte"]))
        || super::lexicon::says_any(tokens, &["que viene", "que vem"])
}

/// Ordinals that count one more person ("a third person", "una tercera persona", "uma
/// terceira pessoa"; English ordinals come bridged).
#[rustfmt::skip]
pub(super) const ORDINAL_PEOPLE: &[&str] = &[
    "segunda", "segundo", "tercera", "tercero", "terceira", "terceiro", "cuarta", "cuarto",
    "quarta", "quinta", "quinto", "sexta", "sexto",
];

/// "Una persona más", "se suma uno más", "dos adultos más", "one more person", "another
/// guest", "mais uma pessoa", "somos uno menos": people added to (or taken from) the party.
pub(super) fn extra_guests(tokens: &[Token]) -> Option<i32> {
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
        // "one more friend", "mais uma pessoa", "one more kid" (when not bridged)
        "friend",
        "friends",
        "person",
        "people",
        "kid",
        "kids",
        "child",
        "adult",
        "adults",
        "pessoa",
        "pessoas",
        "crianca",
    ];
    // "somos 4 personas más el perro": a whole party and something else.
    let something_follows = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.is_any(&[
                "el", "la", "los", "las", "un", "una", "mi", "mis", "nuestro", "nuestra",
                // "2 of us + our dog": "our" reads "nuestros"
                "nuestros", "nuestras", "sus", "tus",
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
        // "¿se puede sumar uno más?"
        "sumar",
        "agregar",
    ];
    // "se suman dos", "se agregan 2 amigos", "se nos suman tres".
    const ADDS: &[&str] = &[
        "suma", "suman", "agrega", "agregan", "prende", "prenden", "unen",
    ];
    #[rustfmt::skip]
    const LEAVES: &[&str] = &[
        "baja", "bajan", "bajo", "bajaron", "cae", "caen", "cayo", "cayeron", "borra", "borran",
        "borro", "borraron",
    ];
    const COMES: &[&str] = &["viene", "vienen"];
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
        // "A third person", "una tercera persona", "uma terceira pessoa": one more, the one
        // who makes the party that many.
        if word_at(i, &["a", "an", "una", "un", "uma", "um"])
            && word_at(i + 1, ORDINAL_PEOPLE)
            && word_at(i + 2, PEOPLE)
        {
            return Some(1);
        }
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
        // "se baja uno", "se nos cayeron dos", "no viene una", "uno no viene": people who
        // drop out.
        let leaves = i.checked_sub(1).is_some_and(|p| word_at(p, LEAVES))
            && i.checked_sub(2).is_some_and(|p| word_at(p, &["se", "nos"]));
        let not_coming = i.checked_sub(1).is_some_and(|p| word_at(p, COMES))
            && i.checked_sub(2).is_some_and(|p| word_at(p, &["no"]));
        // "al final somos 10, no vienen los de la cabaña chiquita": the whole party said, and
        // who drops out after it, not 10 less.
        let whole = i.checked_sub(1).is_some_and(|p| word_at(p, WHOLE_PARTY));
        let drops_out = word_at(next, &["no"]) && word_at(next + 1, COMES) && !whole;
        if leaves || not_coming || drops_out {
            return Some(-n);
        }
        let joined = i.checked_sub(1).is_some_and(|p| word_at(p, JOINS));
        if !noun && !joined {
            continue;
        }
        let skip_a = usize::from(word_at(next, &["a"]));
        if word_at(next + skip_a, MORE)
            && !something_follows(next + skip_a + 1)
            && !super::guests::said_again_at(tokens, next + skip_a)
        {
            return Some(n);
        }
        if word_at(next, LESS) && !something_follows(next + 1) {
            return Some(-n);
        }
    }
    relatives_joining(tokens)
}

/// "Viene mi suegra también", "se suma mi hermano", "al final vienen mis viejos", "se prende
/// otra pareja", "my sister is coming too", "vem minha mãe também": relatives who join a party
/// already said, one each (two for a couple or parents).
fn relatives_joining(tokens: &[Token]) -> Option<i32> {
    #[rustfmt::skip]
    const ONE: &[&str] = &[
        "suegra", "suegro", "hermana", "hermano", "mama", "papa", "vieja", "viejo", "madre",
        "padre", "abuela", "abuelo", "tia", "tio", "prima", "primo", "cunada", "cunado", "amiga",
        "amigo", "hija", "hijo", "sobrina", "sobrino", "nieta", "nieto", "novia", "novio",
        "sister", "brother", "mother", "mom", "father", "dad", "friend", "son", "daughter",
        "mae", "pai", "irma", "irmao", "sogra", "sogro", "amiga", "amigo", "filha", "filho",
    ];
    #[rustfmt::skip]
    const TWO: &[&str] = &[
        "suegros", "viejos", "padres", "abuelos", "pareja", "parents", "couple", "pais",
        "sogros", "casal",
    ];
    const OWN: &[&str] = &[
        "mi", "mis", "otra", "otro", "my", "another", "minha", "meu", "meus", "minhas", "outra",
        "outro",
    ];
    #[rustfmt::skip]
    const JOIN: &[&str] = &[
        "viene", "vienen", "suma", "suman", "agrega", "agregan", "prende", "prenden", "une",
        "unen", "coming", "comes", "joins", "joining", "vem", "vai", "junta",
    ];
    const TOO: &[&str] = &["tambien", "too", "also", "tambem", "mas", "more", "mais"];
    let at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| t.is_any(list));
    let join_near = |from: usize, to: usize| (from..to).any(|k| at(k, JOIN));
    let mut total = 0;
    for i in 0..tokens.len() {
        // "vai mais um casal", "one more couple is coming", "una pareja más": two more.
        let one_more_couple = at(i, &["um", "un", "una", "uma", "one", "a"])
            && i.checked_sub(1)
                .is_some_and(|p| at(p, &["mais", "mas", "more"]))
            && at(i + 1, TWO)
            || at(i, &["more"]) && at(i + 1, TWO);
        if one_more_couple {
            total += 2;
            continue;
        }
        if !at(i, OWN) {
            continue;
        }
        let n = if at(i + 1, TWO) {
            2
        } else if at(i + 1, ONE) && !at(i, &["otra", "otro", "another", "outra", "outro"]) {
            1
        } else {
            continue;
        };
        // The verb before ("viene mi suegra"), or after ("mi suegra viene también").
        let before = join_near(i.saturating_sub(3), i);
        // "another couple is joining": "another" says they are more, "too" or not.
        // "my parents are joining us", "mis viejos se suman": joining says it without "too".
        let joins = (i + 2..i + 5).any(|k| at(k, &["joining", "joins", "suman", "suma", "unen"]));
        let after = join_near(i + 2, i + 5)
            && (joins
                || (i + 2..i + 7).any(|k| at(k, TOO))
                || at(i, &["otra", "otro", "another", "outra", "outro"]));
        if before || after {
            total += n;
        }
    }
    (total > 0).then_some(total)
}

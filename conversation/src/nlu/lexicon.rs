//! Word matching shared by every parser: exact, with doubled letters squeezed, or with one
//! typo.
//!
//! The typo rule: a token matches a keyword with one edit (insertion, deletion, substitution or
//! swap of two neighbouring letters: "dispnibilidad", "resevar", "dicimebre", "nocehs") when
//! both are at least six letters long; five-letter keywords tolerate only a swap ("fidne"),
//! because one substituted letter turns too many short Spanish words into each other
//! ("viene"/"tiene"), and shorter words never match with a typo ("pero"/"perro", "mes"/"mas").
//! A word this module knows is never a typo of another ("cuando" is not "cuanto", "gente" is
//! not "agente", "bueno" is not "dueño"), and neither is a given name a guest signs with
//! ("Horacio" is not "horario"). Callers learn whether a match was fuzzy, because a
//! typo match lowers confidence.

use std::{collections::HashSet, sync::OnceLock};

use super::{dates, guests, intent, normalize::Token, numbers};

/// Shortest keyword (and token) for which a typo is tolerated (a swap only at this length).
pub(crate) const FUZZY_MIN_LEN: usize = 5;

/// Two other people named by who they are ("mis viejos", "my parents", "meus pais", "los
/// abuelos"): a pair.
#[rustfmt::skip]
pub(crate) const A_PAIR: &[&str] = &[
    "viejos", "viejitos", "padres", "papas", "papis", "suegros", "abuelos", "abuelitos",
    "parents", "grandparents", "in-laws",
    "inlaws", "pais", "sogros", "avos",
];

/// Sounds a guest starts a message with before what they mean ("uh, ¿y cuál acepta?", "uy y
/// cuáles sí?", "che, ¿cuál tiene vista al lago?"): skipped where only the words after count.
#[rustfmt::skip]
pub(crate) const INTERJECTIONS: &[&str] = &[
    "ah", "ahh", "aa", "eh", "uh", "uy", "ay", "oh", "mm", "mmm", "hmm", "che", "pucha", "uf",
    "opa", "epa", "ups", "ok", "okey", "oka", "ta", "ja", "jaja", "claro", "aha",
];

/// How a keyword matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Quality {
    Exact,
    Fuzzy,
}

/// Everyday words that sit one edit away from a keyword and must never be read as its typo.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "bueno", "buena", "buenos", "buenas", "gente", "cuando", "cuanto", "cuanta", "cuantos",
    "cuantas", "cuenta", "cuentan", "calor", "costa", "datos", "lista", "listas", "libro", "libros",
    "dentro", "cuarto", "cuartos", "cuarta", "nuevo", "nueva", "siente", "sientes", "quinta",
    "entero", "entera", "abrir", "marco", "playa", "plata", "pasar", "pasas", "pasado", "salir",
    "salen", "quiero", "quiere", "queria", "quieren", "puedo", "puede", "pueden", "podes", "tenes",
    "tiene", "tienen", "tengo", "donde", "llevar", "lleva", "llegar", "llego", "llega", "todos",
    "todas", "quedo", "quedan", "queda", "quedamos", "hermano", "hermana", "hijos", "hijas",
    "entre", "desde", "hasta", "tarde", "tardes", "noche", "noches", "semana", "semanas", "meses",
    "gracias", "saludo", "perdon", "favor", "porque", "ahora", "despues", "antes", "mismo", "misma",
    "otros", "otras", "algun", "alguna", "alguno", "nadie", "algo", "estas", "estan", "estamos",
    "somos", "vamos", "ellos", "ellas", "nosotros", "grande", "grandes", "chica", "chico",
    "precisa", "preciso", "mucho", "mucha", "muchos", "poder", "hacer", "saber", "tener", "decir",
    "cerco", "carro", "cerro", "lindo", "linda", "total", "valle", "bosque", "monte", "sierra",
    "tanto", "tanta", "cosas", "casas", "camas", "queso", "comer", "cenar", "viaje", "viajes",
    "mande", "manda", "mandar", "pasame", "dejame", "decime", "avisame", "avisar", "mejor", "peor",
    "fecha", "fechas", "horas", "minutos", "cuadras", "metros", "sabados", "domingos", "lunes",
    "reservas", "gustaria", "necesito", "quisiera", "seria", "serian", "habia", "esten", "estos",
    "viene", "vienen", "vengo", "venimos", "sabes", "hacen", "tenia", "tenian", "estar", "salio",
    "consulta", "consultar", "consultas", "consulto", "quieras", "podemos", "podria", "sobre",
    "luego", "nunca", "siempre", "junto", "juntos", "cabana", "cabanas", "casita", "casitas",
    "sumamos", "sumar", "sumame", "sumale", "suman", "sumo",
    // "Hi mates", "tomamos unos mates": friends and the drink, never "martes".
    "mate", "mates",
];

/// Given names guests sign with or book under ("Saludos, Horacio", "a nombre de Mariana",
/// "Thanks, Claire"): a name is never a typo of a keyword ("Horacio" is not "horario" and asks
/// no check-in time). Written folded; shorter than five letters they never match with a typo
/// anyway.
#[rustfmt::skip]
const GIVEN_NAMES: &[&str] = &[
    // Argentine and other Spanish-speaking names.
    "horacio", "ignacio", "mariano", "martin", "martina", "federico", "facundo", "gonzalo",
    "rodrigo", "santiago", "sebastian", "nicolas", "agustin", "agustina", "matias", "lucia",
    "sofia", "valentina", "camila", "florencia", "carolina", "mariana", "gabriela", "daniela",
    "natalia", "paula", "andrea", "laura", "silvia", "claudia", "patricia", "monica", "graciela",
    "susana", "beatriz", "alicia", "marcela", "veronica", "lorena", "romina", "soledad",
    "cecilia", "viviana", "roxana", "fernanda", "fernando", "roberto", "ricardo", "eduardo",
    "alejandro", "alejandra", "gustavo", "marcelo", "sergio", "esteban", "osvaldo", "hector",
    "ruben", "walter", "claudio", "guillermo", "javier", "diego", "pablo", "jorge", "carlos",
    "julian", "julieta", "micaela", "milagros", "ramiro", "emiliano", "maximiliano", "bruno",
    "lautaro", "joaquin", "valeria", "vanesa", "noelia", "melina", "luciana", "marina",
    "antonella", "rocio", "dario", "mario", "oscar", "adrian", "cristian", "leandro",
    "ezequiel", "hernan", "damian", "gaston", "pedro", "miguel", "manuel", "daniel", "gabriel",
    "andres", "ariel", "fabian", "mateo", "benjamin", "delfina", "catalina", "josefina", "elena",
    "teresa", "rosario", "virginia", "eugenia", "estela", "norma", "liliana", "adriana",
    "gisela", "silvina", "mirta", "nelida", "raquel", "ramon", "ramona",
    // Brazilian names.
    "paulo", "rafael", "felipe", "thiago", "marcos", "leonardo", "juliana", "leticia",
    "larissa", "amanda", "bruna", "aline", "vanessa", "renata", "priscila", "simone", "rogerio",
    "fabio", "marcio", "vinicius", "henrique", "guilherme", "andre", "joana", "fatima",
    // English names.
    "james", "michael", "david", "robert", "william", "richard", "thomas", "charles", "matthew",
    "andrew", "peter", "sarah", "emily", "jessica", "jennifer", "elizabeth", "karen", "susan",
    "claire", "rachel", "hannah", "olivia", "sophie", "chloe", "helen", "steve", "steven",
    "stephen", "brian", "kevin", "jason", "chris", "christopher", "jonathan", "nathan",
    "patrick", "george", "oliver", "harry", "henry",
];

/// True when `text` is a word some list of this module knows exactly.
pub(crate) fn is_known(text: &str) -> bool {
    static KNOWN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let known = KNOWN.get_or_init(|| {
        let lists = COMMON
            .iter()
            .chain(GIVEN_NAMES)
            .copied()
            .chain(intent::vocabulary())
            .chain(dates::vocabulary());
        lists.chain(guests::vocabulary()).collect()
    });
    known.contains(text) || numbers::vocabulary_contains(text)
}

/// Matches one token against one keyword.
pub(crate) fn word(tok: &Token, kw: &str) -> Option<Quality> {
    if tok.text == kw {
        return Some(Quality::Exact);
    }
    // "holaa", "buenass", "siii" (already cut to two) against a keyword with no double letter.
    // Squeezing shortens, so only a longer token can; compared without building the squeezed
    // word (this runs for every token against hundreds of keywords per message).
    if kw.len() < tok.text.len()
        && has_double(&tok.text)
        && !has_double(kw)
        && squeezes_to(&tok.text, kw)
    {
        return Some(Quality::Exact);
    }
    let (lt, lk) = (tok.text.len(), kw.len());
    if tok.known
        || lt < FUZZY_MIN_LEN
        || lk < FUZZY_MIN_LEN
        || lt.abs_diff(lk) > 1
        || !tok.is_alpha()
    {
        return None;
    }
    let close = if lk > FUZZY_MIN_LEN {
        within_one_edit(&tok.text, kw)
    } else {
        is_swap(&tok.text, kw)
    };
    close.then_some(Quality::Fuzzy)
}

/// The best match of one token against any of `kws`.
pub(crate) fn any_word(tok: &Token, kws: &[&str]) -> Option<Quality> {
    kws.iter().filter_map(|kw| word(tok, kw)).min()
}

/// Matches a multi-word phrase ("cuanto sale") starting at token `i`; the quality is the worst
/// of its words.
pub(crate) fn phrase_at(tokens: &[Token], i: usize, phrase: &str) -> Option<Quality> {
    let mut worst = Quality::Exact;
    for (k, w) in phrase.split(' ').enumerate() {
        let q = word(tokens.get(i + k)?, w)?;
        worst = worst.max(q);
    }
    Some(worst)
}

/// Any of `phrases` is in the message.
pub(crate) fn says_any(tokens: &[Token], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| find_phrase(tokens, p).is_some())
}

/// Whether the message says any of `phrases` word for word (no tolerated typo): for short,
/// common words whose near misses mean something else.
pub(crate) fn says_any_exactly(tokens: &[Token], phrases: &[&str]) -> bool {
    phrases
        .iter()
        .any(|p| find_phrase(tokens, p).is_some_and(|(_, q)| q == Quality::Exact))
}

/// The first place `phrase` occurs, preferring an exact occurrence over a fuzzy one.
///
/// Every message is searched for hundreds of phrases: the phrase is split into its words once
/// (not once per place it is tried), and a place whose first word does not match is left at
/// once.
pub(crate) fn find_phrase(tokens: &[Token], phrase: &str) -> Option<(usize, Quality)> {
    // Most phrases match nowhere: their first word is looked for before the rest is split.
    let first = phrase.split_once(' ').map_or(phrase, |(first, _)| first);
    if !tokens.iter().any(|t| word(t, first).is_some()) {
        return None;
    }
    let mut words = [""; MAX_PHRASE_WORDS];
    let mut n = 0;
    for w in phrase.split(' ') {
        if n == MAX_PHRASE_WORDS {
            return find_long_phrase(tokens, phrase);
        }
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    let mut best: Option<(usize, Quality)> = None;
    for i in 0..(tokens.len() + 1).saturating_sub(n) {
        let Some(mut worst) = word(&tokens[i], words[0]) else {
            continue;
        };
        let rest = words[1..].iter().enumerate().try_for_each(|(k, w)| {
            worst = worst.max(word(&tokens[i + 1 + k], w)?);
            Some(())
        });
        match (rest.map(|()| worst), best) {
            (Some(Quality::Exact), _) => return Some((i, Quality::Exact)),
            (Some(q), None) => best = Some((i, q)),
            _ => {}
        }
    }
    best
}

/// Phrases longer than this are searched word by word from each place ([`find_long_phrase`]).
const MAX_PHRASE_WORDS: usize = 8;

fn find_long_phrase(tokens: &[Token], phrase: &str) -> Option<(usize, Quality)> {
    let mut best: Option<(usize, Quality)> = None;
    for i in 0..tokens.len() {
        match (phrase_at(tokens, i, phrase), best) {
            (Some(Quality::Exact), _) => return Some((i, Quality::Exact)),
            (Some(q), None) => best = Some((i, q)),
            _ => {}
        }
    }
    best
}

/// Number of words in a phrase.
pub(crate) fn phrase_len(phrase: &str) -> usize {
    phrase.split(' ').count()
}

fn has_double(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == w[1] && w[0].is_ascii_alphabetic())
}

/// Whether collapsing every run of a repeated letter of `s` to one letter gives `target`.
fn squeezes_to(s: &str, target: &str) -> bool {
    let mut squeezed = s.chars().scan(None, |last: &mut Option<char>, c| {
        let repeat = *last == Some(c) && c.is_alphabetic();
        *last = Some(c);
        Some((!repeat).then_some(c))
    });
    let mut target = target.chars();
    loop {
        match (squeezed.by_ref().flatten().next(), target.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a == b => {}
            _ => return false,
        }
    }
}

/// Same letters with two neighbours swapped ("fidne" / "finde").
/// Compares bytes: keywords are ASCII, so a non-ASCII letter only makes a match stricter.
fn is_swap(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    a.len() == b.len()
        && matches!(diff.as_slice(), [i, j] if *j == i + 1 && a.get(*i) == b.get(*j) && a.get(*j) == b.get(*i))
}

/// Optimal-string-alignment distance ≤ 1: one insertion, deletion, substitution, or swap of two
/// neighbouring characters. Compares bytes, like [`is_swap`].
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x == y => {
            let substitution = ra[1..] == rb[1..];
            let swap = x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..];
            substitution || swap
        }
        (x, y) if x == y + 1 => ra[1..] == *rb,
        (x, y) if y == x + 1 => *ra == rb[1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn tok(s: &str) -> Token {
        tokenize(s).remove(0)
    }

    #[test]
    fn squeezing() {
        assert!(squeezes_to("holaa", "hola"));
        assert!(squeezes_to("siii", "si"));
        assert!(squeezes_to("bueenass", "buenas"));
        assert!(squeezes_to("hola!!", "hola!!"));
        assert!(!squeezes_to("holaa", "holas"));
        assert!(!squeezes_to("holaa", "hol"));
        assert!(!squeezes_to("hola", "holaa"));
        assert_eq!(word(&tok("holaaa"), "hola"), Some(Quality::Exact));
        assert_eq!(word(&tok("llamar"), "lamar"), Some(Quality::Exact));
        assert_eq!(word(&tok("llamar"), "llamar"), Some(Quality::Exact));
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("dispnibilidad", "disponibilidad"));
        assert!(within_one_edit("dicimebre", "diciembre"));
        assert!(within_one_edit("nocehs", "noches"));
        assert!(within_one_edit("resevar", "reservar"));
        assert!(!within_one_edit("reserva", "cancela"));
        assert!(!within_one_edit("ab", "ba c"));
    }

    #[test]
    fn known_words_are_not_typos() {
        assert_eq!(word(&tok("cuando"), "cuanto"), None);
        assert_eq!(word(&tok("gente"), "agente"), None);
        assert_eq!(word(&tok("pero"), "perro"), None);
        assert_eq!(
            word(&tok("dispnibilidad"), "disponibilidad"),
            Some(Quality::Fuzzy)
        );
        assert_eq!(word(&tok("holaa"), "hola"), Some(Quality::Exact));
    }

    #[test]
    fn given_names_are_not_typos() {
        assert_eq!(word(&tok("Horacio"), "horario"), None);
        assert_eq!(word(&tok("horario"), "horario"), Some(Quality::Exact));
        assert_eq!(word(&tok("horaro"), "horario"), Some(Quality::Fuzzy));
    }
}

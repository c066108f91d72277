//! People added to or taken from a party by saying who they are, not by a number with "más" or
//! "menos" (that is [`super::stay_changes::extra_guests`]):
//!
//! - companions who come along, counted: "vamos con los 2 nenes", "traemos a nuestros 3
//!   hijos", "vienen también mis dos hijas", "we're bringing our 2 kids", "vamos com nossos 2
//!   filhos";
//! - members who drop out: "uno de nosotros no va a poder ir", "mi cuñado al final no puede
//!   venir", "no viene mi suegra", "se nos bajó una pareja", "one of us can't make it", "my
//!   sister isn't coming anymore", "um de nós não vai poder ir".
//!
//! Said after a party or a hold, these change it by that many; they are never a stay of that
//! many people, and a member who drops out is no cancellation of the booking (see
//! [`dropping_out`]'s span, which the intent's cancel cues inside it give way to).

use std::ops::Range;

use super::normalize::Token;
use super::numbers;

/// One relative or friend ("mi suegra", "my brother", "minha irmã").
#[rustfmt::skip]
const ONE: &[&str] = &[
    "suegra", "suegro", "hermana", "hermano", "mama", "papa", "vieja", "viejo", "madre", "padre",
    "abuela", "abuelo", "tia", "tio", "prima", "primo", "cunada", "cunado", "amiga", "amigo",
    "hija", "hijo", "sobrina", "sobrino", "nieta", "nieto", "novia", "novio", "esposa",
    "esposo", "mujer", "marido", "companero", "companera", "sister", "brother", "mother", "mom",
    "father", "dad", "friend", "son", "daughter", "wife", "husband", "partner", "mae", "pai",
    "irma", "irmao", "sogra", "sogro", "filha", "filho",
];

/// Two people in one word ("mis viejos", "my parents", "um casal").
#[rustfmt::skip]
const TWO: &[&str] = &[
    "suegros", "viejos", "padres", "abuelos", "pareja", "parents", "couple", "pais", "sogros",
    "casal",
];

/// People counted by a number before them ("los 2 nenes", "our 3 kids").
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "hijos", "hijas", "chicos", "chicas", "nenes", "nenas", "pibes", "pibas", "amigos",
    "amigas", "primos", "primas", "sobrinos", "sobrinas", "nietos", "nietas", "bebes", "menores",
    "adolescentes", "hermanos", "hermanas", "kids", "children", "friends", "sons", "daughters",
    "filhos", "filhas", "criancas", "hijo", "hija", "chico", "chica", "nene", "nena", "bebe",
    "amigo", "amiga", "kid", "child", "son", "daughter", "filho", "filha", "crianca",
];

/// Words that own or point at the people ("mis", "los", "our").
#[rustfmt::skip]
const OWN: &[&str] = &[
    "mi", "mis", "los", "las", "nuestros", "nuestras", "nuestro", "nuestra", "my", "our", "the",
    "os", "as", "meus", "minhas", "meu", "minha", "nossos", "nossas", "sus", "tus",
];

/// Verbs that bring people along, said before them ("vamos con", "traemos a", "bringing").
#[rustfmt::skip]
const BRING: &[&str] = &[
    "con", "com", "with", "traemos", "traigo", "llevamos", "llevo", "vienen", "viene",
    "bringing", "bring", "levamos", "levando", "levo", "trazemos", "trazendo", "vem", "coming",
];

/// Words after the people that say they come too ("mis 2 hijos vienen también", "are coming").
const COME_AFTER: &[&str] = &[
    "vienen", "viene", "tambien", "too", "also", "coming", "come", "tambem", "vem",
];

/// "Vamos con los 2 nenes", "bringing our 2 kids": companions counted who come along.
pub(super) fn joining(tokens: &[Token]) -> Option<i32> {
    let at = |i: usize, list: &[&str]| tokens.get(i).is_some_and(|t| t.is_any(list));
    for i in 0..tokens.len() {
        let Some(n) =
            numbers::parse_at(tokens, i).filter(|n| !n.ordinal && (1..=10).contains(&n.value))
        else {
            continue;
        };
        if !at(i + n.len, PEOPLE) {
            continue;
        }
        // The owner, and a personal "a" before it ("traemos a los 3 nenes").
        let mut lead = i;
        if lead > 0 && at(lead - 1, OWN) {
            lead -= 1;
        }
        if lead > 0 && at(lead - 1, &["a"]) {
            lead -= 1;
        }
        let brought = (lead.saturating_sub(2)..lead).any(|k| at(k, BRING));
        let after = i + n.len + 1;
        let come_too = (after..after + 3).any(|k| at(k, COME_AFTER));
        if brought || come_too {
            return i32::try_from(n.value).ok();
        }
    }
    None
}

/// A member of the party said to drop out: how many, and where the words are (a cancel cue
/// inside them is about that person, not the booking).
pub(crate) struct Dropping {
    pub(crate) count: i32,
    pub(crate) span: Range<usize>,
}

/// "Uno de nosotros no va a poder ir", "no viene mi suegra", "se nos bajó una pareja", "one of
/// us can't make it", "my sister isn't coming anymore".
pub(crate) fn dropping_out(tokens: &[Token]) -> Option<Dropping> {
    for i in 0..tokens.len() {
        let Some((count, len)) = member_at(tokens, i) else {
            continue;
        };
        let end = i + len;
        // Said after the people ("mi cuñado no puede venir", "one of us can't make it").
        // "my brother just told me he can't make it": a few words may come between.
        if let Some(k) =
            (end..(end + 6).min(tokens.len())).find(|k| leaves_at(tokens, *k).is_some())
        {
            let to = k + leaves_at(tokens, k).unwrap_or(1);
            return Some(Dropping { count, span: i..to });
        }
        // Said before them ("no viene mi suegra", "se nos bajó una pareja").
        let before = (i.saturating_sub(4)..i)
            .find(|k| leaves_at(tokens, *k).is_some_and(|l| k + l <= i && k + l + 2 >= i));
        if let Some(k) = before {
            return Some(Dropping {
                count,
                span: k..end,
            });
        }
    }
    None
}

/// Words that say the whole party before its number ("somos 10", "seríamos 8", "quedamos 9").
#[rustfmt::skip]
const PARTY: &[&str] = &[
    "somos", "seriamos", "seremos", "quedamos", "quedariamos", "total", "siendo",
];

/// Who drops out, and how many words say it: "uno de nosotros" (1), "two of us" (2), "mi
/// suegra" (1), "mis viejos" (2), "una pareja" (2), "dos amigos" (2).
fn member_at(tokens: &[Token], i: usize) -> Option<(i32, usize)> {
    let at = |k: usize, list: &[&str]| tokens.get(k).is_some_and(|t| t.is_any(list));
    let us = |k: usize| at(k, &["de", "of"]) && at(k + 1, &["nosotros", "nosotras", "us", "nos"]);
    // "one of us" reads "one personas" once bridged.
    const PERSONS: &[&str] = &["persona", "personas", "people", "pessoa", "pessoas"];
    if at(i, &["uno", "una", "one", "un"]) && us(i + 1) {
        return Some((1, 3));
    }
    if at(i, &["uno", "una", "one", "un"]) && at(i + 1, PERSONS) {
        return Some((1, 2));
    }
    // "una de las chicas", "one of the kids", "uno de mis primos"
    if at(i, &["uno", "una", "one", "un"])
        && at(i + 1, &["de", "of"])
        && at(i + 2, OWN)
        && at(i + 3, PEOPLE)
    {
        return Some((1, 4));
    }
    // The whole party said with its verb ("al final somos 10 personas, no vienen los chicos"):
    // the party, not who drops out.
    let party = i > 0 && at(i - 1, PARTY);
    if let Some(n) =
        numbers::parse_at(tokens, i).filter(|n| !n.ordinal && (2..=10).contains(&n.value) && !party)
    {
        let count = i32::try_from(n.value).ok()?;
        if us(i + n.len) {
            return Some((count, n.len + 2));
        }
        if at(i + n.len, PEOPLE) || at(i + n.len, PERSONS) {
            return Some((count, n.len + 1));
        }
    }
    let own = at(i, &["mi", "mis", "my", "minha", "meu", "meus", "minhas"]);
    let some = at(i, &["un", "una", "a", "um", "uma"]);
    if (own || some) && at(i + 1, TWO) {
        return Some((2, 2));
    }
    if (own || some) && at(i + 1, ONE) {
        return Some((1, 2));
    }
    None
}

/// Words that say someone will not come, and how many: "no puede venir", "no va a poder ir",
/// "no viene", "se bajó", "can't make it", "isn't coming", "não vai", "desistiu".
fn leaves_at(tokens: &[Token], k: usize) -> Option<usize> {
    // Coming at all ("no viene"); a verb of being able or going only with going after it
    // ("no puede venir", "no va a poder ir", "não vai mais"), or alone at the end of what is
    // said: "no puede llegar antes de las 8" is about the arrival, not the party.
    const COMES: &[&str] = &["viene", "vienen", "viaja", "viajan", "vem"];
    #[rustfmt::skip]
    const ABLE: &[&str] = &[
        "puede", "pueden", "podra", "podran", "va", "van", "vai", "vao", "pode", "podem",
        "consegue", "conseguem",
    ];
    #[rustfmt::skip]
    const GOING: &[&str] = &[
        "ir", "venir", "viajar", "vir", "viajar", "a", "poder", "mais", "mas", "al", "finalmente",
        "asi", "entonces", "nomas", "so", "but", "pero", "y", "e",
    ];
    #[rustfmt::skip]
    const QUIT: &[&str] = &[
        "bajo", "baja", "bajan", "bajaron", "cayo", "cae", "caen", "cayeron",
    ];
    const GAVE_UP: &[&str] = &["desistio", "desistieron", "desistiu", "desistiram"];
    const EN: &[&str] = &[
        "can t make it",
        "cant make it",
        "cannot make it",
        "won t make it",
        "wont make it",
        "isn t coming",
        "is not coming",
        "not coming",
        "can t come",
        "cannot come",
        "won t come",
        "dropped out",
        "pulled out",
        "bailed",
    ];
    let at = |j: usize, list: &[&str]| tokens.get(j).is_some_and(|t| t.is_any(list));
    // "no viene", "ya no puede", "no va a poder ir"
    if at(k, &["no", "nao"]) && at(k + 1, COMES) {
        return Some(2);
    }
    if at(k, &["no", "nao"])
        && at(k + 1, ABLE)
        && (tokens[k + 1].punct_after || k + 2 >= tokens.len() || at(k + 2, GOING))
    {
        return Some(2);
    }
    // "se bajó", "se nos cayó"
    if at(k, &["se"]) {
        let verb = if at(k + 1, &["nos", "me"]) {
            k + 2
        } else {
            k + 1
        };
        if at(verb, QUIT) {
            return Some(verb + 1 - k);
        }
    }
    if at(k, GAVE_UP) {
        return Some(1);
    }
    EN.iter().find_map(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        words
            .iter()
            .enumerate()
            .all(|(j, w)| tokens.get(k + j).is_some_and(|t| t.is(w)))
            .then_some(words.len())
    })
}

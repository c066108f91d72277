//! How many people are coming: "para 2", "somos 4", "2 personas", "dos adultos y dos nenes",
//! "una pareja", "mi señora y yo", "somos 3 adultos y un bebé", "familia de 5", "4 pax".
//!
//! Rules:
//! - everyone counts, babies included ("3 adultos y un bebé" = 4): the accommodation's
//!   capacity is about people, and the owner decides about cribs;
//! - counted groups ("N personas/adultos/pax", "N chicos/nenes/bebés", "N parejas") are
//!   summed and win over a bare "somos N" / "para N" in the same message; but a whole party
//!   ("4 personas") told apart in the same message ("dos adultos y dos nenes") is counted once;
//! - a couple ("una pareja", "mi señora y yo", "con mi novia") is two, plus any children named;
//! - "somos 2 y 2 chicos" adds the children (joined by "y"/"más"); "somos 4 con 2 chicos" does
//!   not (the four already include them);
//! - numbers the date parser used (days, nights) are never guests: "del 2 al 4 para 3" is 3;
//! - a count outside 1–60 is not believed.

use super::{lexicon, normalize::Token, numbers};

#[rustfmt::skip]
const ADULTS: &[&str] = &[
    "persona", "personas", "adulto", "adultos", "adulta", "adultas", "mayores", "huesped",
    "huespedes", "pax", "personitas", "amigos", "amigas", "chicas", "jubilados", "jubiladas",
    "pasajeros", "pasajeras", "viajeros", "viajeras", "integrantes", "miembros",
    // "somos 6 (4 grandes y 2 nenes)": the grown-ups of a party told apart.
    "grandes",
];

#[rustfmt::skip]
const KIDS: &[&str] = &[
    "chico", "chicos", "nene", "nenes", "nena", "nenas", "nino", "ninos", "nina", "ninas", "menor",
    "menores", "bebe", "bebes", "hijo", "hijos", "hija", "hijas", "chiquitos", "chiquitas",
    "nietos", "nietas", "adolescentes", "pibes", "criaturas", "peques",
];

/// Nouns of [`ADULTS`] that name everyone, not a part ("4 personas: 2 adultos y 2 nenes").
const EVERYONE: &[&str] = &[
    "persona",
    "personas",
    "huesped",
    "huespedes",
    "pax",
    "personitas",
];

/// Nouns of [`ADULTS`] for friends who come along: never the speaker's own couple.
const COMPANIONS: &[&str] = &["amigos", "amigas", "chicas", "jubilados", "jubiladas"];

/// Nouns that count two each ("una pareja", "dos matrimonios").
const COUPLES: &[&str] = &["pareja", "parejas", "matrimonio", "matrimonios"];

/// "mi señora y yo", "con mi novio": the speaker plus one.
#[rustfmt::skip]
const PARTNERS: &[&str] = &[
    "senora", "esposa", "esposo", "mujer", "marido", "novia", "novio", "pareja", "companera",
    "companero", "amiga", "amigo", "hermana", "hermano", "mama", "papa", "vieja", "viejo", "madre",
    "padre", "hija", "hijo", "suegra", "suegro", "flaca", "flaco", "gorda", "gordo", "prima",
    "primo", "jermu", "cunada", "cunado", "mae", "pai",
    // Portuguese relatives the bridge leaves as written ("minha sogra", "meu irmão").
    "sogra", "sogro", "irma", "irmao", "cunhada", "cunhado",
];

/// One child named alone, with an owner or an article ("nuestro bebé", "el nene", "our
/// toddler" and "our son" bridged): one person of the household.
#[rustfmt::skip]
const ONE_CHILD: &[&str] = &[
    "nene", "nena", "bebe", "bebito", "bebita", "nino", "nina", "pibe", "piba", "peque", "son",
    "crianca",
];

/// Nouns after a number that count things, not people ("para 2 autos", "con 2 perros").
#[rustfmt::skip]
const THINGS: &[&str] = &[
    "auto", "autos", "coche", "coches", "carro", "carros", "vehiculo", "vehiculos", "camioneta",
    "camionetas", "moto", "motos", "perro", "perros", "perrito", "perritos", "gato", "gatos",
    "mascota", "mascotas", "habitacion", "habitaciones", "dormitorio", "dormitorios", "cuarto",
    "cuartos", "cama", "camas", "bano", "banos", "ambiente", "ambientes", "cabana", "cabanas",
    "bicis", "bicicletas", "kayaks", "valijas",
];

/// Words right before a bare number that make it a head count.
const COUNT_CONTEXT: &[&str] = &[
    "para",
    "somos",
    // "somo 2": a typo of "somos"
    "somo",
    "seremos",
    "seriamos",
    "vamos",
    "son",
    "sumamos",
    "viajamos",
    "ser",
    "total",
    "x",
    "entramos",
    "cabemos",
    "entran",
    "caben",
    // "Does it sleep 6?", bridged "cuantos duermen 6".
    "duermen",
    "dormimos",
    "fueramos",
    "fuesemos",
    "seamos",
    "iriamos",
    "vendriamos",
    "viajariamos",
    // Portuguese "pra nós 2": "nós" reads "nos"
    "nos",
    "nosotros",
    // "seguimos siendo 4", "quedamos siendo 3"
    "siendo",
    // "al final venimos 4", "vendremos 6", "iremos 3": the party coming.
    "venimos",
    "vendremos",
    "iremos",
];

/// Verbs after a number that make it the subject of someone leaving or joining ("uno se bajó",
/// "dos se suman", "um desistiu", "one dropped out", "one can't make it"): who changed, never
/// the party.
#[rustfmt::skip]
const LEAVES_OR_JOINS: &[&str] = &[
    "viene", "vienen", "bajo", "bajaron", "baja", "bajan", "desistio", "desistieron", "cancelo",
    "cancelaron", "suma", "suman", "sumo", "sumaron", "prende", "prenden", "agrega", "agregan",
    "une", "unen", "enfermo", "falta", "faltan", "desistiu", "desistiram", "vem", "veio", "saiu",
    "sairam", "cancelou", "dropped", "drops", "cancelled", "canceled", "left", "joins", "joined",
    "cant", "cannot", "wont", "isnt",
];

/// Verbs that say someone is not coming only when denied ("uno no va", "uma não vai poder",
/// "one can't", "one won't come").
#[rustfmt::skip]
const DENIED_GOING: &[&str] = &[
    "va", "van", "puede", "pueden", "viaja", "vai", "vao", "pode", "podem", "can", "won", "is",
];

/// Words between such a number and its verb ("uno se bajó", "uma não vai", "uno ya no viene").
const BEFORE_THE_VERB: &[&str] = &["se", "ya", "tambien", "also"];

/// Words that deny the verb after them ("uno no va") or, in English, before them ("can t").
const DENIAL: &[&str] = &["no", "nao", "not", "t"];

/// Words before "N chicos" that make the children the whole party ("somos 3 pibes").
const WHOLE_PARTY: &[&str] = &[
    "somos", "somo", "seremos", "seriamos", "vamos", "iremos", "son",
];

/// Words that take back a head count said before in the same message.
const CHANGE_OF_MIND: &[&str] = &["no", "mejor", "final", "bah", "perdon", "corrijo", "digo"];

/// Words right before a number that, after a change of mind, make it the head count that
/// replaces the one said before ("somos cuatro no perdón cinco", "para 4, digo 5").
#[rustfmt::skip]
const CORRECTION_LEAD: &[&str] = &[
    "perdon", "perdona", "digo", "bah", "mejor", "corrijo", "disculpa", "sorry", "desculpa",
    "final",
];

/// Pets, that a pronoun with a size after them ("tenemos uno chiquito") may stand for.
#[rustfmt::skip]
const PETS: &[&str] = &[
    "perro", "perra", "perros", "perras", "perrito", "perrita", "perritos", "mascota", "mascotas",
    "gato", "gata", "gatos", "gatito", "cachorro", "cachorros", "dog", "dogs", "cat",
];

/// Words of size that, after a pronoun, describe a pet just named, not children.
#[rustfmt::skip]
const SIZES: &[&str] = &[
    "chiquito", "chiquita", "chiquitos", "chiquitas", "chiquitito", "chiquitita", "pequeno",
    "pequena", "pequenos", "pequenas", "mediano", "mediana", "grande", "grandes", "chico", "chica",
];

/// Words after a count that say it once more ("somos 4 otra vez", "so 4 again").
const AGAIN: &[&str] = &[
    "otra vez",
    "outra vez",
    "de nuevo",
    "de novo",
    "again",
    "nuevamente",
    "novamente",
];

/// At `at`, words that say the count before them once more: the party said again, never
/// people added ("somos 4 otra vez" is four, not four more).
pub(super) fn said_again_at(tokens: &[Token], at: usize) -> bool {
    AGAIN
        .iter()
        .any(|p| lexicon::phrase_at(tokens, at, p).is_some())
}

/// Largest believable party.
const MAX_GUESTS: u32 = 60;

/// Every word of the people lists.
pub(crate) fn vocabulary() -> impl Iterator<Item = &'static str> {
    [ADULTS, KIDS, COUPLES, PARTNERS]
        .into_iter()
        .flatten()
        .copied()
}

/// What the message said about people, before adding up.
#[derive(Debug, Default)]
struct Tally {
    adults: u32,
    kids: u32,
    /// Children joined to a bare count by "y"/"más" ("somos 2 y 2 chicos").
    kids_added: u32,
    /// Children said with "con" ("4 personas con 2 nenes"): among the people counted.
    kids_with: u32,
    /// Relatives joined one by one to a bare count ("somos 2 más mi hijo", "2 + mi suegra y
    /// mi hija"): one each, added to it.
    relatives_added: u32,
    /// Of `adults`, those counted with a noun of everyone ("4 personas").
    everyone: u32,
    /// Of `adults`, those counted as friends ("2 amigos"): never the speaker's own couple.
    companions: u32,
    counted_adults: bool,
    /// The speaker said with the friends counted ("yo y 3 amigos", "voy con 3 amigas", "me and
    /// 3 friends", "eu e 3 amigos"): one more than them.
    speaker_joins: bool,
    couple: bool,
    /// Couples said besides the speaker's party ("somos 2 y otra pareja", "vamos con otra
    /// pareja", "and another couple"): two each, added to it.
    other_couples: u32,
    /// Of `other_couples`, those said joining a party told before ("se prende otra pareja",
    /// "another couple is joining", "vai mais um casal"), and where the first was said: people
    /// added to the party, not the party itself, unless a count after them says the whole.
    couples_joining: u32,
    couple_at: Option<usize>,
    solo: bool,
    base: Option<u32>,
    /// Where the head count was said, so a later one after a change of mind replaces it.
    base_at: usize,
    /// The speaker and the relatives named one by one ("yo, mi mujer y mi hija": 3).
    household: Option<u32>,
    /// Where the last head count said ("5 personas", "somos 4") ended.
    count_end: Option<usize>,
    /// The counts said before were taken back ("para 5 personas eh no perdón somos 4"): the
    /// next head count is the party.
    retracted: bool,
    /// Children named without a number ("dos parejas con sus hijos", "two couples with their
    /// kids"): a head count said besides is the only one that counts them.
    uncounted_kids: bool,
    /// Of those, children said as the party's, in the plural ("con sus hijos", "y los chicos",
    /// "with our kids", "com os filhos"): how many they are is not said, so neither is the party.
    their_kids_untold: bool,
}

impl Tally {
    fn total(&self) -> Option<u32> {
        // "Somos dos parejas con sus hijos": the guest is asked how many they are in all.
        if self.their_kids_untold && self.kids == 0 && self.base.is_none() && self.everyone == 0 {
            return None;
        }
        let counted = self.total_counted()?;
        // "Somos 8, dos parejas con sus hijos": the couples counted leave the children out;
        // the head count said counts them too.
        Some(match self.base {
            Some(base) if self.counted_adults && self.uncounted_kids => counted.max(base),
            _ => counted,
        })
    }

    fn total_counted(&self) -> Option<u32> {
        if self.counted_adults {
            // "para 4 personas, somos 2 adultos y 2 nenes": the same four, told apart.
            // "una pareja y dos amigos", "mi señora y yo y 2 amigas": the couple and the friends.
            let own_couple = if self.couple && self.companions == self.adults {
                2
            } else {
                0
            };
            let others = 2 * self.other_couples + own_couple;
            let parts = self.adults - self.everyone + self.kids + others;
            // "Yo y 3 amigos", "I'm coming with 3 friends": the speaker besides them.
            let speaker = u32::from(
                self.speaker_joins
                    && !self.couple
                    && self.household.is_none()
                    && self.companions == self.adults - self.everyone,
            );
            if self.everyone > 0 && (parts == self.everyone || parts + speaker == self.everyone) {
                return Some(self.everyone);
            }
            // "Somos dez pessoas (três casais e dois amigos com filhos)", "10 people: 3 couples
            // and 2 friends with their kids": children named without a number make up the rest
            // of the whole said; the parts never add to it.
            if self.everyone > 0 && self.uncounted_kids && parts < self.everyone {
                return Some(self.everyone);
            }
            // "My wife and I and our two kids… a cabin for the four of us", "mi señora y yo
            // con los 2 nenes, 4 personas": the speaker's own people, told apart, are the
            // party counted.
            let own = if own_couple == 0 && (self.couple || self.household.is_some()) {
                self.household
                    .unwrap_or(2)
                    .max(if self.couple { 2 } else { 1 })
            } else {
                0
            };
            if self.everyone > 0 && own > 0 && parts + own == self.everyone {
                return Some(self.everyone);
            }
            // "somos 4 personas con 2 nenes": the four include them.
            if self.everyone == self.adults
                && others == 0
                && self.kids > 0
                && self.kids_with == self.kids
                && self.kids < self.everyone
            {
                return Some(self.everyone);
            }
            // "2 adultos y el bebé", "3 adultos más mi suegra": the one joined besides.
            Some(
                self.adults
                    + self.kids
                    + others
                    + self.relatives_added
                    + speaker * u32::from(self.everyone == 0),
            )
        } else if self.other_couples > 0
            && self.couples_joining == self.other_couples
            && !self.couple
            && self.household.is_none()
            && self
                .base
                .is_none_or(|_| self.couple_at.is_some_and(|c| self.base_at > c))
        {
            // "Se prende otra pareja": two more for the party told before (no party here);
            // "another couple is joining, so we're 6 now": the count after it is the whole.
            self.base
        } else if self.other_couples > 0 {
            // "otra pareja" says the speaker's party is one too, when no count says otherwise.
            let own = match (self.base, self.household) {
                (Some(base), _) => base,
                (None, Some(named)) => named + self.kids,
                (None, None) => 2 + self.kids,
            };
            Some(own + 2 * self.other_couples)
        } else if self.couple || self.household.is_some() {
            let named = self
                .household
                .unwrap_or(2)
                .max(if self.couple { 2 } else { 1 });
            // "mi señora y yo, somos 4 con los chicos": the count said wins when larger.
            Some((named + self.kids).max(self.base.unwrap_or(0)))
        } else if let Some(base) = self.base {
            Some(base + self.kids_added + self.relatives_added)
        } else if self.solo {
            Some(1 + self.kids)
        } else {
            None
        }
    }
}

/// The number of guests, if the message says it. `consumed` marks tokens the dates used.
pub(crate) fn extract(tokens: &[Token], consumed: &[bool]) -> Option<u16> {
    if let Some(n) = said_total(tokens, consumed) {
        return u16::try_from(n).ok();
    }
    let mut tally = Tally {
        household: household(tokens),
        ..Tally::default()
    };
    let mut i = 0;
    while i < tokens.len() {
        i += step(tokens, consumed, i, &mut tally);
    }
    tally
        .total()
        .or_else(|| for_another_pair(tokens).then_some(2))
        .filter(|n| (1..=MAX_GUESTS).contains(n))
        .and_then(|n| u16::try_from(n).ok())
}

/// "Vamos con mi vieja, que es friolenta", "vou com minha mãe", "voy con mi marido": two
/// read from the speaker and one companion named with "con", and nothing else said of the
/// party (no number, no "yo", no "solo"): at least those two, which a larger party said before
/// still holds.
pub(crate) fn by_companion_alone(tokens: &[Token], consumed: &[bool]) -> bool {
    const WITH: &[&str] = &["con", "com", "with"];
    const ONLY: &[&str] = &[
        "solo", "solos", "solas", "sola", "nomas", "so", "only", "just", "apenas", "somente",
    ];
    if tokens.iter().any(|t| t.is_any(ONLY)) || extract(tokens, consumed) != Some(2) {
        return false;
    }
    let without_with: Vec<Token> = tokens
        .iter()
        .map(|t| {
            let mut t = t.clone();
            if t.is_any(WITH) {
                t.text = String::from("~");
            }
            t
        })
        .collect();
    extract(&without_with, consumed).is_none()
}

/// A head count said as the total ("dos matrimonios con tres hijos (9 personas en total)", "en
/// total somos 9", "9 en total", "un total de 9", "viajan también los chicos, seríamos 4"): it
/// wins over the parts the guest lists.
fn said_total(tokens: &[Token], consumed: &[bool]) -> Option<u32> {
    let free = |k: usize| !consumed.get(k).copied().unwrap_or(true);
    let number = |k: usize| {
        numbers::parse_at(tokens, k)
            .filter(|n| !n.ordinal && free(k) && (1..=MAX_GUESTS).contains(&n.value))
    };
    let people = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| lexicon::any_word(t, ADULTS).is_some())
    };
    // "Viajan también nuestros dos hijos, seríamos 4 personas": people named, then the whole
    // party said after them, with the verb of a party that changed.
    const SUMMED: &[&str] = &["seriamos", "seremos", "quedariamos", "serian", "seran"];
    let summed = tokens.iter().enumerate().find_map(|(t, tok)| {
        let named_before = tokens[..t].iter().any(|w| {
            lexicon::any_word(w, ADULTS).is_some()
                || lexicon::any_word(w, KIDS).is_some()
                || w.is_any(PARTNERS)
        });
        if !tok.is_any(SUMMED) || !named_before {
            return None;
        }
        number(t + 1)
            .filter(|n| {
                !tokens
                    .get(t + 1 + n.len)
                    .is_some_and(|w| w.is_any(THINGS) || lexicon::any_word(w, KIDS).is_some())
            })
            .map(|n| n.value)
    });
    if summed.is_some() {
        return summed;
    }
    if let Some(n) = now_we_are(tokens, &number, &people) {
        return Some(n);
    }
    // "Él quiere ir con mi mamá, los dos solos", "vamos nosotros tres solitos": the party said
    // whole, alone, wins over the people the message names (who writes may not be going).
    let alone = (0..tokens.len()).find_map(|t| {
        if !tokens[t].is_any(&["los", "las", "nosotros", "nosotras"]) {
            return None;
        }
        let n = number(t + 1)?;
        tokens
            .get(t + 1 + n.len)
            .is_some_and(|w| w.is_any(&["solos", "solas", "solitos", "solitas"]))
            .then_some(n.value)
    });
    if alone.is_some() {
        return alone;
    }
    // "Quedamos en 6", "ficamos em 10": the party as it now stands.
    const SETTLED: &[&str] = &[
        "quedamos",
        "quedariamos",
        "ficamos",
        "ficariamos",
        "ficaremos",
    ];
    // "Quedamos 4", "al final quedamos 3 nomás": the Spanish verb straight before the count too,
    // not "nos quedamos 3" (nights stayed).
    let settled_bare = |t: usize| {
        tokens[t].is_any(&["quedamos", "quedariamos"])
            && !t
                .checked_sub(1)
                .is_some_and(|p| tokens[p].is_any(&["nos", "me"]))
            && tokens
                .get(t + 1)
                .is_some_and(|w| w.is_digits() || w.is_alpha())
    };
    let settled = (0..tokens.len()).find_map(|t| {
        let with_en =
            tokens[t].is_any(SETTLED) && tokens.get(t + 1).is_some_and(|w| w.is_any(&["en", "em"]));
        let at = with_en || settled_bare(t);
        let first = t + if with_en { 2 } else { 1 };
        at.then(|| number(first))
            .flatten()
            .filter(|n| {
                !tokens.get(first + n.len).is_some_and(|w| {
                    w.is_any(THINGS)
                        || w.is_any(&["noche", "noches", "dia", "dias", "nights", "noites"])
                })
            })
            // "Así quedamos 4 y 4": parties apart, one cabin each, not the whole party.
            .filter(|n| {
                !(tokens
                    .get(first + n.len)
                    .is_some_and(|w| w.is_any(&["y", "e", "and"]))
                    && number(first + n.len + 1).is_some())
            })
            .map(|n| n.value)
    });
    if settled.is_some() {
        return settled;
    }
    tokens.iter().enumerate().find_map(|(t, tok)| {
        if !tok.is("total") {
            return None;
        }
        // "9 personas en total", "9 en total".
        if t >= 2 && tokens[t - 1].is("en") {
            let before = if people(t - 2) {
                t.checked_sub(3)
            } else {
                Some(t - 2)
            };
            if let Some(n) = before.and_then(|k| number(k).filter(|n| k + n.len + 1 >= t - 1)) {
                return Some(n.value);
            }
        }
        // "en total somos 9", "total: 9", "un total de 9 personas".
        let mut k = t + 1;
        while tokens
            .get(k)
            .is_some_and(|w| w.is_any(&["somos", "seriamos", "seremos", "son", "de", "vamos"]))
        {
            k += 1;
        }
        // Not "el total de 3 noches", "total 3 autos".
        const NOT_PEOPLE: &[&str] = &[
            "noche", "noches", "dia", "dias", "semana", "semanas", "nights", "days", "pesos",
        ];
        number(k)
            .filter(|n| {
                !tokens
                    .get(k + n.len)
                    .is_some_and(|w| w.is_any(NOT_PEOPLE) || w.is_any(THINGS))
            })
            .map(|n| n.value)
    })
}

/// "Dos personas desistieron, ahora somos 6", "2 people dropped out, now we are 6", "duas
/// pessoas desistiram, agora somos 6", "so we're 6 now", "we're now 5": the party as it is now,
/// said after the people who left or joined; it wins over them. Only a whole count ("ahora somos
/// 4 y 2 chicos" still adds the children).
fn now_we_are(
    tokens: &[Token],
    number: &dyn Fn(usize) -> Option<numbers::Number>,
    people: &dyn Fn(usize) -> bool,
) -> Option<u32> {
    const NOW: &[&str] = &["ahora", "agora", "now"];
    const ARE: &[&str] = &["somos", "seremos", "seriamos", "quedamos", "quedariamos"];
    let now_at = |k: usize| tokens.get(k).is_some_and(|w| w.is_any(NOW));
    tokens.iter().enumerate().find_map(|(t, tok)| {
        if !tok.is_any(ARE) {
            return None;
        }
        // "we're now 5", "somos ahora 5": the word for now between the verb and the count.
        let now_between = now_at(t + 1);
        let start = t + 1 + usize::from(now_between);
        let n = number(start)?;
        let mut end = start + n.len;
        if people(end) {
            end += 1;
        }
        // The count ends its clause ("…, now we are 6", "somos 6 agora."), nothing added to it.
        let ends_at = |k: usize| k >= tokens.len() || tokens[k - 1].punct_after;
        let closes = ends_at(end) || now_at(end) && ends_at(end + 1);
        let said_now = now_between || t.checked_sub(1).is_some_and(now_at) || now_at(end);
        (said_now && closes).then_some(n.value)
    })
}

/// Children of the party said in the plural and without a number at `i` ("con sus hijos", "y
/// los chicos", "with our kids", "com os filhos"): how many people they add is not said.
fn untold_kids_at(tokens: &[Token], i: usize) -> bool {
    #[rustfmt::skip]
    const THEIRS: &[&str] = &[
        "sus", "nuestros", "nuestras", "mis", "los", "las", "el", "their", "our", "my", "the", "seus",
        "suas", "nossos", "nossas", "meus", "minhas", "os", "as",
    ];
    const KIDS_ELSEWHERE: &[&str] = &["kids", "children", "filhos", "filhas", "criancas"];
    (lexicon::any_word(&tokens[i], KIDS).is_some() || tokens[i].is_any(KIDS_ELSEWHERE))
        && tokens[i].text.ends_with('s')
        && i.checked_sub(1).is_some_and(|k| tokens[k].is_any(THEIRS))
}

/// Reads what starts at token `i` into the tally; returns how many tokens it used (≥ 1).
fn step(tokens: &[Token], consumed: &[bool], i: usize, tally: &mut Tally) -> usize {
    let is_consumed = |k: usize| consumed.get(k).copied().unwrap_or(false);
    if !is_consumed(i)
        && let Some(n) = numbers::parse_at(tokens, i).filter(|n| !n.ordinal)
        && !(i..i + n.len).any(is_consumed)
    {
        return counted_number(tokens, i, n, tally);
    }
    if is_consumed(i) {
        return 1;
    }
    if lexicon::any_word(&tokens[i], KIDS).is_some() {
        // A child not counted (a counted one was taken with its number).
        tally.uncounted_kids = true;
        tally.their_kids_untold |= untold_kids_at(tokens, i);
    }
    if relative_added(tokens, i) {
        tally.relatives_added += 1;
    } else if couple_phrase(tokens, i) {
        tally.couple = true;
    } else if solo_phrase(tokens, i) {
        tally.solo = true;
    } else if [
        "luna de miel",
        "recien casados",
        "nos casamos",
        "honeymoon",
        "lua de mel",
    ]
    .iter()
    .any(|p| lexicon::phrase_at(tokens, i, p).is_some())
    {
        // "Nos casamos y buscamos algo para la luna de miel": the two of them.
        tally.couple = true;
    } else if lexicon::phrase_at(tokens, i, "familia tipo").is_some() {
        tally.base = tally.base.or(Some(4));
    } else if tokens.get(i).is_some_and(|t| t.is_any(COUPLES)) && !is_partner_slot(tokens, i) {
        let prev = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
        // "one more couple", "mais um casal", "una pareja más": another couple too.
        let one_more = prev(1).is_some_and(|t| t.is_any(&["more"]))
            || (prev(1).is_some_and(|t| t.is_any(&["um", "un", "una", "uma", "one", "a"]))
                && prev(2).is_some_and(|t| t.is_any(&["mais", "mas", "more"])))
            || tokens
                .get(i + 1)
                .is_some_and(|t| t.is_any(&["mas", "mais", "more"]));
        let other = prev(1)
            .is_some_and(|t| t.is_any(&["otra", "otro", "another", "outra", "outro"]))
            || one_more;
        if other {
            tally.other_couples += 1;
            tally.couple_at = tally.couple_at.or(Some(i));
            if one_more || couple_joins(tokens, i) {
                tally.couples_joining += 1;
            }
        } else {
            tally.couple = true;
        }
    }
    1
}

/// A verb of joining near the couple at `i` ("se prende otra pareja", "another couple is
/// joining", "vem outro casal"): it joins a party told before.
fn couple_joins(tokens: &[Token], i: usize) -> bool {
    #[rustfmt::skip]
    const JOIN: &[&str] = &[
        "viene", "vienen", "suma", "suman", "agrega", "agregan", "prende", "prenden", "une",
        "unen", "coming", "comes", "joins", "joining", "join", "vem", "vai", "junta", "chega",
    ];
    (i.saturating_sub(3)..(i + 4).min(tokens.len())).any(|k| tokens[k].is_any(JOIN))
}

/// A number: a counted group ("2 adultos"), a head count ("somos 4"), or nothing.
fn counted_number(tokens: &[Token], i: usize, n: numbers::Number, tally: &mut Tally) -> usize {
    let v = n.value;
    // "la de 6 personas" points at an option; it is not the party.
    let pointer = i >= 2
        && tokens
            .get(i - 2)
            .is_some_and(|t| t.is_any(&["la", "el", "a", "o"]))
        && tokens.get(i - 1).is_some_and(|t| t.is_any(&["de", "para"]));
    // "Somos 5 al final, uno se bajó": who left, neither the party nor a change of mind.
    if pointer || leaves_or_joins(tokens, i) {
        return n.len;
    }
    // "Para cinco personas eh no perdón somos cuatro", "3 personas, bah 4": the party counted
    // before is taken back; this count, if it is one, starts it again.
    // "For 2, dog friendly please", "para 4, perros chicos": a comma after the number ends
    // it; the word after it counts nothing.
    let noun_at = tokens
        .get(i + n.len)
        .filter(|_| !tokens.get(i + n.len - 1).is_some_and(|t| t.punct_after));
    let not_people = noun_at.is_some_and(|t| {
        lexicon::any_word(t, KIDS).is_some() || t.is_any(THINGS) || is_pet_described(tokens, i, t)
    });
    if !not_people && tally.count_end.is_some_and(|e| takes_back(tokens, e, i)) {
        *tally = Tally {
            household: tally.household,
            retracted: true,
            ..Tally::default()
        };
    }
    // "So 4 again", "al final somos 4 otra vez", "são 4 de novo": the party said once more.
    if !not_people && said_again_at(tokens, i + n.len) {
        tally.base = Some(v);
        tally.base_at = i;
        tally.count_end = Some(i + 1);
        tally.retracted = false;
        return n.len;
    }
    let Some(noun) = noun_at else {
        note_base(tokens, i, v, tally);
        return n.len;
    };
    let prev_is = |words: &[&str]| i > 0 && tokens.get(i - 1).is_some_and(|p| p.is_any(words));
    if lexicon::any_word(noun, ADULTS).is_some() {
        // "hablar con una persona" asks for a human, it is not a head count.
        let asking_for_someone = v == 1 && noun.is("persona") && prev_is(&["con", "a"]);
        if !asking_for_someone {
            if noun.is_any(EVERYONE) {
                tally.everyone += v;
            }
            if noun.is_any(COMPANIONS) {
                tally.companions += v;
                tally.speaker_joins |= speaker_joins(tokens, i);
            }
            tally.adults += v;
            tally.counted_adults = true;
            tally.count_end = Some(i + n.len + 1);
        }
    } else if is_pet_described(tokens, i, noun) {
        // "¿aceptan perros? tenemos uno chiquito": the dog, not a child.
        return n.len + 1;
    } else if lexicon::any_word(noun, KIDS).is_some() && prev_is(WHOLE_PARTY) {
        // "somos 3 pibes", "vamos 4 chicas": the whole party, not children added to it.
        tally.adults += v;
        tally.counted_adults = true;
    } else if lexicon::any_word(noun, KIDS).is_some() {
        tally.kids += v;
        if prev_is(&["y", "mas"]) {
            tally.kids_added += v;
        }
        // "Para 4 personas, uno es un bebé", "one of us is a baby" (bridged): among them.
        if prev_is(&["con"])
            || prev_is(&["es", "son"])
                && i >= 2
                && tokens[..i - 1]
                    .iter()
                    .rev()
                    .take(2)
                    .any(|t| t.is_any(&["uno", "una", "dos", "tres"]))
        {
            tally.kids_with += v;
        }
    } else if noun.is_any(COUPLES) {
        // "somos 8 amigos, 4 parejas": the same eight told as couples, not eight more.
        let joined = prev_is(&["y", "mas", "con", "e", "com", "and", "plus"]);
        let restates = !joined && tally.counted_adults && tally.adults + tally.kids == 2 * v;
        if !restates {
            tally.adults += 2 * v;
            tally.counted_adults = true;
            tally.count_end = Some(i + n.len + 1);
        }
    } else if noun.is_any(&["familias", "grupos"])
        && let Some(each) = size_of_each(tokens, i + n.len)
    {
        // "2 familias de 4": eight people.
        tally.adults += v * each.value;
        tally.counted_adults = true;
        return n.len + 2 + each.len;
    } else if noun.is_any(THINGS) {
        // "para 2 autos", "con 2 perros": no people.
        return n.len + 1;
    } else {
        note_base(tokens, i, v, tally);
        return n.len;
    }
    n.len + 1
}

/// "somos 4", "para 2", "familia de 5", "somos como 6", "vamos em 4".
fn note_base(tokens: &[Token], i: usize, v: u32, tally: &mut Tally) {
    // "y para 4? o mejor 3... no, somos 2 nomás": the count said after the last change of mind.
    let changed_mind = tally.retracted
        || tally.base.is_some()
            && tokens
                .get(tally.base_at + 1..i)
                .is_some_and(|between| between.iter().any(|t| t.is_any(CHANGE_OF_MIND)));
    if n_is_article_only(tokens, i) || (tally.base.is_some() && !changed_mind) {
        return;
    }
    let at = |k: usize| tokens.get(k);
    let mut p = i.checked_sub(1);
    // "Somos las mismas 6", "seríamos los mismos 4 de siempre", "somos os mesmos 6": the party
    // of another time, the count all the same.
    if let Some(k) = p
        && at(k).is_some_and(|t| t.is_any(&["mismos", "mismas", "mesmos", "mesmas", "same"]))
    {
        p = k.checked_sub(1);
        if let Some(k) = p
            && at(k).is_some_and(|t| t.is_any(&["los", "las", "os", "as", "the", "la"]))
        {
            p = k.checked_sub(1);
        }
    }
    if let Some(k) = p
        && at(k).is_some_and(|t| {
            t.is_any(&["como", "unos", "unas", "los", "em", "solo", "so", "apenas"])
        })
    {
        p = k.checked_sub(1);
    }
    // "Vamos con 14", "venimos con 8", "we come with 14", "vamos com 14": a party going
    // with that many, the whole party.
    const GOING: &[&str] = &["vamos", "venimos", "iremos", "viajamos", "come", "coming"];
    let mut going = false;
    if let Some(k) = p
        && at(k).is_some_and(|t| t.is_any(&["con", "com", "with"]))
        && k.checked_sub(1)
            .and_then(at)
            .is_some_and(|t| t.is_any(GOING))
    {
        p = k.checked_sub(1);
        going = true;
    }
    let Some(p) = p else {
        // "2 y un bebé", "3 más 2 nenes": a count that opens the message, with children
        // added to it, answers how many people.
        let joined = tokens
            .get(i + 1)
            .is_some_and(|t| t.is_any(&["y", "mas", "e"]));
        let kids_follow = tokens
            .iter()
            .skip(i + 2)
            .take(3)
            .any(|t| lexicon::any_word(t, KIDS).is_some());
        if i == 0 && joined && kids_follow {
            tally.base = Some(v);
            tally.base_at = i;
        }
        return;
    };
    // "¿está libre del 11 al 14 los cuatro?", "del 3 al 6, los dos": "los N" closing what it
    // says (not "los 2 días", "los 15 de mi hija") is the party; "las dos" are the cabins.
    const CLOSES_PARTY: &[&str] = &[
        "juntos", "juntas", "nomas", "esta", "estan", "hay", "tenes", "tienen", "tendras",
        "tendrian", "se", "puede", "podemos", "entramos", "cabemos",
    ];
    let the_n = at(i - 1).is_some_and(|t| t.is("los"))
        && (i + 1 >= tokens.len()
            || at(i).is_some_and(|t| t.punct_after)
            || at(i + 1).is_some_and(|t| t.is_any(CLOSES_PARTY)));
    // "somos cuatro no perdón cinco": the number right after the change of mind.
    let direct = tally.retracted
        || the_n
        || going
        || at(p).is_some_and(|t| t.is_any(COUNT_CONTEXT))
        || wanting_to_go(tokens, p)
        // "she's not coming, back to 2", "de vuelta a 2": the party said again.
        || at(p).is_some_and(|t| t.is_any(&["to", "hasta", "a", "al"]))
            && p > 0
            && at(p - 1).is_some_and(|t| t.is_any(super::dates::BACK_TO))
        || (changed_mind
            && (at(p).is_some_and(|t| t.is_any(CORRECTION_LEAD))
                // "ah no, 5" takes it back; a bare "4, no 5" says it is not five.
                || at(p).is_some_and(|t| t.is_any(&["no", "nao"]))
                    && p > 0
                    && at(p - 1).is_some_and(|t| t.is_any(&["ah", "eh", "uh", "uy"]))));
    const PARTY_NOUNS: &[&str] = &[
        "familia",
        "grupo",
        "total",
        "contingente",
        "delegacion",
        "comitiva",
        "excursion",
        // "a choir of 25 singers", "un coro de 30", "uma turma de 12", "a team of 8".
        "coro",
        "coral",
        "choir",
        "equipo",
        "team",
        "equipe",
        "turma",
        "banda",
        "band",
        "orquesta",
        "orchestra",
        "clase",
        "class",
    ];
    // "un grupo de amigos de 9", "un grupo de compañeros de 12": who the party is said
    // between the party's noun and its count.
    const MEMBERS: &[&str] = &[
        "amigos",
        "amigas",
        "amigues",
        "companeros",
        "companeras",
        "colegas",
        "primos",
        "primas",
        "chicos",
        "chicas",
        "pibes",
        "pibas",
        "adultos",
        "personas",
        "pessoas",
    ];
    let family_of = at(p).is_some_and(|t| t.is("de"))
        && p > 0
        && (at(p - 1).is_some_and(|t| t.is_any(PARTY_NOUNS))
            || p >= 3
                && at(p - 1).is_some_and(|t| t.is_any(MEMBERS))
                && at(p - 2).is_some_and(|t| t.is("de"))
                && at(p - 3).is_some_and(|t| t.is_any(PARTY_NOUNS))
                // "un grupo de chicos de 10 años": their age, not how many.
                && !at(i + 1).is_some_and(|t| t.is_any(&["anos", "ano", "years", "meses"])));
    if direct || family_of {
        tally.base = Some(v);
        tally.base_at = i;
        tally.count_end = Some(i + 1);
        tally.retracted = false;
    }
}

/// "Queremos ir 2", "pensábamos viajar 4", "vamos a ir 3", "queremos ir em 4": the word at
/// `p`, right before a number, is a going verb's infinitive after a verb of wanting or
/// planning, so the number is the party going (a date's day is consumed before this).
fn wanting_to_go(tokens: &[Token], p: usize) -> bool {
    #[rustfmt::skip]
    const GOING: &[&str] = &["ir", "irnos", "viajar", "venir", "vir"];
    #[rustfmt::skip]
    const WANTING: &[&str] = &[
        "queremos", "queriamos", "quisieramos", "querriamos", "pensamos", "pensabamos",
        "planeamos", "planeabamos", "podemos", "podriamos", "tenemos", "gustaria", "deberiamos",
        "esperamos", "vamos", "pretendemos", "precisamos", "iriamos",
    ];
    let at = |k: usize| tokens.get(k);
    if p == 0 || !at(p).is_some_and(|t| t.is_any(GOING)) {
        return false;
    }
    // "vamos a ir 3", "vamos a viajar 4": the "a" of the future between them.
    let before = if at(p - 1).is_some_and(|t| t.is("a")) && p >= 2 {
        p - 2
    } else {
        p - 1
    };
    at(before).is_some_and(|t| t.is_any(WANTING))
}

/// Between `from` and `to`, the guest takes back what they said: a word of correction
/// ("perdón", "digo", "bah", "mejor dicho") or a "no" said as one ("eh no", "no, 4").
fn takes_back(tokens: &[Token], from: usize, to: usize) -> bool {
    let Some(between) = tokens.get(from..to) else {
        return false;
    };
    between.iter().enumerate().any(|(k, t)| {
        t.is_any(CORRECTION_LEAD)
            || t.is_any(&["no", "nao"])
                && (k + 1 == between.len() && t.punct_after
                    || k > 0 && between[k - 1].is_any(&["ah", "eh", "uh", "uy", "ay"]))
    })
}

/// "perros, porque tenemos uno chiquito", "un perro mediano": a pronoun ("uno", "una") or a
/// number followed by a size, a pet named in the few words before, and no "y" between (which
/// would join people: "el perro y 2 chiquitos" are children).
fn is_pet_described(tokens: &[Token], i: usize, noun: &Token) -> bool {
    let pronoun = tokens.get(i).is_some_and(|t| t.is_any(&["uno", "una"]));
    let diminutive = noun.text.starts_with("chiquit");
    if !(noun.is_any(SIZES) && (pronoun || diminutive)) {
        return false;
    }
    let from = i.saturating_sub(6);
    let Some(pet) = (from..i)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_any(PETS)))
    else {
        return false;
    };
    !tokens
        .get(pet + 1..i)
        .is_some_and(|between| between.iter().any(|t| t.is_any(&["y", "mas", "e"])))
}

/// The number at `i` is who left or joined ("somos 5 al final, uno se bajó", "uno no viene",
/// "agora somos 5, um desistiu", "we're 3, one can't make it"): its clause goes on with a verb
/// of coming or going.
fn leaves_or_joins(tokens: &[Token], i: usize) -> bool {
    if tokens.get(i).is_none_or(|t| t.punct_after) {
        return false;
    }
    let open = |k: usize| {
        tokens
            .get(k)
            .filter(|t| !t.punct_after || k + 1 == tokens.len())
    };
    let mut k = i + 1;
    let mut denied = false;
    while let Some(t) = open(k).filter(|t| t.is_any(BEFORE_THE_VERB) || t.is_any(DENIAL)) {
        denied |= t.is_any(DENIAL);
        k += 1;
    }
    let Some(verb) = tokens.get(k) else {
        return false;
    };
    let denied_after = tokens.get(k + 1).is_some_and(|t| t.is_any(DENIAL));
    verb.is_any(LEAVES_OR_JOINS) || verb.is_any(DENIED_GOING) && (denied || denied_after)
}

/// "para un/una" alone is not a count ("para un finde").
fn n_is_article_only(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is_any(&["un", "una"]))
}

/// "mi señora y yo", "yo y mi señora", "para mí y mi pareja", "con mi novia".
fn couple_phrase(tokens: &[Token], i: usize) -> bool {
    let is = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.is(w));
    let partner = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| lexicon::any_word(t, PARTNERS).is_some())
    };
    // "mi señora y yo", and the formal "para mi señora y para mí".
    let mine_and_me = is(i, "mi")
        && partner(i + 1)
        && is(i + 2, "y")
        && (is(i + 3, "yo") || (is(i + 3, "para") && is(i + 4, "mi")));
    // "yo y mi señora"; "para mí y mi pareja" (the first "mi" is "mí" written without accent).
    let me = is(i, "yo") || (is(i, "mi") && i > 0 && is(i - 1, "para"));
    let me_and_mine = me && is(i + 1, "y") && is(i + 2, "mi") && partner(i + 3);
    let with_mine = is(i, "con") && is(i + 1, "mi") && partner(i + 2) && !left_with(tokens, i);
    mine_and_me || me_and_mine || with_mine
}

/// "El perro se queda con mi hermana", "lo dejamos con mi vieja": the "con" at `i` says who
/// someone stays behind with, not who comes along.
fn left_with(tokens: &[Token], i: usize) -> bool {
    const STAYS: &[&str] = &[
        "queda", "quedan", "quedaba", "quedara", "dejamos", "dejo", "dejar", "cuida", "cuidan",
        "fica", "ficam", "ficar", "deixamos", "deixo", "stays", "staying", "leave", "leaving",
    ];
    tokens.get(i).is_some_and(|t| t.is("con"))
        && (1..=3).any(|k| {
            i.checked_sub(k)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.is_any(STAYS))
        })
}

/// "Yo, mi mujer y los 3 chicos", "mi marido, yo y mi hija", "vamos con mi mamá y mi papá",
/// "vamos con mi novia y mis viejos", "my wife, me and our two kids" (bridged): the speaker
/// plus each relative named with "mi"/"nuestra" (one each), each child named alone with an
/// owner or an article ("me, my partner and our toddler", "yo, mi señora y el nene": one each)
/// and each pair named with "mis"/"nuestros" ("mis viejos", "my parents": two; counted
/// children are added apart). Only when the speaker is there ("yo", "con mi…", "con mis
/// viejos", "para mí y…", "para mí, …", "… and me" closing the list).
fn household(tokens: &[Token]) -> Option<u32> {
    const MINE: &[&str] = &["mi", "nuestra", "nuestro", "nuestros"];
    // Portuguese children come bridged with their own articles ("e o bebê": "y o bebe").
    const CHILD_LEAD: &[&str] = &["mi", "nuestra", "nuestro", "nuestros", "el", "la", "o", "a"];
    // "my parents" and "meus pais" come bridged as "mi parents", "mi pais".
    const MY_PAIR: &[&str] = &["mis", "nuestros", "mi", "meus", "nossos"];
    let is = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.is(w));
    let names = |k: usize, owners: &[&str], people: &[&str]| {
        tokens.get(k).is_some_and(|t| t.is_any(owners))
            && tokens
                .get(k + 1)
                .is_some_and(|t| lexicon::any_word(t, people).is_some())
    };
    let pair_at = |k: usize| names(k, MY_PAIR, lexicon::A_PAIR);
    let speaker = (0..tokens.len()).any(|i| {
        is(i, "yo")
            || (is(i, "con")
                && (tokens.get(i + 1).is_some_and(|t| t.is_any(MINE)) || pair_at(i + 1))
                && !left_with(tokens, i))
            // "para mí y mi pareja", "para mí, mi pareja y el nene".
            || (is(i, "mi")
                && i > 0
                && is(i - 1, "para")
                && (is(i + 1, "y") || tokens[i].punct_after))
            || closing_me(tokens, i)
    });
    if !speaker {
        return None;
    }
    let relatives: usize = (0..tokens.len())
        .map(|i| {
            if names(i, MINE, PARTNERS) || names(i, CHILD_LEAD, ONE_CHILD) {
                1
            } else if pair_at(i) {
                2
            } else {
                0
            }
        })
        .sum();
    let relatives = u32::try_from(relatives).ok().filter(|n| *n > 0)?;
    Some(1 + relatives)
}

/// "My husband, our 2 kids and me": an English "me" (never bridged, it is Spanish too) joined
/// last to a list with "and", closing the message or its sentence, is the speaker.
fn closing_me(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is("me"))
        && i > 0
        && tokens[i - 1].is("y")
        && (i + 1 == tokens.len() || tokens[i].punct_after)
}

/// The size of each party after the word at `noun` ("familias de 4", "familia de 5", "otra de
/// 3"): the number after its "de", unless a comma parts them or the number opens a range of
/// days ("tres famílias, de 20 a 23 de fevereiro", "2 familias de 10 al 14"), which is the stay.
fn size_of_each(tokens: &[Token], noun: usize) -> Option<numbers::Number> {
    const RANGE_TO: &[&str] = &["a", "al", "hasta", "to", "till", "until", "ate"];
    if tokens.get(noun)?.punct_after || !tokens.get(noun + 1)?.is("de") {
        return None;
    }
    let n = numbers::parse_at(tokens, noun + 2)?;
    let after = noun + 2 + n.len;
    let opens_range = tokens.get(after).is_some_and(|t| t.is_any(RANGE_TO))
        && numbers::parse_at(tokens, after + 1).is_some();
    (!opens_range).then_some(n)
}

/// "2 families, 4 people each", "duas famílias, 4 pessoas cada", "dos familias, 4 personas
/// cada una": the size of each party said after them with "each", and the tokens it takes.
fn size_said_each(tokens: &[Token], from: usize) -> Option<(u16, usize)> {
    const PEOPLE: &[&str] = &[
        "personas",
        "people",
        "pessoas",
        "persons",
        "guests",
        "adultos",
        "integrantes",
    ];
    let n =
        numbers::parse_at(tokens, from).filter(|n| !n.ordinal && (1..=20).contains(&n.value))?;
    let mut k = from + n.len;
    if tokens.get(k).is_some_and(|t| t.is_any(PEOPLE)) {
        k += 1;
    }
    tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["each", "cada", "c/u"]))
        .then(|| Some((u16::try_from(n.value).ok()?, k + 1 - from)))
        .flatten()
}

/// Parties that travel together but stay apart: "dos familias de 4" ([4, 4]), "una familia de
/// 4 y otra de 3" ([4, 3]), "two families of four", "duas famílias de 4". Empty when none is
/// said.
pub(crate) fn parties(tokens: &[Token]) -> Vec<u16> {
    const GROUPS: &[&str] = &["familias", "grupos", "familia", "grupo"];
    let size_at = |k: usize| -> Option<(u16, usize)> {
        let n = size_of_each(tokens, k.checked_sub(1)?)
            .filter(|n| !n.ordinal && (1..=20).contains(&n.value))?;
        Some((u16::try_from(n.value).ok()?, 1 + n.len))
    };
    for i in 0..tokens.len() {
        let Some(count) = numbers::parse_at(tokens, i).filter(|n| !n.ordinal) else {
            continue;
        };
        let noun = i + count.len;
        if !tokens.get(noun).is_some_and(|t| t.is_any(GROUPS)) {
            continue;
        }
        let Some((size, len)) = size_at(noun + 1).or_else(|| size_said_each(tokens, noun + 1))
        else {
            continue;
        };
        // "una familia de 4 y otra de 3"
        if count.value == 1 {
            let next = noun + 1 + len;
            let other = tokens.get(next).is_some_and(|t| t.is("y"))
                && tokens
                    .get(next + 1)
                    .is_some_and(|t| t.is_any(&["otra", "otro"]));
            if let Some((second, _)) = size_at(next + 2).filter(|_| other) {
                return vec![size, second];
            }
            continue;
        }
        let n = usize::try_from(count.value).unwrap_or(0);
        if (2..=4).contains(&n) {
            return vec![size; n];
        }
    }
    // "2 cabins for 4 each", "dos cabañas para 4 cada una", "duas cabanas pra 4 pessoas cada":
    // that many cabins, each for that many.
    const CABINS: &[&str] = &[
        "cabanas", "cabins", "chales", "casas", "unidades", "cottages", "cabanhas",
    ];
    const PEOPLE: &[&str] = &[
        "personas", "people", "pessoas", "persons", "guests", "adultos",
    ];
    for i in 0..tokens.len() {
        let Some(count) =
            numbers::parse_at(tokens, i).filter(|n| !n.ordinal && (2..=4).contains(&n.value))
        else {
            continue;
        };
        let noun = i + count.len;
        if !tokens.get(noun).is_some_and(|t| t.is_any(CABINS))
            || !tokens
                .get(noun + 1)
                .is_some_and(|t| t.is_any(&["para", "for", "pra", "de", "of", "pa"]))
        {
            continue;
        }
        let Some(size) = numbers::parse_at(tokens, noun + 2)
            .filter(|n| !n.ordinal && (1..=20).contains(&n.value))
        else {
            continue;
        };
        let mut k = noun + 2 + size.len;
        if tokens.get(k).is_some_and(|t| t.is_any(PEOPLE)) {
            k += 1;
        }
        if tokens
            .get(k)
            .is_some_and(|t| t.is_any(&["each", "cada", "c/u"]))
        {
            let size = u16::try_from(size.value).unwrap_or(0);
            return vec![size; usize::try_from(count.value).unwrap_or(0)];
        }
    }
    // "Somos 2 parejas", "2 couples", "dois casais": a party of two each ("con sus hijos"
    // besides: more than that, how many untold).
    const COUPLES: &[&str] = &["parejas", "couples", "casais", "matrimonios"];
    let kids_untold = (0..tokens.len()).any(|k| untold_kids_at(tokens, k));
    for i in (0..tokens.len()).filter(|_| !kids_untold) {
        if let Some(count) =
            numbers::parse_at(tokens, i).filter(|n| !n.ordinal && (2..=4).contains(&n.value))
            && tokens.get(i + count.len).is_some_and(|t| t.is_any(COUPLES))
        {
            return vec![2; usize::try_from(count.value).unwrap_or(0)];
        }
    }
    let apart = cabins_apart(tokens);
    if !apart.is_empty() {
        return apart;
    }
    us_and_a_pair(tokens)
}

/// "Nosotros somos 6 (con mis 4 hijos) y mis suegros 2", "we're 4 and my parents", "somos 5 e
/// meus pais": the speaker's party and a pair of relatives staying apart ([6, 2]), when
/// families or cabins apart are said ("dos familias", "cada familia en su cabaña", "separate
/// cabins"); without them the relatives may be part of the party said.
fn us_and_a_pair(tokens: &[Token]) -> Vec<u16> {
    const WE_ARE: &[&str] = &["somos", "were", "are"];
    const AND: &[&str] = &["y", "and", "e", "mas", "plus"];
    const THEIR: &[&str] = &["mis", "mi", "nuestros", "my", "our", "meus", "nossos", "os"];
    if counts_parties(tokens).is_none() && !cabins_apart_asked(tokens) {
        return Vec::new();
    }
    let size = |k: usize, most: u32| {
        numbers::parse_at(tokens, k)
            .filter(|n| !n.ordinal && (1..=most).contains(&n.value))
            .and_then(|n| u16::try_from(n.value).ok().map(|v| (v, n.len)))
    };
    let Some((from, us)) = (0..tokens.len()).find_map(|i| {
        tokens[i]
            .is_any(WE_ARE)
            .then(|| size(i + 1, 16))
            .flatten()
            // "Somos 2 familias" counts the parties, not the people.
            .filter(|(_, len)| {
                !tokens.get(i + 1 + len).is_some_and(|t| {
                    t.is_any(&[
                        "familias", "families", "grupos", "groups", "parejas", "couples", "casais",
                        "cabanas", "cabins", "chales",
                    ])
                })
            })
            .map(|(v, len)| (i + 1 + len, v))
    }) else {
        return Vec::new();
    };
    (from..tokens.len())
        .find(|&j| {
            tokens[j].is_any(AND)
                && tokens.get(j + 1).is_some_and(|t| t.is_any(THEIR))
                && tokens
                    .get(j + 2)
                    .is_some_and(|t| lexicon::any_word(t, lexicon::A_PAIR).is_some())
        })
        .map(|j| {
            // "Y mis suegros 2": their number, when said right after them.
            let theirs = size(j + 3, 8)
                .filter(|_| !tokens[j + 2].punct_after)
                .filter(|(_, len)| {
                    !tokens
                        .get(j + 3 + len)
                        .is_some_and(|t| t.is_any(&["noches", "nights", "noites", "dias", "days"]))
                })
                .map_or(2, |(v, _)| v);
            vec![us, theirs]
        })
        .unwrap_or_default()
}

/// "Somos 8, dos parejas y una familia de 4", "8 of us, two couples and a family of 4", "somos
/// 9: 4 adultos y 5 chicos", "somos 10: una familia de 6 y otra de 4": the whole party said
/// with its verb, then the parts it is made of, which add up to it. The whole, when they do
/// (the parts describe it; they are no people more).
pub(crate) fn whole_described(tokens: &[Token]) -> Option<u16> {
    const WE_ARE: &[&str] = &[
        "somos", "seriamos", "seremos", "quedamos", "were", "we're", "sermos", "total",
    ];
    let at = |k: usize, list: &[&str]| tokens.get(k).is_some_and(|t| t.is_any(list));
    let (whole, from) = (0..tokens.len()).find_map(|i| {
        let n =
            numbers::parse_at(tokens, i).filter(|n| !n.ordinal && (2..=40).contains(&n.value))?;
        let end = i + n.len;
        let value = u16::try_from(n.value).ok()?;
        // "somos 8", "we are 8", "we're 8"
        let verb =
            i > 0 && (at(i - 1, WE_ARE) || (at(i - 1, &["are"]) && i > 1 && at(i - 2, &["we"])));
        if verb && tokens[end - 1].punct_after {
            return Some((value, end));
        }
        // "8 of us" (read "8 personas"), "somos 8 personas,"
        if at(end, &["personas", "people", "pessoas"]) && tokens[end].punct_after {
            return Some((value, end + 1));
        }
        // "8 de nosotros"
        if at(end, &["of", "de"])
            && at(end + 1, &["us", "nosotros", "nos"])
            && tokens[end + 1].punct_after
        {
            return Some((value, end + 2));
        }
        None
    })?;
    let parts = parts_after(tokens, from)?;
    (parts == whole).then_some(whole)
}

/// The people counted in the parts said from `from` on: couples two each, families of their
/// size, counted people. `None` when no part is said.
fn parts_after(tokens: &[Token], from: usize) -> Option<u16> {
    const COUPLES: &[&str] = &[
        "pareja",
        "parejas",
        "couple",
        "couples",
        "casal",
        "casais",
        "matrimonio",
        "matrimonios",
    ];
    const FAMILY: &[&str] = &[
        "familia", "family", "otra", "otro", "another", "outra", "grupo",
    ];
    #[rustfmt::skip]
    const PEOPLE: &[&str] = &[
        "adultos", "adults", "chicos", "nenes", "nenas", "kids", "children", "criancas", "menores",
        "adolescentes", "amigos", "amigas", "friends", "bebes", "babies", "grandes", "adulto",
        "adult", "chico", "kid", "child", "bebe", "baby", "crianca", "filhos", "hijos", "pessoas",
        "personas", "people",
    ];
    let at = |k: usize, list: &[&str]| tokens.get(k).is_some_and(|t| t.is_any(list));
    let one = |k: usize| at(k, &["una", "un", "uno", "a", "an", "one", "uma", "um"]);
    let mut sum = 0u16;
    let mut said = false;
    let mut k = from;
    while k < tokens.len() {
        // "una familia de 4", "a family of 4", "otra de 3", "another of 3"
        if at(k, FAMILY)
            && at(k + 1, &["de", "of"])
            && let Some(n) = numbers::parse_at(tokens, k + 2).filter(|n| !n.ordinal)
        {
            sum = sum.saturating_add(u16::try_from(n.value).ok()?);
            said = true;
            k += 2 + n.len;
            continue;
        }
        if one(k) && at(k + 1, COUPLES) {
            sum = sum.saturating_add(2);
            said = true;
            k += 2;
            continue;
        }
        if let Some(n) = numbers::parse_at(tokens, k).filter(|n| !n.ordinal && n.value <= 20) {
            let v = u16::try_from(n.value).ok()?;
            if at(k + n.len, COUPLES) {
                sum = sum.saturating_add(2 * v);
                said = true;
                k += n.len + 1;
                continue;
            }
            if at(k + n.len, PEOPLE) {
                sum = sum.saturating_add(v);
                said = true;
                k += n.len + 1;
                continue;
            }
        }
        k += 1;
    }
    said.then_some(sum)
}

/// "Somos 2 familias", "two families", "dois grupos": how many parties, a number that is not
/// of people ("2 parejas", two couples, is four people, read elsewhere).
pub(crate) fn counts_parties(tokens: &[Token]) -> Option<u16> {
    const GROUPS: &[&str] = &["familias", "grupos", "families", "groups"];
    (0..tokens.len()).find_map(|i| {
        numbers::parse_at(tokens, i)
            .filter(|n| {
                !n.ordinal
                    && (2..=4).contains(&n.value)
                    && tokens.get(i + n.len).is_some_and(|t| t.is_any(GROUPS))
            })
            .and_then(|n| u16::try_from(n.value).ok())
    })
}

/// Cabins apart asked for: each with its party ("una para 4 y otra para 2"), or two to four
/// cabins ("dos cabañas para 6", "2 cabins", "duas casas").
pub(crate) fn cabins_apart_asked(tokens: &[Token]) -> bool {
    const CABINS: &[&str] = &[
        "cabanas", "cabins", "chales", "casas", "unidades", "cottages",
    ];
    // "Separate cabins", "cabañas separadas", "una para cada pareja", "one for each family".
    const SEPARATE: &[&str] = &[
        "separadas",
        "separados",
        "separate",
        "aparte",
        "independientes",
    ];
    let separate = tokens.windows(2).any(|w| {
        w[0].is_any(CABINS) && w[1].is_any(SEPARATE) || w[0].is_any(SEPARATE) && w[1].is_any(CABINS)
    }) || lexicon::says_any(
        tokens,
        &[
            "para cada pareja",
            "para cada familia",
            "una por pareja",
            "una por familia",
            "for each couple",
            "for each family",
            "one each",
            "pra cada casal",
            "para cada casal",
            "pra cada familia",
            "cada familia en su",
            "cada familia con su",
            "cada familia tenga su",
            "each family in its own",
            "each family gets its own",
            "their own cabin",
            "cada familia no seu",
            "cada familia em seu",
            "cada familia com seu",
        ],
    );
    separate
        || !cabins_apart(tokens).is_empty()
        || (0..tokens.len()).any(|i| {
            numbers::parse_at(tokens, i).is_some_and(|n| {
                !n.ordinal
                    && (2..=4).contains(&n.value)
                    && tokens.get(i + n.len).is_some_and(|t| t.is_any(CABINS))
            })
        })
}

/// "Una para 4 y otra para 2", "una cabaña de 4 y otra de 2", "one for 4 and another for 2",
/// "uma pra 4 e outra pra 2": the cabins asked for, each with its own party. A party may be
/// said as "nosotros 4", "us four", "nós 4", or as a pair of relatives ("otra aparte para los
/// abuelos", "another one for my parents", "outra pros avós": two).
fn cabins_apart(tokens: &[Token]) -> Vec<u16> {
    const ONE: &[&str] = &["una", "un", "one", "uma"];
    const OTHER: &[&str] = &["otra", "otro", "another", "outra", "one"];
    const CABIN: &[&str] = &["cabana", "cabanas", "cabin", "chale", "casa", "unidad"];
    const FOR: &[&str] = &["para", "de", "for", "pra", "pa"];
    const AND: &[&str] = &["y", "and", "e", "mas"];
    // "Otra aparte", "another separate one", "outra separada".
    const SEPARATE: &[&str] = &[
        "aparte", "separada", "separado", "separate", "one", "mas", "more", "cabin", "cabana",
    ];
    // Who the party is, before its number: "para nosotros 4", "for us 4", "pra nós 4", "para
    // los 4".
    const WE: &[&str] = &[
        "nosotros", "nosotras", "us", "nos", "los", "las", "the", "os", "as", "all",
    ];
    const PAIR: &[&str] = lexicon::A_PAIR;
    const THEIR: &[&str] = &[
        "los", "mis", "mi", "nuestros", "the", "my", "our", "os", "meus", "nossos",
    ];
    let t = |k: usize| tokens.get(k);
    // The size after an optional cabin word and "para": its value and where it ends.
    let size_at = |mut k: usize| -> Option<(u16, usize)> {
        if t(k)?.is_any(CABIN) {
            k += 1;
        }
        // "pros avós", "pras" (Portuguese "para os"): the article is in the word.
        let fused = t(k)?.is_any(&["pros", "pras"]);
        if !t(k)?.is_any(FOR) && !fused {
            return None;
        }
        let mut at = k + 1;
        // "Para los abuelos", "for my parents", "pros avós": a pair.
        let their = usize::from(t(at).is_some_and(|w| w.is_any(THEIR)));
        if t(at + their).is_some_and(|w| w.is_any(PAIR)) {
            return Some((2, at + their + 1));
        }
        if fused {
            return None;
        }
        if t(at).is_some_and(|w| w.is_any(WE)) {
            at += 1;
            // "Una para nosotros (somos 2)", "one for us (we're 2)", "uma pra nós, que somos 2".
            for _ in 0..2 {
                if t(at).is_some_and(|w| w.is_any(&["que", "somos", "we", "were", "are", "re"])) {
                    at += 1;
                }
            }
        }
        let n =
            numbers::parse_at(tokens, at).filter(|n| !n.ordinal && (1..=20).contains(&n.value))?;
        Some((u16::try_from(n.value).ok()?, at + n.len))
    };
    for (i, one) in tokens.iter().enumerate() {
        if !one.is_any(ONE) {
            continue;
        }
        let Some((first, end)) = size_at(i + 1) else {
            continue;
        };
        let other =
            t(end).is_some_and(|a| a.is_any(AND)) && t(end + 1).is_some_and(|o| o.is_any(OTHER));
        if !other {
            continue;
        }
        let second = size_at(end + 2).or_else(|| {
            t(end + 2)
                .is_some_and(|w| w.is_any(SEPARATE))
                .then(|| size_at(end + 3))
                .flatten()
        });
        if let Some((second, _)) = second {
            return vec![first, second];
        }
    }
    Vec::new()
}

/// "Para mis viejos", "for my parents", "para meus pais": a pair of other people, without the
/// speaker (two; "con mis viejos" is the speaker's own party, see [`household`]).
pub(crate) fn for_another_pair(tokens: &[Token]) -> bool {
    const MY: &[&str] = &["mis", "mi", "meus", "nuestros"];
    const PAIR: &[&str] = lexicon::A_PAIR;
    tokens
        .windows(3)
        .any(|w| w[0].is_any(&["para", "pros"]) && w[1].is_any(MY) && w[2].is_any(PAIR))
}

/// The speaker, alone, joined to the friends counted at `i`: "yo y 3 amigos", "voy con 3
/// amigas", "viajo con 2 amigos", "me and 3 friends", "I'm coming with 3 friends" (bridged),
/// "eu e 3 amigos", "vou com 3 amigos" (not "vamos con 3 amigos": who "we" are is not said).
fn speaker_joins(tokens: &[Token], i: usize) -> bool {
    #[rustfmt::skip]
    const ME: &[&str] = &[
        "yo", "voy", "viajo", "vengo", "vou", "viajo", "i", "im", "coming", "going", "traveling",
        "travelling", "eu",
    ];
    // "me and my 3 friends": a possessive before the number.
    let j = if i > 0 && tokens[i - 1].is_any(&["mi", "mis", "my", "nuestros", "meus"]) {
        i - 1
    } else {
        i
    };
    j >= 2
        && tokens[j - 1].is_any(&["y", "e", "and", "con", "with", "com"])
        && tokens[j.saturating_sub(4)..j - 1]
            .iter()
            .any(|t| t.is_any(ME))
}

/// "solo yo", "voy sola", "para mí solo", "I'm travelling alone", "coming solo", "by myself",
/// "just myself", "vou sozinha", "viajando sozinho".
fn solo_phrase(tokens: &[Token], i: usize) -> bool {
    #[rustfmt::skip]
    const ME: &[&str] = &[
        "yo", "voy", "viajo", "mi", "travelling", "traveling", "coming", "going", "be", "vou",
        "viajando", "indo", "vengo", "iria", "irei",
    ];
    let t = |k: usize| tokens.get(k);
    let alone =
        |k: usize| t(k).is_some_and(|x| x.is_any(&["solo", "sola", "alone", "sozinho", "sozinha"]));
    let me = |k: usize| t(k).is_some_and(|x| x.is_any(ME));
    let word = |k: usize, w: &str| t(k).is_some_and(|x| x.is(w));
    let by_myself =
        t(i).is_some_and(|x| x.is_any(&["by", "just", "only"])) && word(i + 1, "myself");
    (me(i) && alone(i + 1)) || (alone(i) && t(i + 1).is_some_and(|x| x.is("yo"))) || by_myself
}

/// "más mi hijo", "y mi suegra" (after "más"): one relative joined to the count said before
/// ("somos 2 más mi hijo y mi suegra": 4).
fn relative_added(tokens: &[Token], i: usize) -> bool {
    let t = |k: usize| tokens.get(k);
    let one_kid = |w: &Token| lexicon::any_word(w, KIDS).is_some() && !w.text.ends_with('s');
    let relative = |k: usize| {
        t(k).is_some_and(|w| w.is_any(&["mi", "nuestro", "nuestra"]))
            && t(k + 1).is_some_and(|w| w.is_any(PARTNERS) || one_kid(w))
    };
    // "somos cuatro más el bebé", "2 y la nena": one child with an article, joined to the count.
    let the_child =
        |k: usize| t(k).is_some_and(|w| w.is_any(&["el", "la"])) && t(k + 1).is_some_and(one_kid);
    // "Una pareja y nuestro bebé", "a couple and our son" ("our" bridged as "nuestros"), "um
    // casal e o bebê": one child joined to the couple counted.
    let after_couple = i >= 2
        && t(i - 1).is_some_and(|w| w.is_any(&["y", "mas", "e", "plus"]))
        && t(i - 2).is_some_and(|w| w.is_any(COUPLES) || w.is_any(&["couple", "casal"]));
    let owned =
        t(i).is_some_and(|w| w.is_any(&["mi", "nuestro", "nuestra", "nuestros", "el", "la", "o"]));
    if after_couple && owned && t(i + 1).is_some_and(|w| one_kid(w) || w.is("son")) {
        return true;
    }
    if i == 0 || !(relative(i) || the_child(i)) {
        return false;
    }
    if the_child(i) {
        // Right after a count: "somos 4 y el bebé", "2 adultos y la nena".
        let count_at = |k: usize| numbers::parse_at(tokens, k).is_some_and(|n| !n.ordinal);
        let after_count = i >= 2
            && (count_at(i - 2)
                || i >= 3
                    && t(i - 2).is_some_and(|w| lexicon::any_word(w, ADULTS).is_some())
                    && count_at(i - 3));
        return t(i - 1).is_some_and(|w| w.is("mas"))
            || t(i - 1).is_some_and(|w| w.is("y")) && after_count;
    }
    // Joined by "más", or by "y" to a relative joined by "más" before it.
    let joined_by_mas = t(i - 1).is_some_and(|w| w.is("mas"));
    let chained = t(i - 1).is_some_and(|w| w.is("y"))
        && i >= 3
        && (0..i - 1)
            .rev()
            .take(6)
            .any(|k| t(k).is_some_and(|w| w.is("mas")) && relative(k + 1));
    joined_by_mas || chained
}

/// "mi pareja y yo" is handled as a partner, not as "una pareja".
fn is_partner_slot(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens
            .get(i - 1)
            .is_some_and(|p| p.is_any(&["mi", "tu", "su"]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn guests(s: &str) -> Option<u16> {
        let t = tokenize(s);
        extract(&t, &vec![false; t.len()])
    }

    #[test]
    fn a_total_said_wins_over_the_parts() {
        assert_eq!(
            guests("somos dos matrimonios con tres hijos (9 personas en total)"),
            Some(9)
        );
        assert_eq!(guests("dos parejas y cinco chicos, 9 en total"), Some(9));
        assert_eq!(guests("en total somos 7, dos familias"), Some(7));
        assert_eq!(guests("un total de 8 personas"), Some(8));
        assert_eq!(guests("el total para 4?"), Some(4));
    }

    #[test]
    fn counts() {
        assert_eq!(guests("somos 4"), Some(4));
        assert_eq!(guests("dos adultos y dos nenes"), Some(4));
        assert_eq!(guests("somos 3 adultos y un bebé"), Some(4));
        assert_eq!(guests("una pareja"), Some(2));
        // Children said with "con" are among the people counted; with "y" they add.
        assert_eq!(guests("somos cuatro personas eh con dos nenes"), Some(4));
        assert_eq!(guests("4 personas con 2 chicos"), Some(4));
        assert_eq!(guests("4 personas y 2 chicos"), Some(6));
        assert_eq!(guests("2 adultos con 2 nenes"), Some(4));
        // A count opening the message with children added: the answer to how many.
        assert_eq!(guests("2 y un bebé"), Some(3));
        assert_eq!(guests("3 mas 2 nenes"), Some(5));
        // Relatives joined one by one to a count said before: one each.
        assert_eq!(guests("somo 2 + mi hijo de 5"), Some(3));
        assert_eq!(guests("somos 2 más mi hijo"), Some(3));
        assert_eq!(guests("vamos 4 mas mi suegra y mi hija"), Some(6));
        assert_eq!(guests("somos 2 con mi hijo"), Some(2));
        // Another couple comes along: two more, on top of the party said or implied.
        for (text, n) in [
            ("somos 2 y otra pareja", 4),
            ("vamos con otra pareja", 4),
            ("mi señora y yo con otra pareja", 4),
            ("somos 3 y otro matrimonio", 5),
            ("una pareja con un nene y otra pareja", 5),
            ("una pareja y dos amigos", 4),
            ("mi señora y yo y 2 amigas", 4),
            ("somos 2 adultos y otra pareja", 4),
            // The couple restated as adults is the same two.
            ("mi señora y yo, 2 adultos y un nene", 3),
            ("una pareja, 2 personas", 2),
        ] {
            assert_eq!(guests(text), Some(n), "{text}");
        }
        assert_eq!(guests("mi señora y yo"), Some(2));
        assert_eq!(guests("familia de 5"), Some(5));
        assert_eq!(guests("4 pax"), Some(4));
        assert_eq!(guests("somos 2 y 2 chicos"), Some(4));
        assert_eq!(guests("somos 4 y un perro"), Some(4));
        assert_eq!(guests("somos 2 familias de 4"), Some(8));
        assert_eq!(guests("quiero hablar con una persona"), None);
        assert_eq!(guests("para 100"), None);
        assert_eq!(guests("tienen estacionamiento para 2 autos?"), None);
        assert_eq!(guests("vamos con 2 perros"), None);
        assert_eq!(guests("somos 4 con 2 perros"), Some(4));
        assert_eq!(guests("para 2 cabañas"), None);
        assert_eq!(guests("hola"), None);
        assert_eq!(guests("para mi y mi pareja"), Some(2));
        assert_eq!(guests("para mí, mi pareja y el nene"), Some(3));
        assert_eq!(guests("para mi, mi esposa y mis 2 hijos"), Some(4));
        assert_eq!(guests("para mi, es mejor la coihue"), None);
        assert_eq!(guests("y si fueramos 4?"), Some(4));
        assert_eq!(guests("seamos 5"), Some(5));
        assert_eq!(guests("yo, mi mujer y los 3 chicos"), Some(5));
        assert_eq!(guests("mi marido, yo y mi hija"), Some(3));
        assert_eq!(guests("vamos con mi mama y mi papa"), Some(3));
        assert_eq!(guests("vamos con mis viejos, somos 4"), Some(4));
        assert_eq!(guests("mi señora y yo, somos 4 con los chicos"), Some(4));
        assert_eq!(guests("yo y mi perro"), None);
        // A whole party and its parts in one message count once.
        assert_eq!(
            guests("para cuatro personas somos dos adultos y dos nenes"),
            Some(4)
        );
        assert_eq!(guests("4 personas: 3 adultos y un bebé"), Some(4));
        assert_eq!(guests("somos 5 huéspedes, 2 adultos y 3 chicos"), Some(5));
        assert_eq!(guests("6 pax (4 adultos + 2 menores)"), Some(6));
        // Parts that do not add up to it are more people.
        assert_eq!(guests("2 personas y un bebé"), Some(3));
        // A group said formally.
        assert_eq!(guests("somos un contingente de nueve jubilados"), Some(9));
        assert_eq!(guests("una delegación de 8"), Some(8));
        assert_eq!(guests("viajamos 7 pasajeros"), Some(7));
        assert_eq!(guests("el Centro de Jubilados de Tandil"), None);
        // A later count in the same message replaces the first.
        assert_eq!(guests("somos cuatro no perdon cinco"), Some(5));
        assert_eq!(guests("hola somos 4, digo 5, del 18 al 21"), Some(5));
        assert_eq!(guests("somos 4 ah no perdon 5"), Some(5));
        assert_eq!(guests("para 3 bah 4"), Some(4));
        assert_eq!(guests("somos 4 uy no 5"), Some(5));
        assert_eq!(guests("para 4, digo 6"), Some(6));
        // A pet described after its mention is not a person.
        assert_eq!(
            guests("para 4 personas, aceptan perros porque tenemos uno chiquito"),
            Some(4)
        );
        assert_eq!(
            guests("somos 2, llevamos una perrita, es una chiquita"),
            Some(2)
        );
        assert_eq!(guests("somos 3 y el perro, uno mediano"), Some(3));
        assert_eq!(
            guests("somos 2 adultos con el perro y 2 chiquitos"),
            Some(4)
        );
    }
}

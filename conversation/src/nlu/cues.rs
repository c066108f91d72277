//! What a message says beyond its intent, for a conversation already under way: a correction
//! ("perdón, me equivoqué", "al final somos 4"), a pick among the options on the table ("la
//! segunda", "la más barata", "la que acepta perros"), a pet coming along, and the thing a
//! yes/no question asks about ("¿tienen pileta?").
//!
//! Rules:
//! - a correction needs its own words; new dates alone are not one (the policy decides what
//!   new values mean);
//! - a pick by position counts from one ("la primera" is the first option); "la última" is the
//!   last; attributes are relative to the options offered (the policy resolves them);
//! - a pet is coming when one is named and not denied ("sin mascotas", "no llevamos perro");
//! - the feature is the first one named.

use super::{AskedTime, Choice, Feature, Scenery, lexicon, normalize::Token, numbers};

#[rustfmt::skip]
const CORRECTIONS: &[&str] = &[
    "perdon", "perdona", "perdoname", "disculpa", "disculpas", "me equivoque", "me confundi",
    "en realidad", "al final", "corrijo", "correccion", "quise decir", "no era", "cambio de planes",
    "cambiamos", "cambiemos", "cambiar las fechas", "cambiar la fecha", "mejor", "ah no", "no no",
    "en vez", "en lugar de", "finalmente", "al fin", "error", "me exprese mal", "cambio",
    // The hold asked to be moved ("pasala del 9 al 11", "move it to June 9", "muda para o dia
    // 9"): new dates for it, not another stay.
    "pasala", "pasalo", "pasemosla", "movela", "movelo", "cambiala", "cambialo", "correla",
    "correlo", "corramosla", "corremos la reserva", "move el booking", "move mi reserva",
    "move el reserva", "move our booking", "shift it", "muda para", "mude para", "mudar para",
    "passa para", "passa a reserva", "mudar a reserva", "muda a reserva", "troca para",
    "trocar as datas", "mudar as datas",
    // Portuguese words the bridge leaves as they are ("melhor a Ñire", "me enganei").
    "melhor", "me enganei", "errei",
];

#[rustfmt::skip]
const PET_WORDS: &[&str] = &[
    "perro", "perra", "perros", "perrito", "perrita", "perritos", "mascota", "mascotas", "gato",
    "gata", "gatito", "gatos", "cachorro", "pet friendly", "petfriendly",
];

const PET_DENIALS: &[&str] = &["sin", "no", "ni", "sem", "without"];

/// Ordinal words and the position they name (1-based).
#[rustfmt::skip]
const ORDINALS: &[(&str, usize)] = &[
    ("primera", 1), ("primero", 1), ("primer", 1), ("segunda", 2), ("segundo", 2),
    ("tercera", 3), ("tercero", 3), ("cuarta", 4),
];

/// Phrases that pick by attribute.
#[rustfmt::skip]
const ATTRIBUTES: &[(&str, Choice)] = &[
    ("mas barata", Choice::Cheapest), ("mas barato", Choice::Cheapest),
    ("mas economica", Choice::Cheapest), ("mas economico", Choice::Cheapest),
    ("la barata", Choice::Cheapest), ("la economica", Choice::Cheapest),
    ("menos cara", Choice::Cheapest), ("mas cara", Choice::Priciest), ("mas caro", Choice::Priciest),
    // "¿Cuál sale menos?", "la que cuesta menos", "qual custa menos?".
    ("cual sale menos", Choice::Cheapest), ("cual cuesta menos", Choice::Cheapest),
    ("que sale menos", Choice::Cheapest), ("que cuesta menos", Choice::Cheapest),
    ("qual custa menos", Choice::Cheapest), ("que custa menos", Choice::Cheapest),
    ("mas grande", Choice::Largest), ("la grande", Choice::Largest), ("el grande", Choice::Largest),
    ("mas amplia", Choice::Largest), ("mas espaciosa", Choice::Largest),
    ("mas capacidad", Choice::Largest), ("cabana grande", Choice::Largest),
    // "La que tenga más lugar", "la de más espacio", "la que tiene más cuartos": room to spare.
    ("mas lugar", Choice::Largest), ("mas espacio", Choice::Largest),
    ("mas dormitorios", Choice::Largest), ("mas habitaciones", Choice::Largest),
    ("mas cuartos", Choice::Largest), ("mas camas", Choice::Largest),
    ("menos lugar", Choice::Smallest), ("menos espacio", Choice::Smallest),
    ("menos capacidad", Choice::Smallest),
    ("la grandota", Choice::Largest), ("grande cabana", Choice::Largest), ("cabana chica", Choice::Smallest), ("mas chica", Choice::Smallest),
    ("la chica", Choice::Smallest), ("mas chiquita", Choice::Smallest),
    ("la chiquita", Choice::Smallest), ("mas pequena", Choice::Smallest),
    ("que acepta perros", Choice::PetFriendly), ("que acepta mascotas", Choice::PetFriendly),
    ("que aceptan perros", Choice::PetFriendly), ("que aceptan mascotas", Choice::PetFriendly),
    ("que acepta perro", Choice::PetFriendly), ("que admite mascotas", Choice::PetFriendly),
    ("que permite mascotas", Choice::PetFriendly), ("que permite perros", Choice::PetFriendly),
    ("la de mascotas", Choice::PetFriendly), ("la de perros", Choice::PetFriendly),
    ("la pet friendly", Choice::PetFriendly), ("donde aceptan perros", Choice::PetFriendly),
    ("donde aceptan mascotas", Choice::PetFriendly), ("con mascotas", Choice::PetFriendly),
];

/// Yes/no subjects, first match wins.
#[rustfmt::skip]
const FEATURES: &[(&str, Feature)] = &[
    ("pileta", Feature::Pool), ("piscina", Feature::Pool), ("pile", Feature::Pool),
    ("pilet", Feature::Pool), ("pileta climatizada", Feature::Pool),
    ("wifi", Feature::Wifi), ("wi fi", Feature::Wifi), ("internet", Feature::Wifi),
    ("wi-fi", Feature::Wifi),
    ("cochera", Feature::Parking), ("estacionamiento", Feature::Parking),
    ("garage", Feature::Parking), ("garaje", Feature::Parking), ("donde estacionar", Feature::Parking),
    ("estacionar", Feature::Parking), ("dejar el auto", Feature::Parking),
    ("dejar la camioneta", Feature::Parking), ("dejar el coche", Feature::Parking),
    ("moto", Feature::Parking), ("motos", Feature::Parking), ("dejar la moto", Feature::Parking),
    ("guardar el auto", Feature::Parking), ("guardar la moto", Feature::Parking),
    ("parrilla", Feature::Grill), ("parrillero", Feature::Grill), ("asador", Feature::Grill),
    ("asado", Feature::Grill), ("quincho", Feature::Grill),
    ("calefaccion", Feature::Heating), ("estufa", Feature::Heating), ("salamandra", Feature::Fireplace),
    ("hogar a lena", Feature::Fireplace), ("losa radiante", Feature::Heating), ("calefactor", Feature::Heating),
    ("chimenea", Feature::Fireplace), ("hogar", Feature::Fireplace), ("lena", Feature::Fireplace),
    ("fogon", Feature::Fireplace), ("salamandra a lena", Feature::Fireplace),
    ("fireplace", Feature::Fireplace), ("lareira", Feature::Fireplace),
    ("aire acondicionado", Feature::AirConditioning), ("aire", Feature::AirConditioning),
    ("ventilador", Feature::AirConditioning),
    ("jacuzzi", Feature::Jacuzzi), ("hidromasaje", Feature::Jacuzzi), ("hidro", Feature::Jacuzzi),
    // A tub ("bañera", "bathtub", "banheira"): the jacuzzi is the one there is.
    ("banera", Feature::Jacuzzi),
    ("yacuzzi", Feature::Jacuzzi), ("yacusi", Feature::Jacuzzi), ("jacusi", Feature::Jacuzzi),
    ("jacuzi", Feature::Jacuzzi),
    ("banera de hidromasaje", Feature::Jacuzzi), ("tina de hidromasaje", Feature::Jacuzzi),
    ("desayuno", Feature::Breakfast),
    ("cocina", Feature::Kitchen), ("anafe", Feature::Kitchen),
    ("tele", Feature::Tv), ("television", Feature::Tv), ("tv", Feature::Tv), ("smart tv", Feature::Tv),
    ("netflix", Feature::Tv),
    ("ropa de cama", Feature::Linens), ("sabanas", Feature::Linens), ("toallas", Feature::Linens),
    ("ropa blanca", Feature::Linens), ("blanqueria", Feature::Linens), ("toallones", Feature::Linens),
    ("toalla", Feature::Linens), ("toallon", Feature::Linens), ("acolchado", Feature::Linens),
    ("lavarropas", Feature::Laundry),
    // A spa is a hot tub to many guests ("the one with the spa", "spa bath") and a sauna to
    // others: both answered, the jacuzzi first.
    ("sauna", Feature::Sauna), ("spa", Feature::Jacuzzi), ("spa", Feature::Sauna),
    ("saunas", Feature::Sauna),
    ("gimnasio", Feature::Gym), ("gym", Feature::Gym), ("academia", Feature::Gym),
    ("fumar", Feature::Smoking), ("fumadores", Feature::Smoking), ("fumo", Feature::Smoking),
    ("fumamos", Feature::Smoking), ("cigarrillo", Feature::Smoking),
    ("aceptan chicos", Feature::Kids), ("aceptan ninos", Feature::Kids), ("aceptan bebes", Feature::Kids),
    ("aceptan menores", Feature::Kids), ("apto ninos", Feature::Kids), ("apto chicos", Feature::Kids),
    ("apta ninos", Feature::Kids), ("apto para ninos", Feature::Kids), ("apta para chicos", Feature::Kids),
    ("ir con chicos", Feature::Kids), ("ir con ninos", Feature::Kids), ("ir con bebe", Feature::Kids),
    ("ir con nenes", Feature::Kids), ("venir con chicos", Feature::Kids), ("venir con ninos", Feature::Kids),
    ("cuna", Feature::Crib), ("cunita", Feature::Crib), ("practicuna", Feature::Crib),
    ("moises", Feature::Crib), ("chicos permitido", Feature::Kids), ("ir con bebes", Feature::Kids),
    ("ir con nenas", Feature::Kids), ("ir con mis hijos", Feature::Kids), ("venir con bebes", Feature::Kids),
    ("venir con bebe", Feature::Kids), ("llevar a los chicos", Feature::Kids), ("llevar al bebe", Feature::Kids),
    ("aceptan nenes", Feature::Kids), ("son bienvenidos los chicos", Feature::Kids),
    ("perro", Feature::Pets), ("perros", Feature::Pets), ("mascota", Feature::Pets),
    ("mascotas", Feature::Pets), ("gato", Feature::Pets), ("gatos", Feature::Pets),
    ("perrito", Feature::Pets), ("cachorro", Feature::Pets), ("animales", Feature::Pets),
    ("pet friendly", Feature::Pets),
    ("check out", Feature::CheckOut), ("checkout", Feature::CheckOut), ("hora de salida", Feature::CheckOut),
    ("horario de salida", Feature::CheckOut), ("salir tarde", Feature::CheckOut),
    ("late checkout", Feature::CheckOut),
    ("check in", Feature::CheckIn), ("checkin", Feature::CheckIn), ("hora de entrada", Feature::CheckIn),
    ("horario de entrada", Feature::CheckIn), ("llegar tarde", Feature::CheckIn),
    ("llegar temprano", Feature::CheckIn), ("entrar antes", Feature::CheckIn),
    ("llegar mas temprano", Feature::CheckIn), ("entrar mas temprano", Feature::CheckIn),
    ("ingresar mas temprano", Feature::CheckIn), ("ingresar antes", Feature::CheckIn),
    ("salir mas tarde", Feature::CheckOut), ("irnos mas tarde", Feature::CheckOut),
    ("quedarnos mas tarde", Feature::CheckOut), ("dejar la cabana mas tarde", Feature::CheckOut),
    ("entregar la cabana mas tarde", Feature::CheckOut),
    ("hora de llegada", Feature::CheckIn),
    ("llegar a las", Feature::CheckIn), ("entrar a las", Feature::CheckIn),
    ("ingresar a las", Feature::CheckIn), ("llegamos a las", Feature::CheckIn),
    ("llegar tipo", Feature::CheckIn), ("llegamos tipo", Feature::CheckIn),
    // Arriving at midnight or later ("llegamos a medianoche", "could we arrive around midnight?").
    ("medianoche", Feature::CheckIn), ("de madrugada", Feature::CheckIn),
    ("llego a las", Feature::CheckIn), ("llegariamos a las", Feature::CheckIn),
    ("llegaremos a las", Feature::CheckIn), ("salir a las", Feature::CheckOut),
    ("irnos a las", Feature::CheckOut), ("dejar la cabana a las", Feature::CheckOut),
];

/// "Esa no", "no, esa no me gusta", "not that one", "essa não": the option in focus is not the
/// one; another of the offer may be.
#[rustfmt::skip]
const NOT_THIS_ONE: &[&str] = &[
    "esa no", "esta no", "ese no", "este no", "no esa", "no esta", "esa tampoco", "no me gusta esa",
    "no me convence esa", "esa no me gusta", "esa no me convence",
];

/// Words after "no esta" that make it the verb "no está" ("¿la lenga no está libre?"), a
/// question about a place, not an option turned down.
#[rustfmt::skip]
const STATE_AFTER_ESTA: &[&str] = &[
    "libre", "libres", "disponible", "disponibles", "ocupada", "ocupado", "reservada", "tomada",
    "habilitada", "abierta", "bien", "mal", "incluido", "incluida",
];

pub(crate) fn not_this_one(tokens: &[Token]) -> bool {
    NOT_THIS_ONE.iter().any(|p| {
        lexicon::find_phrase(tokens, p).is_some_and(|(pos, q)| {
            let verb = *p == "no esta"
                && (tokens.get(pos + 1).is_some_and(|t| t.accented)
                    || tokens
                        .get(pos + 2)
                        .is_some_and(|t| t.is_any(STATE_AFTER_ESTA)));
            q == lexicon::Quality::Exact && !verb
        })
    })
}

pub(crate) fn correction(tokens: &[Token]) -> bool {
    lexicon::says_any_exactly(tokens, CORRECTIONS)
}

pub(crate) fn pets(tokens: &[Token]) -> bool {
    PET_WORDS.iter().any(|p| {
        lexicon::find_phrase(tokens, p).is_some_and(|(pos, _)| {
            let denied = (1..=3).any(|k| {
                pos.checked_sub(k)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|t| t.is_any(PET_DENIALS))
            });
            !denied
        })
    })
}

/// The words that deny the verb after them: "no", "não", "not", "don't" and "won't" (the
/// apostrophe splits them: "don" "t").
const NOT_WORDS: &[&str] = &[
    "no", "not", "nao", "dont", "don", "doesnt", "doesn", "wont", "won", "nunca",
];

/// "No tenemos mascotas", "we don't have pets", "we have no dog", "não temos animais", "no
/// pets": the pet word whose words start at `j` said as none the party has, a "no" right
/// before it or up to two words before a verb of having right before it.
fn no_pet_had(tokens: &[Token], j: usize) -> bool {
    const HAVE: &[&str] = &["tenemos", "tengo", "have", "has", "own", "temos", "tenho"];
    let Some(before) = j.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    // "no pets", "we have no pets"; "¿aceptan perros o no?, mascotas" is cut off by the comma.
    let no_right_before = before.is_any(&["no"]) && !before.punct_after;
    let have_denied = before.is_any(HAVE)
        && tokens[j.saturating_sub(3)..j - 1]
            .iter()
            .any(|t| t.is_any(NOT_WORDS) && !t.punct_after);
    no_right_before || have_denied
}

/// "Sin perro", "sem cachorro", "without the dog", "al final el perro se queda", "no llevamos
/// al perro", "no vamos a llevar al perro", "we won't be bringing a dog", "the dog stays home",
/// "o cachorro fica": the positions of pet words said as left
/// at home, when every pet word in the message is (no question about pets then, and no pets).
pub(crate) fn pets_left_home(tokens: &[Token]) -> Option<Vec<usize>> {
    const WITHOUT: &[&str] = &["sin", "sem", "without"];
    // After the pet: it stays ("se queda", "no viene", "stays", "fica").
    const STAYS: &[&str] = &["queda", "quedan", "stays", "fica", "ficam"];
    const COMES: &[&str] = &["viene", "vienen", "va", "van", "comes", "vai", "vem"];
    // Before it: "no llevamos al perro", "não levamos o cachorro", "we're not bringing the dog".
    const BRING: &[&str] = &[
        "llevamos", "llevo", "llevar", "traemos", "traigo", "traer", "vamos", "voy", "levamos",
        "levo", "levar", "trazemos", "trazer", "bringing", "bring", "taking",
    ];
    // Between the "no" and an infinitive: "no vamos a llevar", "não vamos levar".
    const GOING_TO: &[&str] = &[
        "vamos", "voy", "van", "vou", "vai", "a", "pensamos", "podemos",
    ];
    #[rustfmt::skip]
    const BETWEEN: &[&str] = &[
        "el", "la", "los", "las", "o", "os", "a", "the", "our", "any", "mi", "mis", "nuestro",
        "nuestra", "nuestros", "nuestras", "nosso", "nossa", "meu", "minha",
    ];
    let mut at = Vec::new();
    for (pos, t) in tokens.iter().enumerate() {
        let pet = t.is_any(PET_WORDS)
            || FEATURES
                .iter()
                .any(|(p, f)| *f == Feature::Pets && !p.contains(' ') && t.is(p));
        if !pet {
            continue;
        }
        let mut j = pos;
        while j > 0
            && (tokens[j - 1].is_any(BETWEEN) || tokens[j - 1].is_any(&["al", "con", "com"]))
            && pos - j < 2
        {
            j -= 1;
        }
        let without = j > 0 && tokens[j - 1].is_any(WITHOUT);
        // "no llevamos al perro", "not bringing the dog": a "no" up to two words before the
        // verb of bringing it.
        let not_brought = j > 0 && tokens[j - 1].is_any(BRING) && {
            let mut verb = j - 1;
            while verb > 0 && tokens[verb - 1].is_any(GOING_TO) && j - 1 - verb < 2 {
                verb -= 1;
            }
            tokens[verb.saturating_sub(2)..verb]
                .iter()
                .any(|t| t.is_any(NOT_WORDS))
        };
        let after = |k: usize| tokens.get(pos + k);
        let none_had = no_pet_had(tokens, j);
        let stays = after(1).is_some_and(|t| t.is_any(STAYS))
            || (after(1).is_some_and(|t| t.is("se")) && after(2).is_some_and(|t| t.is_any(STAYS)))
            || (after(1).is_some_and(|t| t.is_any(&["no", "nao"]))
                && after(2).is_some_and(|t| t.is_any(COMES)))
            // "El perro lo dejamos con mi vieja", "o cachorro a gente deixa com a minha mãe".
            || (after(1).is_some_and(|t| t.is_any(&["lo", "la", "los", "las", "o", "a"]))
                && after(2).is_some_and(|t| {
                    t.is_any(&["dejamos", "dejo", "deixamos", "deixo", "leave", "leaving"])
                }));
        if !(without || not_brought || none_had || stays) {
            return None;
        }
        at.push(pos);
    }
    (!at.is_empty()).then_some(at)
}

/// "Vamos sin él", "vamos sem ele", "we'll come without her": the one talked about left at
/// home, unnamed. Only a pet can be (the conversation reads it so only when one was said), so
/// "sin el" counts only where the word ends the clause ("sin el jacuzzi" is no pronoun).
///
/// Also the pet not brought, said with a pronoun: "entonces no lo llevamos", "no la vamos a
/// llevar", "não vamos levar ele", "we won't bring him", "lo dejamos en casa", "la dejamos con
/// mi vieja".
pub(crate) fn goes_without_it(tokens: &[Token]) -> bool {
    const PRONOUNS: &[&str] = &["ella", "ellos", "ellas", "ele", "ela", "eles", "elas"];
    const EN: &[&str] = &["him", "her", "it", "them"];
    const CLITICS: &[&str] = &["lo", "la", "los", "las", "o", "a", "os", "as"];
    const BRING: &[&str] = &[
        "llevamos", "llevo", "llevar", "traemos", "traigo", "traer", "levamos", "levo", "levar",
        "trazemos", "trazer", "bring", "bringing",
    ];
    const NO: &[&str] = &["no", "nao", "not", "wont", "dont"];
    let at = |k: usize| tokens.get(k);
    let not_brought = tokens.iter().enumerate().any(|(i, t)| {
        // "No, lo llevamos" says it comes.
        if !t.is_any(NO) || t.punct_after {
            return false;
        }
        // "no lo llevamos", "no la vamos a llevar"
        let clitic = at(i + 1).is_some_and(|c| c.is_any(CLITICS))
            && (at(i + 2).is_some_and(|b| b.is_any(BRING))
                || at(i + 2).is_some_and(|v| v.is("vamos"))
                    && at(i + 3).is_some_and(|a| a.is("a"))
                    && at(i + 4).is_some_and(|b| b.is_any(BRING)));
        // "não vamos levar ele", "we won't bring him", "not bringing her"
        let verb = (i + 1..(i + 4).min(tokens.len())).find(|&k| tokens[k].is_any(BRING));
        let after = verb.is_some_and(|k| {
            at(k + 1).is_some_and(|p| p.is_any(PRONOUNS) || p.is_any(EN))
                && (k + 2 == tokens.len() || tokens[k + 1].punct_after)
        });
        clitic || after
    });
    // "lo dejamos en casa", "la dejamos con mi vieja", "deixamos ele em casa", "deixamos ela
    // com a minha mãe"
    let left_home = tokens.windows(4).any(|w| {
        (w[0].is_any(&["dejamos", "deixamos"]) && w[1].is_any(PRONOUNS)
            || w[0].is_any(&["lo", "la"]) && w[1].is_any(&["dejamos", "dejo"]))
            && (w[2].is_any(&["en", "em"]) && w[3].is("casa") || w[2].is_any(&["con", "com"]))
    });
    not_brought
        || left_home
        || tokens.windows(2).enumerate().any(|(i, w)| {
            let last = i + 2 == tokens.len();
            let pronoun = w[1].is_any(PRONOUNS)
                || w[1].is("el") && (w[1].accented || w[1].punct_after || last);
            w[0].is_any(&["sin", "sem"]) && pronoun || w[0].is("without") && w[1].is_any(EN)
        })
}

/// "¿Cuál es la que tiene jacuzzi?", "which one has a hot tub?", "qual tem lareira?": which
/// cabin has something, a question whose answer is a cabin (not a yes or a no about the place).
pub(crate) fn asks_which(tokens: &[Token]) -> bool {
    const WHICH: &[&str] = &["cual", "cuales", "which", "qual", "quais"];
    const HAS: &[&str] = &[
        "tiene", "tienen", "tenga", "trae", "acepta", "aceptan", "has", "have", "takes", "allows",
        "tem", "aceita", "hay",
    ];
    tokens
        .iter()
        .enumerate()
        .any(|(i, t)| t.is_any(WHICH) && tokens[i + 1..].iter().take(4).any(|n| n.is_any(HAS)))
}

/// "¿Cuál es la cabaña más grande que tienen?", "which is your biggest cabin?", "qual é a
/// maior?": the message asks which one, whatever it asks of it.
pub(crate) fn which_one(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| t.is_any(&["cual", "cuales", "which", "qual", "quais"]))
}

/// Words that point at an option by what it has: "la que tiene", "la de la", "la con".
const HAVING: &[&str] = &[
    "la que tiene",
    // "Can we switch to one with a hot tub?" (bridged): "one" points; "¿tienen alguna con
    // jacuzzi?" asks, and stays a question.
    "una con",
    "una que tenga",
    "el que tiene",
    "la que trae",
    "la de la",
    "la del",
    "la con",
    "la que tenga",
    // "¿Cuánto sale la cabaña con jacuzzi?", "a diária do chalé com hidromassagem"
    "cabana con",
    "cabana que tiene",
    "cabana que tenga",
];

/// "La que tiene vista al lago", "la del deck": what an option is pointed at by when it is
/// no feature the cues know (matched against the cabins' descriptions by the conversation):
/// up to three words after the lead, folded.
pub(crate) fn described(tokens: &[Token]) -> Option<String> {
    // "¿Hay alguna con vista al lago?", "tem alguma com vista pro lago?": asked, the words are
    // still what the option is pointed at by.
    #[rustfmt::skip]
    const ASKED: &[&str] = &[
        "alguna con", "alguna que tenga", "alguna que tiene", "cabanas con", "cabana con",
        "cabanas que tengan", "cabana que tenga", "alguna cabana con", "algo con",
        // "¿Y cuál tiene vista al lago?", "which one has a deck?", "qual tem vista pro lago?":
        // which cabins, not the one talked about.
        "cual tiene", "cuales tienen", "cual es la que tiene", "cual cabana tiene",
        "cual de las cabanas tiene", "cual de todas tiene", "which one has", "which has",
        "which cabin has", "which ones have", "qual tem", "quais tem", "qual chale tem",
    ];
    // "¿Cuál tiene lugar?", "¿cuál tiene mejor precio?": a stay or a price, not a thing a cabin
    // has.
    const NO_THING: &[&str] = &[
        "lugar",
        "disponibilidad",
        "libre",
        "mas",
        "menos",
        "mejor",
        "capacidad",
        "para",
        "precio",
        "cupo",
        "room",
        "more",
        "space",
        "vaga",
        "mais",
        "espaco",
    ];
    for lead in HAVING.iter().chain(ASKED) {
        if let Some((pos, _)) = lexicon::find_phrase(tokens, lead) {
            let rest = &tokens[pos + lexicon::phrase_len(lead)..];
            let which = ["cual", "qua", "which"].iter().any(|w| lead.starts_with(w));
            // "¿Cuál tiene vista al lago?": a view, which the view's own answer gives.
            if which && super::asks::scenery(rest).is_some() {
                return None;
            }
            if !features(rest).is_empty()
                || which && rest.first().is_some_and(|t| t.is_any(NO_THING))
            {
                return None;
            }
            // "¿Me mostrás las cabañas con precios?", "cabins with prices and availability":
            // what the answer is to carry, not what a cabin has.
            #[rustfmt::skip]
            const ASKED_FOR: &[&str] = &[
                "precio", "precios", "tarifa", "tarifas", "valor", "valores", "costo", "costos",
                "preco", "precos", "disponibilidad", "disponibilidade", "fotos", "foto", "info",
                "informacion", "informacao", "detalles", "detalhes", "capacidad", "capacidade",
            ];
            if rest.first().is_some_and(|t| t.is_any(ASKED_FOR)) {
                return None;
            }
            // "Which one has a deck?": the thing, not its article.
            // "Cabins with a view of the mountains" ("vista a la montana"): a view up to the
            // scenery it names, however many words that takes.
            let through_scenery = rest
                .iter()
                .take(6)
                .position(|t| Scenery::ALL.into_iter().any(|s| t.is_any(s.words())))
                .filter(|_| rest.iter().take(2).any(|t| t.is_any(&["vista", "vistas"])))
                .map_or(3, |at| (at + 1).max(3));
            let words: Vec<&str> = rest
                .iter()
                .skip_while(|t| which && t.is_any(&["a", "an", "the", "un", "una", "uma", "um"]))
                .take(through_scenery)
                .map(|t| t.text.as_str())
                .collect();
            return (!words.is_empty()).then(|| words.join(" "));
        }
    }
    None
}

/// "La que tiene más lugar", "la de más capacidad", "el de menos espacio" (and "the one with
/// more room", "a que tem mais espaço" as the bridge writes them): a pointer ("la que", "la
/// de", after a filler) at the option largest or smallest, said with no question mark.
pub(crate) fn size_pointer(text: &str, tokens: &[Token]) -> bool {
    const FILLER: &[&str] = &[
        "eh", "mmm", "mm", "bueno", "entonces", "mejor", "prefiero", "quiero",
    ];
    if text.contains('?') || text.contains('¿') {
        return false;
    }
    let start = tokens
        .iter()
        .position(|t| !t.is_any(FILLER))
        .unwrap_or(tokens.len());
    let pointer = tokens
        .get(start)
        .is_some_and(|t| t.is_any(&["la", "el", "a", "o"]))
        && tokens
            .get(start + 1)
            .is_some_and(|t| t.is_any(&["que", "q", "de", "del", "con"]));
    pointer && matches!(choice(tokens), Some(Choice::Largest | Choice::Smallest))
}

pub(crate) fn choice(tokens: &[Token]) -> Option<Choice> {
    let mut attributes: Vec<(usize, Choice)> = ATTRIBUTES
        .iter()
        .filter_map(|(p, c)| lexicon::find_phrase(tokens, p).map(|(pos, _)| (pos, *c)))
        .collect();
    attributes.sort_by_key(|(pos, _)| *pos);
    // "La que acepta perros y es más grande": the size or price picks among those that take
    // pets (the pick keeps to them when pets come), the first said otherwise.
    let attribute = attributes
        .iter()
        .map(|(_, c)| *c)
        .find(|c| *c != Choice::PetFriendly)
        .filter(|_| attributes.iter().any(|(_, c)| *c == Choice::PetFriendly))
        .or_else(|| attributes.first().map(|(_, c)| *c));
    for lead in HAVING {
        if let Some((pos, _)) = lexicon::find_phrase(tokens, lead)
            && let Some(f) = features(&tokens[pos + lexicon::phrase_len(lead)..]).first()
            && f.of_the_cabin()
        {
            // "La que tiene lugar para perros y es más grande": the size or price picks, as
            // above.
            return Some(match (f, attribute) {
                (Feature::Pets, Some(by)) => by,
                (Feature::Pets, None) => Choice::PetFriendly,
                _ => Choice::Having(*f),
            });
        }
    }
    if let Some(c) = feature_then_one(tokens) {
        return Some(c);
    }
    if let Some(c) = attribute {
        return Some(c);
    }
    // "La que sale más", "la que cuesta más", "a que custa mais": the priciest, the verb of
    // price ending the message ("¿cuál sale más barato?" is the cheapest, above).
    if let [.., verb, more] = tokens
        && verb.is_any(&["sale", "cuesta", "custa", "sai"])
        && more.is_any(&["mas", "mais"])
    {
        return Some(Choice::Priciest);
    }
    if let Some(n) = sleeps(tokens) {
        return Some(Choice::Sleeps(n));
    }
    if let Some(pesos) = super::priced::priced(tokens) {
        return Some(Choice::Priced(pesos));
    }
    if points_at_pet_friendly(tokens) {
        return Some(Choice::PetFriendly);
    }
    if that_one(tokens) {
        return Some(Choice::ThatOne);
    }
    for (i, t) in tokens.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let pointed = prev.is_some_and(|p| p.is_any(&["la", "el", "opcion", "numero", "nro"]));
        if let Some((_, n)) = ORDINALS.iter().find(|(w, _)| t.is(w))
            // "la primera semana de enero" is a date, not a pick.
            && !tokens
                .get(i + 1)
                .is_some_and(|n| n.is_any(&["semana", "quincena", "quinzena", "noche", "vez", "dia", "finde"]))
            // "Una tercera persona", "a third guest": one more person, not a pick.
            && !tokens.get(i + 1).is_some_and(|n| {
                n.is_any(&["persona", "pessoa", "person", "huesped", "guest", "adulto", "adult"])
            })
            // "La primera no, la segunda": the one turned down is no pick; the next is.
            && !ordinal_turned_down(tokens, i)
        {
            return Some(Choice::Position(*n));
        }
        if t.is_any(&["ultima", "ultimo"]) && pointed {
            return Some(Choice::Last);
        }
        // "la del medio", "la otra".
        if t.is("medio") && prev.is_some_and(|p| p.is_any(&["del", "de"])) {
            return Some(Choice::Middle);
        }
        if other_pointed(tokens, i) {
            return Some(Choice::Other);
        }
        // "la opción 2", "la número dos", "la 2": a small number right after a pointer, and
        // nothing after it.
        // ("Huéspedes número: 3", "guests number: 3" give a count, not an option.)
        let option_word =
            prev.is_some_and(|p| p.is_any(&["opcion", "numero", "nro"]) && !p.punct_after);
        let bare_la = prev.is_some_and(|p| p.is("la")) && tokens.get(i + 1).is_none();
        if (option_word || bare_la && t.is_digits())
            && let Some(n) = numbers::parse_at(tokens, i)
            && (1..=4).contains(&n.value)
        {
            return Some(Choice::Position(n.value as usize));
        }
    }
    None
}

/// "La primera no, la segunda", "not the first one, the second", "a primeira não, a
/// segunda": the ordinal at `i` turned down, a "no" said right after it (or before it, in
/// English) that ends there or leads to another pick. Not "la primera no tiene jacuzzi?".
fn ordinal_turned_down(tokens: &[Token], i: usize) -> bool {
    const NO: &[&str] = &["no", "nao", "not"];
    const LEADS_ON: &[&str] = &[
        "la", "el", "a", "o", "the", "mejor", "prefiero", "quiero", "melhor", "prefiro",
    ];
    let skip_one = usize::from(
        tokens
            .get(i + 1)
            .is_some_and(|t| t.is_any(&["one", "opcion"])),
    );
    let at = |k: usize| tokens.get(k);
    let no_after = at(i + 1 + skip_one).is_some_and(|n| {
        n.is_any(NO)
            && (n.punct_after || at(i + 2 + skip_one).is_none_or(|next| next.is_any(LEADS_ON)))
    });
    let not_before = i >= 2
        && at(i - 1).is_some_and(|t| t.is_any(&["the", "la", "el"]))
        && at(i - 2).is_some_and(|t| t.is("not"));
    no_after || not_before
}

/// "La otra", "the other one", "a outra", "o outro chalé": the option not in focus, with
/// nothing after it but the thing it is, courtesy or a decision ("la otra semana", "the
/// other day", "a outra data" are no pick).
fn other_pointed(tokens: &[Token], i: usize) -> bool {
    const AFTER: &[&str] = &[
        "mejor", "porfa", "entonces", "opcion", "one", "cabin", "cabana", "chale", "option",
        "please", "pls", "then", "entao", "pfv", "por", "mesmo", "misma", "melhor",
    ];
    let t = &tokens[i];
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    let pointed = match t.text.as_str() {
        "otra" | "otro" => prev.is_some_and(|p| p.is_any(&["la", "el", "opcion", "numero", "nro"])),
        "outra" | "outro" => prev.is_some_and(|p| p.is_any(&["a", "o", "la", "el"])),
        "other" => prev.is_some_and(|p| p.is_any(&["the", "la", "el"])),
        _ => false,
    };
    pointed
        && tokens
            .get(i + 1)
            .is_none_or(|n| !n.is_alpha() || n.punct_after || n.is_any(AFTER))
}

/// "The jacuzzi one", "the dog friendly one", "the one w/ the grill" read as "the one with":
/// an option pointed at by what it has, said before "one".
fn feature_then_one(tokens: &[Token]) -> Option<Choice> {
    let one = tokens.iter().position(|t| t.is("one"))?;
    let the = (1..=4)
        .filter_map(|k| one.checked_sub(k))
        .find(|&j| tokens[j].is_any(&["the", "la", "el"]))?;
    let said = &tokens[the + 1..one];
    // "the dog friendly one", "the pet one".
    if said
        .iter()
        .any(|t| lexicon::any_word(t, PET_WORDS).is_some())
    {
        return Some(Choice::PetFriendly);
    }
    let f = *features(said).first()?;
    if !f.of_the_cabin() {
        return None;
    }
    Some(if f == Feature::Pets {
        Choice::PetFriendly
    } else {
        Choice::Having(f)
    })
}

/// "¿Cuál admite mascotas? esa quiero", "la que deja llevar perros": the option that takes
/// pets, in words the attribute table does not list.
fn points_at_pet_friendly(tokens: &[Token]) -> bool {
    const WHICH: &[&str] = &["que", "cual", "cuales"];
    const ALLOWS: &[&str] = &[
        "acepta", "aceptan", "admite", "admiten", "permite", "permiten", "deja", "dejan",
    ];
    let word = |k: usize, list: &[&str]| tokens.get(k).is_some_and(|t| t.is_any(list));
    (0..tokens.len()).any(|i| {
        word(i, WHICH)
            && word(i + 1, ALLOWS)
            && (2..=4).any(|k| {
                tokens
                    .get(i + k)
                    .is_some_and(|t| lexicon::any_word(t, PET_WORDS).is_some())
            })
    })
}

/// "Esa", "dale esa", "ok esa", "esa misma", "me quedo con esa", "that one": a demonstrative
/// that stands for an option, with nothing after it but agreement or courtesy ("esa semana",
/// "esa fecha" are no pick).
fn that_one(tokens: &[Token]) -> bool {
    const AFTER: &[&str] = &[
        "misma",
        "mismo",
        "dale",
        "porfa",
        "por",
        "quiero",
        "va",
        "si",
        "entonces",
        "me",
        "nos",
        "gracias",
        "reservala",
        "reservamela",
        "ok",
        "perfecto",
        "genial",
        "one",
        // "Essa mesmo, pode fechar", "that one then", "essa aí, pfv", "esa nomás".
        "mesmo",
        "mesma",
        "then",
        "entao",
        "ai",
        "ae",
        "pode",
        "puede",
        "sim",
        "yes",
        "please",
        "pls",
        "plz",
        "pfv",
        "nomas",
        "reservame",
        "thanks",
        "obrigado",
        "obrigada",
    ];
    tokens.iter().enumerate().any(|(i, t)| {
        t.is_any(&["esa", "ese"])
            && tokens
                .get(i + 1)
                .is_none_or(|n| n.is_any(AFTER) || !n.is_alpha())
    })
}

/// "la de 6", "la para 4 personas", "the one for 6" (bridged to "la para 6"): the option for
/// that many people. Not "la de 6 de mayo" (a date).
pub(crate) fn sleeps(tokens: &[Token]) -> Option<u16> {
    (2..tokens.len()).find_map(|i| {
        let pointer = tokens.get(i - 2)?.is_any(&["la", "el", "una", "a", "o"])
            && tokens.get(i - 1)?.is_any(&["de", "para", "pra"]);
        let n =
            numbers::parse_at(tokens, i).filter(|n| !n.ordinal && (1..=30).contains(&n.value))?;
        let after = tokens.get(i + n.len);
        // "la de 6 así estamos más cómodos", "la de 4 porfa": why, or please, after it.
        let people_or_end = after.is_none_or(|t| {
            t.is_any(&[
                "personas",
                "pessoas",
                "people",
                "guests",
                "huespedes",
                "pax",
                "asi",
                "porque",
                "xq",
                "pq",
                "porfa",
                "xfa",
                "por",
                "entonces",
                "dale",
                "please",
                "so",
                "then",
                "entao",
                "pra",
                "que",
                "q",
            ]) || !t.is_alpha()
        });
        (pointer && people_or_end)
            .then(|| u16::try_from(n.value).ok())
            .flatten()
    })
}

/// "A las 22", "tipo 11", "22hs", "23:30", "at 10pm", "às 20h": the hour a check-in or
/// check-out question is about, 0–23; or "tarde"/"late", "temprano"/"early" without one.
pub(crate) fn asked_time(tokens: &[Token]) -> Option<AskedTime> {
    const BEFORE: &[&str] = &["las", "tipo", "at", "as", "eso", "la"];
    const AFTER: &[&str] = &["hs", "h", "hrs", "horas", "hora", "pm", "am", "hr"];
    const EVENING: &[&str] = &["pm", "noche", "tarde"];
    let word = |k: usize, list: &[&str]| tokens.get(k).is_some_and(|t| t.is_any(list));
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_digits() {
            continue;
        }
        let Ok(h) = t.text.parse::<u32>() else {
            continue;
        };
        let said_as_hour = i.checked_sub(1).is_some_and(|p| word(p, BEFORE)) || word(i + 1, AFTER);
        if !said_as_hour || h > 24 {
            continue;
        }
        // "a las 10 pm", "a las 10 de la noche"
        let evening = (1..=4).any(|k| word(i + k, EVENING));
        let h = if evening && h < 12 { h + 12 } else { h % 24 };
        // "a las 24", "a la 1", "a las 2 am": past midnight is late, not early.
        if h == 24 || h < 6 {
            return Some(AskedTime::Late);
        }
        return Some(AskedTime::At(h));
    }
    let late = lexicon::says_any(
        tokens,
        &["tarde", "late", "mas tarde", "medianoche", "madrugada"],
    );
    let early = lexicon::says_any(tokens, &["temprano", "early", "antes"]);
    match (late, early) {
        (true, false) => Some(AskedTime::Late),
        (false, true) => Some(AskedTime::Early),
        _ => None,
    }
}

/// Children, as guests name them.
#[rustfmt::skip]
const KID_WORDS: &[&str] = &[
    "chicos", "chico", "ninos", "nino", "ninas", "nenes", "nene", "nenas", "bebe", "bebes",
    "hijos", "hijas", "menores", "criaturas", "chiquitos", "pibes", "peques",
];

/// Words that ask whether children may come, before them ("¿admiten niños?", "¿puedo llevar a
/// mis hijos?", "pode levar criança?") or after them ("¿los nenes pueden ir?", "¿los chicos son
/// bienvenidos?", "criança pode ir?"); the Portuguese verbs the bridge leaves as they are.
#[rustfmt::skip]
const KIDS_ALLOWED_BEFORE: &[&str] = &[
    "aceptan", "acepta", "admiten", "admite", "permiten", "permite", "llevar", "traer", "venir",
    "ir", "levar", "trazer",
];
#[rustfmt::skip]
const KIDS_ALLOWED_AFTER: &[&str] = &[
    "pueden", "puede", "permitidos", "permitido", "admitidos", "aceptados", "bienvenidos", "pode",
    "podem",
];

/// "¿Se admiten niños?", "¿podemos llevar a los chicos?", "¿los nenes pueden ir?": whether
/// children may come, in words the phrase table does not list. Position of the children.
fn asks_about_kids(tokens: &[Token]) -> Option<usize> {
    let word = |k: usize, list: &[&str]| tokens.get(k).is_some_and(|t| t.is_any(list));
    (0..tokens.len())
        .find(|&i| {
            word(i, KID_WORDS)
                && ((1..=4).any(|k| {
                    i.checked_sub(k)
                        .is_some_and(|p| word(p, KIDS_ALLOWED_BEFORE))
                }) || (1..=2).any(|k| word(i + k, KIDS_ALLOWED_AFTER)))
        })
        .or_else(|| kids_asked_alone(tokens))
}

/// "Perros chicos", "un perrito chiquito": every word that could mean children comes right
/// after a pet, so it says the pet's size (there is at least one such word: an English "kids"
/// is no Spanish adjective).
fn kid_words_size_pets(tokens: &[Token]) -> bool {
    let kid_words: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].is_any(KID_WORDS))
        .collect();
    !kid_words.is_empty()
        && kid_words.iter().all(|&i| {
            i.checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.is_any(PET_WORDS))
        })
}

/// Words that may come before children asked about alone ("¿y los chicos?", "and kids?",
/// "e as crianças?", "what about children?"), bridged.
#[rustfmt::skip]
const KIDS_ALONE_LEAD: &[&str] = &[
    "y", "e", "los", "las", "con", "com", "os", "as", "the", "what", "about", "how", "and",
];

/// "¿Y chicos?", "and kids? we have a 3 yo", "e crianças?": the children alone open the
/// message, a clause of their own, after a question about the place (a count before them,
/// "2 adultos y chicos", is no question). Position of the children.
fn kids_asked_alone(tokens: &[Token]) -> Option<usize> {
    let i = tokens
        .iter()
        .position(|t| !t.is_any(KIDS_ALONE_LEAD))
        .filter(|&i| i <= 3)?;
    let kids = tokens.get(i)?;
    let ends = kids.punct_after || i + 1 == tokens.len();
    let leads_say_little = tokens[..i].iter().all(|t| !t.punct_after);
    (kids.is_any(KID_WORDS) && ends && leads_say_little).then_some(i)
}

/// The Spanish words guests call a feature by, as a reply says them back: asked for
/// "cochera", the answer is about "cochera"; asked for "estacionamiento", about
/// "estacionamiento" (the same thing to the bot, not to the guest reading the answer). Only
/// plain synonyms: an "asador" or an "estufa" asked about is answered as the owner names it
/// (a "parrilla", "calefacción"), which may not be the same thing.
const SAID_AS: &[(&str, Feature, &str)] = &[
    ("cochera", Feature::Parking, "cochera"),
    ("estacionamiento", Feature::Parking, "estacionamiento"),
    ("garage", Feature::Parking, "garage"),
    ("garaje", Feature::Parking, "garaje"),
    ("jacuzzi", Feature::Jacuzzi, "jacuzzi"),
    ("hidromasaje", Feature::Jacuzzi, "hidromasaje"),
    ("pileta", Feature::Pool, "pileta"),
    ("piscina", Feature::Pool, "piscina"),
    ("tele", Feature::Tv, "tele"),
    ("television", Feature::Tv, "televisión"),
    ("tv", Feature::Tv, "TV"),
];

/// The English and Portuguese words guests call a feature by, as a reply in their language says
/// them back (read before the bridge turns them into Spanish): asked for a "hot tub", the answer
/// is about "a hot tub", not "a jacuzzi".
const SAID_AS_ABROAD: &[(&str, Feature, &str)] = &[
    ("hot tub", Feature::Jacuzzi, "a hot tub"),
    ("hottub", Feature::Jacuzzi, "a hot tub"),
    ("spa bath", Feature::Jacuzzi, "a spa bath"),
    ("whirlpool", Feature::Jacuzzi, "a whirlpool"),
    ("jacuzzi", Feature::Jacuzzi, "a jacuzzi"),
    ("bbq", Feature::Grill, "a BBQ"),
    ("barbecue", Feature::Grill, "a barbecue"),
    ("swimming pool", Feature::Pool, "a swimming pool"),
    ("car park", Feature::Parking, "a car park"),
    ("cot", Feature::Crib, "a cot"),
    ("ofuro", Feature::Jacuzzi, "ofurô"),
    ("banheira", Feature::Jacuzzi, "banheira de hidromassagem"),
    ("garagem", Feature::Parking, "garagem"),
    ("internet", Feature::Wifi, "internet"),
];

/// The word the guest called each feature by, where Spanish has several (`SAID_AS`), the
/// first said of each.
pub(crate) fn feature_words(tokens: &[Token]) -> Vec<(Feature, &'static str)> {
    said_as(SAID_AS, tokens)
}

/// The same, for a guest writing English or Portuguese: their words before the bridge.
pub(crate) fn feature_words_abroad(written: &[Token]) -> Vec<(Feature, &'static str)> {
    said_as(SAID_AS_ABROAD, written)
}

fn said_as(
    table: &[(&'static str, Feature, &'static str)],
    tokens: &[Token],
) -> Vec<(Feature, &'static str)> {
    let mut said: Vec<(usize, Feature, &'static str)> = table
        .iter()
        .filter_map(|(p, f, name)| {
            lexicon::find_phrase(tokens, p)
                .filter(|(_, q)| *q == lexicon::Quality::Exact)
                .map(|(pos, _)| (pos, *f, *name))
        })
        .collect();
    said.sort_by_key(|(pos, _, _)| *pos);
    let mut out: Vec<(Feature, &'static str)> = Vec::new();
    for (_, f, name) in said {
        if !out.iter().any(|(g, _)| *g == f) {
            out.push((f, name));
        }
    }
    out
}

/// Every feature asked about, in the order of the message. Exact words only: a typo of one
/// feature is too often another word ("cabanas"/"sabanas").
pub(crate) fn features(tokens: &[Token]) -> Vec<Feature> {
    let mut out: Vec<Feature> = Vec::new();
    for (_, f) in features_at(tokens) {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// Words of liking: what follows them is said, not asked ("nos encanta el jacuzzi", "we love
/// a fireplace", "adoramos piscina").
const LIKING: &[&str] = &[
    "encanta", "encantan", "gusta", "gustan", "love", "adoramos", "adoro", "amamos", "amo", "like",
    "fan",
];

/// The positions a liking word governs: the three words after it.
/// A reason given for a choice ("la quiero por el jacuzzi", "prefiero la Ñire por la vista"):
/// the words after its "por" are what the guest likes, not a question.
pub(crate) fn liked_positions(tokens: &[Token]) -> Vec<usize> {
    const CHOOSING: &[&str] = &[
        "quiero",
        "queremos",
        "prefiero",
        "preferimos",
        "elijo",
        "elegimos",
        "cambio",
        "cambiamos",
    ];
    let reason = |i: usize| {
        tokens[i].is("por")
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.is_any(&["el", "la", "los", "las"]))
            && (i.saturating_sub(3)..i).any(|k| tokens[k].is_any(CHOOSING))
    };
    tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| (t.is_any(LIKING) && !wished(tokens, *i)) || reason(*i))
        .flat_map(|(i, _)| i + 1..=i + 3)
        .filter(|k| *k < tokens.len())
        .collect()
}

/// "We'd love a hot tub", "I would like a fireplace": the liking word at `i` in the
/// conditional wants the thing, as "nos encantaría" and "gostaríamos" do; what follows is asked
/// for, not only said to be liked.
fn wished(tokens: &[Token], i: usize) -> bool {
    const WOULD: &[&str] = &["would", "we'd", "i'd", "wed", "id", "d", "really"];
    let before = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    before(1).is_some_and(|t| t.is_any(WOULD))
        && (before(1).is_some_and(|t| !t.is("really"))
            || before(2).is_some_and(|t| t.is_any(WOULD)))
}

/// "Mejor la Ñire, la del jacuzzi", "prefiero la Lenga, la que tiene parrilla": a cabin
/// chosen by name (`named`) and pointed at by what it has; the words after the pointer are the
/// reason for the choice, not a yes/no question (a question keeps its verb: "¿la Ñire tiene
/// jacuzzi?").
pub(crate) fn pointer_positions(tokens: &[Token], named: bool) -> Vec<usize> {
    const CHOOSING: &[&str] = &[
        "mejor",
        "prefiero",
        "preferimos",
        "cambiame",
        "pasame",
        "pasanos",
        "cambiamos",
        "quiero",
        "queremos",
        "melhor",
        "prefiro",
    ];
    if !named || !tokens.iter().any(|t| t.is_any(CHOOSING)) {
        return Vec::new();
    }
    HAVING
        .iter()
        .filter_map(|lead| {
            lexicon::find_phrase(tokens, lead)
                .filter(|(_, q)| *q == lexicon::Quality::Exact)
                // "¿La Ñire es la que tiene jacuzzi? …preferimos esa", "is the Ñire the one
                // with…": asked, not a reason (a verb of being just before, in its clause).
                .filter(|(pos, _)| {
                    !tokens[pos.saturating_sub(4)..*pos]
                        .iter()
                        .rev()
                        .take_while(|b| !b.punct_after)
                        .any(|b| b.is_any(&["es", "is", "e", "seria", "sera"]))
                })
                .map(|(pos, _)| pos + lexicon::phrase_len(lead))
        })
        .flat_map(|from| from..from + 3)
        .filter(|k| *k < tokens.len())
        .collect()
}

/// Features only said as liked ("we love a jacuzzi"), or as the reason for a cabin chosen
/// (`pointed`, see [`pointer_positions`]): no yes/no question about them.
pub(crate) fn liked_features(tokens: &[Token], pointed: &[usize]) -> Vec<Feature> {
    let mut liked = liked_positions(tokens);
    liked.extend_from_slice(pointed);
    if liked.is_empty() {
        return Vec::new();
    }
    let hits = features_at(tokens);
    let mut out: Vec<Feature> = Vec::new();
    for (_, f) in &hits {
        let all_liked = hits
            .iter()
            .filter(|(_, g)| g == f)
            .all(|(pos, _)| liked.contains(pos));
        if all_liked && !out.contains(f) {
            out.push(*f);
        }
    }
    out
}

/// Every feature said, with where, in order.
fn features_at(tokens: &[Token]) -> Vec<(usize, Feature)> {
    let mut hits: Vec<(usize, Feature)> = FEATURES
        .iter()
        .filter_map(|(p, f)| {
            lexicon::find_phrase(tokens, p)
                .filter(|(_, q)| *q == lexicon::Quality::Exact)
                .map(|(pos, _)| (pos, *f))
        })
        .collect();
    if let Some(pos) = asks_about_kids(tokens) {
        hits.push((pos, Feature::Kids));
    }
    if let Some(pos) = arrival_at_an_hour(tokens)
        && !hits
            .iter()
            .any(|(_, f)| matches!(f, Feature::CheckIn | Feature::CheckOut))
    {
        hits.push((pos, Feature::CheckIn));
    }
    if let Some(pos) = asks_where_to_leave_the_car(tokens)
        && !hits.iter().any(|(_, f)| *f == Feature::Parking)
    {
        hits.push((pos, Feature::Parking));
    }
    // "Una cuna para el bebé" asks for the cot, not whether children are welcome; "¿aceptan
    // perros chicos?" asks about small dogs: "chicos" there sizes the pet.
    if hits.iter().any(|(_, f)| *f == Feature::Crib) || kid_words_size_pets(tokens) {
        hits.retain(|(_, f)| *f != Feature::Kids);
    }
    // "The one with the spa": an option pointed at by the spa is the one with the hot tub;
    // only a question about a spa asks about a sauna as well.
    if HAVING
        .iter()
        .any(|lead| lexicon::find_phrase(tokens, lead).is_some())
        && let Some(spa) = tokens.iter().position(|t| t.is("spa"))
    {
        hits.retain(|(pos, f)| !(*pos == spa && *f == Feature::Sauna));
    }
    hits.sort_by_key(|(pos, _)| *pos);
    hits
}

/// The first feature asked about.
#[cfg(test)]
pub(crate) fn feature(tokens: &[Token]) -> Option<Feature> {
    features(tokens).first().copied()
}

/// What the guest holds stays as it was (normalized and bridged words): "dejala como estaba",
/// "mejor seguimos con la que tenemos", "keep the original dates", "leave it as it was",
/// "deixa como estava".
#[rustfmt::skip]
const KEEP_AS_IS: &[&str] = &[
    "dejala como estaba", "dejalo como estaba", "deja como estaba", "dejemos como estaba",
    "dejamos como estaba", "dejemosla como estaba", "queda como estaba", "quede como estaba",
    "todo como estaba", "dejala como estaban", "dejala asi", "dejalo asi", "dejemosla asi", "dejemoslo asi",
    "dejamos asi", "dejala como esta", "dejalo como esta", "mantenela", "mantenelo",
    "mantene la reserva", "mantener la reserva", "mantengamos la reserva", "no cambies nada",
    "no cambiemos nada", "no cambiamos nada", "las fechas originales", "la reserva original",
    "seguimos con la que tenemos", "nos quedamos con la que tenemos", "me quedo con la que tengo",
    "keep the original", "keep it as", "keep it like", "keep the same", "keep mi reserva",
    "keep la reserva", "leave it as", "leave it like", "as it was", "original dates",
    "stick with the original", "deixa como estava", "deixe como estava", "fica como estava", "deixa assim", "deixe assim", "manter a reserva",
    "mantem a reserva", "datas originais",
    // What they had before the change asked ("dejá la que tenía", "seguimos con la anterior",
    // "keep what I had", "fica a que eu tinha").
    "la que tenia", "la que teniamos", "lo que tenia", "lo que teniamos", "las que tenia",
    "las fechas de antes", "la fecha de antes", "las de antes", "deja la de antes", "con la de antes", "las fechas que tenia",
    "fechas anteriores", "la reserva anterior", "con la anterior", "deja la anterior",
    "dejamos la anterior", "mantene la anterior", "no la cambies", "no la muevas", "no muevas nada",
    "no toques nada", "olvidate del cambio", "olvida el cambio", "sin cambios", "dejala como esta",
    "keep what", "keep el one", "keep el booking", "keep el reserva", "keep el old",
    "keep el first", "keep la primera", "keep el previous", "previous dates", "el one i had",
    "forget el cambiar", "never mind el cambiar", "a que yo tinha", "a que tinha",
    "a que tinhamos", "a que a gente tinha", "fica a anterior", "com a anterior", "deixa a anterior", "esquece a mudanca",
    "as datas de antes", "datas anteriores",
    "entonces como estaba", "como lo teniamos", "como la teniamos", "como lo habiamos dicho",
    "lo que habiamos dicho", "lo que teniamos", "las del principio", "las de un principio",
    "volvamos a lo de antes", "volvemos a lo de antes", "lo de antes", "las que te dije primero",
    "las que dije primero", "lo que te dije primero", "lo que te habia dicho",
];

pub(crate) fn keeps_as_is(tokens: &[Token]) -> bool {
    lexicon::says_any_exactly(tokens, KEEP_AS_IS) || keeps_what_it_had(tokens)
}

/// A verb of keeping or leaving with the stay as it was before, in any order and with any words
/// between: "dejamos las fechas que teníamos", "dejá la reserva como estaba", "mantené las
/// fechas originales", "keep the dates we had", "leave the booking as it was", "deixa as datas
/// que a gente tinha", "mantém a reserva como estava".
fn keeps_what_it_had(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const KEEP: &[&str] = &[
        "deja", "dejala", "dejalo", "dejalas", "dejamos", "dejemos", "dejemosla", "dejen",
        "mantene", "mantenela", "mantenemos", "mantengamos", "seguimos", "sigamos", "quedate",
        "quedamos", "quedemos", "keep", "leave", "stick", "deixa", "deixe", "deixamos", "mantem",
        "mantenha", "manter", "mantemos", "fica", "ficamos", "continua",
    ];
    #[rustfmt::skip]
    const AS_IT_WAS: &[&str] = &[
        "como estaba", "como estaban", "que teniamos", "que tenia", "de antes", "originales",
        "original", "anteriores", "anterior", "as it was", "as they were", "had", "booked",
        "originais", "como estava", "como estavam", "tinha", "tinhamos", "que reservamos",
    ];
    tokens.iter().any(|t| t.is_any(KEEP)) && lexicon::says_any_exactly(tokens, AS_IT_WAS)
}

/// A cancellation taken back ("no no, mejor no, dejala como está", "mejor no cancelés",
/// "mejor no, dejala, vamos igual", "al final sí vamos, mantenela", "wait, don't cancel it,
/// keep it", "never mind, we're going after all", "não, melhor não, deixa ela, vamos sim",
/// "não cancela não, mantém a reserva"): the booking kept, or a cancellation not wanted, said
/// in words; or a "no" of second thoughts with the booking pointed at ("no no, dejala"). Read
/// only right after a cancellation (the policy checks that): "dejala" alone elsewhere is
/// something else.
pub(crate) fn withdraws_cancel(tokens: &[Token]) -> bool {
    // Keeping it, in words that say so whatever came before.
    #[rustfmt::skip]
    const KEEP: &[&str] = &[
        "mantenela", "mantenla", "mantengala", "mantenelo", "mantene la reserva",
        "mantene mi reserva", "manten la reserva", "mantengan la reserva", "vamos igual",
        "vamos a ir igual", "al final vamos", "al final si vamos", "si vamos", "keep it",
        "keep the booking", "keep my booking", "keep the reservation", "keep my reservation",
        "going after all", "coming after all", "go after all", "come after all",
        "no la cancel", "no lo cancel", "no cancel", "no la canceles", "no cancelen",
        "no cancele", "no cancela", "dont cancel", "don t cancel", "do not cancel",
        "nao cancela", "nao cancele", "nao cancelar", "nao precisa cancelar",
        "no hace falta cancelar", "no canceles", "mantem", "mantenha", "mantem a reserva",
        "vamos sim", "vamos mesmo assim", "a gente vai sim", "vamos a ir nomas",
    ];
    // A "no" of second thoughts ("mejor no", "no no", "nah") with the booking pointed at
    // ("dejala", "deixa ela", "leave it").
    #[rustfmt::skip]
    const LEAVE_IT: &[&str] = &[
        "dejala", "dejalo", "dejamela", "deja la reserva", "deixa ela", "deixa a reserva",
        "deixa", "leave it", "leave the booking", "leave my booking",
    ];
    let second_thoughts = tokens
        .iter()
        .any(|t| t.is_any(&["no", "nono", "nah", "nao"]))
        && !lexicon::says_any_exactly(tokens, &["no gracias", "no thanks", "nao obrigado"]);
    keeps_as_is(tokens)
        || lexicon::says_any_exactly(tokens, KEEP)
        || second_thoughts && lexicon::says_any_exactly(tokens, LEAVE_IT)
}

/// Taking something as it is though it lacks what was asked ("bueno, igual está bien", "de
/// todas formas la quiero", "ok anyway", "mesmo assim", "no importa", "tanto faz").
pub(crate) fn anyway(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const ANYWAY: &[&str] = &[
        "igual", "igualmente", "de todas formas", "de todos modos", "de todas maneras",
        "no importa", "no pasa nada", "no hay problema", "da igual", "anyway", "anyways",
        "either way", "doesn t matter", "does not matter", "no matter", "no problem",
        "that s fine", "mesmo assim", "assim mesmo", "tanto faz", "nao tem problema",
        "sem problema", "de qualquer forma", "de qualquer jeito",
    ];
    lexicon::says_any_exactly(tokens, ANYWAY)
}

/// Second thoughts that come back to a yes ("pensándolo bien, dale", "cambié de idea", "ok
/// fine", and through the bridge "on second thought", "pensando bem", "mudei de ideia"): after
/// a no, the guest takes what they turned down.
pub(crate) fn thinks_again(tokens: &[Token]) -> bool {
    #[rustfmt::skip]
    const AGAIN: &[&str] = &[
        "pensandolo bien", "pensandolo mejor", "pensando bien", "pensandolo", "despues de todo",
        "cambie de idea", "cambiamos de idea", "cambie de opinion", "me arrepenti",
        "nos arrepentimos", "al final si", "bueno si", "en realidad si", "ahora que lo pienso",
        "after all", "ok fine", "fine then", "thinking about it", "afinal", "no final sim",
        "repensando", "reconsiderando", "reconsidering",
    ];
    lexicon::says_any_exactly(tokens, AGAIN)
}

/// "Llegamos en auto, ¿hay dónde dejarlo?", "vamos con la camioneta, ¿dónde la guardamos?",
/// "we're driving, where can we leave it?", "vamos de carro, onde deixamos?": a vehicle said
/// and a verb of leaving or keeping it, in the same message: the parking asked about.
fn asks_where_to_leave_the_car(tokens: &[Token]) -> Option<usize> {
    #[rustfmt::skip]
    const VEHICLE: &[&str] = &[
        "auto", "autos", "coche", "coches", "camioneta", "camionetas", "carro", "carros", "car",
        "cars", "vehiculo", "vehiculos", "vehicle", "moto", "motos", "driving", "manejando",
    ];
    #[rustfmt::skip]
    const LEAVE: &[&str] = &[
        "dejarlo", "dejarla", "dejar", "dejamos", "dejo", "dejarlos", "guardarlo", "guardarla",
        "guardar", "guardamos", "estacionarlo", "estacionarla", "estacionamos", "park", "parking",
        "leave", "deixar", "deixamos", "deixo", "estacionar", "guardo",
    ];
    let vehicle = tokens.iter().position(|t| t.is_any(VEHICLE))?;
    tokens.iter().any(|t| t.is_any(LEAVE)).then_some(vehicle)
}

/// "¿Podemos llegar después de las 21?", "llegamos pasadas las 22", "can we arrive after
/// 9pm?", "podemos chegar depois das 21h?": a verb of arriving with an hour soon after it,
/// the check-in time asked about.
fn arrival_at_an_hour(tokens: &[Token]) -> Option<usize> {
    #[rustfmt::skip]
    const ARRIVE: &[&str] = &[
        "llegar", "llegamos", "llego", "llegariamos", "llegaremos", "lleguemos", "llegan",
        "arrive", "arriving", "chegar", "chegamos", "chego", "chegaremos", "chegariamos",
    ];
    tokens.iter().enumerate().find_map(|(v, t)| {
        let hour_soon = (v + 1..=v + 5).any(|k| {
            let said_as_hour = k
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|b| b.is_any(&["las", "tipo", "at", "as", "das", "after", "eso"]))
                || tokens
                    .get(k + 1)
                    .is_some_and(|a| a.is_any(&["hs", "h", "hrs", "horas", "pm", "am", "hr"]));
            said_as_hour
                && tokens.get(k).is_some_and(|h| {
                    h.is_digits() && h.text.parse::<u32>().is_ok_and(|n| (1..=24).contains(&n))
                })
        });
        (t.is_any(ARRIVE) && hour_soon).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::{bridge, normalize::tokenize};

    fn toks(s: &str) -> Vec<Token> {
        bridge::to_spanish(tokenize(s))
    }

    #[test]
    fn corrections() {
        for s in [
            "perdón, me equivoqué, es del 16 al 18",
            "al final somos 4",
            "en realidad son 3 noches",
            "perdon era del 16",
            "mejor del 20 al 22",
            "sorry, actually it's the 16th to the 18th",
            "desculpa, na verdade somos 3",
            "melhor a Ñire",
            "me enganei, é de 16 a 18",
        ] {
            assert!(correction(&toks(s)), "{s}");
        }
        for s in ["del 16 al 18", "somos 4", "hola", "dale"] {
            assert!(!correction(&toks(s)), "{s}");
        }
        for s in ["no, esa no", "esa no me gusta", "not that one", "essa não"] {
            assert!(not_this_one(&toks(s)), "{s}");
        }
        for s in ["no gracias", "esa me gusta", "no"] {
            assert!(!not_this_one(&toks(s)), "{s}");
        }
    }

    #[test]
    fn picks() {
        let cases: &[(&str, Option<Choice>)] = &[
            ("la segunda", Some(Choice::Position(2))),
            ("prefiero la primera", Some(Choice::Position(1))),
            ("me quedo con la tercera opción", Some(Choice::Position(3))),
            ("la opción 2", Some(Choice::Position(2))),
            ("la última", Some(Choice::Last)),
            ("la más barata", Some(Choice::Cheapest)),
            ("la mas barata porfa", Some(Choice::Cheapest)),
            ("la grande", Some(Choice::Largest)),
            ("la más grande", Some(Choice::Largest)),
            ("la cabaña grande", Some(Choice::Largest)),
            ("la cabaña chica", Some(Choice::Smallest)),
            ("la que acepta perros", Some(Choice::PetFriendly)),
            (
                "cual admite mascotas? esa quiero",
                Some(Choice::PetFriendly),
            ),
            ("ok esa", Some(Choice::ThatOne)),
            ("dale esa misma", Some(Choice::ThatOne)),
            ("esa semana no puedo", None),
            ("the cheapest one", Some(Choice::Cheapest)),
            ("the second one please", Some(Choice::Position(2))),
            ("a mais barata", Some(Choice::Cheapest)),
            ("la numero dos", Some(Choice::Position(2))),
            ("la del medio", Some(Choice::Middle)),
            ("la otra", Some(Choice::Other)),
            ("mejor la otra opcion", Some(Choice::Other)),
            ("la otra semana", None),
            ("elijo la 2", Some(Choice::Position(2))),
            ("la que tiene pileta", Some(Choice::Having(Feature::Pool))),
            ("la de la parrilla", Some(Choice::Having(Feature::Grill))),
            ("la primera semana de enero", None),
            ("hola", None),
        ];
        for (s, want) in cases {
            assert_eq!(choice(&toks(s)), *want, "{s}");
        }
    }

    #[test]
    fn pets_and_features() {
        assert!(pets(&toks("vamos con un perro")));
        assert!(pets(&toks("with our dog")));
        assert!(!pets(&toks("sin mascotas")));
        assert!(!pets(&toks("no llevamos perro")));
        assert_eq!(feature(&toks("¿Tienen pileta?")), Some(Feature::Pool));
        assert_eq!(feature(&toks("tiene wi fi?")), Some(Feature::Wifi));
        assert_eq!(feature(&toks("is there a pool?")), Some(Feature::Pool));
        assert_eq!(feature(&toks("se puede fumar?")), Some(Feature::Smoking));
        assert_eq!(feature(&toks("aceptan niños?")), Some(Feature::Kids));
        assert_eq!(
            feature(&toks("a qué hora es el check out?")),
            Some(Feature::CheckOut)
        );
        assert_eq!(feature(&toks("hola")), None);
        for s in [
            "se admiten niños?",
            "los nenes pueden ir?",
            "podemos llevar a los chicos?",
            "Can we bring our kids?",
            "los chicos son bienvenidos?",
        ] {
            assert_eq!(feature(&toks(s)), Some(Feature::Kids), "{s}");
        }
        // "Chicos" right after a pet sizes the pet: a question about pets only.
        for s in [
            "aceptan perros chicos?",
            "se puede llevar un perrito chico?",
            "aceptan mascotas chicas? tenemos un caniche",
        ] {
            assert_eq!(feature(&toks(s)), Some(Feature::Pets), "{s}");
        }
        for s in [
            "hay lugar para estacionar el auto?",
            "hay donde dejar el auto?",
        ] {
            assert_eq!(feature(&toks(s)), Some(Feature::Parking), "{s}");
        }
    }
}

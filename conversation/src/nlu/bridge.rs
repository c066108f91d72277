//! A bridge from English and Portuguese (and Spanish chat shorthand) to the Spanish words the
//! parsers know: "from April 15 to 17" reads as "desde 15 abril hasta 17", "de 5 a 9 de
//! janeiro" as "de 5 a 9 de enero", "pa 6" as "para 6". One table of phrases, so every parser
//! (dates, guests, intents, names, agreement) understands the three languages without a copy
//! of its rules per language.
//!
//! Rules:
//! - phrases are replaced longest first, on whole normalized tokens; only words no Spanish
//!   guest would write with another meaning are bridged ("to", "from", "pessoas"), so a Spanish
//!   message passes unchanged;
//! - a month written before its day ("April 15", "Jan 3-7", "March 1st to 4th") is moved
//!   after it, the Spanish order; English and Portuguese month abbreviations are read only next
//!   to a number ("may" alone is a verb);
//! - the replacement tokens keep the punctuation flag of the last word they replace.
//!
//! It never decides meaning: it only rewrites words.

use super::{lexicon, normalize::Token};

/// (foreign or shorthand phrase, Spanish phrase). An empty replacement drops the phrase.
#[rustfmt::skip]
const PHRASES: &[(&str, &str)] = &[
    // English: requests
    ("do you have any availability", "tienen disponibilidad"),
    ("do you have availability", "tienen disponibilidad"),
    ("do you have any rooms", "tienen lugar"),
    ("do you have a room", "tienen lugar"),
    ("do you have room", "tienen lugar"),
    ("do you have space", "tienen lugar"),
    ("do you have anything", "tienen algo"),
    ("do you have", "tienen"),
    ("do you allow", "aceptan"),
    ("do you accept", "aceptan"),
    ("are pets allowed", "aceptan mascotas"),
    ("are dogs allowed", "aceptan perros"),
    ("is there a", "hay"),
    ("is there", "hay"),
    ("are there any", "hay"),
    ("are there", "hay"),
    ("any availability", "disponibilidad"),
    ("any rooms", "lugar"),
    ("any vacancy", "lugar"),
    ("vacancy", "lugar"),
    ("vacancies", "lugar"),
    ("how much does it cost", "cuanto cuesta"),
    ("how much is it", "cuanto sale"),
    ("how much is", "cuanto sale"),
    ("how much for", "cuanto sale para"),
    ("how much", "cuanto sale"),
    ("what is the price", "precio"),
    ("what's the price", "precio"),
    ("i would like to book", "quiero reservar"),
    ("we would like to book", "queremos reservar"),
    ("i'd like to book", "quiero reservar"),
    ("i d like to book", "quiero reservar"),
    ("we d like to book", "queremos reservar"),
    ("i want to book", "quiero reservar"),
    ("we want to book", "queremos reservar"),
    ("can i book", "quiero reservar"),
    ("can we book", "queremos reservar"),
    ("i'll take it", "lo tomo"),
    ("i ll take it", "lo tomo"),
    ("we ll take it", "lo tomamos"),
    ("we'll take it", "lo tomamos"),
    ("book it", "reservala"),
    ("make a reservation", "hacer una reserva"),
    ("make a booking", "hacer una reserva"),
    ("my reservation", "mi reserva"),
    ("the reservation", "la reserva"),
    ("my booking", "mi reserva"),
    ("reservation", "reserva"),
    ("change the dates", "cambiar las fechas"),
    ("change the date", "cambiar la fecha"),
    ("change it", "cambiala"),
    ("move it", "pasala"),
    ("change", "cambiar"),
    ("alright", "dale"),
    ("let's go with that", "dale"),
    ("are children allowed", "aceptan chicos"),
    ("are kids allowed", "aceptan chicos"),
    ("can we bring kids", "aceptan chicos"),
    ("can we bring children", "aceptan chicos"),
    ("can we bring the kids", "aceptan chicos"),
    ("kid friendly", "aceptan chicos"),
    ("child friendly", "aceptan chicos"),
    ("family friendly", "aceptan chicos"),
    ("washing machine", "lavarropas"),
    ("air conditioner", "aire acondicionado"),
    ("hot tub", "jacuzzi"),
    ("fireplace", "hogar a lena"),
    ("bed linen", "ropa de cama"),
    ("sheets", "sabanas"),
    ("please book", "reservame"),
    ("book", "reservar"),
    ("reserve", "reservar"),
    ("i would like", "quiero"),
    ("we would like", "queremos"),
    ("i d like", "quiero"),
    ("we d like", "queremos"),
    ("i want", "quiero"),
    ("we want", "queremos"),
    ("cancel it", "cancelala"),
    ("cancel my booking", "cancelar"),
    ("cancel the booking", "cancelar"),
    ("cancel", "cancelar"),
    ("talk to a person", "hablar con una persona"),
    ("speak to a person", "hablar con una persona"),
    ("talk to someone", "hablar con alguien"),
    ("speak to someone", "hablar con alguien"),
    ("talk to a human", "hablar con un humano"),
    ("speak with someone", "hablar con alguien"),
    ("real person", "persona real"),
    ("good morning", "buen dia"),
    ("good afternoon", "buenas tardes"),
    ("good evening", "buenas noches"),
    ("thank you", "gracias"),
    ("thanks", "gracias"),
    ("no thanks", "no gracias"),
    ("yes please", "si dale"),
    ("yes", "si"),
    ("yeah", "si"),
    ("yep", "si"),
    ("sure", "dale"),
    ("go ahead", "dale"),
    ("sounds good", "dale"),
    ("let's do it", "dale"),
    ("lets do it", "dale"),
    ("of course", "por supuesto"),
    ("perfect", "perfecto"),
    ("great", "genial"),
    // English: corrections and choices
    ("actually", "en realidad"),
    ("i made a mistake", "me equivoque"),
    ("my mistake", "me equivoque"),
    ("sorry", "perdon"),
    ("instead", "mejor"),
    ("i prefer", "prefiero"),
    ("we prefer", "preferimos"),
    ("the first one", "la primera"),
    ("the second one", "la segunda"),
    ("the third one", "la tercera"),
    ("the last one", "la ultima"),
    ("the cheapest", "la mas barata"),
    ("the cheapest one", "la mas barata"),
    ("the biggest", "la mas grande"),
    ("the largest", "la mas grande"),
    ("the big one", "la grande"),
    ("the smallest", "la mas chica"),
    ("the small one", "la chica"),
    ("the one that allows dogs", "la que acepta perros"),
    ("the one that allows pets", "la que acepta mascotas"),
    ("the pet friendly one", "la que acepta mascotas"),
    ("first", "primera"),
    ("second", "segunda"),
    ("third", "tercera"),
    ("cheapest", "mas barata"),
    ("biggest", "mas grande"),
    // English: people and stays
    ("there are", "somos"),
    ("there will be", "seremos"),
    ("we are", "somos"),
    ("we re", "somos"),
    ("we will be", "seremos"),
    ("we ll be", "seremos"),
    ("of us", ""),
    ("party of", "grupo de"),
    ("group of", "grupo de"),
    ("my wife and i", "mi esposa y yo"),
    ("my husband and i", "mi esposo y yo"),
    ("my partner and i", "mi pareja y yo"),
    ("a couple", "una pareja"),
    ("people", "personas"),
    ("persons", "personas"),
    ("person", "persona"),
    ("guests", "personas"),
    ("adults", "adultos"),
    ("adult", "adulto"),
    ("children", "chicos"),
    ("child", "chico"),
    ("kids", "chicos"),
    ("kid", "chico"),
    ("babies", "bebes"),
    ("baby", "bebe"),
    ("nights", "noches"),
    ("night", "noche"),
    ("weeks", "semanas"),
    ("week", "semana"),
    ("days", "dias"),
    ("long weekend", "finde largo"),
    ("this weekend", "este finde"),
    ("next weekend", "proximo finde"),
    ("the weekend", "el finde"),
    ("weekend", "finde"),
    ("tonight", "esta noche"),
    ("today", "hoy"),
    ("the day after tomorrow", "pasado manana"),
    ("tomorrow", "manana"),
    ("next week", "semana que viene"),
    ("easter", "semana santa"),
    ("holy week", "semana santa"),
    ("new year's eve", "fin de ano"),
    ("new years eve", "fin de ano"),
    ("new year s eve", "fin de ano"),
    ("carnival", "carnaval"),
    ("christmas", "navidad"),
    ("natal", "navidad"),
    ("winter holidays", "vacaciones de invierno"),
    ("winter break", "vacaciones de invierno"),
    ("from", "desde"),
    ("until", "hasta"),
    ("till", "hasta"),
    ("through", "hasta"),
    ("thru", "hasta"),
    ("to", "hasta"),
    ("for", "para"),
    ("the", "el"),
    ("of", "de"),
    ("on", "el"),
    ("and", "y"),
    ("with", "con"),
    ("my", "mi"),
    ("we", "nosotros"),
    // English: the place
    ("where are you located", "donde estan"),
    ("where are you", "donde estan"),
    ("where is it", "donde queda"),
    ("where is", "donde queda"),
    ("how do i get there", "como llego"),
    ("how do we get there", "como llegamos"),
    ("address", "direccion"),
    ("location", "ubicacion"),
    ("photos", "fotos"),
    ("photo", "foto"),
    ("pictures", "fotos"),
    ("picture", "foto"),
    ("pics", "fotos"),
    ("swimming pool", "pileta"),
    ("pool", "pileta"),
    ("parking", "estacionamiento"),
    ("barbecue", "parrilla"),
    ("bbq", "parrilla"),
    ("grill", "parrilla"),
    ("heating", "calefaccion"),
    ("air conditioning", "aire acondicionado"),
    ("kitchen", "cocina"),
    ("breakfast", "desayuno"),
    ("towels", "toallas"),
    ("smoking", "fumar"),
    ("smoke", "fumar"),
    ("what time", "a que hora"),
    ("pets", "mascotas"),
    ("pet", "mascota"),
    ("dogs", "perros"),
    ("dog", "perro"),
    ("cats", "gatos"),
    ("cat", "gato"),
    ("allowed", "permitido"),
    ("accept", "aceptan"),
    ("cabins", "cabanas"),
    ("cabin", "cabana"),
    ("price", "precio"),
    ("prices", "precios"),
    ("rate", "precio"),
    ("rates", "precios"),
    ("cost", "costo"),
    ("available", "disponible"),
    ("availability", "disponibilidad"),
    ("free", "libre"),
    // Portuguese
    ("voces tem vaga", "tienen lugar"),
    ("voce tem vaga", "tienen lugar"),
    ("tem vaga", "hay lugar"),
    ("tem vagas", "hay lugar"),
    ("tem disponibilidade", "hay disponibilidad"),
    ("disponibilidade", "disponibilidad"),
    ("vaga", "lugar"),
    ("vagas", "lugar"),
    ("quanto custa", "cuanto cuesta"),
    ("quanto fica", "cuanto sale"),
    ("quanto e", "cuanto sale"),
    ("quanto sai", "cuanto sale"),
    ("quanto", "cuanto"),
    ("qual o valor", "precio"),
    ("qual e o valor", "precio"),
    ("diaria", "noche"),
    ("diarias", "noches"),
    ("quero reservar", "quiero reservar"),
    ("queremos reservar", "queremos reservar"),
    ("gostaria de reservar", "quiero reservar"),
    ("gostariamos de reservar", "queremos reservar"),
    ("quero cancelar", "quiero cancelar"),
    ("pode cancelar", "cancelala"),
    ("quero", "quiero"),
    ("mudar as datas", "cambiar las fechas"),
    ("mudar a data", "cambiar la fecha"),
    ("mudar", "cambiar"),
    ("alterar", "cambiar"),
    ("aceitam criancas", "aceptan chicos"),
    ("aceita criancas", "aceptan chicos"),
    ("pode fumar", "se puede fumar"),
    ("maquina de lavar", "lavarropas"),
    ("gostaria", "quisiera"),
    ("falar com uma pessoa", "hablar con una persona"),
    ("falar com alguem", "hablar con alguien"),
    ("falar com um atendente", "hablar con una persona"),
    ("atendente", "operador"),
    ("bom dia", "buen dia"),
    ("boa tarde", "buenas tardes"),
    ("boa noite", "buenas noches"),
    ("ola", "hola"),
    ("oi", "hola"),
    ("obrigado", "gracias"),
    ("obrigada", "gracias"),
    ("sim", "si"),
    ("nao", "no"),
    ("pode ser", "dale"),
    ("fechado", "dale"),
    ("desculpa", "perdon"),
    ("desculpe", "perdon"),
    ("me enganei", "me equivoque"),
    ("errei", "me equivoque"),
    ("na verdade", "en realidad"),
    ("prefiro", "prefiero"),
    ("a primeira", "la primera"),
    ("a segunda", "la segunda"),
    ("a terceira", "la tercera"),
    ("a ultima", "la ultima"),
    ("a mais barata", "la mas barata"),
    ("a maior", "la mas grande"),
    ("a menor", "la mas chica"),
    ("mais barata", "mas barata"),
    ("mais barato", "mas barata"),
    ("pessoas", "personas"),
    ("pessoa", "persona"),
    ("criancas", "chicos"),
    ("crianca", "chico"),
    ("filhos", "hijos"),
    ("casal", "pareja"),
    ("eu e minha esposa", "mi esposa y yo"),
    ("eu e meu marido", "mi marido y yo"),
    ("noites", "noches"),
    ("noite", "noche"),
    ("fim de semana prolongado", "finde largo"),
    ("feriado prolongado", "finde largo"),
    ("feriadao", "finde largo"),
    ("fim de semana", "finde"),
    ("final de semana", "finde"),
    ("hoje", "hoy"),
    ("depois de amanha", "pasado manana"),
    ("amanha", "manana"),
    ("ano novo", "fin de ano"),
    ("reveillon", "fin de ano"),
    ("ferias de inverno", "vacaciones de invierno"),
    ("do dia", "del dia"),
    ("ao dia", "al dia"),
    ("no dia", "el dia"),
    ("ate o dia", "hasta el dia"),
    ("ate", "hasta"),
    ("ao", "al"),
    ("com", "con"),
    ("um", "un"),
    ("uma", "una"),
    ("e", "y"),
    ("pra", "para"),
    ("aceitam", "aceptan"),
    ("aceita", "acepta"),
    ("cachorros", "perros"),
    ("cao", "perro"),
    ("animais", "animales"),
    ("onde fica", "donde queda"),
    ("endereco", "direccion"),
    ("churrasqueira", "parrilla"),
    ("estacionamento", "estacionamiento"),
    ("garagem", "cochera"),
    ("aquecimento", "calefaccion"),
    ("ar condicionado", "aire acondicionado"),
    ("cafe da manha", "desayuno"),
    ("que horas", "a que hora"),
    ("chale", "cabana"),
    ("chales", "cabanas"),
    // Spanish chat shorthand
    ("pa", "para"),
    ("xa", "para"),
    ("q", "que"),
    ("k", "que"),
    ("dl", "del"),
    ("hta", "hasta"),
    ("dnd", "donde"),
    ("xq", "porque"),
    ("tb", "tambien"),
    ("tmb", "tambien"),
    ("psnas", "personas"),
    ("prsonas", "personas"),
    ("pers", "personas"),
    ("nochs", "noches"),
];

/// Month names of English and Portuguese, and the abbreviations read next to a number.
#[rustfmt::skip]
const MONTHS: &[(&str, &str)] = &[
    ("january", "enero"), ("february", "febrero"), ("march", "marzo"), ("april", "abril"),
    ("may", "mayo"), ("june", "junio"), ("july", "julio"), ("august", "agosto"),
    ("september", "septiembre"), ("october", "octubre"), ("november", "noviembre"),
    ("december", "diciembre"), ("janeiro", "enero"), ("fevereiro", "febrero"),
    ("marco", "marzo"), ("maio", "mayo"), ("junho", "junio"), ("julho", "julio"),
    ("setembro", "septiembre"), ("outubro", "octubre"), ("novembro", "noviembre"),
    ("dezembro", "diciembre"), ("jan", "enero"), ("feb", "febrero"), ("fev", "febrero"),
    ("mar", "marzo"), ("apr", "abril"), ("abr", "abril"), ("jun", "junio"), ("jul", "julio"),
    ("aug", "agosto"), ("ago", "agosto"), ("sep", "septiembre"), ("sept", "septiembre"),
    ("set", "septiembre"), ("oct", "octubre"), ("nov", "noviembre"),
    ("dec", "diciembre"), ("dez", "diciembre"), ("ene", "enero"), ("dic", "diciembre"),
];

/// Month words that are other words when alone ("may", "mar", "set", "out").
const ONLY_NEXT_TO_A_NUMBER: &[&str] = &[
    "may", "mar", "set", "jan", "feb", "fev", "apr", "abr", "jun", "jul", "aug", "ago", "sep",
    "sept", "oct", "nov", "dec", "dez", "ene", "dic", "marco",
];

/// Rewrites the tokens; see the module docs.
#[cfg(test)]
pub(crate) fn to_spanish(tokens: Vec<Token>) -> Vec<Token> {
    to_spanish_from(tokens, false)
}

/// Rewrites the tokens (see the module docs); `english` says the message is written in English, where a numeric date
/// that reads both ways ("3/1") is month first, as written in the United States.
pub(crate) fn to_spanish_from(tokens: Vec<Token>, english: bool) -> Vec<Token> {
    let replaced = phrases(&tokens);
    months_after_days(replaced)
        .into_iter()
        .map(|t| month_first_numeric(t, english))
        .collect()
}

/// "12/20" cannot be day/month; written month first (as in the United States) it is the 20th
/// of December: "20/12". A date that reads either way is left as written (day first), except
/// in English (`english`), where it is month first.
fn month_first_numeric(mut t: Token, english: bool) -> Token {
    let parts: Vec<&str> = t.text.split('/').collect();
    let lowest_day = if english { 1 } else { 13 };
    if let [m, d, rest @ ..] = parts.as_slice()
        && rest.len() <= 1
        && let (Ok(mv), Ok(dv)) = (m.parse::<u32>(), d.parse::<u32>())
        && (1..=12).contains(&mv)
        && (lowest_day..=31).contains(&dv)
    {
        let mut text = format!("{d}/{m}");
        if let [y] = rest {
            text = format!("{text}/{y}");
        }
        t.text = text;
    }
    t
}

fn phrases(tokens: &[Token]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let hit = PHRASES
            .iter()
            .filter(|(from, _)| matches_at(tokens, i, from))
            .max_by_key(|(from, _)| from.split(' ').count());
        match hit {
            Some((from, to)) => {
                let n = from.split(' ').count();
                let punct = tokens.get(i + n - 1).is_some_and(|t| t.punct_after);
                let words: Vec<&str> = to.split(' ').filter(|w| !w.is_empty()).collect();
                let last = words.len();
                for (k, w) in words.into_iter().enumerate() {
                    out.push(word(w, punct && k + 1 == last));
                }
                i += n;
            }
            None => {
                if let Some(t) = tokens.get(i) {
                    out.push(t.clone());
                }
                i += 1;
            }
        }
    }
    out
}

fn matches_at(tokens: &[Token], i: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
}

fn word(text: &str, punct_after: bool) -> Token {
    Token {
        text: text.to_owned(),
        // "sí" is a clear yes: the bridged "yes"/"sim" is one too.
        accented: text == "si",
        punct_after,
        known: lexicon::is_known(text),
    }
}

fn starts_with_digit(t: Option<&Token>) -> bool {
    t.is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// "15", "3-7", "15/12": a day number first, not a year ("2027").
fn is_day_like(t: Option<&Token>) -> bool {
    t.is_some_and(|t| {
        let head: String = t.text.chars().take_while(char::is_ascii_digit).collect();
        !head.is_empty() && head.len() <= 2
    })
}

/// "abril 15" → "15 abril"; foreign month names become Spanish ones.
fn months_after_days(mut tokens: Vec<Token>) -> Vec<Token> {
    let mut i = 0;
    while i < tokens.len() {
        let month = tokens.get(i).and_then(|t| spanish_month(t));
        let next_is_number = is_day_like(tokens.get(i + 1));
        let prev_is_number = i > 0 && starts_with_digit(tokens.get(i - 1));
        let prev_is_de = i > 1
            && tokens.get(i - 1).is_some_and(|t| t.is("de"))
            && starts_with_digit(tokens.get(i - 2));
        let Some((spanish, needs_number)) = month else {
            i += 1;
            continue;
        };
        if needs_number && !next_is_number && !prev_is_number && !prev_is_de {
            i += 1;
            continue;
        }
        if let Some(t) = tokens.get_mut(i) {
            t.text = spanish.to_owned();
            t.known = true;
        }
        if next_is_number && !prev_is_number && !prev_is_de {
            tokens.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
    tokens
}

/// The Spanish month a token names, and whether it needs a number beside it to be one.
fn spanish_month(t: &Token) -> Option<(&'static str, bool)> {
    if let Some((_, es)) = MONTHS.iter().find(|(w, _)| t.is(w)) {
        return Some((es, t.is_any(ONLY_NEXT_TO_A_NUMBER)));
    }
    // Spanish full names, also moved after their day ("diciembre 15").
    let spanish = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    spanish.iter().find(|w| t.is(w)).map(|w| (*w, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn bridged(s: &str) -> String {
        to_spanish(tokenize(s))
            .into_iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn english_portuguese_and_shorthand_become_spanish() {
        assert_eq!(
            bridged("Do you have availability for 2 people from April 15 to 17?"),
            "tienen disponibilidad para 2 personas desde 15 abril hasta 17"
        );
        assert_eq!(bridged("Jan 3-7"), "3-7 enero");
        assert_eq!(bridged("March 1st to 4th"), "1 marzo hasta 4");
        assert_eq!(bridged("de 5 a 9 de janeiro"), "de 5 a 9 de enero");
        assert_eq!(bridged("pa 6 d mayo"), "para 6 d mayo");
        assert_eq!(bridged("may i book?"), "may i reservar");
        assert_eq!(
            bridged("hola tenés lugar del 15 al 17 de diciembre para 2"),
            "hola tenes lugar del 15 al 17 de diciembre para 2"
        );
    }
}

//! Which language a message is written in: Spanish, English or Portuguese, from words only one
//! of them uses. `None` when the message has no such word ("ok", "15/12", "👍"), so the
//! conversation keeps its language.
//!
//! Words the languages share ("para", "de", "fotos", "piscina", "reserva", "pet": Brazilians
//! say it too) count for none;
//! Spanish wins ties, as the default, except against Portuguese (portuñol is Portuguese).

use super::normalize::Token;
use crate::Language;

#[rustfmt::skip]
const ENGLISH: &[&str] = &[
    "the", "you", "hi", "hey", "do", "does", "have", "has", "is", "are", "we", "i", "how", "much", "what",
    "from", "to", "for", "and", "with", "please", "thanks", "thank", "hello", "people", "nights",
    "night", "available", "availability", "room", "rooms", "book", "booking", "price", "cost",
    "any", "there", "can", "could", "would", "like", "want", "dog", "dogs", "pool",
    "weekend", "our", "my", "it", "this", "that", "yes", "sure", "cancel", "where", "when",
    "cabin", "cabins", "guests", "adults", "kids", "children", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "of",
    "will", "be", "get", "us", "allowed", "bring", "take", "which", "one", "cheapest", "biggest",
    "actually", "sorry", "instead", "free", "parking", "heating", "grill", "kitchen", "until",
    "morning", "evening", "afternoon", "st", "nd", "rd", "th", "okay", "yeah", "yep", "checking",
    "arriving", "leaving", "between", "staying", "stay",
    // Cabins compared and described ("whats cheaper, lenga or coihue?", "pics of the arrayan").
    "whats", "cheaper", "bigger", "smaller", "larger", "or", "than", "view", "sleeps", "sleep",
    "bedrooms", "bedroom", "pics", "pictures", "photos", "fireplace", "tub",
];

#[rustfmt::skip]
const PORTUGUESE: &[&str] = &[
    "voce", "voces", "vcs", "tem", "nao", "obrigado", "obrigada", "ola", "oi", "quero", "pessoas",
    "pessoa", "noites", "noite", "diaria", "diarias", "quanto", "custa", "fim", "ate", "amanha",
    "hoje", "janeiro", "fevereiro", "marco", "maio", "junho", "julho", "setembro", "outubro",
    "novembro", "dezembro", "estao", "uma", "com", "ao", "um", "bom", "boa", "vaga", "vagas",
    "disponibilidade", "tambem", "entao", "muito", "pra", "sim", "gostaria", "casal", "criancas",
    "filhos", "eu", "meu", "minha", "posso", "fazer", "ficar", "chegar", "qual", "quais", "onde",
    "aceita", "aceitam", "animais", "estacionamento", "churrasqueira", "cafe", "manha", "quarto",
    "chale", "pousada", "voces", "desculpa", "desculpe", "engano", "errei", "fica",
    "endereco", "cachorros", "prefiro", "obg", "estou", "gostariamos", "mais", "saida", "e",
    "chegada", "voces", "vcs", "pode", "podem", "tudo", "agora", "hidromassagem", "feriadao",
    "cozinha", "toalhas", "lareira", "levar", "fechado",
    "beleza", "valeu", "pessoal", "longe", "perto", "ficam", "sinal", "berco",
    // Weekdays, holidays and people only Portuguese says so ("semana que vem, de terça a
    // quarta", "pro Natal", "a Páscoa", "eu e minha namorada").
    "vem", "terca", "quarta", "feira", "natal", "pascoa", "namorada", "namorado", "banheira",
    "esquece",
    // "A Lenga está livre?", "está disponível?", "se tiver".
    "livre", "livres", "disponivel", "disponiveis", "tiver",
    // Numbers only Portuguese spells so ("somos dois de 10/02 a 14/02", "seremos oito") and a
    // child said alone ("pode levar criança?").
    "dois", "duas", "quatro", "sete", "oito", "nove", "dez", "onze", "doze", "crianca",
];

#[rustfmt::skip]
const SPANISH: &[&str] = &[
    "el", "los", "las", "tenes", "tienen", "hay", "cuanto", "sale", "quiero", "del", "al",
    "hola", "noches", "personas", "finde", "gracias", "dale", "si", "disponibilidad", "precio",
    "con", "una", "y", "en", "mi", "yo", "nosotros", "perro", "mascotas", "ustedes", "buenas",
    "buen", "cabana", "cabanas", "quisiera", "queremos", "podes", "aceptan", "donde", "manana",
    "hoy", "diciembre", "enero", "febrero", "marzo", "mayo", "junio", "julio", "septiembre",
    "octubre", "noviembre", "perdon", "prefiero", "mejor", "tambien", "cuantas", "che",
    "noche", "ninos", "chicos", "reservame", "cancelala", "la", "lo", "es", "muy", "pero",
    "tengo", "tenemos", "llegamos", "llegar", "llevar", "puede", "hacer", "verdad", "nombre",
    "auto", "fuego", "mujer", "ahora", "despues", "cuando", "fin", "salir", "cuantos",
    "perfecto", "listo", "bueno", "hablar", "necesito", "duda", "usted", "vos", "sos",
    "buenisimo", "camino", "nene", "nenes",
];

/// The message's language and by how many words it beats the next one (a message in English
/// with one "gracias" is still English; "ok gracias" in an English conversation is one word of
/// Spanish, not enough to switch).
pub(crate) fn detect_with_margin(tokens: &[Token]) -> Option<(Language, usize)> {
    let count = |list: &[&str]| tokens.iter().filter(|t| t.is_any(list)).count();
    // "do" is English before a subject ("do you have…?") and Portuguese after a word ("o
    // horário do check-out").
    let portuguese_do = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            t.is("do")
                && *i > 0
                && !tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is_any(&["you", "we", "i", "they", "u"]))
        })
        .count();
    let (es, en, pt) = (
        count(SPANISH),
        count(ENGLISH) - portuguese_do,
        count(PORTUGUESE) + portuguese_do,
    );
    let best = es.max(en).max(pt);
    if best == 0 {
        return None;
    }
    let margin = |a: usize, b: usize, c: usize| a - b.max(c);
    if en == best && en > es && en > pt {
        Some((Language::En, margin(en, es, pt)))
    } else if pt == best && pt >= es && pt > en {
        // A tie with Spanish is portuñol ("tem piscina? y parrilla?"): Spanish speakers do not
        // borrow "tem" or "você", Brazilians writing to an Argentine place borrow "y" and "del".
        Some((Language::Pt, margin(pt, es, en)))
    } else if es == best {
        Some((Language::Es, margin(es, en, pt)))
    } else {
        None
    }
}

#[cfg(test)]
pub(crate) fn detect(tokens: &[Token]) -> Option<Language> {
    detect_with_margin(tokens).map(|(l, _)| l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    fn lang(s: &str) -> Option<Language> {
        detect(&tokenize(s))
    }

    #[test]
    fn languages() {
        for s in [
            "Do you have availability for 2 people from April 15 to 17?",
            "how much is a night?",
            "Hi! Can we bring our dog?",
            "we are 4 adults",
            "yes please",
            "sorry, actually it's from the 16th to the 18th",
            "whats cheaper, lenga or coihue?",
            "lenga or coihue, bigger?",
            "pics of the arrayan??",
        ] {
            assert_eq!(lang(s), Some(Language::En), "{s}");
        }
        for s in [
            "Olá, vocês têm vaga de 5 a 9 de janeiro para 2 pessoas?",
            "quanto custa a diária?",
            "aceitam cachorro?",
            "obrigado",
            "quero reservar para o fim de semana",
        ] {
            assert_eq!(lang(s), Some(Language::Pt), "{s}");
        }
        for s in [
            "hola, tenés lugar del 15 al 17 de diciembre?",
            "cuánto sale la noche en la Lenga?",
            "dale",
            "prefiero la coihue",
        ] {
            assert_eq!(lang(s), Some(Language::Es), "{s}");
        }
        // "Lugar" is Portuguese too: "tem lugar?" is Portuguese.
        assert_eq!(
            lang("tem lugar para o feriado de semana santa? somos 2"),
            Some(Language::Pt)
        );
        // "Somos" and "vamos" are Portuguese too: "olá, somos 4" is Portuguese, "somos 4" says
        // nothing (the conversation keeps its language).
        assert_eq!(lang("olá, somos 4"), Some(Language::Pt));
        for s in ["ok", "15/12", "👍", "", "somos 4"] {
            assert_eq!(lang(s), None, "{s}");
        }
    }
}

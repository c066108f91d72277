//! The name a guest gives ("a nombre de Juan Pérez", "me llamo Ana", "my name is John Smith",
//! "meu nome é João"): read from the words as written, so it keeps its capitals and accents.
//!
//! It only reads a name said after one of these phrases; it never guesses one from a signature
//! or a greeting ("soy de Córdoba" names no one).

use super::normalize::fold;

/// Phrases after which the guest's name follows, normalized (lowercase, no accents).
const BEFORE_A_NAME: &[&[&str]] = &[
    &["a", "nombre", "de"],
    &["mi", "nombre", "es"],
    &["me", "llamo"],
    &["my", "name", "is"],
    &["under", "the", "name"],
    &["under", "the", "name", "of"],
    &["in", "the", "name", "of"],
    &["the", "name", "is"],
    &["name", "is"],
    &["meu", "nome", "e"],
    &["me", "chamo"],
    &["em", "nome", "de"],
    &["no", "nome", "de"],
];

/// Words that end a name ("a nombre de Ana y Pedro", "me llamo Ana, gracias").
const AFTER_A_NAME: &[&str] = &[
    "y", "para", "con", "que", "por", "gracias", "and", "for", "with", "thanks", "e", "com",
    "obrigado", "obrigada", "porfa", "please", "pls", "desde", "del", "de", "la", "el",
];

/// The name given, up to three words, each capitalized as the guest wrote it (a name written
/// in lowercase gets its first letters raised).
pub(crate) fn given(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain: Vec<String> = words.iter().map(|w| folded(w)).collect();
    let start = (0..words.len()).find_map(|i| {
        BEFORE_A_NAME
            .iter()
            .filter(|p| plain.get(i..i + p.len()).is_some_and(|s| s == **p))
            .map(|p| i + p.len())
            .max()
    })?;
    // "a nombre de" a pointer ("a nombre de quién?") names no one.
    let mut name: Vec<String> = Vec::new();
    for (k, w) in words.iter().enumerate().skip(start).take(3) {
        let bare: String = w
            .chars()
            .filter(|c| c.is_alphabetic() || *c == '\'' || *c == '-')
            .collect();
        if bare.is_empty() || AFTER_A_NAME.contains(&plain[k].as_str()) && !name.is_empty() {
            break;
        }
        if QUESTION_WORDS.contains(&plain[k].as_str())
            || name.is_empty() && NOT_A_NAME.contains(&plain[k].as_str())
        {
            return None;
        }
        name.push(capitalized(&bare));
        if w.ends_with([',', '.', '!', '?', ';', ':']) {
            break;
        }
    }
    (!name.is_empty()).then(|| name.join(" "))
}

/// "A nombre de mi empresa", "a nombre de mi esposa", "in the name of my husband": a
/// relation or a thing, not a name (a person may still ask for that name later).
const NOT_A_NAME: &[&str] = &[
    "mi", "mis", "su", "sus", "tu", "tus", "nuestra", "nuestro", "la", "el", "un", "una", "otra",
    "otro", "my", "our", "his", "her", "the", "a", "an", "another", "minha", "meu", "nossa",
    "nosso", "sua", "seu", "uma", "um", "outra", "outro",
];

/// "¿A nombre de quién?": a question, not a name.
const QUESTION_WORDS: &[&str] = &["quien", "who", "quem", "whom"];

fn folded(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| fold(c.to_lowercase().next().unwrap_or(c)))
        .collect()
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        Some(first) => std::iter::once(first).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::given;

    #[test]
    fn a_name_said_after_its_phrase_keeps_its_letters() {
        for (text, name) in [
            ("a nombre de Juan Pérez", Some("Juan Pérez")),
            ("a nombre de juan perez porfa", Some("Juan Perez")),
            ("Me llamo Ana, gracias!", Some("Ana")),
            (
                "hola! mi nombre es María José Gómez y somos 2",
                Some("María José Gómez"),
            ),
            ("My name is John Smith.", Some("John Smith")),
            ("meu nome é João Silva", Some("João Silva")),
            ("¿a nombre de quién queda?", None),
            ("soy de Córdoba", None),
            ("hola, del 3 al 5 de marzo", None),
            ("me podes hacer factura a nombre de mi empresa?", None),
            ("ponela a nombre de mi esposa", None),
            ("can you put it in the name of my husband?", None),
            ("pode deixar em nome da minha mãe?", None),
        ] {
            assert_eq!(given(text).as_deref(), name, "{text}");
        }
    }
}

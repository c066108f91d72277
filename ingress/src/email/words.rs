//! The guest's own words in an email body: what they wrote above a quoted reply or a forwarded
//! message (or below the quote, as Thunderbird writes), without quoted lines, their signature
//! ("-- ", "Sent from my iPhone"), or the placeholders mail clients leave where an inline image
//! was ("[image: logo.png]", "[cid:…]", Outlook's "<image001.png>").
//!
//! Mailgun's `stripped-text` already drops most quotes and signatures, but keeps forwarded
//! messages and inline-image placeholders, and `body-plain` keeps everything: both go through
//! here. Pure text in, text out; it never decides anything about what the words mean.

/// The guest's own words of `body`.
pub fn own_words(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let mut kept: Vec<String> = Vec::new();
    let mut skip_next = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if std::mem::take(&mut skip_next) {
            continue;
        }
        // A reply written below the quote (Thunderbird's default): "On … wrote:" comes first,
        // the quoted lines ('>') follow and the guest's words after them.
        if kept.iter().all(|k| k.trim().is_empty())
            && let Some(lines_of_intro) = reply_intro(t, &lines[i + 1..])
        {
            skip_next = lines_of_intro == 2;
            continue;
        }
        if starts_quoted_part(t, &lines[i + 1..]) || is_sent_from_line(t) {
            break;
        }
        if t == "--" || t == "-- " || t == "__" {
            break;
        }
        // "Saludos cordiales," "Best regards," "Atenciosamente,": what follows is the
        // signature (name, job title, phones, a legal notice), never the guest's request.
        if is_sign_off(t) && kept.iter().any(|k| !k.trim().is_empty()) {
            kept.push(t.to_owned());
            break;
        }
        if t.starts_with('>') {
            continue;
        }
        let cleaned = without_placeholders(line);
        // A line that was only a placeholder is no line at all (not a paragraph break).
        if cleaned.trim().is_empty() && !t.is_empty() {
            continue;
        }
        kept.push(cleaned.trim_end().to_owned());
    }
    let mut out = String::new();
    let mut blank = false;
    for line in kept {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// Where a mail client starts what is not the guest's: a forward's or an original message's
/// separator, "On … wrote:" in the clients' languages, or an Outlook header block.
fn starts_quoted_part(line: &str, after: &[&str]) -> bool {
    let lower = line.to_lowercase();
    let separator = [
        "forwarded message",
        "mensaje reenviado",
        "mensagem encaminhada",
        "mensagem reencaminhada",
        "original message",
        "mensaje original",
        "mensagem original",
    ]
    .iter()
    .any(|s| lower.contains(s) && (lower.starts_with("--") || lower.starts_with("__")));
    let apple = [
        "begin forwarded message:",
        "inicio del mensaje reenviado:",
        "início da mensagem reencaminhada:",
        "início da mensagem encaminhada:",
    ]
    .iter()
    .any(|s| lower.starts_with(s));
    let replied = reply_intro(line, after).is_some();
    // Outlook: "From: …" / "De: …" followed by "Sent:" / "Enviado:" / "Date:" / "Fecha:".
    let header_start = ["from:", "de:", "von:"]
        .iter()
        .any(|s| lower.starts_with(s));
    let outlook = header_start
        && after.iter().take(3).any(|next| {
            let n = next.trim().to_lowercase();
            ["sent:", "enviado:", "enviada:", "date:", "fecha:", "data:"]
                .iter()
                .any(|s| n.starts_with(s))
        });
    separator || apple || replied || outlook
}

/// "On Mon, 3 Mar 2027 at 10:00, Ana <ana@x.com> wrote:" in the clients' languages, sometimes
/// split over two lines: how many lines it takes, when `line` starts one.
fn reply_intro(line: &str, after: &[&str]) -> Option<usize> {
    let lower = line.to_lowercase();
    let wrote = ["wrote:", "escribió:", "escreveu:", "a écrit :"];
    let intro = ["on ", "el ", "em ", "le "]
        .iter()
        .any(|s| lower.starts_with(s));
    let says_wrote = |l: &str| wrote.iter().any(|w| l.trim_end().ends_with(w));
    if !intro {
        None
    } else if says_wrote(&lower) {
        Some(1)
    } else {
        after
            .first()
            .is_some_and(|next| says_wrote(&next.to_lowercase()))
            .then_some(2)
    }
}

/// A phone's or mail app's signature line: "Sent from my iPhone", "Enviado desde mi Samsung",
/// "Get Outlook for Android", "Sent with Sparrow (…)". Short and without dates or questions, so
/// a guest's "enviado desde mi trabajo: ¿tienen lugar el 3?" stays words.
fn is_sent_from_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "sent from my ",
        "sent from outlook",
        "sent with sparrow",
        "sent with blackberry",
        "get outlook for ",
        "enviado desde mi ",
        "enviado desde outlook",
        "obtener outlook para ",
        "enviado do meu ",
        "enviado de meu ",
        "enviado do outlook",
        "obter o outlook para ",
    ]
    .iter()
    .any(|s| lower.starts_with(s))
        && lower.split_whitespace().count() <= 6
        && !lower.chars().any(|c| c.is_ascii_digit() || c == '?')
}

/// A closing line alone: "Saludos cordiales,", "Atentamente", "Best regards,", "Abraços".
fn is_sign_off(line: &str) -> bool {
    const CLOSINGS: &[&str] = &[
        "saludos",
        "saludos cordiales",
        "un saludo",
        "un saludo cordial",
        "atentamente",
        "cordialmente",
        "cordiales saludos",
        "saludos atentos",
        "abrazo",
        "un abrazo",
        "abrazos",
        "slds",
        "best regards",
        "kind regards",
        "regards",
        "best",
        "cheers",
        "sincerely",
        "yours sincerely",
        "warm regards",
        "best wishes",
        "atenciosamente",
        "abracos",
        "abraco",
        "um abraco",
        "cumprimentos",
        "saudacoes",
    ];
    // A thanks closes only with a comma after it ("Muchas gracias,"), else it may go on.
    const THANKS: &[&str] = &[
        "gracias",
        "muchas gracias",
        "desde ya muchas gracias",
        "desde ya gracias",
        "thanks",
        "many thanks",
        "thank you",
        "obrigado",
        "obrigada",
        "muito obrigado",
        "muito obrigada",
    ];
    let folded: String = line
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ã' | 'â' => 'a',
            'é' | 'ê' => 'e',
            'í' => 'i',
            'ó' | 'õ' | 'ô' => 'o',
            'ú' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect();
    let bare = folded.trim_end_matches([',', '.', '!', ' ']).trim();
    CLOSINGS.contains(&bare) || folded.trim_end().ends_with(',') && THANKS.contains(&bare)
}

/// `line` without inline-image placeholders.
fn without_placeholders(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(['[', '<']) {
        let close_char = if rest[open..].starts_with('[') {
            ']'
        } else {
            '>'
        };
        let Some(len) = rest[open..].find(close_char) else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        out.push_str(&rest[..open]);
        if !is_placeholder(inner, close_char == ']') {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

fn is_placeholder(inner: &str, bracketed: bool) -> bool {
    let lower = inner.trim().to_lowercase();
    if bracketed {
        [
            "image:",
            "imagen:",
            "imagem:",
            "cid:",
            "inline image",
            "image]",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
            || lower == "image"
            || lower == "imagen"
    } else {
        // Outlook's "<image001.png>".
        lower.starts_with("image")
            && [".png", ".jpg", ".jpeg", ".gif"]
                .iter()
                .any(|e| lower.ends_with(e))
            && !lower.contains(' ')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_image_placeholders_are_not_words() {
        for (body, want) in [
            (
                "Hola, ¿tienen lugar del 3 al 5 de marzo?\n\nSaludos\nAna\n[image: logo.png]",
                "Hola, ¿tienen lugar del 3 al 5 de marzo?\n\nSaludos",
            ),
            (
                "Quiero reservar [cid:ii_18c2] para 2",
                "Quiero reservar  para 2",
            ),
            ("Gracias!\n<image001.png>\nJuan", "Gracias!\nJuan"),
            (
                "[Imagen: firma.jpg] consulta por la cabaña",
                " consulta por la cabaña",
            ),
            // Brackets that are words stay.
            ("Somos 2 [adultos] <3", "Somos 2 [adultos] <3"),
        ] {
            assert_eq!(own_words(body).trim(), want.trim(), "{body:?}");
        }
    }

    /// A closing line ends the guest's words: the name, job title, phones and legal notice
    /// below it are a signature ("Recursos Humanos" is no request for a person).
    #[test]
    fn a_closing_line_ends_the_words_before_the_signature() {
        for (body, want) in [
            (
                "Quisiera el precio de la Lenga.\n\nAtentamente,\nLic. Roberto Gómez\nDirector de Recursos Humanos\nTel: (011) 4333-2222",
                "Quisiera el precio de la Lenga.\n\nAtentamente,",
            ),
            (
                "Do you have availability for 2 guests?\n\nBest regards,\nJohn Smith\nSenior Product Manager | Acme Corp.",
                "Do you have availability for 2 guests?\n\nBest regards,",
            ),
            (
                "Olá, de 12 a 15 de abril?\n\nAtenciosamente,\nAna Souza\nAnalista",
                "Olá, de 12 a 15 de abril?\n\nAtenciosamente,",
            ),
            // A closing first, or a thanks inside a sentence, ends nothing.
            (
                "Gracias por responder, somos 4",
                "Gracias por responder, somos 4",
            ),
            (
                "Hola\nGracias!\nSomos 4 del 3 al 5",
                "Hola\nGracias!\nSomos 4 del 3 al 5",
            ),
            (
                "Somos 4.\nMuchas gracias,\nJuan Pérez",
                "Somos 4.\nMuchas gracias,",
            ),
        ] {
            assert_eq!(own_words(body).trim(), want.trim(), "{body:?}");
        }
    }

    /// Real replies from ten mail clients (talon's, `testkit/fixtures/email/SOURCES.txt`): the
    /// guest wrote "Hello" in each, above the quote, below it or above a signature.
    #[test]
    fn real_replies_from_mail_clients_are_only_their_words() {
        let mut read = 0;
        for entry in std::fs::read_dir(testkit::fixtures::dir().join("email")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("talon_") {
                continue;
            }
            let body = std::fs::read_to_string(&path).unwrap();
            assert_eq!(own_words(&body).trim(), "Hello", "{path:?}");
            read += 1;
        }
        assert_eq!(read, 10);
    }

    #[test]
    fn forwarded_and_quoted_parts_are_left_out() {
        for (body, want) in [
            (
                "Te reenvío lo que me pasaron, ¿tienen lugar para 4?\n\n---------- Forwarded message ---------\nFrom: Pedro <p@x.com>\nDate: Mon, 1 Mar 2027\nSubject: viaje\n\nPedro: vamos del 10 al 12 con el perro",
                "Te reenvío lo que me pasaron, ¿tienen lugar para 4?",
            ),
            (
                "Dale, la quiero\n\nEl lun, 1 mar 2027 a las 10:00, Cabañas del Lago <reservas@lago.test> escribió:\n> ¿Te la reservo?",
                "Dale, la quiero",
            ),
            (
                "Perfect, book it\n\nOn Mon, Mar 1, 2027 at 10:00 AM Cabañas del Lago <reservas@lago.test>\nwrote:\n> Shall I book it?",
                "Perfect, book it",
            ),
            (
                "Sim, pode reservar\n\nEm seg., 1 de mar. de 2027 às 10:00, Cabañas <r@lago.test> escreveu:\n> Reservo?",
                "Sim, pode reservar",
            ),
            (
                "Confirmo las fechas\n\nDe: Cabañas del Lago <reservas@lago.test>\nEnviado: lunes, 1 de marzo de 2027 10:00\nPara: ana@x.com\nAsunto: Tu consulta",
                "Confirmo las fechas",
            ),
            (
                "See below\n\nBegin forwarded message:\n\nFrom: Ana\nSubject: cabins\n\nDo you take dogs?",
                "See below",
            ),
            (
                "Quiero del 3 al 5\n-- \nAna Pérez\nTel 11 5555 5555",
                "Quiero del 3 al 5",
            ),
            (
                "> lo que escribieron antes\nmi respuesta: somos 3",
                "mi respuesta: somos 3",
            ),
            (
                "Sí, la quiero\n\nEnviado desde mi iPhone\n\nEl 1 mar 2027, a las 10:00, Cabañas <r@lago.test> escribió:\n> ¿Te la reservo?",
                "Sí, la quiero",
            ),
            // A reply below the quote.
            (
                "El 1 mar 2027, a las 10:00, Cabañas <r@lago.test>\nescribió:\n> ¿Somos cuántos?\nsomos 3",
                "somos 3",
            ),
            (
                "Enviado desde mi trabajo: ¿tienen lugar el 3?",
                "Enviado desde mi trabajo: ¿tienen lugar el 3?",
            ),
            // A guest's own "de:" is not a header without one after it.
            (
                "de: 3 al 5 de marzo, somos 2",
                "de: 3 al 5 de marzo, somos 2",
            ),
        ] {
            assert_eq!(own_words(body), want, "{body:?}");
        }
    }
}

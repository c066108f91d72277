//! The text of an HTML-only email, for the rare post where Mailgun sends no text version
//! (it "attempts" one, its documentation says): tags dropped, line breaks kept where the HTML
//! breaks lines, the common entities decoded, and the quoted part mail clients wrap in a
//! `<blockquote>` or Gmail's `gmail_quote` left out. Pure text in, text out; the words are
//! then read like any body ([`super::words`]). It never renders, fetches or runs anything.

/// The text of `html`, one line per block.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    // Depth inside a quote (`<blockquote>`, Gmail's quote `<div>`), and inside `<style>`/`<script>`/`<head>`.
    let mut quoted = 0usize;
    let mut hidden = 0usize;
    let mut quote_divs: Vec<usize> = Vec::new();
    let mut divs = 0usize;
    while let Some(open) = rest.find('<') {
        if quoted == 0 && hidden == 0 {
            out.push_str(&decode(&rest[..open]));
        }
        // A '<' that starts no tag ("2 < 3") is text.
        let starts_tag = rest[open + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !starts_tag {
            if quoted == 0 && hidden == 0 {
                out.push('<');
            }
            rest = &rest[open + 1..];
            continue;
        }
        let Some(len) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + len].trim().to_ascii_lowercase();
        rest = &rest[open + len + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        match (name.as_str(), closing) {
            ("blockquote", false) => quoted += 1,
            ("blockquote", true) => quoted = quoted.saturating_sub(1),
            ("style" | "script" | "head" | "title", false) => hidden += 1,
            ("style" | "script" | "head" | "title", true) => hidden = hidden.saturating_sub(1),
            ("div", false) => {
                divs += 1;
                if tag.contains("gmail_quote") || tag.contains("divrplyfwdmsg") {
                    quote_divs.push(divs);
                    quoted += 1;
                }
            }
            ("div", true) => {
                if quote_divs.last() == Some(&divs) {
                    quote_divs.pop();
                    quoted = quoted.saturating_sub(1);
                }
                divs = divs.saturating_sub(1);
            }
            _ => {}
        }
        let breaks = matches!(
            name.as_str(),
            "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "hr"
        );
        // Each <br> is a line break; a block only starts a line.
        if breaks && quoted == 0 && hidden == 0 && (name == "br" || !out.ends_with('\n')) {
            out.push('\n');
        }
    }
    if quoted == 0 && hidden == 0 {
        out.push_str(&decode(rest));
    }
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// Text with HTML's whitespace as spaces and its common entities decoded.
fn decode(text: &str) -> String {
    let text = text.replace(['\r', '\n', '\t'], " ");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after.find(';').filter(|&end| end <= 8).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "aacute" => Some('á'),
                "eacute" => Some('é'),
                "iacute" => Some('í'),
                "oacute" => Some('ó'),
                "uacute" => Some('ú'),
                "ntilde" => Some('ñ'),
                "iquest" => Some('¿'),
                "iexcl" => Some('¡'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match entity {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_html_only_reply_is_its_text_without_the_quote() {
        // Gmail's HTML reply: the guest's words, then the quote in a gmail_quote div.
        let gmail = r#"<div dir="ltr">Hola, ¿tienen lugar para 2 del 3 al 5 de marzo?<br><br>Gracias&nbsp;&amp; saludos</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">El lun, 1 mar 2027 a las 10:00, Cabañas &lt;r@lago.test&gt; escribió:<br></div><blockquote class="gmail_quote">¿Te la reservo?</blockquote></div>"#;
        assert_eq!(
            text_of(gmail),
            "Hola, ¿tienen lugar para 2 del 3 al 5 de marzo?\n\nGracias & saludos"
        );
        // Outlook's: a style block, paragraphs, the reply's header in divRplyFwdMsg.
        let outlook = "<html><head><style>p{margin:0}</style></head><body><p>Somos 4, del 10 al 12</p><p>Juan&#233;</p><div id=\"divRplyFwdMsg\"><b>De:</b> Caba&ntilde;as<br>Enviado: lunes</div></body></html>";
        assert_eq!(text_of(outlook), "Somos 4, del 10 al 12\nJuané");
        assert_eq!(text_of("a & b < c"), "a & b < c");
    }
}

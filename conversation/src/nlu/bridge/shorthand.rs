//! Chat shorthand of English and Portuguese guests written out before anything reads the
//! message: "tmrw" is "tomorrow", "wknd" "weekend", "thx" "thanks", "qnto" "quanto", "fds"
//! "fim de semana", "hj" "hoje", "msm" "mesmo". The bridge's phrases ("quanto fica", "this
//! weekend") and the language's own words then read them as they read the whole words.
//!
//! Rules:
//! - only tokens no Spanish guest writes with another meaning ("u" is Spanish "o" before an
//!   "o": "7 u 8"; "tb", "pq" and "dps" are Spanish shorthand too, bridged apart);
//! - a token is replaced whole, by one word or several; the last keeps its punctuation;
//! - "w/o" reads "w" "o" once tokenized: "without", never "with" and the Spanish "o" (or).

use super::{super::normalize::Token, word};

/// (shorthand, the words it stands for).
#[rustfmt::skip]
const SHORTHAND: &[(&str, &str)] = &[
    // English
    ("tmrw", "tomorrow"), ("tmr", "tomorrow"), ("tmrow", "tomorrow"), ("tmw", "tomorrow"),
    ("2moro", "tomorrow"), ("2morrow", "tomorrow"), ("tomoz", "tomorrow"),
    ("wknd", "weekend"), ("wkend", "weekend"), ("wkd", "weekend"), ("wkends", "weekends"),
    ("thx", "thanks"), ("thnx", "thanks"), ("thnks", "thanks"), ("tks", "thanks"),
    ("ty", "thank you"), ("tysm", "thank you"),
    ("2nite", "tonight"), ("tonite", "tonight"), ("nite", "night"), ("nites", "nights"),
    ("b4", "before"), ("avail", "available"), ("abt", "about"), ("ur", "your"),
    ("bday", "birthday"), ("hols", "holidays"), ("arvo", "afternoon"),
    // "w/ my wife": the slash is a separator, so "w" is left alone ("w/o" is below).
    ("w", "with"),
    // Portuguese
    ("qnto", "quanto"), ("qto", "quanto"), ("qnt", "quanto"), ("qt", "quanto"),
    ("qnta", "quanta"), ("qta", "quanta"),
    ("qntos", "quantos"), ("qtos", "quantos"), ("qnts", "quantos"),
    ("qntas", "quantas"), ("qtas", "quantas"),
    ("fds", "fim de semana"), ("hj", "hoje"), ("amnh", "amanha"),
    ("qdo", "quando"), ("qndo", "quando"), ("qnd", "quando"),
    ("vc", "voce"), ("obgd", "obrigado"), ("obgdo", "obrigado"), ("obgda", "obrigada"),
    ("valew", "valeu"), ("msm", "mesmo"), ("tbm", "tambem"), ("cmg", "comigo"),
    ("mto", "muito"), ("dnv", "de novo"), ("agr", "agora"), ("blza", "beleza"),
];

/// The tokens with every shorthand written out.
pub(crate) fn expand(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut tokens = tokens.into_iter().peekable();
    while let Some(t) = tokens.next() {
        if t.is("w") && tokens.peek().is_some_and(|o| o.is("o")) {
            let o = tokens.next();
            out.push(word("without", o.is_some_and(|o| o.punct_after)));
            continue;
        }
        let Some((_, whole)) = SHORTHAND.iter().find(|(short, _)| t.is(short)) else {
            out.push(t);
            continue;
        };
        let words: Vec<&str> = whole.split(' ').collect();
        let last = words.len() - 1;
        out.extend(
            words
                .iter()
                .enumerate()
                .map(|(k, w)| word(w, k == last && t.punct_after)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::normalize::tokenize;
    use super::expand;

    fn text(s: &str) -> String {
        expand(tokenize(s))
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn shorthand_is_written_out() {
        for (short, whole) in [
            ("qnto fica no total?", "quanto fica no total"),
            ("esse fds tem vaga?", "esse fim de semana tem vaga"),
            ("tmrw for 2 nites", "tomorrow for 2 nights"),
            ("this wknd, thx", "this weekend thanks"),
            ("hj a noite", "hoje a noite"),
            ("w/ my wife", "with my wife"),
            ("2 adults w/o kids", "2 adults without kids"),
            ("essa msm", "essa mesmo"),
            // Spanish words pass unchanged.
            ("somos 7 u 8, tb con perro", "somos 7 u 8 tb con perro"),
        ] {
            assert_eq!(text(short), whole, "{short}");
        }
    }
}

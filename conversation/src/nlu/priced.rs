//! An option pointed at by its price: "la de 70 lucas", "la de $70.000", "la que sale 180
//! mil", "the one for 70k", "a de 60 mil". Guests remember an offer by what it costs (a
//! night's price or the stay's total) as often as by its name, and say the sum the way they
//! talk about money: thousands in "mil", "lucas", "k", or written out with dots.
//!
//! Reads the amount only; which option has it is the policy's (`policy::pick`).

use super::normalize::Token;

/// Words that say thousands after a small number: "70 mil", "70 lucas", "70k".
const THOUSANDS: &[&str] = &["mil", "lucas", "luquitas", "k", "lks", "thousand"];

/// Words between the pointer and the amount: "la de", "la que sale", "the one for".
const LEADS: &[&str] = &[
    "de", "sale", "cuesta", "custa", "sai", "for", "at", "da", "do", "para", "pra",
];

/// Words that point at an option: "la", "el", "esa", "the one", "a", "o".
const POINTERS: &[&str] = &[
    "la", "el", "esa", "ese", "one", "a", "o", "aquela", "aquella",
];

/// The sum in pesos an option is pointed at by, when the message points at one by a price.
pub(crate) fn priced(tokens: &[Token]) -> Option<u32> {
    (1..tokens.len()).find_map(|i| {
        let amount = amount_at(tokens, i)?;
        // "$": read as "pesos" just before the number.
        let lead = if tokens[i - 1].is("pesos") {
            i.checked_sub(2)?
        } else {
            i - 1
        };
        if !tokens[lead].is_any(LEADS) {
            return None;
        }
        // The pointer right before the lead ("la de"), or before "que" ("la que sale").
        let before = lead.checked_sub(1).map(|k| &tokens[k])?;
        let pointed = before.is_any(POINTERS)
            || before.is_any(&["que", "q", "which"])
                && lead
                    .checked_sub(2)
                    .is_some_and(|k| tokens[k].is_any(POINTERS));
        pointed.then_some(amount)
    })
}

/// The amount starting at token `i`, in pesos: "70.000", "70000", "70 mil", "70 lucas",
/// "70k"; only sums of at least a thousand (a small bare number is a party or a position).
fn amount_at(tokens: &[Token], i: usize) -> Option<u32> {
    let t = tokens.get(i)?;
    let plain: String = t.text.chars().filter(|c| *c != '.').collect();
    let grouped = t.text.contains('.')
        && t.text.split('.').skip(1).all(|g| g.len() == 3)
        && !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit());
    if grouped || t.is_digits() && t.text.len() >= 4 {
        return plain.parse().ok().filter(|v: &u32| *v >= 1000);
    }
    if t.is_digits() && tokens.get(i + 1).is_some_and(|n| n.is_any(THOUSANDS)) {
        let v: u32 = t.text.parse().ok()?;
        return v.checked_mul(1000).filter(|v| *v >= 1000);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlu::normalize::tokenize;

    #[test]
    fn a_price_pointed_at_is_read_in_pesos() {
        for (text, want) in [
            ("la de 70 lucas", Some(70_000)),
            ("la de 70 mil", Some(70_000)),
            ("la de $70.000", Some(70_000)),
            ("dale, la de 210.000", Some(210_000)),
            ("me quedo con la que sale 180 mil", Some(180_000)),
            ("la q cuesta 60000", Some(60_000)),
            ("the one for 70k", Some(70_000)),
            ("quero a de 60 mil", Some(60_000)),
            // No pick: a party, a position, a sum with no option pointed at.
            ("la de 6", None),
            ("la de 4 personas", None),
            ("tengo 70 mil de presupuesto", None),
            ("la seña de 63.000 ya la pagué", None),
        ] {
            assert_eq!(priced(&tokenize(text)), want, "{text}");
        }
    }
}

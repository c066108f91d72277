//! "Cancelar el saldo": in Argentina and Uruguay a debt is cancelled when it is paid off. "¿El
//! saldo se cancela al llegar?", "hay que cancelar el resto en efectivo?", "lo que falta lo
//! cancelamos por transferencia" ask how to pay, and must never become a cancellation. The verb
//! is rewritten to the same form of "pagar" when what is cancelled is money: a sum named after
//! it ("el saldo", "el resto", "la diferencia", "lo que falta"), a sum named just before it ("el
//! saldo se cancela", "el resto lo cancelo") or a way of paying right after it ("cancelar en
//! efectivo", "con tarjeta", "por transferencia"). The reservation, the stay, "todo" and the
//! deposit's own payment ("cancelar el pago") are still cancelled.

use super::super::normalize::Token;

/// Sums of money a guest settles.
const SUMS: &[&str] = &[
    "saldo",
    "resto",
    "restante",
    "diferencia",
    "importe",
    "monto",
    "deuda",
    "remanente",
];

/// "Lo que falta", "lo que resta", "lo que queda", "lo que debo": the sum still owed.
const OWED: &[&str] = &["falta", "resta", "queda", "quedaria", "debo", "debemos"];

/// Ways of paying named right after the verb ("en efectivo", "con tarjeta").
const WAYS: &[&str] = &[
    "efectivo",
    "tarjeta",
    "transferencia",
    "debito",
    "credito",
    "mercadopago",
];

/// Little words between the verb and what it settles.
const BETWEEN: &[&str] = &["el", "la", "lo", "los", "las", "ese", "esa", "todo", "que"];

/// Rewrites "cancelar" to "pagar" where it settles a sum (see the module docs).
pub(super) fn as_paying(mut tokens: Vec<Token>) -> Vec<Token> {
    for i in 0..tokens.len() {
        let Some(paying) = paying_form(&tokens[i].text) else {
            continue;
        };
        if settles_a_sum(&tokens, i) {
            tokens[i].text = paying;
            tokens[i].known = true;
        }
    }
    tokens
}

/// The form of "pagar" for a form of "cancelar" ("cancelamos" → "pagamos", "cancele" →
/// "pague", "cancelarlo" → "pagarlo"); `None` for any other word.
fn paying_form(word: &str) -> Option<String> {
    let rest = word.strip_prefix("cancel")?;
    // "cancelacion" is the noun; "cancel" alone is English.
    if rest.is_empty() || rest.starts_with("acion") {
        return None;
    }
    if rest.starts_with('e') {
        return Some(format!("pagu{rest}"));
    }
    Some(format!("pag{rest}"))
}

/// Whether the verb at `i` settles a sum: one named after it, just before it, or a way of
/// paying right after it.
fn settles_a_sum(tokens: &[Token], i: usize) -> bool {
    // "Cancelá el resto" may be an order to cancel the other cabins; "el resto se cancela",
    // "cancelamos el resto" settle it.
    let order = tokens[i].is_any(&["cancela", "cancele", "cancelen"])
        && !i
            .checked_sub(1)
            .is_some_and(|p| tokens[p].is_any(&["se", "lo", "la"]));
    let sum_at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.is_any(SUMS)
                && !(order && t.is_any(&["resto", "restante"]))
                // "El resto del grupo": people, not money.
                && !tokens.get(k + 1).is_some_and(|n| n.is_any(&["de", "del"]))
        })
    };
    // After: "cancelar el saldo", "cancelar lo que falta", "cancelar en efectivo".
    let mut k = i + 1;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_any(BETWEEN) && !t.punct_after)
        && k < i + 3
    {
        k += 1;
    }
    let owed_after =
        k > i + 1 && tokens[k - 1].is("que") && tokens.get(k).is_some_and(|t| t.is_any(OWED));
    let way_after = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_any(&["en", "con", "por", "via", "mediante"]))
        && tokens.get(i + 2).is_some_and(|t| t.is_any(WAYS));
    // "Cancelamos, el saldo no lo pagamos": a clause ends at the verb.
    let after = !tokens[i].punct_after && (sum_at(k) || owed_after || way_after);
    // Before, in the same clause: "el saldo se cancela", "el resto lo cancelamos".
    let before = (1..=3).any(|d| {
        let Some(at) = i.checked_sub(d) else {
            return false;
        };
        let same_clause = tokens
            .get(at..i)
            .is_some_and(|ws| ws.iter().all(|w| !w.punct_after));
        same_clause && sum_at(at)
    });
    let owed_before = (2..=4).any(|d| {
        i.checked_sub(d).is_some_and(|at| {
            tokens[at].is("que")
                && tokens.get(at + 1).is_some_and(|t| t.is_any(OWED))
                && tokens[at..i].iter().all(|w| !w.punct_after)
        })
    });
    after || before || owed_before
}

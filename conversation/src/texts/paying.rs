//! How a stay is paid: the deposit (always through the Mercado Pago link) and the balance (on
//! arrival, in the ways the property takes it), a yes or no to the way a guest asks about, and
//! what is left to pay once the deposit is in.
//!
//! A way the property has not said is never answered yes or no: the guest is told how it
//! works and offered someone from the team.

use booking::Money;

use super::list_or;
use crate::{BalanceMethods, Language, nlu::PayMethod};

/// When and how the balance is paid: "al llegar" or "al llegar, en efectivo o por
/// transferencia".
pub fn balance_ways(lang: Language, ways: BalanceMethods) -> String {
    let (arrival, cash, transfer, card) = match lang {
        Language::Es => (
            "al llegar",
            "en efectivo",
            "por transferencia",
            "con tarjeta",
        ),
        Language::En => ("on arrival", "in cash", "by bank transfer", "by card"),
        Language::Pt => (
            "na chegada",
            "em dinheiro",
            "por transferência",
            "no cartão",
        ),
    };
    let said: Vec<&str> = [
        (ways.cash, cash),
        (ways.transfer, transfer),
        (ways.card, card),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| *w)
    .collect();
    if said.is_empty() {
        arrival.to_owned()
    } else {
        format!("{arrival}, {}", list_or(lang, &said))
    }
}

/// A yes or a no to each way asked about, from what the property takes ("¡Sí! La seña se paga
/// con tarjeta por Mercado Pago. Por transferencia no, perdón."); nothing when none asked can
/// be answered. `deposit`: the ways were asked for the deposit, which only the Mercado Pago
/// link takes.
pub fn ways_asked(
    lang: Language,
    asked: &[PayMethod],
    ways: BalanceMethods,
    deposit: bool,
) -> Option<String> {
    ways_answered(lang, asked, ways, deposit, false)
}

/// [`ways_asked`] once the deposit is paid: a way asked about is for the balance ("¿aceptan
/// tarjeta?" after paying asks about the rest), so a card is a yes or a no from what the
/// property takes, and Mercado Pago (the deposit's way) is not answered.
pub fn balance_ways_asked(
    lang: Language,
    asked: &[PayMethod],
    ways: BalanceMethods,
) -> Option<String> {
    ways_answered(lang, asked, ways, false, true)
}

fn ways_answered(
    lang: Language,
    asked: &[PayMethod],
    ways: BalanceMethods,
    deposit: bool,
    paid: bool,
) -> Option<String> {
    let said = ways.is_said();
    let mut yes_first = None;
    let mut sentences: Vec<&str> = Vec::new();
    if deposit_by_hand_asked(asked, deposit) {
        sentences.push(match lang {
            Language::Es => "No, la seña se paga solo con el link de Mercado Pago (tarjeta o dinero en cuenta).",
            Language::En => "No, the deposit is paid only through the Mercado Pago link (card or Mercado Pago balance).",
            Language::Pt => "Não, o sinal é pago só pelo link do Mercado Pago (cartão ou saldo do Mercado Pago).",
        });
        yes_first = Some(false);
    }
    for way in asked {
        let (yes, sentence) = match (way, lang) {
            (PayMethod::MercadoPago, _) if paid => continue,
            (PayMethod::Card, _) if paid && !said => continue,
            (PayMethod::Card, Language::Es) if paid && ways.card => {
                (true, "El saldo lo podés pagar con tarjeta.")
            }
            (PayMethod::Card, Language::Es) if paid => (false, "Con tarjeta no, perdón."),
            (PayMethod::Card, Language::En) if paid && ways.card => {
                (true, "You can pay the balance by card.")
            }
            (PayMethod::Card, Language::En) if paid => (false, "Not by card, sorry."),
            (PayMethod::Card, Language::Pt) if paid && ways.card => {
                (true, "O saldo você pode pagar no cartão.")
            }
            (PayMethod::Card, Language::Pt) if paid => (false, "No cartão não, desculpa."),
            (PayMethod::Card, Language::Es) if ways.card => (
                true,
                "La seña se paga con tarjeta por Mercado Pago, y el saldo también podés pagarlo con tarjeta.",
            ),
            (PayMethod::Card, Language::Es) => (
                true,
                "La seña se paga con tarjeta de crédito o débito por Mercado Pago.",
            ),
            (PayMethod::Card, Language::En) if ways.card => (
                true,
                "The deposit is paid by card through Mercado Pago, and you can pay the balance by card too.",
            ),
            (PayMethod::Card, Language::En) => (
                true,
                "The deposit is paid by credit or debit card through Mercado Pago.",
            ),
            (PayMethod::Card, Language::Pt) if ways.card => (
                true,
                "O sinal é pago no cartão pelo Mercado Pago, e o saldo também pode ser no cartão.",
            ),
            (PayMethod::Card, Language::Pt) => (
                true,
                "O sinal é pago no cartão de crédito ou débito pelo Mercado Pago.",
            ),
            (PayMethod::MercadoPago, Language::Es) => (true, "La seña se paga por Mercado Pago."),
            (PayMethod::MercadoPago, Language::En) => {
                (true, "The deposit is paid through Mercado Pago.")
            }
            (PayMethod::MercadoPago, Language::Pt) => (true, "O sinal é pago pelo Mercado Pago."),
            (_, _) if !said => continue,
            (PayMethod::Transfer, Language::Es) if ways.transfer => {
                (true, "El saldo lo podés pagar por transferencia.")
            }
            (PayMethod::Transfer, Language::Es) => (false, "Por transferencia no, perdón."),
            (PayMethod::Transfer, Language::En) if ways.transfer => {
                (true, "You can pay the balance by bank transfer.")
            }
            (PayMethod::Transfer, Language::En) => (false, "Not by bank transfer, sorry."),
            (PayMethod::Transfer, Language::Pt) if ways.transfer => {
                (true, "O saldo você pode pagar por transferência.")
            }
            (PayMethod::Transfer, Language::Pt) => (false, "Por transferência não, desculpa."),
            (PayMethod::Cash, Language::Es) if ways.cash => {
                (true, "El saldo lo podés pagar en efectivo.")
            }
            (PayMethod::Cash, Language::Es) => (false, "En efectivo no, perdón."),
            (PayMethod::Cash, Language::En) if ways.cash => {
                (true, "You can pay the balance in cash.")
            }
            (PayMethod::Cash, Language::En) => (false, "Not in cash, sorry."),
            (PayMethod::Cash, Language::Pt) if ways.cash => {
                (true, "O saldo você pode pagar em dinheiro.")
            }
            (PayMethod::Cash, Language::Pt) => (false, "Em dinheiro não, desculpa."),
        };
        yes_first.get_or_insert(yes);
        sentences.push(sentence);
    }
    let yes = match lang {
        Language::Es => "¡Sí! ",
        Language::En => "Yes! ",
        Language::Pt => "Sim! ",
    };
    yes_first.map(|first| format!("{}{}", if first { yes } else { "" }, sentences.join(" ")))
}

/// The deposit asked to be paid in cash or by transfer: [`ways_asked`] says it is paid only
/// through the link, so what follows need not say it again.
pub fn deposit_by_hand_asked(asked: &[PayMethod], deposit: bool) -> bool {
    deposit
        && asked
            .iter()
            .any(|w| matches!(w, PayMethod::Cash | PayMethod::Transfer))
}

/// The balance after a deposit already said how it is paid: when and how the rest is paid.
pub fn the_rest(lang: Language, ways: BalanceMethods) -> String {
    let rest = balance_ways(lang, ways);
    match lang {
        Language::Es => format!(
            "El resto lo pagás {rest}. Si necesitás otra forma de pago, decime y le aviso a alguien del equipo 😊"
        ),
        Language::En => format!(
            "The rest is paid {rest}. If you need another way to pay, tell me and I'll ask someone from the team 😊"
        ),
        Language::Pt => format!(
            "O restante é pago {rest}. Se precisar de outra forma de pagamento, me diga que eu aviso alguém da equipe 😊"
        ),
    }
}

/// How booking is paid: the deposit (`percent` of the total when every cabin asks the same)
/// through the Mercado Pago link, the balance on arrival in the property's ways.
pub fn how_to_pay(lang: Language, percent: Option<i64>, ways: BalanceMethods) -> String {
    let rest = balance_ways(lang, ways);
    match (lang, percent) {
        (Language::Es, Some(p)) => format!(
            "Para reservar se paga una seña del {p} % del total con el link de Mercado Pago que te mando al hacer la reserva (tarjeta de crédito o débito, o dinero en cuenta) 💳 El resto lo pagás {rest}. Si necesitás otra forma de pago, decime y le aviso a alguien del equipo 😊"
        ),
        (Language::Es, None) => format!(
            "Para reservar se paga una seña (una parte del total, según la cabaña) con el link de Mercado Pago que te mando al hacer la reserva (tarjeta de crédito o débito, o dinero en cuenta) 💳 El resto lo pagás {rest}. Si necesitás otra forma de pago, decime y le aviso a alguien del equipo 😊"
        ),
        (Language::En, Some(p)) => format!(
            "To book, you pay a {p}% deposit through the Mercado Pago link I send you with the booking (credit or debit card, or a Mercado Pago balance) 💳 The rest is paid {rest}. If you need another way to pay, tell me and I'll ask someone from the team 😊"
        ),
        (Language::En, None) => format!(
            "To book, you pay a deposit (part of the total, depending on the cabin) through the Mercado Pago link I send you with the booking (credit or debit card, or a Mercado Pago balance) 💳 The rest is paid {rest}. If you need another way to pay, tell me and I'll ask someone from the team 😊"
        ),
        (Language::Pt, Some(p)) => format!(
            "Para reservar, você paga um sinal de {p}% do total pelo link do Mercado Pago que eu te mando com a reserva (cartão de crédito ou débito, ou saldo do Mercado Pago) 💳 O restante é pago {rest}. Se precisar de outra forma de pagamento, me diga que eu aviso alguém da equipe 😊"
        ),
        (Language::Pt, None) => format!(
            "Para reservar, você paga um sinal (uma parte do total, conforme o chalé) pelo link do Mercado Pago que eu te mando com a reserva (cartão de crédito ou débito, ou saldo do Mercado Pago) 💳 O restante é pago {rest}. Se precisar de outra forma de pagamento, me diga que eu aviso alguém da equipe 😊"
        ),
    }
}

/// How the deposit of a hold waiting for it is paid, and the balance after.
pub fn paying_the_hold(lang: Language, ways: BalanceMethods) -> String {
    let rest = balance_ways(lang, ways);
    match lang {
        Language::Es => format!(
            "La seña se paga con el link de Mercado Pago (tarjeta de crédito o débito, o dinero en cuenta) 💳 El resto lo pagás {rest}. Si necesitás otra forma de pago, decime y le aviso a alguien del equipo 😊"
        ),
        Language::En => format!(
            "The deposit is paid through the Mercado Pago link (credit or debit card, or a Mercado Pago balance) 💳 The rest is paid {rest}. If you need another way to pay, tell me and I'll ask someone from the team 😊"
        ),
        Language::Pt => format!(
            "O sinal é pago pelo link do Mercado Pago (cartão de crédito ou débito, ou saldo do Mercado Pago) 💳 O restante é pago {rest}. Se precisar de outra forma de pagamento, me diga que eu aviso alguém da equipe 😊"
        ),
    }
}

/// What is left to pay on a reservation whose deposit is in, and how.
pub fn balance_due(lang: Language, name: &str, balance: Money, ways: BalanceMethods) -> String {
    let rest = balance_ways(lang, ways);
    match (lang, balance.cents() == 0) {
        (Language::Es, true) => {
            format!("La seña de {name} ya está paga y no te queda nada por pagar 🙌")
        }
        (Language::Es, false) => format!(
            "La seña de {name} ya está paga 🙌 Te quedan {balance} por pagar {rest}. Si necesitás otra forma de pago, decime y le aviso a alguien del equipo 😊"
        ),
        (Language::En, true) => {
            format!("The deposit for {name} is paid and there's nothing left to pay 🙌")
        }
        (Language::En, false) => format!(
            "The deposit for {name} is paid 🙌 The balance of {balance} is paid {rest}. If you need another way to pay, tell me and I'll ask someone from the team 😊"
        ),
        (Language::Pt, true) => format!("O sinal de {name} já está pago e não falta pagar nada 🙌"),
        (Language::Pt, false) => format!(
            "O sinal de {name} já está pago 🙌 Faltam {balance}, pagos {rest}. Se precisar de outra forma de pagamento, me diga que eu aviso alguém da equipe 😊"
        ),
    }
}

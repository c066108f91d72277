//! Holds, changes, cancellations, payments and the voucher a confirmed guest keeps.

use booking::{CancellationPolicy, Money, Refund, Share, StayDates};
use chrono::{NaiveDate, NaiveTime};

use super::{balance_ways, day, range, stay_phrase};
use crate::{BalanceMethods, Language};

/// What the hold reply says.
pub struct HoldLines<'a> {
    pub code: &'a str,
    pub accommodation: &'a str,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
    pub total: Money,
    pub deposit: Money,
    pub expires: &'a str,
    pub link: &'a str,
    /// The code of the hold this one replaces (the guest changed its dates, people or cabin):
    /// the reply says the booking was changed and the old code no longer applies, so the
    /// guest never thinks they hold two.
    pub replaces: Option<&'a str>,
}

pub fn hold_placed_in(lang: Language, h: &HoldLines<'_>) -> String {
    let (a, b) = (day(lang, h.check_in), day(lang, h.check_out));
    let opening = match (lang, h.replaces) {
        (Language::Es, None) => format!("¡Listo! Te reservé {} 🙌", h.accommodation),
        (Language::Es, Some(old)) => format!(
            "¡Listo! Cambié tu reserva: ahora es {} 🙌 (la anterior, {old}, queda sin efecto)",
            h.accommodation
        ),
        (Language::En, None) => format!("Done! I've booked {} for you 🙌", h.accommodation),
        (Language::En, Some(old)) => format!(
            "Done! I've changed your booking: it's now {} 🙌 (the previous one, {old}, no longer applies)",
            h.accommodation
        ),
        (Language::Pt, None) => format!("Pronto! Reservei {} para você 🙌", h.accommodation),
        (Language::Pt, Some(old)) => format!(
            "Pronto! Alterei sua reserva: agora é {} 🙌 (a anterior, {old}, fica sem efeito)",
            h.accommodation
        ),
    };
    match lang {
        Language::Es => format!(
            "{opening}\nCódigo: {}\nEntrada: {a} · Salida: {b}\nHuéspedes: {}\nTotal: {} · Seña: {}\nTe la guardo hasta las {}. Para confirmarla, pagá la seña acá: {}",
            h.code, h.guests, h.total, h.deposit, h.expires, h.link
        ),
        Language::En => format!(
            "{opening}\nCode: {}\nCheck-in: {a} · Check-out: {b}\nGuests: {}\nTotal: {} · Deposit: {}\nI'll hold it until {}. To confirm it, pay the deposit here: {}",
            h.code, h.guests, h.total, h.deposit, h.expires, h.link
        ),
        Language::Pt => format!(
            "{opening}\nCódigo: {}\nEntrada: {a} · Saída: {b}\nHóspedes: {}\nTotal: {} · Sinal: {}\nGuardo até as {}. Para confirmar, pague o sinal aqui: {}",
            h.code, h.guests, h.total, h.deposit, h.expires, h.link
        ),
    }
}

/// Where the deposit of a hold is paid, or that its link is on its way.
fn pay_the_deposit(lang: Language, link: Option<&str>) -> String {
    match (lang, link) {
        (Language::Es, Some(l)) => format!("Para confirmarla, pagá la seña acá: {l}"),
        (Language::Es, None) => "En un ratito te llega el link para pagar la seña.".to_owned(),
        (Language::En, Some(l)) => format!("To confirm it, pay the deposit here: {l}"),
        (Language::En, None) => "The link to pay the deposit is on its way.".to_owned(),
        (Language::Pt, Some(l)) => format!("Para confirmar, pague o sinal aqui: {l}"),
        (Language::Pt, None) => "O link para pagar o sinal já está a caminho.".to_owned(),
    }
}

/// "¿Cuánto es la seña?" after the hold: what it costs and how to confirm it.
pub fn held_price(
    lang: Language,
    (name, code): (&str, Option<&str>),
    stay: &StayDates,
    (total, deposit): (booking::Money, booking::Money),
    link: Option<&str>,
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    let pay = format!(" {}", pay_the_deposit(lang, link));
    let (es, en) = match code {
        Some(c) => (format!(" (código {c})"), format!(" (code {c})")),
        None => (String::new(), String::new()),
    };
    match lang {
        Language::Es => {
            format!("Tu reserva{es}: {name}, {when}. Total {total}, seña {deposit} 😊{pay}")
        }
        Language::En => {
            format!("Your booking{en}: {name}, {when}. Total {total}, deposit {deposit} 😊{pay}")
        }
        Language::Pt => {
            format!("Sua reserva{es}: {name}, {when}. Total {total}, sinal {deposit} 😊{pay}")
        }
    }
}

/// "¿Sigue en pie?", "¿hasta cuándo tengo para pagar?": the hold stands, until when it is
/// kept, and how to confirm it.
pub fn hold_standing(
    lang: Language,
    asked_if_it_stands: bool,
    name: &str,
    stay: &StayDates,
    until: Option<chrono::NaiveDateTime>,
    link: Option<&str>,
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    let until = until.map(|t| match lang {
        Language::Es => t.format(" hasta las %H:%M del %d/%m").to_string(),
        Language::En => t.format(" until %H:%M on %d/%m").to_string(),
        Language::Pt => t.format(" até as %H:%M de %d/%m").to_string(),
    });
    let until = until.as_deref().unwrap_or("");
    let pay = match (lang, link) {
        (Language::Es, Some(l)) => format!("Para confirmarla, pagá la seña acá: {l}"),
        (Language::Es, None) => "En un ratito te llega el link para pagar la seña.".to_owned(),
        (Language::En, Some(l)) => format!("To confirm it, pay the deposit here: {l}"),
        (Language::En, None) => "The link to pay the deposit is on its way.".to_owned(),
        (Language::Pt, Some(l)) => format!("Para confirmar, pague o sinal aqui: {l}"),
        (Language::Pt, None) => "O link para pagar o sinal já está a caminho.".to_owned(),
    };
    let head = match (lang, asked_if_it_stands) {
        (Language::Es, true) => "¡Sí, tu reserva sigue en pie! 🙌 ",
        (Language::En, true) => "Yes, your booking stands! 🙌 ",
        (Language::Pt, true) => "Sim, sua reserva continua de pé! 🙌 ",
        (_, false) => "",
    };
    match lang {
        Language::Es => format!("{head}{name}, {when}. Te la guardo{until} ⏳ {pay}"),
        Language::En => format!("{head}{name}, {when}. I'll hold it{until} ⏳ {pay}"),
        Language::Pt => format!("{head}{name}, {when}. Guardo{until} ⏳ {pay}"),
    }
}

/// "¿Y el resto cómo lo pago?" before the deposit was paid: the deposit first, through the
/// link, then the balance on arrival, in the ways the property takes it when it says. `(total, deposit)`: the whole stay's (every cabin of a
/// group).
pub fn balance(
    lang: Language,
    (code, name): (&str, &str),
    (total, deposit): (Money, Money),
    link: Option<&str>,
    ways: BalanceMethods,
) -> String {
    let rest = Money::from_cents((total.cents() - deposit.cents()).max(0));
    let link = link.map(|l| format!(" ({l})")).unwrap_or_default();
    // "al llegar", or "al llegar, en efectivo o por transferencia" when the property says.
    let when = balance_ways(lang, ways);
    match lang {
        Language::Es => format!(
            "Tu reserva {code} ({name}) sale {total} en total: primero se paga la seña de {deposit} con el link{link} para confirmarla, y el saldo, {rest}, {when} 🏡"
        ),
        Language::En => format!(
            "Your booking {code} ({name}) is {total} in total: first the {deposit} deposit, paid through the link{link} to confirm it, and the balance, {rest}, {when} 🏡"
        ),
        Language::Pt => format!(
            "Sua reserva {code} ({name}) custa {total} no total: primeiro o sinal de {deposit}, pago pelo link{link} para confirmá-la, e o saldo, {rest}, {when} 🏡"
        ),
    }
}

/// "Ya pagué" before the payment was confirmed: the voucher follows once it is. `held`: the
/// hold's code and cabin, so the guest sees which booking the payment is for.
pub fn payment_pending(lang: Language, held: Option<(&str, &str)>) -> String {
    let which = match (lang, held) {
        (Language::Es, Some((code, name))) => format!(" de tu reserva {code} ({name})"),
        (Language::En, Some((code, name))) => format!(" for your booking {code} ({name})"),
        (Language::Pt, Some((code, name))) => format!(" da sua reserva {code} ({name})"),
        (_, None) => String::new(),
    };
    match lang {
        Language::Es => format!(
            "¡Gracias! 🙌 Apenas Mercado Pago nos confirme el pago{which} te mando el comprobante por acá (suele tardar unos minutos). Si pasa un rato y no te llega, avisame y le pido a alguien del equipo que lo revise."
        ),
        Language::En => format!(
            "Thank you! 🙌 As soon as Mercado Pago confirms the payment{which} I'll send you the voucher here (it usually takes a few minutes). If it doesn't arrive in a while, let me know and I'll ask someone from the team to check."
        ),
        Language::Pt => format!(
            "Obrigado! 🙌 Assim que o Mercado Pago confirmar o pagamento{which} te mando o comprovante por aqui (costuma levar alguns minutos). Se demorar e não chegar, me avise que eu peço para alguém da equipe verificar."
        ),
    }
}

/// "Ya te transferí la seña", "fiz um Pix", "I sent a bank transfer" with a hold waiting for its
/// deposit: a payment outside the Mercado Pago link is not seen here; a person checks it, and
/// the link still confirms at once.
pub fn paid_by_hand(lang: Language, held: Option<(&str, &str)>) -> String {
    let which = match (lang, held) {
        (Language::Es, Some((code, name))) => format!(" tu reserva {code} ({name})"),
        (Language::En, Some((code, name))) => format!(" your booking {code} ({name})"),
        (Language::Pt, Some((code, name))) => format!(" sua reserva {code} ({name})"),
        (Language::Es, None) => " tu reserva".to_owned(),
        (Language::En, None) => " your booking".to_owned(),
        (Language::Pt, None) => " sua reserva".to_owned(),
    };
    match lang {
        Language::Es => format!(
            "¡Gracias por avisar! 🙌 Un pago fuera del link de Mercado Pago no lo veo desde acá, así que le paso tu mensaje a alguien del equipo para que lo revise y te confirme{which} por acá (si tenés el comprobante, mandámelo así lo encuentran más rápido). Mientras tanto la reserva sigue guardada; si preferís, pagá la seña con el link y queda confirmada al instante."
        ),
        Language::En => format!(
            "Thanks for letting us know! 🙌 A payment outside the Mercado Pago link doesn't show up on my side, so I'm passing your message on to someone from our team to check it and confirm{which} here (if you have the receipt or voucher of the transfer, send it to me so they find it faster). Meanwhile the hold stays in place; if you prefer, pay the deposit through the link and it's confirmed right away."
        ),
        Language::Pt => format!(
            "Obrigado por avisar! 🙌 Um pagamento fora do link do Mercado Pago eu não consigo ver daqui, então passo sua mensagem para alguém da equipe verificar e confirmar{which} por aqui (se tiver o comprovante, me mande que eles encontram mais rápido). Enquanto isso a reserva continua guardada; se preferir, pague o sinal pelo link e ela fica confirmada na hora."
        ),
    }
}

/// "Ya pagué" with nothing held in this conversation: a person looks for the payment.
pub fn paid_nothing_held(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "¡Gracias por avisar! 🙌 No encuentro una reserva tuya en esta conversación, así que le paso tu mensaje a alguien del equipo para que revise el pago y te confirme por acá. Si tenés el código de la reserva (empieza con RES), pasámelo así lo encuentran más rápido."
        }
        Language::En => {
            "Thanks for letting us know! 🙌 I can't find a booking of yours in this conversation, so I'm passing your message on to someone from our team to check the payment and confirm it here. If you have the booking code (it starts with RES), send it to me so they find it faster."
        }
        Language::Pt => {
            "Obrigado por avisar! 🙌 Não encontro uma reserva sua nesta conversa, então vou passar sua mensagem para alguém da equipe verificar o pagamento e te confirmar por aqui. Se tiver o código da reserva (começa com RES), me mande para encontrarem mais rápido."
        }
    }
}

/// "¿Cuál es el código de mi reserva?": the code, what it holds, how to confirm it.
pub fn held_code(lang: Language, code: &str, name: &str, stay: &StayDates) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    match lang {
        Language::Es => format!("El código de tu reserva es {code} 🙌 ({name}, {when})."),
        Language::En => format!("Your booking code is {code} 🙌 ({name}, {when})."),
        Language::Pt => format!("O código da sua reserva é {code} 🙌 ({name}, {when})."),
    }
}

/// A code none of this guest's reservations has: a person looks it up.
pub fn code_not_found(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "No encuentro una reserva {code} hecha desde acá 🤔 Le paso tu consulta a alguien del \
             equipo, que la busca y te responde por acá en breve 🙌 Si la hiciste a nombre de otra \
             persona, contame a nombre de quién y las fechas."
        ),
        Language::En => format!(
            "I can't find a booking {code} made from here 🤔 I'm passing your message on to \
             someone from our team, who'll look it up and answer you here shortly 🙌 If it was \
             booked under someone else's name, tell me whose and the dates."
        ),
        Language::Pt => format!(
            "Não encontro uma reserva {code} feita por aqui 🤔 Vou passar sua mensagem para \
             alguém da equipe, que vai procurar e te responder por aqui em breve 🙌 Se foi feita \
             no nome de outra pessoa, me diga no nome de quem e as datas."
        ),
    }
}

/// "Dejala como estaba" after another stay or cabin was proposed: the hold stays as it was.
pub fn hold_kept(lang: Language, code: &str, name: &str, stay: &StayDates) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    match lang {
        Language::Es => format!("¡Listo! Tu reserva {code} queda como estaba 👍 {name}, {when}."),
        Language::En => format!("Sure! Your booking {code} stays as it was 👍 {name}, {when}."),
        Language::Pt => format!("Certo! Sua reserva {code} fica como estava 👍 {name}, {when}."),
    }
}

/// The yes after a cabin picked and held at once ("la Coihue" … "dale"): it is booked, its code
/// and how to confirm it.
pub fn pick_confirmed(
    lang: Language,
    name: &str,
    stay: &StayDates,
    code: &str,
    link: Option<&str>,
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    let pay = pay_the_deposit(lang, link);
    match lang {
        Language::Es => {
            format!("¡Listo, ya la tenés reservada! 🙌 {name}, {when}.\nCódigo: {code}\n{pay}")
        }
        Language::En => {
            format!("Done, it's already booked for you! 🙌 {name}, {when}.\nCode: {code}\n{pay}")
        }
        Language::Pt => {
            format!(
                "Pronto, já está reservado para você! 🙌 {name}, {when}.\nCódigo: {code}\n{pay}"
            )
        }
    }
}

/// "Dale" again after the hold: it is already held (the reservation named by its code, when
/// known), here is how to confirm it.
pub fn already_held(
    lang: Language,
    name: &str,
    stay: &StayDates,
    code: Option<&str>,
    link: Option<&str>,
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    // With its code (in Spanish as the reservation's name: no "Código:" that reads as a new
    // hold).
    let when = match (lang, code) {
        (_, None) => when,
        (Language::Es, Some(c)) => format!("{when} (tu reserva {c})"),
        (Language::En, Some(c)) => format!("{when} (code {c})"),
        (Language::Pt, Some(c)) => format!("{when} (código {c})"),
    };
    let pay = match (lang, link) {
        (Language::Es, Some(l)) => format!(" Para confirmarla, pagá la seña acá: {l}"),
        (Language::Es, None) => {
            " En un ratito te llega el link para pagar la seña y confirmarla.".to_owned()
        }
        (Language::En, Some(l)) => format!(" To confirm it, pay the deposit here: {l}"),
        (Language::En, None) => {
            " The link to pay the deposit and confirm it is on its way.".to_owned()
        }
        (Language::Pt, Some(l)) => format!(" Para confirmar, pague o sinal aqui: {l}"),
        (Language::Pt, None) => {
            " Em instantes chega o link para pagar o sinal e confirmar.".to_owned()
        }
    };
    match lang {
        Language::Es => format!("¡Ya la tenés reservada! 🙌 {name}, {when}.{pay}"),
        Language::En => format!("It's already on hold for you! 🙌 {name}, {when}.{pay}"),
        Language::Pt => format!("Já está reservado para você! 🙌 {name}, {when}.{pay}"),
    }
}

/// "Cancelá la de la Lenga" when the guest's reservation is another cabin's: nothing is
/// cancelled; what they do hold, and how to cancel it.
pub fn cancel_not_held(
    lang: Language,
    named: &str,
    held: &str,
    code: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let when = range(lang, from, to);
    match lang {
        Language::Es => format!(
            "No tenés ninguna reserva en {named} 🤔 La que tenés es {held}, {when} (código {code}), y sigue en pie. Si querés cancelar esa, decime «cancelala»."
        ),
        Language::En => format!(
            "You don't have a booking at {named} 🤔 The one you have is {held}, {when} (code {code}), and it stands. If you want to cancel that one, just say «cancel it»."
        ),
        Language::Pt => format!(
            "Você não tem reserva em {named} 🤔 A que você tem é {held}, {when} (código {code}), e continua de pé. Se quiser cancelar essa, me diga «cancela»."
        ),
    }
}

/// An unpaid hold released at the guest's request, its cabins named (a guest may hold
/// several).
pub fn hold_released(lang: Language, code: &str, cabins: &str) -> String {
    match lang {
        Language::Es => format!(
            "Listo, cancelé tu reserva {code} ({cabins}) y liberé las fechas 👍 No se te cobra nada. Si querés buscar otras fechas, acá estoy."
        ),
        Language::En => format!(
            "Done, I've cancelled your booking {code} ({cabins}) and released the dates 👍 You won't be charged anything. If you'd like other dates, I'm here."
        ),
        Language::Pt => format!(
            "Pronto, cancelei sua reserva {code} ({cabins}) e liberei as datas 👍 Você não paga nada. Se quiser outras datas, estou aqui."
        ),
    }
}

/// One cabin of an unpaid group let go at the guest's request ("cancelá la Coihue, vamos a ser
/// 6"): the rest of the group stays held.
pub fn group_part_released(lang: Language, code: &str, released: &str, kept: &str) -> String {
    match lang {
        Language::Es => format!(
            "Listo, saqué {released} de tu reserva {code} y liberé sus fechas 👍 Te sigo guardando {kept}; en un momento te mando el link de pago actualizado."
        ),
        Language::En => format!(
            "Done, I've cancelled {released} from your booking {code} and released its dates 👍 I'm still holding {kept} for you; I'll send you the updated payment link in a moment."
        ),
        Language::Pt => format!(
            "Pronto, cancelei {released} da sua reserva {code} e liberei as datas dela 👍 Continuo guardando {kept} para você; em instantes te mando o link de pagamento atualizado."
        ),
    }
}

/// A paid reservation the guest cancels: the property's policy, what it gives back on the
/// day, and that someone from the team confirms it (the reservation stays until then).
pub fn cancellation_requested(
    lang: Language,
    code: &str,
    policy: &CancellationPolicy,
    refund: &Refund,
) -> String {
    let terms = policy_terms(lang, policy);
    let why = format!("{terms}\n{}", refund_sentence(lang, refund));
    // Nothing given back: no refund is promised.
    let what = match (lang, refund.share) {
        (Language::Es, Share::Nothing) => "la cancelación",
        (Language::Es, _) => "la cancelación y la devolución",
        (Language::En, Share::Nothing) => "the cancellation",
        (Language::En, _) => "the cancellation and the refund",
        (Language::Pt, Share::Nothing) => "o cancelamento",
        (Language::Pt, _) => "o cancelamento e a devolução",
    };
    match lang {
        Language::Es => format!(
            "Recibimos tu pedido para cancelar la reserva {code} 🙏 {why}\nAlguien del equipo te confirma {what} por acá en breve; hasta entonces tu reserva sigue en pie."
        ),
        Language::En => format!(
            "We got your request to cancel booking {code} 🙏 {why}\nSomeone from our team will confirm {what} here shortly; until then your booking stands."
        ),
        Language::Pt => format!(
            "Recebemos seu pedido para cancelar a reserva {code} 🙏 {why}\nAlguém da equipe confirma {what} por aqui em breve; até lá sua reserva continua de pé."
        ),
    }
}

/// "¿Se puede cancelar?": the property's policy in plain words; applied to the guest's own
/// reservation when they hold one (`held`: its code and, when paid, what cancelling today gives
/// back). Nothing is cancelled.
pub fn cancellation_policy(
    lang: Language,
    policy: &CancellationPolicy,
    held: Option<(&str, Option<&Refund>)>,
) -> String {
    let terms = policy_terms(lang, policy);
    let yours = match (lang, held) {
        (_, None) => String::new(),
        (Language::Es, Some((code, None))) => format!(
            "\nTu reserva {code} todavía no tiene la seña paga: si la cancelás no pagás nada."
        ),
        (Language::En, Some((code, None))) => format!(
            "\nThe deposit of your booking {code} isn't paid yet: cancelling it costs you nothing."
        ),
        (Language::Pt, Some((code, None))) => {
            format!("\nO sinal da sua reserva {code} ainda não foi pago: cancelar não custa nada.")
        }
        (Language::Es, Some((code, Some(r)))) => {
            format!("\nPara tu reserva {code}: {}", refund_sentence(lang, r))
        }
        (Language::En, Some((code, Some(r)))) => {
            format!("\nFor your booking {code}: {}", refund_sentence(lang, r))
        }
        (Language::Pt, Some((code, Some(r)))) => {
            format!("\nPara sua reserva {code}: {}", refund_sentence(lang, r))
        }
    };
    let ask = match lang {
        Language::Es => " ¿Te puedo ayudar en algo más?",
        Language::En => " Anything else I can help with?",
        Language::Pt => " Posso ajudar em algo mais?",
    };
    format!("{terms}{yours}{ask}")
}

/// The policy's terms in plain words: "Si cancelás hasta 15 días antes de tu llegada, te
/// devolvemos la seña completa. Si cancelás después, la seña no se devuelve."
fn policy_terms(lang: Language, policy: &CancellationPolicy) -> String {
    let days = policy.full_refund_days();
    let full = match (lang, days) {
        (Language::Es, 0) => {
            "Podés cancelar hasta el día de tu llegada y te devolvemos la seña completa.".to_owned()
        }
        (Language::Es, 1) => {
            "Si cancelás hasta 1 día antes de tu llegada, te devolvemos la seña completa."
                .to_owned()
        }
        (Language::Es, d) => format!(
            "Si cancelás hasta {d} días antes de tu llegada, te devolvemos la seña completa."
        ),
        (Language::En, 0) => {
            "You can cancel up to the day you arrive and we give you the whole deposit back."
                .to_owned()
        }
        (Language::En, 1) => {
            "If you cancel up to 1 day before you arrive, we give you the whole deposit back."
                .to_owned()
        }
        (Language::En, d) => format!(
            "If you cancel up to {d} days before you arrive, we give you the whole deposit back."
        ),
        (Language::Pt, 0) => {
            "Você pode cancelar até o dia da chegada e devolvemos o sinal inteiro.".to_owned()
        }
        (Language::Pt, 1) => {
            "Se cancelar até 1 dia antes da chegada, devolvemos o sinal inteiro.".to_owned()
        }
        (Language::Pt, d) => {
            format!("Se cancelar até {d} dias antes da chegada, devolvemos o sinal inteiro.")
        }
    };
    let late = if days == 0 {
        String::new()
    } else {
        let share = share_phrase(lang, policy.late_share(), policy.credit_months());
        match lang {
            Language::Es => format!(" Si cancelás después, {share}."),
            Language::En => format!(" If you cancel later, {share}."),
            Language::Pt => format!(" Se cancelar depois, {share}."),
        }
    };
    format!("{full}{late}")
}

/// "como faltan 12 días para tu llegada, te devolvemos la seña completa."
fn refund_sentence(lang: Language, r: &Refund) -> String {
    let when = match (lang, r.days_left) {
        (Language::Es, ..0) => "Como tu estadía ya empezó".to_owned(),
        (Language::Es, 0) => "Como tu llegada es hoy".to_owned(),
        (Language::Es, 1) => "Como falta 1 día para tu llegada".to_owned(),
        (Language::Es, d) => format!("Como faltan {d} días para tu llegada"),
        (Language::En, ..0) => "As your stay has already begun".to_owned(),
        (Language::En, 0) => "As you arrive today".to_owned(),
        (Language::En, 1) => "As you arrive in 1 day".to_owned(),
        (Language::En, d) => format!("As you arrive in {d} days"),
        (Language::Pt, ..0) => "Como sua estadia já começou".to_owned(),
        (Language::Pt, 0) => "Como sua chegada é hoje".to_owned(),
        (Language::Pt, 1) => "Como falta 1 dia para sua chegada".to_owned(),
        (Language::Pt, d) => format!("Como faltam {d} dias para sua chegada"),
    };
    format!("{when}, {}.", share_phrase(lang, r.share, r.credit_months))
}

/// "te devolvemos el 50 % de la seña, y el resto lo podés usar para otra fecha dentro de 6 meses".
fn share_phrase(lang: Language, share: Share, credit: Option<u8>) -> String {
    let back = match (lang, share) {
        (Language::Es, Share::Full) => "te devolvemos la seña completa".to_owned(),
        (Language::Es, Share::Part(p)) => format!("te devolvemos el {p} % de la seña"),
        (Language::Es, Share::Nothing) => "la seña no se devuelve".to_owned(),
        (Language::En, Share::Full) => "we give you the whole deposit back".to_owned(),
        (Language::En, Share::Part(p)) => format!("we give you {p} % of the deposit back"),
        (Language::En, Share::Nothing) => "the deposit isn't refunded".to_owned(),
        (Language::Pt, Share::Full) => "devolvemos o sinal inteiro".to_owned(),
        (Language::Pt, Share::Part(p)) => format!("devolvemos {p} % do sinal"),
        (Language::Pt, Share::Nothing) => "o sinal não é devolvido".to_owned(),
    };
    let credit = match (credit, share) {
        (None, _) | (_, Share::Full) => String::new(),
        (Some(m), Share::Part(_)) => match lang {
            Language::Es => {
                format!(", y el resto lo podés usar para otra fecha dentro de los {m} meses")
            }
            Language::En => {
                format!(", and you can use the rest for another date within {m} months")
            }
            Language::Pt => format!(", e o resto você pode usar em outra data dentro de {m} meses"),
        },
        (Some(m), Share::Nothing) => match lang {
            Language::Es => format!(", pero la podés usar para otra fecha dentro de los {m} meses"),
            Language::En => format!(", but you can use it for another date within {m} months"),
            Language::Pt => format!(", mas você pode usá-lo em outra data dentro de {m} meses"),
        },
    };
    format!("{back}{credit}")
}

/// A group's cabins could not all be held (one was taken meanwhile): nothing was held.
pub fn group_taken(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "Uy, justo se ocupó una de las cabañas para esas fechas y no pude reservarlas juntas 😕 ¿Querés que busquemos otras fechas?"
        }
        Language::En => {
            "Oh, one of the cabins was just taken for those dates, so I couldn't book them together 😕 Shall we look at other dates?"
        }
        Language::Pt => {
            "Puxa, um dos chalés acabou de ser ocupado nessas datas e não consegui reservar juntos 😕 Quer que a gente veja outras datas?"
        }
    }
}

/// A group's hold the guest corrected, when a cabin of the new request was taken meanwhile:
/// the group stays as it was.
pub fn group_move_taken(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "Uy, justo se ocupó una de las cabañas para esas fechas y no pude hacer el cambio 😕 Tu reserva {code} sigue como estaba. ¿Querés que busquemos otras fechas?"
        ),
        Language::En => format!(
            "Oh, one of the cabins was just taken for those dates, so I couldn't make the change 😕 Your booking {code} stays as it was. Shall we look at other dates?"
        ),
        Language::Pt => format!(
            "Puxa, um dos chalés acabou de ser ocupado nessas datas e não consegui fazer a mudança 😕 Sua reserva {code} continua como estava. Quer que a gente veja outras datas?"
        ),
    }
}

/// A hold being placed (the code is not known yet) that the guest cancels: staff do it.
pub fn cancel_pending_hold(lang: Language) -> &'static str {
    match lang {
        Language::Es => {
            "¡Entendido! Le aviso al equipo para que cancele la reserva que te estaba haciendo y no se te cobra nada 🙌"
        }
        Language::En => {
            "Understood! I'll ask the team to cancel the booking I was making for you; you won't be charged 🙌"
        }
        Language::Pt => {
            "Entendido! Vou avisar a equipe para cancelar a reserva que eu estava fazendo; você não paga nada 🙌"
        }
    }
}

/// What a guest with a hold asks for instead of its cabin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Instead {
    /// "¿Hay una más grande?"
    Bigger,
    /// "¿Hay algo más barato?"
    Cheaper,
    /// "¿Qué más tenés para esas fechas?"
    Other,
}

/// The hold stays while others are offered: "Tu reserva … queda como está mientras decidís.
/// Para tener más espacio:".
pub fn kept_instead(lang: Language, instead: Instead, name: &str, code: &str) -> String {
    let what = match (lang, instead) {
        (Language::Es, Instead::Bigger) => "Para tener más espacio:",
        (Language::Es, Instead::Cheaper) => "Más económicas:",
        (Language::Es, Instead::Other) => "Las otras opciones:",
        (Language::En, Instead::Bigger) => "For more room:",
        (Language::En, Instead::Cheaper) => "Cheaper options:",
        (Language::En, Instead::Other) => "The other options:",
        (Language::Pt, Instead::Bigger) => "Para ter mais espaço:",
        (Language::Pt, Instead::Cheaper) => "Mais em conta:",
        (Language::Pt, Instead::Other) => "As outras opções:",
    };
    match lang {
        Language::Es => {
            format!("¡Claro! Tu reserva {code} en {name} queda como está mientras decidís. {what}")
        }
        Language::En => format!(
            "Sure! Your booking {code} at {name} stays on hold as it is while you decide. {what}"
        ),
        Language::Pt => format!(
            "Claro! Sua reserva {code} em {name} continua como está enquanto você decide. {what}"
        ),
    }
}

/// Nothing bigger (cheaper, else) than the hold's cabin: it stays as it is.
pub fn none_instead(lang: Language, instead: Instead, name: &str, code: &str) -> String {
    match (lang, instead) {
        (Language::Es, Instead::Bigger) => {
            format!("{name} ya es nuestra cabaña más grande 😊 Tu reserva {code} queda como está.")
        }
        (Language::Es, Instead::Cheaper) => {
            format!(
                "{name} ya es nuestra cabaña más económica 😊 Tu reserva {code} queda como está."
            )
        }
        (Language::Es, Instead::Other) => {
            format!("No tenemos otra cabaña 😊 Tu reserva {code} en {name} queda como está.")
        }
        (Language::En, Instead::Bigger) => {
            format!("{name} is already our largest cabin 😊 Your booking {code} stays as it is.")
        }
        (Language::En, Instead::Cheaper) => {
            format!(
                "{name} is already our most affordable cabin 😊 Your booking {code} stays as it is."
            )
        }
        (Language::En, Instead::Other) => {
            format!("We have no other cabin 😊 Your booking {code} at {name} stays as it is.")
        }
        (Language::Pt, Instead::Bigger) => {
            format!("{name} já é o nosso maior chalé 😊 Sua reserva {code} continua como está.")
        }
        (Language::Pt, Instead::Cheaper) => {
            format!(
                "{name} já é o nosso chalé mais em conta 😊 Sua reserva {code} continua como está."
            )
        }
        (Language::Pt, Instead::Other) => {
            format!("Não temos outro chalé 😊 Sua reserva {code} em {name} continua como está.")
        }
    }
}

/// The unpaid hold is being moved to new dates or a new head count.
pub fn moving_hold(
    lang: Language,
    code: &str,
    name: &str,
    stay: &StayDates,
    guests: u16,
) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    match lang {
        Language::Es => format!(
            "¡Dale, lo cambio! 🙌 Paso tu reserva {code} a {name} {phrase}. En un momento te mando el link de pago actualizado."
        ),
        Language::En => format!(
            "Sure, I'll change it! 🙌 I'm moving your booking {code} to {name} {phrase}. I'll send you the updated payment link in a moment."
        ),
        Language::Pt => format!(
            "Claro, eu mudo! 🙌 Passo sua reserva {code} para {name} {phrase}. Em instantes te mando o link de pagamento atualizado."
        ),
    }
}

/// A change to a paid reservation: staff handle it.
pub fn paid_change_requested(lang: Language, code: &str, asked: Option<ChangeAsked<'_>>) -> String {
    let noted = asked.map(|a| change_noted(lang, a)).unwrap_or_default();
    match lang {
        Language::Es => format!(
            "{noted}Tu reserva {code} ya está confirmada, así que el cambio lo hace alguien del equipo: ya le aviso y te escribe por acá en breve 🙌"
        ),
        Language::En => format!(
            "{noted}Your booking {code} is already confirmed, so someone from our team will make the change: I'm letting them know and they'll write to you here shortly 🙌"
        ),
        Language::Pt => format!(
            "{noted}Sua reserva {code} já está confirmada, então a mudança é feita por alguém da equipe: já aviso e te escrevem por aqui em breve 🙌"
        ),
    }
}

/// A change to a paid reservation into a cabin and dates another guest holds: not possible, the
/// stay stands; other dates may be asked for.
pub fn paid_change_taken(
    lang: Language,
    code: &str,
    cabin: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let dates = super::range(lang, from, to);
    match lang {
        Language::Es => format!(
            "Uy, {cabin} ya está ocupada {dates} 😕 así que ese cambio no se puede hacer. Tu reserva {code} sigue como está. Si querés, decime otras fechas y le paso el cambio a alguien del equipo 🙌"
        ),
        Language::En => format!(
            "Sorry, the {cabin} is already taken {dates} 😕 so that change isn't possible. Your booking {code} stays as it is. If you like, tell me other dates and I'll pass the change to someone from our team 🙌"
        ),
        Language::Pt => format!(
            "Poxa, a {cabin} já está ocupada {dates} 😕 então essa mudança não dá para fazer. Sua reserva {code} continua como está. Se quiser, me diga outras datas e eu passo a mudança para alguém da equipe 🙌"
        ),
    }
}

/// What a guest with a paid stay asked to change, said back before it goes to staff.
#[derive(Debug, Clone, Copy)]
pub enum ChangeAsked<'a> {
    /// Another number of guests in the cabin held, and how many it takes.
    Guests {
        cabin: &'a str,
        guests: u16,
        capacity: i32,
    },
    /// Other dates.
    Dates { from: NaiveDate, to: NaiveDate },
    /// Another cabin.
    Cabin(&'a str),
}

/// "Para 4 en Cabaña Coihue no hay problema de lugar (entran hasta 4) 👍 ", "Ojo: Cabaña
/// Arrayán es para 2 personas como máximo, así que para 3 haría falta otra cabaña. ",
/// "Anoté que la querés pasar del 12/04 al 15/04 📝 ".
fn change_noted(lang: Language, asked: ChangeAsked<'_>) -> String {
    match (lang, asked) {
        (
            Language::Es,
            ChangeAsked::Guests {
                cabin,
                guests,
                capacity,
            },
        ) if i32::from(guests) <= capacity => {
            format!(
                "Para {guests} en {cabin} no hay problema de lugar (entran hasta {capacity}) 👍 "
            )
        }
        (
            Language::En,
            ChangeAsked::Guests {
                cabin,
                guests,
                capacity,
            },
        ) if i32::from(guests) <= capacity => {
            format!("{guests} guests fit in the {cabin} (it sleeps up to {capacity}) 👍 ")
        }
        (
            Language::Pt,
            ChangeAsked::Guests {
                cabin,
                guests,
                capacity,
            },
        ) if i32::from(guests) <= capacity => {
            format!("Para {guests} pessoas a {cabin} dá certo (cabem até {capacity}) 👍 ")
        }
        (
            Language::Es,
            ChangeAsked::Guests {
                cabin,
                guests,
                capacity,
            },
        ) => format!(
            "Ojo: {cabin} es para {capacity} personas como máximo, así que para {guests} haría falta otra cabaña o sumar una. "
        ),
        (
            Language::En,
            ChangeAsked::Guests {
                cabin,
                guests,
                capacity,
            },
        ) => format!(
            "Heads up: the {cabin} sleeps {capacity} at most, so {guests} would need another cabin or a second one. "
        ),
        (
            Language::Pt,
            ChangeAsked::Guests {
                cabin,
                guests,
                capacity,
            },
        ) => format!(
            "Atenção: a {cabin} é para no máximo {capacity} pessoas, então para {guests} precisaria de outra cabana ou mais uma. "
        ),
        (Language::Es, ChangeAsked::Dates { from, to }) => {
            format!(
                "Anoté que la querés pasar a las fechas {} 📝 ",
                super::range(lang, from, to)
            )
        }
        (Language::En, ChangeAsked::Dates { from, to }) => {
            format!(
                "Noted: you'd like to move it to the dates {} 📝 ",
                super::range(lang, from, to)
            )
        }
        (Language::Pt, ChangeAsked::Dates { from, to }) => {
            format!(
                "Anotei que você quer mudar para as datas {} 📝 ",
                super::range(lang, from, to)
            )
        }
        (Language::Es, ChangeAsked::Cabin(cabin)) => {
            format!("Anoté que te querés pasar a {cabin} 📝 ")
        }
        (Language::En, ChangeAsked::Cabin(cabin)) => {
            format!("Noted: you'd like to switch to the {cabin} 📝 ")
        }
        (Language::Pt, ChangeAsked::Cabin(cabin)) => {
            format!("Anotei que você quer mudar para a {cabin} 📝 ")
        }
    }
}

/// Staff moved the guest's reservation (a hold or a paid stay) to other dates or another
/// cabin: the new stay under the same code.
pub fn stay_moved_in(
    lang: Language,
    code: &str,
    accommodation: &str,
    stay: &StayDates,
    guests: u16,
) -> String {
    let phrase = stay_phrase(lang, stay, guests);
    match lang {
        Language::Es => format!(
            "¡Listo! Cambiamos tu reserva {code} 🙌 Ahora es en {accommodation}, {phrase}. Lo demás sigue igual; si tenés alguna duda, escribinos por acá."
        ),
        Language::En => format!(
            "All set! We've changed your booking {code} 🙌 It's now at {accommodation}, {phrase}. Everything else stays the same; if you have any questions, write to us here."
        ),
        Language::Pt => format!(
            "Pronto! Mudamos sua reserva {code} 🙌 Agora é em {accommodation}, {phrase}. O resto continua igual; se tiver alguma dúvida, escreva pra gente por aqui."
        ),
    }
}

/// Staff cancelled the guest's paid reservation with the property's policy: its nights are
/// free and what comes back of the deposit, as the policy (or what the guest was told when
/// they asked) says.
pub fn cancelled_by_staff_in(lang: Language, code: &str, refund: &Refund) -> String {
    let why = refund_sentence(lang, refund);
    let refund_follows = refund.share != Share::Nothing;
    match lang {
        Language::Es => format!(
            "Tu reserva {code} quedó cancelada 🙏 {why}{}\n¡Ojalá podamos recibirte en otra ocasión!",
            if refund_follows {
                " Te escribimos por acá para coordinar la devolución."
            } else {
                ""
            }
        ),
        Language::En => format!(
            "Your booking {code} has been cancelled 🙏 {why}{}\nWe hope to welcome you another time!",
            if refund_follows {
                " We'll write to you here to arrange the refund."
            } else {
                ""
            }
        ),
        Language::Pt => format!(
            "Sua reserva {code} foi cancelada 🙏 {why}{}\nEsperamos receber você em outra ocasião!",
            if refund_follows {
                " Escrevemos por aqui para combinar a devolução."
            } else {
                ""
            }
        ),
    }
}

/// Everything a confirmed guest needs, in one message they can keep.
pub struct Voucher<'a> {
    pub code: &'a str,
    pub accommodation: &'a str,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
    pub address: Option<&'a str>,
    pub check_in_time: NaiveTime,
    pub check_out_time: NaiveTime,
    pub total: Money,
    pub deposit_paid: Money,
    /// How the property takes the balance (on arrival, in these ways).
    pub balance_ways: BalanceMethods,
}

impl Voucher<'_> {
    pub fn balance(&self) -> Money {
        Money::from_cents((self.total.cents() - self.deposit_paid.cents()).max(0))
    }

    pub fn nights(&self) -> i64 {
        (self.check_out - self.check_in).num_days()
    }
}

/// A voucher sent again when the guest asks for it: its lines under "here it is again", not
/// the payment's news told a second time.
pub fn sent_again(lang: Language, voucher: &str) -> String {
    let lines = voucher.split_once('\n').map_or(voucher, |(_, rest)| rest);
    let again = match lang {
        Language::Es => "Tu reserva está confirmada ✅ Acá tenés tu comprobante de nuevo 👇",
        Language::En => "Your booking is confirmed ✅ Here's your voucher again 👇",
        Language::Pt => "Sua reserva está confirmada ✅ Aqui está seu comprovante de novo 👇",
    };
    format!("{again}\n{lines}")
}

pub fn voucher_text(lang: Language, v: &Voucher<'_>) -> String {
    let (a, b) = (day(lang, v.check_in), day(lang, v.check_out));
    let (tin, tout) = (
        v.check_in_time.format("%H:%M").to_string(),
        v.check_out_time.format("%H:%M").to_string(),
    );
    let nights = v.nights();
    let balance = v.balance();
    match lang {
        Language::Es => {
            let address = v.address.map_or(
                "Te la pasamos por acá antes de tu llegada".to_owned(),
                str::to_owned,
            );
            let how = balance_ways(lang, v.balance_ways);
            let balance_line = if balance.cents() == 0 {
                "Saldo: nada, ¡está todo pago!".to_owned()
            } else {
                format!("Saldo a pagar: {balance} ({how})")
            };
            format!(
                "¡Pago confirmado! 🎉 Tu reserva está confirmada. Guardá este mensaje, es tu comprobante:\nCódigo: {}\nCabaña: {}\nEntrada: {a} desde las {tin} · Salida: {b} hasta las {tout} ({nights} {})\nHuéspedes: {}\nDirección: {address}\nSeña pagada: {} de {} en total\n{balance_line}\n¡Te esperamos! 🏡",
                v.code,
                v.accommodation,
                if nights == 1 { "noche" } else { "noches" },
                v.guests,
                v.deposit_paid,
                v.total
            )
        }
        Language::En => {
            let address = v.address.map_or(
                "We'll send it to you here before you arrive".to_owned(),
                str::to_owned,
            );
            let how = balance_ways(lang, v.balance_ways);
            let balance_line = if balance.cents() == 0 {
                "Balance: nothing, it's all paid!".to_owned()
            } else {
                format!("Balance due: {balance} ({how})")
            };
            format!(
                "Payment confirmed! 🎉 Your booking is confirmed. Keep this message, it's your voucher:\nCode: {}\nCabin: {}\nCheck-in: {a} from {tin} · Check-out: {b} by {tout} ({nights} {})\nGuests: {}\nAddress: {address}\nDeposit paid: {} of {} in total\n{balance_line}\nSee you soon! 🏡",
                v.code,
                v.accommodation,
                if nights == 1 { "night" } else { "nights" },
                v.guests,
                v.deposit_paid,
                v.total
            )
        }
        Language::Pt => {
            let address = v.address.map_or(
                "Enviamos por aqui antes da sua chegada".to_owned(),
                str::to_owned,
            );
            let how = balance_ways(lang, v.balance_ways);
            let balance_line = if balance.cents() == 0 {
                "Saldo: nada, está tudo pago!".to_owned()
            } else {
                format!("Saldo a pagar: {balance} ({how})")
            };
            format!(
                "Pagamento confirmado! 🎉 Sua reserva está confirmada. Guarde esta mensagem, é seu comprovante:\nCódigo: {}\nChalé: {}\nEntrada: {a} a partir das {tin} · Saída: {b} até as {tout} ({nights} {})\nHóspedes: {}\nEndereço: {address}\nSinal pago: {} de {} no total\n{balance_line}\nTe esperamos! 🏡",
                v.code,
                v.accommodation,
                if nights == 1 { "noite" } else { "noites" },
                v.guests,
                v.deposit_paid,
                v.total
            )
        }
    }
}

pub fn payment_confirmed_in(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => {
            format!("¡Pago confirmado! 🎉 Tu reserva {code} está confirmada. ¡Te esperamos!")
        }
        Language::En => {
            format!("Payment confirmed! 🎉 Your booking {code} is confirmed. See you soon!")
        }
        Language::Pt => {
            format!("Pagamento confirmado! 🎉 Sua reserva {code} está confirmada. Te esperamos!")
        }
    }
}

/// The deposit given back through Mercado Pago: how much, and that the bank may take days.
pub fn deposit_refunded_in(lang: Language, code: &str, amount: booking::Money) -> String {
    match lang {
        Language::Es => format!(
            "Te devolvimos {amount} de la seña de la reserva {code} 🙏 Según tu banco o tarjeta, puede tardar unos días en verse en tu cuenta."
        ),
        Language::En => format!(
            "We've refunded {amount} of the deposit for booking {code} 🙏 Depending on your bank or card, it may take a few days to show in your account."
        ),
        Language::Pt => format!(
            "Devolvemos {amount} do sinal da reserva {code} 🙏 Dependendo do seu banco ou cartão, pode levar alguns dias para aparecer na sua conta."
        ),
    }
}

pub fn payment_rejected_in(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "El pago de la reserva {code} no se pudo completar 😕 Si querés, podés intentarlo de nuevo con el mismo link."
        ),
        Language::En => format!(
            "The payment for booking {code} couldn't be completed 😕 If you like, you can try again with the same link."
        ),
        Language::Pt => format!(
            "O pagamento da reserva {code} não pôde ser concluído 😕 Se quiser, pode tentar de novo com o mesmo link."
        ),
    }
}

pub fn hold_expired_in(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "Tu pre-reserva {code} venció porque no recibimos el pago a tiempo. Si todavía te interesa, escribinos y lo vemos de nuevo 😊"
        ),
        Language::En => format!(
            "Your hold {code} expired because we didn't receive the payment in time. If you're still interested, write to us and we'll look again 😊"
        ),
        Language::Pt => format!(
            "Sua pré-reserva {code} venceu porque não recebemos o pagamento a tempo. Se ainda tiver interesse, escreva para nós que vemos de novo 😊"
        ),
    }
}

pub fn hold_released_dates_taken_in(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "¡Hola! Te escribimos por tu pre-reserva {code}: justo se confirmó otra reserva para esas mismas fechas y no vamos a poder mantenerla 😔 Te pedimos mil disculpas. Si querés, contanos otras fechas y te ayudamos a encontrar lugar."
        ),
        Language::En => format!(
            "Hi! We're writing about your hold {code}: another booking for those same dates was just confirmed and we won't be able to keep it 😔 We're very sorry. If you like, tell us other dates and we'll help you find a place."
        ),
        Language::Pt => format!(
            "Olá! Escrevemos sobre sua pré-reserva {code}: outra reserva para essas mesmas datas acabou de ser confirmada e não vamos conseguir mantê-la 😔 Pedimos mil desculpas. Se quiser, conte outras datas que ajudamos a encontrar lugar."
        ),
    }
}

pub fn paid_but_dates_taken_in(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "¡Recibimos tu pago de la reserva {code}, gracias! 🙏 Pero como la pre-reserva ya había vencido, esas fechas se ocuparon mientras tanto 😔 Te vamos a devolver el dinero y alguien del equipo te escribe en breve. Si querés, contanos otras fechas y te ayudamos a encontrar lugar."
        ),
        Language::En => format!(
            "We received your payment for booking {code}, thank you! 🙏 But since the hold had already expired, those dates were taken in the meantime 😔 We'll refund you and someone from our team will write to you shortly. If you like, tell us other dates and we'll help you find a place."
        ),
        Language::Pt => format!(
            "Recebemos seu pagamento da reserva {code}, obrigado! 🙏 Mas como a pré-reserva já tinha vencido, essas datas foram ocupadas nesse meio-tempo 😔 Vamos devolver o dinheiro e alguém da equipe te escreve em breve. Se quiser, conte outras datas que ajudamos a encontrar lugar."
        ),
    }
}

/// One cabin of a group, as the group's messages list it.
pub struct GroupCabin<'a> {
    pub code: &'a str,
    pub accommodation: &'a str,
    pub guests: u16,
}

/// What the reply to a group's holds says: one code for the request, every cabin with its own
/// code, and one payment link for the deposits of all.
pub struct GroupHoldLines<'a> {
    pub code: &'a str,
    pub cabins: &'a [GroupCabin<'a>],
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub total: Money,
    pub deposit: Money,
    pub expires: &'a str,
    pub link: &'a str,
}

fn cabin_lines(lang: Language, cabins: &[GroupCabin<'_>]) -> String {
    cabins
        .iter()
        .map(|c| {
            let who = match lang {
                Language::Es => super::plural(i64::from(c.guests), "huésped", "huéspedes"),
                Language::En => super::plural(i64::from(c.guests), "guest", "guests"),
                Language::Pt => super::plural(i64::from(c.guests), "hóspede", "hóspedes"),
            };
            format!("• {} ({}): {} {who}", c.accommodation, c.code, c.guests)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn group_hold_placed_in(lang: Language, h: &GroupHoldLines<'_>) -> String {
    let (a, b) = (day(lang, h.check_in), day(lang, h.check_out));
    let lines = cabin_lines(lang, h.cabins);
    match lang {
        Language::Es => format!(
            "¡Listo! Te reservé las cabañas juntas 🙌\nCódigo del grupo: {}\n{lines}\nEntrada: {a} · Salida: {b}\nTotal: {} · Seña: {}\nTe las guardo hasta las {}. Para confirmarlas, pagá la seña de todas en un solo pago acá: {}",
            h.code, h.total, h.deposit, h.expires, h.link
        ),
        Language::En => format!(
            "Done! I've booked the cabins together for you 🙌\nGroup code: {}\n{lines}\nCheck-in: {a} · Check-out: {b}\nTotal: {} · Deposit: {}\nI'll hold them until {}. To confirm them, pay the deposit for all of them in one payment here: {}",
            h.code, h.total, h.deposit, h.expires, h.link
        ),
        Language::Pt => format!(
            "Pronto! Reservei os chalés juntos para você 🙌\nCódigo do grupo: {}\n{lines}\nEntrada: {a} · Saída: {b}\nTotal: {} · Sinal: {}\nGuardo até as {}. Para confirmar, pague o sinal de todos em um só pagamento aqui: {}",
            h.code, h.total, h.deposit, h.expires, h.link
        ),
    }
}

/// Everything a confirmed group needs, in one message they can keep: every cabin with its code.
pub struct GroupVoucher<'a> {
    pub code: &'a str,
    pub cabins: &'a [GroupCabin<'a>],
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub address: Option<&'a str>,
    pub check_in_time: NaiveTime,
    pub check_out_time: NaiveTime,
    pub total: Money,
    pub deposit_paid: Money,
    /// How the property takes the balance (on arrival, in these ways).
    pub balance_ways: BalanceMethods,
}

pub fn group_voucher_text(lang: Language, v: &GroupVoucher<'_>) -> String {
    let (a, b) = (day(lang, v.check_in), day(lang, v.check_out));
    let (tin, tout) = (
        v.check_in_time.format("%H:%M").to_string(),
        v.check_out_time.format("%H:%M").to_string(),
    );
    let nights = (v.check_out - v.check_in).num_days();
    let balance = Money::from_cents((v.total.cents() - v.deposit_paid.cents()).max(0));
    let guests: u32 = v.cabins.iter().map(|c| u32::from(c.guests)).sum();
    let lines = cabin_lines(lang, v.cabins);
    match lang {
        Language::Es => {
            let address = v
                .address
                .unwrap_or("Te la pasamos por acá antes de tu llegada");
            let balance_line = if balance.cents() == 0 {
                "Saldo: nada, ¡está todo pago!".to_owned()
            } else {
                format!(
                    "Saldo a pagar: {balance} ({})",
                    balance_ways(lang, v.balance_ways)
                )
            };
            format!(
                "¡Pago confirmado! 🎉 Tus cabañas están confirmadas. Guardá este mensaje, es tu comprobante:\nCódigo del grupo: {}\n{lines}\nEntrada: {a} desde las {tin} · Salida: {b} hasta las {tout} ({nights} {})\nHuéspedes: {guests} en total\nDirección: {address}\nSeña pagada: {} de {} en total\n{balance_line}\n¡Te esperamos! 🏡",
                v.code,
                super::plural(nights, "noche", "noches"),
                v.deposit_paid,
                v.total
            )
        }
        Language::En => {
            let address = v
                .address
                .unwrap_or("We'll send it to you here before you arrive");
            let balance_line = if balance.cents() == 0 {
                "Balance: nothing, it's all paid!".to_owned()
            } else {
                format!(
                    "Balance due: {balance} ({})",
                    balance_ways(lang, v.balance_ways)
                )
            };
            format!(
                "Payment confirmed! 🎉 Your cabins are confirmed. Keep this message, it's your voucher:\nGroup code: {}\n{lines}\nCheck-in: {a} from {tin} · Check-out: {b} by {tout} ({nights} {})\nGuests: {guests} in all\nAddress: {address}\nDeposit paid: {} of {} in total\n{balance_line}\nSee you soon! 🏡",
                v.code,
                super::plural(nights, "night", "nights"),
                v.deposit_paid,
                v.total
            )
        }
        Language::Pt => {
            let address = v
                .address
                .unwrap_or("Enviamos por aqui antes da sua chegada");
            let balance_line = if balance.cents() == 0 {
                "Saldo: nada, está tudo pago!".to_owned()
            } else {
                format!(
                    "Saldo a pagar: {balance} ({})",
                    balance_ways(lang, v.balance_ways)
                )
            };
            format!(
                "Pagamento confirmado! 🎉 Seus chalés estão confirmados. Guarde esta mensagem, é seu comprovante:\nCódigo do grupo: {}\n{lines}\nEntrada: {a} a partir das {tin} · Saída: {b} até as {tout} ({nights} {})\nHóspedes: {guests} no total\nEndereço: {address}\nSinal pago: {} de {} no total\n{balance_line}\nTe esperamos! 🏡",
                v.code,
                super::plural(nights, "noite", "noites"),
                v.deposit_paid,
                v.total
            )
        }
    }
}

/// The hotel's own booking system refused the stay after it was held here (its nights were
/// taken there): the hold is released and nothing was charged.
pub fn pms_refused_in(lang: Language, accommodation: &str) -> String {
    match lang {
        Language::Es => format!(
            "Uy, justo se ocupó {accommodation} para esas fechas y no pude reservarla 😕 No se te cobró nada. ¿Querés que busquemos otras fechas?"
        ),
        Language::En => format!(
            "Oh, {accommodation} was just taken for those dates and I couldn't book it 😕 Nothing was charged. Shall we look at other dates?"
        ),
        Language::Pt => format!(
            "Puxa, {accommodation} acabou de ser ocupado nessas datas e não consegui reservar 😕 Nada foi cobrado. Quer que a gente veja outras datas?"
        ),
    }
}

/// The hotel's own booking system cannot be reached for now: the hold is released, nothing was
/// charged, and the guest is asked to try again in a while.
pub fn pms_unavailable_in(lang: Language, accommodation: &str) -> String {
    match lang {
        Language::Es => format!(
            "Perdoná, en este momento no puedo terminar la reserva de {accommodation} 😕 No se te cobró nada. Escribime de nuevo en unos minutos y lo intentamos otra vez."
        ),
        Language::En => format!(
            "Sorry, I can't finish booking {accommodation} right now 😕 Nothing was charged. Write to me again in a few minutes and we'll try once more."
        ),
        Language::Pt => format!(
            "Desculpa, agora não consigo concluir a reserva de {accommodation} 😕 Nada foi cobrado. Me escreve de novo em alguns minutos e tentamos outra vez."
        ),
    }
}

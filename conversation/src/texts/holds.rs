//! Holds, changes, cancellations, payments and the voucher a confirmed guest keeps.

use booking::{Money, StayDates};
use chrono::{NaiveDate, NaiveTime};

use super::{day, range, stay_phrase};
use crate::Language;

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
}

pub fn hold_placed_in(lang: Language, h: &HoldLines<'_>) -> String {
    let (a, b) = (day(lang, h.check_in), day(lang, h.check_out));
    match lang {
        Language::Es => format!(
            "¡Listo! Te reservé {} 🙌\nCódigo: {}\nEntrada: {a} · Salida: {b}\nHuéspedes: {}\nTotal: {} · Seña: {}\nTe la guardo hasta las {}. Para confirmarla, pagá la seña acá: {}",
            h.accommodation, h.code, h.guests, h.total, h.deposit, h.expires, h.link
        ),
        Language::En => format!(
            "Done! I've booked {} for you 🙌\nCode: {}\nCheck-in: {a} · Check-out: {b}\nGuests: {}\nTotal: {} · Deposit: {}\nI'll hold it until {}. To confirm it, pay the deposit here: {}",
            h.accommodation, h.code, h.guests, h.total, h.deposit, h.expires, h.link
        ),
        Language::Pt => format!(
            "Pronto! Reservei {} para você 🙌\nCódigo: {}\nEntrada: {a} · Saída: {b}\nHóspedes: {}\nTotal: {} · Sinal: {}\nGuardo até as {}. Para confirmar, pague o sinal aqui: {}",
            h.accommodation, h.code, h.guests, h.total, h.deposit, h.expires, h.link
        ),
    }
}

/// "¿Cuánto es la seña?" after the hold: what it costs and how to confirm it.
pub fn held_price(
    lang: Language,
    name: &str,
    stay: &StayDates,
    (total, deposit): (booking::Money, booking::Money),
    link: Option<&str>,
) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
    let pay = match (lang, link) {
        (Language::Es, Some(l)) => format!(" Para confirmarla, pagá la seña acá: {l}"),
        (Language::Es, None) => " En un ratito te llega el link para pagar la seña.".to_owned(),
        (Language::En, Some(l)) => format!(" To confirm it, pay the deposit here: {l}"),
        (Language::En, None) => " The link to pay the deposit is on its way.".to_owned(),
        (Language::Pt, Some(l)) => format!(" Para confirmar, pague o sinal aqui: {l}"),
        (Language::Pt, None) => " O link para pagar o sinal já está a caminho.".to_owned(),
    };
    match lang {
        Language::Es => {
            format!("Tu reserva: {name}, {when}. Total {total}, seña {deposit} 😊{pay}")
        }
        Language::En => {
            format!("Your booking: {name}, {when}. Total {total}, deposit {deposit} 😊{pay}")
        }
        Language::Pt => {
            format!("Sua reserva: {name}, {when}. Total {total}, sinal {deposit} 😊{pay}")
        }
    }
}

/// "Dale" again after the hold: it is already held, here is how to confirm it.
pub fn already_held(lang: Language, name: &str, stay: &StayDates, link: Option<&str>) -> String {
    let when = range(lang, stay.check_in(), stay.check_out());
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

/// An unpaid hold released at the guest's request.
pub fn hold_released(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "Listo, cancelé tu reserva {code} y liberé las fechas 👍 No se te cobra nada. Si querés buscar otras fechas, acá estoy."
        ),
        Language::En => format!(
            "Done, I've cancelled your booking {code} and released the dates 👍 You won't be charged anything. If you'd like other dates, I'm here."
        ),
        Language::Pt => format!(
            "Pronto, cancelei sua reserva {code} e liberei as datas 👍 Você não paga nada. Se quiser outras datas, estou aqui."
        ),
    }
}

/// A paid reservation: staff confirm the cancellation, under the property's policy.
pub fn cancellation_requested(lang: Language, code: &str, policy: Option<&str>) -> String {
    let policy = policy.map(str::trim).filter(|p| !p.is_empty());
    match (lang, policy) {
        (Language::Es, Some(p)) => format!(
            "Recibimos tu pedido para cancelar la reserva {code}. Nuestra política de cancelación: {p}\nAlguien del equipo te confirma por acá en breve 🙌"
        ),
        (Language::Es, None) => format!(
            "Recibimos tu pedido para cancelar la reserva {code}. Como la seña ya está paga, alguien del equipo te escribe en breve para contarte cómo sigue según nuestra política de cancelación 🙌"
        ),
        (Language::En, Some(p)) => format!(
            "We got your request to cancel booking {code}. Our cancellation policy: {p}\nSomeone from our team will confirm it here shortly 🙌"
        ),
        (Language::En, None) => format!(
            "We got your request to cancel booking {code}. Since the deposit is already paid, someone from our team will write to you shortly about our cancellation policy 🙌"
        ),
        (Language::Pt, Some(p)) => format!(
            "Recebemos seu pedido para cancelar a reserva {code}. Nossa política de cancelamento: {p}\nAlguém da equipe confirma por aqui em breve 🙌"
        ),
        (Language::Pt, None) => format!(
            "Recebemos seu pedido para cancelar a reserva {code}. Como o sinal já foi pago, alguém da equipe te escreve em breve para explicar nossa política de cancelamento 🙌"
        ),
    }
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
pub fn paid_change_requested(lang: Language, code: &str) -> String {
    match lang {
        Language::Es => format!(
            "Tu reserva {code} ya está confirmada, así que el cambio lo hace alguien del equipo: ya le aviso y te escribe por acá en breve 🙌"
        ),
        Language::En => format!(
            "Your booking {code} is already confirmed, so someone from our team will make the change: I'm letting them know and they'll write to you here shortly 🙌"
        ),
        Language::Pt => format!(
            "Sua reserva {code} já está confirmada, então a mudança é feita por alguém da equipe: já aviso e te escrevem por aqui em breve 🙌"
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
    /// How the balance is paid, in the property's words; on arrival when not said.
    pub balance_how: Option<&'a str>,
}

impl Voucher<'_> {
    pub fn balance(&self) -> Money {
        Money::from_cents((self.total.cents() - self.deposit_paid.cents()).max(0))
    }

    pub fn nights(&self) -> i64 {
        (self.check_out - self.check_in).num_days()
    }
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
            let how = v.balance_how.unwrap_or("al llegar");
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
            let how = v.balance_how.unwrap_or("on arrival");
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
            let how = v.balance_how.unwrap_or("na chegada");
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

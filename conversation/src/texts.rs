//! What the bot says in a conversation. Argentine Spanish, voseo, friendly; no technical words.

use booking::{Accommodation, Money, StayDates, StayError, pricing};

pub fn date(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

pub const ASK_GUESTS: &str = "¿Para cuántas personas sería? 😊";

pub const ASK_DATES: &str = "¿Para qué fechas? Decime el día de llegada y el de salida, por ejemplo «del 15 al 17 de diciembre» 📅";

pub const CLARIFY: &str = "Perdón, no te entendí bien 🙈 ¿Querés 1) consultar disponibilidad, 2) saber precios, 3) reservar o 4) hablar con una persona del equipo?";

pub const HUMAN: &str =
    "¡Claro! Le aviso a alguien del equipo para que te escriba por acá en cuanto pueda 🙌";

pub const NO_ROOM: &str =
    "Uy, para esas fechas no nos queda lugar 😕 ¿Querés probar con otras fechas?";

pub fn invalid(e: &StayError) -> String {
    match e {
        StayError::NotAfter => "Me parece que las fechas quedaron al revés 🙃 ¿Me decís de nuevo el día de llegada y el de salida?".into(),
        StayError::TooLong(_) => "Para estadías tan largas te conviene hablar con alguien del equipo 🙌 ¿Querés que te escriban?".into(),
        StayError::InThePast => "¡Esa fecha ya pasó! 😅 ¿Para qué fechas sería?".into(),
        StayError::Guests(max) => format!("¿Cuántas personas serían? Podemos recibir grupos de hasta {max}."),
    }
}

pub fn cancel(code: Option<&str>) -> String {
    match code {
        Some(code) => format!(
            "Recibimos tu pedido para cancelar la reserva {code}. Alguien del equipo te lo confirma por acá en breve 🙌"
        ),
        None => "¿Me pasás el código de la reserva que querés cancelar? Empieza con RES 🙂".into(),
    }
}

/// One line of an offer.
pub struct OfferLine<'a> {
    pub name: &'a str,
    pub total: Money,
    pub deposit: Money,
}

fn stay_phrase(stay: &StayDates, guests: u16) -> String {
    let nights = stay.nights();
    let noches = if nights == 1 { "noche" } else { "noches" };
    let personas = if guests == 1 { "persona" } else { "personas" };
    format!(
        "para {guests} {personas}, del {} al {} ({nights} {noches})",
        date(stay.check_in()),
        date(stay.check_out())
    )
}

pub fn offer(stay: &StayDates, guests: u16, lines: &[OfferLine<'_>]) -> String {
    let mut text = format!(
        "¡Sí! 🙌 {}, tenemos:\n",
        capitalize(&stay_phrase(stay, guests))
    );
    for l in lines {
        text.push_str(&format!(
            "• {}: {} en total (seña {})\n",
            l.name, l.total, l.deposit
        ));
    }
    let first = lines.first().map_or("", |l| l.name);
    text.push_str(&format!(
        "¿Te reservo {first}? Respondé «dale», o decime cuál preferís."
    ));
    text
}

/// The offer line of an accommodation for a stay, priced.
pub fn offer_line<'a>(accommodation: &'a Accommodation, stay: &StayDates) -> OfferLine<'a> {
    let q = pricing::quote(&accommodation.tariff(), stay);
    OfferLine {
        name: &accommodation.name,
        total: q.total,
        deposit: q.deposit,
    }
}

/// "No room for that stay, but these nearby ones are free", priced.
pub fn alternatives_for(
    stay: &StayDates,
    guests: u16,
    options: &[(StayDates, Accommodation)],
) -> String {
    let lines: Vec<(StayDates, OfferLine<'_>)> = options
        .iter()
        .map(|(s, a)| (*s, offer_line(a, s)))
        .collect();
    alternatives(stay, guests, &lines)
}

pub fn alternatives(
    stay: &StayDates,
    guests: u16,
    options: &[(StayDates, OfferLine<'_>)],
) -> String {
    let mut text = format!(
        "Uy, {} no nos queda lugar 😕 Pero tenemos:\n",
        stay_phrase(stay, guests)
    );
    for (alt, l) in options {
        text.push_str(&format!(
            "• del {} al {}: {}, {} en total\n",
            date(alt.check_in()),
            date(alt.check_out()),
            l.name,
            l.total
        ));
    }
    text.push_str("¿Te sirve la primera? Respondé «dale» y te la reservo.");
    text
}

pub fn price_from(name: &str, per_night: Money) -> String {
    format!(
        "La noche en {name} arranca en {per_night} (viernes y sábados un poquito más). Decime fechas y cuántas personas y te paso el total exacto 😊"
    )
}

/// What the hold reply says.
pub struct HoldLines<'a> {
    pub code: &'a str,
    pub accommodation: &'a str,
    pub check_in: chrono::NaiveDate,
    pub check_out: chrono::NaiveDate,
    pub guests: u16,
    pub total: Money,
    pub deposit: Money,
    pub expires: &'a str,
    pub link: &'a str,
}

pub fn hold_placed(h: &HoldLines<'_>) -> String {
    format!(
        "¡Listo! Te reservé {} 🙌\nCódigo: {}\nEntrada: {} · Salida: {}\nHuéspedes: {}\nTotal: {} · Seña: {}\nTe la guardo hasta las {}. Para confirmarla, pagá la seña acá: {}",
        h.accommodation,
        h.code,
        date(h.check_in),
        date(h.check_out),
        h.guests,
        h.total,
        h.deposit,
        h.expires,
        h.link
    )
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The answer to a voice note we cannot act upon: always kind, always with a way forward
/// (writing), never a technical word.
pub fn audio_refusal(why: crate::Refusal) -> &'static str {
    use crate::Refusal;
    match why {
        Refusal::Unclear => {
            "¡Gracias por tu audio! 🙌 No llegué a entenderlo bien, ¿me lo escribís en un mensajito así te respondo enseguida?"
        }
        Refusal::Silent => {
            "Me llegó tu audio pero no se escucha nada 🙈 ¿Me lo mandás de nuevo o me lo escribís?"
        }
        Refusal::Unreadable => {
            "¡Gracias por tu audio! 😊 No lo pude abrir, ¿me lo mandás de nuevo como nota de voz o me lo escribís?"
        }
        Refusal::NotAudio => {
            "¡Gracias! 😊 Eso que me mandaste no parece un audio. ¿Me contás por escrito qué necesitás?"
        }
        Refusal::TooLarge | Refusal::TooLong => {
            "¡Gracias por tu audio! 🙌 Es un poquito largo para mí, ¿me lo resumís en un mensaje o en un audio más cortito?"
        }
        // The words the fleet used before it could listen.
        Refusal::NoModel => AUDIO_NOT_YET,
    }
}

pub const WELCOME: &str = "¡Hola! 👋 Gracias por escribirnos. Contame qué fechas y para cuántas personas buscás, y te paso disponibilidad y precios.";

pub const AUDIO_NOT_YET: &str = "¡Gracias por tu audio! 🙌 Ahora no lo puedo escuchar, ¿me lo escribís en un mensajito así te respondo enseguida?";

pub const UNSUPPORTED_MESSAGE: &str = "¡Gracias por tu mensaje! 😊 Por ahora solo puedo leer texto y audios. ¿Me contás por escrito qué necesitás?";

pub fn payment_confirmed(code: &str) -> String {
    format!("¡Pago confirmado! 🎉 Tu reserva {code} está confirmada. ¡Te esperamos!")
}

pub fn payment_rejected(code: &str) -> String {
    format!(
        "El pago de la reserva {code} no se pudo completar 😕 Si querés, podés intentarlo de nuevo con el mismo link."
    )
}

pub fn hold_expired(code: &str) -> String {
    format!(
        "Tu pre-reserva {code} venció porque no recibimos el pago a tiempo. Si todavía te interesa, escribinos y lo vemos de nuevo 😊"
    )
}

/// A channel (Airbnb, Booking…) sold the nights of an unpaid hold: the hold is cancelled.
pub fn hold_released_dates_taken(code: &str) -> String {
    format!(
        "¡Hola! Te escribimos por tu pre-reserva {code}: justo se confirmó otra reserva para esas mismas fechas y no vamos a poder mantenerla 😔 Te pedimos mil disculpas. Si querés, contanos otras fechas y te ayudamos a encontrar lugar."
    )
}

/// A payment arrived after the hold expired and someone else had booked those dates meanwhile.
pub fn paid_but_dates_taken(code: &str) -> String {
    format!(
        "¡Recibimos tu pago de la reserva {code}, gracias! 🙏 Pero como la pre-reserva ya había vencido, esas fechas se ocuparon mientras tanto 😔 Te vamos a devolver el dinero y alguien del equipo te escribe en breve. Si querés, contanos otras fechas y te ayudamos a encontrar lugar."
    )
}

/// An email with no words we can read (only attachments, or empty).
pub const EMAIL_WITHOUT_WORDS: &str = "¡Gracias por tu correo! 😊 No encontramos texto en el mensaje. ¿Nos contás por escrito qué fechas y para cuántas personas buscás?";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_reads_like_a_person_wrote_it() {
        let stay =
            StayDates::new("2026-12-15".parse().unwrap(), "2026-12-17".parse().unwrap()).unwrap();
        let text = offer(
            &stay,
            2,
            &[OfferLine {
                name: "Cabaña Arrayán",
                total: Money::from_cents(9_000_000),
                deposit: Money::from_cents(2_700_000),
            }],
        );
        assert_eq!(
            text,
            "¡Sí! 🙌 Para 2 personas, del 15/12/2026 al 17/12/2026 (2 noches), tenemos:\n• Cabaña Arrayán: $ 90.000 en total (seña $ 27.000)\n¿Te reservo Cabaña Arrayán? Respondé «dale», o decime cuál preferís."
        );
        for word in ["error", "null", "None", "database", "Error"] {
            assert!(!text.contains(word));
        }
    }
}

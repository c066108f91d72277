//! What the guest reads, shared by the ingress (its own polite replies) and the workers.
//! Argentine Spanish, voseo, friendly, never a technical word.

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

//! Owner notices: what the people who run a property must hear about without watching the
//! console (a paid booking, a guest who asks for a person, a cancellation request, a refund
//! due, an overbooking conflict, a payment refunded or charged back at Mercado Pago, a job that
//! died), sent by email to every active owner of the property with a link into the console,
//! and by WhatsApp to the owners who gave their number.
//!
//! A notice is an outbox reply like any other (`ReplyBody::Notice` on an email channel from
//! the property's address to the owner's), written in the transaction of the event it tells,
//! keyed `<cause>:notice:<n>` (`<cause>:notice:<n>:whatsapp` for the WhatsApp one): so it is
//! sent once, by `send_reply`'s delivery records, however often the job behind it is retried
//! or replayed, and never when that transaction rolls back.
//!
//! WhatsApp delivers a free-form message only within 24 hours of the recipient's last message
//! to the business number; an owner's notice is business-initiated, so it goes as the approved
//! template `WHATSAPP_NOTICE_TEMPLATE` (one body parameter: the subject and the link) when one
//! is configured, and as plain text otherwise (delivered only inside that window). It is sent
//! from the property's own business number; a property without one sends no WhatsApp notice.
//!
//! It never decides that something happened (the handlers do) and never writes to a guest.
//! A property without an email address of its own sends from `NOTICES_FROM_ADDRESS`; with
//! neither, or without owners, no notice is written (logged).

use jobs::{
    JobError,
    domain::PhoneNumber,
    effects::Effect,
    payloads::{Channel, ReplyBody},
};
use store::{Conn, outbox::NewEffect, staff};

/// Where notices come from and where their links point.
#[derive(Debug, Clone, Default)]
pub struct NoticeConfig {
    /// The console's public base URL (`PUBLIC_BASE_URL`): links are `<base>/admin/…`.
    pub console_base: String,
    /// The sender when the property has no email address (`NOTICES_FROM_ADDRESS`).
    pub from_address: Option<String>,
    /// The approved WhatsApp template for notices (`WHATSAPP_NOTICE_TEMPLATE`, in
    /// `WHATSAPP_NOTICE_TEMPLATE_LANGUAGE`); `None` sends them as text.
    pub whatsapp_template: Option<NoticeTemplate>,
}

/// A WhatsApp template approved for owner notices: its body has one parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeTemplate {
    pub name: String,
    pub language: String,
}

/// What happened, with what the owner needs to act on it.
#[derive(Debug, Clone)]
pub enum Notice<'a> {
    /// A deposit was paid: the reservation (or group) is confirmed.
    Paid {
        code: &'a str,
        amount: Option<String>,
    },
    /// A guest asked for a person; the bot told them someone writes.
    PersonWanted {
        conversation_id: i64,
        guest: &'a str,
        said: &'a str,
    },
    /// A guest asked to cancel a paid reservation; staff decide.
    CancellationRequested {
        code: &'a str,
        refund: &'a booking::Refund,
    },
    /// A payment arrived for nights someone else took meanwhile: the deposit must go back.
    RefundDue { code: &'a str },
    /// A channel's calendar booked nights we had confirmed.
    Conflict { code: &'a str, feed: &'a str },
    /// Mercado Pago reports the payment refunded (not by us) or charged back.
    PaymentReversed { code: &'a str, charged_back: bool },
    /// A job used up its attempts and was set aside (a dead letter): someone must look.
    DeadLetter {
        queue: &'a str,
        job_id: &'a str,
        attempts: u32,
        error: &'a str,
    },
}

/// Where a notice is about: the property itself, or one of its reservations.
#[derive(Debug, Clone, Copy)]
pub enum About {
    Property(i64),
    Reservation(i64),
}

impl Notice<'_> {
    /// The subject, the text and the console link, in Spanish (the owners' language), guest
    /// words quoted.
    fn words(&self, property: &str, base: &str) -> (String, String, String) {
        let (subject, text) = self.subject_and_text(property, base);
        let link = text
            .rsplit(' ')
            .next()
            .filter(|l| l.starts_with(base))
            .unwrap_or(base)
            .to_owned();
        (subject, text, link)
    }

    fn subject_and_text(&self, property: &str, base: &str) -> (String, String) {
        let reservation = |code: &str| format!("{base}/admin/reservations/{code}");
        match self {
            Notice::Paid { code, amount } => (
                format!("Reserva pagada: {code}"),
                format!(
                    "Se pagó la seña de la reserva {code}{} en {property}. Ya está confirmada.\n\nVerla: {}",
                    amount
                        .as_ref()
                        .map(|a| format!(" ({a})"))
                        .unwrap_or_default(),
                    reservation(code)
                ),
            ),
            Notice::PersonWanted {
                conversation_id,
                guest,
                said,
            } => (
                format!("Un huésped pide hablar con una persona ({guest})"),
                format!(
                    "{guest} pidió hablar con alguien del equipo en {property}. Le dijimos que le escriben en breve.\n\nSu mensaje: «{said}»\n\nResponder: {base}/admin/inbox/{conversation_id}"
                ),
            ),
            Notice::CancellationRequested { code, refund } => (
                format!("Pedido de cancelación: {code}"),
                format!(
                    "El huésped de la reserva {code} ({property}) pidió cancelarla. {} La reserva sigue confirmada hasta que la canceles.\n\nVerla: {}",
                    policy_applied(refund),
                    reservation(code)
                ),
            ),
            Notice::RefundDue { code } => (
                format!("Devolución pendiente: {code}"),
                format!(
                    "Llegó el pago de la reserva {code} ({property}) cuando esas fechas ya estaban ocupadas. Hay que devolver la seña.\n\nVerla: {}",
                    reservation(code)
                ),
            ),
            Notice::PaymentReversed { code, charged_back } => {
                let what = if *charged_back {
                    "tuvo un contracargo (el huésped desconoció el pago ante su banco)"
                } else {
                    "fue devuelto desde Mercado Pago"
                };
                (
                    format!(
                        "{}: {code}",
                        if *charged_back {
                            "Contracargo"
                        } else {
                            "Pago devuelto"
                        }
                    ),
                    format!(
                        "El pago de la reserva {code} ({property}) {what}. La reserva sigue como estaba: decidí si la mantenés o la cancelás.\n\nVerla: {}",
                        reservation(code)
                    ),
                )
            }
            Notice::DeadLetter {
                queue,
                job_id,
                attempts,
                error,
            } => (
                format!("Un trabajo quedó sin hacer ({})", job_kind(queue)),
                format!(
                    "Un trabajo de {property} ({}, cola {queue}, n.º {job_id}) falló {attempts} {} y quedó apartado. Último error: «{}».\n\nMirá si hay algo que resolver (un huésped sin respuesta, un pago sin confirmar) y reintentalo o descartalo: {base}/admin/queues",
                    job_kind(queue),
                    if *attempts == 1 { "vez" } else { "veces" },
                    error.chars().take(300).collect::<String>()
                ),
            ),
            Notice::Conflict { code, feed } => (
                format!("Conflicto de calendario: {code}"),
                format!(
                    "El calendario «{feed}» trae una reserva sobre las noches de la reserva confirmada {code} ({property}). Revisala antes de que llegue el huésped.\n\nVerla: {}",
                    reservation(code)
                ),
            ),
        }
    }
}

/// What a queue's jobs do, in the owners' words.
fn job_kind(queue: &str) -> &'static str {
    match queue {
        "transcribe_audio" => "escuchar un audio",
        "parse_intent" => "responder un mensaje",
        "pre_reserve" => "reservar y mandar el link de pago",
        "confirm_payment" => "confirmar un pago",
        "sync_ical" => "sincronizar un calendario",
        "expire_holds" => "liberar reservas vencidas",
        "send_reply" => "enviar un mensaje",
        "refund_deposit" => "devolver una seña",
        _ => "un trabajo",
    }
}

/// What the property's policy gives back on the day, for the owner.
fn policy_applied(r: &booking::Refund) -> String {
    let percent = r.share.percent();
    let credit = match r.credit_months {
        Some(m) if percent < 100 => format!(" (y el resto como crédito por {m} meses)"),
        _ => String::new(),
    };
    format!(
        "Faltan {} días para la llegada: según la política corresponde devolver el {percent} % de la seña{credit}.",
        r.days_left
    )
}

/// The notice's outbox rows, one per active owner, keyed `<cause>:notice:<n>`, to be written in
/// the caller's transaction with the event it tells.
pub async fn to_owners(
    conn: &mut Conn,
    config: &NoticeConfig,
    about: About,
    cause: &str,
    notice: &Notice<'_>,
) -> Result<Vec<NewEffect>, JobError> {
    let (property, reservation) = match about {
        About::Property(id) => (Some(id), None),
        About::Reservation(id) => (None, Some(id)),
    };
    let Some(to) = staff::notice_recipients(&mut *conn, property, reservation).await? else {
        return Ok(Vec::new());
    };
    let Some(from) = to
        .property_email
        .clone()
        .or_else(|| config.from_address.clone())
    else {
        tracing::warn!(
            property = to.property_id,
            "no address to send owner notices from (set NOTICES_FROM_ADDRESS)"
        );
        return Ok(Vec::new());
    };
    if to.owners.is_empty() {
        tracing::info!(property = to.property_id, "no owner to notify");
    }
    let (subject, text, link) =
        notice.words(&to.property_name, config.console_base.trim_end_matches('/'));
    let mut effects = Vec::new();
    for (n, owner) in to.owners.iter().enumerate() {
        let channel = Channel::Email {
            to: from.clone(),
            from: owner.clone(),
            thread: None,
        };
        let body = ReplyBody::Notice {
            subject: subject.clone(),
            text: text.clone(),
        };
        effects.push(NewEffect::new(
            format!("{cause}:notice:{n}"),
            Effect::reply(&channel, body),
        ));
        let whatsapp = to.owner_whatsapps.get(n).cloned().flatten();
        if let (Some(number), Some(sender)) = (whatsapp, to.property_whatsapp.as_ref()) {
            let Ok(phone) = PhoneNumber::parse(&number) else {
                tracing::warn!(
                    property = to.property_id,
                    "an owner's WhatsApp number is unreadable"
                );
                continue;
            };
            let channel = Channel::Whatsapp {
                phone_number_id: sender.clone(),
                from: phone,
            };
            let body = match &config.whatsapp_template {
                Some(t) => ReplyBody::Template {
                    name: t.name.clone(),
                    language: t.language.clone(),
                    parameters: vec![format!("{subject}. {link}")],
                },
                None => ReplyBody::Notice {
                    subject: subject.clone(),
                    text: text.clone(),
                },
            };
            effects.push(NewEffect::new(
                format!("{cause}:notice:{n}:whatsapp"),
                Effect::reply(&channel, body),
            ));
        }
    }
    metrics::counter!("fleet_owner_notices_total").increment(effects.len() as u64);
    Ok(effects)
}

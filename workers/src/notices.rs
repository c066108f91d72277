//! Owner notices: what the people who run a property must hear about without watching the
//! console (a paid booking, a guest who asks for a person, a cancellation request, a refund
//! due, an overbooking conflict, a payment refunded or charged back at Mercado Pago), sent by email to every active owner of the property with a
//! link into the console.
//!
//! A notice is an outbox reply like any other (`ReplyBody::Notice` on an email channel from
//! the property's address to the owner's), written in the transaction of the event it tells,
//! keyed `<cause>:notice:<n>`: so it is sent once, by `send_reply`'s delivery records, however
//! often the job behind it is retried or replayed, and never when that transaction rolls back.
//!
//! It never decides that something happened (the handlers do) and never writes to a guest.
//! A property without an email address of its own sends from `NOTICES_FROM_ADDRESS`; with
//! neither, or without owners, no notice is written (logged).

use jobs::{
    JobError,
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
}

/// Where a notice is about: the property itself, or one of its reservations.
#[derive(Debug, Clone, Copy)]
pub enum About {
    Property(i64),
    Reservation(i64),
}

impl Notice<'_> {
    /// The subject and the text, in Spanish (the owners' language), guest words quoted.
    fn words(&self, property: &str, base: &str) -> (String, String) {
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
    let (subject, text) =
        notice.words(&to.property_name, config.console_base.trim_end_matches('/'));
    metrics::counter!("fleet_owner_notices_total").increment(to.owners.len() as u64);
    Ok(to
        .owners
        .iter()
        .enumerate()
        .map(|(n, owner)| {
            let channel = Channel::Email {
                to: from.clone(),
                from: owner.clone(),
                thread: None,
            };
            let body = ReplyBody::Notice {
                subject: subject.clone(),
                text: text.clone(),
            };
            NewEffect::new(format!("{cause}:notice:{n}"), Effect::reply(&channel, body))
        })
        .collect())
}

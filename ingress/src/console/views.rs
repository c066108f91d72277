//! The console's HTML: `maud` templates, compiled with the crate and type-checked, escaping every
//! interpolated value (guest text, names, addresses are untrusted). Markup from a constant is
//! the only `PreEscaped` allowed here.
//!
//! Every page is sent with a Content-Security-Policy that allows no script at all, no framing
//! and forms only to this origin: a second wall behind the escaping, and `no-store`, so a shared
//! computer's back button shows no guest's data after sign-out.

use booking::{Accommodation, Money};
use jobs::QueueName;
use maud::{DOCTYPE, Markup, html};
use poem::{Response, handler, http::StatusCode};
use store::console::{
    Author, Conversation, Summary, Today, refunds,
    reservations::{Cancellation, Reservation},
    seasons::Season,
    setup::{Cabin, CabinSettings, PropertySettings},
};

use super::{
    auth::Staff,
    pages::{
        calendar::{self, CabinMonth, CalendarPage, Night},
        manual::NewReservation,
        queues::Queue,
    },
};
use store::console::calendar::Holder;

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

/// A page as a response, with the headers every console page carries.
fn respond(markup: Markup) -> Response {
    Response::builder()
        .content_type("text/html; charset=utf-8")
        .header("content-security-policy", CSP)
        .header("x-frame-options", "DENY")
        .header("x-content-type-options", "nosniff")
        .header("referrer-policy", "same-origin")
        .header("cache-control", "no-store")
        .body(markup.into_string())
}

/// 303 to `location` (after a POST, or to the login).
pub fn see_other(location: &str) -> Response {
    Response::builder()
        .status(StatusCode::SEE_OTHER)
        .header("location", location)
        .header("cache-control", "no-store")
        .finish()
}

fn layout(title: &str, staff: Option<&Staff>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="es" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Consola" }
                link rel="stylesheet" href="/admin/console.css";
            }
            body {
                @if let Some(staff) = staff {
                    header {
                        strong.property { (staff.account.property_name) }
                        nav {
                            a href="/admin" { "Hoy" }
                            a href="/admin/inbox" { "Conversaciones" }
                            a href="/admin/reservations" { "Reservas" }
                            a href="/admin/calendar" { "Calendario" }
                            @if staff.account.role == store::staff::Role::Owner {
                                a href="/admin/payments" { "Pagos" }
                                a href="/admin/setup" { "Cabañas y ajustes" }
                                a href="/admin/queues" { "Colas" }
                            }
                        }
                        form.logout method="post" action="/admin/logout" {
                            input type="hidden" name="csrf" value=(staff.csrf);
                            a.who href="/admin/account" title="Mi cuenta" { (staff.account.email) " (" (role_name(staff.account.role)) ")" }
                            button type="submit" { "Salir" }
                        }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// A form of one button that posts to `action` with the session's form token (every console
/// action that needs no other field: confirm, refund, remove, unblock, re-drive, take, release).
fn action_button(staff: &Staff, action: &str, class: Option<&str>, label: &str) -> Markup {
    html! {
        form method="post" action=(action) {
            input type="hidden" name="csrf" value=(staff.csrf);
            button class=[class] type="submit" { (label) }
        }
    }
}

fn role_name(role: store::staff::Role) -> &'static str {
    match role {
        store::staff::Role::Owner => "dueño",
        store::staff::Role::Staff => "equipo",
    }
}

pub fn error_page(title: &str, text: &str) -> Response {
    respond(layout(
        title,
        None,
        html! { h1 { (title) } p { (text) } p { a href="/admin" { "Volver a la consola" } } },
    ))
}

pub fn login(csrf: &str, problem: Option<&str>, email: &str) -> Response {
    respond(layout(
        "Ingresar",
        None,
        html! {
            section.login {
                h1 { "Consola del equipo" }
                @if let Some(problem) = problem { p.problem role="alert" { (problem) } }
                form method="post" action="/admin/login" {
                    input type="hidden" name="csrf" value=(csrf);
                    label { "Correo" input type="email" name="email" value=(email) autocomplete="username" required; }
                    label { "Contraseña" input type="password" name="password" autocomplete="current-password" required; }
                    button type="submit" { "Ingresar" }
                }
            }
        },
    ))
}

fn summary_badges(s: &Summary) -> Markup {
    html! {
        @if s.needs_human { span.badge.human { "Pidió una persona" } }
        @if let Some(by) = &s.taken_over_by {
            span.badge.taken { "Atendida por " (by) @if let Some(until) = &s.taken_over_until { " hasta " (until) } }
        }
    }
}

fn channel_name(channel: &str) -> &'static str {
    match channel {
        "whatsapp" => "WhatsApp",
        "email" => "Correo",
        _ => "Otro",
    }
}

fn conversation_list(items: &[Summary]) -> Markup {
    html! {
        ul.conversations {
            @for s in items {
                li {
                    a href=(format!("/admin/inbox/{}", s.id)) {
                        span.guest { (s.guest_address) }
                        span.channel { (channel_name(&s.channel)) }
                        span.when { (s.seen) }
                        (summary_badges(s))
                        @if let Some(last) = &s.last_message { span.last { (last) } }
                    }
                }
            }
        }
    }
}

pub fn today(staff: &Staff, t: &Today, cancellations: &[Reservation]) -> Response {
    let stays = |rows: &[store::console::Stay]| {
        html! {
            @if rows.is_empty() { p.empty { "Ninguna." } } @else {
                table {
                    thead { tr { th { "Cabaña" } th { "Huésped" } th { "Personas" } th { "Código" } th { "Estado" } } }
                    tbody { @for r in rows { tr {
                        td { (r.accommodation) } td { (r.guest) } td { (r.guests) } td { (r.code) }
                        td { (if r.status == "confirmed" { "Confirmada" } else { "Sin pagar" }) }
                    } } }
                }
            }
        }
    };
    respond(layout(
        "Hoy",
        Some(staff),
        html! {
            h1 { "Hoy, " (t.date.format("%d/%m/%Y").to_string()) }
            section #needs-person {
                h2 { "Necesitan una persona" }
                @if t.needs_person.is_empty() { p.empty { "Nadie pidió hablar con una persona." } }
                @else { (conversation_list(&t.needs_person)) }
            }
            (cancellation_requests(cancellations))
            section #arrivals { h2 { "Llegadas" } (stays(&t.arrivals)) }
            section #departures { h2 { "Salidas" } (stays(&t.departures)) }
            section #expiring {
                h2 { "Reservas sin pagar por vencer" }
                @if t.expiring.is_empty() { p.empty { "Ninguna en las próximas dos horas." } } @else {
                    table {
                        thead { tr { th { "Código" } th { "Cabaña" } th { "Huésped" } th { "Vence" } } }
                        tbody { @for h in &t.expiring { tr {
                            td { (h.code) } td { (h.accommodation) } td { (h.guest) }
                            td { (h.expires) " (" (h.minutes_left) " min)" }
                        } } }
                    }
                }
            }
            section #payments {
                h2 { "Pagos recibidos (últimas 24 h)" }
                @if t.payments.is_empty() { p.empty { "Ninguno." } } @else {
                    table {
                        thead { tr { th { "Reserva" } th { "Monto" } th { "Estado" } th { "Cuándo" } } }
                        tbody { @for p in &t.payments { tr {
                            td { (p.code.as_deref().unwrap_or("—")) } td { (p.currency) " " (p.amount) }
                            td { (p.status) } td { (p.seen) }
                        } } }
                    }
                }
            }
        },
    ))
}

pub fn inbox(staff: &Staff, items: &[Summary], cancellations: &[Reservation]) -> Response {
    respond(layout(
        "Conversaciones",
        Some(staff),
        html! {
            h1 { "Conversaciones" }
            @if !cancellations.is_empty() { (cancellation_requests(cancellations)) }
            @if items.is_empty() { p.empty { "Todavía no escribió nadie." } }
            @else { (conversation_list(items)) }
        },
    ))
}

fn money(cents: i64) -> String {
    Money::from_cents(cents).to_string()
}

fn status_name(status: &str) -> &'static str {
    match status {
        "pre_reserved" => "Sin pagar",
        "confirmed" => "Confirmada",
        "expired" => "Vencida",
        "cancelled" => "Cancelada",
        _ => "Otro",
    }
}

/// Open cancellation requests: guests who asked to cancel a paid reservation, waiting for staff.
fn cancellation_requests(rows: &[Reservation]) -> Markup {
    html! {
        section #cancellations {
            h2 { "Pedidos de cancelación" }
            @if rows.is_empty() { p.empty { "Ninguno." } } @else {
                table {
                    thead { tr { th { "Reserva" } th { "Cabaña" } th { "Huésped" } th { "Llegada" } th { "Devolución" } th { "Pedido" } } }
                    tbody { @for r in rows { tr {
                        td { a href=(format!("/admin/reservations/{}", r.code)) { (r.code) } }
                        td { (r.accommodation) } td { (r.guest) }
                        td { (r.check_in.format("%d/%m/%Y").to_string()) }
                        td { (r.cancel_requested_percent.unwrap_or(0)) "% de la seña" }
                        td { (r.cancel_requested_at.as_deref().unwrap_or("")) }
                    } } }
                }
            }
        }
    }
}

pub fn reservations(staff: &Staff, q: &str, rows: &[Reservation]) -> Response {
    respond(layout(
        "Reservas",
        Some(staff),
        html! {
            h1 { "Reservas" }
            p { a.button href="/admin/reservations/new" { "Nueva reserva (teléfono o en persona)" } }
            form.search method="get" action="/admin/reservations" {
                label { "Buscar (código, nombre, teléfono o correo)" input type="search" name="q" value=(q) maxlength="100"; }
                button type="submit" { "Buscar" }
            }
            @if rows.is_empty() { p.empty { "No hay reservas" @if !q.is_empty() { " que coincidan con «" (q) "»" } "." } } @else {
                table.reservations {
                    thead { tr { th { "Código" } th { "Cabaña" } th { "Huésped" } th { "Llegada" } th { "Salida" } th { "Estado" } } }
                    tbody { @for r in rows { tr {
                        td { a href=(format!("/admin/reservations/{}", r.code)) { (r.code) } }
                        td { (r.accommodation) } td { (r.guest) }
                        td { (r.check_in.format("%d/%m/%Y").to_string()) }
                        td { (r.check_out.format("%d/%m/%Y").to_string()) }
                        td {
                            (status_name(&r.status))
                            @if r.cancel_requested_percent.is_some() { " " span.badge.human { "Pidió cancelar" } }
                        }
                    } } }
                }
            }
        },
    ))
}

/// What a notice in the reservation page's address says, after an action.
pub fn reservation_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "confirmando" => {
            "Confirmación en camino: el huésped recibe su comprobante en unos segundos."
        }
        "no-pendiente" => "Solo se confirma una reserva sin pagar. No se hizo nada.",
        "cancelada" => "Reserva cancelada: sus noches quedan libres. La devolución quedó anotada.",
        "ya-cancelada" => "Esta reserva ya estaba cancelada. No se hizo nada.",
        "no-confirmada" => {
            "Solo se cancela con la política una reserva confirmada (pagada). No se hizo nada."
        }
        "creada" => "Reserva creada: las noches quedan tomadas hasta que venza o se confirme.",
        "creada-pagada" => {
            "Reserva creada y confirmándose: si dejó teléfono o correo, el huésped recibe su comprobante en unos segundos."
        }
        "movida" => {
            "Reserva cambiada: las noches anteriores quedan libres. Si dejó teléfono o correo, el huésped recibe las nuevas fechas."
        }
        "ocupadas" => "Esas noches ya están ocupadas en esa cabaña. No se cambió nada.",
        "fechas-invalidas" => {
            "Las fechas no sirven: la salida tiene que ser después de la llegada. No se cambió nada."
        }
        "sin-cambios" => "Son las mismas fechas y la misma cabaña. No se cambió nada.",
        "no-entra" => "Son más personas de las que entran en esa cabaña. No se cambió nada.",
        "no-movible" => {
            "Solo se cambia una reserva pendiente de pago o confirmada. No se cambió nada."
        }
        _ => return None,
    })
}

/// The cabin picker of the console's forms, with `selected` chosen.
fn cabin_options(cabins: &[Accommodation], selected: &str) -> Markup {
    html! {
        @for c in cabins {
            @let id = c.id.to_string();
            option value=(id) selected[id == selected] { (c.name) " (hasta " (c.capacity) " personas)" }
        }
    }
}

/// A reservation made by hand: the form, again with what was typed and `problem` when it was
/// refused.
pub fn new_reservation(
    staff: &Staff,
    cabins: &[Accommodation],
    form: &NewReservation,
    problem: Option<&str>,
) -> Response {
    let nonce = if form.nonce.is_empty() {
        super::csrf::fresh()
    } else {
        form.nonce.clone()
    };
    respond(layout(
        "Nueva reserva",
        Some(staff),
        html! {
            p { a href="/admin/reservations" { "← Reservas" } }
            h1 { "Nueva reserva" }
            @if let Some(problem) = problem { p.problem role="alert" { (problem) } }
            p.hint { "El precio sale como lo cotiza el bot: cada noche de una temporada a su precio, el resto al de base. El mínimo de noches de una temporada es para los huéspedes: desde acá podés cargar una estadía más corta." }
            form.new-reservation method="post" action="/admin/reservations/new" {
                input type="hidden" name="csrf" value=(staff.csrf);
                input type="hidden" name="nonce" value=(nonce);
                label { "Cabaña" select name="accommodation" required { (cabin_options(cabins, &form.accommodation)) } }
                label { "Llegada" input type="date" name="check_in" value=(form.check_in) required; }
                label { "Salida" input type="date" name="check_out" value=(form.check_out) required; }
                label { "Personas" input type="number" name="guests" min="1" max="30" value=(form.guests) required; }
                label { "Nombre del huésped" input type="text" name="name" maxlength="100" value=(form.name) required; }
                label { "Teléfono (con código de país; opcional)" input type="tel" name="phone" value=(form.phone); }
                label { "Correo (opcional)" input type="email" name="email" value=(form.email); }
                label.check { input type="checkbox" name="paid" value="si" checked[form.paid == "si"]; " La seña ya está pagada (efectivo, transferencia)" }
                label { "Si no pagó: horas para pagar" input type="number" name="hold_hours" min="1" max="336" value=(form.hold_hours); }
                button type="submit" { "Crear la reserva" }
            }
        },
    ))
}

pub fn reservation(
    staff: &Staff,
    r: &Reservation,
    refund: Option<&Cancellation>,
    cabins: &[Accommodation],
    notice: Option<&str>,
) -> Response {
    let base = format!("/admin/reservations/{}", r.code);
    let movable = r.status == "pre_reserved" || r.status == "confirmed";
    let current_cabin = r.accommodation_id.to_string();
    respond(layout(
        "Reserva",
        Some(staff),
        html! {
            p { a href="/admin/reservations" { "← Reservas" } }
            h1 { "Reserva " (r.code) " " small.status { (status_name(&r.status)) } }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            dl.reservation {
                dt { "Cabaña" } dd { (r.accommodation) }
                @if let Some(group) = &r.group_code { dt { "Grupo" } dd { (group) } }
                dt { "Huésped" } dd { (r.guest) }
                @if let Some(phone) = &r.guest_phone { dt { "Teléfono" } dd { (phone) } }
                @if let Some(email) = &r.guest_email { dt { "Correo" } dd { (email) } }
                dt { "Personas" } dd { (r.guests) }
                dt { "Llegada" } dd { (r.check_in.format("%d/%m/%Y").to_string()) }
                dt { "Salida" } dd { (r.check_out.format("%d/%m/%Y").to_string()) }
                dt { "Total" } dd { (money(r.total_cents)) }
                dt { "Seña" } dd { (money(r.deposit_cents)) }
                @if let Some(expires) = &r.expires { dt { "Vence" } dd { (expires) } }
                @if let Some(cents) = r.refund_cents { dt { "Devolución pendiente" } dd.refund { (money(cents)) } }
            }
            @if let Some(percent) = r.cancel_requested_percent {
                p.notice #cancel-requested {
                    "El huésped pidió cancelar el " (r.cancel_requested_at.as_deref().unwrap_or(""))
                    "; se le dijo que recibe el " (percent) "% de la seña."
                }
            }
            @if r.status == "pre_reserved" {
                (action_button(staff, &format!("{base}/paid"), None, "Confirmar: pagó por otro medio"))
            }
            @if movable {
                form.move method="post" action=(format!("{base}/move")) {
                    h2 { "Cambiar fechas o cabaña" }
                    input type="hidden" name="csrf" value=(staff.csrf);
                    input type="hidden" name="nonce" value=(super::csrf::fresh());
                    label { "Cabaña" select name="accommodation" { (cabin_options(cabins, &current_cabin)) } }
                    label { "Llegada" input type="date" name="check_in" value=(r.check_in.to_string()) required; }
                    label { "Salida" input type="date" name="check_out" value=(r.check_out.to_string()) required; }
                    button.secondary type="submit" { "Cambiar" }
                }
            }
            @if let (true, Some(c)) = (r.status == "confirmed", refund) {
                form.cancel method="post" action=(format!("{base}/cancel")) {
                    input type="hidden" name="csrf" value=(staff.csrf);
                    p #refund-preview {
                        "Con la política de cancelación, se devuelve el " (c.refund_percent) "% de la seña: "
                        strong { (money(c.refund_cents)) } "."
                    }
                    button.danger type="submit" { "Cancelar la reserva" }
                }
            }
        },
    ))
}

/// What a notice in the setup page's address says, after a save.
pub fn setup_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "guardado" => "Guardado: el bot ya usa estos datos con el próximo mensaje.",
        "nombre" => "No se guardó nada: el nombre no puede quedar vacío ni pasar de 60 letras.",
        "nombre-repetido" => "No se guardó nada: ya hay otra cabaña con ese nombre.",
        "capacidad" => "No se guardó nada: la capacidad va de 1 a 50 personas.",
        "descripcion" => "No se guardó nada: la descripción puede tener hasta 1000 letras.",
        "comodidades" => "No se guardó nada: hasta 30 comodidades, de hasta 60 letras cada una.",
        "precio" => {
            "No se guardó nada: el precio por noche se escribe en pesos, por ejemplo 85000 u 85.000."
        }
        "finde" => {
            "No se guardó nada: el precio de fin de semana va de 0,5 a 5 veces el de base (por ejemplo 1,2)."
        }
        "sena" => "No se guardó nada: la seña es un porcentaje de 0 a 100.",
        "fotos" => "No se guardó nada: hasta 10 fotos, una dirección https:// por línea.",
        "hora" => "No se guardó nada: las horas se escriben como 14:00.",
        "politica" => {
            "No se guardó nada: la política va en días (hasta 365), porcentaje (0 a 100) y meses de crédito (hasta 24)."
        }
        "direccion" => "No se guardó nada: la dirección puede tener hasta 200 letras.",
        "opciones-guardadas" => "Opciones guardadas: el bot las aplica en unos segundos.",
        "opciones-iguales" => "Las opciones ya estaban así: no se cambió nada.",
        "opciones-sistema" => "No se guardó nada: elegí dónde están las reservas de la lista.",
        "calendario-guardado" => "Calendario agregado: se sincroniza en los próximos minutos.",
        "calendario-borrado" => "Calendario quitado: sus fechas bloqueadas se liberaron.",
        "calendario-direccion" => {
            "No se guardó el calendario: la dirección tiene que empezar con https:// (o http://) y no llevar espacios."
        }
        "temporada-guardada" => "Temporada agregada: el bot ya cotiza con ella.",
        "temporada-borrada" => "Temporada quitada: esas noches vuelven al precio de base.",
        "temporada-nombre" => {
            "No se guardó la temporada: el nombre no puede quedar vacío ni pasar de 60 letras."
        }
        "temporada-fechas" => {
            "No se guardó la temporada: las fechas se escriben como 02/01/2027 (o elegilas en el calendario)."
        }
        "temporada-orden" => {
            "No se guardó la temporada: la última noche no puede ser anterior a la primera."
        }
        "temporada-precio" => {
            "No se guardó la temporada: el precio por noche tiene que ser mayor que cero, en pesos (por ejemplo 120.000)."
        }
        "temporada-minimo" => "No se guardó la temporada: el mínimo de noches va de 1 a 60.",
        "temporada-superpuesta" => {
            "No se guardó la temporada: se superpone con otra temporada de esa cabaña. Cambiá las fechas o quitá la otra primero."
        }
        "foto-subida" => "Foto subida: el bot ya la manda cuando un huésped pide fotos.",
        "foto-borrada" => "Foto borrada: el bot ya no la manda.",
        "foto-falta" => "No se guardó nada: elegí una foto antes de subirla.",
        "foto-pesada" => "No se guardó nada: la foto pesa más de 5 MB. Achicala y probá de nuevo.",
        "foto-tipo" => {
            "No se guardó nada: el archivo no es una foto JPEG, PNG o WebP (se mira el contenido, no el nombre)."
        }
        "foto-chica" => {
            "No se guardó nada: la foto es muy chica; tiene que medir al menos 200 píxeles de cada lado."
        }
        "foto-grande" => {
            "No se guardó nada: la foto es demasiado grande (hasta 10.000 píxeles de lado y 40 megapíxeles)."
        }
        "fotos-llenas" => {
            "No se guardó nada: la cabaña ya tiene 10 fotos. Borrá alguna para subir otra."
        }
        _ => return None,
    })
}

/// The account page's notices after a save.
pub fn account_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "guardado" => "Guardado.",
        "whatsapp" => {
            "No se guardó nada: escribí el número con código de país, por ejemplo +54 9 294 412 3456, o dejalo vacío."
        }
        _ => return None,
    })
}

/// The signed-in account's own page: the WhatsApp number for notices.
pub fn account(staff: &Staff, whatsapp: Option<&str>, notice: Option<&str>) -> Response {
    respond(layout(
        "Mi cuenta",
        Some(staff),
        html! {
            h1 { "Mi cuenta" }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            p { "Entrás como " strong { (staff.account.email) } " (" (role_name(staff.account.role)) ")." }
            section #notices {
                h2 { "Avisos" }
                p { "Los avisos de la propiedad (una reserva pagada, un huésped que pide hablar con alguien, un pedido de cancelación, una devolución pendiente, un conflicto de calendario, un trabajo que quedó sin hacer) llegan por email a los dueños. Si dejás tu WhatsApp, también te llegan ahí, desde el número de la propiedad." }
                form.account method="post" action="/admin/account" {
                    input type="hidden" name="csrf" value=(staff.csrf);
                    label { "Tu WhatsApp (con código de país)" input type="tel" name="whatsapp" maxlength="24" placeholder="+54 9 294 412 3456" value=[whatsapp]; }
                    button type="submit" { "Guardar" }
                }
            }
        },
    ))
}

/// A cabin's form: its values, or empty for a new one.
fn cabin_form(staff: &Staff, action: &str, c: Option<&CabinSettings>) -> Markup {
    let price = c
        .map(|c| format!("{}", c.base_cents / 100))
        .unwrap_or_default();
    let weekend = c.map_or("1".to_owned(), |c| {
        format!("{},{:02}", c.weekend_percent / 100, c.weekend_percent % 100)
    });
    html! {
        form.cabin method="post" action=(action) {
            input type="hidden" name="csrf" value=(staff.csrf);
            label { "Nombre" input type="text" name="name" required maxlength="60" value=[c.map(|c| c.name.as_str())]; }
            label { "Capacidad (personas)" input type="number" name="capacity" min="1" max="50" required value=[c.map(|c| c.capacity)]; }
            label { "Descripción" textarea name="description" maxlength="1000" rows="3" { (c.map_or("", |c| c.description.as_str())) } }
            label { "Comodidades (separadas por comas)" input type="text" name="amenities" value=(c.map(|c| c.amenities.join(", ")).unwrap_or_default()); }
            label { "Precio por noche (pesos)" input type="text" name="base_price" inputmode="decimal" required value=(price); }
            label { "Fin de semana (veces el precio de base)" input type="text" name="weekend_multiplier" inputmode="decimal" value=(weekend); }
            label { "Seña (%)" input type="number" name="deposit_percent" min="0" max="100" value=(c.map_or(30, |c| c.deposit_percent)); }
            label { "Fotos en otro sitio (una dirección https:// por línea; el bot manda primero las subidas)" textarea name="photos" rows="2" { (c.map(|c| c.photos.join("\n")).unwrap_or_default()) } }
            label.check { input type="checkbox" name="pets" value="si" checked[c.is_some_and(|c| c.pets_allowed)]; " Acepta mascotas" }
            label.check { input type="checkbox" name="active" value="si" checked[c.is_none_or(|c| c.active)]; " Se ofrece a los huéspedes" }
            button type="submit" { @if c.is_some() { "Guardar cabaña" } @else { "Agregar cabaña" } }
        }
    }
}

/// A cabin's seasons: each with its button to remove it, then the form to add one.
fn seasons_section(staff: &Staff, cabin: i64, seasons: &[Season]) -> Markup {
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    html! {
        section.seasons id=(format!("seasons-{cabin}")) {
            h4 { "Temporadas" }
            p.hint { "Cada noche de una temporada (de la primera a la última, las dos incluidas) cuesta su precio, con el recargo de fin de semana encima; el resto, el precio de base. El mínimo de noches lo pone la temporada de la noche de llegada." }
            @if seasons.is_empty() {
                p { "Sin temporadas: todas las noches al precio de base." }
            } @else {
                table.seasons {
                    thead { tr { th { "Temporada" } th { "Primera noche" } th { "Última noche" } th { "Precio por noche" } th { "Mínimo" } th {} } }
                    tbody {
                        @for s in seasons {
                            tr {
                                td { (s.name) }
                                td { (day(s.first_night)) }
                                td { (day(s.last_night)) }
                                td { (money(s.price_cents)) }
                                td { (s.min_nights) " noches" }
                                td {
                                    (action_button(staff, &format!("/admin/setup/seasons/{}/remove", s.id), Some("danger"), "Quitar"))
                                }
                            }
                        }
                    }
                }
            }
            form.season method="post" action=(format!("/admin/setup/cabins/{cabin}/seasons")) {
                input type="hidden" name="csrf" value=(staff.csrf);
                label { "Nombre" input type="text" name="name" required maxlength="60" placeholder="Temporada alta"; }
                label { "Desde (primera noche)" input type="date" name="from" required; }
                label { "Hasta (última noche, incluida)" input type="date" name="to" required; }
                label { "Precio por noche (pesos)" input type="text" name="price" inputmode="decimal" required; }
                label { "Mínimo de noches" input type="number" name="min_nights" min="1" max="60" value="1" required; }
                button type="submit" { "Agregar temporada" }
            }
        }
    }
}

/// A cabin's uploaded photos, each with its remove button, and the upload form (the token
/// first, so the guard finds it before the file).
fn cabin_photos(staff: &Staff, cabin: i64, photos: &[&store::photos::Listed]) -> Markup {
    html! {
        section.photos {
            h4 { "Fotos que manda el bot" }
            @if photos.is_empty() { p.status { "Todavía no subiste fotos de esta cabaña." } }
            ul.photos {
                @for ph in photos {
                    li.photo id=(format!("photo-{}", ph.id)) {
                        a href=(format!("/photos/{}", ph.file_name)) {
                            img src=(format!("/photos/{}", ph.file_name)) alt="Foto de la cabaña" width="160" loading="lazy";
                        }
                        small { (ph.width) "×" (ph.height) " · " ((ph.size + 1023) / 1024) " KB" }
                        (action_button(staff, &format!("/admin/setup/photos/{}/remove", ph.id), None, "Borrar foto"))
                    }
                }
            }
            form.upload-photo method="post" enctype="multipart/form-data" action=(format!("/admin/setup/cabins/{cabin}/photos")) {
                input type="hidden" name="csrf" value=(staff.csrf);
                label { "Subir una foto (JPEG, PNG o WebP, hasta 5 MB)" input type="file" name="photo" accept="image/jpeg,image/png,image/webp" required; }
                button type="submit" { "Subir foto" }
            }
        }
    }
}

/// The cabins' iCal calendars: the feeds they import and how to make their export address
/// (`None`: the export is off).
pub struct Calendars<'a> {
    pub feeds: &'a [store::console::feeds::Listed],
    /// The property's time zone: sync times are shown in it.
    pub tz: chrono_tz::Tz,
    pub export: Option<&'a dyn Fn(i64) -> String>,
}

/// What went wrong with a feed's last sync, by `last_error_kind`, in the owner's words.
fn feed_error(kind: &str) -> &'static str {
    match kind {
        "bad_url" => "la dirección no es válida",
        "circuit_open" | "timeout" | "transport" | "http_5xx" => {
            "el sitio no respondió; se vuelve a intentar solo"
        }
        "http_4xx" => "el sitio rechazó la dirección (¿cambió o se venció?)",
        "too_large" => "el calendario es demasiado grande",
        "empty" | "not_a_calendar" | "truncated" | "malformed" => {
            "lo que devolvió no es un calendario que se pueda leer"
        }
        store::ical::feeds::EMPTY_FEED_HELD => "vino vacío; se mantienen las fechas bloqueadas",
        _ => "no se pudo leer el calendario",
    }
}

/// A cabin's iCal section: its export address, then each feed with its last sync and error,
/// its remove button, and the form to add one.
fn feeds_section(staff: &Staff, cabin: i64, c: &Calendars<'_>) -> Markup {
    let when = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&c.tz).format("%d/%m/%Y %H:%M").to_string()
    };
    html! {
        section.feeds id=(format!("feeds-{cabin}")) {
            h4 { "Calendarios (iCal)" }
            p { "Dirección para que Airbnb, Booking y otros sitios importen las reservas de esta cabaña: " }
            @match c.export {
                Some(url) => { p { code.export-url { (url(cabin)) } } }
                None => { p.status { "exportación desactivada" } }
            }
            @let own: Vec<_> = c.feeds.iter().filter(|f| f.accommodation_id == cabin).collect();
            @if own.is_empty() {
                p { "No se importa ningún calendario de otro sitio." }
            } @else {
                table.feeds {
                    thead { tr { th { "Calendario importado" } th { "Última sincronización" } th { "Estado" } th {} } }
                    tbody {
                        @for f in own {
                            tr.feed id=(format!("feed-{}", f.id)) {
                                td { code { (f.url) } }
                                td { (f.last_synced_at.map_or_else(|| "todavía no".to_owned(), when)) }
                                td {
                                    @if let Some(kind) = &f.last_error_kind { span.error { "Error: " (feed_error(kind)) } }
                                    @else { "Bien" }
                                    @if let Some(since) = f.empty_since { " · vacío desde " (when(since)) }
                                }
                                td {
                                    (action_button(staff, &format!("/admin/setup/feeds/{}/remove", f.id), Some("danger"), "Quitar"))
                                }
                            }
                        }
                    }
                }
            }
            form.feed method="post" action=(format!("/admin/setup/cabins/{cabin}/feeds")) {
                input type="hidden" name="csrf" value=(staff.csrf);
                label { "Dirección del calendario (https://…)" input type="url" name="url" required maxlength="2000"; }
                button type="submit" { "Agregar calendario" }
            }
        }
    }
}

/// The property's feature flags: three switches and the PMS, one save button.
fn flags_section(staff: &Staff, f: &store::flags::PropertyFlags) -> Markup {
    use store::flags::Pms;
    let switches = [
        (
            "auto_replies",
            "El bot contesta a los huéspedes (apagado: los mensajes quedan en Conversaciones para que los contesten ustedes)",
            f.auto_replies,
        ),
        (
            "email_channel",
            "El bot contesta los mails (apagado: los mails quedan en Conversaciones sin respuesta)",
            f.email_channel,
        ),
        (
            "voice_replies",
            "A un audio, el bot contesta también con un audio (además del texto)",
            f.voice_replies,
        ),
    ];
    let pms_name = |p: Pms| match p {
        Pms::Fleet => "Esta consola (cabañas, precios y reservas de acá)",
        Pms::Qloapps => "QloApps",
    };
    html! {
        section #flags {
            h2 { "Opciones del bot" }
            p.hint { "Los cambios se aplican en unos segundos." }
            form.flags method="post" action="/admin/setup/flags" {
                input type="hidden" name="csrf" value=(staff.csrf);
                @for (name, label, on) in switches {
                    label.check { input type="checkbox" name=(name) value="si" checked[on]; " " (label) }
                }
                label { "Dónde están las reservas"
                    select name="pms" {
                        @for p in Pms::ALL {
                            option value=(p.as_str()) selected[p == f.pms] { (pms_name(p)) }
                        }
                    }
                }
                button type="submit" { "Guardar opciones" }
            }
        }
    }
}

/// The property's own settings and its feature flags, the setup page's top.
pub struct Settings<'a> {
    pub property: &'a PropertySettings,
    pub flags: &'a store::flags::PropertyFlags,
}

/// The property's settings and its cabins, each a form with its seasons, photos and calendars.
pub fn setup(
    staff: &Staff,
    settings: &Settings<'_>,
    cabins: &[Cabin],
    seasons: &[Season],
    photos: &[store::photos::Listed],
    calendars: &Calendars<'_>,
    notice: Option<&str>,
) -> Response {
    let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let p = settings.property;
    respond(layout(
        "Cabañas y ajustes",
        Some(staff),
        html! {
            h1 { "Cabañas y ajustes" }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            section #property {
                h2 { "El alojamiento" }
                form.property method="post" action="/admin/setup/property" {
                    input type="hidden" name="csrf" value=(staff.csrf);
                    label { "Dirección" input type="text" name="address" maxlength="200" value=[p.address.as_deref()]; }
                    label { "Entrada desde" input type="time" name="check_in_time" required value=(time(p.check_in_time)); }
                    label { "Salida hasta" input type="time" name="check_out_time" required value=(time(p.check_out_time)); }
                    fieldset {
                        legend { "Política de cancelación" }
                        label { "Devolución completa hasta (días antes de la llegada)" input type="number" name="full_refund_days" min="0" max="365" value=(p.cancel_full_refund_days); }
                        label { "Después, se devuelve (% de la seña)" input type="number" name="late_refund_percent" min="0" max="100" value=(p.cancel_late_refund_percent); }
                        label { "Lo que no se devuelve queda como crédito por (meses, 0 = no)" input type="number" name="credit_months" min="0" max="24" value=(p.cancel_credit_months); }
                    }
                    fieldset {
                        legend { "El saldo (lo que queda después de la seña) se paga al llegar" }
                        label.check { input type="checkbox" name="balance_cash" value="si" checked[p.balance_cash]; " en efectivo" }
                        label.check { input type="checkbox" name="balance_transfer" value="si" checked[p.balance_transfer]; " por transferencia" }
                        label.check { input type="checkbox" name="balance_card" value="si" checked[p.balance_card]; " con tarjeta" }
                    }
                    button type="submit" { "Guardar" }
                }
            }
            (flags_section(staff, settings.flags))
            section #cabins {
                h2 { "Cabañas" }
                @for c in cabins {
                    article.cabin id=(format!("cabin-{}", c.id)) {
                        h3 { (c.settings.name) @if !c.settings.active { " " small.status { "(no se ofrece)" } } }
                        (cabin_form(staff, &format!("/admin/setup/cabins/{}", c.id), Some(&c.settings)))
                        @let own: Vec<Season> = seasons.iter().filter(|s| s.accommodation_id == c.id).cloned().collect();
                        (seasons_section(staff, c.id, &own))
                        @let own_photos: Vec<&store::photos::Listed> = photos.iter().filter(|ph| ph.accommodation_id == c.id).collect();
                        (cabin_photos(staff, c.id, &own_photos))
                        (feeds_section(staff, c.id, calendars))
                    }
                }
                article.cabin #new-cabin {
                    h3 { "Agregar una cabaña" }
                    (cabin_form(staff, "/admin/setup/cabins/new", None))
                }
            }
        },
    ))
}

/// What a notice in the payments page's address says, after a refund was asked for.
pub fn payment_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "devolviendo" => {
            "Devolución en camino: Mercado Pago la hace en unos segundos y le avisamos al huésped."
        }
        "nada" => "No hay nada pendiente de devolver en esa reserva. No se hizo nada.",
        _ => return None,
    })
}

/// Deposits due back, each with its button, then the latest refunds and reversals.
pub fn payments(
    staff: &Staff,
    due: &[refunds::Due],
    settled: &[refunds::Settled],
    notice: Option<&str>,
) -> Response {
    respond(layout(
        "Pagos",
        Some(staff),
        html! {
            h1 { "Pagos" }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            h2 { "Señas para devolver" }
            @if due.is_empty() {
                p { "No hay señas para devolver." }
            } @else {
                table.due {
                    thead { tr { th { "Reserva" } th { "Cabaña" } th { "Huésped" } th { "Fechas" } th { "Por qué" } th { "A devolver" } th {} } }
                    tbody {
                        @for d in due {
                            tr {
                                td { a href=(format!("/admin/reservations/{}", d.code)) { (d.code) } }
                                td { (d.accommodation) }
                                td { (d.guest) }
                                td { (d.check_in.format("%d/%m").to_string()) " → " (d.check_out.format("%d/%m").to_string()) }
                                td { @if d.late_payment { "Pagó tarde: las noches ya estaban ocupadas" } @else { "Cancelada con la política" } }
                                td.refund { (money(d.due_cents)) }
                                td {
                                    (action_button(staff, &format!("/admin/payments/{}/refund", d.code), None, "Devolver por Mercado Pago"))
                                }
                            }
                        }
                    }
                }
            }
            h2 { "Devoluciones y reclamos" }
            @if settled.is_empty() {
                p { "Todavía no hay devoluciones." }
            } @else {
                table.settled {
                    thead { tr { th { "Reserva" } th { "Qué pasó" } th { "Monto" } th { "Cuándo" } } }
                    tbody {
                        @for s in settled {
                            tr {
                                td { a href=(format!("/admin/reservations/{}", s.code)) { (s.code) } }
                                td { (settled_what(&s.what)) }
                                td { (money(s.cents)) }
                                td { (s.at) }
                            }
                        }
                    }
                }
            }
        },
    ))
}

/// A reply's delivery as staff read it.
fn delivery_name(status: &str) -> &'static str {
    match status {
        "pending" | "relayed" => "enviando",
        "sent" => "enviado",
        "failed" => "NO SE ENTREGÓ",
        _ => "",
    }
}

fn settled_what(what: &str) -> &'static str {
    match what {
        "ours" => "Devolvimos la seña",
        "refunded" => "Devuelto desde Mercado Pago: revisá la reserva",
        "charged_back" => "Contracargo del banco: revisá la reserva",
        _ => "Otro movimiento",
    }
}

/// What a notice in the calendar's address says, after an action.
pub fn calendar_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "bloqueado" => "Fechas bloqueadas: el bot ya no las ofrece y los canales las ven ocupadas.",
        "desbloqueado" => "Fechas desbloqueadas: vuelven a estar libres para reservar.",
        "ya-libre" => "Esas fechas ya estaban desbloqueadas. No se hizo nada.",
        "ocupado" => {
            "No se bloqueó nada: alguna de esas noches ya tiene una reserva, una reserva sin pagar o un bloqueo. Mirá el calendario y elegí noches libres."
        }
        "fechas-invalidas" => {
            "No se bloqueó nada: las fechas no se entienden. Usá el selector de fechas."
        }
        "al-reves" => "No se bloqueó nada: la fecha «hasta» tiene que ser posterior a «desde».",
        "pasado" => "No se bloqueó nada: no se pueden bloquear noches que ya pasaron.",
        "muy-largo" => "No se bloqueó nada: se puede bloquear hasta un año por vez.",
        _ => return None,
    })
}

const WEEKDAYS: [&str; 7] = ["Lu", "Ma", "Mi", "Ju", "Vi", "Sá", "Do"];

/// The months' names, January first.
const MONTHS: &str =
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre";

fn month_name(first: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let name = MONTHS
        .split(' ')
        .nth(first.month0() as usize)
        .unwrap_or_default();
    format!("{name} {}", first.year())
}

/// One night's cell: the day, and what holds it (a confirmed stay links to its page).
fn night_cell(n: &Night<'_>) -> Markup {
    use chrono::Datelike;
    let (class, label) = match n.holder.map(|b| b.holder) {
        None => ("free", "Libre"),
        Some(Holder::Hold) => ("hold", "Sin pagar"),
        Some(Holder::Confirmed) => ("confirmed", "Confirmada"),
        Some(Holder::IcalBlock) => ("ical", "Canal (iCal)"),
        Some(Holder::StaffBlock) => ("blocked", "Bloqueada"),
    };
    let classes = format!(
        "{class}{}{}",
        if n.conflict { " conflict" } else { "" },
        if n.past { " past" } else { "" }
    );
    html! {
        td class=(classes) data-date=(n.date.to_string()) {
            span.day { (n.date.day()) }
            span.what { (label) }
            @if let Some(b) = n.holder {
                @match b.holder {
                    Holder::Confirmed | Holder::Hold => {
                        a.code href=(format!("/admin/reservations/{}", b.code)) { (b.code) }
                    }
                    _ => { span.code { (b.code) } }
                }
            }
            @if n.conflict { span.badge.human { "Conflicto" } }
        }
    }
}

fn cabin_month(staff: &Staff, month: chrono::NaiveDate, g: &CabinMonth<'_>) -> Markup {
    html! {
        section.cabin-month id=(format!("cabin-{}", g.cabin.id)) {
            h2 { a href=(calendar::address(Some(g.cabin.id), month, None)) { (g.cabin.name) } }
            table.month {
                thead { tr { @for d in WEEKDAYS { th { (d) } } } }
                tbody { @for week in &g.weeks { tr {
                    @for night in week {
                        @if let Some(n) = night { (night_cell(n)) } @else { td.outside {} }
                    }
                } } }
            }
            @if !g.blocks.is_empty() {
                ul.blocks {
                    @for b in &g.blocks {
                        li id=(format!("block-{}", b.id)) {
                            span { "Bloqueada del " (b.check_in.format("%d/%m/%Y").to_string())
                                   " al " (b.check_out.format("%d/%m/%Y").to_string()) " (" (b.code) ")" }
                            @if let Some(note) = &b.note { " " span.note { "«" (note) "»" } }
                            (action_button(staff, &format!("/admin/calendar/unblock/{}", b.id), Some("secondary"), "Desbloquear"))
                        }
                    }
                }
            }
        }
    }
}

/// The calendar: one month grid per cabin shown, month navigation, and the block form.
pub fn calendar(staff: &Staff, page: &CalendarPage<'_>) -> Response {
    let first_free = page.today.max(page.month);
    respond(layout(
        "Calendario",
        Some(staff),
        html! {
            h1 { "Calendario de " (month_name(page.month)) }
            @if let Some(notice) = page.notice { p.notice role="status" { (notice) } }
            nav.months {
                a rel="prev" href=(calendar::address(page.cabin, calendar::previous_month(page.month), None)) { "← " (month_name(calendar::previous_month(page.month))) }
                @if page.cabin.is_some() { a href=(calendar::address(None, page.month, None)) { "Todas las cabañas" } }
                a rel="next" href=(calendar::address(page.cabin, calendar::next_month(page.month), None)) { (month_name(calendar::next_month(page.month))) " →" }
            }
            p.legend {
                span.free { "Libre" } span.hold { "Sin pagar" } span.confirmed { "Confirmada" }
                span.ical { "Canal (iCal)" } span.blocked { "Bloqueada" } span.conflict { "Conflicto" }
            }
            @if page.grids.is_empty() { p.empty { "No hay cabañas activas." } }
            @for g in &page.grids { (cabin_month(staff, page.month, g)) }
            @if !page.cabins.is_empty() {
                section #block {
                    h2 { "Bloquear fechas" }
                    p { "Las noches bloqueadas no se ofrecen a los huéspedes y salen ocupadas en el calendario que leen Airbnb y Booking." }
                    form.block method="post" action="/admin/calendar/block" {
                        input type="hidden" name="csrf" value=(staff.csrf);
                        label { "Cabaña"
                            select name="cabin" {
                                @for c in page.cabins {
                                    option value=(c.id) selected[page.cabin == Some(c.id)] { (c.name) }
                                }
                            }
                        }
                        label { "Desde (primera noche)" input type="date" name="from" required min=(page.today.to_string()) value=(first_free.to_string()); }
                        label { "Hasta (día de salida: esa noche queda libre)" input type="date" name="to" required min=(page.today.to_string()); }
                        label { "Nota (opcional)" input type="text" name="note" maxlength=(calendar::MAX_NOTE); }
                        button type="submit" { "Bloquear" }
                    }
                }
            }
        },
    ))
}

/// What a notice in the queues page's address says, after an action on a dead letter.
pub fn queue_notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "reintentado" => "El trabajo volvió a la cola con intentos nuevos.",
        "descartado" => "Descartaste el trabajo: no se va a ejecutar.",
        "ya-hecho" => "Ese trabajo ya no está entre los fallidos. No se hizo nada.",
        _ => return None,
    })
}

/// What each queue's jobs do, for owners who do not read the queue's name.
fn queue_purpose(queue: QueueName) -> &'static str {
    match queue {
        QueueName::TranscribeAudio => "Transcribir audios",
        QueueName::ParseIntent => "Entender mensajes",
        QueueName::PreReserve => "Reservar sin pagar",
        QueueName::ConfirmPayment => "Confirmar pagos",
        QueueName::SyncIcal => "Sincronizar calendarios",
        QueueName::ExpireHolds => "Vencer reservas sin pagar",
        QueueName::SendReply => "Enviar respuestas",
        QueueName::RefundDeposit => "Devolver señas",
    }
}

/// The fleet's queues: depth by state, then each queue's dead letters with their two actions.
/// A letter shows its id, attempts, time and error only (see `pages::queues`).
pub fn queues(staff: &Staff, queues: &[Queue], notice: Option<&str>) -> Response {
    let dead: Vec<&Queue> = queues.iter().filter(|q| !q.letters.is_empty()).collect();
    respond(layout(
        "Colas",
        Some(staff),
        html! {
            h1 { "Colas de trabajo" }
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            p { "Son las de toda la flota, compartidas por todos los alojamientos." }
            table #depths {
                thead { tr { th { "Cola" } th { "Esperando" } th { "En curso" } th { "Programados o reintentando" } th { "Fallidos" } } }
                tbody { @for q in queues { tr id=(format!("queue-{}", q.name)) {
                    td { (queue_purpose(q.name)) " " code { (q.name) } }
                    td.waiting { (q.depth.pending) } td.running { (q.depth.running) }
                    td.scheduled { (q.depth.scheduled) } td.dead { (q.depth.dead) }
                } } }
            }
            section #dead-letters {
                h2 { "Trabajos fallidos" }
                @if dead.is_empty() { p.empty { "Ninguno." } }
                @for q in dead {
                    h3 { (queue_purpose(q.name)) " " code { (q.name) } }
                    @if (q.letters.len() as u64) < q.depth.dead {
                        p { "Se muestran los " (q.letters.len()) " más viejos de " (q.depth.dead) "." }
                    }
                    table.letters {
                        thead { tr { th { "Trabajo" } th { "Intentos" } th { "Falló" } th { "Error" } th {} } }
                        tbody { @for l in &q.letters {
                            @let base = format!("/admin/queues/{}/dead/{}", q.name, l.id);
                            tr id=(format!("letter-{}", l.id)) {
                                td.id { code { (l.id) } }
                                td { (l.attempts) "/" (l.max_attempts) }
                                td { (l.died) }
                                td.error { (l.error) }
                                td.actions {
                                    (action_button(staff, &format!("{base}/redrive"), None, "Reintentar"))
                                    (action_button(staff, &format!("{base}/discard"), Some("danger"), "Descartar"))
                                }
                            }
                        } }
                    }
                }
            }
        },
    ))
}

/// What a notice in the conversation page's address says, after an action.
pub fn notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "tomada" => {
            "Tomaste la conversación: el bot no le va a contestar a este huésped hasta que la devuelvas (o pasen 24 horas)."
        }
        "devuelta" => "El bot vuelve a atender esta conversación.",
        "enviada" => "Tu respuesta está en camino.",
        "ventana" => {
            "WhatsApp solo deja escribirle a un huésped dentro de las 24 horas de su último mensaje. No se envió nada; esperá a que vuelva a escribir."
        }
        "vacia" => "Escribí algo para enviar.",
        _ => return None,
    })
}

pub fn conversation(staff: &Staff, c: &Conversation, notice: Option<&str>) -> Response {
    let s = &c.summary;
    let understood = serde_json::to_string_pretty(&c.state).unwrap_or_default();
    let base = format!("/admin/inbox/{}", s.id);
    let nonce = super::csrf::fresh();
    respond(layout(
        "Conversación",
        Some(staff),
        html! {
            p { a href="/admin/inbox" { "← Conversaciones" } }
            h1 { (s.guest_address) " " small { (channel_name(&s.channel)) } }
            (summary_badges(s))
            @if let Some(notice) = notice { p.notice role="status" { (notice) } }
            ol.messages {
                @for m in &c.messages {
                    @let who = match m.author { Author::Guest => "guest", Author::Bot => "bot", Author::Staff => "staff" };
                    li class=(who) {
                        span.author { (match m.author { Author::Guest => "Huésped", Author::Bot => "Bot", Author::Staff => "Equipo" }) }
                        span.when { (m.when) @if let Some(st) = &m.status { " · " (delivery_name(st)) } }
                        @if m.text.is_empty() { p.text.kind { "(" (m.kind) ")" } } @else { p.text { (m.text) } }
                    }
                }
            }
            details.understood {
                summary { "Lo que entendió el bot" }
                pre { (understood) }
            }
            @if s.taken_over_by.is_some() {
                form.reply method="post" action=(format!("{base}/reply")) {
                    input type="hidden" name="csrf" value=(staff.csrf);
                    input type="hidden" name="nonce" value=(nonce);
                    label { "Tu respuesta" textarea name="text" rows="4" maxlength="4000" required {} }
                    button type="submit" { "Enviar" }
                }
                (action_button(staff, &format!("{base}/release"), Some("secondary"), "Devolver al bot"))
            } @else {
                (action_button(staff, &format!("{base}/take"), None, "Tomar la conversación"))
            }
        },
    ))
}

/// `GET /admin/console.css`: small, mobile first.
#[handler]
pub async fn stylesheet() -> Response {
    Response::builder()
        .content_type("text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .body(CSS)
}

const CSS: &str = r#"
*{box-sizing:border-box}
ul.photos{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;padding:0}
li.photo{display:flex;flex-direction:column;gap:.25rem;max-width:160px}
li.photo img{max-width:160px;height:auto;border-radius:4px}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2428;background:#f5f6f4}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;background:#24473b;color:#fff}
header a{color:#fff;margin-right:1rem}
header .property{font-size:1.05rem}
header form.logout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #dde}
.empty{color:#667}
ul.conversations{list-style:none;padding:0}
ul.conversations li a{display:flex;flex-wrap:wrap;gap:.25rem .75rem;padding:.7rem;margin-bottom:.5rem;background:#fff;border-radius:.4rem;color:inherit;text-decoration:none}
ul.conversations .guest{font-weight:600}
ul.conversations .last{flex-basis:100%;color:#445;overflow-wrap:anywhere}
.badge{font-size:.8rem;padding:.1rem .45rem;border-radius:1rem;background:#e3e7e5}
.badge.human{background:#ffd8c2}.badge.taken{background:#cfe4ff}
ol.messages{list-style:none;padding:0}
ol.messages li{max-width:85%;margin:.4rem 0;padding:.5rem .7rem;border-radius:.6rem;background:#fff}
ol.messages li.bot,ol.messages li.staff{margin-left:auto;background:#dff1e6}
ol.messages li.staff{background:#cfe4ff}
ol.messages .author{font-weight:600;margin-right:.5rem}
ol.messages .when{font-size:.8rem;color:#667}
ol.messages .text{margin:.2rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:.5rem}
label{display:block;margin:.6rem 0}
label.check input{display:inline;width:auto}
a.button{display:inline-block;padding:.55rem 1.1rem;border-radius:.3rem;background:#24473b;color:#fff;text-decoration:none}
input,textarea,select{display:block;width:100%;padding:.5rem;font:inherit;margin-top:.2rem}
button{padding:.55rem 1.1rem;font:inherit;border:0;border-radius:.3rem;background:#24473b;color:#fff;cursor:pointer}
button.secondary{background:#667}
button.danger{background:#a33}
dl.reservation{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:#fff;padding:.7rem}
dl.reservation dt{font-weight:600}dl.reservation dd{margin:0}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}form.search label{flex:1;margin:0}
header button{padding:.3rem .7rem;background:#3c6b5b}
form{margin:.6rem 0}
.notice{background:#fff6d6;padding:.6rem}
.problem{background:#ffe0e0;padding:.6rem}
section.login{max-width:24rem;margin:2rem auto}
table.letters td.error{overflow-wrap:anywhere;white-space:pre-wrap;font-size:.9rem}
table.letters td.id{font-size:.8rem;overflow-wrap:anywhere}
table.letters td.actions form{margin:.2rem 0}
nav.months{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}
table.month{table-layout:fixed}
table.month th{text-align:center;font-size:.8rem}
table.month td{vertical-align:top;padding:.25rem;height:4.2rem;border:1px solid #dde;font-size:.75rem;overflow-wrap:anywhere}
table.month td .day{display:block;font-weight:600;font-size:.9rem}
table.month td .what,table.month td .code{display:block}
table.month td.outside{background:#eef0ee}
.free{background:#fff}.hold{background:#fff1c9}.confirmed{background:#cfe9d9}.ical{background:#dcd8f5}
.blocked{background:#d7dbe0}.conflict{outline:3px solid #c33;outline-offset:-3px}.past{opacity:.55}
p.legend span{display:inline-block;padding:.1rem .5rem;margin:.15rem;border:1px solid #dde;font-size:.85rem}
ul.blocks{list-style:none;padding:0}ul.blocks li{background:#fff;padding:.5rem;margin:.4rem 0}
ul.blocks form{display:inline;margin-left:.5rem}
article.cabin{background:#fff;padding:.75rem;margin:.75rem 0}
fieldset{border:1px solid #dde;margin:.5rem 0}
label.check{display:flex;gap:.4rem;align-items:center}
textarea{display:block;width:100%;font:inherit;margin-top:.2rem}
select{display:block;width:100%;padding:.5rem;font:inherit;margin-top:.2rem}
@media (max-width:40rem){table.month td{height:3.4rem;font-size:.65rem;padding:.15rem}table.month td .what{display:none}}
"#;

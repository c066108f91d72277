//! The staff console at `/admin`: server-rendered HTML in Spanish for the people who run a
//! property, usable on a phone and on a desktop, with no JavaScript at all.
//!
//! # Who may use what
//!
//! | route | method | who |
//! |---|---|---|
//! | `/admin/login` | GET, POST | anyone (attempts limited per address and per IP) |
//! | `/admin/logout` | POST | a signed-in account |
//! | `/admin` | GET | owner or staff: their property's day ([`pages::today`]) |
//! | `/admin/inbox` | GET | owner or staff: their property's conversations |
//! | `/admin/inbox/:id` | GET | owner or staff of the conversation's property; anyone else 404 |
//! | `/admin/inbox/:id/take` | POST | same: staff take the guest over, the bot stops answering |
//! | `/admin/inbox/:id/reply` | POST | same: an answer through the bot's outbound path |
//! | `/admin/inbox/:id/release` | POST | same: the bot answers again |
//! | `/admin/reservations` | GET | owner or staff: their property's reservations, searched |
//! | `/admin/reservations/new` | GET, POST | owner or staff: a reservation by hand for one of their cabins (another property's cabin: 404) ([`pages::manual`]) |
//! | `/admin/reservations/:code` | GET | owner or staff of the reservation's property; else 404 |
//! | `/admin/reservations/:code/paid` | POST | same: a hold paid another way, confirmed |
//! | `/admin/reservations/:code/move` | POST | same: a hold or paid stay moved to other dates or another of their cabins, the guest told |
//! | `/admin/reservations/:code/cancel` | POST | same: a paid stay cancelled by the policy, the guest told |
//! | `/admin/calendar` | GET | owner or staff: a month grid per cabin of their property ([`pages::calendar`]); another property's cabin 404 |
//! | `/admin/calendar/block` | POST | same: block nights of a cabin of their property (exported, refused to guests) |
//! | `/admin/calendar/unblock/:id` | POST | same: unblock a staff block of their property; any other id 404 |
//! | `/admin/queues` | GET | owner only (staff: 404): the fleet's queues and dead letters ([`pages::queues`]) |
//! | `/admin/queues/:queue/dead/:id/redrive` | POST | owner only (staff: 404): a dead letter back to waiting |
//! | `/admin/queues/:queue/dead/:id/discard` | POST | owner only (staff: 404): a dead letter discarded |
//! | `/admin/payments` | GET | owner only (staff: 404): deposits due back, refunds, reversals |
//! | `/admin/payments/:code/refund` | POST | owner of the code's property (else 404): the deposit given back through Mercado Pago, once |
//! | `/admin/setup` | GET | owner only (staff: 404): the property's settings and its cabins (with their iCal feeds and export address) |
//! | `/admin/setup/property` | POST | owner: address, check-in/out times, cancellation policy |
//! | `/admin/setup/cabins/:id` | POST | owner of the cabin's property (else 404; `new` adds one): a cabin's settings |
//! | `/admin/setup/cabins/:id/photos` | POST | owner of the cabin's property (else 404): a photo uploaded (multipart; JPEG, PNG or WebP by content, up to 5 MB) ([`pages::photos`]) |
//! | `/admin/setup/photos/:id/remove` | POST | owner of the photo's cabin's property (else 404): the photo removed |
//! | `/admin/setup/cabins/:id/seasons` | POST | owner of the cabin's property (else 404): a season added (its own price and minimum nights) ([`pages::seasons`]) |
//! | `/admin/setup/seasons/:id/remove` | POST | owner of the season's property (else 404): a season removed |
//! | `/admin/setup/cabins/:id/feeds` | POST | owner of the cabin's property (else 404): an iCal feed added by its http(s) address ([`pages::feeds`]) |
//! | `/admin/setup/feeds/:id/remove` | POST | owner of the feed's property (else 404): the feed removed, its imported nights released |
//! | `/admin/setup/flags` | POST | owner only (staff: 404): the property's feature flags (bot replies, email, voice replies, PMS) ([`pages::flags`]) |
//! | `/admin/account` | GET, POST | a signed-in account, its own only: the WhatsApp number for notices ([`pages::account`]) |
//! | `/admin/console.css` | GET | anyone (the stylesheet) |
//!
//! Every page but the login answers a request without a valid session with a redirect to the
//! login ([`auth::Staff`]); every POST is refused (403, nothing done) without the session's form
//! token ([`csrf::guard`]); every read and write is filtered by the account's property in the
//! same SQL statement (`store::console`), so another property's id is a 404 like an id that
//! does not exist; every action writes its audit row in its own transaction
//! (`store::staff::audit`). The one exception to the property filter is the queues page: the
//! queues are the fleet's, so it is for owners only ([`auth::Owner`]) and shows no job's
//! payload, only its id, attempts, time and error (one route, `…/:id/:action`, serves both
//! buttons; any other action is a 404). `POST /admin/reservations/:code/confirm` and
//! `GET /admin/refunds` are not part of the console: they stay the scripts' bearer-token
//! endpoints (`routes::admin`); the console's own confirmation (`…/paid`) enqueues the very
//! same job under the same key.
//!
//! Guest text is untrusted: pages are `maud` templates, which escape every interpolated value;
//! nothing here may use `PreEscaped` on anything but constant markup.
//!
//! Besides its sessions and the outbox's relay, the console writes to Redis only to re-drive or
//! discard a dead letter, through the same `jobs::RedisQueue` calls as `fleetctl dlq`.
//!
//! Cabin photos are the one thing the console serves outside `/admin`: `routes::photos`
//! answers `GET /photos/{token}.{ext}` to anyone with the link (WhatsApp fetches the bot's
//! images there), by an unguessable token, never an id.
//!
//! The console writes to PostgreSQL (accounts' audit rows, a take-over, an answer's, a
//! confirmation's, a refund's or a guest message's outbox row, a reservation made, moved or
//! cancelled, dates blocked or unblocked, a cabin's photos, the property's feature flags) only
//! through `store::staff`, `store::console`, `store::holds`, `store::photos`, `store::flags` and
//! `store::outbox`, one transaction per action. It changes a conversation
//! only by the take-over and the "asked for a person" mark, and a reservation only by placing a
//! hold, moving a live one, cancelling a confirmed one and blocking or unblocking dates (a
//! staff block is a `reservations` row), each under the exclusion constraint; confirming is
//! the workers' `ConfirmPayment`, the job a payment runs, and a refund their `RefundDeposit`.

pub mod auth;
pub mod csrf;
mod error;
pub mod pages;
pub mod password;
pub mod session;
pub mod upload;
mod views;

use std::sync::Arc;

use poem::{EndpointExt, IntoEndpoint, Route, get, post, session::ServerSession};

pub use error::ConsoleError;

use crate::state::AppState;

/// Adds the console's routes to `routes`, each behind the session middleware and the form-token
/// guard.
pub fn mount(routes: Route, state: &Arc<AppState>) -> Route {
    let sessioned = |ep: poem::RouteMethod| {
        ep.around(csrf::guard).with(ServerSession::new(
            session::cookie_config(&state.config.console),
            session::RedisStorage::new(&state.queue),
        ))
    };
    routes
        .at("/admin", sessioned(get(pages::today::page)).into_endpoint())
        .at(
            "/admin/login",
            sessioned(get(auth::login_page).post(auth::login)),
        )
        .at("/admin/logout", sessioned(post(auth::logout)))
        .at("/admin/inbox", sessioned(get(pages::inbox::list)))
        .at("/admin/inbox/:id", sessioned(get(pages::inbox::show)))
        .at("/admin/inbox/:id/take", sessioned(post(pages::inbox::take)))
        .at(
            "/admin/inbox/:id/reply",
            sessioned(post(pages::inbox::reply)),
        )
        .at(
            "/admin/inbox/:id/release",
            sessioned(post(pages::inbox::release)),
        )
        .at(
            "/admin/reservations",
            sessioned(get(pages::reservations::list)),
        )
        .at(
            "/admin/reservations/new",
            sessioned(get(pages::manual::new_form).post(pages::manual::create)),
        )
        .at(
            "/admin/reservations/:code",
            sessioned(get(pages::reservations::show)),
        )
        .at(
            "/admin/reservations/:code/move",
            sessioned(post(pages::manual::move_dates)),
        )
        .at(
            "/admin/reservations/:code/paid",
            sessioned(post(pages::reservations::confirm)),
        )
        .at(
            "/admin/reservations/:code/cancel",
            sessioned(post(pages::reservations::cancel)),
        )
        .at("/admin/calendar", sessioned(get(pages::calendar::page)))
        .at(
            "/admin/calendar/block",
            sessioned(post(pages::calendar::block)),
        )
        .at(
            "/admin/calendar/unblock/:id",
            sessioned(post(pages::calendar::unblock)),
        )
        .at("/admin/queues", sessioned(get(pages::queues::list)))
        .at(
            "/admin/queues/:queue/dead/:id/:action",
            sessioned(post(pages::queues::act)),
        )
        .at("/admin/payments", sessioned(get(pages::payments::list)))
        .at(
            "/admin/payments/:code/refund",
            sessioned(post(pages::payments::refund)),
        )
        .at("/admin/setup", sessioned(get(pages::setup::page)))
        .at(
            "/admin/setup/property",
            sessioned(post(pages::setup::save_property)),
        )
        .at(
            "/admin/setup/cabins/:id",
            sessioned(post(pages::setup::save_cabin)),
        )
        .at(
            "/admin/setup/cabins/:id/photos",
            sessioned(post(pages::photos::add)),
        )
        .at(
            "/admin/setup/photos/:id/remove",
            sessioned(post(pages::photos::remove)),
        )
        .at(
            "/admin/setup/cabins/:id/seasons",
            sessioned(post(pages::seasons::add)),
        )
        .at(
            "/admin/setup/seasons/:id/remove",
            sessioned(post(pages::seasons::remove)),
        )
        .at(
            "/admin/setup/cabins/:id/feeds",
            sessioned(post(pages::feeds::add)),
        )
        .at(
            "/admin/setup/feeds/:id/remove",
            sessioned(post(pages::feeds::remove)),
        )
        .at("/admin/setup/flags", sessioned(post(pages::flags::save)))
        .at(
            "/admin/account",
            sessioned(get(pages::account::page).post(pages::account::save)),
        )
        .at("/admin/console.css", get(views::stylesheet))
}

//! What every handler can reach: passed in, never global.

use std::sync::Arc;

use jobs::{RedisQueue, coordination::Deliveries};
use sqlx::PgPool;

use channels::{email::Email, ical::Fetcher, mercadopago::MercadoPago, whatsapp::Whatsapp};
use voice::Speech;

use crate::config::WorkerConfig;

pub struct AppState {
    pub db: PgPool,
    pub queue: RedisQueue,
    pub config: WorkerConfig,
    pub whatsapp: Whatsapp,
    pub mercadopago: MercadoPago,
    /// QloApps and its availability cache, when configured (`QLOAPPS_URL`): used only for
    /// properties whose PMS is QloApps (`crate::pms::for_property`).
    pub qloapps: Option<crate::pms::QloappsPms>,
    pub email: Email,
    /// The speech model (loaded once per process, on first use or ahead of it).
    pub speech: Speech,
    /// iCal feeds' HTTP client and their breakers, one per host.
    pub ical: Fetcher,
    /// What the providers accepted (by the senders and the providers' status webhooks).
    pub deliveries: Deliveries,
    /// Where the outbox relay's "relayed" marks are batched.
    pub outbox_marks: crate::outbox::Marks,
    /// Each property's feature flags, read at most every `FLAG_CACHE_SECONDS`.
    pub flags: crate::flags::FlagCache,
    /// Each property's accommodations as last read, by catalog version.
    pub catalog: crate::catalog::Catalog,
}

pub type State = Arc<AppState>;

//! The PMS boundary: what booking needs from a property's system of record (its accommodations
//! and their capacity, the nights taken in a range, a quote, and a booking created, confirmed,
//! cancelled and read), with the two systems a property can choose (`property_flags.pms`):
//!
//! - [`FleetPms`], the default: the fleet's own tables. Its create and confirm are the hold and
//!   the confirmation the handlers already write (`store::holds`, `store::reservations`), so
//!   nothing changes for a property on it. Never double-booked: the exclusion constraint on
//!   `reservations`.
//! - [`QloappsPms`]: a QloApps hotel through `channels::qloapps`. The fleet still places its
//!   local hold first (the same exclusion constraint, so two guests of the fleet never race
//!   each other into QloApps), then asks QloApps to book; a refusal releases the local hold.
//!   QloApps' availability is merged with the local nights taken and kept
//!   `QLOAPPS_AVAILABILITY_CACHE_SECS` (default 20 s) per hotel and range.
//!
//! It lives here, in the wiring crate, because it joins a store (SQL in `store`) with a
//! provider (HTTP in `channels`); it must never hold SQL or HTTP itself, nor decide what a
//! guest is told (the handlers and `conversation::texts` do).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use booking::{Accommodation, StayDates, availability::Taken, pricing::Quote};
use channels::{
    ChannelError,
    qloapps::{BookingStatus, NewBooking, Night, Qloapps},
};
use chrono::NaiveDate;
use jobs::JobError;
use sqlx::PgPool;
use store::{Conn, StoreError, availability, flags::Pms, pms::Mapping};

use crate::flags::FlagCache;

/// Why the property's system did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum PmsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The PMS answered no (its nights are taken, the request is invalid): trying again will
    /// not help.
    #[error("the PMS refused: {0}")]
    Refused(String),
    /// The PMS cannot be reached for now (its breaker is open, it is down or slow).
    #[error(transparent)]
    Unavailable(ChannelError),
    /// The property chose a PMS the fleet cannot use (QloApps not configured, no hotel mapped).
    #[error("{0}")]
    NotSetUp(String),
}

impl From<ChannelError> for PmsError {
    fn from(e: ChannelError) -> Self {
        match e {
            ChannelError::Permanent { message, .. } => PmsError::Refused(message),
            other => PmsError::Unavailable(other),
        }
    }
}

impl From<PmsError> for JobError {
    fn from(e: PmsError) -> Self {
        match e {
            PmsError::Store(e) => e.into(),
            PmsError::Unavailable(e) => e.into(),
            PmsError::Refused(m) | PmsError::NotSetUp(m) => JobError::permanent(m),
        }
    }
}

/// A booking as the property's system knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PmsBooking {
    /// Our reservation code.
    pub code: String,
    /// The PMS's own id of it (`None` on the fleet's store, where the reservation is the
    /// booking).
    pub pms_id: Option<i64>,
}

/// What booking needs from a property system. Reads take the caller's connection (they run
/// inside a turn's transaction); bookings take the pool, since a provider call must not hold
/// a transaction open.
#[allow(async_fn_in_trait)] // used through the `Chosen` enum, never as `dyn`
pub trait PropertySystem {
    /// The property's accommodations that can be offered, with their capacity.
    async fn accommodations(
        &self,
        conn: &mut Conn,
        property_id: i64,
    ) -> Result<Vec<Accommodation>, PmsError>;
    /// The nights taken in `window` (from, to exclusive), per accommodation.
    async fn taken(
        &self,
        conn: &mut Conn,
        property_id: i64,
        window: (NaiveDate, NaiveDate),
    ) -> Result<Vec<Taken>, PmsError>;
    /// The price of a stay (the fleet's tariff and seasons, whichever the PMS).
    fn quote(&self, accommodation: &Accommodation, stay: &StayDates) -> Quote {
        accommodation.quote(stay)
    }
    /// Makes the booking of the held reservation `code` in the PMS (idempotent per code).
    async fn create_booking(&self, db: &PgPool, code: &str) -> Result<PmsBooking, PmsError>;
    /// Tells the PMS the deposit of `code` is paid.
    async fn confirm_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError>;
    /// Cancels `code` in the PMS and releases its local hold.
    async fn cancel_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError>;
    /// The booking of `code`, as the PMS knows it.
    async fn fetch_booking(&self, db: &PgPool, code: &str) -> Result<Option<PmsBooking>, PmsError>;
}

/// The fleet's own tables: every operation is what the handlers already do.
#[derive(Debug, Clone, Copy, Default)]
pub struct FleetPms;

impl PropertySystem for FleetPms {
    async fn accommodations(
        &self,
        conn: &mut Conn,
        property_id: i64,
    ) -> Result<Vec<Accommodation>, PmsError> {
        Ok(availability::of_property(conn, property_id).await?)
    }

    async fn taken(
        &self,
        conn: &mut Conn,
        property_id: i64,
        window: (NaiveDate, NaiveDate),
    ) -> Result<Vec<Taken>, PmsError> {
        Ok(availability::taken(conn, property_id, window).await?)
    }

    /// The hold `PreReserve` placed is the booking.
    async fn create_booking(&self, db: &PgPool, code: &str) -> Result<PmsBooking, PmsError> {
        self.fetch_booking(db, code)
            .await?
            .ok_or_else(|| PmsError::Refused(format!("no reservation {code}")))
    }

    /// `ConfirmPayment` confirms the row itself: nothing more to tell.
    async fn confirm_booking(&self, _db: &PgPool, _code: &str) -> Result<(), PmsError> {
        Ok(())
    }

    async fn cancel_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError> {
        let mut conn = db.acquire().await.map_err(StoreError::from)?;
        store::reservations::release_unpaid(&mut conn, code).await?;
        Ok(())
    }

    async fn fetch_booking(&self, db: &PgPool, code: &str) -> Result<Option<PmsBooking>, PmsError> {
        Ok(store::pms::stay(db, code).await?.map(|s| PmsBooking {
            code: s.code,
            pms_id: None,
        }))
    }
}

/// QloApps availability answers (a hotel's every room type, for a range), kept briefly: a guest's turn asks about the same range two or
/// three times in a minute (the question, the "dale", a correction), and QloApps' `hotel_ari`
/// computes prices and rooms for every night, which is the slowest call it has. Stale for at
/// most the TTL, which is safe because nothing is booked on it: the local hold and QloApps' own
/// check at booking time decide.
pub struct AvailabilityCache {
    ttl: Duration,
    entries: Mutex<HashMap<CacheKey, Entry>>,
}

/// Hotel, first night, last night's end.
type CacheKey = (i64, NaiveDate, NaiveDate);
/// When it was read, and what.
type Entry = (Instant, Arc<Vec<Night>>);

/// More entries than this and the expired ones are dropped (and, if still full, all).
const CACHE_CAP: usize = 4096;

impl AvailabilityCache {
    pub fn new(ttl: Duration) -> Self {
        AvailabilityCache {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, key: &CacheKey) -> Option<Arc<Vec<Night>>> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, nights)| nights.clone())
    }

    fn put(&self, key: CacheKey, nights: Arc<Vec<Night>>) {
        if self.ttl.is_zero() {
            return;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CACHE_CAP {
                let ttl = self.ttl;
                entries.retain(|_, (at, _)| at.elapsed() < ttl);
                if entries.len() >= CACHE_CAP {
                    entries.clear();
                }
            }
            entries.insert(key, (Instant::now(), nights));
        }
    }

    /// A booking made or cancelled changes the hotel's nights: forget what was read of it.
    fn forget(&self, hotel_id: i64) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|(h, _, _), _| *h != hotel_id);
        }
    }
}

/// The QloApps client and its availability cache: one per worker process.
pub struct QloappsPms {
    client: Qloapps,
    cache: AvailabilityCache,
}

impl QloappsPms {
    pub fn new(client: Qloapps, ttl: Duration) -> Self {
        QloappsPms {
            client,
            cache: AvailabilityCache::new(ttl),
        }
    }

    /// Every room type's free rooms each night of the range: one `hotel_ari` call per hotel and
    /// range, however many accommodations the property maps.
    async fn nights(
        &self,
        hotel_id: i64,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<Arc<Vec<Night>>, ChannelError> {
        let key = (hotel_id, from, to);
        if let Some(hit) = self.cache.get(&key) {
            metrics::counter!("fleet_pms_availability_total", "pms" => "qloapps", "cache" => "hit")
                .increment(1);
            return Ok(hit);
        }
        metrics::counter!("fleet_pms_availability_total", "pms" => "qloapps", "cache" => "miss")
            .increment(1);
        let nights = Arc::new(self.client.availability(hotel_id, None, from, to).await?);
        self.cache.put(key, nights.clone());
        Ok(nights)
    }
}

/// A QloApps property: the shared client and the property's mapping.
pub struct QloappsProperty<'a> {
    pms: &'a QloappsPms,
    mapping: Mapping,
}

impl QloappsProperty<'_> {
    async fn booking_of(
        &self,
        db: &PgPool,
        code: &str,
    ) -> Result<Option<channels::qloapps::Booking>, PmsError> {
        let Some(stay) = store::pms::stay(db, code).await? else {
            return Ok(None);
        };
        let Some(id) = stay.booking_id else {
            return Ok(None);
        };
        Ok(self.pms.client.booking(id).await?)
    }
}

impl PropertySystem for QloappsProperty<'_> {
    /// The fleet's copy of the mapped accommodations (their names, photos, prices and
    /// capacity are what the guest is shown); an accommodation with no room type is not
    /// offered.
    async fn accommodations(
        &self,
        conn: &mut Conn,
        property_id: i64,
    ) -> Result<Vec<Accommodation>, PmsError> {
        let all = availability::of_property(conn, property_id).await?;
        Ok(all
            .into_iter()
            .filter(|a| self.mapping.room_type_of(a.id).is_some())
            .collect())
    }

    /// The local nights taken (holds placed here that QloApps may not have yet) and every
    /// night QloApps has no free room of the accommodation's room type. An accommodation with
    /// no room type is taken for the whole window. QloApps out of reach: the local nights only
    /// (logged), since booking asks QloApps again and refuses what it refuses.
    async fn taken(
        &self,
        conn: &mut Conn,
        property_id: i64,
        window: (NaiveDate, NaiveDate),
    ) -> Result<Vec<Taken>, PmsError> {
        let mut taken = availability::taken(&mut *conn, property_id, window).await?;
        let nights = match self.pms.nights(self.mapping.hotel_id, window).await {
            Ok(nights) => Some(nights),
            Err(e) => {
                tracing::warn!(error = %e, property_id, "QloApps availability unknown; offering on the local nights only");
                None
            }
        };
        for accommodation_id in active_ids(conn, property_id).await? {
            let Some(room_type_id) = self.mapping.room_type_of(accommodation_id) else {
                taken.push(Taken {
                    accommodation_id,
                    check_in: window.0,
                    check_out: window.1,
                });
                continue;
            };
            let Some(nights) = &nights else {
                continue;
            };
            // A night QloApps does not list the room type on has no room of it to offer.
            let mut night = window.0;
            while night < window.1 {
                let free = nights
                    .iter()
                    .find(|n| n.date == night && n.room_type_id == room_type_id)
                    .is_some_and(|n| n.available > 0);
                if !free {
                    taken.push(Taken {
                        accommodation_id,
                        check_in: night,
                        check_out: night + chrono::Duration::days(1),
                    });
                }
                night += chrono::Duration::days(1);
            }
        }
        Ok(taken)
    }

    /// Asks QloApps for the booking of the local hold `code`, once: a booking recorded for it is
    /// returned as it is; when an earlier request may have reached QloApps unanswered, the
    /// booking is first looked for by the code in its remark.
    async fn create_booking(&self, db: &PgPool, code: &str) -> Result<PmsBooking, PmsError> {
        let stay = store::pms::stay(db, code)
            .await?
            .ok_or_else(|| PmsError::Refused(format!("no reservation {code}")))?;
        if let Some(id) = stay.booking_id {
            return Ok(PmsBooking {
                code: stay.code,
                pms_id: Some(id),
            });
        }
        let room_type_id = stay.room_type_id.ok_or_else(|| {
            PmsError::NotSetUp(format!(
                "the accommodation of {code} has no QloApps room type"
            ))
        })?;
        let client = &self.pms.client;
        let found = if stay.requested {
            client.find_booking(code).await?
        } else {
            None
        };
        let booking = match found {
            Some(booking) => booking,
            None => {
                store::pms::mark_requested(db, code).await?;
                let made = client
                    .create_booking(&NewBooking {
                        code,
                        hotel_id: self.mapping.hotel_id,
                        room_type_id,
                        check_in: stay.check_in,
                        check_out: stay.check_out,
                        adults: u16::try_from(stay.guests).unwrap_or(1),
                        guest_name: stay.guest_name.as_deref(),
                        guest_phone: stay.guest_phone.as_deref(),
                        guest_email: stay.guest_email.as_deref(),
                        currency: stay.currency.trim(),
                        total: booking::Money::from_cents(stay.total_cents),
                    })
                    .await;
                self.pms.cache.forget(self.mapping.hotel_id);
                made?
            }
        };
        store::pms::set_booking(db, code, booking.id).await?;
        Ok(PmsBooking {
            code: stay.code,
            pms_id: Some(booking.id),
        })
    }

    /// Marks the QloApps booking completed (idempotent: completing it twice changes nothing).
    async fn confirm_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError> {
        match self.booking_of(db, code).await? {
            Some(booking) => Ok(self
                .pms
                .client
                .set_status(&booking, BookingStatus::Completed)
                .await?),
            None => {
                tracing::warn!(code, "paid reservation has no QloApps booking to confirm");
                Ok(())
            }
        }
    }

    /// Releases the local hold first (its nights free here at once), then cancels the QloApps
    /// booking; when QloApps cannot be told now, the expiry tick tells it later
    /// ([`tell_releases`]).
    async fn cancel_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError> {
        FleetPms.cancel_booking(db, code).await?;
        if let Some(booking) = self.booking_of(db, code).await? {
            self.pms
                .client
                .set_status(&booking, BookingStatus::Cancelled)
                .await?;
            self.pms.cache.forget(booking.hotel_id);
        }
        store::pms::mark_cancelled(db, code).await?;
        Ok(())
    }

    async fn fetch_booking(&self, db: &PgPool, code: &str) -> Result<Option<PmsBooking>, PmsError> {
        Ok(self.booking_of(db, code).await?.map(|b| PmsBooking {
            code: code.to_owned(),
            pms_id: Some(b.id),
        }))
    }
}

/// The active accommodations of the property (ids only): those QloApps is asked about.
async fn active_ids(conn: &mut Conn, property_id: i64) -> Result<Vec<i64>, PmsError> {
    Ok(availability::of_property(conn, property_id)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect())
}

/// How many released reservations one tick tells QloApps of.
const RELEASES_PER_TICK: i64 = 100;

/// Tells QloApps of the reservations it booked that were released here since (a hold expired,
/// given up by the guest, moved to other dates, refused, cancelled by staff): each QloApps
/// booking is cancelled, so its room is sold again. Run by every expiry tick, so every way a
/// hold is released here reaches QloApps within a tick, without each of them calling out
/// inside its transaction. Until told, QloApps keeps the room booked: never a double booking,
/// only a room held a little longer. Stops at the first QloApps that cannot be reached (the
/// next tick goes on); a booking QloApps no longer knows is counted as told.
pub async fn tell_releases(
    qloapps: Option<&QloappsPms>,
    flags: &FlagCache,
    db: &PgPool,
) -> Result<usize, PmsError> {
    let Some(pms) = qloapps else {
        return Ok(0);
    };
    let released = store::pms::released_untold(db, RELEASES_PER_TICK).await?;
    let mut told = 0;
    for (code, property_id) in released {
        let mut conn = db.acquire().await.map_err(StoreError::from)?;
        let chosen = for_property(Some(pms), flags, &mut conn, property_id).await;
        drop(conn);
        let property = match chosen {
            Ok(Chosen::Qloapps(property)) => property,
            // Moved off QloApps, or its mapping gone: nothing to tell.
            Ok(Chosen::Fleet(_)) | Err(PmsError::NotSetUp(_)) => {
                store::pms::mark_cancelled(db, &code).await?;
                continue;
            }
            Err(e) => return Err(e),
        };
        match property.booking_of(db, &code).await {
            Ok(Some(booking)) => {
                pms.client
                    .set_status(&booking, BookingStatus::Cancelled)
                    .await?;
                pms.cache.forget(booking.hotel_id);
            }
            Ok(None) => tracing::warn!(%code, "released booking unknown to QloApps"),
            Err(PmsError::Refused(why)) => {
                tracing::warn!(%code, %why, "QloApps refused to show a released booking")
            }
            Err(e) => return Err(e),
        }
        store::pms::mark_cancelled(db, &code).await?;
        told += 1;
    }
    Ok(told)
}

/// The system a property's bookings go through, chosen by its flags.
pub enum Chosen<'a> {
    Fleet(FleetPms),
    Qloapps(QloappsProperty<'a>),
}

impl Chosen<'_> {
    pub fn is_fleet(&self) -> bool {
        matches!(self, Chosen::Fleet(_))
    }
}

/// The property's PMS: its flags say which (through the workers' short flags cache, so a turn
/// usually reads nothing for it), its mapping where it is in QloApps.
pub async fn for_property<'a>(
    qloapps: Option<&'a QloappsPms>,
    flags: &FlagCache,
    conn: &mut Conn,
    property_id: i64,
) -> Result<Chosen<'a>, PmsError> {
    let pms = flags.get(&mut *conn, property_id).await?.pms;
    for_pms(qloapps, pms, conn, property_id).await
}

/// [`for_property`] for a turn that has already read the property's flags.
pub async fn for_pms<'a>(
    qloapps: Option<&'a QloappsPms>,
    pms: Pms,
    conn: &mut Conn,
    property_id: i64,
) -> Result<Chosen<'a>, PmsError> {
    match pms {
        Pms::Fleet => Ok(Chosen::Fleet(FleetPms)),
        Pms::Qloapps => {
            let pms = qloapps.ok_or_else(|| {
                PmsError::NotSetUp(format!(
                    "property {property_id} books through QloApps but QLOAPPS_URL is not set"
                ))
            })?;
            let mapping = store::pms::mapping(&mut *conn, property_id)
                .await?
                .ok_or_else(|| {
                    PmsError::NotSetUp(format!("property {property_id} has no QloApps hotel"))
                })?;
            Ok(Chosen::Qloapps(QloappsProperty { pms, mapping }))
        }
    }
}

macro_rules! delegate {
    ($self:ident, $p:ident => $e:expr) => {
        match $self {
            Chosen::Fleet($p) => $e,
            Chosen::Qloapps($p) => $e,
        }
    };
}

impl PropertySystem for Chosen<'_> {
    async fn accommodations(
        &self,
        conn: &mut Conn,
        property_id: i64,
    ) -> Result<Vec<Accommodation>, PmsError> {
        delegate!(self, p => p.accommodations(conn, property_id).await)
    }
    async fn taken(
        &self,
        conn: &mut Conn,
        property_id: i64,
        window: (NaiveDate, NaiveDate),
    ) -> Result<Vec<Taken>, PmsError> {
        delegate!(self, p => p.taken(conn, property_id, window).await)
    }
    async fn create_booking(&self, db: &PgPool, code: &str) -> Result<PmsBooking, PmsError> {
        delegate!(self, p => p.create_booking(db, code).await)
    }
    async fn confirm_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError> {
        delegate!(self, p => p.confirm_booking(db, code).await)
    }
    async fn cancel_booking(&self, db: &PgPool, code: &str) -> Result<(), PmsError> {
        delegate!(self, p => p.cancel_booking(db, code).await)
    }
    async fn fetch_booking(&self, db: &PgPool, code: &str) -> Result<Option<PmsBooking>, PmsError> {
        delegate!(self, p => p.fetch_booking(db, code).await)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn nights() -> Arc<Vec<Night>> {
        Arc::new(vec![Night {
            date: "2027-01-10".parse().unwrap(),
            room_type_id: 11,
            available: 0,
        }])
    }

    fn key() -> CacheKey {
        (
            1,
            "2027-01-10".parse().unwrap(),
            "2027-01-12".parse().unwrap(),
        )
    }

    #[test]
    fn the_cache_answers_within_its_time_and_forgets_a_booked_hotel() {
        let cache = AvailabilityCache::new(Duration::from_secs(20));
        assert!(cache.get(&key()).is_none());
        cache.put(key(), nights());
        assert_eq!(cache.get(&key()).unwrap(), nights());
        cache.forget(2);
        assert!(cache.get(&key()).is_some(), "another hotel's booking: kept");
        cache.forget(1);
        assert!(cache.get(&key()).is_none());
    }

    #[test]
    fn a_cache_of_zero_seconds_keeps_nothing_and_old_answers_are_not_served() {
        let off = AvailabilityCache::new(Duration::ZERO);
        off.put(key(), nights());
        assert!(off.get(&key()).is_none());
        let short = AvailabilityCache::new(Duration::from_millis(1));
        short.put(key(), nights());
        std::thread::sleep(Duration::from_millis(5));
        assert!(short.get(&key()).is_none());
    }
}

//! The booking domain: what a stay is, what it costs, and what is free.
//!
//! # Layout
//! - [`stay`]: `StayDates` (check-in < check-out, at most 60 nights) and `Guests`, valid by
//!   construction.
//! - [`money`]: `Money`, integer cents, never floating point.
//! - [`pricing`]: a tariff and the quote of a stay, night by night (seasons, weekend nights,
//!   deposit).
//! - [`seasons`]: a cabin's seasons (their own nightly price and minimum stay) and the
//!   minimum-nights rule (the season of the first night decides).
//! - [`accommodation`]: an accommodation as a decision needs it (capacity, tariff, amenities).
//! - [`availability`]: which accommodations are free for a stay, and the nearest free stays,
//!   from the nights already taken (read by the store, decided here); a free combination of
//!   accommodations for a group larger than any one of them.
//! - [`cancellation`]: a property's cancellation policy (the whole deposit back up to some
//!   days before check-in, a share after, a credit for another date) applied to one
//!   reservation on one day.
//! - [`holidays`]: Argentine national holidays of any year, long weekends and the holiday
//!   periods guests name (Carnival, Holy Week, year end, winter holidays).
//!
//! Pure: no database, network, clock or async runtime (a CI check keeps it so), so the
//! conversation's decisions can use it. PostgreSQL's exclusion constraint is the guarantee
//! against double booking; this crate only decides what to offer and never claims a night.

pub mod accommodation;
pub mod availability;
pub mod cancellation;
pub mod holidays;
pub mod money;
pub mod pricing;
pub mod seasons;
pub mod stay;

pub use accommodation::Accommodation;
pub use cancellation::{CancellationPolicy, Refund, Share};
pub use money::Money;
pub use seasons::{PriceSeason, TooShort};
pub use stay::{Guests, StayDates, StayError};

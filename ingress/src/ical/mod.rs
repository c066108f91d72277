//! The iCal side of the ingress: the export feed the channels (Airbnb, Booking.com, Vrbo)
//! import, and the calendar's health read from PostgreSQL at scrape time.
//!
//! - [`token`]: the per-accommodation URL token (HMAC-SHA256 of the id with
//!   `ICAL_EXPORT_SECRET`, 128 bits, compared in constant time).
//! - [`render`]: reservations → an RFC 5545 calendar (pure).
//! - [`health`]: sync ages and open conflicts, for `/metrics` and `/health/ready`.
//!
//! The export only reads PostgreSQL; the ingress still writes nothing there.

pub mod health;
pub mod render;
pub mod token;

//! The booking domain: what a stay is, what it costs, what is free, and placing a hold.
//!
//! PostgreSQL's exclusion constraint is the guarantee against double booking; this module
//! only asks it. Money is integer cents, never floating point.

pub mod availability;
pub mod holds;
pub mod money;
pub mod pricing;
pub mod stay;

pub use money::Money;
pub use stay::{Guests, StayDates, StayError};

//! The calendar's health, read from PostgreSQL at scrape time: sync ages and open conflicts, for
//! `/metrics` and `/health/ready`. The export's rendering and token live in the `calendar` crate.

pub mod health;

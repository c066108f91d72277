//! Calendar sync's tables: the feeds we import (`ical_feeds`), the events each showed at its
//! last good sync (`ical_events`), the blocks they hold (`reservations` with
//! `channel_source='ical_import'`) and the overbooking conflicts they opened.
//!
//! - [`feeds`]: the feeds and their sync state; [`health`]: their freshness and failures.
//! - [`export`]: what our export feed lists.
//! - [`import`]: applies a parsed feed in the sync job's transaction (the import rules).
//! - [`staff`]: what operators do with feeds and conflicts.

pub mod export;
pub mod feeds;
pub mod health;
pub mod import;
pub mod staff;

//! The workers' copy of what each property offers (its active accommodations with their
//! seasons and photos), shared by every handler of the process through
//! [`crate::state::AppState::catalog`].
//!
//! Why a copy: the accommodations are read on every guest message, and reading them was the
//! largest part of a turn's opening statement (four sub-queries and two JSON aggregates per
//! cabin, then parsing that JSON here), for rows that change a few times a season. Why it is
//! never stale: every change to those rows bumps the property's `catalog_version` in the same
//! transaction (migration `catalog_version`), the turn's opening statement reads that counter,
//! and a copy is used only when it was read at the very same version; any other answers a fresh
//! read, in the turn's transaction. So, unlike the flags' cache, there is no TTL to wait out:
//! a price an owner changes is quoted by the next message.
//!
//! One entry per property a process has seen, replaced when its version moves. It must never
//! answer a copy of another version, and never hold its lock across an await.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use booking::Accommodation;
use store::{Conn, StoreError, availability};

/// A property's active accommodations (cheapest first), shared by the turns that use them.
pub type Cabins = Arc<[Accommodation]>;

/// Each property's cabins as read at a catalog version.
#[derive(Debug, Default)]
pub struct Catalog {
    read: Mutex<HashMap<i64, (i64, Cabins)>>,
}

impl Catalog {
    /// The property's active accommodations at `version` (the turn's own reading of the
    /// property's `catalog_version`): the copy when it was read at that version, else read
    /// through `conn` (the turn's transaction) and kept.
    pub async fn accommodations(
        &self,
        conn: &mut Conn,
        property_id: i64,
        version: i64,
    ) -> Result<Cabins, StoreError> {
        if let Some(copy) = self.at(property_id, version) {
            metrics::counter!("fleet_catalog_reads_total", "from" => "copy").increment(1);
            return Ok(copy);
        }
        metrics::counter!("fleet_catalog_reads_total", "from" => "database").increment(1);
        let read: Cabins = availability::of_property(conn, property_id).await?.into();
        self.keep(property_id, version, read.clone());
        Ok(read)
    }

    fn at(&self, property_id: i64, version: i64) -> Option<Cabins> {
        let read = self.read.lock().unwrap_or_else(|p| p.into_inner());
        read.get(&property_id)
            .filter(|(at, _)| *at == version)
            .map(|(_, copy)| copy.clone())
    }

    /// Keeps what was read at `version`. A turn that read the newest rows under an older
    /// counter (a change committed between its two statements) keeps them under that older
    /// version, which the next turn, reading the new counter, reads again: never the reverse.
    fn keep(&self, property_id: i64, version: i64, copy: Cabins) {
        let mut read = self.read.lock().unwrap_or_else(|p| p.into_inner());
        match read.get(&property_id) {
            Some((at, _)) if *at > version => {}
            _ => {
                read.insert(property_id, (version, copy));
            }
        }
    }
}

//! `fleetctl qloapps show|map --property <id or name>`: which QloApps hotel a property's bookings
//! go to and which room type each of its cabins is (`store::pms`). The property's `pms` flag
//! (`fleetctl flags set … pms=qloapps`) decides whether they are used; this only names them.
//! Every change is audited (`qloapps_map`) in one transaction with the others: a cabin the
//! property does not have refuses the whole command, and nothing changes.

use std::fmt::Write as _;

use anyhow::{Context, bail};
use sqlx::PgPool;
use store::pms::{MapError, MappingChange, MappingView};

use super::flags::property;

/// A `cabin=room type id` argument (`cabin=none` unmaps it).
pub fn room(written: &str) -> Result<(String, Option<i64>), String> {
    let (name, id) = written
        .rsplit_once('=')
        .filter(|(name, _)| !name.trim().is_empty())
        .ok_or_else(|| {
            format!("{written:?} is not cabin=room type id (e.g. \"Cabaña Lenga=3\")")
        })?;
    Ok((name.trim().to_owned(), id_or_none(id)?))
}

/// A QloApps id, or `none` (clap would read a bare `Option<Option<_>>` as "value optional").
#[derive(Debug, Clone, Copy)]
pub struct IdOrNone(pub Option<i64>);

/// `--hotel`'s value.
pub fn hotel(written: &str) -> Result<IdOrNone, String> {
    id_or_none(written).map(IdOrNone)
}

fn id_or_none(written: &str) -> Result<Option<i64>, String> {
    match written.trim() {
        "none" => Ok(None),
        id => id
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .map(Some)
            .ok_or_else(|| format!("{id:?} is not a QloApps id (a positive number, or none)")),
    }
}

fn listed(id: i64, name: &str, view: &MappingView) -> String {
    let shown = |id: Option<i64>| id.map_or("not mapped".to_owned(), |id| id.to_string());
    let mut out = format!(
        "property {id} ({name}): QloApps hotel {}",
        shown(view.hotel_id)
    );
    for (cabin, room_type) in &view.accommodations {
        let _ = write!(out, "\n  {cabin}: room type {}", shown(*room_type));
    }
    out
}

/// `fleetctl qloapps show`.
pub async fn show(db: &PgPool, key: &str) -> anyhow::Result<String> {
    let (id, name) = property(db, key).await?;
    let mut conn = db.acquire().await.context("connecting to PostgreSQL")?;
    let view = store::pms::mapping_view(&mut conn, id)
        .await
        .context("reading the mapping")?;
    Ok(listed(id, &name, &view))
}

/// `fleetctl qloapps map`: all the changes or none.
pub async fn map(db: &PgPool, key: &str, change: MappingChange) -> anyhow::Result<String> {
    if change.hotel_id.is_none() && change.room_types.is_empty() {
        bail!("nothing to map: give --hotel <id> and/or --room \"cabin=room type id\"");
    }
    let (id, name) = property(db, key).await?;
    let mut tx = db.begin().await.context("connecting to PostgreSQL")?;
    match store::pms::map(&mut tx, id, &change).await {
        Ok(()) => {}
        Err(e @ MapError::NoSuchAccommodation(..)) => bail!("{e}: nothing was changed"),
        Err(MapError::Store(e)) => return Err(e).context("writing the mapping"),
    }
    let view = store::pms::mapping_view(&mut tx, id)
        .await
        .context("reading the mapping")?;
    tx.commit().await.context("committing the mapping")?;
    Ok(listed(id, &name, &view))
}

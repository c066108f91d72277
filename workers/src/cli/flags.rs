//! `fleetctl flags show|set --property <id or name>`: a property's feature flags
//! (`store::flags`), read or changed by an operator. Every change is written with its audit row
//! (`{"by": "fleetctl"}`, no account) in one transaction; a wrong flag or value is refused by
//! the argument parser, before anything is read or written. Workers see a change within their
//! `FLAG_CACHE_SECONDS` (`workers::flags`).

use std::fmt::Write as _;

use anyhow::{Context, bail};
use sqlx::PgPool;
use store::flags::{self, Actor, Change, ChangeError};

/// A `flag=value` argument (clap's value parser: the error names the flags or values there are).
pub fn change(written: &str) -> Result<Change, ChangeError> {
    Change::parse(written)
}

/// The one property `key` (an id, or a name) names.
pub(crate) async fn property(db: &PgPool, key: &str) -> anyhow::Result<(i64, String)> {
    let mut found = store::properties::named(db, key)
        .await
        .context("looking the property up")?;
    match found.len() {
        0 => bail!("there is no property {key:?} (give its id or its exact name)"),
        1 => Ok(found.remove(0)),
        _ => bail!(
            "{} properties are called {key:?}: give the id of one ({})",
            found.len(),
            found
                .iter()
                .map(|(id, _)| id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn listed(id: i64, name: &str, f: &flags::PropertyFlags) -> String {
    let mut out = format!("property {id} ({name})");
    for change in f.as_changes() {
        let _ = write!(out, "\n{change}");
    }
    out
}

/// `fleetctl flags show`: one `flag=value` per line under the property's id and name.
pub async fn show(db: &PgPool, key: &str) -> anyhow::Result<String> {
    let (id, name) = property(db, key).await?;
    let f = flags::load(db, id).await.context("reading the flags")?;
    Ok(listed(id, &name, &f))
}

/// `fleetctl flags set`: the changes, all in one transaction (all or none), each audited.
pub async fn set(db: &PgPool, key: &str, changes: &[Change]) -> anyhow::Result<String> {
    if changes.is_empty() {
        bail!("nothing to set: give flag=value, for example auto_replies=off");
    }
    let (id, name) = property(db, key).await?;
    let mut tx = db.begin().await.context("connecting to PostgreSQL")?;
    let mut out = String::new();
    let mut now = None;
    for &change in changes {
        let set = flags::set(&mut tx, id, change, Actor::Fleetctl)
            .await
            .context("writing the flag")?
            .with_context(|| format!("property {id} is gone"))?;
        if set.changed {
            let _ = writeln!(
                out,
                "{}: {} -> {}",
                change.flag(),
                set.was.value(),
                change.value()
            );
        } else {
            let _ = writeln!(out, "{}: already {}", change.flag(), change.value());
        }
        now = Some(set.now);
    }
    tx.commit().await.context("committing the flags")?;
    if let Some(now) = now {
        out.push_str(&listed(id, &name, &now));
    }
    out.push_str("\nworkers apply it within FLAG_CACHE_SECONDS (5 s by default)");
    Ok(out)
}

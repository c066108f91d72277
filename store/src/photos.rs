//! Cabin photos uploaded from the console (`cabin_photos`): added and removed by a property's
//! owner, listed for the setup page, served by their token to whoever has the link (WhatsApp
//! fetching the bot's image messages), and named for the conversation turn.
//!
//! Values arrive checked (`ingress::console::pages::photos` sniffs the type and reads the
//! size before anything is written). Every statement of the console names the account's
//! property, so another property's cabin or photo reads as missing. Only [`served`] finds a
//! photo without a property, by its unguessable token: that is what makes the link public.
//! Nothing here reads the bytes but [`served`]; the turn reads file names through the
//! accommodation index (`file_names_sql!`, a column of `availability::COLUMNS`).

use serde::Serialize;
use sqlx::PgExecutor;

use crate::StoreError;

/// The kinds of image kept. Stored as their MIME type; the public link's extension follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Jpeg, Kind::Png, Kind::Webp];

    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Webp => "image/webp",
        }
    }

    /// The extension of its public link (`<token>.<ext>`).
    pub fn ext(self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
            Kind::Webp => "webp",
        }
    }

    pub fn from_content_type(raw: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.content_type() == raw)
    }

    pub fn from_ext(raw: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.ext() == raw)
    }

    /// WhatsApp's image messages take JPEG and PNG only; a WebP photo is kept and shown in
    /// the console but never sent by the bot.
    pub fn whatsapp_sends(self) -> bool {
        matches!(self, Kind::Jpeg | Kind::Png)
    }
}

/// The public file name of a photo row `p` (`<token>.<ext>`), as SQL; must agree with
/// [`Kind::ext`] (a test checks every kind). A macro so that `availability::COLUMNS` stays
/// one constant string.
macro_rules! file_name_sql {
    () => {
        "p.token || CASE p.content_type WHEN 'image/png' THEN '.png' \
         WHEN 'image/webp' THEN '.webp' ELSE '.jpg' END"
    };
}

/// The file names (`<token>.<ext>`) of accommodation `a`'s photos that WhatsApp can send
/// ([`Kind::whatsapp_sends`]), in the owner's order, as a column of `availability::COLUMNS`
/// (the turn's read): through the `(accommodation_id, position)` index, never the bytes.
macro_rules! file_names_sql {
    () => {
        concat!(
            "ARRAY(SELECT ",
            $crate::photos::file_name_sql!(),
            " FROM cabin_photos p WHERE p.accommodation_id = a.id \
             AND p.content_type IN ('image/jpeg', 'image/png') ORDER BY p.position, p.id)"
        )
    };
}
pub(crate) use {file_name_sql, file_names_sql};

const FILE_NAME_SQL: &str = file_name_sql!();

/// A photo as the owner uploaded it, checked.
#[derive(Debug, Clone)]
pub struct NewPhoto<'a> {
    /// Random, url-safe, at least 128 bits (the migration checks it is hex of 32+ digits).
    pub token: &'a str,
    pub kind: Kind,
    pub width: u32,
    pub height: u32,
    pub bytes: &'a [u8],
}

/// A photo as the setup page lists it (no bytes).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Listed {
    pub id: i64,
    pub accommodation_id: i64,
    /// `<token>.<ext>`: its public link's last part.
    pub file_name: String,
    pub width: i32,
    pub height: i32,
    pub size: i32,
}

/// What a public link serves.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Served {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// Why a photo was not added.
#[derive(Debug, thiserror::Error)]
pub enum AddRefused {
    /// The cabin is not the property's (or does not exist).
    #[error("no such cabin")]
    NoCabin,
    /// The cabin already has the most photos it may have.
    #[error("the cabin has {0} photos already")]
    Full(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Adds `photo` last to cabin `accommodation_id` of property `property_id`, unless the cabin
/// is another property's or already has `max` photos. The cabin row is locked for the
/// statement's transaction, so two uploads at once cannot pass the count together.
pub async fn add(
    db: &mut crate::Conn,
    property_id: i64,
    accommodation_id: i64,
    photo: &NewPhoto<'_>,
    max: i64,
) -> Result<i64, AddRefused> {
    let cabin: Option<(i64,)> = sqlx::query_as(
        "SELECT (SELECT count(*) FROM cabin_photos p WHERE p.accommodation_id = a.id)
         FROM accommodations a WHERE a.id = $1 AND a.property_id = $2 FOR UPDATE",
    )
    .bind(accommodation_id)
    .bind(property_id)
    .fetch_optional(&mut *db)
    .await
    .map_err(StoreError::from)?;
    let Some((count,)) = cabin else {
        return Err(AddRefused::NoCabin);
    };
    if count >= max {
        return Err(AddRefused::Full(count));
    }
    let dimension = |v: u32| i32::try_from(v).map_err(|e| StoreError::Corrupt(e.to_string()));
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO cabin_photos (accommodation_id, token, content_type, width, height, bytes, position)
         VALUES ($1, $2, $3, $4, $5, $6,
                 (SELECT coalesce(max(position) + 1, 0) FROM cabin_photos WHERE accommodation_id = $1))
         RETURNING id",
    )
    .bind(accommodation_id)
    .bind(photo.token)
    .bind(photo.kind.content_type())
    .bind(dimension(photo.width)?)
    .bind(dimension(photo.height)?)
    .bind(photo.bytes)
    .fetch_one(&mut *db)
    .await
    .map_err(StoreError::from)?;
    Ok(id)
}

/// Removes photo `id` of one of property `property_id`'s cabins; `None` when it is another
/// property's or does not exist (nothing removed). Answers the cabin and file name removed.
pub async fn remove(
    db: impl PgExecutor<'_>,
    property_id: i64,
    id: i64,
) -> Result<Option<(i64, String)>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "DELETE FROM cabin_photos p USING accommodations a
         WHERE p.id = $1 AND a.id = p.accommodation_id AND a.property_id = $2
         RETURNING p.accommodation_id, {FILE_NAME_SQL}"
    )))
    .bind(id)
    .bind(property_id)
    .fetch_optional(db)
    .await?)
}

/// Every photo of property `property_id`'s cabins, by cabin, in order (no bytes).
pub async fn of_property(
    db: impl PgExecutor<'_>,
    property_id: i64,
) -> Result<Vec<Listed>, StoreError> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT p.id, p.accommodation_id, {FILE_NAME_SQL} AS file_name, p.width, p.height,
                octet_length(p.bytes) AS size
         FROM cabin_photos p JOIN accommodations a ON a.id = p.accommodation_id
         WHERE a.property_id = $1 ORDER BY p.accommodation_id, p.position, p.id"
    )))
    .bind(property_id)
    .fetch_all(db)
    .await?)
}

/// The photo behind a public link's token, whatever its property: the token is the secret.
pub async fn served(db: impl PgExecutor<'_>, token: &str) -> Result<Option<Served>, StoreError> {
    Ok(
        sqlx::query_as("SELECT content_type, bytes FROM cabin_photos WHERE token = $1")
            .bind(token)
            .fetch_optional(db)
            .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_the_sql_names_its_extension() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_content_type(k.content_type()), Some(k));
            assert_eq!(Kind::from_ext(k.ext()), Some(k));
            let sql_case = if k == Kind::Jpeg {
                "ELSE '.jpg'".to_owned()
            } else {
                format!("WHEN '{}' THEN '.{}'", k.content_type(), k.ext())
            };
            assert!(FILE_NAME_SQL.contains(&sql_case), "{k:?}");
        }
        assert!(!Kind::Webp.whatsapp_sends());
        let sent: Vec<&str> = Kind::ALL
            .into_iter()
            .filter(|k| k.whatsapp_sends())
            .map(|k| k.content_type())
            .collect();
        assert!(file_names_sql!().contains(&format!("IN ('{}')", sent.join("', '"))));
    }
}

//! `GET /photos/{token}.{ext}` (and `HEAD`, which poem answers from `GET`): a cabin photo
//! uploaded from the console, public because WhatsApp fetches the bot's image messages from
//! it without any session.
//!
//! The token is the only secret (256 random bits, `store::photos`); an unknown token, a
//! malformed name and an extension that is not the photo's own all get the same 404, so
//! links cannot be enumerated, and no sequential id appears anywhere in a link. The bytes
//! behind a token never change (a photo is removed, never replaced), so the token is its
//! strong ETag and `If-None-Match` gets a 304; caches may keep it a day (a removed photo can
//! outlive its removal in a cache that long, never on this server).

use std::sync::Arc;

use poem::{
    Request, Response, handler,
    http::header,
    web::{Data, Path},
};
use store::photos::{self, Kind};

use super::ical::{not_found, not_modified};
use crate::{error::IngressError, state::AppState};

/// A token as `console::pages::photos` makes them: lowercase hex, 32 to 128 digits.
fn well_formed(token: &str) -> bool {
    (32..=128).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[handler]
pub async fn serve(
    req: &Request,
    Path(file): Path<String>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, IngressError> {
    let Some((token, kind)) = file
        .rsplit_once('.')
        .and_then(|(token, ext)| Some((token, Kind::from_ext(ext)?)))
        .filter(|(token, _)| well_formed(token))
    else {
        return Ok(not_found());
    };
    let db = state.db.as_ref().ok_or(IngressError::Unavailable)?;
    let photo = photos::served(db, token).await.map_err(|e| {
        tracing::error!(error = %e, "a photo could not be read from PostgreSQL");
        IngressError::Unavailable
    })?;
    let Some(photo) = photo.filter(|p| p.content_type == kind.content_type()) else {
        return Ok(not_found());
    };
    let etag = format!("\"{token}\"");
    if let Some(unchanged) = not_modified(req, &etag) {
        return Ok(unchanged);
    }
    Ok(Response::builder()
        .content_type(photo.content_type.as_str())
        .header(header::ETAG, etag)
        .header(header::CACHE_CONTROL, "public, max-age=86400")
        .header("x-content-type-options", "nosniff")
        .body(photo.bytes))
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn only_tokens_as_made_are_looked_up() {
        assert!(well_formed(&"ab12".repeat(16)));
        assert!(!well_formed("1"), "never a sequential id");
        assert!(!well_formed(&"AB12".repeat(16)));
        assert!(!well_formed(&format!("{}/..", "a".repeat(40))));
    }
}

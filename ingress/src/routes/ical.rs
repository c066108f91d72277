//! `GET /ical/{accommodation_id}/{token}.ics`: the calendar the channels import.
//!
//! A wrong token, an unknown accommodation, a malformed path and a disabled export
//! (`ICAL_EXPORT_SECRET` unset) all get the same 404, so URLs cannot be enumerated. The ETag is
//! a hash of the body (which is stable: see `calendar::render`), and `If-None-Match` gets a 304.
//! Lists `pre_reserved` and `confirmed` stays that did not come from an import (re-exporting
//! other channels' blocks would echo them back), from 30 days ago on.

use calendar::{render, token};
use std::sync::Arc;

use poem::{
    Request, Response, handler,
    http::{StatusCode, header},
    web::{Data, Path},
};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use crate::{error::IngressError, state::AppState};

/// The plain 404 of a public link that leads nowhere (shared with `routes::photos`).
pub(crate) fn not_found() -> Response {
    Response::builder()
        .status(StatusCode::NOT_FOUND)
        .content_type("text/plain; charset=utf-8")
        .body("not found")
}

#[handler]
pub async fn export(
    req: &Request,
    Path((accommodation, file)): Path<(String, String)>,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, IngressError> {
    let Some(secret) = state.config.ical_export_secret.as_ref() else {
        return Ok(not_found());
    };
    let (Ok(id), Some(given)) = (accommodation.parse::<i64>(), file.strip_suffix(".ics")) else {
        return Ok(not_found());
    };
    if !token::verify(secret.expose_secret().as_bytes(), id, given) {
        return Ok(not_found());
    }
    let db = state.db.as_ref().ok_or(IngressError::Unavailable)?;
    let Some(name) = calendar_name(db, id).await? else {
        return Ok(not_found());
    };
    let body = render::calendar(&name, &events(db, id).await?);
    let etag = format!(
        "\"{}\"",
        &hex::encode(Sha256::digest(body.as_bytes()))[..32]
    );
    if let Some(unchanged) = not_modified(req, &etag) {
        return Ok(unchanged);
    }
    Ok(Response::builder()
        .content_type("text/calendar; charset=utf-8")
        .header(header::ETAG, etag)
        .header(header::CACHE_CONTROL, "no-cache")
        .body(body))
}

/// `If-None-Match`: a list of entity tags, or `*`; weak tags compare by their opaque part
/// (shared with `routes::photos`).
/// 304 with the tag when the client's `If-None-Match` already names `etag` (a quoted tag).
pub(crate) fn not_modified(req: &Request, etag: &str) -> Option<Response> {
    matches(req.header(header::IF_NONE_MATCH), etag).then(|| {
        Response::builder()
            .status(StatusCode::NOT_MODIFIED)
            .header(header::ETAG, etag)
            .finish()
    })
}

fn matches(if_none_match: Option<&str>, etag: &str) -> bool {
    if_none_match.is_some_and(|h| {
        h.split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == "*" || t == etag)
    })
}

fn db_unavailable(e: store::StoreError) -> IngressError {
    tracing::error!(error = %e, "iCal export could not read PostgreSQL");
    IngressError::Unavailable
}

async fn calendar_name(db: &sqlx::PgPool, id: i64) -> Result<Option<String>, IngressError> {
    store::ical::export::calendar_name(db, id)
        .await
        .map_err(db_unavailable)
}

async fn events(db: &sqlx::PgPool, id: i64) -> Result<Vec<render::ExportEvent>, IngressError> {
    store::ical::export::events(db, id)
        .await
        .map_err(db_unavailable)
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn if_none_match_lists_weak_tags_and_star() {
        assert!(matches(Some("\"a\""), "\"a\""));
        assert!(matches(Some("\"x\", W/\"a\""), "\"a\""));
        assert!(matches(Some("*"), "\"a\""));
        assert!(!matches(Some("\"b\""), "\"a\""));
        assert!(!matches(None, "\"a\""));
    }
}

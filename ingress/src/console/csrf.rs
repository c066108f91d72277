//! Form tokens (the synchronizer-token pattern): each session holds one random token, every
//! form carries it in a hidden `csrf` field, and [`guard`] refuses every POST to the console
//! whose field does not match the session's (compared in constant time) before any handler
//! runs: 403, nothing read, nothing written. A cross-site page can make a browser post a form
//! with the session cookie (the cookie's `SameSite=Lax` already stops most of those) but it
//! cannot read the token.
//!
//! Two kinds of form reach it: urlencoded (every form, at most [`MAX_FORM_BYTES`]) and
//! multipart (a photo upload, at most [`upload::MAX_UPLOAD_BYTES`], read only for a visitor
//! whose session already holds a token), the token in its `csrf` part. This is the one place
//! either is checked.
//!
//! It never logs a token and never accepts one from anywhere but the form body.

use std::sync::Arc;

use poem::{
    Endpoint, IntoResponse, Request, Response, error::ResponseError, http::Method, session::Session,
};
use subtle::ConstantTimeEq;

use super::{ConsoleError, session::Keys, upload};

/// A console form's body is small (an answer to a guest); larger is refused.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// The session's form token, made (and stored with the session) on first use.
pub fn token(session: &Session) -> String {
    if let Some(t) = session.get::<String>(Keys::CSRF) {
        return t;
    }
    let t = fresh();
    session.set(Keys::CSRF, &t);
    t
}

/// A new random token (256 bits, hex).
pub fn fresh() -> String {
    let mut buf = [0u8; 32];
    rand::fill(&mut buf[..]);
    hex::encode(buf)
}

/// The `csrf` field of an urlencoded form body.
fn field(body: &[u8]) -> Option<String> {
    form_urlencoded::parse(body)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned())
}

/// Whether `given` is the session's token.
pub fn matches(session: &Session, given: Option<&str>) -> bool {
    match (session.get::<String>(Keys::CSRF), given) {
        (Some(expected), Some(given)) if !given.is_empty() => {
            bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
        }
        _ => false,
    }
}

/// Every console POST passes here: the body is read (bounded), its `csrf` field checked against
/// the session's token, and only then handed on, whole, to the route.
pub async fn guard<E: Endpoint>(ep: Arc<E>, mut req: Request) -> poem::Result<Response> {
    if req.method() != Method::POST {
        return Ok(ep.call(req).await?.into_response());
    }
    let content_type = req.content_type().map(str::to_owned);
    let multipart = upload::is_multipart(content_type.as_deref());
    // A visitor without any session posting to a page behind the login is sent to the login
    // (nothing is done either way); an upload's megabytes are not even read for one.
    let anonymous = req
        .extensions()
        .get::<Session>()
        .is_none_or(|s| s.get::<String>(Keys::CSRF).is_none());
    let to_login = anonymous && req.uri().path() != "/admin/login";
    if multipart && to_login {
        return Ok(ConsoleError::SignIn.as_response());
    }
    let (limit, too_large) = if multipart {
        (upload::MAX_UPLOAD_BYTES, ConsoleError::UploadTooLarge)
    } else {
        (MAX_FORM_BYTES, ConsoleError::TooLarge)
    };
    let body = req.take_body();
    let bytes = match body.into_bytes_limit(limit).await {
        Ok(b) => b,
        Err(_) => return Ok(too_large.as_response()),
    };
    let given = match content_type.as_deref() {
        Some(ct) if multipart => upload::text(ct, bytes.clone(), "csrf").await,
        _ => field(&bytes),
    };
    let session = req.extensions().get::<Session>();
    let ok = session.is_some_and(|s| matches(s, given.as_deref()));
    if !ok && to_login {
        return Ok(ConsoleError::SignIn.as_response());
    }
    if !ok {
        metrics::counter!("fleet_console_refused_total", "reason" => "csrf").increment(1);
        return Ok(ConsoleError::Csrf.as_response());
    }
    req.set_body(bytes);
    Ok(ep.call(req).await?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_form_body_only() {
        assert_eq!(field(b"a=1&csrf=abc%20d&b=2").as_deref(), Some("abc d"));
        assert_eq!(field(b"a=1"), None);
    }

    #[test]
    fn tokens_are_random_and_long() {
        let (a, b) = (fresh(), fresh());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
    }
}

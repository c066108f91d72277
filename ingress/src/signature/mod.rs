//! Provider signatures, checked once per provider, before any handler sees the body.
//!
//! [`VerifiedWebhook`] is the only way a route gets a webhook body: it reads the raw bytes
//! (bounded: 413 past the limit), verifies them with the provider's scheme, counts and refuses
//! (401) anything that does not verify. Handlers never see unverified bytes.

pub mod mailgun;
pub mod mercadopago;
pub mod whatsapp;

use std::marker::PhantomData;

use poem::{FromRequest, Request, RequestBody, web::Data};

use crate::{error::IngressError, state::AppState};

/// Why a signature was refused; also the `reason` label of `fleet_webhook_rejected_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("signature header missing")]
    Missing,
    #[error("signature header malformed")]
    Malformed,
    #[error("signature does not match")]
    Mismatch,
    #[error("signature timestamp outside the replay window")]
    Stale,
    #[error("no secret configured for this provider")]
    NotConfigured,
}

impl SignatureError {
    pub fn reason(self) -> &'static str {
        match self {
            SignatureError::Missing => "missing_signature",
            SignatureError::Malformed => "malformed_signature",
            SignatureError::Mismatch => "bad_signature",
            SignatureError::Stale => "stale_timestamp",
            SignatureError::NotConfigured => "not_configured",
        }
    }
}

/// A webhook provider's signature scheme.
pub trait Provider: Send + Sync + 'static {
    const NAME: &'static str;
    fn verify(state: &AppState, req: &Request, body: &[u8]) -> Result<(), SignatureError>;
}

/// A webhook body whose signature verified.
pub struct VerifiedWebhook<P> {
    pub body: bytes::Bytes,
    _provider: PhantomData<P>,
}

impl<'a, P: Provider> FromRequest<'a> for VerifiedWebhook<P> {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let Data(state) = Data::<&std::sync::Arc<AppState>>::from_request_without_body(req).await?;
        let bytes = read_body(body.take()?, state.config.max_body_bytes).await?;
        P::verify(state, req, &bytes).map_err(|e| refused(P::NAME, e))?;
        Ok(VerifiedWebhook {
            body: bytes,
            _provider: PhantomData,
        })
    }
}

/// A whole request body, at most `limit` bytes (413 past it).
pub(crate) async fn read_body(
    body: poem::Body,
    limit: usize,
) -> Result<bytes::Bytes, IngressError> {
    body.into_bytes_limit(limit).await.map_err(|e| match e {
        poem::error::ReadBodyError::PayloadTooLarge => IngressError::TooLarge,
        _ => IngressError::BadRequest("could not read the request body"),
    })
}

/// Counts and logs a refused signature; the caller answers 401.
pub(crate) fn refused(provider: &'static str, e: SignatureError) -> IngressError {
    metrics::counter!("fleet_webhook_rejected_total", "provider" => provider, "reason" => e.reason()).increment(1);
    tracing::warn!(provider, reason = e.reason(), "webhook refused");
    IngressError::Unauthorized
}

/// HMAC-SHA256 of `parts` concatenated: every provider's scheme, over different bytes.
pub(crate) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    use hmac::{Hmac, Mac};
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

/// Constant-time comparison of a computed MAC with the hex one a provider sent.
pub(crate) fn hex_mac_matches(expected: &[u8], sent_hex: &str) -> bool {
    use subtle::ConstantTimeEq;
    match hex::decode(sent_hex.trim()) {
        Ok(sent) => sent.len() == expected.len() && bool::from(sent.ct_eq(expected)),
        Err(_) => false,
    }
}

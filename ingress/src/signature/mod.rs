//! Provider signatures, checked once per provider, before any handler sees the body.
//!
//! [`VerifiedWebhook`] is the only way a route gets a webhook body: it reads the raw bytes
//! (bounded: 413 past the limit), verifies them with the provider's scheme, counts and refuses
//! (401) anything that does not verify. Handlers never see unverified bytes.

pub use signatures::{SignatureError, mailgun, mercadopago, whatsapp};

use std::marker::PhantomData;

use poem::{FromRequest, Request, RequestBody, web::Data};

use secrecy::ExposeSecret;

use crate::{error::IngressError, state::AppState};

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

/// Verifies Mailgun's signature fields (inbound routes and event webhooks carry the same
/// scheme, in a form or in JSON) with the configured signing key.
pub(crate) fn verify_mailgun(
    state: &AppState,
    signed: mailgun::Signed<'_>,
) -> Result<(), IngressError> {
    let key = state
        .config
        .mailgun_signing_key
        .as_ref()
        .ok_or_else(|| refused(mailgun::NAME, SignatureError::NotConfigured))?;
    mailgun::verify(
        key.expose_secret().as_bytes(),
        signed,
        chrono::Utc::now().timestamp(),
    )
    .map_err(|e| refused(mailgun::NAME, e))
}

/// Counts and logs a refused signature; the caller answers 401.
pub(crate) fn refused(provider: &'static str, e: SignatureError) -> IngressError {
    metrics::counter!("fleet_webhook_rejected_total", "provider" => provider, "reason" => e.reason()).increment(1);
    tracing::warn!(provider, reason = e.reason(), "webhook refused");
    IngressError::Unauthorized
}

pub struct Whatsapp;

impl Provider for Whatsapp {
    const NAME: &'static str = "whatsapp";
    fn verify(state: &AppState, req: &poem::Request, body: &[u8]) -> Result<(), SignatureError> {
        let secret = state
            .config
            .whatsapp_app_secret
            .as_ref()
            .ok_or(SignatureError::NotConfigured)?;
        whatsapp::verify(
            secret.expose_secret().as_bytes(),
            body,
            req.header("x-hub-signature-256"),
        )
    }
}

pub struct MercadoPago;

impl Provider for MercadoPago {
    const NAME: &'static str = "mercadopago";
    fn verify(state: &AppState, req: &poem::Request, _body: &[u8]) -> Result<(), SignatureError> {
        let secret = state
            .config
            .mercadopago_webhook_secret
            .as_ref()
            .ok_or(SignatureError::NotConfigured)?;
        if req.header("x-signature").is_none()
            && req.uri().query().is_some_and(|q| q.contains("topic="))
        {
            tracing::warn!(
                "unsigned IPN notification refused: configure Webhooks (signed) in Mercado Pago, not IPN"
            );
        }
        mercadopago::verify(
            secret.expose_secret().as_bytes(),
            req.header("x-signature"),
            mercadopago::query_data_id(req.uri().query()).as_deref(),
            req.header("x-request-id"),
            chrono::Utc::now().timestamp_millis(),
        )
    }
}

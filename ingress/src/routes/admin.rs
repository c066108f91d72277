//! Staff endpoints, behind `Authorization: Bearer $ADMIN_TOKEN` (compared in constant time;
//! disabled when no token is configured). A manual confirmation goes through the same
//! `ConfirmPayment` job as a paid one, so it gets the same once-only effects and reply. The
//! refunds list is what staff must pay back by hand: payments that arrived after their hold
//! expired, for dates someone else had booked meanwhile.

use std::sync::Arc;

use jobs::{
    backend::NewJob,
    domain::IdempotencyKey,
    payloads::{ConfirmPayment, PaymentSource},
};
use poem::{
    Request, handler,
    http::StatusCode,
    web::{Data, Json, Path},
};
use secrecy::ExposeSecret;
use serde_json::{Value, json};
use subtle::ConstantTimeEq;

use crate::{error::IngressError, middleware::RequestContext, routes::enqueue, state::AppState};

fn authorized(state: &AppState, req: &Request) -> Result<(), IngressError> {
    let Some(expected) = state.config.admin_token.as_ref() else {
        return Err(IngressError::Forbidden);
    };
    let given = req
        .header("authorization")
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or_default();
    if bool::from(given.as_bytes().ct_eq(expected.expose_secret().as_bytes())) && !given.is_empty()
    {
        Ok(())
    } else {
        Err(IngressError::Unauthorized)
    }
}

fn valid_code(code: &str) -> bool {
    code.len() <= 32
        && code.starts_with("RES")
        && code.len() > 3
        && code[3..].bytes().all(|b| b.is_ascii_digit())
}

/// The job that confirms reservation `code` by hand, under the key `staff:<code>`: this
/// endpoint and the console's button make the same one, so together they confirm once.
pub fn staff_confirmation(code: &str) -> Option<(IdempotencyKey, ConfirmPayment)> {
    if !valid_code(code) {
        return None;
    }
    let key = IdempotencyKey::namespaced("staff", code).ok()?;
    let job = ConfirmPayment {
        source: PaymentSource::Staff {
            reservation_code: code.to_owned(),
        },
        received_at_ms: chrono::Utc::now().timestamp_millis(),
    };
    Some((key, job))
}

#[handler]
pub async fn confirm(
    req: &Request,
    Path(code): Path<String>,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<(StatusCode, Json<Value>), IngressError> {
    authorized(state, req)?;
    let code = code.to_uppercase();
    let (key, job) =
        staff_confirmation(&code).ok_or(IngressError::BadRequest("not a reservation code"))?;
    let options = ctx.enqueue_options(key);
    let job =
        NewJob::new(&job, options).map_err(|_| IngressError::BadRequest("could not encode"))?;
    enqueue(state, "staff", vec![job]).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({ "status": "accepted", "code": code })),
    ))
}

/// `GET /admin/refunds`: reservations paid too late to keep, with their payments, oldest first.
#[handler]
pub async fn refunds(
    req: &Request,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Json<Value>, IngressError> {
    authorized(state, req)?;
    let db = state.db.as_ref().ok_or(IngressError::Unavailable)?;
    let rows = store::reservations::refunds_due(db).await.map_err(|e| {
        tracing::error!(error = %e, "could not read the refunds");
        IngressError::Unavailable
    })?;
    Ok(Json(json!({ "refunds": rows })))
}

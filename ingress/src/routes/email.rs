//! `POST /webhooks/email`: a Mailgun inbound route (`forward("https://…/webhooks/email")`)
//! posts each email to a property's address; it becomes a `ParseIntent` job per property. The
//! signature is inside the form, so the form is read (capped) before it is verified; nothing in
//! it is used unless it verifies. Mailgun retries anything but 200 and 406 for 8 hours, so a
//! 503 while Redis is away loses nothing.

use std::sync::Arc;

use poem::{Body, Request, handler, web::Data};

use crate::{
    email::{InboundEmail, read_form},
    error::IngressError,
    middleware::RequestContext,
    routes::enqueue,
    signature::{mailgun, verify_mailgun},
    state::AppState,
};

#[handler]
pub async fn receive(
    req: &Request,
    body: Body,
    Data(state): Data<&Arc<AppState>>,
    Data(ctx): Data<&RequestContext>,
) -> Result<&'static str, IngressError> {
    let form = read_form(req.content_type(), body, state.config.max_email_bytes).await?;
    let now = chrono::Utc::now();
    verify_mailgun(state, form.signed())?;
    let email = InboundEmail::from_form(&form)?;
    let property = email
        .recipients
        .first()
        .map(String::as_str)
        .unwrap_or_default();
    crate::limits::webhook_budget(state, mailgun::NAME, property).await?;
    if email.automatic {
        metrics::counter!("fleet_webhook_ignored_total", "provider" => mailgun::NAME, "type" => "automatic").increment(1);
    }
    if form.attachments > 0 {
        metrics::counter!("fleet_email_attachments_skipped_total")
            .increment(form.attachments as u64);
    }
    let jobs = email.plan(ctx, now.timestamp_millis())?;
    enqueue(state, mailgun::NAME, jobs).await?;
    Ok("OK")
}

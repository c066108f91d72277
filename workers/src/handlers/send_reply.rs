//! `SendReply`: sends one reply from the outbox, at most once to the guest in every failure the
//! fleet can see.
//!
//! The reply's row is the truth, and the send is bracketed by two records:
//! 1. before the provider is called, the row is marked `sending` (committed on its own); a run
//!    that cannot write the mark does not send;
//! 2. once the provider answers 2xx, the acceptance goes to the delivery record in Redis at
//!    once, then to the row (`sent`), retried in process for as long as a database blink lasts.
//!
//! A run that finds the row `sending` never sends blindly: it looks for the acceptance (written
//! by the run that sent, or by the ingress from the provider's status webhook, which names the
//! reply by the tag it carried) and records it. Only when no acceptance shows up within
//! `REPLY_RECONCILE_SECS` of the mark does it send again: the one window left is a provider that
//! accepted, a sender that died before its own record, and a status webhook that never came.
//! A provider that refused (an HTTP error) never had the message: the row goes back to unsent
//! and the job retries.

use std::time::Duration;

use channels::{ChannelError, email::Outgoing};
use jobs::{
    Envelope, JobError,
    coordination::deliveries::reply_tag,
    effects::Effect,
    payloads::{Channel, ReplyBody, SendReply},
};
use store::outbox::{self, ReplyState, SentBy, StoredReply};

use crate::{handler::Handle, state::State};

/// How long the run that sent keeps trying to record the provider's acceptance in the row
/// before it leaves the reconciling to a later run (the delivery record has it meanwhile).
const RECORD_PATIENCE: Duration = Duration::from_secs(90);

impl Handle for SendReply {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let key = &job.payload.cause_key;
        let Some(reply) = outbox::reply(&state.db, key).await? else {
            return Err(JobError::permanent(format!(
                "no stored reply for cause {key}"
            )));
        };
        let Effect::Reply { channel, body } = &reply.effect else {
            return Err(JobError::permanent(format!("{key} is not a reply")));
        };
        let reconcile_after = state.config.reply_reconcile_after;
        match reply.state {
            ReplyState::Sent => return Ok(()),
            ReplyState::Sending { for_secs } => {
                if let Some(provider_id) = accepted(&state, reply.id).await? {
                    tracing::info!(
                        reply = reply.id,
                        "a reply found sending was accepted; recording it, not sending again"
                    );
                    metrics::counter!("fleet_reply_reconciled_total", "outcome" => "accepted")
                        .increment(1);
                    return record_sent(&state, &reply, &provider_id, SentBy::Reconciled).await;
                }
                let waited = Duration::from_secs_f64(for_secs.max(0.0));
                if waited < reconcile_after {
                    // A run may be sending right now, or the provider's status is on its way.
                    return Err(JobError::DependencyOpen {
                        dependency: "provider status".into(),
                        retry_after: (reconcile_after - waited).max(Duration::from_millis(200)),
                    });
                }
                tracing::warn!(
                    reply = reply.id,
                    waited_secs = for_secs,
                    "no provider accepted a reply found sending; sending it again"
                );
                metrics::counter!("fleet_reply_reconciled_total", "outcome" => "resent")
                    .increment(1);
            }
            ReplyState::Unsent => {}
        }
        // A provider that would refuse the call now (throttled, breaker open): wait for it
        // before recording a send.
        match channel {
            Channel::Whatsapp { .. } => state.whatsapp.ready().await?,
            Channel::Email { .. } => state.email.ready().await?,
        }
        // Email goes out under the property's name: read before the send is taken.
        let from_name = match channel {
            Channel::Email { to, .. } => store::properties::name_by_email(&state.db, to).await?,
            Channel::Whatsapp { .. } => None,
        };
        if !outbox::begin_send(&state.db, reply.id, reconcile_after).await? {
            // Another run took the send in between (or finished it): look again shortly.
            return Err(JobError::DependencyOpen {
                dependency: "provider status".into(),
                retry_after: Duration::from_secs(1),
            });
        }
        let tag = reply_tag(reply.id);
        match send(&state, channel, body, &tag, from_name.as_deref()).await {
            Ok(provider_id) => {
                if let Err(e) = state.deliveries.record(reply.id, &provider_id).await {
                    tracing::warn!(reply = reply.id, error = %e, "could not keep the delivery record (Redis)");
                }
                record_sent(&state, &reply, &provider_id, SentBy::ThisRun).await
            }
            Err(e @ ChannelError::Unanswered { .. }) => {
                // The provider may have it: stay `sending`, a later run reconciles.
                let message = e.to_string();
                let _ = outbox::unanswered(&state.db, reply.id, &message).await;
                Err(e.into())
            }
            Err(e) => {
                if let Err(db) = outbox::refused(&state.db, reply.id, &e.to_string()).await {
                    tracing::warn!(reply = reply.id, error = %db, "could not mark a refused send; a later run waits for the reconcile window");
                }
                Err(e.into())
            }
        }
    }
}

/// The provider's id of a reply a provider accepted, as the delivery record has it. Redis out
/// of reach is "unknown", and the job waits.
async fn accepted(state: &State, id: i64) -> Result<Option<String>, JobError> {
    state
        .deliveries
        .accepted(id)
        .await
        .map_err(|e| JobError::DependencyOpen {
            dependency: format!("redis ({e})"),
            retry_after: Duration::from_secs(1),
        })
}

/// Records the provider's acceptance in the row, retrying while the database is away (the
/// guest has the reply: this run must not end in a way that sends it again).
async fn record_sent(
    state: &State,
    reply: &StoredReply,
    provider_id: &str,
    by: SentBy,
) -> Result<(), JobError> {
    let give_up = tokio::time::Instant::now() + RECORD_PATIENCE;
    let mut pause = Duration::from_millis(100);
    let waited = loop {
        match outbox::mark_sent(&state.db, reply.id, provider_id, by).await {
            Ok(waited) => break waited,
            Err(e) if tokio::time::Instant::now() + pause < give_up => {
                tracing::warn!(reply = reply.id, error = %e, "recording a sent reply; trying again");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
            // The delivery record has the acceptance: a later run records it without sending.
            Err(e) => return Err(e.into()),
        }
    };
    if let Some(waited) = waited {
        let kind = if waited.voice { "audio" } else { "text" };
        metrics::histogram!("fleet_reply_latency_seconds", "kind" => kind).record(waited.seconds);
    }
    Ok(())
}

async fn send(
    state: &State,
    channel: &Channel,
    body: &ReplyBody,
    tag: &str,
    from_name: Option<&str>,
) -> Result<String, ChannelError> {
    match channel {
        Channel::Whatsapp {
            phone_number_id,
            from,
        } => {
            state
                .whatsapp
                .send(phone_number_id, from, body, Some(tag))
                .await
        }
        // From the property's address, under its name, in the guest's thread.
        Channel::Email { to, from, thread } => {
            let message = Outgoing {
                from_name: from_name.unwrap_or_default(),
                from_address: to,
                to: from,
                thread: thread.as_ref(),
                body,
                tag: Some(tag),
            };
            state.email.send(&message).await
        }
    }
}

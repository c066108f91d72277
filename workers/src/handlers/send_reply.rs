//! `SendReply`: sends one reply from the outbox, at most once to the guest in every failure the
//! fleet can see, without a PostgreSQL commit of its own. The job carries the reply (the relay
//! puts its row's content there), so a send reads nothing from PostgreSQL either; a job
//! without it reads the row.
//!
//! The send is bracketed by two records in Redis (`jobs::coordination::deliveries`), which keeps
//! them with the jobs (AOF):
//! 1. before the provider is called, the run takes the reply's *sending mark*; a run that cannot
//!    take it (Redis away, another run holds it) does not send;
//! 2. once the provider answers 2xx, the *delivery record* (the provider's message id) is
//!    written at once; the row's "sent" mark follows in the background, batched with other
//!    messages' (`outbox::Marks`).
//!
//! A run that finds a delivery record (written by the run that sent, or by the ingress from
//! the provider's status webhook, which names the reply by the tag it carried) records the send
//! without sending. A run that finds another's sending mark waits: only when the mark is older
//! than `REPLY_RECONCILE_SECS` with no record does it send again. The one window left: a
//! provider that accepted, a sender that died before its record, and a status webhook that never
//! came. A provider that refused (an HTTP error), or a call held back because the provider is
//! paused or its breaker open, never had the message: the mark is released and
//! the job retries; a call that got no answer keeps its mark, for the next run to reconcile.
//!
//! A reply to be spoken (`speak`) sends its voice note first, inside the text's mark, under
//! marks of its own (`crate::spoken`): the note at most once, and never at the text's expense.

use std::time::Duration;

use channels::{ChannelError, email::Outgoing};
use jobs::{
    Envelope, JobError,
    coordination::deliveries::{SendTurn, reply_tag},
    effects::Effect,
    payloads::{Channel, ReplyBody, ReplyToSend, SendReply},
};
use store::outbox::{self, SentMark};

use crate::{handler::Handle, spoken, state::State};

/// How many times the delivery record is tried before the run gives up on it (the provider's
/// status webhook writes it too).
const RECORD_TRIES: u32 = 5;

impl Handle for SendReply {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let reply = match job.payload.reply {
            Some(reply) => reply,
            None => match stored(&state, &job.payload.cause_key).await? {
                Some(reply) => reply,
                // Marked sent already.
                None => return Ok(()),
            },
        };
        let (channel, body) = (&reply.channel, &reply.body);
        // Email goes out under the property's name: read before the send is taken.
        let from_name = match channel {
            Channel::Email { to, .. } => store::properties::name_by_email(&state.db, to).await?,
            Channel::Whatsapp { .. } => None,
        };
        let hold = state.config.reply_reconcile_after;
        let turn = state
            .deliveries
            .begin_send(reply.outbox_id, hold)
            .await
            .map_err(|e| redis_away(&e))?;
        let resumed = match turn {
            SendTurn::Accepted(provider_id) => {
                tracing::info!(
                    reply = reply.outbox_id,
                    "a provider already has this reply; recording it, not sending again"
                );
                metrics::counter!("fleet_reply_reconciled_total", "outcome" => "accepted")
                    .increment(1);
                sent(&state, &reply, provider_id, 2);
                return Ok(());
            }
            SendTurn::Held(age) => {
                // A run may be sending right now, or the provider's status is on its way.
                return Err(JobError::DependencyOpen {
                    dependency: "provider status".into(),
                    retry_after: hold.saturating_sub(age).max(Duration::from_millis(200)),
                });
            }
            SendTurn::Taken { resumed } => resumed,
        };
        if resumed {
            tracing::warn!(
                reply = reply.outbox_id,
                "no provider accepted a reply an earlier run was sending; sending it again"
            );
            metrics::counter!("fleet_reply_reconciled_total", "outcome" => "resent").increment(1);
        }
        // A spoken reply: its voice note first, under its own marks; whatever becomes of it,
        // the text follows.
        if let (
            Some(speak),
            Channel::Whatsapp {
                phone_number_id,
                from,
            },
            ReplyBody::Text { text },
        ) = (reply.speak, channel, body)
        {
            spoken::send_note(&state, reply.outbox_id, phone_number_id, from, text, speak).await;
        }
        let tag = reply_tag(reply.outbox_id);
        match send(&state, channel, body, &tag, from_name.as_deref()).await {
            Ok(provider_id) => {
                record_delivery(&state, reply.outbox_id, &provider_id).await;
                sent(&state, &reply, provider_id, if resumed { 2 } else { 1 });
                Ok(())
            }
            Err(e @ ChannelError::Unanswered { .. }) => {
                // The provider may have it: the mark stays, a later run reconciles.
                let _ = outbox::record_failure(&state.db, reply.outbox_id, &e.to_string()).await;
                Err(e.into())
            }
            Err(e) => {
                // Refused, or not called at all (throttled, breaker open): the provider never
                // had it, so the next run may send at once.
                if let Err(redis) = state.deliveries.release(reply.outbox_id).await {
                    tracing::warn!(reply = reply.outbox_id, error = %redis, "could not release a refused send; the next run waits for the mark to lapse");
                }
                if !matches!(
                    e,
                    ChannelError::Throttled { .. } | ChannelError::Open { .. }
                ) {
                    let _ =
                        outbox::record_failure(&state.db, reply.outbox_id, &e.to_string()).await;
                }
                Err(e.into())
            }
        }
    }
}

/// The reply from its outbox row, for a job that does not carry it; `None` when the row is
/// marked sent.
async fn stored(state: &State, key: &str) -> Result<Option<ReplyToSend>, JobError> {
    let Some(row) = outbox::reply(&state.db, key).await? else {
        return Err(JobError::permanent(format!(
            "no stored reply for cause {key}"
        )));
    };
    if row.sent {
        return Ok(None);
    }
    let Effect::Reply {
        channel,
        body,
        speak,
    } = row.effect
    else {
        return Err(JobError::permanent(format!("{key} is not a reply")));
    };
    Ok(Some(ReplyToSend {
        outbox_id: row.id,
        channel,
        body,
        answers_received_at_ms: row.answers_received_at_ms,
        answers_voice: row.answers_voice,
        speak,
    }))
}

fn redis_away(e: &jobs::coordination::CoordinationError) -> JobError {
    JobError::DependencyOpen {
        dependency: format!("redis ({e})"),
        retry_after: Duration::from_secs(1),
    }
}

/// Keeps the provider's acceptance where every later run looks first, trying a few times: it
/// is what stands between a crash now and the guest getting the reply twice.
async fn record_delivery(state: &State, id: i64, provider_id: &str) {
    let mut pause = Duration::from_millis(50);
    for _ in 0..RECORD_TRIES {
        match state.deliveries.record(id, provider_id).await {
            Ok(()) => return,
            Err(e) => {
                tracing::warn!(reply = id, error = %e, "keeping a delivery record; trying again");
                tokio::time::sleep(pause).await;
                pause *= 2;
            }
        }
    }
}

/// The reply went out: its row is marked in the next batch, and the guest's wait is measured.
fn sent(state: &State, reply: &ReplyToSend, provider_message_id: String, runs: i32) {
    let now_ms = chrono::Utc::now().timestamp_millis();
    state.outbox_marks.sent(SentMark {
        id: reply.outbox_id,
        provider_message_id,
        at_ms: now_ms,
        runs,
    });
    if let Some(received) = reply.answers_received_at_ms {
        let kind = if reply.answers_voice { "audio" } else { "text" };
        metrics::histogram!("fleet_reply_latency_seconds", "kind" => kind)
            .record((now_ms - received).max(0) as f64 / 1000.0);
    }
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

//! `SendReply`: sends one reply from the outbox, at most once per success. The row's status is
//! the truth: a replayed job finds it `sent` and stops; a failed send retries this job alone,
//! not the work behind it.

use channels::email::Outgoing;
use jobs::{
    Envelope, JobError,
    effects::Effect,
    payloads::{Channel, ReplyBody, SendReply},
};
use store::outbox;

use crate::{handler::Handle, state::State};

impl Handle for SendReply {
    async fn handle(state: State, job: Envelope<Self>) -> Result<(), JobError> {
        let key = &job.payload.cause_key;
        let Some(reply) = outbox::reply(&state.db, key).await? else {
            return Err(JobError::permanent(format!(
                "no stored reply for cause {key}"
            )));
        };
        if reply.sent {
            return Ok(());
        }
        let Effect::Reply { channel, body } = &reply.effect else {
            return Err(JobError::permanent(format!("{key} is not a reply")));
        };
        match send(&state, channel, body).await {
            Ok(provider_id) => {
                if let Some(waited) = outbox::mark_sent(&state.db, reply.id, &provider_id).await? {
                    let kind = if waited.voice { "audio" } else { "text" };
                    metrics::histogram!("fleet_reply_latency_seconds", "kind" => kind)
                        .record(waited.seconds);
                }
                Ok(())
            }
            Err(e) => {
                outbox::record_failure(&state.db, reply.id, &e.to_string()).await?;
                Err(e)
            }
        }
    }
}

async fn send(state: &State, channel: &Channel, body: &ReplyBody) -> Result<String, JobError> {
    match channel {
        Channel::Whatsapp {
            phone_number_id,
            from,
        } => Ok(state.whatsapp.send(phone_number_id, from, body).await?),
        // From the property's address, under its name, in the guest's thread.
        Channel::Email { to, from, thread } => {
            let from_name = store::properties::name_by_email(&state.db, to).await?;
            let message = Outgoing {
                from_name: from_name.as_deref().unwrap_or_default(),
                from_address: to,
                to: from,
                thread: thread.as_ref(),
                body,
            };
            Ok(state.email.send(&message).await?)
        }
    }
}

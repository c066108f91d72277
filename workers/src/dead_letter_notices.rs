//! The dead-letter watcher of every worker: every `DEAD_LETTER_NOTICE_EVERY_SECS` it looks at
//! each queue's dead letters that died since it last told owners, finds the property each job
//! was about from its payload, and writes one owner notice per letter (`notices`), with the
//! queue's watch advanced in the same transaction (`store::dead_letters`).
//!
//! Why a watcher and not a word from the job that died: a job dies in Redis (its last failure,
//! or a dead worker's reconciliation), where no PostgreSQL transaction can be joined; reading
//! the dead letters afterwards tells every one, whichever way it died, and a watcher that dies
//! mid-way tells the same letters again next round, which the notices' outbox keys
//! (`dead:<queue>:<job id>:<when it died>:notice:<n>`) make nothing. A job re-driven that dies
//! again is a new death and a new notice.
//!
//! A dead letter that is itself an owner notice is never told (a mail provider that refuses
//! everything would otherwise feed notices about notices); it is counted and logged. A letter
//! about no property (a fleet-wide tick, an unreadable payload) goes to every property's owners,
//! who all see the fleet's queues in the console. It never decides anything else and never
//! touches the letters: re-driving or discarding them is the console's or `fleetctl`'s.

use std::time::Duration;

use jobs::{
    JobError, QueueName,
    backend::DeadLetter,
    payloads::{
        Channel, ConfirmPayment, ParseIntent, PaymentSource, PreReserve, RefundDeposit, SendReply,
        SyncIcal, TranscribeAudio,
    },
};
use store::{dead_letters::Concerns, outbox::Cause};
use tokio::sync::watch;

use crate::{
    notices::{self, About, Notice},
    state::State,
};

/// Letters told per queue per round; more wait for the next round.
const LETTERS_PER_ROUND: usize = 100;
/// A queue never watched before starts this far back: a fleet that just started tells the
/// letters of the last hour, not every letter it ever had.
const FIRST_LOOK_BACK_MS: i64 = 3_600_000;

/// Looks every `every` until `stop` turns true; zero never looks.
pub async fn run(every: Duration, state: State, mut stop: watch::Receiver<bool>) {
    if every.is_zero() {
        return;
    }
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.wait_for(|s| *s) => return,
        }
        for queue in QueueName::ALL {
            if let Err(e) = tell_new_letters(&state, queue).await {
                tracing::warn!(queue = queue.as_str(), error = %e, "could not tell owners about dead letters; trying again next period");
            }
        }
    }
}

/// One queue's letters since its watch: notices written and the watch advanced in one
/// transaction, then relayed. Answers how many letters were told.
pub async fn tell_new_letters(state: &State, queue: QueueName) -> Result<usize, JobError> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut tx = state.db.begin().await.map_err(store::StoreError::from)?;
    let from_ms =
        store::dead_letters::watch_from(&mut tx, queue.as_str(), now_ms - FIRST_LOOK_BACK_MS)
            .await?;
    let letters = state
        .queue
        .dead_letters_since(queue, from_ms, LETTERS_PER_ROUND)
        .await
        .map_err(|e| JobError::transient(format!("dead letters: {e}")))?;
    let Some(last) = letters.last().map(|l| l.dead_at_ms) else {
        return Ok(0);
    };
    let mut effects = Vec::new();
    for letter in &letters {
        let Some(concerns) = concerns(queue, &letter.payload) else {
            metrics::counter!("fleet_dead_letter_notices_skipped_total").increment(1);
            tracing::warn!(queue = queue.as_str(), job_id = %letter.id, "a dead owner notice is not told to owners");
            continue;
        };
        let properties = match store::dead_letters::property_of(&mut *tx, &concerns).await? {
            Some(p) => vec![p],
            None => store::staff::properties_with_owners(&mut *tx).await?,
        };
        let notice = Notice::DeadLetter {
            queue: queue.as_str(),
            job_id: &letter.id,
            attempts: letter.attempts,
            error: &letter.last_error,
        };
        for property in properties {
            let cause = cause_of(queue, letter, property);
            effects.extend(
                notices::to_owners(
                    &mut tx,
                    &state.config.notices,
                    About::Property(property),
                    &cause,
                    &notice,
                )
                .await?,
            );
        }
    }
    let key = format!("dead-letter-watch:{}:{last}", queue.as_str());
    let cause = Cause {
        key: &key,
        traceparent: None,
        request_id: None,
    };
    let rows = store::outbox::write(&mut tx, cause, &effects).await?;
    // Letters that died in the same millisecond as the last one are looked at again next
    // round (their notices' keys make that nothing): a later death never falls behind the watch.
    store::dead_letters::advance_watch(&mut tx, queue.as_str(), last).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    crate::outbox::relay(state, &rows).await?;
    Ok(letters.len())
}

/// The notice's key: the letter, its death and the property told (a fleet-wide letter is told
/// to each property on its own).
fn cause_of(queue: QueueName, letter: &DeadLetter, property: i64) -> String {
    format!(
        "dead:{}:{}:{}:{property}",
        queue.as_str(),
        letter.id,
        letter.dead_at_ms
    )
}

/// What a dead job was about, read from its payload; `None` for an owner notice (never told).
fn concerns(queue: QueueName, payload: &str) -> Option<Concerns> {
    fn read<T: serde::de::DeserializeOwned>(payload: &str) -> Option<T> {
        serde_json::from_str(payload).ok()
    }
    let concerns = match queue {
        QueueName::ParseIntent => read::<ParseIntent>(payload).map(|j| of_channel(j.channel)),
        QueueName::TranscribeAudio => {
            read::<TranscribeAudio>(payload).map(|j| of_channel(j.channel))
        }
        QueueName::PreReserve => {
            read::<PreReserve>(payload).map(|j| Concerns::Accommodation(j.accommodation_id))
        }
        QueueName::ConfirmPayment => read::<ConfirmPayment>(payload).map(|j| match j.source {
            PaymentSource::Webhook { payment_id } => Concerns::Payment(payment_id),
            PaymentSource::Staff { reservation_code } => Concerns::Code(reservation_code),
        }),
        QueueName::RefundDeposit => read::<RefundDeposit>(payload).map(|j| Concerns::Code(j.code)),
        QueueName::SyncIcal => read::<SyncIcal>(payload)
            .and_then(|j| j.feed_id)
            .map(Concerns::Feed),
        QueueName::SendReply => match read::<SendReply>(payload) {
            Some(job) if job.cause_key.contains(":notice:") => return None,
            Some(job) => Some(match job.reply {
                Some(reply) => of_channel(reply.channel),
                None => Concerns::Effect(job.cause_key),
            }),
            None => None,
        },
        QueueName::ExpireHolds => None,
    };
    Some(concerns.unwrap_or(Concerns::Fleet))
}

/// A guest's channel names the property they wrote to.
fn of_channel(channel: Channel) -> Concerns {
    match channel {
        Channel::Whatsapp {
            phone_number_id, ..
        } => Concerns::WhatsappNumber(phone_number_id),
        Channel::Email { to, .. } => Concerns::EmailAddress(to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_job_names_the_property_it_was_about() {
        let parse = r#"{"channel":{"channel":"whatsapp","phone_number_id":"1065","from":"5491122334455"},"message_id":"wamid.1","text":"hola","received_at_ms":1}"#;
        assert_eq!(
            concerns(QueueName::ParseIntent, parse),
            Some(Concerns::WhatsappNumber("1065".into()))
        );
        let refund = r#"{"code":"RES0001","amount_cents":100}"#;
        assert_eq!(
            concerns(QueueName::RefundDeposit, refund),
            Some(Concerns::Code("RES0001".into()))
        );
        let tick = r#"{"feed_id":null,"tick_ms":5}"#;
        assert_eq!(concerns(QueueName::SyncIcal, tick), Some(Concerns::Fleet));
        assert_eq!(
            concerns(QueueName::SyncIcal, r#"{"feed_id":7,"tick_ms":5}"#),
            Some(Concerns::Feed(7))
        );
        assert_eq!(
            concerns(QueueName::PreReserve, "not json"),
            Some(Concerns::Fleet)
        );
        assert_eq!(
            concerns(
                QueueName::SendReply,
                r#"{"cause_key":"parse:wamid.1:reply:0"}"#
            ),
            Some(Concerns::Effect("parse:wamid.1:reply:0".into()))
        );
    }

    #[test]
    fn a_dead_owner_notice_is_never_told() {
        let notice = r#"{"cause_key":"dead:send_reply:9:5:1:notice:0"}"#;
        assert_eq!(concerns(QueueName::SendReply, notice), None);
    }
}

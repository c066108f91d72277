//! Queue names and the binding of each payload type to its queue.
//!
//! Names are part of the operators' contract (dashboards, `fleetctl`, `WORKER_QUEUES`); they are
//! written out here once and never derived from Rust type names.

use std::{fmt, str::FromStr};

use serde::{Serialize, de::DeserializeOwned};

use crate::retry::RetryPolicy;

/// One queue per job type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QueueName {
    TranscribeAudio,
    ParseIntent,
    PreReserve,
    ConfirmPayment,
    SyncIcal,
    ExpireHolds,
    SendReply,
    RefundDeposit,
}

impl QueueName {
    pub const ALL: [QueueName; 8] = [
        QueueName::TranscribeAudio,
        QueueName::ParseIntent,
        QueueName::PreReserve,
        QueueName::ConfirmPayment,
        QueueName::SyncIcal,
        QueueName::ExpireHolds,
        QueueName::SendReply,
        QueueName::RefundDeposit,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            QueueName::TranscribeAudio => "transcribe_audio",
            QueueName::ParseIntent => "parse_intent",
            QueueName::PreReserve => "pre_reserve",
            QueueName::ConfirmPayment => "confirm_payment",
            QueueName::SyncIcal => "sync_ical",
            QueueName::ExpireHolds => "expire_holds",
            QueueName::SendReply => "send_reply",
            QueueName::RefundDeposit => "refund_deposit",
        }
    }
}

impl fmt::Display for QueueName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error(
    "unknown queue `{0}`; known queues: transcribe_audio, parse_intent, pre_reserve, confirm_payment, sync_ical, expire_holds, send_reply, refund_deposit"
)]
pub struct UnknownQueue(pub String);

impl FromStr for QueueName {
    type Err = UnknownQueue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        QueueName::ALL
            .into_iter()
            .find(|q| q.as_str() == wanted)
            .ok_or_else(|| UnknownQueue(wanted.to_owned()))
    }
}

/// Parses a comma list such as `parse_intent,send_reply`; empty or `all` means every queue.
pub fn parse_queue_list(list: &str) -> Result<Vec<QueueName>, UnknownQueue> {
    let list = list.trim();
    if list.is_empty() || list == "all" {
        return Ok(QueueName::ALL.to_vec());
    }
    let mut queues = list
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(str::parse)
        .collect::<Result<Vec<_>, _>>()?;
    queues.sort();
    queues.dedup();
    Ok(queues)
}

/// A payload type that runs on exactly one queue.
pub trait Job: Serialize + DeserializeOwned + Send + Sync + Clone + 'static {
    const QUEUE: QueueName;

    /// The only retry policy this job gets: the backend schedules retries by it.
    fn retry_policy() -> RetryPolicy {
        RetryPolicy::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_queue_name_round_trips() {
        for q in QueueName::ALL {
            assert_eq!(q.as_str().parse::<QueueName>(), Ok(q));
        }
    }

    #[test]
    fn queue_list_parses_and_rejects_unknown_names() {
        assert_eq!(parse_queue_list("").unwrap().len(), 8);
        assert_eq!(parse_queue_list("all").unwrap().len(), 8);
        assert_eq!(
            parse_queue_list(" transcribe_audio ,parse_intent,transcribe_audio").unwrap(),
            vec![QueueName::TranscribeAudio, QueueName::ParseIntent]
        );
        assert_eq!(
            parse_queue_list("parse_intent,ParseIntent"),
            Err(UnknownQueue("ParseIntent".into()))
        );
    }
}

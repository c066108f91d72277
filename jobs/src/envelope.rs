//! What travels with every job besides its payload.

use crate::queue::QueueName;

/// Metadata of one claimed run of a job, read back from Redis at claim time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobMeta {
    pub id: String,
    pub queue: QueueName,
    pub idempotency_key: Option<String>,
    /// W3C `traceparent` of the request that caused the job: one trace from webhook to reply.
    pub traceparent: Option<String>,
    pub request_id: Option<String>,
    pub enqueued_at_ms: i64,
    /// 1 on the first run.
    pub attempt: u32,
    pub max_attempts: u32,
}

impl JobMeta {
    /// The key a handler records its effects under: the cause's own id when there is one,
    /// else the job id (a job without a provider id is still run once per job).
    pub fn effect_key(&self) -> String {
        match &self.idempotency_key {
            Some(k) => format!("{}:{}", self.queue, k),
            None => format!("{}:job:{}", self.queue, self.id),
        }
    }
}

/// A claimed job: its metadata and its decoded payload.
#[derive(Debug, Clone)]
pub struct Envelope<J> {
    pub meta: JobMeta,
    pub payload: J,
}

/// Options of one enqueue.
#[derive(Debug, Clone, Default)]
pub struct EnqueueOptions {
    pub idempotency_key: Option<crate::domain::IdempotencyKey>,
    pub traceparent: Option<String>,
    pub request_id: Option<String>,
    pub delay: Option<std::time::Duration>,
}

impl EnqueueOptions {
    pub fn keyed(key: crate::domain::IdempotencyKey) -> Self {
        EnqueueOptions {
            idempotency_key: Some(key),
            ..Default::default()
        }
    }
}

//! Typed jobs of the booking fleet and the Redis queue they travel on.
//!
//! Both the ingress and the workers depend on this crate, so it stays light: no HTTP server,
//! no database, no audio, no guest wording. It owns the wire contract between them.
//!
//! # Layout
//! - [`queue`]: the explicit, stable queue names and the [`Job`] trait that binds a payload type
//!   to its queue and retry policy. A rename of a Rust type never orphans queued jobs.
//! - [`payloads`]: the seven typed jobs (six from the design plus `SendReply`), and `Channel`.
//! - [`effects`]: what a job causes (a reply, a follow-up job), as the outbox stores it.
//! - [`envelope`]: what travels with every job: id, idempotency key, trace context, timing, attempts.
//! - [`domain`]: values parsed at the edge (`IdempotencyKey`, `PhoneNumber`, ...).
//! - [`retry`]: how a failure is classified (permanent or transient) and how long a retry waits.
//! - [`backend`]: the fleet's own Redis protocol ([`backend::RedisQueue`]) and its adapter to
//!   apalis' worker runtime ([`backend::QueueBackend`]). ARCHITECTURE.md documents the protocol.
//! - [`coordination`]: what other parts of the fleet keep in the same Redis beside the queue: a
//!   short-lived lock, a fixed-window counter (the ingress's rate limit), capped lists (the
//!   sandbox). Built from a [`RedisQueue`]'s connection and prefix; never touches a queue key.
//!
//! Architecture invariant: a job's queue name is a constant string from [`queue::QueueName`];
//! nothing derives it from a type name.

pub mod backend;
pub mod coordination;
pub mod domain;
pub mod effects;
pub mod envelope;
pub mod payloads;
pub mod queue;
pub mod retry;
pub mod safe_start;
pub mod signal;
pub mod telemetry;

pub use backend::{Enqueued, NewJob, QueueError, RedisQueue, RedisQueueConfig, RedisTopology};
pub use envelope::{EnqueueOptions, Envelope, JobMeta};
pub use queue::{Job, QueueName};
pub use retry::{JobError, RetryPolicy, WhenExhausted};

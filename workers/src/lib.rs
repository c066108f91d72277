//! The worker fleet: runs the jobs of the queues it is told to serve.
//!
//! # Layout
//! - [`config`]: settings, only from the environment.
//! - [`runtime`]: the one place that wires a worker process: database, queue, one apalis worker
//!   per queue, schedules, outbox sweeper, lease keeper, metrics, graceful shutdown.
//! - [`handler`]: the [`handler::Handle`] trait every job implements and its tower service.
//! - [`run`]: [`run::Run`], a running job's idempotency record and effects: the handler shape.
//! - [`handlers`]: one module per job type, all of one shape (below).
//! - [`effects`]: decisions' effects as outbox rows, keyed; [`outbox`]: the relay, the batched
//!   marks and the sweeper. [`retention`]: deleting history past its age.
//! - [`notices`]: owner notices as outbox rows; [`dead_letter_notices`]: the watcher that tells
//!   owners about jobs that died.
//! - [`flags`]: each property's feature flags, cached for a few seconds per process.
//! - [`state`]: what handlers can reach. [`cli`]: `fleetctl`, the operators' tool.
//!
//! The decisions live in pure crates (`conversation`, `booking`, `calendar`), the SQL in
//! `store`, the provider clients in `channels`, speech in `voice`. A handler here only loads,
//! calls a decision, writes, commits, flushes:
//!
//! ```text
//! begin → load (store) → decide (pure) → write state + effects (outbox) → commit → flush
//! ```
//!
//! Architecture invariant: a handler writes to PostgreSQL only inside the transaction that
//! [`run::Run::begin`] opens with its idempotency record (or writes that are themselves
//! idempotent, like a payment link stored once), so replaying any job repeats nothing; and it
//! never imports another handler (a CI check fails the build if one does).

pub mod catalog;
pub mod cli;
pub mod config;
pub mod dead_letter_notices;
pub mod effects;
pub mod flags;
pub mod handler;
pub mod handlers;
pub mod notices;
pub mod outbox;
pub mod pms;
pub mod retention;
pub mod run;
pub mod runtime;
pub mod spoken;
pub mod state;

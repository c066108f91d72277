//! The worker fleet: runs the jobs of the queues it is told to serve.
//!
//! # Layout
//! - [`config`]: settings, only from the environment.
//! - [`runtime`]: the one place that wires a worker process: database, queue, one apalis worker
//!   per queue, schedules, lease keeper, metrics, graceful shutdown.
//! - [`handler`]: the [`handler::Handle`] trait every job implements and its tower service.
//! - [`idempotency`]: effects and their idempotency record commit in one transaction.
//! - [`handlers`]: one file per job type.
//! - [`nlu`]: Spanish (Argentina) understanding of guest messages; [`conversation`]: what to do
//!   with them given what was said before; [`booking`]: stays, prices, availability, holds.
//! - [`channels`]: clients of the outside world (WhatsApp Graph API, Mercado Pago).
//! - [`audio`]: voice notes: Ogg/Opus decoding, whisper.cpp transcription, its confidence.
//! - [`ical`]: calendar sync with the channels: parse, diff, fetch, import.
//! - [`cli`]: `fleetctl`, the operators' tool.
//!
//! Architecture invariant: a handler never writes to PostgreSQL outside
//! [`idempotency::run_once`], so replaying any job repeats nothing.

pub mod audio;
pub mod booking;
pub mod channels;
pub mod cli;
pub mod config;
pub mod conversation;
pub mod db;
pub mod handler;
pub mod handlers;
pub mod ical;
pub mod idempotency;
pub mod nlu;
pub mod runtime;
pub mod state;

//! Faults as production meets them, with no side effect a guest would notice: real worker
//! processes, the real ingress, PostgreSQL and Redis (servers of the scenario's own where a
//! scenario stops them), a Graph API fake that logs every send and reports statuses back like
//! Meta. Each scenario compares every message the ingress accepted with what reached the fake:
//! nothing lost, nothing sent twice, nothing left in dead letters, and prints its numbers
//! (README, "Faults").
//!
//! - [`kills`]: workers SIGKILLed every few seconds under load, a 300 ms provider.
//! - [`postgres`]: PostgreSQL stopped for 90 s at a low message rate.
//! - [`redis`]: Redis (AOF) stopped with SIGTERM and with SIGKILL, and started again.
//! - [`restore`]: the restore drill: back up, destroy both stores, restore into new ones.
//! - [`throttle`]: the Graph API answering 429 with `Retry-After` for 10 s.
//! - [`connections`]: six workers at 100 messages a second against `max_connections` 100.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test, with its message

mod support;

mod connections;
mod kills;
mod postgres;
mod redis;
mod restore;
mod throttle;

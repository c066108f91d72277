//! The queue protocol against a real Redis: each test gets its own key prefix, so tests run in
//! parallel on one server. The worker side is apalis' real runtime over our backend.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test, with its message

mod proxy;
mod support;

mod backlog;
mod coordination;
mod counters;
mod failover;
mod faults;
mod inline;
mod keyed;
mod leases;
mod pickup;
mod push;
mod replicas;
mod retries;
mod upgrade;

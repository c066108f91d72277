//! The ingress over real HTTP and a real Redis: each test spawns its own app on port 0 with its
//! own Redis key prefix, so tests run in parallel.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test, with its message

mod helpers;

mod delivery_status;
mod email;
mod mercadopago;
mod outage;
mod refusals;
mod tls_front;
mod whatsapp;

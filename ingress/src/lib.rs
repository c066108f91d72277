//! The ingress: a small poem service between the providers and the queue.
//!
//! It verifies each webhook's signature, turns the delivery into typed jobs keyed by the
//! provider's own ids, stores them in Redis, and only then answers 2xx. It never does the work
//! itself, and its webhook routes never write to PostgreSQL (it reads it for readiness, the
//! calendar's metrics and the iCal export). The staff console ([`console`]) is the one part that
//! writes there: its audit rows, take-overs and staff's answers, through `store`.
//!
//! # Layout
//! - [`startup`]: `Application::build` / `port` / `run_until_stopped`, and `app()`, the route table.
//! - [`signature`]: one verifier per provider behind the `VerifiedWebhook<P>` extractor.
//! - [`delivery`]: a WhatsApp delivery → one job per message.
//! - [`email`]: an inbound email (Mailgun route) → one job per property address.
//! - [`routes`]: webhooks, health, metrics, the iCal export.
//! - [`console`]: the staff console at `/admin` (sign-in, sessions, form tokens, pages).
//! - [`ical`]: calendar sync ages and conflicts for `/metrics` and `/health/ready` (the export is
//!   rendered by the `calendar` crate and read through `store::ical::export`).
//! - [`limits`]: rate limits (signed webhooks per provider and property, unsigned traffic and
//!   staff endpoints per IP).
//! - [`middleware`]: request ids and trace context, the limits that apply before a route.
//! - [`error`]: every refusal and its status.
//! - [`config`], [`state`]: settings from the environment, and what routes share.

pub mod config;
pub mod console;
pub mod delivery;
pub mod email;
pub mod error;
pub mod ical;
pub mod limits;
pub mod middleware;
pub mod routes;
pub mod signature;
pub mod startup;
pub mod state;

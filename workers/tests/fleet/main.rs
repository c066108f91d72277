//! The fleet as operators run it: real `worker` and `fleetctl` processes, a fresh PostgreSQL
//! database and a fresh Redis prefix per test, Mercado Pago and the Graph API faked over HTTP.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test, with its message

mod support;

mod audio;
mod booking;
mod browser;
mod calendar;
mod catalog;
mod console;
mod dead_letters;
mod email;
mod end_to_end;
mod feeds;
mod flags;
mod flat;
mod ical;
mod notices;
mod outbox;
mod photos;
mod qloapps;
mod redis_topologies;
mod refunds;
mod retention;
mod safe_start;
mod schedules;
mod seasons;
mod setup;
mod shutdown;
mod voice_replies;
mod whatsapp_kinds;

//! One file per job type. Each handler opens its transaction with `idempotency::begin`, writes
//! its effects and the replies they cause, commits, then hands the replies to `send_reply`.

pub mod confirm_payment;
pub mod expire_holds;
pub mod info;
pub mod parse_intent;
pub mod pre_reserve;
pub mod property;
pub mod replies;
pub mod send_reply;
pub mod sync_ical;

pub mod transcribe_audio;

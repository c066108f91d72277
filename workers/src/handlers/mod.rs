//! One module per job type, each of the same shape (see the crate docs). A handler never
//! imports another handler: what two need is in `store`, a pure crate, or `crate::effects`.

pub mod confirm_payment;
pub mod expire_holds;
pub mod parse_intent;
pub mod pre_reserve;
pub mod refund_deposit;
pub mod send_reply;
pub mod sync_ical;
pub mod transcribe_audio;

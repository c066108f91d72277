//! The guest conversation: what a message means, and what to do about it given what was said
//! before.
//!
//! # Layout
//! - [`nlu`]: reading a message (intent, dates, guests, codes, names, agreement, confidence).
//! - [`state`]: what a conversation remembers (slots, the offer on the table), for 24 hours.
//! - [`policy`]: the dialogue policy, [`turn`]: `(state, incoming, facts) → (new state,
//!   effects)`. The one place the conversation's state changes.
//! - [`info`]: answers about the property from its own data (photos, amenities, pets, yes/no
//!   questions about a feature).
//! - [`texts`]: every word a guest reads, in Argentine Spanish (voseo, the default), English
//!   and Portuguese; no technical words.
//! - [`language`]: the three languages, detected per message and kept per conversation.
//!
//! Pure: no database, network, async runtime or clock (`today` and the facts come in as
//! arguments; a CI check fails the build if this crate gains an I/O dependency). It decides and
//! words; it never stores, sends or enqueues anything: the `parse_intent` handler loads the
//! facts, calls [`turn`] and writes the new state and the effects in one transaction.

pub mod info;
pub mod language;
pub mod nlu;
pub mod policy;
pub mod state;
pub mod texts;

use booking::{Accommodation, CancellationPolicy, Refund, availability::Occupancy};
use chrono::{NaiveDate, NaiveTime};

pub use language::Language;
pub use policy::{dates_in_question, turn, unusable_note};

/// What the bot says: words, or a photo with its caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Say {
    Text(String),
    Image { link: String, caption: String },
}

/// A hold to place: the guest accepted an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booking {
    pub accommodation_id: i64,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
}

/// What a turn causes beyond the conversation's own state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Say(Say),
    /// Hold one accommodation (the worker replies with the code and the payment link).
    Book(Booking),
    /// A group too large for one accommodation: hold all of these as one request, all or
    /// none (each then gets its code and payment link); when any was taken meanwhile, hold
    /// none and tell the guest ([`texts::group_taken`]).
    BookTogether(Vec<Booking>),
    /// The guest changed the dates or the people of the unpaid hold `code`: hold `to` and
    /// release `code` in one transaction, then send the renewed hold and payment link. If the
    /// new nights were taken meanwhile, keep the old hold and tell the guest.
    MoveHold {
        code: String,
        to: Booking,
    },
    /// The guest changed the dates or the people of the unpaid group hold `code` (any of its
    /// cabins' codes), and the group needs several cabins again: release the whole group and
    /// hold `to` as one new request in one transaction (all or none); the handler says which
    /// once they are held ([`texts::moving_hold`]), then one payment link follows. If any
    /// cabin was taken meanwhile, the old group stays and the guest is told
    /// ([`texts::group_move_taken`]).
    MoveGroup {
        code: String,
        to: Vec<Booking>,
    },
    /// Release the unpaid hold `code` now (the guest has already been told it is released).
    ReleaseHold {
        code: String,
    },
    /// The guest wants to cancel the paid reservation `code`: a request for staff, recorded
    /// with what the property's policy gives back on the day (the guest has been told it, and
    /// that someone will confirm). The reservation stays confirmed until staff act.
    RequestCancellation {
        code: String,
        refund: Refund,
    },
}

/// The guest's latest live hold or reservation in this conversation, as the handler loads it
/// (the most recent unexpired hold or confirmed reservation of the guest's channel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub code: String,
    pub accommodation_id: i64,
    pub accommodation: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
    /// The deposit was paid: the reservation is confirmed, only staff may cancel or change it.
    pub paid: bool,
    /// Where the deposit of an unpaid hold is paid.
    pub payment_link: Option<String>,
    /// Until when an unpaid hold is kept, in the property's time zone.
    pub holds_until: Option<chrono::NaiveDateTime>,
    /// The request this hold was made in with other cabins (one code, one payment).
    pub group: Option<HeldGroup>,
}

/// Several cabins held or booked as one request: its code (`GRP…`, the one the guest was
/// given) and every cabin's part, the held one included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldGroup {
    pub code: String,
    pub parts: Vec<HeldPart>,
}

/// One cabin of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldPart {
    /// The cabin's own reservation code (`RES…`), listed in the group's voucher.
    pub code: String,
    pub accommodation_id: i64,
    pub accommodation: String,
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
}

impl Held {
    /// The code the guest knows it by: the group's when it was requested with others.
    pub fn shown_code(&self) -> &str {
        self.group.as_ref().map_or(&self.code, |g| &g.code)
    }

    /// The message names this hold: its own code or its group's.
    pub fn is_called(&self, code: &str) -> bool {
        self.code == code || self.group.as_ref().is_some_and(|g| g.code == code)
    }

    /// These taken nights are this hold's own (or another cabin's of its group).
    pub fn owns(&self, t: &booking::availability::Taken) -> bool {
        let same = |id: i64, a: NaiveDate, b: NaiveDate| {
            t.accommodation_id == id && t.check_in == a && t.check_out == b
        };
        same(self.accommodation_id, self.check_in, self.check_out)
            || self.group.as_ref().is_some_and(|g| {
                g.parts
                    .iter()
                    .any(|p| same(p.accommodation_id, p.check_in, p.check_out))
            })
    }

    /// The nights taken by everyone but this hold (what it could move into).
    pub fn others_taken(
        &self,
        taken: &[booking::availability::Taken],
    ) -> Vec<booking::availability::Taken> {
        taken.iter().filter(|t| !self.owns(t)).copied().collect()
    }

    /// The cabins held: the group's, or this one.
    pub fn cabins(&self) -> Vec<&str> {
        match &self.group {
            Some(g) => g.parts.iter().map(|p| p.accommodation.as_str()).collect(),
            None => vec![self.accommodation.as_str()],
        }
    }
}

/// The property as the conversation speaks of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub address: Option<String>,
    pub check_in_time: NaiveTime,
    pub check_out_time: NaiveTime,
    /// Told to a guest who asks about cancelling, and applied to a paid reservation they
    /// cancel.
    pub cancellation: CancellationPolicy,
    /// How the balance after the deposit is taken on arrival.
    pub balance: BalanceMethods,
}

/// How a property takes the balance a guest owes after the deposit (the deposit itself is
/// always paid through the Mercado Pago link, by card or Mercado Pago balance). None set: the
/// owner has not said, and the guest hears only "on arrival".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BalanceMethods {
    pub cash: bool,
    pub transfer: bool,
    pub card: bool,
}

impl BalanceMethods {
    pub fn is_said(self) -> bool {
        self.cash || self.transfer || self.card
    }
}

/// Everything a turn may need to know, loaded by the handler before it.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// Today in the property's time zone: dates without a year are read from here.
    pub today: NaiveDate,
    pub place: &'a Place,
    /// The accommodations (cheapest first) and the nights taken around
    /// [`dates_in_question`].
    pub occupancy: Occupancy<'a>,
    /// The guest's current hold or reservation, if any.
    pub held: Option<&'a Held>,
    /// The guest's other live holds and reservations, each on its own, latest first: a
    /// cancellation may point at one of them ("cancelá la del 8", "la primera").
    pub others: &'a [Held],
    /// The public base URL the ingress answers at (`PUBLIC_BASE_URL`): uploaded photos are
    /// sent as links to `<base>/photos/<name>`.
    pub public_base_url: &'a str,
}

impl<'a> Facts<'a> {
    pub fn accommodations(&self) -> &'a [Accommodation] {
        self.occupancy.accommodations
    }

    /// The accommodation called `name` (a name as the NLU and the state keep it).
    pub fn accommodation(&self, name: &str) -> Option<&'a Accommodation> {
        self.accommodations().iter().find(|a| a.name == name)
    }

    /// The accommodation with that id (a hold's).
    pub fn accommodation_by_id(&self, id: i64) -> Option<&'a Accommodation> {
        self.accommodations().iter().find(|a| a.id == id)
    }

    /// Every live hold and reservation of the guest: the current one, then the others.
    pub fn holds(&self) -> impl Iterator<Item = &'a Held> + use<'a> {
        self.held.into_iter().chain(self.others)
    }
}

/// What the guest sent.
#[derive(Debug, Clone, Copy)]
pub enum Incoming<'a> {
    /// Words, as read by [`nlu::understand`].
    Words(&'a nlu::Understanding),
    /// Something without words we can read: a photo, a sticker (Meta's kind name), or an
    /// email with no text.
    Wordless(Wordless<'a>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wordless<'a> {
    Media(&'a str),
    Email,
}

/// The new state and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub state: state::ConversationState,
    pub effects: Vec<Effect>,
}

/// Why a note is answered with a request to write instead of being acted upon. Each has its
/// own kind text for the guest ([`texts::audio_refusal`]) and its own metric label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The media is not audio (an image sent as audio, a document).
    NotAudio,
    /// Over the size limit.
    TooLarge,
    /// Audio we cannot read: not Ogg/Opus, truncated, corrupt.
    Unreadable,
    TooLong,
    /// Nothing but silence.
    Silent,
    /// Speech the model is not sure of (noise, mumbling, another language).
    Unclear,
    /// This worker has no speech model (configuration): the guest must not wait for one.
    NoModel,
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NotAudio => "not_audio",
            Refusal::TooLarge => "too_large",
            Refusal::Unreadable => "unreadable",
            Refusal::TooLong => "too_long",
            Refusal::Silent => "silent",
            Refusal::Unclear => "unclear",
            Refusal::NoModel => "no_model",
        }
    }
}

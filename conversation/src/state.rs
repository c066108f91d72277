//! Conversation state, stored as JSON on the conversation row, forgotten after 24 hours.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How long a conversation remembers what was said.
pub const MEMORY_HOURS: i64 = 24;

/// What the guest was after when we had to ask for a missing slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Want {
    Availability,
    Price,
    Book,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferOption {
    pub accommodation_id: i64,
    pub name: String,
}

/// The last stay we quoted: "sí, dale" books it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    pub check_in: NaiveDate,
    pub check_out: NaiveDate,
    pub guests: u16,
    pub options: Vec<OfferOption>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationState {
    #[serde(default)]
    pub check_in: Option<NaiveDate>,
    #[serde(default)]
    pub check_out: Option<NaiveDate>,
    #[serde(default)]
    pub guests: Option<u16>,
    #[serde(default)]
    pub wants: Option<Want>,
    #[serde(default)]
    pub offer: Option<Offer>,
    #[serde(default)]
    pub needs_human: bool,
}

impl ConversationState {
    /// Reads a stored state; anything unreadable or older than [`MEMORY_HOURS`] starts afresh.
    pub fn from_stored(json: serde_json::Value, age_hours: f64) -> Self {
        if age_hours > MEMORY_HOURS as f64 {
            return ConversationState::default();
        }
        serde_json::from_value(json).unwrap_or_default()
    }
}

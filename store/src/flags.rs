//! Feature flags per property (`property_flags`): spoken replies, the email channel, the bot's
//! auto-replies and the PMS a property's bookings go through. A property without a row has
//! [`PropertyFlags::default`], the fleet's behaviour before flags existed.
//!
//! Reading is one primary-key lookup; the workers keep what they read for a few seconds
//! (`workers::flags`), so nothing here may be called per message without that cache.

use sqlx::PgExecutor;

use crate::StoreError;

/// Where a property's rooms and bookings live.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pms {
    /// The fleet's own tables (the default).
    #[default]
    Fleet,
    /// A QloApps hotel, through its webservice API.
    Qloapps,
}

impl Pms {
    pub const ALL: [Pms; 2] = [Pms::Fleet, Pms::Qloapps];

    /// As stored in `property_flags.pms` and written on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Pms::Fleet => "fleet",
            Pms::Qloapps => "qloapps",
        }
    }

    pub fn parse(s: &str) -> Option<Pms> {
        Pms::ALL.into_iter().find(|p| p.as_str() == s.trim())
    }
}

/// What a property has switched on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PropertyFlags {
    /// A guest's voice note is answered with a voice note too (the text always goes as well).
    pub voice_replies: bool,
    /// Guests who write by email are answered.
    pub email_channel: bool,
    /// The bot answers guests at all.
    pub auto_replies: bool,
    pub pms: Pms,
}

impl Default for PropertyFlags {
    fn default() -> Self {
        PropertyFlags {
            voice_replies: false,
            email_channel: true,
            auto_replies: true,
            pms: Pms::Fleet,
        }
    }
}

/// The property's flags (the defaults when it has no row).
pub async fn load(db: impl PgExecutor<'_>, property_id: i64) -> Result<PropertyFlags, StoreError> {
    let row: Option<(bool, bool, bool, String)> = sqlx::query_as(
        "SELECT voice_replies, email_channel, auto_replies, pms FROM property_flags
         WHERE property_id = $1",
    )
    .bind(property_id)
    .fetch_optional(db)
    .await?;
    Ok(match row {
        None => PropertyFlags::default(),
        Some((voice_replies, email_channel, auto_replies, pms)) => PropertyFlags {
            voice_replies,
            email_channel,
            auto_replies,
            // The table's CHECK admits only the two names.
            pms: Pms::parse(&pms).unwrap_or_default(),
        },
    })
}

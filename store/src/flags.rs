//! Feature flags per property (`property_flags`): spoken replies, the email channel, the bot's
//! auto-replies and the PMS a property's bookings go through. A property without a row has
//! [`PropertyFlags::default`], the fleet's behaviour before flags existed.
//!
//! Reading is one primary-key lookup; the workers keep what they read for a few seconds
//! (`workers::flags`), so nothing here may be called per message without that cache.
//!
//! Changing is [`set`], one flag at a time, from `fleetctl flags set` or the console's setup
//! page: the row is written and its `staff_audit_log` row (old and new value, who) goes in the
//! same transaction, so no change is ever unaudited. Nothing here decides what a flag does.

use sqlx::PgExecutor;

use crate::{Conn, StoreError};

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

impl std::fmt::Display for Pms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
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

impl PropertyFlags {
    /// Every flag as a [`Change`] to its value here (what a form that shows them all posts).
    pub fn as_changes(&self) -> [Change; 4] {
        [
            Change::VoiceReplies(self.voice_replies),
            Change::EmailChannel(self.email_channel),
            Change::AutoReplies(self.auto_replies),
            Change::Pms(self.pms),
        ]
    }

    /// The value of the flag `change` names, as a change to it.
    pub fn current(&self, change: Change) -> Change {
        match change {
            Change::VoiceReplies(_) => Change::VoiceReplies(self.voice_replies),
            Change::EmailChannel(_) => Change::EmailChannel(self.email_channel),
            Change::AutoReplies(_) => Change::AutoReplies(self.auto_replies),
            Change::Pms(_) => Change::Pms(self.pms),
        }
    }

    /// These flags with `change` made.
    pub fn with(mut self, change: Change) -> PropertyFlags {
        match change {
            Change::VoiceReplies(on) => self.voice_replies = on,
            Change::EmailChannel(on) => self.email_channel = on,
            Change::AutoReplies(on) => self.auto_replies = on,
            Change::Pms(pms) => self.pms = pms,
        }
        self
    }
}

/// One flag set to one value, as written on the command line: `auto_replies=off`,
/// `pms=qloapps`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    VoiceReplies(bool),
    EmailChannel(bool),
    AutoReplies(bool),
    Pms(Pms),
}

/// Why a written change is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    #[error("{0:?} is not flag=value (for example auto_replies=off)")]
    NotFlagEqualsValue(String),
    #[error(
        "there is no flag {0:?}: the flags are voice_replies, email_channel, auto_replies and pms"
    )]
    UnknownFlag(String),
    #[error("{flag} is on or off, not {value:?}")]
    NotOnOff { flag: &'static str, value: String },
    #[error("pms is fleet or qloapps, not {0:?}")]
    UnknownPms(String),
}

impl Change {
    /// The flags' names, as stored and written.
    pub const NAMES: [&'static str; 4] = ["voice_replies", "email_channel", "auto_replies", "pms"];

    /// `flag=value` (spaces around either side are ignored).
    pub fn parse(written: &str) -> Result<Change, ChangeError> {
        let (flag, value) = written
            .split_once('=')
            .ok_or_else(|| ChangeError::NotFlagEqualsValue(written.to_owned()))?;
        Change::of(flag.trim(), value.trim())
    }

    /// Flag `flag` set to `value` (`on`/`off` for the switches, `fleet`/`qloapps` for the PMS).
    pub fn of(flag: &str, value: &str) -> Result<Change, ChangeError> {
        let on_off = |flag: &'static str| match value {
            "on" => Ok(true),
            "off" => Ok(false),
            _ => Err(ChangeError::NotOnOff {
                flag,
                value: value.to_owned(),
            }),
        };
        Ok(match flag {
            "voice_replies" => Change::VoiceReplies(on_off("voice_replies")?),
            "email_channel" => Change::EmailChannel(on_off("email_channel")?),
            "auto_replies" => Change::AutoReplies(on_off("auto_replies")?),
            "pms" => {
                Change::Pms(Pms::parse(value).ok_or_else(|| ChangeError::UnknownPms(value.into()))?)
            }
            other => return Err(ChangeError::UnknownFlag(other.to_owned())),
        })
    }

    /// The flag's name.
    pub fn flag(self) -> &'static str {
        match self {
            Change::VoiceReplies(_) => "voice_replies",
            Change::EmailChannel(_) => "email_channel",
            Change::AutoReplies(_) => "auto_replies",
            Change::Pms(_) => "pms",
        }
    }

    /// The value as written: `on`, `off`, `fleet`, `qloapps`.
    pub fn value(self) -> &'static str {
        match self {
            Change::VoiceReplies(on) | Change::EmailChannel(on) | Change::AutoReplies(on) => {
                if on {
                    "on"
                } else {
                    "off"
                }
            }
            Change::Pms(pms) => pms.as_str(),
        }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}", self.flag(), self.value())
    }
}

/// Who changes a flag, for the audit row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// An operator on the command line (`fleetctl flags set`): no account.
    Fleetctl,
    /// A console account (an owner).
    Account(i64),
}

/// The audit row's action for a flag change.
pub const AUDIT_ACTION: &str = "flag_set";

/// What [`set`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Set {
    /// The flag's value before (the change itself when the flag had that value already).
    pub was: Change,
    /// Whether the value changed (only then is the row written and audited).
    pub changed: bool,
    /// All the property's flags now.
    pub now: PropertyFlags,
}

/// Sets one flag of `property_id` in `tx` (the row made with the defaults first when there is
/// none, and locked), and writes the audit row (the flag, its old and new value, and
/// `{"by": "fleetctl"}` for the command line) in the same transaction. Setting a flag to the
/// value it has writes nothing. `None`: there is no such property.
pub async fn set(
    tx: &mut Conn,
    property_id: i64,
    change: Change,
    actor: Actor,
) -> Result<Option<Set>, StoreError> {
    sqlx::query(
        "INSERT INTO property_flags (property_id) SELECT id FROM properties WHERE id = $1
         ON CONFLICT (property_id) DO NOTHING",
    )
    .bind(property_id)
    .execute(&mut *tx)
    .await?;
    let locked: Option<i64> = sqlx::query_scalar(
        "SELECT property_id FROM property_flags WHERE property_id = $1 FOR UPDATE",
    )
    .bind(property_id)
    .fetch_optional(&mut *tx)
    .await?;
    if locked.is_none() {
        return Ok(None);
    }
    let before = load(&mut *tx, property_id).await?;
    let was = before.current(change);
    let now = before.with(change);
    if was == change {
        return Ok(Some(Set {
            was,
            changed: false,
            now,
        }));
    }
    sqlx::query(
        "UPDATE property_flags SET voice_replies = $2, email_channel = $3, auto_replies = $4,
             pms = $5, updated_at = now()
         WHERE property_id = $1",
    )
    .bind(property_id)
    .bind(now.voice_replies)
    .bind(now.email_channel)
    .bind(now.auto_replies)
    .bind(now.pms.as_str())
    .execute(&mut *tx)
    .await?;
    let mut detail = serde_json::json!({
        "flag": change.flag(),
        "old": was.value(),
        "new": change.value(),
    });
    let account_id = match actor {
        Actor::Fleetctl => {
            detail["by"] = "fleetctl".into();
            None
        }
        Actor::Account(id) => Some(id),
    };
    let subject = format!("flag:{}", change.flag());
    crate::staff::audit(
        &mut *tx,
        crate::staff::Action {
            account_id,
            property_id,
            action: AUDIT_ACTION,
            subject: Some(&subject),
            detail: &detail,
        },
    )
    .await?;
    Ok(Some(Set {
        was,
        changed: true,
        now,
    }))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_read_as_written() {
        let cases = [
            ("voice_replies=on", Ok(Change::VoiceReplies(true))),
            ("email_channel=off", Ok(Change::EmailChannel(false))),
            (" auto_replies = off ", Ok(Change::AutoReplies(false))),
            ("pms=qloapps", Ok(Change::Pms(Pms::Qloapps))),
            ("pms=fleet", Ok(Change::Pms(Pms::Fleet))),
            (
                "auto_replies",
                Err(ChangeError::NotFlagEqualsValue("auto_replies".into())),
            ),
            (
                "autoreplies=off",
                Err(ChangeError::UnknownFlag("autoreplies".into())),
            ),
            (
                "voice_replies=yes",
                Err(ChangeError::NotOnOff {
                    flag: "voice_replies",
                    value: "yes".into(),
                }),
            ),
            ("pms=opera", Err(ChangeError::UnknownPms("opera".into()))),
        ];
        for (written, expected) in cases {
            assert_eq!(Change::parse(written), expected, "{written}");
        }
    }

    #[test]
    fn a_change_written_back_reads_the_same() {
        for change in PropertyFlags::default()
            .as_changes()
            .into_iter()
            .chain([Change::Pms(Pms::Qloapps), Change::AutoReplies(false)])
        {
            assert_eq!(Change::parse(&change.to_string()), Ok(change));
        }
    }

    #[test]
    fn with_changes_only_its_flag() {
        let d = PropertyFlags::default();
        let off = d.with(Change::AutoReplies(false));
        assert!(!off.auto_replies);
        assert_eq!(off.with(Change::AutoReplies(true)), d);
        assert_eq!(d.with(Change::Pms(Pms::Qloapps)).pms, Pms::Qloapps);
        assert_eq!(
            off.current(Change::AutoReplies(true)),
            Change::AutoReplies(false)
        );
    }
}

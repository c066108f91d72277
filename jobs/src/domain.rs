//! Values parsed at the edge, so the code behind it never re-checks them.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DomainError {
    #[error("idempotency key must be 1..=200 printable ASCII characters without spaces")]
    BadIdempotencyKey,
    #[error("phone number must be 8 to 15 digits")]
    BadPhoneNumber,
}

/// The provider's own id of the cause of a job (`wamid`, MP payment id, `Message-ID`, tick time),
/// namespaced by source. Two deliveries of one cause carry the same key.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(raw: impl Into<String>) -> Result<Self, DomainError> {
        let raw = raw.into();
        let ok = !raw.is_empty() && raw.len() <= 200 && raw.bytes().all(|b| b.is_ascii_graphic());
        if ok {
            Ok(IdempotencyKey(raw))
        } else {
            Err(DomainError::BadIdempotencyKey)
        }
    }

    /// `source:id`, e.g. `wa:wamid.HBgL...` or `tick:expire_holds:1700000000`.
    pub fn namespaced(source: &str, id: &str) -> Result<Self, DomainError> {
        Self::parse(format!("{source}:{id}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for IdempotencyKey {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<IdempotencyKey> for String {
    fn from(value: IdempotencyKey) -> Self {
        value.0
    }
}

impl fmt::Debug for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdempotencyKey({})", self.0)
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A guest's phone number in international digits. `Debug` and `Display` show only the last
/// three digits, so a number never reaches a log line whole.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: impl AsRef<str>) -> Result<Self, DomainError> {
        let digits: String = raw
            .as_ref()
            .trim()
            .trim_start_matches('+')
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(PhoneNumber(digits))
        } else {
            Err(DomainError::BadPhoneNumber)
        }
    }

    /// The full number, for the one place that needs it: the provider API call.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// WhatsApp delivers Argentine mobiles as `549` + 10 digits but refuses to send to them
    /// (error 131030); the sendable form drops the 9.
    pub fn whatsapp_sendable(&self) -> String {
        match self.0.strip_prefix("549") {
            Some(rest) if rest.len() == 10 => format!("54{rest}"),
            _ => self.0.clone(),
        }
    }

    pub fn masked(&self) -> String {
        let tail = &self.0[self.0.len().saturating_sub(3)..];
        format!("***{tail}")
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = DomainError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<PhoneNumber> for String {
    fn from(value: PhoneNumber) -> Self {
        value.0
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn phone_numbers_are_masked_in_debug_and_display() {
        let p = PhoneNumber::parse("+54 9 11 5555-1234").unwrap();
        assert_eq!(format!("{p:?}"), "PhoneNumber(***234)");
        assert_eq!(p.to_string(), "***234");
        assert_eq!(p.expose(), "5491155551234");
        assert_eq!(p.whatsapp_sendable(), "541155551234");
    }

    #[test]
    fn bad_phone_numbers_and_keys_are_refused() {
        assert_eq!(PhoneNumber::parse("12ab"), Err(DomainError::BadPhoneNumber));
        assert_eq!(
            PhoneNumber::parse("1234567"),
            Err(DomainError::BadPhoneNumber)
        );
        assert!(IdempotencyKey::parse("").is_err());
        assert!(IdempotencyKey::parse("has space").is_err());
        assert!(IdempotencyKey::parse("x".repeat(201)).is_err());
        assert!(IdempotencyKey::namespaced("wa", "wamid.HBgLNTQ5").is_ok());
    }

    proptest! {
        #[test]
        fn a_masked_number_never_shows_more_than_three_digits(d in "[0-9]{8,15}") {
            let p = PhoneNumber::parse(&d).unwrap();
            let shown = format!("{p:?}{p}");
            prop_assert!(!shown.contains(&d[..d.len() - 3]));
        }
    }
}

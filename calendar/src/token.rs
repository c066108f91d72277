//! Export URLs carry `hex(HMAC-SHA256(ICAL_EXPORT_SECRET, "<accommodation id>"))` cut to 32
//! hex digits (128 bits): unguessable, stable while the secret is, and different for each
//! accommodation, so one leaked URL reveals nothing about the others. Rotating the secret
//! invalidates every URL at once (each channel must be given the new one).

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Hex digits kept: 32 = 128 bits.
pub const TOKEN_HEX_LEN: usize = 32;

pub fn token(secret: &[u8], accommodation_id: i64) -> String {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(accommodation_id.to_string().as_bytes());
    let mut hex = hex::encode(mac.finalize().into_bytes());
    hex.truncate(TOKEN_HEX_LEN);
    hex
}

/// Constant-time check of a token from a URL (case-insensitive hex).
pub fn verify(secret: &[u8], accommodation_id: i64, given: &str) -> bool {
    let expected = token(secret, accommodation_id);
    let given = given.to_ascii_lowercase();
    !expected.is_empty() && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

/// `<base>/ical/<id>/<token>.ics`
pub fn url(base: &str, secret: &[u8], accommodation_id: i64) -> String {
    format!(
        "{}/ical/{accommodation_id}/{}.ics",
        base.trim_end_matches('/'),
        token(secret, accommodation_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bits_per_accommodation_and_per_secret() {
        let t = token(b"s3cret", 7);
        assert_eq!(t.len(), 32);
        assert!(t.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(t, token(b"s3cret", 8));
        assert_ne!(t, token(b"other", 7));
        assert_eq!(t, token(b"s3cret", 7));
    }

    #[test]
    fn verify_accepts_only_the_exact_token() {
        let t = token(b"k", 1);
        assert!(verify(b"k", 1, &t));
        assert!(verify(b"k", 1, &t.to_uppercase()));
        assert!(!verify(b"k", 2, &t));
        assert!(!verify(b"k", 1, &t[..31]));
        assert!(!verify(b"k", 1, &format!("{t}0")));
        assert!(!verify(b"k", 1, ""));
    }

    #[test]
    fn urls_join_cleanly() {
        assert_eq!(
            url("http://h:8080/", b"k", 3),
            format!("http://h:8080/ical/3/{}.ics", token(b"k", 3))
        );
    }
}

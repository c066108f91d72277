//! Mailgun (inbound email routes): the form carries `timestamp`, `token` and
//! `signature = hex HMAC-SHA256(webhook signing key, timestamp + token)`. The signature covers
//! only those two fields, so the timestamp must also be recent (the same 5-minute window as
//! Mercado Pago's); a replayed post within it is a duplicate by its `Message-Id` anyway.

use crate::{SignatureError, hex_mac_matches, hmac_sha256};

pub const NAME: &str = "mailgun";
pub const REPLAY_WINDOW_SECS: i64 = 5 * 60;

/// The three signed fields as they came in the form.
#[derive(Debug, Default, Clone, Copy)]
pub struct Signed<'a> {
    pub timestamp: Option<&'a str>,
    pub token: Option<&'a str>,
    pub signature: Option<&'a str>,
}

pub fn verify(key: &[u8], signed: Signed<'_>, now_secs: i64) -> Result<(), SignatureError> {
    let (Some(timestamp), Some(token), Some(signature)) =
        (signed.timestamp, signed.token, signed.signature)
    else {
        return Err(SignatureError::Missing);
    };
    let ts: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| SignatureError::Malformed)?;
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SignatureError::Malformed);
    }
    if !hex_mac_matches(&sign(key, timestamp, token), signature) {
        return Err(SignatureError::Mismatch);
    }
    if (now_secs - ts).abs() > REPLAY_WINDOW_SECS {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

pub fn sign(key: &[u8], timestamp: &str, token: &str) -> Vec<u8> {
    hmac_sha256(key, &[timestamp.as_bytes(), token.as_bytes()])
}

/// The `signature` field a real post would carry (used by tests and `fleetctl simulate`).
pub fn signature_for(key: &[u8], timestamp: &str, token: &str) -> String {
    hex::encode(sign(key, timestamp, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    const NOW: i64 = 1_700_000_000;

    fn signed<'a>(ts: &'a str, token: &'a str, sig: &'a str) -> Signed<'a> {
        Signed {
            timestamp: Some(ts),
            token: Some(token),
            signature: Some(sig),
        }
    }

    #[test]
    fn refusals_say_why() {
        let ts = NOW.to_string();
        let token = "a".repeat(50);
        let good = signature_for(KEY, &ts, &token);
        let other_key = signature_for(b"other key", &ts, &token);
        assert_eq!(verify(KEY, signed(&ts, &token, &good), NOW), Ok(()));
        let cases = [
            (Signed::default(), SignatureError::Missing),
            (
                Signed {
                    signature: None,
                    ..signed(&ts, &token, &good)
                },
                SignatureError::Missing,
            ),
            (
                signed("yesterday", &token, &good),
                SignatureError::Malformed,
            ),
            (signed(&ts, &token, "abc"), SignatureError::Malformed),
            (signed(&ts, "b", &good), SignatureError::Mismatch),
            (signed(&ts, &token, &other_key), SignatureError::Mismatch),
        ];
        for (input, why) in cases {
            assert_eq!(verify(KEY, input, NOW), Err(why), "{input:?}");
        }
    }

    #[test]
    fn an_old_signature_is_stale_even_when_it_matches() {
        let old = (NOW - REPLAY_WINDOW_SECS - 1).to_string();
        let sig = signature_for(KEY, &old, "tok");
        assert_eq!(
            verify(KEY, signed(&old, "tok", &sig), NOW),
            Err(SignatureError::Stale)
        );
        let recent = (NOW - REPLAY_WINDOW_SECS).to_string();
        let sig = signature_for(KEY, &recent, "tok");
        assert_eq!(verify(KEY, signed(&recent, "tok", &sig), NOW), Ok(()));
    }
}

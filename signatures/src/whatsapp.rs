//! WhatsApp Cloud API: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.

use crate::{SignatureError, hex_mac_matches, hmac_sha256};

pub fn verify(secret: &[u8], body: &[u8], header: Option<&str>) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let hex_sig = header
        .trim()
        .strip_prefix("sha256=")
        .ok_or(SignatureError::Malformed)?;
    if hex_sig.len() != 64 || !hex_sig.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SignatureError::Malformed);
    }
    if hex_mac_matches(&sign(secret, body), hex_sig) {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

pub fn sign(secret: &[u8], body: &[u8]) -> Vec<u8> {
    hmac_sha256(secret, &[body])
}

/// The header value a real delivery would carry (used by tests and `fleetctl simulate`).
pub fn header_for(secret: &[u8], body: &[u8]) -> String {
    format!("sha256={}", hex::encode(sign(secret, body)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn meta_documented_test_vector() {
        assert_eq!(
            hex::encode(sign(b"secret", b"test")),
            "0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914"
        );
    }

    #[test]
    fn refusals_say_why() {
        let body = b"{}";
        let good = header_for(b"s3cret", body);
        assert_eq!(verify(b"s3cret", body, Some(&good)), Ok(()));
        assert_eq!(
            verify(b"other", body, Some(&good)),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"s3cret", b"{ }", Some(&good)),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(verify(b"s3cret", body, None), Err(SignatureError::Missing));
        assert_eq!(
            verify(b"s3cret", body, Some("md5=abc")),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(b"s3cret", body, Some("sha256=zz")),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(b"s3cret", body, Some(&good[..good.len() - 2])),
            Err(SignatureError::Malformed)
        );
    }

    proptest! {
        #[test]
        fn any_one_byte_change_of_the_body_is_refused(body in proptest::collection::vec(any::<u8>(), 1..512), pos in any::<usize>(), flip in 1u8..=255) {
            let header = header_for(b"app-secret", &body);
            prop_assert_eq!(verify(b"app-secret", &body, Some(&header)), Ok(()));
            let mut changed = body.clone();
            let i = pos % changed.len();
            changed[i] ^= flip;
            prop_assert_eq!(verify(b"app-secret", &changed, Some(&header)), Err(SignatureError::Mismatch));
        }
    }
}

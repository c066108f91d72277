//! The webhook signature schemes of our providers, both ways: `verify` for the ingress, `sign`
//! and `header_for` for whoever plays a provider (`fleetctl simulate`, the test kit, the
//! benchmarks). Pure: bytes and keys in, a verdict out; comparisons in constant time.
//!
//! It never reads configuration or a request: the ingress's `VerifiedWebhook` extractor finds
//! the secret and the headers and calls in here.

pub mod mailgun;
pub mod mercadopago;
pub mod whatsapp;

/// Why a signature was refused; also the `reason` label of `fleet_webhook_rejected_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("signature header missing")]
    Missing,
    #[error("signature header malformed")]
    Malformed,
    #[error("signature does not match")]
    Mismatch,
    #[error("signature timestamp outside the replay window")]
    Stale,
    #[error("no secret configured for this provider")]
    NotConfigured,
}

impl SignatureError {
    pub fn reason(self) -> &'static str {
        match self {
            SignatureError::Missing => "missing_signature",
            SignatureError::Malformed => "malformed_signature",
            SignatureError::Mismatch => "bad_signature",
            SignatureError::Stale => "stale_timestamp",
            SignatureError::NotConfigured => "not_configured",
        }
    }
}

/// HMAC-SHA256 of `parts` concatenated: every provider's scheme, over different bytes.
pub(crate) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    use hmac::{Hmac, Mac};
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(key) else {
        return Vec::new();
    };
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().to_vec()
}

/// Constant-time comparison of a computed MAC with the hex one a provider sent.
pub(crate) fn hex_mac_matches(expected: &[u8], sent_hex: &str) -> bool {
    use subtle::ConstantTimeEq;
    match hex::decode(sent_hex.trim()) {
        Ok(sent) => sent.len() == expected.len() && bool::from(sent.ct_eq(expected)),
        Err(_) => false,
    }
}

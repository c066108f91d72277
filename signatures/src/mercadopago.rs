//! Mercado Pago: `x-signature: ts=<ms>,v1=<hex>` over the manifest
//! `id:<data.id>;request-id:<x-request-id>;ts:<ts>;` (parts missing from the request are left
//! out, as MP documents), HMAC-SHA256 with the webhook secret, within a 5-minute replay window.
//! MP's docs say to lowercase alphanumeric ids; its own SDK signs the id as sent: either is accepted.

use crate::{SignatureError, hex_mac_matches, hmac_sha256};

pub const REPLAY_WINDOW_MS: i64 = 5 * 60 * 1000;

/// `data.id` from the query string, as MP signs it.
pub fn query_data_id(query: Option<&str>) -> Option<String> {
    url_pairs(query?)
        .find(|(k, _)| k == "data.id")
        .map(|(_, v)| v)
}

fn url_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        Some((percent_decode(k)?, percent_decode(v)?))
    })
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The parsed `x-signature` header; `ts` is kept as sent, since the manifest uses it verbatim.
#[derive(Debug, PartialEq, Eq)]
pub struct SignatureHeader<'a> {
    pub ts: &'a str,
    pub v1: &'a str,
}

pub fn parse_header(header: &str) -> Result<SignatureHeader<'_>, SignatureError> {
    let (mut ts, mut v1) = (None, None);
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("ts", v)) => ts = Some(v.trim()),
            Some(("v1", v)) => v1 = Some(v.trim()),
            _ => {}
        }
    }
    match (ts, v1) {
        (Some(ts), Some(v1))
            if !ts.is_empty() && ts.bytes().all(|b| b.is_ascii_digit()) && v1.len() == 64 =>
        {
            Ok(SignatureHeader { ts, v1 })
        }
        _ => Err(SignatureError::Malformed),
    }
}

pub fn manifest(data_id: Option<&str>, request_id: Option<&str>, ts: &str) -> String {
    let mut m = String::new();
    if let Some(id) = data_id {
        m.push_str(&format!("id:{id};"));
    }
    if let Some(rid) = request_id {
        m.push_str(&format!("request-id:{rid};"));
    }
    m.push_str(&format!("ts:{ts};"));
    m
}

pub fn sign(secret: &[u8], manifest: &str) -> Vec<u8> {
    hmac_sha256(secret, &[manifest.as_bytes()])
}

/// Milliseconds since the epoch; MP sends milliseconds, older integrations seconds.
fn ts_millis(ts: &str) -> Option<i64> {
    let n: i64 = ts.parse().ok()?;
    Some(if n < 100_000_000_000 { n * 1000 } else { n })
}

pub fn verify(
    secret: &[u8],
    header: Option<&str>,
    data_id: Option<&str>,
    request_id: Option<&str>,
    now_ms: i64,
) -> Result<(), SignatureError> {
    let sig = parse_header(header.ok_or(SignatureError::Missing)?)?;
    let lowered = data_id
        .map(str::to_lowercase)
        .filter(|l| Some(l.as_str()) != data_id);
    let matched = [data_id, lowered.as_deref()]
        .into_iter()
        .take(if lowered.is_some() { 2 } else { 1 })
        .any(|id| hex_mac_matches(&sign(secret, &manifest(id, request_id, sig.ts)), sig.v1));
    if !matched {
        return Err(SignatureError::Mismatch);
    }
    let ts = ts_millis(sig.ts).ok_or(SignatureError::Malformed)?;
    if (now_ms - ts).abs() > REPLAY_WINDOW_MS {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

/// The header value MP would send (used by tests and `fleetctl simulate`).
pub fn header_for(
    secret: &[u8],
    data_id: Option<&str>,
    request_id: Option<&str>,
    ts_ms: i64,
) -> String {
    let ts = ts_ms.to_string();
    format!(
        "ts={ts},v1={}",
        hex::encode(sign(secret, &manifest(data_id, request_id, &ts)))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: i64 = 1_742_505_638_683;

    #[test]
    fn manifest_leaves_out_missing_parts() {
        assert_eq!(
            manifest(Some("123"), Some("abc"), "9"),
            "id:123;request-id:abc;ts:9;"
        );
        assert_eq!(manifest(None, Some("abc"), "9"), "request-id:abc;ts:9;");
        assert_eq!(manifest(Some("123"), None, "9"), "id:123;ts:9;");
    }

    #[test]
    fn refusals_say_why() {
        let h = header_for(b"k", Some("999"), Some("rid"), NOW);
        assert_eq!(
            verify(b"k", Some(&h), Some("999"), Some("rid"), NOW + 1000),
            Ok(())
        );
        assert_eq!(
            verify(b"x", Some(&h), Some("999"), Some("rid"), NOW),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"k", Some(&h), Some("998"), Some("rid"), NOW),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"k", Some(&h), Some("999"), Some("other"), NOW),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify(b"k", None, Some("999"), Some("rid"), NOW),
            Err(SignatureError::Missing)
        );
        assert_eq!(
            verify(b"k", Some("v1=abc"), Some("999"), Some("rid"), NOW),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(b"k", Some("ts=abc,v1=00"), Some("999"), Some("rid"), NOW),
            Err(SignatureError::Malformed)
        );
        assert_eq!(
            verify(
                b"k",
                Some(&h),
                Some("999"),
                Some("rid"),
                NOW + REPLAY_WINDOW_MS + 1
            ),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify(
                b"k",
                Some(&h),
                Some("999"),
                Some("rid"),
                NOW - REPLAY_WINDOW_MS - 1
            ),
            Err(SignatureError::Stale)
        );
    }

    #[test]
    fn either_casing_of_an_alphanumeric_id_is_accepted() {
        let id = "ORD01JQ4S4KY8HWQ6NA5PXB65B3D3";
        let as_sent = header_for(b"k", Some(id), Some("r"), NOW);
        let lowered = header_for(b"k", Some(&id.to_lowercase()), Some("r"), NOW);
        assert_eq!(
            verify(b"k", Some(&as_sent), Some(id), Some("r"), NOW),
            Ok(())
        );
        assert_eq!(
            verify(b"k", Some(&lowered), Some(id), Some("r"), NOW),
            Ok(())
        );
    }

    #[test]
    fn query_data_id_is_decoded() {
        assert_eq!(
            query_data_id(Some("data.id=123&type=payment")).as_deref(),
            Some("123")
        );
        assert_eq!(
            query_data_id(Some("type=payment&data.id=A%2DB")).as_deref(),
            Some("A-B")
        );
        assert_eq!(query_data_id(Some("type=payment")), None);
        assert_eq!(query_data_id(None), None);
    }

    proptest! {
        #[test]
        fn a_different_id_or_request_id_never_verifies(id in "[0-9]{1,12}", other in "[0-9]{1,12}", rid in "[a-f0-9-]{8,36}") {
            prop_assume!(id != other);
            let h = header_for(b"secret", Some(&id), Some(&rid), NOW);
            prop_assert_eq!(verify(b"secret", Some(&h), Some(&id), Some(&rid), NOW), Ok(()));
            prop_assert_eq!(verify(b"secret", Some(&h), Some(&other), Some(&rid), NOW), Err(SignatureError::Mismatch));
        }
    }
}

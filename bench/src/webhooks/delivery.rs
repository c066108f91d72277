//! Signed WhatsApp text deliveries as Meta sends them: the body of
//! `shared/fixtures/webhooks/whatsapp/pywa_message_text.json`, each with a new `wamid` (so no
//! delivery is a duplicate of another) and a valid sender, signed with the app secret exactly as
//! the ingress verifies it (`ingress::signature::whatsapp::header_for`).

use std::sync::atomic::{AtomicU64, Ordering};

/// The fixture, with `{WAMID}` and `{FROM}` to fill in.
const TEMPLATE: &str = r#"{"object":"whatsapp_business_account","entry":[{"id":"1234567890987654321","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"972123456789","phone_number_id":"1122334455667"},"contacts":[{"profile":{"name":"Test Name"},"wa_id":"{FROM}"}],"messages":[{"from":"{FROM}","id":"{WAMID}","timestamp":"1697043223","text":{"body":"Hola, tienen lugar para 2 personas del 10 al 12 de marzo?"},"type":"text"}]},"field":"messages"}]}]}"#;

/// Makes deliveries with ids unique within this process (`tag` makes them unique across runs).
#[derive(Debug)]
pub struct Deliveries {
    secret: Vec<u8>,
    tag: String,
    next: AtomicU64,
}

impl Deliveries {
    pub fn new(secret: &str) -> Self {
        let id = uuid::Uuid::new_v4().simple().to_string();
        Deliveries {
            secret: secret.as_bytes().to_vec(),
            tag: id[..10].to_owned(),
            next: AtomicU64::new(0),
        }
    }

    /// The next delivery: its body and its `X-Hub-Signature-256` header.
    pub fn next(&self) -> (String, String) {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let body = body(&self.tag, n);
        let header = ingress::signature::whatsapp::header_for(&self.secret, body.as_bytes());
        (body, header)
    }
}

fn body(tag: &str, n: u64) -> String {
    // Argentine mobiles as WhatsApp delivers them: 549 + 10 digits.
    let from = format!("54911{:08}", n % 100_000_000);
    let wamid = format!("wamid.bench.{tag}.{n}");
    TEMPLATE.replace("{FROM}", &from).replace("{WAMID}", &wamid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_delivery_is_valid_json_with_its_own_id_and_a_good_signature() {
        let d = Deliveries::new("s3cret");
        let (a, sig) = d.next();
        let (b, _) = d.next();
        assert_ne!(a, b);
        let v: serde_json::Value = serde_json::from_str(&a).expect("json");
        let msg = &v["entry"][0]["changes"][0]["value"]["messages"][0];
        assert_eq!(msg["from"], "5491100000000");
        assert!(
            msg["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("wamid.bench."))
        );
        assert_eq!(
            ingress::signature::whatsapp::verify(b"s3cret", a.as_bytes(), Some(&sig)),
            Ok(())
        );
    }
}

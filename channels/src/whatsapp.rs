//! WhatsApp Cloud API (Graph API): sending messages, behind the Graph API's circuit breaker.
//! Downloading media (voice notes) is in `media.rs`, on the same client and breaker.

use jobs::{domain::PhoneNumber, payloads::ReplyBody};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::{ChannelError, check_status, guard::Guard, transport};

pub(super) const DEP: &str = "whatsapp";

#[derive(Clone)]
pub struct Whatsapp {
    pub(super) http: reqwest::Client,
    pub(super) base: String,
    pub(super) token: SecretString,
    pub(super) guard: Guard,
}

impl Whatsapp {
    pub fn new(base: impl Into<String>, token: SecretString, guard: Guard) -> Self {
        Whatsapp {
            http: super::http_client(),
            base: base.into().trim_end_matches('/').to_owned(),
            token,
            guard,
        }
    }

    /// `POST /{phone_number_id}/messages`; returns the `wamid` of the sent message. `tag` goes
    /// out as `biz_opaque_callback_data`: Meta's status webhooks for this message carry it back,
    /// so a sender that died before it heard the answer can learn that the message went out.
    pub async fn send(
        &self,
        phone_number_id: &str,
        to: &PhoneNumber,
        body: &ReplyBody,
        tag: Option<&str>,
    ) -> Result<String, ChannelError> {
        self.guard
            .call(self.send_unguarded(phone_number_id, to, body, tag))
            .await
    }

    async fn send_unguarded(
        &self,
        phone_number_id: &str,
        to: &PhoneNumber,
        body: &ReplyBody,
        tag: Option<&str>,
    ) -> Result<String, ChannelError> {
        let mut message = json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to.whatsapp_sendable(),
        });
        match body {
            ReplyBody::Text { text } => {
                message["type"] = json!("text");
                message["text"] = json!({ "preview_url": true, "body": text });
            }
            ReplyBody::Image { link, caption } => {
                message["type"] = json!("image");
                message["image"] = json!({ "link": link, "caption": caption });
            }
            // An owner's WhatsApp: the subject as the first line.
            ReplyBody::Notice { subject, text } => {
                message["type"] = json!("text");
                message["text"] =
                    json!({ "preview_url": true, "body": format!("{subject}\n\n{text}") });
            }
            ReplyBody::Template {
                name,
                language,
                parameters,
            } => {
                message["type"] = json!("template");
                message["template"] = json!({
                    "name": name,
                    "language": { "code": language },
                    "components": [{
                        "type": "body",
                        "parameters": parameters
                            .iter()
                            .map(|p| json!({ "type": "text", "text": template_parameter(p) }))
                            .collect::<Vec<_>>(),
                    }],
                });
            }
        }
        if let Some(tag) = tag {
            message["biz_opaque_callback_data"] = json!(tag);
        }
        let response = self
            .http
            .post(format!("{}/{}/messages", self.base, phone_number_id))
            .bearer_auth(self.token.expose_secret())
            .json(&message)
            .send()
            .await
            .map_err(|e| transport(DEP, e))?;
        let response = check_status(DEP, response).await?;
        // 2xx: Meta has the message. An answer we cannot read does not make it unsent.
        let answer: serde_json::Value = response.json().await.unwrap_or_else(|e| {
            tracing::warn!(error = %e.without_url(), "WhatsApp accepted a message with an unreadable answer");
            serde_json::Value::Null
        });
        Ok(answer["messages"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }
}

/// Meta refuses a template parameter with a line break, a tab or more than four spaces in a
/// row, or longer than its limit: one line, spaces collapsed, cut on a character boundary.
fn template_parameter(text: &str) -> String {
    const MAX_CHARS: usize = 1000;
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_parameter_is_one_line_meta_accepts() {
        assert_eq!(
            template_parameter("Reserva pagada: RES1\n\nVerla:\thttps://x/admin     ok"),
            "Reserva pagada: RES1 Verla: https://x/admin ok"
        );
        let long = "ñ".repeat(1500);
        let cut = template_parameter(&long);
        assert_eq!(cut.chars().count(), 1001);
        assert!(cut.ends_with('…'));
    }
}

//! WhatsApp Cloud API (Graph API): sending messages, behind the Graph API's circuit breaker.
//! Downloading media (voice notes) is in `media.rs`, on the same client and breaker.

use std::sync::Arc;

use jobs::{domain::PhoneNumber, payloads::ReplyBody};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::{ChannelError, breaker::Breaker, check_status, guarded, transport};

pub(super) const DEP: &str = "whatsapp";

#[derive(Clone)]
pub struct Whatsapp {
    pub(super) http: reqwest::Client,
    pub(super) base: String,
    pub(super) token: SecretString,
    pub(super) breaker: Arc<Breaker>,
}

impl Whatsapp {
    pub fn new(base: impl Into<String>, token: SecretString, breaker: Arc<Breaker>) -> Self {
        Whatsapp {
            http: super::http_client(),
            base: base.into().trim_end_matches('/').to_owned(),
            token,
            breaker,
        }
    }

    /// `POST /{phone_number_id}/messages`; returns the `wamid` of the sent message.
    pub async fn send(
        &self,
        phone_number_id: &str,
        to: &PhoneNumber,
        body: &ReplyBody,
    ) -> Result<String, ChannelError> {
        guarded(
            DEP,
            &self.breaker,
            self.send_unguarded(phone_number_id, to, body),
        )
        .await
    }

    async fn send_unguarded(
        &self,
        phone_number_id: &str,
        to: &PhoneNumber,
        body: &ReplyBody,
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
        let answer: serde_json::Value = response.json().await.map_err(|e| transport(DEP, e))?;
        Ok(answer["messages"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }
}

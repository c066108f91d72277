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
        self.post_message(phone_number_id, message, tag).await
    }

    /// `POST /{phone_number_id}/media` (multipart: `messaging_product=whatsapp`, `type`, `file`)
    /// → the media id a message can send. A voice note goes up as `audio/ogg` (Opus, mono): the
    /// one audio WhatsApp plays as a voice note. An upload that fails is a media file nobody
    /// references: retrying it is harmless.
    pub async fn upload_media(
        &self,
        phone_number_id: &str,
        bytes: Vec<u8>,
        mime: &str,
        file_name: &str,
    ) -> Result<String, ChannelError> {
        self.guard
            .call(self.upload_unguarded(phone_number_id, bytes, mime, file_name))
            .await
    }

    async fn upload_unguarded(
        &self,
        phone_number_id: &str,
        bytes: Vec<u8>,
        mime: &str,
        file_name: &str,
    ) -> Result<String, ChannelError> {
        let form = Multipart::new(&bytes)
            .text("messaging_product", "whatsapp")
            .text("type", mime)
            .file("file", file_name, mime, &bytes);
        let response = self
            .http
            .post(format!("{}/{}/media", self.base, phone_number_id))
            .bearer_auth(self.token.expose_secret())
            .header(reqwest::header::CONTENT_TYPE, form.content_type())
            .body(form.finish())
            .send()
            .await
            .map_err(|e| transport(DEP, e))?;
        let response = check_status(DEP, response).await?;
        // 2xx without an id: nothing to send, and asking again would get the same answer.
        let answer: serde_json::Value = response.json().await.unwrap_or_default();
        match answer["id"].as_str() {
            Some(id) if !id.is_empty() => Ok(id.to_owned()),
            _ => Err(ChannelError::Permanent {
                dependency: DEP,
                message: "the media upload answered without an id".into(),
            }),
        }
    }

    /// Sends uploaded audio (`media_id`) as an audio message; returns its `wamid`. `tag` as for
    /// [`Whatsapp::send`].
    pub async fn send_audio(
        &self,
        phone_number_id: &str,
        to: &PhoneNumber,
        media_id: &str,
        tag: Option<&str>,
    ) -> Result<String, ChannelError> {
        let message = json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to.whatsapp_sendable(),
            "type": "audio",
            "audio": { "id": media_id },
        });
        self.guard
            .call(self.post_message(phone_number_id, message, tag))
            .await
    }

    async fn post_message(
        &self,
        phone_number_id: &str,
        mut message: serde_json::Value,
        tag: Option<&str>,
    ) -> Result<String, ChannelError> {
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

/// A `multipart/form-data` body (RFC 7578), written here rather than by enabling reqwest's
/// `multipart` feature for this one form: a few fields and one file. The boundary is the
/// SHA-256 of the file, which the file cannot contain.
struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Multipart {
    fn new(file: &[u8]) -> Self {
        use sha2::Digest;
        Multipart {
            boundary: format!("fleet-{}", hex::encode(sha2::Sha256::digest(file))),
            body: Vec::new(),
        }
    }

    fn part_head(&mut self, disposition: &str, content_type: Option<&str>) {
        self.body
            .extend_from_slice(format!("--{}\r\n", self.boundary).as_bytes());
        self.body.extend_from_slice(
            format!("Content-Disposition: form-data; {disposition}\r\n").as_bytes(),
        );
        if let Some(ct) = content_type {
            self.body
                .extend_from_slice(format!("Content-Type: {ct}\r\n").as_bytes());
        }
        self.body.extend_from_slice(b"\r\n");
    }

    fn text(mut self, name: &str, value: &str) -> Self {
        self.part_head(&format!("name=\"{name}\""), None);
        self.body.extend_from_slice(value.as_bytes());
        self.body.extend_from_slice(b"\r\n");
        self
    }

    fn file(mut self, name: &str, file_name: &str, content_type: &str, bytes: &[u8]) -> Self {
        self.part_head(
            &format!("name=\"{name}\"; filename=\"{file_name}\""),
            Some(content_type),
        );
        self.body.extend_from_slice(bytes);
        self.body.extend_from_slice(b"\r\n");
        self
    }

    fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    fn finish(mut self) -> Vec<u8> {
        self.body
            .extend_from_slice(format!("--{}--\r\n", self.boundary).as_bytes());
        self.body
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
    fn a_multipart_form_has_its_fields_and_file_between_boundaries() {
        let file = b"OggS\x00\x02 bytes";
        let form = Multipart::new(file)
            .text("messaging_product", "whatsapp")
            .text("type", "audio/ogg")
            .file("file", "reply.ogg", "audio/ogg", file);
        let boundary = form.boundary.clone();
        assert!(form.content_type().ends_with(&boundary));
        let body = form.finish();
        let text = String::from_utf8_lossy(&body);
        let parts: Vec<&str> = text.split(&format!("--{boundary}")).collect();
        assert_eq!(parts.len(), 5, "{text}");
        assert_eq!(
            parts[1],
            "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
        );
        assert!(parts[3].starts_with(
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"reply.ogg\"\r\nContent-Type: audio/ogg\r\n\r\nOggS"
        ));
        assert_eq!(parts[4], "--\r\n");
    }

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

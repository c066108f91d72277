//! Downloading WhatsApp media (voice notes) from the Graph API, behind the same circuit breaker
//! as sending: `GET /{media-id}` (bearer token) → `{url, mime_type, file_size}`, then `GET url`
//! with the same token. Media URLs expire after 5 minutes, so a 404 on the URL means "ask for a
//! fresh one", once. The body is read in chunks and abandoned past the size limit: a hostile or
//! mistaken file never costs more memory than the limit.

use secrecy::ExposeSecret;
use serde::Deserialize;

use super::{ChannelError, check_status, transport, whatsapp::DEP, whatsapp::Whatsapp};

/// A downloaded media file.
#[derive(Debug)]
pub struct Media {
    pub bytes: Vec<u8>,
    pub mime_type: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error(transparent)]
    Channel(#[from] ChannelError),
    #[error("media of {bytes} bytes is over the {max} byte limit")]
    TooLarge { bytes: u64, max: u64 },
    #[error("media type {0:?} is not audio")]
    NotAudio(String),
}

#[derive(Debug, Deserialize)]
struct MediaInfo {
    url: String,
    #[serde(default)]
    mime_type: String,
    #[serde(default)]
    file_size: Option<u64>,
}

/// What a `GET url` gave.
enum Fetched {
    Bytes(Vec<u8>),
    /// 404: the URL expired; a fresh one is needed.
    Expired,
    TooLarge(u64),
}

/// `audio/ogg; codecs=opus` and friends. `application/ogg` is what some clients label Ogg as.
pub fn is_audio_mime(mime: &str) -> bool {
    let essence = mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence.starts_with("audio/") || essence == "application/ogg"
}

impl Whatsapp {
    /// Downloads a media file of at most `max_bytes`. `url_hint` is the URL a newer webhook may
    /// carry; `mime_hint` the type the webhook announced.
    pub async fn download_media(
        &self,
        media_id: &str,
        url_hint: Option<&str>,
        mime_hint: &str,
        max_bytes: u64,
    ) -> Result<Media, MediaError> {
        if !mime_hint.is_empty() && !is_audio_mime(mime_hint) {
            return Err(MediaError::NotAudio(mime_hint.to_owned()));
        }
        if let Some(url) = url_hint
            && let Some(bytes) = self.fetch_checked(url, max_bytes).await?
        {
            return Ok(Media {
                bytes,
                mime_type: mime_hint.to_owned(),
            });
        }
        // No URL, or it expired: ask for a fresh one (twice at most: it can expire in between).
        for _ in 0..2 {
            let info = self.guard.call(self.media_info(media_id)).await?;
            if !is_audio_mime(&info.mime_type) {
                return Err(MediaError::NotAudio(info.mime_type));
            }
            if let Some(size) = info.file_size.filter(|s| *s > max_bytes) {
                return Err(MediaError::TooLarge {
                    bytes: size,
                    max: max_bytes,
                });
            }
            if let Some(bytes) = self.fetch_checked(&info.url, max_bytes).await? {
                return Ok(Media {
                    bytes,
                    mime_type: info.mime_type,
                });
            }
        }
        Err(MediaError::Channel(ChannelError::Transient {
            dependency: DEP,
            message: "media URL expired twice in a row".into(),
            retry_after: None,
        }))
    }

    /// `None`: the URL expired.
    async fn fetch_checked(&self, url: &str, max: u64) -> Result<Option<Vec<u8>>, MediaError> {
        match self.guard.call(self.fetch(url, max)).await? {
            Fetched::Bytes(bytes) => Ok(Some(bytes)),
            Fetched::Expired => Ok(None),
            Fetched::TooLarge(bytes) => Err(MediaError::TooLarge { bytes, max }),
        }
    }

    async fn media_info(&self, media_id: &str) -> Result<MediaInfo, ChannelError> {
        let response = self
            .http
            .get(format!("{}/{}", self.base, media_id))
            .bearer_auth(self.token.expose_secret())
            .send()
            .await
            .map_err(|e| transport(DEP, e))?;
        check_status(DEP, response)
            .await?
            .json()
            .await
            .map_err(|e| ChannelError::Permanent {
                dependency: DEP,
                message: format!("media info is not what the Graph API documents: {e}"),
            })
    }

    async fn fetch(&self, url: &str, max: u64) -> Result<Fetched, ChannelError> {
        let mut response = self
            .http
            .get(url)
            .bearer_auth(self.token.expose_secret())
            .send()
            .await
            .map_err(|e| transport(DEP, e))?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(Fetched::Expired);
        }
        response = check_status(DEP, response).await?;
        if let Some(len) = response.content_length().filter(|l| *l > max) {
            return Ok(Fetched::TooLarge(len));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| transport(DEP, e))? {
            body.extend_from_slice(&chunk);
            if body.len() as u64 > max {
                return Ok(Fetched::TooLarge(body.len() as u64));
            }
        }
        Ok(Fetched::Bytes(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audio_mime_types() {
        assert!(is_audio_mime("audio/ogg; codecs=opus"));
        assert!(is_audio_mime("Audio/MPEG"));
        assert!(is_audio_mime("application/ogg"));
        assert!(!is_audio_mime("image/jpeg"));
        assert!(!is_audio_mime("application/pdf"));
        assert!(!is_audio_mime(""));
    }
}

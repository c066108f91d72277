//! A console upload: a `multipart/form-data` body, already read whole and bounded by the form
//! guard ([`super::csrf::guard`], [`MAX_UPLOAD_BYTES`]), split into its parts in memory. The
//! guard reads the form token from its `csrf` part, the route its file; both read the same
//! bytes through [`parts`], so a part is parsed one way only.
//!
//! It never writes anything and never keeps a part past the request.

use bytes::Bytes;

/// The largest photo kept: WhatsApp's own limit for an image message (5 MB).
pub const PHOTO_MAX_BYTES: usize = 5 * 1024 * 1024;

/// A whole upload body at most: one photo and the form's few small fields.
pub const MAX_UPLOAD_BYTES: usize = PHOTO_MAX_BYTES + 64 * 1024;

/// One part of the form.
#[derive(Debug, Clone)]
pub struct Part {
    pub name: String,
    /// It came as a file (the browser sent a file name).
    pub file: bool,
    pub bytes: Bytes,
}

/// Why a body could not be read as an upload.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UploadError {
    #[error("not a multipart form with a boundary")]
    NotMultipart,
    #[error("malformed multipart form")]
    Malformed,
    #[error("upload too large")]
    TooLarge,
}

/// Whether a request's `Content-Type` is a multipart form.
pub fn is_multipart(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|ct| {
        ct.trim_start()
            .to_ascii_lowercase()
            .starts_with("multipart/form-data")
    })
}

/// The parts of `body`, in order.
pub async fn parts(content_type: &str, body: Bytes) -> Result<Vec<Part>, UploadError> {
    let boundary = multer::parse_boundary(content_type).map_err(|_| UploadError::NotMultipart)?;
    let limits = multer::Constraints::new()
        .size_limit(multer::SizeLimit::new().whole_stream(MAX_UPLOAD_BYTES as u64));
    let stream = futures::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut form = multer::Multipart::with_constraints(stream, boundary, limits);
    let mut out = Vec::new();
    while let Some(field) = form.next_field().await.map_err(error)? {
        let name = field.name().unwrap_or_default().to_owned();
        let file = field.file_name().is_some();
        let bytes = field.bytes().await.map_err(error)?;
        out.push(Part { name, file, bytes });
    }
    Ok(out)
}

/// The text of the first part named `name` (the form token, for the guard).
pub async fn text(content_type: &str, body: Bytes, name: &str) -> Option<String> {
    let parts = parts(content_type, body).await.ok()?;
    parts
        .into_iter()
        .find(|p| p.name == name && !p.file)
        .and_then(|p| String::from_utf8(p.bytes.to_vec()).ok())
}

fn error(e: multer::Error) -> UploadError {
    match e {
        multer::Error::StreamSizeExceeded { .. } | multer::Error::FieldSizeExceeded { .. } => {
            UploadError::TooLarge
        }
        _ => UploadError::Malformed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CT: &str = "multipart/form-data; boundary=XyZ";

    fn body() -> Bytes {
        Bytes::from_static(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc123\r\n\
              --XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\n\
              Content-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\n",
        )
    }

    #[tokio::test]
    async fn the_token_and_the_file_are_read_from_the_parts() {
        assert_eq!(text(CT, body(), "csrf").await.as_deref(), Some("abc123"));
        assert_eq!(
            text(CT, body(), "photo").await,
            None,
            "a file is not a field"
        );
        let split = parts(CT, body()).await.unwrap();
        assert_eq!(split[1].name, "photo");
        assert!(split[1].file);
        assert_eq!(&split[1].bytes[..], b"\x89PNG");
        assert_eq!(
            parts("multipart/form-data", body()).await.unwrap_err(),
            UploadError::NotMultipart
        );
        assert!(is_multipart(Some("Multipart/Form-Data; boundary=a")));
        assert!(!is_multipart(Some("application/x-www-form-urlencoded")));
    }
}

//! The ingress's answers to bad input. Each maps to one status and a short, fixed message; no
//! internal detail (and no secret) ever reaches the caller.

use poem::{Response, error::ResponseError, http::StatusCode};

#[derive(Debug, thiserror::Error)]
pub enum IngressError {
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("signature check failed")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("payload too large")]
    TooLarge,
    #[error("unsupported content type: {0}")]
    UnsupportedMediaType(&'static str),
    #[error("too many requests")]
    RateLimited,
    /// The job store is unreachable: the provider must retry (nothing was accepted).
    #[error("temporarily unavailable")]
    Unavailable,
}

impl ResponseError for IngressError {
    fn status(&self) -> StatusCode {
        match self {
            IngressError::BadRequest(_) => StatusCode::BAD_REQUEST,
            IngressError::Unauthorized => StatusCode::UNAUTHORIZED,
            IngressError::Forbidden => StatusCode::FORBIDDEN,
            IngressError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            IngressError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            IngressError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            IngressError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn as_response(&self) -> Response {
        let mut builder = Response::builder()
            .status(self.status())
            .content_type("application/json");
        if matches!(self, IngressError::RateLimited | IngressError::Unavailable) {
            builder = builder.header("retry-after", "5");
        }
        builder.body(serde_json::json!({ "error": self.to_string() }).to_string())
    }
}

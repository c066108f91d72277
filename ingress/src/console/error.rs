//! The console's refusals, each one status and one fixed page in Spanish; no internal detail
//! reaches the page (the cause is logged where it happened).

use poem::{IntoResponse, Response, error::ResponseError, http::StatusCode};

use super::views;

#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// No valid session: sign in first (a redirect, not an error page).
    #[error("sign in first")]
    SignIn,
    /// Not found, or another property's: the same answer for both.
    #[error("not found")]
    NotFound,
    /// A POST without the session's form token.
    #[error("form token missing or wrong")]
    Csrf,
    #[error("form too large")]
    TooLarge,
    /// An upload over `upload::MAX_UPLOAD_BYTES`.
    #[error("upload too large")]
    UploadTooLarge,
    #[error("bad form")]
    BadForm,
    /// Too many sign-in attempts for the address or from the IP.
    #[error("too many attempts")]
    TooManyAttempts,
    /// PostgreSQL or Redis out of reach.
    #[error("temporarily unavailable")]
    Unavailable,
}

impl ConsoleError {
    /// Logs `e` and answers [`ConsoleError::Unavailable`].
    pub fn unavailable(what: &'static str, e: impl std::fmt::Display) -> ConsoleError {
        tracing::error!(error = %e, what, "console: a dependency failed");
        ConsoleError::Unavailable
    }

    fn message(&self) -> (&'static str, &'static str) {
        match self {
            ConsoleError::SignIn => ("Ingresá", "Necesitás ingresar para ver esta página."),
            ConsoleError::NotFound => ("No encontrado", "Esa página no existe."),
            ConsoleError::Csrf => (
                "Formulario vencido",
                "El formulario venció o no vino de esta consola. Volvé atrás, recargá la página y probá de nuevo.",
            ),
            ConsoleError::TooLarge => ("Demasiado largo", "El texto es demasiado largo."),
            ConsoleError::UploadTooLarge => (
                "Foto demasiado pesada",
                "La foto pesa más de 5 MB, así que no se guardó. Achicala o exportala de nuevo y volvé a subirla.",
            ),
            ConsoleError::BadForm => ("Formulario incompleto", "Faltan datos en el formulario."),
            ConsoleError::TooManyAttempts => (
                "Demasiados intentos",
                "Hubo demasiados intentos de ingreso. Esperá un minuto y probá de nuevo.",
            ),
            ConsoleError::Unavailable => (
                "No disponible",
                "La consola no está disponible en este momento. Probá de nuevo en unos segundos.",
            ),
        }
    }
}

impl ResponseError for ConsoleError {
    fn status(&self) -> StatusCode {
        match self {
            ConsoleError::SignIn => StatusCode::SEE_OTHER,
            ConsoleError::NotFound => StatusCode::NOT_FOUND,
            ConsoleError::Csrf => StatusCode::FORBIDDEN,
            ConsoleError::TooLarge | ConsoleError::UploadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ConsoleError::BadForm => StatusCode::BAD_REQUEST,
            ConsoleError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            ConsoleError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn as_response(&self) -> Response {
        if matches!(self, ConsoleError::SignIn) {
            return views::see_other("/admin/login");
        }
        let (title, text) = self.message();
        let mut resp = views::error_page(title, text)
            .with_status(self.status())
            .into_response();
        if matches!(
            self,
            ConsoleError::TooManyAttempts | ConsoleError::Unavailable
        ) {
            resp.headers_mut()
                .insert("retry-after", poem::http::HeaderValue::from_static("60"));
        }
        resp
    }
}

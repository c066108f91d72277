//! Signing in and out, and [`Staff`]: the extractor every console page takes (an owners' page
//! takes [`Owner`]), so no page can forget to ask who is there.
//!
//! Sign-in: the attempt is counted first, per address and per client IP, in the ingress's
//! sliding windows (`limits::console_login`; over either budget: 429, no password checked),
//! then the password is verified (Argon2id, `password`), then the session is renewed (a new
//! id: no fixation) and holds the account, the time and a new form token. Failed attempts on
//! an existing account and every sign-in and sign-out are audit rows. Who may sign in: any
//! active account; what it then sees is its own property only.
//!
//! A password lives only in the login form's body and the blocking task that verifies it: the
//! form type has no `Debug`, and nothing here logs it.

use std::sync::Arc;

use poem::{
    FromRequest, Request, RequestBody, Response, handler,
    session::Session,
    web::{Data, Form},
};
use serde::Deserialize;

use super::{ConsoleError, csrf, password, session::Keys, views};
use crate::state::AppState;

/// The signed-in account, read again from PostgreSQL on every request (a deactivated account
/// is out at its next click), with the session's form token for the page's forms.
pub struct Staff {
    pub account: store::staff::Account,
    pub csrf: String,
}

impl<'a> FromRequest<'a> for Staff {
    async fn from_request(req: &'a Request, _body: &mut RequestBody) -> poem::Result<Self> {
        let session = req
            .extensions()
            .get::<Session>()
            .ok_or(ConsoleError::SignIn)?;
        let state = req
            .data::<Arc<AppState>>()
            .ok_or(ConsoleError::Unavailable)?;
        let (Some(id), Some(at)) = (
            session.get::<i64>(Keys::ACCOUNT),
            session.get::<i64>(Keys::SIGNED_IN_AT),
        ) else {
            return Err(ConsoleError::SignIn.into());
        };
        let age = chrono::Utc::now().timestamp() - at;
        if age < 0 || age as u64 > state.config.console.session_ttl.as_secs() {
            session.purge();
            return Err(ConsoleError::SignIn.into());
        }
        let db = state.db.as_ref().ok_or(ConsoleError::Unavailable)?;
        let Some(account) = store::staff::active(db, id)
            .await
            .map_err(|e| ConsoleError::unavailable("reading the account", e))?
        else {
            session.purge();
            return Err(ConsoleError::SignIn.into());
        };
        Ok(Staff {
            account,
            csrf: csrf::token(session),
        })
    }
}

/// A signed-in owner: the extractor of the pages only owners may use (the fleet's queues). Any
/// other account gets the same 404 as a page that does not exist: staff are not told what they
/// cannot open.
pub struct Owner(pub Staff);

impl<'a> FromRequest<'a> for Owner {
    async fn from_request(req: &'a Request, body: &mut RequestBody) -> poem::Result<Self> {
        let staff = Staff::from_request(req, body).await?;
        if staff.account.role != store::staff::Role::Owner {
            metrics::counter!("fleet_console_refused_total", "reason" => "not_owner").increment(1);
            return Err(ConsoleError::NotFound.into());
        }
        Ok(Owner(staff))
    }
}

/// The login form. No `Debug`: it holds a password.
#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

/// `GET /admin/login`.
#[handler]
pub async fn login_page(session: &Session) -> Response {
    if session.get::<i64>(Keys::ACCOUNT).is_some() {
        return views::see_other("/admin");
    }
    views::login(&csrf::token(session), None, "")
}

/// `POST /admin/login` (the form token was checked by `csrf::guard`).
#[handler]
pub async fn login(
    req: &Request,
    session: &Session,
    Data(state): Data<&Arc<AppState>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, ConsoleError> {
    let email = form.email.trim().to_lowercase();
    if email.is_empty() || email.len() > 254 || form.password.len() > 1024 {
        return Ok(views::login(
            &csrf::token(session),
            Some("Escribí tu correo y tu contraseña."),
            &email,
        ));
    }
    let ip = crate::middleware::client_ip(req, state.config.trust_forwarded_for);
    crate::limits::console_login(state, &email, &ip).await?;
    let db = state.db.as_ref().ok_or(ConsoleError::Unavailable)?;
    let found = store::staff::for_login(db, &email)
        .await
        .map_err(|e| ConsoleError::unavailable("reading the account", e))?;
    let (account, phc) = match found {
        Some((account, phc)) => (Some(account), Some(phc)),
        None => (None, None),
    };
    let ok = password::verify(form.password, phc).await;
    let account = match account {
        Some(account) if ok => account,
        refused => {
            if let Some(account) = &refused {
                audit(db, account, "sign_in_failed", None).await?;
            }
            metrics::counter!("fleet_console_refused_total", "reason" => "bad_password")
                .increment(1);
            let mut page = views::login(
                &csrf::token(session),
                Some("Correo o contraseña incorrectos."),
                &email,
            );
            page.set_status(poem::http::StatusCode::UNAUTHORIZED);
            return Ok(page);
        }
    };
    // A new session id at sign-in: an id anyone saw or planted before is worthless.
    session.renew();
    session.set(Keys::ACCOUNT, account.id);
    session.set(Keys::SIGNED_IN_AT, chrono::Utc::now().timestamp());
    session.set(Keys::CSRF, csrf::fresh());
    audit(db, &account, "sign_in", None).await?;
    tracing::info!(
        account = account.id,
        property = account.property_id,
        "console sign-in"
    );
    Ok(views::see_other("/admin"))
}

/// `POST /admin/logout`.
#[handler]
pub async fn logout(
    staff: Staff,
    session: &Session,
    Data(state): Data<&Arc<AppState>>,
) -> Result<Response, ConsoleError> {
    if let Some(db) = state.db.as_ref() {
        audit(db, &staff.account, "sign_out", None).await?;
    }
    session.purge();
    Ok(views::see_other("/admin/login"))
}

/// One audit row for `account` outside an action's transaction (signing in and out).
async fn audit(
    db: &sqlx::PgPool,
    account: &store::staff::Account,
    action: &str,
    subject: Option<&str>,
) -> Result<(), ConsoleError> {
    store::staff::audit(
        db,
        store::staff::Action {
            account_id: Some(account.id),
            property_id: account.property_id,
            action,
            subject,
            detail: &serde_json::json!({}),
        },
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))
}

//! The signed-in account's own page (owner or staff, each only their own account): where they
//! want the property's notices besides their email, a WhatsApp number. Notices go to owners
//! (`workers::notices`); a staff account's number is kept for when it becomes an owner's.
//!
//! The number is parsed here into E.164 (`+` and 8 to 15 digits; spaces, dashes, dots and
//! brackets as people type them are dropped); anything else writes nothing and comes back as a
//! notice. Saving writes its audit row in its transaction. It never shows or changes another
//! account: the account is the session's.

use std::sync::Arc;

use poem::{
    Response, handler,
    web::{Data, Form, Query},
};
use serde::Deserialize;

use super::{Notice, audit_row, db, failing};
use crate::console::{ConsoleError, auth::Staff, views};

/// `GET /admin/account`.
#[handler]
pub async fn page(
    staff: Staff,
    Query(notice): Query<Notice>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    let whatsapp = store::staff::whatsapp_of(db(state)?, staff.account.id)
        .await
        .map_err(failing("reading the account"))?;
    let notice = notice.aviso.as_deref().and_then(views::account_notice);
    Ok(views::account(&staff, whatsapp.as_deref(), notice))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    /// Empty: no WhatsApp notices.
    pub whatsapp: String,
}

/// A WhatsApp number as people type it, in E.164; `Ok(None)` for an empty field.
pub fn whatsapp_number(raw: &str) -> Result<Option<String>, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let digits: String = raw
        .strip_prefix('+')
        .unwrap_or(raw)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let plausible = (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if plausible {
        Ok(Some(format!("+{digits}")))
    } else {
        Err("whatsapp")
    }
}

/// `POST /admin/account`.
#[handler]
pub async fn save(
    staff: Staff,
    Form(form): Form<AccountForm>,
    Data(state): Data<&Arc<crate::state::AppState>>,
) -> Result<Response, ConsoleError> {
    const WHAT: &str = "saving the account";
    let number = match whatsapp_number(&form.whatsapp) {
        Ok(n) => n,
        Err(code) => return Ok(views::see_other(&format!("/admin/account?aviso={code}"))),
    };
    let mut tx = db(state)?.begin().await.map_err(failing(WHAT))?;
    store::staff::set_whatsapp(&mut *tx, staff.account.id, number.as_deref())
        .await
        .map_err(failing(WHAT))?;
    // The number itself is not kept in the audit log: whether one was given is enough.
    let detail = serde_json::json!({ "whatsapp": number.is_some() });
    store::staff::audit(
        &mut *tx,
        audit_row(&staff, "account_whatsapp", "account", &detail),
    )
    .await
    .map_err(|e| ConsoleError::unavailable("writing the audit log", e))?;
    tx.commit().await.map_err(failing(WHAT))?;
    Ok(views::see_other("/admin/account?aviso=guardado"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whatsapp_number_is_read_as_people_type_it() {
        assert_eq!(
            whatsapp_number("+54 9 294 412-3456"),
            Ok(Some("+5492944123456".into()))
        );
        assert_eq!(
            whatsapp_number("(54) 9.294.412.3456"),
            Ok(Some("+5492944123456".into()))
        );
        assert_eq!(whatsapp_number("  "), Ok(None));
        for wrong in [
            "12345",
            "+54 9 294 abc",
            "0294 412 3456",
            "+1234567890123456",
        ] {
            assert_eq!(whatsapp_number(wrong), Err("whatsapp"), "{wrong}");
        }
    }
}

//! Staff accounts of the console and their audit log.
//!
//! An account belongs to one property and has one role (`owner` or `staff`); its password is
//! kept only as the Argon2id PHC string the caller hashed (`ingress::console::password`,
//! `fleetctl staff add`): this module never sees a password. Every console action writes one
//! [`audit`] row in the action's own transaction, so an action and its record commit together.
//!
//! It never decides who may do what (the console's extractors do) and never logs a hash.

use serde::Serialize;
use sqlx::PgExecutor;

use crate::StoreError;

/// What an account may do: an owner everything (staff and settings included), staff the
/// day-to-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Owner,
    Staff,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Staff => "staff",
        }
    }

    pub fn parse(raw: &str) -> Option<Role> {
        match raw {
            "owner" => Some(Role::Owner),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}

/// A staff account as the console uses it (no password hash).
#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub property_id: i64,
    pub property_name: String,
    pub email: String,
    pub role: Role,
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    property_id: i64,
    property_name: String,
    email: String,
    role: String,
}

impl TryFrom<AccountRow> for Account {
    type Error = StoreError;
    fn try_from(r: AccountRow) -> Result<Self, StoreError> {
        Ok(Account {
            role: Role::parse(&r.role)
                .ok_or_else(|| StoreError::Corrupt(format!("staff role {:?}", r.role)))?,
            id: r.id,
            property_id: r.property_id,
            property_name: r.property_name,
            email: r.email,
        })
    }
}

const ACCOUNT_COLUMNS: &str =
    "s.id, s.property_id, p.name AS property_name, s.email, s.role, s.password_hash";

/// Why an account could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("no property {0}")]
    NoProperty(i64),
    #[error("an account with this address exists")]
    Exists,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Creates an active account; answers its id.
pub async fn add(
    db: impl PgExecutor<'_>,
    property_id: i64,
    email: &str,
    role: Role,
    password_hash: &str,
) -> Result<i64, AddError> {
    let inserted: Result<Option<i64>, sqlx::Error> = sqlx::query_scalar(
        "INSERT INTO staff_accounts (property_id, email, role, password_hash)
         SELECT id, $2, $3, $4 FROM properties WHERE id = $1
         RETURNING id",
    )
    .bind(property_id)
    .bind(email.trim())
    .bind(role.as_str())
    .bind(password_hash)
    .fetch_optional(db)
    .await;
    match inserted {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(AddError::NoProperty(property_id)),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(AddError::Exists),
        Err(e) => Err(AddError::Store(e.into())),
    }
}

/// An active account by its address (any case) with its password hash, for signing in.
pub async fn for_login(
    db: impl PgExecutor<'_>,
    email: &str,
) -> Result<Option<(Account, String)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: AccountRow,
        password_hash: String,
    }
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts s JOIN properties p ON p.id = s.property_id
         WHERE lower(s.email) = lower($1) AND s.active"
    )))
    .bind(email.trim())
    .fetch_optional(db)
    .await?;
    row.map(|r| Ok((Account::try_from(r.account)?, r.password_hash)))
        .transpose()
}

/// An active account by id: what a session names, read again on every request.
pub async fn active(db: impl PgExecutor<'_>, id: i64) -> Result<Option<Account>, StoreError> {
    let row: Option<AccountRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts s JOIN properties p ON p.id = s.property_id
         WHERE s.id = $1 AND s.active"
    )))
    .bind(id)
    .fetch_optional(db)
    .await?;
    row.map(Account::try_from).transpose()
}

/// One staff action: who (`account`, `None` for an address that has no account), on which
/// property, what, on what subject, with what detail.
#[derive(Debug, Clone, Copy)]
pub struct Action<'a> {
    pub account_id: Option<i64>,
    pub property_id: i64,
    pub action: &'a str,
    pub subject: Option<&'a str>,
    pub detail: &'a serde_json::Value,
}

/// Records `action` (in the caller's transaction when it is one).
pub async fn audit(db: impl PgExecutor<'_>, action: Action<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO staff_audit_log (account_id, property_id, action, subject, detail)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(action.account_id)
    .bind(action.property_id)
    .bind(action.action)
    .bind(action.subject)
    .bind(action.detail)
    .execute(db)
    .await?;
    Ok(())
}

/// An audit row as the console and the tests read it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AuditEntry {
    pub account_id: Option<i64>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: serde_json::Value,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The property's latest audit rows, newest first.
pub async fn audit_of(
    db: impl PgExecutor<'_>,
    property_id: i64,
    limit: i64,
) -> Result<Vec<AuditEntry>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT account_id, action, subject, detail, at FROM staff_audit_log
         WHERE property_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(property_id)
    .bind(limit)
    .fetch_all(db)
    .await?)
}

/// Where a property's notices go: its own email address, WhatsApp business number and name (the
/// senders), and every active owner's address with their WhatsApp number where they gave one
/// (`owner_whatsapps[n]` is `owners[n]`'s).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoticeRecipients {
    pub property_id: i64,
    pub property_name: String,
    pub property_email: Option<String>,
    pub property_whatsapp: Option<String>,
    pub owners: Vec<String>,
    pub owner_whatsapps: Vec<Option<String>>,
}

/// The recipients of a property's notices, found by the property or by one of its
/// reservations; `None` when neither exists.
pub async fn notice_recipients(
    db: impl PgExecutor<'_>,
    property: Option<i64>,
    reservation: Option<i64>,
) -> Result<Option<NoticeRecipients>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT p.id AS property_id, p.name AS property_name, p.email_address AS property_email,
                p.whatsapp_phone_number_id AS property_whatsapp,
                coalesce(o.emails, '{}') AS owners, coalesce(o.whatsapps, '{}') AS owner_whatsapps
         FROM properties p
         LEFT JOIN LATERAL (SELECT array_agg(s.email ORDER BY s.id) AS emails,
                                   array_agg(s.whatsapp ORDER BY s.id) AS whatsapps
                            FROM staff_accounts s
                            WHERE s.property_id = p.id AND s.role = 'owner' AND s.active) o ON TRUE
         WHERE p.id = coalesce($1, (SELECT a.property_id FROM reservations r
                                    JOIN accommodations a ON a.id = r.accommodation_id
                                    WHERE r.id = $2))",
    )
    .bind(property)
    .bind(reservation)
    .fetch_optional(db)
    .await?)
}

/// Every property that has an active owner: where a notice about the whole fleet goes.
pub async fn properties_with_owners(db: impl PgExecutor<'_>) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT property_id FROM staff_accounts
         WHERE role = 'owner' AND active ORDER BY property_id",
    )
    .fetch_all(db)
    .await?)
}

/// The WhatsApp number (E.164, already checked by the caller) where an account wants the
/// property's notices, or `None` for email only; answers whether the account exists.
pub async fn set_whatsapp(
    db: impl PgExecutor<'_>,
    account_id: i64,
    whatsapp: Option<&str>,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE staff_accounts SET whatsapp = $2 WHERE id = $1")
        .bind(account_id)
        .bind(whatsapp)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The WhatsApp number an account gave for notices.
pub async fn whatsapp_of(
    db: impl PgExecutor<'_>,
    account_id: i64,
) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar::<_, Option<String>>(
            "SELECT whatsapp FROM staff_accounts WHERE id = $1",
        )
        .bind(account_id)
        .fetch_optional(db)
        .await?
        .flatten(),
    )
}

/// The latest action recorded on `subject` for the property, if any: a console button pressed
/// a second time finds what the first press did.
pub async fn last_action_on(
    db: impl PgExecutor<'_>,
    property_id: i64,
    subject: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT action FROM staff_audit_log
         WHERE property_id = $1 AND subject = $2 ORDER BY at DESC, id DESC LIMIT 1",
    )
    .bind(property_id)
    .bind(subject)
    .fetch_optional(db)
    .await?)
}

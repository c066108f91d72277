//! PostgreSQL: the pool, the migrations (the one schema, in `migrations/`), and what the
//! server allows (its connection limits, the application role).

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use sqlx::{PgPool, postgres::PgPoolOptions};

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// The fleet's pool. A connection is not pinged when it is taken from the pool (sqlx pings
/// each one as it goes back, which is enough): a ping per job is a round trip on every
/// message's path, and a connection that died while idle (the database restarted) fails its
/// job's first statement instead, which `StoreError::is_unreachable` turns into a wait, never a
/// spent attempt; the failed connection is closed, not pooled again.
pub async fn connect(url: &SecretString, max_connections: u32) -> Result<PgPool, sqlx::Error> {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .test_before_acquire(false)
        .connect(url.expose_secret())
        .await
}

pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}

/// Creates the database named in `url` when it does not exist yet (first start of a machine).
pub async fn create_if_missing(url: &SecretString) -> Result<bool, sqlx::Error> {
    use sqlx::migrate::MigrateDatabase;
    let url = url.expose_secret();
    if sqlx::Postgres::database_exists(url).await? {
        return Ok(false);
    }
    sqlx::Postgres::create_database(url).await?;
    Ok(true)
}

/// One round trip: is the database answering?
pub async fn ping(db: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(db).await.map(|_| ())
}

/// The role the ingress and the workers connect as (made by the migrations).
pub const APP_ROLE: &str = "fleet_app";

/// Connections the ingress's pool opens at most (it reads PostgreSQL for readiness, the iCal
/// export and the calendar's metrics only).
pub const INGRESS_POOL_SIZE: u32 = 2;

/// What the server allows, as the connected role sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    pub max_connections: u32,
    /// Kept for superusers (`superuser_reserved_connections`) and for roles granted
    /// `pg_use_reserved_connections` (`reserved_connections`, PostgreSQL 16+).
    pub reserved: u32,
    /// The connected role is a superuser: it may take the reserved connections too.
    pub superuser: bool,
}

pub async fn server_limits(db: &PgPool) -> Result<ServerLimits, sqlx::Error> {
    let (max, superuser_reserved, reserved, superuser): (i32, i32, i32, bool) = sqlx::query_as(
        "SELECT current_setting('max_connections')::int,
                current_setting('superuser_reserved_connections')::int,
                coalesce(current_setting('reserved_connections', true)::int, 0),
                (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)",
    )
    .fetch_one(db)
    .await?;
    Ok(ServerLimits {
        max_connections: max.max(0) as u32,
        reserved: (superuser_reserved + reserved).max(0) as u32,
        superuser,
    })
}

/// Makes the application role when the server has none yet: a restore into a fresh server (a
/// dump carries the database, not the server's roles, and its grants name this role). The same
/// statement as the migration that first made it; nothing else about the role changes.
pub async fn ensure_app_role(db: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DO $$ BEGIN CREATE ROLE {APP_ROLE} LOGIN; \
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
    )))
    .execute(db)
    .await?;
    Ok(())
}

/// Sets the application role's password (operators give it in the environment; it is never
/// logged).
pub async fn set_app_password(db: &PgPool, password: &SecretString) -> Result<(), sqlx::Error> {
    // ALTER ROLE takes no bind parameters: the literal is quoted as PostgreSQL quotes it.
    let literal = password.expose_secret().replace('\'', "''");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "ALTER ROLE {APP_ROLE} PASSWORD '{literal}'"
    )))
    .execute(db)
    .await?;
    Ok(())
}

//! `fleetctl staff add`: the first owner of a property (and any account after it) for the staff
//! console. The password comes from `FLEETCTL_STAFF_PASSWORD` or the first line of stdin, never
//! from an argument (arguments are visible to every user of the machine in `ps`); it is hashed
//! here with Argon2id (the `argon2` crate's defaults, as the console verifies any PHC string)
//! and only the hash is stored. Nothing here prints or logs the password or its hash.

use std::io::BufRead;

use anyhow::{Context, bail};
use argon2::{Argon2, PasswordHasher, password_hash::SaltString};
use secrecy::{ExposeSecret, SecretString};
use store::staff::{AddError, Role};

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// The password to set: `FLEETCTL_STAFF_PASSWORD`, else the first line of `stdin`.
pub fn password(stdin: impl BufRead) -> anyhow::Result<SecretString> {
    let raw = match std::env::var("FLEETCTL_STAFF_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ => {
            let mut line = String::new();
            stdin
                .take(4096)
                .read_line(&mut line)
                .context("reading the password from stdin")?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    if raw.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must have at least {MIN_PASSWORD_CHARS} characters");
    }
    Ok(SecretString::from(raw))
}

fn hash(password: &SecretString) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    rand::fill(&mut salt[..]);
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.expose_secret().as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?
        .to_string())
}

pub async fn add(
    pool: &sqlx::PgPool,
    property_id: i64,
    email: &str,
    role: &str,
    password: &SecretString,
) -> anyhow::Result<String> {
    let role = Role::parse(role).context("--role must be owner or staff")?;
    let email = email.trim();
    if !email.contains('@') || email.len() > 254 {
        bail!("--email must be an email address");
    }
    let phc = hash(password)?;
    match store::staff::add(pool, property_id, email, role, &phc).await {
        Ok(id) => Ok(format!(
            "account {id} created: {email} ({}) of property {property_id}; sign in at /admin/login",
            role.as_str()
        )),
        Err(AddError::NoProperty(id)) => bail!("there is no property {id}"),
        Err(AddError::Exists) => bail!("an account for {email} exists already"),
        Err(AddError::Store(e)) => Err(e).context("creating the account"),
    }
}

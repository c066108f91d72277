//! Passwords: Argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes, 1 lane, OWASP's
//! minimum for Argon2id) as PHC strings, so a later change of parameters still verifies old
//! hashes. Hashing and verifying take tens of milliseconds of CPU: they run on the blocking
//! pool, never on the async runtime's threads.
//!
//! A password is never logged, stored or compared in the clear; an address without an account
//! is verified against a fixed hash, so a wrong address takes as long as a wrong password.

use std::sync::LazyLock;

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{Error as HashError, SaltString},
};

/// The PHC string of `password`, with a fresh random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    rand::fill(&mut salt[..]);
    let salt = SaltString::encode_b64(&salt)?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// A hash no password is known to match, verified when an address has no account.
static DECOY: LazyLock<String> = LazyLock::new(|| hash(&super::csrf::fresh()).unwrap_or_default());

/// Whether `password` matches `phc` (`None`: no account; the decoy is verified instead and the
/// answer is `false`). Runs on the blocking pool.
pub async fn verify(password: String, phc: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let known = phc.is_some();
        let phc = phc.unwrap_or_else(|| DECOY.clone());
        let Ok(parsed) = PasswordHash::new(&phc) else {
            return false;
        };
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        known && ok
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let phc = hash("correcto caballo batería").expect("hash");
        assert!(phc.starts_with("$argon2id$v=19$"));
        assert!(!phc.contains("caballo"));
        assert!(verify("correcto caballo batería".into(), Some(phc.clone())).await);
        assert!(!verify("otra cosa".into(), Some(phc)).await);
        assert!(!verify("correcto caballo batería".into(), None).await);
    }
}

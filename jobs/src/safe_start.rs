//! Safe start: a process outside `SANDBOX` refuses to start when a secret it needs is missing,
//! empty, or still a placeholder (`changeme`, `<your token>`, the sandbox's own defaults…),
//! naming the variable, so a fleet is never half-configured in production by accident. A
//! secret that turns a feature on (email, the iCal export) may be absent, but when set it must
//! be real. It reads the environment and says what is wrong; it never logs a value.

/// What a process needs: secrets it cannot run without, and secrets it may run without.
#[derive(Debug, Clone, Copy)]
pub struct Secrets<'a> {
    pub required: &'a [&'a str],
    pub optional: &'a [&'a str],
}

/// Why a process would not start.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UnsafeStart {
    #[error("{0} is not set: set it in the environment (see .env.example), or run with SANDBOX=1")]
    Missing(String),
    #[error("{0} still holds a placeholder: set the real secret (see .env.example)")]
    Placeholder(String),
}

/// Checks `secrets` against the environment unless `SANDBOX=1`.
pub fn check(secrets: Secrets<'_>) -> Result<(), UnsafeStart> {
    let sandbox = std::env::var("SANDBOX").is_ok_and(|v| v.trim() == "1");
    if sandbox {
        return Ok(());
    }
    check_with(secrets, |name| std::env::var(name).ok())
}

/// [`check`] with the environment given (so it can be tested without touching the process's).
pub fn check_with(
    secrets: Secrets<'_>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<(), UnsafeStart> {
    for name in secrets.required {
        match env(name).filter(|v| !v.trim().is_empty()) {
            None => return Err(UnsafeStart::Missing((*name).to_owned())),
            Some(v) if is_placeholder(&v) => {
                return Err(UnsafeStart::Placeholder((*name).to_owned()));
            }
            Some(_) => {}
        }
    }
    for name in secrets.optional {
        if env(name).is_some_and(|v| !v.trim().is_empty() && is_placeholder(&v)) {
            return Err(UnsafeStart::Placeholder((*name).to_owned()));
        }
    }
    Ok(())
}

/// A value nobody would choose as a real secret: documentation's fillers and the sandbox's
/// defaults (`scripts/up.sh`).
fn is_placeholder(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    let fillers = [
        "changeme",
        "change-me",
        "change_me",
        "placeholder",
        "secret",
        "password",
        "token",
        "xxx",
        "todo",
        "replace-me",
    ];
    fillers.contains(&v.as_str())
        || v.starts_with("sandbox-")
        || v.starts_with("your-")
        || v.starts_with("your_")
        || (v.starts_with('<') && v.ends_with('>'))
        || v.chars().all(|c| c == 'x' || c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEEDS: Secrets<'static> = Secrets {
        required: &["WHATSAPP_APP_SECRET", "MERCADOPAGO_WEBHOOK_SECRET"],
        optional: &["MAILGUN_WEBHOOK_SIGNING_KEY"],
    };

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn each_missing_empty_or_placeholder_secret_is_named() {
        type Env<'a> = &'a [(&'a str, &'a str)];
        let cases: [(Env<'_>, Result<(), UnsafeStart>); 7] = [
            (
                &[
                    ("WHATSAPP_APP_SECRET", "4f1c9a0e77d2"),
                    ("MERCADOPAGO_WEBHOOK_SECRET", "b81e0f2aa9"),
                ],
                Ok(()),
            ),
            (
                &[("MERCADOPAGO_WEBHOOK_SECRET", "b81e0f2aa9")],
                Err(UnsafeStart::Missing("WHATSAPP_APP_SECRET".into())),
            ),
            (
                &[
                    ("WHATSAPP_APP_SECRET", "  "),
                    ("MERCADOPAGO_WEBHOOK_SECRET", "b81e0f2aa9"),
                ],
                Err(UnsafeStart::Missing("WHATSAPP_APP_SECRET".into())),
            ),
            (
                &[
                    ("WHATSAPP_APP_SECRET", "sandbox-app-secret"),
                    ("MERCADOPAGO_WEBHOOK_SECRET", "b81e0f2aa9"),
                ],
                Err(UnsafeStart::Placeholder("WHATSAPP_APP_SECRET".into())),
            ),
            (
                &[
                    ("WHATSAPP_APP_SECRET", "4f1c9a0e77d2"),
                    ("MERCADOPAGO_WEBHOOK_SECRET", "<your secret>"),
                ],
                Err(UnsafeStart::Placeholder(
                    "MERCADOPAGO_WEBHOOK_SECRET".into(),
                )),
            ),
            (
                &[
                    ("WHATSAPP_APP_SECRET", "4f1c9a0e77d2"),
                    ("MERCADOPAGO_WEBHOOK_SECRET", "b81e0f2aa9"),
                    ("MAILGUN_WEBHOOK_SIGNING_KEY", "changeme"),
                ],
                Err(UnsafeStart::Placeholder(
                    "MAILGUN_WEBHOOK_SIGNING_KEY".into(),
                )),
            ),
            (
                // Mercado Pago's own test credentials start with TEST-: real, not a placeholder.
                &[
                    ("WHATSAPP_APP_SECRET", "4f1c9a0e77d2"),
                    ("MERCADOPAGO_WEBHOOK_SECRET", "TEST-1234-abcd"),
                ],
                Ok(()),
            ),
        ];
        for (pairs, want) in cases {
            let leaked: &'static [(&'static str, &'static str)] =
                Box::leak(pairs.to_vec().into_boxed_slice());
            let got = check_with(NEEDS, env(leaked));
            assert_eq!(got, want, "{pairs:?}");
            if let Err(e) = got {
                let said = e.to_string();
                for (_, v) in pairs {
                    assert!(
                        v.trim().is_empty() || !said.contains(v),
                        "a value was printed: {said}"
                    );
                }
            }
        }
    }
}

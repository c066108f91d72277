//! The worker binary outside `SANDBOX` refuses to start without its providers' secrets, or with
//! a placeholder in one, naming the variable and never printing the value.

use std::process::Stdio;

use crate::support::*;

#[tokio::test]
async fn the_worker_refuses_to_start_with_a_missing_or_placeholder_secret() {
    let fleet = Fleet::new().await;
    let base = fleet.base_env();
    let cases: [(&[(&str, &str)], &str); 3] = [
        (&[], "WHATSAPP_ACCESS_TOKEN is not set"),
        (
            &[
                ("WHATSAPP_ACCESS_TOKEN", "sandbox-access-token"),
                ("MERCADOPAGO_ACCESS_TOKEN", "APP_USR-123"),
            ],
            "WHATSAPP_ACCESS_TOKEN still holds a placeholder",
        ),
        (
            &[
                ("WHATSAPP_ACCESS_TOKEN", "EAAG-real"),
                ("MERCADOPAGO_ACCESS_TOKEN", "APP_USR-123"),
                ("MAILGUN_API_KEY", "changeme"),
            ],
            "MAILGUN_API_KEY still holds a placeholder",
        ),
    ];
    for (extra, said) in cases {
        let out = worker_command(WORKER, &base, extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.status.success(), "{extra:?} started: {printed}");
        assert!(printed.contains(said), "{extra:?}: {printed}");
        assert!(
            !printed.contains("sandbox-access-token"),
            "a value was printed"
        );
    }
    fleet.drop_db().await;
}

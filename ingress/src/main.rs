//! The `ingress` binary: see the `ingress` crate.

use anyhow::Context;
use ingress::{config::IngressConfig, startup::Application};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = jobs::telemetry::init("ingress");
    jobs::safe_start::check(jobs::safe_start::Secrets {
        required: &[
            "WHATSAPP_APP_SECRET",
            "WHATSAPP_VERIFY_TOKEN",
            "MERCADOPAGO_WEBHOOK_SECRET",
        ],
        optional: &[
            "MAILGUN_WEBHOOK_SIGNING_KEY",
            "ADMIN_TOKEN",
            "ICAL_EXPORT_SECRET",
        ],
    })?;
    let config = IngressConfig::from_env().context("reading configuration")?;
    let app = Application::build(config).await?;
    app.run_until_stopped(jobs::signal::shutdown_signal())
        .await?;
    Ok(())
}

//! The `ingress` binary: see the `ingress` crate.

use anyhow::Context;
use ingress::{config::IngressConfig, startup::Application};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = jobs::telemetry::init("ingress");
    let config = IngressConfig::from_env().context("reading configuration")?;
    let app = Application::build(config).await?;
    app.run_until_stopped(jobs::signal::shutdown_signal())
        .await?;
    Ok(())
}

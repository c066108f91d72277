//! The `worker` binary: serves the queues named in `WORKER_QUEUES` until SIGTERM/SIGINT.

use anyhow::Context;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let _telemetry = jobs::telemetry::init("worker");
    jobs::safe_start::check(jobs::safe_start::Secrets {
        required: &["WHATSAPP_ACCESS_TOKEN", "MERCADOPAGO_ACCESS_TOKEN"],
        optional: &["MAILGUN_API_KEY", "QLOAPPS_API_KEY"],
    })?;
    let config = workers::config::WorkerConfig::from_env().context("reading configuration")?;
    workers::runtime::run(config, jobs::signal::shutdown_signal()).await
}

//! The ingress under test, on a Redis prefix of its own: either in this process (the test
//! kit's `spawn_ingress`: `Application::build` on port 0, sharing the runtime and the 2 cores
//! with the load generator) or the release `ingress` binary as a separate process (configured
//! by the same environment variables production uses), whose CPU can then be told from the
//! load generator's.

use std::{
    net::{Ipv4Addr, TcpListener},
    path::Path,
    process::Stdio,
    time::{Duration, Instant},
};

use secrecy::SecretString;
pub use testkit::harness::RATE_LIMIT_PER_MINUTE;
use testkit::harness::{Ingress, spawn_ingress};

enum Running {
    InProcess(Ingress),
    Process(tokio::process::Child),
}

pub struct Server {
    pub base: String,
    /// The ingress's own process, when it has one.
    pub pid: Option<u32>,
    running: Running,
}

pub async fn in_process(redis_url: &str, prefix: &str, secret: &str) -> anyhow::Result<Server> {
    // The kit starts from the environment's defaults (a setting added later gets its
    // production default) and pins what the benchmark depends on: no database, the limiter
    // never reached; this run's secret and body cap are ours.
    let ingress = spawn_ingress(None, redis_url, prefix, |config| {
        config.whatsapp_app_secret = Some(SecretString::from(secret.to_owned()));
        config.max_body_bytes = 1024 * 1024;
    })
    .await?;
    let server = Server {
        base: ingress.url.clone(),
        pid: None,
        running: Running::InProcess(ingress),
    };
    server.wait_live().await?;
    Ok(server)
}

pub async fn process(
    bin: &Path,
    redis_url: &str,
    prefix: &str,
    secret: &str,
) -> anyhow::Result<Server> {
    // The binary cannot report a port 0 back: take a free port and hand it over.
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port();
    let child = tokio::process::Command::new(bin)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("INGRESS_ADDR", format!("127.0.0.1:{port}"))
        .env("REDIS_URL", redis_url)
        .env("FLEET_REDIS_PREFIX", prefix)
        .env("WHATSAPP_APP_SECRET", secret)
        .env(
            "INGRESS_RATE_LIMIT_PER_MINUTE",
            RATE_LIMIT_PER_MINUTE.to_string(),
        )
        .env("RUST_LOG", "info")
        // Production logs every request as JSON on stdout; here the lines go nowhere.
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| anyhow::anyhow!("starting {}: {e}", bin.display()))?;
    let server = Server {
        base: format!("http://127.0.0.1:{port}"),
        pid: child.id(),
        running: Running::Process(child),
    };
    server.wait_live().await?;
    Ok(server)
}

impl Server {
    async fn wait_live(&self) -> anyhow::Result<()> {
        let client = reqwest::Client::new();
        let url = format!("{}/health/live", self.base);
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(r) = client.get(&url).send().await
                && r.status().is_success()
            {
                return Ok(());
            }
            anyhow::ensure!(
                Instant::now() < deadline,
                "ingress not live at {url} after 15 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn mode(&self) -> &'static str {
        match self.running {
            Running::InProcess(_) => {
                "in-process (Application::build, same runtime as the load generator)"
            }
            Running::Process(_) => "separate process (release ingress binary)",
        }
    }

    pub async fn stop(self) {
        match self.running {
            Running::InProcess(ingress) => ingress.stop().await,
            Running::Process(mut child) => {
                let _ = child.kill().await;
            }
        }
    }
}

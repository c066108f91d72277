//! The TLS front (`caddy/Caddyfile`, the `caddy` service of docker-compose.yml) in front of the
//! real ingress: Debian's `caddy` runs the repository's own Caddyfile on loopback, on free ports,
//! for `PUBLIC_HOST=localhost`, which Caddy serves with a certificate of its own local CA; the
//! client trusts that CA's root and nothing else.
//!
//! `scripts/test.sh` installs Caddy (`ensure_caddy`); where it is not installed the test says so
//! and passes without running.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

use jobs::QueueName;
use testkit::Webhooks;
use tokio_rustls::{
    TlsConnector,
    rustls::{
        ClientConfig, RootCertStore,
        pki_types::{CertificateDer, ServerName, pem::PemObject},
    },
};

use crate::helpers::*;

/// The console's own policy (ingress/src/console/views.rs) has this; the front's fallback for
/// console answers without one does not.
const CONSOLE_CSP_MARK: &str = "form-action 'self'";

/// Caddy running the repository's Caddyfile in front of `upstream`, with its state (the local
/// CA, certificates, its log) in a directory of its own. Dropping it kills the process.
struct Front {
    child: Child,
    dir: PathBuf,
    https: SocketAddr,
}

impl Front {
    /// `None` when there is no `caddy` on this machine.
    fn start(upstream: &str) -> Option<Front> {
        if Command::new("caddy")
            .arg("version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_err()
        {
            return None;
        }
        let dir = std::env::temp_dir().join(format!("tls-front-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let (http_port, https_port) = (free_port(), free_port());
        let caddyfile = Path::new(env!("CARGO_MANIFEST_DIR")).join("../caddy/Caddyfile");
        let log = std::fs::File::create(dir.join("caddy.log")).unwrap();
        let child = Command::new("caddy")
            .args(["run", "--adapter", "caddyfile", "--config"])
            .arg(&caddyfile)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &dir)
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("PUBLIC_HOST", "localhost")
            .env("INGRESS_UPSTREAM", upstream)
            .env("CADDY_BIND", "127.0.0.1")
            .env("CADDY_HTTP_PORT", http_port.to_string())
            .env("CADDY_HTTPS_PORT", https_port.to_string())
            .env("CADDY_ADMIN", "off")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start caddy");
        Some(Front {
            child,
            dir,
            https: ([127, 0, 0, 1], https_port).into(),
        })
    }

    fn base(&self) -> String {
        format!("https://localhost:{}", self.https.port())
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("caddy.log")).unwrap_or_default()
    }

    /// The root of Caddy's local CA, once Caddy has made it (PEM).
    async fn root_pem(&self) -> Vec<u8> {
        let root = self.dir.join("data/caddy/pki/authorities/local/root.crt");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(pem) = std::fs::read(&root)
                && !pem.is_empty()
            {
                return pem;
            }
            assert!(
                Instant::now() < deadline,
                "Caddy made no local CA within 20 s; its log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// An HTTPS client that trusts Caddy's local CA only, with `localhost` on loopback.
    async fn client(&self) -> reqwest::Client {
        let root = reqwest::Certificate::from_pem(&self.root_pem().await).unwrap();
        let client = reqwest::Client::builder()
            .tls_built_in_root_certs(false)
            .add_root_certificate(root)
            .resolve("localhost", self.https)
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        // Caddy issues the certificate for localhost just after it starts listening.
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Err(e) = client.get(format!("{}/", self.base())).send().await {
            assert!(
                Instant::now() < deadline,
                "no HTTPS answer from Caddy within 20 s ({e}); its log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        client
    }

    /// The protocol the front agrees on (ALPN) when a client offers HTTP/2 and HTTP/1.1.
    async fn negotiated_protocol(&self) -> Option<Vec<u8>> {
        let mut roots = RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_slice(&self.root_pem().await).unwrap())
            .unwrap();
        let mut config = ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        let tcp = tokio::net::TcpStream::connect(self.https).await.unwrap();
        let tls = TlsConnector::from(Arc::new(config))
            .connect(ServerName::try_from("localhost").unwrap(), tcp)
            .await
            .expect("TLS handshake with the front");
        tls.get_ref().1.alpn_protocol().map(<[u8]>::to_vec)
    }

    /// Stops Caddy and waits for it to exit.
    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Front {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A port nothing listens on right now (the kernel's pick, never one given to another test).
fn free_port() -> u16 {
    testkit::ports::free_port()
}

/// A webhook through HTTPS lands in Redis; the internal endpoints stay inside; every answer
/// carries the security headers, and the console keeps its own policy.
#[tokio::test]
async fn the_tls_front_passes_signed_webhooks_and_keeps_metrics_and_health_inside() {
    let app = spawn_app().await;
    let upstream = app.webhooks.base().trim_start_matches("http://").to_owned();
    let Some(mut front) = Front::start(&upstream) else {
        eprintln!(
            "skipped: the TLS front test needs Caddy (`caddy` is not on PATH; scripts/test.sh \
             installs Debian's package: apt-get install caddy)"
        );
        return;
    };
    let https = front.client().await;
    let outside = Webhooks::new(front.base()).with_http(https.clone());

    // A signed WhatsApp delivery through HTTPS: accepted, and its job is in Redis.
    let resp = outside
        .whatsapp_signed(
            WA_SECRET,
            text_delivery("wamid.TLS1", "Hola, ¿tienen lugar?"),
        )
        .await
        .expect("request through the front");
    assert_eq!(resp.status(), 200, "{}", front.log());
    assert_eq!(resp.text().await.unwrap(), "EVENT_RECEIVED");
    assert_eq!(app.depth(QueueName::ParseIntent).await.pending, 1);
    assert_eq!(app.total_jobs().await, 1);

    // The front's headers on an answer of the ingress.
    let resp = outside
        .whatsapp_signed(WA_SECRET, text_delivery("wamid.TLS2", "¿Y el sábado?"))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let headers = resp.headers();
    let hsts = headers
        .get("strict-transport-security")
        .expect("HSTS")
        .to_str()
        .unwrap();
    assert!(hsts.contains("max-age=31536000"), "{hsts}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers.get("server").is_none(), "the front names no server");

    // A signature is still checked behind the front.
    let resp = outside
        .whatsapp(text_delivery("wamid.TLS3", "Hola"), Some("sha256=00"))
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(app.total_jobs().await, 2);

    // Metrics and health: answered inside (straight to the ingress), not from outside.
    for path in ["/metrics", "/health/live", "/health/ready"] {
        let inside = app.http.get(app.url(path)).send().await.unwrap();
        assert!(
            inside.status().is_success(),
            "{path} inside: {}",
            inside.status()
        );
        let resp = https.get(outside.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), 404, "{path} from outside");
        let body = resp.text().await.unwrap();
        assert!(
            !body.contains("fleet_"),
            "{path} from outside leaked metrics"
        );
    }
    // Nor any other path the ingress serves but the outside has no business with.
    for path in ["/sandbox/outbox", "/", "/webhooks"] {
        let resp = https.get(outside.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), 404, "{path} from outside");
    }

    // The console's sign-in page keeps its own policy, once; its stylesheet (which sets none)
    // gets the front's narrow one.
    let resp = https.get(outside.url("/admin/login")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let csp: Vec<_> = resp
        .headers()
        .get_all("content-security-policy")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(csp.len(), 1, "{csp:?}");
    assert!(csp[0].contains(CONSOLE_CSP_MARK), "{csp:?}");
    assert_eq!(resp.headers()["x-frame-options"], "DENY");
    assert!(resp.headers().contains_key("strict-transport-security"));
    let resp = https
        .get(outside.url("/admin/console.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let csp = resp.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains(CONSOLE_CSP_MARK), "{csp}");

    // HTTP/2 is offered to clients that speak it.
    assert_eq!(
        front.negotiated_protocol().await.as_deref(),
        Some(&b"h2"[..])
    );

    // Stopped, the front answers nothing more.
    front.stop();
    assert!(
        tokio::net::TcpStream::connect(front.https).await.is_err(),
        "Caddy still listens after being stopped"
    );
}

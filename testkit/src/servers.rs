//! (feature `fleet`) Servers of a test's own, for the tests that stop them: a PostgreSQL cluster
//! (`initdb` + `pg_ctl` from the machine's PostgreSQL) and a Redis with AOF, each on a free
//! loopback port in a temporary folder, stopped and removed when dropped.
//!
//! The machine's shared PostgreSQL and Redis are never stopped: other tests run on them at the
//! same time. These are for the fault tests that need to stop, kill or starve a server.

use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("{0} not found (install the server's package; scripts/lib.sh does)")]
    Missing(&'static str),
    #[error("{what}: {detail}")]
    Failed { what: &'static str, detail: String },
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

pub use crate::ports::free_port;

fn temp_dir(kind: &str) -> Result<PathBuf, ServerError> {
    let dir = std::env::temp_dir().join(format!("fleet-{kind}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The newest PostgreSQL's binaries of the machine (Debian keeps them per version).
fn postgres_bin() -> Result<PathBuf, ServerError> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| ServerError::Missing("PostgreSQL server binaries (/usr/lib/postgresql)"))?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("pg_ctl").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .ok_or(ServerError::Missing("pg_ctl (/usr/lib/postgresql/*/bin)"))
}

/// PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user.
fn as_postgres_user(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn run(what: &'static str, cmd: &mut Command) -> Result<(), ServerError> {
    let out = cmd.stdin(Stdio::null()).output()?;
    if out.status.success() {
        return Ok(());
    }
    Err(ServerError::Failed {
        what,
        detail: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    })
}

/// A PostgreSQL cluster of a test's own: trust authentication on loopback, superuser
/// `postgres`.
pub struct PrivatePostgres {
    bin: PathBuf,
    dir: PathBuf,
    pub port: u16,
    settings: Vec<String>,
}

impl PrivatePostgres {
    /// Makes the cluster and starts it with `settings` (`name=value`, say `max_connections=100`).
    pub fn start(settings: &[&str]) -> Result<Self, ServerError> {
        let bin = postgres_bin()?;
        let dir = temp_dir("pg")?;
        if is_root() {
            run(
                "chown",
                Command::new("chown").arg("postgres:postgres").arg(&dir),
            )?;
        }
        run(
            "initdb",
            as_postgres_user(&bin.join("initdb"))
                .args(["-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"])
                .arg("-D")
                .arg(dir.join("data")),
        )?;
        let pg = PrivatePostgres {
            bin,
            dir,
            port: free_port(),
            settings: settings.iter().map(|s| (*s).to_owned()).collect(),
        };
        pg.up()?;
        Ok(pg)
    }

    /// The server-level URL (database `postgres`, superuser).
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Where the server logs (every refused connection is there).
    pub fn log(&self) -> PathBuf {
        self.dir.join("server.log")
    }

    /// What the server logged so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(self.log()).unwrap_or_default()
    }

    /// Starts the stopped server again (same data).
    pub fn up(&self) -> Result<(), ServerError> {
        let mut options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off",
            self.port,
            self.dir.display()
        );
        for s in &self.settings {
            options.push_str(&format!(" -c {s}"));
        }
        run(
            "pg_ctl start",
            as_postgres_user(&self.bin.join("pg_ctl"))
                .arg("-D")
                .arg(self.dir.join("data"))
                .arg("-l")
                .arg(self.log())
                .args(["-w", "-t", "30", "-o", &options, "start"])
                .stdout(Stdio::null()),
        )
    }

    /// Stops the server: `fast` (clients disconnected, as a planned restart) or `immediate`
    /// (as a crash).
    pub fn stop(&self, mode: &str) -> Result<(), ServerError> {
        run(
            "pg_ctl stop",
            as_postgres_user(&self.bin.join("pg_ctl"))
                .arg("-D")
                .arg(self.dir.join("data"))
                .args(["-m", mode, "-w", "stop"])
                .stdout(Stdio::null()),
        )
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let _ = self.stop("immediate");
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A Redis of a test's own with AOF (`appendfsync everysec`, as the compose Redis), which a
/// test can kill and start again on the same port and data.
pub struct PrivateRedis {
    dir: PathBuf,
    pub port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    pub fn start() -> Result<Self, ServerError> {
        let mut redis = PrivateRedis {
            dir: temp_dir("redis")?,
            port: free_port(),
            child: None,
        };
        redis.up()?;
        Ok(redis)
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Its data directory (where a restore puts `dump.rdb` while it is stopped).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Starts it (again), loading what its AOF kept; waits until it answers.
    pub fn up(&mut self) -> Result<(), ServerError> {
        self.up_with_aof("yes")
    }

    /// Starts it on the `dump.rdb` a restore put in its directory, as README's "Backups" says:
    /// AOF off, so that the RDB is loaded (with AOF on, Redis reads only its append-only files),
    /// then AOF on again, waiting until its first rewrite holds the whole data set.
    pub fn up_from_rdb(&mut self) -> Result<(), ServerError> {
        self.up_with_aof("no")?;
        let cli = |args: &[&str]| {
            Command::new("redis-cli")
                .args(["-p", &self.port.to_string()])
                .args(args)
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        };
        cli(&["config", "set", "appendonly", "yes"])?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let info = cli(&["info", "persistence"])?;
            if info.contains("aof_enabled:1")
                && info.contains("aof_rewrite_in_progress:0")
                && info.contains("aof_rewrite_scheduled:0")
            {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(ServerError::Failed {
            what: "redis-server",
            detail: "its AOF rewrite did not finish within 10 s".into(),
        })
    }

    fn up_with_aof(&mut self, appendonly: &str) -> Result<(), ServerError> {
        let child = Command::new("redis-server")
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string()])
            .args(["--appendonly", appendonly, "--appendfsync", "everysec"])
            .args(["--save", "", "--maxmemory-policy", "noeviction"])
            .arg("--dir")
            .arg(&self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| ServerError::Missing("redis-server"))?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let answers = std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                && Command::new("redis-cli")
                    .args(["-p", &self.port.to_string(), "ping"])
                    .output()
                    .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("PONG"));
            if answers {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(ServerError::Failed {
            what: "redis-server",
            detail: "did not answer within 10 s".into(),
        })
    }

    /// Sends `signal` (`TERM`: it writes its AOF and exits; `KILL`: it dies at once) and waits
    /// for it to be gone.
    pub fn stop(&mut self, signal: &str) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(child.id().to_string())
                .status();
            let _ = child.wait();
        }
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        self.stop("KILL");
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

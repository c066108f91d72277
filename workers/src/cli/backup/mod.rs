//! `fleetctl backup` and `fleetctl restore`: the fleet's two stores to a directory and back.
//!
//! A backup is a directory with Redis's snapshot ([`manifest::REDIS_FILE`], streamed by
//! `redis-cli --rdb` over the connection, so it works against a remote Redis), PostgreSQL's dump
//! ([`manifest::POSTGRES_FILE`], `pg_dump --format=custom`, one consistent snapshot of the
//! database), and the manifest, written last, with each file's size and sha256. Redis is taken
//! first: every job in the snapshot then either has its effects in the later dump (its
//! idempotency record and outbox rows: skipped when it runs again) or not (it runs) — README,
//! "Backups".
//!
//! A restore checks the whole backup against its manifest before it touches anything: a
//! missing, truncated or changed file refuses it. PostgreSQL is restored in one transaction
//! (`pg_restore --clean --if-exists --single-transaction`): all of it or none. Redis cannot be
//! loaded through a connection: the RDB goes into a stopped Redis's data directory when
//! fleetctl can reach it (`--redis-dir`), and the steps to start it are printed either way.
//!
//! Pure parts live apart: [`manifest`] (what a backup holds, its check, retention) and
//! [`endpoints`] (the tools' command lines from the URLs). This module never prints or logs a
//! password, and never deletes a folder that is not a scheduled backup of its own.

pub mod endpoints;
pub mod manifest;

use std::{
    collections::BTreeMap,
    io::Read,
    path::{Path, PathBuf},
    process::Stdio,
};

use chrono::Utc;
use secrecy::SecretString;
use sha2::{Digest, Sha256};

use endpoints::{EndpointError, Postgres, Redis};
use manifest::{FileEntry, MANIFEST, Manifest, ManifestError, POSTGRES_FILE, REDIS_FILE};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backup refused, nothing was restored: {0}")]
    Refused(ManifestError),
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    #[error("{0} is not empty: a backup goes into a new or empty directory")]
    NotEmpty(PathBuf),
    #[error("{what}: {source}")]
    Io {
        what: String,
        source: std::io::Error,
    },
    #[error("{0} was not found: install it (Debian: postgresql-client, redis-tools)")]
    ToolMissing(&'static str),
    #[error("{tool} failed: {detail}")]
    Tool { tool: &'static str, detail: String },
    #[error("Redis's snapshot is not an RDB file (it does not start with REDIS)")]
    NotRdb,
    #[error(
        "Redis at {0} is running: stop it before its data directory gets the snapshot (a running Redis overwrites it on its next save)"
    )]
    RedisRunning(String),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] sqlx::Error),
}

// By hand, not `#[from]`: the reason is in the message already, not repeated as a cause.
impl From<ManifestError> for BackupError {
    fn from(e: ManifestError) -> Self {
        BackupError::Refused(e)
    }
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let what = what.into();
    move |source| BackupError::Io { what, source }
}

/// The stores a backup is taken from or restored into.
pub struct Stores {
    /// The owner's URL (a dump reads every table; a restore drops and creates them).
    pub database_url: SecretString,
    pub postgres: Postgres,
    pub redis: Redis,
    pub redis_prefix: String,
}

impl Stores {
    pub fn new(
        database_url: SecretString,
        redis_url: &str,
        redis_prefix: String,
    ) -> Result<Stores, BackupError> {
        use secrecy::ExposeSecret;
        Ok(Stores {
            postgres: Postgres::parse(database_url.expose_secret())?,
            database_url,
            redis: Redis::parse(redis_url)?,
            redis_prefix,
        })
    }
}

/// Takes a backup into `dir` (new or empty); answers a summary.
pub async fn backup(dir: &Path, stores: &Stores) -> Result<String, BackupError> {
    let manifest = take(dir, stores).await?;
    Ok(summary(dir, &manifest))
}

/// A scheduled backup: into `root/fleet-<UTC time>`, then the finished backups beyond the
/// newest `keep` (and interrupted ones older than the newest) removed.
pub async fn backup_under(
    root: &Path,
    keep: usize,
    stores: &Stores,
) -> Result<String, BackupError> {
    let dir = root.join(manifest::scheduled_name(Utc::now()));
    let taken = take(&dir, stores).await?;
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(root).map_err(io(format!("listing {}", root.display())))? {
        let entry = entry.map_err(io(format!("listing {}", root.display())))?;
        if entry.path().is_dir() {
            let finished = entry.path().join(MANIFEST).is_file();
            dirs.push((entry.file_name().to_string_lossy().into_owned(), finished));
        }
    }
    let mut out = summary(&dir, &taken);
    for name in manifest::expired(&dirs, keep) {
        let path = root.join(&name);
        std::fs::remove_dir_all(&path).map_err(io(format!("removing {}", path.display())))?;
        out.push_str(&format!("\nremoved {name} (keeping the newest {keep})"));
    }
    Ok(out)
}

async fn take(dir: &Path, stores: &Stores) -> Result<Manifest, BackupError> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).map_err(io(format!("reading {}", dir.display())))?;
        if entries.next().is_some() {
            return Err(BackupError::NotEmpty(dir.to_owned()));
        }
    }
    std::fs::create_dir_all(dir).map_err(io(format!("creating {}", dir.display())))?;
    // Redis first: the later PostgreSQL snapshot then holds the effects of every job the RDB
    // lists as done or in flight (module docs).
    let rdb = dir.join(REDIS_FILE);
    let mut args = stores.redis.args();
    args.push("--rdb".into());
    args.push(rdb.to_string_lossy().into_owned());
    run_tool("redis-cli", &args, &stores.redis.env()).await?;
    let mut head = [0u8; 5];
    std::fs::File::open(&rdb)
        .and_then(|mut f| f.read_exact(&mut head))
        .map_err(|_| BackupError::NotRdb)?;
    if &head != b"REDIS" {
        return Err(BackupError::NotRdb);
    }
    let dump = dir.join(POSTGRES_FILE);
    run_tool(
        "pg_dump",
        &[
            "--format=custom".to_owned(),
            "--no-password".to_owned(),
            format!("--file={}", dump.display()),
            stores.postgres.dbname_arg(),
        ],
        &stores.postgres.env(),
    )
    .await?;
    let mut files = BTreeMap::new();
    for name in [POSTGRES_FILE, REDIS_FILE] {
        files.insert(name.to_owned(), digest(&dir.join(name))?);
    }
    let manifest = Manifest {
        format: manifest::FORMAT,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: Utc::now(),
        database: stores.postgres.database.clone(),
        redis_prefix: stores.redis_prefix.clone(),
        files,
    };
    // Written aside and renamed: a manifest is there whole or not at all.
    let partial = dir.join(format!("{MANIFEST}.partial"));
    std::fs::write(&partial, manifest.to_json()).map_err(io("writing the manifest"))?;
    std::fs::rename(&partial, dir.join(MANIFEST)).map_err(io("writing the manifest"))?;
    Ok(manifest)
}

fn summary(dir: &Path, m: &Manifest) -> String {
    let mut out = format!(
        "backup {} taken at {} (database {}, Redis prefix {}):",
        dir.display(),
        m.created_at.to_rfc3339(),
        m.database,
        m.redis_prefix
    );
    for (name, f) in &m.files {
        out.push_str(&format!(
            "\n  {name}: {} bytes, sha256 {}",
            f.bytes, f.sha256
        ));
    }
    out
}

/// Checks the backup in `dir` against its manifest: the manifest, or why it is refused.
pub fn verify(dir: &Path) -> Result<Manifest, BackupError> {
    let text = match std::fs::read_to_string(dir.join(MANIFEST)) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ManifestError::Missing.into());
        }
        Err(e) => return Err(ManifestError::Unreadable(e.to_string()).into()),
    };
    let manifest = Manifest::parse(&text)?;
    let mut found = BTreeMap::new();
    for name in manifest.files.keys() {
        let path = dir.join(name);
        found.insert(
            name.clone(),
            path.is_file().then(|| digest(&path)).transpose()?,
        );
    }
    manifest.check(&found)?;
    Ok(manifest)
}

/// Restores the backup in `dir`: checked first; PostgreSQL into `DATABASE_URL`'s database (made
/// when missing, with the application role, whose password is set when `app_password` is
/// given); Redis's snapshot into `redis_dir` when given (Redis stopped). Answers what was done
/// and what the operator does next.
pub async fn restore(
    dir: &Path,
    redis_dir: Option<&Path>,
    app_password: Option<&SecretString>,
    stores: &Stores,
) -> Result<String, BackupError> {
    let manifest = verify(dir)?;
    if redis_dir.is_some() && redis_answers(&stores.redis).await {
        return Err(BackupError::RedisRunning(stores.redis.to_string()));
    }
    store::create_if_missing(&stores.database_url).await?;
    let pool = store::connect(&stores.database_url, 1).await?;
    store::pool::ensure_app_role(&pool).await?;
    let dump = dir.join(POSTGRES_FILE);
    run_tool(
        "pg_restore",
        &[
            "--clean".to_owned(),
            "--if-exists".to_owned(),
            "--no-owner".to_owned(),
            "--single-transaction".to_owned(),
            "--exit-on-error".to_owned(),
            "--no-password".to_owned(),
            stores.postgres.dbname_arg(),
            dump.to_string_lossy().into_owned(),
        ],
        &stores.postgres.env(),
    )
    .await?;
    if let Some(password) = app_password {
        store::pool::set_app_password(&pool, password).await?;
    }
    pool.close().await;
    let mut out = format!(
        "PostgreSQL: database {} restored from the backup of {} ({})",
        stores.postgres.database,
        manifest.created_at.to_rfc3339(),
        manifest.database
    );
    let rdb = dir.join(REDIS_FILE);
    match redis_dir {
        Some(data) => {
            let moved = install_rdb(&rdb, data)?;
            out.push_str(&format!(
                "\nRedis: {} is now {}",
                REDIS_FILE,
                data.join("dump.rdb").display()
            ));
            if let Some(aside) = moved {
                out.push_str(&format!(
                    "; its append-only files were moved aside to {}",
                    aside.display()
                ));
            }
            out.push_str(&redis_start_steps(None));
        }
        None => out.push_str(&redis_start_steps(Some(&rdb))),
    }
    if manifest.redis_prefix != stores.redis_prefix {
        out.push_str(&format!(
            "\nnote: the queue's prefix was {} at backup time; FLEET_REDIS_PREFIX is {} now",
            manifest.redis_prefix, stores.redis_prefix
        ));
    }
    Ok(out)
}

/// Puts the RDB into a stopped Redis's data directory as `dump.rdb` (copied aside, then
/// renamed). Redis with AOF on loads its append-only files, not the RDB: those are moved aside
/// (kept, never deleted), answered.
fn install_rdb(rdb: &Path, data: &Path) -> Result<Option<PathBuf>, BackupError> {
    let target = data.join("dump.rdb");
    let partial = data.join("dump.rdb.restoring");
    std::fs::copy(rdb, &partial).map_err(io(format!("copying the RDB into {}", data.display())))?;
    std::fs::rename(&partial, &target).map_err(io(format!("replacing {}", target.display())))?;
    let aof = data.join("appendonlydir");
    if !aof.exists() {
        return Ok(None);
    }
    let aside = data.join(format!(
        "appendonlydir.before-restore-{}",
        Utc::now().format("%Y%m%dT%H%M%SZ")
    ));
    std::fs::rename(&aof, &aside).map_err(io(format!("moving {} aside", aof.display())))?;
    Ok(Some(aside))
}

/// What the operator does to start Redis on the restored snapshot (`rdb`: where the snapshot
/// is, when fleetctl could not put it in place).
fn redis_start_steps(rdb: Option<&Path>) -> String {
    let mut steps = String::from("\nRedis, next steps (README, \"Backups\"):");
    let mut n = 0;
    let mut step = |text: String| {
        n += 1;
        steps.push_str(&format!("\n  {n}. {text}"));
    };
    if let Some(rdb) = rdb {
        step("stop Redis (docker compose stop redis)".into());
        step(format!(
            "copy {} into its data directory as dump.rdb and move its appendonlydir aside",
            rdb.display()
        ));
    }
    step("start Redis once with --appendonly no, so that it loads dump.rdb".into());
    step("redis-cli CONFIG SET appendonly yes, and wait until INFO persistence shows aof_rewrite_in_progress:0".into());
    step("restart Redis as usual (AOF on), then start the ingress and the workers".into());
    steps
}

async fn redis_answers(redis: &Redis) -> bool {
    let mut args = redis.args();
    args.push("ping".into());
    run_tool("redis-cli", &args, &redis.env())
        .await
        .is_ok_and(|out| out.contains("PONG"))
}

/// Runs one of the stores' tools; its stdout, or its stderr as the error (the tools never see
/// a password on their command line, so they cannot print one).
async fn run_tool(
    tool: &'static str,
    args: &[String],
    env: &[(&'static str, String)],
) -> Result<String, BackupError> {
    let out = tokio::process::Command::new(tool)
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(Stdio::null())
        .output()
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => BackupError::ToolMissing(tool),
            _ => BackupError::Io {
                what: format!("running {tool}"),
                source: e,
            },
        })?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).into_owned());
    }
    Err(BackupError::Tool {
        tool,
        detail: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stderr).trim(),
            String::from_utf8_lossy(&out.stdout).trim()
        ),
    })
}

/// A file's size and sha256, read in blocks.
fn digest(path: &Path) -> Result<FileEntry, BackupError> {
    let what = || format!("reading {}", path.display());
    let mut file = std::fs::File::open(path).map_err(io(what()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(io(what()))?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok(FileEntry {
        bytes,
        sha256: hex::encode(hasher.finalize()),
    })
}

//! Sidekiq as a peer (Debian's `ruby-sidekiq`, installed by the benchmark when missing): the
//! same backlog of no-op jobs pushed with `push_bulk`, drained by one Sidekiq process per core
//! (Ruby's global lock holds a process to about one core), each at the concurrency given.
//! Processed/s runs from the first job's start to the last job's end across the processes, as
//! each process noted them on the machine's monotonic clock (`bench/peers/sidekiq/noop.rb`), so
//! boot is not counted against it.
//!
//! Sidekiq 6 has no key prefix: it runs in a Redis database of its own (`--sidekiq-db`), which
//! must be empty at the start; its keys are removed at the end.

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};

use tokio::process::Command;

use crate::sys::{CpuSpan, CpuUsage};

/// One drained backlog.
#[derive(Debug, Clone)]
pub struct SidekiqRun {
    pub jobs: usize,
    pub elapsed: Duration,
    pub enqueue: Duration,
    /// CPU of the Sidekiq processes from their first job on.
    pub peer_cpu: Duration,
    pub cpu: CpuUsage,
}

impl SidekiqRun {
    pub fn per_sec(&self) -> f64 {
        crate::stats::rate(self.jobs as u64, self.elapsed)
    }
}

/// Installs Sidekiq from Debian when `sidekiq` is not on the path.
pub async fn ensure_installed() -> Result<(), String> {
    let found = Command::new("sh")
        .args(["-c", "command -v sidekiq && command -v ruby"])
        .output()
        .await
        .is_ok_and(|o| o.status.success());
    if found {
        return Ok(());
    }
    let status = Command::new("apt-get")
        .args(["install", "-y", "ruby-sidekiq"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(Stdio::null())
        .status()
        .await
        .map_err(|e| format!("apt-get: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| "apt-get install ruby-sidekiq failed".to_owned())
}

/// Where the peer's Ruby files are (`bench/peers/sidekiq`, from the repository root).
pub fn scripts() -> Result<PathBuf, String> {
    let dir = std::env::current_dir()
        .map_err(|e| e.to_string())?
        .join("bench/peers/sidekiq");
    dir.join("noop.rb")
        .exists()
        .then_some(dir.clone())
        .ok_or_else(|| format!("no {}: run from the repository root", dir.display()))
}

/// Pushes `jobs`, then drains them with `processes` Sidekiq processes at `concurrency`.
pub async fn run(
    redis_url: &str,
    db: u8,
    jobs: usize,
    processes: usize,
    concurrency: usize,
) -> Result<SidekiqRun, String> {
    let scripts = scripts()?;
    let url = format!("{}/{db}", redis_url.trim_end_matches('/'));
    let mut conn = crate::scratch::connect(&url)
        .await
        .map_err(|e| e.to_string())?;
    let size: u64 = redis::cmd("DBSIZE")
        .query_async(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
    if size != 0 {
        return Err(format!(
            "Redis database {db} holds {size} keys: Sidekiq needs an empty one (--sidekiq-db)"
        ));
    }
    let out = std::env::temp_dir().join(format!("fleet-bench-sidekiq-{}", std::process::id()));
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let result = drain(
        &scripts,
        &url,
        &out,
        &mut conn,
        jobs,
        processes,
        concurrency,
    )
    .await;
    let _ = std::fs::remove_dir_all(&out);
    remove_all_keys(&mut conn).await;
    result
}

async fn drain(
    scripts: &Path,
    url: &str,
    out: &Path,
    conn: &mut redis::aio::MultiplexedConnection,
    jobs: usize,
    processes: usize,
    concurrency: usize,
) -> Result<SidekiqRun, String> {
    let pushed = Command::new("ruby")
        .arg(scripts.join("push.rb"))
        .arg(jobs.to_string())
        .env("PEER_REDIS_URL", url)
        .output()
        .await
        .map_err(|e| format!("ruby: {e}"))?;
    let said = String::from_utf8_lossy(&pushed.stdout);
    let enqueue = field(&said, "secs")
        .map(Duration::from_secs_f64)
        .ok_or_else(|| {
            format!(
                "push.rb said: {said}{}",
                String::from_utf8_lossy(&pushed.stderr)
            )
        })?;
    let span = CpuSpan::start(conn).await;
    let mut children = Vec::with_capacity(processes);
    for _ in 0..processes {
        children.push(
            Command::new("sidekiq")
                .args(["-c", &concurrency.to_string(), "-q", "default", "-r"])
                .arg(scripts.join("noop.rb"))
                .env("PEER_REDIS_URL", url)
                .env("PEER_OUT", out)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .map_err(|e| format!("sidekiq: {e}"))?,
        );
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
    loop {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let left: u64 = redis::cmd("LLEN")
            .arg("queue:default")
            .query_async(conn)
            .await
            .map_err(|e| e.to_string())?;
        if left == 0 {
            break;
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!("{left} jobs left after 600 s"));
        }
    }
    let cpu = span.finish(conn).await;
    // The last fetched jobs finish in microseconds; then a graceful stop writes the probes.
    tokio::time::sleep(Duration::from_millis(500)).await;
    for child in &children {
        if let Some(pid) = child.id() {
            let _ = Command::new("kill").arg(pid.to_string()).status().await;
        }
    }
    for child in &mut children {
        let _ = tokio::time::timeout(Duration::from_secs(30), child.wait()).await;
    }
    let (mut first, mut last, mut ran, mut peer_cpu) = (f64::MAX, 0f64, 0usize, 0f64);
    for entry in std::fs::read_dir(out).map_err(|e| e.to_string())?.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        first = first.min(field(&text, "first").unwrap_or(f64::MAX));
        last = last.max(field(&text, "last").unwrap_or(0.0));
        ran += field(&text, "jobs").unwrap_or(0.0) as usize;
        peer_cpu += field(&text, "cpu").unwrap_or(0.0);
    }
    if ran != jobs {
        return Err(format!("Sidekiq ran {ran} of {jobs} jobs"));
    }
    Ok(SidekiqRun {
        jobs,
        elapsed: Duration::from_secs_f64((last - first).max(1e-6)),
        enqueue,
        peer_cpu: Duration::from_secs_f64(peer_cpu),
        cpu,
    })
}

/// `name=<number>` in a line of the peer's output.
fn field(text: &str, name: &str) -> Option<f64> {
    text.split_whitespace()
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
}

/// Removes what Sidekiq left in its own database (it was empty when the run began).
async fn remove_all_keys(conn: &mut redis::aio::MultiplexedConnection) {
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(conn)
        .await
        .unwrap_or_default();
    for chunk in keys.chunks(500) {
        let _: Result<u64, _> = redis::cmd("UNLINK").arg(chunk).query_async(conn).await;
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn reads_the_probe_lines() {
        let line = "first=12.5 last=14.25 jobs=1000 cpu=0.75\n";
        assert_eq!(field(line, "first"), Some(12.5));
        assert_eq!(field(line, "jobs"), Some(1000.0));
        assert_eq!(field("jobs=10 secs=0.5", "secs"), Some(0.5));
        assert_eq!(field(line, "missing"), None);
    }
}

//! The Node peer: BullMQ, run from the project's own script (`shared/bench/bullmq/bench.mjs`)
//! on the same Redis, in the same run. The script is copied to a temporary directory (its
//! `node_modules` must not land in the shared tree), installed with npm, run, and removed.
//! It uses its own queue name and obliterates it at the end. If node or npm fails, the reason
//! is reported and the rest of the benchmark goes on.
//!
//! Keyed jobs are compared with BullMQ jobs that carry a `jobId` each (its deduplication):
//! `bullmq_keyed.mjs`, bench.mjs with that one change, is written beside it as
//! `bench-keyed.mjs`.

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};

use tokio::process::Command;

/// bench.mjs with a `jobId` per job.
const KEYED_SCRIPT: &str = include_str!("bullmq_keyed.mjs");

#[derive(Debug, Clone)]
pub struct BullRun {
    pub jobs: usize,
    pub concurrency: usize,
    pub enqueue_per_s: f64,
    pub process_per_s: f64,
}

/// A copy of the script with its dependencies installed; removed on drop.
#[derive(Debug)]
pub struct Installed {
    dir: PathBuf,
}

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub async fn install(source: &Path) -> Result<Installed, String> {
    let dir = std::env::temp_dir().join(format!(
        "fleet-bench-bullmq-{}",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    crate::scratch::remember_dir(dir.clone());
    let installed = Installed { dir };
    for file in ["bench.mjs", "package.json"] {
        std::fs::copy(source.join(file), installed.dir.join(file))
            .map_err(|e| format!("copying {} from {}: {e}", file, source.display()))?;
    }
    std::fs::write(installed.dir.join("bench-keyed.mjs"), KEYED_SCRIPT)
        .map_err(|e| format!("writing bench-keyed.mjs: {e}"))?;
    run_tool(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund"])
            .current_dir(&installed.dir),
        Duration::from_secs(600),
        "npm install",
    )
    .await?;
    Ok(installed)
}

/// One run of bench.mjs, or with `keyed` of bench-keyed.mjs (a `jobId` per job).
pub async fn run(
    installed: &Installed,
    jobs: usize,
    concurrency: usize,
    keyed: bool,
    redis_url: &str,
) -> Result<BullRun, String> {
    let script = if keyed {
        "bench-keyed.mjs"
    } else {
        "bench.mjs"
    };
    let out = run_tool(
        Command::new("node")
            .arg(script)
            .arg(jobs.to_string())
            .arg(concurrency.to_string())
            .arg(redis_url)
            .current_dir(&installed.dir),
        Duration::from_secs(900),
        &format!("node {script}"),
    )
    .await?;
    parse(&out).ok_or_else(|| format!("no result line in BullMQ output: {}", out.trim()))
}

async fn run_tool(cmd: &mut Command, limit: Duration, what: &str) -> Result<String, String> {
    let child = match cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
    {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("{what}: program not found on PATH"));
        }
        Err(e) => return Err(format!("{what} could not start: {e}")),
        Ok(child) => child,
    };
    // bench.mjs names its queue `peer-bench-<pid>`: BullMQ's keys are `bull:peer-bench-<pid>:*`.
    if let Some(pid) = child.id() {
        crate::scratch::remember(&format!("bull:peer-bench-{pid}"));
    }
    let out = match tokio::time::timeout(limit, child.wait_with_output()).await {
        Err(_) => return Err(format!("{what} ran over {limit:?}")),
        Ok(Err(e)) => return Err(format!("{what} failed: {e}")),
        Ok(Ok(out)) => out,
    };
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let all = format!("{stdout}{stderr}");
        let tail: String = all
            .lines()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" | ");
        Err(format!("{what} failed ({}): {tail}", out.status))
    }
}

/// `bullmq jobs=N concurrency=C enqueue_per_s=X process_per_s=Y`
fn parse(out: &str) -> Option<BullRun> {
    let line = out.lines().rev().find(|l| l.starts_with("bullmq "))?;
    let field = |name: &str| {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
    };
    Some(BullRun {
        jobs: field("jobs")?.parse().ok()?,
        concurrency: field("concurrency")?.parse().ok()?,
        enqueue_per_s: field("enqueue_per_s")?.parse().ok()?,
        process_per_s: field("process_per_s")?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_result_line() {
        let r = parse(
            "noise\nbullmq jobs=100000 concurrency=64 enqueue_per_s=10234 process_per_s=5321\n",
        )
        .expect("parsed");
        assert_eq!((r.jobs, r.concurrency), (100_000, 64));
        assert_eq!((r.enqueue_per_s, r.process_per_s), (10_234.0, 5_321.0));
        assert!(parse("Error: connect ECONNREFUSED").is_none());
    }
}

//! The ceiling: how many LPUSHes per second this Redis takes from `redis-benchmark`, pipelined
//! (16 per round trip) and not. No queue can enqueue faster than Redis can append to a list, so
//! the fleet's bulk enqueue rate is given as a share of this figure.
//!
//! `redis-benchmark -t lpush` writes to the fixed key `mylist`, which on a shared Redis may be
//! someone else's. The same command is therefore given explicitly (`LPUSH <our key> xxx`: the
//! same 3-byte value `-t lpush` uses) on a key under the benchmark's prefix, removed afterwards.

use std::{process::Stdio, time::Duration};

use tokio::process::Command;

use crate::scratch;

pub const REQUESTS: u32 = 200_000;

#[derive(Debug, Clone)]
pub struct Ceiling {
    /// `-P 16`: requests/s.
    pub pipelined: Result<f64, String>,
    /// `-P 1`: requests/s.
    pub unpipelined: Result<f64, String>,
}

pub async fn measure(redis_url: &str) -> Ceiling {
    let Some((host, port)) = scratch::host_port(redis_url) else {
        let why = format!("cannot take host and port from {redis_url}");
        return Ceiling {
            pipelined: Err(why.clone()),
            unpipelined: Err(why),
        };
    };
    let prefix = scratch::prefix("lpush");
    let key = format!("{prefix}:list");
    let pipelined = run_once(&host, port, 16, &key).await;
    let unpipelined = match &pipelined {
        Err(why) if why.contains("not found") => Err(why.clone()),
        _ => run_once(&host, port, 1, &key).await,
    };
    if let Ok(mut conn) = scratch::connect(redis_url).await {
        let _ = scratch::remove_under(&mut conn, &prefix).await;
    }
    Ceiling {
        pipelined,
        unpipelined,
    }
}

async fn run_once(host: &str, port: u16, pipeline: u32, key: &str) -> Result<f64, String> {
    let run = Command::new("redis-benchmark")
        .args(["-h", host, "-p", &port.to_string()])
        .args([
            "-n",
            &REQUESTS.to_string(),
            "-P",
            &pipeline.to_string(),
            "-q",
        ])
        .args(["LPUSH", key, "xxx"])
        .stdin(Stdio::null())
        .kill_on_drop(true)
        .output();
    let out = match tokio::time::timeout(Duration::from_secs(300), run).await {
        Err(_) => return Err("redis-benchmark ran over 300 s".into()),
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err("redis-benchmark not found on PATH; skipped".into());
        }
        Ok(Err(e)) => return Err(format!("redis-benchmark could not start: {e}")),
        Ok(Ok(out)) => out,
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    parse_rps(&stdout).ok_or_else(|| {
        let stderr = String::from_utf8_lossy(&out.stderr);
        format!(
            "no requests/s in redis-benchmark output (status {}): {}",
            out.status,
            tail(&format!("{stdout}{stderr}"), 200)
        )
    })
}

/// The last "<n> requests per second" of `-q` output (progress lines are separated by `\r`).
fn parse_rps(out: &str) -> Option<f64> {
    out.rsplit(['\r', '\n']).find_map(|line| {
        let head = &line[..line.find(" requests per second")?];
        head.rsplit(' ').next()?.parse().ok()
    })
}

fn tail(s: &str, n: usize) -> String {
    let s = s.trim();
    let start = s.char_indices().rev().nth(n).map_or(0, |(i, _)| i);
    s[start..].replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quiet_output_with_progress_lines() {
        let out = "LPUSH bench-1:list xxx: rps=912000.0 (overall: 905000.0) avg_msec=0.800 (overall: 0.810)\r\
                   LPUSH bench-1:list xxx: 1098901.12 requests per second, p50=0.551 msec\n\n";
        assert_eq!(parse_rps(out), Some(1_098_901.12));
        assert_eq!(
            parse_rps("LPUSH: 85000.00 requests per second\n"),
            Some(85_000.0)
        );
        assert_eq!(parse_rps("ERROR: connection refused\n"), None);
    }
}

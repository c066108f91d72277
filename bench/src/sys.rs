//! Where the time went: CPU used by a process (from `/proc`) and by Redis (`INFO cpu`), and how
//! many commands of each kind Redis ran (`INFO commandstats`). On a 2-core machine shared by the
//! load generator, the code under test and Redis, a throughput figure means little without
//! knowing which of them was using the cores. Redis figures include anything else using the
//! same Redis during the run.

use std::{collections::BTreeMap, time::Duration};

use redis::aio::MultiplexedConnection;

/// Linux reports `utime`/`stime` in USER_HZ ticks, which is 100 on every Linux ABI in use.
const USER_HZ: f64 = 100.0;

/// User + system CPU of a whole process (all threads), or `None` where `/proc` is not there.
pub fn process_cpu(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may contain spaces: count fields after its closing paren.
    let after = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of the line are utime and stime; `after` starts at field 3.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_secs_f64((utime + stime) / USER_HZ))
}

/// User + system CPU of each PostgreSQL server process of the machine (the postmaster, each
/// connection's backend, the background workers), by pid.
pub fn postgres_cpu() -> BTreeMap<u32, Duration> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return BTreeMap::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim() == "postgres")
        })
        .filter_map(|pid| Some((pid, process_cpu(pid)?)))
        .collect()
}

/// PostgreSQL's share of a span: what each process alive at its end used since its start (all
/// of it for a process started meanwhile). A backend that ended within the span is missed, so
/// spans should keep their connections (pools do).
pub fn postgres_cpu_since(before: &BTreeMap<u32, Duration>) -> Duration {
    postgres_cpu()
        .into_iter()
        .map(|(pid, now)| now.saturating_sub(before.get(&pid).copied().unwrap_or_default()))
        .sum()
}

pub fn self_cpu() -> Option<Duration> {
    process_cpu(std::process::id())
}

/// CPU time all cores spent busy (user, nice, system, irq, softirq, steal) since boot: with the
/// process and Redis figures it tells how much of the machine other work (another engineer's
/// build) took during a run.
pub fn machine_busy() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().next()?.strip_prefix("cpu ")?;
    let ticks: Vec<u64> = line
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal
    let busy: u64 = [0, 1, 2, 5, 6, 7]
        .iter()
        .filter_map(|&i| ticks.get(i))
        .sum();
    Some(Duration::from_secs_f64(busy as f64 / USER_HZ))
}

/// How busy the rest of the machine was when a step started.
#[derive(Debug, Clone, Copy)]
pub struct Quiet {
    pub waited: Duration,
    /// Share of one core used by everything but this process in the last second sampled.
    pub others: Option<f64>,
    pub reached: bool,
}

/// Waits until everything but this process used less than `threshold` of one core for two
/// consecutive seconds, or `max_wait` passed. On a machine shared with another engineer's
/// builds this keeps a compile from landing in one measurement and not in its peer's; whether
/// it worked is reported with each step.
pub async fn wait_quiet(threshold: f64, max_wait: Duration) -> Quiet {
    let started = std::time::Instant::now();
    let mut calm = 0;
    let mut last = None;
    loop {
        let (m0, s0) = (machine_busy(), self_cpu());
        tokio::time::sleep(Duration::from_secs(1)).await;
        let share = match (m0, s0, machine_busy(), self_cpu()) {
            (Some(m0), Some(s0), Some(m1), Some(s1)) => {
                let others = m1.saturating_sub(m0).saturating_sub(s1.saturating_sub(s0));
                Some(others.as_secs_f64())
            }
            _ => None,
        };
        last = share.or(last);
        let Some(share) = share else {
            // No /proc: nothing to wait for.
            return Quiet {
                waited: started.elapsed(),
                others: None,
                reached: true,
            };
        };
        calm = if share < threshold { calm + 1 } else { 0 };
        if calm >= 2 {
            return Quiet {
                waited: started.elapsed(),
                others: last,
                reached: true,
            };
        }
        if started.elapsed() >= max_wait {
            return Quiet {
                waited: started.elapsed(),
                others: last,
                reached: false,
            };
        }
    }
}

impl Quiet {
    pub fn describe(&self) -> String {
        let share = self
            .others
            .map_or_else(|| "?".to_owned(), |s| format!("{:.0}%", s * 100.0));
        if self.reached {
            format!(
                "quiet (others {share} of a core; waited {:.0} s)",
                self.waited.as_secs_f64()
            )
        } else {
            format!(
                "BUSY: others {share} of a core after waiting {:.0} s",
                self.waited.as_secs_f64()
            )
        }
    }
}

/// One reading of Redis' own counters.
#[derive(Debug, Clone, Default)]
pub struct RedisCounters {
    pub cpu: Duration,
    /// Per command: (calls, microseconds spent in it). Commands a Lua script runs are counted
    /// under their own names too, and their time is also inside the script's (`evalsha`).
    pub calls: BTreeMap<String, (u64, u64)>,
}

/// What Redis did between two readings.
#[derive(Debug, Clone, Default)]
pub struct RedisUsage {
    pub cpu: Duration,
    pub calls: BTreeMap<String, (u64, u64)>,
}

impl RedisUsage {
    pub fn calls_of(&self, command: &str) -> u64 {
        self.calls.get(command).map_or(0, |c| c.0)
    }

    /// The `n` commands Redis spent most time in, as `name calls/unit µs/unit` per `units`
    /// (jobs or requests), scripts first as they include the commands they run.
    pub fn top(&self, n: usize, units: u64) -> String {
        let mut by_time: Vec<(&String, &(u64, u64))> = self.calls.iter().collect();
        by_time.sort_by_key(|c| std::cmp::Reverse(c.1.1));
        let units = units.max(1) as f64;
        by_time
            .into_iter()
            .take(n)
            .map(|(name, (calls, usec))| {
                format!(
                    "{name} {:.2}x {:.2}us",
                    *calls as f64 / units,
                    *usec as f64 / units
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub async fn redis_counters(conn: &mut MultiplexedConnection) -> redis::RedisResult<RedisCounters> {
    let info: String = redis::cmd("INFO")
        .arg("cpu")
        .arg("commandstats")
        .query_async(conn)
        .await?;
    Ok(parse_info(&info))
}

fn parse_info(info: &str) -> RedisCounters {
    let mut out = RedisCounters::default();
    let mut cpu = 0.0;
    for line in info.lines() {
        let line = line.trim();
        if let Some(v) = line
            .strip_prefix("used_cpu_sys:")
            .or_else(|| line.strip_prefix("used_cpu_user:"))
        {
            cpu += v.parse::<f64>().unwrap_or(0.0);
        } else if let Some(rest) = line.strip_prefix("cmdstat_") {
            // cmdstat_evalsha:calls=12,usec=34,...
            let Some((name, stats)) = rest.split_once(':') else {
                continue;
            };
            let field = |key: &str| -> u64 {
                stats
                    .split(',')
                    .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            };
            out.calls
                .insert(name.to_owned(), (field("calls"), field("usec")));
        }
    }
    out.cpu = Duration::from_secs_f64(cpu);
    out
}

impl RedisCounters {
    pub fn since(&self, before: &RedisCounters) -> RedisUsage {
        let calls = self
            .calls
            .iter()
            .map(|(k, (calls, usec))| {
                let (c0, u0) = before.calls.get(k).copied().unwrap_or((0, 0));
                (
                    k.clone(),
                    (calls.saturating_sub(c0), usec.saturating_sub(u0)),
                )
            })
            .filter(|(_, (calls, _))| *calls > 0)
            .collect();
        RedisUsage {
            cpu: self.cpu.saturating_sub(before.cpu),
            calls,
        }
    }
}

/// CPU use of the benchmark process and of Redis over one measured span.
#[derive(Debug, Clone)]
pub struct CpuSpan {
    self_before: Option<Duration>,
    machine_before: Option<Duration>,
    redis_before: Option<RedisCounters>,
}

#[derive(Debug, Clone, Default)]
pub struct CpuUsage {
    pub this_process: Option<Duration>,
    pub machine: Option<Duration>,
    pub redis: Option<RedisUsage>,
}

fn delta(before: Option<Duration>, after: Option<Duration>) -> Option<Duration> {
    Some(after?.saturating_sub(before?))
}

impl CpuSpan {
    pub async fn start(conn: &mut MultiplexedConnection) -> Self {
        CpuSpan {
            redis_before: redis_counters(conn).await.ok(),
            self_before: self_cpu(),
            machine_before: machine_busy(),
        }
    }

    pub async fn finish(self, conn: &mut MultiplexedConnection) -> CpuUsage {
        let this_process = delta(self.self_before, self_cpu());
        let machine = delta(self.machine_before, machine_busy());
        let redis = match (self.redis_before, redis_counters(conn).await.ok()) {
            (Some(a), Some(b)) => Some(b.since(&a)),
            _ => None,
        };
        CpuUsage {
            this_process,
            machine,
            redis,
        }
    }
}

impl CpuUsage {
    /// Busy CPU of everything else on the machine (neither this process nor Redis).
    pub fn others(&self) -> Option<Duration> {
        let mine = self.this_process? + self.redis.as_ref()?.cpu;
        Some(self.machine?.saturating_sub(mine))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cpu_and_command_counts() {
        let info = "# CPU\r\nused_cpu_sys:1.500000\r\nused_cpu_user:2.250000\r\nused_cpu_sys_children:9.0\r\n\r\n# Commandstats\r\ncmdstat_evalsha:calls=120,usec=3400,usec_per_call=28.33,rejected_calls=0,failed_calls=0\r\ncmdstat_blmove:calls=7,usec=70,usec_per_call=10.00\r\n";
        let c = parse_info(info);
        assert_eq!(c.cpu, Duration::from_millis(3750));
        assert_eq!(c.calls.get("evalsha"), Some(&(120, 3400)));
        assert_eq!(c.calls.get("blmove"), Some(&(7, 70)));
        let mut later = c.clone();
        later.calls.insert("evalsha".into(), (150, 4000));
        later.cpu += Duration::from_millis(10);
        let used = later.since(&c);
        assert_eq!(used.calls_of("evalsha"), 30);
        assert_eq!(used.calls_of("blmove"), 0);
        assert_eq!(used.cpu, Duration::from_millis(10));
        assert_eq!(used.top(1, 10), "evalsha 3.00x 60.00us");
    }

    #[test]
    fn reads_this_process() {
        assert!(self_cpu().is_some());
    }
}

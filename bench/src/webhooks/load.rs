//! The load generator, over HTTP/1.1 keep-alive connections.
//!
//! - [`closed_loop`]: N connections, each sending its next delivery as soon as the previous one
//!   is answered, for a fixed time: the peak the ingress sustains (with the client's own cost on
//!   the same cores).
//! - [`open_loop`]: deliveries sent at fixed intervals whatever the answers do; each latency runs
//!   from the send time the schedule gave it, not from when it was actually sent, so a stall
//!   counts against every request it delayed (no coordinated omission). Timer granularity
//!   (1 ms) makes this slightly pessimistic.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use testkit::{Webhooks, deliveries::TextDeliveries};
use tokio::sync::{Barrier, mpsc};

use crate::stats::{self, Summary};

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub accepted: u64,
    pub refused: u64,
    pub transport_errors: u64,
    /// Requests answered 200 outside the timed window (warm-up), still in the queue.
    pub warmup_accepted: u64,
    pub elapsed: Duration,
    pub latency: Option<Summary>,
    /// The statuses other than 200, with counts (first few kinds).
    pub refusals: Vec<(u16, u64)>,
    /// Open loop only: latency from the actual send (the ingress's share, without the
    /// generator's own lateness).
    pub service_latency: Option<Summary>,
    /// Open loop only: how late each send was behind its schedule.
    pub dispatch_lag: Option<Summary>,
}

impl Outcome {
    pub fn accepted_per_sec(&self) -> f64 {
        stats::rate(self.accepted, self.elapsed)
    }

    pub fn errors(&self) -> u64 {
        self.refused + self.transport_errors
    }
}

fn new_client(max_idle: usize) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .http1_only()
        .tcp_nodelay(true)
        .pool_max_idle_per_host(max_idle)
        .timeout(Duration::from_secs(10))
        .build()
}

/// One delivery; the status, or `None` for a transport error.
async fn send(hooks: &Webhooks, deliveries: &TextDeliveries) -> Option<u16> {
    let (body, signature) = deliveries.next();
    let resp = hooks.whatsapp(body, Some(&signature)).await.ok()?;
    let status = resp.status().as_u16();
    // Read the answer out so the connection can carry the next request.
    resp.bytes().await.ok()?;
    Some(status)
}

#[derive(Debug, Default)]
struct Tally {
    accepted: u64,
    refused: Vec<u16>,
    transport_errors: u64,
    latencies: Vec<Duration>,
    /// Open loop: from the actual send, which leaves out how late the generator itself was.
    service: Vec<Duration>,
}

impl Tally {
    fn add(&mut self, status: Option<u16>, latency: Duration) {
        match status {
            Some(200) => self.accepted += 1,
            Some(s) => self.refused.push(s),
            None => self.transport_errors += 1,
        }
        self.latencies.push(latency);
    }

    fn add_service(&mut self, latency: Duration) {
        self.service.push(latency);
    }

    fn merge(&mut self, other: Tally) {
        self.accepted += other.accepted;
        self.refused.extend(other.refused);
        self.transport_errors += other.transport_errors;
        self.latencies.extend(other.latencies);
        self.service.extend(other.service);
    }

    fn into_outcome(self, elapsed: Duration, warmup_accepted: u64) -> Outcome {
        let mut kinds: Vec<(u16, u64)> = Vec::new();
        for s in &self.refused {
            match kinds.iter_mut().find(|(k, _)| k == s) {
                Some((_, n)) => *n += 1,
                None => kinds.push((*s, 1)),
            }
        }
        Outcome {
            accepted: self.accepted,
            refused: self.refused.len() as u64,
            transport_errors: self.transport_errors,
            warmup_accepted,
            elapsed,
            latency: stats::summarize(self.latencies),
            service_latency: stats::summarize(self.service),
            refusals: kinds,
            dispatch_lag: None,
        }
    }
}

/// `connections` keep-alive connections, each one request at a time, for `duration`.
pub async fn closed_loop(
    base: &str,
    deliveries: Arc<TextDeliveries>,
    connections: usize,
    duration: Duration,
) -> anyhow::Result<Outcome> {
    // Every connection opens and warms up first; the clock starts when all are ready.
    let barrier = Arc::new(Barrier::new(connections + 1));
    let (start_tx, start_rx) = tokio::sync::watch::channel(None::<Instant>);
    let mut tasks = Vec::with_capacity(connections);
    for _ in 0..connections {
        let (deliveries, barrier) = (deliveries.clone(), barrier.clone());
        let mut start_rx = start_rx.clone();
        let hooks = Webhooks::new(base).with_http(new_client(1)?);
        tasks.push(tokio::spawn(async move {
            let warm = send(&hooks, &deliveries).await == Some(200);
            barrier.wait().await;
            let started = match start_rx.wait_for(Option::is_some).await {
                Ok(s) => s.unwrap_or_else(Instant::now),
                Err(_) => Instant::now(),
            };
            let deadline = started + duration;
            let mut tally = Tally::default();
            loop {
                let sent = Instant::now();
                if sent >= deadline {
                    break;
                }
                let status = send(&hooks, &deliveries).await;
                tally.add(status, sent.elapsed());
            }
            (u64::from(warm), tally)
        }));
    }
    barrier.wait().await;
    let started = Instant::now();
    let _ = start_tx.send(Some(started));
    let mut total = Tally::default();
    let mut warm = 0;
    for t in tasks {
        let (w, tally) = t.await?;
        warm += w;
        total.merge(tally);
    }
    Ok(total.into_outcome(started.elapsed(), warm))
}

/// `rate` deliveries per second for `duration`, on a schedule that does not wait for answers.
pub async fn open_loop(
    base: &str,
    deliveries: Arc<TextDeliveries>,
    rate: u64,
    duration: Duration,
) -> anyhow::Result<Outcome> {
    let hooks = Webhooks::new(base).with_http(new_client(usize::MAX)?);
    // Warm a few connections so the first scheduled requests do not pay for TCP set-up.
    let mut warm = 0;
    for _ in 0..8 {
        warm += u64::from(send(&hooks, &deliveries).await == Some(200));
    }
    let total = rate.saturating_mul(duration.as_secs()).max(1);
    let interval = Duration::from_secs_f64(1.0 / rate.max(1) as f64);
    let (tx, mut rx) = mpsc::unbounded_channel::<(Option<u16>, Duration, Duration)>();
    let collector = tokio::spawn(async move {
        let mut tally = Tally::default();
        while let Some((status, latency, service)) = rx.recv().await {
            tally.add(status, latency);
            tally.add_service(service);
        }
        tally
    });
    // The schedule runs on a thread of its own: tokio's timer wakes at 1 ms granularity, which
    // would bunch requests and add up to 1 ms to every latency; a thread sleeping to each send
    // time is within tens of microseconds.
    let runtime = tokio::runtime::Handle::current();
    let origin = Instant::now() + Duration::from_millis(20);
    let dispatcher = std::thread::spawn(move || {
        let mut lags = Vec::with_capacity(total as usize);
        for i in 0..total {
            let due = origin + interval.mul_f64(i as f64);
            let now = Instant::now();
            if due > now {
                std::thread::sleep(due - now);
            }
            lags.push(Instant::now().saturating_duration_since(due));
            let (hooks, deliveries, tx) = (hooks.clone(), deliveries.clone(), tx.clone());
            runtime.spawn(async move {
                let sent = Instant::now();
                let status = send(&hooks, &deliveries).await;
                let done = Instant::now();
                let _ = tx.send((
                    status,
                    done.saturating_duration_since(due),
                    done.saturating_duration_since(sent),
                ));
            });
        }
        lags
    });
    let lags = tokio::task::spawn_blocking(move || dispatcher.join())
        .await?
        .map_err(|_| anyhow::anyhow!("the open-loop dispatcher panicked"))?;
    // The last sender went with the dispatcher and the requests; each request has a 10 s
    // client timeout, so the collector ends.
    let tally = collector.await?;
    let mut out = tally.into_outcome(origin.elapsed(), warm);
    // The offered rate's window, not the time the last answer took to arrive.
    out.elapsed = interval.mul_f64(total as f64);
    out.dispatch_lag = stats::summarize(lags);
    Ok(out)
}

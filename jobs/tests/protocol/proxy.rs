//! A TCP proxy to Redis that injects real connection faults: a worker's queue handle connects
//! through it, and a test arms one-shot faults that fire on the first message (request or reply)
//! carrying given bytes, say a job id. So "the claim's reply never arrived" or "the ack never
//! reached Redis" happen for real, on the worker's own connections, while its process (and its
//! heartbeat) stays alive.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    sync::watch,
};

use crate::support::redis_url;

/// Which way a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    ToRedis,
    FromRedis,
}

/// What happens to the matching message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Dropped, and the connection closed: a request that never arrived, or a reply lost.
    Drop,
    /// A request delivered to Redis, then the client's side closed before the reply.
    DeliverThenCut,
}

#[derive(Debug)]
struct Rule {
    way: Way,
    needle: Vec<u8>,
    at_start: bool,
    fault: Fault,
}

#[derive(Debug, Default)]
struct Plan {
    armed: Vec<Rule>,
    fired: usize,
}

impl Plan {
    /// The fault for `chunk`, disarming the rule that matched.
    fn fault_for(&mut self, way: Way, chunk: &[u8]) -> Option<Fault> {
        let i = self.armed.iter().position(|r| {
            r.way == way
                && if r.at_start {
                    chunk.starts_with(&r.needle)
                } else {
                    chunk.windows(r.needle.len()).any(|w| w == r.needle)
                }
        })?;
        self.fired += 1;
        Some(self.armed.remove(i).fault)
    }
}

pub struct FaultProxy {
    pub addr: SocketAddr,
    plan: Arc<Mutex<Plan>>,
    cuts: watch::Sender<u64>,
}

impl FaultProxy {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let plan = Arc::new(Mutex::new(Plan::default()));
        let (cuts, _) = watch::channel(0u64);
        let target = redis_url()
            .trim_start_matches("redis://")
            .trim_end_matches('/')
            .to_owned();
        let (plan2, cuts2) = (plan.clone(), cuts.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let Ok(server) = TcpStream::connect(&target).await else {
                    continue;
                };
                tokio::spawn(pump(client, server, plan2.clone(), cuts2.subscribe()));
            }
        });
        FaultProxy { addr, plan, cuts }
    }

    pub fn url(&self) -> String {
        format!("redis://{}", self.addr)
    }

    /// Arms a one-shot fault for the first message going `way` that contains `needle`.
    pub fn on(&self, way: Way, needle: impl AsRef<[u8]>, fault: Fault) {
        self.arm(way, needle.as_ref().to_vec(), false, fault);
    }

    /// Arms a one-shot fault for the first message going `way` that starts with `needle`.
    pub fn on_start(&self, way: Way, needle: impl AsRef<[u8]>, fault: Fault) {
        self.arm(way, needle.as_ref().to_vec(), true, fault);
    }

    fn arm(&self, way: Way, needle: Vec<u8>, at_start: bool, fault: Fault) {
        self.plan.lock().unwrap().armed.push(Rule {
            way,
            needle,
            at_start,
            fault,
        });
    }

    /// How many armed faults have fired.
    pub fn fired(&self) -> usize {
        self.plan.lock().unwrap().fired
    }

    /// Closes every open connection at once (new ones are accepted).
    pub fn cut_all(&self) {
        self.cuts.send_modify(|g| *g += 1);
    }
}

async fn pump(
    mut client: TcpStream,
    mut server: TcpStream,
    plan: Arc<Mutex<Plan>>,
    mut cut: watch::Receiver<u64>,
) {
    let (mut from_client, mut from_server) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let (way, n) = tokio::select! {
            r = client.read(&mut from_client) => (Way::ToRedis, r),
            r = server.read(&mut from_server) => (Way::FromRedis, r),
            _ = cut.changed() => return,
        };
        let n = match n {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let (chunk, to) = match way {
            Way::ToRedis => (&from_client[..n], &mut server),
            Way::FromRedis => (&from_server[..n], &mut client),
        };
        let fault = plan.lock().unwrap().fault_for(way, chunk);
        match fault {
            None => {
                if to.write_all(chunk).await.is_err() {
                    return;
                }
            }
            Some(Fault::Drop) => return,
            Some(Fault::DeliverThenCut) => {
                let _ = to.write_all(chunk).await;
                drop(client);
                // Let Redis read and run the request before its connection goes too.
                tokio::time::sleep(Duration::from_millis(300)).await;
                return;
            }
        }
    }
}

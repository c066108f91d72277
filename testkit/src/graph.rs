//! (feature `fleet`) A Graph API fake for the fault tests: it logs every send it receives (when,
//! to whom, with which tag, what it answered), answers after a set latency, throttles (429 with
//! `Retry-After`) for a span when asked, and, like Meta, posts a signed status webhook for every
//! message it accepted to the ingress, carrying the sender's `biz_opaque_callback_data`.
//!
//! A message counts as received when its request arrives, whatever becomes of the sender: a
//! worker killed while waiting for the answer has still reached the guest. That is the ground
//! truth the fault tests compare with what the fleet accepted.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use serde_json::{Value, json};
use tokio::sync::mpsc;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate, matchers::method};

use crate::{Webhooks, deliveries, secrets::WA_SECRET};

/// One send the fake received.
#[derive(Debug, Clone)]
pub struct Received {
    pub at: Instant,
    pub to: String,
    /// `biz_opaque_callback_data`.
    pub tag: Option<String>,
    pub status: u16,
}

struct Behaviour {
    latency: Duration,
    throttled: Option<(Instant, Instant, u64)>,
}

struct Shared {
    behaviour: Mutex<Behaviour>,
    log: Mutex<Vec<Received>>,
    next_id: AtomicU64,
    statuses: mpsc::UnboundedSender<(String, String, String, Option<String>)>,
}

/// The responder wiremock calls, sharing the fake's state.
struct Responder(Arc<Shared>);

impl Respond for Responder {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let now = Instant::now();
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let to = body["to"].as_str().unwrap_or_default().to_owned();
        let tag = body["biz_opaque_callback_data"].as_str().map(str::to_owned);
        let number_id = request
            .url
            .path_segments()
            .and_then(|mut s| s.find(|p| !p.is_empty()))
            .unwrap_or_default()
            .to_owned();
        let shared = &self.0;
        let (latency, throttle) = {
            let b = shared.behaviour.lock().unwrap_or_else(|e| e.into_inner());
            (b.latency, b.throttled)
        };
        let throttled = throttle
            .filter(|(from, until, _)| now >= *from && now < *until)
            .map(|(_, _, retry_after)| retry_after);
        shared
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Received {
                at: now,
                to: to.clone(),
                tag: tag.clone(),
                status: if throttled.is_some() { 429 } else { 200 },
            });
        if let Some(retry_after) = throttled {
            return ResponseTemplate::new(429)
                .insert_header("retry-after", retry_after.to_string().as_str())
                .set_body_json(
                    json!({ "error": { "code": 130429, "message": "Rate limit hit" } }),
                );
        }
        let wamid = format!(
            "wamid.FAKE{}",
            shared.next_id.fetch_add(1, Ordering::Relaxed)
        );
        let _ = shared
            .statuses
            .send((number_id, to.clone(), wamid.clone(), tag));
        ResponseTemplate::new(200)
            .set_body_json(json!({
                "messaging_product": "whatsapp", "contacts": [{ "input": to, "wa_id": to }],
                "messages": [{ "id": wamid }]
            }))
            .set_delay(latency)
    }
}

/// The fake; its base URL is [`LoggingGraph::uri`].
pub struct LoggingGraph {
    server: MockServer,
    shared: Arc<Shared>,
}

impl LoggingGraph {
    /// Starts the fake answering after `latency`; statuses go to the ingress at `ingress`
    /// (signed with the kit's app secret), retried until it takes them, as Meta does. `None`:
    /// no status webhook ever comes (to measure what is left without them).
    pub async fn start(latency: Duration, ingress: Option<&str>) -> LoggingGraph {
        let (tx, mut rx) = mpsc::unbounded_channel::<(String, String, String, Option<String>)>();
        let shared = Arc::new(Shared {
            behaviour: Mutex::new(Behaviour {
                latency,
                throttled: None,
            }),
            log: Mutex::new(Vec::new()),
            next_id: AtomicU64::new(1),
            statuses: tx,
        });
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(Responder(shared.clone()))
            .mount(&server)
            .await;
        let Some(ingress) = ingress else {
            tokio::spawn(async move { while rx.recv().await.is_some() {} });
            return LoggingGraph { server, shared };
        };
        let ingress = Webhooks::new(ingress);
        tokio::spawn(async move {
            while let Some((number_id, to, wamid, tag)) = rx.recv().await {
                let body =
                    deliveries::whatsapp_status(&number_id, &to, &wamid, "sent", tag.as_deref())
                        .to_string();
                let ingress = ingress.clone();
                tokio::spawn(async move {
                    for _ in 0..120 {
                        let sent = ingress.whatsapp_signed(WA_SECRET, body.clone()).await;
                        if sent.is_ok_and(|r| r.status().is_success()) {
                            return;
                        }
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                });
            }
        });
        LoggingGraph { server, shared }
    }

    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// From now on, every send for `span` is answered 429 with `Retry-After: retry_after_secs`.
    pub fn throttle(&self, span: Duration, retry_after_secs: u64) -> Instant {
        let from = Instant::now();
        self.shared
            .behaviour
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .throttled = Some((from, from + span, retry_after_secs));
        from + span
    }

    /// Everything received, oldest first.
    pub fn log(&self) -> Vec<Received> {
        self.shared
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many times each tag was accepted (answered 200): more than one is a guest told the
    /// same thing twice.
    pub fn accepted_by_tag(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for r in self.log().into_iter().filter(|r| r.status == 200) {
            *counts.entry(r.tag.unwrap_or_default()).or_insert(0) += 1;
        }
        counts
    }
}

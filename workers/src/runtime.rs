//! Wiring of a worker process, in one place: `run` builds everything from the config, serves
//! until `shutdown` completes, then stops taking jobs and lets those in flight finish within
//! the shutdown deadline. Leases are renewed until the very end, so a job that is still running
//! is never handed to another worker while this one is finishing it.

use std::{future::Future, sync::Arc};

use anyhow::Context as _;
use apalis::prelude::{WorkerBuilder, WorkerBuilderExt};
use jobs::{
    QueueName, RedisQueue,
    backend::{Heartbeat, QueueBackend},
    coordination::{Deliveries, Pauses},
    payloads::{
        ConfirmPayment, ExpireHolds, ParseIntent, PreReserve, RefundDeposit, SendReply, SyncIcal,
        TranscribeAudio,
    },
};
use poem::{EndpointExt, Route, get, handler, listener::TcpListener, web::Data};
use tokio::{sync::watch, task::JoinHandle};

use channels::{
    breaker::{Breaker, SystemClock},
    email::Email,
    guard::Guard,
    ical::Fetcher,
    mercadopago::MercadoPago,
    qloapps::Qloapps,
    whatsapp::Whatsapp,
};
use voice::Speech;

use crate::{
    config::WorkerConfig,
    handler::{Handle, JobService},
    state::{AppState, State},
};

type WorkerTask = JoinHandle<Result<(), apalis_core::error::WorkerError>>;

/// Everything handlers reach, built from the config: the pool, the queue, the provider
/// clients with their breakers, the speech model's slots, the iCal fetcher.
pub async fn build(config: WorkerConfig) -> anyhow::Result<State> {
    let db = store::connect(&config.database_url, config.connections.pool_size)
        .await
        .context("connecting to PostgreSQL (DATABASE_URL)")?;
    let limits = store::pool::server_limits(&db)
        .await
        .context("reading PostgreSQL's connection limits")?;
    config
        .connections
        .fits(&limits)
        .map_err(anyhow::Error::msg)?;
    if limits.superuser {
        tracing::warn!(
            role = store::pool::APP_ROLE,
            "connected to PostgreSQL as a superuser: workers should connect as the application role, so the reserved connections stay free for operators"
        );
    }
    let queue = RedisQueue::connect(config.queue.clone())
        .await
        .context("connecting to Redis (REDIS_URL)")?;
    queue
        .adopt_unbraced_keys()
        .await
        .context("moving Redis keys of the layout before hash tags")?;
    let outbox_marks = crate::outbox::Marks::spawn(db.clone());
    let pauses = Some(Pauses::new(&queue));
    let guard = |dependency: &'static str| {
        Guard::new(
            dependency,
            Arc::new(Breaker::new(
                dependency,
                config.breaker,
                Arc::new(SystemClock),
            )),
            pauses.clone(),
        )
    };
    Ok(Arc::new(AppState {
        db,
        whatsapp: Whatsapp::new(
            &config.whatsapp.api_base,
            config.whatsapp.access_token.clone(),
            guard("whatsapp"),
        ),
        mercadopago: MercadoPago::new(
            &config.mercadopago.api_base,
            config.mercadopago.access_token.clone(),
            guard("mercadopago"),
        ),
        qloapps: config.qloapps.as_ref().map(|q| {
            crate::pms::QloappsPms::new(
                Qloapps::new(&q.url, q.api_key.clone(), guard("qloapps")),
                q.availability_ttl,
            )
        }),
        email: Email::new(
            &config.email.api_base,
            config.email.api_key.clone(),
            guard("email"),
        ),
        speech: Speech::new(
            config.audio.clone(),
            config
                .concurrency
                .get(&QueueName::TranscribeAudio)
                .copied()
                .unwrap_or(1),
        ),
        ical: Fetcher::new(config.ical_fetch.clone()),
        deliveries: Deliveries::new(&queue),
        queue,
        outbox_marks,
        flags: crate::flags::FlagCache::new(config.flag_cache),
        catalog: crate::catalog::Catalog::default(),
        config,
    }))
}

/// Runs a worker process until `shutdown` completes.
pub async fn run(
    config: WorkerConfig,
    shutdown: impl Future<Output = ()> + Send,
) -> anyhow::Result<()> {
    let state = build(config).await?;
    let queue = state.queue.clone();
    let config = &state.config;
    if config.queues.contains(&QueueName::TranscribeAudio) {
        preload_speech_model(state.clone());
    }

    let (stop_tx, stop_rx) = watch::channel(false);
    let workers: Vec<WorkerTask> = config
        .queues
        .iter()
        .map(|q| spawn_queue(*q, state.clone(), stop_rx.clone()))
        .collect();
    // Only now: a lease registered before the workers exist would be renewed for nothing.
    let heartbeat = Heartbeat::spawn(queue.clone());
    let schedules = spawn_schedules(state.clone(), stop_rx.clone())?;
    let sweeper = tokio::spawn(config.outbox_sweeper().run(state.clone(), stop_rx.clone()));
    let retention = tokio::spawn(config.retention.run(state.clone(), stop_rx.clone()));
    let dead_letters = tokio::spawn(crate::dead_letter_notices::run(
        config.dead_letter_notices_every,
        state.clone(),
        stop_rx.clone(),
    ));
    let metrics = match config.metrics_addr {
        Some(addr) => Some(spawn_metrics(addr, state.clone()).await?),
        None => None,
    };
    tracing::info!(queues = ?config.queues.iter().map(|q| q.as_str()).collect::<Vec<_>>(), "worker started");

    shutdown.await;
    tracing::info!(
        deadline_secs = config.shutdown_timeout.as_secs(),
        "shutting down: no new jobs, finishing those in flight"
    );
    let _ = stop_tx.send(true);
    let finished =
        tokio::time::timeout(config.shutdown_timeout, futures::future::join_all(workers)).await;
    match finished {
        Ok(results) => {
            for r in results {
                match r {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => tracing::error!(error = %e, "a worker ended with an error"),
                    Err(e) => tracing::error!(error = %e, "a worker task failed"),
                }
            }
            tracing::info!("all in-flight jobs finished");
        }
        Err(_) => tracing::warn!(
            "shutdown deadline passed; unfinished jobs will run again elsewhere when their lease lapses"
        ),
    }
    heartbeat.stop();
    sweeper.abort();
    retention.abort();
    dead_letters.abort();
    if let Some(schedules) = schedules {
        schedules.abort();
    }
    if let Some(m) = metrics {
        m.abort();
    }
    Ok(())
}

/// Loads the speech model in the background so the first voice note does not wait for it. A
/// worker without a model still answers notes (kindly asking to write), so this only warns.
fn preload_speech_model(state: State) {
    if state.config.audio.model.is_none() {
        tracing::warn!(
            "WHISPER_MODEL is not set: voice notes will be answered with a request to write (scripts/whisper-model.sh makes the model)"
        );
        return;
    }
    tokio::spawn(async move {
        if let Err(e) = state.speech.model().await {
            tracing::error!(error = %e, "speech model did not load; voice notes will retry loading it");
        }
    });
}

fn spawn_queue(queue: QueueName, state: State, stop: watch::Receiver<bool>) -> WorkerTask {
    match queue {
        QueueName::TranscribeAudio => spawn_worker::<TranscribeAudio>(state, stop),
        QueueName::ParseIntent => spawn_worker::<ParseIntent>(state, stop),
        QueueName::PreReserve => spawn_worker::<PreReserve>(state, stop),
        QueueName::ConfirmPayment => spawn_worker::<ConfirmPayment>(state, stop),
        QueueName::SyncIcal => spawn_worker::<SyncIcal>(state, stop),
        QueueName::ExpireHolds => spawn_worker::<ExpireHolds>(state, stop),
        QueueName::SendReply => spawn_worker::<SendReply>(state, stop),
        QueueName::RefundDeposit => spawn_worker::<RefundDeposit>(state, stop),
    }
}

fn spawn_worker<J: Handle>(state: State, mut stop: watch::Receiver<bool>) -> WorkerTask {
    let slots = state
        .config
        .concurrency
        .get(&J::QUEUE)
        .copied()
        .unwrap_or(1);
    let timeout = state.config.job_timeout;
    let mut policy = J::retry_policy();
    if let Some(base) = state.config.retry_base_delay {
        policy.base_delay = base;
    }
    let backend = QueueBackend::<J>::new(state.queue.clone(), slots).with_retry_policy(policy);
    let name = format!("{}-{}", J::QUEUE, backend.worker_id());
    let worker = WorkerBuilder::new(name)
        .backend(backend)
        .concurrency(slots)
        .timeout(timeout)
        .build(JobService::<J>::new(state));
    tokio::spawn(worker.run_until(async move {
        let _ = stop.wait_for(|stopped| *stopped).await;
        Ok::<(), std::io::Error>(())
    }))
}

fn spawn_schedules(
    state: State,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<Option<JoinHandle<()>>> {
    let cfg = &state.config.schedules;
    if !cfg.enabled {
        return Ok(None);
    }
    let list = vec![
        schedules::Schedule::expire_holds(&cfg.expire_holds)?,
        schedules::Schedule::sync_ical(&cfg.sync_ical)?,
    ];
    let queue = state.queue.clone();
    Ok(Some(tokio::spawn(async move {
        schedules::run(queue, list, async move {
            let _ = stop.wait_for(|s| *s).await;
        })
        .await;
    })))
}

#[handler]
async fn metrics_endpoint(queue: Data<&RedisQueue>) -> String {
    jobs::telemetry::render_metrics(&jobs::telemetry::install_metrics(), &queue).await
}

#[handler]
fn live() -> &'static str {
    "ok"
}

/// Ready means "can run jobs": Redis (where jobs come from) and PostgreSQL (where every
/// handler writes) both answer. 503 otherwise, saying which is missing. A worker that is not
/// ready loses nothing: its jobs wait without using attempts.
#[handler]
async fn ready(state: Data<&State>) -> poem::Response {
    use poem::{IntoResponse, http::StatusCode};
    let within = std::time::Duration::from_secs(2);
    let redis = tokio::time::timeout(within, state.queue.ping())
        .await
        .is_ok_and(|r| r.is_ok());
    let postgres = tokio::time::timeout(within, store::ping(&state.db))
        .await
        .is_ok_and(|r| r.is_ok());
    let ok = redis && postgres;
    let body = serde_json::json!({
        "status": if ok { "ready" } else { "not_ready" },
        "redis": { "ok": redis },
        "postgres": { "ok": postgres },
    });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    poem::web::Json(body).with_status(status).into_response()
}

async fn spawn_metrics(addr: std::net::SocketAddr, state: State) -> anyhow::Result<JoinHandle<()>> {
    jobs::telemetry::install_metrics();
    let app = Route::new()
        .at("/metrics", get(metrics_endpoint))
        .at("/health/live", get(live))
        .at("/health/ready", get(ready))
        .data(state.queue.clone())
        .data(state);
    Ok(tokio::spawn(async move {
        if let Err(e) = poem::Server::new(TcpListener::bind(addr)).run(app).await {
            tracing::error!(error = %e, %addr, "metrics server stopped");
        }
    }))
}

//! Wiring of the ingress, in one place: [`Application::build`] connects, [`app`] is the route
//! table (testable in-process), [`Application::run_until_stopped`] serves until shutdown.

use std::{future::Future, sync::Arc};

use anyhow::Context as _;
use jobs::RedisQueue;
use poem::{
    Endpoint, EndpointExt, Route, Server, get,
    listener::{Acceptor, Listener, TcpAcceptor, TcpListener},
    post,
};
use secrecy::ExposeSecret;

use crate::{config::IngressConfig, middleware, routes, state::AppState};

/// The route table with its middleware. Health and metrics sit beside the webhooks; the TLS
/// front (`caddy/Caddyfile`) passes only the webhooks, the iCal export, the console and the
/// photos to the internet, so a route added here is public only once it is added there too.
pub fn app(state: Arc<AppState>) -> impl Endpoint {
    let mut routes = Route::new();
    if state.config.sandbox {
        routes = routes
            .at(
                "/sandbox/graph/:phone_number_id/messages",
                post(routes::sandbox::graph_send),
            )
            .at(
                "/sandbox/graph/:phone_number_id/media",
                post(routes::sandbox::graph_media),
            )
            .at("/sandbox/outbox", get(routes::sandbox::outbox))
            .at(
                "/sandbox/mailgun/v3/:domain/messages",
                post(routes::sandbox::mailgun_send),
            )
            .at(
                "/sandbox/mp/checkout/preferences",
                post(routes::sandbox::mp_preference),
            )
            .at(
                "/sandbox/mp/pay/:code",
                post(routes::sandbox::mp_pay).get(routes::sandbox::mp_pay),
            )
            .at(
                "/sandbox/mp/v1/payments/:id",
                get(routes::sandbox::mp_payment),
            );
    }
    routes = crate::console::mount(routes, &state);
    routes
        .at(
            "/webhooks/whatsapp",
            get(routes::whatsapp::verify).post(routes::whatsapp::receive),
        )
        .at("/webhooks/mercadopago", post(routes::mercadopago::receive))
        .at("/webhooks/email", post(routes::email::receive))
        .at(
            "/webhooks/mailgun/events",
            post(routes::mailgun_events::receive),
        )
        .at(
            "/admin/reservations/:code/confirm",
            post(routes::admin::confirm),
        )
        .at("/admin/refunds", get(routes::admin::refunds))
        .at("/ical/:accommodation_id/:file", get(routes::ical::export))
        .at("/photos/:file", get(routes::photos::serve))
        .at("/health/live", get(routes::health::live))
        .at("/health/ready", get(routes::health::ready))
        .at("/metrics", get(routes::health::metrics))
        .around(middleware::rate_limit)
        .around(middleware::request_context)
        .data(state)
}

pub struct Application {
    acceptor: TcpAcceptor,
    state: Arc<AppState>,
}

impl Application {
    pub async fn build(config: IngressConfig) -> anyhow::Result<Self> {
        let queue = RedisQueue::connect(config.queue.clone())
            .await
            .context("connecting to Redis (REDIS_URL)")?;
        queue
            .adopt_unbraced_keys()
            .await
            .context("moving Redis keys of the layout before hash tags")?;
        let db = match &config.database_url {
            Some(url) => Some(
                sqlx::postgres::PgPoolOptions::new()
                    .max_connections(store::pool::INGRESS_POOL_SIZE)
                    .acquire_timeout(config.ready_timeout)
                    .connect_lazy(url.expose_secret())
                    .context("DATABASE_URL is not a valid PostgreSQL URL")?,
            ),
            None => None,
        };
        let acceptor = TcpListener::bind(config.addr)
            .into_acceptor()
            .await
            .with_context(|| format!("binding INGRESS_ADDR {}", config.addr))?;
        let state = Arc::new(AppState {
            config,
            deliveries: jobs::coordination::Deliveries::new(&queue),
            queue,
            db,
            metrics: jobs::telemetry::install_metrics(),
            blocked: Default::default(),
        });
        Ok(Application { acceptor, state })
    }

    /// The bound port (the config may ask for port 0).
    pub fn port(&self) -> u16 {
        self.acceptor
            .local_addr()
            .first()
            .and_then(|a| a.as_socket_addr().map(|s| s.port()))
            .unwrap_or(0)
    }

    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send,
    ) -> std::io::Result<()> {
        tracing::info!(port = self.port(), "ingress listening");
        Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(
                app(self.state),
                shutdown,
                Some(std::time::Duration::from_secs(10)),
            )
            .await
    }
}

//! Starting the service: open and migrate the database, seed the demo data into a fresh
//! default SQLite file, bind, serve until shutdown.

use std::future::Future;
use std::net::SocketAddr;

use anyhow::Context as _;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

use crate::auth::Verifier;
use crate::config::{Config, Database};
use crate::graphql::context::RequestSettings;
use crate::graphql::cost::CostModel;
use crate::graphql::{Limits, build_schema};
use crate::http::{AppState, router};
use crate::{db, seed};

/// A bound, not yet serving, application.
pub struct App {
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    state: AppState,
    shutdown_grace: std::time::Duration,
}

impl App {
    /// Opens the configured database (migrating it, and seeding the demo data when it is
    /// the default SQLite file and empty) and binds the listen address.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        // Migrations and the first seed run without the serving pool's statement timeout.
        let maintenance = db::open(&config.database).await?;
        db::migrate(&maintenance)
            .await
            .context("cannot migrate the database")?;
        if matches!(config.database, Database::DefaultSqlite(_))
            && seed::is_empty(&maintenance).await?
        {
            seed::demo(&maintenance)
                .await
                .context("cannot seed the demo data")?;
            tracing::info!("seeded the 2016 pilot demo data");
        }
        maintenance
            .close()
            .await
            .context("cannot close the migration connection")?;
        let db = db::open_with(&config.database, &config.pool).await?;
        Self::with_database(db, config).await
    }

    /// Binds the configured address for an already opened and migrated database.
    pub async fn with_database(db: DatabaseConnection, config: &Config) -> anyhow::Result<Self> {
        let listen = config.listen;
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let metrics_listener = match config.metrics_listen {
            Some(address) => Some(TcpListener::bind(address).await.with_context(|| {
                format!("WIJKGRAPH_METRICS_LISTEN: cannot listen on {address}")
            })?),
            None => None,
        };
        let limits = Limits {
            mode: config.auth.mode,
        };
        let schema = build_schema(limits);
        let verifier = Verifier::new(config.auth.clone());
        match verifier.load_keys().await {
            Ok(Some(keys)) => tracing::info!(keys, "read the identity provider's keys"),
            Ok(None) => {}
            Err(problem) if config.auth.mode == crate::auth::Mode::Production => {
                anyhow::bail!("WIJKGRAPH_JWKS: {problem}");
            }
            Err(problem) => tracing::warn!(%problem, "cannot read WIJKGRAPH_JWKS yet"),
        }
        let write_queue = (db.get_database_backend() == sea_orm::DbBackend::Sqlite)
            .then(crate::domain::WriteQueue::default);
        let persisted = match &config.persisted_operations {
            Some(path) => {
                let text = std::fs::read_to_string(path).with_context(|| {
                    format!(
                        "WIJKGRAPH_PERSISTED_OPERATIONS: cannot read {}",
                        path.display()
                    )
                })?;
                let manifest =
                    crate::persisted::Persisted::parse_manifest(&text).map_err(|problem| {
                        anyhow::anyhow!(
                            "WIJKGRAPH_PERSISTED_OPERATIONS: {}: {problem}",
                            path.display()
                        )
                    })?;
                tracing::info!(operations = manifest.len(), "read the persisted operations");
                crate::persisted::Persisted::with_manifest(manifest, config.persisted_only)
            }
            None => crate::persisted::Persisted::automatic(),
        };
        let health = crate::health::DbHealth::watch(&db);
        let bus = crate::events::Bus::for_database(&db);
        crate::events::listen(&db, bus.clone());
        crate::events::announce_deadlines(
            db.clone(),
            crate::db::Gate::for_pool(&db),
            write_queue.clone(),
            bus.clone(),
            config.deadline_scan,
        );
        crate::access::tally::fold_every(
            db.clone(),
            crate::db::Gate::for_pool(&db),
            config.tally_fold,
        );
        let state = AppState {
            cost: std::sync::Arc::new(CostModel::from_sdl(&schema.sdl())),
            max_cost: config.max_cost,
            inflight: crate::http::Inflight::new(config.max_inflight_cost),
            reporting_page_size: config.reporting_page_size,
            schema,
            gate: crate::db::Gate::for_pool(&db),
            db,
            verifier,
            settings: RequestSettings {
                max_page_size: config.max_page_size,
                response_hours: config.response_hours,
                escalation_working_days: config.escalation_working_days,
            },
            max_body_bytes: config.max_body_bytes,
            metrics: std::sync::Arc::new(
                crate::metrics::Metrics::new().context("cannot set up the metrics")?,
            ),
            request_timeout: config.request_timeout,
            rate_limiter: config.rate_limit.map(crate::rate::RateLimiter::new),
            metrics_elsewhere: config.metrics_listen.is_some(),
            write_queue,
            health,
            cors: crate::http::cors_layer(&config.cors),
            bus,
            persisted: std::sync::Arc::new(persisted),
            documents: std::sync::Arc::default(),
        };
        Ok(Self {
            listener,
            metrics_listener,
            state,
            shutdown_grace: config.shutdown_grace,
        })
    }

    /// The address `/metrics` is served on when it has its own.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener
            .as_ref()
            .and_then(|listener| listener.local_addr().ok())
    }

    /// The address actually bound (port 0 becomes a real port).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then stops accepting connections and gives the
    /// requests in flight the grace period (`WIJKGRAPH_SHUTDOWN_SECONDS`) to finish; those
    /// still running after it are cut off, with a warning.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let (begun, mut begins) = tokio::sync::watch::channel(false);
        let signalled = async move {
            shutdown.await;
            tracing::info!("shutting down: no new connections, finishing the requests in flight");
            let _ = begun.send(true);
        };
        if let Some(listener) = self.metrics_listener {
            let metrics = crate::http::metrics_router(self.state.clone());
            let mut stop = begins.clone();
            tokio::spawn(async move {
                let served = axum::serve(listener, metrics)
                    .with_graceful_shutdown(async move {
                        let _ = stop.wait_for(|begun| *begun).await;
                    })
                    .await;
                if let Err(err) = served {
                    tracing::error!(error = %err, "the metrics listener failed");
                }
            });
        }
        let server = axum::serve(
            self.listener,
            router(self.state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(signalled);
        let grace = self.shutdown_grace;
        let deadline = async move {
            if begins.wait_for(|begun| *begun).await.is_err() {
                // The sender is gone without a shutdown: the server ended on its own.
                std::future::pending::<()>().await;
            }
            tokio::time::sleep(grace).await;
        };
        tokio::select! {
            served = server => served,
            () = deadline => {
                tracing::warn!(
                    seconds = grace.as_secs(),
                    "requests still in flight after the shutdown grace period were cut off"
                );
                Ok(())
            }
        }
    }
}

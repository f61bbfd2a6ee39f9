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
    state: AppState,
}

impl App {
    /// Opens the configured database (migrating it, and seeding the demo data when it is
    /// the default SQLite file and empty) and binds the listen address.
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let db = db::open(&config.database).await?;
        db::migrate(&db)
            .await
            .context("cannot migrate the database")?;
        if matches!(config.database, Database::DefaultSqlite(_)) && seed::is_empty(&db).await? {
            seed::demo(&db).await.context("cannot seed the demo data")?;
            tracing::info!("seeded the 2016 pilot demo data");
        }
        Self::with_database(db, config).await
    }

    /// Binds the configured address for an already opened and migrated database.
    pub async fn with_database(db: DatabaseConnection, config: &Config) -> anyhow::Result<Self> {
        let listen = config.listen;
        let listener = TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
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
        let state = AppState {
            cost: std::sync::Arc::new(CostModel::from_sdl(&schema.sdl())),
            max_cost: config.max_cost,
            inflight: crate::http::Inflight::new(config.max_inflight_cost),
            reporting_page_size: config.reporting_page_size,
            schema,
            db,
            verifier,
            settings: RequestSettings {
                max_page_size: config.max_page_size,
                response_hours: config.response_hours,
            },
            max_body_bytes: config.max_body_bytes,
            metrics: Default::default(),
        };
        Ok(Self { listener, state })
    }

    /// The address actually bound (port 0 becomes a real port).
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, router(self.state))
            .with_graceful_shutdown(shutdown)
            .await
    }
}

//! The `wijkgraph` command: serve (the default), migrate, seed, schema.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use wijkgraph::app::App;
use wijkgraph::config::{Config, Overrides};
use wijkgraph::seed::SeedOutcome;
use wijkgraph::{db, graphql, seed};

/// GraphQL API for Rotterdam's neighbourhood-driven working (wijkgestuurd werken).
#[derive(Parser)]
#[command(name = "wijkgraph", version)]
struct Cli {
    /// Database URL (overrides WIJKGRAPH_DATABASE_URL); default: the SQLite file in the data folder.
    #[arg(long, global = true)]
    database_url: Option<String>,
    /// Folder for the default SQLite file and other local state (overrides WIJKGRAPH_DATA_DIR).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API (the default).
    Serve {
        /// Address to listen on (overrides WIJKGRAPH_LISTEN); default 127.0.0.1:8080.
        #[arg(long)]
        listen: Option<String>,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Fill the database with data.
    Seed {
        /// The 2016 pilot demo data.
        #[arg(long, required = true)]
        demo: bool,
    },
    /// Print the GraphQL schema (SDL) to stdout.
    Schema,
}

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("WIJKGRAPH_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wijkgraph: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let command = cli.command.unwrap_or(Command::Serve { listen: None });
    if let Command::Schema = command {
        print!("{}", graphql::sdl());
        return Ok(());
    }
    let listen = match &command {
        Command::Serve { listen } => listen.clone(),
        _ => None,
    };
    let config = Config::load(Overrides {
        database_url: cli.database_url,
        listen,
        data_dir: cli.data_dir,
    })?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        match command {
            Command::Serve { .. } => serve(&config).await,
            Command::Migrate => {
                let db = db::open(&config.database).await?;
                db::migrate(&db)
                    .await
                    .context("cannot migrate the database")?;
                eprintln!("migrations applied");
                Ok(())
            }
            Command::Seed { .. } => {
                let db = db::open(&config.database).await?;
                db::migrate(&db)
                    .await
                    .context("cannot migrate the database")?;
                match seed::demo(&db).await.context("cannot seed the demo data")? {
                    SeedOutcome::Seeded => eprintln!("demo data written"),
                    SeedOutcome::AlreadyPresent => {
                        eprintln!("the database already holds data; nothing written")
                    }
                }
                Ok(())
            }
            Command::Schema => Ok(()),
        }
    })
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    let app = App::build(config).await?;
    let addr = app.local_addr()?;
    eprintln!(
        "wijkgraph serving GraphQL on http://{addr}/graphql (open it in a browser for GraphiQL)"
    );
    app.serve(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

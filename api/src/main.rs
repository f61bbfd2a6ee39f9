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
    #[command(group(clap::ArgGroup::new("data").required(true).args(["demo", "synthetic"])))]
    Seed {
        /// The 2016 pilot demo data.
        #[arg(long)]
        demo: bool,
        /// Synthetic volume on top of the demo: `city` (about 150,000 commitments) or
        /// `national` (about 1.5 million).
        #[arg(long, value_enum)]
        synthetic: Option<ScaleArg>,
        /// Years of synthetic plans, ending with the current one.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=30), requires = "synthetic")]
        years: u32,
        /// The synthetic generator's seed: the same seed writes the same rows.
        #[arg(long, default_value_t = 1, requires = "synthetic")]
        seed: u64,
    },
    /// Print the GraphQL schema (SDL) to stdout.
    Schema,
    /// Print a development token signed with the HS256 secret.
    Token {
        /// A role grant, e.g. `cluster_member:MO`; repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// The token's subject.
        #[arg(long, default_value = "developer")]
        sub: String,
        /// Seconds until the token expires.
        #[arg(long, default_value_t = 3600)]
        ttl: u64,
    },
}

/// mimalloc instead of the system allocator: a nested answer allocates for every object,
/// and the benchmark measured glibc's malloc and free at about a quarter of the CPU time.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns transparent huge pages off for this process before the runtime starts, so memory
/// grows by the pages answers touch rather than by 2 MiB regions (mimalloc asks for huge
/// pages where the machine's setting is `madvise`). A refusal is logged, not fatal: the
/// server works either way, only with a larger footprint.
fn disable_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    if let Err(err) = rustix::thread::disable_transparent_huge_pages(true) {
        tracing::warn!(error = %err, "cannot turn transparent huge pages off for this process");
    }
}

/// The synthetic scales.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ScaleArg {
    /// One large city.
    City,
    /// The whole country.
    National,
}

fn main() -> std::process::ExitCode {
    // The log settings are settings like any other: a bad one stops start-up, naming it.
    if let Err(err) = wijkgraph::observe::init_logging(|name| std::env::var(name).ok()) {
        eprintln!("wijkgraph: {err}");
        return std::process::ExitCode::FAILURE;
    }
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
    if let Command::Token { roles, sub, ttl } = &command {
        return print_token(&config, roles, sub, *ttl);
    }
    if config.disable_transparent_huge_pages {
        disable_transparent_huge_pages();
    }
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
            Command::Seed {
                synthetic: Some(scale),
                years,
                seed: generator_seed,
                ..
            } => {
                let db = db::open(&config.database).await?;
                db::migrate(&db)
                    .await
                    .context("cannot migrate the database")?;
                let options = seed::synthetic::Options {
                    scale: match scale {
                        ScaleArg::City => seed::synthetic::Scale::City,
                        ScaleArg::National => seed::synthetic::Scale::National,
                    },
                    years,
                    seed: generator_seed,
                };
                // A bar on a terminal; nothing in a log file.
                let progress = indicatif::ProgressBar::new(0);
                let started = std::time::Instant::now();
                let written = seed::synthetic::write(&db, options, &progress)
                    .await
                    .context("cannot write the synthetic data")?;
                eprintln!(
                    "synthetic data written in {:.1} s: {} neighbourhoods, {} plans, {} priorities, \
                     {} actions, {} commitments, {} budget lines",
                    started.elapsed().as_secs_f64(),
                    written.neighbourhoods,
                    written.plans,
                    written.priorities,
                    written.actions,
                    written.commitments,
                    written.budget_lines
                );
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
            Command::Schema | Command::Token { .. } => Ok(()),
        }
    })
}

fn print_token(config: &Config, roles: &[String], sub: &str, ttl: u64) -> anyhow::Result<()> {
    if let Some(unknown) = roles
        .iter()
        .find(|role| wijkgraph::access::Grant::parse(role).is_none())
    {
        anyhow::bail!(
            "--role: '{unknown}' is not a role grant (e.g. admin, cluster_member:MO, area_director:WK059910)"
        );
    }
    if !(1..=31 * 24 * 3600).contains(&ttl) {
        anyhow::bail!("--ttl: give 1 to 2678400 seconds");
    }
    let token = wijkgraph::auth::issue_development_token(&config.auth, sub, roles, ttl).context(
        "tokens are signed with the development secret, which production mode does not have",
    )?;
    println!("{token}");
    Ok(())
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    let app = App::build(config).await?;
    let addr = app.local_addr()?;
    eprintln!(
        "wijkgraph serving GraphQL on http://{addr}/graphql (open it in a browser for GraphiQL)"
    );
    if config.auth.hs256_secret.is_some() {
        eprintln!(
            "development tokens: wijkgraph token --role admin (or cluster_member:MO, neighbourhood_manager:BU05991086, ...)"
        );
    }
    if let Some(metrics) = app.metrics_addr() {
        eprintln!("metrics on http://{metrics}/metrics");
    }
    app.serve(stop_signal()).await?;
    eprintln!("wijkgraph stopped");
    Ok(())
}

/// Completes on SIGTERM (what a deploy or scale-in sends) or SIGINT (Ctrl-C).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = terminate.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot listen for SIGTERM; only Ctrl-C stops the server gracefully");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

//! A throwaway PostgreSQL server for the suite: `initdb` + `pg_ctl` in a temp folder (as the
//! `postgres` user when running as root), started once per test run, one fresh database
//! per test. A watchdog stops the server and removes its folder when the test process
//! exits. A machine without PostgreSQL fails the suite loudly; it never skips.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A running server.
pub struct PgServer {
    port: u16,
    bin: PathBuf,
    data: PathBuf,
    log: PathBuf,
    options: String,
    root: bool,
}

static SERVER: OnceLock<Result<PgServer, String>> = OnceLock::new();

/// A server of the test's own, for tests that stop and start it (the suite's server is
/// shared by every test).
pub fn dedicated() -> PgServer {
    start().unwrap_or_else(|problem| panic!("cannot start a PostgreSQL server: {problem}"))
}
static NEXT_DATABASE: AtomicUsize = AtomicUsize::new(0);

/// The suite's server, started on first use.
pub fn server() -> &'static PgServer {
    match SERVER.get_or_init(start) {
        Ok(server) => server,
        Err(problem) => panic!(
            "PostgreSQL is required for the test suite and could not be started: {problem}\n\
             Install it (Debian: apt-get install postgresql) so that initdb and pg_ctl exist."
        ),
    }
}

impl PgServer {
    /// The URL of the server's maintenance database.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// A name for a new database, unique within this run.
    pub fn fresh_database_name(&self) -> String {
        format!(
            "wijkgraph_test_{}",
            NEXT_DATABASE.fetch_add(1, Ordering::Relaxed)
        )
    }

    /// The URL of database `name`.
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Stops the server (fast shutdown: open sessions are ended), as an outage would.
    pub fn stop(&self) {
        let mut pg_ctl = as_server_user(&self.bin.join("pg_ctl"), self.root);
        pg_ctl
            .arg("-D")
            .arg(&self.data)
            .args(["-m", "fast", "-w", "stop"]);
        run(pg_ctl, "pg_ctl stop").expect("stop PostgreSQL");
    }

    /// Starts the server again on the same port.
    pub fn start(&self) {
        run(self.pg_ctl_start(), "pg_ctl start").expect("start PostgreSQL");
    }

    fn pg_ctl_start(&self) -> Command {
        let mut pg_ctl = as_server_user(&self.bin.join("pg_ctl"), self.root);
        pg_ctl
            .arg("-D")
            .arg(&self.data)
            .args(["-o", &self.options, "-l"])
            .arg(&self.log)
            .args(["-w", "start"]);
        pg_ctl
    }
}

/// The folder holding `initdb` and `pg_ctl`: the newest /usr/lib/postgresql/N/bin, or PATH.
fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).find(|dir| dir.join("initdb").exists()))
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| out.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

/// `program args...`, as the `postgres` user when we are root (PostgreSQL refuses root).
fn as_server_user(program: &Path, root: bool) -> Command {
    if root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) -> Result<(), String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("{what}: {err}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn start() -> Result<PgServer, String> {
    let bin = bin_dir().ok_or("initdb not found in /usr/lib/postgresql/*/bin or on PATH")?;
    let root = running_as_root();
    let dir = tempfile::Builder::new()
        .prefix("wijkgraph-pg-")
        .tempdir()
        .map_err(|err| err.to_string())?
        .keep();
    if root {
        run(
            {
                let mut chown = Command::new("chown");
                chown.args(["-R", "postgres:postgres"]).arg(&dir);
                chown
            },
            "chown",
        )?;
    }
    let data = dir.join("data");
    let mut initdb = as_server_user(&bin.join("initdb"), root);
    initdb.arg("-D").arg(&data).args([
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
        "-E",
        "UTF8",
        "--locale=C",
    ]);
    run(initdb, "initdb")?;

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|err| err.to_string())?
        .port();
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        dir.display()
    );
    let server = PgServer {
        port,
        bin: bin.clone(),
        data: data.clone(),
        log: dir.join("server.log"),
        options,
        root,
    };
    run(server.pg_ctl_start(), "pg_ctl start")?;

    // Stop the server once this test process is gone, however it ends.
    let stop = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {runuser}{pg_ctl} -D {data} -m immediate stop; rm -rf {dir}",
        pid = std::process::id(),
        runuser = if root { "runuser -u postgres -- " } else { "" },
        pg_ctl = bin.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display(),
    );
    Command::new("sh")
        .args(["-c", &stop])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("watchdog: {err}"))?;
    Ok(server)
}

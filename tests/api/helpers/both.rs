//! `run_on_both_databases!`: one plain async test function, run on SQLite and PostgreSQL.

/// Runs each named `async fn name(app: TestApp)` on SQLite and on PostgreSQL, as
/// `<name>::sqlite` and `<name>::postgres`, each against a fresh app with the demo data (and
/// `with` these settings). The bodies are plain functions, which rustfmt formats.
macro_rules! run_on_both_databases {
    ($($name:ident),* $(,)?) => {
        crate::helpers::run_on_both_databases!(with [] => $($name),*);
    };
    (with $settings:expr => $($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let settings = crate::helpers::with_unbounded_cost(&$settings);
                    let app = crate::helpers::spawn_app_with(crate::helpers::Engine::Sqlite, &settings);
                    super::$name(app.await).await
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let settings = crate::helpers::with_unbounded_cost(&$settings);
                    let app = crate::helpers::spawn_app_with(crate::helpers::Engine::Postgres, &settings);
                    super::$name(app.await).await
                }
            }
        )*
    };
}
pub(crate) use run_on_both_databases;

//! Unit tests of `config`.

use super::*;
use std::collections::HashMap;

#[test]
fn a_database_urls_password_never_shows_in_debug_output() {
    let url = "postgres://wijkgraph:hunter2@db.internal:5432/wijkgraph?sslmode=require";
    let shown = format!("{:?}", Database::Url(url.to_owned()));
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(
        shown.contains("postgres://wijkgraph:***@db.internal:5432/wijkgraph?sslmode=require"),
        "{shown}"
    );
    assert_eq!(Database::Url(url.to_owned()).url(), url);
    let plain = format!("{:?}", Database::Url("sqlite://data/x.sqlite".to_owned()));
    assert!(plain.contains("sqlite://data/x.sqlite"), "{plain}");
}

fn load(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let secret = [(
        "WIJKGRAPH_JWT_SECRET",
        "a-test-secret-of-at-least-32-characters",
    )];
    let map: HashMap<String, String> = secret
        .iter()
        .chain(vars)
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::from_lookup(Overrides::default(), |name| map.get(name).cloned())
}

#[test]
fn no_configuration_means_loopback_and_the_default_sqlite_file() {
    let config = load(&[]).unwrap();
    assert_eq!(config.listen.to_string(), DEFAULT_LISTEN);
    assert_eq!(
        config.database,
        Database::DefaultSqlite(PathBuf::from("data/wijkgraph.sqlite"))
    );
}

#[test]
fn cors_allows_no_origin_by_default_and_exact_origins_when_listed() {
    assert_eq!(load(&[]).unwrap().cors, CorsSettings::default());
    let config = load(&[(
        ENV_CORS_ORIGINS,
        "http://localhost:3000, https://Portal.example.nl,http://[::1]:8080",
    )])
    .unwrap();
    assert_eq!(
        config.cors.origins,
        [
            "http://localhost:3000",
            "https://portal.example.nl",
            "http://[::1]:8080"
        ]
    );
    assert!(!config.cors.credentials);
    let with = load(&[
        (ENV_CORS_ORIGINS, "https://portal.example.nl"),
        (ENV_CORS_CREDENTIALS, "true"),
    ])
    .unwrap();
    assert!(with.cors.credentials);
}

#[test]
fn a_wildcard_a_path_or_a_missing_scheme_in_cors_origins_is_refused_naming_the_variable() {
    for origin in [
        "*",
        "https://*.example.nl",
        "https://portal.example.nl/",
        "portal.example.nl",
        "ftp://portal.example.nl",
        "http://localhost:port",
    ] {
        let err = load(&[(ENV_CORS_ORIGINS, origin)]).unwrap_err();
        assert_eq!(err.setting, ENV_CORS_ORIGINS, "{origin}");
        assert!(err.to_string().contains(origin), "{origin}: {err}");
    }
    let err = load(&[(ENV_CORS_CREDENTIALS, "yes")]).unwrap_err();
    assert_eq!(err.setting, ENV_CORS_CREDENTIALS);
}

#[test]
fn a_bad_listen_address_names_the_variable() {
    let err = load(&[(ENV_LISTEN, "localhost")]).unwrap_err();
    assert_eq!(err.setting, ENV_LISTEN);
    assert!(err.to_string().contains("'localhost'"));
}

#[test]
fn a_bad_database_url_names_the_variable_without_echoing_it() {
    let err = load(&[(ENV_DATABASE_URL, "mysql://user:secret@db/x")]).unwrap_err();
    assert_eq!(err.setting, ENV_DATABASE_URL);
    assert!(!err.to_string().contains("secret"));
}

#[test]
fn a_bad_page_size_names_the_variable() {
    let err = load(&[(ENV_MAX_PAGE_SIZE, "0")]).unwrap_err();
    assert_eq!(err.setting, ENV_MAX_PAGE_SIZE);
}

#[test]
fn the_data_dir_moves_the_default_sqlite_file() {
    let config = load(&[(ENV_DATA_DIR, "/var/lib/wijkgraph")]).unwrap();
    assert_eq!(
        config.database,
        Database::DefaultSqlite(PathBuf::from("/var/lib/wijkgraph/wijkgraph.sqlite"))
    );
}

#[test]
fn the_plan_cache_mode_is_generic_by_default_and_any_of_postgres_values_when_set() {
    assert_eq!(
        load(&[]).unwrap().pool.plan_cache_mode,
        Some("force_generic_plan")
    );
    for mode in ["auto", "force_custom_plan", "force_generic_plan"] {
        let config = load(&[(ENV_DB_PLAN_CACHE_MODE, mode)]).unwrap();
        assert_eq!(config.pool.plan_cache_mode, Some(mode));
    }
}

#[test]
fn an_unknown_plan_cache_mode_names_the_variable_and_the_values_it_takes() {
    let err = load(&[(ENV_DB_PLAN_CACHE_MODE, "generic")]).unwrap_err();
    assert_eq!(err.setting, ENV_DB_PLAN_CACHE_MODE);
    let text = err.to_string();
    assert!(
        text.contains("'generic'") && text.contains("force_generic_plan, auto"),
        "{text}"
    );
}

#[test]
fn transparent_huge_pages_are_off_by_default_kept_with_system_and_other_values_are_refused() {
    assert!(load(&[]).unwrap().disable_transparent_huge_pages);
    assert!(
        load(&[(ENV_TRANSPARENT_HUGE_PAGES, "off")])
            .unwrap()
            .disable_transparent_huge_pages
    );
    assert!(
        !load(&[(ENV_TRANSPARENT_HUGE_PAGES, "system")])
            .unwrap()
            .disable_transparent_huge_pages
    );
    let err = load(&[(ENV_TRANSPARENT_HUGE_PAGES, "on")]).unwrap_err();
    assert_eq!(err.setting, ENV_TRANSPARENT_HUGE_PAGES);
    assert!(err.to_string().contains("off, system"), "{err}");
}

#[test]
fn the_tally_is_folded_every_minute_by_default_every_given_second_count_and_zero_is_refused() {
    use std::time::Duration;
    assert_eq!(load(&[]).unwrap().tally_fold, Duration::from_secs(60));
    let config = load(&[(ENV_TALLY_FOLD_SECONDS, "5")]).unwrap();
    assert_eq!(config.tally_fold, Duration::from_secs(5));
    for bad in ["0", "3601", "soon"] {
        let err = load(&[(ENV_TALLY_FOLD_SECONDS, bad)]).unwrap_err();
        assert_eq!(err.setting, ENV_TALLY_FOLD_SECONDS, "{bad}");
        assert!(err.to_string().contains("from 1 to 3600"), "{err}");
    }
}

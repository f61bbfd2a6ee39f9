//! The process: graceful shutdown on SIGTERM and its own memory settings.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_accepting_answers_every_request_in_flight_and_exits_zero() {
    let url = seeded_postgres().await;
    let mut server = Server::start(&url, &[("WIJKGRAPH_SHUTDOWN_SECONDS", "20")]);
    let lock = lock_plans(&url).await;
    let in_flight: Vec<_> = (0..4)
        .map(|_| tokio::spawn(post(server.url("/graphql"), PLANS)))
        .collect();
    wait_for_in_flight(server.url("/metrics"), 4.0).await;
    server.sigterm();
    // New connections are refused while the four are still waiting for the lock.
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(&server.address).is_ok() {
        assert!(
            Instant::now() < deadline,
            "still accepting connections after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    lock.rollback().await.unwrap();
    for request in in_flight {
        let (status, body) = request.await.unwrap().expect("an answer");
        assert_eq!(status, 200, "{body}");
        assert!(
            body["data"]["plans"]["nodes"][0]["id"].is_string(),
            "{body}"
        );
    }
    assert_eq!(server.exit_code_within(Duration::from_secs(10)), Some(0));
    assert!(
        server
            .log()
            .iter()
            .any(|line| line.contains("shutting down")),
        "{:?}",
        server.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_cuts_off_requests_still_running_after_the_grace_period() {
    let url = seeded_postgres().await;
    let mut server = Server::start(&url, &[("WIJKGRAPH_SHUTDOWN_SECONDS", "1")]);
    let lock = lock_plans(&url).await;
    let stuck = tokio::spawn(post(server.url("/graphql"), PLANS));
    wait_for_in_flight(server.url("/metrics"), 1.0).await;
    let signalled = Instant::now();
    server.sigterm();
    // The lock is still held: only the grace period ends the process.
    assert_eq!(server.exit_code_within(Duration::from_secs(10)), Some(0));
    let took = signalled.elapsed();
    assert!(took >= Duration::from_secs(1), "exited after {took:?}");
    assert!(
        stuck.await.unwrap().is_err(),
        "the cut-off request has no answer"
    );
    assert!(
        server.log().iter().any(|line| line.contains("cut off")),
        "{:?}",
        server.log()
    );
    lock.rollback().await.unwrap();
}

/// `THP_enabled` of a process's `/proc/<pid>/status`: 0 once it turned transparent huge
/// pages off for itself.
fn thp_enabled(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("THP_enabled:"))
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("no THP_enabled line in {status}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_process_turns_transparent_huge_pages_off_unless_set_to_keep_the_systems() {
    let url = seeded_postgres().await;
    let default = Server::start(&url, &[]);
    assert_eq!(thp_enabled(default.child.id()), "0");
    // With `system` the server keeps what it inherited, which is the test process's own.
    let system = Server::start(&url, &[("WIJKGRAPH_TRANSPARENT_HUGE_PAGES", "system")]);
    assert_eq!(
        thp_enabled(system.child.id()),
        thp_enabled(std::process::id())
    );
}

//! The socket itself: closing on an expired or bad token, refusing queries, and at most
//! twenty subscriptions at once.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_socket_closes_with_4401_when_the_token_expires_and_with_4403_for_a_token_that_does_not_verify()
 {
    let app = spawn_app(Engine::Sqlite).await;
    let short = wijkgraph::auth::issue_development_token(
        &app.config.auth,
        "user-brief",
        &["admin".to_owned()],
        2,
    )
    .unwrap();
    let mut brief = Live::open(&app, Some(short)).await;
    assert_eq!(
        brief.message(PATIENCE).await.unwrap()["type"],
        "connection_ack"
    );
    brief.subscribe("s", COMMITMENTS).await;
    let closed = brief.message(PATIENCE).await.expect("closed at expiry");
    assert_eq!(
        (&closed["type"], &closed["code"]),
        (&json!("closed"), &json!(4401)),
        "{closed}"
    );

    let mut forged = Live::open(&app, Some("not.a.token".to_owned())).await;
    let closed = forged.message(PATIENCE).await.expect("closed at once");
    assert_eq!(
        (&closed["type"], &closed["code"]),
        (&json!("closed"), &json!(4403)),
        "{closed}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queries_are_refused_over_the_socket_with_a_reason() {
    let app = spawn_app(Engine::Sqlite).await;
    let mut live = Live::connect(&app, &["admin"]).await;
    live.subscribe("q", "{ plans { totalCount } }").await;
    let answer = live.next(PATIENCE).await.expect("an answer");
    assert_eq!(
        answer["errors"][0]["extensions"]["code"], "BAD_REQUEST",
        "{answer}"
    );
    assert!(
        answer["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("only subscriptions")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_socket_runs_at_most_twenty_subscriptions_at_once_and_a_completed_one_frees_its_place() {
    let app = spawn_app(Engine::Sqlite).await;
    let mut live = Live::connect(&app, &["admin"]).await;
    for id in 1..=20 {
        live.subscribe(&id.to_string(), COMMITMENTS).await;
    }
    live.subscribe("21", COMMITMENTS).await;
    let refused = live.message(PATIENCE).await.expect("the 21st is refused");
    assert_eq!(
        (&refused["type"], &refused["id"]),
        (&json!("next"), &json!("21")),
        "{refused}"
    );
    assert!(
        refused["payload"]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("at most 20"),
        "{refused}"
    );
    live.socket
        .send(Message::text(
            json!({ "id": "1", "type": "complete" }).to_string(),
        ))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    live.subscribe("22", COMMITMENTS).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (action, clusters) = setting(&app).await;
    request(&app, &action, &clusters["MO"]).await;
    let mut heard = Vec::new();
    while let Some(message) = live.message(QUIET).await {
        heard.push(message);
    }
    let of = |id: &str| {
        heard
            .iter()
            .filter(|m| m["id"] == id)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("22").len(),
        1,
        "the 22nd runs and hears the request: {heard:?}"
    );
    assert!(of("22")[0]["payload"]["errors"].is_null(), "{heard:?}");
    assert!(
        of("1").iter().all(|m| m["type"] == "complete"),
        "the completed one hears nothing: {heard:?}"
    );
}

//! CORS: preflights answered for listed origins only, and the example portal rendering in
//! Chromium only when its origin is allowed.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_preflight_from_a_listed_origin_is_answered_and_one_from_another_origin_gets_no_access_headers()
 {
    let (origin, app) = portal_and_app(true).await;
    let preflight = |from: String| {
        app.client
            .request(Method::OPTIONS, format!("{}/graphql", app.address))
            .header("origin", from)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
    };
    let allowed = preflight(origin.clone()).await.unwrap();
    assert!(allowed.status().is_success(), "{}", allowed.status());
    let headers = allowed.headers();
    assert_eq!(headers["access-control-allow-origin"], origin.as_str());
    let allowed_headers = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        allowed_headers.contains("authorization") && allowed_headers.contains("content-type"),
        "{allowed_headers}"
    );
    assert!(
        headers["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("POST")
    );
    assert!(
        headers.get("access-control-allow-credentials").is_none(),
        "credentials are off by default"
    );
    let other = preflight("http://evil.example".to_owned()).await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    // A refused request carries the headers too, so the page can read the refusal.
    let refused = app
        .client
        .post(format!("{}/graphql", app.address))
        .header("origin", origin.as_str())
        .header("authorization", "Bearer not-a-token")
        .json(&serde_json::json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 401);
    assert_eq!(
        refused.headers()["access-control-allow-origin"],
        origin.as_str()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_portal_on_another_origin_lists_the_adopted_plan_in_chromium_only_when_its_origin_is_allowed()
 {
    let neighbourhood = "BU05991086";
    for allow in [true, false] {
        let (origin, app) = portal_and_app(allow).await;
        let page = format!(
            "{origin}/index.html?api={}/graphql&neighbourhood={neighbourhood}",
            app.address
        );
        let dom = render_in_chromium(page).await;
        if allow {
            assert!(dom.contains("Wijkactieplan Afrikaanderwijk 2016"), "{dom}");
            assert!(dom.contains("Schoon rond de Afrikaandermarkt"), "{dom}");
            assert!(
                dom.contains("wijkteam.bu05991086@rotterdam.example"),
                "{dom}"
            );
            assert!(dom.contains("Bijgewerkt."), "{dom}");
        } else {
            assert!(dom.contains("Fout: Failed to fetch"), "{dom}");
            assert!(!dom.contains("Schoon rond de Afrikaandermarkt"), "{dom}");
        }
    }
}

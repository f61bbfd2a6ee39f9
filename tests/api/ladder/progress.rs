//! Progress reports: the lead cluster reports, the public reads only public reports.

use super::*;

const REPORT: &str = "mutation($input: ReportProgressInput!) { reportProgress(input: $input) { action { progressPercent status trafficLight version } progressUpdate { id public } } }";

async fn the_lead_cluster_reports_progress_and_the_public_reads_only_public_reports(app: TestApp) {
    let found = app
        .data(r#"{ actions(filter: {leadClusterId: null}, first: 100) { nodes { id version leadCluster { code } priority { plan { status } } } } }"#, json!({}))
        .await;
    let action = found["actions"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["leadCluster"]["code"] == "SB" && a["priority"]["plan"]["status"] == "ADOPTED")
        .unwrap()
        .clone();
    let input = |version: &Value, public: bool| json!({ "input": { "actionId": action["id"], "expectedVersion": version, "percent": 55, "status": "IN_PROGRESS", "trafficLight": "AMBER", "note": "Halverwege.", "public": public } });
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(REPORT, input(&action["version"], true))
                .await
        ),
        "FORBIDDEN"
    );
    let sb = app.as_roles(&["cluster_member:SB"]);
    let first = sb.data(REPORT, input(&action["version"], false)).await["reportProgress"].clone();
    assert_eq!(first["action"]["progressPercent"], 55);
    let second = sb
        .data(REPORT, input(&first["action"]["version"], true))
        .await["reportProgress"]
        .clone();
    let bad = sb.graphql(REPORT, json!({ "input": { "actionId": action["id"], "expectedVersion": second["action"]["version"], "percent": 101, "status": "IN_PROGRESS", "trafficLight": "GREEN", "note": "x" } })).await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "input.percent");
    let query = "query($id: ID!) { node(id: $id) { id } }";
    assert!(
        app.as_roles(&[])
            .data(query, json!({ "id": second["progressUpdate"]["id"] }))
            .await["node"]
            .is_object()
    );
    assert!(
        app.as_roles(&[])
            .data(query, json!({ "id": first["progressUpdate"]["id"] }))
            .await["node"]
            .is_null(),
        "an internal report stays internal"
    );
}
run_on_both_databases!(the_lead_cluster_reports_progress_and_the_public_reads_only_public_reports);

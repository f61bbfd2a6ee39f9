//! The demo's objects read back: areas, neighbourhoods, plans, budget lines, team history,
//! node lookups and relations in both directions.

use super::*;

async fn the_demo_has_all_fourteen_areas(app: TestApp) {
    let data = app.data("{ areas { totalCount } }", json!({})).await;
    assert_eq!(data["areas"]["totalCount"], 14);
}
run_on_both_databases!(the_demo_has_all_fourteen_areas);

async fn the_pilot_has_ten_neighbourhoods_in_three_areas(app: TestApp) {
    let data = app.data(
        "{ neighbourhoods(filter: {pilot2016: true}, first: 100) { totalCount nodes { name area { name } } } }",
        json!({}),
    ).await;
    assert_eq!(data["neighbourhoods"]["totalCount"], 10);
    let mut per_area = std::collections::BTreeMap::new();
    for node in data["neighbourhoods"]["nodes"].as_array().unwrap() {
        *per_area
            .entry(node["area"]["name"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    assert_eq!(per_area.get("Overschie"), Some(&2));
    assert_eq!(per_area.get("Hillegersberg-Schiebroek"), Some(&1));
    assert_eq!(per_area.get("Feijenoord"), Some(&7));
}
run_on_both_databases!(the_pilot_has_ten_neighbourhoods_in_three_areas);

async fn node_finds_any_object_by_its_global_id_and_null_for_unknown_ids(app: TestApp) {
    let data = app
        .data(
            r#"{ areas(filter: {code: "WK059910"}) { nodes { id } } }"#,
            json!({}),
        )
        .await;
    let id = data["areas"]["nodes"][0]["id"].clone();
    let node = app
        .data(
            "query($id: ID!) { node(id: $id) { id ... on Area { name code } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(node["node"]["name"], "Feijenoord");
    assert_eq!(node["node"]["id"], id);
    for unknown in ["QXJlYTo5OTk5OQ", "not-an-id", "UGxhbjow"] {
        let missing = app
            .data(
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": unknown }),
            )
            .await;
        assert_eq!(missing["node"], Value::Null, "{unknown}");
    }
}
run_on_both_databases!(node_finds_any_object_by_its_global_id_and_null_for_unknown_ids);

async fn relations_lead_from_a_commitment_up_to_its_area_and_back_down(app: TestApp) {
    let data = app.data(
        "{ commitments(filter: {status: ACCEPTED_WITH_RESERVATION}) { nodes { id reason cluster { code }
            action { priority { plan { title neighbourhood { name area { code } } } } } } } }",
        json!({}),
    ).await;
    let commitment = &data["commitments"]["nodes"][0];
    assert!(
        commitment["reason"]
            .as_str()
            .unwrap()
            .contains("niet tijdig")
    );
    let plan = &commitment["action"]["priority"]["plan"];
    let neighbourhood = plan["neighbourhood"]["name"].as_str().unwrap().to_owned();
    let area = plan["neighbourhood"]["area"]["code"]
        .as_str()
        .unwrap()
        .to_owned();

    let down = app.data(
        "query($code: String) { areas(filter: {code: $code}) { nodes { neighbourhoods(first: 100) { nodes { name
            plans { nodes { priorities { nodes { actions { nodes { commitments { nodes { id } } } } } } } } } } } } }",
        json!({ "code": area }),
    ).await;
    let ids: Vec<Value> = down["areas"]["nodes"][0]["neighbourhoods"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["name"] == neighbourhood.as_str())
        .flat_map(|n| n["plans"]["nodes"].as_array().unwrap().clone())
        .flat_map(|p| p["priorities"]["nodes"].as_array().unwrap().clone())
        .flat_map(|p| p["actions"]["nodes"].as_array().unwrap().clone())
        .flat_map(|a| a["commitments"]["nodes"].as_array().unwrap().clone())
        .map(|c| c["id"].clone())
        .collect();
    assert!(ids.contains(&commitment["id"]));
}
run_on_both_databases!(relations_lead_from_a_commitment_up_to_its_area_and_back_down);

async fn each_pilot_plan_has_five_ranked_priorities_and_fifteen_smart_actions(app: TestApp) {
    let data = app.data(
        "{ plans(filter: {kind: NEIGHBOURHOOD_ACTION_PLAN, year: 2016, status: ADOPTED}, first: 100) { totalCount nodes {
            priorities { totalCount nodes { rank actions { totalCount nodes { responsiblePerson measurableTarget deadline leadCluster { code } } } } } } } }",
        json!({}),
    ).await;
    assert_eq!(data["plans"]["totalCount"], 10);
    for plan in data["plans"]["nodes"].as_array().unwrap() {
        // Dropped priorities (the merged plan's) follow the active ones without a rank.
        let active: Vec<&Value> = plan["priorities"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| !p["rank"].is_null())
            .collect();
        let ranks: Vec<i64> = active.iter().map(|p| p["rank"].as_i64().unwrap()).collect();
        assert_eq!(ranks, [1, 2, 3, 4, 5]);
        let actions: Vec<&Value> = active
            .iter()
            .flat_map(|p| p["actions"]["nodes"].as_array().unwrap())
            .collect();
        assert_eq!(actions.len(), 15);
        for action in actions {
            for field in ["responsiblePerson", "measurableTarget", "deadline"] {
                assert!(action[field].is_string(), "{field} missing: {action}");
            }
            assert!(action["leadCluster"]["code"].is_string());
        }
    }
}
run_on_both_databases!(each_pilot_plan_has_five_ranked_priorities_and_fifteen_smart_actions);

async fn budget_lines_carry_exact_amounts_per_phase(app: TestApp) {
    let data = app.data(
        r#"{ budgetLines(filter: {year: 2016}, first: 100) { totalCount nodes { description budgeted revised realised amounts { phase amount } } } }"#,
        json!({}),
    ).await;
    let lines = data["budgetLines"]["nodes"].as_array().unwrap();
    assert_eq!(
        data["budgetLines"]["totalCount"].as_u64().unwrap() as usize,
        lines.len()
    );
    let vraagwijzer = lines
        .iter()
        .find(|l| l["description"] == "MO-VRW WK059912 2016")
        .unwrap();
    assert_eq!(vraagwijzer["budgeted"], "1100000.00");
    assert_eq!(vraagwijzer["revised"], "1250000.00");
    assert_eq!(vraagwijzer["realised"], "1212500.00");
    let phases: Vec<&str> = vraagwijzer["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["phase"].as_str().unwrap())
        .collect();
    assert_eq!(
        phases,
        [
            "BUDGET",
            "SPRING_REVISION",
            "AUTUMN_REVISION",
            "TEN_MONTH_REPORT",
            "ANNUAL_ACCOUNTS"
        ]
    );
}
run_on_both_databases!(budget_lines_carry_exact_amounts_per_phase);

async fn a_team_keeps_its_history_through_staff_turnover(app: TestApp) {
    let data = app.data(
        r#"{ neighbourhoods(filter: {code: "BU05990451"}) { nodes { id teamMemberships(first: 100) { totalCount nodes { validFrom validTo role cluster { code } person { name } } } } } }"#,
        json!({}),
    ).await;
    let hood = &data["neighbourhoods"]["nodes"][0];
    let members = hood["teamMemberships"]["nodes"].as_array().unwrap();
    let sb: Vec<&Value> = members
        .iter()
        .filter(|m| m["cluster"]["code"] == "SB" && m["role"] == "CLUSTER_REPRESENTATIVE")
        .collect();
    assert_eq!(sb.len(), 2, "former and current SB representative");
    assert!(sb.iter().any(|m| m["validTo"] == "2016-05-31"));
    let on = |date: &str| json!({ "id": hood["id"], "date": date });
    let query = "query($id: ID, $date: NaiveDate) { teamMemberships(filter: {neighbourhoodId: $id, activeOn: $date}, first: 100) { totalCount } }";
    let march = app.data(query, on("2016-03-01")).await["teamMemberships"]["totalCount"]
        .as_u64()
        .unwrap();
    let july = app.data(query, on("2016-07-01")).await["teamMemberships"]["totalCount"]
        .as_u64()
        .unwrap();
    assert_eq!(march, july, "one SB representative at a time");
    assert_eq!(
        march + 1,
        hood["teamMemberships"]["totalCount"].as_u64().unwrap()
    );
}
run_on_both_databases!(a_team_keeps_its_history_through_staff_turnover);

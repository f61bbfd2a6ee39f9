//! The escalation ladder, progress reports, team history and residents' input over HTTP,
//! with the right roles and wrong ones.

use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, run_on_both_databases};

const RAISE: &str = "mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { escalation { id level owner status version } } }";
const FURTHER: &str = "mutation($input: EscalationStepInput!) { escalateFurther(input: $input) { escalation { level owner version } } }";
const RESOLVE: &str = "mutation($input: EscalationStepInput!) { resolveEscalation(input: $input) { escalation { status resolution version history { totalCount nodes { level status } } } } }";

fn step(id: &Value, version: i64, note: &str) -> Value {
    json!({ "input": { "id": id, "expectedVersion": version, "note": note } })
}

const LADDER_MANAGER: &str = "neighbourhood_manager:BU05991081";

/// The id of the one request overdue in Oud-Charlois (BU05991081): VEI's.
async fn overdue_request(app: &TestApp) -> Value {
    app.as_roles(&[LADDER_MANAGER])
        .data(
            "{ overdueCommitments { commitments { nodes { id } } } }",
            json!({}),
        )
        .await["overdueCommitments"]["commitments"]["nodes"][0]["id"]
        .clone()
}

fn raise(request: &Value) -> Value {
    json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord binnen 24 uur." } })
}

/// The overdue request and its escalation raised by the neighbourhood's manager.
async fn raised(app: &TestApp) -> (Value, Value) {
    let request = overdue_request(app).await;
    let raised = app
        .as_roles(&[LADDER_MANAGER])
        .data(RAISE, raise(&request))
        .await["raiseEscalation"]["escalation"]["id"]
        .clone();
    (request, raised)
}

async fn a_neighbourhood_manager_sees_its_own_overdue_requests_by_cluster_and_neighbourhood(
    app: TestApp,
) {
    let overdue = app.as_roles(&[LADDER_MANAGER])
        .data("{ overdueCommitments { commitments { nodes { id cluster { code } } } byCluster { cluster { code } count } byNeighbourhood { neighbourhood { code } count } } }", json!({}))
        .await["overdueCommitments"]
        .clone();
    assert_eq!(
        overdue["byNeighbourhood"],
        json!([{ "neighbourhood": { "code": "BU05991081" }, "count": 1 }])
    );
    assert_eq!(
        overdue["byCluster"],
        json!([{ "cluster": { "code": "VEI" }, "count": 1 }])
    );
    assert_eq!(overdue["commitments"]["nodes"][0]["cluster"]["code"], "VEI");
    let elsewhere = app
        .as_roles(&["neighbourhood_manager:BU05991086"])
        .data(
            "{ overdueCommitments { byNeighbourhood { count } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        elsewhere["overdueCommitments"]["byNeighbourhood"],
        json!([]),
        "another neighbourhood sees none of it"
    );
}

async fn the_neighbourhoods_manager_raises_an_overdue_request_at_team_level_and_a_stranger_cannot(
    app: TestApp,
) {
    let request = overdue_request(&app).await;
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(RAISE, raise(&request))
                .await
        ),
        "NOT_FOUND"
    );
    let raised = app
        .as_roles(&[LADDER_MANAGER])
        .data(RAISE, raise(&request))
        .await["raiseEscalation"]["escalation"]
        .clone();
    assert_eq!(
        (raised["level"].as_str(), raised["owner"].as_str()),
        (Some("TEAM"), Some(LADDER_MANAGER))
    );
}

async fn only_the_owner_at_the_current_version_escalates_from_team_to_cluster_to_area(
    app: TestApp,
) {
    let (_, id) = raised(&app).await;
    let manager = app.as_roles(&[LADDER_MANAGER]);
    let to_cluster = manager
        .data(FURTHER, step(&id, 1, "Binnen het cluster oppakken."))
        .await;
    assert_eq!(
        to_cluster["escalateFurther"]["escalation"]["owner"],
        "cluster_manager:VEI"
    );
    let not_owner = manager.graphql(FURTHER, step(&id, 2, "nog eens")).await;
    assert_eq!(error_code(&not_owner), "FORBIDDEN");
    let stale = app
        .as_roles(&["cluster_manager:VEI"])
        .graphql(FURTHER, step(&id, 1, "oud"))
        .await;
    assert_eq!(error_code(&stale), "CONFLICT");
    let to_area = app
        .as_roles(&["cluster_manager:VEI"])
        .data(FURTHER, step(&id, 2, "Naar de gebiedsdirecteur."))
        .await;
    assert_eq!(
        to_area["escalateFurther"]["escalation"]["owner"],
        "area_director:WK059910"
    );
}

async fn only_a_decision_resolves_an_unanswered_request_once_closing_it_with_history_and_audit(
    app: TestApp,
) {
    let (request, id) = raised(&app).await;
    app.as_roles(&[LADDER_MANAGER])
        .data(FURTHER, step(&id, 1, "Binnen het cluster oppakken."))
        .await;
    app.as_roles(&["cluster_manager:VEI"])
        .data(FURTHER, step(&id, 2, "Naar de gebiedsdirecteur."))
        .await;

    let director = app.as_roles(&["area_director:WK059910"]);
    // The request is still unanswered: a resolution must settle it.
    let unsettled = director.graphql(RESOLVE, step(&id, 3, "Komt goed.")).await;
    assert_eq!(error_code(&unsettled), "INVALID_TRANSITION", "{unsettled}");
    let mut decided = step(&id, 3, "VEI plaatst de camera's in week 40.");
    decided["input"]["decided"] = json!(true);
    let resolved = director.data(RESOLVE, decided).await["resolveEscalation"]["escalation"].clone();
    let settled = app
        .data(
            "query($id: ID!) { node(id: $id) { ... on Commitment { status overdue reason } } }",
            json!({ "id": request }),
        )
        .await["node"]
        .clone();
    assert_eq!(settled["status"], "WITHDRAWN");
    assert_eq!(settled["overdue"], false);
    assert_eq!(
        settled["reason"],
        "decided at area level: VEI plaatst de camera's in week 40."
    );
    assert_eq!(resolved["status"], "RESOLVED");
    assert_eq!(resolved["history"]["totalCount"], 4);
    let levels: Vec<&str> = resolved["history"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["TEAM", "CLUSTER", "AREA", "AREA"]);
    assert_eq!(
        error_code(&director.graphql(RESOLVE, step(&id, 4, "nogmaals")).await),
        "INVALID_TRANSITION"
    );

    let trail = app
        .data(
            "query($id: ID) { auditTrail(filter: {entityId: $id}) { nodes { operation } } }",
            json!({ "id": id }),
        )
        .await;
    let operations: Vec<&str> = trail["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        operations,
        [
            "raiseEscalation",
            "escalateFurther",
            "escalateFurther",
            "resolveEscalation"
        ]
    );
}

run_on_both_databases!(
    a_neighbourhood_manager_sees_its_own_overdue_requests_by_cluster_and_neighbourhood,
    the_neighbourhoods_manager_raises_an_overdue_request_at_team_level_and_a_stranger_cannot,
    only_the_owner_at_the_current_version_escalates_from_team_to_cluster_to_area,
    only_a_decision_resolves_an_unanswered_request_once_closing_it_with_history_and_audit
);

async fn only_a_true_grievance_can_be_escalated(app: TestApp) {
    let accepted = app
        .data(
            "{ commitments(filter: {status: ACCEPTED}, first: 1) { nodes { id } } }",
            json!({}),
        )
        .await["commitments"]["nodes"][0]["id"]
        .clone();
    let response = app
        .graphql(
            RAISE,
            json!({ "input": { "subject": { "overdueCommitment": accepted }, "reason": "x" } }),
        )
        .await;
    assert_eq!(error_code(&response), "INVALID_TRANSITION");
    let rejected = app
        .data(
            "{ commitments(filter: {status: REJECTED}, first: 1) { nodes { id } } }",
            json!({}),
        )
        .await["commitments"]["nodes"][0]["id"]
        .clone();
    let response = app
        .graphql(
            RAISE,
            json!({ "input": { "subject": { "rejectedCommitment": rejected }, "reason": "" } }),
        )
        .await;
    assert_eq!(response["errors"][0]["extensions"]["field"], "input.reason");
    let both = app.graphql(RAISE, json!({ "input": { "subject": { "rejectedCommitment": rejected, "overdueCommitment": rejected }, "reason": "x" } })).await;
    assert!(both.get("errors").is_some(), "exactly one subject: {both}");
}

run_on_both_databases!(only_a_true_grievance_can_be_escalated);

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

async fn team_memberships_are_dated_and_never_overwritten(app: TestApp) {
    let hood = app.data(r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { id } } clusters(filter: {code: "SB"}) { nodes { id } } }"#, json!({})).await;
    let (hood_id, sb) = (
        hood["neighbourhoods"]["nodes"][0]["id"].clone(),
        hood["clusters"]["nodes"][0]["id"].clone(),
    );
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id person { name } validFrom validTo } } }";
    let input = json!({ "input": { "neighbourhoodId": hood_id, "personName": "Noor Vermeulen", "role": "CLUSTER_REPRESENTATIVE", "clusterId": sb, "validFrom": "2017-01-01" } });
    assert_eq!(
        error_code(
            &app.as_roles(&["neighbourhood_manager:BU05991081"])
                .graphql(add, input.clone())
                .await
        ),
        "FORBIDDEN"
    );
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let member = manager.data(add, input).await["addTeamMember"]["teamMembership"].clone();
    let end = "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { validTo } } }";
    let ended = manager
        .data(
            end,
            json!({ "input": { "id": member["id"], "validTo": "2017-06-30" } }),
        )
        .await;
    assert_eq!(
        ended["endTeamMembership"]["teamMembership"]["validTo"],
        "2017-06-30"
    );
    assert_eq!(
        error_code(
            &manager
                .graphql(
                    end,
                    json!({ "input": { "id": member["id"], "validTo": "2017-12-31" } })
                )
                .await
        ),
        "INVALID_TRANSITION"
    );
    // Teams are public: another neighbourhood's manager sees the membership, but may not end it.
    assert_eq!(
        error_code(
            &app.as_roles(&["neighbourhood_manager:BU05991081"])
                .graphql(
                    end,
                    json!({ "input": { "id": member["id"], "validTo": "2017-12-31" } })
                )
                .await
        ),
        "FORBIDDEN"
    );
    let team = "query($id: ID!, $on: NaiveDate) { node(id: $id) { ... on Neighbourhood { team(asOf: $on) { nodes { person { name } } } } } }";
    let names = |data: Value| {
        data["node"]["team"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["person"]["name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(
        names(
            manager
                .data(team, json!({ "id": hood_id, "on": "2017-03-01" }))
                .await
        )
        .contains(&"Noor Vermeulen".to_owned())
    );
    assert!(
        !names(
            manager
                .data(team, json!({ "id": hood_id, "on": "2017-07-01" }))
                .await
        )
        .contains(&"Noor Vermeulen".to_owned())
    );
}

run_on_both_databases!(team_memberships_are_dated_and_never_overwritten);

async fn residents_find_their_input_back_where_it_landed_or_why_not(app: TestApp) {
    let data = app
        .data(r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { id plans(first: 5) { nodes { status priorities(first: 1) { nodes { id title } } } } } }
                   other: plans(filter: {titleContains: "Kleinpolder"}) { nodes { priorities(first: 1) { nodes { id } } } } }"#, json!({}))
        .await;
    let hood = &data["neighbourhoods"]["nodes"][0];
    let plan = hood["plans"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["status"] == "ADOPTED")
        .unwrap();
    let priority = plan["priorities"]["nodes"][0].clone();
    let foreign = data["other"]["nodes"][0]["priorities"]["nodes"][0]["id"].clone();
    let record = "mutation($input: RecordResidentInputInput!) { recordResidentInput(input: $input) { residentInput { id outcome version } } }";
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let recorded = |summary: &str| json!({ "input": { "neighbourhoodId": hood["id"], "source": "NEIGHBOURHOOD_TABLE", "receivedOn": "2016-10-01", "summary": summary } });
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:MO"])
                .graphql(record, recorded("x"))
                .await
        ),
        "FORBIDDEN"
    );
    let landed = manager
        .data(record, recorded("Meer groen op het plein."))
        .await["recordResidentInput"]["residentInput"]
        .clone();
    let refused = manager.data(record, recorded("Een nieuw stadion.")).await["recordResidentInput"]
        ["residentInput"]
        .clone();
    assert_eq!(landed["outcome"], "PENDING");

    let link = "mutation($input: LinkResidentInputInput!) { linkResidentInput(input: $input) { residentInput { outcome } } }";
    let wrong_place = manager.graphql(link, json!({ "input": { "id": landed["id"], "expectedVersion": 1, "landedIn": { "priorityId": foreign } } })).await;
    assert_eq!(error_code(&wrong_place), "BAD_USER_INPUT");
    manager.data(link, json!({ "input": { "id": landed["id"], "expectedVersion": 1, "landedIn": { "priorityId": priority["id"] } } })).await;
    let close = "mutation($input: CloseResidentInputInput!) { closeResidentInput(input: $input) { residentInput { outcome } } }";
    manager.data(close, json!({ "input": { "id": refused["id"], "expectedVersion": 1, "reason": "Stadions zijn stedelijk beleid." } })).await;
    let again = manager
        .graphql(
            close,
            json!({ "input": { "id": refused["id"], "expectedVersion": 2, "reason": "nogmaals" } }),
        )
        .await;
    assert_eq!(error_code(&again), "INVALID_TRANSITION");

    // The public, without a token, finds both back.
    let public = app.as_roles(&[]);
    let query = "query($id: ID!) { node(id: $id) { ... on ResidentInput { outcome reason priority { title } } } }";
    let found = public.data(query, json!({ "id": landed["id"] })).await;
    assert_eq!(found["node"]["outcome"], "INCORPORATED");
    assert_eq!(found["node"]["priority"]["title"], priority["title"]);
    let closed = public.data(query, json!({ "id": refused["id"] })).await;
    assert_eq!(closed["node"]["reason"], "Stadions zijn stedelijk beleid.");
}

run_on_both_databases!(residents_find_their_input_back_where_it_landed_or_why_not);

async fn whoever_raised_an_escalation_or_its_owner_may_withdraw_it(app: TestApp) {
    // Kop van Zuid-Entrepot's refusal for lack of capacity (SB) has not been escalated yet.
    let manager = app.as_roles(&["neighbourhood_manager:BU05991079"]);
    let refusals = manager
        .data(
            "{ commitments(filter: {status: REJECTED}) { nodes { id cluster { code } } } }",
            json!({}),
        )
        .await;
    let rejected = refusals["commitments"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["cluster"]["code"] == "SB")
        .unwrap()["id"]
        .clone();
    let raised = manager
        .data(RAISE, json!({ "input": { "subject": { "rejectedCommitment": rejected }, "reason": "Sleutelactie afgewezen." } }))
        .await["raiseEscalation"]["escalation"]
        .clone();
    let withdraw = "mutation($input: EscalationStepInput!) { withdrawEscalation(input: $input) { escalation { status closedAt } } }";
    let member = "cluster_member:SB";
    let stranger = app
        .as_roles(&[member])
        .graphql(withdraw, step(&raised["id"], 1, "niet nodig"))
        .await;
    assert_eq!(error_code(&stranger), "FORBIDDEN", "{stranger}");
    let done = app
        .as_roles(&["neighbourhood_manager:BU05991079"])
        .data(
            withdraw,
            step(&raised["id"], 1, "Opgelost in het wijkactieteam."),
        )
        .await;
    assert_eq!(
        done["withdrawEscalation"]["escalation"]["status"],
        "WITHDRAWN"
    );
    assert!(done["withdrawEscalation"]["escalation"]["closedAt"].is_string());
}

run_on_both_databases!(whoever_raised_an_escalation_or_its_owner_may_withdraw_it);

async fn a_request_has_one_open_escalation_at_a_time(app: TestApp) {
    let manager = app.as_roles(&["neighbourhood_manager:BU05991081"]);
    let request = manager
        .data(
            "{ overdueCommitments { commitments { nodes { id } } } }",
            json!({}),
        )
        .await["overdueCommitments"]["commitments"]["nodes"][0]["id"]
        .clone();
    let raise = json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord binnen 24 uur." } });
    let first = manager.data(RAISE, raise.clone()).await["raiseEscalation"]["escalation"].clone();
    let second = manager.graphql(RAISE, raise.clone()).await;
    assert_eq!(error_code(&second), "BAD_USER_INPUT", "{second}");
    assert_eq!(second["errors"][0]["extensions"]["field"], "input.subject");
    // Once that one is closed, a new one may be raised — by one of four at once.
    let withdraw = "mutation($input: EscalationStepInput!) { withdrawEscalation(input: $input) { escalation { status } } }";
    let closed = manager
        .data(withdraw, step(&first["id"], 1, "Toch eerst zelf navragen."))
        .await;
    assert_eq!(
        closed["withdrawEscalation"]["escalation"]["status"],
        "WITHDRAWN"
    );
    let racing =
        futures_util::future::join_all((0..4).map(|_| manager.graphql(RAISE, raise.clone()))).await;
    let opened = racing
        .iter()
        .filter(|answer| answer["errors"].is_null())
        .count();
    assert_eq!(opened, 1, "{racing:#?}");
    let open = app
        .data(
            "{ escalations(filter: {status: OPEN}, first: 100) { nodes { commitment { id } } } }",
            json!({}),
        )
        .await;
    let on_request = open["escalations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["commitment"]["id"] == request)
        .count();
    assert_eq!(on_request, 1);
}

run_on_both_databases!(a_request_has_one_open_escalation_at_a_time);

async fn a_cluster_manager_chooses_and_replaces_their_own_clusters_representatives_only(
    app: TestApp,
) {
    let ids = app.data(r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { id team { nodes { id role cluster { code } validTo } } } } sb: clusters(filter: {code: "SB"}) { nodes { id } } mo: clusters(filter: {code: "MO"}) { nodes { id } } }"#, json!({})).await;
    let hood = &ids["neighbourhoods"]["nodes"][0];
    let (sb, mo) = (
        ids["sb"]["nodes"][0]["id"].clone(),
        ids["mo"]["nodes"][0]["id"].clone(),
    );
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id cluster { code } } } }";
    let end = "mutation($input: EndTeamMembershipInput!) { endTeamMembership(input: $input) { teamMembership { validTo } } }";
    let seat = |cluster: &Value, name: &str| json!({ "input": { "neighbourhoodId": hood["id"], "personName": name, "role": "CLUSTER_REPRESENTATIVE", "clusterId": cluster, "validFrom": "2017-01-01" } });
    let manager = app.as_roles(&["cluster_manager:SB"]);
    // Their own cluster's seat: added, and the predecessor's ended.
    let added =
        manager.data(add, seat(&sb, "Sanne de Wit")).await["addTeamMember"]["teamMembership"]
            .clone();
    assert_eq!(added["cluster"]["code"], "SB");
    let team = hood["team"]["nodes"].as_array().unwrap();
    let predecessor = team
        .iter()
        .find(|m| m["cluster"]["code"] == "SB" && m["validTo"].is_null())
        .expect("a seated SB representative");
    let ended = manager
        .data(
            end,
            json!({ "input": { "id": predecessor["id"], "validTo": "2016-12-31" } }),
        )
        .await;
    assert_eq!(
        ended["endTeamMembership"]["teamMembership"]["validTo"],
        "2016-12-31"
    );
    // Not another cluster's seat, not another role, and not as a cluster member.
    assert_eq!(
        error_code(&manager.graphql(add, seat(&mo, "Iemand Anders")).await),
        "FORBIDDEN"
    );
    let other_seat = team
        .iter()
        .find(|m| m["cluster"]["code"] == "MO" && m["validTo"].is_null())
        .expect("a seated MO representative");
    assert_eq!(
        error_code(
            &manager
                .graphql(
                    end,
                    json!({ "input": { "id": other_seat["id"], "validTo": "2016-12-31" } })
                )
                .await
        ),
        "FORBIDDEN"
    );
    let as_manager_role = json!({ "input": { "neighbourhoodId": hood["id"], "personName": "X", "role": "NEIGHBOURHOOD_MANAGER", "clusterId": sb, "validFrom": "2017-01-01" } });
    assert_eq!(
        manager.graphql(add, as_manager_role).await["errors"][0]["extensions"]["field"],
        "input.clusterId"
    );
    assert_eq!(
        error_code(
            &app.as_roles(&["cluster_member:SB"])
                .graphql(add, seat(&sb, "Niet Ik"))
                .await
        ),
        "FORBIDDEN"
    );
}

run_on_both_databases!(
    a_cluster_manager_chooses_and_replaces_their_own_clusters_representatives_only
);

async fn a_stalled_level_is_pulled_up_the_area_director_takes_over_and_an_answered_request_resolves_without_a_decision(
    app: TestApp,
) {
    use sea_orm::{ConnectionTrait, Statement};
    let manager = app.as_roles(&["neighbourhood_manager:BU05991081"]);
    let request = manager
        .data(
            "{ overdueCommitments { commitments { nodes { id } } } }",
            json!({}),
        )
        .await["overdueCommitments"]["commitments"]["nodes"][0]["id"]
        .clone();
    let raised = manager.data(RAISE, json!({ "input": { "subject": { "overdueCommitment": request }, "reason": "Geen antwoord binnen 24 uur." } })).await["raiseEscalation"]["escalation"].clone();
    let id = raised["id"].clone();
    let vei = app.as_roles(&["cluster_manager:VEI"]);
    // Fresh at team level: the level above may not take it yet.
    let early = vei
        .graphql(FURTHER, step(&id, 1, "Wij pakken het op."))
        .await;
    assert_eq!(error_code(&early), "FORBIDDEN", "{early}");
    // Five working days without a step.
    let row = crate::authz::db_id(&id);
    for sql in [
        format!(
            "UPDATE escalation_event SET occurred_at = '2020-01-06T09:00:00+00:00' WHERE escalation_id = {row}"
        ),
        format!("UPDATE escalation SET raised_at = '2020-01-06T09:00:00+00:00' WHERE id = {row}"),
    ] {
        app.db
            .execute_raw(Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap();
    }
    let pulled = vei.data(FURTHER, step(&id, 1, "Wij pakken het op.")).await["escalateFurther"]["escalation"].clone();
    assert_eq!(
        (pulled["level"].as_str(), pulled["owner"].as_str()),
        (Some("CLUSTER"), Some("cluster_manager:VEI"))
    );
    // The area director takes it over while the cluster still holds it.
    assert_eq!(
        error_code(
            &app.as_roles(&["area_director:WK059912"])
                .graphql(FURTHER, step(&id, 2, "x"))
                .await
        ),
        "NOT_FOUND"
    );
    let taken = app
        .as_roles(&["area_director:WK059910"])
        .data(FURTHER, step(&id, 2, "Ik neem dit over."))
        .await["escalateFurther"]["escalation"]
        .clone();
    assert_eq!(
        (taken["level"].as_str(), taken["owner"].as_str()),
        (Some("AREA"), Some("area_director:WK059910"))
    );
    let trail = app
        .data(
            "query($id: ID) { auditTrail(filter: {entityId: $id}) { nodes { operation } } }",
            json!({ "id": id }),
        )
        .await;
    let operations: Vec<&str> = trail["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        operations,
        ["raiseEscalation", "pullUpEscalation", "takeOverEscalation"]
    );
    // Once the cluster has answered, the director resolves without a decision of their own.
    let ids = app.data(r#"query($id: ID!) { node(id: $id) { ... on Commitment { version } } vei: clusters(filter: {code: "VEI"}) { nodes { id } } }"#, json!({ "id": request })).await;
    let line = app.data("query($c: ID) { budgetLines(filter: {clusterId: $c, year: 2016}, first: 1) { nodes { id } } }", json!({ "c": ids["vei"]["nodes"][0]["id"] })).await["budgetLines"]["nodes"][0]["id"].clone();
    let respond = "mutation($input: RespondToCommitmentInput!) { respondToCommitment(input: $input) { commitment { status } } }";
    let answered = app.as_roles(&["cluster_member:VEI"]).data(respond, json!({ "input": { "id": request, "expectedVersion": ids["node"]["version"], "answer": "ACCEPT", "hours": "4", "amount": "1", "budgetLineId": line } })).await;
    assert_eq!(
        answered["respondToCommitment"]["commitment"]["status"],
        "ACCEPTED"
    );
    let resolved = app
        .as_roles(&["area_director:WK059910"])
        .data(RESOLVE, step(&id, 3, "Beantwoord na overleg."))
        .await;
    assert_eq!(
        resolved["resolveEscalation"]["escalation"]["status"],
        "RESOLVED"
    );
}

run_on_both_databases!(a_stalled_level_is_pulled_up_the_area_director_takes_over_and_an_answered_request_resolves_without_a_decision);

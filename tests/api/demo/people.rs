//! The pilot's people: team sizes and turnover, residents' input per neighbourhood.

use super::*;

async fn every_pilot_team_has_eight_core_and_four_occasional_members_and_one_in_three_changed_a_member(
    app: TestApp,
) {
    let data = app.data(
        r#"{ july: teamMemberships(filter: {activeOn: "2016-07-01"}, first: 1000) { nodes { kind neighbourhood { code } } }
             all: teamMemberships(first: 1000) { nodes { role validFrom validTo cluster { code } neighbourhood { code } } } }"#,
        json!({}),
    ).await;
    let mut teams: HashMap<&str, (usize, usize)> = HashMap::new();
    for member in nodes(&data["july"]) {
        let team = teams
            .entry(member["neighbourhood"]["code"].as_str().unwrap())
            .or_default();
        match member["kind"].as_str().unwrap() {
            "CORE" => team.0 += 1,
            _ => team.1 += 1,
        }
    }
    assert_eq!(teams.len(), 10);
    for (code, sizes) in &teams {
        assert_eq!(*sizes, (8, 4), "{code}");
    }
    let all = nodes(&data["all"]);
    let ended: Vec<&Value> = all
        .iter()
        .filter(|m| m["validTo"] == "2016-05-31")
        .collect();
    assert_eq!(ended.len(), 4, "a change of member in every third team");
    for former in ended {
        let successor = all.iter().find(|m| {
            m["validFrom"] == "2016-06-01"
                && (&m["role"], &m["cluster"], &m["neighbourhood"])
                    == (
                        &former["role"],
                        &former["cluster"],
                        &former["neighbourhood"],
                    )
        });
        assert!(successor.is_some(), "{former} has a successor");
    }
}
run_on_both_databases!(
    every_pilot_team_has_eight_core_and_four_occasional_members_and_one_in_three_changed_a_member
);

async fn residents_input_differs_per_neighbourhood_and_lands_in_its_own_plan_or_its_areas_plan(
    app: TestApp,
) {
    let data = app.data(
        "{ residentInputs(first: 100) { nodes { summary outcome neighbourhood { code area { code } }
            landings { nodes { priority { plan { kind neighbourhood { code } area { code } } } } } } } }",
        json!({}),
    ).await;
    let inputs = nodes(&data["residentInputs"]);
    let summaries: HashSet<&str> = inputs
        .iter()
        .map(|i| i["summary"].as_str().unwrap())
        .collect();
    assert_eq!(
        summaries.len(),
        inputs.len(),
        "no input repeated across neighbourhoods"
    );
    let mut incorporated: HashMap<&str, usize> = HashMap::new();
    let mut in_area_plan = 0;
    for input in inputs.iter().filter(|i| i["outcome"] == "INCORPORATED") {
        let code = input["neighbourhood"]["code"].as_str().unwrap();
        *incorporated.entry(code).or_default() += 1;
        for landing in nodes(&input["landings"]) {
            let plan = &landing["priority"]["plan"];
            if plan["kind"] == "AREA_PLAN" {
                assert_eq!(plan["area"], input["neighbourhood"]["area"]);
                in_area_plan += 1;
            } else {
                assert_eq!(plan["neighbourhood"]["code"], code, "{input}");
            }
        }
    }
    assert_eq!(
        incorporated.len(),
        10,
        "every pilot neighbourhood finds some input back"
    );
    assert!(in_area_plan >= 1, "some input landed in an area plan");
    assert!(inputs.iter().any(|i| i["outcome"] == "NOT_INCORPORATED"));
}
run_on_both_databases!(
    residents_input_differs_per_neighbourhood_and_lands_in_its_own_plan_or_its_areas_plan
);

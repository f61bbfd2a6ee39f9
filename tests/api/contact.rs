//! The right door (issue 10, item 2): per neighbourhood the public sees the team's contact
//! address and its roles by cluster; a person's name only when that person is marked
//! public (the neighbourhood managers, residents' point of contact); nothing else about
//! people.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code, neighbourhood_id, run_on_both_databases};

const TEAM: &str = r#"{ neighbourhoods(filter: {code: "BU05991086"}) { nodes { contact
    team(first: 50) { nodes { role cluster { code } person { name } } } } } }"#;

/// The names of the people the SQL says are current members of Afrikaanderwijk's team
/// in `role`.
async fn names(app: &crate::helpers::TestApp, role: &str) -> Vec<String> {
    let sql = format!(
        "SELECT p.name AS name FROM team_membership m JOIN person p ON p.id = m.person_id
         JOIN neighbourhood n ON n.id = m.neighbourhood_id
         WHERE n.code = 'BU05991086' AND m.role = '{role}' AND m.valid_to IS NULL ORDER BY p.name"
    );
    let rows = app
        .db
        .query_all_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
    rows.iter()
        .map(|row| row.try_get("", "name").unwrap())
        .collect()
}

async fn the_public_sees_the_contact_and_team_roles_and_only_the_names_of_people_marked_public(
    app: TestApp,
) {
    let public = app.as_roles(&[]);
    let data = public.data(TEAM, json!({})).await;
    let hood = &data["neighbourhoods"]["nodes"][0];
    assert_eq!(hood["contact"], "wijkteam.bu05991086@rotterdam.example");
    let team: Vec<&Value> = hood["team"]["nodes"].as_array().unwrap().iter().collect();
    let mut current = 0;
    for role in [
        "NEIGHBOURHOOD_MANAGER",
        "CLUSTER_REPRESENTATIVE",
        "ACCOUNT_HOLDER",
        "OTHER",
    ] {
        current += names(&app, role).await.len();
    }
    assert_eq!(team.len(), current, "{data}");
    let managers: Vec<&Value> = team
        .iter()
        .filter(|m| m["role"] == "NEIGHBOURHOOD_MANAGER")
        .copied()
        .collect();
    assert_eq!(managers.len(), 1);
    assert_eq!(
        managers[0]["person"]["name"].as_str().unwrap(),
        names(&app, "NEIGHBOURHOOD_MANAGER").await[0]
    );
    for member in team.iter().filter(|m| m["role"] != "NEIGHBOURHOOD_MANAGER") {
        assert!(
            member["cluster"]["code"].is_string(),
            "roles by cluster: {member}"
        );
        assert!(
            member["person"].is_null(),
            "a representative is not named: {member}"
        );
    }
    // Listing people shows only those marked public.
    let people = public
        .data(
            "{ people(first: 100) { totalCount nodes { name } } }",
            json!({}),
        )
        .await;
    let sql = "SELECT COUNT(*) AS n FROM person WHERE public = true";
    let row = app
        .db
        .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        people["people"]["totalCount"].as_i64().unwrap(),
        row.try_get::<i64>("", "n").unwrap()
    );
    let representatives = names(&app, "CLUSTER_REPRESENTATIVE").await;
    assert!(
        !people["people"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| representatives.contains(&p["name"].as_str().unwrap().to_owned()))
    );
    // Staff see everyone's names.
    let staff = app
        .as_roles(&["neighbourhood_manager:BU05991086"])
        .data(TEAM, json!({}))
        .await;
    assert!(
        staff["neighbourhoods"]["nodes"][0]["team"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["person"]["name"].is_string())
    );
}

run_on_both_databases!(
    the_public_sees_the_contact_and_team_roles_and_only_the_names_of_people_marked_public
);

async fn the_neighbourhood_manager_sets_the_contact_and_names_a_new_member_public_only_when_asked(
    app: TestApp,
) {
    let hood = neighbourhood_id(&app, "BU05991086").await;
    let set = "mutation($input: SetNeighbourhoodContactInput!) { setNeighbourhoodContact(input: $input) { neighbourhood { contact } } }";
    let input = json!({ "input": { "neighbourhoodId": hood, "contact": "14 010, vraag naar het wijkteam" } });
    for wrong in [
        "neighbourhood_manager:BU05991081",
        "cluster_member:MO",
        "committee_member:WK059910",
    ] {
        assert_eq!(
            error_code(&app.as_roles(&[wrong]).graphql(set, input.clone()).await),
            "FORBIDDEN",
            "{wrong}"
        );
    }
    let manager = app.as_roles(&["neighbourhood_manager:BU05991086"]);
    let changed = manager.data(set, input).await;
    assert_eq!(
        changed["setNeighbourhoodContact"]["neighbourhood"]["contact"],
        "14 010, vraag naar het wijkteam"
    );

    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { teamMembership { id } } }";
    let member = |name: &str, public: bool| {
        json!({ "input": { "neighbourhoodId": hood, "personName": name,
        "personPublic": public, "role": "NEIGHBOURHOOD_MANAGER", "validFrom": "2016-01-01" } })
    };
    manager.data(add, member("Fatima el Amrani", true)).await;
    manager.data(add, member("Johan de Wit", false)).await;
    let team = app.as_roles(&[]).data(TEAM, json!({})).await;
    let named: Vec<&str> = team["neighbourhoods"]["nodes"][0]["team"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["person"]["name"].as_str())
        .collect();
    assert!(named.contains(&"Fatima el Amrani"), "{team}");
    assert!(!named.contains(&"Johan de Wit"), "{team}");
}

run_on_both_databases!(
    the_neighbourhood_manager_sets_the_contact_and_names_a_new_member_public_only_when_asked
);

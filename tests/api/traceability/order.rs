//! An input's landings in the order they were made.

use super::*;

async fn an_inputs_landings_come_in_the_order_they_were_made_not_by_row_id(app: TestApp) {
    let data = app.data(PLAN, json!({})).await;
    let priorities = data["plans"]["nodes"][0]["priorities"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let manager = app.as_roles(&[MANAGER]);
    let input = record(&app, "Een bankje bij de speeltuin.").await;
    for (version, priority) in [(1, &priorities[0]), (2, &priorities[1])] {
        let place = json!({ "priorityId": priority["id"] });
        manager.data(LINK, link(&input, version, place)).await;
    }
    // The first landing dated an hour after the second, as one entered late would be.
    let newest = resident_input::Entity::find()
        .order_by_desc(resident_input::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let landings: Vec<input_landing::Model> = input_landing::Entity::find()
        .order_by_asc(input_landing::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|landing| landing.resident_input_id == newest.id)
        .collect();
    assert_eq!(landings.len(), 2);
    let mut first: input_landing::ActiveModel = landings[0].clone().into();
    first.linked_at = Set(landings[1].linked_at + chrono::Duration::hours(1));
    first.update(&app.db).await.unwrap();

    let found = app
        .as_roles(&[])
        .data(LOOKUP, json!({ "ref": input["reference"] }))
        .await;
    let places: Vec<&Value> = found["residentInput"]["landings"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|landing| &landing["priority"]["id"])
        .collect();
    assert_eq!(places, [&priorities[1]["id"], &priorities[0]["id"]]);
}
run_on_both_databases!(an_inputs_landings_come_in_the_order_they_were_made_not_by_row_id);

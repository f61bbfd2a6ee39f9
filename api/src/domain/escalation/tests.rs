//! Unit tests of `domain::escalation`.

use super::steps::working_days_between;
use super::*;
use chrono::TimeZone;

fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).single().unwrap()
}

#[test]
fn working_days_count_weekdays_only() {
    // Friday 2026-11-27 to Monday 2026-11-30: one working day (the Monday).
    assert_eq!(working_days_between(at(2026, 11, 27), at(2026, 11, 30)), 1);
    // Monday to the next Monday: five.
    assert_eq!(working_days_between(at(2026, 11, 23), at(2026, 11, 30)), 5);
    assert_eq!(working_days_between(at(2026, 11, 30), at(2026, 11, 30)), 0);
    assert_eq!(working_days_between(at(2026, 12, 1), at(2026, 11, 30)), 0);
}

#[test]
fn the_ladder_climbs_team_cluster_area_city_and_ends_there() {
    use EscalationLevel::*;
    let mut level = Team;
    let mut climbed = vec![level];
    while let Some(next) = above(level) {
        climbed.push(next);
        level = next;
    }
    assert_eq!(climbed, [Team, Cluster, Area, City]);
}

#[test]
fn each_rung_is_owned_by_its_role_and_a_request_without_a_cluster_skips_to_the_area() {
    use EscalationLevel::*;
    let owner = |level, cluster| owner_at(level, "BU05991086", cluster, "WK059910");
    assert_eq!(owner(Team, Some("MO")), "neighbourhood_manager:BU05991086");
    assert_eq!(owner(Cluster, Some("MO")), "cluster_manager:MO");
    assert_eq!(owner(Cluster, None), "area_director:WK059910");
    assert_eq!(owner(Area, Some("MO")), "area_director:WK059910");
    assert_eq!(owner(City, Some("MO")), "admin");
}

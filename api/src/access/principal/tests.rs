//! Unit tests of `access::principal`.

use super::*;

#[test]
fn grants_parse_with_the_scope_their_role_needs() {
    assert_eq!(
        Grant::parse("cluster_member:MO").unwrap().to_string(),
        "cluster_member:MO"
    );
    assert_eq!(Grant::parse("admin").unwrap().role, Role::Admin);
    assert!(Grant::parse("area_director:WK059910").is_some());
    assert!(Grant::parse("neighbourhood_manager:BU05991086").is_some());
}

#[test]
fn malformed_grants_are_ignored_never_widened() {
    for text in [
        "admin:MO",
        "admin:",
        "controller:",
        "cluster_member",
        "cluster_member:",
        "cluster_member:mo",
        "area_director:BU05991086",
        "neighbourhood_manager:WK059910",
        "superuser",
        "public",
        "controller:*",
        "cluster_member:MO OR 1=1",
    ] {
        assert_eq!(Grant::parse(text), None, "{text}");
    }
}

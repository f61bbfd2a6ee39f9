//! Unit tests of `http::documents`.

use super::*;

fn request(text: &str) -> async_graphql::Request {
    async_graphql::Request::new(text)
}

#[test]
fn a_repeated_text_gets_the_kept_document_and_a_new_text_is_kept() {
    let documents = Documents::default();
    let mut first = request("{ plans { totalCount } }");
    documents.prepare(&mut first);
    assert_eq!(documents.size(), (1, first.query.len()));
    let mut again = request("{ plans { totalCount } }");
    documents.prepare(&mut again);
    assert_eq!(documents.size(), (1, first.query.len()));
    let parsed = again.parsed_query().map(|d| format!("{:?}", d.operations));
    assert!(parsed.is_ok_and(|ops| ops.contains("totalCount")));
}

#[test]
fn a_text_that_does_not_parse_is_not_kept() {
    let documents = Documents::default();
    let mut broken = request("{ plans { ");
    documents.prepare(&mut broken);
    assert_eq!(documents.size(), (0, 0));
    assert!(broken.parsed_query().is_err());
}

#[test]
fn the_text_bytes_stay_within_their_budget_least_recently_used_going_first() {
    let documents = Documents::default();
    // Documents of about 60 KiB each: 35 of them pass the 2 MiB budget.
    let field = format!("a{}", "b".repeat(60 * 1024));
    for n in 0..40 {
        let mut big = request(&format!("query Q{n} {{ {field} }}"));
        documents.prepare(&mut big);
    }
    let (count, bytes) = documents.size();
    assert!(bytes <= MOST_TEXT_BYTES, "{bytes} bytes kept");
    assert!(count < 40 && count > 30, "{count} kept");
    let kept = |n: usize| documents.keeps(&format!("query Q{n} {{ {field} }}"));
    assert!(!kept(0) && kept(39), "the least recently used went first");
}

#[test]
fn a_text_over_the_longest_kept_is_not_kept() {
    let documents = Documents::default();
    let mut huge = request(&format!("{{ a{} }}", "b".repeat(LONGEST_KEPT)));
    documents.prepare(&mut huge);
    assert_eq!(documents.size(), (0, 0));
    assert!(huge.parsed_query().is_ok());
}

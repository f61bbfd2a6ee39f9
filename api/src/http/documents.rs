//! Parsed documents kept for the next request with the same text. Clients send the same few
//! documents over and over (a portal's pages, a report script's query, persisted
//! operations), and parsing is a tenth of a small query's cost; a copy of a parsed
//! document is a fraction of that. Validation still runs on every request, since it
//! depends on the variables.
//!
//! The cache is bounded twice: by the number of documents and by the bytes of their text,
//! so a caller sending ever new large documents cannot grow it; the least recently used
//! go first. A document that does not parse is not kept: its error comes from execution as
//! before.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use async_graphql::parser::types::ExecutableDocument;

/// Most documents kept.
const MOST_DOCUMENTS: usize = 1_000;
/// Most bytes of document text kept (the parsed form is a small multiple of it).
const MOST_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// A text longer than this is parsed every time, not kept.
const LONGEST_KEPT: usize = 64 * 1024;

/// The parsed documents of one instance.
pub struct Documents {
    kept: Mutex<Kept>,
}

struct Kept {
    by_text: lru::LruCache<String, Arc<ExecutableDocument>>,
    text_bytes: usize,
}

impl Default for Documents {
    fn default() -> Self {
        Self {
            kept: Mutex::new(Kept {
                by_text: lru::LruCache::new(
                    NonZeroUsize::new(MOST_DOCUMENTS).unwrap_or(NonZeroUsize::MIN),
                ),
                text_bytes: 0,
            }),
        }
    }
}

impl Documents {
    /// Gives `request` its parsed document: a copy of the one kept for its text, or the
    /// one parsed now (kept for next time when it parses).
    pub fn prepare(&self, request: &mut async_graphql::Request) {
        if request.query.len() > LONGEST_KEPT {
            return;
        }
        // The copy is made outside the lock: requests wait for each other only for the
        // lookup.
        let kept = self.lock().by_text.get(&request.query).cloned();
        if let Some(document) = kept {
            request.set_parsed_query(ExecutableDocument::clone(&document));
            return;
        }
        let Ok(document) = request.parsed_query() else {
            return;
        };
        let document = Arc::new(document.clone());
        let text = request.query.clone();
        let mut kept = self.lock();
        kept.text_bytes += text.len();
        if let Some((evicted, _)) = kept.by_text.push(text, document) {
            kept.text_bytes -= evicted.len();
        }
        while kept.text_bytes > MOST_TEXT_BYTES {
            match kept.by_text.pop_lru() {
                Some((evicted, _)) => kept.text_bytes -= evicted.len(),
                None => break,
            }
        }
    }

    /// How many documents are kept, and the bytes of their text.
    #[cfg(test)]
    fn size(&self) -> (usize, usize) {
        let kept = self.lock();
        (kept.by_text.len(), kept.text_bytes)
    }

    /// Whether a document is kept for `text`.
    #[cfg(test)]
    fn keeps(&self, text: &str) -> bool {
        self.lock().by_text.contains(text)
    }

    /// The cache; a lock poisoned by a panic elsewhere still holds a valid cache.
    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
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
}

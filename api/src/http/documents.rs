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
mod tests;

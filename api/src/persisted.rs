//! Persisted operations: Apollo's automatic persisted queries (a request may carry only the
//! SHA-256 of a query it sent before; `PersistedQueryNotFound` tells the client to send it
//! again with the text), documents by id from a manifest file (Relay's `doc_id`, GraphQL
//! over HTTP's `documentId`), and an allow-list mode that runs only the manifest's
//! operations.
//!
//! The manifest (`WIJKGRAPH_PERSISTED_OPERATIONS`) is read at start-up. Two formats:
//! relay-compiler's `{ "<id>": "<document>" }`, and Apollo's persisted query manifest
//! `{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body", … }] }`.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::Mutex;

use async_graphql::ServerError;
use sha2::{Digest, Sha256};

/// Queries the automatic persisted query cache remembers, least recently used forgotten
/// first.
const CACHE_SIZE: usize = 2_000;

/// The persisted operations of one instance.
pub struct Persisted {
    /// Manifest documents by id.
    by_id: HashMap<String, String>,
    /// Manifest documents by the SHA-256 of their text (hex).
    by_hash: HashMap<String, String>,
    /// Whether only the manifest's operations run.
    only: bool,
    /// Queries clients registered with their hash (not in allow-list mode).
    cache: Mutex<lru::LruCache<String, String>>,
}

/// Why a persisted operation could not be resolved.
#[derive(Debug)]
pub enum Refused {
    /// The hash is not known: send the query with it (Apollo's signal).
    NotFound,
    /// The `documentId` is not in the manifest.
    UnknownDocument,
    /// The query's text does not have the hash it came with.
    HashMismatch,
    /// Allow-list mode and the operation is not in the manifest.
    NotAllowed,
}

impl Refused {
    /// The GraphQL error a client gets.
    pub fn to_error(&self) -> ServerError {
        let (message, code) = match self {
            // Apollo's persisted-query link looks for this exact message.
            Refused::NotFound => ("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"),
            Refused::UnknownDocument => ("documentId: no such persisted document", "BAD_REQUEST"),
            Refused::HashMismatch => (
                "extensions.persistedQuery.sha256Hash: not the SHA-256 of the query",
                "BAD_REQUEST",
            ),
            Refused::NotAllowed => (
                "only persisted operations run here: send a documentId from the manifest",
                "PERSISTED_QUERY_REQUIRED",
            ),
        };
        crate::error::request_error(code, message)
    }
}

/// The hex SHA-256 of `text`.
pub fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

impl Persisted {
    /// No manifest: automatic persisted queries only.
    pub fn automatic() -> Self {
        Self::with_manifest(HashMap::new(), false)
    }

    /// The documents of `manifest` (by id), running only those when `only`.
    pub fn with_manifest(by_id: HashMap<String, String>, only: bool) -> Self {
        let by_hash = by_id
            .values()
            .map(|document| (sha256(document), document.clone()))
            .collect();
        Self {
            by_id,
            by_hash,
            only,
            cache: Mutex::new(lru::LruCache::new(
                NonZeroUsize::new(CACHE_SIZE).unwrap_or(NonZeroUsize::MIN),
            )),
        }
    }

    /// Reads a manifest file's text: relay-compiler's map of id to document, or Apollo's
    /// persisted query manifest.
    pub fn parse_manifest(text: &str) -> Result<HashMap<String, String>, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|error| format!("not JSON: {error}"))?;
        if value.get("format").and_then(|f| f.as_str()) == Some("apollo-persisted-query-manifest") {
            let operations = value["operations"]
                .as_array()
                .ok_or("an Apollo manifest needs an operations list")?;
            return operations
                .iter()
                .map(
                    |operation| match (operation["id"].as_str(), operation["body"].as_str()) {
                        (Some(id), Some(body)) => Ok((id.to_owned(), body.to_owned())),
                        _ => Err("each operation needs a string id and body".to_owned()),
                    },
                )
                .collect();
        }
        let map = value
            .as_object()
            .ok_or("expected an object of id to document")?;
        map.iter()
            .map(|(id, document)| match document.as_str() {
                Some(document) => Ok((id.clone(), document.to_owned())),
                None => Err(format!("{id}: the document must be a string")),
            })
            .collect()
    }

    /// Fills in `request`'s query from `document_id` or its persisted-query hash, registers
    /// a new hash with its query, and in allow-list mode refuses what is not in the
    /// manifest.
    pub fn resolve(
        &self,
        request: &mut async_graphql::Request,
        document_id: Option<&str>,
    ) -> Result<(), Refused> {
        if let Some(id) = document_id {
            let document = self.by_id.get(id).ok_or(Refused::UnknownDocument)?;
            request.query = document.clone();
            return Ok(());
        }
        let hash = request
            .extensions
            .get("persistedQuery")
            .and_then(|persisted| match persisted {
                async_graphql::Value::Object(fields) => fields.get("sha256Hash").cloned(),
                _ => None,
            })
            .and_then(|hash| match hash {
                async_graphql::Value::String(hash) => Some(hash.to_ascii_lowercase()),
                _ => None,
            });
        match hash {
            Some(hash) if request.query.trim().is_empty() => {
                if let Some(document) = self.by_hash.get(&hash) {
                    request.query = document.clone();
                    return Ok(());
                }
                if self.only {
                    return Err(Refused::NotAllowed);
                }
                let cached = self
                    .cache
                    .lock()
                    .ok()
                    .and_then(|mut cache| cache.get(&hash).cloned());
                request.query = cached.ok_or(Refused::NotFound)?;
                Ok(())
            }
            Some(hash) => {
                if sha256(&request.query) != hash {
                    return Err(Refused::HashMismatch);
                }
                if self.only && !self.by_hash.contains_key(&hash) {
                    return Err(Refused::NotAllowed);
                }
                if let Ok(mut cache) = self.cache.lock() {
                    cache.put(hash, request.query.clone());
                }
                Ok(())
            }
            None if self.only && !self.by_hash.contains_key(&sha256(&request.query)) => {
                Err(Refused::NotAllowed)
            }
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;

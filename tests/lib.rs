//! Holder crate for the end-to-end test binary in `api/`.

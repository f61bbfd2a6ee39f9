//! The caller of a request.

/// Who is calling. Token verification turns a bearer token into a principal; no token is
/// the public principal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Principal {
    /// The token's subject; `None` for the public.
    pub subject: Option<String>,
}

impl Principal {
    /// The caller without a token.
    pub fn public() -> Self {
        Self::default()
    }
}

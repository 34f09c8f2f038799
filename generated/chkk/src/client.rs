// Generated from `specs/chkk.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, Operation, RequestParts};
/// Where the API is served. `Server::default()` is the first server the spec lists;
/// `Server::Custom` takes any base URL (a proxy, a mock server).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Server {
    /// `https://api.us.chkk.io/v1`
    Default,
    /// Any base URL; operation paths are appended to it.
    Custom(::std::string::String),
}
impl ::std::default::Default for Server {
    fn default() -> Self {
        Server::Default
    }
}
impl Server {
    /// The base URL, with variables substituted.
    pub fn url(&self) -> ::std::string::String {
        match self {
            Server::Default => ::std::string::String::from("https://api.us.chkk.io/v1"),
            Server::Custom(url) => url.clone(),
        }
    }
}
/// The security schemes of the spec, as operation requirements name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    BearerToken,
}
/// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Credentials {
    /// `bearer_token`: API key sent as is in the `Authorization` header.
    ///
    /// Authorization credentials supplied in the Authorization header.
    pub bearer_token: ::std::option::Option<
        crate::runtime::Secret<::std::string::String>,
    >,
    /// Sources awaited for a credential before each request that needs it (a token
    /// source, say); a source takes precedence over a value set for the same scheme.
    /// For HTTP basic, the credential is `username:password`.
    pub sources: crate::runtime::CredentialSources<Scheme>,
}
impl crate::runtime::SchemeCredentials for Credentials {
    type Scheme = Scheme;
    fn sources(&self) -> &crate::runtime::CredentialSources<Scheme> {
        &self.sources
    }
    fn has_value(&self, scheme: Scheme) -> bool {
        match scheme {
            Scheme::BearerToken => self.bearer_token.is_some(),
        }
    }
    fn attach(&self, scheme: Scheme, parts: &mut crate::runtime::RequestParts) {
        match scheme {
            Scheme::BearerToken => {
                if let Some(value) = &self.bearer_token {
                    parts.secret_header("Authorization", value.expose().clone());
                }
            }
        }
    }
    fn attach_value(
        &self,
        scheme: Scheme,
        value: &crate::runtime::Secret<::std::string::String>,
        parts: &mut crate::runtime::RequestParts,
    ) {
        match scheme {
            Scheme::BearerToken => {
                parts.secret_header("Authorization", value.expose().clone());
            }
        }
    }
}
crate::runtime::client!("chkk/0.1.0");
impl ClientBuilder {
    /// Sets the credentials for `bearer_token`.
    pub fn bearer_token(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.credentials.bearer_token = Some(crate::runtime::Secret::new(value.into()));
        self
    }
    /// Sets a source awaited for the `bearer_token` credential before each request that needs
    /// it, such as a token source that logs in and refreshes (any
    /// `token_source::TokenProvider`, where this crate has token support). It takes
    /// precedence over a fixed value.
    pub fn bearer_token_source(
        mut self,
        source: impl crate::runtime::CredentialSource + 'static,
    ) -> Self {
        self.credentials.sources.set(Scheme::BearerToken, ::std::sync::Arc::new(source));
        self
    }
}
impl Client {
    /// Get Access Token
    ///
    /// Authenticate and obtain access credentials for authorized operations.
    ///
    /// `POST /login` (operationId `login`)
    pub async fn login(&self) -> ApiResult<crate::types::LoginResponse, LoginError> {
        let mut parts = RequestParts::new("/login");
        parts.accept("application/json");
        let operation = Operation {
            id: "login",
            method: ::reqwest::Method::POST,
            path: "/login",
        };
        let response = self
            .transport
            .send(
                &operation,
                parts,
                &crate::runtime::Security::new(
                    &*self.credentials,
                    &[&[Scheme::BearerToken][..]],
                ),
            )
            .await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            _ => Err(response.unexpected()),
        }
    }
}
/// Declared error responses of `login`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum LoginError {}

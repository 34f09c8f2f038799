// Generated from `specs/chift.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, Operation, RequestParts};
/// Where the API is served. `Server::default()` is the first server the spec lists;
/// `Server::Custom` takes any base URL (a proxy, a mock server).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Server {
    /// `https://api.chift.eu`: Chift
    Chift,
    /// Any base URL; operation paths are appended to it.
    Custom(::std::string::String),
}
impl ::std::default::Default for Server {
    fn default() -> Self {
        Server::Chift
    }
}
impl Server {
    /// The base URL, with variables substituted.
    pub fn url(&self) -> ::std::string::String {
        match self {
            Server::Chift => ::std::string::String::from("https://api.chift.eu"),
            Server::Custom(url) => url.clone(),
        }
    }
}
/// The security schemes of the spec, as operation requirements name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    BearerAuth,
}
/// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Credentials {
    /// `bearerAuth`: sent as `Authorization: Bearer <token>`.
    ///
    /// This access token needs to be included in each of your request to the Chift API.
    pub bearer_auth: ::std::option::Option<
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
            Scheme::BearerAuth => self.bearer_auth.is_some(),
        }
    }
    fn attach(&self, scheme: Scheme, parts: &mut crate::runtime::RequestParts) {
        match scheme {
            Scheme::BearerAuth => {
                if let Some(value) = &self.bearer_auth {
                    parts.authorization("Bearer", value.expose());
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
            Scheme::BearerAuth => {
                parts.authorization("Bearer", value.expose());
            }
        }
    }
}
crate::runtime::client!("chift/0.1.0");
impl ClientBuilder {
    /// Sets the credentials for `bearerAuth`.
    pub fn bearer_auth(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.credentials.bearer_auth = Some(crate::runtime::Secret::new(value.into()));
        self
    }
    /// Sets a source awaited for the `bearerAuth` credential before each request that needs
    /// it, such as a token source that logs in and refreshes (any
    /// `token_source::TokenProvider`, where this crate has token support). It takes
    /// precedence over a fixed value.
    pub fn bearer_auth_source(
        mut self,
        source: impl crate::runtime::CredentialSource + 'static,
    ) -> Self {
        self.credentials.sources.set(Scheme::BearerAuth, ::std::sync::Arc::new(source));
        self
    }
}
impl Client {
    /// Get access token
    ///
    /// This endpoint allows you to get an access token that can be used as a BEARER token to access the protected endpoints of this APIs. The token is valid for 30 minutes. You can refresh the token by requesting a new token.
    ///
    /// `POST /token` (operationId `generate_access_token_token_post`)
    pub async fn generate_access_token_token_post(
        &self,
        body: &crate::types::AuthItem,
    ) -> ApiResult<crate::types::Token, GenerateAccessTokenTokenPostError> {
        let mut parts = RequestParts::new("/token");
        parts.accept("application/json");
        parts.json("application/json", body);
        let operation = Operation {
            id: "generate_access_token_token_post",
            method: ::reqwest::Method::POST,
            path: "/token",
        };
        let response = self
            .transport
            .send(&operation, parts, &crate::runtime::NoAuth)
            .await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            422 => {
                response
                    .error(Json, GenerateAccessTokenTokenPostError::UnprocessableEntity)
            }
            _ => Err(response.unexpected()),
        }
    }
}
/// Declared error responses of `generate_access_token_token_post`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum GenerateAccessTokenTokenPostError {
    /// Status 422: Validation Error
    UnprocessableEntity(crate::types::HttpValidationError),
}

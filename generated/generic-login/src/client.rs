// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, Operation, RequestParts};
/// Where the API is served. `Server::default()` is the first server the spec lists;
/// `Server::Custom` takes any base URL (a proxy, a mock server).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Server {
    /// `https://example.com`
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
            Server::Default => ::std::string::String::from("https://example.com"),
            Server::Custom(url) => url.clone(),
        }
    }
}
/// The security schemes of the spec, as operation requirements name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {}
/// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Credentials {
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
        match scheme {}
    }
    fn attach(&self, scheme: Scheme, _parts: &mut crate::runtime::RequestParts) {
        match scheme {}
    }
    fn attach_value(
        &self,
        scheme: Scheme,
        _value: &crate::runtime::Secret<::std::string::String>,
        _parts: &mut crate::runtime::RequestParts,
    ) {
        match scheme {}
    }
}
crate::runtime::client!("generic-login/0.2.0");
impl Client {
    /// Login
    ///
    /// Login with username and password
    ///
    /// `POST /api/v1/auth/login` (operationId `login`)
    pub async fn login(
        &self,
        body: &crate::types::LoginForm,
    ) -> ApiResult<crate::types::TokenResponse, LoginError> {
        let mut parts = RequestParts::new("/api/v1/auth/login");
        parts.accept("application/json");
        parts.form("application/x-www-form-urlencoded", body);
        let operation = Operation {
            id: "login",
            method: ::reqwest::Method::POST,
            path: "/api/v1/auth/login",
        };
        let response = self
            .transport
            .send(&operation, parts, &crate::runtime::NoAuth)
            .await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            400 => response.error(Json, LoginError::BadRequest),
            401 => response.error(Json, LoginError::Unauthorized),
            403 => response.error(Json, LoginError::Forbidden),
            404 => response.error(Json, LoginError::NotFound),
            409 => response.error(Json, LoginError::Conflict),
            422 => response.error(Json, LoginError::UnprocessableEntity),
            426 => response.error(Json, LoginError::UpgradeRequired),
            429 => response.error(Json, LoginError::TooManyRequests),
            500 => response.error(Json, LoginError::InternalServerError),
            502 => response.error(Json, LoginError::BadGateway),
            504 => response.error(Json, LoginError::GatewayTimeout),
            _ => Err(response.unexpected()),
        }
    }
}
/// Declared error responses of `login`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum LoginError {
    /// Status 400: Invalid request
    BadRequest(crate::types::ErrorEnvelope),
    /// Status 401: Authentication failed
    Unauthorized(crate::types::ErrorEnvelope),
    /// Status 403: Access forbidden
    Forbidden(crate::types::ErrorEnvelope),
    /// Status 404: Not found
    NotFound(crate::types::ErrorEnvelope),
    /// Status 409: Already exists
    Conflict(crate::types::ErrorEnvelope),
    /// Status 422: Validation error
    UnprocessableEntity(crate::types::ErrorEnvelope),
    /// Status 426: Upgrade required
    UpgradeRequired(crate::types::ErrorEnvelope),
    /// Status 429: Rate limited
    TooManyRequests(crate::types::ErrorEnvelope),
    /// Status 500: Internal server error
    InternalServerError(crate::types::ErrorEnvelope),
    /// Status 502: Bad gateway
    BadGateway(crate::types::ErrorEnvelope),
    /// Status 504: Gateway timeout
    GatewayTimeout(crate::types::ErrorEnvelope),
}

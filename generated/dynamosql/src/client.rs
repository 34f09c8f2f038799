// Generated from `specs/dynamosql.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, Operation, RequestParts};
/// Where the API is served. `Server::default()` is the first server the spec lists;
/// `Server::Custom` takes any base URL (a proxy, a mock server).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Server {
    /// `https://api.dynamosql.com`: Production
    Production,
    /// Any base URL; operation paths are appended to it.
    Custom(::std::string::String),
}
impl ::std::default::Default for Server {
    fn default() -> Self {
        Server::Production
    }
}
impl Server {
    /// The base URL, with variables substituted.
    pub fn url(&self) -> ::std::string::String {
        match self {
            Server::Production => {
                ::std::string::String::from("https://api.dynamosql.com")
            }
            Server::Custom(url) => url.clone(),
        }
    }
}
/// The security schemes of the spec, as operation requirements name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    CognitoJwt,
}
/// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Credentials {
    /// `cognitoJwt`: sent as `Authorization: Bearer <token>`.
    ///
    /// Bearer token obtained from `POST /v1/auth/token`. Pass in the `Authorization` header as `Bearer <token>`.
    pub cognito_jwt: ::std::option::Option<
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
            Scheme::CognitoJwt => self.cognito_jwt.is_some(),
        }
    }
    fn attach(&self, scheme: Scheme, parts: &mut crate::runtime::RequestParts) {
        match scheme {
            Scheme::CognitoJwt => {
                if let Some(value) = &self.cognito_jwt {
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
            Scheme::CognitoJwt => {
                parts.authorization("Bearer", value.expose());
            }
        }
    }
}
crate::runtime::client!("dynamosql/0.1.0");
impl ClientBuilder {
    /// Sets the credentials for `cognitoJwt`.
    pub fn cognito_jwt(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.credentials.cognito_jwt = Some(crate::runtime::Secret::new(value.into()));
        self
    }
    /// Sets a source awaited for the `cognitoJwt` credential before each request that needs
    /// it, such as a token source that logs in and refreshes (any
    /// `token_source::TokenProvider`, where this crate has token support). It takes
    /// precedence over a fixed value.
    pub fn cognito_jwt_source(
        mut self,
        source: impl crate::runtime::CredentialSource + 'static,
    ) -> Self {
        self.credentials.sources.set(Scheme::CognitoJwt, ::std::sync::Arc::new(source));
        self
    }
}
impl Client {
    /// Get access token
    ///
    /// Exchange API client credentials for a bearer token. The returned `accessToken` is a JWT valid for one hour.
    ///
    /// `POST /v1/auth/token` (operationId `authToken`)
    pub async fn auth_token(
        &self,
        body: &crate::types::AuthTokenBody,
    ) -> ApiResult<crate::types::AuthTokenResponse, AuthTokenError> {
        let mut parts = RequestParts::new("/v1/auth/token");
        parts.accept("application/json");
        parts.json("application/json", body);
        let operation = Operation {
            id: "authToken",
            method: ::reqwest::Method::POST,
            path: "/v1/auth/token",
        };
        let response = self
            .transport
            .send(&operation, parts, &crate::runtime::NoAuth)
            .await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            400 => response.error(Json, AuthTokenError::BadRequest),
            401 => response.error(Json, AuthTokenError::Unauthorized),
            429 => response.error(Json, AuthTokenError::TooManyRequests),
            _ => Err(response.unexpected()),
        }
    }
}
/// Declared error responses of `auth_token`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AuthTokenError {
    /// Status 400: Missing or invalid request body fields.
    BadRequest(crate::types::ApiResponse),
    /// Status 401: Invalid credentials.
    Unauthorized(crate::types::ApiResponse),
    /// Status 429: Too many requests.
    TooManyRequests(crate::types::ApiResponse),
}

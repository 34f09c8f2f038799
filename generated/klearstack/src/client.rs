// Generated from `specs/klearstack.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, Operation, RequestParts, Text};
/// Where the API is served. The first server's host is a placeholder, so there is no
/// `Server::default()`: give the host in its variables, or any base URL with
/// `Server::Custom`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Server {
    /// `{baseUrl}`: Your KlearStack instance.
    YourKlearStackInstance {
        /// Base URL of your KlearStack instance (the `URL` placeholder in the KlearStack documentation). Replace the default with your own instance's URL, without a trailing slash.
        ///
        /// Required: the spec's default, `https://your-klearstack-host`, is a placeholder and not a usable host.
        base_url: ::std::string::String,
    },
    /// Any base URL; operation paths are appended to it.
    Custom(::std::string::String),
}
impl Server {
    /// The base URL, with variables substituted.
    pub fn url(&self) -> ::std::string::String {
        match self {
            Server::YourKlearStackInstance { base_url } => {
                let mut url = ::std::string::String::new();
                url.push_str(base_url);
                url
            }
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
crate::runtime::client!("klearstack/0.2.0");
impl Client {
    /// Get Access Token
    ///
    /// The get_access_token endpoint will be used to get the access token and the refresh token, The validity of the access token will be some minutes, and the refresh token will be days.
    ///
    /// `POST /access/klearstack/get_access_token` (operationId `get_access_token`)
    pub async fn get_access_token(
        &self,
        body: &crate::types::GetAccessTokenRequest,
    ) -> ApiResult<crate::types::AccessTokenResponse, GetAccessTokenError> {
        let mut parts = RequestParts::new("/access/klearstack/get_access_token");
        parts.accept("application/json, text/plain");
        parts.multipart(body, &[]);
        let operation = Operation {
            id: "get_access_token",
            method: ::reqwest::Method::POST,
            path: "/access/klearstack/get_access_token",
        };
        let response = self
            .transport
            .send(&operation, parts, &crate::runtime::NoAuth)
            .await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            500 => response.error(Text, GetAccessTokenError::InternalServerError),
            _ => Err(response.unexpected()),
        }
    }
}
/// Declared error responses of `get_access_token`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum GetAccessTokenError {
    /// Status 500: Server error, returned for example when one or more required parameters (such as company_name) are missing.
    InternalServerError(::std::string::String),
}

// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, RequestParts};
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
impl Credentials {
    /// Attaches the first alternative whose credentials are all set, awaiting the
    /// sources among them. An operation whose alternatives are all unmet is sent
    /// without credentials, and the server decides.
    pub async fn authorize(
        &self,
        alternatives: &[&[Scheme]],
        parts: &mut crate::runtime::RequestParts,
    ) -> ::std::result::Result<(), crate::runtime::CredentialError> {
        let chosen = alternatives
            .iter()
            .find(|schemes| !schemes.is_empty() && schemes.iter().all(|s| self.has(*s)));
        for scheme in chosen.into_iter().flat_map(|schemes| schemes.iter()) {
            match self.sources.get(scheme) {
                Some(source) => {
                    let value = source
                        .credential()
                        .await
                        .map_err(crate::runtime::CredentialError)?;
                    Self::attach_value(*scheme, &value, parts);
                    parts.credential_from(source, &value);
                }
                None => self.attach(*scheme, parts),
            }
        }
        Ok(())
    }
    /// Whether the credentials for `scheme` are set, as a value or a source.
    pub fn has(&self, scheme: Scheme) -> bool {
        self.sources.get(&scheme).is_some() || match scheme {}
    }
    fn attach(&self, scheme: Scheme, _parts: &mut crate::runtime::RequestParts) {
        match scheme {}
    }
    fn attach_value(
        scheme: Scheme,
        _value: &crate::runtime::Secret<::std::string::String>,
        _parts: &mut crate::runtime::RequestParts,
    ) {
        match scheme {}
    }
}
/// A client for the API. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Client {
    transport: crate::runtime::Transport,
    credentials: Credentials,
}
/// Settings for a [`Client`]: timeout, user agent, default headers, credentials, and an
/// optional `reqwest::Client` of your own.
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    server: Server,
    settings: crate::runtime::TransportSettings,
    credentials: Credentials,
}
impl ClientBuilder {
    /// Time allowed for each whole request (default 30 s).
    pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
        self.settings.timeout = timeout;
        self
    }
    /// The `User-Agent` header sent with every request.
    pub fn user_agent(
        mut self,
        user_agent: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.settings.user_agent = user_agent.into();
        self
    }
    /// A header sent with every request. Its value prints as redacted in `Debug`, since
    /// default headers often carry an API key.
    pub fn default_header(
        mut self,
        name: impl ::std::convert::Into<::std::string::String>,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.settings
            .headers
            .push((name.into(), crate::runtime::Secret::new(value.into())));
        self
    }
    /// Uses your own `reqwest::Client` (proxies, TLS roots, connection pool). Timeout,
    /// user agent and default headers are still applied to each request; its redirect
    /// policy is its own (the default client follows no redirects).
    pub fn http_client(mut self, http: ::reqwest::Client) -> Self {
        self.settings.http = Some(http);
        self
    }
    /// Largest response body read, in bytes (default 16 MiB).
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.settings.body_limit = bytes;
        self
    }
    /// All credentials at once.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }
    /// Builds the client. Fails on a user agent or default header that is not a valid
    /// HTTP header.
    pub fn build(self) -> ::std::result::Result<Client, crate::runtime::BuildError> {
        Ok(Client {
            transport: self.settings.build(self.server.url())?,
            credentials: self.credentials,
        })
    }
}
impl Client {
    /// A builder for a client of `server`.
    pub fn builder(server: Server) -> ClientBuilder {
        ClientBuilder {
            server,
            settings: crate::runtime::TransportSettings::new("generic-login/0.1.0"),
            credentials: Credentials::default(),
        }
    }
    /// A client of `server` with default settings and no credentials.
    pub fn new(
        server: Server,
    ) -> ::std::result::Result<Self, crate::runtime::BuildError> {
        Self::builder(server).build()
    }
    /// The credentials the client holds.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.transport.base_url()
    }
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
        parts.header("Accept", "application/json")?;
        parts.form("application/x-www-form-urlencoded", body)?;
        let response = self.transport.send(parts, ::reqwest::Method::POST).await?;
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

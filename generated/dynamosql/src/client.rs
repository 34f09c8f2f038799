// Generated from `specs/dynamosql.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, RequestParts};
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
        self.sources.get(&scheme).is_some()
            || match scheme {
                Scheme::CognitoJwt => self.cognito_jwt.is_some(),
            }
    }
    fn attach(&self, scheme: Scheme, parts: &mut crate::runtime::RequestParts) {
        match scheme {
            Scheme::CognitoJwt => {
                if let Some(value) = &self.cognito_jwt {
                    parts
                        .secret_header(
                            "Authorization",
                            format!("Bearer {}", value.expose()),
                        );
                }
            }
        }
    }
    fn attach_value(
        scheme: Scheme,
        value: &crate::runtime::Secret<::std::string::String>,
        parts: &mut crate::runtime::RequestParts,
    ) {
        match scheme {
            Scheme::CognitoJwt => {
                parts
                    .secret_header(
                        "Authorization",
                        format!("Bearer {}", value.expose()),
                    );
            }
        }
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
            settings: crate::runtime::TransportSettings::new("dynamosql/0.1.0"),
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
        parts.header("Accept", "application/json")?;
        parts.json("application/json", body)?;
        let response = self.transport.send(parts, ::reqwest::Method::POST).await?;
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

// Generated from `tests/specs/files2.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, RequestParts};
/// Where the API is served. `Server::default()` is the first server the spec lists;
/// `Server::Custom` takes any base URL (a proxy, a mock server).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Server {
    /// `https://files.example.test/api/v2`
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
            Server::Default => {
                ::std::string::String::from("https://files.example.test/api/v2")
            }
            Server::Custom(url) => url.clone(),
        }
    }
}
/// The security schemes of the spec, as operation requirements name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scheme {
    BasicAuth,
    ApiKey,
}
/// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Credentials {
    /// `basicAuth`: username and password, sent as HTTP basic authentication.
    ///
    /// The account's user name and password.
    pub basic_auth: ::std::option::Option<
        (::std::string::String, crate::runtime::Secret<::std::string::String>),
    >,
    /// `apiKey`: API key sent as is in the `X-API-Key` header.
    pub api_key: ::std::option::Option<crate::runtime::Secret<::std::string::String>>,
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
                Scheme::BasicAuth => self.basic_auth.is_some(),
                Scheme::ApiKey => self.api_key.is_some(),
            }
    }
    fn attach(&self, scheme: Scheme, parts: &mut crate::runtime::RequestParts) {
        match scheme {
            Scheme::BasicAuth => {
                if let Some((user, password)) = &self.basic_auth {
                    let pair = format!("{user}:{}", password.expose());
                    parts
                        .secret_header(
                            "Authorization",
                            format!("Basic {}", crate ::runtime::base64(pair.as_bytes())),
                        );
                }
            }
            Scheme::ApiKey => {
                if let Some(value) = &self.api_key {
                    parts.secret_header("X-API-Key", value.expose().clone());
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
            Scheme::BasicAuth => {
                parts
                    .secret_header(
                        "Authorization",
                        format!(
                            "Basic {}", crate ::runtime::base64(value.expose()
                            .as_bytes())
                        ),
                    );
            }
            Scheme::ApiKey => {
                parts.secret_header("X-API-Key", value.expose().clone());
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
    /// Sets the credentials for `basicAuth`.
    pub fn basic_auth(
        mut self,
        username: impl ::std::convert::Into<::std::string::String>,
        password: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.credentials.basic_auth = Some((
            username.into(),
            crate::runtime::Secret::new(password.into()),
        ));
        self
    }
    /// Sets the credentials for `apiKey`.
    pub fn api_key(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.credentials.api_key = Some(crate::runtime::Secret::new(value.into()));
        self
    }
    /// Sets a source awaited for the `apiKey` credential before each request that needs
    /// it, such as a token source that logs in and refreshes (any
    /// `token_source::TokenProvider`, where this crate has token support). It takes
    /// precedence over a fixed value.
    pub fn api_key_source(
        mut self,
        source: impl crate::runtime::CredentialSource + 'static,
    ) -> Self {
        self.credentials.sources.set(Scheme::ApiKey, ::std::sync::Arc::new(source));
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
            settings: crate::runtime::TransportSettings::new("files2/0.1.0"),
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
    /// Lists the stored files.
    ///
    /// `GET /files` (operationId `listFiles`)
    ///
    /// Sends no optional parameter; [`Client::list_files_with`] takes them.
    pub async fn list_files(
        &self,
    ) -> ApiResult<::std::vec::Vec<crate::types::File>, ListFilesError> {
        self.list_files_with(&::std::default::Default::default()).await
    }
    /// Lists the stored files.
    ///
    /// `GET /files` (operationId `listFiles`)
    pub async fn list_files_with(
        &self,
        options: &ListFilesOptions,
    ) -> ApiResult<::std::vec::Vec<crate::types::File>, ListFilesError> {
        let mut parts = RequestParts::new("/files");
        parts.query("tag", &options.tag)?;
        parts
            .query_styled(
                "fields",
                &options.fields,
                crate::runtime::Style::Form,
                false,
            )?;
        parts.query("limit", &options.limit)?;
        self.credentials.authorize(&[&[Scheme::ApiKey][..]], &mut parts).await?;
        let response = self.transport.send(parts, ::reqwest::Method::GET).await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            401 => response.error(Json, ListFilesError::Unauthorized),
            _ => Err(response.unexpected()),
        }
    }
    /// Stores a file.
    ///
    /// `POST /files` (operationId `uploadFile`)
    pub async fn upload_file(
        &self,
        body: &crate::types::UploadFileBody,
    ) -> ApiResult<crate::types::File, UploadFileError> {
        let mut parts = RequestParts::new("/files");
        self.credentials.authorize(&[&[Scheme::BasicAuth][..]], &mut parts).await?;
        let mut form = crate::runtime::multipart_text_parts(body, &["file"])?;
        form = crate::runtime::multipart_file(form, "file", &body.file);
        parts.multipart(form);
        let response = self.transport.send(parts, ::reqwest::Method::POST).await?;
        match response.status.as_u16() {
            201 => response.ok(Json),
            400 => response.error(Json, UploadFileError::BadRequest),
            401 => response.error(Json, UploadFileError::Unauthorized),
            _ => Err(response.unexpected()),
        }
    }
    /// One file's description.
    ///
    /// `GET /files/{fileId}` (operationId `getFile`)
    pub async fn get_file(
        &self,
        file_id: &str,
    ) -> ApiResult<crate::types::File, GetFileError> {
        let mut parts = RequestParts::new("/files/");
        parts.path("fileId", &file_id)?;
        self.credentials.authorize(&[&[Scheme::ApiKey][..]], &mut parts).await?;
        let response = self.transport.send(parts, ::reqwest::Method::GET).await?;
        match response.status.as_u16() {
            200 => response.ok(Json),
            404 => response.error(Json, GetFileError::NotFound),
            _ => Err(response.unexpected()),
        }
    }
}
/// Optional parameters of `list_files`; `Default` leaves them all unset, `with_` methods set them.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListFilesOptions {
    /// Files with any of these tags (`tag=a&tag=b`).
    ///
    /// `tag` (query parameter).
    pub tag: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    /// The fields to return (`fields=id,name`).
    ///
    /// `fields` (query parameter).
    pub fields: ::std::option::Option<
        ::std::vec::Vec<crate::types::ListFilesFieldsItem>,
    >,
    /// `limit` (query parameter).
    pub limit: ::std::option::Option<i32>,
}
impl ListFilesOptions {
    /// Sets `tag`.
    pub fn with_tag(mut self, value: ::std::vec::Vec<::std::string::String>) -> Self {
        self.tag = ::std::option::Option::Some(value);
        self
    }
    /// Sets `fields`.
    pub fn with_fields(
        mut self,
        value: ::std::vec::Vec<crate::types::ListFilesFieldsItem>,
    ) -> Self {
        self.fields = ::std::option::Option::Some(value);
        self
    }
    /// Sets `limit`.
    pub fn with_limit(mut self, value: i32) -> Self {
        self.limit = ::std::option::Option::Some(value);
        self
    }
}
/// Declared error responses of `list_files`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ListFilesError {
    /// Status 401: Missing or wrong credentials.
    Unauthorized(crate::types::Problem),
}
/// Declared error responses of `upload_file`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum UploadFileError {
    /// Status 400: The form is incomplete.
    BadRequest(crate::types::Problem),
    /// Status 401: Missing or wrong credentials.
    Unauthorized(crate::types::Problem),
}
/// Declared error responses of `get_file`, chosen by status code.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum GetFileError {
    /// Status 404: No such file.
    NotFound(crate::types::Problem),
}

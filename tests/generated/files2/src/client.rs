// Generated from `tests/specs/files2.yaml` by `cargo xtask codegen`; do not edit.

//! The client and its operations.
use crate::runtime::{ApiResult, Json, Operation, RequestParts};
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
impl crate::runtime::SchemeCredentials for Credentials {
    type Scheme = Scheme;
    fn sources(&self) -> &crate::runtime::CredentialSources<Scheme> {
        &self.sources
    }
    fn has_value(&self, scheme: Scheme) -> bool {
        match scheme {
            Scheme::BasicAuth => self.basic_auth.is_some(),
            Scheme::ApiKey => self.api_key.is_some(),
        }
    }
    fn attach(&self, scheme: Scheme, parts: &mut crate::runtime::RequestParts) {
        match scheme {
            Scheme::BasicAuth => {
                if let Some((user, password)) = &self.basic_auth {
                    parts.basic_auth(user, password);
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
        &self,
        scheme: Scheme,
        value: &crate::runtime::Secret<::std::string::String>,
        parts: &mut crate::runtime::RequestParts,
    ) {
        match scheme {
            Scheme::BasicAuth => {
                parts.basic_auth_pair(value.expose());
            }
            Scheme::ApiKey => {
                parts.secret_header("X-API-Key", value.expose().clone());
            }
        }
    }
}
crate::runtime::client!("files2/0.1.0");
impl ClientBuilder {
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
}
impl Client {
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
        parts.query("tag", &options.tag);
        parts
            .query_styled("fields", &options.fields, crate::runtime::Style::Form, false);
        parts.query("limit", &options.limit);
        parts.accept("application/json");
        let operation = Operation {
            id: "listFiles",
            method: ::reqwest::Method::GET,
            path: "/files",
        };
        let response = self
            .transport
            .send(
                &operation,
                parts,
                &crate::runtime::Security::new(
                    &*self.credentials,
                    &[&[Scheme::ApiKey][..]],
                ),
            )
            .await?;
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
        parts.accept("application/json");
        parts.multipart(body, &["file"]);
        parts.multipart_file("file", &body.file);
        let operation = Operation {
            id: "uploadFile",
            method: ::reqwest::Method::POST,
            path: "/files",
        };
        let response = self
            .transport
            .send(
                &operation,
                parts,
                &crate::runtime::Security::new(
                    &*self.credentials,
                    &[&[Scheme::BasicAuth][..]],
                ),
            )
            .await?;
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
        parts.path("fileId", &file_id);
        parts.accept("application/json");
        let operation = Operation {
            id: "getFile",
            method: ::reqwest::Method::GET,
            path: "/files/{fileId}",
        };
        let response = self
            .transport
            .send(
                &operation,
                parts,
                &crate::runtime::Security::new(
                    &*self.credentials,
                    &[&[Scheme::ApiKey][..]],
                ),
            )
            .await?;
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

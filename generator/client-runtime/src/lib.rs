//! Support code shared by every generated API client: the error type, responses, secrets,
//! credentials, and the encoders for parameters and bodies. Each generated crate depends on
//! this one and re-exports it as its `runtime` module, so the code is compiled once for every
//! client a program uses.

use ::std::fmt;

pub mod de;
#[cfg(feature = "mock")]
pub mod mock;
mod renew;
mod request;
mod style;
mod transport;

/// Derives `serde::Deserialize` for the types of a generated client (see [`de`]).
pub use client_runtime_macros::Deserialize;
pub use request::*;
pub use transport::{Transport, TransportSettings};

/// Largest response body read by default (16 MiB); larger bodies are an error, not an
/// unbounded allocation.
pub const DEFAULT_BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Time allowed for a whole request by default.
pub const DEFAULT_TIMEOUT: ::std::time::Duration = ::std::time::Duration::from_secs(30);

/// A value that must not leak: `Debug` and `Display` print `[redacted]`. On the wire it is the
/// plain value. Read it on purpose with [`Secret::expose`].
#[derive(
    Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize,
)]
#[serde(transparent)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Secret(value)
    }

    /// The value itself, for the one place that must send or store it.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl<T> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<T> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret<::std::string::String> {
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

/// A decoded response, with its status and headers.
#[derive(Clone)]
pub struct ResponseValue<T> {
    /// The HTTP status.
    pub status: ::reqwest::StatusCode,
    /// The response headers.
    pub headers: ::reqwest::header::HeaderMap,
    /// The decoded body.
    pub body: T,
}

impl<T: fmt::Debug> fmt::Debug for ResponseValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Header values can carry session cookies; only their names are shown.
        let names: ::std::vec::Vec<&str> = self.headers.keys().map(|k| k.as_str()).collect();
        f.debug_struct("ResponseValue")
            .field("status", &self.status)
            .field("headers", &names)
            .field("body", &self.body)
            .finish()
    }
}

impl<T> ResponseValue<T> {
    /// The body, dropping status and headers.
    pub fn into_body(self) -> T {
        self.body
    }
}

/// A raw response body kept for diagnosis. `Debug` shows only its length, since a body that
/// failed to decode may still hold a token.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct RawBody(::std::vec::Vec<u8>);

impl RawBody {
    /// The bytes as received (up to the body limit).
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes as text, with invalid UTF-8 replaced.
    pub fn text_lossy(&self) -> ::std::string::String {
        ::std::string::String::from_utf8_lossy(&self.0).into_owned()
    }
}

impl fmt::Debug for RawBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawBody({} bytes)", self.0.len())
    }
}

/// Why an operation failed. `E` is the operation's own enum of declared error statuses.
pub enum Error<E> {
    /// The server answered with a status the spec declares as an error; decoded by status code.
    Status(E),
    /// The server answered with a status the spec does not declare.
    UnexpectedStatus {
        /// The status.
        status: ::reqwest::StatusCode,
        /// The headers.
        headers: ::reqwest::header::HeaderMap,
        /// The body, read up to the body limit.
        body: RawBody,
    },
    /// The body does not match the schema declared for its status.
    Decode {
        /// The status.
        status: ::reqwest::StatusCode,
        /// The body as received.
        body: RawBody,
        /// What did not match, without the values themselves.
        message: ::std::string::String,
    },
    /// The body is larger than the client's body limit.
    BodyTooLarge {
        /// The status.
        status: ::reqwest::StatusCode,
        /// The limit in bytes.
        limit: usize,
    },
    /// The request did not complete within the client's timeout.
    Timeout,
    /// The request could not be sent or the response not received.
    Transport(::reqwest::Error),
    /// The request could not be built from the given values (e.g. an invalid header value).
    InvalidRequest(::std::string::String),
    /// A credential source (a token source, say) could not supply the credential.
    Credential(CredentialError),
}

/// Header names only, as for [`ResponseValue`]: the headers of an unexpected reply can carry
/// a session cookie or a token.
struct HeaderNames<'a>(&'a ::reqwest::header::HeaderMap);

impl fmt::Debug for HeaderNames<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.keys().map(|k| k.as_str()))
            .finish()
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Status(error) => f.debug_tuple("Status").field(error).finish(),
            Error::UnexpectedStatus {
                status,
                headers,
                body,
            } => f
                .debug_struct("UnexpectedStatus")
                .field("status", status)
                .field("headers", &HeaderNames(headers))
                .field("body", body)
                .finish(),
            Error::Decode {
                status,
                body,
                message,
            } => f
                .debug_struct("Decode")
                .field("status", status)
                .field("body", body)
                .field("message", message)
                .finish(),
            Error::BodyTooLarge { status, limit } => f
                .debug_struct("BodyTooLarge")
                .field("status", status)
                .field("limit", limit)
                .finish(),
            Error::Timeout => f.write_str("Timeout"),
            Error::Transport(error) => f.debug_tuple("Transport").field(error).finish(),
            Error::InvalidRequest(message) => {
                f.debug_tuple("InvalidRequest").field(message).finish()
            }
            Error::Credential(error) => f.debug_tuple("Credential").field(error).finish(),
        }
    }
}

impl<E: fmt::Debug> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Status(error) => write!(f, "error response: {error:?}"),
            Error::UnexpectedStatus { status, body, .. } => {
                write!(
                    f,
                    "unexpected status {status} ({} bytes of body)",
                    body.bytes().len()
                )
            }
            Error::Decode {
                status, message, ..
            } => write!(f, "cannot decode the {status} response: {message}"),
            Error::BodyTooLarge { status, limit } => {
                write!(f, "the {status} response body exceeds {limit} bytes")
            }
            Error::Timeout => f.write_str("the request timed out"),
            Error::Transport(error) => write!(f, "transport error: {error}"),
            Error::InvalidRequest(message) => write!(f, "invalid request: {message}"),
            Error::Credential(error) => write!(f, "{error}"),
        }
    }
}

impl<E: fmt::Debug> ::std::error::Error for Error<E> {
    fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            Error::Transport(error) => Some(error),
            Error::Credential(error) => Some(error),
            _ => None,
        }
    }
}

impl<E> Error<E> {
    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> ::std::option::Option<::reqwest::StatusCode> {
        match self {
            Error::UnexpectedStatus { status, .. }
            | Error::Decode { status, .. }
            | Error::BodyTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// What every operation returns: the decoded success with its status and headers, or why the
/// call failed.
pub type ApiResult<T, E> = ::std::result::Result<ResponseValue<T>, Error<E>>;

/// Why a request could not be built from the given values (a header value with a line break,
/// a form body that is not an object...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRequest(pub ::std::string::String);

impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ::std::error::Error for InvalidRequest {}

impl<E> From<InvalidRequest> for Error<E> {
    fn from(error: InvalidRequest) -> Self {
        Error::InvalidRequest(error.0)
    }
}

impl<E> From<CredentialError> for Error<E> {
    fn from(error: CredentialError) -> Self {
        Error::Credential(error)
    }
}

/// A transport error, with the URL removed: API keys may travel in the query string.
pub fn transport_error<E>(error: ::reqwest::Error) -> Error<E> {
    if error.is_timeout() {
        Error::Timeout
    } else {
        Error::Transport(error.without_url())
    }
}

/// A response read to its end, bounded by the body limit.
pub struct RawResponse {
    /// The status.
    pub status: ::reqwest::StatusCode,
    /// The headers.
    pub headers: ::reqwest::header::HeaderMap,
    /// The body.
    pub body: ::std::vec::Vec<u8>,
}

/// Sends a request and reads the whole response, never more than `limit` bytes of body.
pub(crate) async fn send<E>(
    request: ::reqwest::RequestBuilder,
    limit: usize,
) -> ::std::result::Result<RawResponse, Error<E>> {
    let mut response = request.send().await.map_err(transport_error)?;
    let status = response.status();
    let headers = ::std::mem::take(response.headers_mut());
    if response
        .content_length()
        .is_some_and(|length| length > limit as u64)
    {
        return Err(Error::BodyTooLarge { status, limit });
    }
    let mut body = ::std::vec::Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if body.len() + chunk.len() > limit {
            return Err(Error::BodyTooLarge { status, limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(RawResponse {
        status,
        headers,
        body,
    })
}

impl RawResponse {
    /// Decodes a JSON body.
    pub fn json<T: ::serde::de::DeserializeOwned, E>(&self) -> ::std::result::Result<T, Error<E>> {
        ::serde_json::from_slice(&self.body).map_err(|error| Error::Decode {
            status: self.status,
            body: RawBody(self.body.clone()),
            // serde_json's message can quote the offending value; keep only its class and place.
            message: format!(
                "{:?} error at line {} column {}",
                error.classify(),
                error.line(),
                error.column()
            ),
        })
    }

    /// A text body (invalid UTF-8 replaced: a plain-text error message is still worth reading).
    pub fn text(&self) -> ::std::string::String {
        ::std::string::String::from_utf8_lossy(&self.body).into_owned()
    }

    /// A raw body.
    pub fn bytes(&self) -> ::std::vec::Vec<u8> {
        self.body.clone()
    }

    /// The error for a status the spec does not declare.
    pub fn unexpected<E>(self) -> Error<E> {
        Error::UnexpectedStatus {
            status: self.status,
            headers: self.headers,
            body: RawBody(self.body),
        }
    }

    /// Wraps a decoded body with this response's status and headers.
    pub fn value<T>(self, body: T) -> ResponseValue<T> {
        ResponseValue {
            status: self.status,
            headers: self.headers,
            body,
        }
    }

    /// The operation's one success type, decoded.
    pub fn ok<T, E>(self, decoder: impl Decode<T>) -> ApiResult<T, E> {
        let body = decoder.decode(&self)?;
        Ok(self.value(body))
    }

    /// One variant of the operation's success enum, decoded.
    pub fn success<T, S, E, A>(
        self,
        decoder: impl Decode<T>,
        variant: impl Variant<A, T, S>,
    ) -> ApiResult<S, E> {
        let body = variant.build(self.status, decoder.decode(&self)?);
        Ok(self.value(body))
    }

    /// One variant of the operation's error enum, decoded.
    pub fn error<T, S, E, A>(
        self,
        decoder: impl Decode<T>,
        variant: impl Variant<A, T, E>,
    ) -> ApiResult<S, E> {
        Err(Error::Status(
            variant.build(self.status, decoder.decode(&self)?),
        ))
    }
}

/// How a response body is decoded: [`Json`], [`Text`] or [`Bytes`].
pub trait Decode<T> {
    /// Decodes the body of `response`.
    fn decode<E>(&self, response: &RawResponse) -> ::std::result::Result<T, Error<E>>;
}

/// A JSON body.
pub struct Json;

/// A text body.
pub struct Text;

/// A raw body.
pub struct Bytes;

impl<T: ::serde::de::DeserializeOwned> Decode<T> for Json {
    fn decode<E>(&self, response: &RawResponse) -> ::std::result::Result<T, Error<E>> {
        response.json()
    }
}

impl Decode<::std::string::String> for Text {
    fn decode<E>(
        &self,
        response: &RawResponse,
    ) -> ::std::result::Result<::std::string::String, Error<E>> {
        Ok(response.text())
    }
}

impl Decode<::std::vec::Vec<u8>> for Bytes {
    fn decode<E>(
        &self,
        response: &RawResponse,
    ) -> ::std::result::Result<::std::vec::Vec<u8>, Error<E>> {
        Ok(response.bytes())
    }
}

/// The constructor of a status variant: `Variant(body)` for an exact status, or
/// `Variant(status, body)` for a range or `default`, whose status is only known on arrival.
/// `A` tells the two apart.
pub trait Variant<A, T, V> {
    /// The variant for `body` received with `status`.
    fn build(self, status: ::reqwest::StatusCode, body: T) -> V;
}

impl<F: FnOnce(T) -> V, T, V> Variant<(T,), T, V> for F {
    fn build(self, _status: ::reqwest::StatusCode, body: T) -> V {
        self(body)
    }
}

impl<F: FnOnce(::reqwest::StatusCode, T) -> V, T, V> Variant<(::reqwest::StatusCode, T), T, V>
    for F
{
    fn build(self, status: ::reqwest::StatusCode, body: T) -> V {
        self(status, body)
    }
}

/// Serde support for properties that may be absent, `null`, or a value: `None` is absent
/// (not sent), `Some(None)` is `null`, `Some(Some(v))` is the value.
pub mod nullable {
    /// Writes `Some(None)` as `null` (absent values are skipped by the field attribute).
    pub fn serialize<T: ::serde::Serialize, S: ::serde::Serializer>(
        value: &::std::option::Option<::std::option::Option<T>>,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match value {
            Some(inner) => ::serde::Serialize::serialize(inner, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a present property: `null` becomes `Some(None)`.
    pub fn deserialize<'de, T: ::serde::Deserialize<'de>, D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<::std::option::Option<::std::option::Option<T>>, D::Error> {
        <::std::option::Option<T> as ::serde::Deserialize>::deserialize(deserializer).map(Some)
    }
}

/// Any error, boxed: what a [`CredentialSource`] may fail with.
pub type BoxError = ::std::boxed::Box<dyn ::std::error::Error + Send + Sync>;

/// The future a [`CredentialSource`] returns.
pub type CredentialFuture<'a> = ::std::pin::Pin<
    ::std::boxed::Box<
        dyn ::std::future::Future<
                Output = ::std::result::Result<Secret<::std::string::String>, BoxError>,
            > + Send
            + 'a,
    >,
>;

/// Supplies a credential each time a request needs one: a token source that logs in and
/// refreshes, a secrets store. Set one with the builder's `*_source` setters; it is awaited
/// before every request that uses its scheme. A boxed future keeps the trait dyn-compatible.
pub trait CredentialSource: Send + Sync {
    /// The credential's current value (a bearer token, an API key).
    fn credential(&self) -> CredentialFuture<'_>;

    /// The API answered 401 to a request that carried `credential`: drop it if it is still
    /// the current one, so that the next [`CredentialSource::credential`] gets a new one. The
    /// default does nothing.
    fn reject(&self, credential: &Secret<::std::string::String>) {
        let _ = credential;
    }
}

/// Any token provider (this API's, another API's, or one of the user's) can supply a client's
/// bearer or API key credentials: see the builders' `*_source` setters.
impl<T: ::token_source::TokenProvider + ?Sized> CredentialSource for T {
    fn credential(&self) -> CredentialFuture<'_> {
        ::std::boxed::Box::pin(async move {
            let token = ::token_source::TokenProvider::token(self).await?;
            Ok(Secret::new(token.expose().to_string()))
        })
    }

    fn reject(&self, credential: &Secret<::std::string::String>) {
        // Token sources compare tokens by value, so a token rebuilt from the value names
        // the one that was refused.
        let refused = ::token_source::AccessToken::new(
            credential.expose().clone(),
            ::std::time::Duration::ZERO,
        );
        ::token_source::TokenProvider::invalidate(self, &refused);
    }
}

/// A credential source failed. Its message is the source's error, which never holds the
/// credential itself.
#[derive(Debug)]
pub struct CredentialError(pub BoxError);

impl fmt::Display for CredentialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot obtain a credential: {}", self.0)
    }
}

impl ::std::error::Error for CredentialError {
    fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

/// The credential sources set on a client, by scheme. `Debug` names the schemes only.
pub struct CredentialSources<K> {
    entries: ::std::vec::Vec<(K, ::std::sync::Arc<dyn CredentialSource>)>,
}

impl<K: PartialEq> CredentialSources<K> {
    /// Sets the source for `scheme`, replacing any earlier one.
    pub fn set(&mut self, scheme: K, source: ::std::sync::Arc<dyn CredentialSource>) {
        self.entries.retain(|(key, _)| *key != scheme);
        self.entries.push((scheme, source));
    }

    /// The source for `scheme`, if one is set.
    pub fn get(
        &self,
        scheme: &K,
    ) -> ::std::option::Option<&::std::sync::Arc<dyn CredentialSource>> {
        self.entries
            .iter()
            .find(|(key, _)| key == scheme)
            .map(|(_, source)| source)
    }
}

impl<K> Default for CredentialSources<K> {
    fn default() -> Self {
        CredentialSources {
            entries: ::std::vec::Vec::new(),
        }
    }
}

impl<K: Clone> Clone for CredentialSources<K> {
    fn clone(&self) -> Self {
        CredentialSources {
            entries: self.entries.clone(),
        }
    }
}

impl<K: fmt::Debug> fmt::Debug for CredentialSources<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.entries.iter().map(|(key, _)| key))
            .finish()
    }
}

/// The HTTP client could not be built (e.g. the TLS backend failed to initialise).
#[derive(Debug)]
pub struct BuildError(pub ::std::string::String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot build the HTTP client: {}", self.0)
    }
}

impl ::std::error::Error for BuildError {}

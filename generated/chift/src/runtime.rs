// Generated from `specs/chift.yaml` by `cargo xtask codegen`; do not edit.

//! Support code shared by every operation of this client: the error type, responses, secrets,
//! and the encoders for parameters and bodies. Generated clients of every API carry the same
//! module, so it is written once, by hand, and copied in by the generator.
use ::std::fmt;
/// Largest response body read by default (16 MiB); larger bodies are an error, not an
/// unbounded allocation.
pub const DEFAULT_BODY_LIMIT: usize = 16 * 1024 * 1024;
/// Time allowed for a whole request by default.
pub const DEFAULT_TIMEOUT: ::std::time::Duration = ::std::time::Duration::from_secs(30);
/// A value that must not leak: `Debug` and `Display` print `[redacted]`. On the wire it is the
/// plain value. Read it on purpose with [`Secret::expose`].
#[derive(
    Clone,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    ::serde::Serialize,
    ::serde::Deserialize
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
        let names: ::std::vec::Vec<&str> = self
            .headers
            .keys()
            .map(|k| k.as_str())
            .collect();
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
        f.debug_list().entries(self.0.keys().map(|k| k.as_str())).finish()
    }
}
impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Status(error) => f.debug_tuple("Status").field(error).finish(),
            Error::UnexpectedStatus { status, headers, body } => {
                f.debug_struct("UnexpectedStatus")
                    .field("status", status)
                    .field("headers", &HeaderNames(headers))
                    .field("body", body)
                    .finish()
            }
            Error::Decode { status, body, message } => {
                f.debug_struct("Decode")
                    .field("status", status)
                    .field("body", body)
                    .field("message", message)
                    .finish()
            }
            Error::BodyTooLarge { status, limit } => {
                f.debug_struct("BodyTooLarge")
                    .field("status", status)
                    .field("limit", limit)
                    .finish()
            }
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
                    f, "unexpected status {status} ({} bytes of body)", body.bytes()
                    .len()
                )
            }
            Error::Decode { status, message, .. } => {
                write!(f, "cannot decode the {status} response: {message}")
            }
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
pub async fn send<E>(
    request: ::reqwest::RequestBuilder,
    limit: usize,
) -> ::std::result::Result<RawResponse, Error<E>> {
    let mut response = request.send().await.map_err(transport_error)?;
    let status = response.status();
    let headers = ::std::mem::take(response.headers_mut());
    if response.content_length().is_some_and(|length| length > limit as u64) {
        return Err(Error::BodyTooLarge {
            status,
            limit,
        });
    }
    let mut body = ::std::vec::Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if body.len() + chunk.len() > limit {
            return Err(Error::BodyTooLarge {
                status,
                limit,
            });
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
    pub fn json<T: ::serde::de::DeserializeOwned, E>(
        &self,
    ) -> ::std::result::Result<T, Error<E>> {
        ::serde_json::from_slice(&self.body)
            .map_err(|error| Error::Decode {
                status: self.status,
                body: RawBody(self.body.clone()),
                message: format!(
                    "{:?} error at line {} column {}", error.classify(), error.line(),
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
        Err(Error::Status(variant.build(self.status, decoder.decode(&self)?)))
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
impl<
    F: FnOnce(::reqwest::StatusCode, T) -> V,
    T,
    V,
> Variant<(::reqwest::StatusCode, T), T, V> for F {
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
    ) -> ::std::result::Result<
        ::std::option::Option<::std::option::Option<T>>,
        D::Error,
    > {
        <::std::option::Option<T> as ::serde::Deserialize>::deserialize(deserializer)
            .map(Some)
    }
}
/// Any error, boxed: what a [`CredentialSource`] may fail with.
pub type BoxError = ::std::boxed::Box<dyn ::std::error::Error + Send + Sync>;
/// The future a [`CredentialSource`] returns.
pub type CredentialFuture<'a> = ::std::pin::Pin<
    ::std::boxed::Box<
        dyn ::std::future::Future<
            Output = ::std::result::Result<Secret<::std::string::String>, BoxError>,
        > + Send + 'a,
    >,
>;
/// Supplies a credential each time a request needs one: a token source that logs in and
/// refreshes, a secrets store. Set one with the builder's `*_source` setters; it is awaited
/// before every request that uses its scheme. A boxed future keeps the trait dyn-compatible.
pub trait CredentialSource: Send + Sync {
    /// The credential's current value (a bearer token, an API key).
    fn credential(&self) -> CredentialFuture<'_>;
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
    pub fn get(&self, scheme: &K) -> ::std::option::Option<&dyn CredentialSource> {
        self.entries.iter().find(|(key, _)| key == scheme).map(|(_, source)| &**source)
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
        f.debug_list().entries(self.entries.iter().map(|(key, _)| key)).finish()
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
/// How a parameter is serialized (OpenAPI `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `form`: `name=a&name=b` exploded, `name=a,b` otherwise.
    Form,
    /// `simple`: `a,b`.
    Simple,
    /// `spaceDelimited`: `a b`.
    SpaceDelimited,
    /// `pipeDelimited`: `a|b`.
    PipeDelimited,
    /// `deepObject`: `name[key]=value`.
    DeepObject,
    /// `label`: `.a.b`.
    Label,
    /// `matrix`: `;name=a,b`.
    Matrix,
}
/// The path, query pairs, headers, cookies and body gathered for one request.
#[derive(Default)]
pub struct RequestParts {
    /// The path, percent-encoded, relative to the base URL.
    path: ::std::string::String,
    /// Percent-encoded `name=value` pairs. They are encoded here, item by item, so that the
    /// delimiter between array items stays literal (`a%2Cb,c` is two items, `a,b,c` three).
    query: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    headers: ::std::vec::Vec<(::std::string::String, ::std::string::String, bool)>,
    cookies: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    body: ::std::option::Option<Body>,
}
/// A request body, encoded.
enum Body {
    Encoded(&'static str, ::std::vec::Vec<u8>),
    Multipart(::reqwest::multipart::Form),
}
fn to_json<T: ::serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
) -> ::std::result::Result<::serde_json::Value, InvalidRequest> {
    ::serde_json::to_value(value)
        .map_err(|error| InvalidRequest(format!("parameter `{name}`: {error}")))
}
fn scalar_text(value: &::serde_json::Value) -> ::std::string::String {
    match value {
        ::serde_json::Value::String(text) => text.clone(),
        ::serde_json::Value::Null => ::std::string::String::new(),
        other => other.to_string(),
    }
}
/// The items of an array or the key/value pairs of an object, as text.
fn flatten(value: &::serde_json::Value) -> ::std::vec::Vec<::std::string::String> {
    match value {
        ::serde_json::Value::Array(items) => items.iter().map(scalar_text).collect(),
        ::serde_json::Value::Object(map) => {
            map.iter().flat_map(|(k, v)| [k.clone(), scalar_text(v)]).collect()
        }
        other => vec![scalar_text(other)],
    }
}
impl RequestParts {
    /// Parts for a request to `path` (literal text, as in the spec's path template).
    pub fn new(path: &str) -> Self {
        RequestParts {
            path: path.to_string(),
            ..RequestParts::default()
        }
    }
    /// Appends literal path text.
    pub fn path_text(&mut self, text: &str) {
        self.path.push_str(text);
    }
    /// Appends a path parameter in the default style (`simple`, not exploded).
    pub fn path<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.path_styled(name, value, Style::Simple, false)
    }
    /// Appends a path parameter in the given style.
    pub fn path_styled<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let text = path_param(name, value, style, explode)?;
        self.path.push_str(&text);
        Ok(())
    }
    /// Adds a query parameter in the default style (`form`, exploded); `None` adds nothing.
    pub fn query<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.query_styled(name, value, Style::Form, true)
    }
    /// Adds a query parameter in the given style; `None` (null) adds nothing.
    pub fn query_styled<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: Style,
        explode: bool,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        let delimiter = match style {
            Style::SpaceDelimited => "%20",
            Style::PipeDelimited => "%7C",
            _ => ",",
        };
        let pair = |name: &str, item: &::serde_json::Value| (
            encode_component(name),
            encode_component(&scalar_text(item)),
        );
        match &value {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) if explode => {
                self.query.extend(items.iter().map(|item| pair(name, item)))
            }
            ::serde_json::Value::Object(map) if style == Style::DeepObject => {
                self.query
                    .extend(
                        map
                            .iter()
                            .map(|(key, item)| pair(&format!("{name}[{key}]"), item)),
                    );
            }
            ::serde_json::Value::Object(map) if explode => {
                self.query.extend(map.iter().map(|(key, item)| pair(key, item)))
            }
            other => {
                let items: ::std::vec::Vec<::std::string::String> = flatten(other)
                    .iter()
                    .map(|item| encode_component(item))
                    .collect();
                self.query.push((encode_component(name), items.join(delimiter)));
            }
        }
        Ok(())
    }
    /// Adds a header (`simple` style); `None` adds nothing.
    pub fn header<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.header_marked(name, value, false)
    }
    /// Adds a header parameter that carries a secret (an API key, a password): like
    /// [`RequestParts::header`], with the value marked sensitive so it is never printed.
    pub fn sensitive_header<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.header_marked(name, value, true)
    }
    /// Adds a header parameter with `explode: true`: an object's entries read `key=value`
    /// (`role=admin,firstName=Alex`); other values as [`RequestParts::header`].
    pub fn header_exploded<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        let text = match &value {
            ::serde_json::Value::Null => return Ok(()),
            ::serde_json::Value::Object(map) => {
                map.iter()
                    .map(|(key, item)| format!("{key}={}", scalar_text(item)))
                    .collect::<::std::vec::Vec<_>>()
                    .join(",")
            }
            other => flatten(other).join(","),
        };
        self.headers.push((name.to_string(), text, false));
        Ok(())
    }
    fn header_marked<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        sensitive: bool,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        if !value.is_null() {
            self.headers.push((name.to_string(), flatten(&value).join(","), sensitive));
        }
        Ok(())
    }
    /// Adds a header whose value is a credential: marked sensitive so it is never printed.
    pub fn secret_header(&mut self, name: &str, value: ::std::string::String) {
        self.headers.push((name.to_string(), value, true));
    }
    /// Adds a cookie; `None` adds nothing.
    pub fn cookie<T: ::serde::Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let value = to_json(name, value)?;
        if !value.is_null() {
            self.cookies.push((name.to_string(), flatten(&value).join(",")));
        }
        Ok(())
    }
    /// Adds a query pair as it is (API keys).
    pub fn raw_query(&mut self, name: &str, value: ::std::string::String) {
        self.query.push((encode_component(name), encode_component(&value)));
    }
    /// A JSON body (`application/json` or another JSON media type).
    pub fn json<T: ::serde::Serialize + ?Sized>(
        &mut self,
        media_type: &'static str,
        body: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        let bytes = ::serde_json::to_vec(body)
            .map_err(|error| InvalidRequest(format!("JSON body: {error}")))?;
        self.body = Some(Body::Encoded(media_type, bytes));
        Ok(())
    }
    /// An `application/x-www-form-urlencoded` body.
    pub fn form<T: ::serde::Serialize + ?Sized>(
        &mut self,
        media_type: &'static str,
        body: &T,
    ) -> ::std::result::Result<(), InvalidRequest> {
        self.body = Some(Body::Encoded(media_type, form_body(body)?.into_bytes()));
        Ok(())
    }
    /// A body sent as it is (text or bytes).
    pub fn raw(
        &mut self,
        media_type: &'static str,
        body: impl ::std::convert::Into<::std::vec::Vec<u8>>,
    ) {
        self.body = Some(Body::Encoded(media_type, body.into()));
    }
    /// A `multipart/form-data` body.
    pub fn multipart(&mut self, form: ::reqwest::multipart::Form) {
        self.body = Some(Body::Multipart(form));
    }
    /// Builds the request: URL from base and path, then query, headers, cookies and body.
    pub fn build(
        self,
        http: &::reqwest::Client,
        method: ::reqwest::Method,
        base_url: &str,
    ) -> ::std::result::Result<::reqwest::RequestBuilder, InvalidRequest> {
        let joined = join_url(base_url, &self.path);
        let mut url = ::reqwest::Url::parse(&joined)
            .map_err(|error| InvalidRequest(
                format!(
                    "invalid URL `{joined}`: {error}; set the base URL with `Server::Custom`"
                ),
            ))?;
        if !self.query.is_empty() {
            let ours: ::std::vec::Vec<::std::string::String> = self
                .query
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            let query = match url.query().filter(|existing| !existing.is_empty()) {
                Some(existing) => format!("{existing}&{}", ours.join("&")),
                None => ours.join("&"),
            };
            url.set_query(Some(&query));
        }
        let mut request = http.request(method, url);
        for (name, value, sensitive) in self.headers {
            let name = ::reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| InvalidRequest(format!("invalid header name `{name}`")))?;
            let mut value = ::reqwest::header::HeaderValue::from_str(&value)
                .map_err(|_| InvalidRequest(
                    format!("invalid value for header `{name}`"),
                ))?;
            value.set_sensitive(sensitive);
            request = request.header(name, value);
        }
        if !self.cookies.is_empty() {
            let cookie = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={}", encode_component(v)))
                .collect::<::std::vec::Vec<_>>()
                .join("; ");
            let mut value = ::reqwest::header::HeaderValue::from_str(&cookie)
                .map_err(|_| InvalidRequest("invalid cookie value".to_string()))?;
            value.set_sensitive(true);
            request = request.header(::reqwest::header::COOKIE, value);
        }
        match self.body {
            Some(Body::Encoded(media_type, bytes)) => {
                request = request
                    .header(::reqwest::header::CONTENT_TYPE, media_type)
                    .body(bytes);
            }
            Some(Body::Multipart(form)) => request = request.multipart(form),
            None => {}
        }
        Ok(request)
    }
}
/// Joins a base URL and a path with exactly one `/` between them, keeping any path prefix of
/// the base URL (`https://host/v1` + `/login` = `https://host/v1/login`) and any query it
/// carries (`https://host/v1?tenant=a` + `/login` = `https://host/v1/login?tenant=a`); a
/// fragment, which is never sent, is dropped.
pub fn join_url(base_url: &str, path: &str) -> ::std::string::String {
    let base_url = base_url.split('#').next().unwrap_or_default();
    let (base, query) = match base_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (base_url, None),
    };
    let base = base.trim_end_matches('/');
    let path = path.trim_start_matches('/');
    match query {
        Some(query) => format!("{base}/{path}?{query}"),
        None => format!("{base}/{path}"),
    }
}
/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode_component(text: &str) -> ::std::string::String {
    let mut out = ::std::string::String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
/// One path parameter, serialized by its style and percent-encoded.
pub fn path_param<T: ::serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: Style,
    explode: bool,
) -> ::std::result::Result<::std::string::String, InvalidRequest> {
    let value = to_json(name, value)?;
    let pairs = explode && value.is_object();
    let items: ::std::vec::Vec<::std::string::String> = match &value {
        ::serde_json::Value::Object(map) if pairs => {
            map.iter()
                .map(|(key, item)| {
                    format!(
                        "{}={}", encode_component(key), encode_component(&
                        scalar_text(item))
                    )
                })
                .collect()
        }
        other => flatten(other).iter().map(|item| encode_component(item)).collect(),
    };
    Ok(
        match style {
            Style::Label if explode => format!(".{}", items.join(".")),
            Style::Label => format!(".{}", items.join(",")),
            Style::Matrix if pairs => {
                items.iter().map(|item| format!(";{item}")).collect()
            }
            Style::Matrix if explode => {
                items.iter().map(|item| format!(";{name}={item}")).collect()
            }
            Style::Matrix => format!(";{name}={}", items.join(",")),
            _ => items.join(","),
        },
    )
}
/// `application/x-www-form-urlencoded`: fields in declaration order, absent ones left out,
/// lists as repeated fields, nested objects as JSON text.
pub fn form_body<T: ::serde::Serialize + ?Sized>(
    body: &T,
) -> ::std::result::Result<::std::string::String, InvalidRequest> {
    let value = ::serde_json::to_value(body)
        .map_err(|error| InvalidRequest(format!("form body: {error}")))?;
    let mut out = ::std::string::String::new();
    let mut push = |name: &str, value: &::serde_json::Value| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&form_encode(name));
        out.push('=');
        out.push_str(&form_encode(&scalar_text(value)));
    };
    let ::serde_json::Value::Object(map) = &value else {
        return Err(InvalidRequest("a form body must be an object".into()));
    };
    for (name, item) in map {
        match item {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) => items.iter().for_each(|i| push(name, i)),
            other => push(name, other),
        }
    }
    Ok(out)
}
/// The form encoding of one name or value (spaces as `+`).
fn form_encode(text: &str) -> ::std::string::String {
    encode_component(text).replace("%20", "+")
}
/// `multipart/form-data`: one text part per field (JSON text for structured values), absent
/// fields left out; the fields named in `binary` are skipped here and added as file parts.
pub fn multipart_text_parts<T: ::serde::Serialize + ?Sized>(
    body: &T,
    binary: &[&str],
) -> ::std::result::Result<::reqwest::multipart::Form, InvalidRequest> {
    let value = ::serde_json::to_value(body)
        .map_err(|error| InvalidRequest(format!("multipart body: {error}")))?;
    let ::serde_json::Value::Object(map) = value else {
        return Err(InvalidRequest("a multipart body must be an object".into()));
    };
    let mut form = ::reqwest::multipart::Form::new();
    for (name, item) in map {
        if binary.contains(&name.as_str()) {
            continue;
        }
        match item {
            ::serde_json::Value::Null => {}
            ::serde_json::Value::Array(items) => {
                for item in items {
                    form = form.text(name.clone(), scalar_text(&item));
                }
            }
            other => form = form.text(name, scalar_text(&other)),
        }
    }
    Ok(form)
}
/// Adds a file part, labelled `application/octet-stream` as RFC 7578 asks for file data of
/// unknown type (unlabelled, a server reads the part as `text/plain`).
pub fn multipart_file(
    form: ::reqwest::multipart::Form,
    name: &str,
    bytes: &[u8],
) -> ::reqwest::multipart::Form {
    let part = || {
        ::reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string())
    };
    let part = part().mime_str("application/octet-stream").unwrap_or_else(|_| part());
    form.part(name.to_string(), part)
}
/// Standard base64, for HTTP basic credentials.
pub fn base64(input: &[u8]) -> ::std::string::String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = ::std::string::String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

//! A response read to its end, and its decoding into an operation's success value or declared
//! error: one call per status arm of a generated method.

use crate::error::{CallInfo, DecodeError, Error, ErrorKind};
use crate::scrub::{HeadersDebug, Secrets};
use ::std::fmt;

/// How much of a raw body `Debug` shows.
const BODY_PREVIEW: usize = 2048;

/// A decoded response, with its status and headers. `Debug` replaces every secret the call
/// sent, wherever the server echoed it.
#[derive(Clone)]
pub struct ResponseValue<T> {
    /// The HTTP status.
    pub status: ::reqwest::StatusCode,
    /// The response headers. Values that hold a secret the request sent are marked
    /// sensitive.
    pub headers: ::reqwest::header::HeaderMap,
    /// The decoded body.
    pub body: T,
    secrets: Secrets,
}

impl<T> ResponseValue<T> {
    /// A response value (for tests and wrappers); nothing is scrubbed from its `Debug`.
    pub fn new(
        status: ::reqwest::StatusCode,
        headers: ::reqwest::header::HeaderMap,
        body: T,
    ) -> Self {
        ResponseValue {
            status,
            headers,
            body,
            secrets: Secrets::default(),
        }
    }

    /// The body, dropping status and headers.
    pub fn into_body(self) -> T {
        self.body
    }
}

struct ValueDebug<'a, T>(&'a ResponseValue<T>);

impl<T: fmt::Debug> fmt::Debug for ValueDebug<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseValue")
            .field("status", &self.0.status)
            .field("headers", &HeadersDebug(&self.0.headers))
            .field("body", &self.0.body)
            .finish()
    }
}

impl<T: fmt::Debug> fmt::Debug for ResponseValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.secrets.write_debug(f, &ValueDebug(self))
    }
}

/// A raw response body kept for diagnosis, up to the body limit. `Debug` shows its length
/// and the start of its text, with every secret the call sent replaced.
#[derive(Clone, Default)]
pub struct RawBody {
    bytes: ::std::vec::Vec<u8>,
    secrets: Secrets,
}

impl PartialEq for RawBody {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl RawBody {
    /// The bytes as received (up to the body limit), secrets included: for the one place
    /// that must read them.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes as text, invalid UTF-8 replaced, with the secrets the call sent replaced
    /// by `[redacted]`.
    pub fn text_lossy(&self) -> ::std::string::String {
        self.secrets
            .scrub(&::std::string::String::from_utf8_lossy(&self.bytes))
    }
}

impl fmt::Debug for RawBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text_lossy();
        let mut end = text.len().min(BODY_PREVIEW);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let more = if end < text.len() { "…" } else { "" };
        write!(
            f,
            "RawBody({} bytes: {:?}{more})",
            self.bytes.len(),
            &text[..end]
        )
    }
}

/// A response read to its end, bounded by the body limit, with the call it answers.
pub struct RawResponse {
    /// The status.
    pub status: ::reqwest::StatusCode,
    /// The headers.
    pub headers: ::reqwest::header::HeaderMap,
    /// The body.
    pub body: ::std::vec::Vec<u8>,
    pub(crate) call: ::std::boxed::Box<CallInfo>,
}

impl RawResponse {
    /// An error for this response, which it consumes: status, headers and call kept.
    fn into_error<E>(self, kind: ErrorKind<E>, keep_body: bool) -> Error<E> {
        let body = keep_body.then(|| RawBody {
            bytes: self.body,
            secrets: self.call.secrets.clone(),
        });
        let mut call = self.call;
        call.status = Some(self.status);
        call.headers = self.headers;
        call.body = body;
        Error::new(kind, call)
    }

    /// A text body (invalid UTF-8 replaced: a plain-text error message is still worth reading).
    pub fn text(&self) -> ::std::string::String {
        ::std::string::String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The error for a status the spec does not declare.
    pub fn unexpected<E>(self) -> Error<E> {
        self.into_error(ErrorKind::UnexpectedStatus, true)
    }

    /// Wraps a decoded body with this response's status and headers.
    pub fn value<T>(self, body: T) -> ResponseValue<T> {
        ResponseValue {
            status: self.status,
            headers: self.headers,
            body,
            secrets: self.call.secrets,
        }
    }

    /// The operation's one success type, decoded.
    pub fn ok<T, E>(self, decoder: impl Decode<T>) -> crate::ApiResult<T, E> {
        match decoder.decode(&self.body, None) {
            Ok(body) => Ok(self.value(body)),
            Err(error) => Err(self.into_error(ErrorKind::Decode(error), true)),
        }
    }

    /// One variant of the operation's success enum, decoded.
    pub fn success<T, S, E, A>(
        self,
        decoder: impl Decode<T>,
        variant: impl Variant<A, T, S>,
    ) -> crate::ApiResult<S, E> {
        match decoder.decode(&self.body, None) {
            Ok(body) => {
                let body = variant.build(self.status, body);
                Ok(self.value(body))
            }
            Err(error) => Err(self.into_error(ErrorKind::Decode(error), true)),
        }
    }

    /// One variant of the operation's error enum, decoded from the body with the secrets
    /// the call sent replaced, so that the typed error holds none of them.
    pub fn error<T, S, E, A>(
        self,
        decoder: impl Decode<T>,
        variant: impl Variant<A, T, E>,
    ) -> crate::ApiResult<S, E> {
        match decoder.decode(&self.body, Some(&self.call.secrets)) {
            Ok(body) => {
                let error = variant.build(self.status, body);
                Err(self.into_error(ErrorKind::Status(error), false))
            }
            Err(error) => Err(self.into_error(ErrorKind::Decode(error), true)),
        }
    }

    /// A declared error variant without a body (or with only its status).
    pub fn error_unit<S, E>(self, variant: E) -> crate::ApiResult<S, E> {
        Err(self.into_error(ErrorKind::Status(variant), false))
    }
}

/// How a response body is decoded: [`Json`], [`Text`] or [`Bytes`].
pub trait Decode<T> {
    /// Decodes `body`; where `scrub` is given, its secrets are replaced first (in JSON
    /// strings and text; raw bytes stay as received).
    fn decode(&self, body: &[u8], scrub: Option<&Secrets>) -> Result<T, DecodeError>;
}

/// A JSON body.
pub struct Json;

/// A text body.
pub struct Text;

/// A raw body.
pub struct Bytes;

impl<T: ::serde::de::DeserializeOwned> Decode<T> for Json {
    fn decode(&self, body: &[u8], scrub: Option<&Secrets>) -> Result<T, DecodeError> {
        // An empty body is `null` to a type that accepts it (free-form JSON, an `Option`):
        // servers answer "nothing" that way where the document declares a JSON body. Other
        // types still fail below, with serde's own reason.
        if body.iter().all(u8::is_ascii_whitespace) {
            if let Ok(value) = <T as ::serde::Deserialize>::deserialize(::serde_json::Value::Null) {
                return Ok(value);
            }
        }
        match scrub.filter(|secrets| !secrets.is_empty()) {
            // Where the text holds no secret and no escape, every string the JSON holds is a
            // piece of the text as it is, so none holds a secret either: scrubbing would
            // change nothing, and the body is decoded as it stands. Otherwise (or if that
            // fails, so that errors read as they do from a scrubbed value) it is scrubbed
            // first.
            Some(secrets) => {
                match plain_json(body, secrets).and_then(|text| ::serde_json::from_str(text).ok()) {
                    Some(decoded) => Ok(decoded),
                    None => {
                        let mut value: ::serde_json::Value = ::serde_json::from_slice(body)
                            .map_err(|error| DecodeError {
                                path: ".".into(),
                                reason: error.to_string(),
                            })?;
                        secrets.scrub_json(&mut value);
                        T::deserialize(&value).map_err(|plain| {
                            match serde_path_to_error::deserialize::<_, T>(&value) {
                                Err(error) => decode_error(error),
                                Ok(_) => DecodeError {
                                    path: ".".into(),
                                    reason: plain.to_string(),
                                },
                            }
                        })
                    }
                }
            }
            // The path is tracked only once decoding failed: a body that decodes pays nothing
            // for it.
            None => ::serde_json::from_slice(body).map_err(|plain| {
                let mut reader = ::serde_json::Deserializer::from_slice(body);
                match serde_path_to_error::deserialize::<_, T>(&mut reader) {
                    Err(error) => decode_error(error),
                    Ok(_) => DecodeError {
                        path: ".".into(),
                        reason: plain.to_string(),
                    },
                }
            }),
        }
    }
}

/// `body` as text, if it holds none of `secrets` and no escape (`\\`).
fn plain_json<'a>(body: &'a [u8], secrets: &Secrets) -> Option<&'a str> {
    let text = ::std::str::from_utf8(body).ok()?;
    (!text.contains('\\') && !secrets.found_in(text)).then_some(text)
}

/// Where decoding failed, and why (see [`crate::de::failed_at`]).
fn decode_error(error: serde_path_to_error::Error<::serde_json::Error>) -> DecodeError {
    let (path, reason) = crate::de::failed_at(error);
    DecodeError { path, reason }
}

impl Decode<::std::string::String> for Text {
    fn decode(
        &self,
        body: &[u8],
        scrub: Option<&Secrets>,
    ) -> Result<::std::string::String, DecodeError> {
        let text = ::std::string::String::from_utf8_lossy(body);
        Ok(match scrub {
            Some(secrets) => secrets.scrub(&text),
            None => text.into_owned(),
        })
    }
}

impl Decode<::std::vec::Vec<u8>> for Bytes {
    fn decode(
        &self,
        body: &[u8],
        _scrub: Option<&Secrets>,
    ) -> Result<::std::vec::Vec<u8>, DecodeError> {
        Ok(body.to_vec())
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

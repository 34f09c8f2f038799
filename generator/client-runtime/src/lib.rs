//! Support code shared by every generated API client: the client and its builder, the error
//! type, responses, secrets and their scrubbing, credentials, retries, and the encoders for
//! parameters and bodies. Each generated crate depends on this one and re-exports it as its
//! `runtime` module, so the code is compiled once for every client a program uses.
//!
//! Cargo features: `middleware` accepts a `reqwest_middleware::ClientWithMiddleware` as the
//! HTTP client (off by default, for its compile time). Every request runs in a `tracing` span
//! named `request` (operation, method, path template, attempt, status, duration in ms; never
//! a value sent), which costs a branch when no subscriber listens.

use ::std::fmt;

mod client;
pub mod de;
mod error;
#[cfg(feature = "mock")]
pub mod mock;
mod plain_text;
mod renew;
mod request;
mod response;
mod retry;
mod scrub;
mod style;
mod transport;

pub use client::{authorize, SchemeCredentials, Security};
/// Derives `serde::Deserialize` for the types of a generated client (see [`de`]).
pub use client_runtime_macros::Deserialize;
pub use error::{DecodeError, Error, ErrorKind, InvalidRequest};
pub use request::*;
pub use response::{Bytes, Decode, Json, RawBody, RawResponse, ResponseValue, Text, Variant};
pub use retry::{retry_after, RetryPolicy};
pub use scrub::{Secrets, REDACTED};
pub use transport::{
    Authorize, CallOptions, HttpClient, NoAuth, Operation, Transport, TransportSettings,
};

/// Largest response body read by default (16 MiB); larger bodies are an error, not an
/// unbounded allocation.
pub const DEFAULT_BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Time allowed for a whole request by default.
pub const DEFAULT_TIMEOUT: ::std::time::Duration = ::std::time::Duration::from_secs(30);

/// A value that must not leak: `Debug` and `Display` print `[redacted]`. On the wire it is the
/// plain value. Read it on purpose with [`Secret::expose`].
///
/// Serialized inside a request, its value is also recorded, so that nothing the call returns
/// prints it, even where the server echoes it back.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Deserialize)]
#[serde(transparent)]
pub struct Secret<T>(T);

impl<T: ::serde::Serialize> ::serde::Serialize for Secret<T> {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        scrub::record(&self.0);
        self.0.serialize(serializer)
    }
}

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

/// What every operation returns: the decoded success with its status and headers, or why the
/// call failed.
pub type ApiResult<T, E> = ::std::result::Result<ResponseValue<T>, Error<E>>;

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
#[allow(clippy::type_complexity)]
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

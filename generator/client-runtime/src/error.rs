//! The error every operation returns: what went wrong ([`ErrorKind`]) with everything a
//! program needs to act on it (operation, request, status, headers, body), printed without
//! any secret the call sent.

use crate::scrub::{HeadersDebug, Secrets};
use crate::{BoxError, CredentialError, RawBody};
use ::std::fmt;

/// Why an operation failed, with the call it came from. `E` is the operation's own enum of
/// declared error statuses.
///
/// `Display` is one line naming the operation, the request and what went wrong; it never
/// prints a body. `Debug` shows everything, status, headers and (bounded) body included,
/// with every secret the call sent replaced by `[redacted]`.
pub struct Error<E> {
    kind: ErrorKind<E>,
    call: ::std::boxed::Box<CallInfo>,
}

/// What went wrong.
#[non_exhaustive]
pub enum ErrorKind<E> {
    /// The server answered with a status the spec declares as an error; decoded by status
    /// code. Secrets the request sent are already replaced in the decoded body.
    Status(E),
    /// The server answered with a status the spec does not declare (see [`Error::body`]).
    UnexpectedStatus,
    /// The body does not match the schema declared for its status.
    Decode(DecodeError),
    /// The body is larger than the client's body limit.
    BodyTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The request did not complete within its timeout.
    Timeout,
    /// The request could not be sent or the response not received.
    Transport(BoxError),
    /// The request could not be built from the given values (e.g. an invalid header value).
    InvalidRequest(::std::string::String),
    /// A credential source (a token source, say) could not supply the credential.
    Credential(CredentialError),
}

/// Where a body did not match its schema, and serde's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The JSON path of the value that did not match (`orgs[0].id`; `.` for the whole body).
    pub path: ::std::string::String,
    /// Why it did not match, as serde says it (`missing field `id``).
    pub reason: ::std::string::String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at `{}`: {}", self.path, self.reason)
    }
}

/// The call an error came from.
#[derive(Clone, Default)]
pub(crate) struct CallInfo {
    pub(crate) operation: &'static str,
    pub(crate) method: ::std::option::Option<::reqwest::Method>,
    /// The URL, printed with its query values removed (they can be API keys).
    pub(crate) url: ::std::option::Option<CallUrl>,
    pub(crate) attempts: u32,
    pub(crate) status: ::std::option::Option<::reqwest::StatusCode>,
    pub(crate) headers: ::reqwest::header::HeaderMap,
    pub(crate) body: ::std::option::Option<RawBody>,
    pub(crate) secrets: Secrets,
}

impl CallInfo {
    fn url_text(&self) -> ::std::string::String {
        self.url
            .as_ref()
            .map(|url| crate::transport::without_query_values(url.get()))
            .unwrap_or_default()
    }
}

/// The URL a call went to: shared with the transport, which keeps the URL of an operation
/// that is always the same, or the call's own.
#[derive(Clone)]
pub(crate) enum CallUrl {
    Shared(::std::sync::Arc<::reqwest::Url>),
    Own(::reqwest::Url),
}

impl CallUrl {
    fn get(&self) -> &::reqwest::Url {
        match self {
            CallUrl::Shared(url) => url,
            CallUrl::Own(url) => url,
        }
    }
}

impl<E> Error<E> {
    pub(crate) fn new(kind: ErrorKind<E>, call: impl Into<::std::boxed::Box<CallInfo>>) -> Self {
        Error {
            kind,
            call: call.into(),
        }
    }

    /// A request that could not be built, outside of any call (a token source's refresh
    /// body, say).
    pub fn invalid_request(message: impl Into<::std::string::String>) -> Self {
        Error::new(
            ErrorKind::InvalidRequest(message.into()),
            CallInfo::default(),
        )
    }

    /// A body that arrived with `status` and did not hold what the caller needed.
    pub fn decode(
        status: ::reqwest::StatusCode,
        path: impl Into<::std::string::String>,
        reason: impl Into<::std::string::String>,
    ) -> Self {
        let call = CallInfo {
            status: Some(status),
            ..CallInfo::default()
        };
        let decode = DecodeError {
            path: path.into(),
            reason: reason.into(),
        };
        Error::new(ErrorKind::Decode(decode), call)
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind<E> {
        &self.kind
    }

    /// What went wrong, taken out of the error.
    pub fn into_kind(self) -> ErrorKind<E> {
        self.kind
    }

    /// The declared error the server answered with, if it was one.
    pub fn declared(&self) -> ::std::option::Option<&E> {
        match &self.kind {
            ErrorKind::Status(error) => Some(error),
            _ => None,
        }
    }

    /// The declared error, taken out of the error.
    pub fn into_declared(self) -> ::std::option::Option<E> {
        match self.kind {
            ErrorKind::Status(error) => Some(error),
            _ => None,
        }
    }

    /// The decode failure, if the body did not match its schema.
    pub fn decode_error(&self) -> ::std::option::Option<&DecodeError> {
        match &self.kind {
            ErrorKind::Decode(error) => Some(error),
            _ => None,
        }
    }

    /// The operation's name (its `operationId`, or the name derived from method and path).
    pub fn operation(&self) -> &'static str {
        self.call.operation
    }

    /// The request's method, once the request was made.
    pub fn method(&self) -> ::std::option::Option<&::reqwest::Method> {
        self.call.method.as_ref()
    }

    /// The request's URL with the values of its query replaced by `…` (empty before a URL
    /// was made).
    pub fn url(&self) -> ::std::string::String {
        self.call.url_text()
    }

    /// How many times the request was sent (more than once when it was retried).
    pub fn attempts(&self) -> u32 {
        self.call.attempts
    }

    /// The HTTP status, when a response arrived (declared or not).
    pub fn status(&self) -> ::std::option::Option<::reqwest::StatusCode> {
        self.call.status
    }

    /// The response headers, when a response arrived (empty otherwise). Values that hold a
    /// secret the request sent are marked sensitive.
    pub fn headers(&self) -> &::reqwest::header::HeaderMap {
        &self.call.headers
    }

    /// The raw body of an undeclared status or of one that failed to decode, up to the body
    /// limit.
    pub fn body(&self) -> ::std::option::Option<&RawBody> {
        self.call.body.as_ref()
    }

    /// How long the server asked to wait before trying again (`Retry-After`, in seconds or
    /// as an HTTP date), if it did.
    pub fn retry_after(&self) -> ::std::option::Option<::std::time::Duration> {
        crate::retry::retry_after(&self.call.headers, ::std::time::SystemTime::now())
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self.kind, ErrorKind::Timeout)
    }

    /// Converts the declared error type, keeping everything else (for a caller that wraps
    /// one operation's errors into its own).
    pub fn map_declared<F>(self, convert: impl FnOnce(E) -> F) -> Error<F> {
        let kind = match self.kind {
            ErrorKind::Status(error) => ErrorKind::Status(convert(error)),
            ErrorKind::UnexpectedStatus => ErrorKind::UnexpectedStatus,
            ErrorKind::Decode(error) => ErrorKind::Decode(error),
            ErrorKind::BodyTooLarge { limit } => ErrorKind::BodyTooLarge { limit },
            ErrorKind::Timeout => ErrorKind::Timeout,
            ErrorKind::Transport(error) => ErrorKind::Transport(error),
            ErrorKind::InvalidRequest(message) => ErrorKind::InvalidRequest(message),
            ErrorKind::Credential(error) => ErrorKind::Credential(error),
        };
        Error {
            kind,
            call: self.call,
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for ErrorKind<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Status(error) => f.debug_tuple("Status").field(error).finish(),
            ErrorKind::UnexpectedStatus => f.write_str("UnexpectedStatus"),
            ErrorKind::Decode(error) => f.debug_tuple("Decode").field(error).finish(),
            ErrorKind::BodyTooLarge { limit } => f
                .debug_struct("BodyTooLarge")
                .field("limit", limit)
                .finish(),
            ErrorKind::Timeout => f.write_str("Timeout"),
            ErrorKind::Transport(error) => f.debug_tuple("Transport").field(error).finish(),
            ErrorKind::InvalidRequest(message) => {
                f.debug_tuple("InvalidRequest").field(message).finish()
            }
            ErrorKind::Credential(error) => f.debug_tuple("Credential").field(error).finish(),
        }
    }
}

/// The fields of [`Error`]'s `Debug`, printed and then scrubbed as a whole.
struct Complete<'a, E>(&'a Error<E>);

impl<E: fmt::Debug> fmt::Debug for Complete<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Error { kind, call } = self.0;
        let mut out = f.debug_struct("Error");
        out.field("operation", &call.operation).field("kind", kind);
        if let Some(method) = &call.method {
            out.field("method", method).field("url", &call.url_text());
        }
        if call.attempts > 1 {
            out.field("attempts", &call.attempts);
        }
        if let Some(status) = &call.status {
            out.field("status", status)
                .field("headers", &HeadersDebug(&call.headers));
        }
        if let Some(body) = &call.body {
            out.field("body", body);
        }
        out.finish()
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.call.secrets.write_debug(f, &Complete(self))
    }
}

/// The one line of [`Error`]'s `Display`, before scrubbing.
fn line<E>(error: &Error<E>) -> ::std::string::String {
    let call = &error.call;
    let mut text = ::std::string::String::new();
    if !call.operation.is_empty() {
        text.push_str(&format!("`{}`: ", call.operation));
    }
    let request = call
        .method
        .as_ref()
        .map(|method| format!("{method} {}", call.url_text()));
    let answered = match (&request, call.status) {
        (Some(request), Some(status)) => format!("{request} answered {status}"),
        (None, Some(status)) => format!("the server answered {status}"),
        (Some(request), None) => request.clone(),
        (None, None) => ::std::string::String::new(),
    };
    let what = match &error.kind {
        ErrorKind::Status(_) => format!("{answered}, a declared error"),
        ErrorKind::UnexpectedStatus => {
            let length = call.body.as_ref().map_or(0, |body| body.bytes().len());
            format!("{answered}, a status the API does not declare ({length} bytes of body)")
        }
        ErrorKind::Decode(decode) => {
            format!("{answered} with a body that does not match its schema {decode}")
        }
        ErrorKind::BodyTooLarge { limit } => {
            format!("{answered} with a body over the limit of {limit} bytes")
        }
        ErrorKind::Timeout => format!("{answered} timed out"),
        ErrorKind::Transport(source) => format!("{answered} failed: {}", chain(&**source)),
        ErrorKind::InvalidRequest(message) => format!("invalid request: {message}"),
        ErrorKind::Credential(source) => format!("{source}"),
    };
    text.push_str(what.trim_start());
    if call.attempts > 1 {
        text.push_str(&format!(" (after {} attempts)", call.attempts));
    }
    // One line, whatever the messages held.
    text.replace(['\n', '\r'], " ")
}

/// An error and its sources, joined: reqwest's own message ("error sending request") names
/// the cause only in its source.
pub(crate) fn chain(error: &(dyn ::std::error::Error + 'static)) -> ::std::string::String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(next) = source {
        let message = next.to_string();
        if !text.contains(&message) {
            text.push_str(": ");
            text.push_str(&message);
        }
        source = next.source();
    }
    text
}

impl<E> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.call.secrets.scrub(&line(self)))
    }
}

impl<E: fmt::Debug> ::std::error::Error for Error<E> {
    fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Transport(error) => Some(&**error),
            ErrorKind::Credential(error) => Some(error),
            _ => None,
        }
    }
}

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

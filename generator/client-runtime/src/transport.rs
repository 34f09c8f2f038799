//! How a client's requests go out: the HTTP client, the base URL, what is applied to every
//! request, per-call options, credentials resolved per attempt, retries and the tracing span.
//! The same for every API, so each generated client holds one [`Transport`] and its builder
//! one [`TransportSettings`].

use super::*;
use crate::error::{CallInfo, CallUrl};
use crate::retry::{idempotent_method, retryable, Outcome, RetryPolicy};
use crate::scrub::Secrets;
use ::tracing::Instrument as _;

/// One operation, as the generated method describes it to the transport: its name, method
/// and path template (for errors and the tracing span; the template holds no values).
#[derive(Debug, Clone)]
pub struct Operation {
    /// The operation's name (its `operationId`, or one derived from method and path).
    pub id: &'static str,
    /// The HTTP method.
    pub method: ::reqwest::Method,
    /// The path template, as in the spec (`/users/{id}`).
    pub path: &'static str,
}

/// The HTTP client requests are sent with: a plain `reqwest::Client`, or (with the
/// `middleware` feature) a `reqwest_middleware::ClientWithMiddleware`.
#[derive(Debug, Clone)]
pub enum HttpClient {
    /// A plain reqwest client.
    Reqwest(::reqwest::Client),
    /// A client with middleware (retries, tracing, caching of the user's choosing); requests
    /// are built with a plain client and executed through it.
    #[cfg(feature = "middleware")]
    Middleware(::reqwest_middleware::ClientWithMiddleware),
}

impl From<::reqwest::Client> for HttpClient {
    fn from(client: ::reqwest::Client) -> Self {
        HttpClient::Reqwest(client)
    }
}

#[cfg(feature = "middleware")]
impl From<::reqwest_middleware::ClientWithMiddleware> for HttpClient {
    fn from(client: ::reqwest_middleware::ClientWithMiddleware) -> Self {
        HttpClient::Middleware(client)
    }
}

/// Options for the calls made through a client's `with_options` copy:
/// a timeout, extra headers, an idempotency key and a retry policy of their own.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    timeout: ::std::option::Option<::std::time::Duration>,
    headers: ::std::vec::Vec<(::std::string::String, Secret<::std::string::String>)>,
    idempotency_key: ::std::option::Option<(::std::string::String, ::std::string::String)>,
    retry: ::std::option::Option<RetryPolicy>,
}

impl CallOptions {
    /// No options: the client's settings apply.
    pub fn new() -> Self {
        CallOptions::default()
    }

    /// Time allowed for the whole request, instead of the client's timeout.
    pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// A header sent with the request, in addition to the client's default headers. Its
    /// value is scrubbed from what the call returns.
    pub fn header(
        mut self,
        name: impl Into<::std::string::String>,
        value: impl Into<::std::string::String>,
    ) -> Self {
        self.headers.push((name.into(), Secret::new(value.into())));
        self
    }

    /// Sends `Idempotency-Key: <key>`. The server can then recognise a repeated request, so
    /// the request counts as idempotent for retries (502, 504, timeouts and broken
    /// connections are retried too).
    pub fn idempotency_key(self, key: impl Into<::std::string::String>) -> Self {
        self.idempotency_key_header("Idempotency-Key", key)
    }

    /// As [`CallOptions::idempotency_key`], under a header name of the API's choosing.
    pub fn idempotency_key_header(
        mut self,
        name: impl Into<::std::string::String>,
        key: impl Into<::std::string::String>,
    ) -> Self {
        self.idempotency_key = Some((name.into(), key.into()));
        self
    }

    /// The retry policy for these calls, instead of the client's.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }
}

/// The settings a client's builder gathers: timeout, user agent, default headers, body limit,
/// retry policy, and optionally the user's own HTTP client.
#[derive(Debug, Clone)]
pub struct TransportSettings {
    /// The user's own client, used as it is; `None` builds one.
    pub http: Option<HttpClient>,
    /// Time allowed for each whole request.
    pub timeout: ::std::time::Duration,
    /// The `User-Agent` header sent with every request.
    pub user_agent: ::std::string::String,
    /// Headers sent with every request; values print as redacted.
    pub headers: ::std::vec::Vec<(::std::string::String, Secret<::std::string::String>)>,
    /// Largest response body read, in bytes.
    pub body_limit: usize,
    /// How failed requests are retried (by default they are not).
    pub retry: RetryPolicy,
}

impl TransportSettings {
    /// The defaults: [`DEFAULT_TIMEOUT`], [`DEFAULT_BODY_LIMIT`], no default headers, no
    /// retries.
    pub fn new(user_agent: impl Into<::std::string::String>) -> Self {
        TransportSettings {
            http: None,
            timeout: DEFAULT_TIMEOUT,
            user_agent: user_agent.into(),
            headers: ::std::vec::Vec::new(),
            body_limit: DEFAULT_BODY_LIMIT,
            retry: RetryPolicy::none(),
        }
    }

    /// Parses the user agent and default headers once, and builds the reqwest client unless
    /// the user gave one. Fails on a value that is not a valid HTTP header.
    pub fn build(self, base_url: ::std::string::String) -> Result<Transport, BuildError> {
        let invalid = |what: &str| BuildError(format!("invalid {what}"));
        let user_agent = ::reqwest::header::HeaderValue::from_str(&self.user_agent)
            .map_err(|_| invalid("user agent"))?;
        let mut headers = ::std::vec::Vec::new();
        let mut secrets = ::std::vec::Vec::new();
        for (name, value) in &self.headers {
            let header = ::reqwest::header::HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid("default header name"))?;
            let mut value_header = ::reqwest::header::HeaderValue::from_str(value.expose())
                .map_err(|_| invalid("default header value"))?;
            value_header.set_sensitive(true);
            headers.push((header, value_header));
            secrets.push(value.expose().clone());
        }
        let build_own = || {
            // Our own client carries the user agent, so requests need not; the transport
            // times each exchange itself (see `Shared::own_timeout`). Redirects are not
            // followed: a 3xx reply is answered by its declared status variant or as an
            // unexpected status, and credentials are never re-sent to wherever a `Location`
            // points.
            ::reqwest::Client::builder()
                .user_agent(user_agent.clone())
                .redirect(::reqwest::redirect::Policy::none())
                .build()
                .map_err(|error| BuildError(error.to_string()))
        };
        let (builder, executor, per_request) = match self.http {
            Some(HttpClient::Reqwest(http)) => {
                (http, None, Some((self.timeout, user_agent.clone())))
            }
            #[cfg(feature = "middleware")]
            Some(HttpClient::Middleware(middleware)) => (
                build_own()?,
                Some(middleware),
                Some((self.timeout, user_agent.clone())),
            ),
            None => (build_own()?, None, None),
        };
        #[cfg(not(feature = "middleware"))]
        let _: ::std::option::Option<()> = executor;
        let own_timeout = per_request.is_none().then_some(self.timeout);
        Ok(Transport {
            shared: ::std::sync::Arc::new(Shared {
                base_url: BaseUrl::new(base_url),
                joined: ::std::default::Default::default(),
                http: builder,
                #[cfg(feature = "middleware")]
                middleware: executor,
                per_request,
                own_timeout,
                headers,
                default_secrets: Secrets::new(secrets),
                body_limit: self.body_limit,
                retry: self.retry,
            }),
            call: None,
        })
    }
}

/// A built client's way of sending requests. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Transport {
    shared: ::std::sync::Arc<Shared>,
    /// Options for the calls made through this copy (see [`Transport::with_options`]).
    call: ::std::option::Option<::std::sync::Arc<CallOptions>>,
}

#[derive(Debug)]
struct Shared {
    base_url: BaseUrl,
    /// The URLs of the operations without path parameters (see `Transport::join`).
    joined: ::std::sync::Mutex<JoinedPaths>,
    /// Builds requests, and sends them unless middleware does.
    http: ::reqwest::Client,
    #[cfg(feature = "middleware")]
    middleware: ::std::option::Option<::reqwest_middleware::ClientWithMiddleware>,
    /// Timeout and user agent, set on each request when the HTTP client is the user's own
    /// (so that they hold inside its middleware too); `None` with our own client.
    per_request: Option<(::std::time::Duration, ::reqwest::header::HeaderValue)>,
    /// With our own client, the timeout the transport puts on each exchange (request and
    /// body) itself: one timer, where reqwest's own timeout boxes a timer and wraps the body
    /// again for every request.
    own_timeout: Option<::std::time::Duration>,
    /// Default headers, parsed once; values are marked sensitive, so `Debug` hides them.
    headers: ::std::vec::Vec<(
        ::reqwest::header::HeaderName,
        ::reqwest::header::HeaderValue,
    )>,
    /// The default headers' values, scrubbed from what every call returns; shared by the
    /// calls that send no secret of their own.
    default_secrets: Secrets,
    body_limit: usize,
    retry: RetryPolicy,
}

/// Attaches credentials to one attempt of a request. Called once per attempt, so that a
/// credential source (a token source) is asked again before a retry: the one place where
/// a request's credentials are resolved.
pub trait Authorize: Sync {
    /// Attaches the credentials to `parts`.
    fn authorize<'a>(
        &'a self,
        parts: &'a mut RequestParts,
    ) -> impl ::std::future::Future<Output = ::std::result::Result<(), CredentialError>> + Send + 'a;

    /// Whether a credential may come from a source (which a 401 makes the transport ask
    /// again, once).
    fn uses_sources(&self) -> bool {
        false
    }
}

/// No credentials (an operation with `security: []` or no security at all).
pub struct NoAuth;

impl Authorize for NoAuth {
    #[allow(clippy::manual_async_fn)]
    fn authorize<'a>(
        &'a self,
        _parts: &'a mut RequestParts,
    ) -> impl ::std::future::Future<Output = ::std::result::Result<(), CredentialError>> + Send + 'a
    {
        async { Ok(()) }
    }
}

impl Transport {
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.shared.base_url.as_str()
    }

    /// A copy whose calls use `options` (sharing the connection pool).
    pub fn with_options(&self, options: CallOptions) -> Self {
        Transport {
            shared: ::std::sync::Arc::clone(&self.shared),
            call: Some(::std::sync::Arc::new(options)),
        }
    }

    /// Sends the request of `operation`, with credentials from `auth` attached to each
    /// attempt, retried by the policy, inside a `request` tracing span (operation, method,
    /// path template, attempt, status, duration; never a value of the request), and reads
    /// the response.
    pub async fn send<E, A: Authorize>(
        &self,
        operation: &Operation,
        parts: RequestParts,
        auth: &A,
    ) -> Result<RawResponse, Error<E>> {
        let span = ::tracing::info_span!(
            "request",
            operation = operation.id,
            method = %operation.method,
            path = operation.path,
            attempt = ::tracing::field::Empty,
            status = ::tracing::field::Empty,
            duration_ms = ::tracing::field::Empty,
        );
        // Without a subscriber the span is disabled, and the request is not wrapped in it (nor
        // timed for it).
        if span.is_disabled() {
            return self.attempts(operation, parts, auth, &span, None).await;
        }
        let started = ::tokio::time::Instant::now();
        let result = self
            .attempts(operation, parts, auth, &span, Some(started))
            .instrument(span.clone())
            .await;
        span.record("duration_ms", started.elapsed().as_millis() as u64);
        result
    }

    async fn attempts<E, A: Authorize>(
        &self,
        operation: &Operation,
        mut parts: RequestParts,
        auth: &A,
        span: &::tracing::Span,
        started: Option<::tokio::time::Instant>,
    ) -> Result<RawResponse, Error<E>> {
        let options = self.call.as_deref();
        let policy = options
            .and_then(|options| options.retry)
            .unwrap_or(self.shared.retry);
        let mut idempotent = idempotent_method(&operation.method);
        if let Some(options) = options {
            for (name, value) in &options.headers {
                parts.secret_header(name, value.expose().clone());
            }
            if let Some((name, key)) = &options.idempotency_key {
                parts.raw_header(name, key);
                idempotent = true;
            }
        }
        let replayable = parts.replayable();
        let attempts = if replayable { policy.attempts() } else { 1 };
        // Retries are timed from the start of the call; a call made once needs no clock.
        let started = started.or_else(|| (attempts > 1).then(::tokio::time::Instant::now));
        // A 401 to a credential from a source earns one more attempt, outside the policy.
        let may_renew = replayable && auth.uses_sources();
        // The secrets sent so far, by every attempt: each attempt's answer scrubs them all.
        let mut sent_secrets = self.shared.default_secrets.clone();
        let mut attempt = 0;
        let mut tries = 0;
        let mut refused: Option<Refused<E>> = None;
        let mut renewed = false;
        loop {
            attempt += 1;
            tries += 1;
            span.record("attempt", attempt);
            let again = tries < attempts || (may_renew && !renewed);
            let this = if again {
                parts.copy_for_attempt()
            } else {
                ::std::mem::take(&mut parts)
            };
            let refused_values = refused.as_ref().map(|(values, _)| values.as_slice());
            let sent = self
                .attempt(
                    operation,
                    this,
                    auth,
                    attempt,
                    &mut sent_secrets,
                    refused_values,
                )
                .await;
            let (outcome, result, sourced) = match (sent, refused.take()) {
                (Some(sent), _) => sent,
                // The source handed out the refused credential again: the 401 stands.
                (None, Some((_, unauthorized))) => return unauthorized,
                (None, None) => continue,
            };
            if let Outcome::Status(status) = &outcome {
                span.record("status", status.as_u16());
            }
            let unauthorized = matches!(
                outcome,
                Outcome::Status(::reqwest::StatusCode::UNAUTHORIZED)
            );
            if unauthorized && may_renew && !renewed && !sourced.is_empty() {
                crate::renew::reject(&sourced);
                renewed = true;
                tries -= 1;
                refused = Some((sourced, result));
                continue;
            }
            if tries < attempts && retryable(&outcome, idempotent) {
                let retry_after = match &result {
                    Ok(response) => {
                        crate::retry::retry_after(&response.headers, ::std::time::SystemTime::now())
                    }
                    Err(_) => None,
                };
                let delay = policy.delay(tries, retry_after);
                let elapsed = started.map_or(::std::time::Duration::ZERO, |at| at.elapsed());
                if policy.in_time(elapsed, delay) {
                    ::tracing::debug!(attempt, delay_ms = delay.as_millis() as u64, "retrying");
                    ::tokio::time::sleep(delay).await;
                    continue;
                }
            }
            return result;
        }
    }

    /// One attempt: credentials, URL, request, response. The outcome says whether the
    /// server can have seen the request, for the retry decision.
    async fn attempt<E, A: Authorize>(
        &self,
        operation: &Operation,
        mut parts: RequestParts,
        auth: &A,
        attempt: u32,
        sent_secrets: &mut Secrets,
        refused: Option<&[crate::renew::Sourced]>,
    ) -> Option<Attempted<E>> {
        // Boxed from the start, as the error or the response keeps it: moved along the
        // success path as a pointer, not as the whole record.
        let authorized = auth.authorize(&mut parts).await;
        *sent_secrets = sent_secrets.with(parts.take_secrets());
        let sourced = parts.take_sourced();
        if refused.is_some_and(|refused| crate::renew::unchanged(refused, &sourced)) {
            return None;
        }
        // Boxed from the start, as the error or the response keeps it: moved along the
        // success path as a pointer, not as the whole record.
        let mut call = ::std::boxed::Box::new(CallInfo {
            operation: operation.id,
            method: Some(operation.method.clone()),
            attempts: attempt,
            secrets: sent_secrets.clone(),
            ..CallInfo::default()
        });
        let fail = |kind, call| {
            Some((
                Outcome::Final,
                Err(Error::new(kind, call)),
                ::std::vec::Vec::new(),
            ))
        };
        if let Err(error) = authorized {
            return fail(ErrorKind::Credential(error), call);
        }
        if let Some(error) = parts.take_error() {
            return fail(ErrorKind::InvalidRequest(error.0), call);
        }
        let url = match self.url(operation, &parts) {
            Ok((url, kept)) => {
                call.url = Some(kept);
                url
            }
            Err(error) => return fail(ErrorKind::InvalidRequest(error.0), call),
        };
        let request = match self.request(&operation.method, parts, url) {
            Ok(request) => request,
            Err(error) => return fail(ErrorKind::InvalidRequest(error.0), call),
        };
        let exchanged = {
            // Pinned here, so that the timeout holds a reference rather than a second copy.
            let mut exchange = ::std::pin::pin!(self.exchange(request, &call.secrets));
            match self.own_timeout() {
                Some(limit) => ::tokio::time::timeout(limit, exchange.as_mut())
                    .await
                    .unwrap_or_else(|_| Err(::std::boxed::Box::new(Unread::timed_out()))),
                None => exchange.await,
            }
        };
        let (outcome, result) = match exchanged {
            Ok(Received {
                status,
                headers,
                body,
            }) => {
                call.status = Some(status);
                let response = RawResponse {
                    status,
                    headers,
                    body,
                    call,
                };
                (Outcome::Status(status), Ok(response))
            }
            Err(unread) => {
                call.status = unread.status;
                call.headers = unread.headers;
                (unread.outcome, Err(Error::new(unread.failure.kind(), call)))
            }
        };
        Some((outcome, result, sourced))
    }

    /// The request's URL, and the same URL as the call keeps it for its errors. The URL of
    /// an operation whose path has no parameters is joined once and kept: joining sets the
    /// path on a copy of the base URL, which the URL parser reads character by character.
    /// Without a query, the call shares the kept URL.
    fn url(
        &self,
        operation: &Operation,
        parts: &RequestParts,
    ) -> Result<(::reqwest::Url, CallUrl), InvalidRequest> {
        let base = &self.shared.base_url;
        if parts.joined_path() != operation.path {
            let url = parts.url_joined(|path| base.join(path))?;
            return Ok((url.clone(), CallUrl::Own(url)));
        }
        let kept = {
            let mut joined = self
                .shared
                .joined
                .lock()
                .unwrap_or_else(::std::sync::PoisonError::into_inner);
            let key = (operation.path.as_ptr() as usize, operation.path.len());
            match joined.get(&key) {
                Some(url) => ::std::sync::Arc::clone(url),
                None => {
                    let url = ::std::sync::Arc::new(base.join(operation.path)?);
                    joined.insert(key, ::std::sync::Arc::clone(&url));
                    url
                }
            }
        };
        if parts.has_query() {
            let url = parts.url_joined(|_| Ok(::reqwest::Url::clone(&kept)))?;
            return Ok((url.clone(), CallUrl::Own(url)));
        }
        Ok((::reqwest::Url::clone(&kept), CallUrl::Shared(kept)))
    }

    /// The timeout the transport puts on an exchange: the call's own or the client's, with
    /// our own HTTP client; `None` with the user's, whose requests carry theirs.
    fn own_timeout(&self) -> Option<::std::time::Duration> {
        let client = self.shared.own_timeout?;
        let call = self.call.as_deref().and_then(|options| options.timeout);
        Some(call.unwrap_or(client))
    }

    /// Sends the request and reads the response.
    async fn exchange(
        &self,
        request: ::reqwest::Request,
        secrets: &Secrets,
    ) -> Result<Received, ::std::boxed::Box<Unread>> {
        match self.execute(request).await {
            Ok(response) => self.read(response, secrets).await,
            Err((outcome, failure)) => Err(::std::boxed::Box::new(Unread {
                outcome,
                failure,
                status: None,
                headers: ::reqwest::header::HeaderMap::new(),
            })),
        }
    }

    fn request(
        &self,
        method: &::reqwest::Method,
        parts: RequestParts,
        url: ::reqwest::Url,
    ) -> Result<::reqwest::Request, InvalidRequest> {
        let shared = &*self.shared;
        let mut request = parts.build_at(&shared.http, method.clone(), url)?;
        if let Some((timeout, user_agent)) = &shared.per_request {
            *request.timeout_mut() = Some(*timeout);
            request
                .headers_mut()
                .append(::reqwest::header::USER_AGENT, user_agent.clone());
        }
        let call_timeout = self.call.as_deref().and_then(|options| options.timeout);
        if let Some(timeout) = call_timeout.filter(|_| shared.own_timeout.is_none()) {
            *request.timeout_mut() = Some(timeout);
        }
        let headers = request.headers_mut();
        for (name, value) in &shared.headers {
            headers.append(name.clone(), value.clone());
        }
        Ok(request)
    }

    async fn execute(
        &self,
        request: ::reqwest::Request,
    ) -> Result<::reqwest::Response, (Outcome, Failure)> {
        #[cfg(feature = "middleware")]
        if let Some(middleware) = &self.shared.middleware {
            return match middleware.execute(request).await {
                Ok(response) => Ok(response),
                Err(::reqwest_middleware::Error::Reqwest(error)) => Err(transport_failure(error)),
                Err(error) => Err((Outcome::Final, Failure::Transport(error.into()))),
            };
        }
        self.shared
            .http
            .execute(request)
            .await
            .map_err(transport_failure)
    }

    /// Reads the whole response, never more than the body limit. Header values that hold
    /// one of `secrets` are marked sensitive.
    async fn read(
        &self,
        mut response: ::reqwest::Response,
        secrets: &Secrets,
    ) -> Result<Received, ::std::boxed::Box<Unread>> {
        let limit = self.shared.body_limit;
        let status = response.status();
        let mut headers = ::std::mem::take(response.headers_mut());
        secrets.mark_headers(&mut headers);
        let unread = |outcome, failure, headers| {
            ::std::boxed::Box::new(Unread {
                outcome,
                failure,
                status: Some(status),
                headers,
            })
        };
        let too_large =
            |headers| unread(Outcome::Status(status), Failure::TooLarge(limit), headers);
        if response
            .content_length()
            .is_some_and(|length| length > limit as u64)
        {
            return Err(too_large(headers));
        }
        let mut body = ::std::vec::Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > limit {
                        return Err(too_large(headers));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(error) => {
                    let (outcome, failure) = transport_failure(error);
                    return Err(unread(outcome, failure, headers));
                }
            }
        }
        Ok(Received {
            status,
            headers,
            body,
        })
    }
}

/// A response read to its end.
struct Received {
    status: ::reqwest::StatusCode,
    headers: ::reqwest::header::HeaderMap,
    body: ::std::vec::Vec<u8>,
}

/// Why an exchange ended without a whole response, with the status and headers if they
/// arrived. Boxed where it is returned, so that the success path moves a pointer's worth.
struct Unread {
    outcome: Outcome,
    failure: Failure,
    status: Option<::reqwest::StatusCode>,
    headers: ::reqwest::header::HeaderMap,
}

impl Unread {
    /// The exchange took longer than its timeout. The request may have reached the server.
    fn timed_out() -> Self {
        Unread {
            outcome: Outcome::MaybeSent,
            failure: Failure::Timeout,
            status: None,
            headers: ::reqwest::header::HeaderMap::new(),
        }
    }
}

/// Joined URLs by the address and length of their operation's path template: a template is
/// a literal of the generated code, at one address for as long as the program runs, so the
/// key is found without reading (or hashing) the text.
type JoinedPaths = ::std::collections::HashMap<
    (usize, usize),
    ::std::sync::Arc<::reqwest::Url>,
    ::std::hash::BuildHasherDefault<AddressHasher>,
>;

/// Hashes the address and length of a [`JoinedPaths`] key with one multiplication each.
#[derive(Default)]
struct AddressHasher(u64);

impl ::std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.write_usize(usize::from(*byte));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// What one attempt ended with, and the credentials from sources it carried.
type Attempted<E> = (
    Outcome,
    Result<RawResponse, Error<E>>,
    ::std::vec::Vec<crate::renew::Sourced>,
);

/// Credentials the API refused with a 401, and that answer, kept while one more attempt is
/// made with fresh ones.
type Refused<E> = (
    ::std::vec::Vec<crate::renew::Sourced>,
    Result<RawResponse, Error<E>>,
);

/// Why sending or receiving failed, before it is typed for the operation.
enum Failure {
    Timeout,
    Transport(BoxError),
    /// The body is larger than the limit.
    TooLarge(usize),
}

impl Failure {
    fn kind<E>(self) -> ErrorKind<E> {
        match self {
            Failure::Timeout => ErrorKind::Timeout,
            Failure::TooLarge(limit) => ErrorKind::BodyTooLarge { limit },
            Failure::Transport(error) => ErrorKind::Transport(error),
        }
    }
}

/// A reqwest error as a failure, with the URL removed (it can carry API keys in its query;
/// the error names the URL without query values itself), and whether the server can have
/// seen the request.
fn transport_failure(error: ::reqwest::Error) -> (Outcome, Failure) {
    let outcome = if error.is_connect() {
        Outcome::NotConnected
    } else {
        Outcome::MaybeSent
    };
    if error.is_timeout() {
        (outcome, Failure::Timeout)
    } else {
        (
            outcome,
            Failure::Transport(::std::boxed::Box::new(error.without_url())),
        )
    }
}

/// The URL with each query value replaced by `…`: values can be API keys, names cannot.
pub(crate) fn without_query_values(url: &::reqwest::Url) -> ::std::string::String {
    let mut shown = url.clone();
    shown.set_fragment(None);
    let _ = shown.set_password(None);
    if shown.query().is_some() {
        let names: ::std::vec::Vec<::std::string::String> = url
            .query()
            .unwrap_or_default()
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let name = pair.split('=').next().unwrap_or_default();
                format!("{name}=…")
            })
            .collect();
        shown.set_query(None);
        return format!("{shown}?{}", names.join("&"));
    }
    shown.to_string()
}

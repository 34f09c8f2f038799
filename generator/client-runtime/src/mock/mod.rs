//! Typed test doubles (feature `mock`): an in-process HTTP server, built on `wiremock`, that a
//! generated crate's `mock` module wraps with one typed method per operation.
//!
//! A generated crate describes each operation once, as an implementation of
//! [`MockOperation`]: its method and path, the types of its body, success and errors, how each
//! of those goes on the wire, and example values synthesized from the spec. Everything a test
//! writes (what a request must look like, what the server answers, how often) is the generic
//! [`OperationMock`] builder here, written and tested once for every crate.
//!
//! A request that no expectation matches is answered with status 501 and a text body that
//! names the operation it was meant for, and it fails the test: [`MockServer::verify`] panics,
//! and so does dropping the server. The request is shown with its secrets redacted.

mod describe;
mod example;
mod matcher;
mod server_macro;

use ::std::marker::PhantomData;
use ::std::sync::atomic::{AtomicUsize, Ordering};
use ::std::sync::{Arc, Mutex};
use ::std::time::Duration;

pub use ::wiremock;
pub use ::wiremock::Request;
pub use example::{example_call, CallKind, CallOutcome, ExampleCall};

use describe::Fallback;
use matcher::{OperationMatch, Predicate};

/// How an operation sends its request body, which decides how a body matcher decodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    /// No body.
    None,
    /// JSON.
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// Anything else (multipart, text, bytes): matched on the raw request.
    Other,
}

/// What the mock server knows of one operation, to match requests and to name it.
#[derive(Debug, Clone, Copy)]
pub struct OperationInfo {
    /// The client's method name.
    pub name: &'static str,
    /// The upper-case HTTP method.
    pub method: &'static str,
    /// The path template, e.g. `/pets/{petId}`.
    pub path: &'static str,
    /// How the request body is encoded.
    pub body: BodyFormat,
}

/// One operation of a generated client, as its mock sees it. Implemented by the generated
/// `mock` module; tests use it through [`OperationMock`].
pub trait MockOperation {
    /// The request body's type (`()` without one).
    type Body;
    /// What a successful call returns (the body, or the success enum).
    type Ok;
    /// The operation's error enum.
    type Error;
    /// How the errors go on the wire: this operation, or the first one whose errors are
    /// declared alike (real APIs repeat one error set across most operations).
    type Errors: MockErrors<Error = Self::Error>;
    /// The crate's client.
    type Client;
    /// Method, path and body format.
    const INFO: OperationInfo;
    /// The reply a successful call decodes into `ok`.
    fn ok_reply(ok: &Self::Ok) -> Reply;
    /// The reply a call decodes into `error`.
    fn error_reply(error: &Self::Error) -> Reply {
        Self::Errors::reply(error)
    }
    /// A success value of the right shape: the spec's example reply where it has one that
    /// fits the type, else one synthesized from the schema.
    fn example_ok() -> Self::Ok;
    /// One value of every declared error variant, each the spec's example where it has one
    /// that fits, else synthesized from the schema.
    fn example_errors() -> ::std::vec::Vec<Self::Error> {
        Self::Errors::examples()
    }
    /// Calls the operation on `client` with arguments synthesized from the spec: a smoke test
    /// of a client and a mock together, and what code generic over operations calls.
    fn example_call(client: &Self::Client) -> CallFuture<'_, Self::Ok, Self::Error>;
}

/// The error side of one or more operations that declare the same errors, sent alike.
pub trait MockErrors {
    /// The error enum.
    type Error;
    /// The reply a call decodes into `error`.
    fn reply(error: &Self::Error) -> Reply;
    /// One value of every declared error variant, each the spec's example where it has one
    /// that fits, else synthesized from the schema.
    fn examples() -> ::std::vec::Vec<Self::Error>;
}

/// The future of [`MockOperation::example_call`].
pub type CallFuture<'a, T, E> =
    ::std::pin::Pin<Box<dyn ::std::future::Future<Output = crate::ApiResult<T, E>> + Send + 'a>>;

/// The spec's example reply `json` decoded as `T`, or `fallback()` where it does not decode.
/// The generator emits only examples that fit the type as far as it can tell, but what only
/// decoding can tell (a timestamp's calendar, which alternative of a union a value takes)
/// is checked here: an example that does not decode must not fail the test that asked for
/// it, so the constructor-built value stands in.
pub fn example_or<T: ::serde::de::DeserializeOwned>(json: &str, fallback: impl FnOnce() -> T) -> T {
    ::serde_json::from_str(json).unwrap_or_else(|_| fallback())
}

/// A reply on the wire: status, content type and body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type`, when there is a body.
    pub content_type: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// A JSON body. Panics (this is test code) on a value `serde_json` cannot encode.
    pub fn json<T: ::serde::Serialize + ?Sized>(status: u16, media_type: &str, value: &T) -> Self {
        let body = ::serde_json::to_vec(value)
            .unwrap_or_else(|error| panic!("the mock cannot encode a reply as JSON: {error}"));
        Reply::raw(status, media_type, body)
    }

    /// A body sent as it is, with its content type.
    pub fn raw(status: u16, media_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status,
            content_type: Some(media_type.to_string()),
            body: body.into(),
        }
    }

    /// No body.
    pub fn empty(status: u16) -> Self {
        Reply {
            status,
            content_type: None,
            body: Vec::new(),
        }
    }
}

/// A mock server of one API: start it, point a client at [`MockServer::uri`], then set up what
/// each operation expects and answers with [`MockServer::operation`].
pub struct MockServer {
    server: ::wiremock::MockServer,
    unmatched: Arc<Mutex<Vec<String>>>,
}

impl MockServer {
    /// Starts a server on a random local port that knows the API's `operations` and redacts
    /// the `secrets` (header, query, form and JSON property names) wherever it prints a request.
    pub async fn start(
        operations: &'static [OperationInfo],
        secrets: &'static [&'static str],
    ) -> Self {
        let server = ::wiremock::MockServer::start().await;
        let unmatched = Arc::new(Mutex::new(Vec::new()));
        let fallback = Fallback {
            operations,
            secrets,
            unmatched: Arc::clone(&unmatched),
        };
        // Lowest priority: it answers only what no expectation matched.
        ::wiremock::Mock::given(::wiremock::matchers::any())
            .respond_with(fallback)
            .with_priority(u8::MAX)
            .named("requests no expectation matched")
            .mount(&server)
            .await;
        MockServer { server, unmatched }
    }

    /// The base URL to give the client (`Server::Custom(uri)`).
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// Sets up an expectation for the operation `Op`.
    pub fn operation<Op: MockOperation>(&self) -> OperationMock<'_, Op> {
        OperationMock {
            server: self,
            predicates: Vec::new(),
            reply_headers: Vec::new(),
            times: None,
            delay: None,
            _operation: PhantomData,
        }
    }

    /// The requests no expectation matched, each described with its secrets redacted.
    pub fn unmatched(&self) -> Vec<String> {
        self.unmatched
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Panics if a request matched no expectation, or if an expectation with
    /// [`OperationMock::times`] was not called that many times.
    pub async fn verify(&self) {
        if let Some(message) = self.unmatched_message() {
            panic!("{message}");
        }
        self.server.verify().await;
    }

    /// The underlying `wiremock` server, for what the typed builder does not cover.
    pub fn wiremock(&self) -> &::wiremock::MockServer {
        &self.server
    }

    fn unmatched_message(&self) -> Option<String> {
        let unmatched = self.unmatched();
        (!unmatched.is_empty()).then(|| {
            format!(
                "the mock server received {} request(s) that no expectation matched:\n{}",
                unmatched.len(),
                unmatched.join("\n")
            )
        })
    }
}

impl Drop for MockServer {
    /// A request that matched nothing fails the test even when the test forgot to `verify`.
    fn drop(&mut self) {
        if ::std::thread::panicking() {
            return;
        }
        if let Some(message) = self.unmatched_message() {
            panic!("{message}");
        }
    }
}

/// What one operation expects and answers; finish with one of the `respond_` methods.
#[must_use = "an expectation does nothing until one of its `respond_` methods is awaited"]
pub struct OperationMock<'a, Op> {
    server: &'a MockServer,
    predicates: Vec<Predicate>,
    reply_headers: Vec<(String, String)>,
    times: Option<u64>,
    delay: Option<Duration>,
    _operation: PhantomData<fn() -> Op>,
}

impl<'a, Op: MockOperation> OperationMock<'a, Op> {
    /// Matches only requests whose body, decoded as the operation sends it (JSON or form),
    /// satisfies `check`. A body that does not decode does not match.
    pub fn with_body(self, check: impl Fn(&Op::Body) -> bool + Send + Sync + 'static) -> Self
    where
        Op::Body: ::serde::de::DeserializeOwned,
    {
        match Op::INFO.body {
            BodyFormat::Form => self.with_form(check),
            _ => self.with_json(check),
        }
    }

    /// Matches only requests whose form-urlencoded body decodes and satisfies `check`.
    pub fn with_form(self, check: impl Fn(&Op::Body) -> bool + Send + Sync + 'static) -> Self
    where
        Op::Body: ::serde::de::DeserializeOwned,
    {
        self.matching(move |request| {
            ::serde_urlencoded::from_bytes::<Op::Body>(&request.body).is_ok_and(|body| check(&body))
        })
    }

    /// Matches only requests whose JSON body decodes and satisfies `check`.
    pub fn with_json(self, check: impl Fn(&Op::Body) -> bool + Send + Sync + 'static) -> Self
    where
        Op::Body: ::serde::de::DeserializeOwned,
    {
        self.matching(move |request| {
            ::serde_json::from_slice::<Op::Body>(&request.body).is_ok_and(|body| check(&body))
        })
    }

    /// Matches only requests with the path parameter `name` (as the spec names it) equal to
    /// `value` once percent-decoded.
    pub fn with_path_param(self, name: &str, value: impl ToString) -> Self {
        let predicate = matcher::path_param(Op::INFO.path, name, value.to_string());
        self.matching(predicate)
    }

    /// Matches only requests with the query parameter `name` equal to `value`.
    pub fn with_query(self, name: &str, value: impl ToString) -> Self {
        let (name, value) = (name.to_string(), value.to_string());
        self.matching(move |request| {
            request
                .url
                .query_pairs()
                .any(|(n, v)| n == name.as_str() && v == value.as_str())
        })
    }

    /// Matches only requests with the header `name` equal to `value`.
    pub fn with_header(self, name: &str, value: &str) -> Self {
        let (name, value) = (name.to_string(), value.to_string());
        self.matching(move |request| {
            request
                .headers
                .get_all(name.as_str())
                .iter()
                .any(|v| v.as_bytes() == value.as_bytes())
        })
    }

    /// Matches only requests that satisfy `check`.
    pub fn matching(mut self, check: impl Fn(&Request) -> bool + Send + Sync + 'static) -> Self {
        self.predicates.push(Arc::new(check));
        self
    }

    /// Expects exactly `count` matching calls: [`MockServer::verify`] and dropping the server
    /// panic otherwise.
    pub fn times(mut self, count: u64) -> Self {
        self.times = Some(count);
        self
    }

    /// Adds a header to the reply (`Retry-After`, say).
    pub fn reply_header(mut self, name: &str, value: &str) -> Self {
        self.reply_headers
            .push((name.to_string(), value.to_string()));
        self
    }

    /// Waits this long before replying (to test timeouts and concurrency).
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Answers with a success the client decodes into `ok`.
    pub async fn respond_ok(self, ok: Op::Ok) -> Expectation {
        let reply = Op::ok_reply(&ok);
        self.respond(reply).await
    }

    /// Answers with a success synthesized from the spec ([`MockOperation::example_ok`]).
    pub async fn respond_example(self) -> Expectation {
        self.respond_ok(Op::example_ok()).await
    }

    /// Answers with the declared error the client decodes into `error`.
    pub async fn respond_error(self, error: Op::Error) -> Expectation {
        let reply = Op::error_reply(&error);
        self.respond(reply).await
    }

    /// Answers with any status and body, for replies the spec does not describe. The body is
    /// sent without a content type unless a reply header sets one.
    pub async fn respond_raw(self, status: u16, body: impl Into<Vec<u8>>) -> Expectation {
        let body = body.into();
        let reply = Reply {
            status,
            content_type: None,
            body,
        };
        self.respond(reply).await
    }

    /// Answers with `reply`.
    pub async fn respond(self, reply: Reply) -> Expectation {
        let calls = Arc::new(AtomicUsize::new(0));
        let responder = Responder {
            reply,
            headers: self.reply_headers,
            delay: self.delay,
            calls: Arc::clone(&calls),
        };
        let matcher = OperationMatch::new(Op::INFO, self.predicates);
        let mut mock = ::wiremock::Mock::given(matcher)
            .respond_with(responder)
            .named(format!(
                "`{}` ({} {})",
                Op::INFO.name,
                Op::INFO.method,
                Op::INFO.path
            ));
        if let Some(count) = self.times {
            mock = mock.expect(count);
        }
        self.server.server.register(mock).await;
        Expectation {
            operation: Op::INFO.name,
            calls,
        }
    }
}

/// A mounted expectation: how many calls it answered.
#[derive(Debug, Clone)]
pub struct Expectation {
    operation: &'static str,
    calls: Arc<AtomicUsize>,
}

impl Expectation {
    /// The calls this expectation answered so far.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// Panics unless this expectation answered exactly `count` calls.
    pub fn assert_calls(&self, count: usize) {
        let calls = self.calls();
        assert_eq!(
            calls, count,
            "the mock of `{}` answered {calls} call(s), expected {count}",
            self.operation
        );
    }
}

struct Responder {
    reply: Reply,
    headers: Vec<(String, String)>,
    delay: Option<Duration>,
    calls: Arc<AtomicUsize>,
}

impl ::wiremock::Respond for Responder {
    fn respond(&self, _request: &Request) -> ::wiremock::ResponseTemplate {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let mut template = ::wiremock::ResponseTemplate::new(self.reply.status);
        template = match &self.reply.content_type {
            Some(media_type) => template.set_body_raw(self.reply.body.clone(), media_type),
            None => template.set_body_bytes(self.reply.body.clone()),
        };
        for (name, value) in &self.headers {
            template = template.insert_header(name.as_str(), value.as_str());
        }
        if let Some(delay) = self.delay {
            template = template.set_delay(delay);
        }
        template
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_example_that_does_not_decode_is_replaced_by_the_fallback() {
        // 300 is an integer, as the generator checks, but not a `u8`.
        assert_eq!(super::example_or("300", || 7u8), 7);
        assert_eq!(super::example_or("200", || 7u8), 200);
    }
}

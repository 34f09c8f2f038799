//! One exercise for the mock of any operation of any generated crate: an expectation met, one
//! missed (a clear failure), every declared error variant, a raw reply, and parallel calls.
//! The including file brings a generated crate's `runtime` module into scope at its root
//! (`use generic_login::runtime;`); `fixture_mocks.rs` includes this file in a scratch crate.

use super::runtime::mock::{MockOperation, MockServer};
use super::runtime::{ApiResult, Error, ErrorKind};
use std::fmt::Debug;
use std::future::Future;
use std::ops::Deref;
use std::time::{Duration, Instant};

/// How to reach one operation: start its crate's typed server, and call it against a base URL.
pub struct Exercise<Start, Call> {
    pub start: Start,
    pub call: Call,
    /// A secret the call sends, which no failure message may show.
    pub secret: Option<&'static str>,
    /// How many error variants the operation declares, when the caller knows.
    pub declared_errors: Option<usize>,
    /// What the operation declares for status 418, which decides what a raw 418 becomes.
    pub teapot: Teapot,
}

/// What an operation declares for status 418 (through an exact code, `4XX` or `default`),
/// and so what the client returns for a raw 418 with a text body and no content type.
/// Each including test names the cases its operations have.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teapot {
    /// Nothing: an unexpected status, with the reply's status, headers and body.
    Undeclared,
    /// A JSON body: the text does not decode, and the error keeps the reply.
    Json,
    /// A text body: the declared variant, holding the text.
    Text,
    /// No body (or raw bytes): the declared variant.
    Other,
}

impl<Start, StartFut, S, Call, CallFut> Exercise<Start, Call>
where
    Start: Fn() -> StartFut,
    StartFut: Future<Output = S>,
    S: Deref<Target = MockServer> + Send + 'static,
    Call: Fn(String) -> CallFut,
    CallFut: Future + Send + 'static,
{
    /// Runs every case for the operation `Op`.
    pub async fn run<Op>(&self)
    where
        Op: MockOperation + 'static,
        Op::Ok: Clone + PartialEq + Debug + Send,
        Op::Error: Clone + PartialEq + Debug + Send,
        CallFut: Future<Output = ApiResult<Op::Ok, Op::Error>>,
    {
        self.expectation_met::<Op>().await;
        self.expectation_missed::<Op>().await;
        self.every_error_variant::<Op>().await;
        self.raw_reply::<Op>().await;
        self.parallel_calls::<Op>().await;
    }

    async fn expectation_met<Op>(&self)
    where
        Op: MockOperation,
        Op::Ok: PartialEq + Debug,
        Op::Error: Debug,
        CallFut: Future<Output = ApiResult<Op::Ok, Op::Error>>,
    {
        let server = (self.start)().await;
        let expectation = server.operation::<Op>().times(1).respond_example().await;
        let response = (self.call)(server.uri()).await.unwrap_or_else(|e| {
            let unmatched = server.unmatched();
            panic!(
                "`{}`: the example reply decodes: {e:?} {unmatched:?}",
                Op::INFO.name
            )
        });
        assert_eq!(response.body, Op::example_ok(), "`{}`", Op::INFO.name);
        expectation.assert_calls(1);
        server.verify().await;
    }

    async fn expectation_missed<Op>(&self)
    where
        Op: MockOperation,
        Op::Ok: Debug,
        Op::Error: Debug,
        CallFut: Future<Output = ApiResult<Op::Ok, Op::Error>>,
    {
        let server = (self.start)().await;
        let never = server
            .operation::<Op>()
            .matching(|_| false)
            .respond_example()
            .await;
        let result = (self.call)(server.uri()).await;
        assert!(
            result.is_err(),
            "`{}`: an unmatched call fails",
            Op::INFO.name
        );
        assert_eq!(never.calls(), 0);
        let unmatched = server.unmatched();
        assert_eq!(unmatched.len(), 1, "{unmatched:?}");
        let named = format!("no expectation of `{}`", Op::INFO.name);
        assert!(unmatched[0].contains(&named), "{}", unmatched[0]);
        assert!(unmatched[0].contains(Op::INFO.path), "{}", unmatched[0]);
        if let Some(secret) = self.secret {
            assert!(!unmatched[0].contains(secret), "{}", unmatched[0]);
        }
        // `verify` fails the test, with the same description.
        let failed = tokio::spawn(async move { server.verify().await })
            .await
            .expect_err("verify panics on an unmatched request");
        let message = failed.into_panic();
        let message = message
            .downcast_ref::<String>()
            .expect("a formatted panic message");
        assert!(message.contains(&named), "{message}");
    }

    async fn every_error_variant<Op>(&self)
    where
        Op: MockOperation,
        Op::Ok: Debug,
        Op::Error: Clone + PartialEq + Debug,
        CallFut: Future<Output = ApiResult<Op::Ok, Op::Error>>,
    {
        let errors = Op::example_errors();
        if let Some(declared) = self.declared_errors {
            assert_eq!(errors.len(), declared, "`{}`", Op::INFO.name);
        }
        for error in errors {
            let server = (self.start)().await;
            server
                .operation::<Op>()
                .reply_header("Retry-After", "30")
                .respond_error(error.clone())
                .await;
            let result = (self.call)(server.uri()).await;
            match result.as_ref().map_err(Error::declared) {
                Err(Some(got)) => assert_eq!(got, &error),
                _ => panic!("`{}`: expected {error:?}, got {result:?}", Op::INFO.name),
            }
            server.verify().await;
        }
    }

    async fn raw_reply<Op>(&self)
    where
        Op: MockOperation,
        Op::Ok: Debug,
        Op::Error: Debug,
        CallFut: Future<Output = ApiResult<Op::Ok, Op::Error>>,
    {
        let server = (self.start)().await;
        let expectation = server
            .operation::<Op>()
            .reply_header("Retry-After", "30")
            .respond_raw(418, "short and stout")
            .await;
        let result = (self.call)(server.uri()).await;
        let name = Op::INFO.name;
        let Err(error) = result else {
            panic!("`{name}`: expected a raw 418 to fail, got {result:?}");
        };
        assert_eq!(error.status().map(|s| s.as_u16()), Some(418), "{error:?}");
        assert_eq!(error.headers()["retry-after"], "30", "`{name}`");
        let kept_body = || error.body().map(|body| body.bytes().to_vec());
        match (self.teapot, error.kind()) {
            (Teapot::Undeclared, ErrorKind::UnexpectedStatus)
            | (Teapot::Json, ErrorKind::Decode(_)) => {
                assert_eq!(
                    kept_body().as_deref(),
                    Some(&b"short and stout"[..]),
                    "`{name}`"
                );
            }
            (Teapot::Text, ErrorKind::Status(declared)) => {
                let shown = format!("{declared:?}");
                assert!(shown.contains("short and stout"), "`{name}`: {shown}");
            }
            (Teapot::Other, ErrorKind::Status(_)) => {}
            (expected, _) => panic!("`{name}`: a raw 418 ({expected:?}) gave {error:?}"),
        }
        expectation.assert_calls(1);
    }

    async fn parallel_calls<Op>(&self)
    where
        Op: MockOperation,
        Op::Ok: PartialEq + Debug + Send + 'static,
        Op::Error: Debug + Send + 'static,
        CallFut: Future<Output = ApiResult<Op::Ok, Op::Error>>,
    {
        const CALLS: u32 = 8;
        const DELAY: Duration = Duration::from_millis(250);
        let server = (self.start)().await;
        let expectation = server
            .operation::<Op>()
            .delay(DELAY)
            .times(CALLS.into())
            .respond_example()
            .await;
        let started = Instant::now();
        let mut calls = tokio::task::JoinSet::new();
        for _ in 0..CALLS {
            calls.spawn((self.call)(server.uri()));
        }
        while let Some(result) = calls.join_next().await {
            let response = result.expect("the call's task").expect("a parallel call");
            assert_eq!(response.body, Op::example_ok());
        }
        // Served one after another, the calls would take CALLS times the delay.
        let elapsed = started.elapsed();
        assert!(elapsed < DELAY * 3, "parallel calls took {elapsed:?}");
        expectation.assert_calls(CALLS as usize);
        server.verify().await;
    }
}

// Generated from `specs/dynamosql.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[crate::runtime::mock::OperationInfo] = &[
    crate::runtime::mock::OperationInfo {
        name: "auth_token",
        method: "POST",
        path: "/v1/auth/token",
        body: crate::runtime::mock::BodyFormat::Json,
    },
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["accessToken", "clientSecret", "refreshToken"];
/// A mock server of this API on a random local port.
pub struct MockServer {
    inner: crate::runtime::mock::MockServer,
}
impl MockServer {
    /// Starts the server.
    pub async fn start() -> Self {
        MockServer {
            inner: crate::runtime::mock::MockServer::start(OPERATIONS, SECRETS).await,
        }
    }
    /// Its base URL.
    pub fn uri(&self) -> ::std::string::String {
        self.inner.uri()
    }
    /// The [`Server`](crate::Server) to build a client of it with.
    pub fn server(&self) -> crate::Server {
        crate::Server::Custom(self.inner.uri())
    }
    /// A client of it with default settings and no credentials.
    pub fn client(&self) -> crate::Client {
        crate::Client::new(self.server())
            .unwrap_or_else(|error| panic!("a client of the mock server: {error}"))
    }
    /// Panics if a request matched no expectation, or an expectation's `times` count
    /// was not met. Dropping the server checks the same.
    pub async fn verify(&self) {
        self.inner.verify().await
    }
    /// The requests no expectation matched, described with their secrets redacted.
    pub fn unmatched(&self) -> ::std::vec::Vec<::std::string::String> {
        self.inner.unmatched()
    }
    /// The untyped server underneath.
    pub fn runtime(&self) -> &crate::runtime::mock::MockServer {
        &self.inner
    }
    /// Sets up what [`Client::auth_token`](crate::Client) expects and answers.
    pub fn auth_token(
        &self,
    ) -> crate::runtime::mock::OperationMock<'_, operations::AuthToken> {
        self.inner.operation()
    }
}
/// The untyped server's methods too (`operation::<Op>()`, `wiremock()`), so that code
/// generic over operations can use any API's server.
impl ::std::ops::Deref for MockServer {
    type Target = crate::runtime::mock::MockServer;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    /// `POST /v1/auth/token`: the mock of `Client::auth_token`.
    #[derive(Debug)]
    pub enum AuthToken {}
    impl crate::runtime::mock::MockOperation for AuthToken {
        type Body = crate::types::AuthTokenBody;
        type Ok = crate::types::AuthTokenResponse;
        type Error = crate::AuthTokenError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "auth_token",
            method: "POST",
            path: "/v1/auth/token",
            body: crate::runtime::mock::BodyFormat::Json,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(200, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match error {
                crate::AuthTokenError::BadRequest(body) => {
                    crate::runtime::mock::Reply::json(400, "application/json", body)
                }
                crate::AuthTokenError::Unauthorized(body) => {
                    crate::runtime::mock::Reply::json(401, "application/json", body)
                }
                crate::AuthTokenError::TooManyRequests(body) => {
                    crate::runtime::mock::Reply::json(429, "application/json", body)
                }
            }
        }
        fn example_ok() -> Self::Ok {
            crate::types::AuthTokenResponse::new(true)
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::AuthTokenError::BadRequest(crate::types::ApiResponse::new(true)),
                crate::AuthTokenError::Unauthorized(
                    crate::types::ApiResponse::new(true),
                ),
                crate::AuthTokenError::TooManyRequests(
                    crate::types::ApiResponse::new(true),
                ),
            ])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::AuthTokenBody::new("example", "example");
                client.auth_token(&body).await
            })
        }
    }
}

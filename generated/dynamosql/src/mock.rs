// Generated from `specs/dynamosql.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
use crate::runtime::mock;
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[mock::OperationInfo] = &[
    <operations::AuthToken as mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["accessToken", "clientSecret", "refreshToken"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::auth_token`](crate::Client) expects and answers.
    pub fn auth_token(&self) -> mock::OperationMock<'_, operations::AuthToken> {
        self.inner.operation()
    }
}
/// A client of `server` holding a placeholder credential for every security scheme,
/// so that a server checking credentials lets the example calls through.
pub fn example_client(server: crate::Server) -> crate::Client {
    crate::Client::builder(server)
        .cognito_jwt("YOUR-CREDENTIAL")
        .build()
        .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
}
/// Every operation's example call on `client`, in the order of the spec, none started:
/// what a conformance run sends to a server that validates requests.
pub fn example_calls(client: &crate::Client) -> ::std::vec::Vec<mock::ExampleCall<'_>> {
    ::std::vec![mock::example_call:: < operations::AuthToken > (client)]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    #![allow(clippy::redundant_closure, deprecated)]
    use crate::runtime::mock;
    /// `POST /v1/auth/token`: the mock of `Client::auth_token`.
    #[derive(Debug)]
    pub enum AuthToken {}
    impl mock::MockOperation for AuthToken {
        type Body = crate::types::AuthTokenBody;
        type Ok = crate::types::AuthTokenResponse;
        type Error = crate::AuthTokenError;
        type Errors = AuthToken;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "auth_token",
            method: "POST",
            path: "/v1/auth/token",
            body: mock::BodyFormat::Json,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(200, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            mock::example_or(
                "{\"success\":true,\"data\":{\"accessToken\":\"eyJhbGciOiJSUzI1NiIs...\",\"refreshToken\":\"eyJjdHkiOiJKV1QiLCJl...\",\"expiresIn\":3600,\"tokenType\":\"Bearer\"}}",
                || crate::types::AuthTokenResponse::new(true),
            )
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::AuthTokenBody::new("example", "example");
                client.auth_token(&body).await
            })
        }
    }
    impl mock::MockErrors for AuthToken {
        type Error = crate::AuthTokenError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::AuthTokenError::BadRequest(body) => {
                    mock::Reply::json(400, "application/json", body)
                }
                crate::AuthTokenError::Unauthorized(body) => {
                    mock::Reply::json(401, "application/json", body)
                }
                crate::AuthTokenError::TooManyRequests(body) => {
                    mock::Reply::json(429, "application/json", body)
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
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
    }
}

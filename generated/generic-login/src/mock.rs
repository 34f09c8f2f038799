// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
use crate::runtime::mock;
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[mock::OperationInfo] = &[
    <operations::Login as mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["access_token", "client_secret", "password"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::login`](crate::Client) expects and answers.
    pub fn login(&self) -> mock::OperationMock<'_, operations::Login> {
        self.inner.operation()
    }
}
/// A client of `server` holding a placeholder credential for every security scheme,
/// so that a server checking credentials lets the example calls through.
pub fn example_client(server: crate::Server) -> crate::Client {
    crate::Client::builder(server)
        .build()
        .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
}
/// Every operation's example call on `client`, in the order of the spec, none started:
/// what a conformance run sends to a server that validates requests.
pub fn example_calls(client: &crate::Client) -> ::std::vec::Vec<mock::ExampleCall<'_>> {
    ::std::vec![mock::example_call:: < operations::Login > (client)]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    #![allow(clippy::redundant_closure, deprecated)]
    use crate::runtime::mock;
    /// `POST /api/v1/auth/login`: the mock of `Client::login`.
    #[derive(Debug)]
    pub enum Login {}
    impl mock::MockOperation for Login {
        type Body = crate::types::LoginForm;
        type Ok = crate::types::TokenResponse;
        type Error = crate::LoginError;
        type Errors = Login;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "login",
            method: "POST",
            path: "/api/v1/auth/login",
            body: mock::BodyFormat::Form,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(200, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            mock::example_or("{\"orgs\":[]}", || crate::types::TokenResponse::new())
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::LoginForm::new();
                client.login(&body).await
            })
        }
    }
    impl mock::MockErrors for Login {
        type Error = crate::LoginError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::LoginError::BadRequest(body) => {
                    mock::Reply::json(400, "application/json", body)
                }
                crate::LoginError::Unauthorized(body) => {
                    mock::Reply::json(401, "application/json", body)
                }
                crate::LoginError::Forbidden(body) => {
                    mock::Reply::json(403, "application/json", body)
                }
                crate::LoginError::NotFound(body) => {
                    mock::Reply::json(404, "application/json", body)
                }
                crate::LoginError::Conflict(body) => {
                    mock::Reply::json(409, "application/json", body)
                }
                crate::LoginError::UnprocessableEntity(body) => {
                    mock::Reply::json(422, "application/json", body)
                }
                crate::LoginError::UpgradeRequired(body) => {
                    mock::Reply::json(426, "application/json", body)
                }
                crate::LoginError::TooManyRequests(body) => {
                    mock::Reply::json(429, "application/json", body)
                }
                crate::LoginError::InternalServerError(body) => {
                    mock::Reply::json(500, "application/json", body)
                }
                crate::LoginError::BadGateway(body) => {
                    mock::Reply::json(502, "application/json", body)
                }
                crate::LoginError::GatewayTimeout(body) => {
                    mock::Reply::json(504, "application/json", body)
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::LoginError::BadRequest(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::Unauthorized(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::Forbidden(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::NotFound(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::Conflict(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::UnprocessableEntity(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::UpgradeRequired(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::TooManyRequests(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::InternalServerError(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::BadGateway(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::GatewayTimeout(
                    mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
            ])
        }
    }
}

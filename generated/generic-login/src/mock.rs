// Generated from `specs/generic-login.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[crate::runtime::mock::OperationInfo] = &[
    <operations::Login as crate::runtime::mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["access_token", "client_secret", "password"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::login`](crate::Client) expects and answers.
    pub fn login(&self) -> crate::runtime::mock::OperationMock<'_, operations::Login> {
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
pub fn example_calls(
    client: &crate::Client,
) -> ::std::vec::Vec<crate::runtime::mock::ExampleCall<'_>> {
    ::std::vec![crate ::runtime::mock::example_call:: < operations::Login > (client)]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    /// `POST /api/v1/auth/login`: the mock of `Client::login`.
    #[derive(Debug)]
    pub enum Login {}
    #[allow(clippy::redundant_closure)]
    impl crate::runtime::mock::MockOperation for Login {
        type Body = crate::types::LoginForm;
        type Ok = crate::types::TokenResponse;
        type Error = crate::LoginError;
        type Client = crate::Client;
        const INFO: crate::runtime::mock::OperationInfo = crate::runtime::mock::OperationInfo {
            name: "login",
            method: "POST",
            path: "/api/v1/auth/login",
            body: crate::runtime::mock::BodyFormat::Form,
        };
        fn ok_reply(ok: &Self::Ok) -> crate::runtime::mock::Reply {
            crate::runtime::mock::Reply::json(200, "application/json", ok)
        }
        fn error_reply(error: &Self::Error) -> crate::runtime::mock::Reply {
            match error {
                crate::LoginError::BadRequest(body) => {
                    crate::runtime::mock::Reply::json(400, "application/json", body)
                }
                crate::LoginError::Unauthorized(body) => {
                    crate::runtime::mock::Reply::json(401, "application/json", body)
                }
                crate::LoginError::Forbidden(body) => {
                    crate::runtime::mock::Reply::json(403, "application/json", body)
                }
                crate::LoginError::NotFound(body) => {
                    crate::runtime::mock::Reply::json(404, "application/json", body)
                }
                crate::LoginError::Conflict(body) => {
                    crate::runtime::mock::Reply::json(409, "application/json", body)
                }
                crate::LoginError::UnprocessableEntity(body) => {
                    crate::runtime::mock::Reply::json(422, "application/json", body)
                }
                crate::LoginError::UpgradeRequired(body) => {
                    crate::runtime::mock::Reply::json(426, "application/json", body)
                }
                crate::LoginError::TooManyRequests(body) => {
                    crate::runtime::mock::Reply::json(429, "application/json", body)
                }
                crate::LoginError::InternalServerError(body) => {
                    crate::runtime::mock::Reply::json(500, "application/json", body)
                }
                crate::LoginError::BadGateway(body) => {
                    crate::runtime::mock::Reply::json(502, "application/json", body)
                }
                crate::LoginError::GatewayTimeout(body) => {
                    crate::runtime::mock::Reply::json(504, "application/json", body)
                }
            }
        }
        fn example_ok() -> Self::Ok {
            crate::runtime::mock::example_or(
                "{\"orgs\":[]}",
                || crate::types::TokenResponse::new(),
            )
        }
        fn example_errors() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::LoginError::BadRequest(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::Unauthorized(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::Forbidden(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::NotFound(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::Conflict(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::UnprocessableEntity(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::UpgradeRequired(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::TooManyRequests(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::InternalServerError(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::BadGateway(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
                crate::LoginError::GatewayTimeout(
                    crate::runtime::mock::example_or(
                        "{\"code\":401,\"detail\":\"Authentication failed\",\"type\":\"authentication_error\"}",
                        || crate::types::ErrorEnvelope::new(),
                    ),
                ),
            ])
        }
        #[allow(deprecated)]
        fn example_call(
            client: &crate::Client,
        ) -> crate::runtime::mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::LoginForm::new();
                client.login(&body).await
            })
        }
    }
}

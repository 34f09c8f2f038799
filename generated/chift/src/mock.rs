// Generated from `specs/chift.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
use crate::runtime::mock;
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[mock::OperationInfo] = &[
    <operations::GenerateAccessTokenTokenPost as mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["access_token", "clientSecret"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::generate_access_token_token_post`](crate::Client) expects and answers.
    pub fn generate_access_token_token_post(
        &self,
    ) -> mock::OperationMock<'_, operations::GenerateAccessTokenTokenPost> {
        self.inner.operation()
    }
}
/// A client of `server` holding a placeholder credential for every security scheme,
/// so that a server checking credentials lets the example calls through.
pub fn example_client(server: crate::Server) -> crate::Client {
    crate::Client::builder(server)
        .bearer_auth("YOUR-CREDENTIAL")
        .build()
        .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
}
/// Every operation's example call on `client`, in the order of the spec, none started:
/// what a conformance run sends to a server that validates requests.
pub fn example_calls(client: &crate::Client) -> ::std::vec::Vec<mock::ExampleCall<'_>> {
    ::std::vec![
        mock::example_call:: < operations::GenerateAccessTokenTokenPost > (client)
    ]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    #![allow(clippy::redundant_closure, deprecated)]
    use crate::runtime::mock;
    /// `POST /token`: the mock of `Client::generate_access_token_token_post`.
    #[derive(Debug)]
    pub enum GenerateAccessTokenTokenPost {}
    impl mock::MockOperation for GenerateAccessTokenTokenPost {
        type Body = crate::types::AuthItem;
        type Ok = crate::types::Token;
        type Error = crate::GenerateAccessTokenTokenPostError;
        type Errors = GenerateAccessTokenTokenPost;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "generate_access_token_token_post",
            method: "POST",
            path: "/token",
            body: mock::BodyFormat::Json,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(200, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            crate::types::Token::new("example", "example", 1, 1)
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::AuthItem::new(
                    "example",
                    "example",
                    uuid::Uuid::nil(),
                );
                client.generate_access_token_token_post(&body).await
            })
        }
    }
    impl mock::MockErrors for GenerateAccessTokenTokenPost {
        type Error = crate::GenerateAccessTokenTokenPostError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::GenerateAccessTokenTokenPostError::UnprocessableEntity(body) => {
                    mock::Reply::json(422, "application/json", body)
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::GenerateAccessTokenTokenPostError::UnprocessableEntity(
                    mock::example_or(
                        "{\"message\":\"Validation error\",\"status\":\"error\"}",
                        || crate::types::HttpValidationError::new("Validation error"),
                    ),
                ),
            ])
        }
    }
}

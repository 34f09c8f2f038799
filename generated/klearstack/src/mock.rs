// Generated from `specs/klearstack.yaml` by `cargo xtask codegen`; do not edit.

//! A typed mock server of this API, for the tests of programs that use it. Start it,
//! point a `Client` at it, and say per operation what it expects and answers, with the
//! crate's own types; a request no expectation matches fails the test.
use crate::runtime::mock;
/// The operations, as the mock server matches and names them.
const OPERATIONS: &[mock::OperationInfo] = &[
    <operations::GetAccessToken as mock::MockOperation>::INFO,
];
/// Header, query and property names whose values never show in a failure message.
const SECRETS: &[&str] = &["access_token", "password", "refresh_token"];
crate::runtime::mock_server!(OPERATIONS, SECRETS);
impl MockServer {
    /// Sets up what [`Client::get_access_token`](crate::Client) expects and answers.
    pub fn get_access_token(
        &self,
    ) -> mock::OperationMock<'_, operations::GetAccessToken> {
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
    ::std::vec![mock::example_call:: < operations::GetAccessToken > (client)]
}
/// One type per operation, describing it to the mock server.
pub mod operations {
    #![allow(clippy::redundant_closure, deprecated)]
    use crate::runtime::mock;
    /// `POST /access/klearstack/get_access_token`: the mock of `Client::get_access_token`.
    #[derive(Debug)]
    pub enum GetAccessToken {}
    impl mock::MockOperation for GetAccessToken {
        type Body = crate::types::GetAccessTokenRequest;
        type Ok = crate::types::AccessTokenResponse;
        type Error = crate::GetAccessTokenError;
        type Errors = GetAccessToken;
        type Client = crate::Client;
        const INFO: mock::OperationInfo = mock::OperationInfo {
            name: "get_access_token",
            method: "POST",
            path: "/access/klearstack/get_access_token",
            body: mock::BodyFormat::Other,
        };
        fn ok_reply(ok: &Self::Ok) -> mock::Reply {
            mock::Reply::json(200, "application/json", ok)
        }
        fn example_ok() -> Self::Ok {
            mock::example_or(
                "{\"refresh_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCIsImV4cCI6MTY1NjU3NjA5OCwiaWF0IjoxNjU2NTcdGkiOiI1ZmEzNGM4YjUyOGI0OWM3OWQzNjk5ZWJlNDRlYzUwZiIsInVzZXJfaWQiOjI2fQ.kvpMWPuxenw2c55nucfQCxHLipiO4DhK2TC5NKpJZEk\",\"access_token\":\"eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNjU2NTc2MDM4LCJpYTY1NzU5MTgsImp0aSI6IjQwMWZlYmJhODg4NDQ1MmRhN2Q3ZTA5ZjEwZmYwOWFkIiwidXNlcl9pZCI6MjZ9.sjU6iVbRRp7dTDt-l4rj7K7tKpPpaL7yskjstAUn2Zs\",\"release_version\":\"7.8.9\"}",
                || crate::types::AccessTokenResponse::new(),
            )
        }
        fn example_call(
            client: &crate::Client,
        ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
            ::std::boxed::Box::pin(async move {
                let body = crate::types::GetAccessTokenRequest::new(
                    "Replace_User_Name_Here",
                    "Replace_Password_Here",
                    "Replace_Company_Name_Here",
                );
                client.get_access_token(&body).await
            })
        }
    }
    impl mock::MockErrors for GetAccessToken {
        type Error = crate::GetAccessTokenError;
        fn reply(error: &Self::Error) -> mock::Reply {
            match error {
                crate::GetAccessTokenError::InternalServerError(body) => {
                    mock::Reply::raw(500, "text/plain", body.as_bytes().to_vec())
                }
            }
        }
        fn examples() -> ::std::vec::Vec<Self::Error> {
            ::std::vec::Vec::from([
                crate::GetAccessTokenError::InternalServerError(String::from("example")),
            ])
        }
    }
}
